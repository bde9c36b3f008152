"""Comments cut by the page's own template, whatever its wording.

Over the lines the line model reads as comments, the shape that repeats most
(`archive.reading.shapes`: ``posted by : <X> at <DATE> <TIME>``, ``<X> says :``,
``<X> • <AGO>``) is the page's comment header or footer. Whether it opens or
closes a comment follows from where the thread's text lies: between the
section's furniture and its first repeat (footers), or between its last repeat
and the furniture below (headers), the repeats reaching beyond the lines read
as comments (the model may read the first comments as the post's), unless a
line repeated word for word (a signature) always lies on one side of the
repeats that name one commenter. Its varying words are the author, its stamps
the date. Shapes are compared loosely (`loose_shape`): a name's own punctuation
and small words ("Odile @ Salt, Not Sugar", "Rhea (Two Small Bowls)") do not
make a header a different template.
What lies between two repeats is that comment's, whatever the model thought of
each line, but for the thread's repeated furniture and a bare number; the
thread's open end takes only the lines the model reads as comments. With no
template, each block of comment lines is a comment that names no author, if
the page says it has comments (a count, a comment heading or form above them).
Lines taken for names that all give the same words though they differ ("557
Fans", "61 Fans") are a badge, and the comments are left with no author.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..sections import opens_comment_section
from ...shapes import (AGO, DATE, MAX_NAME_SHAPE, NUMBER, TIME, VARYING, day_first, header_like, likeliest_template,
                       loose_shape, sentence_like, shape, stamp_date, stamped, varying_words)
from ...state import (BODY, BOILERPLATE, COMMENT_BODY, COMMENT_FURNITURE, COMMENT_HEADER, LINE_MODEL, TEASERS,
                      Comment, ParseState)

MAX_FURNITURE_LENGTH = 40
MAX_AUTHOR_LENGTH = 60
MAX_AUTHOR_WORDS = 6
_INITIAL = re.compile(r"\b(?:[A-Z]|Jr|Sr|Dr)\.$")  # "Tomasz W.", "Jr.": a name may end with a full stop
NOT_NAME_START = frozenset("the a an this that these our my your his her its their in on at of for to".split())
REGION_MARGIN = 3  # text lines around the comment lines where a header may sit


def usable(state: ParseState, i: int) -> bool:
    line = state.lines[i]
    return line.role == BODY or (line.role == BOILERPLATE and line.why == LINE_MODEL)


def is_teaser(state: ParseState, i: int) -> bool:
    """A line set aside as a teaser: a "Related posts" block runs on until the
    comments, and the rules may not have seen where they begin."""
    return state.lines[i].role == BOILERPLATE and state.lines[i].why == TEASERS


def induced_comments(state: ParseState, comment_lines: list[int], furniture: set[int]) -> bool:
    """Claim the comments among ``comment_lines`` (indices the model reads as
    comments); ``furniture``: the lines it reads as neither article nor comment."""
    lines = [i for i in comment_lines if usable(state, i)]
    if not lines:
        return False
    text_lines = [i for i, line in enumerate(state.lines) if not line.blank]
    position = {i: k for k, i in enumerate(text_lines)}
    lo = max(0, position[lines[0]] - REGION_MARGIN)
    hi = min(len(text_lines) - 1, position[lines[-1]] + REGION_MARGIN)
    region = [i for i in text_lines[lo:hi + 1] if usable(state, i)]
    shapes = {i: loose_shape(state.lines[i].stripped) for i in region}
    occurrences: dict[str, list[int]] = {}
    for i in region:
        if header_like(shapes[i], state.lines[i].stripped) and not sentence_like(shapes[i]):
            occurrences.setdefault(shapes[i], []).append(i)
    template = likeliest_template(occurrences, {i: state.lines[i].stripped for i in region}, minimum=2)
    if template is None:
        return _blocks(state, lines) if _says_it_has_comments(state, lines[0]) else False
    between, below, above = _variants(template, occurrences)
    heads = sorted(occurrences[template] + between)
    first = []  # above the first repeat, only the comments numbered just before it (not the post's byline)
    for i in above:
        if not (template.split()[0] == NUMBER and _counts_up(state, [i, (first or heads)[0]])):
            break
        first.insert(0, i)
    # the side, judged at the ends of the whole thread (the model may have read its first comments as the post's),
    # not from a trackback's stamp below
    whole = _whole_thread(state, heads, shapes, template, into_teasers=False)
    footers = _footers(state, first + whole, template, lines, furniture)
    # the reach _whole_thread looks beyond the thread with: from the repeats and the variants between them;
    # headers may also reach up into a teaser block that ran on into the first comment
    heads = whole if footers else _whole_thread(state, heads, shapes, template, into_teasers=True)
    # variants beyond the repeats open the first and the last comment; a thread of footers takes none (what
    # a variant below would close may be a heading or a trackback's, and that text told footers from headers)
    heads = sorted(set(heads + ([] if footers else first + below)))
    reclaimed = _from_teasers(state, heads)
    names = {head: _name_above(state, head, template) for head in heads}
    named = sum(name is not None for name in names.values())
    if not footers and named < len(heads):  # "3. March 9, 2011" with the name under it
        below = {head: _name_below(state, head, template) for head in heads}
        named_below = sum(name is not None for name in below.values())
        if named_below > named:  # the side that names more of them (a signature may sit above one)
            names, named = below, named_below
    if not footers and VARYING not in template.split() and named * 2 < len(heads):
        return False  # a date heading each section, with no one's name above it: a timeline
    comment_set = set(lines)
    if footers:  # the body comes first
        before = _text_run(state, heads[0], -1, furniture)
        comment_set.update(before)
        starts = [before[-1] if before else lines[0]] + [h + 1 for h in heads[:-1]]
        spans = [(start, head, head) for start, head in zip(starts, heads)]
    else:
        after = _text_run(state, heads[-1], 1, furniture)
        comment_set.update(after)
        ends = heads[1:] + [max(after[-1] if after else heads[-1], lines[-1]) + 1]
        spans = [(head, end, head) for head, end in zip(heads, ends)]
    state.comments_start = min(spans[0][0], spans[0][2])
    repeated_lines = _repeated_furniture(state, [(start, end) for start, end, _head in spans])
    name_lines = set(names.values()) - {None}  # the next commenter's name closes a body
    numbers = {} if footers else _numbers_above(state, [min(i for i in (names[head], head) if i is not None)
                                                        for _start, _end, head in spans])
    if numbers:
        state.comments_start = min(state.comments_start, *numbers.values())
    first_day = day_first([state.lines[head].stripped for _start, _end, head in spans])  # "25/12/12" among them
    badge = _same_words(state, [name for name in names.values() if name is not None])
    for number, (start, end, head) in enumerate(spans, start=1):
        # between two repeats of the template, every line is this comment's (the model may doubt some);
        # the thread's open end (before the first footer, after the last header) only takes what it reads as comment
        between = number > 1 if footers else number < len(spans)
        name_line = names[head]
        header_lines = [i for i in (numbers.get(number), name_line, head) if i is not None]
        for i in header_lines:
            state.lines[i].role, state.lines[i].why = COMMENT_HEADER, None
        body = []
        for i in range(start, end):
            if (i in header_lines or i in name_lines or i in numbers.values() or state.lines[i].blank
                    or not (usable(state, i) or i in reclaimed)):
                continue
            if i in repeated_lines or _BARE_NUMBER.match(state.lines[i].stripped):  # "Reply | Report", "2"
                state.lines[i].role, state.lines[i].why = BOILERPLATE, COMMENT_FURNITURE
                continue
            if i not in comment_set and state.lines[i].role != BODY and not between and i not in reclaimed:
                continue
            state.lines[i].role, state.lines[i].why = COMMENT_BODY, None
            body.append(i)
        author, date = author_and_date(state, head, None if badge else name_line, first_day)
        state.comments.append(Comment(number, author, date, body, header=head, header_lines=header_lines))
    return True


MIN_BADGES = 3  # name lines, at least, that all say the same before they are a badge, not names


def _same_words(state: ParseState, name_lines: list[int]) -> bool:
    """Do the lines taken for commenters' names all give the same words, though
    the lines differ ("557 Fans", "61 Fans": a badge under each name, not a name;
    "Anonymous" three times is three comments by Anonymous)?"""
    texts = {state.lines[i].stripped for i in name_lines}
    return (len(name_lines) >= MIN_BADGES and len(texts) > 1
            and len({varying_words(text) for text in texts}) == 1)


MIN_SHARED = 2  # shape tokens a variant shares with the template, a stamp among them


def _variants(template: str, occurrences: dict[str, list[int]]) -> tuple[list[int], list[int], list[int]]:
    """Lines of other shapes that say the template's header another way: the
    same from the first stamp on, or the same up to the last stamp, with a name
    slot beside it ("<X> replied to comment from <X> | <DATE> <TIME>" beside
    "<X> | <DATE> <TIME>"; "by <X> on <DATE> <TIME> up reply" beside "by <X> on
    <DATE> <TIME> reply"). Those between the template's first and last repeat;
    those below the last (the last comment's header without the others' link);
    and those above the first, nearest first (the caller decides: the post's
    own byline may look the same). Beyond the repeats, each lies within twice
    the widest gap between repeats of the one before it."""
    heads = occurrences[template]
    tail, lead = _around_stamps(template)
    between, outside = [], []
    for other, lines in occurrences.items():
        other_tail, other_lead = _around_stamps(other)
        shared = (len(tail) >= MIN_SHARED and other_tail == tail and VARYING in other.split()[:-len(tail)]
                  or len(lead) >= MIN_SHARED and other_lead == lead and VARYING in lead)
        if other != template and shared:
            between += [i for i in lines if heads[0] < i < heads[-1]]
            outside += [i for i in lines if not heads[0] <= i <= heads[-1]]
    reach = _reach(heads)
    below = _chained(sorted(i for i in outside if i > heads[-1]), heads[-1], reach)
    above = _chained(sorted((i for i in outside if i < heads[0]), reverse=True), heads[0], reach)
    return between, below, above


def _reach(heads: list[int]) -> int:
    """How far beyond a thread's repeated headers (two at least) another may lie: twice the widest gap between them."""
    return 2 * max(b - a for a, b in zip(heads, heads[1:]))


def _chained(lines: list[int], edge: int, reach: int) -> list[int]:
    """``lines``, ordered away from ``edge``, up to the first that lies farther
    than ``reach`` from the one before it."""
    found = []
    for i in lines:
        if abs(i - edge) > reach:
            break
        found.append(i)
        edge = i
    return found


def _around_stamps(shape_text: str) -> tuple[list[str], list[str]]:
    """A shape's tokens from its first stamp on, and up to its last ([] without a stamp)."""
    parts = shape_text.split()
    at = [k for k, part in enumerate(parts) if part in (DATE, TIME, AGO)]
    return (parts[at[0]:], parts[:at[-1] + 1]) if at else ([], [])


def _footers(state: ParseState, heads: list[int], template: str, lines: list[int], furniture: set[int]) -> bool:
    """Does the template close each comment (a footer) rather than open it? It
    opens them when it starts with the comment's number or has the name above
    it; it closes them when the comment's number follows it. Else a line that
    travels with one commenter (a signature) tells which repeat it belongs to
    (`_signed_side`); else a link right above every repeat but the first closes
    each comment (`_closed_above`); failing that, it closes them when more of
    the thread lies above its first repeat than below its last (the lines of
    words up to the furniture, or else the lines the model reads as comments)."""
    if _opens_comments(template, {head: _name_above(state, head, template) for head in heads},
                       _counts_up(state, heads)):
        return False
    if _numbered_after(state, heads):
        return True  # "Posted by … | 4. I hope so…": the next comment's number follows each repeat
    signed = _signed_side(state, heads)
    if signed is not None:
        return signed
    if _closed_above(state, heads):
        return False  # "Reply" right above most repeats but the first: it closes the comment before
    above = _text_lines(state, _text_run(state, heads[0], -1, furniture))
    below = _text_lines(state, _text_run(state, heads[-1], 1, furniture))
    if above == below:
        above, below = sum(i < heads[0] for i in lines), sum(i > heads[-1] for i in lines)
    return above > below


_BARE_NUMBER = re.compile(r"^#?\d{1,4}\.?$")  # a comment's number on its own line
_NUMBERED = re.compile(r"^\d{1,4}[.)]\s")


def _numbered_after(state: ParseState, heads: list[int]) -> bool:
    """Does a numbered line ("4. I hope so…") follow most repeats of the template? Then
    each number opens a comment and the template closes the one before."""
    numbered = 0
    for head in heads:
        after = state.next_text_line(head + 1)
        numbered += after is not None and bool(_NUMBERED.match(state.lines[after].stripped))
    return numbered * 2 > len(heads)


def _signed_side(state: ParseState, heads: list[int]) -> bool | None:
    """Do the lines that travel with one commenter (a signature, repeated word for
    word in their comments) stand above the repeats that name them (footers:
    True) or below them (headers: False)? Each distinct line votes once: for
    footers when the repeats below it all name one person and those above it
    do not, for headers the other way round; None when the votes cancel. A gap
    between two repeats that name the same person (or no one) is theirs either
    way and is not counted."""
    names = [varying_words(state.lines[head].stripped) for head in heads]
    places: dict[str, list[int]] = {}  # each line's text: the gaps between two repeats that hold it
    for k in range(len(heads) - 1):
        if names[k] == names[k + 1]:
            continue
        for i in range(heads[k] + 1, heads[k + 1]):
            places.setdefault(state.lines[i].stripped, []).append(k)
    votes = 0
    for gaps in places.values():  # one name on both sides (a line said once) or on neither (a blank, "Reply"): no vote
        votes += (len({names[k + 1] for k in gaps}) == 1) - (len({names[k] for k in gaps}) == 1)
    return None if votes == 0 else votes > 0


def _closed_above(state: ParseState, heads: list[int]) -> bool:
    """Does one short line ("Reply", "Log in to post comments") stand right above
    most repeats of the template but not the first? It closes each comment, so
    the template opens the next (a line that closes each comment before its
    footer would stand above the first too)."""
    if len(heads) < 3:
        return False
    above = [state.previous_text_line(head) for head in heads]
    texts = [state.lines[i].stripped if i is not None else "" for i in above]
    closing, count = Counter(texts[1:]).most_common(1)[0]
    return (0 < len(closing) <= MAX_FURNITURE_LENGTH and count * 2 > len(heads) - 1 and texts[0] != closing)


def _whole_thread(state: ParseState, heads: list[int], shapes: dict[int, str], template: str,
                  into_teasers: bool) -> list[int]:
    """The template's lines, with those of its shape just above the first or
    below the last (the model may not have read the first comment as one; a
    teaser block above may have run on into it: ``into_teasers``, for headers,
    whose comment lies below them)."""
    if len(heads) < 2:
        return heads
    reach = _reach(heads)
    found = list(heads)
    for step, edge in ((-1, heads[0]), (1, heads[-1])):
        i = edge + step
        while 0 <= i < len(state.lines) and abs(i - edge) <= reach:
            line = state.lines[i]
            if (not line.blank and (usable(state, i) or into_teasers and step == -1 and is_teaser(state, i))
                    and shapes.get(i, loose_shape(line.stripped)) == template):
                found.append(i)
                edge = i
            i += step
    return sorted(found)


def _from_teasers(state: ParseState, heads: list[int]) -> set[int]:
    """The teaser lines from the first header found among them down to the
    first header that is not: those comments' lines, set aside too soon."""
    taken = [head for head in heads if is_teaser(state, head)]
    if not taken:
        return set()
    end = next((head for head in heads if head > taken[-1]), len(state.lines))
    return {i for i in range(taken[0], end) if is_teaser(state, i)}


def _opens_comments(template: str, names: dict[int, int | None], counting: bool) -> bool:
    """Does the template open each comment? It does when it opens with the
    comment's number (``<N> .``, or ``<N>`` and the name when the numbers count
    the comments, ``counting``: "1 Emily November 4, 2012 at 9:41 pm", not "12
    Recommend · Ann Lee · …"), or when a name sits on its own line above most
    repeats (name, then stamp, then the words)."""
    parts = template.split()
    numbered = parts[:2] == [NUMBER, "."] or parts[:2] == [NUMBER, VARYING] and counting
    named = sum(name is not None for name in names.values()) * 2 > len(names)
    return numbered or named


def _counts_up(state: ParseState, heads: list[int]) -> bool:
    """Do the numbers that open these lines count 1, 2, 3 … up from one line to the next?"""
    numbers = [_LEADING_NUMBER.match(state.lines[head].stripped) for head in heads]
    return all(numbers) and all(int(b[1]) == int(a[1]) + 1 for a, b in zip(numbers, numbers[1:]))


_LEADING_NUMBER = re.compile(r"(\d{1,4})\b")


def _numbers_above(state: ParseState, firsts: list[int]) -> dict[int, int]:
    """The comments' own numbers, each on a line of its own right above the
    comment's first header line ("1", "2", …): {comment number: line}, when they
    count up with the comments above at least half of them."""
    found: dict[int, tuple[int, int]] = {}
    for number, first in enumerate(firsts, start=1):
        above = state.previous_text_line(first)
        if above is not None and first - above <= 2 and state.lines[above].role in (BODY, BOILERPLATE):
            match = _BARE_NUMBER.match(state.lines[above].stripped)
            if match:
                found[number] = (above, int(state.lines[above].stripped.strip("#.")))
    offsets = Counter(value - number for number, (_line, value) in found.items())
    if not offsets:
        return {}
    offset, count = offsets.most_common(1)[0]
    if count < 2 or count * 2 < len(firsts):
        return {}
    return {number: line for number, (line, value) in found.items() if value - number == offset}


def _repeated_furniture(state: ParseState, spans: list[tuple[int, int]]) -> set[int]:
    """Short lines that recur word for word in most of the thread's comments: its
    links ("Reply", "Report abuse"), not anyone's words (a signature or a "Thanks!"
    recurs in a few)."""
    first, last = spans[0][0], spans[-1][1] - 1
    repeated = recurring_texts(state, [range(start, end) for start, end in spans])
    found = {i for i in range(first, last + 1) if state.lines[i].stripped in repeated}
    for i in range(last + 1, len(state.lines)):  # and the last comment's, below its span
        if state.lines[i].blank:
            continue
        if state.lines[i].stripped not in repeated or not usable(state, i):
            break
        state.lines[i].role, state.lines[i].why = BOILERPLATE, COMMENT_FURNITURE
    return found


def recurring_texts(state: ParseState, comments: list[Iterable[int]]) -> set[str]:
    """Short texts that recur word for word in at least half of the comments'
    lines (``comments``: each one's line indices), twice at least: their links
    ("Reply", "Report abuse"), not anyone's words."""
    found_in: Counter[str] = Counter()
    for lines in comments:
        found_in.update({state.lines[i].stripped for i in lines
                         if not state.lines[i].blank and len(state.lines[i].stripped) <= MAX_FURNITURE_LENGTH})
    return {text for text, n in found_in.items() if n >= 2 and n * 2 >= len(comments)}


def _text_run(state: ParseState, head: int, step: int, furniture: set[int]) -> list[int]:
    """The text lines between ``head`` and the nearest furniture line above it
    (``step`` -1) or below it (1): a comment's body beside its header or
    footer, where the thread starts or ends."""
    run, i = [], head + step
    while 0 <= i < len(state.lines):
        line = state.lines[i]
        if not line.blank:
            if i in furniture or not usable(state, i):
                break
            run.append(i)
        i += step
    return run


def _text_lines(state: ParseState, run: list[int]) -> int:
    """How many lines of ``run`` are not a bare number: a comment's number on its
    own line ("1" over the first header) is no text of the thread, and weighs no side."""
    return sum(not _BARE_NUMBER.match(state.lines[i].stripped) for i in run)


def _name_above(state: ParseState, head: int, template: str) -> int | None:
    """The commenter's name on its own line right above a stamp-only header."""
    return _name_beside(state, head, template, state.previous_text_line(head))


def _name_below(state: ParseState, head: int, template: str) -> int | None:
    """The commenter's name on its own line right under a stamp-only header."""
    return _name_beside(state, head, template, state.next_text_line(head + 1))


def _name_beside(state: ParseState, head: int, template: str, beside: int | None) -> int | None:
    """``beside`` (the text line next to a header) if it is only a name, the header's stamps alone."""
    if VARYING in template.split() or beside is None or abs(beside - head) > 2 or not usable(state, beside):
        return None
    return beside if name_line(state.lines[beside].stripped) else None


def name_line(text: str) -> bool:
    """A line that is only a name: its shape a short varying span, no stamp."""
    name_shape = shape(text)
    parts = name_shape.split()
    return VARYING in parts and len(parts) <= MAX_NAME_SHAPE and not stamped(name_shape) and _name_like(text)


def _name_like(text: str) -> bool:
    """A commenter's name or handle: short, not a sentence, not opened by "the"."""
    words = text.split()
    sentence = text.endswith(("!", "?")) or text.endswith(".") and not _INITIAL.search(text)
    return (0 < len(words) <= MAX_AUTHOR_WORDS and len(text) <= MAX_AUTHOR_LENGTH
            and words[0].lower() not in NOT_NAME_START and not sentence)


def author_and_date(state: ParseState, head: int, name_line: int | None,
                    first_day: bool = False) -> tuple[str | None, str | None]:
    """A comment's author (the header's or its name line's varying words, if a
    name) and date (`shapes.stamp_date`; ``first_day``: the thread writes the day first)."""
    text = state.lines[head].stripped
    named = state.lines[name_line].stripped if name_line is not None else text
    author = varying_words(named).split(" | ")[0]
    author = author.strip(" :-–—,") or None
    if author and not _name_like(author):
        author = None
    return author, stamp_date(text, first_day)  # "3 days ago" is never a date


def _says_it_has_comments(state: ParseState, first: int) -> bool:
    """Does a heading above the first comment line say comments follow ("3 Comments",
    "Leave a Reply"; not "No comments")? Without a template, nothing else does."""
    return any(line.why == COMMENT_FURNITURE and opens_comment_section(state, line.stripped)
               for line in state.lines[:first])


def _blocks(state: ParseState, lines: list[int]) -> bool:
    """No template: each run of comment lines between blank lines is a comment,
    with the lines indented under its first, past blank lines: a list item's
    own text ("  1. Julie wrote:" over "    Welcome back!")."""
    runs: list[list[int]] = []
    for i in lines:
        if runs and (i == runs[-1][-1] + 1 or _indented_under(state, runs[-1], i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    state.comments_start = runs[0][0]
    for number, run in enumerate(runs, start=1):
        for i in run:
            state.lines[i].role, state.lines[i].why = COMMENT_BODY, None
        state.comments.append(Comment(number, None, None, run))
    return True


def _indented_under(state: ParseState, run: list[int], i: int) -> bool:
    """Is line ``i`` indented deeper than the run's first line, with only blank lines
    or the run's own lines between (the text of a list item that opens the run)?"""
    first = state.lines[run[0]]
    return (first.indent < state.lines[i].indent and first.stripped[:1].isdigit()
            and all(state.lines[j].blank for j in range(run[-1] + 1, i)))
