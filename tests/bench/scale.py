"""The scale report (`invoke bench --scale`): the archive against plain Pelican.

For each kind of corpus (``dense``: the seeds reshuffled, heavy sharing;
``diverse``: made-up prose on many sites, a few planted quotations) and each
size: a full build, a rebuild after editing one capture, peak memory, output
and search-index size, seconds per stage; and plain Pelican 4.12 with the
``markdown`` package building the same text as Markdown articles (checked to
have written every article), with the ratio. Then the long line: the seeds and
one 2 MB capture saved without line breaks. Every corpus is made from the
seeds with fixed random seeds, so a run can be repeated.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

from bench.planted import diverse_captures, reshuffled_captures  # noqa: E402

LONG_LINE_WORDS = 300_000  # about 2 MB

# Runs a module as `python -m` would, then reports its peak memory on stderr.
_MEASURED = ("import atexit, resource, runpy, sys\n"
             "atexit.register(lambda: sys.stderr.write("
             "f'PEAK_KB {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n'))\n"
             "sys.argv = sys.argv[1:]\n"
             "runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)\n")


def _run(*argv: str, cwd: Path = ROOT, env: dict | None = None) -> tuple[float, float]:
    """Run ``python -m argv…``; its wall-clock seconds and peak memory (MB)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURED, *argv], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    seconds = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"{' '.join(argv)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    peak = max((int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK_KB")), default=0)
    return seconds, peak / 1024


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _captures(kind: str, size: int) -> list[str]:
    seeds = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    if kind == "dense":
        return reshuffled_captures(seeds, size)
    return diverse_captures(size, " ".join(seeds))


def _write(folder: Path, texts: list[str]) -> list[Path]:
    folder.mkdir(parents=True)
    paths = [folder / f"{n:06d}_{n:016x}.txt" for n in range(len(texts))]
    for path, text in zip(paths, texts):
        path.write_text(text, encoding="utf-8")
    return paths


