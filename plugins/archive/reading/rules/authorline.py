"""The author under the title, alone on a line: ``Ellen Mackay`` over the date,
``Sarah Dunmore`` over ``Environment correspondent``, ``submitted 3 years ago by someone``."""

from __future__ import annotations

import re

from . import masthead
from archive.shared.dates import DATE_LINE
from ..state import BOILERPLATE, BYLINE, CAPTION, SUBSCRIPTION, TITLE, ParseState

_PERSON = re.compile(r"^(?!By\s)[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,3}$")
_ROLE_LINE = re.compile(r"^(?:[A-Z][\w&-]*\s+){0,3}(?i:correspondent|writer|reporter|editor|columnist|contributor)$")
_SUBMITTED = re.compile(r"^(?:(?:submitted|posted)\s+(?:(?:an?|\d+)\s+\w+\s+ago\s+)?by\s+(?P<author>[\w-]{2,40})"
                        r"|\d+\s+points?\s+by\s+(?P<voted>[\w-]{2,40})\s+(?:an?|\d+)\s+\w+\s+ago(?:\s+\|.{0,120})?)$",
                        re.IGNORECASE)  # "187 points by someone 7 hours ago | hide | past"
_BY_HANDLE = re.compile(r"^[Bb]y\s+(?P<author>[\w.-]{2,40})$")  # "by fieldmouse" over the date
MAX_STANDFIRST_GAP = 3  # lines between a title and the author's name under its standfirst


def is_role_line(text: str) -> bool:
    """``Environment correspondent``, ``Staff Writer``: the job under a byline."""
    return bool(_ROLE_LINE.match(text))


def _names_author(state: ParseState, i: int) -> bool:
    """A name alone on its line (or ``by handle``), with a dateline, job or follow button under it."""
    text = state.lines[i].stripped
    if not (_PERSON.match(text) or _BY_HANDLE.match(text)) or is_role_line(text):
        return False
    below = state.next_text_line(i + 1)
    if below is None or below > i + 2:
        return False
    text = state.lines[below].stripped
    return bool(DATE_LINE.match(text) or is_role_line(text) or masthead.button(text))


def author_line(state: ParseState, i: int) -> int:
    """Under the title: a standfirst, then the author's name (and job) alone on
    their lines, or ``submitted 3 years ago by someone``."""
    if state.title is None or state.authors:
        return 0
    text = state.lines[i].stripped
    submitted = _SUBMITTED.match(text)
    if submitted or _names_author(state, i):
        state.claim(i, BYLINE)
        by = _BY_HANDLE.match(text)
        state.authors = [(submitted["author"] or submitted["voted"]) if submitted else by["author"] if by else text]
        return 1
    title_line = next((j for j, line in enumerate(state.lines) if line.role == TITLE), -1)
    below = state.next_text_line(i + 1)
    if 0 <= title_line and i - title_line <= MAX_STANDFIRST_GAP and below is not None and _names_author(state, below):
        state.claim(i, CAPTION)
        return 1
    return 0


def job_and_follow(state: ParseState, i: int) -> int:
    """The lines under an author's name: a job, a follow button."""
    above = state.previous_text_line(i)
    if above is None or state.lines[above].role != BYLINE:
        return 0
    text = state.lines[i].stripped
    if is_role_line(text):
        state.claim(i, BYLINE)
        return 1
    if masthead.button(text):
        state.claim(i, BOILERPLATE, SUBSCRIPTION)
        return 1
    return 0
