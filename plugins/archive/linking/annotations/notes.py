"""Editors' notes: read from ``content/annotations/*.md``.

A file holds one or more notes. Each opens with a header of ``key: value``
lines (YAML) between two ``---`` lines; its Markdown body runs to the next
``---`` line or the end of the file. See content/annotations/README.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from archive.shared.editorial import EditorialError, editor_date, load_header

FENCE = "---"
KEYS = {"id", "target", "quote", "prefix", "suffix", "author", "date", "tags"}
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DOC = re.compile(r"^doc/([a-z0-9][a-z0-9-]*)/?(?:#([pc][1-9][0-9]*))?$")
_PASSAGE = re.compile(r"^quote/([0-9a-f]{12})/?$")


class NoteError(ValueError):
    """A note the build cannot read: every mistake in it, each naming the file and line."""

    def __init__(self, problems: str | list[str]):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("; ".join(self.problems))


@dataclass(frozen=True)
class Target:
    """What a note is about: a document (optionally one paragraph or comment) or a shared passage."""

    doc: str | None = None  # document id
    block: str | None = None  # "p3", "c7": the whole paragraph or comment
    passage: str | None = None  # shared passage id

    @property
    def url(self) -> str:
        if self.passage:
            return f"quote/{self.passage}/"
        return f"doc/{self.doc}/" + (f"#{self.block}" if self.block else "")


@dataclass(frozen=True)
class Note:
    id: str
    file: str  # as shown in messages: content/annotations/<name>.md
    line: int  # the line of the header's opening ---
    target: Target
    quote: str | None  # the exact words the note is about
    prefix: str | None  # words just before them, to choose between repeats
    suffix: str | None  # words just after them
    author: str
    date: str | None  # YYYY-MM-DD
    tags: tuple[str, ...]  # actor ids
    body: str  # Markdown
    body_line: int  # the body's first line
    quote_line: int = 0  # the line of its quote (or its target): where a quote not found is reported

    @property
    def where(self) -> str:
        return f"{self.file}, line {self.line}"

    @property
    def quote_where(self) -> str:
        return f"{self.file}, line {self.quote_line or self.line}"


def read_notes(folder: Path, shown_as: str = "content/annotations") -> tuple[list[Note], list[str]]:
    """Every note in ``folder``'s ``*.md`` files (README.md excepted), in file
    order, and a problem (naming file and line) for each note not read."""
    notes: list[Note] = []
    problems: list[str] = []
    if not folder.is_dir():
        return notes, problems
    for path in sorted(folder.glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        name = f"{shown_as}/{path.name}"
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            problems.append(f"{name}: not UTF-8 (byte {error.start}); its notes were not read")
            continue
        found, bad = parse_notes(text, name)
        notes += found
        problems += bad
    seen: dict[str, Note] = {}
    unique = []
    for note in notes:
        if note.id in seen:
            problems.append(f"{note.where}: the note id {note.id!r} is already used at {seen[note.id].where}; "
                            "each note needs its own id (it is part of the note's permalink)")
            continue
        seen[note.id] = note
        unique.append(note)
    return unique, problems


def parse_notes(text: str, name: str) -> tuple[list[Note], list[str]]:
    """The notes of one file's text, and problems for those that cannot be read."""
    lines = text.lstrip("\ufeff").splitlines()
    fences = [n for n, line in enumerate(lines) if line.strip() == FENCE]
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return [], [f"{name}: the file is empty; a note opens with a '---' line"]
    if first not in fences:
        return [], [f"{name}, line {first + 1}: a note opens with a '---' line, then its header "
                    "(id, target, quote, author…), then '---'"]
    notes, problems = [], []
    n = 0
    while n < len(fences):
        if n + 1 >= len(fences):
            problems.append(f"{name}, line {fences[n] + 1}: this note's header is never closed with '---'")
            break
        start, end = fences[n], fences[n + 1]
        body_end = fences[n + 2] if n + 2 < len(fences) else len(lines)
        try:
            notes.append(_note(lines[start + 1:end], "\n".join(lines[end + 1:body_end]), name, start + 1, end + 2))
        except NoteError as error:
            problems.extend(error.problems)
        n += 2
    return notes, problems


