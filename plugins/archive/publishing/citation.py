"""What a citation of an archived document says, and how three styles write it.

`work_of` turns a record into a `Work` (the original page, plus where the
archive keeps it); `chicago`, `apa` and `mla` format it as pieces of text,
some italic, that `as_html` and `as_text` render. `head_meta` and `json_ld`
give the metadata reference managers and search engines read. Nothing the
capture (or an editor) does not give is invented: missing fields are left out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from archive.shared.editorial import EditorialError, MarkdownFile, editor_date, read_markdown
from .pagekind import BLOG_POST, KINDS, NEWS_ARTICLE, kind_and_reason

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MLA_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
PARTICLES = {"al", "el", "bin", "ibn", "da", "de", "del", "della", "der", "di", "du", "la", "le",
             "van", "von", "dos", "das", "ter", "ten"}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# Bylines that name a body, not a person: never inverted into "Press, Associated".
ORGANISATION_WORDS = {"press", "staff", "reuters", "agency", "agencies", "desk", "news", "editors",
                      "editorial", "board", "bureau", "team", "afp", "ap", "wire", "correspondent"}


@dataclass(frozen=True)
class Name:
    """A personal name split for citation; ``literal`` for one-word names and bodies."""

    family: str = ""
    given: str = ""
    particle: str = ""
    suffix: str = ""
    literal: str = ""
    organisation: bool = False

    @property
    def sort_form(self) -> str:  # "Gordon, Michael R." / "Sadr, Muqtada al-"
        if self.literal:
            return self.literal
        family = f"{self.particle} {self.family}".strip()
        return ", ".join(x for x in (family, self.given, self.suffix) if x)

    @property
    def display(self) -> str:  # "Michael R. Gordon"
        if self.literal:
            return self.literal
        name = " ".join(x for x in (self.given, self.particle, self.family) if x)
        return f"{name}, {self.suffix}" if self.suffix else name

    @property
    def initials(self) -> str:  # APA: "M. R."
        parts = re.split(r"([\s-]+)", self.given)
        return "".join(p[0] + "." if p.strip(" -") else ("-" if "-" in p else " ") for p in parts if p)


def split_name(name: str) -> Name:
    """Split a byline name, "First Last" or "Last, First", with particles and a suffix
    ("Jr.", "II"); a one-word name, a body or anything else stays whole (``literal``)."""
    text = " ".join(name.split())
    if any(w.lower().strip(".,") in ORGANISATION_WORDS for w in text.split()):
        return Name(literal=text, organisation=True)
    parts = [p.strip() for p in text.split(",")]
    suffix = parts.pop() if len(parts) > 1 and parts[-1].lower() in SUFFIXES else ""
    if len(parts) > 2 or not all(parts):
        return Name(literal=text)
    family = parts[0].split()
    if not suffix and len(family) > 1 and family[-1].lower() in SUFFIXES:
        suffix = family.pop()
    if len(parts) == 2:  # "Last, First": particles lead the family part
        given, particles = parts[1], []
        while len(family) > 1 and family[0].lower() in PARTICLES:
            particles.append(family.pop(0))
    else:  # "First Last": the last word is the family name
        if len(family) < 2:
            return Name(literal=text)
        given, family, particles = family[:-1], family[-1:], []
        while len(given) > 1 and given[-1].lower() in PARTICLES:
            particles.insert(0, given.pop())
        given = " ".join(given)
    return Name(family=" ".join(family), given=given, particle=" ".join(particles), suffix=suffix)


@dataclass(frozen=True)
class Work:
    """The original page as cited, and where the archive keeps it."""

    id: str
    title: str | None
    authors: tuple[Name, ...]
    site: str | None
    date: str | None  # ISO 8601 date, possibly with a time
    kind: str
    archive_url: str  # absolute when the archive's address is known, else relative to its root
    page_url: str  # the same page as a link from itself: absolute, or "index.html"
    sha256: str
    file: str
    original_url: str | None = None
    captured: str | None = None  # when the capture was made, where an editor says
    archived: str | None = None  # the build's date (SOURCE_DATE_EPOCH)
    archive_name: str = "Annotated Web Archive"
    year_inferred: str | None = None  # where the date's year came from, when its dateline gave none

    @property
    def public(self) -> bool:
        """Has this copy of the archive a public address (`ARCHIVE_SITEURL`)?"""
        return "://" in self.archive_url

    @property
    def display_title(self) -> str:
        return self.title or f"[Untitled page, capture {self.file}]"

    @property
    def year(self) -> str | None:
        return self.date[:4] if self.date else None

    @property
    def date_parts(self) -> list[int]:
        return [int(x) for x in self.date[:10].split("-")] if self.date else []


def item_kind(record: dict) -> str:
    """Blog post or newspaper article, so that reference managers pick the right type."""
    return kind_and_reason(record)[0]


def work_of(record: dict, archive_url: str, page_url: str = "index.html", archived: str | None = None,
            archive_name: str = "Annotated Web Archive") -> Work:
    provenance = record.get("provenance") or {}
    return Work(
        id=record["id"], title=record["title"], authors=tuple(split_name(a) for a in record["authors"]),
        site=record["site"], date=record["date"], kind=item_kind(record), archive_url=archive_url, page_url=page_url,
        sha256=record["source"]["sha256"], file=record["source"]["file"],
        original_url=provenance.get("original_url"), captured=provenance.get("captured"),
        archived=archived, archive_name=archive_name, year_inferred=record.get("date_inferred"))


# Formatted citations: a list of (text, italic) pieces.
Pieces = list[tuple[str, bool]]


def _year(work: Work) -> str | None:
    """The year as cited: in square brackets when the page did not give it (supplied
    information, as cataloguers and the Chicago and MLA manuals mark it)."""
    if work.year is None:
        return None
    return f"[{work.year}]" if work.year_inferred else work.year


def _long_date(iso: str | None, year: str | None = None) -> str | None:
    if not iso:
        return None
    year_given, month, day = (int(x) for x in iso[:10].split("-"))
    return f"{MONTHS[month - 1]} {day}, {year or year_given}"


def _closed(text: str, mark: str = ".") -> str:
    """``text`` ending with ``mark`` unless it already ends a sentence."""
    return text if text.endswith((".", "?", "!")) else text + mark


def _quoted(work: Work) -> str:
    """The title in quotation marks; an untitled page's description in brackets, unquoted."""
    return f"“{_closed(work.title)}” " if work.title else _closed(work.display_title) + " "


