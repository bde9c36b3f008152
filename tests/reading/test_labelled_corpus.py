"""The reader on real pages it was not written for: the labelled corpus in
`../shared/corpus` (read where it lies, never copied).

Every page of both splits must read without an exception (alone, and with the
pages of its site as one archive, and without its blank lines, as a browser's
Select All + Copy gives many pages), and the figures on `check` (the split
nothing is tuned on) must not fall below what the reader reaches today, either
way: a change that makes reading worse fails here. The figures themselves are
reported by `invoke quality --corpus`.
"""

from __future__ import annotations

import pytest

from corpus_scoring import score_split

# What the reader reaches on `check` today, less a small margin for noise;
# raise them when the reader improves. Comment lines are judged on all pages and on
# the Dragnet pages alone, whose comment labels are reliable (the corpus README).
# The Dragnet comment floor was lowered once (0.75 -> 0.72), when a signature or a
# "Thanks!" that recurs in a few comments stopped being set aside as the thread's
# furniture: where the gold has a comment section, comment recall rose and precision
# held, but a thread read on a page whose gold has none now counts as comment lines
# (tune, two folds by site: comment F1 0.863 -> 0.904 for the whole change).
FLOORS = {"article": 0.75, "comment": 0.71, "comment_dragnet": 0.72, "other": 0.945, "title_accuracy": 0.78,
          "span_f1": 0.77, "comment_count_exact": 0.56, "news_as_news": 0.88}
# The same pages read without their blank lines, as a browser's Select All + Copy gives
# many pages. Before the models learnt from pages in both renderings (`corpus_training`),
# they read these at article 0.717, comment 0.585, other 0.911, titles 76 %; now at
# 0.774, 0.739, 0.958 and 79 %. Comment spans lie lower (0.788 against 0.808 as
# captured): a blank line between comments is a cut the reader no longer sees.
FLOORS_WITHOUT_BLANK_LINES = {**FLOORS, "span_f1": 0.76}


@pytest.fixture(scope="module")
def check_score(corpus_present):
    return score_split("check")


@pytest.mark.parametrize("split, pages", [("tune", 1200), ("check", 546)])
def test_every_page_reads_without_an_exception_alone_and_as_one_archive(corpus_present, split, pages):
    """Read as a build reads a folder: every page, then again each page whose site
    repeats lines across its pages, knowing those lines (a page that raised either
    time counts once)."""
    score = score_split(split, as_archive=True)
    assert score.pages == pages
    assert score.site_wide > 100  # the second reading did run, on the pages of many sites
    assert score.errors == []


@pytest.fixture(scope="module")
def check_score_without_blank_lines(corpus_present):
    return score_split("check", blank_lines=False)


def test_every_tune_page_reads_without_an_exception_without_its_blank_lines(corpus_present):
    score = score_split("tune", blank_lines=False)
    assert (score.pages, score.errors) == (1200, [])


def test_reading_on_pages_never_tuned_on_does_not_get_worse(check_score):
    below = _below(check_score, FLOORS)
    assert not below, below


def test_reading_pages_without_their_blank_lines_does_not_get_worse(check_score_without_blank_lines):
    score = check_score_without_blank_lines
    assert (score.pages, score.errors) == (546, [])
    below = _below(score, FLOORS_WITHOUT_BLANK_LINES)
    assert not below, below


def _below(score, floors: dict[str, float]) -> dict[str, str]:
    """The figures of ``score`` that fall below their ``floors``, each with its floor."""
    figures = score.figures()
    got = {"article": figures["article"]["f1"], "comment": figures["comment"]["f1"],
           "comment_dragnet": figures["comment_dragnet"]["f1"], "other": figures["other"]["f1"],
           "title_accuracy": figures["title_accuracy"], "span_f1": figures["span_f1"],
           "comment_count_exact": figures["comment_count_exact"], "news_as_news": figures["news_as_news"]}
    return {name: f"{got[name]:.3f} < {floor}" for name, floor in floors.items() if got[name] < floor}