def _note(header: list[str], body: str, name: str, line: int, body_line: int) -> Note:
    """One note; `NoteError` lists every mistake in its header at once, each at its own line."""
    where = f"{name}, line {line}"
    try:
        meta = load_header("\n".join(header), name, line + 1, "the note's header", where)
    except EditorialError as error:
        raise NoteError(str(error)) from None
    meta = {str(k).lower(): v for k, v in meta.items()}
    lines = {}
    for n, text in enumerate(header):
        key = text.split(":", 1)[0].strip().lower()
        lines.setdefault(key, line + 1 + n)
    errors: list[str] = []

    def wrong(key: str, message: str) -> None:
        errors.append(f"{name}, line {lines.get(key, line)}: {message}")

    for key in sorted(set(meta) - KEYS):
        wrong(key, f"unknown key {key!r}; a note's keys are {', '.join(sorted(KEYS))}")
    values = {}
    for key in ("id", "target", "quote", "prefix", "suffix", "author", "date"):
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            wrong(key, f"'{key}' must be text")
            value = None
        values[key] = " ".join(value.split()) if value else None
    note_id = values["id"]
    if not note_id or not _ID.match(note_id):
        wrong("id", "'id' must be a lowercase slug such as 'mcclatchy-unattributed' (it names the note for good)")
    target = None
    try:
        target = _target(values["target"])
    except ValueError as why:
        wrong("target", str(why))
    quote, prefix, suffix = values["quote"], values["prefix"], values["suffix"]
    if target and target.passage and (quote or prefix or suffix):
        wrong("quote", "a note on a shared passage (quote/<id>/) is about the whole passage; drop "
                       "quote/prefix/suffix, or target the document that carries the words")
    if target and not target.passage and not target.block and not quote:
        wrong("target", "name the words the note is about with 'quote:', or target a whole paragraph or "
                        "comment (doc/<id>/#p3, doc/<id>/#c7)")
    if (prefix or suffix) and not quote:
        wrong("prefix" if prefix else "suffix", "'prefix' and 'suffix' choose between repeats of the 'quote'; "
                                                "give the quote")
    if not values["author"]:
        wrong("author", "'author' is missing: a note is signed by the editor who wrote it")
    if values["date"] and (len(values["date"]) != 10 or editor_date(values["date"]) != values["date"]):
        wrong("date", f"'date' must be a real date written YYYY-MM-DD, not {values['date']!r}")
    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        wrong("tags", "'tags' must be a list of actor ids, such as [qassem-suleimani]")
        tags = []
    if not body.strip():
        errors.append(f"{where}: the note has no text below its header")
    if errors:
        raise NoteError(errors)
    leading = len(body) - len(body.lstrip("\n"))  # blank lines before the text: lines of the file all the same
    return Note(note_id, name, line, target, quote, prefix, suffix, values["author"], values["date"],
                tuple(dict.fromkeys(t.strip() for t in tags if t.strip())), body.strip("\n"), body_line + leading,
                lines.get("quote", lines.get("target", line)))


def _target(value: str | None) -> Target:
    if not value:
        raise ValueError("'target' is missing: doc/<id>/ (with 'quote:'), doc/<id>/#p3, doc/<id>/#c7 "
                         "or quote/<id>/")
    match = _DOC.match(value)
    if match:
        return Target(doc=match.group(1), block=match.group(2))
    match = _PASSAGE.match(value)
    if match:
        return Target(passage=match.group(1))
    raise ValueError(f"'target' {value!r} is not doc/<id>/, doc/<id>/#p<n>, doc/<id>/#c<n> or quote/<id>/")
