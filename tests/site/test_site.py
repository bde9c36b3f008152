"""The built archive, read as a reader would: parse the HTML, follow the links."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEED_TITLES, SEEDS

def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site, doc_id: str) -> BeautifulSoup:
    return soup(site.output / "doc" / doc_id / "index.html")


def comments(html: BeautifulSoup):
    return html.select("article.comment")


def test_summary_names_counts_and_where_the_site_is(site):
    assert "5 documents, 49 comments, 0 problems" in site.stdout
    assert str(site.output / "index.html") in site.stdout


def test_index_lists_every_document_with_date_site_and_comment_count(site):
    rows = soup(site.output / "index.html").select("table.documents tbody tr")
    seen = {}
    for row in rows:
        link = row.find("a")
        doc_id = link["href"].split("/")[-2]
        cells = [td.get_text(strip=True) for td in row.find_all("td")]
        seen[doc_id] = (link.get_text(strip=True), int(cells[3]))
    assert seen == SEED_TITLES
    hot_air = next(r for r in rows if "d6d6914bedf28798" in r.find("a")["href"])
    assert hot_air.find("time")["datetime"] == "2008-03-31T12:19"
    assert "Hot Air" in hot_air.get_text()


@pytest.mark.parametrize("doc_id", sorted(SEED_TITLES))
def test_archival_page_has_title_and_comments(site, doc_id):
    title, count = SEED_TITLES[doc_id]
    html = page(site, doc_id)
    assert html.find("h1").get_text(strip=True) == title
    assert len(comments(html)) == count
    assert html.select_one("#comments-heading").get_text(strip=True) == f"Comments ({count})"
    if count == 0:
        assert "no reader comments" in html.select_one("section.comments").get_text()


def test_wordpress_comments_keep_authors_numbers_and_duplicates(site):
    found = comments(page(site, "93b7b02e6c168858"))
    authors = [c.select_one(".author").get_text() for c in found]
    assert authors[:4] == ["Montag", "Curious", "Lawyer Smith", "Mark Gaughan"]
    assert [c["id"] for c in found] == [f"c{n}" for n in range(1, 24)]
    assert found[18].select_one(".duplicate a")["href"] == "#c18"
    assert found[17].select_one(".duplicate") is None


def test_hot_air_comments_each_have_their_timestamp(site):
    found = comments(page(site, "d6d6914bedf28798"))
    assert len(found) == 22
    stamps = [c.find("time")["datetime"] for c in found]
    assert stamps[0] == "2008-03-31T12:27" and stamps[-1] == "2008-03-31T23:01"
    assert stamps == sorted(stamps)
    # jp quotes Bugler's comment, attribution line included: one comment, not two.
    jp = next(c for c in found if c.select_one(".author").get_text() == "jp")
    assert "Bugler on March 31, 2008 at 12:38 PM" in jp.get_text()


def test_paragraphs_are_numbered_anchors_and_removed_text_is_shown(site):
    html = page(site, "bbfa1784b879b3b7")
    paragraphs = html.select("section.text p[id]")
    assert [p["id"] for p in paragraphs] == [f"p{n}" for n in range(1, len(paragraphs) + 1)]
    assert paragraphs[0].find("a", class_="anchor")["href"] == "#p1"
    removed = html.select_one("details.removed")
    assert "Latest news" in removed.get_text()
    assert "related or latest-news teasers" in removed.get_text()
    assert "Latest news" not in html.select_one("section.text").get_text()


def test_provenance_header(site):
    html = page(site, "d6d6914bedf28798")
    provenance = html.select_one("section.provenance").get_text(" ", strip=True)
    data = (SEEDS / "002_d6d6914bedf28798.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() in provenance
    assert "002_d6d6914bedf28798.txt" in provenance
    assert "Allahpundit" in provenance and "Hot Air" in provenance and "2008-03-31" in provenance
    assert html.select_one("section.provenance a[href='source.txt']")


@pytest.mark.parametrize("capture", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_source_txt_is_the_capture_byte_for_byte(site, capture):
    doc_id = capture.stem.split("_", 1)[1]
    assert (site.output / "doc" / doc_id / "source.txt").read_bytes() == capture.read_bytes()


def _built_pages(output: Path):
    return sorted(output.rglob("*.html"))


def test_every_link_resolves_to_a_file_and_its_anchor(site):
    checked = 0
    for html_file in _built_pages(site.output):
        html = soup(html_file)
        ids = {tag["id"] for tag in html.find_all(id=True)}
        for tag in html.find_all(["a", "link", "script", "img"]):
            ref = tag.get("href") or tag.get("src")
            if ref is None:
                continue
            parts = urlsplit(ref)
            if parts.netloc == "www.wikidata.org" and parts.scheme == "https":
                continue  # an actor's Wikidata entry, where an editor gave one
            if ref == "data:," and tag.get("rel") == ["icon"]:
                continue  # no favicon: the browser asks for none
            assert not parts.scheme and not parts.netloc, f"{html_file}: external {ref}"
            assert not ref.startswith("/"), f"{html_file}: site-rooted {ref}"
            if parts.path:
                assert not parts.path.endswith("/"), f"{html_file}: folder link {ref}"
                target = (html_file.parent / unquote(parts.path)).resolve()
                assert target.is_file(), f"{html_file}: {ref} does not exist"
                assert site.output.resolve() in target.parents, f"{html_file}: {ref} leaves the site"
            else:
                target = html_file
            if parts.fragment:
                target_ids = ids if target == html_file else {t["id"] for t in soup(target).find_all(id=True)}
                assert parts.fragment in target_ids, f"{html_file}: no #{parts.fragment} in {target}"
            checked += 1
    assert checked > 100


def test_records_follow_the_schema_and_match_the_page(site):
    schema = json.loads((ROOT / "plugins" / "archive" / "record.schema.json").read_text())
    for doc_id in SEED_TITLES:
        record = json.loads((site.output / "doc" / doc_id / "record.json").read_text(encoding="utf-8"))
        jsonschema.validate(record, schema)
        html = page(site, doc_id)
        assert record["id"] == doc_id and record["url"] == f"doc/{doc_id}/"
        assert [p["id"] for p in record["paragraphs"]] == [p["id"] for p in html.select("section.text p[id]")]
        assert len(record["comments"]) == len(comments(html))


def test_rebuild_is_byte_identical(site, tmp_path):
    from conftest import run_build
    again = run_build(SEEDS, tmp_path / "again")
    assert again.returncode == 0, again.stderr
    first = {p.relative_to(site.output): p.read_bytes() for p in site.output.rglob("*") if p.is_file()}
    second = {p.relative_to(again.output): p.read_bytes() for p in again.output.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_comment_relations_are_shown_and_link_to_their_anchors(site):
    found = {c["id"]: c for c in comments(page(site, "d6d6914bedf28798"))}
    jp = found["c8"]
    assert jp.select_one(".replies-to a")["href"] == "#c6"
    assert [a["href"] for a in jp.select(".quotes a")] == ["#c6"]
    maverick = found["c15"]
    assert maverick.select_one(".quotes").get_text(" ", strip=True) == "quotes ¶10"
    assert maverick.select_one(".quotes a")["href"] == "#p10"
    wordpress = {c["id"]: c for c in comments(page(site, "93b7b02e6c168858"))}
    assert wordpress["c7"].select_one(".replies-to").get_text(" ", strip=True) == "replies to #3"


def test_captions_are_shown_apart_from_the_numbered_text(site):
    html = page(site, "10d7759fc9c54020")
    captions = html.select("section.text p.caption")
    assert captions[0].get_text().startswith("Radical Shi’ite cleric Muqtada al-Sadr attends")
    assert all(not c.get("id") for c in captions)
    numbered = html.select("section.text p[id]")
    assert numbered[0]["id"] == "p1" and numbered[0].get_text().startswith("¶1 Iran’s supreme leader")


def test_quoted_lines_in_comments_are_shown_as_quotations(site):
    found = {c["id"]: c for c in comments(page(site, "d6d6914bedf28798"))}
    quoted = [q.get_text().strip() for q in found["c8"].select("blockquote.quoted")]
    assert quoted == ["There will be no victory in Iraq without defeating Iran. Sad, but true.",
                      "Bugler on March 31, 2008 at 12:38 PM"]
    own = [p.get_text().strip() for p in found["c8"].find_all("p", recursive=False)]
    assert own[0].startswith("I’ve been thinking lately")
    assert not found["c6"].select("blockquote")


def test_comment_records_point_at_their_lines_in_the_capture(site):
    record = json.loads((site.output / "doc" / "d6d6914bedf28798" / "record.json").read_text(encoding="utf-8"))
    source = (SEEDS / "002_d6d6914bedf28798.txt").read_text(encoding="utf-8").split("\n")
    assert record["comments"][0]["line"] == 45
    for comment in record["comments"]:
        assert source[comment["line"] - 1].startswith(comment["author"])
    for paragraph in record["paragraphs"]:
        assert source[paragraph["line"] - 1].strip() == paragraph["text"]


def test_a_comment_dated_with_an_inferred_year_says_so_on_the_page_and_in_its_record(tmp_path):
    from conftest import FIXTURES, build_one

    build_one(tmp_path, FIXTURES / "dates" / "yearless-stamps.txt", "abcabcabcabcabc2")
    folder = tmp_path / "out" / "doc" / "abcabcabcabcabc2"
    last = soup(folder / "index.html").find(id="c3")
    assert last.find("time")["datetime"] == "2013-01-03T18:02"
    assert last.select_one(".as-written").get_text() == (
        "(the stamp gives no year: the year of the post's date (2012-11-07))")
    record = json.loads((folder / "record.json").read_text(encoding="utf-8"))
    jsonschema.validate(record, json.loads((ROOT / "plugins" / "archive" / "record.schema.json").read_text()))
    assert [c.get("date_inferred") for c in record["comments"]] == ["the year of the post's date (2012-11-07)"] * 3
    exported = (tmp_path / "out" / "exports" / "comments.csv").read_text(encoding="utf-8-sig")
    assert [row["date_inferred"] for row in csv.DictReader(io.StringIO(exported))] == [
        "the year of the post's date (2012-11-07)"] * 3


def test_a_dateline_without_its_year_is_dated_from_the_copyright_notice_and_the_page_says_so(tmp_path):
    from conftest import FIXTURES, build_one

    build_one(tmp_path, FIXTURES / "captures" / "yearless-wire-dateline.txt", "abcabcabcabcabc3")
    folder = tmp_path / "out" / "doc" / "abcabcabcabcabc3"
    about = soup(folder / "index.html").find(id="about")
    date = next(dt for dt in about.find_all("dt") if dt.get_text() == "Date").find_next_sibling("dd")
    assert date.find("time")["datetime"] == "2009-03-03"
    assert date.select_one(".as-written").get_text() == (
        "(the dateline gives no year: the year of the page's copyright notice (2009))")
    record = json.loads((folder / "record.json").read_text(encoding="utf-8"))
    jsonschema.validate(record, json.loads((ROOT / "plugins" / "archive" / "record.schema.json").read_text()))
    assert (record["date"], record["date_inferred"]) == ("2009-03-03", "the year of the page's copyright notice (2009)")
    exported = (tmp_path / "out" / "exports" / "documents.csv").read_text(encoding="utf-8-sig")
    [row] = csv.DictReader(io.StringIO(exported))
    assert (row["date"], row["date_inferred"]) == ("2009-03-03", "the year of the page's copyright notice (2009)")


def test_a_thread_shows_relative_dates_as_written_deleted_comments_and_replies_under_their_parent(tmp_path):
    from conftest import FIXTURES, build_one

    build_one(tmp_path, FIXTURES / "captures" / "disqus-nested.txt", "abcabcabcabcabc1")
    html = soup(tmp_path / "out" / "doc" / "abcabcabcabcabc1" / "index.html")
    first, deleted, answer = html.find(id="c1"), html.find(id="c5"), html.find(id="c6")
    assert first.select_one(".as-written").get_text() == "2 years ago (as written; cannot be dated)"
    assert first.find("time") is None  # never a date it does not have
    assert deleted.select_one(".author").get_text() == "comment deleted before capture"
    assert "author not captured" not in deleted.get_text()
    assert "reply" in answer["class"] and "depth-1" in answer["class"]  # under the deleted comment it answers
    assert "reply" not in first["class"]
    record = json.loads((tmp_path / "out" / "doc" / "abcabcabcabcabc1" / "record.json").read_text(encoding="utf-8"))
    assert record["comments"][0]["date_as_written"] == "2 years ago" and record["comments"][4]["deleted"] is True
