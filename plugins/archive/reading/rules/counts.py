"""Headings that state how many comments follow, in every wording the rules know:
"23 Responses to <the title>", "No comments:", "Comments (5)", "{ 131 comments }",
"One Comment leave one →", "1 CommentNo Reactions", "1 comment to “Publicness”: an issue".
One reading for every rule that asks how many comments a page says it has;
`state_count` picks, of a page's count headings, the one that counts its thread."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..state import ParseState

# a count of comments: "3 Comments", "One Response", "No Replies"; at most six digits (a longer one is no count)
_COUNT = r"^(?:(?P<n>\d{1,6})|(?P<one>One)|No) (?:Responses?|Comments?|Replies|Reply|Thoughts?)"
_COUNT_HEADING = re.compile(
    _COUNT + r"(?: (?:to|on) (?P<rest>.{1,300}))?:?$"
    r"|^(?:(?:Readers?|Users?|Visitors?|Members?|Guests?)(?:['’]s?)? )?(?:Comments?|Responses?|Replies) \((?P<p>\d{1,6})\)$"
    r"|^\(\s*(?P<q>\d{1,6}) comments?\s*[—–|-].{0,30}\)$", re.IGNORECASE)
_BRACED = re.compile(r"^\{\s*(?P<inner>\S(?:.*\S)?)\s*\}$")  # "{ 131 comments }" (no backtracking over spaces)
_GLUED_LINKS = re.compile(r"(?<=[a-z0-9)])(?=[A-Z])")  # "1 CommentNo Reactions": two links, run together
# A count, then a link to read, add or follow them ("One Comment leave one →", "3 Comments - Leave a comment!",
# "No Comments » Be the first!", "12 Comments »", "one comment – permalink"), or a separator alone ("3 Comments |");
# not a headline or a teaser's tally ("3 Thoughts Before the Draft", "No Comment – Why I Stayed Silent": themes
# print "No Comments"; "3 comments | 5 recs")
_LINK_WORDS = (r"(?:leave|add|post|read|reply|respond|comments?|discuss|join|write|jump|skip|so far|permalink|view"
               r"|show|click|start|trackback|subscribe|rss|go to|have your say|be the first)\b")
_COUNT_THEN_LINK = re.compile(r"(?!No Comment\b(?!s))" + _COUNT + r"[.…:]*\s*(?P<link>(?<=\s)(?:[→»|–—-]\s*)?"
                              + _LINK_WORDS + r".*|(?:\s*[→»|–—-])+)$", re.IGNORECASE)
# "1 comment to “Socially Mediated Publicness”: an open-access issue": to a quoted title, whatever follows it
_COUNT_TO_QUOTED = re.compile(_COUNT + r" (?:to|on) [“\"](?P<quoted>[^”\"]{1,300})[”\"]", re.IGNORECASE)
_COUNTED = ("comment", "respons", "repl", "thought")  # what every count heading counts
COUNT_LINK_WORDS = 6  # a link after a count has no more words than this


class CountHeading(NamedTuple):
    count: int
    names_post: bool  # "3 Responses to “<its title>”": the post's own heading, no teaser's count


def comment_count_heading(state: ParseState, text: str) -> int | None:
    """How many comments a heading says there are (`count_heading`); None for anything else."""
    heading = count_heading(state, text)
    return heading.count if heading else None


def count_heading(state: ParseState, text: str) -> CountHeading | None:
    """How many comments a heading says there are: "23 Responses to <the title>" → 23,
    "No comments:" → 0, "Comments (5)" → 5, "{ 131 comments }" → 131; of links glued
    into one line ("1 CommentNo Reactions"), the first is the heading; a count may be
    followed by a short link ("One Comment leave one →", "1 comment… read it below or
    add one", "12 Comments »"), not by words that make it a sentence ("3 comments on
    the proposal were received.", "No Comment – Why I Stayed Silent"); it may also be
    followed by the post's title in quotes, and whatever follows that. None for
    anything else. Whether it names the post comes with the count."""
    folded = text.casefold()  # as IGNORECASE folds ("ſ" is an "s")
    if not any(word in folded for word in _COUNTED):  # a cheap test first: this is asked of every line
        return None
    heading = braced["inner"] if (braced := _BRACED.match(text)) else text
    found = _plain_count(state, heading)
    if found is None and not braced and (glued := _GLUED_LINKS.split(text, maxsplit=1)[0]) != text:
        found = _plain_count(state, glued)
    if found is None:
        linked = _COUNT_THEN_LINK.match(heading)
        if linked and len(linked["link"].split()) <= COUNT_LINK_WORDS and not linked["link"].rstrip().endswith("."):
            found = _count_in(linked)
        elif (quoted := _quoted_title(state, heading)) is not None:
            return CountHeading(_count_in(quoted), names_post=True)
    return None if found is None else CountHeading(found, _names_post(state, heading))


def _plain_count(state: ParseState, text: str) -> int | None:
    """A count heading alone on its line: "23 Responses to <the title>", "Reader Comments (1)"."""
    match = _COUNT_HEADING.match(text)
    if not match or (match["rest"] and not _to_this_post(state, match["rest"])):
        return None
    return _count_in(match)


def _count_in(match: re.Match) -> int:
    """The number a count heading's match states: its digits (group ``n``, ``p``
    or ``q``), "One" (group ``one``) or else "No"."""
    groups = match.groupdict()
    number = groups.get("n") or groups.get("p") or groups.get("q")
    return int(number) if number else (1 if groups.get("one") else 0)


def _to_this_post(state: ParseState, rest: str) -> bool:
    """"To “<any title>”" or to the post's own title, unquoted: the heading is this post's."""
    quoted = rest[:1] in "“\"" and rest[-1:] in "”\""
    return quoted or bool(state.title and rest.strip("“”\"' ").casefold() == state.title.casefold())


def _quoted_title(state: ParseState, heading: str) -> re.Match | None:
    """"1 comment to “Publicness”: an open-access issue", the quoted words opening the post's title."""
    quoted = _COUNT_TO_QUOTED.match(heading)
    title = (state.title or "").strip("“”\"' ").casefold()
    return quoted if quoted and title and title.startswith(quoted["quoted"].strip().casefold()) else None


def _names_post(state: ParseState, heading: str) -> bool:
    """Does a count heading name the post ("3 Responses to “<its title>”")?"""
    match = _COUNT_HEADING.match(heading)
    return bool(match and match["rest"] and _to_this_post(state, match["rest"])) or bool(
        _quoted_title(state, heading))


def state_count(state: ParseState) -> None:
    """How many comments the page says it has (``comments_stated``), of the count
    headings the furniture pass found: one that names the post, else any; of
    those, the nearest above the page's first comment (not a "12 Comments" in a
    teaser list above the thread's own "3 Comments"), else the first. Asked after
    the rules and again after the line model, which may find another thread."""
    headings = [(i, count) for i, count, named in state.count_headings if named] or [
        (i, count) for i, count, _ in state.count_headings]
    first = min((i for comment in state.comments for i in comment.own_lines()), default=-1)
    above = [count for i, count in headings if i < first]
    state.comments_stated = above[-1] if above else next((count for _, count in headings), None)
