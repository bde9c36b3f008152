"""The bar above a page's title: account links, call-to-action buttons, menus
of short links, a section label over the headline."""

from __future__ import annotations

import re

from ..state import BOILERPLATE, BREADCRUMB, NAVIGATION, SUBSCRIPTION, TITLE, ParseState

_ACCOUNT_WORD = (r"(?:Sign in|Sign up|Log ?in|Log out|Register|Get started|Menu|Explore|Find more|Search"
                 r"|(?-i:my [a-z]{2,20})|My (?:Account|Profile|Feed|Library)"
                 r"|Subscribe|English)")  # "English": a language picker
# "Sign in", "Log in", "Subscribe | Log in", "my subreddits", "want to join? Log in or sign up…"
_ACCOUNT = re.compile(rf"^{_ACCOUNT_WORD}(?:\s*[|/]\s*{_ACCOUNT_WORD}|\s{{2,}}{_ACCOUNT_WORD})+$"
                      rf"|^(?!Subscribe$){_ACCOUNT_WORD}$"
                      r"|^.{0,30}\b(?:log in|sign in) or (?:sign up|register)\b.{0,30}$", re.IGNORECASE)
# "Subscribe", "Follow", "Contribute", "Support The Meridian": buttons that ask for
# a subscription; the publication a reader is asked to support is the site.
_BUTTON = re.compile(r"^(?:Subscribe(?: now| for free)?|Follow|Contribute|Donate|Become a member"
                     r"|(?:Support|Subscribe to) (?P<site>(?:The |A )?[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*){0,4}))$")
MAX_LINK_WORDS = 3
MAX_LINK_LENGTH = 25
MIN_MENU_RUN = 3  # short link lines one under the other: a menu


def is_account_link(text: str) -> bool:
    return bool(_ACCOUNT.match(text))


def button(text: str) -> re.Match | None:
    return _BUTTON.match(text)


def short_link(text: str) -> bool:
    return (0 < len(text) <= MAX_LINK_LENGTH and len(text.split()) <= MAX_LINK_WORDS
            and not re.search(r"[.,;:!?\"“”()]", text))


def starts_menu(state: ParseState, i: int) -> bool:
    """``Menu / Home / About / Contact``: three short links one under the other."""
    lines = state.lines[i:i + MIN_MENU_RUN]
    return len(lines) == MIN_MENU_RUN and all(not line.blank and short_link(line.stripped)
                                              and not button(line.stripped) for line in lines)


def _under(state: ParseState, i: int, *why: str) -> bool:
    """Is the line right above ``i`` (no blank between) boilerplate for one of ``why``?"""
    return i > 0 and state.lines[i - 1].role == BOILERPLATE and state.lines[i - 1].why in why


def top_bar(state: ParseState, i: int) -> int:
    """Account links, buttons and menus of short links above the title."""
    if state.title is not None:
        return 0
    text = state.lines[i].stripped
    found = button(text)
    if found:
        state.claim(i, BOILERPLATE, SUBSCRIPTION)
        if found["site"] and state.site is None:
            state.site = found["site"]
        return 1
    if is_account_link(text) or starts_menu(state, i) or _continues_menu(state, i):
        state.claim(i, BOILERPLATE, NAVIGATION)
        return 1
    if _under(state, i, SUBSCRIPTION) and len(text) <= 60 and any(
            not line.blank and button(line.stripped) for line in state.lines[i + 1:i + 3]):
        state.claim(i, BOILERPLATE, SUBSCRIPTION)  # "Support us / funded by readers / Contribute"
        return 1
    return 0


def _continues_menu(state: ParseState, i: int) -> bool:
    """A line right under a menu goes on with it: a row of section names or of links
    between bars, or a short link with more of the menu above or below it (a title
    under a one-line menu stays)."""
    if not _under(state, i, NAVIGATION):
        return False
    text = state.lines[i].stripped
    following = state.lines[i + 1] if i + 1 < len(state.lines) else None
    return _menu_words(text) or bool(_LINK_BAR.match(text)) or (short_link(text) and (
        _under(state, i - 1, NAVIGATION) or (following is not None and not following.blank)))


# "Write a diary  |  My diaries  |  Hotlist"
_LINK_BAR = re.compile(r"^(?:[\w&'’ -]{2,25}\s+\|\s+){2,}[\w&'’ -]{2,25}$")
MIN_MENU_WORDS = 5


def _menu_words(text: str) -> bool:
    """``UK World Climate crisis Environment Science``: capitalised words, no sentence."""
    words = text.split()
    capitalised = sum(word[:1].isupper() for word in words)
    return (len(words) >= MIN_MENU_WORDS and capitalised >= 0.7 * len(words)
            and not re.search(r"[.,;:!?\"“”]", text))


MIN_HEADLINE_WORDS = 4
MAX_HEADLINE_LENGTH = 200


def section_label(state: ParseState, i: int) -> int:
    """``Wildlife`` alone above the headline: the section the article is filed in."""
    text = state.lines[i].stripped
    if state.title is not None or not short_link(text) or len(text.split()) > 2:
        return 0
    below = state.next_text_line(i + 1)
    if below is None or below == i + 1 or not state.free(below):
        return 0
    headline = state.lines[below].stripped
    if (len(headline.split()) < MIN_HEADLINE_WORDS or len(headline) > MAX_HEADLINE_LENGTH
            or headline.endswith((".", ":", "!", '"', "”"))):
        return 0
    if not any(line.role == BOILERPLATE for line in state.lines[:i]):
        return 0  # the first line of a page is its title or its site
    state.claim(i, BOILERPLATE, BREADCRUMB)
    return 1


# "heat-pumps, troubleshooting, thermostats"
_TAG_LIST = re.compile(r"^[a-z0-9][\w-]*(?: [\w-]+){0,2}(?:, [a-z0-9][\w-]*(?: [\w-]+){0,2})+$")


def filed_under(state: ParseState, i: int) -> int:
    """``Equipment  Heat pumps`` and ``heat-pumps, thermostats`` right under the title:
    the category and tags the post is filed under."""
    above = state.lines[i - 1] if i else None
    if above is None or not (above.role == TITLE or (above.role == BOILERPLATE and above.why == BREADCRUMB)):
        return 0
    text = state.lines[i].stripped
    items = [item.strip() for item in text.split("  ") if item.strip()]
    if (len(items) >= 2 and all(short_link(item) for item in items)) or _TAG_LIST.match(text):
        state.claim(i, BOILERPLATE, BREADCRUMB)
        return 1
    return 0
