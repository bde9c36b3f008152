"""Bylines inside the article: ``By Eric Schmitt, Mark Mazzetti and Michael R. Gordon``."""

from __future__ import annotations

import re

from archive.shared.dates import (DATE_PATTERN, MONTH_PATTERN, MONTHS, TIME_PATTERN, WEEKDAY_PATTERN, find_dates,
                                  iso_datetime, parse_time)
from ..state import BYLINE, ParseState
from . import authorline, header
from .counts import comment_count_heading
from .sections import article_like

_NAME = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}"
_BY = re.compile(rf"^By\s+(?!(?:The|A|An|This|These|Our)\b)(?P<names>{_NAME}(?:(?:,\s+|,?\s+and\s+){_NAME})*)"
                 r"(?:,\s+[^,|]{0,40}\b(?i:writer|correspondent|reporter|editor|contributor|columnist|staff)\b)?"
                 rf"(?:\s*[|·,–—-]\s*(?P<date>{DATE_PATTERN})(?:,?\s+(?:at\s+)?(?P<time>{TIME_PATTERN}))?)?$")
_SOURCE = re.compile(r"^(?:Source|Originally published (?:in|by)|Via):?\s+(?P<site>[A-Z][^.:]{1,60})$")
MAX_PUBLICATION_WORDS = 6


_PUBLICATION_WORDS = re.compile(
    r"\b(?:Times|Post|News|Journal|Herald|Tribune|Gazette|Daily|Press|Review|Magazine|Chronicle|Ledger|"
    r"Courier|Telegraph|Guardian|Observer|Globe|Mail|Express|Record|Reuters|Associated|Bulletin|Dispatch|"
    r"Standard|Independent|Economist|Monitor|Inquirer|Examiner|Register|Sentinel|Wire)\b")


def is_publication(text: str) -> bool:
    """``The New York Times``: a few capitalised words with a newspaper's word in
    them (checked word by word: no crafted line can make a regular expression
    backtrack for minutes). "Exclusive Report" above a byline is not a site."""
    words = text.split()
    return (0 < len(words) <= MAX_PUBLICATION_WORDS and bool(_PUBLICATION_WORDS.search(text))
            and all(re.fullmatch(r"[A-Z][\w&.’'-]*", word) for word in words))
MAX_BYLINE_SEARCH = 40  # bylines stand near the top of an article


_POSTED_BY = re.compile(rf"^Posted by\s+(?:\[\w{{1,10}}\])?(?P<author>{_NAME}|[\w-]{{2,40}}$)"  # "[info]user": a tag
                        rf"(?:\s+at\s+(?P<time>{TIME_PATTERN}))?"
                        rf"(?:\s+on\s+(?P<date>{DATE_PATTERN}))?(?:\s+in\s+[^|]{{1,60}}?)?(?:\s*\|.{{0,60}})?\s*$")


_ROLE_WORDS = re.compile(r"\b(?:Writer|Correspondent|Reporter|Editor|Contributor|Columnist|Staff|Desk)$")


_BETWEEN_NAMES = re.compile(r"(,\s*(?:and\s+)?|\s+and\s+)")


# "Adam MannEmail Author": a link that a copied page ran into the name
_GLUED_LINK = re.compile(r"(?<=[a-z])(?:Email|Follow|Contact)\b.*$")  # not "More", "View": names end so ("LaMore")


def split_names(names: str) -> list[str]:
    """"Jane Doe, Associated Press Writer" → ["Jane Doe"]: a job is not an author;
    nor is what a comma adds after the names as one word or a publication: the
    dateline's place or the wire ("…, Baghdad", "…, Reuters", "…, Associated Press");
    nor a link glued to the last name ("Adam MannEmail Author")."""
    parts = _BETWEEN_NAMES.split(_GLUED_LINK.sub("", names))  # name, separator, name, …
    found = []
    for n in range(0, len(parts), 2):
        name = parts[n].strip()
        if not name or _ROLE_WORDS.search(name):
            continue
        comma = n > 0 and parts[n - 1].lstrip().startswith(",") and "and" not in parts[n - 1]
        if comma and found and (" " not in name or is_publication(name)):
            continue
        found.append(name)
    return found


def by_line(state: ParseState) -> None:
    """Claim the first ``By …`` line, and the publication line just above it."""
    stop = min(state.article_end, MAX_BYLINE_SEARCH)
    for i in range(stop):
        if not state.free(i):
            continue
        match = _BY.match(state.lines[i].stripped)
        if not match:
            continue
        state.claim(i, BYLINE)
        if not state.authors:
            state.authors = split_names(match["names"])
        if match["date"] and state.date is None:
            state.date = iso_datetime(match["date"], match["time"])
        _around_byline(state, i)
        return


def _around_byline(state: ParseState, i: int) -> None:
    """The lines next to a byline: a publication or "Source:" line above, a dateline below."""
    above = state.previous_text_line(i)
    if above is not None and state.free(above):
        text = state.lines[above].stripped
        source = _SOURCE.match(text)
        if source:
            state.claim(above, BYLINE)
            state.site = source["site"].strip()  # the publication, not the aggregator
        elif is_publication(text):
            state.claim(above, BYLINE)
            state.site = state.site or text
    below = state.next_text_line(i + 1)  # "Staff Writer", "March 4, 2008 | 9:52 p.m." then "Updated …"
    if below is not None and state.free(below) and authorline.is_role_line(state.lines[below].stripped):
        state.claim(below, BYLINE)
        below = state.next_text_line(below + 1)
    while below is not None and state.free(below) and below < state.article_end and header.dateline(state, below):
        below = state.next_text_line(below + 1)


