"""Editors' notes: read, anchored by their words, shown beside them, exported.

Unit tests drive `archive.linking.annotations` (plain Python); the rest build real
archives with `invoke build` (the seeds with their committed notes, or small
archives of their own with `--annotations` and `--permalinks` in a temporary
folder) and read them as a reader would, in Chromium where a page does
something in a browser.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from archive.linking.annotations import annotate
from archive.linking.annotations.anchoring import Block, Unplaced, place
from archive.linking.annotations.notes import parse_notes, read_notes

NOTES = ROOT / "content" / "annotations"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def note(target: str, quote: str | None = None, body: str = "A note.", **keys) -> str:
    lines = [f"target: {target}"] + ([f"quote: {json.dumps(quote)}"] if quote else [])
    lines += [f"{k}: {json.dumps(v)}" for k, v in {"id": "n", "author": "An Editor", **keys}.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + body + "\n"


# Reading the files --------------------------------------------------------------

def test_a_file_holds_several_notes_each_with_its_line():
    text = note("doc/aaaa/", "the words", id="first") + "\n" + note("doc/aaaa/#p2", id="second", body="Two\nlines.")
    notes, problems = parse_notes(text, "content/annotations/x.md")
    assert problems == []
    assert [(n.id, n.line, n.target.url, n.quote) for n in notes] == [
        ("first", 1, "doc/aaaa/", "the words"), ("second", 9, "doc/aaaa/#p2", None)]
    assert notes[1].body == "Two\nlines." and notes[1].body_line == 14


@pytest.mark.parametrize("header, line, expected", [
    ("target: doc/aaaa/\nquote: x\nid: a", 8, "'author' is missing"),
    ("target: doc/aaaa/\nid: a\nauthor: E", 9, "name the words the note is about"),
    ("target: somewhere\nid: a\nauthor: E", 9, "'target' 'somewhere' is not"),
    ("target: doc/aaaa/\nquote: x\nid: Not A Slug\nauthor: E", 11, "'id' must be a lowercase slug"),
    ("target: doc/aaaa/\nquote: x\nqoute: x\nid: a\nauthor: E", 11, "unknown key 'qoute'"),
    ("target: doc/aaaa/\nquote: x\nid: a\nauthor: E\ndate: 2026-02-30", 13, "'date' must be a real date"),
    ("target: quote/0123456789ab/\nquote: x\nid: a\nauthor: E", 10, "about the whole passage"),
])
def test_a_bad_note_is_named_with_its_file_and_line_and_the_others_are_read(header, line, expected):
    good = note("doc/aaaa/", "words", id="good")
    notes, problems = parse_notes(good + f"---\n{header}\n---\nBody.\n", "content/annotations/x.md")
    assert [n.id for n in notes] == ["good"]
    assert problems == [f"content/annotations/x.md, line {line}: " + problems[0].split(": ", 1)[1]]
    assert expected in problems[0]


def test_every_mistake_in_a_header_is_reported_at_once_each_at_its_line():
    text = "---\ntarget: doc/aaaa/\nqoute: x\nid: Bad_ID\ntags: {a: b}\n---\nBody.\n"
    notes, problems = parse_notes(text, "x.md")
    assert notes == []
    assert [p.split(": ", 1)[0] for p in problems] == ["x.md, line 3", "x.md, line 4", "x.md, line 2",
                                                       "x.md, line 1", "x.md, line 5"]
    assert ["qoute" in problems[0], "slug" in problems[1], "'quote:'" in problems[2], "author" in problems[3],
            "tags" in problems[4]] == [True] * 5


def test_an_unclosed_header_and_a_duplicate_id_across_files(tmp_path):
    (tmp_path / "a.md").write_text(note("doc/aaaa/", "one", id="same"))
    (tmp_path / "b.md").write_text(note("doc/aaaa/", "two", id="same") + "---\nid: open\n")
    (tmp_path / "README.md").write_text("# not a note\n")
    notes, problems = read_notes(tmp_path, "notes")
    assert [n.file for n in notes] == ["notes/a.md"]
    assert "notes/b.md, line 1: the note id 'same' is already used at notes/a.md, line 1" in problems[1]
    assert problems[0] == "notes/b.md, line 8: this note's header is never closed with '---'"


# Anchoring by the words -----------------------------------------------------------

BLOCKS = [Block("p1", "The lawmakers met General Suleimani in Qom."),
          Block("p2", "Later, the lawmakers met \u201cthe general\u201d\u00a0again\nin   Tehran."),
          Block("c1", "A reader: the lawmakers met nobody.")]


def test_the_words_are_found_whatever_the_spacing_case_and_quote_marks():
    found = place('The General" again in tehran', BLOCKS)
    assert (found.block, BLOCKS[1].text[found.start:found.end]) == ("p2", "the general\u201d\u00a0again\nin   Tehran")
    assert found.exact == BLOCKS[1].text[found.start:found.end]
    assert found.prefix.endswith("lawmakers met \u201c") and found.suffix == "."


def test_repeated_words_are_ambiguous_until_a_prefix_or_suffix_chooses():
    with pytest.raises(Unplaced, match=r"stand 3 times \(¶1, ¶2, comment #1\).*add 'prefix:' or 'suffix:'"):
        place("the lawmakers met", BLOCKS)
    assert place("the lawmakers met", BLOCKS, prefix="Later,").block == "p2"
    assert place("the lawmakers met", BLOCKS, suffix="nobody").block == "c1"
    with pytest.raises(Unplaced, match=r"stand in ¶1, ¶2, comment #1, but not after the prefix"):
        place("the lawmakers met", BLOCKS, prefix="nothing like this")
    twice = [Block("p1", "Later, the lawmakers met him."), Block("p2", "Later, the lawmakers met her.")]
    with pytest.raises(Unplaced, match="prefix/suffix do not tell them apart"):
        place("the lawmakers met", twice, prefix="Later,")


def test_a_prefix_or_suffix_that_no_longer_holds_unplaces_the_note_and_words_are_whole():
    # the editor chose the "except" before "from Unsavoury allies"; once the capture says "excerpt"
    # there, the other "except" must not take the note
    blocks = [Block("p4", "read an except from an Economist piece"), Block("p5", "An excerpt from Unsavoury allies")]
    with pytest.raises(Unplaced, match="but not after the prefix or before the suffix"):
        place("except", blocks, suffix="from Unsavoury allies")
    with pytest.raises(Unplaced, match="the quoted words are not in ¶1"):
        place("cleric", [Block("p1", "The clerical establishment met.")])
    assert place("cleric", [Block("p1", "The clerical establishment met the cleric.")]).start == 35


def test_words_no_longer_there_are_not_placed_and_the_nearest_is_only_suggested():
    with pytest.raises(Unplaced) as why:
        place("met General Soleimani in Qom", BLOCKS)
    assert "not in any one paragraph or comment" in str(why.value)
    assert "nearest words are in ¶1: “met General Suleimani in Qom”" in str(why.value)


def record(doc: str, paragraphs: list[str], comments: list[str] = ()) -> dict:
    return {"id": doc, "url": f"doc/{doc}/", "title": "T", "source": {"file": f"{doc}.txt"},
            "paragraphs": [{"id": f"p{n}", "line": n, "text": t} for n, t in enumerate(paragraphs, 1)],
            "comments": [{"id": f"c{n}", "text": t} for n, t in enumerate(comments, 1)]}


def test_a_note_keeps_its_words_and_its_number_when_the_paragraphs_are_renumbered():
    notes, _ = parse_notes(note("doc/d1/", "met General Suleimani", id="rank"), "notes/x.md")
    before = annotate(notes, [record("d1", ["Intro.", "They met General Suleimani."])], [], {})
    assert [(s.anchor, s.block) for s in before.pages["doc/d1/"]] == [("a1", "p2")]
    after = annotate(notes, [record("d1", ["A new first paragraph.", "Intro.", "They met General Suleimani."])],
                     [], {}, registered=before.permalinks())
    shown = after.pages["doc/d1/"]
    assert [(s.anchor, s.block, s.place.exact) for s in shown] == [("a1", "p3", "met General Suleimani")]


def test_a_whole_paragraph_note_follows_its_words_not_its_number():
    notes, _ = parse_notes(note("doc/d1/#p2", id="whole"), "notes/x.md")
    first = annotate(notes, [record("d1", ["Intro.", "The paragraph the note is about."])], [], {})
    seen = first.block_prints()
    assert list(seen) == ["whole"] and seen["whole"].startswith("doc/d1/#p2@")
    grown = [record("d1", ["A new first paragraph.", "Intro.", "The paragraph the note is about."])]
    moved = annotate(notes, grown, [], {}, registered=first.permalinks(), blocks_seen=seen)
    assert [(s.anchor, s.block) for s in moved.pages["doc/d1/"]] == [("a1", "p3")] and moved.problems == []
    rewritten = [record("d1", ["Intro.", "A paragraph that now says something else."])]
    lost = annotate(notes, rewritten, [], {}, registered=first.permalinks(), blocks_seen=seen)
    assert [(s.anchor, bool(s.lost)) for s in lost.pages["doc/d1/"]] == [("a1", True)]
    assert "is no longer in the text as it was" in lost.problems[0]


def test_a_note_moved_to_another_document_is_reported_until_its_old_anchor_is_retired():
    notes, _ = parse_notes(note("doc/d2/", "Intro", id="moved"), "notes/x.md")
    records = [record("d1", ["Intro one."]), record("d2", ["Intro two."])]
    stuck = annotate(notes, records, [], {}, registered={"moved": ["doc/d1/#a1"]})
    assert [s.lost is not None for s in stuck.pages["doc/d1/"]] == [True]
    assert "published at doc/d1/#a1, which it no longer targets" in stuck.problems[0]
    retired = annotate(notes, records, [], {}, registered={"moved": ["doc/d1/#a1"]},
                       retired={"doc/d1/#a1": "doc/d1/"})
    assert "doc/d1/" not in retired.pages and retired.problems == []
    assert [s.permalink for s in retired.pages["doc/d2/"]] == ["doc/d2/#a1"]


def test_a_note_on_a_passage_follows_it_when_passages_merge_or_split():
    from archive.linking.links import Occurrence, SharedPassage

    text = "The lawmakers met General Suleimani in Qom."
    new = SharedPassage("bbbbbbbbbbbb", [Occurrence(doc, "p1", text, {"p1": (0, len(text))}, 7) for doc in ("d1", "d2")])
    records = [record("d1", [text]), record("d2", [text])]
    notes, _ = parse_notes(note("quote/aaaaaaaaaaaa/", id="on-passage"), "notes/x.md")
    gone = annotate(notes, records, [new], {})
    assert "no shared passage quote/aaaaaaaaaaaa/" in gone.problems[0]
    moved = annotate(notes, records, [new], {}, passage_moves={"aaaaaaaaaaaa": "bbbbbbbbbbbb"})
    assert moved.problems == []
    assert sorted(moved.pages) == ["doc/d1/", "doc/d2/", "quote/bbbbbbbbbbbb/"]
    assert moved.pages["doc/d2/"][0].spans == [("p1", 0, len(text))]


def test_a_comment_quote_across_its_lines_and_overlapping_notes_are_cut_for_the_page():
    from archive.linking.annotations import highlights
    from archive.publishing.marks import pieces

    doc = record("d1", ["One paragraph here."], ["First line of the comment\nsecond line of it."])
    notes, _ = parse_notes(note("doc/d1/", "the comment second line", id="across")
                           + note("doc/d1/", "comment second", id="inner"), "notes/x.md")
    shown = annotate(notes, [doc], [], {}).pages["doc/d1/"]
    cut = highlights(shown, doc)
    assert cut[("c1", 0)] == [(14, 25, "a1", False), (18, 25, "a2", False)]
    assert cut[("c1", 1)] == [(0, 11, "a1", True), (0, 6, "a2", True)]
    line = pieces("First line of the comment", notes=cut[("c1", 0)])
    assert [(p.text, p.notes) for p in line] == [("First line of ", ()), ("the ", ("a1",)),
                                                 ("comment", ("a1", "a2"))]
    second = pieces("second line of it.", notes=cut[("c1", 1)])
    assert [(p.text, p.notes, p.markers) for p in second] == [("second", ("a1", "a2"), ("a2",)),
                                                              (" line", ("a1",), ("a1",)), (" of it.", (), ())]


def test_a_published_note_that_lost_its_words_keeps_its_anchor_and_says_why():
    notes, _ = parse_notes(note("doc/d1/", "met General Suleimani", id="rank")
                           + note("doc/d1/", "Intro", id="intro"), "notes/x.md")
    registered = {"rank": ["doc/d1/#a2"], "intro": ["doc/d1/#a1"]}
    result = annotate(notes, [record("d1", ["Intro.", "They met the general."])], [], {}, registered=registered)
    lost = [s for s in result.pages["doc/d1/"] if s.lost]
    assert [(s.anchor, s.note.id) for s in lost] == [("a2", "rank")]
    assert lost[0].lost == "the quoted words are not in any one paragraph or comment of the document"
    # the editors are told where the nearest words are; the page's readers only why the note lost its place
    assert result.problems == [f"notes/x.md, line 3: note 'rank' on doc/d1/ is not placed: {lost[0].lost}; "
                               "the nearest words are in ¶2: “met the general” (61 % alike)"]
    new, _ = parse_notes(note("doc/d1/", "the general", id="new"), "notes/y.md")
    grown = annotate(notes + new, [record("d1", ["Intro.", "They met the general."])], [], {}, registered=registered)
    assert {s.note.id: s.anchor for s in grown.pages["doc/d1/"]} == {"intro": "a1", "rank": "a2", "new": "a3"}


def test_short_links_that_name_nothing_are_problems_with_their_line():
    body = ("\nSee [[doc:d1#p2]] and [[doc:d1#p9]],\nthen [[actor:nobody]] and [[quote:0123456789ab]].\n"
            "And [[Actor: somebody]].")
    notes, _ = parse_notes(note("doc/d1/", "Intro", id="links", body=body), "notes/x.md")
    result = annotate(notes, [record("d1", ["Intro.", "Two."])], [], {"somebody": "Some Body"})
    assert result.problems == [
        "notes/x.md, line 8: [[doc:d1#p9]]: “T” has no paragraph p9",
        "notes/x.md, line 9: [[actor:nobody]]: no actor 'nobody' (content/actors/nobody.md)",
        "notes/x.md, line 9: [[quote:0123456789ab]]: no shared passage quote/0123456789ab/ in this build",
        "notes/x.md, line 10: [[Actor: somebody]]: not a short link; write [[doc:<id>]], [[doc:<id>#p2]], "
        "[[quote:<id>]], [[actor:<id>]] or [[note:<id>]], optionally with |words"]


def test_the_registry_refuses_one_note_anchor_claimed_by_two_notes():
    from archive.publishing.permalinks import PermalinkError, load_text

    text = json.dumps({"documents": {}, "notes": {"a": ["doc/d1/#a1"], "b": ["doc/d1/#a1"]}})
    with pytest.raises(PermalinkError, match="doc/d1/#a1 is registered for two notes, 'a' and 'b'"):
        load_text(text)


# The seeds' notes, published ----------------------------------------------------

def seed_notes() -> list:
    notes, problems = read_notes(NOTES)
    assert problems == []
    return notes


def test_the_seeds_notes_cover_every_kind_of_target():
    notes = seed_notes()
    assert len(notes) >= 8
    kinds = {("passage" if n.target.passage else "comment" if (n.target.block or "").startswith("c")
              else "paragraph" if n.target.block else "words") for n in notes}
    assert kinds == {"passage", "comment", "paragraph", "words"}
    assert any(n.prefix or n.suffix for n in notes)


def test_every_note_is_shown_at_its_words_with_marker_aside_and_cite_line(site):
    registry = json.loads((ROOT / "content" / "permalinks.json").read_text())["notes"]
    seen = 0
    for note_ in seed_notes():
        assert note_.id in registry, note_.id
        for permalink in registry[note_.id]:
            page, anchor = permalink.split("#")
            html = soup(site.output / page / "index.html")
            aside = html.find(id=anchor)
            assert aside is not None and aside.name == "aside", permalink
            assert note_.author in aside.get_text()
            if page.startswith("doc/"):
                ref = html.find(id=f"{anchor}-ref")
                assert ref["href"] == f"#{anchor}" and ref["aria-describedby"] == f"{anchor}-text"
                assert aside.find("a", href=f"#{anchor}-ref"), "the note links back to its words"
                assert aside.find(class_="note-citation").get_text().endswith(permalink)
                block = html.find(id=note_.target.block) if note_.target.block else None
                if note_.quote:
                    marked = "".join(m.get_text() for m in html.select(f'mark.noted[data-notes~="{anchor}"]'))
                    assert " ".join(marked.split()) == note_.quote, permalink
                elif block is not None:
                    assert block.find(id=f"{anchor}-ref"), "a whole-block note's marker is in its block"
            seen += 1
    assert seen >= 10


def test_notes_are_in_each_record_and_its_selectors_point_at_the_words(site):
    import jsonschema

    schema = json.loads((ROOT / "plugins" / "archive" / "record.schema.json").read_text())
    found = 0
    for path in (site.output / "doc").glob("*/record.json"):
        data = json.loads(path.read_text())
        jsonschema.validate(data, schema)
        texts = {b["id"]: b["text"] for b in data["paragraphs"] + data["comments"]}
        for entry in data["annotations"]:
            selector = entry["selector"]
            assert texts[selector["block"]][selector["start"]:selector["end"]] == selector["exact"]
            found += 1
    assert found >= 10


def test_the_web_annotation_export_parses_and_each_exact_text_stands_at_its_place(site):
    data = json.loads((site.output / "exports" / "annotations.jsonld").read_text())
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld" and data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    assert data["total"] == len(items) >= 10
    records = {p.parent.name: json.loads(p.read_text()) for p in (site.output / "doc").glob("*/record.json")}
    def words(text: str) -> str:
        return " ".join(text.split())

    for item in items:
        assert item["type"] == "Annotation" and item["motivation"] == "commenting"
        targets = item["target"] if isinstance(item["target"], list) else [item["target"]]
        doc = targets[0]["source"].strip("./").split("/")[-1]
        page = soup(site.output / "doc" / doc / "index.html")
        anchor = item["id"].split("#")[1]
        assert page.find(id=anchor).name == "aside", "the annotation's id is the note on the page"
        for target in targets:
            fragment, quote = target["selector"]
            assert fragment["type"] == "FragmentSelector" and quote["type"] == "TextQuoteSelector"
            assert fragment["refinedBy"] == quote
            # the words, with what stands before and after them, are in the element the fragment names
            element = page.find(id=fragment["value"])
            assert element is not None and element.name in ("p", "article")
            assert words(quote["prefix"] + quote["exact"] + quote["suffix"]) in words(element.get_text()), item["id"]
            block = next(b for b in records[doc]["paragraphs"] + records[doc]["comments"]
                         if b["id"] == fragment["value"])
            assert block["text"].count(quote["prefix"] + quote["exact"] + quote["suffix"]) == 1


def test_the_index_the_report_and_actor_pages_list_the_notes(site):
    index = soup(site.output / "annotations" / "index.html")
    headings = [h.get_text() for h in index.select("h2")]
    assert headings == ["By document", "By author", "By person or organisation", "Every note"]
    links = {a["href"] for a in index.select("main a[href]")}
    assert "../doc/93b7b02e6c168858/index.html#a2" in links
    assert index.find(id="note-nejafi-misspelt")
    actor = soup(site.output / "actor" / "osama-al-nujaifi" / "index.html")
    assert actor.select_one('.actor-notes a[href="../../doc/93b7b02e6c168858/index.html#a2"]')
    report = soup(site.output / "annotations" / "report.html")
    assert "Every note found its words." in report.get_text()


# Orphans, ambiguity, the registry ------------------------------------------------

CAPTURE = """Iraqi lawmakers travel to Qom

