"""Choosing the title among a page's likeliest lines: a ranker learned from real pages.

The line model scores every line alone; a headline is decided against the
other candidates. The few lines the line model finds most title-like (a byline
never among them) are
compared on what a headline has and a site's name, a teaser or a button has not: their
rank and margin in the line model's eyes, how many of their words are a page's
controls ("Share", "Email to a friend", "Skip to content"), whether their words open the
article text below them and how many of them the article tells (a sidebar's
headline or a menu's words it does not), whether a date stands right above
them or a date or a byline right under them, how far below the nearest
candidate above them they lie (a dek right under its headline) and how far
above the likeliest candidate below them,
how often the page repeats them ("12 Responses to …", a breadcrumb), whether
the copyright notice names them (a site's name) or they hold another candidate
whole ("Home / <headline>"), and where they sit against the article's one run
of prose, whether they read as a sentence (a lede, a dek); of the line
itself, only what `LINE_TRAITS` names.
A pairwise ranker learns, from the corpus's `tune` pages (`invoke train`),
which of two candidates on one page is the headline: a maximum-entropy model
(a one-item CRF, the line model's library) of what one candidate has and the
other lacks, and how much likelier the line model finds one than the other,
kept in `titles.crfsuite`. A candidate's score is the sum of its
features' weights times their values: 1 for what it has, and the line model's
own probabilities as they are, so that a line model retrained on a small change
moves a score a little rather than across a bucket's edge. The best-scored
candidate is the title.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from functools import cache
from pathlib import Path

from ..rules.byline import byline_names
from .features import STOP_WORDS, bucket, tenths
from .labels import ARTICLE, OTHER, TITLE
from .tagger import opened

MODEL = Path(__file__).with_name("titles.crfsuite")
YES, NO = "title", "other"  # a candidate's answer in the training examples
FIRST, SECOND = "first", "second"  # which of two candidates the pairwise ranker finds the headline
CANDIDATES = 12  # the lines the line model finds most title-like
MAX_TITLE_LENGTH = 250
SENTENCE_WORDS = 7  # words, at least, of a candidate that ends with a full stop to read as a sentence
FOLLOWING = 12  # text lines below a candidate whose words it may open
ODDS_SCALE = 7.0  # a log-odds of a thousand to one, about 1
NEAR = 3  # text lines on either side whose reading frames a headline
_CONTENT = re.compile(r"[^\W\d_]{3,}")
_NOTICE = re.compile(r"\s*(?:©|\(c\)|copyright\b)")  # a copyright notice opens so (the lines are casefolded)
_BYLINE = re.compile(r"^(?:(?:Posted|Written|Published)\s+)?[Bb]y\s+\S")
# The words of a page's controls: what a button, a menu or a form says, seldom a headline
_CONTROL_WORDS = frozenset("""
share email e-mail print tweet pin like follow subscribe sign log login register skip home menu search
comment comments reply replies leave enter click download rss feed contact archive archives categories
category tags tag previous next prev back top more view close submit
""".split())
_LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")
# What the ranker weighs of the line model's own features: the line's length, first and last character,
# stamps and marks, and the rules' verdict. Not its words or its shares of stop words and capitals, nor what
# the line model reads around it (its likelihoods, which the ranker weighs, hold that): with them the ranker
# learned the sites it saw, and read fewer titles right on sites it had not (`invoke crossval`).
LINE_TRAITS = frozenset(("chars", "words", "end", "start", "slot", "has", "digits", "list", "glued", "rule", "why"))


def _content_words(text: str) -> set[str]:
    return set(map(str.casefold, _CONTENT.findall(text))) - STOP_WORDS


def candidates(texts: list[str], features: list[list[str]], marginals: list[dict[str, float]],
               rules_title: int | None) -> list[tuple[int, dict[str, float]]]:
    """The candidate lines (positions among the text lines ``texts``) and what
    the ranker sees of each: the line's own traits among the line model's
    features (`LINE_TRAITS`), and how it compares with the other candidates
    and the text around it; each feature with its value: 1 for a trait, the
    line model's probability (or its log-odds) for how likely it finds the
    line a title or article text, so that a score moves with it smoothly
    rather than at a bucket's edge."""
    sized = sorted((k for k, text in enumerate(texts) if 2 <= len(text) <= MAX_TITLE_LENGTH),
                   key=lambda k: (-marginals[k][TITLE], k))
    eligible = (k for k in sized if not (_BYLINE.match(texts[k]) or byline_names(texts[k])))
    # a byline is never the headline (nor, then, a headline opening "By …", "By Any Means Necessary": rarer
    # than a byline there by far); the likeliest lines are asked first, and only until there are enough
    ranked = list(itertools.islice(eligible, CANDIDATES))
    if rules_title is not None and rules_title not in ranked:
        ranked.append(rules_title)
    if not ranked:
        return []
    best = marginals[ranked[0]][TITLE] or 1e-9
    folded = [text.casefold() for text in texts]
    page = "\n".join(folded)
    article = [m[ARTICLE] for m in marginals]
    block_start, block_end = _article_block(article)
    above_block = [j for j in ranked if j < block_start]
    nearest_above = max(above_block) if above_block else None
    article_above = [0]
    for p in article:
        article_above.append(article_above[-1] + (p >= 0.5))
    notices = [j for j, text in enumerate(folded) if _NOTICE.match(text) or "all rights reserved" in text]
    near = {j for k in ranked for j in range(k, min(len(texts), k + 1 + FOLLOWING))}
    prose = [j for j in range(block_start, block_end + 1) if article[j] >= 0.5] if block_start >= 0 else []
    content = {j: _content_words(texts[j]) for j in near | set(prose)}  # each line's words once
    told = Counter(word for j in prose for word in content[j])  # the article's words: how many lines tell each
    in_prose = set(prose)
    out = []
    for rank, k in enumerate(ranked):
        words = content[k]
        told_elsewhere = {word for word in words if told[word] > (k in in_prose)}  # by a line but the candidate
        below = set().union(*(content[j] for j in range(k + 1, min(len(texts), k + 1 + FOLLOWING))))
        own = folded[k]
        echoes = _lines_holding(page, own) - 1 if len(own) >= 12 else 0  # less the line itself
        whole = re.compile(rf"(?<!\w){re.escape(own)}(?!\w)") if notices and len(own) >= 4 else None
        in_notice = whole is not None and any(j != k and whole.search(folded[j]) for j in notices)
        wraps = any(j != k and len(folded[j]) >= 12 and folded[j] in own and folded[j] != own for j in ranked)
        first_after = next((j for j in ranked if j > k), None)
        last_before = max((j for j in ranked if j < k), default=None)
        after = article[k + 1:k + 1 + NEAR]
        before = [marginals[j][OTHER] for j in range(max(0, k - NEAR), k)]
        next_article = next((j - k for j in range(k + 1, len(texts)) if article[j] >= 0.5), None)
        said = _LOWER_WORD.findall(folded[k])
        controls = sum(word in _CONTROL_WORDS for word in said)
        extra = [
            f"controls={min(controls, 3)}",
            f"control_share={tenths(controls / len(said)) if said else 'none'}",
            "block=" + ("before" if k < block_start else "in" if k <= block_end else "after"),
            f"to_block={bucket(block_start - k) if k < block_start else 'none'}",
            f"article_above={bucket(article_above[k])}",
            f"to_article={bucket(next_article) if next_article is not None else 'none'}",
            f"rank={min(rank, 6)}",
            f"opens_text={tenths(len(words & below) / len(words)) if words else 'none'}",
            f"in_article={tenths(len(told_elsewhere) / len(words)) if words else 'none'}",
            f"article_hits={bucket(len(told_elsewhere))}",
            f"echoes={bucket(echoes)}",
            f"earlier_candidates={min(sum(j < k for j in ranked), 4)}",
            f"gap_to_next_candidate={bucket(first_after - k) if first_after is not None else 'none'}",
            f"gap_from_candidate_above={bucket(k - last_before) if last_before is not None else 'none'}",
        ]
        # a headline has its date or byline right under it; a site's name or a sidebar's heading has not
        under = range(k + 1, min(len(texts), k + 2 + NEAR))
        dated = next((j - k for j in under if "slot=date" in features[j]), None)
        signed = next((j - k for j in under if _BYLINE.match(texts[j])), None)
        extra.append(f"date_below={dated if dated is not None else 'none'}")
        dated_above = next((k - j for j in range(k - 1, max(-1, k - 2 - NEAR), -1) if "slot=date" in features[j]), None)
        extra.append(f"date_above={dated_above if dated_above is not None else 'none'}")
        extra.append(f"byline_below={signed if signed is not None else 'none'}")
        if in_notice:
            extra.append("in_notice")  # named in the copyright notice: the site's name
        if wraps:
            extra.append("wraps_candidate")  # "Home / <headline>", "<site>: <headline>"
        if k == nearest_above:
            extra.append("nearest_above_block")
        if k == rules_title:
            extra.append("rules_title")
        if not before:
            extra.append("nothing_above")  # the page's first line: no line above it to average (other_before 0)
        if not after:
            extra.append("nothing_below")  # the page's last line: none under it (article_after 0)
        if texts[k].endswith(".") and not texts[k].endswith("...") and len(texts[k].split()) >= SENTENCE_WORDS:
            extra.append("sentence")  # a story's first sentence, a dek: seldom its headline (a question may be)
        traits = dict.fromkeys([name for name in features[k] if name.split("=", 1)[0] in LINE_TRAITS] + extra, 1.0)
        likely = {"title_p": marginals[k][TITLE], "title_odds": _log_odds(marginals[k][TITLE]),
                  "vs_best": min(1.0, marginals[k][TITLE] / best),
                  "article_p": article[k], "article_odds": _log_odds(article[k]),
                  "article_after": sum(after) / len(after) if after else 0.0,
                  "other_before": sum(before) / len(before) if before else 0.0}
        assert not traits.keys() & likely.keys(), "a trait is named as a likelihood is"
        out.append((k, traits | likely))
    return out


