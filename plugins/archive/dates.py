"""Dates written out in captures, turned into ISO 8601 (never invented)."""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS = (
    "January February March April May June July August September October November December"
).split()
MONTH_PATTERN = "(?:" + "|".join(MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
WEEKDAY_PATTERN = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# "March 31, 2008"
DATE_PATTERN = rf"{MONTH_PATTERN}\s+\d{{1,2}},\s+\d{{4}}"
# "12:19 pm", "12:27 PM", "1:07 p.m."
TIME_PATTERN = r"\d{1,2}:\d{2}\s*[AaPp]\.?\s?[Mm]\.?"


def _month_number(name: str) -> int:
    key = name.rstrip(".")[:3].lower()
    return [m[:3].lower() for m in MONTHS].index(key) + 1


def parse_date(text: str) -> date | None:
    """``"Saturday, September 6, 2014"`` or ``"March 31, 2008"`` → a date."""
    match = re.search(rf"({MONTH_PATTERN})\s+(\d{{1,2}}),\s+(\d{{4}})", text)
    if not match:
        return None
    try:
        return date(int(match[3]), _month_number(match[1]), int(match[2]))
    except ValueError:
        return None


def parse_time(text: str) -> tuple[int, int] | None:
    """``"12:19 pm"`` → ``(12, 19)``; ``"12:05 AM"`` → ``(0, 5)``."""
    match = re.search(r"(\d{1,2}):(\d{2})\s*([AaPp])\.?\s?[Mm]\.?", text)
    if not match:
        return None
    hour, minute = int(match[1]), int(match[2])
    if not (1 <= hour <= 12 and minute < 60):
        return None
    pm = match[3].lower() == "p"
    return (hour % 12 + (12 if pm else 0), minute)


def iso_datetime(date_text: str, time_text: str | None = None) -> str | None:
    """ISO 8601 of a written date and optional time, or None when unreadable."""
    day = parse_date(date_text)
    if day is None:
        return None
    clock = parse_time(time_text) if time_text else None
    if clock is None:
        return day.isoformat()
    return datetime(day.year, day.month, day.day, *clock).isoformat(timespec="minutes")
