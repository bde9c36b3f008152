"""Lines repeated across many captures of one site are boilerplate, even when no
single rule knows them (fixtures/sites/: several captures of one site)."""

from __future__ import annotations

from archive.corpus import read_corpus
from archive.reading.parse import parse_text
from archive.reading.sitewide import line_key
from archive.reading.state import TEASERS, SiteLines
from conftest import FIXTURES

SITE = FIXTURES / "sites" / "valley-gazette"


def _removed_lines(record) -> dict[str, str]:
    return {line: block["why"] for block in record["removed"] for line in block["text"].split("\n")}


def _records():
    corpus = read_corpus(SITE)
    assert corpus.problems == []
    return {r["id"]: r for r in corpus.records}


def test_slogan_and_footer_repeated_across_a_site_are_removed():
    records = _records()
    assert len(records) == 4
    for record in records.values():
        removed = _removed_lines(record)
        assert removed["Independent news for the river valley since 1952"] == "repeated across captures of one site"
        assert removed["The Valley Gazette is a member of the Valley Press Association."] == \
            "repeated across captures of one site"
        texts = " ".join(p["text"] for p in record["paragraphs"])
        assert "Valley Press Association" not in texts and "since 1952" not in texts


def test_a_line_in_three_of_four_captures_is_removed_too():
    records = _records()
    tips = "Tips? Write to the newsdesk, we read everything."
    for doc_id in ("a000000000000001", "a000000000000002", "a000000000000003"):
        assert tips in _removed_lines(records[doc_id])


def test_a_passage_two_captures_share_stays_article_text():
    records = _records()
    shared = "The county council approved the contract in March"
    for doc_id in ("a000000000000001", "a000000000000002"):
        assert any(p["text"].startswith(shared) for p in records[doc_id]["paragraphs"])


def test_titles_and_bylines_are_untouched():
    records = _records()
    assert records["a000000000000004"]["title"] == "Obituary: Margaret Hale, founder of the valley choir"
    assert records["a000000000000001"]["authors"] == ["Dana Ortiz"]
    assert [len(r["paragraphs"]) for r in records.values()] == [3, 3, 3, 2]


def test_the_same_lines_in_two_captures_are_not_enough(tmp_path):
    for name in ("001_a000000000000001.txt", "002_a000000000000002.txt"):
        (tmp_path / name).write_bytes((SITE / name).read_bytes())
    for record in read_corpus(tmp_path).records:
        assert not any(b["why"].startswith("repeated") for b in record["removed"])
        assert any(p["text"].startswith("The Valley Gazette is a member") for p in record["paragraphs"])


def test_several_captures_of_one_page_keep_their_text(tmp_path):
    """Three captures of the same article are one page, not three: its text is not boilerplate."""
    for n in range(1, 4):
        (tmp_path / f"00{n}_c00000000000000{n}.txt").write_bytes((SITE / "001_a000000000000001.txt").read_bytes())
    for record in read_corpus(tmp_path).records:
        texts = [p["text"] for p in record["paragraphs"]]
        assert any(t.startswith("Crews will begin replacing the deck") for t in texts)
        assert not any(b["why"].startswith("repeated") for b in record["removed"])


def test_a_publication_line_above_each_byline_still_names_the_site():
    for record in read_corpus(FIXTURES / "sites" / "publication-line").records:
        assert record["site"] == "The Valley Times"
        assert not any(b["why"].startswith("repeated") for b in record["removed"])


def test_blogs_that_share_only_a_skip_link_are_not_one_site():
    for record in read_corpus(FIXTURES / "sites" / "unrelated-blogs").records:
        assert len(record["paragraphs"]) == 3
        assert not any(b["why"].startswith("repeated") for b in record["removed"])


