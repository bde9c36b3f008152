"""Loading the trained line model (`lines.crfsuite`, beside this file) and tagging a page."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .labels import LABELS

MODEL = Path(__file__).with_name("lines.crfsuite")


@cache
def _tagger(path: Path = MODEL):
    """The CRF tagger, opened once per process; None when no model was trained."""
    import pycrfsuite

    if not path.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def tag(features: list[list[str]], model: Path = MODEL) -> tuple[list[str], list[dict[str, float]]] | None:
    """Each line's label and the model's probability of every label, or None
    when there is no model."""
    tagger = _tagger(model)
    if tagger is None:
        return None
    if not features:
        return [], []
    labels = tagger.tag(features)
    marginals = [{label: tagger.marginal(label, k) for label in LABELS} for k in range(len(features))]
    return labels, marginals
