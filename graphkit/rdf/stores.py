"""Where graphs live: in memory (rdflib), in an embedded Oxigraph store on disk, or behind a SPARQL endpoint.

Every store offers the same three operations, which is all that incremental loading and the query API need:
replace named graphs (drop and insert, so an article re-extracted replaces its graph), run a SELECT query,
and dump everything as an rdflib dataset. Stores are registered by name in :data:`stores`;
:func:`open_store` picks one from what the user typed (nothing, a path, or an ``http(s)://`` URL).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.query import ResultRow
from rdflib.term import IdentifiedNode, Node

from graphkit.errors import GraphkitError
from graphkit.registry import Registry

__all__ = [
    "MemoryStore",
    "OxigraphStore",
    "SparqlStore",
    "Store",
    "StoreError",
    "open_store",
    "stores",
]

Row = dict[str, Node]


class StoreError(GraphkitError):
    """A store could not be opened, read or written; the message names the store."""


class Store(Protocol):
    """What graphkit needs from a triple store."""

    def replace(self, graphs: Mapping[URIRef, Graph | None]) -> None:
        """Replace each named graph by the given one; None drops the graph."""

    def select(self, query: str) -> list[Row]:
        """Run a SPARQL SELECT query; rows map variable names to bound terms (unbound ones are absent)."""

    def dump(self) -> Dataset:
        """Everything in the store's named graphs, as a new dataset."""

    def close(self) -> None:
        """Release files or connections."""


class MemoryStore:
    """An rdflib dataset in memory: the default, and what ``graphkit query FILE`` loads files into.

    Args:
        dataset: the dataset to use (not copied); default: a new empty one.
    """

    def __init__(self, dataset: Dataset | None = None) -> None:
        self.dataset = dataset if dataset is not None else Dataset(default_union=True)

    def replace(self, graphs: Mapping[URIRef, Graph | None]) -> None:
        for name, graph in graphs.items():
            self.dataset.remove_graph(self.dataset.graph(name))
            if graph is not None and len(graph):
                target = self.dataset.graph(name)
                for triple in graph:
                    target.add(triple)

    def select(self, query: str) -> list[Row]:
        result = self.dataset.query(query)
        names = [str(v) for v in result.vars or ()]
        # A SELECT result iterates as ResultRows; other results (booleans, triples) bind no variable.
        return [
            {n: row[n] for n in names if row[n] is not None} if isinstance(row, ResultRow) else {}
            for row in result
        ]

    def dump(self) -> Dataset:
        copy = Dataset(default_union=True)
        for s, p, o, g in self.dataset.quads((None, None, None, None)):
            copy.graph(g).add((s, p, o))
        return copy

    def close(self) -> None:
        """Nothing to release."""


class OxigraphStore:
    """An embedded Oxigraph store in a directory: persistent, and fast for millions of triples.

    Args:
        path: the store's directory (created when missing).
    """

    def __init__(self, path: str | Path) -> None:
        import pyoxigraph

        self._ox = pyoxigraph
        try:
            self.store = pyoxigraph.Store(str(path))
        except OSError as err:
            raise StoreError(f"cannot open the Oxigraph store at {path}: {err}") from err

    def replace(self, graphs: Mapping[URIRef, Graph | None]) -> None:
        quads = []
        for name, graph in graphs.items():
            node = self._ox.NamedNode(str(name))
            if self.store.contains_named_graph(node):
                self.store.remove_graph(node)
            if graph is not None:
                quads += [
                    self._ox.Quad(self._term(s), self._term(p), self._term(o), node) for s, p, o in graph
                ]
        self.store.extend(quads)

    def select(self, query: str) -> list[Row]:
        solutions = self.store.query(query)
        names = [v.value for v in solutions.variables]  # type: ignore[union-attr]  # SELECT gives solutions
        return [
            {n: _from_oxigraph(s[n]) for n in names if s[n] is not None}
            for s in solutions  # type: ignore[union-attr]  # SELECT gives solutions
        ]

    def dump(self) -> Dataset:
        data = self.store.dump(format=self._ox.RdfFormat.N_QUADS, from_graph=None)
        dataset = Dataset(default_union=True)
        dataset.parse(data=data.decode("utf-8") if data else "", format="nquads")
        return dataset

    def close(self) -> None:
        self.store.flush()

    def _term(self, term: Node) -> Any:
        if isinstance(term, URIRef):
            return self._ox.NamedNode(str(term))
        if isinstance(term, Literal):
            if term.language:
                return self._ox.Literal(str(term), language=term.language)
            if term.datatype:
                return self._ox.Literal(str(term), datatype=self._ox.NamedNode(str(term.datatype)))
            return self._ox.Literal(str(term))
        raise StoreError(f"graphkit writes no blank nodes, but got {term!r}")


