"""Where graphs live: in memory (rdflib), in an embedded Oxigraph store on disk, or behind a SPARQL endpoint.

Every store offers the same few operations, which is all that incremental loading and the query API need:
replace named graphs (drop and insert, so an article re-extracted replaces its graph; :meth:`Store.write`
takes pyoxigraph quads, :meth:`Store.replace` rdflib graphs), add quads (:meth:`Store.add`, or N-Quads text
with :meth:`Store.load`), tell which graphs exist, run a SELECT query, and dump everything as an rdflib
dataset. Each write is one transaction: a killed or interrupted writer leaves the store as it was before the
call or as it is after, never in between (an Oxigraph store commits writes to its journal and applies them
together, see :mod:`graphkit.rdf.journal`). Stores are registered by name in :data:`stores`;
:func:`open_store` picks one from what the user typed (nothing, a path, or an ``http(s)://`` URL).
"""

from __future__ import annotations

import contextlib
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.query import ResultRow
from rdflib.term import IdentifiedNode, Node

from graphkit.errors import GraphkitError
from graphkit.rdf._sparql import values
from graphkit.rdf.journal import Journal
from graphkit.rdf.terms import ox_quads, parse_nquads, to_rdflib
from graphkit.registry import Registry

if TYPE_CHECKING:
    import pyoxigraph as ox

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
        """Replace each named graph by the given one (None drops the graph), all in one transaction."""

    def write(self, names: Sequence[URIRef], quads: Sequence[ox.Quad]) -> None:
        """Replace the named graphs ``names`` by the graphs of ``quads`` (a name without quads is dropped),
        all in one transaction; every quad's graph must be one of ``names``."""

    def add(self, quads: Sequence[ox.Quad]) -> None:
        """Add ``quads`` (to their named graphs) in one transaction, removing nothing."""

    def load(self, nquads: str, graphs: Iterable[URIRef] | None = None) -> None:
        """Add the quads of N-Quads text (each in a named graph) in one transaction, removing nothing;
        ``graphs``, when the caller knows them, are the graphs of the lines."""

    def has_graphs(self, names: Iterable[URIRef]) -> set[URIRef]:
        """The ones of ``names`` that name a non-empty graph in the store."""

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

    def write(self, names: Sequence[URIRef], quads: Sequence[ox.Quad]) -> None:
        self.replace({**dict.fromkeys(names), **_rdflib_graphs(quads)})

    def add(self, quads: Sequence[ox.Quad]) -> None:
        for name, graph in _rdflib_graphs(quads).items():
            target = self.dataset.graph(name)
            for triple in graph:
                target.add(triple)

    def load(self, nquads: str, graphs: Iterable[URIRef] | None = None) -> None:
        self.add(parse_nquads(nquads))

    def has_graphs(self, names: Iterable[URIRef]) -> set[URIRef]:
        return {n for n in names if len(self.dataset.graph(n))}

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
        path: the store's directory (created when missing, unless ``read_only``).
        read_only: open an existing store for reading only: a missing store is an error, and a writer
            elsewhere is not locked out.

    Raises:
        StoreError: the store cannot be opened, or ``read_only`` and there is no store at ``path``.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        import pyoxigraph

        self._ox = pyoxigraph
        self.read_only = read_only
        self.path = Path(path)
        self._written = False
        if read_only and not Path(path).is_dir():
            raise StoreError(
                f"no Oxigraph store at {path}; give the directory 'graphkit extract --store' wrote"
            )
        if read_only and Journal(self.path).batches():
            _finish_journal(self.path)
        try:
            self.store = pyoxigraph.Store.read_only(str(path)) if read_only else pyoxigraph.Store(str(path))
        except OSError as err:
            raise StoreError(f"cannot open the Oxigraph store at {path}: {err}") from err
        self.journal = Journal(self.path)
        if not read_only:
            self._apply()  # batches a killed writer committed: the store holds them from now on

    def replace(self, graphs: Mapping[URIRef, Graph | None]) -> None:
        self.write(list(graphs), _checked(graphs))

    def write(self, names: Sequence[URIRef], quads: Sequence[ox.Quad]) -> None:
        """Commit to the journal the graphs ``names`` replaced by those of ``quads`` (see :meth:`load`)."""
        present = self.has_graphs(names)
        self._commit(present, {q.graph_name.value for q in quads}, _nquads(quads))  # type: ignore[union-attr]

    def add(self, quads: Sequence[ox.Quad]) -> None:
        """Commit ``quads`` to the journal (see :meth:`load`)."""
        self._commit((), {q.graph_name.value for q in quads}, _nquads(quads))  # type: ignore[union-attr]

    def load(self, nquads: str, graphs: Iterable[URIRef] | None = None) -> None:
        """Commit the quads of N-Quads text to the journal, in one step.

        A write is on disk, whole, when it returns (:class:`graphkit.rdf.journal.Journal`); the store
        itself gets every write of the writer together, with one bulk load, when the writer closes it or
        reads from it (a query, or :meth:`has_graphs` about a graph the journal does not know). Whoever
        next opens the store for writing applies what a killed writer committed.
        """
        names = {str(g) for g in graphs} if graphs is not None else _graph_iris(nquads)
        self._commit((), names, nquads)

    def _commit(self, drop: Iterable[URIRef], graphs: Iterable[str], nquads: str) -> None:
        if self.read_only:
            raise StoreError(f"the Oxigraph store at {self.path} is open for reading only")
        self.journal.append([str(g) for g in drop], graphs, nquads, self.store)

    def _apply(self) -> None:
        if self.read_only:  # a reader sees what the writers applied (see _finish_journal)
            return
        if self.journal.apply(self.store):
            self._written = True

    def has_graphs(self, names: Iterable[URIRef]) -> set[URIRef]:
        ox = self._ox
        found = set()
        for name in names:
            holds = self.journal.holds(str(name))
            if holds if holds is not None else self.store.contains_named_graph(ox.NamedNode(name)):
                found.add(name)
        return found

    def select(self, query: str) -> list[Row]:
        self._apply()
        solutions = self.store.query(query)
        names = [v.value for v in solutions.variables]  # type: ignore[union-attr]  # SELECT gives solutions
        return [
            {n: to_rdflib(s[n]) for n in names if s[n] is not None}
            for s in solutions  # type: ignore[union-attr]  # SELECT gives solutions
        ]

    def dump(self) -> Dataset:
        self._apply()
        data = self.store.dump(format=self._ox.RdfFormat.N_QUADS, from_graph=None)
        dataset = Dataset(default_union=True)
        dataset.parse(data=data.decode("utf-8") if data else "", format="nquads")
        return dataset

    def close(self) -> None:
        """Apply the journal, flush, and leave no spent write-ahead logs behind.

        No ``optimize()`` (a full compaction): it makes a store larger, not smaller. Oxigraph's RocksDB
        compresses neither level 0 nor the base level, which is the last level until an index holds about
        half a gigabyte, so compacting rewrites the bulk loader's compressed files uncompressed (measured on
        1.4 million quads: a bulk-loaded store 261 to 426 MB, a written one 448 to 462 MB).
        """
        if self.read_only:
            return
        self._apply()
        self.store.flush()
        if self._written:
            # RocksDB keeps its spent write-ahead logs (as large as the data written) for reuse until the
            # store is opened again: opening it once more now removes them.
            del self.store
            with contextlib.suppress(OSError):  # another handle in this process still holds the lock
                self.store = self._ox.Store(str(self.path))
            self._written = False


