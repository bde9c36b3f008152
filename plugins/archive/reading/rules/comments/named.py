"""Comments headed by their author's name alone: ``{ 131 comments }``, then
``Gibbo`` / the body / ``Robert`` / the body … (Thesis and other themes that show
no stamp). A commenter's website may stand before the name
(``http://example.com Robert``).

A bare name is no template: a sidebar's list of names or a menu looks the
same. So the thread is taken only under a heading that says comments follow,
when names and bodies take turns under it; the last comment ends before the
first line that reads as no sentence ("Get Email Updates") or at a comment
form's heading ("Leave a Reply"). Under a heading that states how many
comments follow, their number must agree with the heading's. Under a bare
"Comments" heading, which states none ("COMMENTS" / "LOGIN TO COMMENT |
REGISTER TODAY" / "DerKrieger" / the body …), the heading must lie below the
post's prose and away from a comment form's fields, the thread must open
within a few lines that read as no sentence, every body must open with a
sentence, and the names must not be one person's or two taking turns (an
interview). It runs after the line
model (which may have read the whole thread as furniture), over lines left as
article text or set aside by the model and those another reading gave to
comments: it stands when it finds more comments than that reading did.
"""

from __future__ import annotations

import re

from ..counts import comment_count_heading
from ..sections import article_like, is_comment_form_heading, is_uncounted_comment_heading
from ...shapes import VARYING, loose_shape
from ...state import (BODY, BOILERPLATE, COMMENT_BODY, COMMENT_FURNITURE, COMMENT_HEADER, LINE_MODEL, Comment,
                      ParseState)

MIN_NAMED = 3  # comments, before a run of names and bodies is a thread
AGREE = (0.5, 1.5)  # names found, against the comments the heading states (it may count only some)
MAX_NAME_LENGTH = 40
SENTENCE_WORDS = 8  # a line this long reads as a sentence, whatever it ends with
MAX_NAME_WORDS = 4
UNDER_HEADING = 2  # lines that are no sentence between a heading that gives no count and the first name
MIN_PROSE_LINES = 2  # full sentences of article text above such a heading: the post, not a headline's dek
FORM_FIELDS = 6  # text lines under a comment form's heading that are its fields ("Name", "Email", "Comment")
_WEBSITE = re.compile(r"^https?://\S+\s+(?=\S)")  # "http://example.com Robert": the commenter's website, then the name


def named_thread(state: ParseState) -> list[tuple[int, list[int]]] | None:
    """The thread of name-headed comments under a heading that says comments
    follow: each comment's name line and body lines; None if there is none.
    Lines other comments hold count as free (this reading may challenge theirs)."""
    text_lines = [i for i, line in enumerate(state.lines) if not line.blank]
    for at, i in enumerate(text_lines):
        stated = comment_count_heading(state, state.lines[i].stripped)
        if stated is not None and stated >= MIN_NAMED:
            thread = _thread_under(state, text_lines, at + 1)
            if MIN_NAMED <= len(thread) and stated * AGREE[0] <= len(thread) <= stated * AGREE[1]:
                return thread
    return _uncounted_thread(state, text_lines)  # no heading, or its names do not add up to the count


def _uncounted_thread(state: ParseState, text_lines: list[int]) -> list[tuple[int, list[int]]] | None:
    """The thread of name-headed comments under a bare "Comments" heading, which
    states no count (not a comment form's "Leave a Reply", which often lies under
    the thread, nor a singular "Comment" just under it, the form's field): at
    least ``MIN_PROSE_LINES`` full sentences of the post above it, the thread opening within ``UNDER_HEADING``
    lines that read as no sentence, every body opening with a sentence (not a
    teaser's excerpt cut off with "…", nor a card's name over its offer), and no
    interview's names (`_interview`)."""
    prose_lines, form, scanned = 0, None, -1
    for at, i in enumerate(text_lines):
        text = state.lines[i].stripped
        if is_comment_form_heading(text):
            form = at
        elif (prose_lines >= MIN_PROSE_LINES and i > scanned and is_uncounted_comment_heading(text)
              and not (form is not None and at - form <= FORM_FIELDS and text.rstrip(":").lower() == "comment")):
            for skip in range(UNDER_HEADING + 1):
                start = at + 1 + skip
                if start >= len(text_lines) or (skip and is_sentence(state.lines[text_lines[start - 1]].stripped)):
                    break  # the page ends, or a sentence under the heading, no furniture: the thread would lose it
                thread = _thread_under(state, text_lines, start)
                scanned = max(scanned, _end(thread))  # a heading inside a thread tried opens no other
                if (len(thread) >= MIN_NAMED and not _interview(state, thread)
                        and all(full_sentence(state.lines[body[0]].stripped) for _head, body in thread)):
                    return thread
        if state.lines[i].role == BODY and article_like(text):
            prose_lines += 1
    return None


