"""Reading one capture file: bytes, checksum, decoding, and clear refusals."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

MAX_CAPTURE_BYTES = 20 * 1024 * 1024


class CaptureError(Exception):
    """A capture that cannot be published, with the file and line to look at."""

    def __init__(self, file: str, message: str, line: int | None = None):
        super().__init__(message)
        self.file, self.message, self.line = file, message, line

    def __reduce__(self):  # rebuilt whole when a worker process sends it back
        return CaptureError, (self.file, self.message, self.line)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Capture:
    """A capture as read from disk: the bytes stay untouched for `source.txt`."""

    file: str
    data: bytes
    text: str
    encoding: str
    warnings: tuple[str, ...] = field(default=())

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(file: str, data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Return ``(text, encoding, warnings)`` or raise `CaptureError`."""
    if len(data) > MAX_CAPTURE_BYTES:
        raise CaptureError(
            file, f"too large: {len(data):,} bytes (the limit is {MAX_CAPTURE_BYTES:,})"
        )
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                          (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise CaptureError(file, f"not valid {encoding} after its byte-order mark",
                                   _line_of(data, error.start)) from None
            return _checked(file, text), encoding, ()
    nul = data.find(b"\x00")
    if nul >= 0:
        utf16 = _utf16_without_bom(data)
        if utf16:
            text, encoding = utf16
            return _checked(file, text), encoding, (f"{file}: no byte-order mark; read as {encoding}",)
        raise CaptureError(file, "binary data, not text (NUL byte)", _line_of(data, nul))
    try:
        return _checked(file, data.decode("utf-8")), "utf-8", ()
    except UnicodeDecodeError:
        pass
    # Not UTF-8 throughout: each line is read as UTF-8 where it is, and otherwise as
    # Windows-1252, the usual encoding of old pages (a file pasted together from
    # two sources keeps both halves right). Its five unassigned bytes are kept as
    # the Latin-1 characters they would be.
    chunks = data.splitlines(keepends=True)
    texts, legacy = [], []
    for number, chunk in enumerate(chunks, start=1):
        try:
            texts.append(chunk.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(chunk.decode("cp1252", errors="archive-latin1"))
            legacy.append(number)
    utf8_lines = sum(1 for n, chunk in enumerate(chunks, start=1) if not chunk.isascii() and n not in legacy)
    encoding = "utf-8+cp1252" if utf8_lines else "cp1252"
    where = f"{len(legacy)} line(s) (first: line {legacy[0]})" if utf8_lines else "the whole file"
    warning = f"{file}:{legacy[0]}: not valid UTF-8 on {where}; decoded as cp1252"
    return _checked(file, "".join(texts)), encoding, (warning,)


def _latin1_fallback(error: UnicodeDecodeError):
    return "".join(chr(b) for b in error.object[error.start:error.end]), error.end


codecs.register_error("archive-latin1", _latin1_fallback)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Text saved as UTF-16 without a byte-order mark: NULs on every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros >= len(data) // 2 * 0.6:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def _checked(file: str, text: str) -> str:
    if not text.strip():
        raise CaptureError(file, "empty capture: no text to publish")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text) // 100):
        raise CaptureError(file, f"binary data, not text ({controls} control characters)")
    return text


def read_capture(path: Path, name: str | None = None) -> Capture:
    """Read and decode the capture at ``path``; ``name`` is how messages call it."""
    file = name or path.name
    try:
        size = path.stat().st_size
        if size > MAX_CAPTURE_BYTES:  # refused before it is read into memory
            raise CaptureError(file, f"too large: {size:,} bytes (the limit is {MAX_CAPTURE_BYTES:,})")
        data = path.read_bytes()
    except OSError as error:
        raise CaptureError(file, f"cannot be read: {error.strerror}") from None
    text, encoding, warnings = decode(file, data)
    return Capture(file=file, data=data, text=text, encoding=encoding, warnings=warnings)
