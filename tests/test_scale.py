"""Scale: near-copies build, and no capture text makes a stage grow faster than its length.

Growth is checked by counting the Python and built-in calls a stage makes at
two sizes (deterministic), never by timing: timings belong to `invoke bench`.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import sys
from collections import Counter
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings, strategies as st

from archive.linking.actors import load_registry
from archive.linking.actors.annotate import annotate
from archive.linking.actors.detect import ActorFinder
from archive.reading.capture import Capture
from archive.linking.links import link_corpus
from archive.publishing.marks import pieces
from archive.reading.parse import parse_text
from bench.planted import reshuffled_captures
from archive.record import build_record
from archive_site.generator import ArchiveGenerator, DuplicateOutputError
from conftest import ROOT, SEEDS, run_build

NEAR_COPIES = 12  # reshuffled seeds: enough to have given two passages one quote/<id>/ before
GROWTH = 2.3  # calls at twice the size, at most this many times those at the size


@pytest.fixture(scope="module")
def near_copies(tmp_path_factory):
    folder = tmp_path_factory.mktemp("near-copies")
    sources = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    for n, text in enumerate(reshuffled_captures(sources, NEAR_COPIES)):
        (folder / f"{n:03d}_{n:016x}.txt").write_text(text, encoding="utf-8")
    return run_build(folder, tmp_path_factory.mktemp("near-copies-site") / "output")


def test_near_copies_build_and_every_shared_passage_has_one_page(near_copies):
    assert near_copies.returncode == 0, near_copies.stderr
    linked: dict[str, set[str]] = {}
    for page in sorted((near_copies.output / "doc").glob("*/index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("p.also-in a[href*='quote/']"):
            passage = re.search(r"quote/([0-9a-f]{12})/", link["href"])[1]
            linked.setdefault(passage, set()).add(page.parent.name)
    assert len(linked) > NEAR_COPIES  # the copies share many passages
    for passage, documents in linked.items():
        quote_page = near_copies.output / "quote" / passage / "index.html"
        assert quote_page.is_file()
        soup = BeautifulSoup(quote_page.read_text(encoding="utf-8"), "html.parser")
        shown = {re.search(r"doc/([0-9a-f]+)/", a["href"])[1] for a in soup.select("a[href*='doc/']")}
        assert documents <= shown  # the page lists every document that links to it


def test_a_second_page_for_one_output_path_is_an_error_naming_both():
    generator = ArchiveGenerator.__new__(ArchiveGenerator)  # _claim needs no Pelican context
    generator._claim("quote/abc/index.html", "the passage first found in doc/a/#p1")
    with pytest.raises(DuplicateOutputError, match=r"quote/abc/index\.html would be written twice: "
                                                   r"for the passage first found in doc/a/#p1 and for .*doc/b/"):
        generator._claim("quote/abc/index.html", "the passage first found in doc/b/#p2")


# --- growth -----------------------------------------------------------------------

def calls(stage, *args) -> int:
    """How many functions (Python and built-in) ``stage(*args)`` calls."""
    count = 0

    def counter(_frame, event, _arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(counter)
    try:
        stage(*args)
    finally:
        sys.setprofile(None)
    return count


def one_line_capture(words: list[str], size: int) -> str:
    """A page saved without line breaks: a title, then ``size`` words on one line."""
    body = (words * (size // len(words) + 1))[:size]
    return "A page saved without line breaks\n\n" + " ".join(body) + ".\n"


ACTORS = load_registry(ROOT / "content" / "actors").actors
SEED_TEXTS = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


def _read(text: str) -> dict:
    state = parse_text(text)
    return build_record(Capture("long.txt", text.encode("utf-8"), text, "utf-8"), state)


def _stages(text: str) -> dict[str, int]:
    """Calls made by each stage on one long capture (and on a copy of it, for the passages)."""
    record = _read(text)
    copy = {**record, "id": "copy", "paragraphs": [dict(p) for p in record["paragraphs"]]}
    finder = ActorFinder(ACTORS)
    counts = {"read": calls(_read, text), "actors": calls(annotate, [record], finder)}
    counts["passages"] = calls(link_corpus, [record, copy])
    shared = [(start, end, passage.id) for passage in link_corpus([record, copy])
              for occurrence in passage.occurrences if occurrence.doc == record["id"]
              for paragraph, (start, end) in occurrence.marks.items() if paragraph == "p1"]
    names = annotate([record], finder)[record["id"]].get(("p1", 0), [])
    counts["marks"] = calls(pieces, record["paragraphs"][0]["text"], names, shared)
    return counts


def _growth(words: list[str], size: int) -> dict[str, float]:
    small, large = _stages(one_line_capture(words, size)), _stages(one_line_capture(words, 2 * size))
    return {stage: large[stage] / small[stage] for stage in small}


def seed_like_prose(size: int) -> list[str]:
    """Made-up prose drawn from the seeds' word frequencies: real words, no passage repeated."""
    counts = Counter(re.findall(r"[A-Za-z][a-z’']+", " ".join(
        path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))))
    vocabulary = sorted(counts)
    return random.Random(0).choices(vocabulary, weights=[counts[w] for w in vocabulary], k=size)


