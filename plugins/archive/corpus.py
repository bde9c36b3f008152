"""A folder of captures → records and problems; one bad capture never stops the rest."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .linking.actors import Actor, ActorFinder
from .linking.actors.annotate import annotate
from .cache import ReadingCache
from .reading.capture import Capture, CaptureError, read_capture
from .shared.ids import document_id
from .linking.links import SharedPassage, link_corpus
from .reading.parse import parse_text
from .record import build_record
from .reading.sitewide import SiteEvidence, evidence, repeated_lines
from .reading.state import SiteLines

CAPTURE_SUFFIX = ".txt"


@dataclass
class Corpus:
    records: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # captures not published, and why
    warnings: list[str] = field(default_factory=list)  # published, but worth a look
    sources: dict[str, bytes] = field(default_factory=dict)  # id → the capture's bytes, as checksummed
    actor_spans: dict[str, dict] = field(default_factory=dict)  # id → names to mark (see actors.detect)
    timings: dict[str, float] = field(default_factory=dict)  # stage → seconds (for `invoke bench`)
    cached: int = 0  # captures whose reading came from the cache (`archive.cache`)
    passages: list[SharedPassage] = field(default_factory=list)  # shared by two or more documents

    @property
    def comment_count(self) -> int:
        return sum(len(r["comments"]) for r in self.records)


def capture_files(seeds: Path) -> list[Path]:
    """The captures in ``seeds``, in a stable order (by file name)."""
    return sorted((p for p in seeds.iterdir()
                   if p.suffix.lower() == CAPTURE_SUFFIX and p.is_file() and not p.name.startswith(".")),
                  key=lambda p: p.name)


def read_corpus(seeds: Path, progress: Callable[[int, int], None] | None = None,
                actors: list[Actor] = (), workers: int | None = None, cache: Path | None = None) -> Corpus:
    """Read every capture in ``seeds``. Problems name the file (and line).

    Every capture is parsed first, then the corpus-wide rules run over all the
    parses (lines repeated across a site's captures), then the records are
    built, then the corpus links: the registry's ``actors`` found in each, the
    passages documents share, and the related documents. Reading and parsing
    run in ``workers`` processes (default: one per core, for larger corpora);
    the result is the same, in the same order, whatever their number. With a
    ``cache`` folder, a capture read before (same bytes, same site, same code)
    is not read again (`archive.cache`).
    """
    corpus = Corpus()
    clock = _Clock(corpus.timings)
    owners: dict[str, str] = {}
    files: list[tuple[Path, str | None]] = []  # each capture, and why it is not read (a taken id)
    for path in capture_files(seeds):
        doc_id = document_id(path.name)
        if doc_id in owners:
            files.append((path, f"{path.name}: duplicate id {doc_id!r}, already taken by {owners[doc_id]}; "
                                "not published"))
            continue
        owners[doc_id] = path.name  # even if it fails: a later file never takes its id silently
        files.append((path, None))
    readable = [path for path, taken in files if taken is None]
    with _workers(len(readable), workers) as pool:
        first = []
        readings = iter(pool(_first_reading, [(path, cache) for path in readable]))
        for n, (path, taken) in enumerate(files, start=1):
            if progress:
                progress(n, len(files))
            reading = _Reading(problem=taken) if taken else next(readings)
            if reading.problem:
                corpus.problems.append(reading.problem)
            else:
                first.append(reading)
        clock.lap("parse")
        site_lines = repeated_lines([reading.evidence for reading in first])
        again = [(reading.capture, known, cache) for reading, known in zip(first, site_lines) if known is not None]
        second = iter(list(pool(_second_reading, again)))  # every reading in before the workers stop
    for reading, known in zip(first, site_lines):
        if known is not None:
            reading = next(second)
            if reading.problem:
                corpus.problems.append(reading.problem)
                continue
        capture, record = reading.capture, reading.record
        corpus.cached += reading.cached
        corpus.warnings.extend(capture.warnings + _warnings(capture.file, record))
        corpus.records.append(record)
        corpus.sources[record["id"]] = capture.data
    clock.lap("site-wide lines and records")
    corpus.actor_spans = annotate(corpus.records, ActorFinder(list(actors)))
    clock.lap("actors")
    corpus.passages = link_corpus(corpus.records)
    clock.lap("passages and related documents")
    return corpus


PARALLEL_FROM = 40  # captures; fewer are read in this process (starting workers costs more)


@dataclass
class _Reading:
    """One capture read: its record, what it tells of its site, or why it cannot be published."""

    capture: Capture | None = None
    record: dict | None = None
    evidence: SiteEvidence | None = None
    problem: str | None = None
    cached: bool = False  # this reading came from the cache


def _first_reading(job: tuple[Path, Path | None]) -> _Reading:
    path, folder = job
    store = ReadingCache(folder)
    try:
        key = store.key("first", path.name, path.read_bytes())
    except OSError:
        key = None  # read_capture says what is wrong with the file
    known = store.get(key) if key else None
    if known is not None:
        known.cached = True
        return known
    with _reported(path) as reading:
        capture = read_capture(path)
        state = parse_text(capture.text)
        reading.capture, reading.record, reading.evidence = capture, build_record(capture, state), evidence(state)
    if key and not reading.problem:
        store.put(key, reading)
    return reading


def _second_reading(job: tuple[Capture, SiteLines, Path | None]) -> _Reading:
    """Read again, knowing the lines its site repeats."""
    capture, site_lines, folder = job
    store = ReadingCache(folder)
    key = store.key("second", capture.file, capture.data, site_lines.site, *sorted(site_lines.lines))
    known = store.get(key)
    if known is not None:
        known.cached = True
        return known
    with _reported(Path(capture.file)) as reading:
        reading.capture, reading.record = capture, build_record(capture, parse_text(capture.text, site_lines))
    if not reading.problem:
        store.put(key, reading)
    return reading


@contextmanager
def _workers(count: int, workers: int | None):
    """``map`` over the captures: in this process, or across worker processes."""
    workers = workers or ((os.cpu_count() or 1) if count >= PARALLEL_FROM else 1)
    if workers <= 1:
        yield lambda function, items: map(function, items)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield lambda function, items: pool.imap(function, items, chunksize=max(1, min(16, len(items) // (4 * workers))))


class _Clock:
    """Seconds since the last lap, added to ``timings`` under each stage's name."""

    def __init__(self, timings: dict[str, float]):
        self.timings, self.last = timings, time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
        self.last = now


@contextmanager
def _reported(path: Path):
    """A capture that fails becomes a problem; the others go on."""
    reading = _Reading()
    try:
        yield reading
    except CaptureError as error:
        reading.problem = f"{error}; not published"
    except Exception as error:  # a parser bug must not stop the other captures
        reading.problem = f"{path.name}: could not be parsed ({type(error).__name__}: {error}); not published"


def _warnings(file: str, record: dict) -> tuple[str, ...]:
    warnings = []
    lost = record["source"]["unrepairable_lines"]
    if lost:
        warnings.append(f"{file}:{lost[0]}: replacement character (U+FFFD) on {len(lost)} "
                        "line(s): characters were lost before capture")
    if record["title"] is None:
        warnings.append(f"{file}: no title found")
    if not record["paragraphs"]:
        warnings.append(f"{file}: no article text found")
    stated, found = record["comments_stated"], len(record["comments"])
    if stated is not None and stated != found:
        warnings.append(f"{file}: the capture says {stated} comments, {found} were found")
    return tuple(warnings)
