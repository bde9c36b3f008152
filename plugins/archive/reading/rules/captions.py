"""Image captions and standfirsts: shown apart from the numbered article text."""

from __future__ import annotations

import re

from ..state import BYLINE, CAPTION, DATELINE, ParseState

MAX_CAPTION_LENGTH = 400
MAX_CAPTION_HEADING_WORDS = 6
MAX_STANDFIRST_LINES = 2
MAX_STANDFIRST_REACH = 8  # lines below the title where a byline may close a standfirst
# A credit closes a caption: "… REUTERS/ Alaa Al-Marjani", "(Photo: Jane Roe/Reuters)",
# "Photograph by Lena Ortiz", "(Ledger file photo)". A sentence that mentions
# Reuters ("the minister told Reuters on Monday.") is not one.
_PHOTO_CREDIT = re.compile(
    r"(?:\b(?:REUTERS|Reuters/|AP Photo|AFP|Getty Images|EPA)\b[^.]{0,60}"
    r"|\b(?:Photo|Photograph|Image|Credit|Photo credit)\s*:[^.]{0,80}\.?"
    r"|\bPhoto(?:graph)? by\b[^.]{0,60}\.?|\bCourtesy of\b[^.]{0,80}\.?"
    r"|\([^()]{0,40}\b(?:[Pp]hoto(?:graph)?|[Ii]mage|[Ff]ile photo)\b[^()]{0,60}\)"
    r"|\([\w.-]+\.(?:com|org|net|gov)\))\s*$"
)


# "A 14-pound turkey coming off the smoker at 160 degrees.": a noun and a participle,
# one short sentence standing alone: how a picture is described, with or without credit.
_PICTURE = re.compile(r"^An?\s+(?P<noun>(?:[\w'’-]+\s+){1,4}?)[a-z]{2,}ing\s[^.!?;:]{0,100}\.$")
_NOT_A_NOUN = {"is", "are", "was", "were", "be", "been", "of", "for", "to", "in", "on", "at", "by", "with", "about"}
MAX_PICTURE_LENGTH = 140


# "The box on its first morning, before the paint had dried.": a thing and where or when, no verb;
# only right under the byline, where a page shows its lead picture.
_SCENE = re.compile(r"^(?:The|A|An)\s+[\w'’-]+\s+(?:on|in|at|with|during|before|after|from|near"
                    r"|under|beside|outside|inside)\s+(?P<clause>[^.!?;:,]{1,80})(?:,[^.!?;:]{0,100})?\.$")
_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|do|does|did|may|might|must|should)\b"
                   r"|\w{3,}ed\b")


def _describes_picture(state: ParseState, i: int) -> bool:
    text = state.lines[i].stripped
    if (len(text) > MAX_PICTURE_LENGTH or not (i == 0 or state.lines[i - 1].blank)
            or not (i + 1 >= len(state.lines) or state.lines[i + 1].blank)):
        return False
    match = _PICTURE.match(text) if text[:2] in ("A ", "An") else None
    if match and match["noun"].split()[-1].lower() not in _NOT_A_NOUN:
        return True
    above = state.previous_text_line(i)
    scene = _SCENE.match(text) if above is not None and state.lines[above].role in (BYLINE, DATELINE) else None
    return bool(scene and not _VERB.search(text.split(",")[0]))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def photo_captions(state: ParseState) -> None:
    """A line with a photo credit is a caption; so is a short heading right above it,
    and a later line that repeats a caption's opening words."""
    opening = set()
    for i in range(state.article_end):
        line = state.lines[i]
        if not state.free(i) or line.blank or len(line.stripped) > MAX_CAPTION_LENGTH:
            continue
        words = _words(line.stripped)
        if (_PHOTO_CREDIT.search(line.stripped) or (len(words) >= 6 and tuple(words[:6]) in opening)
                or _describes_picture(state, i)):
            state.claim(i, CAPTION)
            opening.add(tuple(words[:6]))
            above = i - 1
            if (state.free(above) and not state.lines[above].blank
                    and len(_words(state.lines[above].stripped)) <= MAX_CAPTION_HEADING_WORDS
                    and not state.lines[above].stripped.endswith((".", ":", "?", "!"))):
                state.claim(above, CAPTION)


def standfirst(state: ParseState) -> None:
    """Text between the title and a byline below it is a standfirst."""
    title = next((i for i, line in enumerate(state.lines) if line.role == "title"), None)
    if title is None:
        return
    byline = next((i for i in range(title + 1, min(state.article_end, title + MAX_STANDFIRST_REACH))
                   if state.lines[i].role == "byline"), None)
    if byline is None:
        return
    between = [i for i in range(title + 1, byline) if state.free(i) and not state.lines[i].blank]
    if len(between) <= MAX_STANDFIRST_LINES:  # more is the article, with its byline at the end
        for i in between:
            state.claim(i, CAPTION)
