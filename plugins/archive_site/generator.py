"""The Pelican generator that turns the corpus into pages and files."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from blinker import signal
from pelican.generators import Generator

from archive.actors import load_registry
from archive.actors.annotate import actor_pages, segments
from archive.actors.unmatched import report as unmatched_report
from archive.actors.unmatched import unknown_names
from archive.corpus import Corpus, read_corpus
from archive.editorial import render_markdown

# Sent with the finished `Corpus` once every document is written.
corpus_written = signal("archive-corpus-written")

PROGRESS_EVERY = 200  # captures; smaller builds finish before progress would help


def _progress(done: int, total: int) -> None:
    if total >= PROGRESS_EVERY and (done % PROGRESS_EVERY == 0 or done == total):
        print(f"reading captures: {done}/{total}", file=sys.stderr, flush=True)


def record_json(record: dict) -> str:
    """Stable, readable JSON: the same record always gives the same bytes."""
    return json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


class ArchiveGenerator(Generator):
    """Reads the seeds folder; writes `doc/<id>/` for every capture, and the index."""

    def generate_context(self):
        seeds = Path(self.settings["ARCHIVE_SEEDS"])
        if not seeds.is_dir():
            raise FileNotFoundError(f"seeds folder not found: {seeds}")
        self.registry = registry = load_registry(Path(self.settings["ARCHIVE_ACTORS"]))
        self.corpus: Corpus = read_corpus(seeds, progress=_progress, actors=registry.actors)
        self.corpus.problems.extend(registry.problems)
        documents = sorted(self.corpus.records, key=_index_order)
        self.context["archive_documents"] = documents
        self.context["archive_comment_count"] = self.corpus.comment_count
        self.context["archive_actors"] = actor_pages(registry.actors, documents, self.corpus.actor_spans)
        self.context["actor_names"] = {a.id: a.name for a in registry.actors}
        self.context["markdown"] = render_markdown

    def generate_output(self, writer):
        document_template = self.get_template("document")
        for record in self.context["archive_documents"]:
            folder = f"doc/{record['id']}"
            marks = self.corpus.actor_spans.get(record["id"], {})
            writer.write_file(f"{folder}/index.html", document_template, self.context,
                              relative_urls=True, doc=record, marks=marks, segments=segments)
            self._write_bytes(f"{folder}/record.json", record_json(record).encode("utf-8"))
            self._write_bytes(f"{folder}/source.txt", self.corpus.sources[record["id"]])
        writer.write_file("index.html", self.get_template("index"), self.context,
                          relative_urls=True)
        actor_template = self.get_template("actor")
        for page in self.context["archive_actors"]:
            writer.write_file(f"actor/{page.actor.id}/index.html", actor_template, self.context,
                              relative_urls=True, page=page)
        writer.write_file("actor/index.html", self.get_template("actors"), self.context,
                          relative_urls=True)
        names = unknown_names(self.corpus.records, self.corpus.actor_spans, self.registry.actors)
        self._write_bytes("reports/unmatched-names.txt", unmatched_report(names).encode("utf-8"))
        corpus_written.send(self, corpus=self.corpus)

    def _write_bytes(self, name: str, data: bytes) -> None:
        path = Path(self.output_path, name)
        os.makedirs(path.parent, exist_ok=True)
        path.write_bytes(data)


def _index_order(record: dict):
    """Dated documents first, oldest first; then by title; the id breaks ties."""
    return (record["date"] is None, record["date"] or "", (record["title"] or "").lower(), record["id"])
