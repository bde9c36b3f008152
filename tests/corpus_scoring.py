"""Measure the reader on the labelled corpus of real pages (`../shared/corpus`).

Every line of a corpus page carries a label (`article`, `comment`, `other`,
`blank`); the reader's roles are mapped onto those labels and scored per
label (precision, recall, F1 over non-blank lines), with title accuracy,
comment counts and comment spans where the page has them. The corpus is read
where it lies and never copied (its README: evaluation only). Each page can
also be read without its blank lines (`without_blank_lines`), as a browser's
Select All + Copy gives many pages: the corpus's converter set every block
apart with one.

Used by `invoke quality --corpus` and by the corpus test (no page may raise).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
WORKER_PATHS = (str(ROOT / "plugins"), str(ROOT / "tests"))
sys.path[:0] = [path for path in WORKER_PATHS if path not in sys.path]

from archive.linking.actors.annotate import annotate  # noqa: E402
from archive.linking.actors.detect import ActorFinder  # noqa: E402
from archive.linking.actors.registry import load_registry  # noqa: E402
from archive.reading.capture import read_capture  # noqa: E402
from archive.reading.linemodel.labels import ARTICLE, ROLE_LABEL as MODEL_LABEL, TITLE  # noqa: E402
from archive.reading.training import title_key  # noqa: E402
from archive.publishing.pagekind import NEWS_ARTICLE, kind_and_reason  # noqa: E402
from archive.reading.parse import parse_text  # noqa: E402
from archive.reading.sitewide import SiteEvidence, evidence, repeated_lines  # noqa: E402
from archive.reading.state import SiteLines  # noqa: E402
from archive.record import build_record  # noqa: E402

LABELS = ("article", "comment", "other")
# A line's role in the record, seen as a corpus label (the corpus counts the headline as article).
ROLE_LABEL = {role: ARTICLE if label == TITLE else label for role, label in MODEL_LABEL.items()}


def corpus_pages(split: str, corpus: Path = CORPUS) -> list[dict]:
    """The labelled pages of ``split`` (`tune` or `check`), sorted by id."""
    with open(corpus / "labels.jsonl", encoding="utf-8") as lines:
        pages = [json.loads(line) for line in lines]
    return [page for page in pages if page["split"] == split]


def page_text(page: dict, corpus: Path = CORPUS) -> str:
    """The page's text, as captured or (`without_blank_lines`) with its blank lines dropped."""
    return _rendered(page, (corpus / "pages" / f"{page['id']}.txt").read_text(encoding="utf-8"))


WITHOUT_BLANK_LINES = "without blank lines"


def without_blank_lines(page: dict) -> dict:
    """``page`` with every blank line dropped, as a browser's Select All + Copy
    gives many pages: the labels (a blank line is labelled ``blank``, and only
    a blank line is) and the comment spans move up with their lines."""
    kept = [n for n, label in enumerate(page["lines"]) if label != "blank"]
    moved = {n: k for k, n in enumerate(kept)}
    blocks = page.get("comment_blocks")
    if blocks is not None:  # each comment from its first line of text to its last
        inside = ([moved[n] for n in range(first, last + 1) if n in moved] for first, last in blocks)
        blocks = [[lines[0], lines[-1]] for lines in inside if lines]
    return {**page, "lines": [page["lines"][n] for n in kept], "comment_blocks": blocks,
            "rendering": WITHOUT_BLANK_LINES}


def _rendered(page: dict, text: str) -> str:
    """``text`` as ``page`` is read: as captured, or without its blank lines."""
    if page.get("rendering") == WITHOUT_BLANK_LINES:
        return "\n".join(line for line in text.split("\n") if line.strip())
    return text


@dataclass
class PageResult:
    """What the reader made of one page, reduced to what is scored."""

    id: str
    source: str
    predicted: list[str]  # one label per line
    title: str | None
    spans: list[tuple[int, int]]  # 0-based first and last line of each comment
    kind: str | None = None  # blog-post or newspaper-article (archive.publishing.pagekind)
    error: str | None = None
    dated: bool = False  # the reader gave the page a date (the corpus labels none: coverage only)
    authored: bool = False  # and named its author