def test_a_long_line_of_prose_costs_each_stage_in_proportion():
    growth = _growth(seed_like_prose(8000), 4000)
    assert all(ratio <= GROWTH for ratio in growth.values()), growth


NAMES = ["Sadr", "al-Sadr", "Muqtada", "Maliki", "Quds", "Force", "Suleimani", "Iran", "Iraq", "the", "said", "and"]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(NAMES), min_size=3, max_size=12), st.integers(min_value=600, max_value=1200))
def test_no_repetition_of_names_makes_a_stage_superlinear(words, size):
    growth = _growth(words, size)
    assert all(ratio <= GROWTH for ratio in growth.values()), growth


def test_reading_across_processes_gives_the_same_corpus(tmp_path):
    import json

    from archive.corpus import read_corpus

    sources = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    for n, text in enumerate(reshuffled_captures(sources, 6) + sources):
        (tmp_path / f"{n:03d}_{n:016x}.txt").write_text(text, encoding="utf-8")
    for path in sorted((ROOT / "tests" / "fixtures" / "sites" / "valley-gazette").glob("*.txt")):
        shutil.copy(path, tmp_path)  # a site's own lines: those captures are read twice
    (tmp_path / "100_0000000000000001.txt").write_bytes(b"")  # a problem keeps its place among them
    alone, shared = read_corpus(tmp_path, workers=1), read_corpus(tmp_path, workers=2)
    assert json.dumps(alone.records, sort_keys=True) == json.dumps(shared.records, sort_keys=True)
    assert (alone.problems, alone.warnings) == (shared.problems, shared.warnings) and alone.problems
    assert any(line["why"].startswith("repeated across captures of") for r in alone.records for line in r["removed"])


def test_a_rebuild_reads_again_only_the_capture_that_changed(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, seeds)
    cache = {"ARCHIVE_CACHE": str(tmp_path / "cache")}
    first = run_build(seeds, tmp_path / "site", env=cache)
    assert first.returncode == 0 and "from the cache" not in first.stdout
    edited = sorted(seeds.glob("*.txt"))[2]
    edited.write_bytes(edited.read_bytes().replace(b"Sadr", b"al-Sadr", 1))
    again = run_build(seeds, tmp_path / "site", env=cache)
    assert "4 of 5 captures were unchanged since an earlier build" in again.stdout
    fresh = run_build(seeds, tmp_path / "fresh", env={"ARCHIVE_CACHE": ""})
    assert "from the cache" not in fresh.stdout
    built = {p.relative_to(again.output): p.read_bytes() for p in again.output.rglob("*") if p.is_file()}
    anew = {p.relative_to(fresh.output): p.read_bytes() for p in fresh.output.rglob("*") if p.is_file()}
    assert built == anew  # what the cache gives is what reading anew gives, byte for byte


