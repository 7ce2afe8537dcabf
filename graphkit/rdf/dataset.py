"""Extractions as one RDF dataset, and the exporters that write it by file suffix.

The dataset has one named graph per article (:func:`graphkit.rdf.convert.article_graph`) and one per set of
participants holding the events merged across articles (:mod:`graphkit.rdf.merge`). Turtle and N-Triples
cannot hold named graphs, so they get the union of all graphs; TriG, N-Quads and JSON-LD keep them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field
from rdflib import RDF, Dataset

from graphkit._io import atomic_writer
from graphkit.models import Extraction
from graphkit.rdf import merge
from graphkit.rdf.convert import article_quads
from graphkit.rdf.namespace import PREFIXES
from graphkit.rdf.provenance import RunInfo, current_run
from graphkit.rdf.terms import from_rdflib, to_dataset

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = [
    "CONTEXT_PATH",
    "FORMATS",
    "GraphWriter",
    "MergeCounts",
    "export_jsonld",
    "export_nquads",
    "export_ntriples",
    "export_trig",
    "export_turtle",
    "jsonld_context",
    "merge_counts",
    "serialize",
    "to_graph",
    "to_quads",
]

#: The JSON-LD context written into ``.jsonld`` output.
CONTEXT_PATH = Path(__file__).resolve().parents[2] / "schemas" / "context.jsonld"

#: rdflib format names by file suffix.
FORMATS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld"}

#: pyoxigraph's name (an ``RdfFormat`` attribute) of every format but JSON-LD.
_OX_FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "trig": "TRIG", "nquads": "N_QUADS"}
_PREFIXES = {**PREFIXES, "rdf": str(RDF)}


class MergeCounts(BaseModel):
    """How many contact reports became how many events."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    reports: int = Field(ge=0, description="Contacts as the articles report them")
    events: int = Field(ge=0, description="Events after merging reports across articles")

    @property
    def merged(self) -> int:
        """Reports folded into an event another report had already started."""
        return self.reports - self.events


def to_graph(extractions: Sequence[Extraction], run: RunInfo | None = None) -> Dataset:
    """The knowledge graph of ``extractions``: article graphs plus merged events.

    Args:
        extractions: one per article; article ids must be distinct (a later one replaces an earlier one).
        run: the run recorded as provenance (default: the current :func:`~graphkit.rdf.run_scope`, if any).

    Returns:
        A new dataset whose default graph is the union of its named graphs.

    Example:
        >>> from graphkit.models import Article, Extraction
        >>> ds = to_graph([Extraction(article=Article(id="a1", text="Nothing happened."))])
        >>> sorted(str(g.identifier) for g in ds.graphs() if len(g))
        ['https://w3id.org/graphkit/id/graph/article/a1']
    """
    return to_dataset(to_quads(extractions, run))


def to_quads(extractions: Sequence[Extraction], run: RunInfo | None = None) -> list[ox.Quad]:
    """The quads of :func:`to_graph` as pyoxigraph terms, graph by graph: what the exporters write."""
    latest = {e.article.id: e for e in extractions}
    out = [q for extraction in latest.values() for q in article_quads(extraction, run)]
    for graph in merge.event_quads(merge.merge_reports(merge.summaries(latest.values()))).values():
        out += graph
    return out


def merge_counts(extractions: Sequence[Extraction]) -> MergeCounts:
    """The reports and merged events :func:`to_graph` would write, without building the graph."""
    latest = {e.article.id: e for e in extractions}
    reports = merge.summaries(latest.values())
    events = merge.merge_reports(reports)
    return MergeCounts(reports=len(reports), events=sum(len(group) for group in events.values()))


