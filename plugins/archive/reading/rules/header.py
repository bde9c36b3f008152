"""The top of a capture: navigation, breadcrumb, epigraph, dateline, title, byline."""

from __future__ import annotations

import re

from . import authorline, counts, masthead
from .sections import is_post_navigation
from archive.shared.dates import DATE_LINE, DATE_PATTERN, STAMP_PATTERN, TIME_PATTERN, iso_datetime, parse_time
from ..state import BLANK, BOILERPLATE, BREADCRUMB, BYLINE, DATELINE, EPIGRAPH, NAVIGATION, TITLE, ParseState

MAX_TITLE_LENGTH = 200
_GLUED_WORDS = re.compile(r"[a-z][A-Z]")  # "HomeFeatures": menu items run together
_OPENING_QUOTE = re.compile(r'^\s*["“«]')
_QUOTE_ATTRIBUTION = re.compile(r'["”»]\s*(?:[-–—]\s*)+[A-Z][\w.’\' -]{1,60}$')
_ATTRIBUTION_LINE = re.compile(r"^(?:[-–—]\s*)+\S.{0,80}$")  # "- - - from the log of…"
_BREADCRUMB_TRAIL = re.compile(r"^[\w&'’ .-]{1,40}(?:\s+[›»‹>]\s+[\w&'’ .-]{1,40}){0,6}\s+[›»‹>]\s+[^›»‹]{1,160}$")
_DATE_THEN_AUTHOR = re.compile(  # "November 18, 2016 · Greg Halvorsen"
    rf"^(?P<date>{DATE_PATTERN})(?:\s+at\s+(?P<time>{TIME_PATTERN}))?\s*[·|•–—]\s*(?:by\s+)?"
    rf"(?P<author>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,4}})$")
# The link to a post's comments that ends its byline: "… By George Ambler 1 Comment", "… · 2 Comments"
_COMMENTS_LINK = r"(?:\s*(?:[·•]\s*)?(?:(?:\d+|No|One)\s+(?:Comments?|Responses?|Replies)|Leave a (?:Comment|Reply)))"
_POSTED = re.compile(
    rf"^(?:posted\s+)?(?:at\s+(?P<time>{TIME_PATTERN})\s+)?(?:on\s+)?(?P<date>{DATE_PATTERN})"
    rf"(?:\s+at\s+(?P<time2>{TIME_PATTERN}))?\s+by\s+(?P<author>[^|]+?)(?:\s+in\s+[^|]{{1,60}})?{_COMMENTS_LINK}?"
    r"(?:\s*\|.{0,80})?\s*$",
    re.IGNORECASE,
)
MAX_POSTED_LINE = 250  # a longer line is text, not a byline


def navigation(state: ParseState, i: int) -> int:
    """A menu whose items lost their spaces: ``HomeFeaturesDailyBriefings…``, or
    links to the previous and next post."""
    text = state.lines[i].stripped
    if _is_menu(text) or is_post_navigation(text):
        state.claim(i, BOILERPLATE, NAVIGATION)
        named = _NAMED_MENU.match(text.replace("\t", " | "))
        if named and state.site is None:
            state.site = named["site"]
        return 1
    return 0


# "Hacker News new | past | comments": a bar of lowercase links led by the site's name
_NAMED_MENU = re.compile(r"^(?P<site>[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*){0,3}) [a-z][a-z-]*"
                         r"(?:\s+\|\s+[a-z][a-z -]*)+\s*$")


def breadcrumb(state: ParseState, i: int) -> int:
    """``Section…Sub-sectionTruncated title...`` followed by the title itself."""
    text = state.lines[i].stripped
    if _BREADCRUMB_TRAIL.match(text):  # "Home › US › Oregon › Port Alder"
        state.claim(i, BOILERPLATE, BREADCRUMB)
        return 1
    glued = list(_GLUED_WORDS.finditer(text))
    if not glued or not text.endswith(("...", "…")):
        return 0
    tail = text[glued[-1].start() + 1:].rstrip(".…").strip()
    following = state.next_text_line(i + 1)
    if tail and following is not None and state.lines[following].stripped.startswith(tail):
        state.claim(i, BOILERPLATE, BREADCRUMB)
        return 1
    return 0


