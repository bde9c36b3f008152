"""The one comment under a heading that says there is one ("1 Comment",
"Comments (1)", "1 Response to “…”").

A template needs repeats, and a lone comment has none. So when no reading
found comments (or found several, nameless, where the page says there is one:
`relabel`) and a heading states exactly one, the comment is the run of
text right under that heading (past a few lines of the section's own
furniture: "Sort by", "Subscribe") up to the first line a rule set aside
("Reply", "Leave a Comment"; a "Related posts" block over the heading that
ran on past it may open it, on a page that states no other count), less the
line model's short furniture at its end ("ReplyDelete"); or, when no header opens that run, the run up to the
comment's footer, a name and a stamp under its text ("Posted by jenn |
November 6, 2012 1:04 PM"). The heading alone is not enough: a post's
"1 Comment" may sit over its own text, a sign-up prompt under a comment count.
So the run must be, at least half of it, what the line model reads as
comments, or open with a comment's header (a name and a stamp) or close with
its footer, and either hold mostly what the model does not read as article
text or lie under more of the post's prose than it holds itself (not a post's
byline and text, under its count, below a shorter post on a page of posts). On
a page with more than one count, a footer whose shape a line above the heading
has too (a post's own byline, on a page of posts) is no comment's. Its header
is its first line when that reads as one (a name and a stamp, "1. Ann says:",
with the stamp on the line under it), else its footer, if it closes with one.
"""

from __future__ import annotations

from ...shapes import MAX_TEMPLATE_LENGTH, NUMBER, VARYING, header_like, loose_shape, sentence_like, stamped
from ...state import BODY, COMMENT_BODY, COMMENT_HEADER, Comment, ParseState
from .named import is_sentence
from .template import author_and_date, is_teaser, name_line, usable
from ..counts import comment_count_heading
from ..sections import article_like

LEAD = 3  # furniture lines between the heading and the comment, at most
MAX_LINES = 40  # a lone comment's text lines, at most
LINK_WORDS = 4  # a link under the comment ("Link to this comment") has no more words than this
TALK_SHARE = 0.5  # of the run's lines, the share the model must read as comments


def lone_comment(state: ParseState, talk: set[int], furniture: set[int], article: set[int]) -> list[int] | None:
    """The lone comment's text lines, in order; None when no heading states a
    single comment with one under it. ``talk``, ``furniture``, ``article``: the
    lines the model reads as comments, as furniture, as article text."""
    text_lines = [i for i, line in enumerate(state.lines) if not line.blank]
    prose_above = [0]  # words of article text in full sentences above each text line
    for i in text_lines:
        prose_above.append(prose_above[-1] + _prose_words(state, i))
    written = _ShapesAbove(state, text_lines)
    stated = [comment_count_heading(state, state.lines[i].stripped) for i in text_lines]
    posts = sum(count is not None for count in stated) > 1  # more than one count: maybe a page of posts
    for at, i in enumerate(text_lines):
        if stated[at] != 1:
            continue
        # a "Related posts" block that ran on past the heading may open the comment: one over the heading, on a
        # page that states no other count (a list of teasers, each with its own count, is no thread)
        lend = not posts and at > 0 and is_teaser(state, text_lines[at - 1])
        for run in _runs_under(state, text_lines[at + 1:], furniture, lend):
            if len(run) < 2 or not _text_left(state, text_lines, run):
                continue
            footed = _stamped_footer(state, run)
            if footed and posts and written.before(at, loose_shape(state.lines[run[-1]].stripped)):
                continue  # the footer's shape is a line's above: a post's byline, on a page of posts
            under_post = prose_above[at] > sum(_prose_words(state, j) for j in run)  # the post's, not the run's
            if (sum(j in talk for j in run) >= TALK_SHARE * len(run)
                    or _stamped(state, run) and (under_post or 2 * sum(j in article for j in run) < len(run))):
                return run  # read as a comment, or signed as one under the post or over what is no article's text
    return None


class _ShapesAbove:
    """The shapes of the text lines above a point, each line shaped once however
    many headings ask (`lone_comment` scans down the page)."""

    def __init__(self, state: ParseState, text_lines: list[int]) -> None:
        self.state, self.text_lines, self.shapes, self.done = state, text_lines, set(), 0

    def before(self, at: int, shape_text: str) -> bool:
        """Is ``shape_text`` the shape of one of the first ``at`` text lines?"""
        for i in self.text_lines[self.done:at]:
            text = self.state.lines[i].stripped
            if len(text) <= MAX_TEMPLATE_LENGTH:
                self.shapes.add(loose_shape(text))
        self.done = max(self.done, at)
        return shape_text in self.shapes


