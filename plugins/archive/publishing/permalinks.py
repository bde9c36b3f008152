"""The permalink registry: every document URL and anchor the archive ever published.

The registry (`content/permalinks.json`) lists each document ``doc/<id>/``
with how many paragraph (``#p1``…) and comment (``#c1``…) anchors it has had,
the anchor (``#a1``…) each editors' note has on every page that shows it,
and the permalinks an editor retired, each with where it now points. `check`
compares it with a build: a registered permalink that would vanish without
being retired is an error; new ones are added only by `registered` (the
explicit ``invoke build --register`` step).
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

ABOUT = ("Every permalink this archive has published. 'documents', 'passages', 'notes' (each editors' note's "
         "anchors) and 'note_blocks' are written by `invoke build --register`; editors edit only 'retired' "
         "(old permalink -> where it now points). See the Method page, Permalinks.")
_PERMALINK = re.compile(r"^doc/([a-z0-9][a-z0-9-]*)/(?:#([pca])([1-9][0-9]*))?$")
_PASSAGE = re.compile(r"^quote/[0-9a-f]{12}/$")
_NOTE = re.compile(r"^(?:doc/[a-z0-9][a-z0-9-]*|quote/[0-9a-f]{12})/#a[1-9][0-9]*$")


class PermalinkError(Exception):
    """The build would break a registered permalink, or the registry is wrong."""


@dataclass
class Registry:
    documents: dict[str, dict[str, int]] = field(default_factory=dict)  # url → {"paragraphs", "comments"}
    retired: dict[str, str] = field(default_factory=dict)  # old permalink → where it now points
    # shared passage url → where it stood when registered (doc/<id>/#pN where each occurrence begins)
    passages: dict[str, list[str]] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)  # note id → its anchors (doc/<id>/#a3…)
    # note id → "target@fingerprint": the words a whole-paragraph or whole-comment note was published on
    note_blocks: dict[str, str] = field(default_factory=dict)


def parse(permalink: str) -> tuple[str, str | None, int | None]:
    """``doc/<id>/#p3`` → (``doc/<id>/``, ``p``, 3); raises for anything else."""
    match = _PERMALINK.match(permalink)
    if not match:
        raise PermalinkError(f"{permalink!r} is not a permalink (doc/<id>/, doc/<id>/#p<n>, doc/<id>/#c<n> "
                             "or doc/<id>/#a<n>)")
    doc, kind, number = match.groups()
    return f"doc/{doc}/", kind, int(number) if number else None


def load(path: Path) -> Registry:
    try:
        return load_text(path.read_text(encoding="utf-8"), str(path))
    except FileNotFoundError:
        raise PermalinkError(f"no permalink registry at {path}: run `invoke build --register` "
                             "to create it from this build") from None
    except UnicodeDecodeError as error:
        raise PermalinkError(f"{path}: not valid JSON ({error})") from None


def load_text(text: str, name: str = "the permalink registry") -> Registry:
    try:
        data = json.loads(text)
    except ValueError as error:
        raise PermalinkError(f"{name}: not valid JSON ({error})") from None
    registry = Registry({k: dict(v) for k, v in data.get("documents", {}).items()},
                        dict(data.get("retired", {})),
                        {k: list(v) for k, v in data.get("passages", {}).items()},
                        {k: list(v) for k, v in data.get("notes", {}).items()},
                        {k: str(v) for k, v in data.get("note_blocks", {}).items()})
    for url in list(registry.documents) + [u for u in list(registry.retired) + list(registry.retired.values())
                                           if not _PASSAGE.match(u) and not _NOTE.match(u)]:
        parse(url)
    claimed: dict[str, str] = {}
    for note, places in registry.notes.items():
        for place in places:
            if not _NOTE.match(place):
                raise PermalinkError(f"{place!r} (note {note!r}) is not a note's permalink (doc/<id>/#a<n>)")
            if place in claimed:  # a merge of two registries can do this
                raise PermalinkError(f"{name}: {place} is registered for two notes, {claimed[place]!r} and "
                                     f"{note!r}; give one of them the next free number on its page")
            claimed[place] = note
    for url, places in registry.passages.items():
        if not _PASSAGE.match(url):
            raise PermalinkError(f"{url!r} is not a passage permalink (quote/<id>/)")
        for place in places:
            parse(place)
    return registry


def dumps(registry: Registry) -> str:
    """The registry as JSON: one line per document, sorted, so diffs read well."""
    docs = [f'    {json.dumps(url)}: {{"paragraphs": {c["paragraphs"]}, "comments": {c["comments"]}}}'
            for url, c in sorted(registry.documents.items())]
    retired = [f"    {json.dumps(old)}: {json.dumps(new)}" for old, new in sorted(registry.retired.items())]
    passages = [f"    {json.dumps(url)}: {json.dumps(places)}" for url, places in sorted(registry.passages.items())]
    notes = [f"    {json.dumps(note)}: {json.dumps(sorted(places))}" for note, places in sorted(registry.notes.items())]
    blocks = [f"    {json.dumps(note)}: {json.dumps(seen)}" for note, seen in sorted(registry.note_blocks.items())]
    return ("{\n" + f'  "about": {json.dumps(ABOUT)},\n'
            + '  "documents": {' + ("\n" + ",\n".join(docs) + "\n  " if docs else "") + "},\n"
            + ('  "note_blocks": {' + "\n" + ",\n".join(blocks) + "\n  },\n" if blocks else "")
            + ('  "notes": {' + "\n" + ",\n".join(notes) + "\n  },\n" if notes else "")
            + '  "passages": {' + ("\n" + ",\n".join(passages) + "\n  " if passages else "") + "},\n"
            + '  "retired": {' + ("\n" + ",\n".join(retired) + "\n  " if retired else "") + "}\n}\n")


