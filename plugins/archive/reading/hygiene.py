"""Text hygiene: repair double-decoded text (mojibake) and normalise to NFC,
line by line, so that a capture's lines stay one-to-one with its repaired text."""

from __future__ import annotations

import re

import ftfy

REPLACEMENT_CHARACTER = "\ufffd"

# Curly quotes, line breaks, character widths and HTML entities stay as captured.
_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_line_breaks=False, unescape_html=False,
    fix_character_width=False, normalization="NFC", explain=False,
)


# Control characters and bidirectional overrides would hide or reorder text on
# the page ("eltit" for "title"): they stay in source.txt, not in what is shown.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029]")


# Text with nothing to repair: printable ASCII and the general punctuation that
# captures are full of (curly quotes, dashes, ellipses, bullets, primes), none of
# which changes under NFC. UTF-8 read as Windows-1252 always shows a Latin-1
# letter ("Ã", "â"); read as Mac Roman, it may show only these marks, but then a
# "†" or "•" (a continuation byte there) follows another of them: "”†" is "Ӡ".
_PLAIN = re.compile(r"[\x20-\x7e\u2010-\u2027\u2030-\u205e]*")
_MAC_ROMAN_PAIR = re.compile("[^\x00-\x7f][\u2020\u2022]")


def repair_line(text: str) -> str:
    """``"Itâ€™s"`` → ``"It’s"``; decomposed accents composed (NFC); control
    characters and bidirectional overrides removed."""
    if _PLAIN.fullmatch(text) and not _MAC_ROMAN_PAIR.search(text):
        return text
    text = ftfy.fix_text(text, _CONFIG)
    return _INVISIBLE.sub("", _LINE_SEPARATORS.sub(" ", text))
