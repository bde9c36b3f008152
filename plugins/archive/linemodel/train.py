"""Training the line model from labelled pages (deterministic: same pages, same model)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from ..parse import parse_text
from .features import page_features
from .labels import ARTICLE, BLANK, OTHER, ROLE_LABEL, TITLE

# Regularisation strong enough that the model learns layouts, not the sites it saw.
PARAMS = {"c1": 0.1, "c2": 1.0, "max_iterations": 150, "feature.possible_transitions": True}


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


def train(pages: Iterable[tuple[list[list[str]], list[str], int]], model: Path) -> None:
    """Fit the CRF on ``(features, labels, copies)`` sequences and write it to ``model``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, ys, copies in pages:
        if feats:
            for _ in range(copies):
                trainer.append(feats, ys)
    trainer.set_params(PARAMS)
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))
