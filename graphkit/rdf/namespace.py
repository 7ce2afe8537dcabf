"""Namespaces: our vocabulary (``schemas/graphkit.ttl``) and the standard ones graphkit uses.

``GK``, ``SEM`` and ``NIF`` are closed :class:`rdflib.namespace.DefinedNamespace` classes: a misspelt term
raises ``AttributeError`` instead of minting a wrong IRI. ``tests/test_rdf_vocabulary.py`` checks that ``GK``
names exactly the terms ``schemas/graphkit.ttl`` defines.
"""

from __future__ import annotations

from typing import Any

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["DATA", "GK", "NIF", "SEM", "WD", "Terms", "bind_prefixes"]

#: Where graphkit mints IRIs for articles, actors, events, runs and named graphs.
DATA = Namespace("https://w3id.org/graphkit/id/")
#: Wikidata entities (``owl:sameAs`` targets of actors with a QID).
WD = Namespace("http://www.wikidata.org/entity/")


class GK(DefinedNamespace):
    """The graphkit vocabulary; labels and comments are in ``schemas/graphkit.ttl``."""

    _NS = Namespace("https://w3id.org/graphkit/ontology#")
    _fail = True

    # classes
    Contact: URIRef
    Meeting: URIRef
    Call: URIRef
    Visit: URIRef
    Correspondence: URIRef
    ContactReport: URIRef
    ArticleActor: URIRef
    RoleType: URIRef
    ContactStatus: URIRef
    ExtractionRun: URIRef
    # role types
    Host: URIRef
    Visitor: URIRef
    Caller: URIRef
    Callee: URIRef
    Envoy: URIRef
    Sender: URIRef
    Recipient: URIRef
    Participant: URIRef
    # statuses
    Occurred: URIRef
    Planned: URIRef
    Proposed: URIRef
    Negated: URIRef
    # properties
    contactKind: URIRef
    status: URIRef
    granularity: URIRef
    dateExpression: URIRef
    dateAnchor: URIRef
    level: URIRef
    participant: URIRef
    onBehalfOf: URIRef
    participantKey: URIRef
    report: URIRef
    source: URIRef
    reportedIn: URIRef
    evidence: URIRef
    mentions: URIRef
    aboutContact: URIRef
    refersTo: URIRef
    localId: URIRef
    actorType: URIRef
    countryCode: URIRef
    aliases: URIRef
    offices: URIRef
    unnamed: URIRef
    speaker: URIRef
    direct: URIRef
    index: URIRef
    readFrom: URIRef
    graphkitVersion: URIRef
    extractor: URIRef
    pipeline: URIRef


class SEM(DefinedNamespace):
    """The Simple Event Model terms graphkit uses (http://semanticweb.cs.vu.nl/2009/11/sem/)."""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True

    Event: URIRef
    Role: URIRef
    RoleType: URIRef
    hasActor: URIRef
    roleType: URIRef
    hasEarliestBeginTimeStamp: URIRef
    hasLatestEndTimeStamp: URIRef


class NIF(DefinedNamespace):
    """The NIF 2.0 core terms graphkit uses for text spans."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    Context: URIRef
    RFC5147String: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    isString: URIRef
    referenceContext: URIRef


class Terms:
    """A namespace whose terms are each built once, for code that writes a statement per term it looks up.

    Every attribute of an rdflib ``DefinedNamespace`` builds and validates a new ``URIRef``, which takes
    about as long as building the statement; this keeps the first one. A closed namespace still raises
    ``AttributeError`` on a misspelt term.

    Args:
        namespace: an rdflib namespace (``DefinedNamespace`` class or ``Namespace``).
    """

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):  # nothing of ours: copying or pickling looks these up before __init__
            raise AttributeError(name)
        term: URIRef = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        term: URIRef = self._namespace[name]
        return term


#: Prefixes written into every serialization, so Turtle and TriG stay readable.
PREFIXES = {
    "gk": str(GK._NS),
    "gkid": str(DATA),
    "sem": str(SEM._NS),
    "nif": str(NIF._NS),
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "time": "http://www.w3.org/2006/time#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "wd": str(WD),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def bind_prefixes(graph: object) -> None:
    """Bind :data:`PREFIXES` on an rdflib ``Graph`` or ``Dataset`` (replacing rdflib's defaults)."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)  # type: ignore[attr-defined]  # Graph or Dataset
