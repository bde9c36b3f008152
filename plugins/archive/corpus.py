"""A folder of captures → records and problems; one bad capture never stops the rest."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .actors import Actor, ActorFinder
from .actors.annotate import annotate
from .capture import Capture, CaptureError, read_capture
from .ids import document_id
from .links import SharedPassage, link_corpus
from .parse import parse_text
from .record import build_record
from .sitewide import repeated_lines
from .state import ParseState

CAPTURE_SUFFIX = ".txt"


@dataclass
class Corpus:
    records: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # captures not published, and why
    warnings: list[str] = field(default_factory=list)  # published, but worth a look
    sources: dict[str, bytes] = field(default_factory=dict)  # id → the capture's bytes, as checksummed
    actor_spans: dict[str, dict] = field(default_factory=dict)  # id → names to mark (see actors.detect)
    timings: dict[str, float] = field(default_factory=dict)  # stage → seconds (for `invoke bench`)
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
                actors: list[Actor] = ()) -> Corpus:
    """Read every capture in ``seeds``. Problems name the file (and line).

    Every capture is parsed first, then the corpus-wide rules run over all the
    parses (lines repeated across a site's captures), then the records are
    built, then the corpus links: the registry's ``actors`` found in each, the
    passages documents share, and the related documents.
    """
    corpus = Corpus()
    clock = _Clock(corpus.timings)
    owners: dict[str, str] = {}
    parsed: list[tuple[Path, Capture, ParseState]] = []
    files = capture_files(seeds)
    for n, path in enumerate(files, start=1):
        if progress:
            progress(n, len(files))
        doc_id = document_id(path.name)
        if doc_id in owners:
            corpus.problems.append(
                f"{path.name}: duplicate id {doc_id!r}, already taken by {owners[doc_id]}; not published")
            continue
        owners[doc_id] = path.name  # even if it fails: a later file never takes its id silently
        with _reported(corpus, path):
            capture = read_capture(path)
            parsed.append((path, capture, parse_text(capture.text)))
    clock.lap("parse")
    site_lines = repeated_lines([state for _path, _capture, state in parsed])
    for (path, capture, state), known in zip(parsed, site_lines):
        with _reported(corpus, path):
            if known is not None:
                state = parse_text(capture.text, known)
            record = build_record(capture, state)
            corpus.warnings.extend(capture.warnings + _warnings(path.name, record))
            corpus.records.append(record)
            corpus.sources[record["id"]] = capture.data
    clock.lap("site-wide lines and records")
    corpus.actor_spans = annotate(corpus.records, ActorFinder(list(actors)))
    clock.lap("actors")
    corpus.passages = link_corpus(corpus.records)
    clock.lap("passages and related documents")
    return corpus


class _Clock:
    """Seconds since the last lap, added to ``timings`` under each stage's name."""

    def __init__(self, timings: dict[str, float]):
        self.timings, self.last = timings, time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
        self.last = now


@contextmanager
def _reported(corpus: Corpus, path: Path):
    """A capture that fails becomes a problem; the others go on."""
    try:
        yield
    except CaptureError as error:
        corpus.problems.append(f"{error}; not published")
    except Exception as error:  # a parser bug must not stop the other captures
        corpus.problems.append(
            f"{path.name}: could not be parsed ({type(error).__name__}: {error}); not published")


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
