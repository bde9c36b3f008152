"""The index split by term prefix, with scores computed here (BM25, as Lunr
scores), so that a query loads only the parts that hold its terms."""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict

from .analysis import terms
from .documents import FIELDS, fields

K1, B = 1.2, 0.75  # Lunr's BM25 constants
FIELD_BIT = {name: 1 << n for n, name in enumerate(FIELDS)}
POSTINGS_CAP = 2000  # documents kept per term: the best-scoring ones
PART_BYTES = 24_000  # about this much index per part, before it is split by a longer prefix
MAX_PREFIX = 6


def postings(records: list[dict]) -> dict[str, list[int]]:
    """term → [document, score, field bits, document, score, bits, ...], documents
    ascending and delta-encoded; scores are hundredths."""
    counts: list[dict[str, Counter]] = []
    lengths: dict[str, list[int]] = {name: [] for name in FIELDS}
    for record in records:
        per_field = {}
        for name, text in fields(record).items():
            found = terms(text)
            per_field[name] = Counter(found)
            lengths[name].append(len(found))
        counts.append(per_field)
    average = {name: (sum(v) / len(v) if v and sum(v) else 1.0) for name, v in lengths.items()}
    holders: dict[str, set] = defaultdict(set)
    for doc, per_field in enumerate(counts):
        for name, counter in per_field.items():
            for t in counter:
                holders[t].add(doc)
    n = len(records)
    scored: dict[str, dict[int, list]] = defaultdict(dict)
    for doc, per_field in enumerate(counts):
        for name, counter in per_field.items():
            norm = K1 * (1 - B + B * lengths[name][doc] / average[name])
            for t, tf in counter.items():
                df = len(holders[t])
                idf = math.log(1 + abs((n - df + 0.5) / (df + 0.5)))
                score = FIELDS[name] * idf * (K1 + 1) * tf / (norm + tf)
                entry = scored[t].setdefault(doc, [0.0, 0])
                entry[0] += score
                entry[1] |= FIELD_BIT[name]
    encoded = {}
    for t, docs in scored.items():
        kept = sorted(docs.items(), key=lambda item: (-item[1][0], item[0]))[:POSTINGS_CAP]
        flat, previous = [], 0
        for doc, (score, bits) in sorted(kept):
            flat += [doc - previous, max(1, round(score * 100)), bits]
            previous = doc
        encoded[t] = flat
    return encoded


def split(index: dict[str, list[int]]) -> dict[str, dict[str, list[int]]]:
    """Parts by term prefix: prefix → {term: postings}. A term belongs to the part
    of the longest prefix that is a key."""
    size = {t: len(t) + len(json.dumps(p, separators=(",", ":"))) + 4 for t, p in index.items()}
    parts: dict[str, dict] = {}

    def assign(prefix: str, members: list[str]) -> None:
        if sum(size[t] for t in members) <= PART_BYTES or len(prefix) >= MAX_PREFIX or not members:
            if members:
                parts[prefix] = {t: index[t] for t in members}
            return
        here = [t for t in members if len(t) == len(prefix)]
        if here:
            parts[prefix] = {t: index[t] for t in here}
        groups: dict[str, list[str]] = defaultdict(list)
        for t in members:
            if len(t) > len(prefix):
                groups[t[:len(prefix) + 1]].append(t)
        for key in sorted(groups):
            assign(key, groups[key])

    assign("", sorted(index))
    return parts