def _log_odds(p: float) -> float:
    """A probability's log-odds, bounded (at a thousand to one) and scaled to about -1 to 1."""
    p = min(max(p, 1e-3), 1 - 1e-3)
    return math.log(p / (1 - p)) / ODDS_SCALE


def _lines_holding(page: str, words: str) -> int:
    """How many lines of ``page`` (lines joined by newlines) hold ``words`` (no newline in them)."""
    count, at = 0, page.find(words)
    while at != -1:
        count += 1
        end = page.find("\n", at + len(words))
        at = page.find(words, end + 1) if end != -1 else -1
    return count


def _article_block(article: list[float]) -> tuple[int, int]:
    """The longest run of lines the line model reads as article (a one-line gap allowed)."""
    best, start, gap, last = (0, -1), None, 0, 0
    for k, p in enumerate(article + [0.0, 0.0]):
        if p >= 0.5:
            if start is None:
                start = k
            gap, last = 0, k
        elif start is not None:
            gap += 1
            if gap > 1:
                if last - start > best[1] - best[0]:
                    best = (start, last)
                start, gap = None, 0
    return best


# "Home / <headline>", "You are here: Home > News > <headline>": a trail ending in the page's own headline
_TRAIL = re.compile(r"^(?:home|you are here:?)\b.*?\s*[/»>›|:]\s*(?P<last>[^/»>›|]+?)\s*$", re.IGNORECASE)


