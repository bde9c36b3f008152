"""Corpus links between documents: shared passages and related documents.

Each record gains ``shared_quotes`` (its passages that other documents also
carry, with where) and ``related`` (the documents most worth reading next,
ranked and explained): shared passages first, then actors few documents
share; an actor that every document names links nothing by itself.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

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
        pieces = [paragraphs[p][s:e] for p, (s, e) in marks.items()]
        found.append(Occurrence(text.id, text.places[start][0], "\n".join(pieces),
                                {p: (s, e) for p, (s, e) in marks.items()}, end - start))
    return found


def link_corpus(records: list[dict]) -> list[SharedPassage]:
    """Add ``shared_quotes`` and ``related`` to every record; return the passages."""
    texts = [DocumentText.of(record) for record in records]
    passages = [SharedPassage(p.id, occurrences(p, texts, records)) for p in shared_passages(texts)]
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
