"""Training the line model from labelled pages (deterministic: same pages, same model)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Iterable
from pathlib import Path

from .parse import parse_text
from .state import TITLE as TITLE_ROLE
from .linemodel.features import WORD, page_features
from .linemodel.labels import ARTICLE, BLANK, OTHER, ROLE_LABEL, TITLE
from .linemodel.tagger import tag
from .linemodel.titles import FIRST, NO, SECOND, YES, candidates

# Regularisation strong enough that the model learns layouts, not the sites it saw.
PARAMS = {"c1": 0.1, "c2": 3.0, "max_iterations": 150, "feature.possible_transitions": True}
RANKER_PARAMS = {"c1": 0.5, "c2": 10.0, "max_iterations": 200}
WORD_SITES = 8  # sites a word must be seen on for the line model to learn it
FOLDS = 2  # the title ranker learns from line-model readings of pages that model never saw


def fold(host: str, partition: int = 0) -> int:
    """A site's fold: every page of one site in the same one (``partition``: another
    draw of the sites into folds, for repeated cross-validation). Another draw is
    by a keyed hash: CRC32 is affine, so two draws by it, however prefixed, part the
    sites alike within each length of their names."""
    if not partition:
        return zlib.crc32(host.encode()) % FOLDS
    digest = hashlib.blake2b(host.encode(), digest_size=8, key=str(partition).encode()).digest()
    return int.from_bytes(digest, "big") % FOLDS


def title_key(title: str | None) -> str:
    """A title as compared: case, accents, quotes and spacing ignored."""
    folded = unicodedata.normalize("NFKD", title or "").casefold()
    return " ".join(re.findall(r"\w+", folded))


def with_title(labels: list[str], texts: list[str], title: str | None) -> list[str]:
    """The labels with the headline's line marked ``title``: the first article
    line that is the title (or begins with it)."""
    key = title_key(title)
    if not key:
        return labels
    out = list(labels)
    for n, (label, text) in enumerate(zip(labels, texts)):
        line_key = title_key(text)
        if label == ARTICLE and line_key and (line_key == key or line_key.startswith(key + " ")
                                              and len(line_key) < 1.5 * len(key)):
            out[n] = TITLE
            break
    return out


def sequence(text: str, labels: list[str], title: str | None) -> tuple[list[list[str]], list[str]]:
    """The features and labels of one page's text lines (``labels``: one per line)."""
    state = parse_text(text, model=False)
    index, feats = page_features(state)
    texts = [line.stripped for line in state.lines]
    labels = with_title(labels[:len(texts)], texts, title)
    ys = [labels[i] if labels[i] != BLANK else OTHER for i in index]
    return feats, ys


def rules_sequence(text: str) -> tuple[list[list[str]], list[str]]:
    """A fixture's features and labels, its labels being the rules' own roles
    (the fixture tests hold them exact)."""
    state = parse_text(text, model=False)
    index, feats = page_features(state)
    return feats, [ROLE_LABEL[state.lines[i].role] for i in index]


def title_examples(text: str, labels: list[str] | None, title: str | None,
                   model: Path) -> list[tuple[dict[str, float], str]]:
    """The title ranker's candidates on one page, each with its answer, as
    ``model`` (a line model) reads the page. ``labels`` and ``title``: the
    corpus's; without them (a fixture) the rules' own title is the answer."""
    state = parse_text(text, model=False)
    index, feats = page_features(state)
    tagged = tag(feats, model)
    if not index or tagged is None:
        return []
    texts = [state.lines[i].stripped for i in index]
    rules = next((k for k, i in enumerate(index) if state.lines[i].role == TITLE_ROLE), None)
    if labels is None:
        answer = rules
    else:
        marked = with_title(labels[:len(state.lines)], [line.stripped for line in state.lines], title)
        answer = next((k for k, i in enumerate(index) if marked[i] == TITLE), None)
    return [(f, YES if k == answer else NO) for k, f in candidates(texts, feats, tagged[1], rules)]


def train_ranker(pages: Iterable[list[tuple[dict[str, float], str]]], model: Path) -> None:
    """Fit the pairwise title ranker on each page's ``(features, answer)``
    candidates: which of two candidates on one page is the headline, the
    headline set against every other candidate, each pair both ways round
    (each feature's value in one less its value in the other)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for examples in pages:
        headline = next((feats for feats, answer in examples if answer == YES), None)
        if headline is None:
            continue
        for other, answer in examples:
            if answer == YES:
                continue
            apart = {}  # in the order given, as sets are not: the same pages, the same model
            for name in headline | other:
                if (value := headline.get(name, 0.0) - other.get(name, 0.0)) != 0.0:
                    apart[name] = value
            if apart:
                trainer.append(pycrfsuite.ItemSequence([apart]), [FIRST])
                trainer.append(pycrfsuite.ItemSequence([{name: -v for name, v in apart.items()}]), [SECOND])
    trainer.set_params(RANKER_PARAMS)
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))


def common_words(pages: Iterable[tuple[Iterable[Iterable[str]], str]], sites: int) -> frozenset[str]:
    """The word features found on the lines of at least ``sites`` sites (``pages``:
    each page's lines, by their features' names, and its site): words of the
    web's furniture, not one site's."""
    seen: dict[str, set[str]] = {}
    for feats, site in pages:
        for line in feats:
            for name in line:
                if name.startswith(WORD):
                    seen.setdefault(name, set()).add(site)
    return frozenset(name for name, where in seen.items() if len(where) >= sites)


def _kept(names: Iterable[str], words: frozenset[str]) -> list[str]:
    """``names`` less the word features not in ``words`` (`common_words`), in their order."""
    return [name for name in names if not name.startswith(WORD) or name in words]


def train(pages: Iterable[tuple[list[list[str]], list[str], int, str]], model: Path) -> None:
    """Fit the CRF on ``(features, labels, copies, site)`` sequences and write it
    to ``model``; of the word features, only those many sites use."""
    import pycrfsuite

    pages = list(pages)
    words = common_words(((feats, site) for feats, _ys, _copies, site in pages), WORD_SITES)
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, ys, copies, _site in pages:
        if feats:
            feats = [_kept(line, words) for line in feats]
            for _ in range(copies):
                trainer.append(feats, ys)
    trainer.set_params(PARAMS)
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))
