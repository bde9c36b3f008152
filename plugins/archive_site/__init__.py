"""Pelican plugin: publish every capture as an archival page (thin glue).

The text analysis lives in the plain `archive` package; this plugin only
reads the seeds folder named by the ``ARCHIVE_SEEDS`` setting, and writes the
pages, `record.json` and `source.txt` of every document, and the index;
and it reads the editors' Markdown with markdown-it-py.
"""

from pelican import signals

from . import publish
from .generator import ArchiveGenerator
from .markdown_reader import use_markdown_it


def _get_generators(_pelican):
    return ArchiveGenerator


def register():
    signals.get_generators.connect(_get_generators)
    use_markdown_it()
    publish.register()  # citations, permalink registry, exports
