"""Hot Air, Townhall, TypePad: the body, then ``Author on March 31, 2008 at 12:27 PM``
(TypePad: ``Posted by: Author | March 5, 2009``, the time optional)."""

from __future__ import annotations

import re

from archive.shared.dates import DATE_PATTERN, TIME_PATTERN, iso_datetime
from ...state import AVATAR, BOILERPLATE, COMMENT_BODY, COMMENT_HEADER, Comment, ParseState
from .common import AVATAR_INITIAL, enough_headers

_ATTRIBUTION = re.compile(
    rf"^(?:(?P<author>\S.{{0,80}}?)\s+on\s+(?P<date>{DATE_PATTERN})\s+at\s+(?P<time>{TIME_PATTERN})"
    rf"|Posted by:?\s+(?P<typepad>\S.{{0,80}}?)\s+\|\s+(?P<date2>{DATE_PATTERN})"
    rf"(?:\s+at\s+(?P<time2>{TIME_PATTERN}))?)\s*$"
)


def attribution(state: ParseState) -> bool:
    """Bodies closed by an attribution line; a repeated attribution is a quotation."""
    seen: set[tuple[str, str, str]] = set()
    boundaries = []
    for i, line in enumerate(state.lines):
        match = _ATTRIBUTION.match(line.stripped) if state.free(i) else None
        if match:
            key = (match["author"] or match["typepad"], match["date"] or match["date2"],
                   match["time"] or match["time2"])
            if key not in seen:
                seen.add(key)
                boundaries.append((i, match))
    if not enough_headers(state, [i for i, _match in boundaries]):
        return False  # "Last updated on March 5, 2020 at 10:00 AM" alone is not a comment
    first = boundaries[0][0]
    start = _first_comment_line(state, first)
    state.comments_start = start
    for number, (end, match) in enumerate(boundaries, start=1):
        state.claim(end, COMMENT_HEADER)
        body = []
        for i in range(start, end):
            if not state.free(i) or state.lines[i].blank:
                continue
            if AVATAR_INITIAL.match(state.lines[i].stripped) and state.next_text_line(i + 1) == end:
                state.claim(i, BOILERPLATE, AVATAR)
                continue
            state.claim(i, COMMENT_BODY)
            body.append(i)
        author = (match["author"] or match["typepad"]).strip()
        date = iso_datetime(match["date"] or match["date2"], match["time"] or match["time2"])
        state.comments.append(Comment(number, author, date, body, header=end))
        start = end + 1
    return True


def _first_comment_line(state: ParseState, attribution_line: int) -> int:
    """Just after the furniture line (a "Comments" heading, say) above the first
    attribution; failing that, the blank-separated block above it."""
    i = attribution_line - 1
    while i >= 0 and (state.free(i) or state.lines[i].blank):
        i -= 1
    if i >= 0 and state.lines[i].role == BOILERPLATE:
        return i + 1
    block = state.previous_text_line(attribution_line)
    while block is not None and block > 0 and not state.lines[block - 1].blank:
        block -= 1
    return block if block is not None else attribution_line
