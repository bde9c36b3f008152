"""Finding the registry's actors in a document, in one pass over its words.

All names and aliases, folded to spelling-insensitive keys, sit in one word
trie: an automaton walked once along the text, which keeps the longest name
that starts at each word ("Sadr City" before "Sadr"). A person's surname or
given name alone ("Maliki", "Bill") counts only when the document names that
person in full somewhere (or the registry lists the short form) and no other
person named in it shares that name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from archive.shared.names import ACRONYM, LOWER, alias_keys, is_particle, text_keys, tokens
from .registry import Actor

FULL, SHORT, SURNAME = "full", "short", "surname"  # how much a name alone says; SURNAME: any one part of a full name
_TERMS = "\0"  # trie key holding the terms that end at a node
ARTICLE, COMMENTS = "article", "comments"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    terms: frozenset  # of (actor id, strength)
    name_before: bool = False  # another capitalised name word right before ("Michelle Obama")
    name_after: bool = False  # ... right after ("Bill Clinton")
    shouting: bool = False  # a one-word acronym among capitals ("IRAN IS ANGRY"): not a name
    title_cased: bool = False  # a one-word name in a title-cased phrase ("At That Time"): not a name


@dataclass(frozen=True)
class Block:
    """A piece of one document's text: a paragraph, or one line of a comment."""
    anchor: str  # pN or cN
    part: str  # ARTICLE or COMMENTS
    line: int  # line of the comment's text; 0 for paragraphs
    text: str


@dataclass
class DocumentActors:
    actors: list[dict] = field(default_factory=list)  # the record's `actors`
    spans: dict = field(default_factory=dict)  # (anchor, line) → [(start, end, actor id)]


class ActorFinder:
    def __init__(self, actors: list[Actor]):
        self.actors = {actor.id: actor for actor in actors}
        self._trie: dict = {}
        self._acronyms = {key[1:] for actor in actors for name in actor.names for key in alias_keys(name)
                          if key.startswith(ACRONYM)}
        for actor in actors:
            for keys, strength in _terms(actor):
                node = self._trie
                for key in keys:
                    node = node.setdefault(key, {})
                node.setdefault(_TERMS, set()).add((actor.id, strength))

    def matches(self, text: str) -> list[Match]:
        """Every name in ``text``, longest first, left to right, none overlapping."""
        all_words = tokens(text)
        at = [k for k, t in enumerate(all_words) if not is_particle(t.text)]  # where each word stands
        words = [all_words[k] for k in at]
        article = {t.end: t for t in all_words if is_particle(t.text)}  # "al-" before a name
        found, i = [], 0
        while i < len(words):
            nodes, longest, j = [self._trie], None, i
            while nodes and j < len(words):
                nodes = [node[key] for node in nodes for key in text_keys(words[j].text) if key in node]
                terms = frozenset(t for node in nodes for t in node.get(_TERMS, ()))
                if terms:
                    longest = (j, terms)
                j += 1
            if longest:
                start = words[i].start
                particle = article.get(start - 1)
                if particle is not None and text[start - 1] in "- ":
                    start = particle.start
                before = all_words[at[i] - 1] if at[i] else None
                after_at = at[longest[0]] + 1
                after = all_words[after_at] if after_at < len(all_words) else None
                found.append(Match(start, words[longest[0]].end, longest[1],
                                   _name_word(before, text, before and before.end, words[i].start),
                                   _name_word(after, text, words[longest[0]].end, after and after.start)
                                   or _particle_then_name(all_words, after_at, text),
                                   i == longest[0] and words[i].text in self._acronyms
                                   and (_capitals(before) or _capitals(after)),
                                   i == longest[0] and not words[i].text.isupper()
                                   and _title_case_word(before, text, words[i].start)))
                i = longest[0] + 1
            else:
                i += 1
        return found

    def document(self, blocks: list[Block]) -> DocumentActors:
        """The actors of one document: its record entries and the spans to mark."""
        raw = [(block, match) for block in blocks for match in self.matches(block.text)]
        named = {actor for _, m in raw for actor, strength in m.terms if strength == FULL}
        result = DocumentActors()
        mentions: dict[str, dict] = {}
        for block, match in raw:
            actor_id = _resolve(match, named)
            if actor_id is None:
                continue
            result.spans.setdefault((block.anchor, block.line), []).append((match.start, match.end, actor_id))
            entry = mentions.setdefault(actor_id, {"spellings": Counter(), ARTICLE: [], COMMENTS: []})
            entry["spellings"][block.text[match.start:match.end]] += 1
            entry[block.part].append(block.anchor)
        result.actors = sorted((self._entry(actor_id, e) for actor_id, e in mentions.items()),
                               key=lambda a: (-a["mentions"]["article"] - a["mentions"]["comments"],
                                              a["name"].casefold(), a["id"]))
        return result

    def _entry(self, actor_id: str, found: dict) -> dict:
        actor = self.actors[actor_id]
        return {
            "id": actor.id,
            "name": actor.name,
            "kind": actor.kind,
            "spellings": sorted(found["spellings"]),
            "mentions": {ARTICLE: len(found[ARTICLE]), COMMENTS: len(found[COMMENTS])},
            "paragraphs": list(dict.fromkeys(found[ARTICLE])),
            "comments": list(dict.fromkeys(found[COMMENTS])),
        }


