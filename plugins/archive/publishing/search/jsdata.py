"""Data as a .js file: a JSON string handed to JSON.parse (faster to load than
an object literal), passed to ``ArchiveSearch.receive``."""

from __future__ import annotations

import json
from pathlib import Path


def js_data(name: str, data) -> bytes:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    literal = json.dumps(payload, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"ArchiveSearch.receive({json.dumps(name)},JSON.parse({literal}));\n".encode("utf-8")


def write_js_data(folder: Path, file: str, name: str, data) -> int:
    """Write ``folder/file``; return its size in bytes."""
    body = js_data(name, data)
    path = folder / file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    return len(body)