def _join_names(names: list[str], conjunction: str, serial: bool = True) -> str:
    if len(names) < 3:
        return f" {conjunction} ".join(names)
    return ", ".join(names[:-1]) + ("," if serial else "") + f" {conjunction} " + names[-1]


# What a citation says of a copy built without ARCHIVE_SITEURL (the cite box tells the builder how to fix it)
NO_ADDRESS = "in a copy of the archive that has no public address"


def _archive_tail(work: Work, dated=None) -> str:
    """When the page was captured and archived (the build's date, `SOURCE_DATE_EPOCH`), and where."""
    when = dated or _long_date
    captured = f"Captured {when(work.captured)}; archived" if work.captured else "Archived"
    if work.archived:
        captured += f" {when(work.archived)}"
    if not work.public:  # a path inside one copy of the archive is no address to cite
        return f"{captured} {NO_ADDRESS}. Capture SHA-256: {work.sha256}."
    return f"{captured} at {work.archive_url}. Capture SHA-256: {work.sha256}."


def chicago(work: Work) -> Pieces:
    """Chicago (17th ed., notes-bibliography) bibliography entry."""
    out: Pieces = []
    if work.authors:
        names = [work.authors[0].sort_form] + [n.display for n in work.authors[1:]]
        # the first name inverted, so a comma before "and" even for two: "Ward, Geoffrey C., and Ken Burns."
        joined = f"{names[0]}, and {names[1]}" if len(names) == 2 else _join_names(names, "and")
        out.append((_closed(joined) + " ", False))
    out.append((_quoted(work), False))
    if work.site:
        out += [(work.site, True), (" (blog)" if work.kind == BLOG_POST else "", False)]
    out.append(((", " if work.site else "") + (_closed(_long_date(work.date, _year(work)) or "n.d.")) + " ", False))
    if work.original_url:
        out.append((work.original_url + ". ", False))
    out.append((_archive_tail(work), False))
    return _merged(out)


def _apa_date(work: Work) -> str:
    if not work.date:
        return "n.d."
    _, month, day = (int(x) for x in work.date[:10].split("-"))
    return f"{_year(work)}, {MONTHS[month - 1]} {day}"


