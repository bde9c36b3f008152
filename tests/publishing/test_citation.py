"""Citing the archive: the cite box, the downloads, the head metadata, provenance and exports,
read from the built site as a reference manager or a reader would."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote

from playwright.sync_api import expect
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

import archive
from archive.publishing.citation import (NEWS_ARTICLE, Name, apa, apply_document_meta, as_html, as_text, chicago, editor_date,
                              item_kind, kind_and_reason, mla, read_document_meta, script_json, split_name,
                              work_of)
from archive.shared.editorial import EditorialError, MarkdownFile
from archive.reading.rules.byline import split_names
from archive.publishing.exports import bibtex, bibtex_text, csl_json, ris, safe_cell
from conftest import FIXTURES, ROOT, SEEDS, build_one, run_build
from conftest import SEED_TITLES

HOT_AIR, NYT = "d6d6914bedf28798", "bbfa1784b879b3b7"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def record_of(output: Path, doc_id: str) -> dict:
    return json.loads((output / "doc" / doc_id / "record.json").read_text(encoding="utf-8"))


def metas(html: BeautifulSoup, name: str) -> list[str]:
    return [m["content"] for m in html.find_all("meta", attrs={"name": name})]


def balanced(text: str) -> bool:
    """Braces paired as BibTeX pairs them: a backslash does not hide a brace from it."""
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def bib_fields(text: str) -> dict[str, str]:
    """The fields of one entry read as BibTeX reads them; fails unless the entry parses whole."""
    head = re.match(r"@(online|article)\{([a-z0-9-]+),\n", text)
    assert head, text
    fields, at = {}, head.end()
    while (field := re.compile(r"  ([a-z]+) = \{").match(text, at)):
        depth, end = 1, field.end()
        while depth:
            assert end < len(text), f"field {field.group(1)} is never closed: {text}"
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        assert field.group(1) not in fields, f"{field.group(1)} twice: the entry is cut wrongly"
        fields[field.group(1)] = text[field.end():end - 1]
        at = end + 2 if text.startswith(",\n", end) else end
        if at == end:
            break
    assert text[at:] == "\n}\n", f"unparsed after the fields: {text[at:]!r}"
    return fields


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


def test_last_first_names_and_suffixes_in_every_format():
    for written in ("Smith, John", "John Smith"):
        assert split_name(written) == Name(family="Smith", given="John")
    for written in ("John Doe Jr.", "John Doe, Jr.", "Doe, John, Jr.", "Doe Jr., John"):
        assert split_name(written) == Name(family="Doe", given="John", suffix="Jr."), written
    assert split_name("van Beethoven, Ludwig") == split_name("Ludwig van Beethoven")
    assert split_name("Henry Ford II") == Name(family="Ford", given="Henry", suffix="II")
    assert split_name("Doe Jr.").literal == "Doe Jr."  # which word is the family name is not known
    work = work_of(_record(authors=["Smith, John", "John Doe Jr."]), "doc/x/")
    assert bib_fields(bibtex(work))["author"] == "Smith, John and Doe, Jr., John"
    assert as_text(chicago(work)).startswith("Smith, John, and John Doe, Jr. “Beleaguered")  # CMOS 14.76
    assert as_text(apa(work)).startswith("Smith, J., & Doe, J., Jr. (2014, September 6). Beleaguered")
    assert as_text(mla(work)).startswith("Smith, John, and John Doe, Jr. “Beleaguered")
    assert "AU  - Smith, John\r\nAU  - Doe, John, Jr.\r\n" in ris(work)
    assert json.loads(csl_json(work))[0]["author"] == [{"family": "Smith", "given": "John"},
                                                        {"family": "Doe", "given": "John", "suffix": "Jr."}]


def test_braces_in_any_field_leave_the_bibtex_entry_parseable():
    def unlatex(text):
        return text.replace(r"\textbraceleft{}", "{").replace(r"\textbraceright{}", "}")

    assert bibtex_text("Title only {") == r"Title only \textbraceleft{}"
    work = work_of(_record(title="Title only {", site="a } b { c", authors=["Bob {Smith", "x } y"]),
                   "https://example.org/{x}/doc/x/", archive_name="An {archive")
    fields = bib_fields(bibtex(work))
    assert list(fields) == ["author", "title", "journaltitle", "entrysubtype", "date", "year", "month", "url",
                            "note"]
    assert unlatex(fields["title"]) == "{Title only {}" and unlatex(fields["journaltitle"]) == "a } b { c"
    assert unlatex(fields["author"]) == "{Smith, Bob and y, x }"
    assert fields["date"] == "2014-09-06" and fields["url"] == "https://example.org/%7Bx%7D/doc/x/"
    assert unlatex(fields["note"]).startswith(
        "Archived by An {archive at \\url{https://example.org/%7Bx%7D/doc/x/}; capture SHA-256 0000")
    for text in ("a } b { c", "}{", "{{}", "\\{", "x}"):
        assert balanced(bibtex_text(text)), text


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


def test_a_year_the_dateline_did_not_give_is_marked_as_supplied_in_every_format():
    from archive.reading.capture import read_capture
    from archive.record import build_record

    # the reader's own record: "Mar 3 (Wire)" under a page whose copyright notice says 2009
    record = build_record(read_capture(FIXTURES / "captures" / "yearless-wire-dateline.txt"))
    assert record["date"].startswith("2009-03-03")
    work = work_of(record, "https://example.org/a/doc/x/")
    assert "March 3, [2009]." in as_text(chicago(work))
    assert "([2009], March 3)" in as_text(apa(work))
    assert "3 Mar. [2009]" in as_text(mla(work))
    said = "the dateline gives no year: the year of the page's copyright notice (2009)"
    assert bib_fields(bibtex(work))["note"].endswith("; " + said)
    assert bib_fields(bibtex(work))["year"] == "2009"  # the year itself stays a number a reference manager reads
    assert re.search(r"\r\nN1  - [^\r]*; " + re.escape(said) + r"\r\n", ris(work))
    item = json.loads(csl_json(work))[0]
    assert item["issued"] == {"date-parts": [[2009, 3, 3]], "circa": True} and item["note"].endswith(said)
    # a year the page gave is cited as it is
    given = work_of(_record(date="2009-03-03"), "https://example.org/a/doc/x/")
    assert "March 3, 2009." in as_text(chicago(given)) and "[2009]" not in as_text(apa(given)) + as_text(mla(given))
    assert "dateline" not in bibtex(given) + ris(given) + csl_json(given)
    assert "circa" not in json.loads(csl_json(given))[0]["issued"]


def test_missing_fields_are_left_out_never_invented():
    work = work_of(_record(title=None, authors=[], site=None, date=None), "doc/x/")
    no_address = "Archived in a copy of the archive that has no public address."
    assert as_text(chicago(work)).startswith(f"[Untitled page, capture 003_x.txt]. n.d. {no_address}")
    assert "(n.d.)" in as_text(apa(work))
    assert as_text(mla(work)).startswith(f"[Untitled page, capture 003_x.txt]. {no_address}")
    # nor do the downloads give a path inside one copy as the work's address
    assert "url =" not in bibtex(work) and "doc/x/" not in bibtex(work) and "no public address" in bibtex(work)
    assert "\r\nUR  - " not in ris(work) and "doc/x/" not in ris(work)
    assert "URL" not in json.loads(csl_json(work))[0] and "doc/x/" not in csl_json(work)


def test_kind_comes_from_the_editors_then_the_capture():
    assert item_kind(_record()) == NEWS_ARTICLE
    # reader comments do not make a newspaper's article a blog post; the reason is said
    assert kind_and_reason(_record(comments=[{}])) == (NEWS_ARTICLE, "The New York Times is a newspaper's name")
    assert kind_and_reason(_record(site="Hot Air", comments=[{}])) == (
        "blog-post", "no sign of a newspaper (masthead, dateline, news sections)")
    dateline = [{"id": "p1", "text": "HARROW — Voters in Pine Hollow will drive further to vote."}]
    assert kind_and_reason(_record(site=None, comments=[{}], paragraphs=dateline)) == (
        NEWS_ARTICLE, "a dateline opens the text")
    # a masthead is no sign either way; a blog's furniture outweighs a newspaper-like name ...
    assert item_kind(_record(line_roles={"boilerplate: blog header or epigraph": 2})) == NEWS_ARTICLE
    blog = [{"text": "Posted by Ann in Town Hall | Leave a reply"}, {"text": "Blogroll\nArchives"}]
    assert kind_and_reason(_record(site="The Millbrook Ledger", removed=blog)) == (
        "blog-post", "a blog's furniture: “Posted by”, “Leave a reply”, “Blogroll”")
    # ... and a news site's sections and furniture make its article news, whatever the site is called
    news = [{"text": "Home | News | Local | Sports | Business | Opinion | Obituaries"},
            {"text": "Related stories\nMost read"}]
    assert kind_and_reason(_record(site="Kestrel Falls Today", authors=[], comments=[{}], removed=news)) == (
        NEWS_ARTICLE, "a news site's furniture: sections (News, Local, Sports), “Related stories”, “Most read”")
    assert kind_and_reason(_record(comments=[{}], provenance={"type": "blog-post"})) == (
        "blog-post", "as the editors say")


def test_document_kind_against_the_hand_labels_of_the_seeds_and_fixtures():
    """tests/fixtures/kinds.json: labelled by reading the captures, not from the archive's output."""
    from scoring import kind_accuracy

    from archive.reading.capture import read_capture
    from archive.reading.parse import parse_text
    from archive.record import build_record

    def kind_of(path: str) -> str:
        read = read_capture(ROOT / path)
        return item_kind(build_record(read, parse_text(read.text)))

    kinds = kind_accuracy(kind_of)
    assert kinds["sure"]["total"] >= 50
    assert kinds["sure"]["right"] / kinds["sure"]["total"] >= 0.95, kinds["sure"]["wrong"]


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


