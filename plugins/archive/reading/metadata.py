"""The post's own date and author when no byline or dateline rule found them,
and the year of stamps that give none.

A page states its date and author near its headline ("Jan 5, 2008" under it,
"By Oren Vasquez on June 3, 2012 in …", "PORT ALDER, Mar 3 (Harbour Wire) - …")
or just after the post ("Posted on August 21, 2010 by greenthumb"); never in its
comments, and a date or a "by" in the middle of a sentence is the story's, not
the post's. Of the candidates the one nearest the headline wins; a date that
the page repeats with other dates (a timeline, a list of teasers) is none. A
day written without its year takes the year of the page's copyright notice,
else of a dated caption; the record says which. A thread stamped in numbers
alone ("11.06.12") is read in the one order of day and month that puts it just
after the post's date. Nothing is invented: no candidate, no date and no author.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from typing import TypeVar

from archive.shared.dates import (copyright_year, day_and_time, find_date, find_dates, find_month_day, full_year,
                                  time_of, with_year, without_times)
from .rules.byline import byline_names
from .shapes import AGO, first_date, loose_shape, stamps
from .state import (BODY, BOILERPLATE, BYLINE, CAPTION, COMMENT_BODY, COMMENT_FURNITURE, COMMENT_HEADER, DATELINE,
                    TITLE, Comment, ParseState)

T = TypeVar("T")

AFTER_HEADLINE = 8  # text lines under the headline where its date and author may stand
BEFORE_HEADLINE = 3  # and above it
AFTER_POST = 6  # text lines after the post's last paragraph ("Posted on …" under it)
EARLY = 60  # a date that starts further into a long line than this is in a sentence
SHORT = 160  # a line this short may carry the post's date anywhere in it
ONLY_A_DATE = 3  # words beside the date on a line that is the dateline and nothing else
LISTED = 2  # distinct dates in lines of one shape that make them a list (a timeline, teasers), not a dateline
MAX_DATED_LINE = 1000  # longer lines are text: never read for a list's dates
BYLINE_WORDS = 25  # a longer line that names the author is still a paragraph
# What makes a candidate less likely (its cost is its distance from the headline, in text lines):
ABOVE = 1.5  # standing above the headline
YEARLESS = 3.0  # giving no year
AFTER = 20.0  # standing after the post: only when nothing near the headline gives one
# the line right under or above the headline is its dateline, even if its shape recurs (unless the post's
# header, under the headline, repeats it: the headline taken was a list's)
BESIDE = ABOVE


def near_headline(state: ParseState) -> list[tuple[int, float]]:
    """The lines where a post's date and author may stand (indices), each with its
    cost: its distance from the headline in text lines, more above it, much more
    after the post. Comment lines and comment furniture are never among them."""
    text = [i for i, line in enumerate(state.lines) if not line.blank]
    headline = next((k for k, i in enumerate(text) if state.lines[i].role == TITLE), None)
    if headline is None:
        headline = next((k for k, i in enumerate(text) if state.lines[i].role == BODY), None)
    if headline is None:
        return []
    places = [(k, k - headline if k > headline else ABOVE * (headline - k))
              for k in range(max(0, headline - BEFORE_HEADLINE), min(len(text), headline + AFTER_HEADLINE + 1))
              if k != headline]
    body = [k for k, i in enumerate(text) if state.lines[i].role == BODY]
    if body:
        places += [(k, AFTER + k - body[-1]) for k in range(body[-1] + 1, min(len(text), body[-1] + AFTER_POST + 1))]
    return [(text[k], cost) for k, cost in places
            if text[k] < state.article_end and state.lines[text[k]].role not in (COMMENT_HEADER, COMMENT_BODY)
            and state.lines[text[k]].why != COMMENT_FURNITURE]


def date_post(state: ParseState) -> None:
    """Set ``state.date`` from the likeliest dateline, when the rules found none."""
    if state.date is not None:
        return
    year = page_year(state)
    places = near_headline(state)
    listed = _listed_dates(state, min((i for i, _cost in places), default=0))
    header = _header_of_post(state)
    header_shapes = Counter(header.values())
    best = None
    for i, cost in places:
        found = _date_on(state.lines[i].stripped, year)
        if found is None:
            continue
        if listed:
            # a list's entries share the dateline's shape; between the headline and the first paragraph, the one of
            # its shape there is the post's own, even right under the headline, unless the header repeats its shape
            # (the headline taken was a listed one's)
            in_header = i in header
            shape = header[i] if in_header else loose_shape(state.lines[i].stripped)
            if shape in listed and ((in_header and header_shapes[shape] > 1) or (cost > BESIDE and not in_header)):
                continue
        if best is None or cost + YEARLESS * found[1] < best[0]:
            best = (cost + YEARLESS * found[1], i, *found)
    if best is None:
        return
    _cost, i, state.date, yearless, rest = best
    state.date_inferred = year[1] if yearless else None
    line = state.lines[i]
    if line.role in (BODY, BOILERPLATE) and len(rest.split()) <= ONLY_A_DATE:
        line.role, line.why = DATELINE, None  # the post's dateline, not a paragraph (nor furniture)


PARAGRAPH_WORDS = 12  # words of the article's first paragraph, at least


def _header_of_post(state: ParseState) -> dict[int, str]:
    """The lines between the headline and the first paragraph below it (the
    post's own header), each with its shape (`loose_shape`); none without a
    headline or a paragraph."""
    headline = next((i for i, line in enumerate(state.lines) if line.role == TITLE), None)
    if headline is None:
        return {}
    opening = next((i for i in range(headline + 1, len(state.lines)) if state.lines[i].role == BODY
                    and len(state.lines[i].stripped.split()) >= PARAGRAPH_WORDS), None)
    if opening is None:
        return {}
    return {i: loose_shape(state.lines[i].stripped) for i in range(headline + 1, opening) if not state.lines[i].blank}


def author_post(state: ParseState) -> None:
    """Set ``state.authors`` from the likeliest byline near the headline, when the rules found none."""
    if state.authors:
        return
    for i, _cost in sorted(near_headline(state), key=lambda place: place[1]):
        names = byline_names(state.lines[i].stripped)
        if names:
            state.authors = names
            line = state.lines[i]
            if line.role in (BODY, BOILERPLATE) and len(line.stripped.split()) <= BYLINE_WORDS:
                line.role, line.why = BYLINE, None  # the byline, not a paragraph (nor furniture)
            return


def _listed_dates(state: ParseState, top: int) -> set[str]:
    """Shapes (`loose_shape`, as comment templates see them) of the dated lines the page
    repeats with other dates outside its comments: a timeline's, a list's or the teasers'
    entries ("March 3, 2015" … "September 9, 2015", "Budget meeting - May 2, 2012" …
    "Annual dinner - April 21, 2012"), not the post's date. Lines above ``top`` (the
    first place a dateline may stand) do not count: today's date in the masthead is
    no list, nor does a list up there hold the post's dateline."""
    dates: dict[str, set[date]] = {}
    for line in state.lines[top:]:
        if (line.role in (COMMENT_HEADER, COMMENT_BODY) or line.why == COMMENT_FURNITURE
                or len(line.text) > MAX_DATED_LINE):
            continue
        if found := find_date(line.text):
            dates.setdefault(loose_shape(line.stripped), set()).add(found[0])
    return {shape for shape, days in dates.items() if len(days) >= LISTED}


