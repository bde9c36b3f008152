"""The one comment under a heading that says there is one ("1 Comment",
"Comments (1)", "1 Response to “…”").

A template needs repeats, and a lone comment has none. So when no reading
found comments and a heading states exactly one, the comment is the run of
text right under that heading (past a few lines of the section's own
furniture: "Sort by", "Subscribe") up to the first line a rule set aside
("Reply", "Leave a Comment"), less the line model's short furniture at its end
("ReplyDelete"). The heading alone is not enough: a post's "1 Comment" may sit
over its own text, a sign-up prompt under a comment count. So the run must be,
at least half of it, what the line model reads as comments, or open with a
comment's header (a name and a stamp) and either hold mostly what the model
does not read as article text or lie under more of the post's prose than it
holds itself (not a post's byline and text, under its count, below a shorter
post on a page of posts). Its header is its
first line when that reads as one (a name and a stamp, "1. Ann says:", with the
stamp on the line under it).
"""

from __future__ import annotations

from ...shapes import NUMBER, VARYING, header_like, loose_shape, sentence_like, stamped
from ...state import BODY, COMMENT_BODY, COMMENT_HEADER, Comment, ParseState
from .named import is_sentence, stated_count
from ..sections import article_like
from .template import author_and_date, name_line, usable

LEAD = 3  # furniture lines between the heading and the comment, at most
MAX_LINES = 40  # a lone comment's text lines, at most
LINK_WORDS = 4  # a link under the comment ("Link to this comment") has no more words than this
TALK_SHARE = 0.5  # of the run's lines, the share the model must read as comments


def lone_comment(state: ParseState, talk: set[int], furniture: set[int], article: set[int]) -> list[int] | None:
    """The lone comment's text lines, header first; None when no heading states a
    single comment with one under it. ``talk``, ``furniture``, ``article``: the
    lines the model reads as comments, as furniture, as article text."""
    text_lines = [i for i, line in enumerate(state.lines) if not line.blank]
    prose_above = [0]  # words of article text in full sentences above each text line
    for i in text_lines:
        prose_above.append(prose_above[-1] + _prose_words(state, i))
    for at, i in enumerate(text_lines):
        if stated_count(state, state.lines[i].stripped) != 1:
            continue
        run = _run_under(state, text_lines[at + 1:], furniture)
        if run is None or len(run) < 2 or not _text_left(state, text_lines, run):
            continue
        under_post = prose_above[at] > sum(_prose_words(state, j) for j in run)  # the post's prose, not the run's
        if (sum(j in talk for j in run) >= TALK_SHARE * len(run)
                or _stamped(state, run) and (under_post or 2 * sum(j in article for j in run) < len(run))):
            return run  # read as a comment, or headed as one under the post or over what is no article's text
    return None


def _prose_words(state: ParseState, i: int) -> int:
    """The words of line ``i`` if it is article text in a full sentence, else 0."""
    text = state.lines[i].stripped
    return len(text.split()) if state.lines[i].role == BODY and article_like(text) else 0


def _text_left(state: ParseState, text_lines: list[int], run: list[int]) -> bool:
    """Would the article keep a line of text? (A post's "1 Comment" over its own text.)"""
    taken = set(run)
    return any(state.lines[i].role == BODY and i not in taken for i in text_lines)


def _stamp_line(text: str) -> bool:
    """A line that is a stamp and little else ("November 2, 2012 at 10:46 pm"),
    not a sentence that mentions a date."""
    shape_text = loose_shape(text)
    return stamped(shape_text) and VARYING not in shape_text.split()


def _stamped_header(state: ParseState, run: list[int]) -> bool:
    """Does the run open with a comment's header: a name and a stamp on one line
    ("Damien / November 13, 2012 at 04:03 pm"), or a name over a stamp?"""
    first = state.lines[run[0]].stripped
    shape_text = loose_shape(first)
    if stamped(shape_text):
        return header_like(shape_text, first) and VARYING in shape_text.split()
    return _name_over_stamp(state, run)


