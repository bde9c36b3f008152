"""Text cut for marking on a page: actor names and shared passages."""

from __future__ import annotations

from typing import NamedTuple


class Piece(NamedTuple):
    text: str
    actor: str | None  # id of the actor this piece names
    passage: str | None  # id of the shared passage it belongs to
    opens: bool  # first piece of its passage
    closes: bool  # last piece of its passage


def pieces(text: str, names=(), passages=()) -> list[Piece]:
    """``text`` cut at every edge of a name (start, end, actor id) and of a
    passage (start, end, passage id); neither kind overlaps itself."""
    names = sorted(names or ())
    passages = sorted(passages or ())
    cuts = sorted({0, len(text), *(n for s, e, _ in names for n in (s, e)),
                   *(n for s, e, _ in passages for n in (s, e))})
    spans = []
    in_name, in_passage = _covering(names), _covering(passages)
    for start, end in zip(cuts, cuts[1:]):
        spans.append((text[start:end], in_name(start, end), in_passage(start, end)))
    result = []
    for n, (piece, actor, passage) in enumerate(spans):
        opens = passage is not None and (n == 0 or spans[n - 1][2] != passage)
        closes = passage is not None and (n == len(spans) - 1 or spans[n + 1][2] != passage)
        result.append(Piece(piece, actor, passage, opens, closes))
    return result or [Piece(text, None, None, False, False)]


def _covering(spans: list[tuple[int, int, str]]):
    """For pieces asked for left to right: the id of the span (sorted, none
    overlapping another) that covers the piece, or None. One pass in all."""
    at = 0

    def find(start: int, end: int) -> str | None:
        nonlocal at
        while at < len(spans) and spans[at][1] <= start:
            at += 1
        if at < len(spans) and spans[at][0] <= start and end <= spans[at][1]:
            return spans[at][2]
        return None

    return find