def apa(work: Work) -> Pieces:
    """APA (7th ed.) reference: blog post or news website article."""
    out: Pieces = []
    title_italic = work.kind == NEWS_ARTICLE
    title = [(work.display_title, title_italic)]
    if work.kind == BLOG_POST:
        title.append((" [Blog post]", False))
    ends = "" if work.kind != BLOG_POST and work.display_title.endswith((".", "?", "!")) else "."
    if work.authors:
        names = [f"{n.family if not n.particle else n.particle + ' ' + n.family}, {n.initials}".rstrip(", ")
                 if not n.literal else n.literal for n in work.authors]
        names = [f"{n}, {a.suffix}" if a.suffix else n for n, a in zip(names, work.authors)]
        joined = ", ".join(names[:-1]) + ", & " + names[-1] if len(names) > 1 else names[0]
        out.append((_closed(joined) + f" ({_apa_date(work)}). ", False))
        out += title + [(ends + " ", False)]
    else:
        out += title + [(f"{ends} ({_apa_date(work)}). ", False)]
    if work.site:
        out += [(work.site, work.kind == BLOG_POST), (". ", False)]
    if work.original_url:
        out.append((work.original_url + " ", False))
    out.append((_archive_tail(work), False))
    return _merged(out)


def _mla_date(iso: str | None, year: str | None = None) -> str | None:
    if not iso:
        return None
    year_given, month, day = (int(x) for x in iso[:10].split("-"))
    return f"{day} {MLA_MONTHS[month - 1]} {year or year_given}"


def mla(work: Work) -> Pieces:
    """MLA (9th ed.) works-cited entry."""
    out: Pieces = []
    authors = work.authors
    if len(authors) == 1:
        out.append((_closed(authors[0].sort_form) + " ", False))
    elif len(authors) == 2:
        out.append((_closed(f"{authors[0].sort_form}, and {authors[1].display}") + " ", False))
    elif authors:
        out.append((f"{authors[0].sort_form}, et al. ", False))
    out.append((_quoted(work), False))
    container = [x for x in (work.site, _mla_date(work.date, _year(work)), work.original_url) if x]
    if work.site:
        out.append((work.site, True))
        container = container[1:]
        out.append(((", " + ", ".join(container)) if container else "", False))
        out.append((". ", False))
    elif container:
        out.append((", ".join(container) + ". ", False))
    out.append((_archive_tail(work, _mla_date), False))
    return _merged(out)


STYLES = (("Chicago", chicago), ("APA", apa), ("MLA", mla))


def _merged(pieces: Pieces) -> Pieces:
    out: Pieces = []
    for text, italic in pieces:
        if not text:
            continue
        if out and out[-1][1] == italic:
            out[-1] = (out[-1][0] + text, italic)
        else:
            out.append((text, italic))
    if out:
        out[-1] = (out[-1][0].rstrip(), out[-1][1])
    return out


def as_html(pieces: Pieces) -> str:
    """The citation as HTML: every piece escaped, italics as <i>."""
    return "".join(f"<i>{escape(t)}</i>" if italic else escape(t) for t, italic in pieces)


def as_text(pieces: Pieces) -> str:
    return "".join(t for t, _italic in pieces)


def _slash_date(iso: str) -> str:
    return iso[:10].replace("-", "/")


def head_meta(work: Work) -> list[tuple[str, str]]:
    """(name, content) of the <meta> tags: Highwire Press citation_* and Dublin Core."""
    tags = [("citation_title", work.title)] if work.title else []
    tags += [("citation_author", n.sort_form) for n in work.authors]
    if work.date:
        tags += [("citation_publication_date", _slash_date(work.date)), ("citation_date", _slash_date(work.date))]
    if work.site:
        tags.append(("citation_publisher", work.site))
    tags.append(("citation_public_url", work.page_url))
    if work.title:
        tags.append(("DC.title", work.title))
    tags += [("DC.creator", n.sort_form) for n in work.authors]
    if work.date:
        tags.append(("DC.date", work.date[:10]))
    # Zotero reads DC.type as its item type.
    tags.append(("DC.type", "blogPost" if work.kind == BLOG_POST else "newspaperArticle"))
    if work.site:
        tags.append(("DC.publisher", work.site))
    tags.append(("DC.identifier", work.page_url))
    if work.original_url:
        tags.append(("DC.source", work.original_url))
    return tags


