"""Comment layouts. Each finder claims the comments of one layout, or nothing.

`find_comments` tries them in order; the first layout that finds comments wins.
"""

from __future__ import annotations

import re

from ..dates import DATE_PATTERN, TIME_PATTERN, iso_datetime
from ..state import (AVATAR, BOILERPLATE, BYLINE, COMMENT_BODY, COMMENT_FURNITURE, COMMENT_HEADER, Comment,
                     ParseState)

# WordPress: "  1. Montag says:" then an indented body.
_WORDPRESS_HEADER = re.compile(r"^\s*(?:(?P<number>\d{1,5})\.\s+)?(?P<author>\S.{0,80}?)\s+says:\s*$")
MIN_HEADERS = 2  # one "X says:" line may be article text introducing a quote
_WORDPRESS_DATE = re.compile(rf"^\s*(?P<date>{DATE_PATTERN})(?:\s+at\s+(?P<time>{TIME_PATTERN}))?\s*$")
# Hot Air, Townhall and others: the body, then "letget on March 31, 2008 at 12:27 PM".
_ATTRIBUTION = re.compile(
    rf"^(?:(?P<author>\S.{{0,80}}?)\s+on\s+|Posted by:?\s+(?P<typepad>\S.{{0,80}}?)\s+\|\s+)"
    rf"(?P<date>{DATE_PATTERN})\s+at\s+(?P<time>{TIME_PATTERN})\s*$"
)
# Blogger: "Alice said..." then the body, then a timestamp line.
_BLOGGER_HEADER = re.compile(r"^(?P<author>\S.{0,80}?)\s+said(?:\.\.\.|…|:)\s*$")
_BLOGGER_STAMP = re.compile(
    rf"^(?:(?P<date>{DATE_PATTERN})(?:\s+at\s+|,?\s+)(?P<time>{TIME_PATTERN})"
    rf"|(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})/(?P<y>\d{{4}})\s+(?P<time2>{TIME_PATTERN}))\s*$")
# Disqus: "Alice • 3 years ago", "Bob  Alice • 2 years ago", "Bob replied to Alice • March 4, 2015".
_RELATIVE_TIME = (r"(?:(?:an?|\d+)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|just now|yesterday)")
_DISQUS_HEADER = re.compile(
    rf"^(?P<author>\S.{{0,80}}?)(?:\s{{2,}}(?P<parent>\S.{{0,80}}?)|\s+replied to\s+(?P<parent2>\S.{{0,80}}?))?"
    rf"\s+•\s+(?:(?P<date>{DATE_PATTERN})|{_RELATIVE_TIME})\s*$", re.IGNORECASE)
_NOT_AN_AUTHOR = re.compile(r"^\d+\s+(?:comments?|replies|votes|points)$", re.IGNORECASE)
_DELETED = re.compile(r"^This comment (?:was|has been) (?:deleted|removed)(?: by .{1,40})?\.?$", re.IGNORECASE)
_DISQUS_WIDGET = re.compile(r"^(?:Login|Log in|Recommend(?:\s+\d+)?|Sort by \w+|Join the discussion.{0,3})$")
# Forums (phpBB): a subject line, then "by Author » Tue Mar 04, 2008 7:15 pm"; the
# first post is the article, the replies ("Re: …") are the comments.
_FORUM_BYLINE = re.compile(
    rf"^by\s+(?P<author>\S.{{0,60}}?)\s+»\s+(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+)?"
    rf"(?P<date>{DATE_PATTERN})(?:,?\s+(?P<time>{TIME_PATTERN}))?\s*$")
# "jtrask wrote:" then a date line, then the body (news-site comment widgets).
_WROTE_HEADER = re.compile(r"^(?P<author>\S.{0,80}?)\s+wrote:\s*$")
_DATE_LINE = re.compile(rf"^(?P<date>{DATE_PATTERN})(?:,?\s+(?:at\s+)?(?P<time>{TIME_PATTERN}))?\s*$")
_AVATAR_INITIAL = re.compile(r"^[A-Za-z]$")
AUTHORLESS_GAP = 3  # blank lines between an article and comments that name no author


