"""Search in the browser: Debian's Chromium over file:// and over http under a
subpath, with the single Lunr index and with the split index."""

from __future__ import annotations

import functools
import json
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote_plus, urlsplit

import pytest

from archive.shared.quotes import normalise_words
from conftest import FIXTURES, SEEDS, run_build

ALL_SEEDS = {"93b7b02e6c168858", "86ae2184d8d7729f", "d6d6914bedf28798", "bbfa1784b879b3b7", "10d7759fc9c54020"}
ACCENTED = ("Notes from Zürich\n\nThe delegation met in Zürich on Monday to discuss the border, "
            "and the talks went on late into the night.\n")
SUBPATH = "/archive/"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    seeds = tmp_path_factory.mktemp("search-seeds")
    for capture in SEEDS.glob("*.txt"):
        shutil.copy(capture, seeds / capture.name)
    shutil.copy(FIXTURES / "captures" / "hostile.txt", seeds / "005_eeeeeeeeeeeeeeee.txt")
    (seeds / "006_ffffffffffffffff.txt").write_text(ACCENTED, encoding="utf-8")
    return seeds


@pytest.fixture(scope="module", params=["single", "split"])
def built(request, corpus, tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp(f"search-{request.param}") / "output"
    build = run_build(corpus, output, env={"ARCHIVE_SEARCH_SPLIT": "500" if request.param == "single" else "0"})
    assert build.returncode == 0, build.stderr + build.stdout
    assert (output / "search" / ("index.js" if request.param == "single" else "parts")).exists()
    return output


@pytest.fixture(scope="module")
def server(built):
    """The site under a project subpath, as on GitHub Pages."""
    root = built.parent / "served"
    if not root.exists():
        root.mkdir()
        (root / SUBPATH.strip("/")).symlink_to(built)
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{SUBPATH}"
    httpd.shutdown()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(params=["file", "http"])
def site_url(request, built):
    if request.param == "file":
        return built.as_uri() + "/"
    return request.getfixturevalue("server")


class Reader:
    """One browser page that records every request and every script error."""

    def __init__(self, browser, base: str, javascript: bool = True):
        self.base = base
        self.context = browser.new_context(java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def open(self, path: str):
        self.page.goto(self.base + path)
        return self.page

    def search(self, query: str = "", **filters) -> list[dict]:
        params = "&".join(f"{k}={quote_plus(v)}" for k, v in {"q": query, **filters}.items() if v)
        self.open(f"search.html?{params}")
        return self.results()

    def results(self) -> list[dict]:
        self.page.wait_for_function(
            "() => { const s = document.getElementById('search-status').textContent;"
            " return s && !s.startsWith('Searching'); }", timeout=15000)
        return self.page.eval_on_selector_all("li.result", """items => items.map(li => ({
            href: li.querySelector('a.result-title').getAttribute('href'),
            title: li.querySelector('a.result-title').textContent,
            where: (li.querySelector('.result-where') || {}).textContent || '',
            snippet: (li.querySelector('.snippet') || {}).textContent || '',
            marked: Array.from(li.querySelectorAll('.snippet mark')).map(m => m.textContent)}))""")

    def close(self):
        self.context.close()


@pytest.fixture
def reader(browser, site_url):
    reader = Reader(browser, site_url)
    yield reader
    outside = [url for url in reader.requests if not url.startswith(site_url)]
    assert outside == [], f"requests outside the archive: {outside}"
    assert reader.errors == []
    reader.close()


def documents(results: list[dict]) -> set[str]:
    return {urlsplit(r["href"]).path.rstrip("/").split("/")[-2] for r in results}


def records(output: Path) -> dict[str, dict]:
    return {p.parent.name: json.loads(p.read_text(encoding="utf-8")) for p in output.glob("doc/*/record.json")}


def test_every_spelling_finds_the_person_in_all_five_seeds(reader):
    for spelling in ("Soleimani", "Suleimani", "Qassim Soleimani", "Sulaimani"):
        assert documents(reader.search(spelling)) >= ALL_SEEDS, spelling


def test_a_commenters_name_leads_to_the_comment(reader):
    (result,) = reader.search("Bugler")
    assert result["where"].startswith("In a comment by Bugler")
    assert result["href"].endswith("doc/d6d6914bedf28798/index.html#c6")
    assert "Bugler" in result["snippet"] or "Iran" in result["snippet"]


def test_a_wildcard_and_a_fuzzy_term(reader):
    assert documents(reader.search("Sulei*")) >= ALL_SEEDS - {"10d7759fc9c54020"}
    assert documents(reader.search("Soleimany~1")) >= {"10d7759fc9c54020"}


def test_a_quoted_phrase_matches_only_the_phrase(reader, built):
    found = documents(reader.search('"Quds Force"'))
    expected = set()
    for doc_id, record in records(built).items():
        text = " ".join([record["title"] or ""] + [p["text"] for p in record["paragraphs"]]
                        + [f"{c['author'] or ''} {c['text']}" for c in record["comments"]])
        if " quds force " in f" {' '.join(normalise_words(text))} ":
            expected.add(doc_id)
    assert found == expected and len(found) >= 3
    assert "10d7759fc9c54020" not in found  # it writes "Qods Force" and "al-Quds organisation" only


def test_field_and_presence_syntax(reader, built):
    assert documents(reader.search("title:truce")) == {"d6d6914bedf28798"}
    found = documents(reader.search("+Sadr -Maliki"))
    for doc_id, record in records(built).items():
        named = {a["id"] for a in record["actors"]}
        if doc_id in found:
            assert "muqtada-al-sadr" in named and "nouri-al-maliki" not in named


def test_filters_by_year_place_in_text_and_actor(reader, built):
    dated_2008 = {i for i, r in records(built).items() if (r["date"] or "").startswith("2008")}
    assert documents(reader.search("Iran", year="2008")) == dated_2008
    in_comments = reader.search("Iran", **{"in": "comments"})
    assert in_comments and all(r["where"].startswith("In a comment") for r in in_comments)
    with_actor = documents(reader.search("", actor="ali-al-adeeb"))
    assert with_actor == {i for i, r in records(built).items() if any(a["id"] == "ali-al-adeeb" for a in r["actors"])}


def test_accents_fold_both_ways(reader):
    assert documents(reader.search("Zurich")) == {"ffffffffffffffff"}
    assert documents(reader.search("Zürich")) == {"ffffffffffffffff"}


def test_the_query_lives_in_the_address_and_results_are_links(reader):
    reader.search("Soleimani", year="2008")
    page = reader.page
    assert page.input_value("#q") == "Soleimani"
    assert page.eval_on_selector("select[name=year]", "s => s.value") == "2008"
    page.fill("#q", "Bugler")
    page.wait_for_function("location.search.includes('q=Bugler')")
    reader.results()
    assert "year=2008" in page.evaluate("location.search")
    page.focus("#q")
    page.keyboard.press("Tab")  # from the box, the keyboard reaches the filters and the results
    links = page.eval_on_selector_all("li.result a", "as => as.map(a => a.tabIndex)")
    assert links and all(t >= 0 for t in links)


def test_results_escape_the_capture_text(reader):
    results = reader.search("Mallory")
    assert results
    assert reader.page.query_selector_all("#search-results script, #search-results img") == []
    assert any("<" in r["title"] or "<" in r["snippet"] for r in results)


def test_nothing_loads_before_the_reader_uses_the_box(reader):
    page = reader.open("index.html")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "site-q"
    page.keyboard.type("Soleimani")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=Soleimani")
    assert documents(reader.results()) >= ALL_SEEDS
    before = [u for u in reader.requests if "/search/" in u]
    assert before  # loaded for this search, not for the index page
    reader.requests.clear()
    reader.open("search.html")
    page.wait_for_load_state("load")
    assert [u for u in reader.requests if "/search/" in u or "lunr" in u] == []
    page.focus("#q")
    page.wait_for_function("document.querySelector('select[name=actor]').options.length > 1")
    assert any(u.endswith("search/setup.js") for u in reader.requests)


def test_without_javascript_the_page_says_so(browser, built):
    reader = Reader(browser, built.as_uri() + "/", javascript=False)
    page = reader.open("search.html?q=Soleimani")
    assert "Search needs JavaScript" in page.inner_text("main")
    page.click("main a[href$='index.html']")
    assert page.query_selector_all("table.documents tbody tr")
    reader.close()


def test_possessives_colons_exclusions_and_wildcards_read_alike_in_both_indexes(reader, built):
    lebanon = {i for i, r in records(built).items() if any("Lebanon" in p["text"] for p in r["paragraphs"])}
    assert lebanon and documents(reader.search("Lebanon")) == lebanon  # the text says "Lebanon’s"
    assert any("Lebanon" in m for r in reader.results() for m in r["marked"])
    everything = {i for i in records(built)}
    sadr = documents(reader.search("Sadr"))
    assert documents(reader.search("-Sadr")) == everything - sadr
    assert documents(reader.search("Iran: Sadr")) == documents(reader.search("Iran Sadr"))
    assert reader.search("*adr") == []
    assert "a * stands at the end of a word" in reader.page.inner_text("#search-status")
    assert "is" not in [m.lower() for r in reader.search("IS") for m in r["marked"] if m != "IS"]


def test_a_name_written_out_is_searched_as_its_actor_and_a_particle_alone_matches_nothing(reader, built):
    def naming(actor_id: str) -> set[str]:
        return {i for i, r in records(built).items() if any(a["id"] == actor_id for a in r["actors"])}

    sadr = naming("muqtada-al-sadr")
    assert sadr and documents(reader.search("Muqtada al-Sadr")) == sadr  # not "al" in "al-Assad", "et.al."
    status = reader.page.locator("#search-status").inner_text()
    assert "“Muqtada al-Sadr” searched as a name from the registry" in status
    assert documents(reader.search("Moqtada al Sadr")) == sadr  # another spelling, the same person
    assert documents(reader.search("Sadr City")) == naming("sadr-city") != sadr  # the place, not the man
    assert reader.search("al") == [] and reader.search("el al") == []
    assert reader.page.locator("#search-status").inner_text() == "No document matches."


def test_the_query_knows_every_spelling_any_document_uses_not_only_the_last_documents():
    from archive.linking.actors import Actor
    from archive.shared.names import fold
    from archive.publishing.search.write import _aliases, _names

    sadr = Actor("muqtada-al-sadr", "Muqtada al-Sadr", "person")
    records = [{"actors": [{"id": sadr.id, "spellings": ["Mookie Sadr"]}]},  # only the first document's
               {"actors": [{"id": sadr.id, "spellings": ["Muqtada al Sadr"]}]}]
    assert _names([sadr], records)[f"{fold('Mookie')} {fold('Sadr')}"] == [sadr.id]
    assert _aliases([sadr], records)[fold("Mookie")] == [sadr.id]
