"""The Pelican generator that turns the corpus into pages and files."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from blinker import signal
from pelican.generators import Generator

from archive.linking.actors import load_registry
from archive.linking.actors.annotate import actor_pages
from archive.linking.actors.unmatched import report as unmatched_report
from archive.linking.actors.unmatched import unknown_names
from archive.corpus import Corpus, read_corpus
from archive.shared.editorial import render_markdown
from archive.linking.links import variant_pieces
from archive.publishing.marks import pieces
from archive.publishing.pictures import graph, overview, timeline
from archive.publishing.search import write_search

# Sent with the finished `Corpus` once every document is written.
corpus_written = signal("archive-corpus-written")

PROGRESS_EVERY = 200  # captures; smaller builds finish before progress would help


def _progress(done: int, total: int) -> None:
    if total >= PROGRESS_EVERY and (done % PROGRESS_EVERY == 0 or done == total):
        print(f"reading captures: {done}/{total}", file=sys.stderr, flush=True)


def record_json(record: dict) -> str:
    """Stable, readable JSON: the same record always gives the same bytes."""
    return json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


class DuplicateOutputError(Exception):
    """Two pages of one build would be written to the same file."""


class ArchiveGenerator(Generator):
    """Reads the seeds folder; writes `doc/<id>/` for every capture, and the index."""

    def _claim(self, path: str, source: str) -> str:
        """``path``, claimed for ``source``: a second claim is an error naming both."""
        claimed = self.__dict__.setdefault("_claimed", {})
        if path in claimed:
            raise DuplicateOutputError(f"{path} would be written twice: for {claimed[path]} and for {source}")
        claimed[path] = source
        return path

    def generate_context(self):
        seeds = Path(self.settings["ARCHIVE_SEEDS"])
        if not seeds.is_dir():
            raise FileNotFoundError(f"seeds folder not found: {seeds}")
        self.registry = registry = load_registry(Path(self.settings["ARCHIVE_ACTORS"]))
        cache = Path(self.settings["ARCHIVE_CACHE"]) if self.settings.get("ARCHIVE_CACHE") else None
        self.corpus: Corpus = read_corpus(seeds, progress=_progress, actors=registry.actors, cache=cache)
        self.corpus.problems.extend(registry.problems)
        documents = sorted(self.corpus.records, key=_index_order)
        self.context["archive_documents"] = documents
        self.context["archive_comment_count"] = self.corpus.comment_count
        self.context["archive_actors"] = actor_pages(registry.actors, documents, self.corpus.actor_spans)
        self.context["actor_names"] = {a.id: a.name for a in registry.actors}
        self.context["markdown"] = render_markdown
        self.context["archive_titles"] = {r["id"]: r["title"] or r["source"]["file"] for r in documents}
        self.context["archive_passages"] = self.corpus.passages

    def generate_output(self, writer):
        timings = self.corpus.timings
        started = time.perf_counter()
        document_template = self.get_template("document")
        marks = self._marks()
        for record in self.context["archive_documents"]:
            folder = f"doc/{record['id']}"
            writer.write_file(self._claim(f"{folder}/index.html", f"capture {record['source']['file']}"),
                              document_template, self.context, relative_urls=True, doc=record,
                              marks=marks.get(record["id"], {}), pieces=pieces)
            self._write_bytes(f"{folder}/record.json", record_json(record).encode("utf-8"))
            self._write_bytes(f"{folder}/source.txt", self.corpus.sources[record["id"]])
        timings["document pages"] = time.perf_counter() - started
        writer.write_file("index.html", self.get_template("index"), self.context,
                          relative_urls=True)
        actor_template = self.get_template("actor")
        for page in self.context["archive_actors"]:
            writer.write_file(self._claim(f"actor/{page.actor.id}/index.html", f"actor {page.actor.name!r}"),
                              actor_template, self.context, relative_urls=True, page=page)
        writer.write_file("actor/index.html", self.get_template("actors"), self.context,
                          relative_urls=True)
        quote_template = self.get_template("quote")
        for passage in self.corpus.passages:
            first = passage.occurrences[0]
            writer.write_file(self._claim(f"quote/{passage.id}/index.html",
                                          f"the passage first found in doc/{first.doc}/#{first.paragraph}"),
                              quote_template, self.context, relative_urls=True, passage=passage,
                              variant_pieces=variant_pieces)
        timings["index, actor and passage pages"] = time.perf_counter() - started - timings["document pages"]
        started = time.perf_counter()
        documents = self.context["archive_documents"]
        writer.write_file("map/index.html", self.get_template("map"), self.context, relative_urls=True,
                          graph=graph(documents), timeline=timeline(documents),
                          overview=overview(documents, self.corpus.passages))
        writer.write_file("search.html", self.get_template("search"), self.context, relative_urls=True)
        # GitHub Pages serves 404.html at any missing address, at any depth: its links are
        # absolute when the site has a public address (at the top of the site, relative will do)
        writer.write_file("404.html", self.get_template("404"), self.context,
                          relative_urls=not self.settings.get("SITEURL"))
        self._write_bytes(".nojekyll", b"")  # GitHub Pages: publish the files as they are
        timings["map"] = time.perf_counter() - started
        started = time.perf_counter()
        self._write_search()
        timings["search index"] = time.perf_counter() - started
        names = unknown_names(self.corpus.records, self.corpus.actor_spans, self.registry.actors)
        self._write_bytes("reports/unmatched-names.txt", unmatched_report(names).encode("utf-8"))
        corpus_written.send(self, corpus=self.corpus)

    def _write_search(self) -> None:
        """The search data, and lunr.js from its npm package (never from a CDN)."""
        lunr_js = Path(self.settings["ARCHIVE_LUNR_JS"])
        if not lunr_js.is_file():
            raise FileNotFoundError(f"{lunr_js} is missing: `invoke build` installs it with npm "
                                    "(theme/package.json)")
        self._write_bytes("theme/js/lunr.min.js", lunr_js.read_bytes())
        self.search_stats = write_search(self.context["archive_documents"], self.registry.actors,
                                         Path(self.output_path, "search"), self.settings["ARCHIVE_SEARCH_SPLIT"])

    def _marks(self) -> dict[str, dict]:
        """Each document's marks: (anchor, line) → {"names": [...], "passages": [...]}."""
        marks: dict[str, dict] = {}
        for doc, spans in self.corpus.actor_spans.items():
            for key, names in spans.items():
                marks.setdefault(doc, {}).setdefault(key, {"names": [], "passages": []})["names"] = names
        for passage in self.corpus.passages:
            for occurrence in passage.occurrences:
                for paragraph, (start, end) in occurrence.marks.items():
                    entry = marks.setdefault(occurrence.doc, {}).setdefault((paragraph, 0),
                                                                            {"names": [], "passages": []})
                    entry["passages"].append((start, end, passage.id))
        return marks

    def _write_bytes(self, name: str, data: bytes) -> None:
        path = Path(self.output_path, name)
        os.makedirs(path.parent, exist_ok=True)
        path.write_bytes(data)


def _index_order(record: dict):
    """Dated documents first, oldest first; then by title; the id breaks ties."""
    return (record["date"] is None, record["date"] or "", (record["title"] or "").lower(), record["id"])
