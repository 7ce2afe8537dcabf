"""One extraction as the RDF of its article's named graph; the inverse is :mod:`graphkit.rdf.restore`.

Everything an :class:`~graphkit.models.Extraction` holds is kept, so the round trip is lossless: the article
(``schema:NewsArticle`` and ``nif:Context`` with its text), each actor as an ``gk:ArticleActor`` that
``gk:refersTo`` the actor shared across articles, each contact as a ``gk:ContactReport`` with its participants
as ``sem:Role`` nodes, each statement as a ``schema:Quotation``, and every evidence span as an RFC 5147
``nif:RFC5147String``. List order is kept with ``gk:index`` on nodes and ``rdf:Seq`` for lists of strings
and spans. No blank nodes: every node has an IRI under the article's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import rdflib.namespace as rdflib_ns
from rdflib import Graph, Literal, URIRef

from graphkit.models import (
    Actor,
    ActorType,
    Contact,
    ContactKind,
    ContactStatus,
    DateSpan,
    Evidence,
    Extraction,
    Granularity,
    Role,
    Statement,
)
from graphkit.rdf import iris
from graphkit.rdf import namespace as gk_ns
from graphkit.rdf.namespace import WD, Terms, bind_prefixes
from graphkit.rdf.provenance import RunInfo, current_run
from graphkit.rdf.terms import Emitter, to_rdflib

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = [
    "ACTOR_CLASSES",
    "GRANULARITY_UNITS",
    "KIND_CLASSES",
    "ROLE_TYPES",
    "STATUSES",
    "article_graph",
    "article_nquads",
    "article_quads",
    "article_triples",
    "report_iris",
    "run_iri",
]

# Looked up once each: the builder looks up a term for every statement it writes.
FOAF, ORG, OWL, PROV, RDF, SDO, TIME, XSD = map(
    Terms,
    (
        rdflib_ns.FOAF,
        rdflib_ns.ORG,
        rdflib_ns.OWL,
        rdflib_ns.PROV,
        rdflib_ns.RDF,
        rdflib_ns.SDO,
        rdflib_ns.TIME,
        rdflib_ns.XSD,
    ),
)
GK, NIF, SEM = Terms(gk_ns.GK), Terms(gk_ns.NIF), Terms(gk_ns.SEM)

KIND_CLASSES = {
    ContactKind.MEETING: GK.Meeting,
    ContactKind.CALL: GK.Call,
    ContactKind.VISIT: GK.Visit,
    ContactKind.CORRESPONDENCE: GK.Correspondence,
    ContactKind.CONTACT: GK.Contact,
}
STATUSES = {
    ContactStatus.OCCURRED: GK.Occurred,
    ContactStatus.PLANNED: GK.Planned,
    ContactStatus.PROPOSED: GK.Proposed,
    ContactStatus.NEGATED: GK.Negated,
}
ROLE_TYPES = {
    Role.HOST: GK.Host,
    Role.VISITOR: GK.Visitor,
    Role.CALLER: GK.Caller,
    Role.CALLEE: GK.Callee,
    Role.ENVOY: GK.Envoy,
    Role.SENDER: GK.Sender,
    Role.RECIPIENT: GK.Recipient,
    Role.PARTICIPANT: GK.Participant,
}
GRANULARITY_UNITS = {
    Granularity.DAY: TIME.unitDay,
    Granularity.WEEK: TIME.unitWeek,
    Granularity.MONTH: TIME.unitMonth,
    Granularity.YEAR: TIME.unitYear,
}
#: The classes of a shared actor node by type; the first is also the article actor's ``gk:actorType``.
ACTOR_CLASSES = {
    ActorType.PERSON: (SDO.Person, FOAF.Person),
    ActorType.COUNTRY: (SDO.Country,),
    ActorType.ORGANIZATION: (SDO.Organization, ORG.Organization),
}


def article_graph(extraction: Extraction, run: RunInfo | None = None) -> Graph:
    """The named graph of one article: everything the extraction says, with provenance.

    Args:
        extraction: what was extracted from one article.
        run: the run to record as ``prov:wasGeneratedBy``; default: the one set by
            :func:`graphkit.rdf.provenance.run_scope`, if any.

    Returns:
        A new graph; its identifier is :func:`graphkit.rdf.iris.article_graph_iri` of the article id.
    """
    graph = Graph(identifier=iris.article_graph_iri(extraction.article.id))
    bind_prefixes(graph)
    for quad in article_quads(extraction, run):
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph


def article_quads(extraction: Extraction, run: RunInfo | None = None) -> list[ox.Quad]:
    """The quads of :func:`article_graph`, built as pyoxigraph terms (what stores write)."""
    return _emitted(Emitter(iris.article_graph_iri(extraction.article.id)), extraction, run)


def article_nquads(extraction: Extraction, run: RunInfo | None = None) -> list[str]:
    """The quads of :func:`article_graph` as N-Quads lines (what the store writer loads)."""
    return _emitted(Emitter(iris.article_graph_iri(extraction.article.id), nquads=True), extraction, run)


def article_triples(extraction: Extraction, run: RunInfo | None = None) -> list[ox.Triple]:
    """The triples of :func:`article_graph`, built as pyoxigraph terms (what exporters write)."""
    emitter = Emitter(iris.article_graph_iri(extraction.article.id), triples=True)
    return _emitted(emitter, extraction, run)


def _emitted(emitter: Emitter, extraction: Extraction, run: RunInfo | None) -> list[Any]:
    builder = _Builder(emitter, extraction)
    builder.article(run if run is not None else current_run())
    builder.actors()
    reports = builder.contacts()
    builder.statements(reports)
    return emitter.items


def report_iris(extraction: Extraction) -> list[URIRef]:
    """The IRIs of the extraction's contact reports, in contact order (content-derived, deduplicated)."""
    article = iris.article_iri(extraction.article.id)
    parts = [_contact_parts(c) for c in extraction.contacts]
    return [URIRef(f"{article}/contact/{d}") for d in _unique_digests(parts)]


