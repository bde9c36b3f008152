"""Text hygiene: repair double-decoded text (mojibake) and normalise to NFC,
line by line, so that a capture's lines stay one-to-one with its repaired text."""

from __future__ import annotations

import ftfy

REPLACEMENT_CHARACTER = "\ufffd"

# Curly quotes, line breaks, character widths and HTML entities stay as captured.
_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_line_breaks=False, unescape_html=False,
    fix_character_width=False, normalization="NFC", explain=False,
)


def repair_line(text: str) -> str:
    """``"Itâ€™s"`` → ``"It’s"``; decomposed accents composed (NFC)."""
    if text.isascii():
        return text
    return ftfy.fix_text(text, _CONFIG)
