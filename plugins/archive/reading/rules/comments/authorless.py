"""Comments that name no author, set apart from the article by a wide gap (seed 001)."""

from __future__ import annotations

from ...state import COMMENT_BODY, Comment, ParseState

AUTHORLESS_GAP = 3  # blank lines between an article and comments that name no author


def authorless(state: ParseState) -> bool:
    """Comments that name no author, set apart from the article by a wide gap."""
    if state.comments:
        return False
    run, seen_text = 0, 0
    for i, line in enumerate(state.lines):
        if line.blank:
            run += 1
            continue
        if run >= AUTHORLESS_GAP and seen_text >= 3 and state.free(i):
            text = [j for j in range(i, len(state.lines)) if not state.lines[j].blank]
            rest = [j for j in text if state.free(j)]
            if not rest or rest != text[:len(rest)]:
                return False  # known furniture among them: not a plain run of comments
            state.comments_start = i
            for number, j in enumerate(rest, start=1):
                state.claim(j, COMMENT_BODY)
                state.comments.append(Comment(number, None, None, [j]))
            return True
        run = 0
        if state.lines[i].role is None:
            seen_text += 1
    return False
