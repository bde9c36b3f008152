"""What the comment layouts share: thresholds and small helpers."""

from __future__ import annotations

import re

from ..sections import is_comment_heading
from ...shapes import DATE, opening_date, stamp_date, stamps, varying_words
from ...state import AVATAR, BOILERPLATE, COMMENT_BODY, COMMENT_FURNITURE, TITLE, Comment, ParseState

MIN_HEADERS = 2  # one "X says:" line may be article text introducing a quote
AVATAR_INITIAL = re.compile(r"^[A-Za-z]$")
AVATAR_INITIALS = re.compile(r"^(?:[A-Za-z]|[A-Z]{2})$")  # "M", "MR": right above a commenter's name


def is_heading_line(state: ParseState, i: int) -> bool:
    """Is line ``i`` a comment-section heading the rules set aside ("23 Responses to…", "Comments")?"""
    return state.lines[i].why == COMMENT_FURNITURE and is_comment_heading(state, state.lines[i].stripped)


def furniture_above(state: ParseState, index: int) -> bool:
    """Is there a comment-section heading ("23 Responses to…", "Comments") above
    ``index``, after some article text? (A "Comments" link under the title, or a
    "Subscribe" button, opens no comment section.)"""
    title = next((i for i, line in enumerate(state.lines) if line.role == TITLE), -1)
    article_seen = False
    for i in range(title + 1, index):
        line = state.lines[i]
        if line.role is None and not line.blank:
            article_seen = True
        elif article_seen and is_heading_line(state, i):
            return True
    return False


def enough_headers(state: ParseState, headers: list[int]) -> bool:
    """Two comment headers, or one under a comment heading: one line shaped like a
    header ("Jane Doe • 2 days ago", "the mayor said:") is article text."""
    return len(headers) >= MIN_HEADERS or (bool(headers) and furniture_above(state, headers[0]))


def body_until_furniture(state: ParseState, start: int, stop: int, last: bool) -> list[int]:
    """Body lines up to ``stop``; the last comment ends at the first furniture line."""
    body = []
    for i in range(start, stop):
        line = state.lines[i]
        if line.blank:
            continue
        if not state.free(i):
            if last and body:
                break
            continue
        if AVATAR_INITIALS.match(line.stripped) and i + 1 == stop:
            break
        state.claim(i, COMMENT_BODY)
        body.append(i)
    return body


def avatar_initial(state: ParseState, header: int) -> None:
    """A stray letter (or two) right above a header is the next commenter's avatar."""
    above = header - 1
    if state.free(above) and AVATAR_INITIALS.match(state.lines[above].stripped):
        state.claim(above, BOILERPLATE, AVATAR)


def latest_by(comments: list[Comment], author: str | None) -> int | None:
    if author:
        for other in reversed(comments):
            if other.author and other.author.casefold() == author.casefold():
                return other.number
    return None


class IndentThread:
    """Replies by indentation: a comment answers the nearest comment above it
    that stands further left."""

    def __init__(self):
        self._open: list[tuple[int, int]] = []  # (indent, comment number), left to right

    def parent(self, indent: int) -> int | None:
        """The comment a comment at ``indent`` answers, if the layout shows one."""
        while self._open and self._open[-1][0] >= indent:
            self._open.pop()
        return self._open[-1][1] if self._open else None

    def add(self, indent: int, number: int) -> None:
        self._open.append((indent, number))


def name_and_stamp(author: str) -> tuple[str, str | None]:
    """A header's author less the date written into it, and that date:
    ``On September 13, 2012 at 8:02 am Tom Reyes`` is Tom Reyes, 2012-09-13T08:02;
    ``27. Jun, 2012 / Faith`` is Faith, 2012-06-27."""
    if not any(slot == DATE for slot, _words in stamps(author)):
        whole = opening_date(author)  # a date the stamps' pattern does not know, opening the header
        if whole is None:
            return author, None
        name = " ".join(author[whole[2]:].split()).strip(" ,:-–—/|")
        return name or author, stamp_date(author)
    name = varying_words(author).split(" | ")[0].strip(" ,:-–—")
    return name or author, stamp_date(author)
