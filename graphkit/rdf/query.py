"""Questions users ask of the graph, answered as pydantic objects (or a pandas DataFrame).

Every function takes a :class:`~graphkit.rdf.stores.Store` (or an rdflib dataset, wrapped in a memory store)
and reads merged events, so a contact reported by ten articles is one result with ten sources. Actors are
named as :func:`graphkit.rdf.actors.resolve_actor` allows (name, alias, surname, close misspelling, QID,
IRI, country) and resolved once to their shared IRIs; an unknown name is an error, not an empty answer.
Counting is done by the store (``GROUP BY``). Values are bound through :func:`graphkit.rdf._sparql.values`,
never pasted into the query text.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict
from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from graphkit._model import FrozenModel
from graphkit.errors import GraphkitError
from graphkit.gazetteer import resolve_country
from graphkit.models import ContactKind, ContactLevel, ContactStatus, Granularity
from graphkit.rdf._sparql import PROLOGUE, values
from graphkit.rdf.actors import ActorMatch, UnknownActorError, resolve_actor, side_of_country
from graphkit.rdf.choices import Period, Undated
from graphkit.rdf.convert import GRANULARITY_UNITS, KIND_CLASSES, STATUSES
from graphkit.rdf.stores import MemoryStore, Store
from graphkit.rdf.user_query import run_query

if TYPE_CHECKING:
    import pandas

__all__ = [
    "ActorRef",
    "ContactResult",
    "CounterpartCount",
    "Encounter",
    "EventSummary",
    "Period",
    "SeriesRow",
    "Source",
    "StatementResult",
    "Undated",
    "contacts",
    "count_undated",
    "find_actors",
    "series",
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


class EventSummary(_Result):
    """A merged contact event: what, when, at what level and who took part."""

    iri: str
    kind: ContactKind
    status: ContactStatus
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity | None = None
    level: ContactLevel | None = None
    participants: tuple[ActorRef, ...]


class ContactResult(EventSummary):
    """A merged contact event with its place and every article sentence that reports it."""

    location: str | None = None
    sources: tuple[Source, ...]


class CounterpartCount(_Result):
    """How many contacts an actor had with one counterpart."""

    actor: ActorRef
    contacts: int


class Encounter(_Result):
    """Two actors and the contacts between them, by date."""

    actors: tuple[ActorRef, ActorRef]
    contacts: tuple[EventSummary, ...]


class SeriesRow(_Result):
    """How many contacts two countries had in one period (``2025-07``, ``2025``, a span, or ``undated``)."""

    period: str
    country_a: str
    country_b: str
    contacts: int


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


def find_actors(data: Store | Dataset, who: str) -> list[str]:
    """IRIs of the actors ``who`` names (see :func:`graphkit.rdf.actors.resolve_actor`, which raises when
    nothing matches)."""
    return list(resolve_actor(data, who).iris)


def _side(store: Store, who: str | ActorMatch) -> ActorMatch:
    return who if isinstance(who, ActorMatch) else resolve_actor(store, who)


def _countries(store: Store, country: str | Sequence[str] | None) -> list[ActorMatch]:
    names = [country] if isinstance(country, str) else list(country or ())
    return [side_of_country(store, resolve_country(name)) for name in names]


class _Filters(BaseModel):
    """What every event query filters on; ``sides`` are the actor sets each event must include."""

    model_config = ConfigDict(frozen=True)

    sides: tuple[tuple[str, ...], ...] = ()
    kind: ContactKind | None = None
    status: ContactStatus | None = None
    level: ContactLevel | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    undated: Undated = Undated.EXCLUDE

    def where(self, fields: bool = True) -> str:
        """The body of a WHERE clause binding ?e: with ``fields``, also ?kind ?status ?begin ?end ?gran ?loc
        ?level; without, only the patterns the filters need (counting reads less)."""
        wanted = values(
            ("kind", "status", "wantLevel", "from", "to"),
            [(_kind(self.kind), _status(self.status), _lit(self.level), _lit(self.start), _lit(self.end))],
        )
        sides = "\n".join(
            f"{values('a' + str(n), map(URIRef, side))} ?e gk:participant ?a{n} ."
            for n, side in enumerate(self.sides)
        )
        ranged = self.start is not None or self.end is not None
        needed = {
            "?e gk:contactKind ?kind .": fields or self.kind is not None,
            "?e gk:status ?status .": fields or self.status is not None,
            "OPTIONAL { ?e sem:hasEarliestBeginTimeStamp ?begin }": fields or ranged,
            "OPTIONAL { ?e sem:hasLatestEndTimeStamp ?end }": fields or ranged,
            "OPTIONAL { ?e gk:granularity ?gran }": fields,
            "OPTIONAL { ?e schema:location ?loc }": fields,
            "OPTIONAL { ?e gk:level ?level }": fields or self.level is not None,
        }
        patterns = "\n    ".join(p for p, need in needed.items() if need)
        return _EVENT_BODY % {"values": wanted, "sides": sides, "patterns": patterns, "when": self._when()}

    def _when(self) -> str:
        if self.start is None and self.end is None:
            return ""
        if self.undated is Undated.PUBLICATION_DATE:
            return _PUBLISHED + f"FILTER({_IN_RANGE % {'b': '?b0', 'e': '?e0'}})"
        dated = _IN_RANGE % {"b": "?begin", "e": "?end"}
        return f"FILTER({dated})" if self.undated is Undated.EXCLUDE else f"FILTER(!BOUND(?begin) || {dated})"


def _kind(kind: ContactKind | None) -> Node | None:
    return KIND_CLASSES[kind] if kind is not None else None


def _status(status: ContactStatus | None) -> Node | None:
    return STATUSES[status] if status is not None else None


def _lit(value: object) -> Literal | None:
    if value is None:
        return None
    return Literal(value.value if isinstance(value, Enum) else value)


# One triple per OPTIONAL: Oxigraph joins a one-triple OPTIONAL by index lookups, but evaluates a longer one
# over the whole store first (400 ms instead of 15 on a million quads). graphkit writes begin, end and
# granularity together, so three OPTIONALs mean the same as one.
_EVENT_BODY = """%(values)s
  GRAPH ?g {
    %(sides)s
    ?e a gk:Contact .
    %(patterns)s
  }
  FILTER(!BOUND(?wantLevel) || ?level = ?wantLevel)
  %(when)s"""

# An undated event takes the publication date of the earliest article that reports it.
_PUBLISHED = """OPTIONAL {
    { SELECT ?e (MIN(?p) AS ?pub) WHERE {
        GRAPH ?pg { ?e gk:source ?src } GRAPH ?ph { ?src schema:datePublished ?p }
      } GROUP BY ?e }
  }
  BIND(COALESCE(?begin, ?pub) AS ?b0) BIND(COALESCE(?end, ?pub) AS ?e0)
  """

_IN_RANGE = (
    "(!BOUND(?from) || (BOUND(%(e)s) && %(e)s >= ?from)) && (!BOUND(?to) || (BOUND(%(b)s) && %(b)s <= ?to))"
)

_EVENTS = "SELECT DISTINCT ?e ?kind ?status ?begin ?end ?gran ?loc ?level WHERE {\n  %s\n}"

_PARTICIPANTS = """SELECT ?e ?actor (MIN(?n) AS ?name) WHERE {
  GRAPH ?g { %s ?e gk:participant ?actor }
  GRAPH ?h { ?actor schema:name ?n }
} GROUP BY ?e ?actor"""

_SOURCES = """SELECT DISTINCT ?e ?article ?id ?url ?published ?text ?start ?end WHERE {
  GRAPH ?g { %s ?e gk:report ?r }
  GRAPH ?h {
    ?r gk:reportedIn ?article ; gk:evidence ?span .
    ?span nif:anchorOf ?text ; nif:beginIndex ?start ; nif:endIndex ?end .
    ?article schema:identifier ?id .
    OPTIONAL { ?article schema:url ?url } OPTIONAL { ?article schema:datePublished ?published }
  }
}"""


def contacts(
    data: Store | Dataset,
    actor: str | ActorMatch | None = None,
    *,
    counterpart: str | ActorMatch | None = None,
    kind: ContactKind | None = None,
    status: ContactStatus | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    level: ContactLevel | None = None,
    country: str | Sequence[str] | None = None,
    undated: Undated = Undated.EXCLUDE,
) -> list[ContactResult]:
    """Merged contacts, optionally of an actor, with a counterpart or country, of a kind, status or level,
    or in a period.

    Args:
        data: the store or dataset to ask.
        actor: who (see :func:`graphkit.rdf.actors.resolve_actor`: a name, alias, surname, QID, IRI or
            country, whose contacts then include those of its officials); None for everyone.
        counterpart: who else took part (the same kinds of names).
        kind: only contacts of this kind. status: only contacts with this status. level: only this level.
        country: only contacts where an actor of this country (name, demonym or ISO code; several: each)
            takes part besides ``actor``.
        start: only contacts whose date span ends on or after this day.
        end: only contacts whose date span begins on or before this day.
        undated: with ``start`` or ``end``, what to do with contacts that have no date (see :class:`Undated`).

    Returns:
        Contacts sorted by start date (undated last), then IRI.

    Raises:
        UnknownActorError: ``actor`` or ``counterpart`` names no actor of the graph (or several).
        UnknownCountryError: ``country`` is not a country.

    Example:
        >>> from graphkit.rdf import to_graph
        >>> contacts(to_graph([]), kind=ContactKind.CALL)
        []
    """
    store = _store(data)
    filters = _filters(store, actor, counterpart, country, kind, status, level, start, end, undated)
    rows = store.select(PROLOGUE + _EVENTS % filters.where())
    return _assemble(store, rows)


_UNDATED = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {\n  %s\n  FILTER(!BOUND(?begin))\n}"


def count_undated(
    data: Store | Dataset,
    actor: str | ActorMatch | None = None,
    *,
    counterpart: str | ActorMatch | None = None,
    kind: ContactKind | None = None,
    status: ContactStatus | None = None,
    level: ContactLevel | None = None,
    country: str | Sequence[str] | None = None,
) -> int:
    """How many contacts with these filters have no date of their own (what ``undated`` decides about)."""
    store = _store(data)
    filters = _filters(store, actor, counterpart, country, kind, status, level, None, None, Undated.EXCLUDE)
    rows = store.select(PROLOGUE + _UNDATED % filters.where())
    return int(_py(rows[0]["n"])) if rows else 0


def _filters(
    store: Store,
    actor: str | ActorMatch | None,
    counterpart: str | ActorMatch | None,
    country: str | Sequence[str] | None,
    *rest: Any,
) -> _Filters:
    sides = [_side(store, who).iris for who in (actor, counterpart) if who is not None]
    own = set(sides[0]) if actor is not None else set()
    for match in _countries(store, country):
        others = tuple(a for a in match.iris if a not in own)
        if not others:
            raise UnknownActorError(f"no actor of {match.name} other than the one asked about")
        sides.append(others)
    kind, status, level, start, end, undated = rest
    return _Filters(
        sides=tuple(sides), kind=kind, status=status, level=level, start=start, end=end, undated=undated
    )


def _events(rows: Sequence[dict[str, Node]]) -> dict[str, dict[str, Node]]:
    return {str(r["e"]): r for r in rows}


def _people(store: Store, block: str) -> dict[str, list[ActorRef]]:
    people: dict[str, list[ActorRef]] = defaultdict(list)
    for r in store.select(PROLOGUE + _PARTICIPANTS % block):
        people[str(r["e"])].append(ActorRef(iri=str(r["actor"]), name=str(r["name"])))
    return people


def _assemble(store: Store, rows: Sequence[dict[str, Node]]) -> list[ContactResult]:
    events = _events(rows)
    if not events:
        return []
    block = values("e", [URIRef(e) for e in sorted(events)])
    people = _people(store, block)
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


def _event_fields(iri: str, row: dict[str, Node], people: list[ActorRef]) -> dict[str, Any]:
    return {
        "iri": iri,
        "kind": _KINDS[row["kind"]],
        "status": _STATUSES[row["status"]],
        "start": _py(row.get("begin")),
        "end": _py(row.get("end")),
        "granularity": _UNITS.get(row["gran"]) if "gran" in row else None,
        "level": ContactLevel(str(row["level"])) if "level" in row else None,
        "participants": tuple(sorted(people, key=lambda a: a.iri)),
    }


def _contact(iri: str, row: dict[str, Node], people: list[ActorRef], sources: list[Source]) -> ContactResult:
    return ContactResult(
        **_event_fields(iri, row, people),
        location=_py(row.get("loc")),
        sources=tuple(sorted(sources, key=lambda s: (s.published or dt.date.min, s.article, s.start))),
    )


def timeline(data: Store | Dataset, actor: str | ActorMatch) -> list[ContactResult]:
    """An actor's dated contacts in chronological order."""
    return [c for c in contacts(data, actor) if c.start is not None]


