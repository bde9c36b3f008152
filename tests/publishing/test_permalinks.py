"""Permalinks never break: the registry, the failing build, retirements and redirects.

Builds here use their own seeds and a registry in a temporary folder
(`--permalinks`); the real `content/permalinks.json` is only read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEEDS, run_build
from archive.publishing import permalinks
from archive.publishing.permalinks import PermalinkError, Registry

REGISTRY = ROOT / "content" / "permalinks.json"


def capture(title: str, paragraphs: int) -> str:
    body = "".join(f"Paragraph number {n} of this article says something long enough to be text.\n\n"
                   for n in range(1, paragraphs + 1))
    return f"{title}\n\nBy Jane Roe\n\n{body}"


@pytest.fixture
def archive(tmp_path):
    """Two captures, registered in a registry of their own."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "001_aaaaaaaaaaaaaaaa.txt").write_text(capture("The first archived article", 3))
    (seeds / "002_bbbbbbbbbbbbbbbb.txt").write_text(capture("The second archived article", 4))
    registry = tmp_path / "permalinks.json"
    first = run_build(seeds, tmp_path / "out", "--permalinks", str(registry), "--register")
    assert first.returncode == 0, first.stderr + first.stdout
    return seeds, registry, tmp_path / "out"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def retire(registry: Path, old: str, new: str) -> None:
    data = json.loads(registry.read_text())
    data["retired"][old] = new
    registry.write_text(json.dumps(data))


# The registry itself --------------------------------------------------------------

def test_committed_registry_lists_every_permalink_of_the_built_site(site):
    registry = permalinks.load(REGISTRY)
    for page in sorted((site.output / "doc").glob("*/index.html")):
        url = f"doc/{page.parent.name}/"
        html = soup(page)
        counts = registry.documents[url]
        assert len(html.select("section.text p[id]")) <= counts["paragraphs"], url
        assert len(html.select("article.comment")) <= counts["comments"], url
    assert permalinks.dumps(registry) == REGISTRY.read_text(encoding="utf-8"), "not in the written form"


def test_a_plain_build_never_rewrites_the_registry(tmp_path):
    before = REGISTRY.read_bytes()
    assert run_build(SEEDS, tmp_path / "out").returncode == 0
    assert REGISTRY.read_bytes() == before


def test_registry_is_written_one_document_per_line_and_sorted():
    registry = Registry({"doc/b/": {"paragraphs": 2, "comments": 0}, "doc/a/": {"paragraphs": 1, "comments": 3}},
                        {"doc/c/": "doc/a/"})
    text = permalinks.dumps(registry)
    assert '    "doc/a/": {"paragraphs": 1, "comments": 3},\n    "doc/b/": {"paragraphs": 2, "comments": 0}\n' in text
    assert json.loads(text)["retired"] == {"doc/c/": "doc/a/"}


def test_check_names_vanished_documents_and_anchors_and_new_ones():
    registry = Registry({"doc/a/": {"paragraphs": 5, "comments": 2}, "doc/b/": {"paragraphs": 1, "comments": 0}})
    result = permalinks.check(registry, {"doc/a/": {"paragraphs": 3, "comments": 3}, "doc/n/": {"paragraphs": 1,
                                                                                           "comments": 0}})
    assert result.vanished == ["doc/a/#p4–#p5", "doc/b/ (and its anchors #p1–#p1)"]
    assert result.new == ["doc/a/#c3", "doc/n/", "doc/n/#p1"]
    grown = permalinks.registered(registry, {"doc/a/": {"paragraphs": 3, "comments": 3}})
    assert grown.documents["doc/a/"] == {"paragraphs": 5, "comments": 3}  # nothing is ever removed
    assert "doc/b/" in grown.documents


