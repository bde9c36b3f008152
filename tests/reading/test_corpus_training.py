"""Training on the labelled corpus and cross-validation by site (`invoke train`,
`invoke crossval`): no page is read by a model that saw its site, no title
ranker learns from a page that a line model fitted on that page read, and no
cross-validation ranker learns from a reading by a model that saw the held-out sites."""

from __future__ import annotations

from collections import Counter
from multiprocessing import Pool
from pathlib import Path

import pytest

from archive.reading.linemodel import models_in, tagger, titles
from archive.reading.training import fold
from corpus_scoring import ROLE_LABEL, corpus_pages, init_worker, page_text, read_page
from corpus_training import TrainingSet, cross_validate, held_out_readings, ranker_examples, read_held_out

SITES = ["a.example", "b.example", "c.example", "d.example", "e.example", "f.example"]


def _training_set() -> TrainingSet:
    """One page per site, each page's features naming its site."""
    pages = [{"id": site, "host": site, "title": f"Headline of {site}"} for site in SITES]
    folds = [fold(site) for site in SITES]
    assert set(folds) == {0, 1}  # the sites fall in both folds
    corpus = [([[f"site={site}"]], ["article"]) for site in SITES]
    return TrainingSet(pages, folds, corpus, ["fixture text"], [([["fixture"]], ["other"], 5, "fixtures")], 1)


class _Recorder:
    """A pool that hands back the jobs it was given instead of running them."""

    def map(self, _function, jobs, chunksize=1):
        return list(jobs)


def test_a_fold_line_model_is_fitted_without_the_pages_of_its_fold_and_with_every_fixture():
    data = _training_set()
    for held in (0, 1):
        seen = [(x[0][0], site) for x, _y, _copies, site in data.fitted_without(held)]
        assert seen == [(f"site={site}", site) for site in SITES if fold(site) != held] + [("fixture", "fixtures")]


def test_the_ranker_learns_from_readings_by_a_line_model_that_never_saw_the_page():
    data = _training_set()
    readers = [Path("fold0/lines.crfsuite"), Path("fold1/lines.crfsuite")]
    examples = ranker_examples(_Recorder(), data, readers)
    pages = [(k, page["host"], model, site) for k, ((page, _text, model), site) in examples if page is not None]
    assert sorted(host for _k, host, _model, _site in pages) == sorted(SITES)  # each page once
    assert all(k == fold(host) and model == str(readers[k]) and site == host for k, host, model, site in pages)
    fixtures = [(k, model, site) for k, ((page, text, model), site) in examples if page is None]
    assert fixtures == [(0, str(readers[0]), "fixtures"), (1, str(readers[1]), "fixtures")]  # once per fold


def test_a_training_half_is_a_training_set_of_its_own_its_sites_drawn_into_folds_anew():
    from corpus_training import INNER_DRAW

    hosts = [f"site{n}.example" for n in range(40)]
    data = TrainingSet([{"id": host, "host": host, "title": None} for host in hosts], [fold(host) for host in hosts],
                       [([[f"site={host}"]], ["article"]) for host in hosts], ["fixture text"],
                       [([["fixture"]], ["other"], 5, "fixtures")], 1)
    for held in (0, 1):
        half = data.without_fold(held)
        assert [page["host"] for page in half.pages] == [host for host in hosts if fold(host) != held]
        assert half.corpus == [([[f"site={page['host']}"]], ["article"]) for page in half.pages]
        assert half.folds == [fold(page["host"], INNER_DRAW) for page in half.pages]
        assert set(half.folds) == {0, 1}  # the half's sites fall in both of its own folds
        assert (half.texts, half.own, half.fixtures) == (data.texts, data.own, data.fixtures)
    assert data.without_fold(0, partition=1).folds != data.without_fold(0).folds  # each outer draw, its own halves


def test_a_ranker_learns_only_from_readings_by_line_models_that_never_saw_the_page_or_the_held_out_sites(
        monkeypatch, tmp_path):
    import corpus_training

    data = _training_set()
    fitted: dict[str, list[str]] = {}  # each line model's path: the sites it was fitted on
    monkeypatch.setattr(corpus_training, "fit", lambda sequences, model: fitted.__setitem__(
        str(model), [site for _x, _y, _copies, site in sequences]))
    learned = []
    monkeypatch.setattr(corpus_training, "train_ranker", lambda pages, model: learned.append((pages, model)))
    for held in (0, 1):
        fitted.clear()
        learned.clear()
        assert corpus_training.fit_ranker(_Recorder(), data.without_fold(held), tmp_path / "titles.crfsuite") > 0
        away = {site for site in SITES if fold(site) == held}
        assert fitted and all(not away & set(sites) for sites in fitted.values())
        [(readings, model)] = learned
        assert model == tmp_path / "titles.crfsuite"
        pages = [(page["host"], reader) for page, _text, reader in readings if page is not None]
        fixtures = Counter(reader for page, _text, reader in readings if page is None)
        assert sorted(fixtures.values()) == [corpus_training.RANKER_FIXTURE_COPIES * len(data.texts)] * 2  # each reader's
        assert sorted(host for host, _reader in pages) == sorted(set(SITES) - away)
        assert all(host not in fitted[reader] for host, reader in pages)
        assert len({reader for _host, reader in pages}) == 2  # the half's sites fall in both of its own folds