def test_editor_dates_must_be_real_calendar_dates_and_times():
    assert editor_date("2008-03-31") == "2008-03-31" == editor_date(date(2008, 3, 31))
    assert editor_date("2008-03-31T12:19") == "2008-03-31T12:19" == editor_date(datetime(2008, 3, 31, 12, 19, 5))
    assert editor_date("2008-03-31 12:19:05Z") == "2008-03-31T12:19"
    for wrong in ("2008-04-31T99:99", "2008-03-31T25:99", "2008-04-31", "2008-02-30", "2008-03-31T12:60",
                  "2008-03-31T12:19junk", "2008-03-31T12", "31/03/2008", "20080331", "", None, 2008):
        assert editor_date(wrong) is None, wrong


def test_editors_metadata_as_strings_or_dates_gives_the_same_record(tmp_path):
    strings = {"date": "2008-03-31T12:19", "captured": "2008-04-02", "authors": ["Doe, John", " Jane  Roe "],
               "title": "A title", "site": "Hot Air", "type": "blog-post", "url": "https://hotair.com/x/"}
    dated = {**strings, "date": datetime(2008, 3, 31, 12, 19), "captured": date(2008, 4, 2)}
    records = []
    for meta in (strings, dated):
        record = _record(provenance={"corrected": {}})
        apply_document_meta(record, MarkdownFile(tmp_path / f"{NYT}.md", meta, ""), f"documents/{NYT}.md")
        records.append(record)
    assert records[0] == records[1]
    assert records[0]["date"] == "2008-03-31T12:19" and records[0]["provenance"]["captured"] == "2008-04-02"
    assert records[0]["authors"] == ["Doe, John", "Jane Roe"] and records[0]["provenance"]["type"] == "blog-post"


