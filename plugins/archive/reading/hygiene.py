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


def repair_line(text: str) -> str:
    """``"Itâ€™s"`` → ``"It’s"``; decomposed accents composed (NFC); control
    characters and bidirectional overrides removed."""
    if text.isascii() and text.isprintable():
        return text
    text = ftfy.fix_text(text, _CONFIG)
    return _INVISIBLE.sub("", _LINE_SEPARATORS.sub(" ", text))