def test_cross_validation_fits_each_folds_ranker_on_the_other_folds_alone(monkeypatch, tmp_path):
    import corpus_training
    from corpus_training import INNER_DRAW

    data = _training_set()
    monkeypatch.setattr(corpus_training, "training_set", lambda pool, pages, partition: data)
    monkeypatch.setattr(corpus_training, "fit", lambda sequences, model: None)
    rankers = []
    monkeypatch.setattr(corpus_training, "fit_ranker", lambda pool, half, model: rankers.append(
        ([page["host"] for page in half.pages], half.folds, model)))

    class _NoReadings:
        def map(self, _function, _jobs, chunksize=1):
            return []

    cross_validate(_NoReadings(), keep=tmp_path, partition=2)
    halves = [[site for site in SITES if fold(site) != held] for held in (0, 1)]
    assert rankers == [(half, [fold(site, INNER_DRAW + 2) for site in half],
                        tmp_path / f"fold{held}" / "titles.crfsuite") for held, half in enumerate(halves)]


def test_the_pages_with_no_host_are_one_site_for_the_words_many_sites_use():
    from corpus_training import _site

    assert _site({"id": "a1", "host": "gazette.example"}) == "gazette.example"
    assert _site({"id": "a1", "host": None}) == _site({"id": "b2", "host": ""})


def test_another_draw_puts_the_sites_in_folds_anew_and_the_first_is_the_training_folds():
    from archive.reading.training import FOLDS
    import zlib

    hosts = [f"site{n}.example" for n in range(200)]
    assert [fold(host) for host in hosts] == [zlib.crc32(host.encode()) % FOLDS for host in hosts]
    first, second = [fold(host, 1) for host in hosts], [fold(host, 2) for host in hosts]
    assert first != [fold(host) for host in hosts] != second != first
    assert 60 < sum(first) < 140 and 60 < sum(second) < 140  # about half the sites in each fold
    for length in {len(host) for host in hosts}:  # a draw is no other draw with whole lengths of names swapped
        same_length = [host for host in hosts if len(host) == length]
        assert {fold(host) ^ fold(host, 1) for host in same_length} == {0, 1}
        assert {fold(host, 1) ^ fold(host, 2) for host in same_length} == {0, 1}


def test_scores_pool_over_draws():
    from corpus_scoring import CorpusScore

    a, b = CorpusScore(), CorpusScore()
    a.pages, a.titles, a.titles_right, a.confusion["article", "article"] = 2, 2, 1, 5
    b.pages, b.titles, b.titles_right, b.confusion["article", "other"] = 3, 2, 2, 5
    a.merge(b)
    assert (a.pages, a.titles, a.titles_right) == (5, 4, 3)
    assert a.f1("article")[1] == 0.5  # recall: 5 of the 10 article lines


def test_a_page_that_raises_is_counted_as_such(tmp_path):
    from corpus_scoring import CorpusScore

    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "empty.txt").write_bytes(b"")  # the reader refuses an empty capture
    page = {"id": "empty", "source": "dragnet", "lines": ["blank"], "title": None}
    result = read_page(page, tmp_path)
    assert result.error.startswith("CaptureError") and result.kind is None
    score = CorpusScore()
    score.add(page, result)
    assert score.errors == [f"empty: {result.error}"] and "1 raised an exception" in score.report("test")


def test_page_means_weigh_every_page_once_and_say_how_much_the_worst_page_weighs():
    from corpus_scoring import CorpusScore, PageResult

    score = CorpusScore()
    long_page = {"id": "long", "source": "dragnet", "lines": ["article"] * 100 + ["blank"], "title": None}
    short_page = {"id": "short", "source": "page-signal", "lines": ["article"] * 3 + ["other", "blank"], "title": None}
    score.add(long_page, PageResult("long", "dragnet", ["comment"] * 100 + ["blank"], None, []))
    score.add(short_page, PageResult("short", "page-signal", ["article", "article", "other", "other", "blank"], None, []))
    figures = score.figures()
    assert figures["article"]["recall"] == 2 / 103  # over all lines, the long page is nearly everything
    article = figures["per_page"]["article"]
    assert article["pages"] == 2 and article["mean_f1"] == pytest.approx((0 + 0.8) / 2)  # 2 of 3 found: F1 0.8
    assert article["worst_page_share"] == 100 / 101
    assert figures["per_page"]["comment"] == {"pages": 1, "mean_f1": 0.0, "worst_page_share": 1.0}  # a false thread
    assert figures["per_page"]["comment_dragnet"]["pages"] == 1
    assert figures["per_page"]["other"]["pages"] == 1  # the short page: its one other line found, none given wrongly
    assert figures["per_page"]["other"]["mean_f1"] == pytest.approx(2 * 0.5 / 1.5)
    assert "each page counted once" in score.report("test")
    # pooled over two draws of cross-validation, a page is still one page: its lines of both readings together
    again = CorpusScore()
    again.add(long_page, PageResult("long", "dragnet", ["comment"] * 100 + ["blank"], None, []))
    score.merge(again)
    article = score.figures()["per_page"]["article"]
    assert article["pages"] == 2 and article["worst_page_share"] == 200 / 201


