"""Questions users ask of the graph, answered as pydantic objects (or a pandas DataFrame).

Every function takes a :class:`~graphkit.rdf.stores.Store` (or an rdflib dataset, wrapped in a memory store)
and reads merged events, so a contact reported by ten articles is one result with ten sources. Actors are
named by IRI, Wikidata QID or name (any name or alias, ignoring case). Values are bound through
:func:`graphkit.rdf._sparql.values`, never pasted into the query text.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from graphkit._model import FrozenModel
from graphkit.models import ContactKind, ContactLevel, ContactStatus, Granularity
from graphkit.rdf._sparql import PROLOGUE, values
from graphkit.rdf.convert import GRANULARITY_UNITS, KIND_CLASSES, STATUSES
from graphkit.rdf.namespace import WD
from graphkit.rdf.stores import MemoryStore, Store

if TYPE_CHECKING:
    import pandas

__all__ = [
    "ActorRef",
    "ContactResult",
    "CounterpartCount",
    "Encounter",
    "Source",
    "StatementResult",
    "contacts",
    "find_actors",
    "sparql",
    "statements_by",
    "timeline",
    "to_frame",
    "top_counterparts",
    "who_met_whom",
]

# Keyed by Node: they are looked up with whatever term a query binds (an unknown one is a KeyError).
_KINDS: dict[Node, ContactKind] = {v: k for k, v in KIND_CLASSES.items()}
_STATUSES: dict[Node, ContactStatus] = {v: k for k, v in STATUSES.items()}
_UNITS: dict[Node, Granularity] = {v: k for k, v in GRANULARITY_UNITS.items()}


class _Result(FrozenModel):
    def _repr_html_(self) -> str:
        """An escaped HTML table for notebooks (see :mod:`graphkit.display`)."""
        from graphkit.display import to_html

        return to_html(self)


class ActorRef(_Result):
    """An actor shared across articles."""

    iri: str
    name: str


class Source(_Result):
    """An article sentence that states a fact."""

    article: str
    url: str | None = None
    published: dt.date | None = None
    text: str
    start: int
    end: int


class ContactResult(_Result):
    """A merged contact event with every article sentence that reports it."""

    iri: str
    kind: ContactKind
    status: ContactStatus
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity | None = None
    location: str | None = None
    level: ContactLevel | None = None
    participants: tuple[ActorRef, ...]
    sources: tuple[Source, ...]


class CounterpartCount(_Result):
    """How many contacts an actor had with one counterpart."""

    actor: ActorRef
    contacts: int


class Encounter(_Result):
    """Two actors and the contacts between them."""

    actors: tuple[ActorRef, ActorRef]
    contacts: tuple[str, ...]


class StatementResult(_Result):
    """A quotation or reported statement."""

    iri: str
    speaker: ActorRef
    text: str
    direct: bool
    source: Source


def _store(data: Store | Dataset) -> Store:
    return MemoryStore(data) if isinstance(data, Dataset) else data


def _py(term: Node | None) -> Any:
    return term.toPython() if isinstance(term, Literal) else (None if term is None else str(term))


_ACTORS = """SELECT DISTINCT ?actor WHERE {
  %s
  GRAPH ?g { ?actor a ?type . ?actor schema:name|schema:alternateName|owl:sameAs ?label }
  FILTER(?actor = ?needleIri || ?label = ?needleQid || LCASE(STR(?label)) = LCASE(?needle))
}"""


def find_actors(data: Store | Dataset, who: str) -> list[str]:
    """IRIs of the actors ``who`` names: an actor IRI, a Wikidata QID, or a name or alias (any case)."""
    iri = URIRef(who) if who.startswith(("http://", "https://")) else None
    qid = WD[who] if who[:1] == "Q" and who[1:].isdigit() else None
    block = values(("needle", "needleIri", "needleQid"), [(Literal(who), iri, qid)])
    rows = _store(data).select(PROLOGUE + _ACTORS % block)
    return sorted(str(r["actor"]) for r in rows)


_EVENTS = """SELECT ?e ?kind ?status ?begin ?end ?gran ?loc ?level WHERE {
  %(filters)s
  GRAPH ?g {
    ?e a gk:Contact ; gk:contactKind ?kind ; gk:status ?status .
    %(actor)s
    OPTIONAL {
      ?e sem:hasEarliestBeginTimeStamp ?begin ; sem:hasLatestEndTimeStamp ?end ; gk:granularity ?gran
    }
    OPTIONAL { ?e schema:location ?loc }
    OPTIONAL { ?e gk:level ?level }
  }
  FILTER(!BOUND(?from) || (BOUND(?end) && ?end >= ?from))
  FILTER(!BOUND(?to) || (BOUND(?begin) && ?begin <= ?to))
}"""

_PARTICIPANTS = """SELECT ?e ?actor (MIN(?n) AS ?name) WHERE {
  %s
  GRAPH ?g { ?e gk:participant ?actor }
  GRAPH ?h { ?actor schema:name ?n }
} GROUP BY ?e ?actor"""

_SOURCES = """SELECT DISTINCT ?e ?article ?id ?url ?published ?text ?start ?end WHERE {
  %s
  GRAPH ?g { ?e gk:report ?r }
  GRAPH ?h {
    ?r gk:reportedIn ?article ; gk:evidence ?span .
    ?span nif:anchorOf ?text ; nif:beginIndex ?start ; nif:endIndex ?end .
    ?article schema:identifier ?id .
    OPTIONAL { ?article schema:url ?url } OPTIONAL { ?article schema:datePublished ?published }
  }
}"""


def contacts(
    data: Store | Dataset,
    actor: str | None = None,
    *,
    counterpart: str | None = None,
    kind: ContactKind | None = None,
    status: ContactStatus | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[ContactResult]:
    """Merged contacts, optionally of an actor, with a counterpart, of a kind or status, or in a period.

    Args:
        data: the store or dataset to ask.
        actor: who (IRI, QID or name); None for everyone.
        counterpart: who else took part (IRI, QID or name).
        kind: only contacts of this kind. status: only contacts with this status.
        start: only contacts whose date span ends on or after this day (undated ones are then left out).
        end: only contacts whose date span begins on or before this day.

    Returns:
        Contacts sorted by start date (undated last), then IRI.

    Example:
        >>> from graphkit.rdf import to_graph
        >>> contacts(to_graph([]), "Macron")
        []
    """
    store = _store(data)
    actors = [find_actors(store, who) for who in (actor, counterpart) if who is not None]
    if any(not found for found in actors):
        return []
    patterns = [
        f"{{ {values('a' + str(n), map(URIRef, found))} ?e gk:participant ?a{n} }}"
        for n, found in enumerate(actors)
    ]
    kind_class = KIND_CLASSES.get(kind) if kind is not None else None
    status_class = STATUSES.get(status) if status is not None else None
    filters = values(("kind", "status", "from", "to"), [(kind_class, status_class, _date(start), _date(end))])
    rows = store.select(PROLOGUE + _EVENTS % {"filters": filters, "actor": "\n".join(patterns)})
    return _assemble(store, rows)


def _date(day: dt.date | None) -> Literal | None:
    return Literal(day) if day is not None else None


def _assemble(store: Store, rows: Sequence[dict[str, Node]]) -> list[ContactResult]:
    events = {str(r["e"]): r for r in rows}
    if not events:
        return []
    block = values("e", [URIRef(e) for e in sorted(events)])
    people: dict[str, list[ActorRef]] = defaultdict(list)
    for r in store.select(PROLOGUE + _PARTICIPANTS % block):
        people[str(r["e"])].append(ActorRef(iri=str(r["actor"]), name=str(r["name"])))
    sources: dict[str, list[Source]] = defaultdict(list)
    for r in store.select(PROLOGUE + _SOURCES % block):
        sources[str(r["e"])].append(_source(r))
    results = [_contact(iri, row, people[iri], sources[iri]) for iri, row in events.items()]
    return sorted(results, key=lambda c: (c.start is None, c.start or dt.date.min, c.iri))


def _source(row: dict[str, Node]) -> Source:
    return Source(
        article=str(row["id"]),
        url=_py(row.get("url")),
        published=_py(row.get("published")),
        text=str(row["text"]),
        start=int(_py(row["start"])),
        end=int(_py(row["end"])),
    )


def _contact(iri: str, row: dict[str, Node], people: list[ActorRef], sources: list[Source]) -> ContactResult:
    return ContactResult(
        iri=iri,
        kind=_KINDS[row["kind"]],
        status=_STATUSES[row["status"]],
        start=_py(row.get("begin")),
        end=_py(row.get("end")),
        granularity=_UNITS.get(row["gran"]) if "gran" in row else None,
        location=_py(row.get("loc")),
        level=ContactLevel(str(row["level"])) if "level" in row else None,
        participants=tuple(sorted(people, key=lambda a: a.iri)),
        sources=tuple(sorted(sources, key=lambda s: (s.published or dt.date.min, s.article, s.start))),
    )


def timeline(data: Store | Dataset, actor: str) -> list[ContactResult]:
    """An actor's dated contacts in chronological order."""
    return [c for c in contacts(data, actor) if c.start is not None]


