"""The reading cache: a capture read once is not read again until it or the code changes.

An entry is keyed by what the reading depends on and nothing else: the file's
name (its id) and bytes, what its site repeats (for the second reading), and
the version of this package (every source file and trained model in it). A
changed capture, a changed site or a new version of the code misses the cache
and is read anew; entries of older versions are removed when a new version
first writes. Entries are written whole or not at all (written aside, then
renamed), so a build stopped halfway never leaves a broken one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
_SOURCES = ("*.py", "*.crfsuite", "*.json")


@cache
def code_version() -> str:
    """A digest of every source file and trained model of this package."""
    digest = hashlib.sha256()
    for pattern in _SOURCES:
        for path in sorted(PACKAGE.rglob(pattern)):
            digest.update(str(path.relative_to(PACKAGE)).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


class ReadingCache:
    """Pickled readings under ``folder/<code version>/``; ``folder`` None: no cache."""

    def __init__(self, folder: Path | None):
        self.folder = folder / code_version() if folder else None
        self._pruned = False

    def key(self, *parts: bytes | str) -> str:
        digest = hashlib.sha256()
        for part in parts:
            digest.update(part.encode("utf-8") if isinstance(part, str) else part)
            digest.update(b"\0")
        return digest.hexdigest()

    def get(self, key: str):
        if self.folder is None:
            return None
        try:
            with open(self.folder / key[:2] / key, "rb") as stored:
                return pickle.load(stored)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return None  # absent, or unreadable: read the capture anew

    def put(self, key: str, value) -> None:
        if self.folder is None:
            return
        try:
            self._prune()
            place = self.folder / key[:2]
            place.mkdir(parents=True, exist_ok=True)
            handle, aside = tempfile.mkstemp(dir=place, prefix=".writing-")
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(aside, place / key)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def _prune(self) -> None:
        """Remove the entries of other code versions (once per build and process)."""
        if self._pruned:
            return
        self._pruned = True
        for other in self.folder.parent.glob("*"):
            if other.is_dir() and other != self.folder:
                shutil.rmtree(other, ignore_errors=True)