def _archive(tmp: Path, captures: Path, name: str) -> dict:
    """A full build (nothing in its reading cache), then a rebuild after one capture is edited."""
    out, timings = tmp / f"{name}-site", tmp / f"{name}-timings.json"
    build = ("invoke", "-r", str(ROOT), "build", "--seeds", str(captures), "--output", str(out),
             "--timings", str(timings))
    cache = {"ARCHIVE_CACHE": str(tmp / f"{name}-cache")}
    full, peak = _run(*build, env=cache)
    stages = json.loads(timings.read_text())
    edited = sorted(captures.glob("*.txt"))[len(list(captures.glob("*.txt"))) // 2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne sentence added by an editor.\n", encoding="utf-8")
    again, _ = _run(*build, env=cache)
    return {"full": full, "rebuild": again, "peak": peak, "output": _size(out),
            "search": _size(out / "search") if (out / "search").is_dir() else 0, "stages": stages}


PELICAN_SETTINGS = """AUTHOR = "bench"
SITENAME = "plain Pelican"
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
RELATIVE_URLS = True
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
"""


def _plain_pelican(tmp: Path, texts: list[str], name: str) -> dict:
    """Plain Pelican building the same text as Markdown articles."""
    site = tmp / f"{name}-pelican"
    content = site / "content"
    content.mkdir(parents=True)
    for n, text in enumerate(texts):
        title = next((line.strip() for line in text.splitlines() if line.strip()), f"Capture {n}")
        body = text.replace("\r", "")
        (content / f"doc-{n:06d}.md").write_text(
            f"Title: {title[:120]}\nDate: 2012-01-01 10:00\nSlug: doc-{n:06d}\n\n{body}", encoding="utf-8")
    (site / "pelicanconf.py").write_text(PELICAN_SETTINGS, encoding="utf-8")
    seconds, peak = _run("pelican", "content", "-s", "pelicanconf.py", "-o", "output", "-q", cwd=site)
    written = len(list((site / "output").glob("doc-*.html")))
    if written != len(texts):
        raise RuntimeError(f"plain Pelican wrote {written} of {len(texts)} articles")
    return {"full": seconds, "peak": peak, "output": _size(site / "output"), "written": written}


def _long_line(tmp: Path) -> dict:
    folder = tmp / "long-line"
    folder.mkdir()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for path in seeds:
        (folder / path.name).write_bytes(path.read_bytes())
    words = " ".join(path.read_text(encoding="utf-8") for path in seeds).split()
    line = " ".join((words * (LONG_LINE_WORDS // len(words) + 1))[:LONG_LINE_WORDS])
    (folder / "999_0000000000000999.txt").write_text(f"A page saved without line breaks\n\n{line}\n",
                                                     encoding="utf-8")
    found = _archive(tmp, folder, "long-line")
    found["bytes"] = len(line.encode("utf-8"))
    return found


def _table(rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    return lines + ["| " + " | ".join(row) + " |" for row in rows[1:]]


def scale_report(sizes: list[int], kinds: list[str], command: str, partial=None) -> str:
    """Build every corpus and measure it; ``partial`` (if given) receives the
    report so far after each corpus, so a long run leaves what it measured."""
    results: dict[tuple[str, int], dict] = {}
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        long_line = _long_line(tmp)
        for kind in kinds:
            for size in sizes:
                name = f"{kind}-{size}"
                texts = _captures(kind, size)
                captures = tmp / name
                _write(captures, texts)
                results[kind, size] = {"archive": _archive(tmp, captures, name),
                                       "pelican": _plain_pelican(tmp, texts, name)}
                for left in tmp.glob(f"{name}*"):
                    shutil.rmtree(left, ignore_errors=True)
                if partial:
                    partial(_render(results, long_line, sizes, kinds, command))
    return _render(results, long_line, sizes, kinds, command)


def _render(results: dict, long_line: dict | None, sizes: list[int], kinds: list[str], command: str) -> str:
    out = [f"# Scale report", "",
           f"Made by `{command}` on {platform.node() or 'this machine'} "
           f"({platform.machine()}, Python {platform.python_version()}), {time.strftime('%Y-%m-%d')}.", "",
           "Seconds of wall-clock time; memory is the build's peak resident set.", ""]
    rows = [["corpus", "captures", "full build", "plain Pelican", "ratio", "one-capture rebuild", "rebuild / full",
             "peak MB", "Pelican peak MB", "output MB", "search MB"]]
    for (kind, size), found in results.items():
        a, p = found["archive"], found["pelican"]
        rows.append([kind, f"{size:,}", f"{a['full']:.1f}", f"{p['full']:.1f}", f"{a['full'] / p['full']:.2f}",
                     f"{a['rebuild']:.1f}", f"{a['rebuild'] / a['full']:.0%}", f"{a['peak']:.0f}",
                     f"{p['peak']:.0f}", f"{a['output'] / 1e6:.1f}", f"{a['search'] / 1e6:.1f}"])
    out += _table(rows) + ["", "## Seconds per stage", ""]
    stages = list(next(iter(results.values()))["archive"]["stages"]) if results else []
    rows = [["stage"] + [f"{kind} {size:,}" for kind, size in results]]
    for stage in stages:
        rows.append([stage] + [f"{found['archive']['stages'].get(stage, 0):.2f}" for found in results.values()])
    out += _table(rows)
    grown = [kind for kind in kinds if (kind, sizes[0]) in results and (kind, sizes[-1]) in results]
    if len(sizes) > 1 and grown:
        out += ["", f"## Growth from {sizes[0]:,} to {sizes[-1]:,} captures "
                    f"(time at the larger size / time at the smaller; linear would be {sizes[-1] / sizes[0]:.0f})", ""]
        rows = [["stage"] + grown]
        for stage in stages:
            rows.append([stage] + [
                f"{results[kind, sizes[-1]]['archive']['stages'].get(stage, 0) / max(1e-9, results[kind, sizes[0]]['archive']['stages'].get(stage, 0)):.1f}"
                for kind in grown])
        out += _table(rows)
    if long_line:
        out += ["", f"## The long line: the five seeds and one capture of {long_line['bytes'] / 1e6:.1f} MB "
                    f"on one line ({LONG_LINE_WORDS:,} words)", "",
                f"Full build {long_line['full']:.1f} s, peak {long_line['peak']:.0f} MB; per stage: "
                + ", ".join(f"{stage} {seconds:.2f}" for stage, seconds in long_line["stages"].items()) + "."]
    out += ["", PAST_ONE_MACHINE]
    return "\n".join(out) + "\n"


PAST_ONE_MACHINE = """## Past one machine

The text analysis (`plugins/archive/`) imports no Pelican and keeps no global
state, so each stage maps onto a distributed engine (Dask bags, Spark RDDs) as
it stands:

- **Reading** is a pure function of a capture's bytes, its site's repeated
  lines and the code: a map over captures, twice, with a group-by on the site
  key between the two passes (`sitewide.evidence`, `sitewide.repeated_lines`).
  The reading cache becomes a key-value store keyed the same way.
- **Actors**: a map over records, the registry's trie broadcast.
- **Passages**: the 4-gram index is a shuffle by key (4-gram to documents);
  candidate pairs a reduce per 4-gram (capped at `MAX_DOCUMENTS`), cut to each
  document's `MAX_PARTNERS`; alignment a map over pairs joined with both
  texts; grouping a connected-components pass over the occurrences.
- **Related documents**: a reduce per document over its passages and actors.
- **Pages and search**: a map over records with the small shared context
  (titles, actor names) broadcast; the split search index is a group-by term.

On one machine the limits are memory (every record is held by one process:
the peak memory above grows with the corpus) and the linking stages, which run
in one process; reading uses every core."""
