"""Loading the trained models (beside this file) and tagging a page with the
line model (`lines.crfsuite`) and its second reading (`context.crfsuite`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .context import in_context
from .labels import LABELS

MODEL = Path(__file__).with_name("lines.crfsuite")
CONTEXT = Path(__file__).with_name("context.crfsuite")  # the second reading: `context`


@cache
def opened(path: Path = MODEL):
    """A trained CRF (the line model, its second reading, the title ranker), opened once per process;
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


def read(features: list[list[str]]) -> tuple[list[str], list[dict[str, float]], list[dict[str, float]]] | None:
    """A page read twice: by the line model, then by its second reading, which
    weighs each line beside what the first made of the page around it
    (`context.in_context`). Each line's likelihoods are the mean of the two
    readings' and its label the likeliest (the second alone sets whole blocks
    right and as many wrong); returned with the first reading's likelihoods,
    from which the title ranker learned. The first reading stands alone when no
    second model was trained; None when no line model was."""
    first = tag(features)
    if first is None:
        return None
    if opened(CONTEXT) is None:
        return first[0], first[1], first[1]
    _labels, second = tag(in_context(features, *first), CONTEXT)
    marginals = [{label: (one[label] + two[label]) / 2 for label in LABELS} for one, two in zip(first[1], second)]
    return [max(LABELS, key=likelihood.__getitem__) for likelihood in marginals], marginals, first[1]
