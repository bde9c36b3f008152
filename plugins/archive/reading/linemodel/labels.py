"""The line model's labels, and how a parse's roles map onto them."""

from __future__ import annotations

from ..state import (BLANK as BLANK_ROLE, BODY, BOILERPLATE, BYLINE, CAPTION, COMMENT_BODY, COMMENT_HEADER,
                     DATELINE, TITLE as TITLE_ROLE)

TITLE, ARTICLE, COMMENT, OTHER, BLANK = "title", "article", "comment", "other", "blank"
LABELS = (TITLE, ARTICLE, COMMENT, OTHER)

ROLE_LABEL = {
    TITLE_ROLE: TITLE, BYLINE: ARTICLE, DATELINE: ARTICLE, BODY: ARTICLE, CAPTION: ARTICLE,
    COMMENT_HEADER: COMMENT, COMMENT_BODY: COMMENT, BOILERPLATE: OTHER, BLANK_ROLE: BLANK,
}
