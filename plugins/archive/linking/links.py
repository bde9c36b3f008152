"""Corpus links between documents: shared passages and related documents.

Each record gains ``shared_quotes`` (its passages that other documents also
carry, with where) and ``related`` (the documents most worth reading next,
ranked and explained): shared passages first, then actors few documents
share; an actor that every document names links nothing by itself.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from archive.shared.disjoint import DisjointSets
from .passages import DocumentText, Passage, shared_passages
from archive.shared.quotes import word_spans

RELATED = 10  # documents listed as related, at most
NAMED_IN_REASON = 5  # actors named in a reason; the rest are counted
MAX_ACTOR_DOCUMENTS = 50  # an actor named by more documents (and a tenth of them) relates none by itself
PASSAGE_WEIGHT = 10.0  # a shared passage outweighs any number of shared actors
PASSAGE_WORD_WEIGHT = 0.05
MAX_ALSO_IN = 10  # other places a shared passage's note names; its page lists them all
MAX_GROUPS = 100  # groups of documents (by their parts' words) a passage's parts are compared with


@dataclass
class Occurrence:
    """One place a passage stands: a document and its paragraphs."""

    doc: str
    paragraph: str  # where it begins
    text: str  # as written there (paragraphs joined by a line break)
    marks: dict[str, tuple[int, int]]  # paragraph id → characters it covers
    words: int
    paragraph_texts: dict[str, str] = field(default_factory=dict)  # paragraph id → the part it covers


@dataclass
class SharedPassage:
    id: str
    occurrences: list[Occurrence] = field(default_factory=list)


def occurrences(passage: Passage, texts: list[DocumentText], records: list[dict]) -> list[Occurrence]:
    found = []
    for doc, (start, end) in passage.occurrences:
        text, record = texts[doc], records[doc]
        paragraphs = {p["id"]: p["text"] for p in record["paragraphs"]}
        marks: dict[str, list[int]] = {}
        for paragraph, s, e in text.places[start:end]:
            span = marks.setdefault(paragraph, [s, e])
            span[1] = e
        pieces = {p: paragraphs[p][s:e] for p, (s, e) in marks.items()}
        found.append(Occurrence(text.id, text.places[start][0], "\n".join(pieces.values()),
                                {p: (s, e) for p, (s, e) in marks.items()}, end - start, pieces))
    return found


def link_corpus(records: list[dict]) -> list[SharedPassage]:
    """Add ``shared_quotes`` and ``related`` to every record; return the passages."""
    texts = [DocumentText.of(record) for record in records]
    paragraphs = {r["id"]: {p["id"]: p["text"] for p in r["paragraphs"]} for r in records}
    passages = merged_by_id([passage for p in shared_passages(texts)
                             for passage in by_paragraph(occurrences(p, texts, records), paragraphs)], paragraphs)
    passages.sort(key=lambda p: (p.occurrences[0].doc, _number(p.occurrences[0].paragraph), p.id))
    by_doc: dict[str, list] = defaultdict(list)
    for passage in passages:
        for occurrence in passage.occurrences:
            by_doc[occurrence.doc].append((passage, occurrence))
    pieces = {passage.id: _passage_pieces(passage, paragraphs) for passage in passages}
    for record in records:
        record["shared_quotes"] = [entry for passage, _occurrence in by_doc[record["id"]]
                                   for entry in pieces[passage.id].get(record["id"], ())]
    _relate(records, by_doc)
    return passages


MIN_SHARED_GRAMS = 4  # word 3-grams two paragraphs' parts of a passage share to be one passage
REPRESENTATIVES = 8  # parts a 3-gram remembers, each of a different group: grouping stays linear


def by_paragraph(found: list[Occurrence], paragraphs: dict[str, dict[str, str]]) -> list[SharedPassage]:
    """A passage cut where the documents that carry it change: a quotation that
    runs on in one blog ("The backdrop… There the lawmakers…") while another
    quotes only its second half is two passages, each with its own documents.
    Parts of paragraphs that share enough words, in different documents, are one.
    Each part is compared with a few earlier parts of each 3-gram (one per
    group), so a passage quoted by hundreds of documents costs hundreds of steps,
    not hundreds squared. ``paragraphs``: each document's paragraph texts by id."""
    parts = [(o.doc, paragraph, start, end, o.paragraph_texts[paragraph])
             for o in found for paragraph, (start, end) in o.marks.items()]
    sets = DisjointSets(len(parts))
    remembered: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for x, part in enumerate(parts):
        grams = _grams(part[4])
        shared: dict[int, int] = defaultdict(int)
        for gram in grams:
            for y in remembered.get(gram, ()):
                if parts[y][0] != part[0]:
                    shared[y] += 1
        for y, count in sorted(shared.items()):
            if count >= MIN_SHARED_GRAMS:
                sets.join(y, x)
        for gram in grams:
            kept = remembered[gram]
            if len(kept) < REPRESENTATIVES and all(sets.find(y) != sets.find(x) for y in kept):
                kept.append(x)
    passages = []
    for members in sets.groups():
        docs: dict[str, list] = defaultdict(list)
        for n in members:
            docs[parts[n][0]].append(parts[n])
        if len(docs) < 2:
            continue
        occurrences = []
        for doc, mine in sorted(docs.items()):
            occurrences.append(_occurrence(doc, [part[1:4] for part in mine], paragraphs[doc]))
        passages.append(SharedPassage(_passage_id(occurrences[0].text), occurrences))
    return passages


