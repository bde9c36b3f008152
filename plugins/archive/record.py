"""The machine-readable record of one document (schema: `record.schema.json`)."""

from __future__ import annotations

import re
from collections import Counter

from . import __version__
from .reading.capture import Capture
from .reading.hygiene import REPLACEMENT_CHARACTER
from .reading.parse import parse_text
from .reading.relations import link_comments
from .reading.shapes import AGO, stamps
from .reading.state import BOILERPLATE, BODY, CAPTION, ParseState
from .shared.ids import document_id

SCHEMA_VERSION = 2


def document_url(doc_id: str) -> str:
    """The permalink of a document, relative to the archive's root."""
    return f"doc/{doc_id}/"


def _paragraphs(state: ParseState) -> list[dict]:
    body = [line for line in state.lines if line.role == BODY]
    return [{"id": f"p{n}", "line": line.number, "text": line.stripped}
            for n, line in enumerate(body, start=1)]


def _captions(state: ParseState) -> list[dict]:
    return [{"line": line.number, "text": line.stripped} for line in state.lines if line.role == CAPTION]


def _removed(state: ParseState) -> list[dict]:
    """Boilerplate, one entry per run of lines set aside for the same reason."""
    removed = []
    boilerplate = [line for line in state.lines if line.role == BOILERPLATE]
    runs = []
    for line in boilerplate:
        if runs and runs[-1][-1].why == line.why and _adjacent(state, runs[-1][-1], line):
            runs[-1].append(line)
        else:
            runs.append([line])
    for run in runs:
        removed.append({
            "why": run[0].why,
            "lines": [run[0].number, run[-1].number],
            "text": "\n".join(line.stripped for line in run),
        })
    return removed


def _adjacent(state: ParseState, earlier, later) -> bool:
    """True when only blank lines stand between two lines."""
    between = state.lines[earlier.number:later.number - 1]
    return all(line.blank for line in between)


def _comments(state: ParseState) -> list[dict]:
    return [{
        "id": f"c{c.number}",
        "number": c.number,
        "line": state.lines[c.first_line()].number if c.first_line() is not None else None,
        "author": c.author,
        "date": c.date,
        "text": c.text,
        "duplicate_of": f"c{c.duplicate_of}" if c.duplicate_of else None,
        "replies_to": f"c{c.replies_to}" if c.replies_to else None,
        "quotes": c.quotes,
        "quoted_lines": c.quoted_lines,
        "date_as_written": None if c.date else _relative_stamp(c.header_text),
        "deleted": bool(_DELETED.match(c.text.strip()) or c.author in ("[deleted]", "[removed]")),
        **({"date_inferred": c.date_inferred} if c.date_inferred else {}),
    } for c in state.comments]


# "This comment was deleted.", "[removed]": a place in the thread whose words are gone
_DELETED = re.compile(r"^(?:This comment (?:was|has been) (?:deleted|removed)\b.{0,40}|\[(?:deleted|removed)\])$",
                      re.IGNORECASE)


def _relative_stamp(header: str) -> str | None:
    """"2 years ago" as the header gave it: it cannot be dated (ago from when?)."""
    return next((words for slot, words in stamps(header) if slot == AGO), None) if header else None


def roles(state: ParseState) -> dict[str, int]:
    """How many lines took each role: what the cleaning changed, in figures."""
    counts = Counter(line.role if line.role != BOILERPLATE else f"{BOILERPLATE}: {line.why}"
                     for line in state.lines)
    return dict(sorted(counts.items()))


def build_record(capture: Capture, state: ParseState | None = None) -> dict:
    """The record of ``capture``, ready to be written as JSON. ``state`` is its
    parse, when corpus-wide rules have already been applied to it."""
    state = state or parse_text(capture.text)
    doc_id = document_id(capture.file)
    paragraphs = _paragraphs(state)
    link_comments(state.comments, [(p["id"], p["text"]) for p in paragraphs])
    return {
        "schema_version": SCHEMA_VERSION,
        "id": doc_id,
        "url": document_url(doc_id),
        "source": {
            "file": capture.file,
            "sha256": capture.sha256,
            "bytes": len(capture.data),
            "encoding": capture.encoding,
            "lines": len(state.lines),
            "repaired_lines": [line.number for line in state.lines if line.text != line.raw],
            "unrepairable_lines": [line.number for line in state.lines if REPLACEMENT_CHARACTER in line.raw],
        },
        "title": state.title,
        "date": state.date,
        **({"date_inferred": state.date_inferred} if state.date_inferred else {}),
        "authors": state.authors,
        "site": state.site,
        "paragraphs": paragraphs,
        "captions": _captions(state),
        "removed": _removed(state),
        "comments": _comments(state),
        "comments_stated": state.comments_stated,
        "line_roles": roles(state),
        "archive_version": __version__,
        # What editors said of the capture (content/documents/<id>.md), filled in at build time.
        "provenance": {"metadata": None, "original_url": None, "captured": None, "type": None,
                       "note": None, "corrected": {}},
        # Filled in with the corpus links (archive.linking.actors.annotate, archive.linking.links).
        "actors": [],
        "shared_quotes": [],
        "related": [],
    }