def read_page(page: dict, corpus: Path = CORPUS, site_lines: SiteLines | None = None) -> PageResult:
    """Run the reader on one page, as a build would (record and actors too;
    ``site_lines``: what the build knows of the lines its site repeats); an
    exception is recorded, never raised."""
    return _read(page, corpus, site_lines)[0]


def _read(page: dict, corpus: Path, site_lines: SiteLines | None) -> tuple[PageResult, SiteEvidence | None]:
    """The page's result and what its reading tells of its site."""
    try:
        capture = read_capture(corpus / "pages" / f"{page['id']}.txt")
        capture = replace(capture, text=_rendered(page, capture.text))
        state = parse_text(capture.text, site_lines)
        record = build_record(capture, state)
        annotate([record], _finder())
        kind = kind_and_reason(record)[0]
    except Exception as error:  # noqa: BLE001 - a page that raises is what we count
        return PageResult(page["id"], page["source"], [], None, [], error=f"{type(error).__name__}: {error}"), None
    predicted = [ROLE_LABEL[line.role] for line in state.lines]
    spans = []
    for comment in state.comments:
        members = comment.own_lines()
        if members:
            spans.append((members[0], members[-1]))
    return PageResult(page["id"], page["source"], predicted, state.title, spans, kind,
                      dated=state.date is not None, authored=bool(state.authors)), evidence(state)


@cache
def _finder() -> ActorFinder:
    """The registry's actors, found in every page as a build would."""
    return ActorFinder(list(load_registry(ROOT / "content" / "actors").actors))