def _occurrence(doc: str, parts: list[tuple[str, int, int]], paragraphs: dict[str, str]) -> Occurrence:
    """One document's parts of a passage, ``(paragraph, start, end)``; parts of
    one paragraph are made one, from the first character to the last."""
    marks: dict[str, tuple[int, int]] = {}
    for paragraph, start, end in sorted(parts, key=lambda part: (_number(part[0]), part[1])):
        known = marks.get(paragraph)
        marks[paragraph] = (min(known[0], start), max(known[1], end)) if known else (start, end)
    texts = {p: paragraphs[p][s:e] for p, (s, e) in marks.items()}
    first = next(iter(marks))
    return Occurrence(doc, first, "\n".join(texts.values()), marks,
                      sum(len(word_spans(text)) for text in texts.values()), texts)


def _passage_id(text: str) -> str:
    """A passage's id: a hash of its words (so one text is one passage, one page)."""
    words = " ".join(w for w, _, _ in word_spans(text))
    return hashlib.sha1(words.encode("utf-8")).hexdigest()[:12]


def merged_by_id(passages: list[SharedPassage], paragraphs: dict[str, dict[str, str]]) -> list[SharedPassage]:
    """Passages found apart whose first occurrences read the same are one passage:
    their places are put together, so every id names one page."""
    by_id: dict[str, SharedPassage] = {}
    for passage in passages:
        known = by_id.get(passage.id)
        if known is None:
            by_id[passage.id] = passage
            continue
        docs: dict[str, list[Occurrence]] = defaultdict(list)
        for occurrence in known.occurrences + passage.occurrences:
            docs[occurrence.doc].append(occurrence)
        known.occurrences = [
            mine[0] if len(mine) == 1 else
            _occurrence(doc, [(p, s, e) for o in mine for p, (s, e) in o.marks.items()], paragraphs[doc])
            for doc, mine in sorted(docs.items())]
    return list(by_id.values())


def _number(anchor: str) -> int:
    return int(anchor[1:])


def _passage_pieces(passage: SharedPassage, paragraphs: dict) -> dict[str, list[dict]]:
    """For each document of the passage, one entry per paragraph its occurrence
    covers, each pointing at the paragraph of the other occurrences that share
    most of its words (where a reader should land): the ``MAX_ALSO_IN`` closest,
    and how many more the passage's page lists.

    Parts with the same words are compared once, and documents whose parts have
    the same words are one group: a passage that hundreds of documents carry
    word for word costs hundreds of steps, not hundreds squared. At most
    ``MAX_GROUPS`` groups (the largest) are compared; the others are counted."""
    part_class: dict[tuple[str, str], int] = {}
    classes: dict[str, int] = {}
    for o in passage.occurrences:
        for p, (s, e) in o.marks.items():
            part_class[o.doc, p] = classes.setdefault(paragraphs[o.doc][p][s:e], len(classes))
    grams = [_grams(text) for text in classes]
    groups: dict[tuple[int, ...], list[Occurrence]] = defaultdict(list)
    for o in sorted(passage.occurrences, key=lambda o: o.doc):
        groups[tuple(sorted({part_class[o.doc, p] for p in o.marks}))].append(o)
    ranked = sorted(groups.items(), key=lambda item: (-len(item[1]), item[1][0].doc))
    compared, counted = ranked[:MAX_GROUPS], ranked[MAX_GROUPS:]
    shared_words: dict[tuple[int, int], int] = {}

    def shared(a: int, b: int) -> int:
        key = (a, b) if a <= b else (b, a)
        if key not in shared_words:
            shared_words[key] = len(grams[a] & grams[b])
        return shared_words[key]

    out: dict[str, list[dict]] = {}
    for occurrence in passage.occurrences:
        entries = out.setdefault(occurrence.doc, [])
        for paragraph, (start, end) in occurrence.marks.items():
            mine = part_class[occurrence.doc, paragraph]
            also_in, more = [], sum(len([m for m in members if m.doc != occurrence.doc]) for _, members in counted)
            for kinds, members in compared:
                best = max(shared(mine, kind) for kind in kinds)
                others = [m for m in members if m.doc != occurrence.doc] if best else []
                more += len(others[MAX_ALSO_IN:])
                for other in others[:MAX_ALSO_IN]:
                    landing = max(other.marks, key=lambda p: (shared(mine, part_class[other.doc, p]), -int(p[1:])))
                    also_in.append((-best, other.doc, landing))
            if not also_in:
                continue
            also_in.sort()
            more += len(also_in[MAX_ALSO_IN:])
            entry = {"passage": passage.id, "text": paragraphs[occurrence.doc][paragraph][start:end],
                     "paragraph": paragraph,
                     "also_in": [{"id": doc, "paragraph": p} for _shared, doc, p in sorted(
                         also_in[:MAX_ALSO_IN], key=lambda item: item[1])]}
            if more:
                entry["also_in_more"] = more
            entries.append(entry)
    return out