def script_json(data) -> str:
    """JSON that is safe inside <script>: < > & are written as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def json_ld(work: Work, comment_count: int) -> dict:
    """schema.org description of the archived page (BlogPosting or NewsArticle)."""
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting" if work.kind == BLOG_POST else "NewsArticle",
        "@id": work.page_url,
        "url": work.page_url,
        "archivedAt": work.page_url,
        "commentCount": comment_count,
        "identifier": {"@type": "PropertyValue", "propertyID": "SHA-256", "value": work.sha256},
        "sdPublisher": {"@type": "Organization", "name": work.archive_name},
    }
    if work.title:
        data["headline"] = work.title
    if work.authors:
        data["author"] = [{"@type": "Organization" if n.organisation else "Person", "name": n.display}
                          for n in work.authors]
    if work.date:
        data["datePublished"] = work.date
    if work.site:
        key, kind = ("isPartOf", "Blog") if work.kind == BLOG_POST else ("publisher", "Organization")
        data[key] = {"@type": kind, "name": work.site}
    if work.original_url:
        data["isBasedOn"] = work.original_url
    if work.archived:
        data["sdDatePublished"] = work.archived
    return data


# Editors' metadata: content/documents/<id>.md, YAML front matter and an optional note.
# Every value may arrive as a string (YAML read with no type guessing); a date may also
# arrive as a date or datetime object.
CORRECTABLE = ("title", "date", "authors", "site")
DOCUMENT_KEYS = (*CORRECTABLE, "url", "captured", "type")
_URL = re.compile(r"^https?://[^\s<>\"'{}|\\^`]+$")


def read_document_meta(folder: Path, ids: set[str]) -> dict[str, MarkdownFile]:
    """Every ``<id>.md`` in ``folder`` (README.md aside), checked, its values normalised; an
    unknown id, key or value, or unreadable front matter, is an `EditorialError` naming the file."""
    found = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        name = f"{folder.name}/{path.name}"
        if path.stem not in ids:
            raise EditorialError(f"{name}: no document has the id {path.stem!r}; the file name must be "
                                 "<id>.md, with the id of a published document (doc/<id>/)")
        try:
            page = read_markdown(path)
        except EditorialError:
            raise
        except ValueError as error:  # e.g. a YAML loader that builds dates: "day is out of range"
            raise EditorialError(f"{name}: front matter cannot be read: {error}") from None
        meta = {key: _checked(name, key, value) for key, value in page.meta.items()}
        found[path.stem] = MarkdownFile(page.path, meta, page.body)
    return found


def _checked(name: str, key: str, value):
    """``value`` of ``key`` as the record keeps it; an `EditorialError` if it is wrong."""
    if key not in DOCUMENT_KEYS:
        raise EditorialError(f"{name}: unknown key {key!r} (known: {', '.join(DOCUMENT_KEYS)})")
    if key in ("date", "captured"):
        day = editor_date(value)
        if day is None:
            raise EditorialError(f"{name}: {key} {str(value)!r} is not a real date: write YYYY-MM-DD "
                                 "or YYYY-MM-DDTHH:MM (24-hour clock)")
        return day
    if key == "authors":
        if not (isinstance(value, list) and all(isinstance(a, str) and a.strip() for a in value)):
            raise EditorialError(f"{name}: authors must be a list of names")
        return [" ".join(a.split()) for a in value]
    if not isinstance(value, str) or not value.strip():
        raise EditorialError(f"{name}: {key} must be text")
    value = value.strip()
    if key == "url" and not _URL.match(value):
        raise EditorialError(f"{name}: url must be the original page's http(s) address")
    if key == "type" and value not in KINDS:
        raise EditorialError(f"{name}: type must be one of {', '.join(KINDS)}")
    return value


def apply_document_meta(record: dict, page: MarkdownFile, name: str) -> None:
    """Put an editor's metadata in ``record``: corrections replace the capture's
    reading, which `provenance.corrected` keeps."""
    meta = {key: _checked(name, key, value) for key, value in page.meta.items()}
    provenance = record["provenance"]
    provenance["metadata"] = name
    provenance["original_url"] = meta.get("url")
    provenance["captured"] = meta.get("captured")
    provenance["type"] = meta.get("type")
    provenance["note"] = page.body.strip() or None
    for key in CORRECTABLE:
        if key in meta and meta[key] != record[key]:
            provenance["corrected"][key] = record[key]
            record[key] = meta[key]
    if "date" in meta:
        record.pop("date_inferred", None)  # the editor gives the date: no year is inferred any more
