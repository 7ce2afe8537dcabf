"""Adding extractions to a store, incrementally, idempotently and atomically.

Each article's named graph is replaced as a whole, so the same article twice leaves the same graph. The
merged events of every participant set the new (and the replaced) articles touch are recomputed from the
other reports in the store with that set plus the new reports, and their named graphs replaced; other events
are not touched. The article graphs and the event graphs go to the store in one :meth:`Store.write`, one
transaction: a run killed at any moment leaves every article with the events it belongs to. The graphs are
built as N-Quads lines in pyoxigraph's own term syntax (:class:`graphkit.rdf.terms.Emitter`), which the store
loads as they are.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from rdflib import Literal, URIRef
from rdflib.term import Node

from graphkit._gc import gc_paused
from graphkit.models import ContactKind, ContactStatus, DateSpan, Extraction, Granularity, Role
from graphkit.rdf import iris, merge
from graphkit.rdf._sparql import PROLOGUE, values
from graphkit.rdf.convert import GRANULARITY_UNITS, KIND_CLASSES, ROLE_TYPES, STATUSES, article_nquads
from graphkit.rdf.dataset import MergeCounts
from graphkit.rdf.provenance import RunInfo
from graphkit.rdf.stores import Store
from graphkit.rdf.terms import parse_nquads

__all__ = ["KEYS_REMEMBERED", "StoreWriter", "add_extractions", "replace_articles", "store_counts"]

#: Participant keys per summary query: keeps each query (and its VALUES block) small.
KEYS_PER_QUERY = 200
#: Participant sets whose reports a :class:`StoreWriter` keeps between batches: a few MB, whatever the run.
KEYS_REMEMBERED = 5000

# Keyed by Node: they are looked up with whatever term a query binds (an unknown one is a KeyError).
_KINDS: dict[Node, ContactKind] = {v: k for k, v in KIND_CLASSES.items()}
_STATUSES: dict[Node, ContactStatus] = {v: k for k, v in STATUSES.items()}
_ROLES: dict[Node, Role] = {v: k for k, v in ROLE_TYPES.items()}
_UNITS: dict[Node, Granularity] = {v: k for k, v in GRANULARITY_UNITS.items()}

_OLD_KEYS = """SELECT DISTINCT ?key WHERE {{ {graphs} GRAPH ?g {{ ?r gk:participantKey ?key }} }}"""

_REPORTS = """SELECT ?r ?article ?published ?key ?kind ?status ?begin ?end ?gran ?expr ?anchor ?loc ?level
       ?evidence ?role ?actor ?roleType ?behalf
