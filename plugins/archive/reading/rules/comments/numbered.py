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

from .counted import may_take, teasers_in_comments
from .lone import stamp_line
from .template import MAX_FURNITURE_LENGTH, author_and_date, recurring_texts
from ..counts import comment_count_heading
from ..sections import is_comment_form_heading
from ...shapes import MAX_TEMPLATE_LENGTH, VARYING, day_first, loose_shape, sentence_like, stamp_date
from ...state import AFTER_COMMENTS, BOILERPLATE, COMMENT_BODY, COMMENT_FURNITURE, COMMENT_HEADER, Comment, ParseState

MIN_NUMBERED = 2  # comments a heading states, at least
HEADER_WORDS = 12  # words of a numbered header, at most
_SAYS = (".", "!", "?", ":")  # a sentence's end, or a list item's lead-in ("1. For the sauce:")
STAMP_BELOW = 2  # text lines under a header without a stamp where its stamp may stand
_NUMBERED = re.compile(r"(\d{1,4})[.)]?\s+\S")  # "1 Teresha …", "2. Ann Parker"


def numbered_lines(state: ParseState, free: set[int]) -> tuple[int, list[int]] | None:
    """The comments a heading states, and the lines under it that this reading
    may take, to the thread's end, where header lines numbered 1 to that count
    follow it in order before the comment form's heading or another count. Of
    such headings, the lowest, nearest the thread (not a post's "5 Comments"
    under its headline, over a numbered list of its own), and only one whose
    lines hold some of the comments found, if any were (it corrects a thread,
    never moves it). The thread ends at the first line under its last header
    that this reading may not take and that is no link of the comments'
    ("Reply"); `cut_numbered` ends the last comment sooner, at the model's
    furniture. None where there is no such heading. ``free``: lines set aside
    only for where they lie, which it may take besides `template.usable` ones
    and other comments' lines, and a teaser block's that ran on into the
    comments (`counted.teasers_in_comments`). Known limit: with no comments
    found, a post's numbered list of short headed sections under its own
    count, as many as it states, reads as the thread."""
    text_lines = [i for i, line in enumerate(state.lines) if not line.blank]
    free = free | teasers_in_comments(state)
    found_lines = {i for comment in state.comments for i in comment.own_lines()}
    found = None
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
            lines = [j for j in takes if heads[0] <= j < end]
            if not found_lines or found_lines.intersection(lines):  # it corrects a thread, never moves it
                found = stated, lines
    return found


def cut_numbered(state: ParseState, lines: list[int], furniture: set[int]) -> bool:
    """Cut ``lines`` into comments at the header lines numbered 1, 2, … among
    them. A short line the model reads as furniture (``furniture``) that recurs
    in at least half the comments, twice at least ("Reply"), is set aside; the
    last comment ends at the first line the model reads as furniture under its
    text (the comment form's fields, a sidebar). True if any were cut."""
    heads = _numbered_heads(state, lines)
    if len(heads) < MIN_NUMBERED:
        return False
    taken = set(lines)
    ends = heads[1:] + [lines[-1] + 1]
    spans = [[i for i in range(head, end) if i in taken] for head, end in zip(heads, ends)]
    headers = [_header_lines(state, span) for span in spans]
    spans[-1] = _to_furniture(spans[-1], headers[-1], furniture)
    repeated = recurring_texts(state, [span[1:] for span in spans])  # under the header: its links ("Reply")
    first_day = day_first([state.lines[i].stripped for header_lines in headers for i in header_lines])
    state.comments_start = heads[0]
    for number, (span, header_lines) in enumerate(zip(spans, headers), start=1):
        body = []
        for i in span:
            if i in header_lines:
                state.lines[i].role, state.lines[i].why = COMMENT_HEADER, None
            elif i in furniture and state.lines[i].stripped in repeated:
                state.lines[i].role, state.lines[i].why = BOILERPLATE, COMMENT_FURNITURE
            else:
                state.lines[i].role, state.lines[i].why = COMMENT_BODY, None
                body.append(i)
        head = span[0]
        author, _date = author_and_date(state, head, None)
        date = next((date for i in header_lines if (date := stamp_date(state.lines[i].stripped, first_day))), None)
        state.comments.append(Comment(number, author, date, body, header=head, header_lines=header_lines))
    return True


def _header_lines(state: ParseState, span: list[int]) -> list[int]:
    """A comment's header: its numbered line, and where that has no stamp, the
    lines down to a stamp alone on one of the next ``STAMP_BELOW`` lines, if
    those between are short and no sentence ("Twitter: <handle>"; not the
    comment's text over a date under it)."""
    head = span[0]
    if stamp_date(state.lines[head].stripped) is not None:
        return [head]
    for k, i in enumerate(span[1:STAMP_BELOW + 1], start=1):
        if stamp_line(state.lines[i].stripped):
            between = span[1:k]
            if all(len(state.lines[j].stripped) <= MAX_FURNITURE_LENGTH
                   and not state.lines[j].stripped.endswith(_SAYS) for j in between):
                return span[:k + 1]
            break
    return [head]


def _to_furniture(span: list[int], header_lines: list[int], furniture: set[int]) -> list[int]:
    """The last comment's lines, up to the first the model reads as furniture
    once it has a line of text (its first line of text it keeps whatever the model says)."""
    kept, text = [], False
    for i in span:
        if i not in header_lines:
            if text and i in furniture:
                break
            text = True
        kept.append(i)
    return kept


def _takes(state: ParseState, j: int, free: set[int]) -> bool:
    """May this reading take line ``j``: what `counted.may_take`, or a line set
    aside for lying after the comments of the reading it challenges?"""
    return may_take(state, j, free) or state.lines[j].why == AFTER_COMMENTS


def _numbered_heads(state: ParseState, lines: list[int]) -> list[int]:
    """The lines among ``lines`` that open with 1, 2, 3 … in order and read as a
    comment's header (`_header`); a header numbered 1 starts the count afresh (a
    numbered list in the post above the thread)."""
    heads: list[int] = []
    for i in lines:
        text = state.lines[i].stripped
        match = _NUMBERED.match(text)
        if match and _header(text):
            if int(match[1]) == 1:
                heads = [i]
            elif int(match[1]) == len(heads) + 1 and heads:
                heads.append(i)
    return heads


def _header(text: str) -> bool:
    """A header line: short, with a word no shape knows (a name, or any capitalised
    word) past its number, no sentence and no lead-in ("1 Teresha August 9, 2012 at
    9:03 am", "2 Charise @ I Thought I Knew Mama", "6 Mandi"; not "3. Preheat the
    oven to 200 degrees.", "1. For the sauce:"). Loose: the count and the order
    are what make a thread of them."""
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
