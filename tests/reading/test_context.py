"""The line model's second reading (`linemodel.context`): each line weighed
with what the first reading made of it and of the page around it."""

from __future__ import annotations

import pytest

from archive.reading.capture import read_capture
from archive.reading.linemodel import context, relabel, tagger
from archive.reading.linemodel.context import PREFIX, in_context
from archive.reading.linemodel.features import page_features
from archive.reading.linemodel.labels import LABELS
from archive.reading.parse import parse_text
from scoring import fixture_cases


def _said(label: str, p: float = 0.9) -> dict[str, float]:
    """Likelihoods that say ``label`` at ``p``, the rest shared out."""
    rest = (1 - p) / 3
    return {name: p if name == label else rest for name in LABELS}


# a menu line, a headline, six lines of the article with one stray among them, a heading, four comments
PAGE = ["other", "title", "article", "article", "article", "other", "article", "article", "other",
          "comment", "comment", "comment", "comment"]


def _first_reading() -> tuple[list[list[str]], list[str], list[dict[str, float]]]:
    features = [[f"line={k}"] for k in range(len(PAGE))]
    marginals = [_said(label) for label in PAGE]
    marginals[5] = _said("other", 0.55)  # the stray: other, but not by much
    return features, PAGE, marginals


def _seen(line: list[str]) -> dict[str, str]:
    return dict(name[len(PREFIX):].rsplit("=", 1) for name in line if name.startswith(PREFIX))


def test_each_line_keeps_its_own_features_and_is_told_what_the_first_reading_said_of_it():
    features, labels, marginals = _first_reading()
    read = in_context(features, labels, marginals)
    assert [line[0] for line in read] == [f"line={k}" for k in range(len(PAGE))]  # first, as they were
    assert len({len(line) for line in read}) == 1  # every line is told the same things
    stray = _seen(read[5])
    assert (stray["label"], stray["article"], stray["comment"]) == ("other", "3", "1")  # title and article: 0.15 each
    assert _seen(read[2])["article"] == "9"  # a title is the article's too
    assert _seen(read[1])["article"] == "9"


def test_a_stray_line_in_the_articles_run_is_seen_there_and_a_comment_among_the_thread():
    features, labels, marginals = _first_reading()
    read = [_seen(line) for line in in_context(features, labels, marginals)]
    stray = read[5]
    assert stray["article_span"] == stray["article_run"] == "in"  # between the first's article lines
    assert int(stray["article_within_3"]) >= 6  # the lines around it are article text
    assert (stray["article_above"], stray["article_below"]) == ("2", "1")  # 4 lines above (3-6), 2 below (1-2)
    assert (stray["-1:label"], stray["1:label"]) == ("article", "article")
    assert read[0]["article_run"] == "before" and read[12]["article_run"] == "after"
    assert read[0]["-2:label"] == "edge" and read[12]["2:label"] == "edge"
    assert read[10]["comment_span"] == read[10]["comment_run"] == "in"
    assert read[3]["comment_span"] == "before" and read[3]["comment_below"] == "2"  # four comments (3-6)
    assert read[12]["comment_within_3"] == "9" and read[12]["comment_below"] == "0"
    assert read[12]["article_run_distance"] == "2"  # five lines past the run (3-6)


def test_a_page_the_first_reading_finds_no_comment_on_has_no_thread_to_lie_in():
    features = [["a"], ["b"], ["c"]]
    labels = ["article"] * 3
    read = [_seen(line) for line in in_context(features, labels, [_said("article")] * 3)]
    assert {line["comment_run"] for line in read} == {line["comment_span"] for line in read} == {"none"}
    assert read[1]["article_within_3"] == "9" and read[1]["comment_within_3"] == "0"
    assert in_context([], [], []) == []


def test_the_build_reads_each_line_by_the_mean_of_both_readings_and_gives_the_ranker_the_first():
    assert tagger.CONTEXT.is_file()
    state = parse_text(read_capture(fixture_cases()[0][1]).text, model=False)
    _index, features = page_features(state)
    labels, marginals, first = tagger.read(features)
    one = tagger.tag(features)
    _labels, two = tagger.tag(in_context(features, *one), tagger.CONTEXT)
    assert first == one[1]  # the first reading's likelihoods, as the title ranker learned them
    # the shipped second reading learned from what `in_context` says: every kind of it weighs in the model
    learned = {name.split("=")[0] for name, _label in tagger.opened(tagger.CONTEXT).info().state_features
               if name.startswith(PREFIX)}
    said = {name.split("=")[0] for line in in_context(features, *one) for name in line if name.startswith(PREFIX)}
    assert said == learned and len(said) == 20
    assert len(labels) == len(marginals) == len(features) > 0
    for k, likelihood in enumerate(marginals):
        assert likelihood == pytest.approx({label: (one[1][k][label] + two[k][label]) / 2 for label in LABELS})
        assert labels[k] == max(LABELS, key=likelihood.__getitem__)