_COUNTS = """SELECT ?other (COUNT(DISTINCT ?e) AS ?n) WHERE {
  %s
  GRAPH ?pg { %s ?e gk:participant ?other }
} GROUP BY ?other"""

# VALUES inside GRAPH: Oxigraph then looks the few actors up instead of reading every name first.
_NAMES = (
    """SELECT ?actor (MIN(?n) AS ?name) WHERE { GRAPH ?g { %s ?actor schema:name ?n } } GROUP BY ?actor"""
)


def top_counterparts(
    data: Store | Dataset,
    actor: str | ActorMatch,
    limit: int = 10,
    *,
    kind: ContactKind | None = None,
    status: ContactStatus | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    level: ContactLevel | None = None,
    country: str | None = None,
    undated: Undated = Undated.EXCLUDE,
) -> list[CounterpartCount]:
    """The actors ``actor`` had most contacts with, most first (ties by name).

    Counted in SPARQL (``GROUP BY``); a country's counterparts are those of the country and its officials,
    not counting its own officials. ``country`` keeps counterparts of that country (name, demonym or ISO
    code); the other filters are those of :func:`contacts`.
    """
    store = _store(data)
    side = _side(store, actor)
    filters = _filters(store, side, None, None, kind, status, level, start, end, undated)
    own = set(side.iris)
    only = ""
    if country is not None:
        (match,) = _countries(store, country)
        others = [URIRef(a) for a in match.iris if a not in own]
        if not others:  # every actor of that country is on the asking side
            return []
        only = values("other", others)
    query = _COUNTS % (filters.where(fields=False), only)
    counts = {
        str(r["other"]): int(_py(r["n"]))
        for r in store.select(PROLOGUE + query)
        if str(r["other"]) not in own
    }
    if not counts:
        return []
    # Names only for the top ``limit`` and those tied with the last of them (ties go by name).
    cut = sorted(counts.values(), reverse=True)[min(limit, len(counts)) - 1]
    names = _names(store, [a for a, n in counts.items() if n >= cut])
    ranked = sorted(names, key=lambda a: (-counts[a], names[a], a))[:limit]
    return [CounterpartCount(actor=ActorRef(iri=a, name=names[a]), contacts=counts[a]) for a in ranked]


