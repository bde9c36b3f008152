"""A folder of captures → records and problems; one bad capture never stops the rest."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .capture import CaptureError, read_capture
from .ids import document_id
from .record import build_record

CAPTURE_SUFFIX = ".txt"


@dataclass
class Corpus:
    records: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # captures not published, and why
    warnings: list[str] = field(default_factory=list)  # published, but worth a look
    captures: dict[str, Path] = field(default_factory=dict)  # id → capture file

    @property
    def comment_count(self) -> int:
        return sum(len(r["comments"]) for r in self.records)


def capture_files(seeds: Path) -> list[Path]:
    """The captures in ``seeds``, in a stable order (by file name)."""
    return sorted((p for p in seeds.iterdir() if p.suffix == CAPTURE_SUFFIX and p.is_file()),
                  key=lambda p: p.name)


def read_corpus(seeds: Path, progress: Callable[[int, int], None] | None = None) -> Corpus:
    """Read every capture in ``seeds``. Problems name the file (and line)."""
    corpus = Corpus()
    owners: dict[str, str] = {}
    files = capture_files(seeds)
    for n, path in enumerate(files, start=1):
        if progress:
            progress(n, len(files))
        doc_id = document_id(path.name)
        if doc_id in owners:
            corpus.problems.append(
                f"{path.name}: duplicate id {doc_id!r}, already taken by {owners[doc_id]}; not published")
            continue
        try:
            capture = read_capture(path)
            record = build_record(capture)
        except CaptureError as error:
            corpus.problems.append(f"{error}; not published")
            continue
        except Exception as error:  # a parser bug must not stop the other captures
            corpus.problems.append(f"{path.name}: could not be parsed ({type(error).__name__}: {error}); not published")
            continue
        owners[doc_id] = path.name
        corpus.warnings.extend(capture.warnings)
        lost = record["source"]["unrepairable_lines"]
        if lost:
            corpus.warnings.append(f"{path.name}:{lost[0]}: replacement character (U+FFFD) on "
                                   f"{len(lost)} line(s): characters were lost before capture")
        if record["title"] is None:
            corpus.warnings.append(f"{path.name}: no title found")
        corpus.records.append(record)
        corpus.captures[doc_id] = path
    return corpus
