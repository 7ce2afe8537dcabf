"""Who contacted whom and when, as NetworkX graphs.

Three projections of the same contacts, all built from extractions (or, through
``graphkit.rdf.extractions_from_graph``, from an RDF graph):

- :func:`event_graph`: the lossless bipartite graph of actors and contact events; each actor-event edge keeps
  the actor's role. Contacts with three or more participants stay one event.
- :func:`contact_graph`: actor to actor, a ``MultiGraph`` (or ``MultiDiGraph``) with one edge per contact and
  pair, keyed by the event id, carrying kind, status, dates, location, sources and evidence.
- :func:`country_graph`: the same contacts between the actors' countries.

:func:`filter_graph` narrows any of the last two to a period, kinds, statuses, countries or actors as a view
(``nx.subgraph_view``), not a copy. The analyst helpers (:func:`counterparts`, :func:`timeline`,
:func:`ego_network`, :func:`brokers`, :func:`new_contacts`) and the exports (:func:`write_gexf` with start and
end times for Gephi's timeline, :func:`write_graphml`) take those graphs.

Example:
    >>> import graphkit.network as gn
    >>> graph = gn.contact_graph(extractions)  # doctest: +SKIP
    >>> gn.counterparts(graph, "Q7747")[:3]  # doctest: +SKIP
    [('Q3052772', 2), ...]
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphkit._gc import gc_paused
from graphkit.errors import InputError
from graphkit.identity import actor_key
from graphkit.models import Actor, Contact, ContactKind, ContactStatus, Extraction, Role

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "TimelineEntry",
    "actor_key",
    "brokers",
    "contact_graph",
    "counterparts",
    "country_graph",
    "country_name",
    "ego_network",
    "event_graph",
    "export_gexf",
    "export_graphml",
    "filter_graph",
    "find_actor",
    "flatten",
    "load_extractions",
    "new_contacts",
    "timeline",
    "write_gexf",
    "write_graphml",
]

#: Roles that start a contact, and the roles they are directed at: visitor -> host, caller -> callee.
_SOURCE_ROLES = frozenset({Role.VISITOR, Role.CALLER, Role.SENDER, Role.ENVOY})
_TARGET_ROLES = frozenset({Role.HOST, Role.CALLEE, Role.RECIPIENT})
#: Suffixes of RDF files, read through graphkit.rdf.
_RDF_SUFFIXES = frozenset({".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf", ".owl", ".n3"})

# -- building --------------------------------------------------------------------------------------


def event_id(article_id: str, index: int) -> str:
    """The id of the ``index``-th contact of an article: ``"d001#0"``."""
    return f"{article_id}#{index}"


def event_graph(source: Any, *, per_article: bool = False) -> nx.Graph:
    """The bipartite graph of actors and contact events: nothing of a contact is lost.

    An event is a contact as the knowledge graph holds it: reports of the same contact in several articles
    are merged by the rule of :mod:`graphkit.rdf.merge`, so the network counts what the store and
    ``graphkit query`` count. With ``per_article=True`` every report (one contact of one article) stays an
    event of its own.

    Actor nodes have ``bipartite=0`` and ``node_type="actor"`` with name, type, country, offices, aliases,
    wikidata and articles; event nodes have ``bipartite=1`` and ``node_type="event"`` with the contact's
    attributes (as in :func:`contact_graph`) and ``mentions``. Each actor-event edge has the actor's ``role``
    and, for envoys, ``on_behalf_of``. Every actor of every extraction is a node, with or without contacts.
    ``graph.graph["articles"]`` maps article ids to their title, url and publication date.

    An article given more than once (a rerun, a corrected copy) counts once, as its latest copy, in the place
    of its first: the earlier copies' contacts, reports, actors and title are left out, as the store and
    :func:`graphkit.rdf.merge.merged_events` replace an article by its id.

    Args:
        source: extractions, an RDF graph or dataset, or a store (read through ``graphkit.rdf``).
        per_article: one event per report instead of per merged event.
    """
    import networkx as nx

    extractions = _latest(_extractions(source))
    graph = nx.Graph(articles={})
    keys: dict[str, dict[str, str]] = {}
    with gc_paused():
        merged: dict[str, _ActorLists] = {}
        for extraction in extractions:
            article = extraction.article
            graph.graph["articles"][article.id] = _article_attrs(extraction)
            keys[article.id] = {a.id: actor_key(a, article.id) for a in extraction.actors}
            for actor in extraction.actors:
                _add_actor(graph, merged, keys[article.id][actor.id], actor, article.id)
        for key, lists in merged.items():
            graph.nodes[key].update(lists.tuples())
        for event in _events(extractions, per_article):
            graph.add_node(event.id, bipartite=1, node_type="event", **event.attrs())
            for node, (role, behalf) in event.roles(keys).items():
                graph.add_edge(node, event.id, role=role, on_behalf_of=behalf)
    return graph


@dataclass(frozen=True, eq=False)
class _Report:
    """One contact of one article."""

    article: Extraction
    index: int

    @property
    def contact(self) -> Contact:
        return self.article.contacts[self.index]

    @property
    def id(self) -> str:
        return event_id(self.article.article.id, self.index)


@dataclass(frozen=True, eq=False)
class _Event:
    """The reports of one event, the most precise first (the merge order), with what the merge decided."""

    reports: tuple[_Report, ...]
    iri: str | None = None
    kind: ContactKind | None = None
    status: ContactStatus | None = None
    span: tuple[dt.date, dt.date] | None = None

    @property
    def id(self) -> str:
        return self.reports[0].id

    def attrs(self) -> dict[str, Any]:
        from graphkit.records import to_row

        first = self.reports[0]
        row = to_row(first.contact)
        found = [r.contact for r in self.reports]
        row |= {
            "event": self.id,
            "kind": (self.kind or first.contact.kind).value,
            "status": (self.status or first.contact.status).value,
            "location": next((c.location for c in found if c.location), None),
            "level": next((c.level.value for c in found if c.level is not None), None),
            "sources": tuple(dict.fromkeys(r.article.article.id for r in self.reports)),
            "reports": tuple(r.id for r in self.reports),
            "mentions": tuple(m.text for c in found for m in c.mentions),
        }
        if self.iri is not None:
            row["iri"] = self.iri
        if len(self.reports) > 1:  # the span all reports share; precision and wording of the first
            row["start"], row["end"] = self.span if self.span else (None, None)
        return row

    def roles(self, keys: Mapping[str, Mapping[str, str]]) -> dict[str, tuple[str, str | None]]:
        """Node -> (role, on-behalf-of node): the first role other than "participant" a report gives."""
        found: dict[str, tuple[str, str | None]] = {}
        for report in self.reports:
            local = keys[report.article.article.id]
            for p in report.contact.participants:
                role, behalf = found.get(local[p.actor], (Role.PARTICIPANT.value, None))
                if role == Role.PARTICIPANT.value:
                    role = p.role.value
                if behalf is None and p.on_behalf_of:
                    behalf = local[p.on_behalf_of]
                found[local[p.actor]] = (role, behalf)
        return found


def _events(extractions: Sequence[Extraction], per_article: bool) -> list[_Event]:
    """The events of ``extractions`` (one per article) in the order their first report appears in them."""
    reports = [_Report(e, n) for e in extractions for n in range(len(e.contacts))]
    if per_article:
        return [_Event((r,)) for r in reports]
    from graphkit.rdf.merge import merged_events

    articles = {e.article.id: e for e in extractions}
    by_report: dict[str, _Event] = {}
    for event, keys in merged_events(extractions):
        members = tuple(_Report(articles[article], n) for article, n in keys)
        merged = _Event(members, str(event.iri), event.kind, event.status(), event.span)
        by_report.update((r.id, merged) for r in members)
    return list(dict.fromkeys(by_report[r.id] for r in reports))


def contact_graph(source: Any, *, directed: bool = False, per_article: bool = False) -> nx.MultiGraph:
    """Actor to actor: one edge per contact event and pair of its participants, keyed by the event id.

    A contact that several articles report is one event (see :func:`event_graph`): its edge lists every
    article in ``sources`` and every report in ``reports``, and its id is that of its most precise report.
    An article given twice counts once, as its latest copy (see :func:`event_graph`).

    Edge attributes: ``event``, ``kind``, ``status`` (enum values as strings), ``start`` and ``end``
    (``datetime.date`` or None), ``granularity``, ``expression``, ``location``, ``level``, ``sources``
    (article ids), ``evidence`` (the sentence), ``evidence_start``/``evidence_end`` (its offsets), ``roles``
    (actor -> role), ``initiator``: the visitor, caller or sender when the roles give a direction, else
    None, ``reports`` (the ids of the article contacts merged into the event) and ``iri`` (the event's IRI
    in the knowledge graph, unless ``per_article``). Only actors that take part in a contact are nodes.

    Args:
        source: extractions, an RDF graph or dataset, a store, or an :func:`event_graph`.
        directed: a ``MultiDiGraph`` whose edges run from the initiator (visitor -> host, caller -> callee);
            pairs without a direction keep the participants' order and have ``initiator=None``.
        per_article: one edge per contact of each article (a report), as the articles tell it, instead of
            one per merged event.

    >>> import graphkit.network as gn
    >>> graph = gn.contact_graph([extraction])  # doctest: +SKIP
    """
    import networkx as nx

    events = source if _is_event_graph(source) else event_graph(source, per_article=per_article)
    graph: nx.MultiGraph = nx.MultiDiGraph() if directed else nx.MultiGraph()
    graph.graph["articles"] = dict(events.graph.get("articles", {}))
    with gc_paused():
        for event, attrs in events.nodes(data=True):
            if attrs.get("node_type") != "event":
                continue
            roles = {actor: events.edges[actor, event]["role"] for actor in events.adj[event]}
            data = {k: v for k, v in attrs.items() if k not in ("bipartite", "node_type", "mentions")}
            for a, b in itertools.combinations(_ordered(events, event), 2):
                u, v, initiator = _direction(a, b, roles)
                for node in (u, v):
                    if node not in graph:  # an actor's attributes are the same for each of its contacts
                        graph.add_node(node, **_actor_attrs(events.nodes[node]))
                graph.add_edge(u, v, key=event, roles={u: roles[u], v: roles[v]}, initiator=initiator, **data)
    return graph


def country_graph(source: Any, *, per_article: bool = False) -> nx.MultiGraph:
    """Contacts between countries: one edge per event and pair of the participants' countries.

    Nodes are ISO 3166-1 alpha-3 codes with ``name``, ``country`` (the code again, so
    :func:`filter_graph` works alike on both graphs) and ``actors`` (how many actors of that country take
    part). Edges carry the event's attributes. Actors without a country (international organizations) and
    contacts within one country are left out.

    Args:
        source: a :func:`contact_graph` (or a view of one), extractions, an RDF graph or a store.
        per_article: as for :func:`contact_graph`, when ``source`` is not a graph already.
    """
    import networkx as nx

    actors = source if _is_contact_graph(source) else contact_graph(source, per_article=per_article)
    graph = nx.MultiGraph(articles=dict(actors.graph.get("articles", {})))
    members: Counter[str] = Counter(c for _, c in actors.nodes(data="country") if c)
    for code, count in members.items():
        graph.add_node(code, name=country_name(code), country=code, actors=count)
    for u, v, event, data in actors.edges(keys=True, data=True):
        cu, cv = actors.nodes[u].get("country"), actors.nodes[v].get("country")
        if cu and cv and cu != cv and not graph.has_edge(cu, cv, key=event):
            attrs = {k: val for k, val in data.items() if k not in ("roles", "initiator")}
            graph.add_edge(cu, cv, key=event, **attrs)
    return graph


class _ActorLists:
    """The offices, aliases and articles of one actor node, gathered across articles (first seen first).

    Kept as dicts while the graph is built and written to the node as tuples at the end: extending a tuple
    for each article copied an actor's whole list each time, quadratic for an actor of thousands of articles.
    """

    def __init__(self) -> None:
        self.offices: dict[str, None] = {}
        self.aliases: dict[str, None] = {}
        self.articles: dict[str, None] = {}

    def tuples(self) -> dict[str, tuple[str, ...]]:
        return {
            "offices": tuple(self.offices),
            "aliases": tuple(self.aliases),
            "articles": tuple(self.articles),
        }


def _add_actor(
    graph: nx.Graph, merged: dict[str, _ActorLists], key: str, actor: Actor, article_id: str
) -> None:
    """Add the actor, or merge it into the node another article made (first name and country stay)."""
    if key not in graph:
        graph.add_node(
            key,
            bipartite=0,
            node_type="actor",
            name=actor.label,
            type=actor.type.value,
            country=actor.country,
            offices=(),
            aliases=(),
            wikidata=actor.wikidata,
            articles=(),
        )
        merged[key] = _ActorLists()
    node = graph.nodes[key]
    node["country"] = node["country"] or actor.country
    lists = merged[key]
    lists.offices.update(dict.fromkeys(actor.offices))
    lists.aliases.update(dict.fromkeys(actor.aliases))
    lists.articles[article_id] = None


def _article_attrs(extraction: Extraction) -> dict[str, Any]:
    article = extraction.article
    return {"title": article.title, "url": article.url, "published": article.published}


def _actor_attrs(attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if k not in ("bipartite", "node_type")}


def _ordered(events: nx.Graph, event: str) -> list[str]:
    """The event's actors in the order they were added, so pairs and edge ends are reproducible."""
    return list(events.adj[event])