def test_retirements_must_point_somewhere_published_and_never_loop():
    docs = {"doc/a/": {"paragraphs": 2, "comments": 0}, "doc/b/": {"paragraphs": 2, "comments": 0}}
    current = {"doc/c/": {"paragraphs": 1, "comments": 0}}
    chain = Registry(dict(docs), {"doc/a/": "doc/b/", "doc/b/": "doc/c/#p1"})
    assert permalinks.check(chain, current).redirects == {"doc/a/": "doc/c/#p1", "doc/b/": "doc/c/#p1"}
    with pytest.raises(PermalinkError, match="point at each other"):
        permalinks.check(Registry(dict(docs), {"doc/a/": "doc/b/", "doc/b/": "doc/a/"}), current)
    with pytest.raises(PermalinkError, match="does not publish"):
        permalinks.check(Registry(dict(docs), {"doc/a/": "doc/c/#p9", "doc/b/": "doc/c/"}), current)
    with pytest.raises(PermalinkError, match="never registered"):
        permalinks.check(Registry(dict(docs), {"doc/zzz/": "doc/c/"}), current)
    with pytest.raises(PermalinkError, match="publishes it again"):
        permalinks.check(Registry(dict(docs), {"doc/a/": "doc/b/"}), {**docs})
    with pytest.raises(PermalinkError, match="not a permalink"):
        permalinks.parse("doc/a/#x1")


# Builds ---------------------------------------------------------------------------

def test_register_writes_every_permalink_of_the_build(archive):
    _seeds, registry, _out = archive
    assert permalinks.load(registry).documents == {"doc/aaaaaaaaaaaaaaaa/": {"paragraphs": 3, "comments": 0},
                                                   "doc/bbbbbbbbbbbbbbbb/": {"paragraphs": 4, "comments": 0}}


def test_removing_a_registered_document_without_a_redirect_fails_and_keeps_the_site(archive):
    seeds, registry, out = archive
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (seeds / "002_bbbbbbbbbbbbbbbb.txt").unlink()
    build = run_build(seeds, out, "--permalinks", str(registry))
    assert build.returncode != 0
    assert "1 registered permalink(s) would vanish" in build.stderr
    assert "doc/bbbbbbbbbbbbbbbb/ (and its anchors #p1–#p4)" in build.stderr
    assert '"retired": {"doc/<old>/": "doc/<new>/"' in build.stderr  # how to fix it
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    # --register cannot make a permalink vanish either.
    assert run_build(seeds, out, "--permalinks", str(registry), "--register").returncode != 0


def test_declaring_a_redirect_keeps_the_old_url_working(archive, browser):
    seeds, registry, out = archive
    (seeds / "002_bbbbbbbbbbbbbbbb.txt").unlink()
    retire(registry, "doc/bbbbbbbbbbbbbbbb/", "doc/aaaaaaaaaaaaaaaa/")
    retire(registry, "doc/bbbbbbbbbbbbbbbb/#p4", "doc/aaaaaaaaaaaaaaaa/#p3")
    build = run_build(seeds, out, "--permalinks", str(registry))
    assert build.returncode == 0, build.stderr
    old = out / "doc" / "bbbbbbbbbbbbbbbb" / "index.html"
    html = soup(old)
    target = "../../doc/aaaaaaaaaaaaaaaa/index.html"
    assert html.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
    assert html.find("link", rel="canonical")["href"] == target
    link = html.select_one("main a[href]")
    assert link["href"] == target and link.get_text() == "The first archived article"
    assert (old.parent / link["href"]).resolve().is_file()
    page = browser.new_page()
    page.goto(old.as_uri())
    page.wait_for_url("**/doc/aaaaaaaaaaaaaaaa/index.html")
    assert page.locator("h1").inner_text() == "The first archived article"
    page.goto(old.as_uri() + "#p4")  # a retired anchor lands where the editors said
    page.wait_for_url("**/doc/aaaaaaaaaaaaaaaa/index.html#p3")
    page.close()
    assert run_build(seeds, out, "--permalinks", str(registry), "--register").returncode == 0
    assert "doc/bbbbbbbbbbbbbbbb/" in permalinks.load(registry).documents  # still registered


