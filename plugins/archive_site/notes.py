"""Pelican glue for editors' notes (the work is in `archive.linking.annotations`).

`publish_annotations` puts the placed notes where the templates and the
search index find them (and into each record); `write_annotation_pages`
writes the annotations index, the editors' report and the Web Annotation
export once the documents are written.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from markupsafe import Markup

from archive.linking.annotations import Annotations, Shown, blocks_of, highlights, resolver
from archive.linking.annotations.bodies import render
from archive.publishing.webannotation import annotation, collection


def publish_annotations(context: dict, annotations: Annotations, base: str) -> None:
    records = {r["id"]: r for r in context["archive_documents"]}
    passages = {p.id: p for p in context["archive_passages"]}
    permalinks = {n.id: first.permalink if (first := primary(annotations, n.id)) else "" for n in annotations.notes}
    resolve = resolver(records, passages, context["actor_names"], permalinks)
    rendered: dict[tuple[str, str], Markup] = {}

    def note_html(shown: Shown, siteurl: str) -> Markup:
        key = (shown.note.id, siteurl)
        if key not in rendered:
            rendered[key] = Markup(render(shown.note.body, resolve, siteurl))
        return rendered[key]

    def url(permalink: str) -> str:
        return f"{base}/{permalink}" if base else permalink

    def note_cite(shown: Shown) -> str:
        """"Editor, note on “Title”, Archive, 2026-12-01, URL#a3"."""
        if shown.page.startswith("doc/"):
            about = f"“{context['archive_titles'][shown.page[4:-1]]}”"
        else:
            about = f"a passage shared by {len({o.doc for o in passages[shown.page[6:-1]].occurrences})} documents"
        parts = [shown.note.author, f"note on {about}", context["SITENAME"], shown.note.date or "undated",
                 url(shown.permalink)]
        return ", ".join(parts)

    context.update(archive_annotations=annotations, archive_notes=annotations.pages, note_html=note_html,
                   note_cite=note_cite, note_base=base,
                   note_marks={doc: highlights(annotations.pages.get(f"doc/{doc}/", []), record)
                               for doc, record in records.items()},
                   notes_by_actor=_by_tag(annotations, context["actor_names"]))
    for doc, record in records.items():
        record["annotations"] = [_entry(s, note_html(s, "../..")) for s in annotations.pages.get(f"doc/{doc}/", [])]


def primary(annotations: Annotations, note_id: str) -> Shown | None:
    """Where a note is first shown: its passage's page, else its document."""
    shown = annotations.shown(note_id)
    return min(shown, key=lambda s: (not s.page.startswith("quote/"), s.page), default=None)


def _by_tag(annotations: Annotations, actors: dict[str, str]) -> dict[str, list[Shown]]:
    """Actor id → the notes tagged with it (a tag naming no actor is reported, and listed nowhere)."""
    found: dict[str, list[Shown]] = {}
    for note in annotations.notes:
        first = primary(annotations, note.id)
        if first is not None:
            for tag in note.tags:
                if tag in actors:
                    found.setdefault(tag, []).append(first)
    return found


def plain(html: str) -> str:
    """The text of a note's HTML: words as written, blocks apart ("¶6 and the note." stays so)."""
    for end in ("</p>", "</li>", "</h1>", "</h2>", "</h3>", "</blockquote>", "<br />"):
        html = html.replace(end, end + " ")
    return " ".join(BeautifulSoup(html, "html.parser").get_text("").split())


def _entry(shown: Shown, html: str) -> dict:
    """What record.json says of one note on the document."""
    note = shown.note
    entry = {"anchor": shown.anchor, "permalink": shown.permalink, "note": note.id, "author": note.author,
             "date": note.date, "tags": list(note.tags), "target": note.target.url, "body": note.body,
             "text": plain(html), "source": note.where, "lost": shown.lost, "selector": None}
    if shown.place is not None:
        place = shown.place
        entry["selector"] = {"block": place.block, "start": place.start, "end": place.end,
                             "exact": place.exact, "prefix": place.prefix, "suffix": place.suffix}
    return entry


def write_annotation_pages(sender, out: Path, write) -> None:
    """annotations/index.html, annotations/report.html and exports/annotations.jsonld."""
    context = sender.context
    annotations: Annotations = context["archive_annotations"]
    note_html, base = context["note_html"], context["note_base"]

    def url(permalink: str) -> str:  # from exports/, where the file is, when the archive has no address
        return f"{base}/{permalink}" if base else f"../{permalink}"

    records = {r["id"]: r for r in context["archive_documents"]}
    texts = {doc: {b.id: b.text for b in blocks_of(record)} for doc, record in records.items()}
    items = [annotation(s, url, str(note_html(s, base or "..")), texts[page[4:-1]])
             for page, shown in sorted(annotations.pages.items())
             if page.startswith("doc/") for s in shown if s.place is not None]
    write(out / "exports" / "annotations.jsonld",
          collection(items, url, f"{context['SITENAME']}: editors' notes"))
    listed = [(note, primary(annotations, note.id)) for note in annotations.notes]
    placed = [(note, first) for note, first in listed if first is not None]
    titles = context["archive_titles"]
    documents = sorted(((page[4:-1], shown) for page, shown in annotations.pages.items() if page.startswith("doc/")),
                       key=lambda item: titles[item[0]].casefold())
    authors: dict[str, list] = {}
    for note, first in placed:
        authors.setdefault(note.author, []).append(first)
    lost = [s for page in annotations.pages.values() for s in page if s.lost]
    common = dict(context, SITEURL="..", documents=documents, placed=placed,
                  authors=sorted(authors.items(), key=lambda item: item[0].casefold()),
                  tags=sorted(context["notes_by_actor"].items(),
                              key=lambda item: context["actor_names"].get(item[0], item[0]).casefold()),
                  unplaced=annotations.unplaced, lost=lost, note_problems=annotations.other_problems)
    write(out / "annotations" / "index.html", sender.get_template("annotations").render(common))
    write(out / "annotations" / "report.html", sender.get_template("annotations_report").render(common))

