"""Forums: a subject line, then ``by Author » Tue Mar 04, 2008 7:15 pm`` (phpBB), or an
avatar's initial over ``author November 14, 2021, 7:42pm 3`` (Discourse: the post's number).

The first post is the article; the replies are the comments. A post's like count closes it.
"""

from __future__ import annotations

import re

from archive.shared.dates import DATE_PATTERN, TIME_PATTERN, iso_datetime
from ...state import BOILERPLATE, BYLINE, COMMENT_FURNITURE, COMMENT_HEADER, FOOTER, Comment, ParseState
from .common import MIN_HEADERS, avatar_initial, body_until_furniture

_FORUM_BYLINE = re.compile(
    rf"^by\s+(?P<author>\S.{{0,60}}?)\s+»\s+(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+)?"
    rf"(?P<date>{DATE_PATTERN})(?:,?\s+(?P<time>{TIME_PATTERN}))?\s*$")
_NUMBERED_POST = re.compile(rf"^(?P<author>[\w.-]{{2,40}})\s+(?P<date>{DATE_PATTERN}),?\s+(?P<time>{TIME_PATTERN})"
                            r"\s+\d{1,5}$")
_LIKES = re.compile(r"^\d[\d,.]*[Kk]?\s+(?:likes?|hearts?)$", re.IGNORECASE)


def _post(text: str) -> re.Match | None:
    return _FORUM_BYLINE.match(text) or _NUMBERED_POST.match(text)


def _byline(state: ParseState, i: int) -> re.Match | None:
    return _post(state.lines[i].stripped) if state.free(i) else None


def forum(state: ParseState) -> bool:
    bylines = [i for i in range(len(state.lines)) if _byline(state, i)]
    if len(bylines) < MIN_HEADERS:
        return False
    for n, i in enumerate(bylines):
        avatar_initial(state, i)
        stop = bylines[n + 1] if n + 1 < len(bylines) else len(state.lines)
        for j in range(i + 1, stop):
            if state.free(j) and _LIKES.match(state.lines[j].stripped):
                state.claim(j, BOILERPLATE, COMMENT_FURNITURE if n else FOOTER)
    first = _byline(state, bylines[0])
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
        header = [i for i in range(start, byline + 1) if state.free(i) and not state.lines[i].blank]
        for i in header:
            state.claim(i, COMMENT_HEADER)
        match = _post(state.lines[byline].stripped)
        body = body_until_furniture(state, byline + 1, stop, last=True)
        state.comments.append(Comment(len(state.comments) + 1, match["author"],
                                      iso_datetime(match["date"], match["time"]), body, header=byline,
                                      header_lines=header))
    return True


def _subject_above(state: ParseState, byline: int) -> int:
    above = state.previous_text_line(byline)
    if above is not None and state.free(above) and above == byline - 1:
        return above
    return byline