def run_iri(run: RunInfo) -> URIRef:
    """The ``prov:Activity`` of a run."""
    return iris.DATA[
        f"run/{iris.digest([run.version, run.extractor, run.pipeline, run.started.isoformat()])}"
    ]


def _contact_parts(contact: Contact) -> list[object]:
    roles = [(p.actor, p.role.value, p.on_behalf_of) for p in contact.participants]
    date = contact.date
    # Not the anchor: JSON Lines records do not keep it, and the same contact read back from a record must
    # keep its IRI (and so its merged event's IRI) whichever file or store it comes from.
    when = (date.start, date.end, date.granularity.value, date.expression) if date else None
    return [
        contact.kind.value,
        contact.status.value,
        roles,
        when,
        contact.evidence.start,
        contact.evidence.end,
    ]


def _statement_parts(statement: Statement) -> list[object]:
    return [statement.speaker, statement.direct, statement.evidence.start, statement.evidence.end]


def _unique_digests(parts: Sequence[list[object]]) -> list[str]:
    """Content digests; a repeat (two identical facts in one article) gets a ``-2``, ``-3`` suffix."""
    seen: dict[str, int] = {}
    out = []
    for item in parts:
        d = iris.digest(item)
        seen[d] = seen.get(d, 0) + 1
        out.append(d if seen[d] == 1 else f"{d}-{seen[d]}")
    return out


