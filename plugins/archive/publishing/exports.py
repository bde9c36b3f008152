"""Files for reference managers and researchers.

Per document (beside its page): BibTeX, RIS and CSL-JSON of a `citation.Work`.
Per archive: every record as JSON Lines, CSV tables of documents and comments,
and sitemap.xml. Every text is the capture's own, untrusted: each format
escapes it its own way. The same input always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from xml.sax.saxutils import escape as xml_escape

from .citation import BLOG_POST, NO_ADDRESS, Work, item_kind

# BibTeX ---------------------------------------------------------------------------

# BibTeX matches braces even after a backslash, so "\{" cannot stand alone: braces of
# the text are written as commands, and every brace in a field is one of a pair.
_LATEX = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "%": r"\%",
          "&": r"\&", "$": r"\$", "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}


def bibtex_text(text: str) -> str:
    """Text safe inside a BibTeX field: LaTeX specials escaped, braces always balanced."""
    text = " ".join(_printable(text).split())
    return "".join(_LATEX.get(ch, ch) for ch in text)


def _url(url: str) -> str:
    """A URL safe in a verbatim field: only braces, backslashes and spaces are encoded."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def _printable(text: str) -> str:
    return "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)


def cite_key(work: Work) -> str:
    who = work.authors[0].family or work.authors[0].literal if work.authors else (work.site or "anon")
    ascii_who = unicodedata.normalize("NFKD", who).encode("ascii", "ignore").decode().lower()
    return f"{re.sub(r'[^a-z0-9]', '', ascii_who)[:20] or 'anon'}{work.year or 'nd'}-{work.id[:8]}"


def _inferred(work: Work) -> str:
    """The note's clause that says the date's year is not the page's own ("" when it is)."""
    return f"; the dateline gives no year: {work.year_inferred}" if work.year_inferred else ""


def _public(work: Work) -> str | None:
    return work.archive_url if work.public else None


def bibtex(work: Work) -> str:
    """A biblatex entry: @online for a blog post, @article (newspaper) for news."""
    fields = []
    if work.authors:
        fields.append(("author", " and ".join(_bib_name(n) for n in work.authors)))
    fields.append(("title", "{" + bibtex_text(work.display_title) + "}"))
    if work.site:
        fields.append(("journaltitle" if work.kind != BLOG_POST else "organization", bibtex_text(work.site)))
    if work.kind != BLOG_POST:
        fields.append(("entrysubtype", "newspaper"))
    if work.date:
        y, m, d = work.date_parts
        fields += [("date", work.date[:10]), ("year", str(y)), ("month", str(m))]
    url = work.original_url or _public(work)
    if url:
        fields.append(("url", _url(url)))
    if work.captured:
        fields.append(("urldate", work.captured[:10]))
    where = f"at \\url{{{_url(work.archive_url)}}}" if work.public else NO_ADDRESS
    note = f"Archived by {bibtex_text(work.archive_name)} {where}; capture SHA-256 {work.sha256}"
    note += bibtex_text(_inferred(work))
    fields.append(("note", note))
    entry = "online" if work.kind == BLOG_POST else "article"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry}{{{cite_key(work)},\n{body}\n}}\n"


def _bib_name(name) -> str:
    """"von Last, Jr, First"; one-word names and bodies in braces, taken as they are."""
    if name.literal or " and " in f" {name.display.lower()} ":
        return "{" + bibtex_text(name.display) + "}"
    family = bibtex_text(f"{name.particle} {name.family}".strip())
    given = bibtex_text(name.given)
    return f"{family}, {bibtex_text(name.suffix)}, {given}" if name.suffix else f"{family}, {given}"


# RIS ------------------------------------------------------------------------------

def _ris_value(text: str) -> str:
    """One line of text: line breaks and control characters become spaces."""
    return " ".join(_printable(text).split())