def _prose_words(state: ParseState, i: int) -> int:
    """The words of line ``i`` if it is article text in a full sentence, else 0."""
    text = state.lines[i].stripped
    return len(text.split()) if state.lines[i].role == BODY and article_like(text) else 0


def _text_left(state: ParseState, text_lines: list[int], run: list[int]) -> bool:
    """Would the article keep a line of text? (A post's "1 Comment" over its own text.)"""
    taken = set(run)
    return any(state.lines[i].role == BODY and i not in taken for i in text_lines)


def stamp_line(text: str) -> bool:
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
    return _stamped_header(state, run) or _footer_at(state, run) == len(run) - 1


def _stamped_footer(state: ParseState, run: list[int]) -> bool:
    """Does the run close with a comment's footer (`_footer_at`) and open with no header?"""
    return _footer_at(state, run) == len(run) - 1 and not _stamped_header(state, run)


def _footer_at(state: ParseState, run: list[int]) -> int | None:
    """Where in the run the first comment's footer lies: one name and a stamp on
    a line ("Posted by jenn | November 6, 2012 1:04 PM", "July 31, 2012 | PW")
    under a body of sentences (not a form's "Name" / "Email" nor a thread's
    "Newest" / "Oldest" over a header). A line that opens with a number ("1. Ann,
    May 5") opens its comment: it is a header, never a footer; a line with more
    words than a name beside its stamp, or that ends as a sentence ends ("See
    you at the market on November 12, 2012 Jamie"), is the comment's text."""
    for k in range(1, len(run)):
        text = state.lines[run[k]].stripped
        shape_text = loose_shape(text)
        parts = shape_text.split()
        if stamped(shape_text) and header_like(shape_text, text) and VARYING in parts:
            signed = parts.count(VARYING) == 1 and parts[0] != NUMBER and parts[-1] not in ".!?"
            return k if signed and all(is_sentence(state.lines[i].stripped) for i in run[:k]) else None
    return None


def _name_over_stamp(state: ParseState, run: list[int]) -> bool:
    """A name alone on the run's first line and a stamp alone on its second, with a body under them."""
    return len(run) > 2 and name_line(state.lines[run[0]].stripped) and stamp_line(state.lines[run[1]].stripped)


def _runs_under(state: ParseState, following: list[int], furniture: set[int], lend: bool) -> list[list[int]]:
    """The readings of the open lines under a heading: the run to the first line
    a rule set aside (`_run_under`), then, when no header opens the lines, the
    run to the comment's footer (`_footer_at`)."""
    lines = _open_lines(state, following, lend)
    runs = []
    run = _run_under(state, lines, furniture)
    if run is not None:
        runs.append(run)
    if lines and not _stamped_header(state, lines) and (footer := _footer_at(state, lines)) is not None:
        runs.append(lines[:footer + 1])
    return runs


def _open_lines(state: ParseState, following: list[int], lend: bool) -> list[int]:
    """The open lines under a heading, past at most ``LEAD`` others, up to the
    first line a rule set aside (one more than ``MAX_LINES`` at most). With
    ``lend`` (a teaser block ran on past the heading, when the rules did not
    see where the comments begin) the block's lines are open too, but only
    from the run's start: teasers under the comment's own lines are the page's
    next block."""
    k = 0
    while k < min(LEAD, len(following)) and not (usable(state, following[k])
                                                 or lend and is_teaser(state, following[k])):
        k += 1
    run: list[int] = []
    teasers = lend  # the run so far is all teasers of the block that ran on
    while k < len(following) and len(run) <= MAX_LINES:
        i = following[k]
        teaser = is_teaser(state, i)
        if not (usable(state, i) or teaser and teasers):
            break
        teasers = teasers and teaser
        run.append(i)
        k += 1
    return run


def _run_under(state: ParseState, lines: list[int], furniture: set[int]) -> list[int] | None:
    """The open ``lines`` less the line model's short furniture at their end (None if too many)."""
    if len(lines) > MAX_LINES:
        return None
    run = list(lines)
    while run and run[-1] in furniture and len(state.lines[run[-1]].stripped.split()) <= LINK_WORDS:
        run.pop()
    return run


def claim_lone(state: ParseState, run: list[int]) -> None:
    """Make ``run`` the page's one comment, with the header its first lines read as:
    a name and a stamp ("1. Ann says:", "Ann on May 2, 2012"), a stamp under a
    line that holds the name ("1. Ann says:", "Ann" over "May 2, 2012 at 4:51 pm"),
    else the footer its last line reads as ("Posted by jenn | November 6, 2012"),
    or none."""
    first, second = run[0], run[1]
    text = state.lines[first].stripped
    shape_text = loose_shape(text)
    stamp_below = len(run) > 2 and stamp_line(state.lines[second].stripped)
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