def test_a_teaser_block_ends_where_a_line_the_site_repeats_resumes():
    """"Related Posts" claims the lines under it up to the comments; a line the
    site repeats on every page (its sign-up prompt) is the site's frame again,
    so what follows it is no longer a teaser (fixtures/captures/teasers-over-thread)."""
    signup = "Sign up for our weekly letter and get every new post from the valley delivered to your inbox."
    thanks = "Our thanks to every reader who wrote in"
    text = (FIXTURES / "captures" / "teasers-over-thread.txt").read_text(encoding="utf-8")
    text = text.replace(signup, f"{signup}\n\n{thanks}")  # not a sentence: by itself it would not end the block
    alone = parse_text(text)
    knowing = parse_text(text, site_lines=SiteLines("The Valley Notebook", frozenset({line_key(signup)})))
    whys = {name: {line.stripped: line.why for line in state.lines} for name, state in
            (("alone", alone), ("knowing", knowing))}
    assert whys["alone"][thanks] == TEASERS
    assert whys["knowing"][signup] == "repeated across captures of The Valley Notebook"
    assert whys["knowing"][thanks] != TEASERS
    assert whys["knowing"]["Council weighs a new budget for the river parks"] == TEASERS
    assert [c.author for c in knowing.comments] == ["Marta Kowalski", "Joe Brennan", "Ann Liu"]


def test_a_line_the_line_model_set_aside_still_counts_as_seen_but_a_rules_furniture_does_not():
    """The model may set a site's slogan aside in one capture and keep it as the
    headline in another: it counts as seen in both, so the repeat is found."""
    from archive.reading.sitewide import evidence
    from archive.reading.state import BOILERPLATE, LINE_MODEL

    slogan = "Independent news for the river valley since 1952"
    state = parse_text((SITE / "001_a000000000000001.txt").read_text(encoding="utf-8"), model=False)
    line = next(line for line in state.lines if line.stripped == slogan)
    line.role, line.why = BOILERPLATE, LINE_MODEL
    seen = evidence(state).lines
    assert line_key(slogan) in seen
    assert line_key("HomeLocalSchoolsSportsObituariesContact") not in seen  # the rules' navigation


def test_a_line_that_heads_one_page_is_its_headline_though_some_of_the_sites_other_pages_list_it():
    from archive.reading.sitewide import SiteEvidence, repeated_lines

    slogan, story, menu = "independent news since 1952", "bridge repairs to close mill street", "home local sports"
    own = "the longest paragraph of this page, page number {}"  # what tells one page from another
    titles = (story, slogan, slogan, "school board votes")
    listed = ({slogan, story}, {slogan, story}, {slogan, story}, {slogan})  # the story's teaser on two other pages
    pages = [SiteEvidence("site:gazette", frozenset(lines | {menu, own.format(n)}), "Gazette", title, own.format(n))
             for n, (title, lines) in enumerate(zip(titles, listed))]
    known = repeated_lines(pages)
    assert known[0].lines == frozenset({slogan, menu})  # the page the story heads keeps it
    assert all(site.lines == frozenset({slogan, story, menu}) for site in known[1:])  # a teaser there
    again = SiteEvidence("site:gazette", frozenset({slogan, story, menu}), "Gazette", story, own.format(0))
    known = repeated_lines(pages + [again])
    assert known[0].lines == known[4].lines == frozenset({slogan, menu}), \
        "two captures of one page are one page, and their headline heads that one"


def test_a_page_is_known_by_its_longest_line_the_model_kept_not_a_long_footer_it_set_aside():
    from archive.reading.sitewide import evidence
    from archive.reading.state import BOILERPLATE, LINE_MODEL

    footer = "The Valley Gazette is a member of the Valley Press Association."
    text = (SITE / "001_a000000000000001.txt").read_text(encoding="utf-8")
    footer = footer[:-1] + ", and of the Association of River Valley Newspapers, since the spring of 1952."
    state = parse_text(text.replace("The Valley Gazette is a member of the Valley Press Association.", footer),
                       model=False)  # longer than any line the model kept
    line = next(line for line in state.lines if line.stripped == footer)
    line.role, line.why = BOILERPLATE, LINE_MODEL
    seen = evidence(state)
    assert line_key(footer) in seen.lines
    assert seen.page == line_key("The county council approved the contract in March after two years of delays "
                                 "and a failed inspection.")



def test_pages_are_told_apart_by_the_line_each_kept_though_a_longer_footer_is_on_every_one():
    from archive.reading.sitewide import SiteEvidence, repeated_lines

    slogan, menu = "independent news since 1952", "home local sports"
    footer = "copyright the valley gazette, a member of the valley press association, all rights reserved " * 2
    own = "the longest paragraph of this page, page number {}"
    pages = [SiteEvidence("site:gazette", frozenset({slogan, menu, footer, own.format(n)}), "Gazette", None,
                          own.format(n)) for n in range(4)]
    assert all(site.lines == frozenset({slogan, menu, footer}) for site in repeated_lines(pages))
