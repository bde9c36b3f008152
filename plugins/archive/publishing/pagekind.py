"""What kind of page a record is, a blog post or a newspaper article, and why.

An editor's word decides, then a dateline opening the text. Otherwise the
page's own signs are weighed: a newspaper's name as the site, and the
furniture a news site carries around its articles (sections such as News,
Sports, Business, Opinion; wire credits; "Related stories", "Most read"),
against a blog's ("Posted by", "Filed under", "Leave a reply", "Blogroll"):
a blog called "The Millbrook Ledger" is still a blog. Reader comments say
nothing either way. Measured on the Google News pages of the
labelled corpus and on hand-labelled fixtures (tests/fixtures/kinds.json).
"""

from __future__ import annotations

import re

from archive.reading.rules.byline import is_publication

BLOG_POST, NEWS_ARTICLE = "blog-post", "newspaper-article"
KINDS = (BLOG_POST, NEWS_ARTICLE)

# "HARROW — ", "BAGHDAD (Reuters) - ", "WASHINGTON, D.C. – ": a newspaper's dateline opening the text
_DATELINE = re.compile(r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)?"
                       r"(?: \((?:AP|AFP|Reuters|UPI|dpa|[A-Z][\w ]{1,30})\))?\s*[—–-]{1,2}\s")
# A news site's sections, as its navigation names them (each counted once)
_SECTIONS = re.compile(r"\b(News|Sports?|Business|Politics|World|Opinions?|Entertainment|Health|Science|"
                       r"Tech(?:nology)?|Weather|Obituaries|Local|Nation(?:al)?|Lifestyle|Travel|Economy|Markets|"
                       r"Editorials?|Columnists?|Arts|Culture|Education|Crime|U\.S\.|Video|Photos|Classifieds|Jobs|"
                       r"Real Estate|Autos|Money|Life|Style|Food)\b")
_NEWS_FURNITURE = re.compile(
    r"(?i)\b(associated press|reuters|\(AP\)|AFP|staff (?:writer|reporter)|correspondent|e-edition|reprints?|"
    r"most (?:read|popular|viewed|emailed)|top stories|related (?:stories|articles|news|coverage)|latest news|"
    r"breaking news|newsroom|print edition|newsletter|contact the reporter|all rights reserved|"
    r"copyright \d{4} .{0,40}(?:news|times|post|media|press|herald|tribune|journal|gazette))")
_BLOG_FURNITURE = re.compile(
    r"(?i)\b(posted (?:by|in|on|at)|filed under|blogroll|leave a (?:reply|comment)|"
    r"powered by (?:wordpress|blogger|typepad|tumblr)|older posts|newer posts|previous post|next post|"
    r"trackbacks?|pingbacks?|subscribe to (?:posts|comments)|post comments \(atom\)|about me|my blog|"
    r"this blog|categories|archives|responses to|comments rss|entries rss|blog)\b")
# A page is a newspaper's when 3 × (its site has a newspaper's name) + its news sections
# + 2 × (news furniture − blog furniture), from the lines it set aside, reaches NEWS_SCORE.
FURNITURE_WEIGHT = 2
NEWS_SCORE = 3
SHOWN_SIGNS = 3


def kind_and_reason(record: dict) -> tuple[str, str]:
    """(kind, the reason shown to readers)."""
    chosen = (record.get("provenance") or {}).get("type")
    if chosen in KINDS:
        return chosen, "as the editors say"
    site = record.get("site") or ""
    paragraphs = record.get("paragraphs") or []
    if paragraphs and _DATELINE.match(paragraphs[0]["text"]):
        return NEWS_ARTICLE, "a dateline opens the text"
    named = bool(site) and is_publication(site)
    sections, news, blog = furniture(record)
    score = NEWS_SCORE * named + len(sections) + FURNITURE_WEIGHT * (len(news) - len(blog))
    if score >= NEWS_SCORE:
        if named:
            return NEWS_ARTICLE, f"{site} is a newspaper's name"
        signs = [f"sections ({', '.join(sections[:SHOWN_SIGNS])})"] if len(sections) > 1 else []
        signs += [f"“{sign}”" for sign in news[:SHOWN_SIGNS]]
        return NEWS_ARTICLE, "a news site's furniture: " + ", ".join(signs)
    if blog:
        return BLOG_POST, "a blog's furniture: " + ", ".join(f"“{sign}”" for sign in blog[:SHOWN_SIGNS])
    if site and record["authors"] and not record["comments"]:
        return NEWS_ARTICLE, "a named publication with named authors and no reader comments"
    return BLOG_POST, "no sign of a newspaper (masthead, dateline, news sections)"


def furniture(record: dict) -> tuple[list[str], list[str], list[str]]:
    """The news sections, news furniture and blog furniture named in what the page set aside
    (its navigation, footers, teasers), each once, in the order they appear."""
    text = "\n".join(block["text"] for block in record.get("removed", ()))
    return (_once(m.group(1) for m in _SECTIONS.finditer(text)),
            _once(m.group(1) for m in _NEWS_FURNITURE.finditer(text)),
            _once(m.group(1) for m in _BLOG_FURNITURE.finditer(text)))


def _once(found) -> list[str]:
    seen: dict[str, str] = {}
    for sign in found:
        seen.setdefault(sign.lower().rstrip("s"), sign)  # "Trackback" and "Trackbacks" are one sign
    return list(seen.values())
