"""Fixture-driven parsing tests: each capture beside the record it must give.

`fixtures/seeds/<name>.expected.json` describes `seeds/<name>.txt`;
`fixtures/captures/<case>.expected.json` describes `<case>.txt` beside it.
A new layout needs a new fixture pair, not new test code (fixtures/README.md).
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from archive.reading.capture import read_capture
from archive.reading.parse import parse_text
from archive.reading.state import BODY, BOILERPLATE, FOOTER
from archive.record import build_record
from scoring import ROOT, fixture_cases, load_expected, record_differences

# Cases the parser does not read right yet, and why: each is a known limitation,
# reported by `invoke quality`; strict, so that a fix is noticed.
KNOWN_FAILURES: dict[str, str] = {}
SCHEMA = json.loads((ROOT / "plugins" / "archive" / "record.schema.json").read_text())
CASES = [pytest.param(capture, expected, id=case) for case, capture, expected in fixture_cases()]
RECORD_CASES = [
    pytest.param(capture, expected, id=case,
                 marks=[pytest.mark.xfail(reason=KNOWN_FAILURES[case], strict=True)] if case in KNOWN_FAILURES else [])
    for case, capture, expected in fixture_cases()
]


@pytest.mark.parametrize(("capture", "expected_file"), RECORD_CASES)
def test_capture_gives_expected_record(capture, expected_file):
    want = load_expected(expected_file)
    record = build_record(read_capture(capture))
    jsonschema.validate(record, SCHEMA)
    assert record_differences(record, want) == []


@pytest.mark.parametrize(("capture", "expected_file"), CASES)
def test_every_line_has_one_role_and_the_capture_rebuilds(capture, expected_file):
    text = read_capture(capture).text
    state = parse_text(text)
    assert all(line.role for line in state.lines)
    assert "".join(line.raw + line.ending for line in state.lines) == text
    assert all(line.why for line in state.lines if line.role == "boilerplate")


BLOGGER_THREAD = """A post

The post's only paragraph, long enough to be the article text of this page.

3 comments:

Ann Lowe said...

you left out the salt.

November 9, 2012 4:29 PM

Pan Handler said...

Trying this on Sunday.

PS the salt is missing from your list.

November 9, 2012 5:20 PM

Anna said...

Lovely.

November 9, 2012 6:02 PM