def _finish_journal(path: Path) -> None:
    """Apply the journal a killed writer left, if no writer holds the store (then the batches are its
    own, not yet meant to be read)."""
    try:
        store = OxigraphStore(path)  # opening for writing applies the journal
    except StoreError:
        return
    store.close()


def _nquads(quads: Sequence[ox.Quad]) -> str:
    import pyoxigraph as ox

    return (ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"").decode("utf-8")


def _graph_iris(nquads: str) -> set[str]:
    """The graphs of N-Quads lines (``<s> <p> <o> <g> .``, the last term of each line)."""
    return {
        line.rsplit(" ", 2)[-2][1:-1] for line in nquads.splitlines() if line and not line.startswith("#")
    }


class SparqlStore:
    """Any SPARQL 1.1 endpoint, written with SPARQL Update in batches.

    One :meth:`replace` is one update request, which SPARQL 1.1 endpoints apply as one transaction.

    Args:
        url: the query endpoint, e.g. ``http://localhost:7878/query``.
        update_url: the update endpoint; default: ``url`` with a final ``/query`` (or ``/sparql``) replaced by
            ``/update``, as in Oxigraph and Fuseki, else ``url`` itself.
        batch: triples per ``INSERT DATA`` operation inside the request.
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
        self.write(list(graphs), _checked(graphs))

    def write(self, names: Sequence[URIRef], quads: Sequence[ox.Quad]) -> None:
        parts = list(_update_parts(names, quads, batch=self.batch))
        if parts:
            self._post(self.update_url, {"update": " ;\n".join(parts)}, accept="*/*")

    def add(self, quads: Sequence[ox.Quad]) -> None:
        self.write((), quads)

    def load(self, nquads: str, graphs: Iterable[URIRef] | None = None) -> None:
        self.add(parse_nquads(nquads))

    def has_graphs(self, names: Iterable[URIRef]) -> set[URIRef]:
        wanted = list(names)
        if not wanted:
            return set()
        query = f"SELECT ?g WHERE {{ {values('g', wanted)} FILTER EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }} }}"
        return {URIRef(str(row["g"])) for row in self.select(query)}

    def select(self, query: str) -> list[Row]:
        body = self._post(self.url, {"query": query}, accept="application/sparql-results+json")
        results = json.loads(body)
        return [{k: from_sparql_json(v) for k, v in b.items()} for b in results["results"]["bindings"]]

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


def _update_parts(drop: Iterable[URIRef], quads: Sequence[ox.Quad], batch: int | None) -> Iterator[str]:
    """SPARQL Update operations: drops of the graphs ``drop``, then inserts of at most ``batch`` quads.

    The N-Triples that pyoxigraph writes are valid SPARQL triples, escapes included.
    """

    for name in drop:
        yield f"DROP SILENT GRAPH <{name}>"
    for chunk in _chunks(list(quads), batch or max(len(quads), 1)):
        by_graph: dict[Any, list[ox.Triple]] = {}
        for quad in chunk:
            by_graph.setdefault(quad.graph_name, []).append(quad.triple)
        blocks = [f"GRAPH {name} {{\n{_ntriples(triples)}}}" for name, triples in by_graph.items()]
        yield "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


def _ntriples(triples: Sequence[ox.Triple]) -> str:
    import pyoxigraph as ox

    return (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")


def _checked(graphs: Mapping[URIRef, Graph | None]) -> list[ox.Quad]:
    """The quads of rdflib graphs to write to a shared store, which takes no blank nodes from graphkit."""
    blank = next(
        (t for g in graphs.values() for triple in g or () for t in triple if isinstance(t, BNode)), None
    )
    if blank is not None:
        raise StoreError(f"graphkit writes no blank nodes, but got {blank!r}")
    return ox_quads(g for g in graphs.values() if g is not None)


def _rdflib_graphs(quads: Sequence[ox.Quad]) -> dict[URIRef, Graph]:
    graphs: dict[URIRef, Graph] = {}
    for quad in quads:
        name = URIRef(quad.graph_name.value)  # type: ignore[union-attr]  # graphkit's graphs are named
        graph = graphs.get(name)
        if graph is None:
            graph = graphs[name] = Graph(identifier=name)
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graphs


def _update_url(url: str) -> str:
    for suffix in ("/query", "/sparql"):
        if url.endswith(suffix):
            return url[: -len(suffix)] + "/update"
    return url


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def from_sparql_json(value: dict[str, str]) -> Node:
    """An rdflib term for one binding of SPARQL 1.1 JSON results."""
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


def open_store(spec: str | Path | None = None, *, read_only: bool = False) -> Store:
    """The store ``spec`` names: None or ``"memory"`` for memory, an ``http(s)://`` URL for a SPARQL
    endpoint, anything else for an Oxigraph directory.

    Args:
        spec: what the user typed.
        read_only: only read from the store: an Oxigraph directory must exist (a mistyped path is an
            error, not a new empty store) and is opened without locking out a writer.

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
    if read_only and name == "oxigraph":
        return OxigraphStore(text, read_only=True)
    return stores.get(name)(text)
