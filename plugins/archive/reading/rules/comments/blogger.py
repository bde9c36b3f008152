"""Blogger: ``Alice said...``, the body, then a timestamp line (or the date in the header:
``On May 2, 2012 at 8:02 am Alice said:``)."""

from __future__ import annotations

import re

from archive.shared.dates import DATE_PATTERN, MONTH_PATTERN, MONTHS, TIME_PATTERN, iso_datetime
from ...state import COMMENT_BODY, COMMENT_HEADER, Comment, ParseState
from .common import enough_headers, name_and_stamp

_BLOGGER_HEADER = re.compile(r"^(?P<author>\S.{0,80}?)\s+said(?:\.\.\.|…|:)\s*$")
_BLOGGER_STAMP = re.compile(
    rf"^(?:(?P<date>{DATE_PATTERN})(?:\s+at\s+|,?\s+)(?P<time>{TIME_PATTERN})"
    rf"|(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})/(?P<y>\d{{4}})\s+(?P<time2>{TIME_PATTERN})"
    rf"|{MONTH_PATTERN}\s+\d{{1,2}}(?:\s+at\s+|,?\s+){TIME_PATTERN})\s*$")  # no year: dated later from the post


def blogger(state: ParseState) -> bool:
    headers = [i for i, line in enumerate(state.lines)
               if state.free(i) and _BLOGGER_HEADER.match(line.stripped)]
    if not enough_headers(state, headers):
        return False
    state.comments_start = headers[0]
    for n, start in enumerate(headers):
        stop = headers[n + 1] if n + 1 < len(headers) else len(state.lines)
        state.claim(start, COMMENT_HEADER)
        date, body, stamp_lines = None, [], []
        for i in range(start + 1, stop):
            line = state.lines[i]
            if line.blank:
                continue
            if not state.free(i):  # the last comment ends at the furniture under it ("Leave a Reply")
                if n + 1 == len(headers) and body:
                    break
                continue
            stamp = _BLOGGER_STAMP.match(line.stripped)
            if stamp:
                date = _blogger_date(stamp)
                state.claim(i, COMMENT_HEADER)
                stamp_lines.append(i)
                break
            state.claim(i, COMMENT_BODY)
            body.append(i)
        author, stamped = name_and_stamp(_BLOGGER_HEADER.match(state.lines[start].stripped)["author"])
        date = date or stamped  # "On May 2, 2012 at 8:02 am Tom said:" has no stamp line below
        state.comments.append(Comment(len(state.comments) + 1, author, date, body, header=start,
                                      header_lines=[start, *stamp_lines]))
    return True


def _blogger_date(stamp: re.Match) -> str | None:
    if not (stamp["date"] or stamp["m"]):
        return None  # "November 9 at 4:29 PM": the year comes from the post (parse.py)
    if stamp["date"]:
        return iso_datetime(stamp["date"], stamp["time"])
    month = int(stamp["m"])
    if not 1 <= month <= 12:
        return None
    return iso_datetime(f"{MONTHS[month - 1]} {int(stamp['d'])}, {stamp['y']}", stamp["time2"])
