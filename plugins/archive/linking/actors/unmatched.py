"""Names the registry does not know yet: capitalised names that occur in two or
more documents and match no actor, for an editor to add or dismiss."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .annotate import blocks
from archive.shared.names import fold, is_particle, tokens
from .registry import Actor

MIN_DOCUMENTS = 2
EXAMPLES = 3
CONTEXT_CHARS = 60
# Capitalised words that begin sentences or stand before names, not names themselves.
_NOT_NAMES = frozenset("""
a an and as at but by for from he her his i if in it its mr mrs ms dr my no not of on or our she so that
the their then there these they this those to we what when where which while who why with you your yes
gen general brig lt col maj capt sgt adm president prime minister sheikh ayatollah grand sen rep gov
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december update posted comments comment reply said says
""".split())
_JOINERS = frozenset({"of", "the", "bin", "ibn", "abu", "de", "van", "von"})
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$")
_DEMONYM = re.compile(r"(?:ians?|ans?|is?|ese|ish)$")  # Iraqi, Iranians, American: of a known place


def _place_words(actors: list[Actor]) -> set[str]:
    return {fold(name) for actor in actors if actor.kind == "place" for name in actor.names}


def _of_known_place(name: str, places: set[str]) -> bool:
    if " " in name:
        return False
    stem = _DEMONYM.sub("", name)
    return stem != name and any(fold(stem + end) in places for end in ("", "a", "n", "q"))


@dataclass
class UnknownName:
    name: str
    documents: set = field(default_factory=set)
    count: int = 0
    examples: list = field(default_factory=list)  # (document id, anchor, context)


def _candidates(text: str, covered: list[tuple[int, int]]):
    """(name, start, end) of runs of capitalised words not inside an actor's mention."""
    run = []
    inside_names = {start for s, e in covered for start in range(s, e)}
    for token in tokens(text) + [None]:
        word = token.text if token else ""
        if token and run and text[run[-1].end:token.start].strip(" -"):
            yield from _name_of(text, run)  # punctuation ends a name
            run = []
        inside = token and token.start in inside_names
        capital = token and word[:1].isupper() and not inside and word.casefold() not in _NOT_NAMES
        joiner = token and run and (word.casefold() in _JOINERS or is_particle(word))
        if capital or joiner:
            run.append(token)
            continue
        yield from _name_of(text, run)
        run = []


def _name_of(text: str, run: list):
    while run and (run[-1].text.casefold() in _JOINERS or is_particle(run[-1].text)):
        run = run[:-1]
    if run:
        first = run[0]
        sentence_start = first.start == 0 or _SENTENCE_END.search(text[max(0, first.start - 4):first.start])
        if len(run) > 1 or not sentence_start:
            yield text[first.start:run[-1].end], first.start, run[-1].end


def unknown_names(records: list[dict], spans: dict[str, dict], actors: list[Actor] = ()) -> list[UnknownName]:
    """Unknown names in at least two documents, most widespread first. Adjectives
    of the registry's places (Iraqi, Iranians) are not names."""
    places = _place_words(actors)
    found: dict[str, UnknownName] = defaultdict(lambda: UnknownName(""))
    for record in records:
        marks = spans.get(record["id"], {})
        for block in blocks(record):
            covered = [(s, e) for s, e, _ in marks.get((block.anchor, block.line), ())]
            for name, start, end in _candidates(block.text, covered):
                if _of_known_place(name, places):
                    continue
                entry = found[name]
                entry.name = name
                entry.count += 1
                if record["id"] not in entry.documents and len(entry.examples) < EXAMPLES:
                    context = block.text[max(0, start - CONTEXT_CHARS):end + CONTEXT_CHARS]
                    entry.examples.append((record["id"], block.anchor, context))
                entry.documents.add(record["id"])
    common = [entry for entry in found.values() if len(entry.documents) >= MIN_DOCUMENTS]
    return sorted(common, key=lambda e: (-len(e.documents), -e.count, e.name))


def report(names: list[UnknownName]) -> str:
    """The report as plain text, one name per block."""
    lines = ["Names found in two or more documents that match no actor in content/actors/.",
             "Add an actor (or an alias) for each that is a person, organisation, media or place.", ""]
    for entry in names:
        lines.append(f"{entry.name}: {len(entry.documents)} documents, {entry.count} mentions")
        for doc_id, anchor, context in entry.examples:
            lines.append(f"    doc/{doc_id}/#{anchor}: …{' '.join(context.split())}…")
    if not names:
        lines.append("None.")
    return "\n".join(lines) + "\n"
