"""Pelican glue for citing and permanence (thin: the work is in `archive.publishing.citation`,
`archive.publishing.permalinks` and `archive.publishing.exports`).

Before any page is written (``all_generators_finalized``): editors' metadata
(content/documents/<id>.md) goes into the records, the build is checked
against the permalink registry, and every archival page gets its citation.
After the documents are written (``corpus_written``): cite.bib, cite.ris and
cite.json beside each page, the archive-level exports, sitemap.xml (when the
archive's address is known) and a redirect page at every retired document URL.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from markupsafe import Markup
from pelican import signals

from archive import __version__
from archive.publishing import permalinks
from archive.publishing.citation import (BLOG_POST, STYLES, Work, apply_document_meta, as_html, as_text, head_meta,
                              json_ld, kind_and_reason, read_document_meta, script_json, work_of)
from archive.linking.annotations import annotate, read_notes
from archive.shared.editorial import render_markdown
from archive.publishing.exports import bibtex, comments_csv, csl_json, documents_csv, records_jsonl, ris, sitemap

from .generator import ArchiveGenerator, _index_order, corpus_written
from .notes import publish_annotations, write_annotation_pages

# Set by a build run with ARCHIVE_REGISTER: (registry file, its new text, what it adds).
# `invoke build --register` writes it only once the whole build has succeeded.
pending_registration: tuple[Path, str, str] | None = None


@dataclass
class CiteView:
    """What document.html shows of one document's citation."""

    work: Work
    styles: list[tuple[str, Markup, str]]
    meta: list[tuple[str, str]]
    json_ld: Markup
    kind_label: str
    kind_reason: str
    set_aside: list[tuple[str, int]]
    note: Markup | None


def _setting(settings: dict, name: str) -> str | None:
    return settings.get(name) or os.environ.get(name) or None


def site_url(settings: dict) -> str:
    """The archive's public address (publishconf.py, ARCHIVE_SITEURL), or "" for relative URLs."""
    url = str(settings.get("SITEURL") or "").rstrip("/")
    return url if re.match(r"^https?://", url) else ""


def archived_date() -> str | None:
    """The build's date, from SOURCE_DATE_EPOCH only (never the clock)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    try:
        return datetime.fromtimestamp(int(epoch), timezone.utc).date().isoformat()
    except (ValueError, OverflowError):
        raise ValueError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970") from None


def _own_seeds(settings: dict) -> bool:
    """True when the build reads the archive's own captures (seeds/ beside content/)."""
    root = Path(settings["PATH"]).resolve().parent
    return Path(settings["ARCHIVE_SEEDS"]).resolve() == root / "seeds"


def _editorial_folder(settings: dict) -> Path | None:
    explicit = _setting(settings, "ARCHIVE_DOCUMENTS")
    if explicit:
        return Path(explicit)
    return Path(settings["PATH"]) / "documents" if _own_seeds(settings) else None


def registry_path(settings: dict) -> Path | None:
    """content/permalinks.json for the archive's own seeds; another seeds folder
    is checked only against a registry named with ARCHIVE_PERMALINKS (--permalinks)."""
    explicit = _setting(settings, "ARCHIVE_PERMALINKS")
    if explicit:
        return Path(explicit).resolve()
    return Path(settings["PATH"]).resolve() / "permalinks.json" if _own_seeds(settings) else None


def prepare(generators) -> None:
    generator = next((g for g in generators if isinstance(g, ArchiveGenerator)), None)
    if generator is None:
        return
    settings, context = generator.settings, generator.context
    records = context["archive_documents"]
    folder = _editorial_folder(settings)
    if folder is not None:
        for doc_id, page in read_document_meta(folder, {r["id"] for r in records}).items():
            record = next(r for r in records if r["id"] == doc_id)
            apply_document_meta(record, page, f"{folder.name}/{page.path.name}")
        records.sort(key=_index_order)
        context["archive_titles"].update({r["id"]: r["title"] or r["source"]["file"] for r in records})
    path = registry_path(settings)
    registry = _registry(settings, path)
    folder = _annotations_folder(settings)
    notes, problems = read_notes(folder, _shown(folder)) if folder else ([], [])
    if folder is not None and _setting(settings, "ARCHIVE_ANNOTATIONS") and not folder.is_dir():
        problems.append(f"{_shown(folder)}: no such folder of editors' notes (--annotations)")
    current = permalinks.published(records)
    shared = permalinks.published_passages(generator.corpus.passages)
    # registered passage pages this build does not publish, and where each lands
    moved = permalinks.passage_check(registry, shared, current) if registry else None
    annotations = annotate(notes, records, generator.corpus.passages, context["actor_names"],
                           registry.notes if registry else {}, registry.retired if registry else {}, problems,
                           registry.note_blocks if registry else {}, _passage_moves(moved))
    generator.corpus.problems.extend(annotations.problems)
    redirects = _check_permalinks(settings, path, registry, current, shared, moved, annotations,
                                  generator.corpus.warnings)
    generator.archive_redirects = redirects
    base, archived = site_url(settings), archived_date()
    context["archive_version"] = __version__
    context["archive_cite"] = {r["id"]: _cite_view(r, base, archived, settings["SITENAME"]) for r in records}
    context["archive_moved"] = _moved_anchors(redirects, base)
    publish_annotations(context, annotations, base)


