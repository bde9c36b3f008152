"""What search knows of a document: its fields (for the index) and what a
result shows (title, date, site, and the text for a snippet: a paragraph,
a comment or an editors' note)."""

from __future__ import annotations

from .analysis import actor_token, fold_accents, site_token, split_punctuation, year_token

# Field → boost. `actors` and `comment_actors` carry the actors named in the
# article and in the comments, `note_actors` those the editors' notes are tagged with;
# `facets` the year and site tokens that filters require.
FIELDS = {"title": 10, "body": 1, "comments": 1, "actors": 5, "comment_actors": 5, "authors": 3, "site": 2,
          "facets": 1, "notes": 1, "note_actors": 1}
ARTICLE_FIELDS = ("title", "body", "authors", "site")  # where "in the article" looks
COMMENT_FIELDS = ("comments",)
NOTE_FIELDS = ("notes",)  # the editors' notes shown on the document


def fields(record: dict) -> dict[str, str]:
    """The text of each field, accents folded."""
    year = (record.get("date") or "")[:4]
    facets = [year_token(year)] if year else []
    if record.get("site"):
        facets.append(site_token(record["site"]))
    values = {
        "title": record.get("title") or "",
        "body": "\n".join(p["text"] for p in record["paragraphs"]),
        "comments": "\n".join(f"{c['author'] or ''} {c['text']}" for c in record["comments"]),
        "actors": " ".join(actor_token(a["id"]) for a in record.get("actors", ()) if a["mentions"]["article"]),
        "comment_actors": " ".join(actor_token(a["id"]) for a in record.get("actors", ())
                                   if a["mentions"]["comments"]),
        "authors": " ".join(record.get("authors") or ()),
        "site": record.get("site") or "",
        "facets": " ".join(facets),
        "notes": "\n".join(a["text"] for a in record.get("annotations", ())),
        "note_actors": " ".join(dict.fromkeys(actor_token(tag) for a in record.get("annotations", ())
                                              for tag in a["tags"])),
    }
    return {name: split_punctuation(fold_accents(text)) for name, text in values.items()}


def shown(record: dict) -> dict:
    """What a result shows, and the blocks a snippet is cut from."""
    blocks = [[p["id"], "p", None, p["text"]] for p in record["paragraphs"]]
    blocks += [[c["id"], "c", c["author"], c["text"]] for c in record["comments"]]
    blocks += [[a["anchor"], "a", a["author"], a["text"]] for a in record.get("annotations", ())]
    return {"id": record["id"], "url": record["url"], "title": record.get("title"), "date": record.get("date"),
            "site": record.get("site"), "authors": record.get("authors") or [], "blocks": blocks}