def test_without_a_second_model_the_first_reading_stands_alone(monkeypatch, tmp_path):
    state = parse_text(read_capture(fixture_cases()[0][1]).text, model=False)
    _index, features = page_features(state)
    monkeypatch.setattr(tagger, "CONTEXT", tmp_path / "context.crfsuite")  # none there
    labels, marginals, first = tagger.read(features)
    assert (labels, marginals) == tagger.tag(features) and first == marginals


def test_the_title_ranker_is_given_the_first_readings_likelihoods_and_the_rest_the_seconds(monkeypatch):
    text = read_capture(fixture_cases()[0][1]).text
    state = parse_text(text, model=False)
    _index, features = page_features(state)
    first = tagger.tag(features)
    second = tagger.tag(in_context(features, *first), tagger.CONTEXT)
    given = {}

    def candidates(texts, feats, marginals, current):
        given["ranker"] = marginals
        return []

    monkeypatch.setattr(relabel, "candidates", candidates)
    monkeypatch.setattr(relabel, "read", lambda feats: (second[0], second[1], first[1]))
    sure = []
    monkeypatch.setattr(relabel, "_sure_furniture", lambda labels, marginals, k: sure.append(marginals) and False)
    parse_text(text)
    assert given["ranker"] is first[1]
    assert sure and all(marginals is second[1] for marginals in sure)


def _page(n: int, article: dict[int, float], label: str = "other") -> tuple[list[list[str]], list[str], list[dict]]:
    """``n`` lines, each ``label`` by the first reading, article text as likely as ``article`` says (else not at all)."""
    likelihoods = [{"title": 0.0, "article": article.get(k, 0.0), "comment": 0.0, "other": 1 - article.get(k, 0.0)}
                   for k in range(n)]
    return [[] for _ in range(n)], [label] * n, likelihoods


@pytest.mark.parametrize("width", context.WINDOWS)
def test_a_window_reaches_exactly_its_width_either_side_and_leaves_the_line_out(width):
    k, n = width + 2, 2 * width + 5
    # the two lines exactly ``width`` away are article text: two in 2 × width (the line itself left out)
    read = _seen(in_context(*_page(n, {k - width: 1.0, k + width: 1.0}))[k])
    assert read[f"article_within_{width}"] == str(int(10 / width))
    read = _seen(in_context(*_page(n, {k - width - 1: 1.0, k + width + 1: 1.0}))[k])
    assert read[f"article_within_{width}"] == "0"  # one line further: outside
    # neighbours at even odds, the line itself sure: their mean, not pulled up by the line
    read = _seen(in_context(*_page(n, {j: (1.0 if j == k else 0.5) for j in range(n)}))[k])
    assert read[f"article_within_{width}"] == "5" and read["article"] == "9"
    read = _seen(in_context(*_page(n, {j: (0.0 if j == k else 0.5) for j in range(n)}))[k])
    assert read[f"article_within_{width}"] == "5" and read["article"] == "0"


def test_lines_above_and_below_leave_the_line_out_and_the_run_follows_the_likelihoods_not_the_labels():
    features = [[] for _ in range(9)]
    labels = ["other", "other", "article", "article", "article", "other", "other", "other", "other"]
    # the first reading labels lines 2-4 article, yet finds lines 5-6 likelier article text than not
    likelihoods = [_said("other")] * 5 + [_said("article", 0.8)] * 2 + [_said("other")] * 2
    read = [_seen(line) for line in in_context(features, labels, likelihoods)]
    assert (read[2]["article_above"], read[2]["article_below"]) == ("0", "1")  # none above, two below (1-2)
    assert (read[4]["article_above"], read[4]["article_below"]) == ("1", "0")
    assert [line["article_span"] for line in read] == ["before"] * 2 + ["in"] * 3 + ["after"] * 4
    assert [line["article_run"] for line in read] == ["before"] * 5 + ["in"] * 2 + ["after"] * 2
    # how far from the run: 0 in it, then 1, 2, 3 lines past it (buckets 1-2 and 3-6)
    assert [line["article_run_distance"] for line in read[4:]] == ["1", "0", "0", "1", "1"]
    assert read[1]["article_run_distance"] == "2"  # four lines above it (3-6)


def test_the_densest_run_is_the_one_likeliest_beyond_even_odds():
    from archive.reading.linemodel.context import _densest

    assert _densest([0.6, 0.6, 0.2, 0.9, 0.9]) == (3, 4)  # the unlikely line between costs the first two
    assert _densest([0.9, 0.9, 0.45, 0.9, 0.9]) == (0, 4)  # a line just under even odds does not
    assert _densest([0.4, 0.5, 0.1]) is None
