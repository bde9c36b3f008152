"""Training the models on the labelled corpus (`invoke train`), and measuring
them on pages of sites they never saw (`invoke crossval`).

Both learn from the corpus's `tune` pages and from the fixtures the rules alone
read right. Each page is learnt from twice: as captured, every block set apart
by a blank line, and without its blank lines (`corpus_scoring.without_blank_lines`),
as a browser's Select All + Copy gives many pages; a model that saw only the
first leant on the blank lines and read the second far worse. The sites of
`tune` fall in two folds (`training.fold`); a line model is fitted without
each fold, so that every page can be read by a model that never saw its site.
The title ranker learns from those readings: a headline judged among the
candidates a foreign model offers, as on a new site.

Cross-validation goes one step further: each fold's pages are read by the line
model fitted without them and by a title ranker that learned, as `train` teaches
the shipped one, from the other folds alone: their pages read by line models
fitted without each half of them (the halves drawn by site anew), so that no
reading the ranker learns from comes from a model that saw the held-out sites.
The figures say how the reader does on sites it was not trained on, without
looking at `check` (kept for reporting).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from multiprocessing.pool import Pool
from pathlib import Path

from archive.reading.linemodel import models_in, tagger, titles
from archive.reading.training import FOLDS, fold, rules_sequence, train as fit, train_ranker
from corpus_scoring import WITHOUT_BLANK_LINES, CorpusScore, corpus_pages, page_text, read_page, without_blank_lines
from scoring import fixture_cases

# each fixture weighs as much as five corpus pages, each learnt from in both renderings: they must stay exact
FIXTURE_COPIES = 10
# and, to the title ranker, as much as two pages read by one line model (at one, the ranker that weighs only
# a line's own traits, `titles.LINE_TRAITS`, took the first paragraph of trap-french-quotes for its headline)
RANKER_FIXTURE_COPIES = 2
NO_HOST = "(no host)"
FIXTURES = "fixtures"  # the fixtures' site: the team wrote them all, so their words count as one site's; the
# ranker weighs each of their readings RANKER_FIXTURE_COPIES times
INNER_DRAW = 100  # a training half's sites fall in halves of their own: draws 100, 101, … of `training.fold`


@dataclass
class TrainingSet:
    pages: list[dict]  # the corpus's `tune` pages, each as captured, then each without its blank lines
    folds: list[int]  # each page's fold, by its site
    corpus: list[tuple[list[list[str]], list[str]]]  # each page's features and labels
    texts: list[str]  # the fixtures the rules alone read right
    own: list[tuple[list[list[str]], list[str], int, str]]  # their features, the rules' roles as labels, copies, site
    fixtures: int  # the fixtures, those the rules read wrong too

    def fitted_without(self, held: int | None) -> list[tuple[list[list[str]], list[str], int, str]]:
        """The line model's training sequences, less the pages of fold ``held`` (None: every page)."""
        return [(x, y, 1, _site(page)) for (x, y), page, f in zip(self.corpus, self.pages, self.folds)
                if f != held] + self.own

    def without_fold(self, held: int, partition: int = 0) -> TrainingSet:
        """The pages outside fold ``held``, with the fixtures, their sites drawn
        into folds anew (``partition``: the outer draw): the training half as a
        training set of its own."""
        kept = [k for k, f in enumerate(self.folds) if f != held]
        pages = [self.pages[k] for k in kept]
        return TrainingSet(pages, [_page_fold(page, INNER_DRAW + partition) for page in pages],
                           [self.corpus[k] for k in kept], self.texts, self.own, self.fixtures)


def training_set(pool: Pool, pages: list[dict] | None = None, partition: int = 0) -> TrainingSet:
    """``pages`` (default: every `tune` page), each in both renderings, and the
    fixtures, read for training (``partition``: which draw of the sites into
    folds, `training.fold`)."""
    pages = both_renderings(corpus_pages("tune") if pages is None else pages)
    fixtures = [(str(capture), str(expected)) for _case, capture, expected in fixture_cases()]
    corpus = pool.map(_corpus_sequence, pages, chunksize=8)
    texts = [text for text in pool.map(_fixture_text, fixtures) if text is not None]
    return TrainingSet(pages, [_page_fold(page, partition) for page in pages], corpus, texts,
                       [(*rules_sequence(text), FIXTURE_COPIES, FIXTURES) for text in texts],
                       len(fixtures))


def both_renderings(pages: list[dict]) -> list[dict]:
    """Each page as captured, then each without its blank lines (`without_blank_lines`)."""
    return pages + [without_blank_lines(page) for page in pages]


def fold_line_models(data: TrainingSet, folder: Path) -> list[Path]:
    """One line model per fold, fitted without that fold's pages: ``folder/fold<k>/lines.crfsuite``."""
    models = []
    for held in range(FOLDS):
        model = fold_folder(folder, held) / tagger.MODEL.name
        fit(data.fitted_without(held), model)
        models.append(model)
    return models


