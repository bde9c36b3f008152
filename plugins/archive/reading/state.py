"""The line state every recogniser works on: each line ends in exactly one role."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .hygiene import repair_line

# Roles a line of a capture can take.
TITLE = "title"
BYLINE = "byline"
DATELINE = "dateline"
BODY = "body"
CAPTION = "caption"  # image captions and standfirsts
BOILERPLATE = "boilerplate"
COMMENT_HEADER = "comment-header"
COMMENT_BODY = "comment-body"
BLANK = "blank"

# Why boilerplate was set aside (shown to readers, listed in the record).
NAVIGATION = "navigation"
BREADCRUMB = "breadcrumb"
EPIGRAPH = "blog header or epigraph"
FOOTER = "share/footer"
TEASERS = "related or latest-news teasers"
COMMENT_FURNITURE = "comment-section furniture"
AVATAR = "avatar initial"
ADVERTISEMENT = "advertisement"
SUBSCRIPTION = "subscription prompt"
AFTER_COMMENTS = "after the comments"
LINE_MODEL = "not article text (line model)"
ABOVE_HEADLINE = "above the headline"


# A line ends at \n, \r\n or \r only: form feeds, U+2028 and NEL stay inside the line,
# so that line numbers agree with what an editor (and `grep -n`) shows.
_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n)|([^\r\n]+)\Z")


@dataclass
class Line:
    number: int  # 1-based, as an editor counts lines
    raw: str  # as decoded from the capture, without its line ending
    ending: str
    text: str = ""  # repaired (mojibake, NFC): what every rule reads
    role: str | None = None
    why: str | None = None

    @cached_property  # a line's text is set once (`ParseState.from_text`), and every rule reads it
    def stripped(self) -> str:
        return self.text.strip()

    @cached_property
    def blank(self) -> bool:
        return not self.stripped

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip())


@dataclass
class Comment:
    number: int
    author: str | None
    date: str | None
    lines: list[int]  # indices of the comment's body lines
    text: str = ""
    duplicate_of: int | None = None
    header: int | None = None  # index of its header or attribution line (None: it has none)
    # every line of its header or footer (may be left empty when ``header`` is the only one)
    header_lines: list[int] = field(default_factory=list)
    header_text: str = ""
    quoted_lines: list[int] = field(default_factory=list)  # lines of `text` that quote another text
    replies_to: int | None = None  # the comment it answers
    quotes: list[str] = field(default_factory=list)  # anchors it quotes: p3, c11
    date_inferred: str | None = None  # how ``date`` was inferred where its stamp did not say it all (year, order)

    def all_header_lines(self) -> list[int]:
        """Its header or footer lines (name, stamp), ``header`` among them."""
        return sorted({*self.header_lines, *([self.header] if self.header is not None else [])})

    def first_line(self) -> int | None:
        """Where the comment stands: its header or attribution line, else its first line."""
        return self.header if self.header is not None else min(self.own_lines(), default=None)

    def own_lines(self) -> list[int]:
        """The comment's lines: its header or footer and its body."""
        return sorted({*self.lines, *self.all_header_lines()})


@dataclass(frozen=True)
class SiteLines:
    """What a corpus knows about one site: the lines its captures repeat."""

    site: str
    lines: frozenset[str]

    @property
    def why(self) -> str:
        return f"repeated across captures of {self.site}"


@dataclass
class ParseState:
    lines: list[Line]
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    date_inferred: str | None = None  # where the year of ``date`` came from, when its dateline gave none
    title_timed: bool = False  # the title line's time of day completed the dateline ("09:02 am - <headline>")
    site: str | None = None
    comments: list[Comment] = field(default_factory=list)
    comments_start: int | None = None  # first line of the comment section
    # "23 Responses to…": how many the page says it has (rules.counts.state_count: None while the rules run)
    comments_stated: int | None = None
    # the count headings the furniture pass set aside, in page order: line, count, whether it names the post
    count_headings: list[tuple[int, int, bool]] = field(default_factory=list)
    site_lines: SiteLines | None = None  # what the corpus knows of this site's repeated lines
    # lines set aside for where they lie (under a comment form's heading), not for what they say
    presumed: set[int] = field(default_factory=set)

    @classmethod
    def from_text(cls, text: str) -> ParseState:
        lines = []
        for number, match in enumerate(_LINE.finditer(text), start=1):
            raw, ending = (match[1], match[2]) if match[2] else (match[3], "")
            lines.append(Line(number=number, raw=raw, ending=ending, text=repair_line(raw)))
        return cls(lines=lines)

    def free(self, index: int) -> bool:
        return 0 <= index < len(self.lines) and self.lines[index].role is None

    def claim(self, index: int, role: str, why: str | None = None) -> None:
        line = self.lines[index]
        if line.role is not None:
            raise AssertionError(f"line {line.number} claimed twice ({line.role}, {role})")
        line.role, line.why = role, why

    def reclaim(self, index: int, role: str, why: str | None = None) -> None:
        """Give a more specific role to a line a broader rule set aside as boilerplate."""
        line = self.lines[index]
        if line.role not in (None, BOILERPLATE):
            raise AssertionError(f"line {line.number} is {line.role}, not boilerplate")
        line.role, line.why = role, why

    def next_text_line(self, index: int) -> int | None:
        """Index of the first non-blank line at or after ``index``."""
        for i in range(index, len(self.lines)):
            if not self.lines[i].blank:
                return i
        return None

    def previous_text_line(self, index: int) -> int | None:
        for i in range(index - 1, -1, -1):
            if not self.lines[i].blank:
                return i
        return None

    @property
    def article_end(self) -> int:
        """Index where the article (and what follows it) gives way to comments."""
        return len(self.lines) if self.comments_start is None else self.comments_start
