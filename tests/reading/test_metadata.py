"""The post's date and author chosen near its headline (`archive.reading.metadata`),
when no byline or dateline rule found them: never from a sentence, a list or a comment."""

from __future__ import annotations

import pytest

from archive.reading.metadata import date_post
from archive.reading.rules.byline import byline_names
from archive.reading.parse import parse_text
from archive.reading.state import BOILERPLATE, TITLE


@pytest.mark.parametrize(("line", "names"), [
    ("By Marta Quill", ["Marta Quill"]),
    ("by Oren Vasquez on June 3, 2012 in Gardening with 12 Comments", ["Oren Vasquez"]),
    ("14 May 2012 by Ines Barrow Comments (0)", ["Ines Barrow"]),
    ("By: Tobias Renn (Guest) | May 12th, 2012 at 01:43 PM |", ["Tobias Renn"]),
    ("Posted May 6, 2012 at 5:32 PM EST by Lena Ostrova | Link", ["Lena Ostrova"]),
    ("May 4, 2012 5:12 pm BST — By Ray Oduya", ["Ray Oduya"]),
    ("Posted By Kit Moreau Wednesday, May 9, 2012 - 10:40 AM", ["Kit Moreau"]),
    ("by fieldmouse on May 8, 2012 5:13 PM PDT", ["fieldmouse"]),
    ("By Ada Brook and Sam Oyelaran", ["Ada Brook", "Sam Oyelaran"]),
    ("By Wendell Ash, Harbour Wire", ["Wendell Ash"]),
    ("Listen || By: Noor Haddad || May 30, 2012", ["Noor Haddad"]),  # a section's name, then the byline
    ("by Pieter van Dam on May 9, 2012", ["Pieter van Dam"]),
    ("Date: May 5, 2012 | Author: Rosa Lind", ["Rosa Lind"]),
    ("by Cal Moreno Published: 7 May 2012", ["Cal Moreno"]),
    ("By: Ines Barrow Last Updated 14 May 2012", ["Ines Barrow"]),
    ("By Adam MannEmail Author", ["Adam Mann"]),  # a copied page ran the link into the name
    ("By Noor Haddad January 18, 2008 | 12:11:21 PM", ["Noor Haddad"]),  # a two-digit day
    ("by Noor Haddad 6 Nov 2012, 3:00 PM PDT post a comment", ["Noor Haddad"]),  # the day first
    ("November 5, 2012 by noorh 0 Comments", ["noorh"]),
    ("By Steve Martin 12 Comments", ["Steve Martin"]),  # a name that starts like a month is no month
    ("By Paul Marsh 15 Mar 2012", ["Paul Marsh"]),
    ("By Lena LaMore", ["Lena LaMore"]),
])
def test_a_byline_gives_its_names_and_stops_where_they_end(line, names):
    assert byline_names(line) == names


@pytest.mark.parametrize("line", [
    "Powered by WordPress",
    "The footage was shot by Alma Reyes and her brother on a borrowed camera.",
    "By the way, the recipe doubles well.",
    "By The Associated Press",
    "Photos: a week in pictures by our readers",
    "By contrast, the finance group met twice.",
    "By 2010, most of the members had left.",
    "By Friday, all the seats were taken.",
])
def test_a_sentence_a_credit_or_a_label_is_no_byline(line):
    assert byline_names(line) == []


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


PROSE = ("The committee met for the third time this month and agreed, after a long debate about the budget, "
         "to put the question to the members at the next general meeting.")


@pytest.mark.parametrize(("byline", "date"), [
    ("November 10, 2012 By Ines Barrow 1 Comment", "2012-11-10"),
    ("October 29, 2012 by Ines Barrow · 2 Comments", "2012-10-29"),
    ("November 3, 2012 By Ines Barrow Leave a Comment", "2012-11-03"),
    ("November 10, 2012 by Ines Barrow in News 2 Comments", "2012-11-10"),
])
def test_the_link_to_the_comments_after_a_dated_byline_is_not_the_authors_name(byline, date):
    state = parse_text(page("Planting garlic in November", byline, PROSE), model=False)
    assert (state.authors, state.date) == (["Ines Barrow"], date)


