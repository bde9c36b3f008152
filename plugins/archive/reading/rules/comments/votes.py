"""Voted threads: ``someone 112 points 3 years ago`` (or ``someone · 5h``, ``▲ someone
6 hours ago | parent``) over the body; replies indented; ``[deleted] 3 years ago``
keeps its place without an author."""

from __future__ import annotations

import re

from ...state import COMMENT_HEADER, Comment, ParseState
from .common import IndentThread, body_until_furniture, enough_headers

_AGO = r"(?:(?:an?|\d+)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|\d+\s*[smhdwy])"
_VOTED = re.compile(rf"^(?P<arrow>[▲△]\s+)?(?P<author>\[(?:deleted|removed)\]|[\w-]{{2,40}})(?:\[\w{{1,3}}\])?"
                    rf"(?:\s+(?P<points>-?\d[\d,.]*[kK]?)\s+points?)?\s+(?:·\s+)?{_AGO}"
                    rf"(?(arrow)(?:\s+\|\s+[a-z][\w |\[\]–-]{{0,60}})?)$")  # "▲ someone 2 hours ago | parent"


def _voted(state: ParseState, i: int) -> re.Match | None:
    match = _VOTED.match(state.lines[i].stripped) if state.free(i) else None
    # a bare "name 3 years ago" is only a header among voted ones ("[deleted]", a "·", an arrow)
    return match if match and (match["points"] or match["arrow"] or "·" in match[0]
                               or match["author"].startswith("[")) else None


def votes(state: ParseState) -> bool:
    headers = [i for i in range(len(state.lines)) if _voted(state, i)]
    if not enough_headers(state, [i for i in headers if _voted(state, i)["points"] or _voted(state, i)["arrow"]]):
        return False
    state.comments_start = headers[0]
    thread = IndentThread()
    for n, start in enumerate(headers):
        match = _voted(state, start)
        last = n + 1 == len(headers)
        state.claim(start, COMMENT_HEADER)
        body = body_until_furniture(state, start + 1, len(state.lines) if last else headers[n + 1], last)
        indent = state.lines[start].indent
        author = None if match["author"].startswith("[") else match["author"]
        comment = Comment(len(state.comments) + 1, author, None, body, header=start)
        comment.replies_to = thread.parent(indent)
        thread.add(indent, comment.number)
        state.comments.append(comment)
    return True