def _names(store: Store, actors: Sequence[str]) -> dict[str, str]:
    rows = store.select(PROLOGUE + _NAMES % values("actor", [URIRef(a) for a in actors]))
    return {str(r["actor"]): str(r["name"]) for r in rows}


def who_met_whom(
    data: Store | Dataset,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    kind: ContactKind | None = None,
    status: ContactStatus | None = ContactStatus.OCCURRED,
    level: ContactLevel | None = None,
    country: str | Sequence[str] | None = None,
    undated: Undated = Undated.EXCLUDE,
) -> list[Encounter]:
    """Pairs of actors in contact in a period (by default: contacts that occurred), most contacts first.

    Each pair lists its events with kind, status, dates and every participant.
    """
    store = _store(data)
    filters = _filters(store, None, None, country, kind, status, level, start, end, undated)
    events = _events(store.select(PROLOGUE + _EVENTS % filters.where()))
    if not events:
        return []
    people = _people(store, values("e", [URIRef(e) for e in sorted(events)]))
    pairs: dict[tuple[ActorRef, ActorRef], list[EventSummary]] = defaultdict(list)
    for iri, row in events.items():
        event = EventSummary(**_event_fields(iri, row, people[iri]))
        for n, a in enumerate(event.participants):
            for b in event.participants[n + 1 :]:
                pairs[(a, b)].append(event)
    ranked = sorted(pairs.items(), key=lambda item: (-len(item[1]), item[0][0].name, item[0][1].name))
    return [Encounter(actors=pair, contacts=tuple(sorted(ev, key=_by_date))) for pair, ev in ranked]


