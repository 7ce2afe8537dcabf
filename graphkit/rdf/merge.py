"""Merging contact reports from many articles into events.

The rule, applied to reports (one per contact per article) that have the same participants after actor
resolution (the same :func:`~graphkit.rdf.iris.participant_key`):

1. Reports are taken in a fixed order: dated before undated, finer granularity first, then by start date,
   article and report IRI. Each joins the first event it is compatible with, else starts a new event.
2. A report is compatible with an event when
   - both are dated and their date spans overlap: the event's span is the intersection of its reports'
     spans, so two reports whose dates are both precise (day granularity) and different never merge;
   - the kinds agree, or one of them is the unspecified ``contact`` (the event takes the specific kind);
   - both are negated or neither is;
   - the event has no report from the same article yet (the extractor already merged repeated mentions of
     one event within an article, so two reports from one article are two events).
   Undated reports never merge: nothing says they are about the same occasion.
3. The event's status is that of its report from the most recently published article (later news knows
   whether a planned meeting took place); ties go to occurred, then planned, then proposed. Its
   granularity, expression and anchor come from its most precise report; location, level and roles from the
   first report that gives them.

Event IRIs are derived from the IRIs of their reports, so the same reports always give the same graph. Reports
whose dates are not linked by overlapping dates never share an event, so new reports can be merged with the
events they may join alone (:func:`merge_into`), with the same result as merging everything again.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import rdflib.namespace as rdflib_ns
from rdflib import URIRef

from graphkit.models import ContactKind, ContactStatus, DateSpan, Extraction, Granularity, Role
from graphkit.rdf import iris
from graphkit.rdf import namespace as gk_ns
from graphkit.rdf.convert import GRANULARITY_UNITS, KIND_CLASSES, ROLE_TYPES, STATUSES, report_iris
from graphkit.rdf.namespace import Terms
from graphkit.rdf.terms import Emitter

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = [
    "Event",
    "ParticipantSummary",
    "ReportSummary",
    "event_nquads",
    "event_quads",
    "event_triples",
    "merge_into",
    "merge_reports",
    "merged_events",
    "summaries",
]

# Looked up once each: an event graph looks up a term for every statement (see Terms).
GK, RDF, SDO, SEM = Terms(gk_ns.GK), Terms(rdflib_ns.RDF), Terms(rdflib_ns.SDO), Terms(gk_ns.SEM)

_PRECISION = [Granularity.DAY, Granularity.WEEK, Granularity.MONTH, Granularity.YEAR]
_STATUS_TIES = [ContactStatus.OCCURRED, ContactStatus.PLANNED, ContactStatus.PROPOSED, ContactStatus.NEGATED]


@dataclass(frozen=True)
class ParticipantSummary:
    """A participant of a report, by shared actor IRI."""

    actor: str
    role: Role
    on_behalf_of: str | None = None


@dataclass(frozen=True)
class ReportSummary:
    """What merging needs to know about one report (from an extraction or read back from a store)."""

    iri: str
    article: str
    published: dt.date | None
    key: str
    kind: ContactKind
    status: ContactStatus
    date: DateSpan | None
    location: str | None
    evidence: str
    participants: tuple[ParticipantSummary, ...]
    level: str | None = None

    def order(self) -> tuple[object, ...]:
        """The merge order of rule 1."""
        if self.date is None:
            return (1, 0, dt.date.min, self.article, self.iri)
        return (0, _PRECISION.index(self.date.granularity), self.date.start, self.article, self.iri)


@dataclass
class Event:
    """A merged event: its reports, in merge order, and the span all of them share."""

    reports: list[ReportSummary]
    span: tuple[dt.date, dt.date] | None = field(default=None)
    # What rule 2 asks of every candidate report, kept up to date by add() instead of read off the reports:
    # a pair reported thousands of times made merging take seconds.
    _articles: set[str] = field(init=False, repr=False, compare=False)
    _kind: ContactKind = field(init=False, repr=False, compare=False)

    # The IRI once computed (a hash over the reports), until add() changes them: a writer asks for it
    # several times per batch, for every event of the participant sets it touches.
    _iri: URIRef | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._articles = {r.article for r in self.reports}
        specific = (r.kind for r in self.reports if r.kind is not ContactKind.CONTACT)
        self._kind = next(specific, ContactKind.CONTACT)

    @property
    def kind(self) -> ContactKind:
        """The kind of its first report that has a specific one, else ``contact``."""
        return self._kind

    @property
    def iri(self) -> URIRef:
        if self._iri is None:
            self._iri = iris.event_iri(r.iri for r in self.reports)
        return self._iri

    def accepts(self, report: ReportSummary) -> bool:
        """Rule 2."""
        if report.date is None or self.span is None:
            return False
        if not (self._kind is report.kind or ContactKind.CONTACT in (self._kind, report.kind)):
            return False
        negated = self.reports[0].status is ContactStatus.NEGATED
        if negated != (report.status is ContactStatus.NEGATED):
            return False
        if report.article in self._articles:
            return False
        return max(self.span[0], report.date.start) <= min(self.span[1], report.date.end)

    def add(self, report: ReportSummary) -> None:
        self.reports.append(report)
        self._articles.add(report.article)
        if self._kind is ContactKind.CONTACT:
            self._kind = report.kind
        self._iri = None
        if report.date is not None and self.span is not None:
            self.span = (max(self.span[0], report.date.start), min(self.span[1], report.date.end))

    def status(self) -> ContactStatus:
        """Rule 3: the report from the latest article decides."""
        latest = max(r.published or dt.date.min for r in self.reports)
        candidates = {r.status for r in self.reports if (r.published or dt.date.min) == latest}
        return next(s for s in _STATUS_TIES if s in candidates)


def summaries(extractions: Iterable[Extraction]) -> list[ReportSummary]:
    """The reports of extractions, as :func:`graphkit.rdf.convert.article_graph` writes them."""
    out = []
    for extraction in extractions:
        article_id = extraction.article.id
        shared = {a.id: str(iris.actor_iri(a, article_id)) for a in extraction.actors}
        article = str(iris.article_iri(article_id))
        for node, contact in zip(report_iris(extraction), extraction.contacts, strict=True):
            people = tuple(
                ParticipantSummary(
                    shared[p.actor], p.role, shared[p.on_behalf_of] if p.on_behalf_of else None
                )
                for p in contact.participants
            )
            ev = contact.evidence
            out.append(
                ReportSummary(
                    iri=str(node),
                    article=article,
                    published=extraction.article.published,
                    key=iris.participant_key(p.actor for p in people),
                    kind=contact.kind,
                    status=contact.status,
                    date=contact.date,
                    location=contact.location,
                    evidence=str(iris.span_iri(URIRef(article), ev.start, ev.end)),
                    participants=people,
                    level=contact.level.value if contact.level is not None else None,
                )
            )
    return out


def merged_events(extractions: Iterable[Extraction]) -> list[tuple[Event, tuple[tuple[str, int], ...]]]:
    """Every merged event of ``extractions``, with its reports as ``(article id, contact index)`` in the
    event's order (the most precise first). A later extraction of an article replaces an earlier one.

    The one mapping from article contacts to events that the network, the view and the tables share.
    """
    latest = list({e.article.id: e for e in extractions}.values())
    found = summaries(latest)  # one per contact, in the order of the articles and their contacts
    keys = [(e.article.id, n) for e in latest for n in range(len(e.contacts))]
    by_iri = {s.iri: key for s, key in zip(found, keys, strict=True)}
    return [
        (event, tuple(by_iri[r.iri] for r in event.reports))
        for group in merge_reports(found).values()
        for event in group
    ]


def merge_reports(reports: Iterable[ReportSummary]) -> dict[str, list[Event]]:
    """Events by participant key, merged by the module's rule."""
    by_key: dict[str, list[ReportSummary]] = defaultdict(list)
    for report in reports:
        by_key[report.key].append(report)
    return {key: _merge_one_key(group) for key, group in sorted(by_key.items())}


