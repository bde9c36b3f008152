"""Comment layouts: one module each. Every finder claims the comments of its
layout, or nothing; `find_comments` tries them in order, the first that finds
comments wins. A new platform is one new module and one entry in `LAYOUTS`.
"""

from __future__ import annotations

from ...state import ParseState
from .attribution import attribution
from .authorless import authorless
from .blogger import blogger
from .disqus import disqus
from .forum import forum
from .signed import signed
from .stacked import stacked
from .votes import votes
from .wordpress import wordpress
from .wrote import wrote

# `authorless` runs last, once teasers are known
LAYOUTS = (wordpress, attribution, blogger, disqus, wrote, forum, signed, votes, stacked)

__all__ = ["LAYOUTS", "authorless", "find_comments"]


def find_comments(state: ParseState) -> None:
    for layout in LAYOUTS:
        if layout(state):
            return
