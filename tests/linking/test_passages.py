"""Shared passages between documents, related documents, and their pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from archive.linking.actors import load_registry
from archive.corpus import read_corpus
from archive.linking.links import link_corpus, variant_pieces
from archive.linking.passages import MAX_DOCUMENTS, DocumentText, shared_passages
from bench.planted import found_pairs, planted_corpus
from archive.shared.quotes import normalise_words
from conftest import ROOT, SEEDS

S000, S001, S002, S003, S004 = ("93b7b02e6c168858", "86ae2184d8d7729f", "d6d6914bedf28798",
                                "bbfa1784b879b3b7", "10d7759fc9c54020")


@pytest.fixture(scope="module")
def seeds_read():
    actors = load_registry(ROOT / "content" / "actors").actors
    return {r["id"]: r for r in read_corpus(SEEDS, actors=actors).records}


def record(doc_id: str, *paragraphs: str) -> dict:
    return {"id": doc_id, "paragraphs": [{"id": f"p{n}", "text": text} for n, text in enumerate(paragraphs, 1)]}


def passages_of(*records: dict):
    texts = [DocumentText.of(r) for r in records]
    return texts, shared_passages(texts)


FILLER = ("Meanwhile the weather in the valley turned cold and the harvest came in late this year. "
          "Farmers gathered at the market to trade stories about rain, prices and the new road. ")
QUOTE = ("There the Iraqi lawmakers held talks with Brig. Gen. Qassem Suleimani, commander of the Qods "
         "(Jerusalem) brigades of Iran's Revolutionary Guard Corps, and signed an agreement with Sadr.")


# --- the four passages the seeds reuse ------------------------------------------

REUSED = {  # the words of each passage the issue names → the seeds that carry it
    "held talks with Brig. Gen. Qassem Suleimani, commander of the Qods (Jerusalem) brigades": {S000, S001, S002},
    "The backdrop to Sadr's dramatic statement was a secret trip Friday": {S000, S001},
    "Ali al Adeeb, a member of Prime Minister Nouri al Maliki's Dawa party": {S001, S002},
    "The Qom discussions may or may not bring an end to the fighting": {S000, S002},
}


@pytest.mark.parametrize("passage", REUSED)
def test_each_reused_passage_is_found_in_every_seed_that_carries_it(seeds_read, passage):
    words = f" {' '.join(normalise_words(passage))} "
    holders = {doc_id for doc_id, r in seeds_read.items()
               if any(words in f" {' '.join(normalise_words(q['text']))} " for q in r["shared_quotes"])}
    assert holders == REUSED[passage]
    for doc_id in holders:
        quote = next(q for q in seeds_read[doc_id]["shared_quotes"]
                     if words in f" {' '.join(normalise_words(q['text']))} ")
        assert holders - {doc_id} <= {other["id"] for other in quote["also_in"]}


def test_no_documents_without_a_shared_passage_are_linked_by_one(seeds_read):
    linked = {frozenset((doc_id, other["id"])) for doc_id, r in seeds_read.items()
              for q in r["shared_quotes"] for other in q["also_in"]}
    assert linked == {frozenset(p) for p in ((S000, S001), (S000, S002), (S001, S002))}
    assert seeds_read[S003]["shared_quotes"] == [] and seeds_read[S004]["shared_quotes"] == []


def test_related_documents_rank_shared_passages_before_actors(seeds_read):
    first = {doc_id: r["related"][0] for doc_id, r in seeds_read.items()}
    for doc_id in (S000, S001, S002):
        assert first[doc_id]["passages"] and first[doc_id]["reasons"][0].startswith("shares")
    between = next(rel for rel in seeds_read[S003]["related"] if rel["id"] == S004)
    assert between["passages"] == [] and between["reasons"][0].startswith("both name")
    everywhere = "qassem-suleimani"  # named by all five seeds: links nothing by itself
    assert all(everywhere not in rel["actors"] for r in seeds_read.values() for rel in r["related"])


# --- detection on made-up texts --------------------------------------------------

def test_a_quotation_with_edits_is_one_maximal_passage():
    edited = ("“…There the Iraqi lawmakers held talks with Brig. Gen. Qassem Suleimani, commander of the "
              "QODS brigades of Iran’s Revolutionary Guards, and signed an agreement with [Muqtada al-] Sadr…”")
    texts, found = passages_of(record("a", FILLER, QUOTE, FILLER[::-1]), record("b", "Another post. " + edited))
    assert len(found) == 1
    (passage,) = found
    spans = {texts[doc].id: span for doc, span in passage.occurrences}
    assert " ".join(texts[0].words[slice(*spans["a"])]).startswith("there the iraqi lawmakers")
    assert " ".join(texts[0].words[slice(*spans["a"])]).endswith("agreement with sadr")


def test_reordered_clauses_are_still_one_passage():
    original = ("The backdrop to the dramatic statement was a secret trip on Friday by the visiting lawmakers "
                "to the holy city of Qom, where the clergy who run the country keep their headquarters.")
    reordered = ("The backdrop to the dramatic statement was a secret trip on Friday to the holy city of Qom, "
                 "where the clergy who run the country keep their headquarters, by the visiting lawmakers.")
    _, found = passages_of(record("a", FILLER + original), record("b", reordered + " " + FILLER[:40]))
    assert len(found) == 1


def test_short_phrases_and_commonplaces_are_not_quotations():
    short = "the Islamic Supreme Council of Iraq"  # seven words, a name
    _, found = passages_of(record("a", f"Leaders of {short} met today."), record("b", f"A rally by {short} ended."))
    assert found == []
    slogan = "Share this story with your friends and family on every network you use today"
    many = [record(f"d{n}", f"Post number {n} is about topic {n}. {slogan}.") for n in range(MAX_DOCUMENTS + 1)]
    assert passages_of(*many)[1] == []


def test_variants_mark_the_words_that_differ():
    pieces = variant_pieces("He met the QODS brigades at dawn", "He met the Quds Force brigades at dawn")
    assert [p for p, differs in pieces if differs] == ["QODS"]
    assert "".join(p for p, _ in pieces) == "He met the QODS brigades at dawn"


@pytest.mark.parametrize("edit_rate, goal", [(0.0, 0.99), (0.10, 0.98), (0.20, 0.90)])
def test_planted_passages_are_found(edit_rate, goal):
    corpus = planted_corpus(600, edit_rate, seed=7)
    texts = [DocumentText.of(r) for r in corpus.records]
    found = found_pairs(shared_passages(texts), texts)
    true = found & corpus.pairs
    assert len(true) / len(corpus.pairs) >= goal
    assert len(true) / len(found) >= 0.98


def test_records_from_link_corpus_point_at_real_paragraphs():
    records = [record("a", FILLER, QUOTE), record("b", QUOTE + " Then the crowd went home."),
               record("c", FILLER[::-1])]
    for r in records:
        r["actors"] = []
    link_corpus(records)
    a, b, c = records
    assert [q["paragraph"] for q in a["shared_quotes"]] == ["p2"]
    assert a["shared_quotes"][0]["also_in"] == [{"id": "b", "paragraph": "p1"}]
    assert a["shared_quotes"][0]["text"].startswith("There the Iraqi lawmakers")
    assert c["shared_quotes"] == [] and c["related"] == []


# --- pages -------------------------------------------------------------------------

def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_passages_are_marked_and_link_to_the_other_documents(site):
    page = soup(site.output / "doc" / S002 / "index.html")
    marked = " ".join(m.get_text() for m in page.select("section.text mark.shared"))
    assert "The Qom discussions may or may not bring an end to the fighting" in marked
    links = [a["href"] for a in page.select("p.also-in a")]
    assert f"../../doc/{S000}/index.html#p4" in links
    assert any(h.startswith("../../quote/") for h in links)
    related = [a["href"] for a in page.select("section.related a")]
    assert related[0] in (f"../../doc/{S000}/index.html", f"../../doc/{S001}/index.html")


def test_a_passage_page_shows_every_variant_with_differences(site):
    pages = sorted((site.output / "quote").glob("*/index.html"))
    assert pages
    widest = max(pages, key=lambda p: len(soup(p).select("section.variant")))
    html = soup(widest)
    variants = html.select("section.variant")
    assert len(variants) == 3
    assert {a["href"].split("/")[3] for a in html.select("section.variant h2 a")} == {S000, S001, S002}
    assert html.select("mark.differs")


def test_the_map_draws_documents_links_and_a_timeline_without_script(site):
    html = soup(site.output / "map" / "index.html")
    assert [s["src"] for s in html.find_all("script")] == ["../theme/js/keys.js"]  # only the "/" shortcut
    graph = html.select_one("svg.graph")
    assert not graph.find_all("script") and not graph.find_all(attrs={"onclick": True})
    assert len(graph.select("circle")) == 5
    assert graph.select("line.passage") and graph.select("line.actors")
    timeline = html.select_one("svg.timeline")
    assert [t.get_text() for t in timeline.select("text.year")][:1] == ["2008"]
    assert soup(site.output / "index.html").select_one('a[href$="map/index.html"]')


def test_a_comment_quoting_with_edits_is_found_by_the_same_aligner():
    from archive.reading.relations import link_comments
    from archive.reading.state import Comment

    paragraphs = [("p1", FILLER), ("p2", QUOTE)]
    edited = ("As they wrote: the Iraqi legislators held talks with Gen. Qassem Soleimani, commander of "
              "the Quds brigades of Iran's Revolutionary Guard Corps, and signed a deal with Sadr. Fine.")
    unrelated = "I agree with everything said above, and so does my whole family here in Ohio."
    comments = [Comment(1, "Ann", None, [], text=edited), Comment(2, "Bob", None, [], text=unrelated),
                Comment(3, "Cy", None, [], text="Ann wrote that " + edited[14:] + " But why?")]
    link_comments(comments, paragraphs)
    assert comments[0].quotes == ["p2"]  # eight exact words in a row never occur: edits in every clause
    assert comments[1].quotes == []
    assert comments[2].quotes == ["p2", "c1"]  # Ann's own wording is hers: Cy quotes her too


def test_the_four_reused_passages_have_a_page_each_with_their_documents(site):
    pages = sorted((site.output / "quote").glob("*/index.html"))
    carried = sorted((sorted({a["href"].split("/")[3] for a in soup(p).select("section.variant h2 a")})
                      for p in pages))
    assert carried == sorted(sorted(docs) for docs in REUSED.values())