def wordpress(state: ParseState) -> bool:
    """``1. Montag says:`` (or unnumbered ``Montag says:``), an optional date line,
    then the body; replies nested by indentation answer the comment above them."""
    headers = [i for i, line in enumerate(state.lines)
               if state.free(i) and _WORDPRESS_HEADER.match(line.text)]
    if not headers or (len(headers) < MIN_HEADERS and not _furniture_above(state, headers[0])):
        return False  # one "1. The ministry says:" in an article is not a comment section
    state.comments_start = headers[0]
    first_body = state.next_text_line(headers[0] + 1)
    indented = first_body is not None and state.lines[first_body].indent > state.lines[headers[0]].indent
    thread: list[tuple[int, int]] = []  # (indent, comment number) of the open branch
    for n, start in enumerate(headers):
        match = _WORDPRESS_HEADER.match(state.lines[start].text)
        state.claim(start, COMMENT_HEADER)
        last = n + 1 == len(headers)
        stop = len(state.lines) if last else headers[n + 1]
        header_indent = state.lines[start].indent
        date, body = None, []
        for i in range(start + 1, stop):
            line = state.lines[i]
            if line.blank:
                continue
            if not state.free(i):  # "Reply", "Liked by 2 people": furniture between comments
                if last and body:
                    break
                continue
            if indented and line.indent <= header_indent:
                break  # back at the margin: the comment is over
            dated = _WORDPRESS_DATE.match(line.text)
            if dated and date is None and not body:
                date = iso_datetime(dated["date"], dated["time"])
                state.claim(i, COMMENT_HEADER)
            else:
                state.claim(i, COMMENT_BODY)
                body.append(i)
        while thread and thread[-1][0] >= header_indent:
            thread.pop()
        comment = Comment(len(state.comments) + 1, match["author"], date, body, header=start)
        comment.replies_to = thread[-1][1] if thread else None
        thread.append((header_indent, comment.number))
        state.comments.append(comment)
    return True


def attribution(state: ParseState) -> bool:
    """Bodies closed by an attribution line; a repeated attribution is a quotation."""
    seen: set[tuple[str, str, str]] = set()
    boundaries = []
    for i, line in enumerate(state.lines):
        match = _ATTRIBUTION.match(line.stripped) if state.free(i) else None
        if match:
            key = (match["author"] or match["typepad"], match["date"], match["time"])
            if key not in seen:
                seen.add(key)
                boundaries.append((i, match))
    if not boundaries or (len(boundaries) < MIN_HEADERS and not _furniture_above(state, boundaries[0][0])):
        return False  # "Last updated on March 5, 2020 at 10:00 AM" alone is not a comment
    first = boundaries[0][0]
    start = _first_comment_line(state, first)
    state.comments_start = start
    for number, (end, match) in enumerate(boundaries, start=1):
        state.claim(end, COMMENT_HEADER)
        body = []
        for i in range(start, end):
            if not state.free(i) or state.lines[i].blank:
                continue
            if _AVATAR_INITIAL.match(state.lines[i].stripped) and state.next_text_line(i + 1) == end:
                state.claim(i, BOILERPLATE, AVATAR)
                continue
            state.claim(i, COMMENT_BODY)
            body.append(i)
        author = (match["author"] or match["typepad"]).strip()
        state.comments.append(Comment(number, author, iso_datetime(match["date"], match["time"]), body, header=end))
        start = end + 1
    return True


def _furniture_above(state: ParseState, index: int) -> bool:
    """Is there comment-section furniture ("23 Responses to…", "Comments") above?"""
    return any(line.why == COMMENT_FURNITURE for line in state.lines[:index])


def _first_comment_line(state: ParseState, attribution_line: int) -> int:
    """Just after the furniture line (a "Comments" heading, say) above the first
    attribution; failing that, the blank-separated block above it."""
    i = attribution_line - 1
    while i >= 0 and (state.free(i) or state.lines[i].blank):
        i -= 1
    if i >= 0 and state.lines[i].role == BOILERPLATE:
        return i + 1
    block = state.previous_text_line(attribution_line)
    while block is not None and block > 0 and not state.lines[block - 1].blank:
        block -= 1
    return block if block is not None else attribution_line