def _by_date(event: EventSummary) -> tuple[bool, dt.date, str]:
    return (event.start is None, event.start or dt.date.min, event.iri)


_SERIES = """SELECT ?period ?ca ?cb (COUNT(DISTINCT ?e) AS ?n) WHERE {
  { SELECT DISTINCT ?e ?ca ?cb ?begin ?end ?b0 ?e0 WHERE {
    %(where)s
    GRAPH ?pg { ?e gk:participant ?x , ?y }
    GRAPH ?xg { ?x gk:countryCode ?ca } GRAPH ?yg { ?y gk:countryCode ?cb }
    FILTER(?ca < ?cb)
    %(pair)s
  } }
  BIND(COALESCE(?begin, ?b0) AS ?from1) BIND(COALESCE(?end, ?e0) AS ?to1)
  BIND(SUBSTR(STR(?from1), 1, %(width)d) AS ?p1) BIND(SUBSTR(STR(?to1), 1, %(width)d) AS ?p2)
  BIND(IF(!BOUND(?from1), "undated", IF(?p1 = ?p2, ?p1, CONCAT(?p1, "/", ?p2))) AS ?period)
} GROUP BY ?period ?ca ?cb"""


def series(
    data: Store | Dataset,
    by: Period = Period.MONTH,
    *,
    countries: Sequence[str] = (),
    kind: ContactKind | None = None,
    status: ContactStatus | None = None,
    level: ContactLevel | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    undated: Undated = Undated.EXCLUDE,
) -> list[SeriesRow]:
    """Contacts per period per pair of countries (ISO codes in alphabetical order), counted in SPARQL.

    A contact counts once for each pair of different countries among its participants. One whose date span
    crosses periods (a contact known only by its year, in a monthly series) is counted under the span
    ``"2025-01/2025-12"`` rather than placed in a month it may not belong to; undated contacts are left out,
    counted under ``"undated"`` (``undated=include``), or placed by their earliest article's publication
    date (``publication-date``), whether or not a range is given.

    Args:
        countries: none for every pair; one for the pairs it is part of; two for that pair only.
    """
    if len(countries) > 2:
        raise GraphkitError(f"a series is of one pair of countries at most, not {len(countries)}")
    store = _store(data)
    codes = sorted(resolve_country(c).code for c in countries)
    base = _Filters(kind=kind, status=status, level=level, start=start, end=end, undated=undated)
    where = base.where()
    if undated is Undated.PUBLICATION_DATE and start is None and end is None:
        where += _PUBLISHED
    elif undated is Undated.EXCLUDE:
        where += "FILTER(BOUND(?begin))"
    pair = values(("ca", "cb"), [tuple(Literal(c) for c in codes)]) if len(codes) == 2 else ""
    if len(codes) == 1:
        pair = values("one", [Literal(codes[0])]) + " FILTER(?ca = ?one || ?cb = ?one)"
    width = 7 if by is Period.MONTH else 4
    rows = store.select(PROLOGUE + _SERIES % {"where": where, "pair": pair, "width": width})
    out = [
        SeriesRow(
            period=str(r["period"]), country_a=str(r["ca"]), country_b=str(r["cb"]), contacts=int(_py(r["n"]))
        )
        for r in rows
    ]
    return sorted(out, key=lambda r: (r.period == "undated", r.period, r.country_a, r.country_b))


