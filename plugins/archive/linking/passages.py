"""Passages shared between documents: every reused quotation, found as one
maximal passage per place, tolerant of edits, reordered clauses, quote style,
punctuation, case, ellipses and bracketed insertions.

Method (it scales about linearly with the corpus):

1. Every document's article text becomes normalised words (`archive.shared.quotes`),
   each remembering its paragraph and characters.
2. An inverted index of word 4-grams; a 4-gram made only of common words, or
   found in more than ``MAX_DOCUMENTS`` documents, is too common to mean a
   quotation and is skipped.
3. Documents that share at least ``MIN_SEEDS`` 4-grams are candidate pairs;
   each document is compared with the ``MAX_PARTNERS`` it shares most with.
4. In each pair, shared 4-grams lying close together in both texts form one
   passage (clauses may be reordered inside it); its edges are extended word by
   word, and rapidfuzz confirms that the two texts really are one passage
   (`archive.shared.alignment`, which also finds a comment quoting the post).
"""

from __future__ import annotations

import hashlib
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from archive.shared.alignment import MIN_SEEDS, shared_spans, shingle_keys
from archive.shared.disjoint import DisjointSets
from archive.shared.quotes import word_spans

MAX_DOCUMENTS = 50  # a 4-gram in more documents than this is a commonplace
MAX_PARTNERS = 10  # documents each document is compared with: those it shares most 4-grams with


@dataclass
class DocumentText:
    """The article text of one document as normalised words, each with its place."""

    id: str
    words: list[str]
    places: list[tuple[str, int, int]]  # per word: (paragraph id, start, end) in that paragraph

    @classmethod
    def of(cls, record: dict) -> DocumentText:
        words, places = [], []
        for paragraph in record["paragraphs"]:
            for word, start, end in word_spans(paragraph["text"]):
                words.append(word)
                places.append((paragraph["id"], start, end))
        return cls(record["id"], words, places)


@dataclass(frozen=True)
class Alignment:
    """One passage that two documents share: word ranges [start, end) in each."""

    a: int  # index of the first document
    b: int
    a_range: tuple[int, int]
    b_range: tuple[int, int]
    similarity: float


@dataclass
class Passage:
    """A passage and every place it occurs: (document index, word range)."""

    id: str
    occurrences: list[tuple[int, tuple[int, int]]] = field(default_factory=list)
    links: list[Alignment] = field(default_factory=list)


def candidate_pairs(keys: list[array]) -> Counter:
    """(document, document) → how many 4-grams they share, through the inverted index."""
    postings: dict[int, int | list[int]] = {}
    for doc, doc_keys in enumerate(keys):
        for key in set(doc_keys):
            if key == 0:
                continue
            seen = postings.get(key)
            if seen is None:
                postings[key] = doc
            elif isinstance(seen, int):
                postings[key] = [seen, doc]
            else:
                seen.append(doc)
    pairs: Counter = Counter()
    for docs in postings.values():
        if isinstance(docs, list) and len(docs) <= MAX_DOCUMENTS:
            pairs.update(combinations(docs, 2))
    return pairs


def align(a: int, b: int, texts: list[DocumentText], keys: list[array]) -> list[Alignment]:
    """The passages two documents share, each as one maximal range in both."""
    return [Alignment(a, b, a_range, b_range, similarity) for a_range, b_range, similarity
            in shared_spans(texts[a].words, keys[a], texts[b].words, keys[b])]


def shared_passages(texts: list[DocumentText]) -> list[Passage]:
    """Every passage that two or more of ``texts`` share, in a stable order."""
    keys = [shingle_keys(text.words) for text in texts]
    pairs = closest_pairs(candidate_pairs(keys))
    alignments = [found for a, b in pairs for found in align(a, b, texts, keys)]
    return _group(alignments, texts)


def closest_pairs(shared: Counter) -> list[tuple[int, int]]:
    """The pairs worth aligning: each document with the ``MAX_PARTNERS`` others it
    shares most 4-grams with (a pair stays if either keeps it). Near-copies of
    one text (a wire story on a hundred sites, a page captured again) then link
    through each other instead of each with all: the work stays linear."""
    partners: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (a, b), count in shared.items():
        if count >= MIN_SEEDS:
            partners[a].append((-count, b))
            partners[b].append((-count, a))
    kept = set()
    for doc, found in partners.items():
        for _count, other in sorted(found)[:MAX_PARTNERS]:
            kept.add((min(doc, other), max(doc, other)))
    return sorted(kept)


def _group(alignments: list[Alignment], texts: list[DocumentText]) -> list[Passage]:
    """Pairwise passages → passages: occurrences that overlap in one document are one."""
    occurrences: list[tuple[int, tuple[int, int]]] = []
    sets = DisjointSets(0)
    link_of: dict[int, Alignment] = {}
    for link in alignments:
        occurrences += [(link.a, link.a_range), (link.b, link.b_range)]
        x, y = sets.add(), sets.add()
        sets.join(x, y)
        link_of[x] = link
    by_doc: dict[int, list[int]] = defaultdict(list)
    for n, (doc, _) in enumerate(occurrences):
        by_doc[doc].append(n)
    for members in by_doc.values():
        members.sort(key=lambda n: occurrences[n][1])
        for x, y in zip(members, members[1:]):
            if _overlap(occurrences[x][1], occurrences[y][1]):
                sets.join(x, y)
    passages = []
    for members in sets.groups():
        spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for n in members:
            doc, span = occurrences[n]
            spans[doc].append(span)
        merged = sorted((doc, span) for doc, doc_spans in spans.items() for span in _merge(doc_spans))
        first_doc, first_span = min(merged, key=lambda o: (texts[o[0]].id, o[1]))
        words = " ".join(texts[first_doc].words[slice(*first_span)])
        passage = Passage(hashlib.sha1(words.encode("utf-8")).hexdigest()[:12], merged)
        passage.links = [link_of[n] for n in members if n in link_of]
        passages.append(passage)
    return sorted(passages, key=lambda p: (texts[p.occurrences[0][0]].id, p.occurrences[0][1], p.id))


def _overlap(x: tuple[int, int], y: tuple[int, int]) -> bool:
    shared = min(x[1], y[1]) - max(x[0], y[0])
    return shared > 0 and shared * 2 >= min(x[1] - x[0], y[1] - y[0])


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [tuple(span) for span in merged]