def test_a_retired_document_keeps_the_anchor_it_was_opened_at(archive, browser):
    seeds, registry, out = archive
    (seeds / "002_bbbbbbbbbbbbbbbb.txt").unlink()
    retire(registry, "doc/bbbbbbbbbbbbbbbb/", "doc/aaaaaaaaaaaaaaaa/")
    retire(registry, "doc/bbbbbbbbbbbbbbbb/#p4", "doc/aaaaaaaaaaaaaaaa/#p1")
    assert run_build(seeds, out, "--permalinks", str(registry)).returncode == 0
    old = (out / "doc" / "bbbbbbbbbbbbbbbb" / "index.html").as_uri()
    page = browser.new_page(viewport={"width": 800, "height": 200})
    page.goto(old + "#p3")  # not in the anchor map: the same anchor on the new page
    page.wait_for_url("**/doc/aaaaaaaaaaaaaaaa/index.html#p3")
    assert page.evaluate("document.querySelector(':target').id") == "p3" and page.evaluate("scrollY") > 0
    page.goto(old + "#p4")  # in the anchor map: where the editors said
    page.wait_for_url("**/doc/aaaaaaaaaaaaaaaa/index.html#p1")
    page.goto(old + "#constructor")  # a name every object has is no entry of the map
    page.wait_for_url("**/doc/aaaaaaaaaaaaaaaa/index.html#constructor")
    page.close()


def test_an_anchor_that_vanishes_from_a_document_fails_until_declared(archive, browser):
    seeds, registry, out = archive
    (seeds / "002_bbbbbbbbbbbbbbbb.txt").write_text(capture("The second archived article", 2))
    build = run_build(seeds, out, "--permalinks", str(registry))
    assert build.returncode != 0 and "doc/bbbbbbbbbbbbbbbb/#p3–#p4" in build.stderr
    retire(registry, "doc/bbbbbbbbbbbbbbbb/#p3", "doc/bbbbbbbbbbbbbbbb/#p2")
    assert "doc/bbbbbbbbbbbbbbbb/#p4\n" in run_build(seeds, out, "--permalinks", str(registry)).stderr
    retire(registry, "doc/bbbbbbbbbbbbbbbb/#p4", "doc/aaaaaaaaaaaaaaaa/#p1")
    build = run_build(seeds, out, "--permalinks", str(registry))
    assert build.returncode == 0, build.stderr
    doc = out / "doc" / "bbbbbbbbbbbbbbbb" / "index.html"
    html = soup(doc)
    assert html.select_one("#p3.moved a")["href"] == "index.html#p2"
    assert html.select_one("#p4.moved a")["href"] == "../../doc/aaaaaaaaaaaaaaaa/index.html#p1"
    assert [p["id"] for p in html.select("section.text p[id]")] == ["p1", "p2"]
    page = browser.new_page()
    page.goto(doc.as_uri() + "#p3")
    page.wait_for_url("**/doc/bbbbbbbbbbbbbbbb/index.html#p2")
    assert page.evaluate("document.querySelector(':target').id") == "p2"
    page.close()


def test_new_permalinks_fail_a_plain_build_until_registered(archive):
    seeds, registry, out = archive
    (seeds / "003_cccccccccccccccc.txt").write_text(capture("A third archived article", 1))
    build = run_build(seeds, out, "--permalinks", str(registry))
    assert build.returncode != 0
    assert "doc/cccccccccccccccc/" in build.stderr and "invoke build --register" in build.stderr
    build = run_build(seeds, out, "--permalinks", str(registry), "--register")
    assert build.returncode == 0, build.stderr
    assert "1 new document(s), 1 new anchor(s) and 0 new passage page(s) registered" in build.stdout
    assert permalinks.load(registry).documents["doc/cccccccccccccccc/"] == {"paragraphs": 1, "comments": 0}


# Shared passages ------------------------------------------------------------------

PLACES = {"quote/aaaaaaaaaaaa/": ["doc/a/#p1", "doc/b/#p2", "doc/c/#p1"],
          "quote/bbbbbbbbbbbb/": ["doc/a/#p4", "doc/d/#p1"]}
DOCS = {f"doc/{d}/": {"paragraphs": 5, "comments": 0} for d in "abcde"}


