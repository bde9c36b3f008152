"""Names as keys: tokens, and a spelling fold under which the common English
transliterations of one Arabic or Persian name become the same key
(Qassem/Qassim, Suleimani/Soleimani, Muqtada/Moqtada, Qods/Quds,
Hizbullah/Hezbollah, Adeeb/Adib, Sulaimani/Suleimani, al-Sadr/al Sadr/Sadr)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# A word: letters and digits, with inner apostrophes (Asa'ib, Da'wa).
_TOKEN = re.compile(r"[^\W_]+(?:['’ʼ`][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’ʼ]s$")
_APOSTROPHES = str.maketrans("", "", "'’ʼ`")
# The Arabic article, written "al-", "el-", "al ": left out of every key.
PARTICLES = frozenset({"al", "el", "ul"})
# Order matters: digraphs first, then the vowels that transliterations swap.
_FOLDS = (("dh", "z"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ai", "i"), ("q", "k"),
          ("e", "i"), ("o", "u"))
_DOUBLE = re.compile(r"(.)\1+")

ACRONYM = "="  # key prefix: an acronym, matched only as written (IS, JAM, IRGC)
LOWER = "~"  # key prefix: a word an alias writes in lowercase (of, the, and)


class Token(NamedTuple):
    text: str  # as written, possessive removed
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """The words of ``text`` with their offsets; possessive 's is not part of a word."""
    found = []
    for match in _TOKEN.finditer(text):
        word, end = match.group(), match.end()
        if word[-1] == "s" and len(word) > 2 and _POSSESSIVE.search(word):
            word, end = word[:-2], end - 2
        found.append(Token(word, match.start(), end))
    return found


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The spelling-insensitive form of one word."""
    word = unicodedata.normalize("NFKD", word.casefold())
    word = "".join(ch for ch in word if not unicodedata.combining(ch)).translate(_APOSTROPHES)
    head, rest = word[:1], word[1:].replace("y", "i")  # Sayyid/Sayid; not Yemen
    word = head + rest
    for old, new in _FOLDS:
        word = word.replace(old, new)
    return _DOUBLE.sub(r"\1", word)


def is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


@lru_cache(maxsize=65536)
def is_particle(word: str) -> bool:
    return word.casefold() in PARTICLES


def alias_keys(alias: str) -> tuple[str, ...]:
    """The key sequence of a name as the registry writes it."""
    words = [t.text for t in tokens(alias) if not is_particle(t.text)]
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]  # "the Pentagon" is "Pentagon"
    keys = []
    for word in words:
        if is_acronym(word):
            keys.append(ACRONYM + word)
        elif word[0].islower():
            keys.append(LOWER + fold(word))
        else:
            keys.append(fold(word))
    return tuple(keys)


@lru_cache(maxsize=65536)
def text_keys(word: str) -> tuple[str, ...]:
    """The keys one word of running text may stand for. A capitalised word can
    be part of a name; a lowercase word only a name's lowercase joining word."""
    folded = fold(word)
    if not word[:1].isupper():
        return (LOWER + folded,)
    if is_acronym(word):
        return (ACRONYM + word, folded, LOWER + folded)
    return (folded, LOWER + folded)
