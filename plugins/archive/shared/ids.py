"""Document ids: stable, derived from the capture's file name only."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import PurePath

_NUMBER_PREFIX = re.compile(r"^\d+_")
_HEX_ID = re.compile(r"^[0-9a-fA-F]{8,64}$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def document_id(file_name: str) -> str:
    """Return the permanent id of the capture called ``file_name``.

    ``NNN_<hex>.txt`` gives ``<hex>`` (lower case), so renumbering the
    ``NNN_`` prefix never changes it. Any other name gives a slug of the name
    without its number prefix; a name with nothing to slug gives a hash of it.
    """
    stem = PurePath(file_name).stem
    rest = _NUMBER_PREFIX.sub("", stem, count=1) or stem
    if _HEX_ID.match(rest):
        return rest.lower()
    ascii_text = unicodedata.normalize("NFKD", rest).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:64].strip("-")
    if slug:
        return slug
    return "x" + hashlib.sha256(stem.encode("utf-8", "surrogatepass")).hexdigest()[:15]
