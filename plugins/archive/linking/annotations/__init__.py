"""Editors' annotations: notes anchored on the words they are about.

`read_notes` reads ``content/annotations/``; `annotate` places each note in
the corpus (by its quoted words, see `anchoring`), numbers its anchors
(``#a1``…) on every page it is shown, keeping the numbers the permalink
registry already gave, and says what could not be placed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .anchoring import Block, Place, Unplaced, fold, place, place_at, whole
from .bodies import Link, check_links
from .notes import Note, read_notes

__all__ = ["Annotations", "Note", "Shown", "annotate", "read_notes"]


@dataclass
class Shown:
    """One note on one page (a document, or a shared passage's page)."""

    note: Note
    page: str  # "doc/<id>/" or "quote/<id>/"
    number: int
    block: str | None = None  # the paragraph or comment it follows; None: lost its place, or a passage page
    spans: list[tuple[str, int, int]] = field(default_factory=list)  # (block, start, end) highlighted
    place: Place | None = None  # what the export's selectors name
    lost: str | None = None  # why a note published here no longer finds its words

    @property
    def anchor(self) -> str:
        return f"a{self.number}"

    @property
    def permalink(self) -> str:
        return f"{self.page}#{self.anchor}"


@dataclass
class Annotations:
    notes: list[Note] = field(default_factory=list)
    pages: dict[str, list[Shown]] = field(default_factory=dict)  # page → its notes, by number
    unplaced: list[tuple[Note, str]] = field(default_factory=list)  # notes placed nowhere, and why
    problems: list[str] = field(default_factory=list)  # "file, line N: …": every one
    other_problems: list[str] = field(default_factory=list)  # those that are not about placing a note

    def block_prints(self) -> dict[str, str]:
        """Note id → "target@fingerprint" of the paragraph or comment a whole-block note stands on."""
        return {s.note.id: f"{s.note.target.url}@{fingerprint(s.place.exact)}" for page in self.pages.values()
                for s in page if s.place is not None and not s.spans and s.note.target.block}

    def shown(self, note_id: str) -> list[Shown]:
        return [s for page in self.pages.values() for s in page if s.note.id == note_id]

    def permalinks(self) -> dict[str, list[str]]:
        """Note id → every anchor it has in this build (for the registry)."""
        found: dict[str, list[str]] = {}
        for page in self.pages.values():
            for shown in page:
                found.setdefault(shown.note.id, []).append(shown.permalink)
        return {note: sorted(places) for note, places in sorted(found.items())}


def blocks_of(record: dict) -> list[Block]:
    return ([Block(p["id"], p["text"]) for p in record["paragraphs"]]
            + [Block(c["id"], c["text"]) for c in record["comments"]])


def annotate(notes: list[Note], records: list[dict], passages, actor_ids: dict[str, str],
             registered: dict[str, list[str]] | None = None, retired: dict[str, str] | None = None,
             problems: list[str] | None = None, blocks_seen: dict[str, str] | None = None,
             passage_moves: dict[str, str] | None = None) -> Annotations:
    """Place every note; ``registered`` (note id → permalinks) keeps published
    numbers, and a published note that lost its words stays at its anchor.
    ``blocks_seen`` (note id → "target@fingerprint") names the words a
    whole-paragraph or whole-comment note was published on, so that it follows
    them, not a number; ``passage_moves`` (old passage id → new) where a note on a
    passage goes when passages merge or split. ``actor_ids``: actor id → name, for tags
    and short links."""
    registered, retired, blocks_seen = registered or {}, retired or {}, blocks_seen or {}
    result = Annotations(list(notes), other_problems=list(problems or ()))
    by_id = {r["id"]: r for r in records}
    by_passage = {p.id: p for p in passages}
    placed: dict[str, list[Shown]] = {}
    resolve = resolver(by_id, by_passage, actor_ids, {n.id: "" for n in notes})
    reasons: dict[Note, str] = {}  # why each unplaced note is not placed, without the editors' hints
    for note in notes:
        try:
            found = _places(note, by_id, by_passage, retired, blocks_seen.get(note.id), passage_moves or {})
        except Unplaced as why:
            result.unplaced.append((note, str(why)))
            reasons[note] = why.reason
            result.problems.append(f"{note.quote_where}: note {note.id!r} on {note.target.url} is not placed: {why}")
            found = []
        for shown in found:
            placed.setdefault(shown.page, []).append(shown)
        for tag in note.tags:
            if tag not in actor_ids:
                result.other_problems.append(f"{note.where}: tag {tag!r} is not an actor id "
                                             "(content/actors/<id>.md)")
        for line, message in check_links(note.body, resolve):
            result.other_problems.append(f"{note.file}, line {note.body_line + line}: {message}")
    order = {r["id"]: {b.id: n for n, b in enumerate(blocks_of(r))} for r in records}
    pages = set(placed) | {p.split("#")[0] for places in registered.values() for p in places}
    notes_by_id = {n.id: n for n in notes}
    for page in sorted(pages):
        result.pages[page] = _number(page, placed.get(page, []), registered, retired, notes_by_id,
                                     order.get(page.split("/")[1], {}) if page.startswith("doc/") else {},
                                     reasons, page_exists=page[4:-1] in by_id if page.startswith(
                                         "doc/") else page[6:-1] in by_passage)
        if not result.pages[page]:
            del result.pages[page]
    result.problems += result.other_problems
    unplaced = set(reasons)
    for shown in (s for page in result.pages.values() for s in page if s.lost and s.note not in unplaced):
        result.problems.append(f"{shown.note.where}: note {shown.note.id!r} was published at {shown.permalink}, "
                               f"which it no longer targets: retire that anchor in the permalink registry, "
                               "saying where it now points")
    return result


def fingerprint(text: str) -> str:
    """A short hash of a paragraph's or comment's words (spacing, case and quote marks folded)."""
    return hashlib.sha256(fold(text)[0].encode("utf-8")).hexdigest()[:12]


def _places(note: Note, records: dict, passages: dict, retired: dict[str, str], seen: str | None,
            moves: dict[str, str]) -> list[Shown]:
    target = note.target
    if target.passage:
        passage = passages.get(target.passage) or passages.get(moves.get(target.passage, ""))
        if passage is None:
            raise Unplaced(f"no shared passage quote/{target.passage}/ in this build")
        found = [Shown(note, f"quote/{passage.id}/", 0)]
        for occurrence in passage.occurrences:
            spans = [(p, s, e) for p, (s, e) in occurrence.marks.items()]
            block, start, end = spans[-1]  # the note follows the passage's last paragraph
            text = next(p["text"] for p in records[occurrence.doc]["paragraphs"] if p["id"] == block)
            found.append(Shown(note, f"doc/{occurrence.doc}/", 0, block, spans, place_at(block, text, start, end)))
        return found
    record = records.get(target.doc)
    if record is None:
        raise Unplaced(f"no document doc/{target.doc}/ in this build")
    blocks = blocks_of(record)
    if target.block:
        block_id = _follow(f"doc/{target.doc}/#{target.block}", retired, target.doc)
        what = "paragraph" if block_id[0] == "p" else "comment"
        if seen and seen.rsplit("@", 1)[0] == target.url and not note.quote:
            # published on these words: follow them if the reading renumbered the blocks
            same = [b for b in blocks if b.id[0] == block_id[0] and fingerprint(b.text) == seen.rsplit("@", 1)[1]]
            if not same:
                raise Unplaced(f"the {what} it was published on ({target.url}) is no longer in the text as it "
                               "was; check the note and name its target again")
            blocks = [next((b for b in same if b.id == block_id), same[0])]
        else:
            blocks = [b for b in blocks if b.id == block_id]
        if not blocks:
            raise Unplaced(f"the document has no {what} {block_id}")
    where = place(note.quote, blocks, note.prefix, note.suffix) if note.quote else whole(blocks[0])
    spans = [(where.block, where.start, where.end)] if note.quote else []
    return [Shown(note, f"doc/{target.doc}/", 0, where.block, spans, where)]


def _follow(permalink: str, retired: dict[str, str], doc: str) -> str:
    """The anchor a retired paragraph or comment permalink now lands on (in the same document)."""
    seen = set()
    while permalink in retired and permalink not in seen:
        seen.add(permalink)
        permalink = retired[permalink]
    page, _, anchor = permalink.partition("#")
    if page != f"doc/{doc}/" or not anchor:
        raise Unplaced(f"its paragraph or comment was retired to {permalink}, outside this document")
    return anchor


def _number(page: str, placed: list[Shown], registered: dict[str, list[str]], retired: dict[str, str],
            notes: dict[str, Note], order: dict[str, int], reasons: dict[Note, str],
            page_exists: bool) -> list[Shown]:
    """The notes of one page with their numbers: a registered note keeps its number
    (shown where its words were lost, if they were); new ones follow, in reading order."""
    numbers = {}
    for note_id, places in registered.items():
        for permalink in places:
            if permalink.startswith(page + "#a") and permalink not in retired:
                numbers[note_id] = int(permalink.rsplit("#a", 1)[1])
    taken = set(numbers.values()) | {int(p.rsplit("#a", 1)[1]) for places in registered.values() for p in places
                                     if p.startswith(page + "#a")}
    shown = []
    here = {s.note.id for s in placed}
    for s in placed:
        if s.note.id in numbers:
            s.number = numbers[s.note.id]
            shown.append(s)
    fresh = sorted((s for s in placed if s.note.id not in numbers),
                   key=lambda s: (order.get(s.block, len(order)), s.spans[0][1] if s.spans else 0, s.note.id))
    next_number = max(taken, default=0) + 1
    for s in fresh:
        s.number = next_number
        next_number += 1
        shown.append(s)
    if page_exists:
        for note_id, number in numbers.items():
            if note_id not in here and note_id in notes:
                note = notes[note_id]
                why = reasons.get(note) or "the note no longer targets this page"
                shown.append(Shown(note, page, number, lost=why))
    return sorted(shown, key=lambda s: s.number)


def resolver(records: dict, passages: dict, actor_ids: dict[str, str], notes: dict[str, str]):
    """What a short link names: `Link`, or a message when the archive publishes no such thing.
    ``notes``: note id → its permalink (doc/<id>/#a3), or "" where not known yet."""
    def resolve(kind: str, name: str, anchor: str | None):
        if kind == "doc":
            record = records.get(name)
            if record is None:
                return f"no document doc/{name}/ in this build"
            title = record["title"] or record["source"]["file"]
            if anchor is None:
                return Link(f"doc/{name}/index.html", title)
            if anchor[0] == "a":
                return "link to a note with [[note:<id>]]"
            counts = {"p": len(record["paragraphs"]), "c": len(record["comments"])}
            if int(anchor[1:]) > counts[anchor[0]]:
                return f"“{title}” has no {'paragraph' if anchor[0] == 'p' else 'comment'} {anchor}"
            return Link(f"doc/{name}/index.html#{anchor}",
                        f"{title}, {'¶' if anchor[0] == 'p' else 'comment #'}{anchor[1:]}")
        if anchor is not None:
            return "only a document link takes an anchor (#p2, #c7)"
        if kind == "quote":
            return (Link(f"quote/{name}/index.html", "the shared passage") if name in passages
                    else f"no shared passage quote/{name}/ in this build")
        if kind == "actor":
            return Link(f"actor/{name}/index.html", actor_ids[name]) if name in actor_ids else \
                f"no actor {name!r} (content/actors/{name}.md)"
        if name not in notes:
            return f"no note with the id {name!r}"
        page, _, anchor = notes[name].partition("#")
        return Link(f"{page}index.html#{anchor}" if page else f"annotations/index.html#note-{name}", "the note")
    return resolve


def highlights(shown: list[Shown], record: dict) -> dict[tuple[str, int], list[tuple[int, int, str, bool]]]:
    """The words each note of a document is about, cut as the page shows them: (block, line) →
    [(start, end, anchor, whether the note's marker follows)] (a comment is shown line by line)."""
    texts = {b.id: b.text for b in blocks_of(record)}
    found: dict[tuple[str, int], list[tuple[int, int, str, bool]]] = {}
    for s in shown:
        pieces = []
        for block, start, end in s.spans:
            offset = 0
            for n, line in enumerate(texts[block].split("\n")):
                low, high = max(start, offset), min(end, offset + len(line))
                if low < high:
                    pieces.append(((block, n), low - offset, high - offset))
                offset += len(line) + 1
        for k, (key, start, end) in enumerate(pieces):
            found.setdefault(key, []).append((start, end, s.anchor, k == len(pieces) - 1))
    return found
