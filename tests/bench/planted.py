"""Synthetic corpora with planted passages, to measure how well shared passages
are found (tests) and how the cost grows (``invoke bench``).

Every document is made-up prose; a planted passage of 25-45 words is copied
from one document into another, each word substituted, deleted, or given an
inserted neighbour with probability ``edit_rate``.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

from archive.shared.alignment import COMMON, MIN_WORDS

_SYLLABLES = ["ka", "ri", "mo", "sa", "lu", "den", "var", "to", "bel", "ash", "qui", "zor", "pe", "in", "ost"]


@dataclass
class PlantedCorpus:
    records: list[dict]
    pairs: set[tuple[str, str]]  # (document id, document id) that share copied text, sorted


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def _prose(rng: random.Random, vocabulary: list[str], weights: list[float], common: list[str], n: int) -> list[str]:
    """Words as prose has them: about half common words, the rest Zipf-distributed."""
    picks = rng.choices(vocabulary, weights=weights, k=n)
    return [rng.choice(common) if rng.random() < 0.45 else word for word in picks]


def _edit(rng: random.Random, words: list, rate: float, vocabulary: list[str]) -> list:
    """A copy of (word, origin) pairs with edits; new words have no origin."""
    edited = []
    for word in words:
        if rng.random() >= rate:
            edited.append(word)
            continue
        kind = rng.randrange(3)
        if kind == 0:
            edited.append((rng.choice(vocabulary), None))  # substituted
        elif kind == 2:
            edited.extend([word, (rng.choice(vocabulary), None)])  # a word inserted after it
        # kind 1: deleted
    return edited


def planted_corpus(documents: int, edit_rate: float, planted_share: float = 0.3,
                   words: int = 400, seed: int = 0) -> PlantedCorpus:
    """``documents`` documents; ``planted_share`` of them receive a passage copied
    from another document, with edits at ``edit_rate``. Two documents share a
    passage when at least ``MIN_WORDS`` of their words have one origin (a copy
    of a copy counts, and so do two copies of one source)."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng, 20000)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    common = sorted(COMMON)
    texts = [[(w, (d, n)) for n, w in enumerate(_prose(rng, vocabulary, weights, common, words))]
             for d in range(documents)]
    ids = [f"{n:08x}" for n in range(documents)]
    for target in rng.sample(range(documents), int(documents * planted_share)):
        source = rng.randrange(documents - 1)
        source += source >= target
        length = rng.randint(25, 45)
        start = rng.randrange(len(texts[source]) - length)
        copied = _edit(rng, texts[source][start:start + length], edit_rate, vocabulary)
        at = rng.randrange(len(texts[target]))
        texts[target][at:at] = copied
    holders = defaultdict(set)
    for d, text in enumerate(texts):
        for _, origin in text:
            if origin is not None:
                holders[origin].add(d)
    shared = Counter(pair for docs in holders.values() if len(docs) > 1
                     for pair in combinations(sorted(docs), 2))
    pairs = {(ids[a], ids[b]) for (a, b), count in shared.items() if count >= MIN_WORDS}
    records = []
    for doc_id, text in zip(ids, texts):
        plain = [w for w, _ in text]
        paragraphs = [" ".join(plain[i:i + 60]).capitalize() + "." for i in range(0, len(plain), 60)]
        records.append({"id": doc_id, "paragraphs": [{"id": f"p{n}", "text": p}
                                                     for n, p in enumerate(paragraphs, start=1)]})
    return PlantedCorpus(records, pairs)


def found_pairs(passages, texts) -> set[tuple[str, str]]:
    """Pairs of document ids linked by a shared passage."""
    return {tuple(sorted((texts[link.a].id, texts[link.b].id))) for p in passages for link in p.links}


