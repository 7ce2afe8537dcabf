"""Graphs as pyoxigraph quads: how graphkit builds, stores and writes RDF at scale.

Building the graph of an article as pyoxigraph terms costs a few microseconds a quad and needs no conversion
on the way into an Oxigraph store or out through pyoxigraph's serializers; rdflib terms cost more than ten
times that, and converting them costs as much again. The rdflib API (:func:`graphkit.rdf.to_graph`,
:func:`graphkit.rdf.article_graph`) converts these quads with :func:`to_dataset`. Literals get the lexical
forms rdflib gives the same Python values, so both views hold the same RDF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = ["Emitter", "from_rdflib", "ox_quads", "to_dataset", "to_rdflib"]

_XSD = "http://www.w3.org/2001/XMLSchema#"


@lru_cache(maxsize=4096)
def _named(iri: str) -> ox.NamedNode:
    """Vocabulary and other repeated IRIs: validated and built once."""
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def _datatype(value: object) -> str | None:
    """The XSD datatype rdflib gives a Python value (bool before int: a bool is an int)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, dt.datetime):
        return "dateTime"
    if isinstance(value, dt.date):
        return "date"
    return None


def _lexical(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class Emitter:
    """Collects the statements of one named graph; subjects and objects may be rdflib IRIs or Python values.

    Args:
        graph: the graph's name.
        triples: collect triples (what a writer of one format takes) rather than quads (what a store takes).
    """

    def __init__(self, graph: str, *, triples: bool = False) -> None:
        import pyoxigraph as ox

        self._ox = ox
        self.graph = ox.NamedNode(graph)
        self._items: dict[Any, None] = {}  # a set that keeps the order: a repeated fact is one statement
        self._nodes: dict[str, ox.NamedNode] = {}
        self._make: Any = ox.Triple if triples else lambda s, p, o: ox.Quad(s, p, o, self.graph)

    @property
    def items(self) -> list[Any]:
        """The graph's distinct quads (or triples), in the order they were first added."""
        return list(self._items)

    def node(self, iri: str) -> ox.NamedNode:
        """The IRI as a term; an IRI of this graph is built once however often it is used."""
        found = self._nodes.get(iri)
        if found is None:
            found = self._nodes[iri] = self._ox.NamedNode(iri)
        return found

    def add(self, s: str, p: str, o: object) -> None:
        """Add ``s p o``: an rdflib IRI object stays an IRI, another value becomes a literal, None nothing."""
        if o is None:
            return
        # The two kinds of most objects first, without the checks term() makes: a text is a plain literal
        # (rdflib's Literal of a str), an IRI a node.
        kind = type(o)
        if kind is str:
            term: ox.NamedNode | ox.Literal = self._ox.Literal(o)
        elif kind is URIRef:
            term = self.node(o)  # type: ignore[arg-type]  # a URIRef is a str
        else:
            term = self.term(o)
        self._items[self._make(self.node(s), _named(p), term)] = None

    def term(self, o: object) -> ox.NamedNode | ox.Literal:
        """An object as a term: an rdflib IRI or literal converted, a Python value as rdflib would type it."""
        if isinstance(o, URIRef):
            return self.node(o)
        if isinstance(o, Literal):  # an explicit datatype, e.g. a run's start as xsd:dateTime
            return _literal(str(o), str(o.datatype) if o.datatype else None, o.language)
        kind = _datatype(o)
        return _literal(_lexical(o), _XSD + kind if kind else None, None)


def _literal(value: str, datatype: str | None, language: str | None) -> ox.Literal:
    import pyoxigraph as ox

    if language:
        return ox.Literal(value, language=language)
    if datatype is None or datatype == _XSD + "string":
        return ox.Literal(value)
    return ox.Literal(value, datatype=_named(datatype))


def to_rdflib(term: Any) -> Node:
    """An rdflib term for a pyoxigraph one (plain strings keep rdflib's no-datatype form)."""
    kind = type(term).__name__
    if kind == "NamedNode":
        return URIRef(term.value)
    if kind == "Literal":
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD + "string" else URIRef(datatype))
    return BNode(term.value)


def from_rdflib(term: Node | None) -> Any:
    """A pyoxigraph term for an rdflib IRI, literal or blank node (None: the default graph)."""
    import pyoxigraph as ox

    if term is None:
        return ox.DefaultGraph()
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        return _literal(str(term), str(term.datatype) if term.datatype else None, term.language)
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def ox_quads(graphs: Iterable[Graph]) -> list[ox.Quad]:
    """The quads of rdflib graphs, each in the named graph of its identifier."""
    import pyoxigraph as ox

    out = []
    for graph in graphs:
        name = from_rdflib(graph.identifier)
        out += [ox.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o), name) for s, p, o in graph]
    return out


def to_dataset(quads: Sequence[ox.Quad]) -> Dataset:
    """An rdflib dataset (default graph: the union) holding ``quads``, with graphkit's prefixes."""
    from graphkit.rdf.namespace import bind_prefixes

    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    graphs: dict[Any, Graph] = {}
    for q in quads:
        graph = graphs.get(q.graph_name)
        if graph is None:
            graph = graphs[q.graph_name] = dataset.graph(to_rdflib(q.graph_name))  # type: ignore[arg-type]
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return dataset