def published(records: list[dict]) -> dict[str, dict[str, int]]:
    """What a build publishes: url → its paragraph and comment counts."""
    return {r["url"]: {"paragraphs": len(r["paragraphs"]), "comments": len(r["comments"])} for r in records}


def _anchors(counts: dict[str, int]) -> set[str]:
    return ({f"p{n}" for n in range(1, counts["paragraphs"] + 1)}
            | {f"c{n}" for n in range(1, counts["comments"] + 1)})


def _live(permalink: str, current: dict) -> bool:
    doc, kind, number = parse(permalink)
    return doc in current and (kind is None or f"{kind}{number}" in _anchors(current[doc]))


def resolve(permalink: str, registry: Registry, current: dict) -> str:
    """Where a retired permalink now lands: follows retirements to a live permalink."""
    seen = [permalink]
    target = registry.retired[permalink]
    while not _live(target, current):
        if target not in registry.retired:
            raise PermalinkError(f"{permalink} is retired to {target}, which this build does not publish; "
                                 "point it at a published document or anchor")
        if target in seen:
            raise PermalinkError("retired permalinks point at each other: " + " -> ".join(seen + [target]))
        seen.append(target)
        target = registry.retired[target]
    return target


@dataclass
class Check:
    vanished: list[str]  # registered, not published, not retired
    new: list[str]  # published, not yet registered
    redirects: dict[str, str]  # retired permalink → the live one it lands on


def _ranges(doc: str, kind: str, numbers: list[int]) -> list[str]:
    """doc/x/#p3, doc/x/#p5–#p9: every anchor named, runs shortened."""
    out, start = [], None
    for n in sorted(numbers) + [None]:
        if start is None:
            start = prev = n
        elif n != prev + 1:
            out.append(f"{doc}#{kind}{start}" + (f"–#{kind}{prev}" if prev != start else ""))
            start = prev = n
        else:
            prev = n
    return out


def check(registry: Registry, current: dict[str, dict[str, int]]) -> Check:
    """Compare a build (`published`) with the registry."""
    vanished, new = [], []
    for doc, counts in sorted(registry.documents.items()):
        if doc not in current:
            if doc not in registry.retired:
                vanished.append(f"{doc} (and its anchors #p1–#p{counts['paragraphs']}"
                                f"{', #c1–#c' + str(counts['comments']) if counts['comments'] else ''})"
                                if counts["paragraphs"] or counts["comments"] else doc)
            continue
        for kind, key in (("p", "paragraphs"), ("c", "comments")):
            gone = [n for n in range(current[doc][key] + 1, counts[key] + 1)
                    if f"{doc}#{kind}{n}" not in registry.retired]
            vanished += _ranges(doc, kind, gone)
    for doc, counts in sorted(current.items()):
        known = registry.documents.get(doc, {"paragraphs": 0, "comments": 0})
        if doc not in registry.documents:
            new.append(doc)
        for kind, key in (("p", "paragraphs"), ("c", "comments")):
            new += _ranges(doc, kind, list(range(known[key] + 1, counts[key] + 1)))
    redirects = {}
    for old in sorted(registry.retired):
        if _PASSAGE.match(old) or _NOTE.match(old):
            continue  # see passage_check and note_check
        doc, _kind, _number = parse(old)
        if doc not in registry.documents or not _registered(old, registry):
            raise PermalinkError(f"{old} is retired in the registry but was never registered; "
                                 "retire only permalinks the archive published")
        if _live(old, current):
            raise PermalinkError(f"{old} is retired in the registry but this build publishes it again; "
                                 "remove it from 'retired' (a permalink cannot be both)")
        redirects[old] = resolve(old, registry, current)
    return Check(vanished, new, redirects)


def _registered(permalink: str, registry: Registry) -> bool:
    doc, kind, number = parse(permalink)
    return kind is None or f"{kind}{number}" in _anchors(registry.documents[doc])


def failure_message(vanished: list[str], registry_path: str) -> str:
    return (f"{len(vanished)} registered permalink(s) would vanish: scholars may have cited them.\n"
            + "".join(f"  - {url}\n" for url in vanished)
            + f"Restore the capture(s), or retire each one in {registry_path} by saying where it now "
              'points, e.g. "retired": {"doc/<old>/": "doc/<new>/", "doc/<id>/#p12": "doc/<id>/#p11"}; '
              "the build then writes a redirect at the old address.")