Post a Comment
"""


def test_a_comment_owns_every_line_of_its_header_and_footer():
    state = parse_text(BLOGGER_THREAD, model=False)
    spans = [[state.lines[i].stripped for i in (c.own_lines()[0], c.own_lines()[-1])] for c in state.comments]
    assert spans == [["Ann Lowe said...", "November 9, 2012 4:29 PM"],
                     ["Pan Handler said...", "November 9, 2012 5:20 PM"],
                     ["Anna said...", "November 9, 2012 6:02 PM"]]
    assert [c.date for c in state.comments] == ["2012-11-09T16:29", "2012-11-09T17:20", "2012-11-09T18:02"]


@pytest.mark.parametrize(("capture", "expected_file"), CASES)
def test_every_comment_header_line_belongs_to_exactly_one_comment(capture, expected_file):
    state = parse_text(read_capture(capture).text)
    owners: dict[int, int] = {}
    for comment in state.comments:
        for i in comment.own_lines():
            owners[i] = owners.get(i, 0) + 1
    loose = [state.lines[i].stripped for i, line in enumerate(state.lines)
             if line.role == "comment-header" and owners.get(i) != 1]
    assert loose == []


def test_a_date_written_into_a_comments_header_is_its_date_not_its_authors_name():
    thread = "\n\n".join(["2 Responses", "1. 27. Jun, 2012 / Faith says:", "What a view from the ridge.",
                            "2. 28. Jun, 2012 / DownUnder42 says:", "We walked it in May, the snow was gone."])
    state = parse_text("A week in the hills\n\n" + "We walked for a week and saw no one at all on the way. " * 3
                       + "\n\n" + thread + "\n", model=False)
    assert [(c.author, c.date) for c in state.comments] == [("Faith", "2012-06-27"), ("DownUnder42", "2012-06-28")]
    thread = "\n\n".join(["2 Responses", "Faith says:", "on October 30, 2012 at 11:02 am", "What a view from the ridge.",
                            "Down Under says:", "on October 30, 2012 at 11:04 am", "We walked it in May."])
    state = parse_text("A week in the hills\n\n" + "We walked for a week and saw no one at all on the way. " * 3
                       + "\n\n" + thread + "\n", model=False)
    assert [(c.author, c.date, c.text) for c in state.comments] == [
        ("Faith", "2012-10-30T11:02", "What a view from the ridge."), ("Down Under", "2012-10-30T11:04", "We walked it in May.")]


# A Blogger thread whose stamps give no year ("November 9 at 4:29 PM")
YEARLESS_STAMPS = (ROOT / "tests" / "fixtures" / "dates" / "yearless-stamps.txt").read_text(encoding="utf-8")


def test_a_stamp_without_a_year_takes_the_posts_year_and_the_next_one_after_new_year():
    state = parse_text(YEARLESS_STAMPS)
    got = [(c.author, c.date, c.date_inferred) for c in state.comments]
    post = "the year of the post's date (2012-11-07)"
    assert got == [("Ann Lowe", "2012-11-09T16:29", post), ("Pan Handler", "2012-12-30T17:20", post),
                   ("Anna", "2013-01-03T18:02", post)]
    assert [c.text for c in state.comments][0] == "you left out the salt."  # the stamp is the footer, not words


def test_without_the_posts_date_the_copyright_year_is_taken_and_said_and_without_either_none_is():
    undated = YEARLESS_STAMPS.replace("Posted by Maren on November 7, 2012", "Posted by Maren")
    state = parse_text(undated)
    assert state.date is None
    assert {(c.date[:4], c.date_inferred) for c in state.comments} == {
        ("2012", "the year of the page's copyright notice (2012)")}
    state = parse_text(undated.replace("© 2011–2012 Soup Notes", "Soup Notes"))
    assert [(c.date, c.date_inferred) for c in state.comments] == [(None, None)] * 3


def test_a_teaser_block_over_a_thread_of_footers_gives_no_comment_without_text():
    """When each comment's stamp line closes it (a footer), the comment's text lies
    above its footer: a footer inside a "Related Posts" block is not taken back
    from the block, or its comment would have no text (captures/teasers-over-thread,
    its thread turned to footers, the first comment short)."""
    text = (ROOT / "tests" / "fixtures" / "captures" / "teasers-over-thread.txt").read_text(encoding="utf-8")
    head, _thread = text.split("Marta Kowalski | March 3, 2012", 1)
    comments = [("Finally, a fix for the old deck", "Marta Kowalski | March 3, 2012 at 9:14 am | Reply"),
                ("The river road is narrow and has no shoulder. I hope the county puts a lower speed limit on it "
                 "while the bridge is closed.", "Joe Brennan | March 3, 2012 at 10:02 am | Reply"),
                ("Good news for the shops that the council set up a fund, though I wonder how much money is in it "
                 "and who decides.", "Ann Liu | March 4, 2012 at 8:40 pm | Reply")]
    state = parse_text(head + "".join(f"{body}\n\n{footer}\n\n" for body, footer in comments) + "Leave a Reply\n")
    assert [c.author for c in state.comments][-2:] == ["Joe Brennan", "Ann Liu"]
    assert all(comment.text for comment in state.comments)


def test_a_comment_without_a_header_reads_no_stamp_out_of_its_own_words(tmp_path):
    """Comments that name no author (seed 001's layout) have no header: a date or a
    "2 years ago" in their first words is what they say, not when they were written."""
    text = ("A post about the old mill\n\nPosted on March 3, 2012\n\n"
            "The mill closed in 1962 and the town has argued over the building ever since.\n\n"
            "Some want flats in it, some a museum, and the council wants the land for a car park.\n\n"
            "The vote is next week; the owners say they will sell to whoever asks first.\n"
            "\n\n\n"
            "2 years ago I walked past it and the roof was already gone.\n\n"
            "November 8 was the day they voted on it, and nobody came.\n\n"
            "Tear it down.\n")
    state = parse_text(text, model=False)
    (tmp_path / "mill.txt").write_text(text, encoding="utf-8")
    record = build_record(read_capture(tmp_path / "mill.txt"), state)
    assert [c.text for c in state.comments] == [
        "2 years ago I walked past it and the roof was already gone.",
        "November 8 was the day they voted on it, and nobody came.", "Tear it down."]
    assert [(c.header, c.header_text, c.date) for c in state.comments] == [(None, "", None)] * 3
    assert [(c["line"], c["date"], c["date_as_written"]) for c in record["comments"]] == [
        (13, None, None), (15, None, None), (17, None, None)]


def test_a_tag_list_without_a_blank_line_under_it_does_not_run_on_into_the_post_or_its_comments():
    """A byline or tag list ("Written by …", "Topics") sets aside its block from
    there on; in a capture with no blank lines (a browser's Select All + Copy)
    that block is the rest of the page, so it ends at the first line too long
    for furniture, or at a comment section's heading."""
    post = ("The mill closed in 1962 and the town has argued over the building ever since, some wanting flats in it, "
            "some a museum, and the council the land for a car park.")
    text = ("A post about the old mill\nWritten by Ann Lowe Topics: Local history\n" + post + "\n"
            "Tags: mill, council\nShare\n3 Comments\nBen Ode — July 10th, 2012, 7:31 pm\nTear it down.\n")
    state = parse_text(text, model=False)
    why = {line.stripped: (line.role, line.why) for line in state.lines if not line.blank}
    assert why["Written by Ann Lowe Topics: Local history"] == (BOILERPLATE, FOOTER)
    assert why[post][0] != BOILERPLATE and why["Tear it down."][0] != BOILERPLATE
    assert why["Ben Ode — July 10th, 2012, 7:31 pm"] != (BOILERPLATE, FOOTER)


def test_an_ordered_lists_numbered_names_head_comments_and_hold_their_indented_replies():
    """``  1. Barbara`` over a stamp indented under it heads a comment as a bare name
    does (copied without blank lines, the rules alone): the replies the item holds
    are indented as its stamp is, and no reply runs on into the next numbered comment."""
    capture = ROOT / "tests" / "fixtures" / "captures" / "trap-numbered-comments-no-blank-lines.txt"
    state = parse_text(read_capture(capture).text, model=False)
    assert [(c.number, c.author, c.replies_to, [state.lines[i].stripped for i in c.lines]) for c in state.comments] == [
        (1, "Barbara", None, ["The EFF published a good list of concerns years ago, and they are all still valid."]),
        (2, "Bobbi Newman", 1, ["Too true, which is why readers need a campaign of their own."]),
        (3, "Bonnie Powers", None, ["You are absolutely correct. My book group has said so for years."]),
        (4, "Bobbi Newman", 3, ["Yes! We need a call to action on a much larger scale."])]


def test_an_articles_numbered_timeline_above_the_comment_heading_is_no_comment_thread():
    """A numbered list of dated steps in the post ("1. Prototype" over its date)
    has the shape of numbered commenters; only under the comment section's heading
    is it one."""
    text = ("How the mill was saved\nMarch 1, 2015\n"
            "The town bought the mill in three steps, and each one nearly failed before it was done.\n"
            "  1. Prototype\n    March 3, 2015\n    A model of the new roof went on show in the library.\n"
            "  2. Funding\n    June 9, 2015\n    The council matched what the town had raised by then.\n"
            "The roof went on the next spring, and the mill opened as a museum in the autumn.\n"
            "2 Responses to How the mill was saved\n"
            "  1. Ann Lowe\n    June 1, 2016 at 9:12 am\n    I went on the first day.\n    Reply\n"
            "  2. Ben Ode\n    June 2, 2016 at 7:30 pm\n    So did I.\n    Reply\nLeave a Reply\n")
    state = parse_text(text, model=False)
    assert [c.author for c in state.comments] == ["Ann Lowe", "Ben Ode"]
    roles = {line.stripped: line.role for line in state.lines}
    assert all(roles[t] == BODY for t in ("1. Prototype", "2. Funding", "The council matched what the town had "
                                          "raised by then.", "The roof went on the next spring, and the mill "
                                          "opened as a museum in the autumn."))


def test_a_post_at_the_top_of_the_page_is_no_blog_header_however_its_menu_closes_it():
    """A blog's name and tagline above its menu name the site; a post on the
    page's first lines, its headline, meta line, text and comment count ("Comments
    (0)") over a "0 Comments »" link that closes it as a menu would, is the post:
    a name and tagline state no count of comments."""
    post = ("Sam Falconer as you can see from above makes lovely illustrations, and the portraits are from famous "
            "films of the last century.")
    text = ("Sam Falconer\n\nall other stuff, images — Tags: illustrations — thebrainbehind @ 15:25\n\n" + post
            + "\n\nComments (0)\n\n0 Comments »\n\nNo comments yet.\n\nLeave a comment\n")
    state = parse_text(text, model=False)
    why = {line.stripped: (line.role, line.why) for line in state.lines if not line.blank}
    assert state.title == "Sam Falconer" and why[post] == (BODY, None)
    assert state.site is None
    # the same lines with no count above the link that closes them are a blog's name and tagline over its menu
    state = parse_text("The Curious Brain\n\nall other stuff, images and sounds\n\n0 Comments »\n\n" + post + "\n",
                       model=False)
    assert state.site == "The Curious Brain"
    assert {line.why for line in state.lines[:3] if not line.blank} == {"blog header or epigraph"}
    # a blog's name may say "No Comment": the name is no post's count
    text = ("No Comment\n\nA blog about the news, without remarks\n\nHome | About | Archive | Contact\n\n"
            "Council votes to keep the old bridge open\n\nMarch 3, 2008\n\n" + post + "\n")
    state = parse_text(text, model=False)
    assert (state.site, state.title) == ("No Comment", "Council votes to keep the old bridge open")