@cache
def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context of ``schemas/context.jsonld`` (its ``@context`` object)."""
    context: dict[str, Any] = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]
    return context


def serialize(data: Dataset | Sequence[ox.Quad], fmt: str) -> str:
    """A dataset (rdflib, or quads from :func:`to_quads`) as text in one of the :data:`FORMATS` values.

    Turtle, N-Triples, TriG and N-Quads come from pyoxigraph's serializers, with graphkit's prefixes; the
    line formats come out sorted, so reruns are byte-identical. JSON-LD is rdflib's, compacted with
    graphkit's context.
    """
    return _serialized(_as_quads(data), fmt).decode("utf-8")


def _serialized(quads: Sequence[ox.Quad], fmt: str) -> bytes:
    import pyoxigraph as ox

    if fmt == "json-ld":
        text = to_dataset(quads).serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
        return text.encode("utf-8")
    if fmt not in _OX_FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; known: {', '.join(FORMATS.values())}")
    items: Sequence[ox.Quad] | Sequence[ox.Triple] = _union(quads) if fmt in ("turtle", "nt") else quads
    data = ox.serialize(items, format=getattr(ox.RdfFormat, _OX_FORMATS[fmt]), prefixes=_PREFIXES) or b""
    if fmt in ("nt", "nquads"):
        data = b"".join(sorted(data.splitlines(keepends=True)))
    return data


def _union(quads: Sequence[ox.Quad]) -> list[ox.Triple]:
    """Every distinct triple once, grouped by subject so that Turtle writes each subject once."""
    by_subject: dict[object, dict[ox.Triple, None]] = {}
    for quad in quads:
        by_subject.setdefault(quad.subject, {})[quad.triple] = None
    return [triple for triples in by_subject.values() for triple in triples]


def _as_quads(data: Dataset | Sequence[ox.Quad]) -> Sequence[ox.Quad]:
    if not isinstance(data, Dataset):
        return data
    import pyoxigraph as ox

    out = []
    for s, p, o, g in data.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        out.append(ox.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o), from_rdflib(name)))
    return out


class GraphWriter:
    """Writes the graph of ``extractions`` to RDF files: built once, however many files and formats.

    Args:
        extractions: one per article.
        run: the run recorded as provenance (default: the current run scope, if any).
    """

    def __init__(self, extractions: Sequence[Extraction], run: RunInfo | None = None) -> None:
        self._extractions = extractions
        self._run = run if run is not None else current_run()
        self._quads: list[ox.Quad] | None = None

    @property
    def quads(self) -> list[ox.Quad]:
        """The graph's quads, built at the first use."""
        if self._quads is None:
            self._quads = to_quads(self._extractions, self._run)
        return self._quads

    def write(self, path: Path) -> None:
        """Write the graph to ``path`` (atomically) in the format its suffix names."""
        fmt = FORMATS.get(Path(path).suffix.lower())
        if fmt is None:
            raise ValueError(f"unknown RDF suffix of {path}; known: {', '.join(FORMATS)}")
        data = _serialized(self.quads, fmt)
        with atomic_writer(Path(path)) as handle:
            handle.buffer.write(data)


def export_turtle(extractions: Sequence[Extraction], path: Path) -> None:
    """The ``.ttl`` exporter: the union of all graphs as Turtle."""
    GraphWriter(extractions).write(path)


def export_ntriples(extractions: Sequence[Extraction], path: Path) -> None:
    """The ``.nt`` exporter: the union of all graphs as N-Triples."""
    GraphWriter(extractions).write(path)


def export_trig(extractions: Sequence[Extraction], path: Path) -> None:
    """The ``.trig`` exporter: every named graph, as TriG."""
    GraphWriter(extractions).write(path)


def export_nquads(extractions: Sequence[Extraction], path: Path) -> None:
    """The ``.nq`` exporter: every named graph, as N-Quads."""
    GraphWriter(extractions).write(path)


def export_jsonld(extractions: Sequence[Extraction], path: Path) -> None:
    """The ``.jsonld`` exporter: every named graph, as JSON-LD with graphkit's context."""
    GraphWriter(extractions).write(path)