def unregistered_message(new: list[str], registry_path: str) -> str:
    shown = new[:20] + ([f"… and {len(new) - 20} more"] if len(new) > 20 else [])
    return (f"{len(new)} new permalink(s) are not in {registry_path}:\n"
            + "".join(f"  - {url}\n" for url in shown)
            + "Run `invoke build --register` to publish them: it adds them to the registry "
              "(commit the file), and from then on the build keeps them.")


def registered(registry: Registry, current: dict[str, dict[str, int]]) -> Registry:
    """The registry with this build's permalinks added; nothing is ever removed."""
    grown = copy.deepcopy(registry)
    for doc, counts in current.items():
        known = grown.documents.setdefault(doc, {"paragraphs": 0, "comments": 0})
        for key in ("paragraphs", "comments"):
            known[key] = max(known[key], counts[key])
    return grown


def moved_anchors(redirects: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Retired anchors of documents still published: doc url → [(old anchor, new permalink)]."""
    moved: dict[str, list[tuple[str, str]]] = {}
    for old, new in redirects.items():
        if _PASSAGE.match(old) or old.startswith("quote/"):
            continue
        doc, kind, number = parse(old)
        if kind is not None:
            moved.setdefault(doc, []).append((f"{kind}{number}", new))
    return moved


# --- shared passages ---------------------------------------------------------------

def published_passages(passages) -> dict[str, list[str]]:
    """What a build publishes of its shared passages: quote url → where each occurrence begins."""
    return {f"quote/{p.id}/": sorted(f"doc/{o.doc}/#{o.paragraph}" for o in p.occurrences) for p in passages}


def passage_check(registry: Registry, current: dict[str, list[str]],
                  documents: dict[str, dict[str, int]]) -> Check:
    """Registered passage pages this build does not publish land somewhere: where
    the editors retired them to, else the passage now standing on most of the
    same places (passages merge and split as captures are added or corrected),
    else the first of those places still published (the passage is no longer
    shared, but its words are still there). Only a passage whose every place is
    gone vanishes. New passage pages are named for registration."""
    standing: dict[str, list[str]] = {}
    for url, places in current.items():
        for place in places:
            standing.setdefault(place, []).append(url)
    vanished, redirects = [], {}
    for old, places in sorted(registry.passages.items()):
        if old in current:
            continue
        if old in registry.retired:
            target = registry.retired[old]
            if not (target in current or (not _PASSAGE.match(target) and _live(target, documents))):
                raise PermalinkError(f"{old} is retired to {target}, which this build does not publish")
            redirects[old] = target
            continue
        shared: dict[str, int] = {}
        for place in places:
            for url in standing.get(place, ()):
                shared[url] = shared.get(url, 0) + 1
        if shared:
            redirects[old] = min(shared, key=lambda url: (-shared[url], url))
            continue
        still = next((place for place in places if _live(place, documents)), None)
        if still is not None:
            redirects[old] = still
        else:
            vanished.append(f"{old} (the passage shared by {', '.join(places)})")
    new = sorted(url for url in current if url not in registry.passages)
    return Check(vanished, new, redirects)


def registered_passages(registry: Registry, current: dict[str, list[str]]) -> Registry:
    """The registry with this build's passage pages added (never removed)."""
    grown = copy.deepcopy(registry)
    for url, places in current.items():
        grown.passages.setdefault(url, list(places))
    return grown


# --- editors' notes ------------------------------------------------------------------

def note_check(registry: Registry, current: dict[str, list[str]], pages: set[str]) -> Check:
    """A registered note anchor on a page still published must still be there (a note
    that lost its words keeps its anchor; a deleted note's anchors are retired by
    the editors); new note anchors are named for registration."""
    shown = {place for places in current.values() for place in places}
    vanished, redirects = [], {}
    for note, places in sorted(registry.notes.items()):
        for place in places:
            if place not in shown and place.split("#")[0] in pages and place not in registry.retired:
                vanished.append(f"{place} (the note {note!r})")
    for old, target in sorted(registry.retired.items()):
        if not _NOTE.match(old):
            continue
        if not any(old in places for places in registry.notes.values()):
            raise PermalinkError(f"{old} is retired in the registry but was never registered; "
                                 "retire only permalinks the archive published")
        if old in shown:
            raise PermalinkError(f"{old} is retired in the registry but this build publishes it again; "
                                 "remove it from 'retired' (a permalink cannot be both)")
        if target.split("#")[0] not in pages or ("#a" in target and target not in shown):
            raise PermalinkError(f"{old} is retired to {target}, which this build does not publish")
        redirects[old] = target
    new = sorted(f"{place} (the note {note!r})" for note, places in current.items() for place in places
                 if place not in registry.notes.get(note, ()))
    return Check(vanished, new, redirects)


def registered_notes(registry: Registry, current: dict[str, list[str]], blocks: dict[str, str]) -> Registry:
    """The registry with this build's note anchors added (never removed), and the words each
    whole-paragraph or whole-comment note now stands on."""
    grown = copy.deepcopy(registry)
    for note, places in current.items():
        known = grown.notes.setdefault(note, [])
        known += [place for place in places if place not in known]
    grown.note_blocks.update(blocks)
    return grown