def _direction(a: str, b: str, roles: Mapping[str, str]) -> tuple[str, str, str | None]:
    """``(u, v, initiator)``: u initiates when its role starts the contact and the other role receives it."""
    ra, rb = Role(roles[a]), Role(roles[b])
    if ra in _SOURCE_ROLES and rb in _TARGET_ROLES:
        return a, b, a
    if rb in _SOURCE_ROLES and ra in _TARGET_ROLES:
        return b, a, b
    return a, b, None


def country_name(code: str) -> str:
    """The English name of an ISO 3166-1 alpha-3 code, or the code when the gazetteer does not know it.

    >>> country_name("FRA")
    'France'
    """
    from graphkit.gazetteer import load_gazetteer

    entry = load_gazetteer().countries.get(code)
    return entry.name if entry else code


def _is_event_graph(source: Any) -> bool:
    return hasattr(source, "nodes") and any(t == "event" for _, t in source.nodes(data="node_type"))


def _is_contact_graph(source: Any) -> bool:
    return hasattr(source, "is_multigraph") and source.is_multigraph()


def _extractions(source: Any) -> list[Extraction]:
    """Extractions from a sequence of them, an RDF graph or a store (converted by graphkit.rdf)."""
    if _is_rdf(source):
        from graphkit.rdf import extractions_from_graph

        return list(extractions_from_graph(source))
    extractions = list(source)
    for n, item in enumerate(extractions):
        if not isinstance(item, Extraction):
            raise TypeError(f"item {n} is a {type(item).__name__}, not an Extraction")
    return extractions


