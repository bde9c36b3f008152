"""The line model: a linear-chain CRF over a capture's lines, trained on real
labelled pages (`invoke train`), that says of each line whether it is the
title, article text, a reader's comment or something else (`other`).

The rules' verdicts are among its features, so they act as priors; the model
decides where no rule does, and the parse keeps every line's reason.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def models_in(folder: Path) -> Iterator[None]:
    """Read with the line model and title ranker trained into ``folder``, not
    the ones beside this file, for the length of the block (`invoke crossval`
    reads each page with models that never saw its site). Never for a build:
    the reading cache knows only the shipped models."""
    from . import tagger, titles

    saved = tagger.MODEL, titles.MODEL
    tagger.MODEL, titles.MODEL = folder / tagger.MODEL.name, folder / titles.MODEL.name
    try:
        yield
    finally:
        tagger.MODEL, titles.MODEL = saved
