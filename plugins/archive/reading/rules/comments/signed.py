"""Signed comments: ``by Author on <date>`` (Slashdot, Scoop, Drupal's ``Submitted by``).

The line opens the comment (a subject above it, the body below) or closes it
(subject and body above). A thread that quotes subjects (``Re: Subject``,
``In reply to Subject by Author``) gives every comment a subject line first.
"""

from __future__ import annotations

import re

from archive.shared.dates import STAMP_PATTERN, iso_datetime
from ...state import COMMENT_BODY, COMMENT_HEADER, Comment, ParseState
from .common import IndentThread, enough_headers, latest_by

_SIGNED = re.compile(rf"^(?:Submitted by|Posted by|by)\s+(?P<author>\S.{{0,60}}?)(?:\s+\(\d+\))?\s+on\s+"
                     rf"{STAMP_PATTERN}(?:\s+\(#?\d+\))?$")
_REPLY_TO = re.compile(r"^In reply to (?P<subject>.{1,150}) by (?P<author>\S.{0,60})$")
_RE = re.compile(r"^Re:\s*(?P<subject>\S.*)$", re.IGNORECASE)
_SCORE = re.compile(r"\s*\(Score:[^()]{1,30}\)$")  # "Subject (Score:5, Insightful)"


def _subject_key(text: str) -> str:
    return _SCORE.sub("", text).strip().casefold()


def _free_text(state: ParseState, start: int, stop: int) -> list[int]:
    return [i for i in range(start, stop) if state.free(i) and not state.lines[i].blank]


def _block_above(state: ParseState, i: int) -> int:
    """The first line of the run of free text lines right above ``i``."""
    while i > 0 and state.free(i - 1) and not state.lines[i - 1].blank:
        i -= 1
    return i


def _body(state: ParseState, start: int, stop: int, last: bool) -> list[int]:
    """Free text lines; the last comment ends at the first furniture line after its text."""
    body = []
    for i in range(start, stop):
        if not state.free(i) and not state.lines[i].blank and last and body:
            break
        if state.free(i) and not state.lines[i].blank:
            body.append(i)
    return body


def _opens(state: ParseState, sign: int) -> bool:
    """Free text right under the signature, before a blank line: it opens the comment."""
    i = sign + 1
    while i < len(state.lines) and not state.lines[i].blank:
        if state.free(i):
            return True
        i += 1
    return False


def signed(state: ParseState) -> bool:
    signs = [i for i, line in enumerate(state.lines) if state.free(i) and _SIGNED.match(line.stripped)]
    if not enough_headers(state, signs):
        return False
    opening = _opens(state, signs[0])
    # where each comment starts: its subject above an opening signature, or the text after the last one
    starts = [_block_above(state, i) if opening else (_block_above(state, i) if n == 0 else signs[n - 1] + 1)
              for n, i in enumerate(signs)]
    region = _free_text(state, starts[0], len(state.lines))
    subjects = any(_RE.match(state.lines[i].stripped) or _REPLY_TO.match(state.lines[i].stripped) for i in region)
    state.comments_start = starts[0]
    thread = IndentThread()
    titles: dict[int, str] = {}  # comment number → its subject
    for n, (start, sign) in enumerate(zip(starts, signs)):
        stop = starts[n + 1] if n + 1 < len(signs) else len(state.lines)
        header = _free_text(state, start, sign + 1) if opening else [sign]
        body = _body(state, sign + 1, stop, n + 1 == len(signs)) if opening else _free_text(state, start, sign)
        reply = next((i for i in body[:1] if _REPLY_TO.match(state.lines[i].stripped)), None)
        if reply is not None:
            header.append(body.pop(0))
        if subjects and len(body) > 1 and header[0] == sign:
            header.append(body.pop(0))
        for i in header + body:
            state.claim(i, COMMENT_HEADER if i in header else COMMENT_BODY)
        match = _SIGNED.match(state.lines[sign].stripped)
        comment = Comment(len(state.comments) + 1, match["author"], iso_datetime(match["date"], match["time"]),
                          body, header=sign, header_lines=sorted(header))
        subject = next((state.lines[i].stripped for i in header if i != sign and i != reply), "")
        titles[comment.number] = subject
        indent = state.lines[min(header + body)].indent
        comment.replies_to = thread.parent(indent) or _answers(state, reply, subject, titles, state.comments)
        thread.add(indent, comment.number)
        state.comments.append(comment)
    return True


def _answers(state: ParseState, reply: int | None, subject: str, titles: dict[int, str],
             comments: list[Comment]) -> int | None:
    """``In reply to Subject by Author``, or ``Re: Subject``: the comment of that subject."""
    if reply is not None:
        match = _REPLY_TO.match(state.lines[reply].stripped)
        wanted, author = match["subject"], match["author"]
    elif _RE.match(subject):
        wanted, author = _RE.match(subject)["subject"], None
    else:
        return None
    for comment in reversed(comments):
        if _subject_key(titles[comment.number]) == _subject_key(wanted):
            return comment.number
    return latest_by(comments, author)