def test_a_page_without_its_blank_lines_keeps_each_label_and_comment_span_on_its_line():
    from corpus_scoring import WITHOUT_BLANK_LINES, without_blank_lines

    page = {"id": "p", "source": "dragnet", "title": None, "comment_blocks": [[4, 6], [7, 10], [11, 12]],
            "lines": ["article", "blank", "blank", "other", "comment", "blank", "comment", "blank", "comment",
                      "other", "comment", "blank", "blank"]}
    compact = without_blank_lines(page)
    assert compact["lines"] == ["article", "other", "comment", "comment", "comment", "other", "comment"]
    # a span that opens on a blank line opens on its first line of text; one of blank lines alone is gone
    assert compact["comment_blocks"] == [[2, 3], [4, 6]]
    assert compact["rendering"] == WITHOUT_BLANK_LINES and compact["id"] == "p"
    assert page["lines"][1] == "blank" and "rendering" not in page  # the page itself is left as it was
    assert without_blank_lines({**page, "comment_blocks": None})["comment_blocks"] is None


def test_cross_validation_reads_each_page_with_the_models_trained_without_its_fold():
    data = _training_set()
    readings = held_out_readings(data, Path("models"))
    assert [(page["host"], folder) for page, folder in readings] == [
        (site, str(Path("models") / f"fold{fold(site)}")) for site in SITES]


def test_cross_validation_trains_and_reads_a_sample_of_tune_pages(corpus_present, tmp_path):
    pages = corpus_pages("tune")[:24]
    assert len({fold(page["host"] or page["id"]) for page in pages}) == 2
    with Pool(2, initializer=init_worker) as pool:
        scores = cross_validate(pool, pages, keep=tmp_path)
    kept = sorted(str(path.relative_to(tmp_path)) for path in tmp_path.rglob("*.crfsuite"))
    assert kept == ["fold0/lines.crfsuite", "fold0/titles.crfsuite", "fold1/lines.crfsuite", "fold1/titles.crfsuite"]
    for score in scores:  # the pages as captured, then without their blank lines
        assert (score.pages, score.errors) == (24, [])
        assert score.titles == sum(bool(page["title"]) for page in pages) > 0
        figures = score.figures()
        assert all(0.5 < figures[label]["f1"] <= 1 for label in ("article", "comment", "other"))
    captured, compact = scores
    assert captured.confusion != compact.confusion  # two readings, not one counted twice
    assert sum(captured.confusion.values()) == sum(compact.confusion.values())  # of the same text lines


def test_the_corpus_labels_a_line_blank_exactly_when_it_is_blank(corpus_present):
    """What `without_blank_lines` drops by the labels is what a capture without
    blank lines lacks: the labels hold for the text they are read with."""
    pages = corpus_pages("tune") + corpus_pages("check")
    assert len(pages) == 1746
    for page in pages:
        text = page_text(page).split("\n")
        assert len(text) == len(page["lines"]), page["id"]
        assert [not line.strip() for line in text] == [label == "blank" for label in page["lines"]], page["id"]


def test_each_page_is_learnt_from_as_captured_and_without_its_blank_lines(corpus_present):
    from corpus_training import both_renderings

    pages = corpus_pages("tune")[:3]
    both = both_renderings(pages)
    assert both[:3] == pages and [page["id"] for page in both[3:]] == [page["id"] for page in pages]
    for page, compact in zip(pages, both[3:]):
        text, compact_text = page_text(page).split("\n"), page_text(compact).split("\n")
        assert "blank" in page["lines"] and "" in text  # the corpus sets its blocks apart with blank lines
        assert compact_text == [line for line in text if line.strip()]
        assert compact["lines"] == [label for label in page["lines"] if label != "blank"]
        assert len(compact_text) == len(compact["lines"]) == len(read_page(compact).predicted)


def test_a_page_read_held_out_is_read_by_that_folds_models_and_then_by_the_shipped_ones_again(corpus_present,
                                                                                               tmp_path):
    from archive.reading.parse import parse_text

    shipped = (tagger.MODEL, titles.MODEL)
    # a folder with no models in it: the page is read by the rules alone
    page = next((page for page in corpus_pages("tune")[:40] if read_page(page).predicted != [
        ROLE_LABEL[line.role] for line in parse_text(page_text(page), model=False).lines]), None)
    assert page is not None, "no page of the first 40 that the line model reads otherwise than the rules"
    alone = [ROLE_LABEL[line.role] for line in parse_text(page_text(page), model=False).lines]
    assert read_held_out((page, str(tmp_path))).predicted == alone
    assert (tagger.MODEL, titles.MODEL) == shipped
    assert read_page(page).predicted != alone  # and the next page is read by the shipped models again
    with pytest.raises(RuntimeError), models_in(tmp_path):
        raise RuntimeError("a reading that fails")
    assert (tagger.MODEL, titles.MODEL) == shipped  # put back however the block ends
