"""What the line model's second reading sees: each line's own features and,
beside them, what the first reading made of the line and of the page around it.

A linear-chain CRF weighs a line with the two lines either side of it and the
label before it. The second reading (`tagger.CONTEXT`, a CRF trained on first
readings by models that never saw the page: stacked sequential learning) also
knows how sure the first was of the line, how much article text and comment it
heard in the lines around, where the first reading's article and thread lie,
and how many of their lines are above and below: a stray line in the article's
run, or one comment read as prose inside a thread, is judged by the page.
"""

from __future__ import annotations

from itertools import accumulate

from .features import bucket, tenths
from .labels import ARTICLE, COMMENT, TITLE

WINDOWS = (3, 10)  # lines either side over which the first reading's article and comment are averaged
NEIGHBOURS = (-2, -1, 1, 2)  # the lines whose first label a line also sees
PREFIX = "1st:"  # the second reading's own features, apart from the line's


def in_context(features: list[list[str]], labels: list[str], marginals: list[dict[str, float]]) -> list[list[str]]:
    """Each line's ``features`` with what the first reading (``labels``, ``marginals``) says around it."""
    n = len(features)
    heard = {"article": [m[ARTICLE] + m[TITLE] for m in marginals], "comment": [m[COMMENT] for m in marginals]}
    said = {"article": [float(label in (ARTICLE, TITLE)) for label in labels],
            "comment": [float(label == COMMENT) for label in labels]}
    heard_sums = {name: [0.0, *accumulate(values)] for name, values in heard.items()}
    said_sums = {name: [0.0, *accumulate(values)] for name, values in said.items()}
    runs = {name: _densest(values) for name, values in heard.items()}
    spans = {name: _span(values) for name, values in said.items()}
    out = []
    for k in range(n):
        seen = [f"{PREFIX}label={labels[k]}"]
        for name in ("article", "comment"):
            seen.append(f"{PREFIX}{name}={tenths(heard[name][k])}")
            for width in WINDOWS:  # the lines around, not the line itself
                lo, hi = max(0, k - width), min(n, k + width + 1)
                around = heard_sums[name][hi] - heard_sums[name][lo] - heard[name][k]
                seen.append(f"{PREFIX}{name}_within_{width}={tenths(around / max(1, hi - lo - 1))}")
            seen.append(f"{PREFIX}{name}_run={_side(k, runs[name])}")
            seen.append(f"{PREFIX}{name}_span={_side(k, spans[name])}")
            seen.append(f"{PREFIX}{name}_above={bucket(said_sums[name][k])}")
            seen.append(f"{PREFIX}{name}_below={bucket(said_sums[name][n] - said_sums[name][k + 1])}")
        seen.append(f"{PREFIX}article_run_distance={bucket(_distance(k, runs['article']))}")  # the article's only
        for offset in NEIGHBOURS:
            j = k + offset
            seen.append(f"{PREFIX}{offset}:label={labels[j] if 0 <= j < n else 'edge'}")
        out.append(features[k] + seen)
    return out


def _densest(likelihood: list[float]) -> tuple[int, int] | None:
    """The run of lines whose likelihoods, less an even chance each, add up most (None: no line is likelier than not)."""
    best, best_run, total, start = 0.0, None, 0.0, 0
    for k, p in enumerate(likelihood):
        total += p - 0.5
        if total <= 0:
            total, start = 0.0, k + 1
        elif total > best:
            best, best_run = total, (start, k)
    return best_run


def _span(flags: list[float]) -> tuple[int, int] | None:
    """From the first flagged line to the last (None: none is flagged)."""
    flagged = [k for k, flag in enumerate(flags) if flag]
    return (flagged[0], flagged[-1]) if flagged else None


def _side(k: int, run: tuple[int, int] | None) -> str:
    if run is None:
        return "none"
    return "before" if k < run[0] else "in" if k <= run[1] else "after"


def _distance(k: int, run: tuple[int, int] | None) -> int:
    if run is None:
        return 0
    return run[0] - k if k < run[0] else k - run[1] if k > run[1] else 0