def test_the_dateline_nearest_the_headline_is_the_posts_date_and_an_update_is_not():
    state = parse_text(page("Members to vote on the new budget", "Edited May 9 2012, 3:20am | Posted May 8 2012 "
                            "at 11:15am by Ida Clubb", PROSE, PROSE))
    assert state.date == "2012-05-08T11:15" and state.authors == ["Ida Clubb"]


def test_a_time_of_day_before_the_date_is_the_datelines_own_and_a_widgets_date_above_is_not():
    state = parse_text(page("Lowford", "1:18AM Wednesday 16 May, 2012 Showers min 12° - max 17°",
                            "Members to vote on the new budget", "2:15p.m. 8 May 2012", PROSE, PROSE))
    assert state.date == "2012-05-08T14:15"
    state = parse_text(page("Members to vote on the new budget", "Updated May 9 2012, 3:20am | May 8 2012", PROSE))
    assert state.date == "2012-05-08"  # the time after the update's date is the update's


def test_a_day_without_its_year_takes_the_copyright_year_and_says_so():
    state = parse_text(page("Members to vote on the new budget", "LOWFORD, May 8 (Club Wire) - " + PROSE, PROSE,
                            "© 2012 The Club Bulletin"))
    assert state.date == "2012-05-08"
    assert state.date_inferred == "the year of the page's copyright notice (2012)"


def test_without_a_year_on_the_page_a_day_without_its_year_is_no_date():
    state = parse_text(page("Members to vote on the new budget", "LOWFORD, May 8 (Club Wire) - " + PROSE, PROSE))
    assert state.date is None and state.date_inferred is None


def test_a_date_told_in_a_sentence_is_the_storys_not_the_posts():
    told = "The last ballots were counted on May 8, 2012 at 9 PM"
    assert parse_text(page("Members to vote on the new budget", told, PROSE, PROSE)).date is None
    state = parse_text(page("Members to vote on the new budget", told, PROSE, PROSE, "Posted on May 9, 2012"))
    assert state.date == "2012-05-09"  # the dateline under the post


def test_dates_the_page_lists_are_entries_not_the_posts_date():
    listed = ("Budget meeting - May 2, 2012", "Annual dinner - April 21, 2012", "Spring cleanup - March 18, 2012")
    assert parse_text(page("Members to vote on the new budget", PROSE, *listed)).date is None
    assert parse_text(page("Members to vote on the new budget", "May 1, 2012", PROSE, *listed)).date == "2012-05-01"


@pytest.mark.parametrize(("dateline", "date"), [
    ("www.lowfordnews.co.uk 2012-05-08 21:17:46", "2012-05-08"),  # the site's name before it is no sentence
    ("By Ida Clubb 14/05/2012", "2012-05-14"),  # no 14th month: the day comes first
])
def test_a_dateline_as_news_sites_write_it(dateline, date):
    assert parse_text(page("Members to vote on the new budget", dateline, PROSE, PROSE)).date == date


def test_todays_date_in_the_masthead_makes_no_list_of_the_dateline():
    masthead = ("Tuesday, May 15, 2012", "Search:", "Recent News", "Classifieds", "Archives", "Jobs")
    headline = "Members to vote on the new budget"
    state = parse_text(page(*masthead, "Monday, May 14, 2012", "NEWS ARTICLE", headline, PROSE, PROSE), model=False)
    for line in state.lines:  # the headline the title ranker would choose
        line.role = TITLE if line.stripped == headline else BOILERPLATE if line.role == TITLE else line.role
    state.title, state.date = headline, None
    date_post(state)
    assert state.date == "2012-05-14"  # the two share a shape, but the masthead's is far above: no list