def epigraph(state: ParseState, i: int) -> int:
    """A blog's motto quote at the top: ``"There is danger…" - - - - John Adams``."""
    if state.title is not None or not _OPENING_QUOTE.match(state.lines[i].text):
        return 0
    for j in range(i, min(i + 5, len(state.lines))):
        if state.lines[j].blank:
            return 0
        if _QUOTE_ATTRIBUTION.search(state.lines[j].stripped) or (
                j > i and _ATTRIBUTION_LINE.match(state.lines[j].stripped)):
            after = state.next_text_line(j + 1)
            if after is None or not _title_like(state.lines[after].stripped):
                return 0  # a quoted headline, with the article below it
            for k in range(i, j + 1):
                state.claim(k, BOILERPLATE, EPIGRAPH)
            return j - i + 1
    return 0


def dateline(state: ParseState, i: int) -> int:
    """A line that is only a date: ``Saturday, September 6, 2014``."""
    match = DATE_LINE.match(state.lines[i].stripped)
    if not match:
        return 0
    state.claim(i, DATELINE)
    if state.date is None:
        state.date = iso_datetime(match["date"], match["time"] or match["clock"])
    return 1


# "Submitted by jkowalski on Wed, 06/12/2013 - 14:37", "Posted by someone on Monday March 09, 2009 @06:12PM from …"
_SIGNED = re.compile(rf"^(?:Submitted|Posted) by (?P<author>[^|]{{1,60}}?) on {STAMP_PATTERN}"
                     r"(?:\s+(?:from|in)\s+.{1,80})?$")


def posted_byline(state: ParseState, i: int) -> int:
    """``posted at 12:19 pm on March 31, 2008 by Allahpundit``, ``Submitted by someone on 06/12/2013 - 14:37``,
    ``November 18, 2016 · Greg Halvorsen``."""
    text = state.lines[i].stripped
    if len(text) > MAX_POSTED_LINE:
        return 0
    match = _POSTED.match(text) or _SIGNED.match(text) or _DATE_THEN_AUTHOR.match(text)
    if not match:
        return 0
    state.claim(i, BYLINE)
    state.date = iso_datetime(match["date"], match["time"] or match.groupdict().get("time2"))
    state.authors = [match["author"]]
    return 1


TIMED_TITLE = re.compile(rf"^(?P<time>{TIME_PATTERN})\s+[-–—]\s+(?P<title>\S.*)$")
_DOMAIN_TAG = re.compile(r"\s+\((?:self\.\w+|[\w-]+(?:\.[\w-]+)+)\)$")  # "… (self.cycling)", "… (bbc.co.uk)"
_VOTE_ARROW = re.compile(r"^[▲△⇧]\s+")  # "▲ Ask HN: …": the arrow to vote the link up


def title(state: ParseState, i: int) -> int:
    """The first short line that no other header rule claimed (less a link's domain
    tag or vote arrow; a time of day before it completes the dateline above)."""
    text = state.lines[i].stripped
    if state.title is not None or len(text) > MAX_TITLE_LENGTH + 40:
        return 0
    timed = TIMED_TITLE.match(text)
    clock = parse_time(timed["time"]) if timed and state.date and "T" not in state.date else None
    if clock:
        text = timed["title"]
    text = _VOTE_ARROW.sub("", _DOMAIN_TAG.sub("", text))
    if len(text) > MAX_TITLE_LENGTH:
        return 0
    if clock:
        state.date = f"{state.date}T{clock[0]:02d}:{clock[1]:02d}"
        state.title_timed = True
    state.claim(i, TITLE)
    state.title = text
    return 1


MAX_BLOG_HEADER_LINES = 4
MAX_SITE_NAME_WORDS = 6  # a longer first line is a slogan, not a name
MAX_BLOG_HEADER_START = 30  # lines of menus above a blog's name


