"""The post's date and author chosen near its headline (`archive.reading.metadata`),
when no byline or dateline rule found them: never from a sentence, a list or a comment."""

from __future__ import annotations

import pytest

from archive.reading.rules.byline import byline_names
from archive.reading.parse import parse_text


@pytest.mark.parametrize(("line", "names"), [
    ("By Marta Quill", ["Marta Quill"]),
    ("by Oren Vasquez on June 3, 2012 in Gardening with 12 Comments", ["Oren Vasquez"]),
    ("14 May 2012 by Ines Barrow Discuss (0)", ["Ines Barrow"]),
    ("By: Tobias Renn (Diary) | May 12th, 2012 at 01:43 PM |", ["Tobias Renn"]),
    ("Posted May 6, 2012 at 5:32 PM EST by Lena Ostrova | Permalink", ["Lena Ostrova"]),
    ("May 4, 2012 5:12 pm AEST — By Ray Oduya", ["Ray Oduya"]),
    ("Posted By Kit Moreau Thursday, May 9, 2012 - 10:40 AM Share", ["Kit Moreau"]),
    ("by fieldmouse on May 8, 2012 5:13 PM PDT", ["fieldmouse"]),
    ("By Ada Brook and Sam Oyelaran", ["Ada Brook", "Sam Oyelaran"]),
    ("By Wendell Ash, Harbour Wire", ["Wendell Ash"]),
    ("Watch This || By: Noor Haddad || May 30, 2012", ["Noor Haddad"]),  # a section's name, then the byline
    ("by Pieter van Dam on May 9, 2012", ["Pieter van Dam"]),
    ("Date: May 5, 2012 | Category: Tips | Author: Rosa Lind", ["Rosa Lind"]),
    ("by Cal Moreno Published May 7, 2012 11:40 am", ["Cal Moreno"]),
    ("By: Ines Barrow Last Updated: 5/14/12 11:15 AM ET", ["Ines Barrow"]),
])
def test_a_byline_gives_its_names_and_stops_where_they_end(line, names):
    assert byline_names(line) == names


@pytest.mark.parametrize("line", [
    "Powered by WordPress",
    "The footage was shot by Alma Reyes and her brother on a borrowed camera.",
    "By the way, the recipe doubles well.",
    "By The Associated Press",
    "Photos: a week in pictures by our readers",
])
def test_a_sentence_a_credit_or_a_label_is_no_byline(line):
    assert byline_names(line) == []


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


PROSE = ("The committee met for the third time this month and agreed, after a long debate about the budget, "
         "to put the question to the members at the next general meeting.")


def test_the_dateline_nearest_the_headline_is_the_posts_date_and_an_update_is_not():
    state = parse_text(page("Members to vote on the new budget", "Updated May 9 2012 - 3:20am · Posted May 8 2012 - "
                            "11:15am by Clubhouse Staff · 0 comments", PROSE, PROSE))
    assert state.date == "2012-05-08T11:15"


def test_a_day_without_its_year_takes_the_copyright_year_and_says_so():
    state = parse_text(page("Members to vote on the new budget", "LOWFORD, May 8 (Club Wire) - " + PROSE, PROSE,
                            "© 2012 The Club Bulletin"))
    assert state.date == "2012-05-08"
    assert state.date_inferred == "the year of the page's copyright notice (2012)"


def test_without_a_year_on_the_page_a_day_without_its_year_is_no_date():
    state = parse_text(page("Members to vote on the new budget", "LOWFORD, May 8 (Club Wire) - " + PROSE, PROSE))
    assert state.date is None and state.date_inferred is None


def test_a_date_told_in_a_sentence_is_the_storys_not_the_posts():
    state = parse_text(page("Members to vote on the new budget", "The last ballots were counted on May 8, 2012 at 9 PM",
                            PROSE, PROSE))
    assert state.date is None


def test_dates_the_page_lists_are_entries_not_the_posts_date():
    state = parse_text(page("Members to vote on the new budget", PROSE, "Budget meeting - May 2, 2012",
                            "Annual dinner - April 21, 2012", "Spring cleanup - March 18, 2012"))
    assert state.date is None


def test_a_comments_stamp_is_never_the_posts_date():
    state = parse_text(page("A post", "The post's only paragraph, long enough to be the article text of this page.",
                            "3 comments:", "Paul Titov said...", "you forgot the beans.", "November 9, 2012 4:29 PM",
                            "Food Junkie said...", "This sounds very good.", "November 9, 2012 5:20 PM",
                            "Post a Comment"))
    assert len(state.comments) == 2 and state.date is None