def test_the_dateline_in_the_posts_header_stands_though_a_list_below_shares_its_shape():
    listed = ("Written on May 2, 2012 by Noor Haddad in News", "Spring cleanup at the boathouse",
              "Written on April 21, 2012 by Ida Clubb in Events", "Annual dinner tickets on sale")
    post = page("Members to vote on the new budget", "Share", "4 Comments",
                "Written on May 8, 2012 by Ida Clubb in News", PROSE, PROSE, *listed)
    assert parse_text(post).date == "2012-05-08"
    also_read = ("Also read", "Budget meeting moved", listed[0], "Annual dinner tickets on sale", listed[2])
    post = page("Members to vote on the new budget", *also_read, PROSE, PROSE)
    assert parse_text(post).date is None  # a list in the header is still a list
    # even when the headline taken is a listed one's, right above its entry's dateline: the header repeats its shape
    state = parse_text(post, model=False)
    listed_headline = "Budget meeting moved"
    for line in state.lines:
        line.role = TITLE if line.stripped == listed_headline else BOILERPLATE if line.role == TITLE else line.role
    state.title, state.date = listed_headline, None
    date_post(state)
    assert state.date is None


def test_one_other_date_on_the_page_does_not_cancel_the_dateline():
    state = parse_text(page("Members to vote on the new budget", "May 8, 2012", PROSE, PROSE, "April 2, 2012"))
    assert state.date == "2012-05-08"


THREAD = ("2 comments:", "Ann Lowe said...", "you left out the salt.", "{0} 4:29 PM", "Mo Ibe said...",
          "Trying this on Sunday.", "{0} 5:20 PM", "Post a Comment")


def test_a_comments_stamp_is_never_the_posts_date():
    post = "The post's only paragraph, long enough to be the article text of this page."
    state = parse_text(page("A post", post, *(line.format("November 9, 2012") for line in THREAD)))
    assert len(state.comments) == 2 and state.date is None
    state = parse_text(page("A post", "Posted on November 8, 2012", post,
                            *(line.format("November 9, 2012") for line in THREAD)))
    assert state.date == "2012-11-08" and [c.date for c in state.comments] == ["2012-11-09T16:29", "2012-11-09T17:20"]


def test_comments_after_a_post_dated_from_the_copyright_year_come_after_it():
    state = parse_text(page("A post", "LOWFORD, Dec 30 (Club Wire) - " + PROSE,
                            *(line.format("January 2") for line in THREAD), "© 2012 The Club Bulletin"))
    assert (state.date, state.date_inferred) == ("2012-12-30", "the year of the page's copyright notice (2012)")
    assert [(c.date, c.date_inferred) for c in state.comments] == [
        ("2013-01-02T16:29", "the year of the page's copyright notice (2012)"),
        ("2013-01-02T17:20", "the year of the page's copyright notice (2012)")]


def test_a_comments_posted_by_under_a_count_of_comments_is_not_the_posts_byline():
    text = page("Field Mouse play two nights in the city", PROSE, "Comments (3)", "I love Nedelle",
                "Posted by Anonymous | November 12, 2012 6:50 PM", "hot",
                "Posted by Anonymous | November 12, 2012 7:07 PM", "psst... 11/13 is Tuesday",
                "Posted by Anonymous | November 12, 2012 7:08 PM", "Leave a Comment")
    state = parse_text(text, model=False)
    assert state.authors == []
    assert not [line for line in state.lines if line.role == "byline"]
    # the post's own, over a count of comments with one more of the same under it, is the post's
    own = page("Field Mouse play two nights in the city", PROSE, "Posted by Maria at 9:15 AM", "2 comments:",
               "Tomas said...", "Great set.", "Posted by Ines at 10:02 AM")
    assert parse_text(own, model=False).authors == ["Maria"]
    # a count of comments under the headline, over the post's prose, is the post's link to its comments
    headed = page("Field Mouse play two nights in the city", "2 Comments", PROSE, "Posted by Maria at 9:15 AM",
                  "Tomas said...", "Great set.", "Posted by Ines at 10:02 AM")
    assert parse_text(headed, model=False).authors == ["Maria"]
    # a long comment above the first footer is still a comment's
    long = text.replace("I love Nedelle", "I love Nedelle, and I have seen her play three times this year in "
                        "three different cities, each one better than the last.")
    assert parse_text(long, model=False).authors == []


