"""What the comment layouts share: thresholds and small helpers."""

from __future__ import annotations

import re

from ...state import AVATAR, BOILERPLATE, COMMENT_BODY, COMMENT_FURNITURE, Comment, ParseState

MIN_HEADERS = 2  # one "X says:" line may be article text introducing a quote
AVATAR_INITIAL = re.compile(r"^[A-Za-z]$")


def furniture_above(state: ParseState, index: int) -> bool:
    """Is there comment-section furniture ("23 Responses to…", "Comments") above?"""
    return any(line.why == COMMENT_FURNITURE for line in state.lines[:index])


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
        if AVATAR_INITIAL.match(line.stripped) and i + 1 == stop:
            break
        state.claim(i, COMMENT_BODY)
        body.append(i)
    return body


def avatar_initial(state: ParseState, header: int) -> None:
    """A stray letter right above a header is the next commenter's avatar."""
    above = header - 1
    if state.free(above) and AVATAR_INITIAL.match(state.lines[above].stripped):
        state.claim(above, BOILERPLATE, AVATAR)


def latest_by(comments: list[Comment], author: str | None) -> int | None:
    if author:
        for other in reversed(comments):
            if other.author and other.author.casefold() == author.casefold():
                return other.number
    return None
