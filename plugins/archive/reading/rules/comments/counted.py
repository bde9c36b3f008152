"""Comments the page counts or signs: a thread the line model did not read, or read wrong.

On a site it never saw, the line model may read a whole thread as furniture,
and no template is then induced from its comment lines; or another reading
may find more or fewer comments than the page says. The page itself may say
enough: a heading that states how many comments there are ("22 Comments") and,
under it, a stamped shape (``<DATE> , | permalink``) that repeats exactly that
many times (`counted_lines`); or, under a bare "Comments" heading below the
post, a stamped shape with a name in it that repeats at least three times
(`uncounted_lines`: "Posted by: <X> on <DATE> <TIME>" under each comment),
or, on a page that counts no comments, such a shape that heads each of four
comments or more, naming three people at least, under a story
(`headless_lines`). The lines from the heading (or the first repeat) to the
thread's end are then handed to the template reader
(`template.induced_comments`) as if the model had read them as comments; the
comments it cuts stand only if there are as many as the heading states, or as
the shape repeats (with no heading, as many or more), and, uncounted, if they
are told in sentences (`told_in_sentences`).
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict

from .named import MIN_PROSE_LINES, full_sentence
from .template import is_teaser, usable
from ..counts import comment_count_heading
from ..sections import article_like, is_comment_form_heading, is_uncounted_comment_heading, opens_comment_section
from ...shapes import MAX_TEMPLATE_LENGTH, VARYING, header_like, loose_shape, stamped, varying_words
from ...state import BODY, BOILERPLATE, COMMENT_BODY, COMMENT_HEADER, ParseState

MIN_COUNTED = 2  # comments a heading states, at least (one comment has no repeats)


def counted_lines(state: ParseState, free: set[int]) -> tuple[int, list[int]] | None:
    """The comments a heading states and the text lines under it, to the end of
    the thread its count confirms: the topmost heading under which a stamped
    shape repeats exactly as often as it says (not a reply count inside the
    thread, nor a sidebar's count below it), or, of two headings that count the
    same repeats of one shape (the post's "41 Comments" under its headline and
    the thread's "Comments (41)"), the lower: the thread opens under it, and
    a thread signed under each comment would otherwise open at the post's
    first paragraph. ``free``: lines set aside only for where they lie, which
    this reading may take, besides `template.usable` ones and other comments'
    lines (it may challenge their reading)."""
    text_lines = [i for i, line in enumerate(state.lines) if not line.blank]
    free = free | teasers_in_comments(state)
    takes = {j for j in text_lines if may_take(state, j, free)}
    stamped_shapes: dict[int, str] = {}  # each line's shape, made once: a page may have many count headings
    for j in takes:
        text = state.lines[j].stripped
        shape_text = loose_shape(text) if len(text) <= MAX_TEMPLATE_LENGTH else ""  # a longer line is no header
        if stamped(shape_text):
            stamped_shapes[j] = shape_text
    # from the foot up, how often each shape repeats under each line: one pass, however many headings
    repeats: Counter[str] = Counter()
    with_repeats: dict[int, set[str]] = defaultdict(set)  # shapes by how often they repeat below
    found = None
    for at in range(len(text_lines) - 1, -1, -1):
        i = text_lines[at]
        stated = comment_count_heading(state, state.lines[i].stripped)
        # one shape that repeats as often as the heading says (two alike in number: no sure template)
        if stated is not None and stated >= MIN_COUNTED and len(with_repeats[stated]) == 1:
            template = next(iter(with_repeats[stated]))
            # the topmost heading wins, but of two that count the same repeats of one shape, the lower
            if found is None or found[1:] != (stated, template):
                found = at, stated, template
        if i in stamped_shapes:
            shape_text = stamped_shapes[i]
            with_repeats[repeats[shape_text]].discard(shape_text)
            repeats[shape_text] += 1
            with_repeats[repeats[shape_text]].add(shape_text)
    if found is None:
        return None
    at, stated, template = found
    heads = [j for j in text_lines[at + 1:] if stamped_shapes.get(j) == template]
    return stated, _to_thread_end([j for j in text_lines[at + 1:] if j in takes], heads)


def may_take(state: ParseState, j: int, free: set[int]) -> bool:
    """May this reading take line ``j``: `template.usable`, ``free``, or another reading's comment?"""
    return usable(state, j) or j in free or state.lines[j].role in (COMMENT_HEADER, COMMENT_BODY)


def _to_thread_end(lines: list[int], heads: list[int]) -> list[int]:
    """The ``lines`` before the thread's end: its last repeat and the usual gap after it."""
    return [j for j in lines if j < heads[-1] + _usual_gap(heads)]


def _usual_gap(heads: list[int]) -> int:
    """The usual gap between repeats (two at least): the lower median."""
    return sorted(b - a for a, b in zip(heads, heads[1:]))[(len(heads) - 2) // 2]


MIN_UNCOUNTED = 3  # comments a stamped template must head or sign under a heading that does not count them
LEAD = 3  # lines a rule set aside between that heading and the thread ("Sort by", "Subscribe"), at most


def uncounted_lines(state: ParseState, free: set[int]) -> tuple[int, list[int]] | None:
    """Under a bare "Comments" heading, which states no count, below at least
    ``MIN_PROSE_LINES`` full sentences of the post: the thread of a stamped shape
    with a name in it ("Posted by: <X> on <DATE> <TIME>") that repeats at least
    ``MIN_UNCOUNTED`` times before the comment form's heading, its names not all
    one, opening within ``LEAD`` lines a rule set aside under the heading, and
    with no count of comments among its lines (the posts of a page of posts,
    each with its "Comments (2)"). How often the shape repeats, and the text
    lines under the heading to the thread's end (``free``: as in
    `counted_lines`); None if there is none."""
    text_lines = [i for i, line in enumerate(state.lines) if not line.blank]
    prose_lines = 0
    for at, i in enumerate(text_lines):
        text = state.lines[i].stripped
        if prose_lines >= MIN_PROSE_LINES and is_uncounted_comment_heading(text):
            section = []  # to the form's heading or the next bare one: sections never overlap (linear time)
            for j in itertools.islice(text_lines, at + 1, None):
                if is_comment_form_heading(state.lines[j].stripped) or is_uncounted_comment_heading(
                        state.lines[j].stripped):
                    break
                section.append(j)
            found = _thread_in(state, section, free)
            if found is not None:
                return found
        if state.lines[i].role == BODY and article_like(text):
            prose_lines += 1
    return None


def _thread_in(state: ParseState, section: list[int], free: set[int]) -> tuple[int, list[int]] | None:
    """The thread a stamped shape with a name in it cuts in ``section`` (`uncounted_lines`)."""
    if any(comment_count_heading(state, state.lines[j].stripped) is not None for j in section):
        return None  # another post's count: a page of posts, each signed
    takes = [j for j in section if may_take(state, j, free)]
    heads = _named_heads(state, takes)
    names = {varying_words(state.lines[j].stripped) for j in heads}
    taken = set(takes)
    lead = sum(j not in taken for j in section if heads and j < heads[0])
    if len(heads) < MIN_UNCOUNTED or len(names) < 2 or lead > LEAD:
        return None
    return len(heads), _to_thread_end(takes, heads)


MIN_HEADLESS = 4  # comments a stamped template must head with no count over them
MIN_HEADLESS_NAMES = 3  # distinct names among them
HEADLESS_PROSE = 5  # full sentences of the post above them, at least: a story, not a forum's or an index's lead
HEADLESS_SPREAD = 3  # times the usual gap between repeats past which the thread has ended (a box of comments below)


def headless_lines(state: ParseState, free: set[int]) -> tuple[int, list[int]] | None:
    """On a page that states no count of comments: the thread of a stamped
    shape with a name in it ("Posted by: <X> on <TIME> <DATE>") that heads at
    least ``MIN_HEADLESS`` comments, naming ``MIN_HEADLESS_NAMES`` people at
    least, under at least ``HEADLESS_PROSE`` full sentences of the post; it
    ends at a comment form's heading, or where a repeat lies more than
    ``HEADLESS_SPREAD`` times the usual gap below the last. Each repeat heads
    the text under it: the line right above the first ends as no sentence does
    (else: the post's last, or a first comment signed under its text?), and
    one within the usual gap under the last does. How often the shape repeats
    in it, and the text lines from its first repeat to its end (``free``: as
    in `counted_lines`); None if there is none."""
    if state.comments_stated is not None:
        return None  # a page that counts its comments: `counted_lines`, `numbered.numbered_lines`
    text_lines = [i for i, line in enumerate(state.lines) if not line.blank]
    takes = [j for j in text_lines if may_take(state, j, free)]
    heads = _named_heads(state, takes)
    if len(heads) < MIN_HEADLESS:
        return None
    form = next((j for j in text_lines if j > heads[0] and is_comment_form_heading(state.lines[j].stripped)), None)
    heads = [j for j in heads if form is None or j < form]
    if len(heads) < MIN_HEADLESS:
        return None
    usual_gap = _usual_gap(heads)
    last = next((a for a, b in zip(heads, heads[1:]) if b - a > HEADLESS_SPREAD * usual_gap), heads[-1])
    heads = [j for j in heads if j <= last]
    if len(heads) < MIN_HEADLESS or len({varying_words(state.lines[j].stripped) for j in heads}) < MIN_HEADLESS_NAMES:
        return None
    above = [i for i in text_lines if i < heads[0]]
    if sum(state.lines[i].role == BODY and article_like(state.lines[i].stripped) for i in above) < HEADLESS_PROSE:
        return None
    tail = [i for i in text_lines if heads[-1] < i < heads[-1] + usual_gap and (form is None or i < form)]
    if _told(state.lines[above[-1]].stripped) or not any(_told(state.lines[i].stripped) for i in tail):
        return None  # each repeat heads the text under it, and signs none above it
    return len(heads), [j for j in _to_thread_end(takes, heads) if j >= heads[0] and (form is None or j < form)]


def _told(text: str) -> bool:
    """Three words or more that end as a sentence ends ("Yes it's a great idea.")."""
    return len(text.split()) >= 3 and text.rstrip("\"”’')").endswith((".", "!", "?"))


def _named_heads(state: ParseState, lines: list[int]) -> list[int]:
    """Those of ``lines`` that have the stamped header-like shape with a name in it that repeats most among them."""
    found: dict[str, list[int]] = {}
    for j in lines:
        line_text = state.lines[j].stripped
        shape_text = loose_shape(line_text) if len(line_text) <= MAX_TEMPLATE_LENGTH else ""
        if stamped(shape_text) and VARYING in shape_text.split() and header_like(shape_text, line_text):
            found.setdefault(shape_text, []).append(j)
    return max(found.values(), key=len, default=[])


def told_in_sentences(state: ParseState) -> bool:
    """Do at least half the comments found hold a sentence that is not cut off
    with an ellipsis? (Not a list of dated headlines, each over its excerpt "…".)"""
    told = sum(any(full_sentence(state.lines[i].stripped) for i in comment.lines) for comment in state.comments)
    return 2 * told >= len(state.comments)


def teasers_in_comments(state: ParseState) -> set[int]:
    """The lines a "Related posts" block claimed past a heading inside it that
    opens the comment section ("Post a Comment", "3 Comments"): the block ran on
    into the comments, which no heading of its own closed. A block with no
    such heading in it (a teaser list under the thread, or over a thread the
    page does not show) keeps its lines."""
    found: set[int] = set()
    in_block = opened = False
    for i, line in enumerate(state.lines):
        if line.blank:
            continue
        teaser = is_teaser(state, i)
        if teaser and opened:
            found.add(i)
        elif (teaser or in_block and line.role == BOILERPLATE) and opens_comment_section(state, line.stripped):
            opened = True
        if teaser:
            in_block = True
        elif line.role != BOILERPLATE:  # article text or a comment: the block has ended
            in_block = opened = False
    return found