def _latest(extractions: Sequence[Extraction]) -> list[Extraction]:
    """One extraction per article: the last one given with its id, where the first one was."""
    return list({e.article.id: e for e in extractions}.values())


def _is_rdf(source: Any) -> bool:
    """An rdflib graph, or a store as ``graphkit.rdf.Store`` describes one (it can dump its graphs)."""
    # An rdflib graph can only exist once rdflib is imported: looking in sys.modules keeps this module from
    # importing rdflib to check a list of extractions.
    rdflib = sys.modules.get("rdflib")
    if rdflib is not None and isinstance(source, rdflib.Graph):
        return True
    return all(callable(getattr(source, name, None)) for name in ("dump", "select", "replace"))


def load_extractions(path: str | Path) -> list[Extraction]:
    """Read extractions from a JSON Lines file of records or, through graphkit.rdf, an RDF file.

    Args:
        path: a ``.jsonl`` file as ``graphkit extract`` writes it (read by
            :func:`graphkit.records.read_jsonl`), or an RDF file (``.ttl``, ``.nt``, ...).

    Raises:
        InputError: unknown suffix, unreadable file, or a bad record; the message names the file and line.
    """
    path = Path(path)
    if path.suffix.lower() in _RDF_SUFFIXES:
        from graphkit.rdf.dataset import FORMATS
        from graphkit.rdf.shacl import load_graph

        if path.suffix.lower() in FORMATS:  # what graphkit writes: a dataset keeps the named graphs
            return _extractions(load_graph(path))
        import rdflib

        return _extractions(rdflib.Graph().parse(path))
    if path.suffix.lower() != ".jsonl":
        known = ", ".join([".jsonl", *sorted(_RDF_SUFFIXES)])
        raise InputError(f"unknown graph file suffix {path.suffix!r}; known: {known}", source=str(path))
    from graphkit.records import read_jsonl

    return read_jsonl(path)