#: A dated event or new report, with the days it covers: (start, end, event, report).
_Span = tuple[dt.date, dt.date, "Event | None", "ReportSummary | None"]


def merge_into(
    events: Sequence[Event], reports: Sequence[ReportSummary]
) -> tuple[list[Event], list[Event]] | None:
    """One participant key's ``events`` with new ``reports`` of that key merged in: every event and the new
    ones, the same as :func:`merge_reports` of all their reports gives; None when one of ``events`` changes
    (a new report joins it, or takes one of its reports).

    Only the events whose dates meet a new report's merge again. The reports of an event share at least a
    day, so reports whose spans are not linked by overlapping spans (directly or through other reports) never
    meet in one event, whatever the order they come in: merging each such group alone gives the same events.
    A writer that adds years of news to the same participants merges a few events per batch, not all of them.
    """
    kept = [e for e in events if e.span is None]
    spans: list[_Span] = [(*_extent(e.reports), e, None) for e in events if e.span is not None]
    spans += [(r.date.start, r.date.end, None, r) for r in reports if r.date is not None]
    merged: list[Event] = []
    fresh: list[Event] = []
    for group in _linked(sorted(spans, key=lambda item: item[0])):
        old = [e for _, _, e, _ in group if e is not None]
        new = [r for _, _, _, r in group if r is not None]
        if not new:
            kept += old
            continue
        again = _merge_one_key([*(r for e in old for r in e.reports), *new])
        before = {e.iri for e in old}
        if not before <= {e.iri for e in again}:
            return None
        merged += again
        fresh += [e for e in again if e.iri not in before]
    undated = [Event([r]) for r in reports if r.date is None]  # never merge (rule 2)
    return [*kept, *merged, *undated], [*fresh, *undated]