def prose_records(documents: int, words: int = 1000, seed: int = 0, vocabulary_text: str = "",
                  actors: list | None = None) -> list[dict]:
    """Made-up records of about ``words`` words each, drawn from the word frequencies
    of ``vocabulary_text`` (the seeds, say), with a few comments and actors: the
    shape of the archive at a scale it does not have yet."""
    import re

    rng = random.Random(seed)
    counts = Counter(re.findall(r"[A-Za-z][a-z’']+", vocabulary_text) or ["word"])
    vocabulary = sorted(counts)
    weights = [counts[w] for w in vocabulary]
    actors = actors or []
    records = []
    for n in range(documents):
        text = rng.choices(vocabulary, weights=weights, k=words)
        paragraphs = [" ".join(text[i:i + 80]).capitalize() + "." for i in range(0, len(text), 80)]
        named = rng.sample(actors, min(len(actors), rng.randint(0, 3)))
        records.append({
            "id": f"{n:016x}", "url": f"doc/{n:016x}/", "title": " ".join(rng.choices(vocabulary, k=7)).capitalize(),
            "date": f"{2004 + n % 12}-{1 + n % 12:02d}-{1 + n % 28:02d}", "site": f"Site {n % 40}",
            "authors": [], "source": {"file": f"{n:06d}_{n:016x}.txt"},
            "paragraphs": [{"id": f"p{i}", "text": p} for i, p in enumerate(paragraphs, start=1)],
            "comments": [{"id": f"c{i}", "author": f"reader{rng.randrange(500)}",
                          "text": " ".join(rng.choices(vocabulary, weights=weights, k=40))}
                         for i in range(1, rng.randint(0, 6) + 1)],
            "actors": [{"id": a.id, "name": a.name, "kind": a.kind, "spellings": [a.name],
                        "mentions": {"article": 1, "comments": 0}, "paragraphs": ["p1"], "comments": []}
                       for a in named],
        })
    return records


def reshuffled_captures(sources: list[str], count: int, seed: int = 0) -> list[str]:
    """``count`` captures made from ``sources`` (capture texts) by keeping each
    one's opening blocks and reshuffling the rest, with a few blocks borrowed
    from the others: near-copies that share long passages with dozens of others
    (the dense case of ``invoke bench --scale``)."""
    rng = random.Random(seed)
    blocks = [[block for block in text.split("\n\n") if block.strip()] for text in sources]
    out = []
    for n in range(count):
        own = blocks[n % len(blocks)]
        head, rest = own[:4], list(own[4:])
        rng.shuffle(rest)
        for _ in range(3):
            other = blocks[rng.randrange(len(blocks))]
            rest.insert(rng.randrange(len(rest) + 1), other[rng.randrange(len(other))])
        out.append("\n\n".join(head + rest) + "\n")
    return out


def diverse_captures(count: int, vocabulary_text: str, seed: int = 0, planted_share: float = 0.05) -> list[str]:
    """``count`` captures of made-up prose on as many sites (a name, a menu, a
    headline, a byline, six paragraphs, a few "said..." comments), with little
    shared text: ``planted_share`` of them quote a sentence run of another (the
    diverse case of ``invoke bench --scale``)."""
    import re

    rng = random.Random(seed)
    counts = Counter(re.findall(r"[A-Za-z][a-z’']+", vocabulary_text) or ["word"])
    vocabulary = sorted(counts)
    weights = [counts[w] for w in vocabulary]

    def sentence(words: int) -> str:
        return " ".join(rng.choices(vocabulary, weights=weights, k=words)).capitalize() + "."

    bodies = [[" ".join(sentence(rng.randint(12, 22)) for _ in range(4)) for _ in range(6)] for _ in range(count)]
    for target in rng.sample(range(count), int(count * planted_share)):
        source = bodies[rng.randrange(count)]
        bodies[target].insert(rng.randint(1, 5), source[rng.randrange(len(source))])
    captures = []
    for n, body in enumerate(bodies):
        site = f"The {vocabulary[n * 7919 % len(vocabulary)].capitalize()} Review {n % 97}"
        day = f"{['January', 'March', 'May', 'July', 'September', 'November'][n % 6]} {1 + n % 28}, {2004 + n % 15}"
        lines = [site, "HomeNewsOpinionAboutContact", sentence(rng.randint(5, 10))[:-1],
                 f"By {rng.choice(vocabulary).capitalize()} {rng.choice(vocabulary).capitalize()} | {day}", *body]
        comments = rng.randint(0, 5)
        if comments:
            lines.append(f"{comments} comments:")
            for k in range(comments):
                lines += [f"reader{rng.randrange(500)} said...", sentence(rng.randint(8, 30)),
                          f"{1 + n % 12}/{1 + k % 28}/{2004 + n % 15} {1 + k % 12}:{k % 60:02d} PM"]
        lines.append(f"© {2004 + n % 15} {site}. All rights reserved.")
        captures.append("\n\n".join(lines) + "\n")
    return captures