def _date_on(text: str, year: tuple[int, str] | None) -> tuple[str, bool, str] | None:
    """The date a line gives the post (ISO), whether its year was inferred, and the
    line's text beside the date; None when the line gives none."""
    if len(text) > SHORT:
        text = text[:EARLY + 40]  # a long line's dateline opens it ("PORT ALDER, Mar 3 (Harbour Wire) - …")
    dates = list(find_dates(text))
    for n, (day, start, end) in enumerate(dates):
        if _dateline_at(text, start):
            before = text[dates[n - 1][2]:start] if n else text[:start]
            if n and time_of(before):
                before = ""  # the earlier date's own time ("Updated May 9 2012, 3:20am | May 8 2012")
            return day_and_time(day, text[end:], before), False, text[:start] + text[end:]
    found = find_month_day(text) if year is not None and not dates else None
    if found is None:
        return None
    month, day, start, end = found
    if text[start:end].islower() or not _dateline_at(text, start):  # "you may 3 …" is no date
        return None
    try:
        written = date(year[0], month, day)
    except ValueError:
        return None
    return day_and_time(written, text[end:], text[:start]), True, text[:start] + text[end:]


# What may stand before a post's date on its line: a label ("Posted on", "Published", "Filed in Gardening on"),
# names ("Marta Quill |", "Staff Reporter / Lowford"), a weekday; not a sentence about the date.
_LABEL_WORDS = frozenset("posted published filed submitted written by on at as in from date dated online the "
                         "and staff story".split())
_NOT_THE_POST = re.compile(r"\b(?:updated|modified|edited|revised|amended)\b", re.IGNORECASE)
MAX_PROSE_WORDS = 1  # lowercase words beside the labels before a dateline's date
_DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:com|net|org|info|biz|[a-z]{2})\b")  # "www.chinaview.cn"


