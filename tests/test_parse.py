"""Fixture-driven parsing tests: each capture beside the record fields it must give.

`fixtures/seeds/<name>.expected.json` describes `seeds/<name>.txt`;
`fixtures/captures/<case>.expected.json` describes `<case>.txt` beside it.
A new layout needs a new fixture pair, not new test code.
"""

from __future__ import annotations

import json

import pytest

from archive.capture import read_capture
from archive.parse import parse_text
from archive.record import build_record
from conftest import FIXTURES, SEEDS


def _cases():
    for expected in sorted((FIXTURES / "seeds").glob("*.expected.json")):
        yield pytest.param(SEEDS / expected.name.replace(".expected.json", ".txt"), expected,
                           id=f"seed-{expected.name[:3]}")
    for expected in sorted((FIXTURES / "captures").glob("*.expected.json")):
        yield pytest.param(expected.with_name(expected.name.replace(".expected.json", ".txt")), expected,
                           id=expected.name.replace(".expected.json", ""))


CASES = list(_cases())


@pytest.mark.parametrize(("capture", "expected_file"), CASES)
def test_capture_gives_expected_record(capture, expected_file):
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    record = build_record(read_capture(capture))
    for key in ("title", "date", "authors", "site"):
        assert record[key] == expected[key], key
    paragraphs = [p["text"] for p in record["paragraphs"]]
    assert len(paragraphs) == expected["paragraph_count"]
    assert paragraphs[0].startswith(expected["first_paragraph"])
    assert paragraphs[-1].startswith(expected["last_paragraph"])
    assert [[b["why"], b["lines"]] for b in record["removed"]] == expected["removed"]
    comments = record["comments"]
    assert len(comments) == len(expected["comments"])
    for comment, (author, date, start, *duplicate) in zip(comments, expected["comments"]):
        assert (comment["author"], comment["date"]) == (author, date), comment["id"]
        assert comment["text"].startswith(start), comment["id"]
        assert comment["duplicate_of"] == (duplicate[0] if duplicate else None), comment["id"]


@pytest.mark.parametrize(("capture", "expected_file"), CASES)
def test_every_line_has_one_role_and_the_capture_rebuilds(capture, expected_file):
    text = read_capture(capture).text
    state = parse_text(text)
    assert all(line.role for line in state.lines)
    assert "".join(line.text + line.ending for line in state.lines) == text
    # Every boilerplate line says why it was set aside.
    assert all(line.why for line in state.lines if line.role == "boilerplate")