def _passage_moves(moved: permalinks.Check | None) -> dict[str, str]:
    """Registered passage id → the passage that now stands on most of its places (passages merge
    and split as captures are added or corrected): where a note on the old passage goes."""
    if moved is None:
        return {}
    return {old[6:-1]: new[6:-1] for old, new in moved.redirects.items() if new.startswith("quote/")}


def _flag(settings: dict, name: str) -> bool:
    return _setting(settings, name) in ("1", "true", True)


def _registry(settings: dict, path: Path | None) -> permalinks.Registry | None:
    if path is None:
        return None
    return permalinks.load(path) if path.exists() or not _flag(settings, "ARCHIVE_REGISTER") else permalinks.Registry()


def _annotations_folder(settings: dict) -> Path | None:
    """content/annotations for the archive's own seeds; another seeds folder
    reads notes only from a folder named with ARCHIVE_ANNOTATIONS (--annotations)."""
    explicit = _setting(settings, "ARCHIVE_ANNOTATIONS")
    if explicit:
        return Path(explicit)
    return Path(settings["PATH"]) / "annotations" if _own_seeds(settings) else None


def _check_permalinks(settings: dict, path: Path | None, registry: permalinks.Registry | None,
                      current: dict, shared: dict, moved: permalinks.Check | None, annotations,
                      draft_warnings: list[str]) -> dict[str, str]:
    """Fail on any registered permalink that would vanish, or on new ones not registered
    (unless registering, or only warn in a draft build); returns retired permalink →
    where it lands (with the passage pages that merged, split or ceased to be shared)."""
    global pending_registration
    pending_registration = None
    if registry is None:
        return {}
    register = _flag(settings, "ARCHIVE_REGISTER")
    result = permalinks.check(registry, current)
    noted = annotations.permalinks()
    notes = permalinks.note_check(registry, noted, set(current) | set(shared))
    shown = _shown(path)
    vanished, new = result.vanished + moved.vanished + notes.vanished, result.new + moved.new + notes.new
    if vanished:
        raise permalinks.PermalinkError(permalinks.failure_message(vanished, shown))
    if new and not register:
        if _flag(settings, "ARCHIVE_DRAFT"):
            draft_warnings.append(f"draft build: {len(new)} new permalink(s) not registered ({', '.join(new[:5])}"
                                  f"{'…' if len(new) > 5 else ''}); run `invoke build --register` before publishing")
        else:
            raise permalinks.PermalinkError(permalinks.unregistered_message(new, shown))
    if register:
        grown = permalinks.registered_passages(permalinks.registered(registry, current), shared)
        grown = permalinks.registered_notes(grown, noted, annotations.block_prints())
        pending_registration = (path, permalinks.dumps(grown), _count(registry, current, shared, noted))
    return {**result.redirects, **moved.redirects, **notes.redirects}


