"""Extractions back from RDF: the inverse of :func:`graphkit.rdf.convert.article_graph`.

Only what the article graphs hold is read (articles, article actors, reports, quotations, spans), so a graph
with merged events, or the union of all graphs in one Turtle file, gives back the same extractions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError
from rdflib import OWL, RDF, SDO, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from graphkit.errors import InputError
from graphkit.models import Actor, ActorType, ContactKind, ContactStatus, Extraction, Granularity, Role
from graphkit.rdf.convert import ACTOR_CLASSES, GRANULARITY_UNITS, KIND_CLASSES, ROLE_TYPES, STATUSES
from graphkit.rdf.namespace import GK, NIF, SEM, WD

if TYPE_CHECKING:
    from graphkit.rdf.stores import Store

__all__ = ["extractions_from_graph", "union_graph"]

# Keyed by Node: they are looked up with whatever term a triple holds (an unknown one is a KeyError).
_KINDS: dict[Node, ContactKind] = {v: k for k, v in KIND_CLASSES.items()}
_STATUSES: dict[Node, ContactStatus] = {v: k for k, v in STATUSES.items()}
_ROLES: dict[Node, Role] = {v: k for k, v in ROLE_TYPES.items()}
_UNITS: dict[Node, Granularity] = {v: k for k, v in GRANULARITY_UNITS.items()}
_TYPES: dict[Node, ActorType] = {classes[0]: t for t, classes in ACTOR_CLASSES.items()}

V = TypeVar("V")


def union_graph(graph: Graph | Dataset) -> Graph:
    """All triples of a dataset in one graph (a plain graph is returned as it is)."""
    if not isinstance(graph, Dataset):
        return graph
    union = Graph()
    for s, p, o, _ in graph.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def extractions_from_graph(graph: Graph | Dataset | Store) -> list[Extraction]:
    """Every article's extraction in ``graph``, sorted by article id.

    Args:
        graph: a dataset from :func:`graphkit.rdf.to_graph`, a parsed TriG/N-Quads/JSON-LD file, a plain
            graph (a Turtle or N-Triples file holds the union of the article graphs), or a store
            (:func:`graphkit.rdf.open_store`), read through a dump of its named graphs.

    Raises:
        InputError: an article's triples do not make a valid extraction; the message names the article.
        StoreError: the store cannot be read.
    """
    if not isinstance(graph, Graph):
        graph = graph.dump()
    union = union_graph(graph)
    reader = _Reader(union)
    articles = sorted(
        union.subjects(RDF.type, SDO.NewsArticle), key=lambda a: str(reader.one(a, SDO.identifier))
    )
    return [reader.extraction(a) for a in articles]


class _Reader:
    def __init__(self, graph: Graph) -> None:
        self.g = graph

    def one(self, s: Node | None, p: URIRef) -> Any:
        """The Python value of the single object of (s, p), or None (always None when ``s`` is None)."""
        value = self.g.value(s, p)
        return value.toPython() if isinstance(value, Literal) else value

    def seq(self, s: Node, p: URIRef) -> list[Any]:
        node = self.g.value(s, p)
        if node is None:
            return []
        members = []
        for pred, obj in self.g.predicate_objects(node):
            if str(pred).startswith(str(RDF)) and str(pred)[len(str(RDF)) :].startswith("_"):
                members.append((int(str(pred)[len(str(RDF)) + 1 :]), obj))
        return [obj.toPython() if isinstance(obj, Literal) else obj for _, obj in sorted(members)]

    def lookup(self, table: Mapping[Node, V], s: Node, p: URIRef) -> V:
        """The entry of ``table`` for the single object of (s, p); KeyError when there is none or no entry."""
        value = self.g.value(s, p)
        if value is None:
            raise KeyError(f"{s} has no {p}")
        return table[value]

    def indexed(self, p: URIRef, o: Node, cls: URIRef) -> list[Node]:
        nodes = [s for s in self.g.subjects(p, o) if (s, RDF.type, cls) in self.g]
        return sorted(nodes, key=lambda n: int(self.one(n, GK.index)))

    def extraction(self, article: Node) -> Extraction:
        try:
            return Extraction.model_validate(self._fields(article))
        except (ValidationError, TypeError, ValueError) as err:
            raise InputError(f"article {article} in the graph is not a valid extraction: {err}") from err

    def _fields(self, article: Node) -> dict[str, Any]:
        actors = self.indexed(GK.reportedIn, article, GK.ArticleActor)
        ids = {node: self.one(node, GK.localId) for node in actors}
        contacts = self.indexed(GK.reportedIn, article, GK.ContactReport)
        statements = self.indexed(GK.reportedIn, article, SDO.Quotation)
        return {
            "article": self._article(article),
            "actors": [self._actor(n) for n in actors],
            "contacts": [self._contact(n, ids) for n in contacts],
            "statements": [self._statement(n, ids) for n in statements],
        }

    def _article(self, a: Node) -> dict[str, Any]:
        publisher = self.g.value(a, SDO.publisher)
        fields = {
            "id": self.one(a, SDO.identifier),
            "url": self.one(a, SDO.url),
            "title": self.one(a, SDO.headline),
            "published": self.one(a, SDO.datePublished),
            "outlet": self.one(publisher, SDO.name) if publisher is not None else None,
            "language": self.one(a, SDO.inLanguage),
            "licence": self.one(a, SDO.license),
            "text": self.one(a, NIF.isString),
            "source": self.one(a, GK.readFrom),
        }
        return {k: v for k, v in fields.items() if v is not None}

    def _actor(self, node: Node) -> dict[str, Any]:
        shared = self.g.value(node, GK.refersTo)
        qids = [
            str(o)[len(str(WD)) :] for o in self.g.objects(shared, OWL.sameAs) if str(o).startswith(str(WD))
        ]
        # A store written before gk:unnamed marked such actors in their name: "X (unnamed)".
        name, marked = Actor.split_label(str(self.one(node, SDO.name) or ""))
        return {
            "id": self.one(node, GK.localId),
            "name": name or None,
            "unnamed": bool(self.one(node, GK.unnamed)) or marked,
            "type": self.lookup(_TYPES, node, GK.actorType),
            "country": self.one(node, GK.countryCode),
            "offices": self.seq(node, GK.offices),
            "aliases": self.seq(node, GK.aliases),
            "wikidata": qids[0] if len(qids) == 1 else None,
            "mentions": [self._span(s) for s in self.seq(node, GK.mentions)],
        }

    def _span(self, node: Node | None) -> dict[str, Any]:
        """A span's fields; a missing span (None) gives None fields, which the models then reject."""
        return {
            "text": self.one(node, NIF.anchorOf),
            "start": self.one(node, NIF.beginIndex),
            "end": self.one(node, NIF.endIndex),
        }

    def _date(self, node: Node) -> dict[str, Any] | None:
        start = self.one(node, SEM.hasEarliestBeginTimeStamp)
        if start is None:
            return None
        return {
            "start": start,
            "end": self.one(node, SEM.hasLatestEndTimeStamp),
            "granularity": self.lookup(_UNITS, node, GK.granularity),
            "expression": self.one(node, GK.dateExpression),
            "anchor": self.one(node, GK.dateAnchor),
        }

    def _contact(self, node: Node, ids: dict[Node, str]) -> dict[str, Any]:
        roles = sorted(self.g.objects(node, SEM.hasActor), key=lambda r: int(self.one(r, GK.index)))
        return {
            "participants": [self._participant(r, ids) for r in roles],
            "kind": self.lookup(_KINDS, node, GK.contactKind),
            "status": self.lookup(_STATUSES, node, GK.status),
            "date": self._date(node),
            "location": self.one(node, SDO.location),
            "level": self.one(node, GK.level),
            "evidence": self._span(self.g.value(node, GK.evidence)),
            "mentions": [self._span(s) for s in self.seq(node, GK.mentions)],
        }

    def _participant(self, role: Node, ids: dict[Node, str]) -> dict[str, Any]:
        behalf = self.g.value(role, GK.onBehalfOf)
        return {
            "actor": self.lookup(ids, role, RDF.value),
            "role": self.lookup(_ROLES, role, SEM.roleType),
            "on_behalf_of": ids[behalf] if behalf is not None else None,
        }

    def _statement(self, node: Node, ids: dict[Node, str]) -> dict[str, Any]:
        return {
            "speaker": self.lookup(ids, node, GK.speaker),
            "text": self.one(node, SDO.text),
            "direct": self.one(node, GK.direct),
            "date": self._date(node),
            "evidence": self._span(self.g.value(node, GK.evidence)),
        }
