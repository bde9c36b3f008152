"""Disqus: ``Alice • 3 years ago``; replies indented, or ``Bob  Alice •`` / ``Bob replied to Alice •``."""

from __future__ import annotations

import re

from archive.shared.dates import DATE_PATTERN, iso_datetime
from ...state import BOILERPLATE, COMMENT_BODY, COMMENT_FURNITURE, COMMENT_HEADER, Comment, ParseState
from ..counts import comment_count_heading
from .common import IndentThread, avatar_initial, body_until_furniture, enough_headers, latest_by

_RELATIVE_TIME = (r"(?:(?:an?|\d+)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|just now|yesterday)")
_DISQUS_HEADER = re.compile(
    rf"^(?P<author>\S.{{0,80}}?)(?:\s{{2,}}(?P<parent>\S.{{0,80}}?)|\s+replied to\s+(?P<parent2>\S.{{0,80}}?))?"
    rf"\s+•\s+(?:(?P<date>{DATE_PATTERN})|{_RELATIVE_TIME})\s*$", re.IGNORECASE)
_NOT_AN_AUTHOR = re.compile(r"^\d+\s+(?:comments?|replies|votes|points)$", re.IGNORECASE)
_DELETED = re.compile(r"^This comment (?:was|has been) (?:deleted|removed)(?: by .{1,40})?\.?$", re.IGNORECASE)
_DISQUS_WIDGET = re.compile(r"^(?:Login|Log in|Recommend(?:\s+\d+)?|Sort by \w+|Join the discussion.{0,3})$")


def _disqus_header(line: str) -> re.Match | None:
    match = _DISQUS_HEADER.match(line.strip())
    if match and not _NOT_AN_AUTHOR.match(match["author"]):
        return match
    return None


def disqus(state: ParseState) -> bool:
    """Threads where each comment opens with ``Author • 3 years ago``; replies are
    indented, or name their parent (``Bob  Alice •``, ``Bob replied to Alice •``)."""
    starts = [i for i, line in enumerate(state.lines) if state.free(i)
              and (_disqus_header(line.text) or _DELETED.match(line.stripped))]
    if not enough_headers(state, [i for i in starts if _disqus_header(state.lines[i].text)]):
        return False
    state.comments_start = starts[0]
    _disqus_widget_block(state, starts[0])
    thread = IndentThread()
    for n, start in enumerate(starts):
        line = state.lines[start]
        match = _disqus_header(line.text)
        last = n + 1 == len(starts)
        stop = len(state.lines) if last else starts[n + 1]
        if match:
            state.claim(start, COMMENT_HEADER)
            body = body_until_furniture(state, start + 1, stop, last)
            author, date = match["author"], iso_datetime(match["date"]) if match["date"] else None
        else:  # "This comment was deleted.": a place in the thread, with no author
            state.claim(start, COMMENT_BODY)
            body, author, date = [start], None, None
        avatar_initial(state, stop)
        comment = Comment(len(state.comments) + 1, author, date, body, header=start)
        parent = match and (match["parent"] or match["parent2"])
        comment.replies_to = thread.parent(line.indent) or latest_by(state.comments, parent)
        thread.add(line.indent, comment.number)
        state.comments.append(comment)
    return True


MAX_WIDGET_LINE = 40


def _disqus_widget_block(state: ParseState, first_header: int) -> None:
    """"17 Comments / Salt & Smoke / Login / Recommend / Share / Sort by Best / Join
    the discussion…": the short lines above the first comment, up to the count
    heading, are the widget's furniture (never the article above it)."""
    block = []
    i = state.previous_text_line(first_header)
    while i is not None and i >= 0 and not state.lines[i].blank and len(state.lines[i].stripped) <= MAX_WIDGET_LINE:
        block.append(i)
        if comment_count_heading(state, state.lines[i].stripped) is not None:
            break
        i -= 1
    else:
        block = [j for j in block if _DISQUS_WIDGET.match(state.lines[j].stripped)]
    if not any(_DISQUS_WIDGET.match(state.lines[j].stripped) for j in block):
        return
    for j in block:
        if state.lines[j].role in (None, BOILERPLATE):  # never a title or byline that sits there
            state.reclaim(j, BOILERPLATE, COMMENT_FURNITURE)