def _dateline_at(text: str, start: int) -> bool:
    """Does the date starting at ``start`` stand as a dateline: early in the line (or
    the line is short), not an update's, not told in a sentence?"""
    if start > EARLY and len(text) > SHORT:
        return False
    before = text[:start]
    last_date = max((end for _day, _start, end in find_dates(before)), default=0)
    before = without_times(before[last_date:])  # "Updated Oct 29 2012 · Posted Oct 29 2012": each date has its own label
    before = _DOMAIN.sub(" ", before)  # "www.chinaview.cn 2007-11-24": the site's name, not a sentence
    if _NOT_THE_POST.search(before):
        return False
    prose = [word for word in re.findall(r"[^\W\d_]+", before) if word.islower() and word not in _LABEL_WORDS]
    return len(prose) <= MAX_PROSE_WORDS


def page_year(state: ParseState) -> tuple[int, str] | None:
    """The year a day written without one belongs to, from the page itself, and where
    it came from: the copyright notice (the last year of it), else a dated caption."""
    years = [year for line in state.lines if not line.blank and (year := copyright_year(line.text))]
    if years:
        return max(years), f"the year of the page's copyright notice ({max(years)})"
    for line in state.lines:
        if line.role == CAPTION and (found := find_date(line.text)):
            return found[0].year, f"the year of a dated caption ({found[0].year})"
    return None


def date_comments_without_year(state: ParseState) -> None:
    """A comment stamped "November 8 at 5:43 am" has the year of the post it answers
    (the next one if that day comes before the post's), or else the page's
    (`page_year`); the record says which. No such year: no date."""
    if state.date:
        reference = (int(state.date[:4]), int(state.date[5:7]), int(state.date[8:10]))
        reason = state.date_inferred or f"the year of the post's date ({state.date[:10]})"
    else:
        year = page_year(state)
        if year is None:
            return
        reference, reason = (year[0], 0, 0), year[1]
    for comment, text, found in _undated_stamps(state, find_month_day):
        month, day = found[:2]
        year = reference[0] + ((month, day) < reference[1:])  # a comment does not come before its post
        comment.date = with_year(year, month, day, text)  # with the line's time, if it gives one
        comment.date_inferred = reason if comment.date else None


def _undated_stamps(state: ParseState, read: Callable[[str], T | None]) -> Iterator[tuple[Comment, str, T]]:
    """Each undated comment, with the first of its header lines in which ``read``
    finds a stamp, and what it found there."""
    for comment in state.comments:
        if comment.date is None:
            for i in comment.all_header_lines():
                found = read(state.lines[i].text)
                if found is not None:
                    yield comment, state.lines[i].text, found
                    break


# "11.06.12", "05/08/2012": a date in numbers alone, the order of its day and month not said
_NUMBERS_DATE = re.compile(r"^(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})$")
FIRST_COMMENT_DAYS = 14  # the thread's first comment comes within this many days of the post
THREAD_DAYS = 366  # and its last within this many


def date_comments_in_numbers(state: ParseState) -> None:
    """Undated comments whose header's stamp is a date in numbers alone ("Tim
    11.06.12 at 11:06 am": the 11th of June, or November 6?) take the order of
    day and month under which the thread starts within two weeks of the post's
    date and every such comment falls within a year of it (a day's slip before
    it allowed), when the other order cannot be (a month 13, or a comment before
    the post); the record says so. A post date that is itself inferred, or any
    doubt left: no date."""
    if not state.date or state.date_inferred:
        return
    post = date.fromisoformat(state.date[:10])
    stamped = [(comment, int(found[1]), int(found[3]), full_year(found[4]), text)
               for comment, text, found in _undated_stamps(state, _numbers_stamp)]
    if not stamped:
        return
    readings = [[_day(year, *((second, first) if day_first else (first, second)))
                 for _comment, first, second, year, _text in stamped] for day_first in (False, True)]
    possible = [None not in days and all((day - post).days >= -1 for day in days) for days in readings]
    fitting = [days for days, can in zip(readings, possible) if can and _follows(post, days)]
    if len(fitting) != 1 or all(possible):
        return  # one order must fit, and the other be impossible: a month 13, or a comment before the post
    reason = f"day and month in the one order that puts the thread after the post's date ({state.date[:10]})"
    for (comment, _first, _second, _year, text), day in zip(stamped, fitting[0]):
        comment.date = with_year(day.year, day.month, day.day, text)  # with the line's time, if it gives one
        comment.date_inferred = reason


def _numbers_stamp(text: str) -> re.Match | None:
    """The line's stamp, if it is a date in numbers alone (never beside a relative
    stamp: "joined 05.06.13 · 3 days ago" dates the member, not the comment)."""
    day = first_date(text)
    found = _NUMBERS_DATE.match(day[0]) if day else None
    return found if found and not any(slot == AGO for slot, _words in stamps(text)) else None


def _follows(post: date, days: list[date]) -> bool:
    """Do ``days`` read as a thread under a post of ``post``: the first within
    two weeks of it, none more than a day before it or a year after it?"""
    return (min(days) - post).days <= FIRST_COMMENT_DAYS and all(-1 <= (day - post).days <= THREAD_DAYS for day in days)


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