def top_counterparts(data: Store | Dataset, actor: str, limit: int = 10) -> list[CounterpartCount]:
    """The actors ``actor`` had most contacts with, most first (ties by name)."""
    own = set(find_actors(data, actor))
    counts: Counter[ActorRef] = Counter()
    for contact in contacts(data, actor):
        counts.update(p for p in contact.participants if p.iri not in own)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].name, item[0].iri))
    return [CounterpartCount(actor=a, contacts=n) for a, n in ranked[:limit]]


def who_met_whom(
    data: Store | Dataset,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    kind: ContactKind | None = None,
    status: ContactStatus | None = ContactStatus.OCCURRED,
) -> list[Encounter]:
    """Pairs of actors in contact in a period (by default: contacts that occurred), most contacts first."""
    pairs: dict[tuple[ActorRef, ActorRef], list[str]] = defaultdict(list)
    for contact in contacts(data, kind=kind, status=status, start=start, end=end):
        for n, a in enumerate(contact.participants):
            for b in contact.participants[n + 1 :]:
                pairs[(a, b)].append(contact.iri)
    ranked = sorted(pairs.items(), key=lambda item: (-len(item[1]), item[0][0].name, item[0][1].name))
    return [Encounter(actors=pair, contacts=tuple(events)) for pair, events in ranked]


