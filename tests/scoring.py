"""Compare a record with a hand-written expected record (see fixtures/README.md).

Used by the fixture tests (every field must match) and by `invoke quality`
(figures over the whole fixture corpus).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def heldout_cases() -> list[tuple[str, Path, Path]]:
    """The held-out set: captures written after the rules, never used to tune them."""
    return [(e.name.replace(".expected.json", ""), e.with_name(e.name.replace(".expected.json", ".txt")), e)
            for e in sorted((FIXTURES / "heldout").glob("*.expected.json"))]


def fixture_cases() -> list[tuple[str, Path, Path]]:
    """``(case id, capture, expected)`` for the seeds and every capture fixture."""
    cases = []
    for expected in sorted((FIXTURES / "seeds").glob("*.expected.json")):
        name = expected.name.replace(".expected.json", "")
        cases.append((f"seed-{name[:3]}", ROOT / "seeds" / f"{name}.txt", expected))
    for expected in sorted((FIXTURES / "captures").glob("*.expected.json")):
        name = expected.name.replace(".expected.json", "")
        cases.append((name, expected.with_name(f"{name}.txt"), expected))
    return cases


def load_expected(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def removed_lines(runs) -> set[int]:
    return {n for _why, (first, last) in runs for n in range(first, last + 1)}


def comment_matches(got: dict, want: dict) -> bool:
    """Author, date and both text boundaries right."""
    return (got["author"] == want["author"] and got["date"] == want["date"]
            and got["text"].startswith(want["starts"]) and got["text"].endswith(want.get("ends", "")))


def comment_relations(got: dict) -> dict:
    return {"duplicate_of": got["duplicate_of"], "replies_to": got["replies_to"], "quotes": got["quotes"]}


def expected_relations(want: dict) -> dict:
    return {"duplicate_of": want.get("duplicate_of"), "replies_to": want.get("replies_to"),
            "quotes": want.get("quotes", [])}


def record_differences(record: dict, want: dict) -> list[str]:
    """Where ``record`` differs from the expected record (empty: it reads right)."""
    found = []
    for key in ("title", "date", "authors", "site"):
        if record[key] != want[key]:
            found.append(f"{key}: {record[key]!r}, expected {want[key]!r}")
    if "comments_stated" in want and record["comments_stated"] != want["comments_stated"]:
        found.append(f"comments_stated: {record['comments_stated']!r}, expected {want['comments_stated']!r}")
    if record.get("date_inferred") != want.get("date_inferred"):
        found.append(f"date_inferred: {record.get('date_inferred')!r}, expected {want.get('date_inferred')!r}")
    for name, got, prefixes in (("paragraphs", record["paragraphs"], want["paragraphs"]),
                                ("captions", record["captions"], want.get("captions", []))):
        texts = [item["text"] for item in got]
        if len(texts) != len(prefixes) or not all(t.startswith(p) for t, p in zip(texts, prefixes)):
            found.append(f"{name}: {[t[:40] for t in texts]}, expected {prefixes}")
    removed = [[b["why"], b["lines"]] for b in record["removed"]]
    if removed != want["removed"]:
        found.append(f"removed: {removed}, expected {want['removed']}")
    got_comments = record["comments"]
    if [(c["author"], c["date"]) for c in got_comments] != [(c["author"], c["date"]) for c in want["comments"]]:
        found.append(f"comments: {[(c['author'], c['date']) for c in got_comments]}, expected "
                     f"{[(c['author'], c['date']) for c in want['comments']]}")
    for got, w in zip(got_comments, want["comments"]):
        if not (got["text"].startswith(w["starts"]) and got["text"].endswith(w.get("ends", ""))):
            found.append(f"{got['id']} text: {got['text'][:60]!r}, expected {w['starts']!r}…{w.get('ends', '')!r}")
        if comment_relations(got) != expected_relations(w):
            found.append(f"{got['id']} relations: {comment_relations(got)}, expected {expected_relations(w)}")
    return found


@dataclass
class Score:
    cases: int = 0
    titles_right: int = 0
    dates_right: int = 0
    authors_right: int = 0
    counts_right: int = 0
    boilerplate_true: int = 0  # lines removed that should be
    boilerplate_false: int = 0  # lines removed that should have been kept
    boilerplate_missed: int = 0  # boilerplate lines left in
    paragraphs_expected: int = 0
    paragraphs_found: int = 0
    comments_expected: int = 0
    comments_found: int = 0
    comments_matched: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, case: str, record: dict, want: dict, text_lines: set[int]) -> None:
        """``text_lines``: numbers of the capture's non-blank lines (blank ones are not scored)."""
        self.cases += 1
        self.titles_right += record["title"] == want["title"]
        self.dates_right += record["date"] == want["date"]
        self.authors_right += record["authors"] == want["authors"]
        self.counts_right += len(record["comments"]) == len(want["comments"])
        got_removed = removed_lines([(b["why"], b["lines"]) for b in record["removed"]]) & text_lines
        want_removed = removed_lines(want["removed"]) & text_lines
        self.boilerplate_true += len(got_removed & want_removed)
        self.boilerplate_false += len(got_removed - want_removed)
        self.boilerplate_missed += len(want_removed - got_removed)
        texts = [p["text"] for p in record["paragraphs"]]
        self.paragraphs_expected += len(want["paragraphs"])
        self.paragraphs_found += sum(any(t.startswith(w) for t in texts) for w in want["paragraphs"])
        self.comments_expected += len(want["comments"])
        self.comments_found += len(record["comments"])
        matched = 0
        unused = list(record["comments"])
        for w in want["comments"]:
            hit = next((g for g in unused if comment_matches(g, w)), None)
            if hit is not None:
                unused.remove(hit)
                matched += 1
        self.comments_matched += matched

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    def report(self) -> str:
        p = self._ratio(self.boilerplate_true, self.boilerplate_true + self.boilerplate_false)
        r = self._ratio(self.boilerplate_true, self.boilerplate_true + self.boilerplate_missed)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        cp = self._ratio(self.comments_matched, self.comments_found)
        cr = self._ratio(self.comments_matched, self.comments_expected)
        n = self.cases
        return "\n".join([
            f"cases: {n}",
            f"title right: {self.titles_right}/{n} ({self._ratio(self.titles_right, n):.0%})",
            f"date right: {self.dates_right}/{n} ({self._ratio(self.dates_right, n):.0%})",
            f"authors right: {self.authors_right}/{n} ({self._ratio(self.authors_right, n):.0%})",
            f"comment count exact: {self.counts_right}/{n} ({self._ratio(self.counts_right, n):.0%})",
            f"boilerplate lines: {self.boilerplate_true} removed rightly, {self.boilerplate_false} removed wrongly, "
            f"{self.boilerplate_missed} left in; precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f}",
            f"article paragraphs kept: {self.paragraphs_found}/{self.paragraphs_expected} "
            f"(recall {self._ratio(self.paragraphs_found, self.paragraphs_expected):.3f})",
            f"comments: {self.comments_matched} right of {self.comments_found} found, {self.comments_expected} expected; "
            f"precision {cp:.3f}, recall {cr:.3f}",
        ])


KINDS_FILE = FIXTURES / "kinds.json"


def kind_accuracy(kind_of) -> dict:
    """Document kind against the hand labels (fixtures/kinds.json): ``kind_of(path)`` gives the
    archive's kind of the capture at ``path`` (relative to the project). Sure labels are the figure;
    the unsure ones (thin stubs, pages that are neither) are counted apart."""
    data = json.loads(KINDS_FILE.read_text(encoding="utf-8"))
    sure = {"right": 0, "total": 0, "wrong": []}
    unsure = {"right": 0, "total": 0}
    for path, label in data["labels"].items():
        got = kind_of(path)
        bucket = unsure if path in data["unsure"] else sure
        bucket["total"] += 1
        bucket["right"] += got == label["kind"]
        if got != label["kind"] and bucket is sure:
            sure["wrong"].append(f"{path}: {got}, labelled {label['kind']}")
    return {"sure": sure, "unsure": unsure}
