"""Passages shared between documents: every reused quotation, found as one
maximal passage per place, tolerant of edits, reordered clauses, quote style,
punctuation, case, ellipses and bracketed insertions.

Method (it scales about linearly with the corpus):

1. Every document's article text becomes normalised words (`quotes.normalise`),
   each remembering its paragraph and characters.
2. An inverted index of word 4-grams; a 4-gram made only of common words, or
   found in more than ``MAX_DOCUMENTS`` documents, is too common to mean a
   quotation and is skipped.
3. Documents that share at least ``MIN_SEEDS`` 4-grams are candidate pairs;
   each document is compared with the ``MAX_PARTNERS`` it shares most with.
4. In each pair, shared 4-grams lying close together in both texts form one
   passage (clauses may be reordered inside it); its edges are extended word by
   word, and rapidfuzz confirms that the two texts really are one passage.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from rapidfuzz import fuzz

from .disjoint import DisjointSets

from .quotes import word_spans

SHINGLE = 4  # words per index key
MIN_WORDS = 8  # a shared passage shorter than this is not a quotation
MAX_DOCUMENTS = 50  # a 4-gram in more documents than this is a commonplace
MAX_REPEATS = 4  # places one 4-gram is taken from in one document (repetitive text stays linear)
MIN_SEEDS = 2  # shared 4-grams before a pair of documents is compared
MAX_PARTNERS = 10  # documents each document is compared with: those it shares most 4-grams with
GAP = 20  # words between two shared 4-grams of one passage, in either text
MIN_SIMILARITY = 60  # rapidfuzz token-set ratio of the two variants, 0-100

# Words too common for a 4-gram of them alone to point at a quotation.
COMMON = frozenset("""
a about after all also an and any are as at be been but by can could did do does for from had has have
he her his i if in into is it its just more most my no not now of on one only or other our out over said
she so some than that the their them then there these they this those to up was we were what when which
who will with would you your
""".split())


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


def shingle_keys(words: list[str]) -> array:
    """One hash per word position: of the 4-gram starting there (0 when it is common)."""
    keys = array("q")
    for i in range(len(words) - SHINGLE + 1):
        gram = words[i:i + SHINGLE]
        keys.append(0 if all(w in COMMON for w in gram) else hash(" ".join(gram)) or 1)
    return keys


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


def shared_spans(a_words: list[str], a_keys, b_words: list[str], b_keys) -> list[tuple]:
    """(range in a, range in b, similarity) of every passage two word lists share:
    between documents, and between a comment and what it quotes (relations.py)."""
    where_b: dict[int, list[int]] = defaultdict(list)
    for j, key in enumerate(b_keys):
        if key and len(where_b[key]) < MAX_REPEATS:
            where_b[key].append(j)
    taken: Counter = Counter()
    seeds = []
    for i, key in enumerate(a_keys):
        if key in where_b and taken[key] < MAX_REPEATS:
            taken[key] += 1
            seeds.extend((i, j) for j in where_b[key])
    found = []
    for cluster in _clusters(seeds):
        if len(cluster) < MIN_SEEDS and len(cluster) * SHINGLE < MIN_WORDS:
            continue
        a_range, b_range = _extend(a_words, b_words, cluster)
        if min(a_range[1] - a_range[0], b_range[1] - b_range[0]) < MIN_WORDS:
            continue
        similarity = fuzz.token_set_ratio(" ".join(a_words[slice(*a_range)]), " ".join(b_words[slice(*b_range)]))
        if similarity >= MIN_SIMILARITY:
            found.append((a_range, b_range, round(similarity, 1)))
    return found


def _clusters(seeds: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Seeds within ``GAP`` words of each other in both texts, grouped. Seeds of
    consecutive words on one diagonal (the same offset between the texts: text
    copied word for word) first make runs, in one pass; then runs near each
    other in both texts are joined, each compared only with the runs still open
    beside it: linear in the seeds, and the same groups as comparing every pair."""
    runs: list[list] = []  # [first i, last i, diagonal, seeds]
    for i, j in sorted(seeds, key=lambda seed: (seed[1] - seed[0], seed[0])):
        if runs and runs[-1][2] == j - i and i == runs[-1][1] + 1:
            runs[-1][1] = i
            runs[-1][3].append((i, j))
        else:
            runs.append([i, i, j - i, [(i, j)]])
    sets = DisjointSets(len(runs))
    open_runs: list[int] = []
    for r in sorted(range(len(runs)), key=lambda r: (runs[r][0], runs[r][2])):
        open_runs = [a for a in open_runs if runs[a][1] + GAP >= runs[r][0]]
        for a in open_runs:
            if _near(runs[a], runs[r]):
                sets.join(a, r)
        open_runs.append(r)
    clusters = [sorted(seed for r in group for seed in runs[r][3]) for group in sets.groups()]
    return sorted(clusters)


def _near(a: list, b: list) -> bool:
    """Is some seed of run ``a`` within ``GAP`` words of some seed of run ``b`` in
    both texts? (t: the offset between them in the first text.)"""
    low = max(-GAP, -GAP - (a[2] - b[2]), a[0] - b[1])
    high = min(GAP, GAP - (a[2] - b[2]), a[1] - b[0])
    return low <= high


def _extend(a_words, b_words, cluster) -> tuple[tuple[int, int], tuple[int, int]]:
    """The cluster's ranges, grown at both edges while the words agree, across
    single edited words (substituted, deleted or inserted) that agreeing words follow."""
    a0, a1 = min(i for i, _ in cluster), max(i for i, _ in cluster) + SHINGLE
    b0, b1 = min(j for _, j in cluster), max(j for _, j in cluster) + SHINGLE
    i, j = (n + SHINGLE for n in max(cluster))
    i, j = _grow(a_words, b_words, i, j, 1)
    a1, b1 = max(a1, i), max(b1, j)
    i, j = min(cluster)
    ra, rb = a_words[::-1], b_words[::-1]
    i, j = _grow(ra, rb, len(a_words) - i, len(b_words) - j, 1)
    return (min(a0, len(a_words) - i), a1), (min(b0, len(b_words) - j), b1)


_EDITS = ((0, 0), (1, 1), (1, 0), (0, 1))  # words to skip in (a, b): none, substituted, inserted


def _grow(a, b, i, j, step) -> tuple[int, int]:
    """Past the end of an agreeing run at (i, j): how far agreement goes on."""
    while True:
        for skip_a, skip_b in _EDITS:
            x, y = i + skip_a, j + skip_b
            needed = 1 if (skip_a, skip_b) == (0, 0) else 2  # an edit must be followed by two agreeing words
            if x + needed <= len(a) and y + needed <= len(b) and a[x:x + needed] == b[y:y + needed]:
                i, j = x + needed, y + needed
                break
        else:
            return i, j


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
