"""A note's Markdown body: short links checked, then rendered safely.

Short links name what the archive publishes: ``[[doc:<id>]]``,
``[[doc:<id>#p2]]``, ``[[doc:<id>#c7]]``, ``[[quote:<id>]]``,
``[[actor:<id>]]`` and ``[[note:<id>]]``, each optionally with its own words:
``[[actor:muqtada-al-sadr|Sadr]]``. Raw HTML is shown as text, and
markdown-it refuses ``javascript:``, ``vbscript:``, ``file:`` and ``data:`` links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

SHORT_LINK = re.compile(r"\[\[(doc|quote|actor|note):([^\]|#\s]+)(?:#([pca][1-9][0-9]*))?(?:\|([^\]]+))?\]\]")
_BRACKETS = re.compile(r"\[\[[^\[\]\n]*\]\]")
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")

# CommonMark, raw HTML escaped; an image is shown as its description (a note must not load anything
# from elsewhere).
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "typographer": False})
_MARKDOWN.add_render_rule("image", lambda self, tokens, idx, options, env: escapeHtml(tokens[idx].content))


@dataclass(frozen=True)
class Link:
    path: str  # from the site's top: doc/<id>/index.html#p2
    words: str  # shown when the editor gave none


# (kind, id, anchor) → Link, or an error message saying what does not exist
Resolver = Callable[[str, str, str | None], "Link | str"]


def check_links(body: str, resolve: Resolver) -> list[tuple[int, str]]:
    """(line within the body, message) for each short link naming nothing the archive publishes,
    and for each ``[[…]]`` that is not a short link at all."""
    problems = []
    for match in _BRACKETS.finditer(body):
        line = body.count("\n", 0, match.start())
        link = SHORT_LINK.fullmatch(match.group(0))
        if link is None:
            problems.append((line, f"{match.group(0)}: not a short link; write [[doc:<id>]], [[doc:<id>#p2]], "
                                   "[[quote:<id>]], [[actor:<id>]] or [[note:<id>]], optionally with |words"))
            continue
        found = resolve(link.group(1), link.group(2), link.group(3))
        if isinstance(found, str):
            problems.append((line, f"{match.group(0)}: {found}"))
    return problems


def render(body: str, resolve: Resolver, base: str) -> str:
    """HTML of ``body``; short links point at ``base``/path (``base`` is the
    page's way to the site's top, such as "../..")."""
    def link(match: re.Match) -> str:
        found = resolve(match.group(1), match.group(2), match.group(3))
        if isinstance(found, str):  # reported by check_links; shown as written
            return match.group(0)
        words = match.group(4) or found.words
        return "[" + _PUNCTUATION.sub(r"\\\1", words) + f"](<{base}/{found.path}>)"

    return _MARKDOWN.render(SHORT_LINK.sub(link, body))