def past_trail(texts: list[str], chosen: int, scored: list[tuple[int, dict[str, float]]]) -> int:
    """The chosen line, or, if it is a trail of links that ends in another
    candidate's words ("Home / <headline>"), that candidate: the headline itself."""
    trail = _TRAIL.match(texts[chosen])
    if trail is None:
        return chosen
    last = trail["last"].casefold()
    return next((k for k, _feats in scored if k != chosen and texts[k].strip().casefold() == last), chosen)


def choose(scored: list[tuple[int, dict[str, float]]]) -> tuple[int, float] | None:
    """The likeliest title among ``scored`` candidates and its likelihood among
    them; None without candidates or without a trained ranker."""
    weights = _weights(MODEL)
    if weights is None or not scored:
        return None
    scores = [sum(weights.get(name, 0.0) * value for name, value in feats.items()) for _k, feats in scored]
    best = max(range(len(scored)), key=lambda n: (scores[n], -n))
    total = sum(math.exp(score - scores[best]) for score in scores)
    return scored[best][0], 1 / total


@cache
def _weights(model: Path) -> dict[str, float] | None:
    """A candidate's score per unit of each feature's value: the pairwise
    ranker's weight for "the first of two is the headline" less its weight for
    "the second is"."""
    ranker = opened(model)
    if ranker is None:
        return None
    weights: dict[str, float] = {}
    for (name, label), weight in ranker.info().state_features.items():
        weights[name] = weights.get(name, 0.0) + (weight if label == FIRST else -weight)
    return weights