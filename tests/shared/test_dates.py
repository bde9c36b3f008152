"""Dates as captures write them (`archive.shared.dates`): never invented."""

from __future__ import annotations

from archive.shared.dates import copyright_year, iso_datetime, month_day, with_year


def test_a_day_of_a_month_without_its_year_is_found_and_one_with_its_year_is_left_to_iso_datetime():
    assert month_day("November 9 at 4:29 PM") == (11, 9)
    assert month_day("Nov. 8th, 10:02 pm") == (11, 8)
    assert month_day("8 November") == (11, 8)
    assert month_day("November 9, 2012 at 4:29 PM") is None and iso_datetime("November 9, 2012") == "2012-11-09"
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