def authorless(state: ParseState) -> bool:
    """Comments that name no author, set apart from the article by a wide gap."""
    if state.comments:
        return False
    run, seen_text = 0, 0
    for i, line in enumerate(state.lines):
        if line.blank:
            run += 1
            continue
        if run >= AUTHORLESS_GAP and seen_text >= 3 and state.free(i):
            text = [j for j in range(i, len(state.lines)) if not state.lines[j].blank]
            rest = [j for j in text if state.free(j)]
            if not rest or rest != text[:len(rest)]:
                return False  # known furniture among them: not a plain run of comments
            state.comments_start = i
            for number, j in enumerate(rest, start=1):
                state.claim(j, COMMENT_BODY)
                state.comments.append(Comment(number, None, None, [j], header=j))
            return True
        run = 0
        if state.lines[i].role is None:
            seen_text += 1
    return False


def blogger(state: ParseState) -> bool:
    headers = [i for i, line in enumerate(state.lines)
               if state.free(i) and _BLOGGER_HEADER.match(line.stripped)]
    if not headers:
        return False
    state.comments_start = headers[0]
    for n, start in enumerate(headers):
        stop = headers[n + 1] if n + 1 < len(headers) else len(state.lines)
        state.claim(start, COMMENT_HEADER)
        date, body = None, []
        for i in range(start + 1, stop):
            line = state.lines[i]
            if not state.free(i) or line.blank:
                continue
            stamp = _BLOGGER_STAMP.match(line.stripped)
            if stamp:
                date = _blogger_date(stamp)
                state.claim(i, COMMENT_HEADER)
                break
            state.claim(i, COMMENT_BODY)
            body.append(i)
        author = _BLOGGER_HEADER.match(state.lines[start].stripped)["author"]
        state.comments.append(Comment(len(state.comments) + 1, author, date, body, header=start))
    return True


def _blogger_date(stamp: re.Match) -> str | None:
    if stamp["date"]:
        return iso_datetime(stamp["date"], stamp["time"])
    from ..dates import MONTHS
    month = int(stamp["m"])
    if not 1 <= month <= 12:
        return None
    return iso_datetime(f"{MONTHS[month - 1]} {int(stamp['d'])}, {stamp['y']}", stamp["time2"])


def _disqus_header(line: str) -> re.Match | None:
    match = _DISQUS_HEADER.match(line.strip())
    if match and not _NOT_AN_AUTHOR.match(match["author"]):
        return match
    return None


def disqus(state: ParseState) -> bool:
    """Threads where each comment opens with ``Author • 3 years ago``; replies are
    indented, or name their parent (``Bob  Alice •``, ``Bob replied to Alice •``)."""
    starts = [i for i, line in enumerate(state.lines) if state.free(i)
              and (_disqus_header(line.text) or _DELETED.match(line.stripped))]
    if not any(_disqus_header(state.lines[i].text) for i in starts):
        return False
    state.comments_start = starts[0]
    _disqus_widget_block(state, starts[0])
    thread: list[tuple[int, int]] = []
    for n, start in enumerate(starts):
        line = state.lines[start]
        match = _disqus_header(line.text)
        last = n + 1 == len(starts)
        stop = len(state.lines) if last else starts[n + 1]
        if match:
            state.claim(start, COMMENT_HEADER)
            body = _body_until_furniture(state, start + 1, stop, last)
            author, date = match["author"], iso_datetime(match["date"]) if match["date"] else None
        else:  # "This comment was deleted.": a place in the thread, with no author
            state.claim(start, COMMENT_BODY)
            body, author, date = [start], None, None
        _avatar_initial(state, stop)
        while thread and thread[-1][0] >= line.indent:
            thread.pop()
        comment = Comment(len(state.comments) + 1, author, date, body, header=start)
        parent = match and (match["parent"] or match["parent2"])
        comment.replies_to = thread[-1][1] if thread else _latest_by(state.comments, parent)
        thread.append((line.indent, comment.number))
        state.comments.append(comment)
    return True


def _body_until_furniture(state: ParseState, start: int, stop: int, last: bool) -> list[int]:
    """Body lines up to ``stop``; the last comment ends at the first furniture line."""
    body = []
    for i in range(start, stop):
        line = state.lines[i]
        if line.blank:
            continue
        if not state.free(i):
            if last and body:
                break
            continue
        if _AVATAR_INITIAL.match(line.stripped) and i + 1 == stop:
            break
        state.claim(i, COMMENT_BODY)
        body.append(i)
    return body


