"""What the line model sees of each line: shallow features of the line, its
neighbours, its place in the page and the page's own repeats.

Nothing here names a site or a platform: the features are the line's length,
punctuation, case and stop words, its stamps (dates, times, "3 days ago"),
how often its shape repeats down the page (a comment template), where it lies
against the page's one long run of prose, and what the rules said of it; a
short line is also known by its words ("Share", "Reply"), of which training
keeps only those many sites use (`training.common_words`), though a widespread
platform's or a newsmaker's name may be among them.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from ..shapes import (AGO, DATE, MAX_TEMPLATE_LENGTH, TIME, VARYING, header_like, likeliest_template, loosened,
                      shape, stamped)
from ..state import BOILERPLATE, COMMENT_BODY, COMMENT_HEADER, ParseState

COMMENT_ROLES = (COMMENT_HEADER, COMMENT_BODY)

STOP_WORDS = frozenset("""
a about after all also an and any are as at be because been but by can could did do does for from had has
have he her his how i if in into is it its just like me more most my no not of on one only or our out she
so some than that the their them then there these they this to too up us was we were what when which who
why will with would you your
""".split())
WORD_PATTERN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")  # a word: letters, one apostrophe at most
_GLUED = re.compile(r"[a-z][A-Z][a-z]")  # "HomeNewsSports": links run together
MAX_SHAPED = 200  # longer lines are not given a shape
ECHO_LINES = 400  # lines near the top whose words are looked for elsewhere in the page (titles)
_DIGIT = re.compile(r"\d")  # a decimal digit of any script: what str.isdecimal finds
WORDY_LINE = 6  # lines of at most this many words are also known by their words ("Share", "Reply", "Tags")
WORD = "w="  # a word feature's prefix (`training.common_words` keeps those that many sites use)
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*•·])\s")


def bucket(value: float) -> int:
    """A count in powers of two: 0, 1-2, 3-6, 7-14, …"""
    return int(math.log2(value + 1))


def tenths(value: float) -> int:
    """A share in tenths, 0 to 9."""
    return min(9, int(value * 10))


def _ending(text: str) -> str:
    if text.endswith(("...", "…")):
        return "ellipsis"
    last = text[-1]
    if last in ".!?":
        return "stop"
    if last in "\"'”’»)":
        return "close"
    if last == ":":
        return "colon"
    if last.isdigit():
        return "digit"
    return "word" if last.isalnum() else "mark"


def prose_core(lengths: list[int], prose: list[bool]) -> tuple[int, int]:
    """The page's one long run of prose, as indices into the text lines: the run
    with the most words in prose lines, less a toll for each line that is not."""
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for i, (words, is_prose) in enumerate(zip(lengths, prose)):
        total += words if is_prose else -max(4.0, words * 0.5)
        if total <= 0:
            total, start = 0.0, i + 1
        elif total > best:
            best, best_span = total, (start, i)
    return best_span


def _line_features(text: str, words: list[str]) -> dict[str, float]:
    n = len(words)
    feats: dict[str, float] = {
        "chars": bucket(len(text)),
        "words": bucket(n),
        "end=" + _ending(text): 1.0,
    }
    first = text.lstrip()[:1]
    feats["start=" + ("upper" if first.isupper() else "lower" if first.islower() else "digit"
                      if first.isdigit() else "mark")] = 1.0
    if n >= 4:
        feats["stop"] = tenths(sum(map(STOP_WORDS.__contains__, map(str.lower, words))) / n)
        feats["caps"] = tenths(sum(map(str.isupper, [word[0] for word in words])) / n)
    glued = len(_GLUED.findall(text))
    if glued:
        feats["glued"] = bucket(glued)
    for mark, name in (("|", "bar"), ("•", "bullet"), ("·", "dot"), ("»", "guillemet"), ("©", "copyright"),
                       ("@", "at"), ("http", "url"), ("#", "hash")):
        if mark in text:
            feats["has=" + name] = 1.0
    digits = len(_DIGIT.findall(text))
    if digits:
        feats["digits"] = tenths(digits / len(text))
    if _LIST_ITEM.match(text):
        feats["list"] = 1.0
    if n <= WORDY_LINE:
        for word in words:
            feats[WORD + word.lower()] = 1.0
    return feats


def page_features(state: ParseState) -> tuple[list[int], list[list[str]]]:
    """The text lines of ``state`` (indices) and each one's features."""
    index = [i for i, line in enumerate(state.lines) if not line.blank]
    texts = [state.lines[i].stripped for i in index]
    n = len(texts)
    if not n:
        return index, []
    line_words = [WORD_PATTERN.findall(t) for t in texts]
    own = [_line_features(t, w) for t, w in zip(texts, line_words)]
    # a long line is prose, never a template: it keeps a shape of its own
    shapes = [shape(t) if len(t) <= MAX_SHAPED else f"<long {k}>" for k, t in enumerate(texts)]
    shape_count = Counter(shapes)
    text_count = Counter(texts)
    template = [stamped(s) and shape_count[s] >= 2 and len(t) <= MAX_TEMPLATE_LENGTH for s, t in zip(shapes, texts)]
    words = [len(w) for w in line_words]
    prose = [w >= 12 and own[k].get("end=stop", 0) > 0 for k, w in enumerate(words)]
    core_start, core_end = prose_core(words, prose)
    loose_start, loose_end = prose_core(words, [w >= 8 for w in words])
    long_lines = sorted(words)[n // 2]
    page = "\n".join(texts)
    prose_above = _nearest(prose, forward=True)
    prose_below = _nearest(prose, forward=False)
    templates_after = [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        templates_after[k] = templates_after[k + 1] + template[k]
    total_templates = templates_after[0]
    thread = _thread(shapes, texts)
    first, last, gap, thread_lines = thread if thread is not None else (0, -1, 0, frozenset())
    talk = [len(texts[k]) <= 60 and bool(_TALK.search(texts[k])) for k in range(n)]
    talk_above = _nearest(talk, forward=True)

    feats: list[dict[str, float]] = []
    for k in range(n):
        line = state.lines[index[k]]
        f = {"bias": 1.0, "page_lines": bucket(n), **own[k]}
        if line.role not in COMMENT_ROLES:  # the model judges comments by itself: it checks the rules
            f["rule=" + (line.role or "none")] = 1.0
        if index[k] in state.presumed and line.role == BOILERPLATE:  # set aside for where it lies: the model reads its words
            f["why=presumed"] = 1.0
        elif line.role == BOILERPLATE and line.why:
            f["why=" + line.why.split(" ")[0]] = 1.0
        f["pos"] = tenths(k / n)
        f["core=" + ("before" if k < core_start else "in" if k <= core_end else "after")] = 1.0
        distance = core_start - k if k < core_start else k - core_end if k > core_end else 0
        f["core_distance"] = bucket(distance)
        f["loose=" + ("before" if k < loose_start else "in" if k <= loose_end else "after")] = 1.0
        above, below = prose_above[k], prose_below[k]
        f["prose_above"] = bucket(above) if above is not None else "none"
        f["prose_below"] = bucket(below) if below is not None else "none"
        if above is not None and below is not None and above <= 6 and below <= 6:
            f["between_prose"] = 1.0
        if words[k] > long_lines:
            f["longer_than_median"] = 1.0
        if template[k] and k > core_end:
            f["template_after_core"] = 1.0
        if total_templates == 0:
            f["no_templates"] = 1.0
        repeats = shape_count[shapes[k]]
        if repeats > 1:
            f["shape_repeats"] = bucket(repeats)
        if text_count[texts[k]] > 1:
            f["text_repeats"] = bucket(text_count[texts[k]])
        for slot, name in ((DATE, "date"), (TIME, "time"), (AGO, "ago")):
            if slot in shapes[k]:
                f["slot=" + name] = 1.0
        if shapes[k] == VARYING and words[k] <= 4:
            f["name_like"] = 1.0
        if template[k]:
            f["template"] = 1.0
        if thread is not None:
            f["thread=" + ("before" if k < first else "in" if k <= last + gap else "after")] = 1.0
            if k in thread_lines:
                f["thread_head"] = 1.0
        else:
            f["thread=none"] = 1.0
        if talk[k]:
            f["talk"] = 1.0
        if talk_above[k] is not None:
            f["talk_above"] = bucket(talk_above[k])
        f["templates_after"] = bucket(templates_after[k])
        f["templates_before"] = bucket(total_templates - templates_after[k])
        if k < ECHO_LINES and 3 <= words[k] <= 25 and page.count(texts[k]) > 1:
            f["echoed"] = 1.0  # the words recur inside another line: a title, a teaser
        gap_before = index[k] - index[k - 1] - 1 if k else index[k]
        gap_after = index[k + 1] - index[k] - 1 if k + 1 < n else 2
        f["gap_before"] = min(gap_before, 3)
        f["gap_after"] = min(gap_after, 3)
        if line.indent:
            f["indented"] = 1.0
        feats.append(f)
    return index, _with_neighbours(feats)


_TALK = re.compile(r"\b(?:comments?|responses?|repl(?:y|ies)|discussion|discuss|trackbacks?|pingbacks?)\b", re.I)
MIN_THREAD = 3


def _thread(shapes: list[str], texts: list[str]) -> tuple[int, int, int, frozenset[int]] | None:
    """The page's likeliest comment thread: the header-like shape (`shapes.header_like`,
    compared loosely) that repeats most, at least three times (`shapes.likeliest_template`:
    the template's own choice); its first and last line, the usual gap between
    repeats and the lines it stands on."""
    found: dict[str, list[int]] = {}
    for k, (s, t) in enumerate(zip(shapes, texts)):
        if not s.startswith("<long") and header_like(s, t):
            found.setdefault(loosened(s), []).append(k)  # s is t's shape: loose_shape(t)
    best = likeliest_template(found, texts, minimum=MIN_THREAD)
    if best is None:
        return None
    ks = found[best]
    gaps = sorted(b - a for a, b in zip(ks, ks[1:]))
    return ks[0], ks[-1], gaps[len(gaps) // 2], frozenset(ks)


def _nearest(flags: list[bool], forward: bool) -> list[int | None]:
    """For each line, how many text lines back (``forward``: scanning down, so
    above) or ahead the nearest flagged line is (None: there is none)."""
    n = len(flags)
    out: list[int | None] = [None] * n
    last = None
    order = range(n) if forward else range(n - 1, -1, -1)
    for k in order:
        out[k] = abs(k - last) if last is not None else None
        if flags[k]:
            last = k
    return out


_CARRIED = frozenset(("chars", "words", "end=stop", "end=word", "end=colon", "template", "name_like", "slot=date",
                      "slot=ago", "core=in", "loose=in", "stop", "glued", "longer_than_median", "between_prose",
                      "thread_head", "talk"))


def _with_neighbours(feats: list[dict[str, float]]) -> list[list[str]]:
    """Each line also sees a few features of the lines around it; a feature with
    a value (a bucket) becomes a name of its own: ``chars=5``."""
    names, carried = [], []
    for f in feats:
        line = [key if type(value) is float and value == 1.0 else f"{key}={value}" for key, value in f.items()]
        names.append(line)
        carried.append([name for key, name in zip(f, line) if key in _CARRIED or key.startswith("rule=")])
    n = len(feats)
    seen = {}
    for offset in (-2, -1, 1, 2):
        prefixed: dict[str, str] = {}  # the same few names recur on every line: each is made once
        seen[offset] = [[prefixed.get(name) or prefixed.setdefault(name, f"{offset}:{name}") for name in line]
                        for line in carried]
    out = []
    for k in range(n):
        merged = names[k]
        for offset in (-2, -1, 1, 2):
            j = k + offset
            if 0 <= j < n:
                merged += seen[offset][j]
            else:
                merged.append(f"{offset}:edge")
        out.append(merged)
    return out