WHERE {{
  {keys}
  GRAPH ?g {{
    ?r a gk:ContactReport ; gk:participantKey ?key ; gk:reportedIn ?article ; gk:contactKind ?kind ;
       gk:status ?status ; gk:evidence ?evidence ; sem:hasActor ?role .
    ?role rdf:value ?local ; sem:roleType ?roleType .
    ?local gk:refersTo ?actor .
    OPTIONAL {{ ?role gk:onBehalfOf ?behalfLocal . ?behalfLocal gk:refersTo ?behalf }}
    OPTIONAL {{ ?article schema:datePublished ?published }}
    OPTIONAL {{
      ?r sem:hasEarliestBeginTimeStamp ?begin ; sem:hasLatestEndTimeStamp ?end ; gk:granularity ?gran
    }}
    OPTIONAL {{ ?r gk:dateExpression ?expr }}
    OPTIONAL {{ ?r gk:dateAnchor ?anchor }}
    OPTIONAL {{ ?r schema:location ?loc }}
    OPTIONAL {{ ?r gk:level ?level }}
  }}
  {exclude}
}}"""

_COUNTS = """SELECT (COUNT(DISTINCT ?r) AS ?reports) (COUNT(DISTINCT ?e) AS ?events) WHERE {
  { GRAPH ?g { ?r a gk:ContactReport } } UNION { GRAPH ?h { ?e a gk:Contact } }
}"""


def add_extractions(
    store: Store, extractions: Sequence[Extraction], run: RunInfo | None = None
) -> MergeCounts:
    """Put ``extractions`` into ``store``, replacing earlier graphs of the same articles, and re-merge.

    Args:
        store: where to write.
        extractions: one per article (a later one with the same id wins).
        run: provenance recorded on each article (default: the current run scope, if any).

    Returns:
        The reports and events in the whole store afterwards.
    """
    replace_articles(store, extractions, run)
    return store_counts(store)


def replace_articles(store: Store, extractions: Sequence[Extraction], run: RunInfo | None = None) -> None:
    """Put ``extractions`` into ``store`` and re-merge the events they touch, in one transaction.

    Args:
        store: where to write.
        extractions: one per article (a later one with the same id wins).
        run: provenance recorded on each article (default: the current run scope, if any).
    """
    StoreWriter(store, run).replace(extractions)


class StoreWriter:
    """Writes batches of extractions to one store, one transaction each, as :func:`replace_articles` does.

    Between batches it remembers the reports of the participant sets it wrote (the most recent
    ``remember`` sets), so that a later batch touching them re-merges without reading back what was just
    written. It assumes no other writer changes those sets meanwhile. A set it does not remember is read
    from the store, and only when the store holds events of that set.

    Each batch is one atomic write, whatever its kind. A batch that only adds (new articles, and events of
    remembered sets that keep every quad written before) goes to :meth:`Store.load` as one N-Quads text,
    with the names of its graphs; a batch that replaces graphs (an article written before, events a new
    report joins) goes to :meth:`Store.write`, which drops and inserts in one transaction. On Oxigraph both
    are one file committed to the store's journal, which the store gets with one bulk load when it is
    closed or read (:mod:`graphkit.rdf.journal`). Either way a rerun of the same articles duplicates
    nothing: graphs are replaced whole, and an event already written is recognised by its IRI.

    Args:
        store: where to write.
        run: provenance recorded on each article (default: the current run scope, if any).
        remember: participant sets kept in memory, least recently written dropped first.
    """

    def __init__(self, store: Store, run: RunInfo | None = None, *, remember: int = KEYS_REMEMBERED) -> None:
        self.store = store
        self._run = run
        self._remember = remember
        # participant key -> (its reports, the events written for them)
        self._known: OrderedDict[str, tuple[list[merge.ReportSummary], list[merge.Event]]] = OrderedDict()

    def replace(self, extractions: Sequence[Extraction]) -> None:
        """Put ``extractions`` into the store and re-merge the events they touch, in one transaction."""
        with gc_paused():  # see graphkit._gc: the batch's objects would be walked again and again
            self._replace(extractions)

    def _replace(self, extractions: Sequence[Extraction]) -> None:
        latest = {e.article.id: e for e in extractions}
        names = [iris.article_graph_iri(i) for i in latest]
        replaced = self.store.has_graphs(names)  # articles stored before: their old keys are re-merged too
        new_reports = merge.summaries(latest.values())
        keys = sorted(_keys_in(self.store, replaced) | {r.key for r in new_reports})
        unknown = {iris.events_graph_iri(k): k for k in keys if k not in self._known}
        stored = sorted(unknown[g] for g in self.store.has_graphs(unknown))  # no events: no reports either
        lines = [line for e in latest.values() for line in article_nquads(e, self._run)]
        added = None if replaced or stored else self._merged(new_reports)
        if added is not None:
            events, fresh = added
            event_lines = merge.event_nquads(fresh)
            lines += [line for graph in event_lines.values() for line in graph]
            self.store.load(
                "".join(lines), graphs=[*names, *(g for g, graph in event_lines.items() if graph)]
            )
            self._note(new_reports, events, keep=True)
            return
        articles = {str(iris.article_iri(i)) for i in latest}
        known = [r for k in keys if k in self._known for r in self._known[k][0] if r.article not in articles]
        reports = [*known, *new_reports, *_read_reports(self.store, stored, replaced)]
        events = merge.merge_reports(reports)
        for graph in merge.event_nquads(events).values():
            lines += graph
        self.store.write([*names, *(iris.events_graph_iri(k) for k in keys)], parse_nquads("".join(lines)))
        self._note(reports, {k: events.get(k, []) for k in keys}, keep=False)

    def _merged(
        self, reports: Sequence[merge.ReportSummary]
    ) -> tuple[dict[str, list[merge.Event]], dict[str, list[merge.Event]]] | None:
        """The events of the participant sets of new ``reports`` and the new ones among them, merged with
        the events the writer wrote for those sets; None when one of those events changes."""
        by_key: dict[str, list[merge.ReportSummary]] = defaultdict(list)
        for report in reports:
            by_key[report.key].append(report)
        events, fresh = {}, {}
        for key, group in sorted(by_key.items()):
            merged = merge.merge_into(self._known[key][1] if key in self._known else [], group)
            if merged is None:
                return None
            events[key], fresh[key] = merged
        return events, fresh

    def _note(
        self,
        reports: Sequence[merge.ReportSummary],
        events: dict[str, list[merge.Event]],
        keep: bool,
    ) -> None:
        """Remember the ``events`` of each participant set and its ``reports``: all of them, or (``keep``)
        those remembered before too."""
        by_key: dict[str, list[merge.ReportSummary]] = {k: [] for k in events}
        if keep:
            for key in events:
                by_key[key] += self._known[key][0] if key in self._known else []
        for report in reports:
            by_key[report.key].append(report)
        for key, group in by_key.items():
            self._known[key] = (group, events[key])
            self._known.move_to_end(key)
        while len(self._known) > self._remember:
            self._known.popitem(last=False)


def store_counts(store: Store) -> MergeCounts:
    """The reports and merged events in ``store``."""
    (row,) = store.select(PROLOGUE + _COUNTS)
    return MergeCounts(reports=int(_py(row["reports"])), events=int(_py(row["events"])))


def _keys_in(store: Store, graphs: Iterable[URIRef]) -> set[str]:
    graph_list = list(graphs)
    if not graph_list:
        return set()
    rows = store.select(PROLOGUE + _OLD_KEYS.format(graphs=values("g", graph_list)))
    return {str(row["key"]) for row in rows}


def _read_reports(store: Store, keys: Sequence[str], replaced: Iterable[URIRef]) -> list[merge.ReportSummary]:
    """The reports with ``keys`` in ``store``, but those in the ``replaced`` graphs."""
    skip = sorted(replaced)
    exclude = f"FILTER (?g NOT IN ({', '.join(g.n3() for g in skip)}))" if skip else ""
    reports: list[merge.ReportSummary] = []
    for start in range(0, len(keys), KEYS_PER_QUERY):
        chunk = keys[start : start + KEYS_PER_QUERY]
        query = PROLOGUE + _REPORTS.format(keys=values("key", [Literal(k) for k in chunk]), exclude=exclude)
        reports += _summaries(store.select(query))
    return reports


def _summaries(rows: Sequence[dict[str, Node]]) -> list[merge.ReportSummary]:
    """Summaries from one row per report and participant."""
    by_report: dict[str, list[dict[str, Node]]] = defaultdict(list)
    for row in rows:
        by_report[str(row["r"])].append(row)
    return [_summary(iri, group) for iri, group in sorted(by_report.items())]


def _summary(iri: str, rows: list[dict[str, Node]]) -> merge.ReportSummary:
    row = rows[0]
    roles = {str(r["role"]): r for r in rows}  # OPTIONALs may repeat a role; one row each is enough
    participants = tuple(
        merge.ParticipantSummary(
            str(r["actor"]),
            _ROLES[r["roleType"]],
            str(r["behalf"]) if "behalf" in r else None,
        )
        for _, r in sorted(roles.items())
    )
    return merge.ReportSummary(
        iri=iri,
        article=str(row["article"]),
        published=_py(row.get("published")),
        key=str(row["key"]),
        kind=_KINDS[row["kind"]],
        status=_STATUSES[row["status"]],
        date=_date(row),
        location=_py(row.get("loc")),
        evidence=str(row["evidence"]),
        participants=participants,
        level=_py(row.get("level")),
    )


def _date(row: dict[str, Node]) -> DateSpan | None:
    if "begin" not in row:
        return None
    granularity = _UNITS[row["gran"]]
    return DateSpan(
        start=_py(row["begin"]),
        end=_py(row["end"]),
        granularity=granularity,
        expression=_py(row.get("expr")),
        anchor=_py(row.get("anchor")),
    )


def _py(term: Node | None) -> Any:
    """A literal's Python value (its type depends on the datatype: rdflib types it Any), else the term."""
    return term.toPython() if isinstance(term, Literal) else term