def _count(registry: permalinks.Registry, current: dict, shared: dict, noted: dict) -> str:
    """"2 documents, 40 anchors, 3 passage pages and 2 note anchors": what registering adds."""
    docs = sum(1 for doc in current if doc not in registry.documents)
    anchors = sum(max(0, counts[key] - registry.documents.get(doc, {}).get(key, 0))
                  for doc, counts in current.items() for key in ("paragraphs", "comments"))
    passages = sum(1 for url in shared if url not in registry.passages)
    notes = sum(1 for note, places in noted.items() for place in places if place not in registry.notes.get(note, ()))
    if not notes:
        return f"{docs} new document(s), {anchors} new anchor(s) and {passages} new passage page(s)"
    return (f"{docs} new document(s), {anchors} new anchor(s), {passages} new passage page(s) "
            f"and {notes} new note anchor(s)")


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _cite_view(record: dict, base: str, archived: str | None, archive_name: str) -> CiteView:
    url = record["url"]
    work = work_of(record, f"{base}/{url}" if base else url, f"{base}/{url}" if base else "index.html",
                   archived, archive_name)
    styles = [(name, Markup(as_html(style(work))), as_text(style(work))) for name, style in STYLES]
    roles = record["line_roles"]
    set_aside = sorted(((role.split(": ", 1)[1], n) for role, n in roles.items() if role.startswith("boilerplate: ")),
                       key=lambda item: (-item[1], item[0]))
    note = record["provenance"]["note"]
    return CiteView(work, styles, head_meta(work), Markup(script_json(json_ld(work, len(record["comments"])))),
                    "blog post" if work.kind == BLOG_POST else "newspaper article", kind_and_reason(record)[1],
                    set_aside,
                    Markup(render_markdown(note)) if note else None)


def _moved_anchors(redirects: dict[str, str], base: str) -> dict[str, list[tuple[str, str, str]]]:
    """Document id → [(old anchor, href from its page, permalink it now has)]."""
    moved = {}
    for doc, anchors in permalinks.moved_anchors(redirects).items():
        doc_id = doc.split("/")[1]
        moved[doc_id] = [(old, _href_from(doc, new), f"{base}/{new}" if base else new) for old, new in anchors]
    return moved


def _href_from(page_folder: str, permalink: str) -> str:
    """A relative link from the page at ``page_folder`` (doc/<id>/) to ``permalink``."""
    doc, _, anchor = permalink.partition("#")
    if doc == page_folder:
        return f"index.html#{anchor}" if anchor else "index.html"
    return "../../" + doc + "index.html" + (f"#{anchor}" if anchor else "")


def write(sender, corpus) -> None:
    if not isinstance(sender, ArchiveGenerator):
        return
    out = Path(sender.output_path)
    cite = sender.context["archive_cite"]
    base = site_url(sender.settings)
    for record in corpus.records:
        work = cite[record["id"]].work
        folder = out / record["url"]
        _write(folder / "cite.bib", bibtex(work))
        _write(folder / "cite.ris", ris(work), newline="")
        _write(folder / "cite.json", csl_json(work))

    def permalink(url: str) -> str:
        return f"{base}/{url}" if base else url

    _write(out / "exports" / "records.jsonl", records_jsonl(corpus.records))
    # UTF-8 with a byte-order mark: how Excel and LibreOffice know a CSV is UTF-8
    _write(out / "exports" / "documents.csv", documents_csv(corpus.records, permalink), newline="", bom=True)
    _write(out / "exports" / "comments.csv", comments_csv(corpus.records, permalink), newline="", bom=True)
    if base:
        pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
        urls = [permalink(p[:-len("index.html")] if p.endswith("index.html") else p) for p in pages]
        _write(out / "sitemap.xml", sitemap(urls, archived_date()))
    elif sender.settings.get("ARCHIVE_PUBLISH"):
        corpus.warnings.append("published without ARCHIVE_SITEURL: canonical and citation URLs are relative, "
                               "and no sitemap.xml was written")
    _write_redirects(sender, out, base)
    write_annotation_pages(sender, out, _write)


def _write_redirects(sender, out: Path, base: str) -> None:
    redirects = getattr(sender, "archive_redirects", {})
    moved = permalinks.moved_anchors(redirects)
    template = sender.get_template("redirect")
    titles = sender.context["archive_titles"]
    for old, new in redirects.items():
        if "#" in old:
            continue  # an anchor: its document page says where it went
        anchors = {anchor: _href_from(old, target) for anchor, target in moved.get(old, [])}
        passage = old.startswith("quote/")
        html = template.render(dict(
            sender.context, SITEURL="../..", old=old, target=new, passage=passage,
            target_href=_href_from(old, new), canonical=f"{base}/{new}" if base else _href_from(old, new),
            target_title=("the shared passage" if new.startswith("quote/")
                          else titles.get(new.split("/")[1], new)),
            anchor_map=Markup(script_json(anchors)), target_json=Markup(script_json(_href_from(old, new)))))
        _write(out / old / "index.html", html)


def _write(path: Path, text: str, newline: str | None = None, bom: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline=newline) as handle:
        handle.write(text)


def register() -> None:
    signals.all_generators_finalized.connect(prepare)
    corpus_written.connect(write)
