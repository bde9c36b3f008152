"""Actors across the corpus: each record gains ``actors``; each actor gains the
documents, paragraphs and comments that mention it, and its company."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .detect import ARTICLE, COMMENTS, ActorFinder, Block
from .registry import Actor

CONTEXT_CHARS = 90  # each side of a mention, in the line of context on an actor's page
COMPANY = 8  # other actors listed on an actor's page


def blocks(record: dict) -> list[Block]:
    """The paragraphs and the comment lines of a record, as detection reads them."""
    found = [Block(p["id"], ARTICLE, 0, p["text"]) for p in record["paragraphs"]]
    for comment in record["comments"]:
        found.extend(Block(comment["id"], COMMENTS, n, line)
                     for n, line in enumerate(comment["text"].split("\n")) if line.strip())
    return found


def annotate(records: list[dict], finder: ActorFinder) -> dict[str, dict]:
    """Add ``actors`` to every record; return the spans to mark, by document id."""
    spans = {}
    for record in records:
        found = finder.document(blocks(record))
        record["actors"] = found.actors
        spans[record["id"]] = found.spans
    return spans


@dataclass
class Mention:
    anchor: str  # pN or cN
    part: str
    before: str
    name: str
    after: str


@dataclass
class ActorPage:
    actor: Actor
    documents: list = field(default_factory=list)  # (record, [Mention]) in index order
    company: list = field(default_factory=list)  # (Actor, documents shared), most first

    @property
    def mention_count(self) -> int:
        """Every time a document names the actor, in its text and its comments: the
        count the documents' records give (one count, shown everywhere)."""
        return sum(_mentions_in(record, self.actor.id) for record, _ in self.documents)


def _mentions_in(record: dict, actor_id: str) -> int:
    entry = next((a for a in record.get("actors", ()) if a["id"] == actor_id), None)
    return entry["mentions"]["article"] + entry["mentions"]["comments"] if entry else 0


def actor_pages(actors: list[Actor], records: list[dict], spans: dict[str, dict]) -> list[ActorPage]:
    """One page per registry actor, mentioned or not, in name order."""
    by_id = {actor.id: actor for actor in actors}
    pages = {actor.id: ActorPage(actor) for actor in actors}
    together: dict[str, Counter] = {actor.id: Counter() for actor in actors}
    for record in records:
        present = [a["id"] for a in record.get("actors", ()) if a["id"] in pages]
        texts = {(b.anchor, b.line): b for b in blocks(record)}
        for actor_id in present:
            pages[actor_id].documents.append((record, _mentions(actor_id, spans[record["id"]], texts)))
            together[actor_id].update(other for other in present if other != actor_id)
    for actor_id, page in pages.items():
        ranked = sorted(together[actor_id].items(), key=lambda item: (-item[1], by_id[item[0]].name.casefold()))
        page.company = [(by_id[other], shared) for other, shared in ranked[:COMPANY]]
    return sorted(pages.values(), key=lambda page: (page.actor.name.casefold(), page.actor.id))


def _mentions(actor_id: str, spans: dict, texts: dict) -> list[Mention]:
    """A line of context for each paragraph or comment line that names the actor (its first mention there)."""
    found = []
    for key, marks in spans.items():
        first = next(((s, e) for s, e, who in marks if who == actor_id), None)
        if first is None:
            continue
        block = texts[key]
        start, end = first
        before = block.text[max(0, start - CONTEXT_CHARS):start]
        after = block.text[end:end + CONTEXT_CHARS]
        if start > CONTEXT_CHARS:
            before = "…" + before.split(" ", 1)[-1]
        if end + CONTEXT_CHARS < len(block.text):
            after = after.rsplit(" ", 1)[0] + "…"
        found.append(Mention(block.anchor, block.part, before, block.text[start:end], after))
    return found
