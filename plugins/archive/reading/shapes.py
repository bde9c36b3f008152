"""A line's shape: its fixed words kept, its varying parts turned into slots.

``Posted by: Riccardo Cabeza at November 9, 2012 7:49 AM`` has the shape
``posted by : <X> at <DATE> <TIME>``; ``3. jim says:`` has ``<N> . <X> says :``.
Lines of one shape that repeat down a page are its template: a comment header
or footer, a "Reply" link, a teaser list. The page's own repeats say what the
layout is, whatever its wording; nothing here names a platform.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from archive.shared.dates import (CLOCK_PATTERN, DATE_PATTERN, MONTH_PATTERN, NUMERIC_DATE_PATTERN, TIME_PATTERN,
                                  WEEKDAY_PATTERN,
                                  find_dates, iso_datetime, with_year)

DATE, TIME, AGO, NUMBER, VARYING = "<DATE>", "<TIME>", "<AGO>", "<N>", "<X>"
SLOTS = (DATE, TIME, AGO)  # a stamp: what makes a repeated line a comment's header or footer
MAX_TEMPLATE_LENGTH = 160  # a longer line is text, never a header or footer
MAX_NAME_SHAPE = 8  # "<X>", "<N> . <X> says :", "@ <X>": a name on its own line

_AGO = (r"(?:\d+|an?|one)\s*(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?|yrs?"
        r"|[smhdwy])\.?\s+ago|yesterday|today|just now")
# A month as written in a stamp: its name or abbreviation, never a word that starts like one ("4 Janet", "Marcus 12")
_MONTH = rf"{MONTH_PATTERN}(?!\w)"
# A month's name opens a word, or a capitalised word run on from the one before ("Posted onNovember 5"), never
# ends one ("Kumar 12", "Bogdanov 11.06.12", "Lemay 5, 2012": no March, November or May). Known limit: a capital
# is taken for a run-on word's, so a name in capitals or camel case ("KUMAR 12", "LaMar 12") still holds a month
_WORD_START = r"(?:(?<![^\W\d_])|(?![^\W\d_])|(?=(?-i:[A-Z])))"
# Every stamp opens with a digit (of any script: "١٢/٠٥/٢٠١٢", "３ days ago") or with a letter that opens a
# weekday, a month or "ago" words ("an hour", "one day", "yesterday", "today", "just now"): the lookahead
# skips every other place at once (twice as fast).
_STAMPS = re.compile(
    r"(?=\d|[adfjmnostwy])"
    rf"(?:(?P<date>(?:\b(?:{WEEKDAY_PATTERN}|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)(?!\w)\.?,?\s+)?"
    rf"{_WORD_START}(?:{DATE_PATTERN}|{NUMERIC_DATE_PATTERN}"
    rf"|\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}|(?:\d{{1,2}}/){{2}}\d{{2}}"
    rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!:)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?!\.?\s+{_MONTH}\.?\s+\d)))"
    rf"|(?P<time>{TIME_PATTERN}|\b{CLOCK_PATTERN}\b)"
    rf"|(?P<ago>\b(?:{_AGO})\b))",
    re.IGNORECASE,
)
# Every stamp has a digit or one of these words: a cheap test before the costly pattern.
_MAYBE_STAMP = re.compile(r"\d|ago\b|yesterday|today|just now", re.IGNORECASE)
_TOKEN = re.compile(r"<[A-Z]+>|[A-Z]\.(?=\s|$)|\w+(?:[’'.-]\w+)*|[^\w\s]")
# Words a template keeps as written: the glue of headers, footers and furniture.
FIXED_WORDS = frozenset("""
a an the and or of on at in by to for from with via as is was
says said say wrote writes posted post posts reply replies replied comment comments commented permalink
link report flag like likes share quote edit delete deleted points point votes vote ago
am pm
""".split())


def stamps(text: str) -> list[tuple[str, str]]:
    """The dates, times and relative stamps of ``text``: ``[(slot, words), …]``."""
    found = []
    for match in _STAMPS.finditer(text):
        slot = DATE if match["date"] else TIME if match["time"] else AGO
        found.append((slot, match[0]))
    return found


_NUMBER_BEFORE, _NUMBER_AFTER = frozenset("0123456789/."), frozenset("0123456789/")  # what a date is not cut from
_NUMERIC_DAY = re.compile(r"(?P<first>\d{1,2})/(?P<second>\d{1,2})/")  # "25/12/12": which number is the month?


def first_date(text: str) -> re.Match | None:
    """The first date stamp of ``text``, unless its digits run on into a longer
    number ("2012/10/12" holds "12/10/12", "1/2/123" holds "1/2/12")."""
    day = next((match for match in _STAMPS.finditer(text) if match["date"]), None)
    if day is None:
        return None
    start, end = day.span()
    cut = (start and day[0][0].isdigit() and text[start - 1] in _NUMBER_BEFORE
           or end < len(text) and day[0][-1].isdigit() and text[end] in _NUMBER_AFTER)
    return None if cut else day


def stamp_date(text: str, day_first: bool = False) -> str | None:
    """ISO 8601 of the date a line's stamps give: its first date (`first_date`),
    with its first time. A date of only a day and a month takes the year of the
    whole date written around it ("20 August, 2011"); ``day_first``: read "5/1/12"
    as the 5th of January. None for a relative stamp ("3 days ago")."""
    day = first_date(text)
    clock = next((words for slot, words in stamps(text) if slot == TIME), None)
    if day is None:  # a date written as the stamps' pattern does not know it, opening the line ("27. Jun, 2012")
        whole = opening_date(text)
        if whole is None or any(slot == AGO for slot, _ in stamps(text)):
            return None  # "Bob (joined 01-04-2011)": a date the line mentions, not its stamp
        return with_year(whole[0].year, whole[0].month, whole[0].day, clock)
    written = iso_datetime(day[0], clock, day_first)
    if written is None:  # the year may follow the day and month
        start, end = day.span()
        whole = next((found for found, at, until in find_dates(text) if at < end and start < until), None)
        written = with_year(whole.year, whole.month, whole.day, clock) if whole else None
    return written


def opening_date(text: str) -> tuple[date, int, int] | None:
    """The first whole date of ``text`` (`find_dates`) if it opens the line, only a
    number and marks before it ("181. 27. Jun, 2012 / Faith"), with where it starts and ends."""
    whole = next(find_dates(text), None)
    return whole if whole is not None and not any(c.isalpha() for c in text[:whole[1]]) else None


def day_first(texts: list[str]) -> bool:
    """Do these lines' stamps write the day first? They do if one of them has a
    first number that cannot be a month ("25/12/12") and none has a second one
    that cannot ("12/25/12": then the thread mixes layouts, and month first stands)."""
    numbers = [(int(found["first"]), int(found["second"])) for text in texts
               if (day := first_date(text)) and (found := _NUMERIC_DAY.search(day[0]))]
    return any(first > 12 for first, _second in numbers) and all(second <= 12 for _first, second in numbers)


def tokens(text: str) -> list[str]:
    """Words and punctuation, stamps as slots."""
    if _MAYBE_STAMP.search(text):
        text = _STAMPS.sub(lambda m: f" {DATE if m['date'] else TIME if m['time'] else AGO} ", text)
    return _TOKEN.findall(text)


def shape(text: str) -> str:
    """The line's template: fixed words and punctuation as written (lower case),
    stamps and numbers as slots, every run of other words as one ``<X>``."""
    out: list[str] = []
    last = None
    pieces = _PIECES
    for token in tokens(text):
        piece = pieces.get(token)
        if piece is None:
            piece = _piece(token)
            if len(token) <= MAX_PIECE_TOKEN:
                if len(pieces) >= MAX_PIECES:
                    pieces.clear()  # a long build moves on to other sites' words
                pieces[token] = piece
        if piece != VARYING or last != VARYING:
            out.append(piece)
            last = piece
    return " ".join(out)


MAX_PIECES = 100_000  # tokens whose piece is kept (most lines are words seen before), a few megabytes
MAX_PIECE_TOKEN = 40  # characters of a token whose piece is kept: a longer one (a URL's run of words) seldom recurs
_PIECES: dict[str, str] = {}


def _piece(token: str) -> str:
    """What a token is in a shape: a slot as it is, a number, a fixed word or
    punctuation (lower case), or a varying word (``<X>``)."""
    if token[0] == "<" and token[-1] == ">":
        return token
    if token.isdigit():
        return NUMBER
    lowered = token.lower()
    return lowered if lowered in FIXED_WORDS or not token[0].isalnum() else VARYING


# "Odile @ Salt, Not Sugar", "Rhea (Two Bowls)", "Tamsin @ The Cook's Ladle", "Bread Jam and Oats"
_NAME_INSIDE = re.compile(r"<X>(?: (?:[@,&'’./-]|the|and|of|a|an|in|for|to|with|from))+ <X>")
_NAME_PAREN = re.compile(r"<X> \( <X> \)")


def loose_shape(text: str) -> str:
    """The shape with a name's own punctuation folded into its slot, so that one
    header template matches "2 Odile @ Salt, Not Sugar November 12, 2012"
    and "3 Rhea (Two Small Bowls) November 12, 2012" alike."""
    return loosened(shape(text))


def loosened(shape_text: str) -> str:
    """A shape with each name's own punctuation folded into its slot (`loose_shape`)."""
    out = shape_text
    while True:
        folded = _NAME_PAREN.sub(VARYING, _NAME_INSIDE.sub(VARYING, out))
        if folded == out:
            return out
        out = folded


