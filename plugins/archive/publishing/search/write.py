"""Writing the search data into the built site's ``search/`` folder."""

from __future__ import annotations

import gzip
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from archive.shared.names import PARTICLES, fold, is_acronym, is_particle, tokens
from archive.linking.actors.registry import Actor
from .analysis import PUNCTUATION, site_token
from .documents import ARTICLE_FIELDS, COMMENT_FIELDS, FIELDS, NOTE_FIELDS, shown
from .jsdata import js_data
from .single import single_index
from .split import FIELD_BIT, postings, split

SPLIT_THRESHOLD = 200  # documents; above this the index is split (lunr.py takes ~35 ms a document)


@dataclass
class SearchStats:
    mode: str
    documents: int
    index_bytes: int = 0  # the index alone (single file, or all parts)
    index_gzip_bytes: int = 0
    parts: int = 0
    largest_part_bytes: int = 0
    files: dict[str, bytes] = field(default_factory=dict, repr=False)


def _spellings(records: list[dict]) -> dict[str, set[str]]:
    """Every spelling the documents use of each actor (over all documents, not the last one's)."""
    found: dict[str, set[str]] = {}
    for record in records:
        for actor in record.get("actors", ()):
            found.setdefault(actor["id"], set()).update(actor["spellings"])
    return found


def _aliases(actors: list[Actor], records: list[dict]) -> dict[str, list[str]]:
    """Folded one-word spelling → actors it may name: surnames, one-word names,
    and every one-word spelling the documents use. search.js folds the same way."""
    keys: dict[str, set] = {}
    given: dict[str, set] = {}
    spellings = _spellings(records)
    for actor in actors:
        names = set(actor.names) | spellings.get(actor.id, set())
        for name in names:
            words = [t.text for t in tokens(name) if not is_particle(t.text)]
            if len(words) == 1 and is_acronym(words[0]):
                keys.setdefault("=" + words[0], set()).add(actor.id)  # IS, not "is"
            elif len(words) == 1 or (words and actor.kind == "person"):
                keys.setdefault(fold(words[-1]), set()).add(actor.id)
                if len(words) > 1 and actor.kind == "person":
                    given.setdefault(fold(words[0]), set()).add(actor.id)  # Moqtada, Qassim
    for key, ids in given.items():
        if len(ids) == 1 and key not in keys:  # "Ali" names several people: left alone
            keys[key] = ids
    return {key: sorted(ids) for key, ids in sorted(keys.items()) if len(key) > 2}


def _names(actors: list[Actor], records: list[dict]) -> dict[str, list[str]]:
    """Folded names of two words or more ("muqtada sadr", "sadr city"), particles
    left out → the actors they name: a query that writes one searches that actor,
    under every spelling, as one unit. search.js folds the same way."""
    spellings = _spellings(records)
    keys: dict[str, set] = {}
    for actor in actors:
        for name in set(actor.names) | spellings.get(actor.id, set()):
            words = [fold(t.text) for t in tokens(name) if not is_particle(t.text)]
            if len(words) > 1:
                keys.setdefault(" ".join(words), set()).add(actor.id)
    return {key: sorted(ids) for key, ids in sorted(keys.items())}


def _setup(records: list[dict], actors: list[Actor], mode: str, parts: list[str]) -> dict:
    named = Counter(a["id"] for r in records for a in r.get("actors", ()))
    years = Counter((r.get("date") or "")[:4] for r in records if r.get("date"))
    sites = Counter(r["site"] for r in records if r.get("site"))
    return {
        "mode": mode,
        "documents": len(records),
        "fields": list(FIELDS),
        "fieldBits": FIELD_BIT,
        "articleFields": list(ARTICLE_FIELDS),
        "commentFields": list(COMMENT_FIELDS),
        "noteFields": list(NOTE_FIELDS),
        "parts": parts,
        "punctuation": PUNCTUATION,
        "actors": [[a.id, a.name, named[a.id]] for a in sorted(actors, key=lambda a: a.name.casefold())
                   if named[a.id]],
        "years": sorted(years.items()),
        "sites": [[site, site_token(site), count] for site, count in sorted(sites.items())],
        "aliases": _aliases(actors, records),
        "names": _names(actors, records),
        "particles": sorted(PARTICLES),
    }


def search_files(records: list[dict], actors: list[Actor], threshold: int = SPLIT_THRESHOLD) -> SearchStats:
    """Every file of the search data, by path under ``search/``."""
    mode = "split" if len(records) > threshold or not records else "single"  # lunr.py needs a document
    stats = SearchStats(mode, len(records))
    files = stats.files
    keys: list[str] = []
    if mode == "single":
        files["index.js"] = js_data("index", single_index(records))
        index_files = [files["index.js"]]
    else:
        parts = split(postings(records))
        keys = sorted(parts)
        for n, key in enumerate(keys):
            files[f"parts/{n}.js"] = js_data(f"part:{n}", parts[key])
        index_files = [files[f"parts/{n}.js"] for n in range(len(keys))]
        stats.parts = len(keys)
        stats.largest_part_bytes = max(map(len, index_files), default=0)
    stats.index_bytes = sum(map(len, index_files))
    stats.index_gzip_bytes = sum(len(gzip.compress(data, mtime=0)) for data in index_files)
    files["setup.js"] = js_data("setup", _setup(records, actors, mode, keys))
    for n, record in enumerate(records):
        files[f"doc/{n}.js"] = js_data(f"doc:{n}", shown(record))
    return stats


def write_search(records: list[dict], actors: list[Actor], folder: Path,
                 threshold: int = SPLIT_THRESHOLD) -> SearchStats:
    """Write the search data under ``folder`` (the site's ``search/``)."""
    stats = search_files(records, actors, threshold)
    for name, data in stats.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return stats