def blog_header(state: ParseState, i: int) -> int:
    """A blog's name and tagline above its menu: the name is the site."""
    if i > MAX_BLOG_HEADER_START:
        return 0
    above = [line for line in state.lines[:i] if not line.blank and not _SKIP_LINK.match(line.stripped)]
    if any(line.why != NAVIGATION for line in above) or (above and not state.lines[i - 1].blank
                                                         and masthead.short_link(state.lines[i].stripped)):
        return 0  # a blog header is the first thing on the page (after a skip link or a menu, not in it)
    text_lines, stop = [], None
    for j in range(i, len(state.lines)):
        if state.lines[j].blank:
            continue
        text = state.lines[j].stripped
        if _is_menu(text) or is_post_navigation(text) or masthead.is_account_link(text) or masthead.starts_menu(state, j):
            stop = NAVIGATION
            break
        if text_lines and counts.comment_count_heading(state, text) is not None:
            # a tagline counts no comments: these are a post's headline, meta line and text over its count (the
            # first line is the blog's name, which may be "No Comment" or "One Thought")
            return 0
        if masthead.button(text):
            if not text_lines:
                return 0
            if text_lines[-1] == j - 1:
                stop = EPIGRAPH  # the blog's name on top of its "Subscribe" button
                break
        if text_lines and DATE_LINE.match(text):
            # Blogger: blog name, date header, then the post's title. A title, a
            # date and the text (no title after the date) is no blog header.
            after = state.next_text_line(j + 1)
            if after is None or not _title_like(state.lines[after].stripped):
                return 0
            break
        text_lines.append(j)
        if len(text_lines) > MAX_BLOG_HEADER_LINES:
            return 0
    else:
        return 0
    if not text_lines or (above and (not stop or len(text_lines) > 2 or text_lines[-1] - text_lines[0] > 1
                                     or not state.lines[text_lines[0]].stripped[:1].isupper())):
        return 0  # under a menu, only a name and tagline closed by a menu or a button
    name = state.lines[text_lines[0]].stripped
    # A masthead: the site's name right on top of its menu belongs to the menu.
    why = NAVIGATION if len(text_lines) == 1 and not state.lines[text_lines[0] + 1].blank and stop != EPIGRAPH else EPIGRAPH
    if (len(name.split()) <= MAX_SITE_NAME_WORDS and not name.endswith(".")
            and not _OPENING_QUOTE.match(name)):
        # a blog's own name and tagline, under the platform's bar, name the site
        masthead_name = any(line.stripped == state.site and line.why == NAVIGATION for line in state.lines[:i])
        state.site = name if why == EPIGRAPH and masthead_name else state.site or name
    for j in range(i, text_lines[-1] + 1):
        if state.free(j):  # a line the site repeats may be claimed already
            state.claim(j, *((BLANK,) if state.lines[j].blank else (BOILERPLATE, why)))
    return text_lines[-1] - i + 1


_SKIP_LINK = re.compile(r"^(?:Skip|Jump) to (?:the )?(?:main )?(?:content|navigation|search)$", re.IGNORECASE)


_MENU_WORDS = re.compile(r"^Home|(?<=[a-z])(?:Home|About|Contact|Archives?|Subscribe|Search)(?=[A-Z]|\b)")
_PIPE_MENU = re.compile(r"^(?:[\w&'’ -]{2,25}\s+\|\s+){3,}[\w&'’ -]{2,25}$"
                        r"|^(?:[\w&'’-]+(?: [\w&'’-]+)?\s{2,}){3,}[\w&'’-]+(?: [\w&'’-]+)?$")


def _title_like(text: str) -> bool:
    return len(text) <= MAX_TITLE_LENGTH and not text.endswith((".", ":", ";", ","))


def _is_menu(text: str) -> bool:
    """Menu items run together ("HomeAboutContact") or in a "Home | News | Sports" bar,
    or a "Skip to content" link."""
    text = text.replace("\t", " | ")  # a tab between links, as a bar's separator
    if _SKIP_LINK.match(text) or _PIPE_MENU.match(text):
        return True
    joins = len(_GLUED_WORDS.findall(text))
    if joins < 3 or len(text) > 150 or text.endswith((".", "?", "!")):
        return False
    # "McCain's YouTube Moment on MySpace" has joins too: a menu has more joins
    # than spaces, or the words every menu has.
    return joins > text.count(" ") or bool(_MENU_WORDS.search(text))


HEADER_RULES = (epigraph, blog_header, navigation, breadcrumb, masthead.top_bar, masthead.section_label, dateline,
                posted_byline, masthead.filed_under, authorline.job_and_follow, authorline.author_line, title)


def read_header(state: ParseState) -> None:
    """Run the header rules from the first line until one line is claimed by none."""
    i = 0
    while i < len(state.lines):
        if not state.free(i):  # claimed already (a line the whole site repeats)
            i += 1
            continue
        if state.lines[i].blank:
            state.claim(i, BLANK)
            i += 1
            continue
        used = next((n for rule in HEADER_RULES if (n := rule(state, i))), 0)
        if not used:
            return
        i += used
