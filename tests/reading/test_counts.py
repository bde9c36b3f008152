"""How many comments a page says it has: its count headings, in every wording
the rules know (`archive.reading.rules.counts`)."""

from __future__ import annotations

import archive.reading.parse as parse
from archive.reading.parse import parse_text
from archive.reading.rules.counts import comment_count_heading, state_count
from archive.reading.state import BODY, BOILERPLATE, COMMENT_FURNITURE, Comment, ParseState


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
    # the links themes print after a count, or a separator alone
    assert counts(state, "No Comments - Be the first to comment", "No Comments → Start the discussion",
                  "3 Comments → Have your say", "3 Comments – Click here to comment", "5 Comments | Comment",
                  "3 Comments » Trackback", "3 Comments » Comments RSS", "7 Comments | Go to comment form",
                  "3 Comments – View comments", "3 Comments | Add yours", "one comment – permalink",
                  "12 Comments »»", "12 Comments |") == [0, 0, 3, 3, 5, 3, 3, 7, 3, 3, 1, 12, 12]
    # a headline ("No Comment": themes print "No Comments"), or a teaser's tally
    assert counts(state, "No Comment – Why I Stayed Silent", "No Comment — The Chef Stays Silent",
                  "No Comment – Leave Britney Alone", "No Comment – Post-Election Silence",
                  "3 comments | 5 recs") == [None] * 5


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


def test_a_count_inside_the_thread_does_not_state_the_pages_count():
    page = (LINKED_COUNT.format(heading="3 Responses to “Ferry to the outer islands”")
            .replace("Tessa says:\n\nNovember 8, 2012 at 9:14 am\n\n", "")
            .replace("\n\nDmitri says:", "\n\n2 Replies\n\nDmitri says:"))
    state = parse_text(page, model=False)  # the first comment, headless, is missed; "2 Replies" heads the next
    assert ([c.author for c in state.comments], state.comments_stated) == (["Dmitri"], 3)


def stated(headings: list[tuple[int, int, bool]], comment_lines: list[list[int]]) -> int | None:
    """`state_count` on a page of 40 lines with these count headings and comments."""
    state = ParseState.from_text("line\n" * 40)
    state.count_headings = headings
    state.comments = [Comment(number=k + 1, author=None, date=None, lines=lines)
                      for k, lines in enumerate(comment_lines)]
    state_count(state)
    return state.comments_stated


def test_the_stated_count_is_the_heading_that_names_the_post_or_else_the_nearest_above_the_thread():
    # teasers' counts above the thread's own heading, which names no post
    assert stated([(3, 12, False), (5, 7, False), (9, 3, False)], [[11, 12], [14, 15], [17, 18]]) == 3
    # a footer layout: the first comment's body lies above its footer, and so above a count between comments
    assert stated([(9, 3, False), (16, 1, False)], [[11, 12], [17, 18]]) == 3
    # a count inside the thread ("2 Replies"), when the rules missed the comment above it: the post's heading stands
    assert stated([(9, 4, True), (14, 2, False)], [[16, 17], [19, 20]]) == 4
    # no comments: the heading that names the post, not a teaser's count above it; else the first
    assert stated([(3, 12, False), (20, 0, True)], []) == 0
    assert stated([(3, 12, False), (20, 0, False)], []) == 12
    # only a count below the thread, and none at all
    assert stated([(30, 2, False)], [[11, 12], [14, 15]]) == 2
    assert stated([], [[11, 12]]) is None


def test_the_stated_count_is_asked_again_of_the_thread_the_line_model_settles(monkeypatch):
    page = LINKED_COUNT.format(heading="2 Comments").replace(
        "\n\nWe watched", "\n\n12 Comments\n\nWe watched", 1)  # a count in a teaser above the thread

    def no_thread_then_one(state):  # the rules found no comments; the model finds the thread under "2 Comments"
        state.comments = [Comment(number=1, author="Tessa", date=None, lines=[16])]

    monkeypatch.setattr(parse, "relabel", no_thread_then_one)
    monkeypatch.setattr(parse, "RULES", [rule for rule in parse.RULES if rule[0] != "comments"])
    assert parse_text(page).comments_stated == 2
    assert parse_text(page, model=False).comments_stated == 12