def _avatar_initial(state: ParseState, header: int) -> None:
    """A stray letter right above a header is the next commenter's avatar."""
    above = header - 1
    if state.free(above) and _AVATAR_INITIAL.match(state.lines[above].stripped):
        state.claim(above, BOILERPLATE, AVATAR)


def _disqus_widget_block(state: ParseState, first_header: int) -> None:
    """"17 Comments / Salt & Smoke / Login / Recommend / Share / Sort by Best / Join
    the discussion…": the block above the first comment is the widget's furniture."""
    end = state.previous_text_line(first_header)
    if end is None:
        return
    start = end
    while start > 0 and not state.lines[start - 1].blank:
        start -= 1
    block = range(start, end + 1)
    if not any(_DISQUS_WIDGET.match(state.lines[i].stripped) for i in block):
        return
    for i in block:
        state.reclaim(i, BOILERPLATE, COMMENT_FURNITURE)


def _latest_by(comments: list[Comment], author: str | None) -> int | None:
    if author:
        for other in reversed(comments):
            if other.author and other.author.casefold() == author.casefold():
                return other.number
    return None


def wrote(state: ParseState) -> bool:
    """``Author wrote:`` directly followed by a date line (a "wrote:" without one
    introduces a quotation inside a post)."""
    headers = [i for i, line in enumerate(state.lines)
               if state.free(i) and _WROTE_HEADER.match(line.stripped)
               and state.free(i + 1) and _DATE_LINE.match(state.lines[i + 1].stripped)]
    if not headers or (len(headers) < MIN_HEADERS and not _furniture_above(state, headers[0])):
        return False
    state.comments_start = headers[0]
    for n, start in enumerate(headers):
        last = n + 1 == len(headers)
        stop = len(state.lines) if last else headers[n + 1]
        dated = _DATE_LINE.match(state.lines[start + 1].stripped)
        state.claim(start, COMMENT_HEADER)
        state.claim(start + 1, COMMENT_HEADER)
        body = _body_until_furniture(state, start + 2, stop, last)
        author = _WROTE_HEADER.match(state.lines[start].stripped)["author"]
        state.comments.append(Comment(len(state.comments) + 1, author,
                                      iso_datetime(dated["date"], dated["time"]), body, header=start))
    return True


def forum(state: ParseState) -> bool:
    bylines = [i for i, line in enumerate(state.lines)
               if state.free(i) and _FORUM_BYLINE.match(line.stripped)]
    if len(bylines) < MIN_HEADERS:
        return False
    first = _FORUM_BYLINE.match(state.lines[bylines[0]].stripped)
    subject = state.previous_text_line(bylines[0])
    if subject is not None and state.free(subject):
        state.claim(subject, BYLINE)
    state.claim(bylines[0], BYLINE)
    state.authors = [first["author"]]
    state.date = iso_datetime(first["date"], first["time"])
    replies = bylines[1:]
    starts = [_subject_above(state, i) for i in replies]
    state.comments_start = starts[0]
    for n, (start, byline) in enumerate(zip(starts, replies)):
        last = n + 1 == len(replies)
        stop = len(state.lines) if last else starts[n + 1]
        for i in range(start, byline + 1):
            if state.free(i) and not state.lines[i].blank:
                state.claim(i, COMMENT_HEADER)
        match = _FORUM_BYLINE.match(state.lines[byline].stripped)
        body = _body_until_furniture(state, byline + 1, stop, last=True)
        state.comments.append(Comment(len(state.comments) + 1, match["author"],
                                      iso_datetime(match["date"], match["time"]), body, header=byline))
    return True


def _subject_above(state: ParseState, byline: int) -> int:
    above = state.previous_text_line(byline)
    if above is not None and state.free(above) and above == byline - 1:
        return above
    return byline


LAYOUTS = (wordpress, attribution, blogger, disqus, wrote, forum)  # `authorless` runs last, once teasers are known


def find_comments(state: ParseState) -> None:
    for layout in LAYOUTS:
        if layout(state):
            return