def _interview(state: ParseState, thread: list[tuple[int, list[int]]]) -> bool:
    """Are these no commenters but one person, or two taking turns with one of
    them asking every time (an interview, "Q" and "A")? A reader and the post's
    author answering each other take turns too, but do not only ask."""
    names = [_name(state, head) for head, _body in thread]
    people = set(names)
    if len(people) < 2:
        return True
    if len(people) > 2 or any(a == b for a, b in zip(names, names[1:])):
        return False
    return any(all(state.lines[body[-1]].stripped.endswith("?") for _head, body in thread[first::2])
               for first in (0, 1))


def _end(thread: list[tuple[int, list[int]]]) -> int:
    """The last line a thread holds (-1 for none): its last comment's last body line."""
    return thread[-1][1][-1] if thread else -1


def full_sentence(text: str) -> bool:
    """A sentence (`is_sentence`), not a teaser's excerpt cut off with an ellipsis."""
    return is_sentence(text) and not text.rstrip("”\"’')").endswith(("...", "…"))


def _thread_under(state: ParseState, following: list[int], k: int) -> list[tuple[int, list[int]]]:
    """Names and bodies taking turns from the ``k``-th of the ``following`` text lines."""
    thread: list[tuple[int, list[int]]] = []
    while k < len(following) and _open(state, following[k]) and _bare_name(state.lines[following[k]].stripped):
        head, body = following[k], []
        k += 1
        # the line under a name is its body, even a bare "Hey Chris"; the next bare name opens the next comment
        while k < len(following) and _open(state, following[k]) and not (
                body and _bare_name(state.lines[following[k]].stripped)):
            body.append(following[k])
            k += 1
        if not body:  # the thread has ended
            break
        thread.append((head, body))
    if thread:  # the thread's open end: the last comment ends before the first line that is no sentence
        head, body = thread[-1]
        end = next((n for n, i in enumerate(body) if n and not is_sentence(state.lines[i].stripped)), len(body))
        thread[-1] = (head, body[:end])
    return thread


def claim_named(state: ParseState, thread: list[tuple[int, list[int]]]) -> None:
    """Make each name line a comment's header and the lines under it its body."""
    state.comments_start = thread[0][0]
    for number, (head, body) in enumerate(thread, start=1):
        state.lines[head].role, state.lines[head].why = COMMENT_HEADER, None
        for i in body:
            state.lines[i].role, state.lines[i].why = COMMENT_BODY, None
        state.comments.append(Comment(number, _name(state, head), None, body, header=head, header_lines=[head]))


def _name(state: ParseState, head: int) -> str:
    """The commenter's name on a name line, less the website before it."""
    return _WEBSITE.sub("", state.lines[head].stripped, count=1)


def _open(state: ParseState, i: int) -> bool:
    """Free (`_free`), and no comment form's heading: the thread ends there."""
    return _free(state, i) and not is_comment_form_heading(state.lines[i].stripped)


def _free(state: ParseState, i: int) -> bool:
    """Left as article text, set aside by the line model alone, or another reading's comment."""
    line = state.lines[i]
    return line.role in (BODY, COMMENT_HEADER, COMMENT_BODY) or (line.role == BOILERPLATE
                                                                 and line.why in (LINE_MODEL, COMMENT_FURNITURE))


def is_sentence(text: str) -> bool:
    """Words that read as a sentence, not a heading or a link ("Get Email Updates")."""
    return len(text.split()) >= SENTENCE_WORDS or text.rstrip("”\"’')").endswith((".", "!", "?", "…"))


def _bare_name(text: str) -> bool:
    """A line that is only a name, perhaps after the commenter's website: a few
    words, no stamp, no sentence's end."""
    text = _WEBSITE.sub("", text, count=1)
    return (len(text) <= MAX_NAME_LENGTH and len(text.split()) <= MAX_NAME_WORDS
            and loose_shape(text) == VARYING and not text.endswith((".", "!", "?", ":", ","))
            and text[:1].isalpha())
