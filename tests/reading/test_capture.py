"""Reading capture files: ids from names, decoding, and clear refusals."""

from __future__ import annotations

import codecs
import hashlib

import pytest

from archive.reading import capture as capture_module
from archive.reading.capture import CaptureError, decode, read_capture
from archive.shared.ids import document_id


@pytest.mark.parametrize(("name", "expected"), [
    ("000_93b7b02e6c168858.txt", "93b7b02e6c168858"),
    ("017_93B7B02E6C168858.txt", "93b7b02e6c168858"),  # renumbered, upper case: same id
    ("93b7b02e6c168858.txt", "93b7b02e6c168858"),
    ("012_Notes from Zürich (draft).txt", "notes-from-zurich-draft"),
    ("my capture.txt", "my-capture"),
    ("005_a1.txt", "a1"),
])
def test_document_id_comes_from_the_name_without_its_number(name, expected):
    assert document_id(name) == expected


def test_a_name_with_nothing_to_slug_still_gets_a_stable_id():
    assert document_id("001_محاضرة.txt") == document_id("001_محاضرة.txt")
    assert document_id("001_محاضرة.txt").startswith("x")
    assert document_id("001_محاضرة.txt") != document_id("001_مقالة.txt")


@pytest.mark.parametrize(("data", "encoding", "text"), [
    ("Itʼs fine\n".encode(), "utf-8", "Itʼs fine\n"),
    (codecs.BOM_UTF8 + "Bom\r\n".encode(), "utf-8-sig", "Bom\r\n"),
    (codecs.BOM_UTF16_LE + "Zürich\n".encode("utf-16-le"), "utf-16", "Zürich\n"),
    (codecs.BOM_UTF16_BE + "Zürich\n".encode("utf-16-be"), "utf-16", "Zürich\n"),
    ("“Zürich” – €5\n".encode("cp1252"), "cp1252", "“Zürich” – €5\n"),
    # One byte cp1252 leaves unassigned does not spoil the curly quotes around it.
    ("“Quoted” it’s…\n".encode("cp1252") + b"\x81", "cp1252", "“Quoted” it’s…\n\x81"),
    (codecs.BOM_UTF32_LE + "Zürich\n".encode("utf-32-le"), "utf-32", "Zürich\n"),
    ("Über den Fluss\nZweite Zeile\n".encode("utf-16-le"), "utf-16-le", "Über den Fluss\nZweite Zeile\n"),
])
def test_decoding(data, encoding, text):
    decoded, used, _warnings = decode("x.txt", data)
    assert (decoded, used) == (text, encoding)


def test_not_utf8_is_published_with_a_warning_naming_the_line():
    _text, _encoding, warnings = decode("x.txt", b"one\ntwo\ncaf\xe9\n")
    assert warnings == ("x.txt:3: not valid UTF-8 on the whole file; decoded as cp1252",)


def test_a_file_of_utf8_and_cp1252_lines_keeps_both_right():
    data = "Zürich “ok”\n".encode() + "Café – “old”\n".encode("cp1252") + "It’s fine\n".encode()
    text, encoding, warnings = decode("x.txt", data)
    assert text == "Zürich “ok”\nCafé – “old”\nIt’s fine\n"
    assert encoding == "utf-8+cp1252"
    assert warnings == ("x.txt:2: not valid UTF-8 on 1 line(s) (first: line 2); decoded as cp1252",)


@pytest.mark.parametrize(("data", "message"), [
    (b"", "x.txt: empty capture"),
    (b" \n\n\t\n", "x.txt: empty capture"),
    (b"text\nmore\n\x00\x00", "x.txt:3: binary data"),
    (bytes(range(1, 32)) * 10, "x.txt: binary data"),
])
def test_refusals_name_the_file_and_line(data, message):
    with pytest.raises(CaptureError) as error:
        decode("x.txt", data)
    assert str(error.value).startswith(message)


def test_huge_capture_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(capture_module, "MAX_CAPTURE_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 1001)
    with pytest.raises(CaptureError, match=r"big.txt: too large: 1,001 bytes \(the limit is 1,000\)"):
        read_capture(path)


def test_capture_keeps_its_bytes_and_checksum(tmp_path):
    path = tmp_path / "001_abcdef0123456789.txt"
    path.write_bytes(b"Title\r\n\r\nBody\r\n")
    read = read_capture(path)
    assert read.data == path.read_bytes()
    assert read.sha256 == hashlib.sha256(b"Title\r\n\r\nBody\r\n").hexdigest()
    assert read.text == "Title\r\n\r\nBody\r\n"


def test_controls_and_bidi_overrides_are_not_shown_but_kept_in_the_source():
    from archive.reading.parse import parse_text

    text = "\u202eeltit ltr live\u202c\x1b[31m\nBody\x0cline\n"
    state = parse_text(text)
    assert state.title == "eltit ltr live"  # terminal escapes go too
    assert [line.number for line in state.lines] == [1, 2]  # a form feed does not break a line
    assert "".join(line.raw + line.ending for line in state.lines) == text


def test_a_capture_error_crosses_a_process_boundary_whole():
    """A worker process sends its error back pickled: the file, the line and the message survive."""
    import pickle

    error = pickle.loads(pickle.dumps(CaptureError("seeds/007.txt", "empty capture", 3)))
    assert (error.file, error.message, error.line, str(error)) == (
        "seeds/007.txt", "empty capture", 3, str(CaptureError("seeds/007.txt", "empty capture", 3)))
