"""SPARQL written by users: SELECT, ASK, CONSTRUCT and DESCRIBE, meaning the same on every store.

graphkit writes every triple into a named graph (one per article, one per set of participants for merged
events), so a query without ``GRAPH`` would find nothing in a store's empty default graph, and everything in
an rdflib dataset that unions its graphs. Here the default graph is **the union of all named graphs** on
every store: rdflib datasets are read as a union, Oxigraph is asked with ``use_default_graph_as_union``,
and a SPARQL endpoint is asked to do the same (Oxigraph server's ``union-default-graph`` parameter; other
endpoints use their own setting, such as Fuseki's ``tdb2:unionDefaultGraph``). ``GRAPH ?g`` still names
each graph.

graphkit's prefixes (``gk:``, ``schema:``, ``sem:``, ``nif:``, ...) are declared without adding lines to the
query, so a syntax error is reported once, on one line, at the line and column of the user's own text.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict
from rdflib import Dataset, Graph, Literal
from rdflib.query import ResultRow
from rdflib.term import Node

from graphkit.errors import GraphkitError
from graphkit.rdf._sparql import PROLOGUE
from graphkit.rdf.namespace import PREFIXES
from graphkit.rdf.stores import MemoryStore, OxigraphStore, SparqlStore, Store, from_sparql_json
from graphkit.rdf.terms import to_rdflib

__all__ = ["QueryAnswer", "SparqlSyntaxError", "run_query"]

_ALL_PREFIXES = {**PREFIXES, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.S)


class SparqlSyntaxError(GraphkitError, ValueError):
    """A query that does not parse; the message gives the line and column in the query as typed."""


class QueryAnswer(BaseModel):
    """What a query gives: rows (SELECT), a truth value (ASK) or a graph (CONSTRUCT, DESCRIBE)."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    form: str
    rows: list[dict[str, Any]] = []
    boolean: bool | None = None
    graph: Graph | None = None


def check_syntax(query: str) -> None:
    """Raise :class:`SparqlSyntaxError` unless ``query`` parses (with graphkit's prefixes declared)."""
    import pyoxigraph

    try:
        pyoxigraph.Store().query(query, prefixes=_ALL_PREFIXES)
    except SyntaxError as err:
        raise SparqlSyntaxError(_one_line(str(err), query)) from None


def _one_line(message: str, query: str) -> str:
    """``error at 2:14: expected ...`` as one line that quotes the text at that position."""
    found = _POSITION.match(message)
    if found is None:
        return f"SPARQL syntax error: {message.splitlines()[0] if message else 'cannot parse the query'}"
    line, column, detail = int(found[1]), int(found[2]), found[3]
    lines = query.splitlines() or [""]
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    near = text[max(column - 1, 0) :].strip()[:30]
    what = detail.split("\n")[0]
    if "Prefix not found" in what:  # the parser stops after the name; point at its start
        prefix = re.search(r"([A-Za-z][\w.-]*)?:[\w-]*$", text[: max(column - 1, 0)])
        if prefix is not None:
            column, near = prefix.start() + 1, prefix[0]
        what = f"unknown prefix '{(prefix[1] or '') if prefix else ''}:'; declare it with PREFIX"
    elif len(what) > 80:
        what = what[:80] + "..."
    where = f" near {near!r}" if near else " at the end of the line"
    return f"SPARQL syntax error at line {line}, column {column}{where}: {what}"


def run_query(data: Store | Dataset, query: str) -> QueryAnswer:
    """Run a user's SPARQL query over the union of the named graphs.

    Raises:
        SparqlSyntaxError: the query does not parse.
        GraphkitError: the store could not answer.
    """
    check_syntax(query)
    store = MemoryStore(data) if isinstance(data, Dataset) else data
    if isinstance(store, OxigraphStore):
        return _oxigraph(store, query)
    if isinstance(store, MemoryStore):
        return _rdflib(store.dataset, query)
    if isinstance(store, SparqlStore):
        return _endpoint(store, query)
    raise GraphkitError(f"cannot run SPARQL on {type(store).__name__}")


def _oxigraph(store: OxigraphStore, query: str) -> QueryAnswer:
    import pyoxigraph

    try:
        answer = store.store.query(query, prefixes=_ALL_PREFIXES, use_default_graph_as_union=True)
    except (OSError, ValueError, RuntimeError) as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise GraphkitError(f"the store could not run the query: {first}") from err
    if isinstance(answer, pyoxigraph.QueryBoolean):
        return QueryAnswer(form="ASK", boolean=bool(answer))
    if isinstance(answer, pyoxigraph.QueryTriples):
        graph = Graph()
        for t in answer:
            graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        return QueryAnswer(form="CONSTRUCT", graph=graph)
    names = [v.value for v in answer.variables]
    rows = [{n: to_rdflib(s[n]) for n in names if s[n] is not None} for s in answer]
    return QueryAnswer(form="SELECT", rows=[_python(r) for r in rows])


def _rdflib(dataset: Dataset, query: str) -> QueryAnswer:
    union = dataset.default_union
    dataset.default_union = True  # restored below: the caller's dataset keeps its own setting
    try:
        result = dataset.query(query, initNs=_ALL_PREFIXES)
        if result.type == "ASK":
            return QueryAnswer(form="ASK", boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            graph = Graph()
            for triple in result:
                graph.add(triple)  # type: ignore[arg-type]  # CONSTRUCT results iterate as triples
            return QueryAnswer(form=result.type, graph=graph)
        names = [str(v) for v in result.vars or ()]
        rows = [
            {n: row[n] for n in names if row[n] is not None} for row in result if isinstance(row, ResultRow)
        ]
        return QueryAnswer(form="SELECT", rows=[_python(r) for r in rows])
    except Exception as err:  # rdflib raises plain exceptions for what it cannot evaluate
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise GraphkitError(f"the query could not be run: {first}") from err
    finally:
        dataset.default_union = union


def _endpoint(store: SparqlStore, query: str) -> QueryAnswer:
    # Oxigraph server reads this parameter; other endpoints ignore it and use their own default graph.
    url = f"{store.url}{'&' if '?' in store.url else '?'}union-default-graph"
    body = urllib.parse.urlencode({"query": PROLOGUE + query}).encode("utf-8")
    accept = "application/sparql-results+json, application/n-triples;q=0.9"
    request = urllib.request.Request(url, data=body, headers={"Accept": accept}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=store.timeout) as response:
            text = response.read().decode("utf-8")
            kind = response.headers.get_content_type()
    except urllib.error.HTTPError as err:
        detail = err.read().decode("utf-8", "replace")[:300]
        raise GraphkitError(f"SPARQL endpoint {store.url} answered {err.code}: {detail}") from err
    except (urllib.error.URLError, OSError) as err:
        raise GraphkitError(f"cannot reach the SPARQL endpoint {store.url}: {err}") from err
    if kind != "application/sparql-results+json":
        graph = Graph().parse(data=text, format="nt")
        return QueryAnswer(form="CONSTRUCT", graph=graph)
    answer = json.loads(text)
    if "boolean" in answer:
        return QueryAnswer(form="ASK", boolean=bool(answer["boolean"]))
    rows = [{k: from_sparql_json(v) for k, v in b.items()} for b in answer["results"]["bindings"]]
    return QueryAnswer(form="SELECT", rows=[_python(r) for r in rows])


def _python(row: Mapping[str, Node]) -> dict[str, Any]:
    return {k: v.toPython() if isinstance(v, Literal) else str(v) for k, v in row.items()}
