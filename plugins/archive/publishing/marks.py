"""Text cut for marking on a page: actor names, shared passages and the words editors' notes are about."""

from __future__ import annotations

from typing import NamedTuple


class Piece(NamedTuple):
    text: str
    actor: str | None  # id of the actor this piece names
    passage: str | None  # id of the shared passage it belongs to
    opens: bool  # first piece of its passage
    closes: bool  # last piece of its passage
    notes: tuple[str, ...] = ()  # anchors of the notes about this piece
    markers: tuple[str, ...] = ()  # anchors of the notes whose words end with this piece


def pieces(text: str, names=(), passages=(), notes=()) -> list[Piece]:
    """``text`` cut at every edge of a name (start, end, actor id), of a
    passage (start, end, passage id), neither kind overlapping itself, and of
    a note's words (start, end, anchor, marker follows), which may overlap."""
    names = sorted(names or ())
    passages = sorted(passages or ())
    notes = list(notes or ())
    cuts = sorted({0, len(text), *(n for s, e, _ in names for n in (s, e)),
                   *(n for s, e, _ in passages for n in (s, e)), *(n for s, e, *_ in notes for n in (s, e))})
    spans = []
    in_name, in_passage = _covering(names), _covering(passages)
    for start, end in zip(cuts, cuts[1:]):
        spans.append((text[start:end], in_name(start, end), in_passage(start, end), start, end))
    result = []
    for n, (piece, actor, passage, start, end) in enumerate(spans):
        opens = passage is not None and (n == 0 or spans[n - 1][2] != passage)
        closes = passage is not None and (n == len(spans) - 1 or spans[n + 1][2] != passage)
        about = tuple(a for s, e, a, _ in notes if s <= start and end <= e)
        markers = tuple(a for s, e, a, last in notes if last and e == end)
        result.append(Piece(piece, actor, passage, opens, closes, about, markers))
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