def _linked(spans: Sequence[_Span]) -> list[list[_Span]]:
    """Spans sorted by start, grouped where they overlap, directly or through others."""
    groups: list[list[_Span]] = []
    end = dt.date.min
    for item in spans:
        if groups and item[0] <= end:
            groups[-1].append(item)
            end = max(end, item[1])
        else:
            groups.append([item])
            end = item[1]
    return groups


def _extent(reports: Sequence[ReportSummary]) -> tuple[dt.date, dt.date]:
    """From the earliest start to the latest end of dated reports."""
    return min(r.date.start for r in reports if r.date), max(r.date.end for r in reports if r.date)


def _merge_one_key(reports: Sequence[ReportSummary]) -> list[Event]:
    events: list[Event] = []
    # The dated events that may still take a report, in the order they were made (rule 1 takes the first).
    # Within one granularity starts only grow and a span only shrinks, so an event that ends before a
    # report starts takes none of the rest: it leaves, and a pair's thousand reports merge in linear time.
    # Starts begin again with the next granularity, and so do the candidates.
    candidates: list[Event] = []
    granularity = None
    for report in sorted(reports, key=ReportSummary.order):
        if report.date is None:  # never merged: nothing says two undated reports are one occasion
            events.append(Event([report]))
            continue
        if report.date.granularity is not granularity:
            granularity, candidates = report.date.granularity, [e for e in events if e.span is not None]
        start = report.date.start
        candidates = [e for e in candidates if e.span is not None and e.span[1] >= start]
        target = next((e for e in candidates if e.accepts(report)), None)
        if target is None:
            events.append(Event([report], (report.date.start, report.date.end)))
            candidates.append(events[-1])
        else:
            target.add(report)
    return events


def event_quads(events: dict[str, list[Event]]) -> dict[URIRef, list[ox.Quad]]:
    """The quads of one named graph per participant key, holding its merged events (what stores write)."""
    return _emitted(events, triples=False)


def event_nquads(events: dict[str, list[Event]]) -> dict[URIRef, list[str]]:
    """The quads of :func:`event_quads` as N-Quads lines (what the store writer loads)."""
    return _emitted(events, nquads=True)


def event_triples(events: dict[str, list[Event]]) -> dict[URIRef, list[ox.Triple]]:
    """The triples of one named graph per participant key, by graph name (what exporters write)."""
    return _emitted(events, triples=True)


def _emitted(
    events: dict[str, list[Event]], triples: bool = False, nquads: bool = False
) -> dict[URIRef, list[Any]]:
    out: dict[URIRef, list[Any]] = {}
    for key, group in events.items():
        name = iris.events_graph_iri(key)
        emitter = Emitter(name, triples=triples, nquads=nquads)
        for event in group:
            _add_event(emitter, event, key)
        out[name] = emitter.items
    return out


def _add_event(g: Emitter, event: Event, key: str) -> None:
    node = event.iri
    first = event.reports[0]  # the most precise report (rule 1 order)
    for cls in dict.fromkeys((GK.Contact, SEM.Event, SDO.Event, KIND_CLASSES[event.kind])):
        g.add(node, RDF.type, cls)
    g.add(node, GK.contactKind, KIND_CLASSES[event.kind])
    g.add(node, GK.status, STATUSES[event.status()])
    g.add(node, GK.participantKey, key)
    if event.span is not None and first.date is not None:
        g.add(node, SEM.hasEarliestBeginTimeStamp, event.span[0])
        g.add(node, SEM.hasLatestEndTimeStamp, event.span[1])
        g.add(node, GK.granularity, GRANULARITY_UNITS[first.date.granularity])
        if first.date.expression is not None:
            g.add(node, GK.dateExpression, first.date.expression)
        if first.date.anchor is not None:
            g.add(node, GK.dateAnchor, first.date.anchor)
    location = next((r.location for r in event.reports if r.location), None)
    if location is not None:
        g.add(node, SDO.location, location)
    level = next((r.level for r in event.reports if r.level), None)
    if level is not None:
        g.add(node, GK.level, level)
    for report in event.reports:
        g.add(node, GK.report, URIRef(report.iri))
        g.add(node, GK.source, URIRef(report.article))
        g.add(node, GK.evidence, URIRef(report.evidence))
    _add_roles(g, node, event)


def _add_roles(g: Emitter, node: URIRef, event: Event) -> None:
    actors = sorted({p.actor for p in event.reports[0].participants})
    for n, actor in enumerate(actors):
        said = [p for r in event.reports for p in r.participants if p.actor == actor]
        role = next((p.role for p in said if p.role is not Role.PARTICIPANT), Role.PARTICIPANT)
        behalf = next((p.on_behalf_of for p in said if p.on_behalf_of), None)
        role_node = URIRef(f"{node}/role/{n}")
        g.add(node, SEM.hasActor, role_node)
        g.add(node, GK.participant, URIRef(actor))
        g.add(role_node, RDF.type, SEM.Role)
        g.add(role_node, RDF.value, URIRef(actor))
        g.add(role_node, SEM.roleType, ROLE_TYPES[role])
        if behalf is not None:
            g.add(role_node, GK.onBehalfOf, URIRef(behalf))
