"""Build the whole archive with Pelican, atomically: a failed build leaves the
previous site as it was, never a half-written one."""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.log import console as pelican_console
from pelican.settings import read_settings

from .generator import corpus_written


class BuildFailed(Exception):
    """The site could not be built; the output folder was left untouched."""


@dataclass
class BuildReport:
    output: Path
    documents: int = 0
    comments: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # stage → seconds (`invoke build --timings`)
    cached: int = 0  # captures read before, taken from the cache

    def summary(self) -> str:
        lines = [f"Archive built: {self.documents} documents, {self.comments} comments, "
                 f"{len(self.problems)} problems, {len(self.warnings)} warnings."]
        lines += [f"  problem: {p}" for p in self.problems]
        lines += [f"  warning: {w}" for w in self.warnings]
        if self.cached:
            lines.append(f"{self.cached} of {self.documents} captures were unchanged since an earlier build: "
                         "their readings came from the cache (.cache/archive).")
        lines.append(f"Open {self.output / 'index.html'} in a browser.")
        return "\n".join(lines)


# Written into every site we build: only a folder that carries it is ever replaced.
BUILD_MARKER = ".archive-build"


def is_archive_build(folder: Path) -> bool:
    return (folder / BUILD_MARKER).is_file()


def _check_output(output: Path, seeds: Path) -> None:
    """Refuse any output folder whose replacement could destroy someone's files."""
    if output.exists() and not output.is_dir():
        raise BuildFailed(f"--output {output} is a file, not a folder")
    if output == seeds or output in seeds.parents:
        raise BuildFailed(f"--output {output} holds the captures ({seeds}); choose another folder")
    if output.exists() and any(output.iterdir()) and not is_archive_build(output):
        raise BuildFailed(f"{output} exists and is not an archive build (it has no {BUILD_MARKER}); "
                          "choose another --output or empty it first")


def build_site(settings_file: Path, seeds: Path, output: Path, strict: bool = False) -> BuildReport:
    """Build the archive of the captures in ``seeds`` into ``output``; with
    ``strict``, any capture that cannot be published fails the build."""
    output, seeds = output.resolve(), seeds.resolve()
    if not seeds.is_dir():
        raise BuildFailed(f"seeds folder not found: {seeds}")
    _check_output(output, seeds)
    output.parent.mkdir(parents=True, exist_ok=True)
    # A folder of our own beside the output (same disk, so the swap is a rename).
    staging = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}.building-"))
    report = BuildReport(output=output)

    def collect(_sender, corpus):
        report.documents = len(corpus.records)
        report.comments = corpus.comment_count
        report.problems, report.warnings = corpus.problems, corpus.warnings
        report.timings = corpus.timings
        report.cached = corpus.cached

    corpus_written.connect(collect)
    try:
        settings = read_settings(str(settings_file), override={
            "OUTPUT_PATH": str(staging),
            "ARCHIVE_SEEDS": str(seeds),
            "DELETE_OUTPUT_DIRECTORY": False,
        })
        pelican_console.quiet = True  # its "Processed 0 articles" line would only confuse
        Pelican(settings).run()
        if report.documents == 0:
            raise BuildFailed(f"no capture in {seeds} could be published; "
                              + "; ".join(report.problems or ["it holds no *.txt file"]))
        if strict and report.problems:
            raise BuildFailed(f"{len(report.problems)} problem(s) (--strict: captures not published, or "
                              "editors' files not used): " + "; ".join(report.problems))
        (staging / BUILD_MARKER).write_text("Built by the annotated web archive generator; "
                                            "`invoke build` replaces this folder.\n")
    except BuildFailed as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(f"build failed, {output} left as it was: {error}") from None
    except Exception as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(f"build failed, {output} left as it was: {type(error).__name__}: {error}") from error
    finally:
        pelican_console.quiet = False
        corpus_written.disconnect(collect)
    _swap(staging, output)
    return report


def _swap(staging: Path, output: Path) -> None:
    """Put the new site in place of the old one with two renames."""
    if not output.exists():
        staging.rename(output)
        return
    old = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}.old-"))
    old.rmdir()
    output.rename(old)
    staging.rename(output)
    shutil.rmtree(old, ignore_errors=True)


def quiet_pelican_logging() -> None:
    """Pelican's own "Processed 0 articles" summary would only confuse: show its
    warnings and errors, and our summary."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    logging.getLogger("pelican").setLevel(logging.WARNING)
