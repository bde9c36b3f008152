"""Loading the trained models (beside this file) and tagging a page with the line model (`lines.crfsuite`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .labels import LABELS

MODEL = Path(__file__).with_name("lines.crfsuite")


@cache
def opened(path: Path = MODEL):
    """A trained CRF (the line model, the title ranker), opened once per process;
    None when it was not trained."""
    import pycrfsuite

    if not path.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def tag(features: list[list[str]], model: Path | None = None) -> tuple[list[str], list[dict[str, float]]] | None:
    """Each line's label and the model's probability of every label (by
    ``model``, else the line model in use), or None when there is no model."""
    tagger = opened(model or MODEL)
    if tagger is None:
        return None
    if not features:
        return [], []
    labels = tagger.tag(features)
    marginals = [{label: tagger.marginal(label, k) for label in LABELS} for k in range(len(features))]
    return labels, marginals