def _stamped(state: ParseState, run: list[int]) -> bool:
    """Does the run open with a comment's header, or close with its footer?"""
    return _stamped_header(state, run) or _stamped_footer(state, run)


def _stamped_footer(state: ParseState, run: list[int]) -> bool:
    """Does the run close with a comment's footer (`_footer_at`) and open with no header?"""
    return _footer_at(state, run) == len(run) - 1 and not _stamped_header(state, run)


def _footer_at(state: ParseState, run: list[int]) -> int | None:
    """Where in the run the first comment's footer lies, a name and a stamp on one
    line ("Posted by jenn | November 6, 2012 1:04 PM", "July 31, 2012 | PW"), under
    a body of sentences (not a form's "Name" / "Email" nor a thread's "Newest" /
    "Oldest" over a header). A line that opens with a number ("1. Ann, May 5")
    opens its comment: it is a header, never a footer; one that ends as a sentence
    ends ("I bought a box on November 3.") is the comment's text."""
    for k in range(1, len(run)):
        text = state.lines[run[k]].stripped
        shape_text = loose_shape(text)
        parts = shape_text.split()
        if stamped(shape_text) and header_like(shape_text, text) and VARYING in parts and parts[-1] not in ".!?":
            numbered = parts[0] == NUMBER
            return k if not numbered and all(is_sentence(state.lines[i].stripped) for i in run[:k]) else None
    return None


def _name_over_stamp(state: ParseState, run: list[int]) -> bool:
    """A name alone on the run's first line and a stamp alone on its second, with a body under them."""
    return len(run) > 2 and name_line(state.lines[run[0]].stripped) and _stamp_line(state.lines[run[1]].stripped)


def _run_under(state: ParseState, following: list[int], furniture: set[int]) -> list[int] | None:
    """The open lines under a heading, past at most ``LEAD`` others, up to the
    first line a rule set aside or the end (None if that is too far), or to the
    comment's footer when no header opens them."""
    k = 0
    while k < min(LEAD, len(following)) and not usable(state, following[k]):
        k += 1
    run = []
    while k < len(following) and usable(state, following[k]) and len(run) <= MAX_LINES:
        run.append(following[k])
        k += 1
    if run and not _stamped_header(state, run) and (footer := _footer_at(state, run)) is not None:
        return run[:footer + 1]  # the comment ends at its footer
    if len(run) > MAX_LINES:
        return None
    while run and run[-1] in furniture and len(state.lines[run[-1]].stripped.split()) <= LINK_WORDS:
        run.pop()
    return run


def claim_lone(state: ParseState, run: list[int]) -> None:
    """Make ``run`` the page's one comment, with the header its first lines read as:
    a name and a stamp ("1. Ann says:", "Ann on May 2, 2012"), a stamp under a
    line that holds the name ("1. Ann says:", "Ann" over "May 2, 2012 at 4:51 pm"),
    or none."""
    first, second = run[0], run[1]
    text = state.lines[first].stripped
    shape_text = loose_shape(text)
    stamp_below = len(run) > 2 and _stamp_line(state.lines[second].stripped)
    if _name_over_stamp(state, run):
        header_lines = [first, second]
        author, date = author_and_date(state, second, first)
    elif header_like(shape_text, text) and not sentence_like(shape_text) and (
            stamped(shape_text) or stamp_below or name_line(text)):  # not "I love this idea."
        header_lines = [first, second] if stamp_below and not stamped(shape_text) else [first]
        author, date = author_and_date(state, first, None)
        date = date or author_and_date(state, header_lines[-1], None)[1]
    elif _stamped_footer(state, run):
        header_lines = [run[-1]]
        author, date = author_and_date(state, run[-1], None)
    else:
        header_lines, author, date = [], None, None
    for i in header_lines:
        state.lines[i].role, state.lines[i].why = COMMENT_HEADER, None
    body = [i for i in run if i not in header_lines]
    for i in body:
        state.lines[i].role, state.lines[i].why = COMMENT_BODY, None
    state.comments_start = first
    state.comments.append(Comment(1, author, date, body, header=header_lines[0] if header_lines else None,
                                  header_lines=header_lines))