_STATEMENTS = """SELECT ?q ?actor ?text ?direct ?id ?url ?published ?quote ?start ?end WHERE {
  GRAPH ?g {
    %s
    ?q a schema:Quotation ; schema:spokenByCharacter ?actor ; schema:text ?text ; gk:direct ?direct ;
       gk:reportedIn ?article ; gk:evidence ?span .
    ?span nif:anchorOf ?quote ; nif:beginIndex ?start ; nif:endIndex ?end .
    ?article schema:identifier ?id .
    OPTIONAL { ?article schema:url ?url } OPTIONAL { ?article schema:datePublished ?published }
  }
}"""


def statements_by(data: Store | Dataset, actor: str | ActorMatch) -> list[StatementResult]:
    """What an actor (or a country's actors) said, by article publication date and position."""
    store = _store(data)
    found = _side(store, actor).iris
    rows = store.select(PROLOGUE + _STATEMENTS % values("actor", map(URIRef, found)))
    names = _names(store, sorted({str(r["actor"]) for r in rows})) if rows else {}
    results = [
        StatementResult(
            iri=str(r["q"]),
            speaker=ActorRef(iri=str(r["actor"]), name=names.get(str(r["actor"]), str(r["actor"]))),
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
    """Run a raw SPARQL SELECT over the union of the named graphs (graphkit's prefixes are declared);
    values come back as Python objects. ASK and CONSTRUCT: :func:`graphkit.rdf.user_query.run_query`.

    Raises:
        SparqlSyntaxError: the query does not parse (the message gives line and column in ``query``).
    """
    answer = run_query(data, query)
    if answer.form != "SELECT":
        raise GraphkitError(f"sparql() runs SELECT queries; use run_query() for {answer.form}")
    return answer.rows


def to_frame(results: Iterable[BaseModel] | Iterable[dict[str, Any]]) -> pandas.DataFrame:
    """A DataFrame with one row per result; nested objects become dotted columns (``sources`` stay lists)."""
    import pandas

    rows = [r.model_dump(mode="json") if isinstance(r, BaseModel) else r for r in results]
    return pandas.json_normalize(rows) if rows else pandas.DataFrame()