def ranker_examples(pool: Pool, data: TrainingSet, readers: list[Path]) -> list[tuple[int, tuple[list, str]]]:
    """Each fold's pages that have a title, then the fixtures, read by the line
    model fitted without that fold: the title ranker's candidates and the
    page's site (`FIXTURES` for a fixture, which the ranker weighs more), with the fold."""
    jobs, held, sites = [], [], []
    for k, model in enumerate(readers):
        here = [(page, None, str(model)) for page, f in zip(data.pages, data.folds) if f == k and page["title"]]
        sites += [_site(page) for page, _text, _model in here]
        here += [(None, text, str(model)) for text in data.texts]
        sites += [FIXTURES] * len(data.texts)
        jobs += here
        held += [k] * len(here)
    return list(zip(held, zip(pool.map(_title_examples, jobs, chunksize=8), sites)))


def train_models(pool: Pool, folder: Path) -> tuple[TrainingSet, int]:
    """Fit the line model and the title ranker on every `tune` page and the
    fixtures, into ``folder``; the training set and how many pages the ranker learned from."""
    data = training_set(pool)
    learned = fit_ranker(pool, data, folder / titles.MODEL.name)
    fit(data.fitted_without(None), folder / tagger.MODEL.name)
    return data, learned


def fit_ranker(pool: Pool, data: TrainingSet, model: Path) -> int:
    """Fit the title ranker, into ``model``, on the readings of ``data``'s pages
    by the line models fitted without their fold; how many readings it learned from."""
    with tempfile.TemporaryDirectory() as scratch:
        examples = ranker_examples(pool, data, fold_line_models(data, Path(scratch)))
    train_ranker([page for _k, (page, site) in examples
                  for _copy in range(RANKER_FIXTURE_COPIES if site == FIXTURES else 1)], model)
    return len(examples)


def cross_validate(pool: Pool, pages: list[dict] | None = None, keep: Path | None = None,
                   partition: int = 0) -> tuple[CorpusScore, CorpusScore]:
    """Score every page of ``pages`` (default: all of `tune`) as read by models
    trained without its fold: the line model fitted without it, and a title
    ranker fitted by `fit_ranker`, as `train` fits the shipped one, on the other folds alone
    (both kept in ``keep/fold<k>/`` if given, to read a page as the figures did): the pages
    as captured, and without their blank lines. Each ``partition`` draws the
    sites into folds anew: a model's figures move with the pages it happens to
    learn from, and more draws tell a change from that."""
    data = training_set(pool, pages, partition)
    with tempfile.TemporaryDirectory() as scratch:
        folder = keep or Path(scratch)
        fold_line_models(data, folder)
        for held in range(FOLDS):
            fit_ranker(pool, data.without_fold(held, partition), fold_folder(folder, held) / titles.MODEL.name)
        results = pool.map(read_held_out, held_out_readings(data, folder), chunksize=4)
    captured, compact = CorpusScore(), CorpusScore()
    for page, result in zip(data.pages, results):
        (compact if page.get("rendering") == WITHOUT_BLANK_LINES else captured).add(page, result)
    return captured, compact


def held_out_readings(data: TrainingSet, folder: Path) -> list[tuple[dict, str]]:
    """Each page with the folder of the models trained without its fold."""
    return [(page, str(fold_folder(folder, f))) for page, f in zip(data.pages, data.folds)]


def fold_folder(folder: Path, held: int) -> Path:
    """Where the models trained without fold ``held`` lie."""
    return folder / f"fold{held}"


def _page_fold(page: dict, partition: int) -> int:
    """A page's fold in draw ``partition`` (`training.fold`), by its site (its own id when it names none)."""
    return fold(page["host"] or page["id"], partition)


def _site(page: dict) -> str:
    """A page's site, for the words many sites use: the pages with no host count as one."""
    return page["host"] or NO_HOST


def _corpus_sequence(page: dict):
    from archive.reading.training import sequence

    return sequence(page_text(page), page["lines"], page["title"])


def _fixture_text(case: tuple[str, str]) -> str | None:
    """A fixture's capture text, if the rules alone read it right (then the
    rules' roles are its labels)."""
    from archive.reading.capture import read_capture
    from archive.reading.parse import parse_text
    from archive.record import build_record
    from scoring import load_expected, record_differences

    capture = read_capture(Path(case[0]))
    record = build_record(capture, parse_text(capture.text, model=False))
    return None if record_differences(record, load_expected(Path(case[1]))) else capture.text


def _title_examples(job: tuple[dict | None, str | None, str]):
    """The title ranker's examples from one corpus page (or fixture text) under one fold's line model."""
    from archive.reading.training import title_examples

    page, text, model = job
    if page is None:
        return title_examples(text, None, None, Path(model))
    return title_examples(page_text(page), page["lines"], page["title"], Path(model))


def read_held_out(job: tuple[dict, str]):
    """One page read with one fold's models (the worker then reads with its own again)."""
    page, folder = job
    with models_in(Path(folder)):
        return read_page(page)
