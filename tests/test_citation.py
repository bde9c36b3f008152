"""Citing the archive: the cite box, the downloads, the head metadata, provenance and exports,
read from the built site as a reference manager or a reader would."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

import archive
from archive.citation import (NEWS_ARTICLE, apa, as_html, as_text, chicago, item_kind, mla, script_json,
                              split_name, work_of)
from archive.exports import bibtex, bibtex_text, ris, safe_cell
from conftest import FIXTURES, SEEDS, run_build
from test_site import SEED_TITLES

HOT_AIR, NYT = "d6d6914bedf28798", "bbfa1784b879b3b7"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def record_of(output: Path, doc_id: str) -> dict:
    return json.loads((output / "doc" / doc_id / "record.json").read_text(encoding="utf-8"))


def metas(html: BeautifulSoup, name: str) -> list[str]:
    return [m["content"] for m in html.find_all("meta", attrs={"name": name})]


def balanced(text: str) -> bool:
    depth = 0
    for match in re.finditer(r"\\.|[{}]", text):
        token = match.group()
        depth += {"{": 1, "}": -1}.get(token, 0)
        if depth < 0:
            return False
    return depth == 0


# Formatting -----------------------------------------------------------------------

def _record(**fields) -> dict:
    record = {"id": NYT, "title": "Beleaguered Iraqis court Iranian mastermind", "date": "2014-09-06",
              "authors": ["Eric Schmitt", "Mark Mazzetti", "Michael R. Gordon"], "site": "The New York Times",
              "comments": [], "line_roles": {}, "source": {"sha256": "0" * 64, "file": "003_x.txt"}}
    return {**record, **fields}


def test_names_are_split_for_citation():
    assert split_name("Michael R. Gordon").sort_form == "Gordon, Michael R."
    assert split_name("Michael R. Gordon").initials == "M. R."
    assert split_name("Muqtada al-Sadr").family == "al-Sadr"
    assert split_name("Ludwig van Beethoven").sort_form == "van Beethoven, Ludwig"
    assert split_name("Martin Luther King Jr.").sort_form == "King, Martin Luther, Jr."
    assert split_name("Allahpundit").literal == "Allahpundit"
    assert split_name("Associated Press").organisation


def test_three_styles_of_a_newspaper_article():
    work = work_of(_record(), "https://example.org/archive/doc/x/")
    tail = "Archived at https://example.org/archive/doc/x/. Capture SHA-256: " + "0" * 64 + "."
    assert as_text(chicago(work)) == ("Schmitt, Eric, Mark Mazzetti, and Michael R. Gordon. “Beleaguered Iraqis "
                                      "court Iranian mastermind.” The New York Times, September 6, 2014. " + tail)
    assert as_text(apa(work)) == ("Schmitt, E., Mazzetti, M., & Gordon, M. R. (2014, September 6). Beleaguered "
                                  "Iraqis court Iranian mastermind. The New York Times. " + tail)
    assert as_text(mla(work)) == ("Schmitt, Eric, et al. “Beleaguered Iraqis court Iranian mastermind.” "
                                  "The New York Times, 6 Sept. 2014. " + tail)
    assert as_html(apa(work)).count("<i>") == 1 and "<i>Beleaguered" in as_html(apa(work))
    assert "<i>The New York Times</i>" in as_html(chicago(work))


def test_missing_fields_are_left_out_never_invented():
    work = work_of(_record(title=None, authors=[], site=None, date=None), "doc/x/")
    assert as_text(chicago(work)).startswith("[Untitled page, capture 003_x.txt]. n.d. Archived at doc/x/.")
    assert "(n.d.)" in as_text(apa(work))
    assert as_text(mla(work)).startswith("[Untitled page, capture 003_x.txt]. Archived at")


def test_kind_comes_from_the_editors_then_the_capture():
    assert item_kind(_record()) == NEWS_ARTICLE
    assert item_kind(_record(comments=[{}])) == "blog-post"
    assert item_kind(_record(line_roles={"boilerplate: blog header or epigraph": 2})) == "blog-post"
    assert item_kind(_record(comments=[{}], provenance={"type": NEWS_ARTICLE})) == NEWS_ARTICLE


def test_untrusted_text_cannot_break_out_of_any_format():
    hostile = "}</script><b>{\\input{x}} 100% & $5 #1\r\nER  - \nTY  - JOUR"
    work = work_of(_record(title=hostile, authors=["Bob {and} Alice"], site="A } site"), "doc/x/")
    bib = bibtex(work)
    assert balanced(bib) and "\\input" not in bib.replace("\\textbackslash{}input", "")
    lines = ris(work).split("\r\n")
    assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in lines if line)
    assert sum(line.startswith("ER  - ") for line in lines) == 1
    assert sum(line.startswith("TY  - ") for line in lines) == 1
    embedded = script_json({"title": hostile})
    assert "<" not in embedded and ">" not in embedded and "&" not in embedded
    assert json.loads(embedded)["title"] == hostile
    assert "<b>" not in as_html(chicago(work)) and "&lt;/script&gt;" in as_html(chicago(work))
    assert [safe_cell(v) for v in ("=SUM(A1)", "+1", "-2", "@x", "plain", 3, None)] == [
        "'=SUM(A1)", "'+1", "'-2", "'@x", "plain", "3", ""]


# The built site -------------------------------------------------------------------

@pytest.mark.parametrize("doc_id", sorted(SEED_TITLES))
def test_every_archival_page_has_the_cite_box_and_its_downloads(site, doc_id):
    folder = site.output / "doc" / doc_id
    html, record = soup(folder / "index.html"), record_of(site.output, doc_id)
    box = html.select_one("section.cite#cite")
    assert box.find("h2").get_text() == "Cite this"
    styles = [dt.get_text() for dt in box.select(".cite-styles dt")]
    assert styles == ["Chicago", "APA", "MLA"]
    for citation in box.select(".citation"):
        text = citation.get_text()
        assert record["source"]["sha256"] in text and f"doc/{doc_id}/" in text
        assert (record["title"] or "") in text
        assert all(a.split()[-1] in text for a in record["authors"][:1])
    assert all(a.split()[-1] in box.select_one("#cite-chicago").get_text() for a in record["authors"])
    downloads = {a.get_text(): a["href"] for a in box.select(".cite-downloads a")}
    assert downloads == {"BibTeX": "cite.bib", "RIS": "cite.ris", "CSL-JSON": "cite.json",
                         "the whole record (JSON)": "record.json"}
    bib = (folder / "cite.bib").read_text(encoding="utf-8")
    assert bib.startswith(("@online{", "@article{")) and balanced(bib) and record["source"]["sha256"] in bib
    assert "  title = {{" + bibtex_text(record["title"]) + "}},\n" in bib
    lines = (folder / "cite.ris").read_bytes().decode("utf-8").split("\r\n")
    assert lines[0] in ("TY  - BLOG", "TY  - NEWS") and lines[-2] == "ER  - "
    assert f"TI  - {record['title']}" in lines
    csl = json.loads((folder / "cite.json").read_text(encoding="utf-8"))
    assert csl[0]["title"] == record["title"] and csl[0]["type"] in ("post-weblog", "article-newspaper")
    assert [a.get("literal") or a["family"] for a in csl[0].get("author", [])] == [
        split_name(a).literal or split_name(a).family for a in record["authors"]]
    # Each ¶ and # mark is the link to cite; the box says so.
    assert box.select_one(".cite-anchors a")["href"] == "#p1"


@pytest.mark.parametrize("doc_id", sorted(SEED_TITLES))
def test_head_metadata_for_reference_managers(site, doc_id):
    html, record = soup(site.output / "doc" / doc_id / "index.html"), record_of(site.output, doc_id)
    assert metas(html, "citation_title") == [record["title"]] == metas(html, "DC.title")
    assert len(metas(html, "citation_author")) == len(record["authors"]) == len(metas(html, "DC.creator"))
    if record["date"]:
        assert metas(html, "citation_publication_date") == [record["date"][:10].replace("-", "/")]
        assert metas(html, "DC.date") == [record["date"][:10]]
    else:
        assert not metas(html, "citation_publication_date") and not metas(html, "DC.date")
    assert metas(html, "citation_publisher") == ([record["site"]] if record["site"] else [])
    assert not html.find("meta", attrs={"property": "og:type", "content": "website"})
    assert html.find("link", rel="canonical")["href"] == "index.html"
    assert html.find("link", rel="cite-as")["href"] == "index.html"
    assert metas(html, "DC.identifier") == ["index.html"] and not metas(html, "DC.source")
    data = json.loads(html.find("script", type="application/ld+json").string)
    kind = metas(html, "DC.type")[0]
    assert (kind, data["@type"]) in (("blogPost", "BlogPosting"), ("newspaperArticle", "NewsArticle"))
    assert data["headline"] == record["title"] and data["identifier"]["value"] == record["source"]["sha256"]
    assert "datePublished" not in data or data["datePublished"] == record["date"]


def test_blog_posts_and_newspaper_articles_are_told_apart(site):
    assert metas(soup(site.output / "doc" / HOT_AIR / "index.html"), "DC.type") == ["blogPost"]
    assert metas(soup(site.output / "doc" / NYT / "index.html"), "DC.type") == ["newspaperArticle"]
    assert "TY  - NEWS" in (site.output / "doc" / NYT / "cite.ris").read_text()
    assert (site.output / "doc" / HOT_AIR / "cite.bib").read_text().startswith("@online{allahpundit2008-d6d6914b,")


def test_provenance_shows_cleaning_and_version_in_page_and_record(site):
    html, record = soup(site.output / "doc" / NYT / "index.html"), record_of(site.output, NYT)
    assert record["archive_version"] == archive.__version__
    assert html.select_one(".provenance .archive-version").get_text() == archive.__version__
    cleaning = html.select_one(".provenance .set-aside").get_text(" ", strip=True)
    set_aside = {k.split(": ", 1)[1]: n for k, n in record["line_roles"].items() if k.startswith("boilerplate")}
    assert cleaning.startswith(f"{sum(set_aside.values())} of {record['source']['lines']} lines set aside")
    for why, n in set_aside.items():
        assert f"{n} {why}" in cleaning
    assert record["provenance"] == {"metadata": None, "original_url": None, "captured": None, "type": None,
                                    "note": None, "corrected": {}}
    assert "Archived" not in [dt.get_text() for dt in html.select(".provenance dt")]  # no SOURCE_DATE_EPOCH


def test_exports_for_researchers(site):
    exports = site.output / "exports"
    lines = (exports / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [record_of(site.output, d) for d in sorted(SEED_TITLES)]
    documents = list(csv.DictReader(io.StringIO((exports / "documents.csv").read_text(encoding="utf-8"))))
    assert {d["id"]: d["title"] for d in documents} == {k: v[0] for k, v in SEED_TITLES.items()}
    assert {d["id"]: int(d["comments"]) for d in documents} == {k: v[1] for k, v in SEED_TITLES.items()}
    comments = list(csv.DictReader(io.StringIO((exports / "comments.csv").read_text(encoding="utf-8"))))
    assert len(comments) == 49
    for row in comments[:: 7]:
        page, anchor = row["permalink"].split("#")
        assert soup(site.output / page / "index.html").find(id=anchor) is not None
    method = soup(site.output / "pages" / "method.html")
    hrefs = {a["href"] for a in method.find_all("a")}
    assert {"../exports/records.jsonl", "../exports/documents.csv", "../exports/comments.csv"} <= hrefs
    assert not (site.output / "sitemap.xml").exists()  # relative URLs only: no sitemap


def test_published_build_uses_the_public_address(tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVE_SITEURL", "https://example.org/archive/")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build = run_build(SEEDS, tmp_path / "out", "--publish")
    assert build.returncode == 0, build.stderr
    out = tmp_path / "out"
    url = f"https://example.org/archive/doc/{HOT_AIR}/"
    html = soup(out / "doc" / HOT_AIR / "index.html")
    assert html.find("link", rel="canonical")["href"] == url == html.find("link", rel="cite-as")["href"]
    assert metas(html, "citation_public_url") == [url] == metas(html, "DC.identifier")
    assert json.loads(html.find("script", type="application/ld+json").string)["@id"] == url
    assert all(f"Archived at {url}." in c.get_text() for c in html.select(".citation"))
    assert html.find("link", rel="stylesheet")["href"] == "../../theme/css/archive.css"  # still works from disk
    assert html.select_one(".provenance time[datetime='2023-11-14']").get_text() == "2023-11-14"
    assert f"url = {{{url}}}" in (out / "doc" / HOT_AIR / "cite.bib").read_text()
    sitemap = ElementTree.parse(out / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in sitemap.findall("s:url/s:loc", ns)]
    assert all(loc.startswith("https://example.org/archive/") for loc in locs)
    assert {f"https://example.org/archive/doc/{d}/" for d in SEED_TITLES} <= set(locs)
    assert {m.text for m in sitemap.findall("s:url/s:lastmod", ns)} == {"2023-11-14"}
    rows = list(csv.DictReader(io.StringIO((out / "exports" / "documents.csv").read_text(encoding="utf-8"))))
    assert {r["permalink"] for r in rows} == {f"https://example.org/archive/doc/{d}/" for d in SEED_TITLES}


def test_hostile_capture_is_escaped_in_metadata_and_downloads(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / "captures" / "hostile.txt", seeds / "001_eeeeeeeeeeeeeeee.txt")
    build = run_build(seeds, tmp_path / "out")
    assert build.returncode == 0, build.stderr
    folder = tmp_path / "out" / "doc" / "eeeeeeeeeeeeeeee"
    title = "<script>alert('title')</script> & friends"
    html = soup(folder / "index.html")
    scripts = html.find_all("script")
    assert [s.get("type") for s in scripts if not s.get("src")] == ["application/ld+json"]
    assert all(re.fullmatch(r"(\.\./)+theme/js/[a-z.]+\.js", s["src"]) for s in scripts if s.get("src"))
    raw = (folder / "index.html").read_text(encoding="utf-8")
    ld = raw.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in ld and json.loads(ld)["headline"] == title
    assert metas(html, "citation_title") == [title]
    assert all(title in c.get_text() for c in html.select(".citation"))
    assert not html.select(".citation script, .cite b")
    assert balanced((folder / "cite.bib").read_text(encoding="utf-8"))
    assert json.loads((folder / "cite.json").read_text(encoding="utf-8"))[0]["title"] == title
    comments = list(csv.DictReader(io.StringIO((tmp_path / "out/exports/comments.csv").read_text(encoding="utf-8"))))
    assert comments[0]["author"] == "<b>Mallory</b>"


def test_editors_metadata_corrects_and_adds_provenance(tmp_path):
    seeds, documents = tmp_path / "seeds", tmp_path / "documents"
    seeds.mkdir()
    documents.mkdir()
    shutil.copy(SEEDS / f"003_{NYT}.txt", seeds)
    (documents / "README.md").write_text("Not a document.\n")
    (documents / f"{NYT}.md").write_text(
        "---\nurl: https://www.nytimes.com/2014/09/06/world/middleeast/example.html\ncaptured: 2014-09-07\n"
        "date: 2014-09-06\ntitle: Corrected <title>\n---\nChecked against the *print* edition.\n")
    build = run_build(seeds, tmp_path / "out", "--documents", str(documents))
    assert build.returncode == 0, build.stderr
    record = record_of(tmp_path / "out", NYT)
    assert record["title"] == "Corrected <title>" and record["date"] == "2014-09-06"
    assert record["provenance"]["corrected"] == {
        "title": "Beleaguered Iraqis court Iranian mastermind of the Shiites who fought the U.S.", "date": None}
    assert record["provenance"]["captured"] == "2014-09-07"
    html = soup(tmp_path / "out" / "doc" / NYT / "index.html")
    assert html.find("h1").get_text() == "Corrected <title>"
    assert metas(html, "DC.source") == ["https://www.nytimes.com/2014/09/06/world/middleeast/example.html"]
    assert metas(html, "citation_date") == ["2014/09/06"]
    provenance = html.select_one("section.provenance").get_text(" ", strip=True)
    assert "https://www.nytimes.com/2014/09/06/world/middleeast/example.html" in provenance
    assert "2014-09-07" in provenance and f"documents/{NYT}.md" in provenance
    assert "Beleaguered Iraqis court" in provenance and html.select_one(".provenance .note em")
    assert "Captured September 7, 2014; archived at doc/" in html.select_one("#cite-chicago").get_text()
    assert json.loads((tmp_path / "out/doc" / NYT / "cite.json").read_text())[0]["accessed"] == {
        "date-parts": [[2014, 9, 7]]}
    # An id no document has is a build error naming the file.
    (documents / "0123456789abcdef.md").write_text("---\ncaptured: 2014-09-07\n---\n")
    build = run_build(seeds, tmp_path / "out", "--documents", str(documents))
    assert build.returncode != 0 and "documents/0123456789abcdef.md: no document has the id" in build.stderr


# In a browser, from disk ----------------------------------------------------------

def test_copy_buttons_and_a_passage_link_work_from_disk(site, browser):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors, requests = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("request", lambda request: requests.append(request.url))
    url = (site.output / "doc" / HOT_AIR / "index.html").as_uri()
    page.goto(url)
    status = page.locator(".cite-status")
    page.get_by_role("button", name="Copy the link to paragraph 3").click()
    assert f"{url}#p3" in status.inner_text()
    assert page.evaluate("navigator.clipboard.readText()") == f"{url}#p3"
    page.get_by_role("button", name="Copy the link to comment 5").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{url}#c5"
    page.get_by_role("button", name="Copy the APA citation").click()
    assert page.evaluate("navigator.clipboard.readText()").startswith(
        "Allahpundit. (2008, March 31). Iranian Quds Force leader helped broker truce with Sadr [Blog post]. Hot Air.")
    # Select words of ¶3: the passage link opens the page at them (and at ¶3 without text fragments).
    assert page.locator(".cite-passage").is_visible()
    selected = page.evaluate("""() => {
        const walker = document.createTreeWalker(document.getElementById('p3'), NodeFilter.SHOW_TEXT);
        let node = walker.nextNode();
        while (node && node.textContent.trim().length < 30) node = walker.nextNode();
        const range = document.createRange();
        range.setStart(node, 4); range.setEnd(node, 30);
        getSelection().removeAllRanges(); getSelection().addRange(range);
        document.dispatchEvent(new MouseEvent('mouseup'));
        return range.toString();
    }""")
    link = page.input_value("#passage-link")
    base, directive = link.split(":~:text=")
    assert base == f"{url}#p3"
    from urllib.parse import unquote
    words = unquote(directive)
    assert selected.strip() in words and len(words.split()) == len(selected.split())  # widened to whole words
    assert f" {words} " in " " + page.locator("#p3").inner_text() + " "
    page.get_by_role("button", name="Copy link").click()
    assert page.evaluate("navigator.clipboard.readText()") == link
    page.goto("about:blank")
    page.goto(link)
    assert page.evaluate("location.hash") == "#p3"  # the text directive is the browser's, not the page's
    top, bottom = page.evaluate("(() => { const r = document.getElementById('p3').getBoundingClientRect(); "
                                "return [r.top, r.bottom]; })()")
    assert page.evaluate("scrollY") > 0, "the text fragment did not match"
    assert bottom > 0 and top < page.viewport_size["height"]
    assert errors == [] and all(u.startswith(("file://", "about:")) for u in requests)
    context.close()


def test_the_cite_box_works_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site.output / "doc" / NYT / "index.html").as_uri())
    box = page.locator("section.cite")
    assert box.is_visible() and page.locator("#cite-chicago").is_visible()
    assert "Schmitt, Eric, Mark Mazzetti, and Michael R. Gordon." in page.locator("#cite-chicago").inner_text()
    assert not page.locator(".cite-passage").is_visible()  # needs JavaScript: hidden, not broken
    assert page.locator("button:visible").count() == 0
    page.get_by_role("link", name="BibTeX").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/doc/{NYT}/cite.bib")
    context.close()