@pytest.mark.parametrize("line", ['captured: "2008-04-31T99:99"', "date: 2008-03-31T25:99", "date: 2008-02-30",
                                  "captured: 2008-04-31", "captured:", "date: [2008]"])
def test_an_impossible_editor_date_names_the_file(tmp_path, line):
    (tmp_path / f"{NYT}.md").write_text(f"---\n{line}\n---\n")
    with pytest.raises(EditorialError, match=f"^{tmp_path.name}/{NYT}.md: (captured|date) .*YYYY-MM-DD"):
        read_document_meta(tmp_path, {NYT})


def test_an_impossible_editor_date_fails_the_build_and_is_never_published(tmp_path):
    seeds, documents = tmp_path / "seeds", tmp_path / "documents"
    seeds.mkdir()
    documents.mkdir()
    shutil.copy(SEEDS / f"003_{NYT}.txt", seeds)
    for front in ('captured: "2008-04-31T99:99"', "date: 2008-03-31T25:99"):
        (documents / f"{NYT}.md").write_text(f"---\n{front}\n---\n")
        build = run_build(seeds, tmp_path / "out", "--documents", str(documents))
        assert build.returncode != 0 and not (tmp_path / "out").exists()
        assert f"documents/{NYT}.md: {front.split(':')[0]} " in build.stderr and "is not a real date" in build.stderr
        assert "Traceback" not in build.stderr


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
        assert record["source"]["sha256"] in text and "no public address" in text and "doc/" not in text
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
    # Each ¶ and # mark is the link to cite; the box says so, with an anchor the page has.
    example = box.select_one(".cite-anchors a")["href"]
    assert example == ("#p1" if record["paragraphs"] else "#c1") and html.find(id=example[1:])


