"""Text as Lunr sees it: accents folded, then Lunr's tokenizer, trimmer,
stop-word filter and stemmer (lunr.py, the same steps as lunr.js)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from lunr.stemmer import stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from lunr.trimmer import trimmer

from archive.shared.quotes import COMBINING

_SEPARATOR = re.compile(r"[ \t\n\r\f\v\xa0-]+")  # lunr.tokenizer.separator
# Marks that join words without being part of them ("<b>Mallory</b>", "(Jerusalem)",
# "Iraq/Iran"). search.js splits queries on the same marks, but never on Lunr's
# own syntax (: + - * ~ ^).
PUNCTUATION = "<>()[]{}/\\|\"“”«»„,;!?…—–"
_PUNCTUATION = re.compile("[" + re.escape(PUNCTUATION) + "]+")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")  # "Lebanon’s" is "Lebanon"; search.js does the same
_ELLIPSIS = re.compile(r"\.{2,}")


def split_punctuation(text: str) -> str:
    return _PUNCTUATION.sub(" ", _ELLIPSIS.sub(" ", _POSSESSIVE.sub("", text)))


def fold_accents(text: str) -> str:
    """Zürich → Zurich, on both sides of a search (search.js does the same)."""
    if text.isascii():
        return text
    return COMBINING.sub("", unicodedata.normalize("NFKD", text))


@lru_cache(maxsize=200_000)
def term(word: str) -> str | None:
    """The index term of one lowercased word, or None for a stop word."""
    token = Token(word)
    for step in (trimmer, stop_word_filter, stemmer):
        token = step(token)
        if token is None or not str(token):
            return None
    return str(token)


def terms(text: str) -> list[str]:
    """Every index term of ``text``, in order."""
    found = []
    for word in _SEPARATOR.split(fold_accents(text).lower()):
        if word:
            t = term(word)
            if t:
                found.append(t)
    return found


def actor_token(actor_id: str) -> str:
    """The one-word token of an actor in the ``actors`` field."""
    return "actor" + actor_id.replace("-", "")


def site_token(site: str) -> str:
    return "site" + re.sub(r"[^a-z0-9]", "", fold_accents(site).lower())


def year_token(year: str) -> str:
    return "year" + year
