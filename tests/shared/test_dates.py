"""Dates as captures write them (`archive.shared.dates`): never invented."""

from __future__ import annotations

from archive.shared.dates import copyright_year, find_month_day, iso_datetime, with_year


def month_day(text):
    found = find_month_day(text)
    return found[:2] if found else None


def test_a_day_of_a_month_without_its_year_is_found_and_one_with_its_year_is_left_to_iso_datetime():
    assert month_day("November 9 at 4:29 PM") == (11, 9)
    assert month_day("Nov. 8th, 10:02 pm") == (11, 8)
    assert month_day("8 November") == (11, 8)
    assert month_day("November 9, 2012 at 4:29 PM") is None and iso_datetime("November 9, 2012") == "2012-11-09"
    # day first, with a comma before the year or an ordinal ending: WordPress's "j F, Y", British "3rd March 2012"
    assert [iso_datetime(text) for text in ("20 August, 2011", "3rd March 2012", "1st Oct., 2010")] == [
        "2011-08-20", "2012-03-03", "2010-10-01"]
    # a comment widget's two-digit year, month first as with four digits; POSIX's century for it
    assert [iso_datetime(text) for text in ("01/13/08", "11/4/12", "12/31/99", "13/13/08", "1/2/123", "2012/10/12")] == [
        "2008-01-13", "2012-11-04", "1999-12-31", None, None, None]
    assert iso_datetime("5/1/12", day_first=True) == "2012-01-05"  # where a thread writes the day first
    assert month_day("Posted Nov 8 2012") is None and month_day("October 29th, 2012 at 1:49 am") is None
    assert month_day("Jan 12:30") is None  # a time, not the 12th
    assert month_day("4 Janet and 7 Augustine") is None  # names, not months


def test_a_copyright_notice_gives_its_year_or_the_last_of_its_range():
    assert copyright_year("© 2012 The Tribune") == 2012
    assert copyright_year("Copyright 2005–2012 Soup Notes. All rights reserved.") == 2012
    assert copyright_year("(c) 2009") == 2009
    assert copyright_year("The 2012 copyright reform") is None


def test_a_day_with_an_inferred_year_is_dated_only_if_it_exists():
    assert with_year(2012, 11, 9, "4:29 PM") == "2012-11-09T16:29"
    assert with_year(2013, 2, 29) is None
    assert with_year(2012, 2, 29) == "2012-02-29"


def test_dates_are_found_however_loosely_a_line_writes_them():
    from archive.shared.dates import day_and_time, find_dates
    found = [(day.isoformat(), text[start:end]) for text in (
        "Jan 5 2008", "| Tuesday , May 8 , 2012 |", "(Wire) Friday 11 May 2012",
        "Sent: 05/08/2012 10:15 am", "2012-05-08", "posted on May 8th, 2012", "03 nov 2012",
        "Posted on: 07-19-2012 With: 1 Comment", "By Chris Wilson 14/01/2008")
        for day, start, end in find_dates(text)]
    assert found == [("2008-01-05", "Jan 5 2008"), ("2012-05-08", "May 8 , 2012"),
                     ("2012-05-11", "11 May 2012"), ("2012-05-08", "05/08/2012"), ("2012-05-08", "2012-05-08"),
                     ("2012-05-08", "May 8th, 2012"), ("2012-11-03", "03 nov 2012"), ("2012-07-19", "07-19-2012"),
                     ("2008-01-14", "14/01/2008")]  # no 14th month: the day comes first
    assert list(find_dates("13/13/2011, March 3 20100, 12/4/2012/, 2012-13-01, 07-19/2012")) == []  # no such days
    assert list(find_dates("ISBN 978-1-12-2012, you may 8 2012")) == []  # a longer number; a verb
    assert [day.isoformat() for day, _start, _end in find_dates("181. 27. Jun, 2012 / Faith")] == ["2012-06-27"]
    day, _start, end = next(find_dates("Sent: 05/08/2012 10:15 am"))
    assert day_and_time(day, "Sent: 05/08/2012 10:15 am"[end:]) == "2012-05-08T10:15"
    assert day_and_time(day, " Edited: 11:02 am") == "2012-05-08"  # a time further on is another stamp's
    assert day_and_time(day, "", "1:23 p.m. ") == "2012-05-08T13:23"  # the wires write the time first
    assert day_and_time(day, "", "Posted 1:23 p.m. by Ida, ") == "2012-05-08"  # not right before the day
    assert day_and_time(day, "", "12:30 pm" + " " * 17) == "2012-05-08"  # a time cut at the window's edge is none
    assert find_month_day("PORT ALDER, Mar 3 (Harbour Wire)") == (3, 3, 12, 17)