def _terms(actor: Actor):
    """(keys, strength) of every name of ``actor``; a person's surname too."""
    seen = {}
    for name in actor.names:
        keys = alias_keys(name)
        if not keys:
            continue
        single = len(keys) == 1 and not keys[0].startswith(ACRONYM)
        strength = SHORT if single and actor.kind == "person" else FULL
        seen[keys] = min(seen.get(keys, strength), strength, key=_STRENGTH.index)
        if actor.kind == "person" and len(keys) > 1:
            # The surname of any full name; the given name of the actor's own name only
            # ("Bill reminds again"), since aliases may open with a title ("General Suleimani").
            for part in (keys[-1], keys[0]) if name == actor.name else (keys[-1],):
                if not part.startswith((ACRONYM, LOWER)):
                    seen.setdefault((part,), SURNAME)
    return seen.items()


_STRENGTH = [FULL, SHORT, SURNAME]


# Words that stand before a name without being part of it.
TITLES = frozenset("""
mr mrs ms dr president prime minister general gen brig brigadier col colonel lt major maj capt captain
admiral adm sheikh sheik ayatollah grand imam cleric senator sen rep governor gov king queen prince
secretary commander chief judge speaker vice deputy sayyid hojatoleslam mullah pope saint st lord lady sir
the by of and in on at for with from to said says
""".split())


def _opens_sentence(token, text: str) -> bool:
    before = text[max(0, token.start - 10):token.start].rstrip()
    return not before or before[-1] in '.!?:;"“”(—'


def _name_word(token, text: str, left: int | None, right: int | None) -> bool:
    """Is ``token`` a capitalised word that only a space separates from the match?"""
    if token is None or left is None or right is None or text[left:right] != " ":
        return False
    word = token.text
    return (word[:1].isupper() and not _opens_sentence(token, text) and word.casefold().rstrip(".") not in TITLES
            and not is_particle(word))


# Small words a writer capitalises mid-sentence only when title-casing a phrase ("At That Time",
# "Of Our Time"); never "The", which opens names ("read The Economist").
TITLE_CASE_WORDS = frozenset("that this these those at of on in into to for from with by as and or but than "
                             "then when our their its his her my your".split())


def _title_case_word(token, text: str, start: int) -> bool:
    """Is ``token``, right before a one-word name, a small word capitalised mid-sentence?"""
    return (token is not None and text[token.end:start] == " " and token.text[:1].isupper()
            and token.text.casefold() in TITLE_CASE_WORDS and not _opens_sentence(token, text))


# Lower-case words that join the parts of one person's name ("bin Laden", "van Gogh").
NAME_LINKS = frozenset("bin ibn bint ben de da di del della van von der den la le".split())


def _particle_then_name(all_words: list, k: int, text: str) -> bool:
    """Does a particle and a capitalised name follow at word ``k`` ("Osama bin Laden",
    "Abu Bakr al-Baghdadi")? Then the name before them is part of someone's longer name."""
    if k + 1 >= len(all_words) or not (is_particle(all_words[k].text) or all_words[k].text in NAME_LINKS):
        return False
    particle, name = all_words[k], all_words[k + 1]
    return text[particle.end:name.start] in (" ", "-") and name.text[:1].isupper()


def _capitals(token) -> bool:
    return token is not None and len(token.text) > 1 and token.text.isupper() and token.text.isalpha()


def _resolve(match: Match, named: set[str]) -> str | None:
    """The one actor a name stands for in this document, or None if it is not sure."""
    if match.shouting or match.title_cased:
        return None
    full = {actor for actor, strength in match.terms if strength == FULL}
    if full:
        return full.pop() if len(full) == 1 else None
    if match.name_before or match.name_after:
        return None  # a part of someone else's name: "Michelle Obama", "Bill Clinton"
    candidates = {actor for actor, _ in match.terms}
    named_here = candidates & named
    if len(named_here) == 1:
        return named_here.pop()
    if not named_here and len(candidates) == 1:
        ((actor, strength),) = match.terms
        return actor if strength == SHORT else None
    return None
