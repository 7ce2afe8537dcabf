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
from typing import Any

from pydantic import Field
from rdflib import Dataset, Graph

from graphkit._io import atomic_writer
from graphkit._model import FrozenModel
from graphkit.models import Extraction
from graphkit.rdf import merge
from graphkit.rdf.convert import article_graph
from graphkit.rdf.namespace import bind_prefixes
from graphkit.rdf.provenance import RunInfo
from graphkit.rdf.restore import union_graph

__all__ = [
    "CONTEXT_PATH",
    "FORMATS",
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
]

#: The JSON-LD context written into ``.jsonld`` output.
CONTEXT_PATH = Path(__file__).resolve().parents[2] / "schemas" / "context.jsonld"

#: rdflib format names by file suffix.
FORMATS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld"}


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
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    latest = {e.article.id: e for e in extractions}
    for extraction in latest.values():
        _add_graph(dataset, article_graph(extraction, run))
    for graph in merge.event_graphs(merge.merge_reports(merge.summaries(latest.values()))).values():
        _add_graph(dataset, graph)
    return dataset


def merge_counts(extractions: Sequence[Extraction]) -> MergeCounts:
    """The reports and merged events :func:`to_graph` would write, without building the graph."""
    latest = {e.article.id: e for e in extractions}
    reports = merge.summaries(latest.values())
    events = merge.merge_reports(reports)
    return MergeCounts(reports=len(reports), events=sum(len(group) for group in events.values()))


def _add_graph(dataset: Dataset, graph: Graph) -> None:
    target = dataset.graph(graph.identifier)
    for triple in graph:
        target.add(triple)


@cache
def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context of ``schemas/context.jsonld`` (its ``@context`` object)."""
    context: dict[str, Any] = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]
    return context


def serialize(dataset: Dataset, fmt: str) -> str:
    """The dataset as text in one of the :data:`FORMATS` values; line formats come out sorted."""
    if fmt in ("turtle", "nt"):
        graph = union_graph(dataset)
        bind_prefixes(graph)
        text = graph.serialize(format=fmt)
    elif fmt == "json-ld":
        text = dataset.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
    else:
        text = dataset.serialize(format=fmt)
    if fmt in ("nt", "nquads"):
        # rdflib writes these in hash order; sorted lines make reruns byte-identical.
        text = "".join(sorted(line + "\n" for line in text.splitlines() if line.strip()))
    return text


def _export(extractions: Sequence[Extraction], path: Path, fmt: str) -> None:
    text = serialize(to_graph(extractions), fmt)
    with atomic_writer(Path(path)) as handle:
        handle.write(text)


def export_turtle(extractions: Sequence[Extraction], path: Path) -> None:
    """The ``.ttl`` exporter: the union of all graphs as Turtle."""
    _export(extractions, path, "turtle")


def export_ntriples(extractions: Sequence[Extraction], path: Path) -> None:
    """The ``.nt`` exporter: the union of all graphs as N-Triples."""
    _export(extractions, path, "nt")


def export_trig(extractions: Sequence[Extraction], path: Path) -> None:
    """The ``.trig`` exporter: every named graph, as TriG."""
    _export(extractions, path, "trig")


def export_nquads(extractions: Sequence[Extraction], path: Path) -> None:
    """The ``.nq`` exporter: every named graph, as N-Quads."""
    _export(extractions, path, "nquads")


def export_jsonld(extractions: Sequence[Extraction], path: Path) -> None:
    """The ``.jsonld`` exporter: every named graph, as JSON-LD with graphkit's context."""
    _export(extractions, path, "json-ld")
