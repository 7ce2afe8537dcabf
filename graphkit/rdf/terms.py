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

__all__ = ["Emitter", "from_rdflib", "ox_quads", "parse_nquads", "to_dataset", "to_rdflib"]

_XSD = "http://www.w3.org/2001/XMLSchema#"


@lru_cache(maxsize=4096)
def _named(iri: str) -> ox.NamedNode:
    """Vocabulary and other repeated IRIs: validated and built once."""
    import pyoxigraph as ox

    return ox.NamedNode(iri)


@lru_cache(maxsize=4096)
def _named_text(iri: str) -> str:
    return str(_named(iri))


def parse_nquads(data: str) -> list[ox.Quad]:
    """The quads of N-Quads text (what :class:`Emitter` collects with ``nquads``)."""
    import pyoxigraph as ox

    return list(ox.parse(data, format=ox.RdfFormat.N_QUADS))


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
        triples: collect triples (what a writer of one format takes) rather than quads.
        nquads: collect N-Quads lines (what a store loads fastest: building a pyoxigraph ``Quad`` costs
            several times as much as writing its line, which Oxigraph then parses as fast as it reads quads).
    """

    def __init__(self, graph: str, *, triples: bool = False, nquads: bool = False) -> None:
        import pyoxigraph as ox

        self._ox = ox
        self.graph = ox.NamedNode(graph)
        self._items: dict[Any, None] = {}  # a set that keeps the order: a repeated fact is one statement
        self._nodes: dict[str, ox.NamedNode] = {}
        self._texts: dict[str, str] = {}
        self._end = f" {self.graph} .\n" if nquads else None
        self._make: Any = ox.Triple if triples else lambda s, p, o: ox.Quad(s, p, o, self.graph)

    @property
    def items(self) -> list[Any]:
        """The graph's distinct quads, triples or lines, in the order they were first added."""
        return list(self._items)

    def node(self, iri: str) -> ox.NamedNode:
        """The IRI as a term; an IRI of this graph is built once however often it is used."""
        found = self._nodes.get(iri)
        if found is None:
            found = self._nodes[iri] = self._ox.NamedNode(iri)
        return found

    def text(self, iri: str) -> str:
        """The IRI in N-Triples (``<iri>``), checked as a pyoxigraph term is, once per graph."""
        found = self._texts.get(iri)
        if found is None:
            found = self._texts[iri] = str(self.node(iri))
        return found

    def add(self, s: str, p: str, o: object) -> None:
        """Add ``s p o``: an rdflib IRI object stays an IRI, another value becomes a literal, None nothing."""
        if o is None:
            return
        if self._end is not None:
            # The line of each term is pyoxigraph's own (str of the term), so it parses back to the same quad.
            obj = self.text(o) if type(o) is URIRef else str(self._object(o))
            self._items[f"{self.text(s)} {_named_text(p)} {obj}{self._end}"] = None
        else:
            self._items[self._make(self.node(s), _named(p), self._object(o))] = None

    def _object(self, o: object) -> ox.NamedNode | ox.Literal:
        # The two kinds of most objects first, without the checks term() makes: a text is a plain literal
        # (rdflib's Literal of a str), an IRI a node.
        if type(o) is str:
            return self._ox.Literal(o)
        if type(o) is URIRef:
            return self.node(o)
        return self.term(o)

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
