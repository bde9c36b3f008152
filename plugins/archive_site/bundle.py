"""The offline bundle: a built archive as one zip that, unzipped anywhere,
opens from disk (every page, asset and the search: they link relatively)."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

from .build import BUILD_MARKER, is_archive_build

FOLDER = "archive"  # the zip's one top-level folder
READ_ME = """This is an annotated web archive, for reading offline.

Open index.html (in this folder) in a web browser: every page, the original
captures and the search work from the folder, with no network and no server.
"""


def _stamp() -> tuple[int, int, int, int, int, int]:
    """Every entry's date: SOURCE_DATE_EPOCH's (a zip cannot say before 1980), never the clock's."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    return time.gmtime(max(epoch, 315532800))[:6]


def write_bundle(site: Path, zip_path: Path) -> int:
    """Zip the built archive in ``site`` into ``zip_path`` (byte for byte the same
    from the same site); the number of files it holds."""
    if not is_archive_build(site):
        raise ValueError(f"{site} is not a built archive (no {BUILD_MARKER}): run `invoke build` first")
    files = sorted(p for p in site.rglob("*") if p.is_file() and p.name != BUILD_MARKER)
    stamp = _stamp()
    partial = zip_path.with_name(zip_path.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for name, data in [("README.txt", READ_ME.encode("utf-8"))] + [
                (path.relative_to(site).as_posix(), path.read_bytes()) for path in files]:
            entry = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            bundle.writestr(entry, data)
    partial.replace(zip_path)  # a failed bundle never leaves a half-written zip behind
    return len(files) + 1