# -- filters ---------------------------------------------------------------------------------------


def filter_graph(
    graph: nx.MultiGraph,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    kinds: Collection[ContactKind | str] | None = None,
    statuses: Collection[ContactStatus | str] | None = None,
    countries: Collection[str] | None = None,
    actors: Collection[Hashable] | None = None,
    include_undated: bool = False,
) -> nx.MultiGraph:
    """A view of the contacts that pass every given filter, and of the actors taking part in them.

    Nothing is copied: the view reads through to ``graph``. Without any filter, the view shows everything
    (actors without contacts included); with one, only actors with at least one remaining contact.

    Args:
        graph: a :func:`contact_graph` or :func:`country_graph` (or a view of one).
        start: contacts ending on or after this day (the date spans overlap the period).
        end: contacts starting on or before this day.
        kinds: contact kinds to keep.
        statuses: statuses to keep.
        countries: keep contacts with at least one participant of these countries (alpha-3 codes).
        actors: keep contacts with at least one of these actors (node ids).
        include_undated: with ``start`` or ``end``, also keep contacts that have no date.
    """
    import networkx as nx

    edge_ok = _edge_filter(graph, start, end, kinds, statuses, countries, actors, include_undated)
    if edge_ok is None:
        return nx.subgraph_view(graph)

    def node_ok(node: Hashable) -> bool:
        return any(edge_ok(node, other, key) for other, keys in graph.adj[node].items() for key in keys) or (
            graph.is_directed() and any(edge_ok(o, node, k) for o, ks in graph.pred[node].items() for k in ks)
        )

    return nx.subgraph_view(graph, filter_node=node_ok, filter_edge=edge_ok)