@dataclass
class CorpusScore:
    pages: int = 0
    errors: list[str] = field(default_factory=list)
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted) over non-blank lines
    dragnet: Counter = field(default_factory=Counter)  # the same on `dragnet` pages (reliable comment labels)
    titles: int = 0
    titles_right: int = 0
    comment_pages: int = 0  # dragnet pages with comment spans
    counts_right: int = 0
    spans_gold: int = 0
    spans_found: int = 0
    spans_right: int = 0
    news_pages: int = 0  # pages of the Google News set (`page-signal`): every one a news site's article
    news_read_as_news: int = 0
    site_wide: int = 0  # pages read knowing their site's repeated lines (read as one archive)
    dated: int = 0
    authored: int = 0
    by_page: dict[str, tuple[str, Counter]] = field(default_factory=dict)  # page id → its source and confusion

    def add(self, page: dict, result: PageResult) -> None:
        self.pages += 1
        if result.error:
            self.errors.append(f"{page['id']}: {result.error}")
            return
        self.dated += result.dated
        self.authored += result.authored
        if page["source"] == "page-signal":
            self.news_pages += 1
            self.news_read_as_news += result.kind == NEWS_ARTICLE
        gold = page["lines"]
        mine = Counter()
        for n, want in enumerate(gold[:len(result.predicted)]):
            if want != "blank":
                got = result.predicted[n]
                mine[want, "other" if got == "blank" else got] += 1
        self.confusion += mine
        if page["source"] == "dragnet":
            self.dragnet += mine
        self._add_page(page["id"], page["source"], mine)
        if page["title"]:
            self.titles += 1
            self.titles_right += title_key(result.title) == title_key(page["title"])
        blocks = page.get("comment_blocks")
        if blocks is not None and page["source"] == "dragnet":
            self.comment_pages += 1
            self.counts_right += len(blocks) == len(result.spans)
            gold_spans = {_trim(gold, a, b) for a, b in blocks}
            found = {_trim(gold, a, b) for a, b in result.spans}
            self.spans_gold += len(gold_spans)
            self.spans_found += len(found)
            self.spans_right += len(gold_spans & found)

    def merge(self, other: CorpusScore) -> None:
        """Add ``other``'s pages to these (figures pooled over both; a page read in
        both, as in two draws of cross-validation, is still one page of the per-page figures)."""
        for name, mine in vars(self).items():
            if name == "by_page":
                for page, (source, confusion) in other.by_page.items():
                    self._add_page(page, source, confusion)
            else:
                setattr(self, name, mine + getattr(other, name))

    def _add_page(self, page: str, source: str, confusion: Counter) -> None:
        """Count ``confusion`` to page ``page``, with what it held already (another draw's reading)."""
        self.by_page[page] = (source, self.by_page.get(page, (None, Counter()))[1] + confusion)

    def f1(self, label: str, confusion: Counter | None = None) -> tuple[float, float, float]:
        confusion = self.confusion if confusion is None else confusion
        tp = confusion[label, label]
        fp = sum(n for (want, got), n in confusion.items() if got == label and want != label)
        fn = sum(n for (want, got), n in confusion.items() if want == label and got != label)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def figures(self) -> dict:
        sp = self.spans_right / self.spans_found if self.spans_found else 1.0
        sr = self.spans_right / self.spans_gold if self.spans_gold else 1.0
        out = {label: dict(zip(("precision", "recall", "f1"), self.f1(label))) for label in LABELS}
        out["comment_dragnet"] = dict(zip(("precision", "recall", "f1"), self.f1("comment", self.dragnet)))
        out.update({
            "pages": self.pages, "errors": len(self.errors),
            "title_accuracy": self.titles_right / self.titles if self.titles else 1.0,
            "titles": self.titles,
            "comment_count_exact": self.counts_right / self.comment_pages if self.comment_pages else 1.0,
            "comment_pages": self.comment_pages,
            "span_precision": sp, "span_recall": sr, "span_f1": 2 * sp * sr / (sp + sr) if sp + sr else 0.0,
            "news_as_news": self.news_read_as_news / self.news_pages if self.news_pages else 1.0,
            "dated": self.dated, "authored": self.authored,
        })
        out["per_page"] = {label: self.per_page(label) for label in LABELS}
        out["per_page"]["comment_dragnet"] = self.per_page("comment", "dragnet")
        return out

    def per_page(self, label: str, source: str | None = None) -> dict:
        """``label``'s F1 with each page counted once (the mean over the pages
        that have the label or were given it; ``source``: only that dataset's
        pages), and the share of the label's wrong lines on the one page that has
        the most: micro figures weigh a page by its lines, so one long page
        labelled unlike the rest can move them more than a hundred pages do."""
        scores, wrong = [], []
        for page_source, confusion in self.by_page.values():
            if source is not None and page_source != source:
                continue
            if any(label in pair for pair, n in confusion.items() if n):
                scores.append(self.f1(label, confusion)[2])
                wrong.append(sum(n for (want, got), n in confusion.items() if (want == label) != (got == label)))
        return {"pages": len(scores), "mean_f1": sum(scores) / len(scores) if scores else 1.0,
                "worst_page_share": max(wrong) / sum(wrong) if sum(wrong) else 0.0}

    def report(self, split: str) -> str:
        f = self.figures()
        rows = [f"corpus split {split}: {self.pages} pages, {len(self.errors)} raised an exception"]
        for label in LABELS:
            rows.append(f"  {label:8} lines: precision {f[label]['precision']:.3f}, recall "
                        f"{f[label]['recall']:.3f}, F1 {f[label]['f1']:.3f}")
        d = f["comment_dragnet"]
        rows.append(f"  comment  lines on dragnet pages (reliable comment labels): precision {d['precision']:.3f}, "
                    f"recall {d['recall']:.3f}, F1 {d['f1']:.3f}")
        pages = f["per_page"]
        rows.append("  each page counted once (mean of the pages' F1 over those that have the label or were given it): "
                    + ", ".join(f"{name} {pages[key]['mean_f1']:.3f} ({pages[key]['pages']} pages)" for key, name in (
                        ("article", "article"), ("comment", "comment"), ("comment_dragnet", "comment on dragnet pages"),
                        ("other", "other"))))
        rows.append("  the one page with the most wrong lines holds, of each label's wrong lines: "
                    + ", ".join(f"{label} {pages[label]['worst_page_share']:.0%}" for label in LABELS))
        rows.append(f"  title right: {self.titles_right}/{self.titles} ({f['title_accuracy']:.0%})")
        rows.append(f"  comment count exact (dragnet pages with spans): {self.counts_right}/{self.comment_pages}"
                    f" ({f['comment_count_exact']:.0%})")
        rows.append(f"  comment spans: {self.spans_right} right of {self.spans_found} found, {self.spans_gold} "
                    f"labelled; precision {f['span_precision']:.3f}, recall {f['span_recall']:.3f}, "
                    f"F1 {f['span_f1']:.3f}")
        rows.append(f"  Google News pages read as newspaper articles: {self.news_read_as_news}/{self.news_pages}"
                    f" ({f['news_as_news']:.0%})")
        rows.append(f"  pages given a date: {self.dated}/{self.pages}; an author: {self.authored}/{self.pages}"
                    " (the corpus labels neither: how often the reader finds one, not whether it is right)")
        rows.extend(f"  error: {e}" for e in self.errors[:20])
        return "\n".join(rows)


    def archive_summary(self, split: str) -> str:
        """The figures that can change when pages are read as one archive, on one line."""
        f = self.figures()
        return (f"corpus split {split} read as one archive (as a build reads a folder of captures): {self.site_wide} "
                f"of {self.pages} pages knew lines their site repeats; {len(self.errors)} raised an exception; "
                f"line F1 article {f['article']['f1']:.3f}, comment {f['comment']['f1']:.3f}, other "
                f"{f['other']['f1']:.3f}; titles {self.titles_right}/{self.titles}; comment count exact "
                f"{self.counts_right}/{self.comment_pages}, spans F1 {f['span_f1']:.3f}")