By Jane Roe

The lawmakers met General Suleimani in Qom on Friday, members of parliament said.

A second paragraph says that the lawmakers met the cleric as well, and then went home.

A third paragraph closes the article with a sentence long enough to read as text.
"""


@pytest.fixture
def small(tmp_path):
    seeds, notes = tmp_path / "seeds", tmp_path / "notes"
    seeds.mkdir()
    notes.mkdir()
    (seeds / "001_abcdef0123456789.txt").write_text(CAPTURE)
    return tmp_path


def build(folder: Path, *extra: str):
    return run_build(folder / "seeds", folder / "out", "--annotations", str(folder / "notes"),
                     "--permalinks", str(folder / "permalinks.json"), *extra)


def test_an_orphan_and_an_ambiguous_quote_are_reported_with_file_and_line(small):
    (small / "notes" / "ed.md").write_text(
        note("doc/abcdef0123456789/", "General Suleimani", id="fine")
        + note("doc/abcdef0123456789/", "General Soleimani in Qom", id="orphan")
        + note("doc/abcdef0123456789/", "the lawmakers met", id="twice"))
    strict = build(small, "--register", "--strict")
    assert strict.returncode != 0
    assert "notes/ed.md, line 10: note 'orphan' on doc/abcdef0123456789/ is not placed" in strict.stderr
    assert "notes/ed.md, line 17: note 'twice'" in strict.stderr and "stand 2 times (¶1, ¶2)" in strict.stderr
    assert not (small / "out").exists(), "a failed build leaves no site"
    done = build(small, "--register")
    assert done.returncode == 0, done.stderr
    assert "problem: " in done.stdout and "line 10: note 'orphan'" in done.stdout
    report = soup(small / "out" / "annotations" / "report.html").get_text()
    assert "notes/ed.md, line 10" in report and "notes/ed.md, line 17" in report
    assert "nearest words are in ¶1" in report
    page = soup(small / "out" / "doc" / "abcdef0123456789" / "index.html")
    assert [a["id"] for a in page.select("aside.note")] == ["a1"], "unplaced notes are never put anywhere"


def test_an_edited_capture_moves_a_note_with_its_words_or_keeps_it_at_its_anchor(small):
    capture = small / "seeds" / "001_abcdef0123456789.txt"
    (small / "notes" / "ed.md").write_text(note("doc/abcdef0123456789/", "met the cleric", id="cleric"))
    assert build(small, "--register").returncode == 0
    before = json.loads((small / "out" / "doc" / "abcdef0123456789" / "record.json").read_text())
    assert [(a["anchor"], a["selector"]["block"]) for a in before["annotations"]] == [("a1", "p2")]
    longer = CAPTURE.replace("By Jane Roe\n", "By Jane Roe\n\nAn editor's paragraph now opens the "
                                              "article, long enough to count as text of its own.\n")
    capture.write_text(longer)
    assert build(small, "--register").returncode == 0
    after = json.loads((small / "out" / "doc" / "abcdef0123456789" / "record.json").read_text())
    assert [(a["anchor"], a["selector"]["block"], a["selector"]["exact"]) for a in after["annotations"]] == [
        ("a1", "p3", "met the cleric")]
    capture.write_text(longer.replace("met the cleric", "saw the cleric"))
    done = build(small)
    assert done.returncode == 0, done.stderr
    page = soup(small / "out" / "doc" / "abcdef0123456789" / "index.html")
    lost = page.select_one("section.lost-notes aside#a1")
    assert lost is not None and "met the cleric" in lost.get_text()
    assert "not in any one paragraph" in lost.get_text() and "nearest" not in lost.get_text()  # that is for editors
    report = soup(small / "out" / "annotations" / "report.html").get_text()
    assert "doc/abcdef0123456789/#a1" in report and "nearest words are in ¶3: “saw the cleric”" in report


def test_a_draft_build_previews_a_new_note_before_it_is_registered(small):
    assert build(small, "--register").returncode == 0
    (small / "notes" / "ed.md").write_text(note("doc/abcdef0123456789/", "met the cleric", id="cleric"))
    refused = build(small)
    assert refused.returncode != 0 and "doc/abcdef0123456789/#a1 (the note 'cleric')" in refused.stderr
    draft = build(small, "--draft")
    assert draft.returncode == 0, draft.stderr
    assert "draft build: 1 new permalink(s) not registered" in draft.stdout
    assert soup(small / "out" / "doc" / "abcdef0123456789" / "index.html").find("aside", id="a1")
    assert "cleric" not in (small / "permalinks.json").read_text(), "a draft registers nothing"


def test_a_deleted_note_fails_the_build_until_its_anchor_is_retired(small):
    (small / "notes" / "ed.md").write_text(note("doc/abcdef0123456789/", "met the cleric", id="cleric"))
    assert build(small, "--register").returncode == 0
    (small / "notes" / "ed.md").unlink()
    failed = build(small)
    assert failed.returncode != 0 and "doc/abcdef0123456789/#a1 (the note 'cleric')" in failed.stderr
    registry = json.loads((small / "permalinks.json").read_text())
    registry["retired"]["doc/abcdef0123456789/#a1"] = "doc/abcdef0123456789/#p2"
    (small / "permalinks.json").write_text(json.dumps(registry))
    done = build(small)
    assert done.returncode == 0, done.stderr
    moved = soup(small / "out" / "doc" / "abcdef0123456789" / "index.html").select_one("p.moved#a1")
    assert moved is not None and moved.find("a")["href"] == "index.html#p2"


def test_a_notes_markdown_cannot_inject_script(small):
    body = ('<script>alert(1)</script> <img src=x onerror="alert(2)">\n\n'
            '[click](javascript:alert(3)) [data](data:text/html,hi) ![pic](http://example.com/x.png)\n\n'
            '[[doc:abcdef0123456789#p1|a <b>bold</b> link]]')
    (small / "notes" / "ed.md").write_text(note("doc/abcdef0123456789/", "General Suleimani", id="evil", body=body))
    done = build(small, "--register")
    assert done.returncode == 0, done.stderr
    html = (small / "out" / "doc" / "abcdef0123456789" / "index.html").read_text()
    aside = BeautifulSoup(html, "html.parser").find(id="a1")
    assert aside.find("script") is None and aside.find("img") is None and aside.find("b") is None
    assert all(not a["href"].startswith(("javascript:", "data:")) for a in aside.find_all("a", href=True))
    assert "<script>alert(1)</script>" in aside.get_text()
    assert aside.find("a", href="../../doc/abcdef0123456789/index.html#p1").get_text() == "a <b>bold</b> link"
    exported = (small / "out" / "exports" / "annotations.jsonld").read_text()
    assert "<script>" not in json.loads(exported)["first"]["items"][0]["body"][1]["value"]


# In the browser -------------------------------------------------------------------

@pytest.mark.parametrize("width", [1280, 390])
def test_highlight_marker_and_note_sit_where_a_reader_expects(site, browser, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto((site.output / "doc" / "86ae2184d8d7729f" / "index.html").as_uri())
    mark = page.locator('mark.noted[data-notes~="a1"]').first
    marker = page.locator("#a1-ref")
    aside = page.locator("aside#a1")
    paragraph = page.locator("#p1")
    for element in (mark, marker, aside):
        assert element.is_visible()
    text_box, aside_box, mark_box = paragraph.bounding_box(), aside.bounding_box(), mark.bounding_box()
    assert aside_box["x"] + aside_box["width"] <= width, "the note stays on the screen"
    if width >= 1200:
        assert aside_box["x"] >= text_box["x"] + text_box["width"], "in the margin, beside the text"
        assert abs(aside_box["y"] - text_box["y"]) < 40, "level with its paragraph"
        # a note taller than its paragraph leaves no gap in the text, and the next note does not run into it
        assert page.locator("#p2").bounding_box()["y"] - (text_box["y"] + text_box["height"]) < 40
        assert aside_box["height"] > text_box["height"]
        second = page.locator("aside#a2").bounding_box()
        assert second["y"] >= aside_box["y"] + aside_box["height"]
    else:
        assert aside_box["y"] >= text_box["y"] + text_box["height"] - 1, "right after its paragraph"
        assert aside_box["y"] < page.locator("#p2").bounding_box()["y"], "before the next one"
    background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert mark_box["width"] > 0
    page.close()


def test_the_keyboard_reaches_a_note_and_comes_back(site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((site.output / "doc" / "93b7b02e6c168858" / "index.html").as_uri())
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "a2-ref":
            break
    else:
        pytest.fail("Tab never reached the marker of note 2")
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "a2-text"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#a2"
    back = page.locator("aside#a2 a.note-back, aside#a2 .note-head a").first
    back.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#a2-ref"
    page.close()


def test_search_finds_a_note_and_says_it_is_one(site, browser):
    page = browser.new_page()

    def results(query: str) -> list[dict]:
        page.goto((site.output / "search.html").as_uri() + "?" + query)
        page.wait_for_function("() => { const s = document.getElementById('search-status').textContent;"
                               " return s && !s.startsWith('Searching'); }", timeout=15000)
        return page.eval_on_selector_all("li.result", """items => items.map(li => ({
            href: li.querySelector('a.result-title').getAttribute('href'),
            where: li.querySelector('.result-where').textContent}))""")

    found = results("q=transliteration")  # a word only the note on "Hadi al Ameri" uses
    assert [(r["href"].split("/doc/")[1], r["where"]) for r in found] == [
        ("d6d6914bedf28798/index.html#a2", "In an editors' note by Archive editors (note 2)")]
    in_notes = results("q=McClatchy&in=notes")
    assert in_notes and all(r["where"].startswith("In an editors' note") for r in in_notes)
    # in the notes, the person filter is the one the notes are tagged with
    tagged = results("q=McClatchy&in=notes&actor=bill-roggio")
    assert [r["href"].split("/doc/")[1].split("/")[0] for r in tagged] == ["86ae2184d8d7729f"]
    assert results("q=editors&in=notes") == [], "the notes' author is not their text"
    assert all(not r["where"].startswith("In an editors' note") for r in results("q=McClatchy&in=article"))
    page.close()