def _edge_filter(
    graph: nx.MultiGraph,
    start: dt.date | None,
    end: dt.date | None,
    kinds: Collection[ContactKind | str] | None,
    statuses: Collection[ContactStatus | str] | None,
    countries: Collection[str] | None,
    actors: Collection[Hashable] | None,
    include_undated: bool,
) -> Any:
    """The edge predicate ``(u, v, key) -> bool``, or None when nothing is filtered."""
    tests = []
    if start is not None or end is not None:
        tests.append(lambda u, v, d: _overlaps(d, start, end, include_undated))
    if kinds is not None:
        kind_values = {ContactKind(k).value for k in kinds}
        tests.append(lambda u, v, d: d["kind"] in kind_values)
    if statuses is not None:
        status_values = {ContactStatus(s).value for s in statuses}
        tests.append(lambda u, v, d: d["status"] in status_values)
    if countries is not None:
        codes = set(countries)
        tests.append(lambda u, v, d: bool({_country(graph, u), _country(graph, v)} & codes))
    if actors is not None:
        wanted = set(actors)
        tests.append(lambda u, v, d: u in wanted or v in wanted)
    if not tests:
        return None

    def edge_ok(u: Hashable, v: Hashable, key: Hashable) -> bool:
        data = graph.adj[u][v][key]
        return all(test(u, v, data) for test in tests)

    return edge_ok


def _overlaps(data: Mapping[str, Any], start: dt.date | None, end: dt.date | None, undated: bool) -> bool:
    if data.get("start") is None:
        return undated
    return (start is None or data["end"] >= start) and (end is None or data["start"] <= end)


def _country(graph: nx.Graph, node: Hashable) -> str | None:
    country: str | None = graph.nodes[node].get("country")
    return country


# -- analyst helpers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    """One contact event on a timeline, with all its participants."""

    event: str
    start: dt.date | None
    end: dt.date | None
    kind: str
    status: str
    actors: tuple[Hashable, ...]
    evidence: str
    sources: tuple[str, ...]


def find_actor(graph: nx.Graph, text: str) -> Hashable:
    """The node an id, name or alias stands for (names and aliases compared without case).

    Args:
        graph: any graph from this module.
        text: a node id ("Q7747"), a name ("Vladimir Putin") or an alias ("Putin").

    Raises:
        KeyError: no node, or several, match; the message says which.
    """
    if text in graph:
        return text
    wanted = text.casefold()
    for field in ("name", "aliases"):
        found = [n for n, value in graph.nodes(data=field) if wanted in _casefolded(value)]
        if len(found) == 1:
            return found[0]
        if found:
            raise KeyError(f"{text!r} is the {field} of several actors: {', '.join(map(str, found))}")
    raise KeyError(f"no actor is called {text!r} (give a node id, a name or an alias)")


