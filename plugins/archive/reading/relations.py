"""Relations inside one capture: which comment quotes or answers what."""

from __future__ import annotations

import re

from dataclasses import dataclass

from archive.shared.alignment import MIN_SEEDS, SHINGLE, shared_spans, shingle_keys
from archive.shared.quotes import Source, normalise_words, quotes_of
from .state import Comment

_ADDRESS_WORDS = 4  # "building on Montag’s comment": a name this early addresses


def _addresses(comment: Comment, author: str) -> bool:
    """Does the comment open by naming or @-addressing ``author``?"""
    first = comment.text.split("\n", 1)[0].strip()
    given = author.split()[0] if author.split() else author
    if given.casefold() not in first.casefold():
        return False  # the common case, decided without a regular expression
    name = re.escape(author)
    if re.fullmatch(rf"@?{name}[:,.]?", first, re.IGNORECASE):
        return True
    opening = " ".join(first.split()[:_ADDRESS_WORDS + len(author.split()) - 1])
    if re.search(rf"(?:^|\s)@{name}\b|(?:^|\s){name}(?:[,:]|['’]s\b)", opening, re.IGNORECASE):
        return True
    # "Harold, the mill lot idea…" answers Harold Penney
    return (len(author.split()) > 1 and len(given) >= 3
            and re.match(rf"(?:{re.escape(given)}[,:]|@{re.escape(given)}\b)", first, re.IGNORECASE) is not None)


def link_comments(comments: list[Comment], paragraphs: list[tuple[str, str]]) -> None:
    """Fill ``quotes`` and ``replies_to`` of every comment.

    ``paragraphs`` are ``(anchor, text)`` of the article. A passage found in
    the article is credited to the article, not to a comment that quoted it first.
    """
    article = [Source.of(anchor, text) for anchor, text in paragraphs]
    whole_article = Source.of("article", "\n".join(text for _anchor, text in paragraphs))
    texts = {source.anchor: _Words.of(text) for source, (_, text) in zip(article, paragraphs)}
    article_keys = _Words.of(whole_article.words).keyset
    earlier: list[Source] = []
    for n, comment in enumerate(comments):
        this = Source.of(f"c{comment.number}", comment.text)
        words = _Words.of(comment.text)
        quoted = [source.anchor for source in article
                  if quotes_of(this, source) or words.quotes(texts[source.anchor])]
        quoted += [source.anchor for source in earlier  # the article's words stay the article's
                   if source.anchor != f"c{comment.duplicate_of}"
                   and (quotes_of(this, source, besides=whole_article)
                        or words.quotes(texts[source.anchor], besides=article_keys))]
        comment.quotes = quoted
        comment.replies_to = comment.replies_to or _addressed(comment, comments[:n]) or _sole_comment(quoted)
        sources = {source.anchor: source for source in article + earlier}
        comment.quoted_lines = _quoted_lines(comment, [sources[anchor] for anchor in quoted])
        # What a later comment may quote: this one's text, and its attribution line.
        earlier.append(Source.of(f"c{comment.number}", f"{comment.text}\n{comment.header_text}"))
        texts[f"c{comment.number}"] = _Words.of(f"{comment.text}\n{comment.header_text}")


@dataclass(frozen=True)
class _Words:
    """A text for the passage aligner that also finds quotations between documents
    (`archive.shared.alignment`): one mechanism, so a quotation with a few words changed counts too."""

    words: list
    keys: object
    keyset: frozenset

    @classmethod
    def of(cls, text: str) -> _Words:
        words = normalise_words(text)
        keys = shingle_keys(words)
        return cls(words, keys, frozenset(keys) - {0})

    def quotes(self, source: _Words, besides: frozenset = frozenset()) -> bool:
        """Does this text carry a passage of ``source`` (eight words or more, edits allowed)
        that is not mostly made of ``besides`` (the article's words)?"""
        if len(self.keyset & source.keyset) < MIN_SEEDS:
            return False  # the common case, decided without aligning
        for (start, end), _, _ in shared_spans(self.words, self.keys, source.words, source.keys):
            own = set(self.keys[start:max(start + 1, end - SHINGLE + 1)]) - {0}
            if not own or 2 * len(own & besides) < len(own):
                return True
        return False


MIN_QUOTED_LINE_WORDS = 5


def _quoted_lines(comment: Comment, sources: list[Source]) -> list[int]:
    """Positions of the comment's lines that repeat what it quotes, to show as quotations."""
    positions = []
    for n, line in enumerate(comment.text.split("\n")):
        words = normalise_words(line)
        if len(words) >= MIN_QUOTED_LINE_WORDS and any(f" {' '.join(words)} " in s.words for s in sources):
            positions.append(n)
    return positions


def _addressed(comment: Comment, before: list[Comment]) -> int | None:
    for other in reversed(before):
        if other.author and _addresses(comment, other.author):
            return other.number
    return None


def _sole_comment(quoted: list[str]) -> int | None:
    """A comment that opens… quoting exactly one earlier comment answers it."""
    comments = [anchor for anchor in quoted if anchor.startswith("c")]
    return int(comments[0][1:]) if len(comments) == 1 else None