def ris(work: Work) -> str:
    lines = [("TY", "BLOG" if work.kind == BLOG_POST else "NEWS")]
    lines += [("AU", n.sort_form) for n in work.authors]
    lines.append(("TI", work.display_title))
    if work.site:
        lines.append(("T2", work.site))
    if work.date:
        y, m, d = work.date_parts
        lines += [("PY", str(y)), ("DA", f"{y:04d}/{m:02d}/{d:02d}/")]
    if work.original_url or work.public:
        lines.append(("UR", work.original_url or work.archive_url))
    if work.captured:
        lines.append(("Y2", work.captured[:10].replace("-", "/")))
    where = f"at {work.archive_url}" if work.public else NO_ADDRESS
    lines += [("DB", work.archive_name)] + ([("AN", work.archive_url)] if work.public else [])
    lines.append(("N1", f"Archived {where}; capture {work.file}, SHA-256 {work.sha256}{_inferred(work)}"))
    return "".join(f"{tag}  - {_ris_value(value)}\r\n" for tag, value in lines) + "ER  - \r\n"


# CSL-JSON -------------------------------------------------------------------------

def csl_json(work: Work) -> str:
    item = {"id": cite_key(work), "type": "post-weblog" if work.kind == BLOG_POST else "article-newspaper",
            "title": work.display_title, "archive": work.archive_name,
            "note": f"Capture {work.file}, SHA-256 {work.sha256}" + ("" if work.public else f"; {NO_ADDRESS}")
            + _inferred(work)}
    if work.original_url or work.public:
        item["URL"] = work.original_url or work.archive_url
    if work.public:
        item["archive_location"] = work.archive_url
    if work.authors:
        item["author"] = [_csl_name(n) for n in work.authors]
    if work.site:
        item["container-title"] = work.site
    if work.date:
        item["issued"] = {"date-parts": [work.date_parts], **({"circa": True} if work.year_inferred else {})}
    if work.captured:
        item["accessed"] = {"date-parts": [[int(x) for x in work.captured[:10].split("-")]]}
    return json.dumps([item], ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _csl_name(name) -> dict:
    if name.literal:
        return {"literal": name.literal}
    out = {"family": name.family, "given": name.given}
    if name.particle:
        out["non-dropping-particle"] = name.particle
    if name.suffix:
        out["suffix"] = name.suffix
    return out


# Archive-level exports ------------------------------------------------------------

def records_jsonl(records: list[dict]) -> str:
    """Every record on one line, by id."""
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n"
                   for r in sorted(records, key=lambda r: r["id"]))


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A CSV cell a spreadsheet will not run: text starting = + - @ gets a leading quote."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def _csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[safe_cell(v) for v in row] for row in rows])
    return out.getvalue()


def documents_csv(records: list[dict], permalink) -> str:
    header = ["id", "permalink", "title", "date", "authors", "site", "type", "paragraphs", "comments",
              "comments_stated", "source_file", "source_sha256", "original_url", "captured", "archive_version",
              "date_inferred"]
    rows = [[r["id"], permalink(r["url"]), r["title"], r["date"], "; ".join(r["authors"]), r["site"],
             item_kind(r), len(r["paragraphs"]), len(r["comments"]), r["comments_stated"],
             r["source"]["file"], r["source"]["sha256"], r["provenance"]["original_url"],
             r["provenance"]["captured"], r["archive_version"], r.get("date_inferred")]
            for r in sorted(records, key=lambda r: r["id"])]
    return _csv(header, rows)


def comments_csv(records: list[dict], permalink) -> str:
    header = ["document_id", "comment_id", "number", "permalink", "author", "date", "replies_to",
              "duplicate_of", "quotes", "text", "date_inferred"]
    rows = [[r["id"], c["id"], c["number"], permalink(f"{r['url']}#{c['id']}"), c["author"], c["date"],
             c["replies_to"], c["duplicate_of"], " ".join(c["quotes"]), c["text"], c.get("date_inferred")]
            for r in sorted(records, key=lambda r: r["id"]) for c in r["comments"]]
    return _csv(header, rows)


def sitemap(urls: list[str], lastmod: str | None = None) -> str:
    """sitemap.xml of absolute ``urls``; ``lastmod`` only when the build has a date."""
    mod = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
    entries = "".join(f"  <url><loc>{xml_escape(url)}</loc>{mod}</url>\n" for url in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</urlset>\n")
