"""Editorial Markdown: YAML front matter and a body rendered with markdown-it-py.

One renderer for every page the editors write (About, Method, actor
descriptions), so they all read the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    try:
        # Every value stays text as written: "2008-13-45" is the editor's to fix, not a
        # crash, and "yes" stays "yes". Readers of the metadata check what they need.
        meta = yaml.load("".join(lines[1:end]), Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", line {mark.line + 2}" if mark is not None else ""
        raise EditorialError(f"{name}{where}: front matter is not valid YAML: "
                             f"{getattr(error, 'problem', error)}") from None
    if not isinstance(meta, dict):
        raise EditorialError(f"{name}: front matter must be 'key: value' lines")
    return meta, "".join(lines[end + 1:])


def read_markdown(path: Path) -> MarkdownFile:
    """Read an editorial Markdown file (UTF-8)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise EditorialError(f"{path.name}: not UTF-8 (byte {error.start})") from None
    meta, body = split_front_matter(text, path.name)
    return MarkdownFile(path, {str(k).lower(): v for k, v in meta.items()}, body)