def stamped(shape_text: str) -> bool:
    """Does the shape hold a stamp (a date, a time, "3 days ago")?"""
    return any(slot in shape_text for slot in SLOTS)


MIN_DISTINCT_NAMES = 3  # an unstamped template with repeats names this many people, or each once
TALK_WORDS = frozenset("says said wrote writes replied replies commented".split())  # "<X> says :"


def likeliest_template(found: dict[str, list[int]], texts: Mapping[int, str], minimum: int) -> str | None:
    """Of header-like shapes and the lines they stand on (``found``; ``texts``: each
    line's words), the one that repeats most (at least ``minimum`` times, with a
    stamp or with names that vary), a stamped one before one without, then the first."""
    repeated = {s: lines for s, lines in found.items() if len(lines) >= minimum
                and (stamped(s) or _names_vary(s, {varying_words(texts[i]) for i in lines}, len(lines)))}
    if not repeated:
        return None
    return max(repeated, key=lambda s: (len(repeated[s]), stamped(s), -repeated[s][0]))


def _names_vary(shape_text: str, slots: set[str], repeats: int) -> bool:
    """Do the words in a repeated shape's name slot vary as commenters' names do?
    Where the shape says someone speaks ("<X> says :", "<X> wrote :"), two names
    will do (a reply back and forth); elsewhere two words taking turns ("Upside:",
    "Downside:", …) or phrases ("In practice:") label an article's sections."""
    if TALK_WORDS & set(shape_text.split()):
        return len(slots) > 1
    names = {words for words in slots if _looks_like_a_name(words)}
    return len(names) > 1 and (len(names) == repeats or len(names) >= MIN_DISTINCT_NAMES)


