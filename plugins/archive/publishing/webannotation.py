"""Editors' notes as W3C Web Annotations (JSON-LD), for other tools to import.

Each note shown on a document becomes an ``Annotation`` whose target is the
document's page, selected in two ways that a tool may use either of: a
``FragmentSelector`` naming the paragraph or comment (``p3``, ``c7``, the
page's own anchors), refined by a ``TextQuoteSelector`` of the words within
it; and a ``TextQuoteSelector`` (exact, prefix, suffix) alone. A note on a
passage that runs over several paragraphs has one target per paragraph. See
https://www.w3.org/TR/annotation-model/.
"""

from __future__ import annotations

import json
from typing import Callable

from archive.linking.annotations.anchoring import place_at

CONTEXT_URL = "http://www.w3.org/ns/anno.jsonld"
HTML_FRAGMENT = "http://www.w3.org/TR/html/"


def annotation(shown, url: Callable[[str], str], body_html: str, texts: dict[str, str]) -> dict:
    """One note on one document page; ``url`` turns a permalink into the address cited,
    ``texts`` gives each paragraph's and comment's text as the record has it."""
    note = shown.note
    spans = shown.spans or [(shown.place.block, shown.place.start, shown.place.end)]
    targets = [_target(url(shown.page), block, texts[block], start, end) for block, start, end in spans]
    bodies = [{"type": "TextualBody", "format": "text/markdown", "language": "en", "purpose": "commenting",
               "value": note.body},
              {"type": "TextualBody", "format": "text/html", "language": "en", "purpose": "commenting",
               "value": body_html}]
    bodies += [{"type": "SpecificResource", "purpose": "tagging", "source": url(f"actor/{tag}/")}
               for tag in note.tags]
    found = {"id": url(shown.permalink), "type": "Annotation", "motivation": "commenting",
             "creator": {"name": note.author}, "body": bodies,
             "target": targets[0] if len(targets) == 1 else targets}
    if note.date:
        found["created"] = note.date
    return found


def _target(source: str, block: str, text: str, start: int, end: int) -> dict:
    words = place_at(block, text, start, end)
    quote = {"type": "TextQuoteSelector", "exact": words.exact, "prefix": words.prefix, "suffix": words.suffix}
    return {"type": "SpecificResource", "source": source,
            "selector": [{"type": "FragmentSelector", "conformsTo": HTML_FRAGMENT, "value": block,
                          "refinedBy": dict(quote)}, quote]}


def collection(items: list[dict], url: Callable[[str], str], label: str) -> str:
    """An ``AnnotationCollection`` of ``items``, as stable JSON text."""
    data = {"@context": CONTEXT_URL, "id": url("exports/annotations.jsonld"), "type": "AnnotationCollection",
            "label": label, "total": len(items),
            "first": {"id": url("exports/annotations.jsonld?page=1"), "type": "AnnotationPage", "startIndex": 0,
                      "items": items}}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
