"""Quoted passages: one normalisation pipeline and word shingles, used on both
sides of every comparison (comment against article, and later document against
document)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

QUOTE_WORDS = 8  # a passage shorter than this is too common to mean a quotation
MARKED_QUOTE_WORDS = 5  # ...unless the writer put it in quotation marks

_BRACKETED = re.compile(r"\[[^\]]{0,60}\]")  # editorial insertions: "a [Maliki] spokesman"
_MARKED = re.compile(r'“([^”]{10,2000})”|"([^"]{10,2000})"')
_WORD = re.compile(r"\w+(?:['’]\w+)*")
# Combining marks that NFKD splits off letters (é → e + ´); search.js strips the same ranges.
COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def normalise_words(text: str) -> list[str]:
    """Words of ``text`` with case, accents, quote styles, punctuation, ellipses
    and bracketed insertions set aside."""
    text = _BRACKETED.sub(" ", text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = COMBINING.sub("", text)
    return [word.replace("’", "'") for word in _WORD.findall(text.casefold())]


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text``, normalised as `normalise_words` does, each with
    its start and end in ``text``."""
    blanked = _BRACKETED.sub(lambda m: " " * len(m.group()), text)
    spans = []
    for match in _WORD.finditer(blanked):
        word = match.group()
        if not word.isascii():
            word = COMBINING.sub("", unicodedata.normalize("NFKD", word))
        spans.append((word.casefold().replace("’", "'"), match.start(), match.end()))
    return spans


def shingles(words: list[str], size: int = QUOTE_WORDS) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


@dataclass(frozen=True)
class Source:
    """A text that may quote or be quoted, normalised once: its anchor, words,
    shingles, and the passages it puts in quotation marks."""

    anchor: str
    words: str  # normalised words, space-separated, space-padded
    shingles: frozenset
    marked: tuple[str, ...]

    @classmethod
    def of(cls, anchor: str, text: str) -> Source:
        words = normalise_words(text)
        return cls(anchor, f" {' '.join(words)} ", frozenset(shingles(words)), tuple(marked_quotes(text)))


def marked_quotes(text: str) -> list[str]:
    """Normalised passages the writer put in quotation marks, long enough to count."""
    spans = (a or b for a, b in _MARKED.findall(text))
    found = (" ".join(normalise_words(span)) for span in spans)
    return [f" {span} " for span in found if span.count(" ") + 1 >= MARKED_QUOTE_WORDS]


def quotes_of(quoting: Source, source: Source, besides: Source | None = None) -> bool:
    """Does ``quoting`` quote ``source`` (eight words in a row, or five in
    quotation marks), with a passage that is not also in ``besides``?"""
    shared = quoting.shingles & source.shingles
    if besides is not None:
        shared -= besides.shingles
    if shared:
        return True
    return any(span in source.words and (besides is None or span not in besides.words)
               for span in quoting.marked)
