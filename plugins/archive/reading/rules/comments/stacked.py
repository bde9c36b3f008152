"""A name, a stamp under it, the body: ``Anwen Morgan`` / ``March 3, 2015 at 10:15 pm``
(also ``Walt Sorensen, Pine Hollow`` / ``3/5/2010 8:15:02 PM``, or ``2 days ago``);
replies indented; an avatar's initials may stand above the name. In an ordered
list the name follows the comment's number, ``  1. Anwen Morgan``, and the stamp
is indented under it, as are the replies the item holds."""

from __future__ import annotations

import re

from archive.shared.dates import CLOCK_PATTERN, DATE_PATTERN, NUMERIC_DATE_PATTERN, TIME_PATTERN, iso_datetime
from ...state import BOILERPLATE, COMMENT_FURNITURE, COMMENT_HEADER, Comment, ParseState
from .common import IndentThread, avatar_initial, body_until_furniture, enough_headers, furniture_above, is_heading_line

_STAMP = re.compile(rf"^(?P<date>{DATE_PATTERN}|{NUMERIC_DATE_PATTERN})"
                    rf"(?:,?\s+(?:at\s+)?(?P<time>{TIME_PATTERN}|{CLOCK_PATTERN}))?(?:\s+\(?[A-Z]{{2,4}}\)?)?$"
                    r"|^(?:(?:an?|\d+)\s+(?:minute|hour|day|week|month|year)s?\s+ago|yesterday)$")  # no date: null
_NAME = re.compile(r"^\S.{0,59}$")
_NOT_A_NAME = re.compile(r"[.:;!?,…]$|^\d")
_TAG = re.compile(r"^\[\w{1,10}\]|^\((?=.*\)$)|\)$")  # "[info]name", "(Anonymous)"
_PLACE = re.compile(r"^(?P<name>[^,]{2,40}),\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}$")  # "Walt Sorensen, Pine Hollow"
MAX_NAME_WORDS = 6
# "1. Barbara": an ordered list's item ("1." as the capture writes a list, not "1)"; three digits, so no year)
_LIST_NUMBER = re.compile(r"^\d{1,3}\.\s+(?=\S)")


def _name_text(text: str) -> str:
    """A header's name line without its list number."""
    numbered = _LIST_NUMBER.match(text)
    return text[numbered.end():] if numbered else text


def _header(state: ParseState, i: int) -> re.Match | None:
    """The stamp under line ``i`` when ``i`` is a commenter's name."""
    if not (state.free(i) and state.free(i + 1)):
        return None
    name, stamp = state.lines[i], state.lines[i + 1]
    listed = bool(_LIST_NUMBER.match(name.stripped))
    text = _name_text(name.stripped)
    # an ordered list's item has what follows its number indented under it; a bare name, its stamp beside it
    stamp_placed = stamp.indent > name.indent if listed else stamp.indent == name.indent
    if (name.blank or len(text.split()) > MAX_NAME_WORDS or not _NAME.match(text) or _NOT_A_NAME.search(text)
            or not stamp_placed):
        return None
    return _STAMP.match(stamp.stripped)


def author_name(text: str) -> str:
    """The commenter, without a platform's tag or the place they wrote from."""
    text = _TAG.sub("", text).strip()
    place = _PLACE.match(text)
    return place["name"].strip() if place else text


def _has_text(state: ParseState, start: int, stop: int) -> bool:
    return any(state.free(i) and not state.lines[i].blank for i in range(start, stop))


def _in_comment_section(state: ParseState, headers: list[int]) -> bool:
    """Under a comment heading, or with a widget's "Reply" or "Like" among them: a
    timeline in an article (an event, its date, what happened) is no thread."""
    return furniture_above(state, headers[0]) or any(
        line.role == BOILERPLATE and line.why == COMMENT_FURNITURE for line in state.lines[headers[0]:headers[-1]])


def stacked(state: ParseState) -> bool:
    """Comments under a name and a stamp; a list of dated titles with no text
    under them ("Recent posts") is no comment thread."""
    found = [i for i in range(len(state.lines) - 1) if _header(state, i)]
    heading = next((i for i in range(len(state.lines)) if is_heading_line(state, i)), None)
    if heading is not None:  # "1. Prototype / March 3, 2015" above the comment heading: the post's numbered timeline
        found = [i for i in found if i > heading or not _LIST_NUMBER.match(state.lines[i].stripped)]
    headers = [start for start, stop in zip(found, found[1:] + [len(state.lines)]) if _has_text(state, start + 2, stop)]
    if not enough_headers(state, headers) or not _in_comment_section(state, headers):
        return False
    state.comments_start = headers[0]
    thread = IndentThread()
    for n, start in enumerate(headers):
        stamp = _header(state, start)
        last = n + 1 == len(headers)
        stop = len(state.lines) if last else headers[n + 1]
        state.claim(start, COMMENT_HEADER)
        state.claim(start + 1, COMMENT_HEADER)
        avatar_initial(state, start)
        body = body_until_furniture(state, start + 2, stop, last)
        indent = state.lines[start].indent
        date = iso_datetime(stamp["date"], stamp["time"]) if stamp["date"] else None
        comment = Comment(len(state.comments) + 1, author_name(_name_text(state.lines[start].stripped)), date, body,
                          header=start, header_lines=[start, start + 1])
        comment.replies_to = thread.parent(indent)
        thread.add(indent, comment.number)
        state.comments.append(comment)
    return True