def _looks_like_a_name(words: str) -> bool:
    """A handle (one word, any case) or a name that starts and ends with a capital
    ("Pieter van Dam"), not a phrase ("Try it out")."""
    parts = words.split()
    return len(parts) == 1 or bool(parts) and parts[0][:1].isupper() and parts[-1][:1].isupper()


def header_like(shape_text: str, text: str) -> bool:
    """Can a line of this shape be a comment's header or footer? Short, with a
    stamp or a name slot beside fixed words."""
    if len(text) > MAX_TEMPLATE_LENGTH:
        return False
    parts = shape_text.split()
    if stamped(shape_text):
        return True
    return VARYING in parts and len(parts) <= MAX_NAME_SHAPE and any(p not in (VARYING, NUMBER) for p in parts)


def sentence_like(shape_text: str) -> bool:
    """An unstamped shape that ends as a sentence ends ("Harbour at dusk.", "The old
    mill, from the bridge."): a caption, not a name; a comment template is never one."""
    parts = shape_text.split()
    return bool(parts) and parts[-1] in ".!?" and not stamped(shape_text)


def varying_words(text: str) -> str:
    """The words of ``text`` its shape turns into ``<X>`` (a commenter's name, say)."""
    words = []
    for token in tokens(text):
        if token.startswith("<") or token.isdigit() or token.lower() in FIXED_WORDS or not token[0].isalnum():
            if words and words[-1] != "|":
                words.append("|")
        else:
            words.append(token)
    return " ".join(w for w in words).strip(" |")