class _Builder:
    """Adds one extraction's triples to a graph; one method per part of the extraction."""

    def __init__(self, emitter: Emitter, extraction: Extraction) -> None:
        self.add = emitter.add
        self.x = extraction
        self.article_id = extraction.article.id
        self.iri = iris.article_iri(extraction.article.id)
        self.local = {a.id: iris.article_actor_iri(self.iri, a.id) for a in extraction.actors}
        self.shared = {a.id: iris.actor_iri(a, self.article_id) for a in extraction.actors}

    def article(self, run: RunInfo | None) -> None:
        a, art = self.iri, self.x.article
        self.add(a, RDF.type, SDO.NewsArticle)
        self.add(a, RDF.type, NIF.Context)
        self.add(a, SDO.identifier, art.id)
        self.add(a, SDO.url, art.url)
        self.add(a, SDO.headline, art.title)
        self.add(a, SDO.datePublished, art.published)
        self.add(a, SDO.inLanguage, art.language)
        self.add(a, SDO.license, art.licence)
        self.add(a, GK.readFrom, art.source)
        self.add(a, NIF.isString, art.text)
        if art.outlet is not None:
            outlet = iris.outlet_iri(art.outlet)
            self.add(a, SDO.publisher, outlet)
            self.add(outlet, RDF.type, SDO.Organization)
            self.add(outlet, SDO.name, art.outlet)
        if run is not None:
            self._run(run)

    def _run(self, run: RunInfo) -> None:
        node = run_iri(run)
        self.add(self.iri, PROV.wasGeneratedBy, node)
        self.add(node, RDF.type, GK.ExtractionRun)
        self.add(node, RDF.type, PROV.Activity)
        self.add(node, GK.graphkitVersion, run.version)
        self.add(node, GK.extractor, run.extractor)
        self.add(node, GK.pipeline, run.pipeline)
        self.add(node, PROV.startedAtTime, Literal(run.started.isoformat(), datatype=XSD.dateTime))

    def span(self, ev: Evidence) -> URIRef:
        node = iris.span_iri(self.iri, ev.start, ev.end)
        self.add(node, RDF.type, NIF.RFC5147String)
        # xsd:integer rather than NIF's xsd:nonNegativeInteger: Oxigraph stores derived integer types as
        # xsd:integer, and a graph must read back the same from every store.
        self.add(node, NIF.beginIndex, ev.start)
        self.add(node, NIF.endIndex, ev.end)
        self.add(node, NIF.anchorOf, ev.text)
        self.add(node, NIF.referenceContext, self.iri)
        return node

    def seq(self, owner: URIRef, prop: URIRef, name: str, items: Iterable[object]) -> None:
        """An ``rdf:Seq`` with an IRI (``<owner>/<name>``), written only when it has members."""
        members = list(items)
        if not members:
            return
        node = URIRef(f"{owner}/{name}")
        self.add(owner, prop, node)
        self.add(node, RDF.type, RDF.Seq)
        for n, item in enumerate(members, start=1):
            self.add(node, RDF[f"_{n}"], item)

    def actors(self) -> None:
        for index, actor in enumerate(self.x.actors):
            self._article_actor(index, actor)
            self._shared_actor(actor)

    def _article_actor(self, index: int, actor: Actor) -> None:
        node = self.local[actor.id]
        self.add(node, RDF.type, GK.ArticleActor)
        self.add(node, GK.index, index)
        self.add(node, GK.localId, actor.id)
        self.add(node, SDO.name, actor.name)
        self.add(node, GK.actorType, ACTOR_CLASSES[actor.type][0])
        self.add(node, GK.countryCode, actor.country)
        if actor.unnamed:
            self.add(node, GK.unnamed, True)
        self.add(node, GK.refersTo, self.shared[actor.id])
        self.add(node, GK.reportedIn, self.iri)
        self.seq(node, GK.aliases, "aliases", actor.aliases)
        self.seq(node, GK.offices, "offices", actor.offices)
        self.seq(node, GK.mentions, "mentions", [self.span(m) for m in actor.mentions])

    def _shared_actor(self, actor: Actor) -> None:
        node = self.shared[actor.id]
        for cls in ACTOR_CLASSES[actor.type]:
            self.add(node, RDF.type, cls)
        self.add(node, SDO.name, actor.name)
        for alias in actor.aliases:
            self.add(node, SDO.alternateName, alias)
        self.add(node, GK.countryCode, actor.country)
        if actor.wikidata is not None:
            self.add(node, OWL.sameAs, WD[actor.wikidata])

    def date(self, node: URIRef, span: DateSpan | None) -> None:
        if span is None:
            return
        self.add(node, SEM.hasEarliestBeginTimeStamp, span.start)
        self.add(node, SEM.hasLatestEndTimeStamp, span.end)
        self.add(node, GK.granularity, GRANULARITY_UNITS[span.granularity])
        self.add(node, GK.dateExpression, span.expression)
        self.add(node, GK.dateAnchor, span.anchor)

    def contacts(self) -> list[URIRef]:
        nodes = report_iris(self.x)
        for index, (node, contact) in enumerate(zip(nodes, self.x.contacts, strict=True)):
            self._contact(node, index, contact)
        return nodes

    def _contact(self, node: URIRef, index: int, contact: Contact) -> None:
        self.add(node, RDF.type, GK.ContactReport)
        self.add(node, GK.index, index)
        self.add(node, GK.contactKind, KIND_CLASSES[contact.kind])
        self.add(node, GK.status, STATUSES[contact.status])
        self.date(node, contact.date)
        self.add(node, SDO.location, contact.location)
        self.add(node, GK.level, contact.level.value if contact.level is not None else None)
        self.add(node, GK.reportedIn, self.iri)
        self.add(node, GK.evidence, self.span(contact.evidence))
        self.seq(node, GK.mentions, "mentions", [self.span(m) for m in contact.mentions])
        self.add(node, GK.participantKey, iris.participant_key(self.shared[i] for i in contact.actor_ids))
        for n, p in enumerate(contact.participants):
            role = URIRef(f"{node}/role/{n}")
            self.add(node, SEM.hasActor, role)
            self.add(node, GK.participant, self.shared[p.actor])
            self.add(role, RDF.type, SEM.Role)
            self.add(role, GK.index, n)
            self.add(role, RDF.value, self.local[p.actor])
            self.add(role, SEM.roleType, ROLE_TYPES[p.role])
            if p.on_behalf_of is not None:
                self.add(role, GK.onBehalfOf, self.local[p.on_behalf_of])

    def statements(self, reports: Sequence[URIRef]) -> None:
        parts = [_statement_parts(s) for s in self.x.statements]
        for index, (d, st) in enumerate(zip(_unique_digests(parts), self.x.statements, strict=True)):
            node = URIRef(f"{self.iri}/statement/{d}")
            self.add(node, RDF.type, SDO.Quotation)
            self.add(node, GK.index, index)
            self.add(node, SDO.text, st.text)
            self.add(node, GK.speaker, self.local[st.speaker])
            self.add(node, SDO.spokenByCharacter, self.shared[st.speaker])
            self.add(node, GK.direct, st.direct)
            self.date(node, st.date)
            self.add(node, GK.reportedIn, self.iri)
            self.add(node, GK.evidence, self.span(st.evidence))
            for report, contact in zip(reports, self.x.contacts, strict=True):
                if _overlaps(st.evidence, (contact.evidence, *contact.mentions)):
                    self.add(node, GK.aboutContact, report)


def _overlaps(span: Evidence, others: Iterable[Evidence]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)