def _grams(text: str) -> set[tuple[str, ...]]:
    words = [w for w, _, _ in word_spans(text)]
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def _relate(records: list[dict], by_doc: dict[str, list]) -> None:
    """Each record's related documents, scored: those its passages' notes point
    at (`_passage_pieces`) and those that name its rarer actors."""
    named = {r["id"]: {a["id"]: a["name"] for a in r.get("actors", ()) if a["mentions"]["article"]}
             for r in records}
    records_by_id = {r["id"]: r for r in records}
    documents_naming: dict[str, int] = defaultdict(int)
    for actors in named.values():
        for actor in actors:
            documents_naming[actor] += 1
    n = len(records)
    naming: dict[str, list[str]] = defaultdict(list)  # actor → documents that name it, if few enough to tell
    for doc_id, actors in named.items():
        for actor in actors:
            if documents_naming[actor] <= max(MAX_ACTOR_DOCUMENTS, n // 10):
                naming[actor].append(doc_id)
    for record in records:
        # other document → passage → words (once each): the places its passages' notes point at
        words = {passage.id: occurrence.words for passage, occurrence in by_doc[record["id"]]}
        shared: dict[str, dict] = defaultdict(dict)
        for entry in record["shared_quotes"]:
            for other in entry["also_in"]:
                shared[other["id"]][entry["passage"]] = words[entry["passage"]]
        candidates = set(shared) | {doc for actor in named[record["id"]] for doc in naming.get(actor, ())}
        candidates.discard(record["id"])
        related = []
        for other in (records_by_id[doc] for doc in sorted(candidates)):
            passages = sorted(shared.get(other["id"], {}).items())
            actors = sorted((math.log(n / documents_naming[a]), named[record["id"]][a], a)
                            for a in named[record["id"]].keys() & named[other["id"]].keys())
            actors = [(weight, name, a) for weight, name, a in actors if weight > 0]
            actors.sort(key=lambda x: (-x[0], x[1]))
            score = (PASSAGE_WEIGHT * len(passages) + PASSAGE_WORD_WEIGHT * sum(w for _, w in passages)
                     + sum(weight for weight, _, _ in actors))
            if score <= 0:
                continue
            reasons = []
            if passages:
                words = sum(w for _, w in passages)
                reasons.append(f"shares {len(passages)} passage{'s' if len(passages) > 1 else ''} ({words} words)")
            if actors:
                names = [name for _, name, _ in actors]
                more = len(names) - NAMED_IN_REASON
                reasons.append("both name " + ", ".join(names[:NAMED_IN_REASON])
                               + (f" and {more} more" if more > 0 else ""))
            related.append({"id": other["id"], "score": round(score, 2), "reasons": reasons,
                            "passages": sorted({p for p, _ in passages}),
                            "actors": [a for _, _, a in actors]})
        related.sort(key=lambda r: (-r["score"], r["id"]))
        record["related"] = related[:RELATED]


def variant_pieces(text: str, reference: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, differs from ``reference``), word by word, for
    showing variants of one passage side by side."""
    spans = word_spans(text)
    ours = [w for w, _, _ in spans]
    theirs = [w for w, _, _ in word_spans(reference)]
    changed = [False] * len(spans)
    for tag, i1, i2, _, _ in Levenshtein.opcodes(ours, theirs):
        if tag in ("replace", "delete"):  # words of ours the reference lacks or has otherwise
            for i in range(i1, i2):
                changed[i] = True
    pieces, at = [], 0
    for (_, start, end), differs in zip(spans, changed):
        if differs:
            if start > at:
                pieces.append((text[at:start], False))
            pieces.append((text[start:end], True))
            at = end
    pieces.append((text[at:], False))
    return [piece for piece in pieces if piece[0]]
