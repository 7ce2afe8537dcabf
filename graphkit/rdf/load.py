"""Adding extractions to a store, incrementally, idempotently and atomically.

Each article's named graph is replaced as a whole, so the same article twice leaves the same graph. The
merged events of every participant set the new (and the replaced) articles touch are recomputed from the
other reports in the store with that set plus the new reports, and their named graphs replaced; other events
are not touched. The article graphs and the event graphs go to the store in one :meth:`Store.replace`, one
transaction: a run killed at any moment leaves every article with the events it belongs to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from graphkit.models import ContactKind, ContactStatus, DateSpan, Extraction, Granularity, Role
from graphkit.rdf import iris, merge
from graphkit.rdf._sparql import PROLOGUE, values
from graphkit.rdf.convert import GRANULARITY_UNITS, KIND_CLASSES, ROLE_TYPES, STATUSES, article_graph
from graphkit.rdf.dataset import MergeCounts
from graphkit.rdf.provenance import RunInfo
from graphkit.rdf.stores import Store

__all__ = ["add_extractions", "replace_articles", "store_counts"]

#: Participant keys per summary query: keeps each query (and its VALUES block) small.
KEYS_PER_QUERY = 200

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
    latest = {e.article.id: e for e in extractions}
    names = [iris.article_graph_iri(i) for i in latest]
    new_reports = merge.summaries(latest.values())
    keys = sorted(_keys_in(store, names) | {r.key for r in new_reports})
    graphs: dict[URIRef, Graph | None] = {
        name: article_graph(e, run) for name, e in zip(names, latest.values(), strict=True)
    }
    graphs.update(_remerged(store, keys, names, new_reports))
    store.replace(graphs)


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


def _remerged(
    store: Store, keys: Sequence[str], replaced: Sequence[URIRef], new_reports: Sequence[merge.ReportSummary]
) -> dict[URIRef, Graph | None]:
    """The event graphs of ``keys`` once the ``replaced`` article graphs hold ``new_reports``.

    A key left without reports maps to None, so its event graph is dropped.
    """
    exclude = f"FILTER (?g NOT IN ({', '.join(g.n3() for g in replaced)}))" if replaced else ""
    reports = list(new_reports)
    for start in range(0, len(keys), KEYS_PER_QUERY):
        chunk = keys[start : start + KEYS_PER_QUERY]
        query = PROLOGUE + _REPORTS.format(keys=values("key", [Literal(k) for k in chunk]), exclude=exclude)
        reports += _summaries(store.select(query))
    out: dict[URIRef, Graph | None] = {iris.events_graph_iri(k): None for k in keys}
    out.update(merge.event_graphs(merge.merge_reports(reports)))
    return out


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