_SIGNATURE = re.compile(rf"^[-–—]+\s*(?i:by)\s+(?P<names>{_NAME}(?:(?:,\s+|,?\s+and\s+){_NAME})*)"
                        rf"(?:,\s+(?P<date>{DATE_PATTERN}))?$")


def signature(state: ParseState) -> None:
    """``— by J. Smith, 12 May 2011`` under the last paragraph: the author signs off."""
    last = state.previous_text_line(state.article_end)
    while last is not None and not state.free(last):  # below the furniture under the article
        last = state.previous_text_line(last)
    match = _SIGNATURE.match(state.lines[last].stripped) if last is not None else None
    if match and not state.authors:
        state.claim(last, BYLINE)
        state.authors = split_names(match["names"])
        if match["date"] and state.date is None:
            state.date = iso_datetime(match["date"])


def posted_by(state: ParseState) -> None:
    """Blogger's ``Posted by Maria at 9:15 AM`` under the post: author, and the
    time of day that completes the date header above the post. Not a line under
    a count of comments that comes after the post's prose, when more such lines
    follow: the comments' own footers ("Comments (3)" over three "Posted by
    Anonymous | …"); a count under the headline, above the prose, is the post's link."""
    counted = prose = False
    for i in range(state.article_end):
        text = state.lines[i].stripped
        if (comment_count_heading(state, text) or 0) > 0:
            counted = counted or prose
        elif article_like(text):
            prose = True
        match = _POSTED_BY.match(text) if state.free(i) else None
        if not match:
            continue
        if counted and any(_POSTED_BY.match(state.lines[j].stripped) for j in range(i + 1, state.article_end)):
            return
        state.claim(i, BYLINE)
        state.authors = state.authors or [match["author"]]
        if match["date"]:
            state.date = state.date or iso_datetime(match["date"], match["time"])
        elif match["time"] and state.date and "T" not in state.date:
            hour, minute = parse_time(match["time"])
            state.date = f"{state.date}T{hour:02d}:{minute:02d}"
        return


MAX_BYLINE_LENGTH = 160  # a longer line is text, not a byline
# "By Marta Quill", "by Oren Vasquez on June 3, 2012 in Gardening", "14 May 2012 by Ines Barrow Comments (0)",
# "By: Tobias Renn (Guest) | May 12th, 2012", "by Jo Lee 6 Nov 2012", "by jasonmarkey 0 Comments": the name runs
# to a separator, "on", "in", "at", a weekday, a date or the count of comments
_NAME_ENDS = (r"on|in|at|posted|published|last|more|with|for|from|via|discuss|comments?|share|permalink|email|print|"
              rf"tweet|leave|reply|topics?|tags?|categor(?:y|ies)|filed|updated|{WEEKDAY_PATTERN}|"
              rf"(?:mon|tue|wed|thu|fri|sat|sun)\.?|{MONTH_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?"
              rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN}|\d+\s+(?:comments?|responses?|replies)")
MAX_NAME_WORDS = 5  # a longer name is cut at this many words
_BY_NAME = re.compile(r"(?:^|(?<=[\s|·•—–/:-]))(?:[Bb]y|Author):?\s*(?<=[\s:])"
                      rf"(?P<name>\w[\w.’'-]*(?:\s+(?!(?i:{_NAME_ENDS})\b)\w[\w.’'-]*){{0,{MAX_NAME_WORDS - 1}}})"
                      r"(?P<comma_clause>,\s+[a-z])?")  # "By contrast, the …": a sentence, not a byline
_NAME_WORD = re.compile(r"[A-Z][\w.’'-]*|[\w.-]{2,40}")
_NOT_A_NAME = frozenset("the a an this these that our your my email e-mail clicking subscribing using default "
                        "agencies far way".split())
# Words that may stand before a byline's "by": labels, and what a dateline leaves (a time, a zone: "AEST")
_BY_LABELS = frozenset("posted written submitted published penned filed story words text report reported article "
                       "on at am pm est edt pst pdt cst cdt gmt utc bst pt et monday tuesday wednesday thursday friday "
                       "saturday sunday mon tue wed thu fri sat sun".split())
_NAME_PARTICLES = frozenset("and van von der den de del della da di du la le al bin ibn".split())  # "Pieter van Dam"
_NOT_ONE_NAME = re.compile(rf"\d+|(?i:{WEEKDAY_PATTERN}|{'|'.join(MONTHS)}|then|now)")


def byline_names(text: str) -> list[str]:
    """The names a byline gives ("By Wendell Ash, Harbour Wire" → ["Wendell Ash"]), or none."""
    if len(text) > MAX_BYLINE_LENGTH:
        return []
    for match in _BY_NAME.finditer(text):
        before = text[:match.start()]
        for _day, start, end in reversed(list(find_dates(before))):
            before = before[:start] + before[end:]
        before = re.split(r"[,;|·•—–]|\s-\s", before)[-1]  # what stands between the last separator and "by"
        words = re.findall(r"[^\W\d_]+", before)
        if any(word.lower() not in _BY_LABELS and not (word.isupper() and len(word) <= 4) for word in words):
            continue  # "powered by", "The film was shot by": not a byline
        name = match["name"].strip(" .")
        tokens = name.split()
        if not tokens or tokens[0].lower() in _NOT_A_NAME:
            continue
        if len(tokens) > 1 and not all(_NAME_WORD.fullmatch(t) and t[0].isupper()
                                       for t in tokens if t not in _NAME_PARTICLES):
            continue  # several words: people's names are capitalised
        if match["comma_clause"] or len(tokens) == 1 and (not _NAME_WORD.fullmatch(name)
                                                          or _NOT_ONE_NAME.fullmatch(name)):
            continue  # "By contrast, the …", "By 2010", "By Friday": a sentence, or when, not who
        return split_names(name)
    return []