def test_the_cite_box_names_only_anchors_the_page_has(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    comment = ("  {n}. Reader {n} says:\n     March 31, 2008 at {n}:00 pm\n\n"
               "    Comment {n} says something of its own here.\n\n")
    captures = {"aaaaaaaaaaaaaaaa": "An article with paragraphs\n\nBy Jane Roe\n\n"
                                    "A paragraph long enough to be the text of an article, and so it is.\n",
                "bbbbbbbbbbbbbbbb": "A page of comments only\n\n2 Responses to A page of comments only\n\n"
                                    + comment.format(n=1) + comment.format(n=2),
                "cccccccccccccccc": "A title and nothing else\n"}
    for n, (doc_id, text) in enumerate(captures.items()):
        (seeds / f"00{n}_{doc_id}.txt").write_text(text)
    build = run_build(seeds, tmp_path / "out")
    assert build.returncode == 0, build.stderr
    examples = {}
    for doc_id in captures:
        html, record = soup(tmp_path / "out/doc" / doc_id / "index.html"), record_of(tmp_path / "out", doc_id)
        examples[doc_id] = (len(record["paragraphs"]), len(record["comments"]),
                            [a["href"] for a in html.select(".cite-anchors a")])
        assert all(html.find(id=a["href"][1:]) for a in html.select("section.cite a[href^='#']"))
    assert examples == {"aaaaaaaaaaaaaaaa": (1, 0, ["#p1"]), "bbbbbbbbbbbbbbbb": (0, 2, ["#c1"]),
                        "cccccccccccccccc": (0, 0, [])}


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
    kinds = {doc: soup(site.output / "doc" / doc / "index.html").select_one(".provenance").get_text(" ")
             for doc in (HOT_AIR, NYT)}
    assert "newspaper article (a dateline opens the text)" in kinds[NYT]  # the kind says why
    assert "blog post (a blog's furniture: “Trackbacks”)" in kinds[HOT_AIR]


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
    documents = list(csv.DictReader(io.StringIO((exports / "documents.csv").read_text(encoding="utf-8-sig"))))
    assert {d["id"]: d["title"] for d in documents} == {k: v[0] for k, v in SEED_TITLES.items()}
    assert {d["id"]: int(d["comments"]) for d in documents} == {k: v[1] for k, v in SEED_TITLES.items()}
    comments = list(csv.DictReader(io.StringIO((exports / "comments.csv").read_text(encoding="utf-8-sig"))))
    assert len(comments) == 49
    for name in ("documents.csv", "comments.csv"):  # UTF-8 with a byte-order mark: what spreadsheets expect
        assert (exports / name).read_bytes().startswith(b"\xef\xbb\xbfid," if name == "documents.csv"
                                                       else b"\xef\xbb\xbfdocument_id,")
    texts = " ".join(c["text"] for c in comments)
    assert any(ord(ch) > 127 for ch in texts) and "\ufffd" not in texts  # non-ASCII survives the round trip
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
    archived = {"cite-chicago": "Archived November 14, 2023 at", "cite-apa": "Archived November 14, 2023 at",
                "cite-mla": "Archived 14 Nov. 2023 at"}  # the build's date (SOURCE_DATE_EPOCH), in each style's way
    assert {c["id"]: c.get_text().split(f" {url}.")[0][-len(archived[c["id"]]):]
            for c in html.select(".citation")} == archived
    assert html.find("link", rel="stylesheet")["href"] == "../../theme/css/archive.css"  # still works from disk
    assert html.select_one(".provenance time[datetime='2023-11-14']").get_text() == "2023-11-14"
    assert f"url = {{{url}}}" in (out / "doc" / HOT_AIR / "cite.bib").read_text()
    sitemap = ElementTree.parse(out / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in sitemap.findall("s:url/s:loc", ns)]
    assert all(loc.startswith("https://example.org/archive/") for loc in locs)
    assert {f"https://example.org/archive/doc/{d}/" for d in SEED_TITLES} <= set(locs)
    assert {m.text for m in sitemap.findall("s:url/s:lastmod", ns)} == {"2023-11-14"}
    rows = list(csv.DictReader(io.StringIO((out / "exports" / "documents.csv").read_text(encoding="utf-8-sig"))))
    assert {r["permalink"] for r in rows} == {f"https://example.org/archive/doc/{d}/" for d in SEED_TITLES}


def test_hostile_capture_is_escaped_in_metadata_and_downloads(tmp_path):
    build_one(tmp_path, FIXTURES / "captures" / "hostile.txt", "eeeeeeeeeeeeeeee")
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
    comments = list(csv.DictReader(io.StringIO((tmp_path / "out/exports/comments.csv").read_text(encoding="utf-8-sig"))))
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
    assert "Captured September 7, 2014; archived in a copy of the archive that has no public address" in html.select_one(
        "#cite-chicago").get_text()
    assert json.loads((tmp_path / "out/doc" / NYT / "cite.json").read_text())[0]["accessed"] == {
        "date-parts": [[2014, 9, 7]]}
    # An id no document has is a build error naming the file.
    (documents / "0123456789abcdef.md").write_text("---\ncaptured: 2014-09-07\n---\n")
    build = run_build(seeds, tmp_path / "out", "--documents", str(documents))
    assert build.returncode != 0 and "documents/0123456789abcdef.md: no document has the id" in build.stderr


# In a browser, from disk ----------------------------------------------------------

PUBLIC = "https://example.org/archive"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The seeds built for a public address (and opened from disk all the same)."""
    build = run_build(SEEDS, tmp_path_factory.mktemp("published") / "out", "--publish",
                      env={"ARCHIVE_SITEURL": PUBLIC})
    assert build.returncode == 0, build.stderr
    return build


def test_a_copy_without_a_public_address_says_so_and_never_offers_a_file_address(site, browser):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site.output / "doc" / HOT_AIR / "index.html").as_uri())
    box = page.locator("section.cite")
    assert "this copy has no public address: build with ARCHIVE_SITEURL to cite it" in box.inner_text()
    assert "no public address" in page.locator("#cite-chicago").inner_text()
    assert "ARCHIVE_SITEURL" not in page.locator("#cite-chicago").inner_text()  # the builder's note stays out of citations
    assert page.get_by_role("button", name="Copy the link to paragraph 3").count() == 0
    assert page.get_by_role("button", name="Copy the APA citation").count() == 1  # the words can still be copied
    assert not page.locator(".cite-passage").is_visible()
    assert "file://" not in page.content() and errors == []
    page.close()


def test_copy_buttons_and_a_passage_link_work_from_disk(published, browser):
    site = published
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors, requests = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("request", lambda request: requests.append(request.url))
    here = (site.output / "doc" / HOT_AIR / "index.html").as_uri()
    url = f"{PUBLIC}/doc/{HOT_AIR}/"  # what is copied: the public address, never the file's
    page.goto(here)
    status = page.locator(".cite-status")
    page.get_by_role("button", name="Copy the link to paragraph 3").click()
    expect(status).to_contain_text(f"{url}#p3")  # said once the clipboard has it (it answers asynchronously)
    assert page.evaluate("navigator.clipboard.readText()") == f"{url}#p3"
    page.get_by_role("button", name="Copy the link to comment 5").click()
    expect(status).to_contain_text(f"{url}#c5")
    assert page.evaluate("navigator.clipboard.readText()") == f"{url}#c5"
    page.get_by_role("button", name="Copy the APA citation").click()
    expect(status).to_contain_text("Allahpundit. (2008, March 31).")
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
    expect(status).to_contain_text("Link to the passage copied")
    assert page.evaluate("navigator.clipboard.readText()") == link
    page.goto("about:blank")
    page.goto(link.replace(url, here))  # the same link, on this copy
    assert page.evaluate("location.hash") == "#p3"  # the text directive is the browser's, not the page's
    top, bottom = page.evaluate("(() => { const r = document.getElementById('p3').getBoundingClientRect(); "
                                "return [r.top, r.bottom]; })()")
    assert page.evaluate("scrollY") > 0, "the text fragment did not match"
    assert bottom > 0 and top < page.viewport_size["height"]
    assert errors == [] and all(u.startswith(("file://", "about:")) for u in requests)
    context.close()


_POINT_ON_PLAIN_TEXT = """selector => {
    const walker = document.createTreeWalker(document.querySelector(selector), NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node.data.trim().length < 10 || node.parentElement.closest('a, button, header')) node = walker.nextNode();
    const range = document.createRange(), at = node.data.search(/\\S/) + 2;
    range.setStart(node, at); range.setEnd(node, at + 1);
    const r = range.getBoundingClientRect();
    return [r.x + r.width / 2, r.y + r.height / 2];
}"""
# From just left of a block's first line (its ¶ mark) to just right of its last character.
_EDGES = """selector => {
    const block = document.querySelector(selector), range = document.createRange();
    range.selectNodeContents(block);
    const rects = range.getClientRects(), first = rects[0], last = rects[rects.length - 1];
    return [block.getBoundingClientRect().left - 3, first.top + first.height / 2,
            last.right + 1, last.top + last.height / 2];
}"""


def test_a_selected_paragraph_or_comment_links_to_its_own_words(published, browser):
    site = published
    page = browser.new_page()
    here = (site.output / "doc" / HOT_AIR / "index.html").as_uri()
    url = f"{PUBLIC}/doc/{HOT_AIR}/"
    record = record_of(site.output, HOT_AIR)
    # ¶3, and the line of comment #5 that is its own (its first quotes ¶9, so a fragment would find ¶9).
    own = {("p3", "#p3"): record["paragraphs"][2]["text"],
           ("c5", "#c5 > p"): record["comments"][4]["text"].split("\n")[1]}
    for (anchor, selector), text in own.items():
        for how in ("triple-click", "drag from the ¶ mark"):
            page.goto(here)
            page.locator(selector).scroll_into_view_if_needed()
            if how == "triple-click":
                page.mouse.click(*page.evaluate(_POINT_ON_PLAIN_TEXT, selector), click_count=3)
            else:
                x0, y0, x1, y1 = page.evaluate(_EDGES, selector)
                page.mouse.move(x0, y0)
                page.mouse.down()
                page.mouse.move(x1, y1, steps=5)
                page.mouse.up()
            assert page.evaluate("getSelection().toString()").strip()
            link = page.input_value("#passage-link")
            assert link.startswith(f"{url}#{anchor}:~:text="), how
            start, _, end = (unquote(part) for part in link.split(":~:text=")[1].partition(","))
            assert text.startswith(start + " ") and text.endswith(" " + end), (how, start, end)  # no "¶3 copy"
            page.goto("about:blank")
            page.goto(link.replace(url, here).replace(f"#{anchor}:~:", "#:~:"))  # the text alone finds it
            top, bottom = page.evaluate("s => { const r = document.querySelector(s).getBoundingClientRect(); "
                                        "return [r.top, r.bottom]; }", selector)
            assert page.evaluate("scrollY") > 0 and bottom > 0 and top < page.viewport_size["height"], how
    page.close()


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


def test_a_dateline_place_or_a_wire_after_the_byline_is_never_cited_as_an_author():
    from archive.reading.capture import read_capture
    from archive.reading.parse import parse_text
    from archive.record import build_record

    capture = read_capture(FIXTURES / "captures" / "news-two-authors-dateline.txt")
    record = build_record(capture, parse_text(capture.text))
    chicago_text = as_text(chicago(work_of(record, "https://example.org/a/doc/x/")))
    assert chicago_text.startswith("Haddad, Laila, and James Porter. “Water talks resume")
    assert "Baghdad" not in chicago_text
    for byline, authors in (("James Porter, Reuters", ["James Porter"]),
                            ("Laila Haddad and James Porter, Associated Press", ["Laila Haddad", "James Porter"]),
                            ("Eric Schmitt, Mark Mazzetti and Michael R. Gordon",
                             ["Eric Schmitt", "Mark Mazzetti", "Michael R. Gordon"])):
        assert split_names(byline) == authors


def test_an_editors_date_replaces_a_date_whose_year_was_inferred_and_the_inference_with_it():
    from archive.reading.capture import read_capture
    from archive.record import build_record

    record = build_record(read_capture(FIXTURES / "captures" / "yearless-wire-dateline.txt"))
    assert record["date_inferred"] == "the year of the page's copyright notice (2009)"
    apply_document_meta(record, MarkdownFile(Path("x.md"), {"date": "2008-03-03"}, ""), "documents/x.md")
    assert (record["date"], "date_inferred" in record) == ("2008-03-03", False)
    assert record["provenance"]["corrected"] == {"date": "2009-03-03"}
