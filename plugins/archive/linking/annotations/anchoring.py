"""Where a note's quoted words stand in a document now.

A note is anchored by its words, never by a paragraph number: the quote is
looked for in every paragraph and comment of its document, with spacing,
letter case, curly quotes and dashes folded, so that a re-reading that
renumbers paragraphs or rewraps lines leaves the note on its words. Words
found more than once are told apart by ``prefix``/``suffix``; words found
nowhere, or twice with nothing to choose, are not placed (the caller reports
them); a near match is only ever suggested, never taken.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

CONTEXT = 32  # characters of prefix and suffix kept for the exported selector
SUGGEST_AT = 0.6  # a near match this alike (0–1) is offered as a suggestion

_FOLD = {**dict.fromkeys("‘’‚‛′`´", "'"), **dict.fromkeys("“”„‟″«»", '"'),
         **dict.fromkeys("‐‑‒–—―−", "-")}


@dataclass(frozen=True)
class Block:
    """A paragraph or comment a note may be anchored in."""

    id: str  # "p3", "c7"
    text: str  # as the page shows it (a comment's lines joined by "\n")


@dataclass(frozen=True)
class Place:
    """Where a note stands: in block ``block``, characters ``start``–``end`` (the
    whole block when the note is on a whole paragraph or comment)."""

    block: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


class Unplaced(Exception):
    """The quote cannot be placed: ``reason`` says why, ``nearest`` (for the editors) what is near."""

    def __init__(self, reason: str, nearest: str = ""):
        self.reason, self.nearest = reason, nearest
        super().__init__(reason + nearest)


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` with spacing collapsed, case, quotes and dashes folded; and, for
    each folded character, the index of the character it came from."""
    out: list[str] = []
    where: list[int] = []
    for n, char in enumerate(text):
        if char.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                where.append(n)
            continue
        char = _FOLD.get(char, char)
        lower = char.lower()
        out.append(lower if len(lower) == 1 else char)
        where.append(n)
    if out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def place_at(block: str, text: str, start: int, end: int) -> Place:
    """The place ``start``–``end`` of a block's ``text``, with the words around it."""
    return Place(block, start, end, text[start:end], text[max(0, start - CONTEXT):start], text[end:end + CONTEXT])


def whole(block: Block) -> Place:
    return place_at(block.id, block.text, 0, len(block.text))


def place(quote: str, blocks: list[Block], prefix: str | None = None, suffix: str | None = None) -> Place:
    """The one place ``quote`` stands among ``blocks``; `Unplaced` otherwise."""
    wanted = fold(quote)[0]
    if not wanted:
        raise Unplaced("the quote has no words")
    found = []  # (block, start, end, score)
    for block in blocks:
        folded, where = fold(block.text)
        at = folded.find(wanted)
        while at >= 0:
            if _whole_words(folded, at, at + len(wanted)):
                start, end = where[at], where[at + len(wanted) - 1] + 1
                found.append((block, start, end, _context_score(folded, at, at + len(wanted), prefix, suffix)))
            at = folded.find(wanted, at + 1)
    if not found:
        where = (f"in {_name(blocks[0].id)}" if len(blocks) == 1
                 else "in any one paragraph or comment of the document")
        raise Unplaced(f"the quoted words are not {where}", _suggestion(wanted, blocks))
    best = max(score for *_, score in found)
    if best < bool(prefix) + bool(suffix):
        places = ", ".join(_name(block.id) for block, *_ in found)
        raise Unplaced(f"the quoted words stand in {places}, but not after the prefix or before the suffix "
                       "the note gives")
    chosen = [f for f in found if f[3] == best]
    if len(chosen) > 1:
        places = ", ".join(_name(block.id) for block, *_ in chosen)
        raise Unplaced(f"the quoted words stand {len(chosen)} times ({places}) and "
                       + ("prefix/suffix do not tell them apart" if prefix or suffix else
                          "nothing tells them apart: add 'prefix:' or 'suffix:' (the words just before or after)"))
    block, start, end, _ = chosen[0]
    return place_at(block.id, block.text, start, end)


def _whole_words(folded: str, start: int, end: int) -> bool:
    """Do the found words begin and end at word edges ("cleric" is not in "clerical")?"""
    return ((start == 0 or not (folded[start - 1].isalnum() and folded[start].isalnum()))
            and (end == len(folded) or not (folded[end - 1].isalnum() and folded[end].isalnum())))


def _context_score(folded: str, start: int, end: int, prefix: str | None, suffix: str | None) -> int:
    score = 0
    if prefix:
        before = fold(prefix)[0]
        score += folded[:start].rstrip().endswith(before.rstrip())
    if suffix:
        after = fold(suffix)[0]
        score += folded[end:].lstrip().startswith(after.lstrip())
    return score


def _name(block_id: str) -> str:
    return ("¶" if block_id[0] == "p" else "comment #") + block_id[1:]


def _suggestion(wanted: str, blocks: list[Block]) -> str:
    """"; nearest: ¶4 “…” (83 % alike)" when some block holds words close to the quote."""
    best = (0.0, None, "")
    for block in blocks:
        folded, where = fold(block.text)
        matcher = difflib.SequenceMatcher(None, folded, wanted, autojunk=False)
        pieces = [m for m in matcher.get_matching_blocks() if m.size >= 3]
        if not pieces:
            continue
        start, end = pieces[0].a, pieces[-1].a + pieces[-1].size
        ratio = difflib.SequenceMatcher(None, folded[start:end], wanted, autojunk=False).ratio()
        if ratio > best[0]:
            first, last = where[start], where[end - 1] + 1
            while first > 0 and block.text[first - 1].isalnum():  # whole words, to paste back as the quote
                first -= 1
            while last < len(block.text) and block.text[last].isalnum():
                last += 1
            best = (ratio, block.id, block.text[first:last])
    ratio, block_id, text = best
    if block_id is None or ratio < SUGGEST_AT:
        return ""
    shown = text if len(text) <= 120 else text[:117] + "…"
    return f"; the nearest words are in {_name(block_id)}: “{shown}” ({round(ratio * 100)} % alike)"