_STATEMENTS = """SELECT ?q ?actor ?text ?direct ?id ?url ?published ?quote ?start ?end WHERE {
  %s
  GRAPH ?g {
    ?q a schema:Quotation ; schema:spokenByCharacter ?actor ; schema:text ?text ; gk:direct ?direct ;
       gk:reportedIn ?article ; gk:evidence ?span .
    ?span nif:anchorOf ?quote ; nif:beginIndex ?start ; nif:endIndex ?end .
    ?article schema:identifier ?id .
    OPTIONAL { ?article schema:url ?url } OPTIONAL { ?article schema:datePublished ?published }
  }
}"""


def statements_by(data: Store | Dataset, actor: str) -> list[StatementResult]:
    """What an actor said, by article publication date and position."""
    store = _store(data)
    found = find_actors(store, actor)
    if not found:
        return []
    names = {a.iri: a for c in contacts(store, actor) for a in c.participants}
    rows = store.select(PROLOGUE + _STATEMENTS % values("actor", map(URIRef, found)))
    results = [
        StatementResult(
            iri=str(r["q"]),
            speaker=names.get(str(r["actor"]), ActorRef(iri=str(r["actor"]), name=actor)),
            text=str(r["text"]),
            direct=bool(_py(r["direct"])),
            source=_source({**r, "text": r["quote"]}),
        )
        for r in rows
    ]
    return sorted(
        results, key=lambda s: (s.source.published or dt.date.min, s.source.article, s.source.start)
    )


def sparql(data: Store | Dataset, query: str) -> list[dict[str, Any]]:
    """Run a raw SPARQL SELECT (graphkit's prefixes are declared); values come back as Python objects."""
    return [{k: _py(v) for k, v in row.items()} for row in _store(data).select(PROLOGUE + query)]


def to_frame(results: Iterable[BaseModel] | Iterable[dict[str, Any]]) -> pandas.DataFrame:
    """A DataFrame with one row per result; nested objects become dotted columns (``sources`` stay lists)."""
    import pandas

    rows = [r.model_dump(mode="json") if isinstance(r, BaseModel) else r for r in results]
    return pandas.json_normalize(rows) if rows else pandas.DataFrame()
