"""Parse a capture's text: an ordered chain of recognisers gives every line a role.

To support a new layout, add a rule to a module in `rules/` and a line here.
"""

from __future__ import annotations

from . import metadata, sitewide
from .rules import blocks, byline, captions, comments, counts, header, sections
from .linemodel.relabel import relabel
from .state import BLANK, BODY, ParseState, SiteLines


def body_and_blanks(state: ParseState) -> None:
    """The last rule to claim lines: a line no other rule claimed is article text (or blank)."""
    for i, line in enumerate(state.lines):
        if state.free(i):
            state.claim(i, BLANK if line.blank else BODY)


# The chain, in order; the names say what each step is for.
RULES = (
    ("repeated across the site", sitewide.known_lines),
    ("header", header.read_header),
    ("furniture", sections.furniture_lines),
    ("furniture blocks", blocks.furniture_blocks),
    ("comments", comments.find_comments),
    ("byline", byline.by_line),
    ("signature", byline.signature),
    ("standfirst", captions.standfirst),
    ("teasers", sections.teaser_blocks),
    ("posted by", byline.posted_by),  # after the teasers: a teaser's "Posted by" is not the post's
    ("captions", captions.photo_captions),
    ("authorless comments", comments.authorless),
    ("comment form", sections.comment_form),
    ("after comments", sections.after_comments),
    ("body", body_and_blanks),
    ("stated count", counts.state_count),
)


def _finish_comments(state: ParseState) -> None:
    """Comment text from its body lines; a repeated comment points at its first copy."""
    first_copy: dict[tuple[str | None, str], int] = {}
    for comment in state.comments:
        lines = [state.lines[i].text for i in comment.lines]
        comment.text = "\n".join(line.strip() for line in lines)
        comment.header_text = state.lines[comment.header].text.strip() if comment.header is not None else ""
        if comment.author is None:  # "This comment was deleted." twice is not a double post
            continue
        key = (comment.author, comment.text)
        if key in first_copy and comment.text:
            comment.duplicate_of = first_copy[key]
        else:
            first_copy.setdefault(key, comment.number)


def parse_text(text: str, site_lines: SiteLines | None = None, model: bool = True) -> ParseState:
    """Give every line of ``text`` a role; ``site_lines`` is what the corpus knows
    of the lines this capture's site repeats. ``model=False`` gives the rules'
    verdicts alone (what the line model is trained on)."""
    state = ParseState.from_text(text)
    state.site_lines = site_lines
    for _name, rule in RULES:
        rule(state)
    if model:
        relabel(state)
        counts.state_count(state)  # of the thread the model settled
    _finish_comments(state)
    if model:  # near the headline the model chose
        metadata.date_post(state)
        metadata.author_post(state)
    metadata.date_comments_without_year(state)
    metadata.date_comments_in_numbers(state)
    return state