def test_a_passage_carried_by_many_documents_is_found_in_all_with_few_comparisons(monkeypatch):
    from archive.linking import links, passages
    from bench.planted import prose_records

    quote = ("The committee found that the harbour authority had ignored three separate warnings about the "
             "state of the northern pier before it collapsed in the storm last February.")
    records = prose_records(passages.MAX_DOCUMENTS - 10, words=200, seed=3, vocabulary_text=" ".join(SEED_TEXTS))
    for record in records:
        record["paragraphs"].insert(1, {"id": "p0", "text": quote})
        record["paragraphs"] = [{"id": f"p{n}", "text": p["text"]} for n, p in enumerate(record["paragraphs"], 1)]
    aligned = []
    real_align = passages.align
    monkeypatch.setattr(passages, "align", lambda a, b, *rest: aligned.append((a, b)) or real_align(a, b, *rest))
    found = link_corpus(records)
    carriers = [p for p in found if len(p.occurrences) == len(records)]
    assert len(carriers) == 1  # one passage, one page, every document
    assert len(aligned) <= len(records) * passages.MAX_PARTNERS < len(records) * (len(records) - 1) / 2
    # each document's note names the ten closest others and counts the rest
    for record in records:
        (entry,) = [e for e in record["shared_quotes"] if e["passage"] == carriers[0].id]
        assert len(entry["also_in"]) == links.MAX_ALSO_IN
        assert entry["also_in_more"] == len(records) - 1 - links.MAX_ALSO_IN
        assert len(record["related"]) == links.RELATED
    # and the words of the parts are compared once per different text, not once per pair of documents
    compared = []
    real_grams = links._grams
    monkeypatch.setattr(links, "_grams", lambda text: compared.append(text) or real_grams(text))
    paragraphs = {r["id"]: {p["id"]: p["text"] for p in r["paragraphs"]} for r in records}
    assert len(links._passage_pieces(carriers[0], paragraphs)) == len(records)
    assert len(compared) <= 2


MANY = 90  # captures: past TIMELINE_MAX_POINTS and GRAPH_MAX_DOCUMENTS


def test_the_map_of_a_large_archive_counts_by_year_and_lists_sites_and_passages(tmp_path):
    from archive.publishing import pictures
    from bench.planted import diverse_captures

    assert MANY > pictures.TIMELINE_MAX_POINTS and MANY > pictures.GRAPH_MAX_DOCUMENTS
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    texts = diverse_captures(MANY, " ".join(SEED_TEXTS), planted_share=0.2)
    for n, text in enumerate(texts):
        (seeds / f"{n:03d}_{n:016x}.txt").write_text(text, encoding="utf-8")
    build = run_build(seeds, tmp_path / "out")
    assert build.returncode == 0, build.stderr
    records = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "out" / "doc").glob("*/record.json")]
    page = BeautifulSoup((tmp_path / "out" / "map" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(page.select("svg.graph circle")) == pictures.GRAPH_MAX_DOCUMENTS
    years = Counter(r["date"][:4] for r in records if r["date"])
    bars = {a["href"].split("year=")[1]: a.rect.title.get_text() for a in page.select("svg.timeline a")}
    assert bars == {year: f"{year}: {n} documents" for year, n in years.items()}  # a bar a year, no point each
    assert not page.select("svg.timeline circle")
    sites = Counter(r["site"] for r in records if r["site"])
    listed = [(a.get_text(), a.find_next_sibling("span").get_text())
              for a in page.select("section.overview ol.bars a[href*='site=']")]
    assert listed == [(s, str(n)) for s, n in sorted(sites.items(), key=lambda i: (-i[1], i[0]))[:pictures.OVERVIEW_ROWS]]
    shared = page.select("section.overview a[href*='quote/']")
    assert shared and all((tmp_path / "out" / a["href"].replace("../", "")).is_file() for a in shared)
