"""The actor registry: one Markdown file per actor in ``content/actors/``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from archive.shared.editorial import EditorialError, read_markdown
from archive.shared.names import LOWER, alias_keys

KINDS = ("person", "organisation", "media", "place")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True)
class Actor:
    id: str  # the file name: content/actors/<id>.md; also the permalink actor/<id>/
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    description: str = ""  # Markdown
    wikidata: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class Registry:
    actors: list[Actor] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # files not used, and why

    def by_id(self) -> dict[str, Actor]:
        return {actor.id: actor for actor in self.actors}


def _text_list(value, name: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise EditorialError(f"{name}: '{key}' must be a list of names")
    return tuple(str(v).strip() for v in value if str(v).strip())


def read_actor(path: Path) -> Actor:
    """One registry file; `EditorialError` names the file and what is wrong."""
    page = read_markdown(path)
    name, meta = path.name, page.meta
    actor_id = path.stem
    if not _ID.match(actor_id):
        raise EditorialError(f"{name}: the file name must be a lowercase slug such as 'quds-force.md'")
    title = meta.get("name")
    if not isinstance(title, str) or not title.strip():
        raise EditorialError(f"{name}: 'name' is missing")
    kind = meta.get("kind")
    if kind not in KINDS:
        raise EditorialError(f"{name}: 'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
    wikidata = meta.get("wikidata")
    if wikidata is not None and not _WIKIDATA.match(str(wikidata)):
        raise EditorialError(f"{name}: 'wikidata' must look like Q42, not {wikidata!r}")
    aliases = tuple(dict.fromkeys(a for a in _text_list(meta.get("aliases"), name, "aliases")
                                  if a != title.strip()))
    for alias in (title.strip(), *aliases):
        keys = alias_keys(alias)
        if not keys:
            raise EditorialError(f"{name}: the name {alias!r} has no word a text could match")
        if all(key.startswith(LOWER) for key in keys):
            raise EditorialError(f"{name}: the name {alias!r} is all lowercase words; "
                                 "names are matched only where capitalised")
    return Actor(actor_id, title.strip(), kind, aliases, page.body.strip(),
                 str(wikidata) if wikidata else None)


def load_registry(folder: Path) -> Registry:
    """Every ``*.md`` in ``folder`` except README.md, in file-name order. A bad
    file is reported and left out; the others are still used."""
    registry = Registry()
    if not folder.is_dir():
        return registry
    for path in sorted(folder.glob("*.md")):
        if path.name.lower() == "readme.md" or path.name.startswith("."):
            continue
        try:
            registry.actors.append(read_actor(path))
        except EditorialError as error:
            registry.problems.append(f"{error}; actor not used")
    registry.problems.extend(_shared_names(registry.actors))
    return registry


def _shared_names(actors: list[Actor]) -> list[str]:
    """Two actors under one full name: neither is linked where it stands."""
    owners: dict[tuple, list[str]] = {}
    written: dict[tuple, str] = {}
    for actor in actors:
        for name in actor.names:
            keys = alias_keys(name)
            if len(keys) > 1 or (keys and actor.kind != "person"):
                written.setdefault(keys, name)
                owners.setdefault(keys, [])
                if actor.id not in owners[keys]:
                    owners[keys].append(actor.id)
    return [f"{', '.join(f'{a}.md' for a in ids)}: the name {written[keys]!r} (or a spelling of it) is "
            f"given to {len(ids)} actors; it links to none of them" for keys, ids in owners.items() if len(ids) > 1]
