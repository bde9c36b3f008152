"""Furniture that shows as a block (lines with no blank between them): a share
bar of counters, a sign-up prompt closed by its button, a tag list, a blog's
list of monthly archives, a comment section's heading, the page's last block of links."""

from __future__ import annotations

import re

from . import masthead
from .counts import comment_count_heading
from .sections import COUNTER, FOOTER_BLOCK, opens_comment_section
from archive.shared.dates import MONTHS
from ..state import BOILERPLATE, COMMENT_FURNITURE, FOOTER, NAVIGATION, SUBSCRIPTION, ParseState

MAX_PROMPT_LINES = 5
MAX_PROMPT_LINE = 300
MAX_FOOTER_LINE = 150
MIN_LINK_BLOCK = 3
_ASKS = re.compile(r"\b(?:subscri\w*|support|sign up|e-?mail|members?(?:hip)?|for more)\b", re.IGNORECASE)
_ARCHIVE_HEADING = re.compile(r"^(?:Blog )?Archives?:?$", re.IGNORECASE)
_MONTH_LINK = re.compile(rf"^(?:{'|'.join(MONTHS)}) \d{{4}}(?: \(\d+\))?$")  # "March 2009 (4)"
_DEBRIS = re.compile(r"\S(?:\s+[:|·•»]+)+$")  # "someone's diary :: ::": a row of links that lost its links
_LABEL_VALUE = re.compile(r"^[A-Z][\w ]{0,25}:\s.{1,80}(?<![.!?])$")  # "Current Mood: accomplished"
MIN_ROW_LINKS = 4


def link_row(text: str) -> bool:
    """``FAQ  Story Archive  Terms  Privacy``: short links side by side, two spaces apart."""
    items = [item.strip() for item in text.split("  ") if item.strip()]
    return len(items) >= MIN_ROW_LINKS and all(masthead.short_link(item) for item in items)


def _blocks(state: ParseState) -> list[list[int]]:
    blocks, block = [], []
    for i, line in enumerate(state.lines):
        if line.blank:
            if block:
                blocks.append(block)
            block = []
        else:
            block.append(i)
    return blocks + [block] if block else blocks


def _set_aside(state: ParseState, lines: list[int], why: str) -> None:
    for i in lines:  # a line the whole site repeats keeps that reason
        if state.lines[i].role is None or (state.lines[i].role == BOILERPLATE
                                           and not state.lines[i].why.startswith("repeated across")):
            state.reclaim(i, BOILERPLATE, why)


def _is(state: ParseState, i: int, why: str) -> bool:
    return i < len(state.lines) and state.lines[i].role == BOILERPLATE and state.lines[i].why == why


def _footer_run(state: ParseState, lines: list[int]) -> list[int]:
    """A tag list's lines from its heading on ("Topics", "Written by …"), up to
    a line too long for furniture or a comment section's heading: a capture
    without blank lines runs on into the post or its comments."""
    end = next((k for k, i in enumerate(lines) if k and (len(state.lines[i].stripped) > MAX_FOOTER_LINE
                                                        or opens_comment_section(state, state.lines[i].stripped))),
               len(lines))
    return lines[:end]


def furniture_blocks(state: ParseState) -> None:
    blocks = _blocks(state)
    for n, block in enumerate(blocks):
        texts = [state.lines[i].stripped for i in block]
        if all(COUNTER.match(t) or _is(state, i, FOOTER) for i, t in zip(block, texts)) and any(
                COUNTER.match(t) for t in texts):
            _set_aside(state, block, FOOTER)  # "48 Likes / 12 Comments / Share"
        elif (len(block) <= MAX_PROMPT_LINES and masthead.button(texts[-1])
              and all(len(t) <= MAX_PROMPT_LINE for t in texts) and any(_ASKS.search(t) for t in texts[:-1])):
            _set_aside(state, block, SUBSCRIPTION)  # "Thanks for reading! Subscribe… / Type your email… / Subscribe"
        elif _ARCHIVE_HEADING.match(texts[0]) and len(block) > 1 and all(_MONTH_LINK.match(t) for t in texts[1:]):
            _set_aside(state, block, NAVIGATION)  # "Archives / March 2009 / February 2009"
        elif (head := next((k for k, t in enumerate(texts) if FOOTER_BLOCK.match(t)), None)) is not None:
            _set_aside(state, _footer_run(state, block[head:]), FOOTER)  # "Topics / Wildlife / Rivers / Share"
        for k in range(len(block) - 1, 0, -1):  # "Current Mood: …" right above "Tags: …"
            if (_is(state, block[k], FOOTER) and state.free(block[k - 1])
                    and (_LABEL_VALUE.match(texts[k - 1]) or _DEBRIS.search(texts[k - 1]))):
                state.claim(block[k - 1], BOILERPLATE, FOOTER)
        for k in range(1, len(block)):  # "Share" over a row of tags
            if _is(state, block[k - 1], FOOTER) and state.free(block[k]) and link_row(texts[k]):
                state.claim(block[k], BOILERPLATE, FOOTER)
        count = next((k for k, t in enumerate(texts) if k and comment_count_heading(state, t) is not None), None)
        if count is not None and all(state.free(i) and masthead.short_link(t)
                                     for i, t in zip(block[:count], texts[:count])):
            _set_aside(state, block[:count], COMMENT_FURNITURE)  # "Member discussion" over "6 comments"
        for i in block:  # "36 / Reply": a comment's votes
            if _is(state, i + 1, COMMENT_FURNITURE) and state.free(i) and COUNTER.match(state.lines[i].stripped):
                state.claim(i, BOILERPLATE, COMMENT_FURNITURE)
    for n, block in enumerate(blocks):
        last = n + 1 == len(blocks)
        following = blocks[n + 1][0] if not last else None
        texts = [state.lines[i].stripped for i in block]
        if (last and any(_is(state, i, FOOTER) or link_row(t) for i, t in zip(block, texts))
                and all(len(t) <= MAX_FOOTER_LINE for t in texts)):
            _set_aside(state, [i for i in block if state.free(i)], FOOTER)  # the page's last block
        elif (len(block) >= MIN_LINK_BLOCK and (last or _is(state, following, FOOTER))
              and all(masthead.short_link(t) or _is(state, i, FOOTER) for i, t in zip(block, texts))):
            _set_aside(state, [i for i in block if state.free(i)], FOOTER)  # "Gardening / Libraries / Community"