def test_a_passage_page_that_merged_or_split_lands_where_most_of_its_places_went():
    registry = Registry(dict(DOCS), {}, {url: list(places) for url, places in PLACES.items()})
    now = {"quote/cccccccccccc/": ["doc/a/#p1", "doc/b/#p2", "doc/a/#p4", "doc/d/#p1"],  # the two merged
           "quote/dddddddddddd/": ["doc/c/#p1", "doc/e/#p3"]}
    result = permalinks.passage_check(registry, now, DOCS)
    assert result.redirects == {"quote/aaaaaaaaaaaa/": "quote/cccccccccccc/",
                                "quote/bbbbbbbbbbbb/": "quote/cccccccccccc/"}
    assert result.new == ["quote/cccccccccccc/", "quote/dddddddddddd/"] and result.vanished == []
    grown = permalinks.registered_passages(registry, now)
    assert set(grown.passages) == set(PLACES) | set(now)  # nothing registered is ever dropped
    assert permalinks.load_text(permalinks.dumps(grown)) == grown


def test_a_passage_no_longer_shared_lands_on_its_words_and_one_whose_places_are_gone_vanishes():
    registry = Registry(dict(DOCS), {}, {url: list(places) for url, places in PLACES.items()})
    without_a = {doc: counts for doc, counts in DOCS.items() if doc != "doc/a/"}
    result = permalinks.passage_check(registry, {}, without_a)
    assert result.redirects == {"quote/aaaaaaaaaaaa/": "doc/b/#p2", "quote/bbbbbbbbbbbb/": "doc/d/#p1"}
    only_e = {"doc/e/": DOCS["doc/e/"]}
    result = permalinks.passage_check(registry, {}, only_e)
    assert len(result.vanished) == 2 and "quote/aaaaaaaaaaaa/" in result.vanished[0]
    retired = Registry(dict(DOCS), {"quote/aaaaaaaaaaaa/": "doc/e/#p1", "quote/bbbbbbbbbbbb/": "doc/e/"},
                       {url: list(places) for url, places in PLACES.items()})
    assert permalinks.passage_check(retired, {}, only_e).redirects == {"quote/aaaaaaaaaaaa/": "doc/e/#p1",
                                                                       "quote/bbbbbbbbbbbb/": "doc/e/"}


QUOTED = ("The ministers agreed late on Thursday that the ferry between the two islands would run every "
          "hour through the winter, paid for by both councils in equal shares.")


def test_a_registered_passage_page_still_answers_when_a_new_capture_changes_the_passage(tmp_path, browser):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, title, own in (("002_bbbbbbbbbbbbbbbb.txt", "Island ferry to run all winter",
                              "Harbour staff expect the new timetable to be printed by the end of the month."),
                             ("003_cccccccccccccccc.txt", "Councils share the ferry bill",
                              "Neither council has said which budget line the money will come from.")):
        (seeds / name).write_text(f"{title}\n\nBy Jane Roe\n\n{QUOTED}\n\n{own}\n")
    registry, out = tmp_path / "permalinks.json", tmp_path / "out"
    assert run_build(seeds, out, "--permalinks", str(registry), "--register").returncode == 0
    [old] = permalinks.load(registry).passages
    # A capture filed before them quotes the passage with an edit: the passage is now named after it.
    (seeds / "001_aaaaaaaaaaaaaaaa.txt").write_text(
        f"Ferry news in brief\n\nBy Sam Poe\n\n{QUOTED.replace('late on Thursday', 'on Thursday night')}\n")
    build = run_build(seeds, out, "--permalinks", str(registry), "--register")
    assert build.returncode == 0, build.stderr
    grown = permalinks.load(registry).passages
    assert old in grown and len(grown) == 2
    [new] = [url for url in grown if url != old]
    moved = out / old / "index.html"
    assert "has merged with another" in moved.read_text(encoding="utf-8")
    page = browser.new_page()
    page.goto(moved.as_uri())
    page.wait_for_url(f"**/{new}index.html")
    assert "ferry between the two islands" in page.inner_text("main")
    page.close()