def _from_oxigraph(term: Any) -> Node:
    kind = type(term).__name__
    if kind == "NamedNode":
        return URIRef(term.value)
    if kind == "Literal":
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return BNode(term.value)


class SparqlStore:
    """Any SPARQL 1.1 endpoint, written with SPARQL Update in batches.

    Args:
        url: the query endpoint, e.g. ``http://localhost:7878/query``.
        update_url: the update endpoint; default: ``url`` with a final ``/query`` (or ``/sparql``) replaced by
            ``/update``, as in Oxigraph and Fuseki, else ``url`` itself.
        batch: triples per update request.
        timeout: seconds to wait for each request.
    """

    def __init__(
        self, url: str, update_url: str | None = None, *, batch: int = 5000, timeout: float = 60
    ) -> None:
        self.url = url
        self.update_url = update_url or _update_url(url)
        self.batch = batch
        self.timeout = timeout

    def replace(self, graphs: Mapping[URIRef, Graph | None]) -> None:
        for request in self._updates(graphs):
            self._post(self.update_url, {"update": request}, accept="*/*")

    def _updates(self, graphs: Mapping[URIRef, Graph | None]) -> Iterator[str]:
        """Update requests of at most :attr:`batch` triples (a bigger graph spans several requests)."""
        parts: list[str] = []
        size = 0
        for name, graph in graphs.items():
            parts.append(f"DROP SILENT GRAPH {name.n3()}")
            for chunk in _chunks(list(graph or ()), self.batch):
                if size + len(chunk) > self.batch and size:
                    yield " ;\n".join(parts)
                    parts, size = [], 0
                lines = " .\n".join(" ".join(t.n3() for t in triple) for triple in chunk)
                parts.append(f"INSERT DATA {{ GRAPH {name.n3()} {{\n{lines} .\n}} }}")
                size += len(chunk)
        if parts:
            yield " ;\n".join(parts)

    def select(self, query: str) -> list[Row]:
        body = self._post(self.url, {"query": query}, accept="application/sparql-results+json")
        results = json.loads(body)
        return [{k: _from_json(v) for k, v in b.items()} for b in results["results"]["bindings"]]

    def dump(self) -> Dataset:
        dataset = Dataset(default_union=True)
        for row in self.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"):
            name = row["g"]
            if not isinstance(name, IdentifiedNode):  # SPARQL names graphs by IRIs (or blank nodes) only
                raise StoreError(f"SPARQL endpoint {self.url} named a graph by {name!r}")
            dataset.graph(name).add((row["s"], row["p"], row["o"]))
        return dataset

    def close(self) -> None:
        """Nothing to release: every request has its own connection."""

    def _post(self, url: str, form: dict[str, str], accept: str) -> bytes:
        data = urllib.parse.urlencode(form).encode("utf-8")
        request = urllib.request.Request(url, data=data, headers={"Accept": accept}, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body: bytes = response.read()
                return body
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace")[:300]
            raise StoreError(f"SPARQL endpoint {url} answered {err.code}: {detail}") from err
        except (urllib.error.URLError, OSError) as err:
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {err}") from err


def _update_url(url: str) -> str:
    for suffix in ("/query", "/sparql"):
        if url.endswith(suffix):
            return url[: -len(suffix)] + "/update"
    return url


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _from_json(value: dict[str, str]) -> Node:
    if value["type"] == "uri":
        return URIRef(value["value"])
    if value["type"] == "bnode":
        return BNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    return Literal(value["value"], datatype=URIRef(value["datatype"]) if "datatype" in value else None)


#: Store constructors by name; each takes what the user typed (a path or a URL).
stores: Registry[Callable[[str], Store]] = Registry("store")
stores.register("memory")(lambda _spec: MemoryStore())
stores.register("oxigraph")(OxigraphStore)
stores.register("sparql")(SparqlStore)


def open_store(spec: str | Path | None = None) -> Store:
    """The store ``spec`` names: None or ``"memory"`` for memory, an ``http(s)://`` URL for a SPARQL
    endpoint, anything else for an Oxigraph directory.

    Raises:
        StoreError: the store cannot be opened.
    """
    text = "memory" if spec is None else str(spec)
    if text == "memory":
        name = "memory"
    elif urllib.parse.urlsplit(text).scheme in ("http", "https"):
        name = "sparql"
    else:
        name = "oxigraph"
    return stores.get(name)(text)
