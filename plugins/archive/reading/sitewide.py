"""Boilerplate that only a corpus shows: lines that recur in many captures of one
site (menus, footers, slogans), even when no single rule knows them.

The corpus parses every capture once, finds the lines a site repeats
(`repeated_lines`), and parses that site's captures again with that knowledge:
the `known_lines` rule then claims them before any other rule runs, so that a
slogan is not taken for a title. A line the line model set aside, or set
aside for lying above the headline, counts as seen (the model may keep a
slogan as the headline in one capture and set it aside in another); a line
that heads exactly one page of the site stays that page's headline there,
though the site's other pages list it (so a slogan that the first reading
took for one page's headline, and only one's, stays its title).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from math import ceil

from archive.shared.quotes import normalise_words
from .state import (ABOVE_HEADLINE, BLANK, BOILERPLATE, BYLINE, COMMENT_BODY, COMMENT_HEADER, DATELINE, EPIGRAPH,
                    LINE_MODEL, NAVIGATION, ParseState, SiteLines)

_SKIP_LINK = re.compile(r"^Skip to\b", re.IGNORECASE)  # every site has one: it names none

REPEAT_MIN = 3  # captures of one site before a repeated line is boilerplate
MAX_REPEATED_LENGTH = 200  # longer lines that recur are more likely shared quotes


def line_key(text: str) -> str:
    return " ".join(normalise_words(text))


def known_lines(state: ParseState) -> None:
    """Rule: claim the lines the corpus found repeated across this site's captures."""
    if state.site_lines is None:
        return
    for i, line in enumerate(state.lines):
        if state.free(i) and not line.blank and line_key(line.text) in state.site_lines.lines:
            state.claim(i, BOILERPLATE, state.site_lines.why)


def site_key(state: ParseState) -> str | None:
    """Captures of one site: the site the capture names, else its menu or blog header."""
    if state.site:
        return f"site:{state.site.casefold()}"
    for line in state.lines:
        if (line.role == BOILERPLATE and line.why in (NAVIGATION, EPIGRAPH)
                and not _SKIP_LINK.match(line.text.strip())):
            return f"header:{line.text.strip().casefold()}"
    return None


def _candidates(state: ParseState) -> tuple[set[str], set[str]]:
    """The lines that may be the site's furniture: those the rules left (but
    bylines, datelines and comments), and those only the line model set aside
    (it may keep the same slogan as a headline in another capture) or set
    aside for lying above the headline (a tagline, a promotion)."""
    kept, set_aside = set(), set()
    for line in state.lines:
        if len(line.text.strip()) > MAX_REPEATED_LENGTH:
            continue
        if line.role not in (BLANK, BOILERPLATE, BYLINE, DATELINE, COMMENT_HEADER, COMMENT_BODY):
            kept.add(line_key(line.text))
        elif line.role == BOILERPLATE and line.why in (LINE_MODEL, ABOVE_HEADLINE):
            set_aside.add(line_key(line.text))
    return kept - {""}, set_aside - {""}


@dataclass(frozen=True)
class SiteEvidence:
    """What one parse tells of its site: which site, the lines that could be its
    furniture, its headline, and the page it is (the longest of those lines
    that the model kept: a footer it set aside may be longer, and the same on
    every page; None if it kept none)."""

    key: str | None
    lines: frozenset[str]
    site: str | None
    title: str | None = None  # `line_key`
    page: str | None = None


def evidence(state: ParseState) -> SiteEvidence:
    kept, set_aside = _candidates(state)
    return SiteEvidence(site_key(state), frozenset(kept | set_aside), state.site,
                        line_key(state.title) if state.title else None, _longest(kept))


def _longest(lines: set[str] | frozenset[str]) -> str | None:
    """The longest of ``lines`` (the first in order among equals), None without lines."""
    return max(lines, key=lambda key: (len(key), key)) if lines else None


def repeated_lines(found: list[SiteEvidence]) -> list[SiteLines | None]:
    """For each parse (its `evidence`), its site's repeated lines (in at least
    half, and at least three, of the site's captures), or None."""
    groups: dict[str, list[int]] = defaultdict(list)
    for n, seen in enumerate(found):
        if seen.key:
            groups[seen.key].append(n)
    known: list[SiteLines | None] = [None] * len(found)
    for members in groups.values():
        # Several captures of one page count once: what they share is the page, not the
        # site. A page is known by its longest line the model kept, of those short enough to be furniture.
        pages: dict[str, set[str]] = defaultdict(set)
        headlines: dict[str, set[str]] = defaultdict(set)
        for n in members:
            lines = found[n].lines
            page = found[n].page or str(n)  # no line kept: a page of its own
            pages[page] |= lines
            if found[n].title:
                headlines[page].add(found[n].title)
        if len(pages) < REPEAT_MIN:
            continue
        counts: Counter[str] = Counter()
        for lines in pages.values():
            counts.update(lines)
        threshold = max(REPEAT_MIN, ceil(len(pages) / 2))
        repeated = frozenset(key for key, count in counts.items() if count >= threshold)
        if repeated:
            site = next((found[n].site for n in members if found[n].site), None) or "one site"
            # a line that heads one page is that page's headline there, though the site's other pages list
            # it (a teaser); a line that heads several pages is the site's (a slogan). A slogan the first
            # reading took for the headline of one page only stays that page's title: the two look alike.
            heads = Counter(title for titles in headlines.values() for title in titles)
            for n in members:
                own = found[n].title if found[n].title and heads[found[n].title] == 1 else None
                lines = repeated - {own}
                known[n] = SiteLines(site, lines) if lines else None
    return known
