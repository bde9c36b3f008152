"""A Pelican reader for editorial Markdown, built on markdown-it-py.

It replaces Pelican's default Markdown reader for ``.md`` and ``.markdown``
files; front matter is YAML between ``---`` lines.
"""

from __future__ import annotations

from pathlib import Path

from pelican import readers
from pelican.readers import BaseReader

from archive.shared.editorial import read_markdown, render_markdown


class MarkdownItReader(BaseReader):
    enabled = True
    file_extensions = ["md", "markdown", "mkd", "mdown"]

    def read(self, source_path):
        page = read_markdown(Path(source_path))
        metadata = {}
        for name, value in page.meta.items():
            if isinstance(value, (list, tuple)) and name not in ("tags", "authors"):
                value = ", ".join(map(str, value))
            metadata[name] = self.process_metadata(name, value)
        return render_markdown(page.body), metadata


def use_markdown_it() -> None:
    """Retire Pelican's own Markdown reader: without the ``markdown`` package it
    would warn about every ``.md`` file, which is ours to read."""
    readers.MarkdownReader.file_extensions = []
