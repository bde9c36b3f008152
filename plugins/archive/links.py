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

from .disjoint import DisjointSets
from .passages import DocumentText, Passage, shared_passages
from .quotes import word_spans

RELATED = 10  # documents listed as related, at most
NAMED_IN_REASON = 5  # actors named in a reason; the rest are counted
MAX_ACTOR_DOCUMENTS = 50  # an actor named by more documents (and a tenth of them) relates none by itself
PASSAGE_WEIGHT = 10.0  # a shared passage outweighs any number of shared actors
PASSAGE_WORD_WEIGHT = 0.05


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
    passages = [passage for p in shared_passages(texts)
                for passage in by_paragraph(occurrences(p, texts, records))]
    passages.sort(key=lambda p: (p.occurrences[0].doc, _number(p.occurrences[0].paragraph), p.id))
    by_doc: dict[str, list] = defaultdict(list)
    for passage in passages:
        for occurrence in passage.occurrences:
            by_doc[occurrence.doc].append((passage, occurrence))
    paragraphs = {r["id"]: {p["id"]: p["text"] for p in r["paragraphs"]} for r in records}
    for record in records:
        record["shared_quotes"] = [
            entry for passage, occurrence in by_doc[record["id"]]
            for entry in _pieces(passage, occurrence, paragraphs)]
    _relate(records, by_doc)
    return passages


MIN_SHARED_GRAMS = 4  # word 3-grams two paragraphs' parts of a passage share to be one passage


def by_paragraph(found: list[Occurrence]) -> list[SharedPassage]:
    """A passage cut where the documents that carry it change: a quotation that
    runs on in one blog ("The backdrop… There the lawmakers…") while another
    quotes only its second half is two passages, each with its own documents.
    Parts of paragraphs that share enough words, in different documents, are one."""
    parts = [(o.doc, paragraph, start, end, o.paragraph_texts[paragraph])
             for o in found for paragraph, (start, end) in o.marks.items()]
    grams = [_grams(text) for *_, text in parts]
    sets = DisjointSets(len(parts))
    for x in range(len(parts)):
        for y in range(x + 1, len(parts)):
            if parts[x][0] != parts[y][0] and len(grams[x] & grams[y]) >= MIN_SHARED_GRAMS:
                sets.join(x, y)
    passages = []
    for members in sets.groups():
        docs: dict[str, list] = defaultdict(list)
        for n in members:
            docs[parts[n][0]].append(parts[n])
        if len(docs) < 2:
            continue
        occurrences = []
        for doc, mine in sorted(docs.items()):
            mine.sort(key=lambda part: _number(part[1]))
            occurrences.append(Occurrence(doc, mine[0][1], "\n".join(part[4] for part in mine),
                                          {part[1]: (part[2], part[3]) for part in mine},
                                          sum(len(word_spans(part[4])) for part in mine)))
        first = occurrences[0]
        words = " ".join(w for w, _, _ in word_spans(first.text))
        passages.append(SharedPassage(hashlib.sha1(words.encode("utf-8")).hexdigest()[:12], occurrences))
    return passages


def _number(anchor: str) -> int:
    return int(anchor[1:])


def _pieces(passage: SharedPassage, occurrence: Occurrence, paragraphs: dict) -> list[dict]:
    """One entry per paragraph the occurrence covers, each pointing at the paragraph of
    every other occurrence that shares most of its words (where a reader should land)."""
    entries = []
    for paragraph, (start, end) in occurrence.marks.items():
        text = paragraphs[occurrence.doc][paragraph][start:end]
        grams = _grams(text)
        also_in = []
        for other in passage.occurrences:
            if other.doc == occurrence.doc:
                continue
            shared = [(len(grams & _grams(paragraphs[other.doc][p][s:e])), p) for p, (s, e) in other.marks.items()]
            best = max(shared, key=lambda item: (item[0], -int(item[1][1:])), default=(0, None))
            if best[0]:
                also_in.append({"id": other.doc, "paragraph": best[1]})
        if also_in:
            entries.append({"passage": passage.id, "text": text, "paragraph": paragraph, "also_in": also_in})
    return entries


def _grams(text: str) -> set[tuple[str, ...]]:
    words = [w for w, _, _ in word_spans(text)]
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def _relate(records: list[dict], by_doc: dict[str, list]) -> None:
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
        shared: dict[str, dict] = defaultdict(dict)  # other document → passage → words (once each)
        for passage, occurrence in by_doc[record["id"]]:
            for other in passage.occurrences:
                if other.doc != record["id"]:
                    shared[other.doc][passage.id] = max(shared[other.doc].get(passage.id, 0), occurrence.words)
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