def _casefolded(value: Any) -> set[str]:
    if value is None:
        return set()
    values = (value,) if isinstance(value, str) else value
    return {str(v).casefold() for v in values}


def counterparts(graph: nx.MultiGraph, actor: Hashable) -> list[tuple[Hashable, int]]:
    """Whom ``actor`` was in contact with, most contacts first (ties by node id).

    Args:
        graph: a :func:`contact_graph`, :func:`country_graph` or a view of one.
        actor: the node id.

    Returns:
        ``(counterpart, number of contact events)`` pairs.
    """
    counts: Counter[Hashable] = Counter()
    for other, _event in {(other, event) for other, event, _ in _incident(graph, actor)}:
        counts[other] += 1
    return sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))


def timeline(graph: nx.MultiGraph, actor: Hashable | None = None) -> list[TimelineEntry]:
    """Contact events in date order (undated ones last), each once however many pairs it has.

    Args:
        graph: a :func:`contact_graph`, :func:`country_graph` or a view of one.
        actor: only the events this node takes part in.
    """
    members: dict[str, dict[Hashable, None]] = defaultdict(dict)
    attrs: dict[str, Mapping[str, Any]] = {}
    for u, v, event, data in graph.edges(keys=True, data=True):
        if actor is None or actor in (u, v):
            members[event].update({u: None, v: None})
            attrs[event] = data
    entries = [_entry(event, attrs[event], tuple(actors)) for event, actors in members.items()]
    return sorted(
        entries, key=lambda e: (e.start is None, e.start or dt.date.min, e.end or dt.date.min, e.event)
    )


def _entry(event: str, data: Mapping[str, Any], actors: tuple[Hashable, ...]) -> TimelineEntry:
    return TimelineEntry(
        event=event,
        start=data.get("start"),
        end=data.get("end"),
        kind=data["kind"],
        status=data["status"],
        actors=actors,
        evidence=data.get("evidence", ""),
        sources=tuple(data.get("sources", ())),
    )


def ego_network(graph: nx.MultiGraph, actor: Hashable, radius: int = 1) -> nx.MultiGraph:
    """A view of ``actor``, the actors within ``radius`` contacts of it, and all contacts among them.

    Direction is ignored when counting the distance.
    """
    import networkx as nx

    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    near = nx.single_source_shortest_path_length(undirected, actor, cutoff=radius)
    return graph.subgraph(near)


def brokers(
    graph: nx.MultiGraph, top: int | None = 10, *, sample: int | None = None
) -> list[tuple[Hashable, float]]:
    """Actors that lie between others: betweenness centrality, highest first.

    Repeated contacts bring actors closer: a pair in contact n times is at distance 1/n.

    Args:
        graph: a :func:`contact_graph`, :func:`country_graph` or a view of one.
        top: how many to return (None: all).
        sample: estimate from this many source nodes (seeded, so reproducible), for large graphs.
    """
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(graph)
    for u, v in graph.edges():
        if u != v:
            count = simple.edges[u, v]["count"] + 1 if simple.has_edge(u, v) else 1
            simple.add_edge(u, v, count=count, distance=1 / count)
    k = sample if sample is not None and sample < len(simple) else None
    scores = nx.betweenness_centrality(simple, k=k, weight="distance", seed=7 if k else None)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], str(item[0])))
    return ranked[:top] if top is not None else ranked


def new_contacts(
    graph: nx.MultiGraph,
    period: tuple[dt.date, dt.date],
    earlier: tuple[dt.date | None, dt.date] | None = None,
) -> list[tuple[Hashable, Hashable]]:
    """Pairs in contact during ``period`` that were not in contact during ``earlier``.

    Args:
        graph: a :func:`contact_graph`, :func:`country_graph` or a view of one.
        period: ``(first day, last day)``.
        earlier: the period to compare with; default everything before ``period``. Undated contacts count
            in neither.

    Returns:
        Pairs with their node ids in sorted order, sorted.
    """
    if earlier is None:
        earlier = (None, period[0] - dt.timedelta(days=1))
    now = _pairs(filter_graph(graph, start=period[0], end=period[1]))
    before = _pairs(filter_graph(graph, start=earlier[0], end=earlier[1]))
    return sorted(now - before, key=lambda pair: tuple(map(str, pair)))


