"""Aligning two word lists: the places where they share a passage, tolerant of
edited words, reordered clauses and repetition. Shared passages between
documents (`archive.linking.passages`) and a comment quoting the post
(`archive.reading.relations`) are both found this way.

Words are word 4-grams' hashes first (`shingle_keys`); 4-grams that both lists
share and that lie close together in both form one passage, grown word by word
at its edges; rapidfuzz confirms that the two texts really are one passage.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from .disjoint import DisjointSets

SHINGLE = 4  # words per index key
MIN_WORDS = 8  # a shared passage shorter than this is not a quotation
MAX_REPEATS = 4  # places one 4-gram is taken from in one document (repetitive text stays linear)
MIN_SEEDS = 2  # shared 4-grams before a pair of documents is compared
GAP = 20  # words between two shared 4-grams of one passage, in either text
MIN_SIMILARITY = 60  # rapidfuzz token-set ratio of the two variants, 0-100

# Words too common for a 4-gram of them alone to point at a quotation.
COMMON = frozenset("""
a about after all also an and any are as at be been but by can could did do does for from had has have
he her his i if in into is it its just more most my no not now of on one only or other our out over said
she so some than that the their them then there these they this those to up was we were what when which
who will with would you your
""".split())


def shingle_keys(words: list[str]) -> array:
    """One hash per word position: of the 4-gram starting there (0 when it is common)."""
    keys = array("q")
    for i in range(len(words) - SHINGLE + 1):
        gram = words[i:i + SHINGLE]
        keys.append(0 if all(w in COMMON for w in gram) else hash(" ".join(gram)) or 1)
    return keys


def shared_spans(a_words: list[str], a_keys, b_words: list[str], b_keys) -> list[tuple]:
    """(range in a, range in b, similarity) of every passage two word lists share:
    between documents, and between a comment and what it quotes (`archive.reading.relations`)."""
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
