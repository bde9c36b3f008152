"""Forums (phpBB): a subject line, then ``by Author » Tue Mar 04, 2008 7:15 pm``.

The first post is the article; the replies are the comments.
"""

from __future__ import annotations

import re

from ...dates import DATE_PATTERN, TIME_PATTERN, iso_datetime
from ...state import BYLINE, COMMENT_HEADER, Comment, ParseState
from .common import MIN_HEADERS, body_until_furniture

_FORUM_BYLINE = re.compile(
    rf"^by\s+(?P<author>\S.{{0,60}}?)\s+»\s+(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+)?"
    rf"(?P<date>{DATE_PATTERN})(?:,?\s+(?P<time>{TIME_PATTERN}))?\s*$")


def forum(state: ParseState) -> bool:
    bylines = [i for i, line in enumerate(state.lines)
               if state.free(i) and _FORUM_BYLINE.match(line.stripped)]
    if len(bylines) < MIN_HEADERS:
        return False
    first = _FORUM_BYLINE.match(state.lines[bylines[0]].stripped)
    subject = state.previous_text_line(bylines[0])
    if subject is not None and state.free(subject):
        state.claim(subject, BYLINE)
    state.claim(bylines[0], BYLINE)
    state.authors = [first["author"]]
    state.date = iso_datetime(first["date"], first["time"])
    replies = bylines[1:]
    starts = [_subject_above(state, i) for i in replies]
    state.comments_start = starts[0]
    for n, (start, byline) in enumerate(zip(starts, replies)):
        last = n + 1 == len(replies)
        stop = len(state.lines) if last else starts[n + 1]
        for i in range(start, byline + 1):
            if state.free(i) and not state.lines[i].blank:
                state.claim(i, COMMENT_HEADER)
        match = _FORUM_BYLINE.match(state.lines[byline].stripped)
        body = body_until_furniture(state, byline + 1, stop, last=True)
        state.comments.append(Comment(len(state.comments) + 1, match["author"],
                                      iso_datetime(match["date"], match["time"]), body, header=byline))
    return True


def _subject_above(state: ParseState, byline: int) -> int:
    above = state.previous_text_line(byline)
    if above is not None and state.free(above) and above == byline - 1:
        return above
    return byline
