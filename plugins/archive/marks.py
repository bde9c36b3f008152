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
    for start, end in zip(cuts, cuts[1:]):
        actor = next((who for s, e, who in names if s <= start and end <= e), None)
        passage = next((pid for s, e, pid in passages if s <= start and end <= e), None)
        spans.append((text[start:end], actor, passage))
    result = []
    for n, (piece, actor, passage) in enumerate(spans):
        opens = passage is not None and (n == 0 or spans[n - 1][2] != passage)
        closes = passage is not None and (n == len(spans) - 1 or spans[n + 1][2] != passage)
        result.append(Piece(piece, actor, passage, opens, closes))
    return result or [Piece(text, None, None, False, False)]