def _pairs(graph: nx.MultiGraph) -> set[tuple[Hashable, Hashable]]:
    return {tuple(sorted((u, v), key=str)) for u, v in graph.edges() if u != v}


def _incident(graph: nx.MultiGraph, node: Hashable) -> Iterator[tuple[Hashable, str, Mapping[str, Any]]]:
    """``(other, event, data)`` for every contact of ``node``, in either direction."""
    edges = graph.edges(node, keys=True, data=True)
    if graph.is_directed():
        edges = itertools.chain(edges, graph.in_edges(node, keys=True, data=True))
    for u, v, event, data in edges:
        yield (v if u == node else u), event, data


# -- export ----------------------------------------------------------------------------------------


def flatten(graph: nx.Graph) -> nx.Graph:
    """A copy whose attribute values GraphML and GEXF can hold: dates as ISO strings, sequences and mappings
    as JSON, None left out.

    Args:
        graph: any graph from this module (or a view of one).
    """
    flat = graph.__class__()
    flat.graph.update(_flat_attrs(graph.graph))
    flat.add_nodes_from((n, _flat_attrs(d)) for n, d in graph.nodes(data=True))
    if graph.is_multigraph():
        flat.add_edges_from((u, v, k, _flat_attrs(d)) for u, v, k, d in graph.edges(keys=True, data=True))
    else:
        flat.add_edges_from((u, v, _flat_attrs(d)) for u, v, d in graph.edges(data=True))
    return flat


def _flat_attrs(attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _flat_value(v) for k, v in attrs.items() if v is not None}


def _flat_value(value: Any) -> str | int | float | bool:
    if isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False, default=_json_default, sort_keys=True)


def _json_default(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write a {type(value).__name__} attribute")


def write_gexf(graph: nx.Graph, path: str | Path) -> None:
    """Write GEXF 1.2 for Gephi: dated contacts get ``start``/``end`` so its timeline filters them.

    Undated contacts have no interval (Gephi shows them at every time); the edge id is
    ``"event|u|v"`` and its label the contact kind. A node's label is its name, so Gephi shows names; its id
    stays the node id, also written as the attribute ``node_id`` (with ``wikidata`` where known).

    Args:
        graph: a :func:`contact_graph` or :func:`country_graph` (or a view of one).
        path: the ``.gexf`` file to write.
    """
    import networkx as nx

    flat = flatten(graph)
    flat.graph.pop("articles", None)  # a JSON blob means nothing to Gephi; the edges keep their sources
    for node, data in flat.nodes(data=True):
        data["node_id"] = str(node)
        data["label"] = str(data.get("name", node))
    if flat.is_multigraph():
        for u, v, key, data in flat.edges(keys=True, data=True):
            data["id"] = f"{key}|{u}|{v}"
            data["label"] = data.get("kind", "")
    _write_lines(nx.generate_gexf(flat), path)


def write_graphml(graph: nx.Graph, path: str | Path) -> None:
    """Write GraphML with flattened attributes (see :func:`flatten`); multigraph keys become edge ids.

    Args:
        graph: any graph from this module (or a view of one).
        path: the ``.graphml`` file to write.
    """
    import networkx as nx

    _write_lines(nx.generate_graphml(flatten(graph)), path)


def _write_lines(lines: Iterable[str], path: str | Path) -> None:
    """Write at once (a reader never sees half a file), as every graphkit output."""
    from graphkit._io import atomic_writer

    with atomic_writer(Path(path)) as handle:
        for line in lines:
            handle.write(line + "\n")


def export_gexf(extractions: Sequence[Extraction], path: Path) -> None:
    """The ``extract --out FILE.gexf`` exporter: the contact graph of the run, for Gephi."""
    write_gexf(contact_graph(extractions), path)


def export_graphml(extractions: Sequence[Extraction], path: Path) -> None:
    """The ``extract --out FILE.graphml`` exporter: the contact graph of the run."""
    write_graphml(contact_graph(extractions), path)
