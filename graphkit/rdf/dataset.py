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

from pydantic import Field
from rdflib import RDF, Dataset, URIRef

from graphkit._io import atomic_writer
from graphkit._model import FrozenModel
from graphkit.models import Extraction
from graphkit.rdf import iris, merge
from graphkit.rdf.convert import article_quads, article_triples
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

#: Prefixes for pyoxigraph's writers: not ``gkid``, whose local names ("article/a1#char=0,5") would need
#: backslash escapes that older Turtle readers reject; data IRIs stay whole, and easy to search for.
_PREFIXES = {**{p: iri for p, iri in PREFIXES.items() if p != "gkid"}, "rdf": str(RDF)}


class MergeCounts(FrozenModel):
    """How many contact reports became how many events."""

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
    """The quads of :func:`to_graph` as pyoxigraph terms, graph by graph."""
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
    return GraphWriter.of(_graphs_of(_as_quads(data))).render(fmt).decode("utf-8")


def _graphs_of(quads: Sequence[ox.Quad]) -> dict[URIRef, list[ox.Triple]]:
    graphs: dict[URIRef, list[ox.Triple]] = {}
    for quad in quads:
        graphs.setdefault(URIRef(quad.graph_name.value), []).append(quad.triple)  # type: ignore[union-attr]
    return graphs


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

    The graph is kept as pyoxigraph triples by named graph, plus their union (Turtle and N-Triples hold
    the union), so writing a format is one call of pyoxigraph's serializer on what is already built.

    Args:
        extractions: one per article.
        run: the run recorded as provenance (default: the current run scope, if any).
    """

    def __init__(self, extractions: Sequence[Extraction], run: RunInfo | None = None) -> None:
        self._extractions = extractions
        self._run = run if run is not None else current_run()
        self._graphs: dict[URIRef, list[ox.Triple]] | None = None
        self._union: list[ox.Triple] | None = None

    @classmethod
    def of(cls, graphs: dict[URIRef, list[ox.Triple]]) -> GraphWriter:
        """A writer of graphs already built."""
        writer = cls([])
        writer._graphs = graphs
        return writer

    @property
    def graphs(self) -> dict[URIRef, list[ox.Triple]]:
        """The named graphs, built at the first use: what :func:`to_graph` holds."""
        if self._graphs is None:
            latest = {e.article.id: e for e in self._extractions}
            self._graphs = {
                iris.article_graph_iri(i): article_triples(e, self._run) for i, e in latest.items()
            }
            self._graphs.update(merge.event_triples(merge.merge_reports(merge.summaries(latest.values()))))
        return self._graphs

    @property
    def union(self) -> list[ox.Triple]:
        """Every distinct triple of the graphs once (actors and outlets are described in many graphs)."""
        if self._union is None:
            self._union = list(dict.fromkeys(t for triples in self.graphs.values() for t in triples))
        return self._union

    def write(self, path: Path) -> None:
        """Write the graph to ``path`` (atomically) in the format its suffix names."""
        fmt = FORMATS.get(Path(path).suffix.lower())
        if fmt is None:
            raise ValueError(f"unknown RDF suffix of {path}; known: {', '.join(FORMATS)}")
        data = self.render(fmt)
        with atomic_writer(Path(path)) as handle:
            handle.buffer.write(data)

    def render(self, fmt: str) -> bytes:
        """The graph in one of the :data:`FORMATS` values, as UTF-8."""
        import pyoxigraph as ox

        if fmt == "turtle":
            return ox.serialize(self.union, format=ox.RdfFormat.TURTLE, prefixes=_PREFIXES) or b""
        if fmt == "nt":
            return _sorted_lines(ox.serialize(self.union, format=ox.RdfFormat.N_TRIPLES) or b"")
        if fmt == "nquads":
            # An N-Triples line ends in " .\n" and holds no other newline (literals escape theirs): the
            # graph name goes before the end.
            return _sorted_lines(
                b"".join(
                    (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").replace(
                        b" .\n", f" <{name}> .\n".encode()
                    )
                    for name, triples in self.graphs.items()
                )
            )
        if fmt == "trig":
            return ox.serialize(self._quads(), format=ox.RdfFormat.TRIG, prefixes=_PREFIXES) or b""
        if fmt == "json-ld":
            dataset = to_dataset(self._quads())
            return dataset.serialize(format="json-ld", context=jsonld_context(), auto_compact=True).encode()
        raise ValueError(f"unknown RDF format {fmt!r}; known: {', '.join(FORMATS.values())}")

    def _quads(self) -> list[ox.Quad]:
        import pyoxigraph as ox

        out = []
        for name, triples in self.graphs.items():
            graph = ox.NamedNode(name)
            out += [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
        return out


def _sorted_lines(data: bytes) -> bytes:
    return b"".join(sorted(data.splitlines(keepends=True)))


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
