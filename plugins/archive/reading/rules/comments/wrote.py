"""News-site widgets: ``jtrask wrote:``, a date line, the body."""

from __future__ import annotations

import re

from archive.shared.dates import DATE_PATTERN, TIME_PATTERN, iso_datetime
from ...state import COMMENT_HEADER, Comment, ParseState
from .common import body_until_furniture, enough_headers

_WROTE_HEADER = re.compile(r"^(?P<author>\S.{0,80}?)\s+wrote:\s*$")
_DATE_LINE = re.compile(rf"^(?P<date>{DATE_PATTERN})(?:,?\s+(?:at\s+)?(?P<time>{TIME_PATTERN}))?\s*$")


def wrote(state: ParseState) -> bool:
    """``Author wrote:`` directly followed by a date line (a "wrote:" without one
    introduces a quotation inside a post)."""
    headers = [i for i, line in enumerate(state.lines)
               if state.free(i) and _WROTE_HEADER.match(line.stripped)
               and state.free(i + 1) and _DATE_LINE.match(state.lines[i + 1].stripped)]
    if not enough_headers(state, headers):
        return False
    state.comments_start = headers[0]
    for n, start in enumerate(headers):
        last = n + 1 == len(headers)
        stop = len(state.lines) if last else headers[n + 1]
        dated = _DATE_LINE.match(state.lines[start + 1].stripped)
        state.claim(start, COMMENT_HEADER)
        state.claim(start + 1, COMMENT_HEADER)
        body = body_until_furniture(state, start + 2, stop, last)
        author = _WROTE_HEADER.match(state.lines[start].stripped)["author"]
        state.comments.append(Comment(len(state.comments) + 1, author,
                                      iso_datetime(dated["date"], dated["time"]), body, header=start,
                                      header_lines=[start, start + 1]))
    return True
