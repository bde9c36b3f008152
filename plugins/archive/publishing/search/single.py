"""One Lunr index for the whole archive (lunr.py), for lunr.js to load."""

from __future__ import annotations

from lunr import lunr

from .documents import FIELDS, fields


def single_index(records: list[dict]) -> dict:
    """The serialised index; each document's ref is its number in ``records``."""
    documents = []
    for n, record in enumerate(records):
        document = fields(record)
        document["ref"] = str(n)
        documents.append(document)
    index = lunr(ref="ref", fields=[{"field_name": name, "boost": boost} for name, boost in FIELDS.items()],
                 documents=documents)
    return index.serialize()
