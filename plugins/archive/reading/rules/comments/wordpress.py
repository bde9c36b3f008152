"""WordPress: ``1. Montag says:`` (or ``Montag says:``), a date line ("on October 30, 2012 at 11:02 am"), an
indented body."""

from __future__ import annotations

import re

from archive.shared.dates import DATE_PATTERN, TIME_PATTERN, iso_datetime
from ...shapes import opening_date
from ...state import COMMENT_BODY, COMMENT_HEADER, Comment, ParseState
from .common import IndentThread, enough_headers, name_and_stamp

_WORDPRESS_HEADER = re.compile(r"^\s*(?:(?P<number>\d{1,5})\.\s+)?(?P<author>\S.{0,80}?)\s+says:\s*$")
_WORDPRESS_DATE = re.compile(rf"^\s*(?:on\s+)?(?P<date>{DATE_PATTERN})(?:\s+at\s+(?P<time>{TIME_PATTERN}))?\s*$")


def wordpress(state: ParseState) -> bool:
    """``1. Montag says:`` (or unnumbered ``Montag says:``), an optional date line,
    then the body; replies nested by indentation answer the comment above them."""
    headers = [i for i, line in enumerate(state.lines)
               if state.free(i) and _WORDPRESS_HEADER.match(line.text)]
    if not enough_headers(state, headers):
        return False  # one "1. The ministry says:" in an article is not a comment section
    state.comments_start = headers[0]
    first_body = state.next_text_line(headers[0] + 1)
    indented = first_body is not None and state.lines[first_body].indent > state.lines[headers[0]].indent
    thread = IndentThread()  # (indent, comment number) of the open branch
    for n, start in enumerate(headers):
        match = _WORDPRESS_HEADER.match(state.lines[start].text)
        state.claim(start, COMMENT_HEADER)
        last = n + 1 == len(headers)
        stop = len(state.lines) if last else headers[n + 1]
        header_indent = state.lines[start].indent
        date, body, header_lines = None, [], [start]
        for i in range(start + 1, stop):
            line = state.lines[i]
            if line.blank:
                continue
            if not state.free(i):  # "Reply", "Liked by 2 people": furniture between comments
                if last and body:
                    break
                continue
            if indented and line.indent <= header_indent:
                break  # back at the margin: the comment is over
            dated = _WORDPRESS_DATE.match(line.text)
            if dated and date is None and not body:
                date = iso_datetime(dated["date"], dated["time"])
                state.claim(i, COMMENT_HEADER)
                header_lines.append(i)
            else:
                state.claim(i, COMMENT_BODY)
                body.append(i)
        author, stamped = match["author"], None
        if opening_date(author):
            author, stamped = name_and_stamp(author)  # "27. Jun, 2012 / Faith says:"
        comment = Comment(len(state.comments) + 1, author, date or stamped, body, header=start,
                          header_lines=header_lines)
        comment.replies_to = thread.parent(header_indent)
        thread.add(header_indent, comment.number)
        state.comments.append(comment)
    return True
