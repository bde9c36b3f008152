"""A thread cut by its comments' own numbers: under "8 comments", headers that
open "1 Teresha August 9, 2012 at 9:03 am", "2 Charise @ I Thought I Knew
Mama", … "8 Sarah August 9, 2012 at 12:53 pm".

A template needs one shape that repeats, and the counted reading one that
repeats as often as the page says (`counted.counted_lines`). A thread whose
headers say the same thing several ways (the stamp on the header line for
some commenters, on a line of its own under a "Twitter: <handle>" line for
others) has none. Their numbers still count up: where a heading states N
comments and, under it, before the comment form, N header lines open with 1,
2, … N in that order, those lines open the N comments (`numbered_lines`, and
`cut_numbered` to cut them). A stamp alone on one of the two lines under a
header that has none is the header's too.
"""

from __future__ import annotations

import re
from collections import Counter

from .counted import may_take, teasers_in_comments, to_thread_end
from .lone import stamp_line
from .template import MAX_FURNITURE_LENGTH, author_and_date
from ..counts import comment_count_heading
from ..sections import is_comment_form_heading
from ...shapes import MAX_TEMPLATE_LENGTH, VARYING, loose_shape, sentence_like, stamp_date
from ...state import AFTER_COMMENTS, BOILERPLATE, COMMENT_BODY, COMMENT_FURNITURE, COMMENT_HEADER, Comment, ParseState

MIN_NUMBERED = 2  # comments a heading states, at least
HEADER_WORDS = 12  # words of a numbered header, at most
_SAYS = (".", "!", "?", ":")  # a sentence's end, or a list item's lead-in ("1. For the sauce:")
STAMP_BELOW = 2  # text lines under a header without a stamp where its stamp may stand
_NUMBERED = re.compile(r"(\d{1,4})[.)]?\s+\S")  # "1 Teresha …", "2. Ann says:"


def numbered_lines(state: ParseState, free: set[int]) -> tuple[int, list[int]] | None:
    """The comments the topmost heading states, and the lines under it that this
    reading may take, to the thread's end, where header lines numbered 1 to that
    count follow it in order before the comment form's heading or another
    count (the last comment ends where a rule set aside a line that is no
    link of the comments', and within the usual gap between two headers);
    None where there are none. ``free``: lines set aside only for where
    they lie, which it may take besides `template.usable` ones and other
    comments' lines, and a teaser block's that ran on into the comments
    (`counted.teasers_in_comments`)."""
    text_lines = [i for i, line in enumerate(state.lines) if not line.blank]
    free = free | teasers_in_comments(state)
    for at, i in enumerate(text_lines):
        stated = comment_count_heading(state, state.lines[i].stripped)
        if stated is None or stated < MIN_NUMBERED:
            continue
        below = []
        for j in text_lines[at + 1:]:
            text = state.lines[j].stripped
            if is_comment_form_heading(text) or comment_count_heading(state, text) is not None:
                break
            below.append(j)
        takes = [j for j in below if _takes(state, j, free)]
        heads = _numbered_heads(state, takes)
        if len(heads) == stated:
            end = _end_of(state, below, heads[-1], free)
            return stated, to_thread_end([j for j in takes if j < end], heads)
    return None


def cut_numbered(state: ParseState, lines: list[int], furniture: set[int]) -> bool:
    """Cut ``lines`` into comments at the header lines numbered 1, 2, … among
    them; a line the model reads as furniture (``furniture``) that repeats in
    most comments ("Reply") is set aside. True if any were cut."""
    heads = _numbered_heads(state, lines)
    if len(heads) < MIN_NUMBERED:
        return False
    taken = set(lines)
    ends = heads[1:] + [lines[-1] + 1]
    spans = [[i for i in range(head, end) if i in taken] for head, end in zip(heads, ends)]
    repeated = _repeated(state, spans)
    state.comments_start = heads[0]
    for number, span in enumerate(spans, start=1):
        head = span[0]
        header_lines = [head]
        date = stamp_date(state.lines[head].stripped)
        if date is None:  # "2 Charise @ …" over "Twitter: …" over "August 9, 2012 at 9:44 am"
            stamp = next((i for i in span[1:STAMP_BELOW + 1] if stamp_line(state.lines[i].stripped)), None)
            if stamp is not None:
                header_lines += [i for i in span[1:] if i <= stamp]
                date = stamp_date(state.lines[stamp].stripped)
        body = []
        for i in span:
            if i in header_lines:
                state.lines[i].role, state.lines[i].why = COMMENT_HEADER, None
            elif i in furniture and state.lines[i].stripped in repeated:
                state.lines[i].role, state.lines[i].why = BOILERPLATE, COMMENT_FURNITURE
            else:
                state.lines[i].role, state.lines[i].why = COMMENT_BODY, None
                body.append(i)
        author, _date = author_and_date(state, head, None)
        state.comments.append(Comment(number, author, date, body, header=head, header_lines=header_lines))
    return True


def _takes(state: ParseState, j: int, free: set[int]) -> bool:
    """May this reading take line ``j``: what `counted.may_take`, or a line set
    aside for lying after the comments of the reading it challenges?"""
    return may_take(state, j, free) or state.lines[j].why == AFTER_COMMENTS


def _numbered_heads(state: ParseState, lines: list[int]) -> list[int]:
    """The lines among ``lines`` that open with 1, 2, 3 … in order and read as a
    comment's header (short, a name in it, no sentence), up to the first gap in the count."""
    heads: list[int] = []
    for i in lines:
        text = state.lines[i].stripped
        match = _NUMBERED.match(text)
        if match and int(match[1]) == len(heads) + 1 and _header(text):
            heads.append(i)
    return heads


def _header(text: str) -> bool:
    """A header line: short, with a name in it past its number, no sentence
    ("1 Teresha August 9, 2012 at 9:03 am", "2 Charise @ I Thought I Knew Mama",
    "6 Mandi"; not "3. Preheat the oven to 200 degrees.")."""
    if len(text) > MAX_TEMPLATE_LENGTH or text.endswith(_SAYS):
        return False
    shape_text = loose_shape(text)
    return VARYING in shape_text.split() and not sentence_like(shape_text) and len(text.split()) <= HEADER_WORDS


def _end_of(state: ParseState, below: list[int], last_head: int, free: set[int]) -> int:
    """Where the last comment ends: at the first line under its header that this
    reading may not take and that is no link of the comments' ("Reply"), or at
    the end of the lines under the heading."""
    gap = [j for j in below if j > last_head]
    for j in gap:
        if not _takes(state, j, free) and state.lines[j].why != COMMENT_FURNITURE:
            return j
    return (gap[-1] if gap else last_head) + 1


def _repeated(state: ParseState, spans: list[list[int]]) -> set[str]:
    """Short texts that recur under the header in at least half the comments, twice at least (their links: "Reply")."""
    seen: Counter[str] = Counter()
    for span in spans:
        seen.update({state.lines[i].stripped for i in span[1:] if len(state.lines[i].stripped) <= MAX_FURNITURE_LENGTH})
    return {text for text, n in seen.items() if n >= 2 and 2 * n >= len(spans)}
