"""Editors' notes as W3C Web Annotations (JSON-LD), for other tools to import.

Each note shown on a document becomes an ``Annotation`` whose target is the
document's page with two selectors: a ``FragmentSelector`` naming the
paragraph or comment (``p3``, ``c7``) refined by a ``TextPositionSelector``
(characters within that paragraph or comment as the record gives its text),
and a ``TextQuoteSelector`` (exact, prefix, suffix). See
https://www.w3.org/TR/annotation-model/.
"""

from __future__ import annotations

import json
from typing import Callable

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
HTML_FRAGMENT = "http://www.w3.org/TR/html/"


def annotation(shown, url: Callable[[str], str], body_html: str) -> dict:
    """One note on one document page; ``url`` turns a permalink into the address cited."""
    note, place = shown.note, shown.place
    selectors = [{"type": "FragmentSelector", "conformsTo": HTML_FRAGMENT, "value": place.block,
                  "refinedBy": {"type": "TextPositionSelector", "start": place.start, "end": place.end}},
                 {"type": "TextQuoteSelector", "exact": place.exact, "prefix": place.prefix,
                  "suffix": place.suffix}]
    bodies = [{"type": "TextualBody", "format": "text/markdown", "language": "en", "purpose": "commenting",
               "value": note.body},
              {"type": "TextualBody", "format": "text/html", "language": "en", "purpose": "commenting",
               "value": body_html}]
    bodies += [{"type": "SpecificResource", "purpose": "tagging", "source": url(f"actor/{tag}/")}
               for tag in note.tags]
    found = {"id": url(shown.permalink), "type": "Annotation", "motivation": "commenting",
             "creator": {"type": "Person", "name": note.author}, "body": bodies,
             "target": {"type": "SpecificResource", "source": url(shown.page), "selector": selectors}}
    if note.date:
        found["created"] = note.date
    return found


def collection(items: list[dict], url: Callable[[str], str], label: str) -> str:
    """An ``AnnotationCollection`` of ``items``, as stable JSON text."""
    data = {"@context": CONTEXT, "id": url("exports/annotations.jsonld"), "type": "AnnotationCollection",
            "label": label, "total": len(items),
            "first": {"id": url("exports/annotations.jsonld?page=1"), "type": "AnnotationPage", "startIndex": 0,
                      "items": items}}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
