"""Editorial Markdown: YAML front matter and a body rendered with markdown-it-py.

One renderer for every page the editors write (About, Method, actor
descriptions), so they all read the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

FENCE = "---"


class EditorialError(ValueError):
    """A Markdown file the build cannot read; the message names the file."""


@dataclass(frozen=True)
class MarkdownFile:
    path: Path
    meta: dict
    body: str  # Markdown, front matter removed


def _renderer() -> MarkdownIt:
    # Editors' Markdown, CommonMark with tables; raw HTML is shown as text.
    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


_MARKDOWN = _renderer()


def render_markdown(text: str) -> str:
    """HTML of ``text``: CommonMark plus tables, raw HTML escaped."""
    return _MARKDOWN.render(text)


def split_front_matter(text: str, name: str) -> tuple[dict, str]:
    """(metadata, body) of a Markdown text that may open with ``---`` YAML ``---``."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() == FENCE:
            break
    else:
        raise EditorialError(f"{name}: front matter opened on line 1 is never closed with '---'")
    meta = load_header("".join(lines[1:end]), name, 2, "front matter", name)
    return meta, "".join(lines[end + 1:])


def load_header(text: str, name: str, first_line: int, what: str, where: str) -> dict:
    """The ``key: value`` lines of a header (YAML) that starts on line ``first_line`` of the
    file ``name``; `EditorialError` says ``what`` is wrong and where (``where`` when
    YAML gives no line). Every value stays text as written: "2008-13-45" is the editor's
    to fix, not a crash, and "yes" stays "yes". Readers of the header check what they need."""
    try:
        meta = yaml.load(text, Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f"{name}, line {first_line + mark.line}" if mark is not None else where
        raise EditorialError(f"{at}: {what} is not valid YAML: {getattr(error, 'problem', error)}") from None
    if not isinstance(meta, dict):
        raise EditorialError(f"{where}: {what} must be 'key: value' lines")
    return meta


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?$")


def editor_date(value) -> str | None:
    """``value`` as "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (seconds and zone dropped), or None
    unless it is a real calendar date and clock time."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    text = value.strip() if isinstance(value, str) else ""
    if not _DATE.match(text):
        return None
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return None
    return text[:10] + (f"T{text[11:16]}" if len(text) > 10 else "")


def read_markdown(path: Path) -> MarkdownFile:
    """Read an editorial Markdown file (UTF-8)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise EditorialError(f"{path.name}: not UTF-8 (byte {error.start})") from None
    meta, body = split_front_matter(text, path.name)
    return MarkdownFile(path, {str(k).lower(): v for k, v in meta.items()}, body)
