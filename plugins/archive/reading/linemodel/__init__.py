"""The line model: a linear-chain CRF over a capture's lines, trained on real
labelled pages (`invoke train`), that says of each line whether it is the
title, article text, a reader's comment or something else (`other`).

The rules' verdicts are among its features, so they act as priors; the model
decides where no rule does, and the parse keeps every line's reason.
"""

from pathlib import Path


def use_models(folder: Path) -> None:
    """Read with the line model and title ranker trained into ``folder`` instead
    of the ones beside this file (`invoke crossval` reads each page with models
    that never saw its site)."""
    from . import tagger, titles

    tagger.MODEL = folder / tagger.MODEL.name
    titles.MODEL = folder / titles.MODEL.name
