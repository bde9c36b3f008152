"""How many comments a page says it has: its count headings, in every wording
the rules know (`archive.reading.rules.counts`)."""

from __future__ import annotations

from archive.reading.parse import parse_text
from archive.reading.rules.counts import comment_count_heading
from archive.reading.state import BODY, BOILERPLATE, COMMENT_FURNITURE, ParseState


def counts(state: ParseState, *texts: str) -> list[int | None]:
    return [comment_count_heading(state, text) for text in texts]


def test_a_count_heading_glued_to_or_followed_by_a_link_still_states_the_count():
    state = ParseState.from_text("A post\n")
    assert counts(state, "1 CommentNo Reactions", "Comments (3)Add yours", "1 Comment", "{ 131 comments }",
                  "McDonald", "Reactions1 Comment") == [1, 3, 1, 131, None, None]
    # a count, then a link to read or add one; not a heading or a sentence that opens with a count
    assert counts(state, "One Comment leave one →", "One comment Add your comment",
                  "{ 1 comment… read it below or add one }", "No comments » add one", "12 Comments »",
                  "3 Comments - Leave a comment!", "One Reply – add yours",
                  "3 comments on the bill were read out", "2 comments were made", "3 Thoughts Before the Draft",
                  "3 Comments Worth Reading", "One comment stood out") == [1, 1, 1, 0, 12, 3, 1] + [None] * 5
    # a count to the post's quoted title, whatever follows it; not to another's
    state.title = "“Socially Mediated Publicness”: an open-access issue of JOBEM"
    assert counts(state, "1 comment to “Socially Mediated Publicness”: an open-access issue",
                  "3 Responses to “Another post”: its subtitle") == [1, None]
    # a count too long to be one is none, and a brace with nothing but spaces in it takes no time
    assert counts(state, "9" * 5000 + " comments", "9" * 5000 + " comments add yours",
                  "{" + " " * 20000 + "x") == [None, None, None]


def test_a_dash_after_a_count_must_lead_to_a_link_not_to_a_headline_or_a_teasers_tally():
    state = ParseState.from_text("A post\n")
    assert counts(state, "No Comment – Why I Stayed Silent", "No Comment — The Chef Stays Silent",
                  "3 comments | 5 recs", "3 Comments | Add yours", "one comment – permalink") == [None] * 3 + [3, 1]


def test_a_count_heading_reads_in_any_case():
    state = ParseState.from_text("A post\n")
    assert counts(state, "3 RESPONSES", "{ 13 COMMENTS… READ THEM BELOW OR ADD ONE }", "3 Reſponses",
                  "ONE COMMENT LEAVE ONE →") == [3, 13, 3, 1]


LINKED_COUNT = """The Ferry Log

Ferry to the outer islands

The morning ferry left the harbour at seven, and the crossing took just under three hours in a calm sea.

We watched the islands come up one by one out of the haze, each with its white church and its harbour wall.

{heading}

Tessa says:

November 8, 2012 at 9:14 am

What a lovely crossing. We did the same trip in June and the sea was far rougher.

Dmitri says:

November 8, 2012 at 11:02 am

Which company runs the ferry now? The timetable on their site has not changed since spring.

Leave a Reply
"""


def test_the_rules_set_aside_a_linked_count_heading_and_take_its_count():
    for heading, count in (("2 Comments - Leave a comment!", 2), ("2 Comments Post a comment", 2),
                           ("2 CommentsNo Reactions", 2), ("{ 2 comments… read them below or add one }", 2)):
        state = parse_text(LINKED_COUNT.format(heading=heading), model=False)
        line = next(line for line in state.lines if line.stripped == heading)
        assert (line.role, line.why) == (BOILERPLATE, COMMENT_FURNITURE), heading
        assert (state.comments_stated, len(state.comments)) == (count, 2), heading


def test_a_subheading_that_opens_with_no_comment_stays_the_posts():
    state = parse_text(LINKED_COUNT.format(heading="2 Responses to “Ferry to the outer islands”").replace(
        "\n\nWe watched", "\n\nNo Comment – The Ferry Stayed\n\nWe watched", 1), model=False)
    subheading = next(line for line in state.lines if line.stripped.startswith("No Comment"))
    assert (subheading.role, subheading.why) == (BODY, None)
    assert (state.comments_stated, len(state.comments)) == (2, 2)
