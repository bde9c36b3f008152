"""Geometry of the archive's two pictures, drawn as static SVG by the theme:
a graph of documents linked by shared passages and actors, and a timeline.

Both stay readable however large the archive: the graph draws the best-linked
documents only, and past a few dozen dated documents the timeline counts them
by year; `overview` adds the sites with most documents and the passages most
documents share."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .search.analysis import site_token

GRAPH_WIDTH, GRAPH_HEIGHT = 760, 440  # documents on an ellipse, labels outside it
GRAPH_MAX_DOCUMENTS = 30  # beyond this, only the best-linked documents are drawn (their labels stay apart)
ACTOR_EDGE_SCORE = 1.0  # documents linked by actors alone need at least this score
TIMELINE_WIDTH, TIMELINE_ROW = 720, 22
TIMELINE_MAX_POINTS = 60  # more dated documents are counted by year, a bar each
BAR_HEIGHT = 160  # the tallest year's bar
OVERVIEW_ROWS = 15  # sites and passages listed in the overview


@dataclass
class Node:
    id: str
    title: str
    url: str
    x: float
    y: float
    label_anchor: str  # SVG text-anchor, so labels point away from the centre


@dataclass
class Edge:
    a: Node
    b: Node
    kind: str  # "passage" or "actors"
    width: float
    why: str


@dataclass
class Graph:
    width: int = GRAPH_WIDTH
    height: int = GRAPH_HEIGHT
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    left_out: int = 0


def graph(records: list[dict]) -> Graph:
    """Documents on a circle, in index order; an edge for every pair that shares a
    passage, or enough actors that few other documents name."""
    strength = {r["id"]: sum(rel["score"] for rel in r.get("related", ())) for r in records}
    drawn = records
    if len(records) > GRAPH_MAX_DOCUMENTS:
        best = sorted(records, key=lambda r: (-strength[r["id"]], r["id"]))[:GRAPH_MAX_DOCUMENTS]
        keep = {r["id"] for r in best}
        drawn = [r for r in records if r["id"] in keep]
    result = Graph(left_out=len(records) - len(drawn))
    cx, cy, rx, ry = GRAPH_WIDTH / 2, GRAPH_HEIGHT / 2, GRAPH_WIDTH / 2 - 215, GRAPH_HEIGHT / 2 - 30
    nodes = {}
    for n, record in enumerate(drawn):
        angle = 2 * math.pi * n / max(len(drawn), 1) - math.pi / 2
        x, y = cx + rx * math.cos(angle), cy + ry * math.sin(angle)
        anchor = "middle" if abs(x - cx) < 1 else ("start" if x > cx else "end")
        nodes[record["id"]] = Node(record["id"], record["title"] or record["source"]["file"], record["url"],
                                   round(x, 1), round(y, 1), anchor)
    result.nodes = list(nodes.values())
    pairs = {}
    for record in drawn:  # a pair counts when either document ranks the other
        for rel in record.get("related", ()):
            if rel["id"] in nodes:
                pairs.setdefault(tuple(sorted((record["id"], rel["id"]))), rel)
    for (a, b), rel in sorted(pairs.items()):
        if rel["passages"]:
            kind, width = "passage", 1.5 + len(rel["passages"])
        elif rel["score"] >= ACTOR_EDGE_SCORE:
            kind, width = "actors", 1.0
        else:
            continue
        result.edges.append(Edge(nodes[a], nodes[b], kind, width, "; ".join(rel["reasons"])))
    return result


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class YearBar:
    year: int
    count: int
    x: float
    width: float
    height: float


@dataclass
class Timeline:
    width: int = TIMELINE_WIDTH
    height: int = 0
    points: list = field(default_factory=list)  # (x, y, record), for a few dozen documents
    years: list[YearBar] = field(default_factory=list)  # or documents counted by year
    ticks: list[Tick] = field(default_factory=list)
    undated: list[dict] = field(default_factory=list)


def timeline(records: list[dict]) -> Timeline:
    """Dated documents along a line of years, one row each so that no label hides another."""
    dated = sorted((r for r in records if r["date"]), key=lambda r: (r["date"], r["id"]))
    result = Timeline(undated=[r for r in records if not r["date"]])
    if not dated:
        return result
    days = [date.fromisoformat(r["date"][:10]).toordinal() for r in dated]
    first_year = date.fromordinal(days[0]).year
    last_year = date.fromordinal(days[-1]).year + 1
    start, end = date(first_year, 1, 1).toordinal(), date(last_year, 1, 1).toordinal()
    left, usable = 20, TIMELINE_WIDTH - 50

    def x_of(day: int) -> float:
        return round(left + usable * (day - start) / (end - start), 1)

    step = max(1, math.ceil((last_year - first_year) / 12))
    result.ticks = [Tick(x_of(date(year, 1, 1).toordinal()), str(year))
                    for year in range(first_year, last_year + 1, step)]
    if len(dated) > TIMELINE_MAX_POINTS:
        counts = Counter(date.fromordinal(day).year for day in days)
        most = max(counts.values())
        for year in sorted(counts):
            x, after = x_of(date(year, 1, 1).toordinal()), x_of(date(year + 1, 1, 1).toordinal())
            result.years.append(YearBar(year, counts[year], x, round(max(after - x - 2, 1), 1),
                                        round(BAR_HEIGHT * counts[year] / most, 1)))
        result.height = 60 + BAR_HEIGHT
        return result
    result.points = [(x_of(day), 40 + TIMELINE_ROW * n, record) for n, (day, record) in enumerate(zip(days, dated))]
    result.height = 60 + TIMELINE_ROW * len(dated)
    return result


@dataclass
class Overview:
    sites: list[tuple[str, str, int]] = field(default_factory=list)  # name, search token, documents
    unnamed_sites: int = 0  # documents whose site the capture does not name
    passages: list[tuple[str, str, int]] = field(default_factory=list)  # id, first words, documents


def overview(records: list[dict], passages: list) -> Overview:
    """The sites with most documents and the passages the most documents share."""
    sites = Counter(r["site"] for r in records if r["site"])
    top = sorted(sites.items(), key=lambda item: (-item[1], item[0]))[:OVERVIEW_ROWS]
    shared = sorted(passages, key=lambda p: (-len(p.occurrences), p.id))[:OVERVIEW_ROWS]
    return Overview(
        sites=[(site, site_token(site), n) for site, n in top],
        unnamed_sites=sum(1 for r in records if not r["site"]),
        passages=[(p.id, " ".join(p.occurrences[0].text.split()[:14]), len(p.occurrences)) for p in shared])