def _trim(gold: list[str], first: int, last: int) -> tuple[int, int]:
    """A span from its first to its last comment line: the pages' comment elements
    also hold furniture ("Reply", a number) that the line labels call `other`."""
    while first < last and gold[first] != "comment":
        first += 1
    while last > first and gold[last] != "comment":
        last -= 1
    return first, last


def init_worker(paths: tuple[str, ...] = WORKER_PATHS) -> None:
    """A worker process finds the archive and the test helpers."""
    sys.path[:0] = [path for path in paths if path not in sys.path]


def score_split(split: str, corpus: Path = CORPUS, processes: int = 2, as_archive: bool = False,
                blank_lines: bool = True) -> CorpusScore:
    """Read every page of ``split`` (across ``processes``) and score it: each page
    alone, or (``as_archive``) as a build reads a folder of captures: all of
    them, then again each capture whose site repeats lines across its captures
    (`archive.reading.sitewide`), knowing those lines. Without ``blank_lines``,
    each page is read with its blank lines dropped (`without_blank_lines`)."""
    pages = corpus_pages(split, corpus)
    if not blank_lines:
        pages = [without_blank_lines(page) for page in pages]
    with Pool(processes, initializer=init_worker) as pool:
        first = pool.starmap(_read, [(page, corpus, None) for page in pages], chunksize=8)
        results = [result for result, _evidence in first]
        if as_archive:
            found = [seen or SiteEvidence(None, frozenset(), None) for _result, seen in first]
            known = repeated_lines(found)
            again = [(n, site_lines) for n, site_lines in enumerate(known) if site_lines is not None]
            for (n, _site_lines), result in zip(again, pool.starmap(
                    read_page, [(pages[n], corpus, site_lines) for n, site_lines in again], chunksize=8)):
                results[n] = result
    score = CorpusScore()
    score.site_wide = sum(site_lines is not None for site_lines in known) if as_archive else 0
    for page, result in zip(pages, results):
        score.add(page, result)
    return score
