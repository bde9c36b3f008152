"""Dates written out in captures, turned into ISO 8601 (never invented)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

MONTHS = (
    "January February March April May June July August September October November December"
).split()
MONTH_PATTERN = "(?:" + "|".join(MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
WEEKDAY_PATTERN = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# "March 31, 2008", "March 3rd, 2006", or day first: "4 Mar 2019"
DATE_PATTERN = (rf"(?:{MONTH_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?,\s+\d{{4}}"
                rf"|\d{{1,2}}\s+{MONTH_PATTERN}\s+\d{{4}})")
# "3/5/2010", "2006-03-03": the stamps of comment widgets
NUMERIC_DATE_PATTERN = r"(?:\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})"
# "12:19 pm", "12:27 PM", "1:07 p.m.", "8:15:02 PM"
TIME_PATTERN = r"\d{1,2}:\d{2}(?::\d{2})?\s*[AaPp]\.?\s?[Mm]\.?"
# "18.42", "09:10": a 24-hour clock (only where a line is a date and nothing else)
CLOCK_PATTERN = r"(?:[01]?\d|2[0-3])[.:][0-5]\d"

# "Wed, 06/12/2013 - 14:37", "Monday March 09, 2009 @06:12PM", "Sat Oct 10, 2009 at 07:16:40 AM PDT":
# the stamps of signed posts and comments (groups ``date`` and ``time``)
STAMP_PATTERN = (rf"(?:(?:{WEEKDAY_PATTERN}|Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s+)?"
                 rf"(?P<date>{DATE_PATTERN}|{NUMERIC_DATE_PATTERN})"
                 rf"(?:\s*(?:,|at|@|-|–)?\s*(?P<time>{TIME_PATTERN}|{CLOCK_PATTERN}))?(?:\s+[A-Z]{{2,4}})?")

# A line that is a date and nothing else: "Mon 4 Mar 2019 18.42 GMT", "5 min read · Jun 2, 2019"
DATE_LINE = re.compile(
    rf"^(?:\d+\s+min(?:ute)?s?\s+read\s*[·•|]\s*)?"
    rf"(?:(?:Updated|Published|Posted|Last (?:updated|modified))(?:\s+on)?\s*:?\s+)?"
    rf"(?:{WEEKDAY_PATTERN},\s+|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+)?(?P<date>{DATE_PATTERN})"
    rf"(?:(?:,?\s+(?:at\s+)?|\s*\|\s*)(?:(?P<time>{TIME_PATTERN})|(?P<clock>{CLOCK_PATTERN})(?=\s+[A-Z]{{2,4}}$)))?"
    rf"(?:\s+[A-Z]{{2,4}})?(?:\s*[·•|]\s*\d+\s+min(?:ute)?s?\s+read)?$")  # "Mar 9, 2022 • 6 min read"
_MDY = re.compile(rf"({MONTH_PATTERN})\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s+(\d{{4}})")
_DMY = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_PATTERN}),?\s+(\d{{4}})")
_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])|(\d{4})-(\d{2})-(\d{2})")
CENTURY_PIVOT = 69  # a two-digit year below this is of the 2000s, else of the 1900s (POSIX's %y)


def _month_number(name: str) -> int:
    key = name.rstrip(".")[:3].lower()
    return [m[:3].lower() for m in MONTHS].index(key) + 1


def full_year(digits: str) -> int:
    year = int(digits)
    return year if len(digits) == 4 else year + (2000 if year < CENTURY_PIVOT else 1900)


def parse_date(text: str, day_first: bool = False) -> date | None:
    """``"Saturday, September 6, 2014"``, ``"4 Mar 2019"``, ``"3/5/2010"`` or
    ``"01/13/08"`` (month first, or day first if ``day_first``) or ``"2006-03-03"`` → a date."""
    try:
        if match := _MDY.search(text):
            return date(int(match[3]), _month_number(match[1]), int(match[2]))
        if match := _DMY.search(text):
            return date(int(match[3]), _month_number(match[2]), int(match[1]))
        if match := _NUMERIC.search(text):
            if match[1]:
                first, second = int(match[1]), int(match[2])
                return date(full_year(match[3]), *((second, first) if day_first else (first, second)))
            return date(int(match[4]), int(match[5]), int(match[6]))
    except ValueError:
        return None
    return None


# "November 8", "Nov. 8th", "8 November": a day of a month with no year beside it
_NO_YEAR = r"(?!(?:st|nd|rd|th)?,?\s*(?:\d{4}|'\d{2}\b))"  # not followed by a year, past an ordinal ending
_MONTH_DAY = re.compile(rf"\b(?:(?P<month>{MONTH_PATTERN})\s+(?P<day>\d{{1,2}})(?![\d:]){_NO_YEAR}(?:st|nd|rd|th)?"
                        rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{MONTH_PATTERN})(?!\w)(?!,?\s*\d{{4}}))",
                        re.IGNORECASE)
# "© 2012 The Tribune", "Copyright 2005-2012": the year a page was put out (the last of a range)
_COPYRIGHT_YEAR = re.compile(r"(?:©|\([cC]\)|\bCopyright\b)\s*(?:©\s*)?"
                             r"(?:(?:19|20)\d{2}\s*[-–]\s*)?(?P<year>(?:19|20)\d{2})\b")


def find_month_day(text: str) -> tuple[int, int, int, int] | None:
    """Month and day of the first day written without its year, with where it starts and ends."""
    for match in _MONTH_DAY.finditer(text):
        month = _month_number(match["month"] or match["month2"])
        day = int(match["day"] or match["day2"])
        if 1 <= day <= 31:
            return month, day, match.start(), match.end()
    return None


# Dates as a line may write them, commas and ordinals optional: "Jan 5 2008", "Tuesday , May 8 , 2012",
# "Friday 11 May 2012", "27. Jun, 2012", "02 nov 2012", "05/08/2012 10:15 am" and "07-19-2012" (month first,
# unless the first number is above 12: "14/01/2008"; not inside a longer number: "978-1-12-2012"), "2012-05-08"
_LOOSE_YEAR = r"(?:19|20)\d{2}"
_LOOSE_DATE = re.compile(
    rf"(?<![\w/])(?:(?P<month>(?i:{MONTH_PATTERN}))\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:,\s*)?(?P<year>{_LOOSE_YEAR})"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?P<month2>(?i:{MONTH_PATTERN}))\s*(?:,\s*)?(?P<year2>{_LOOSE_YEAR})"
    rf"|(?<!-)(?P<nmonth>\d{{1,2}})(?P<nsep>[/-])(?P<nday>\d{{1,2}})(?P=nsep)(?P<nyear>{_LOOSE_YEAR})(?!-)"
    rf"|(?P<iyear>{_LOOSE_YEAR})-(?P<imonth>\d{{2}})-(?P<iday>\d{{2}}))(?![\d/])")


_VERBS = frozenset(("may", "march"))  # months that, written in lower case, are more likely verbs


def find_dates(text: str) -> Iterator[tuple[date, int, int]]:
    """Every whole date written in ``text`` (more loosely than `parse_date`: commas
    and ordinals optional), with where it starts and ends."""
    for match in _LOOSE_DATE.finditer(text):
        if match["month"] and match["month"] in _VERBS:
            continue  # "you may 8 2012": a verb, not a month (the day first, "03 may 2012", is a date)
        if match["month"] or match["month2"]:
            numbers = (match["year"] or match["year2"], _month_number(match["month"] or match["month2"]),
                       match["day"] or match["day2"])
        elif match["nyear"]:  # month first, unless the first number cannot be a month ("14/01/2008")
            month, day = int(match["nmonth"]), int(match["nday"])
            numbers = (match["nyear"], *((day, month) if month > 12 else (month, day)))
        else:
            numbers = (match["iyear"], match["imonth"], match["iday"])
        try:
            yield date(*(int(n) for n in numbers)), match.start(), match.end()
        except ValueError:
            continue


def find_date(text: str) -> tuple[date, int, int] | None:
    """The first of `find_dates`, or None."""
    return next(find_dates(text), None)


_TIMES = re.compile(TIME_PATTERN)
_TIME_AFTER = re.compile(rf"^\s*(?:(?:,|at|@|-|–|\|)\s*)?(?P<time>{TIME_PATTERN})")


_TIME_BEFORE = re.compile(rf"(?<!\S)(?P<time>{TIME_PATTERN})\s*(?:[,|–-]\s*)?$")
TIME_BEFORE_REACH = 24  # characters before a date where its time may stand


def time_of(text_after: str) -> str | None:
    """The time of day written just after a date (", 10:56 am", " at 7:07 pm"), if any."""
    timed = _TIME_AFTER.match(text_after)
    return timed["time"] if timed else None


def day_and_time(day: date, text_after: str, text_before: str = "") -> str:
    """ISO 8601 of ``day``, with the time of day written just after it, if any (", 10:56 am", " at 7:07 pm"),
    else just before it ("1:23 p.m. December 31, 2007": the news wires' order)."""
    before = _TIME_BEFORE.search(text_before, max(0, len(text_before) - TIME_BEFORE_REACH))
    return _iso(day, time_of(text_after) or (before["time"] if before else None))


def without_times(text: str) -> str:
    """``text`` less its times of day ("1:23 p.m."): words that are no prose."""
    return _TIMES.sub(" ", text)


def copyright_year(text: str) -> int | None:
    """The year of a copyright notice in ``text`` (the last of a range), or None."""
    match = _COPYRIGHT_YEAR.search(text)
    return int(match["year"]) if match else None


def with_year(year: int, month: int, day: int, time_text: str | None = None) -> str | None:
    """ISO 8601 of a day whose year was inferred, with the time ``time_text`` gives if any (None for no such day)."""
    try:
        return _iso(date(year, month, day), time_text)
    except ValueError:
        return None


def parse_time(text: str) -> tuple[int, int] | None:
    """``"12:19 pm"`` → ``(12, 19)``; ``"12:05 AM"`` → ``(0, 5)``; ``"18.42"`` → ``(18, 42)``."""
    match = re.search(r"(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp])\.?\s?[Mm]\.?", text)
    if not match:
        clock = re.fullmatch(r"\s*(\d{1,2})[.:](\d{2})\s*", text)
        if clock and int(clock[1]) < 24 and int(clock[2]) < 60:
            return (int(clock[1]), int(clock[2]))
        return None
    hour, minute = int(match[1]), int(match[2])
    if not (1 <= hour <= 12 and minute < 60):
        return None
    pm = match[3].lower() == "p"
    return (hour % 12 + (12 if pm else 0), minute)


def iso_datetime(date_text: str, time_text: str | None = None, day_first: bool = False) -> str | None:
    """ISO 8601 of a written date and optional time, or None when unreadable."""
    day = parse_date(date_text, day_first)
    return None if day is None else _iso(day, time_text)


def _iso(day: date, time_text: str | None) -> str:
    """The day in ISO 8601, with the time of ``time_text`` when it has one."""
    clock = parse_time(time_text) if time_text else None
    if clock is None:
        return day.isoformat()
    return datetime(day.year, day.month, day.day, *clock).isoformat(timespec="minutes")