def _numbered_thread(post_date: str | None, *headers: str, inferred: str | None = None):
    """A page whose comments open with ``headers`` (one already dated where the
    header starts "dated:"), read with the post's date ``post_date``."""
    from archive.reading.metadata import date_comments_in_numbers
    from archive.reading.state import Comment, ParseState

    state = ParseState.from_text("\n".join(f"{header}\nA comment." for header in headers) + "\n")
    state.date, state.date_inferred = post_date, inferred
    state.comments = [Comment(n + 1, None, "2012-11-09" if header.startswith("dated:") else None, [2 * n + 1],
                              header=2 * n) for n, header in enumerate(headers)]
    date_comments_in_numbers(state)
    return [(comment.date, comment.date_inferred is not None) for comment in state.comments]


def test_a_thread_stamped_in_numbers_alone_takes_the_order_that_puts_it_just_after_the_post():
    # month first: the 11th of June would come before a post of November 6
    assert _numbered_thread("2012-11-06", "Tim Worstall 11.06.12 at 11:06 am", "Leeds man 11.07.12 at 12:03 am") == [
        ("2012-11-06T11:06", True), ("2012-11-07T00:03", True)]
    # day first: June 11 would come before a post of November 5
    assert _numbered_thread("2012-11-05T09:00", "Anna 06.11.2012 10:00", "Jonas 07.11.2012 08:15") == [
        ("2012-11-06", True), ("2012-11-07", True)]  # a bare 24-hour clock beside a name is not read
    assert _numbered_thread("2012-11-05", "Anna 06/11/2012 at 3:00 pm") == [("2012-11-06T15:00", True)]
    # a day's slip before the post (a time zone) is allowed; a comment already dated keeps its date;
    # a member's join date beside a relative stamp is no stamp
    assert _numbered_thread("2012-01-21", "dated: Ola 09.11.12", "Anna 20.01.12 at 9:00 am",
                            "Bob joined 05.06.13 · 3 days ago") == [
        ("2012-11-09", False), ("2012-01-20T09:00", True), (None, False)]


def test_a_thread_stamped_in_numbers_alone_stays_undated_when_the_post_does_not_settle_the_order():
    assert _numbered_thread("2012-05-05", "Tim 05.06.12 at 11:06 am") == [(None, False)]  # May 6 or June 5
    assert _numbered_thread(None, "Tim 11.06.12 at 11:06 am") == [(None, False)]  # no post date
    assert _numbered_thread("2012-12-01", "Tim 11.06.12 at 11:06 am") == [(None, False)]  # before it either way
    assert _numbered_thread("2012-11-06", "Tim 11.06.12 at 11:06 am", inferred="the copyright year") == [
        (None, False)]  # the post's date was itself inferred
    # a post read month first from "10/06/2012" (October 6) under a thread of June 11 and 12: neither order fits
    assert _numbered_thread("2012-10-06", "Jo 11.06.12", "Al 12.06.12") == [(None, False), (None, False)]
    # June 9 to 12 under a post of June 10, or September 6 to December 6: the other order is not impossible
    assert _numbered_thread("2012-06-10", "Ines 09.06.12 at 11:50 pm", "Jo 11.06.12", "Al 12.06.12") == [
        (None, False)] * 3
    # a version number read as a stamp leaves the thread in doubt, and undated
    assert _numbered_thread("2012-01-18", "Anna 20.01.12 at 9:00 am", "Tim (Firefox 3.6.13)") == [(None, False)] * 2
