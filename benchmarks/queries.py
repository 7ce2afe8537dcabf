"""Query speed on a store of about a million quads, each figure against hand-written SPARQL in the same run.

- ``query_contacts_vs_sparql``: ``rdf.contacts(store, ACTOR, start=2010-01-01, end=2016-12-31)`` over one
  hand-written SELECT on pyoxigraph that returns the same events with participants and evidence.
- ``query_counterparts_vs_sparql``: ``rdf.top_counterparts(store, ACTOR)`` over one SPARQL ``GROUP BY`` that
  gives the same top 5.

The store: a few hundred synthetic articles (benchmarks/corpus.py) are extracted once, then replicated with
new article ids and every date (publication, contact, statement) shifted by whole years, until the graph
holds ``--quads`` quads; the copies go into an Oxigraph store with ``bulk_load``. Shifted copies keep the
shape of real data (the same office holders meet again in other years) without extracting every article.
Figures are medians of ``REPEAT`` runs after one warm-up, in milliseconds.

Usage: python benchmarks/queries.py [--articles 300] [--quads 1000000] [--store DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

from graphkit.models import Extraction  # noqa: E402

REPEAT = 9
ACTOR = "Vladimir Putin"
START, END = dt.date(2010, 1, 1), dt.date(2016, 12, 31)


def extract_corpus(n: int, work: Path) -> list[Extraction]:
    """Extractions of ``n`` synthetic articles."""
    from graphkit import extract_all

    write_corpus(n, work / "corpus", seed=11)
    return extract_all([work / "corpus"], pipeline="en_core_web_sm")


def _shift(value: Any, days: int) -> Any:
    """``value`` (a pydantic model, list or scalar) with every date moved by ``days``."""
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=days)
    if isinstance(value, tuple | list):
        return type(value)(_shift(v, days) for v in value)
    if hasattr(value, "model_fields"):
        changed = {name: _shift(getattr(value, name), days) for name in type(value).model_fields}
        return value.model_copy(update=changed)
    return value


def replicate(extractions: Sequence[Extraction], copy: int) -> Iterator[Extraction]:
    """Copy number ``copy`` of ``extractions``: new ids, every date ``copy`` years (of 364 days) later."""
    for x in extractions:
        shifted = _shift(x, 364 * copy)
        article = shifted.article.model_copy(update={"id": f"{x.article.id}-copy{copy}"})
        yield shifted.model_copy(update={"article": article})


def build_store(extractions: Sequence[Extraction], quads: int, path: Path) -> int:
    """Bulk-load copies of ``extractions`` into an Oxigraph store at ``path`` until it holds ``quads``."""
    import pyoxigraph

    from graphkit.rdf import serialize, to_graph

    per_article = len(to_graph(list(extractions))) / max(len(extractions), 1)
    copies = max(1, round(quads / (per_article * len(extractions))))
    every = [x for c in range(copies) for x in replicate(extractions, c)]
    data = serialize(to_graph(every), "nquads").encode("utf-8")
    store = pyoxigraph.Store(str(path))
    store.bulk_load(data, format=pyoxigraph.RdfFormat.N_QUADS)
    store.flush()
    return len(store)


# The same answer as rdf.contacts(): the actor's events in the period with participants and evidence.
CONTACTS_SPARQL = """
SELECT ?e ?kind ?status ?begin ?end ?gran ?loc ?level ?actor ?name ?id ?url ?published ?text ?s ?t WHERE {
  ?who schema:name "%(name)s" .
  FILTER(STRSTARTS(STR(?who), "https://w3id.org/graphkit/id/actor/"))
  GRAPH ?g {
    ?e gk:participant ?who ; a gk:Contact ; gk:contactKind ?kind ; gk:status ?status ;
       sem:hasEarliestBeginTimeStamp ?begin ; sem:hasLatestEndTimeStamp ?end ; gk:granularity ?gran ;
       gk:participant ?actor ; gk:report ?r .
    OPTIONAL { ?e schema:location ?loc } OPTIONAL { ?e gk:level ?level }
  }
  FILTER(?end >= "%(start)s"^^xsd:date && ?begin <= "%(end)s"^^xsd:date)
  GRAPH ?h { ?r gk:reportedIn ?article ; gk:evidence ?span .
    ?span nif:anchorOf ?text ; nif:beginIndex ?s ; nif:endIndex ?t . ?article schema:identifier ?id .
    OPTIONAL { ?article schema:url ?url } OPTIONAL { ?article schema:datePublished ?published } }
  { SELECT ?actor (MIN(?n) AS ?name) WHERE { ?actor schema:name ?n } GROUP BY ?actor }
}"""

COUNTERPARTS_SPARQL = """
SELECT ?other (MIN(?n) AS ?name) (COUNT(DISTINCT ?e) AS ?contacts) WHERE {
  ?who schema:name "%(name)s" .
  FILTER(STRSTARTS(STR(?who), "https://w3id.org/graphkit/id/actor/"))
  GRAPH ?g { ?e gk:participant ?who ; a gk:Contact ; gk:participant ?other }
  FILTER(?other != ?who)
  ?other schema:name ?n
} GROUP BY ?other ORDER BY DESC(?contacts) ?name LIMIT 5"""


def median_ms(run: Callable[[], object], repeat: int = REPEAT) -> float:
    """The median of ``repeat`` runs after a warm-up, in milliseconds."""
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure(path: Path) -> dict[str, object]:
    """The two ratios and their medians on the store at ``path``."""
    import pyoxigraph

    from graphkit.rdf import contacts, top_counterparts
    from graphkit.rdf._sparql import PROLOGUE
    from graphkit.rdf.stores import OxigraphStore

    store = OxigraphStore(path, read_only=True)
    raw = pyoxigraph.Store.read_only(str(path))
    fill = {"name": ACTOR, "start": START, "end": END}
    contacts_q = PROLOGUE + "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n" + CONTACTS_SPARQL % fill
    counterparts_q = PROLOGUE + COUNTERPARTS_SPARQL % fill

    def hand(query: str) -> list[Any]:
        return list(raw.query(query, use_default_graph_as_union=True))  # type: ignore[arg-type]

    found = contacts(store, ACTOR, start=START, end=END)
    top = top_counterparts(store, ACTOR, limit=5)
    same_contacts = sorted({c.iri for c in found}) == sorted({str(r["e"].value) for r in hand(contacts_q)})
    same_top = [(c.actor.iri, c.contacts) for c in top] == [
        (r["other"].value, int(r["contacts"].value)) for r in hand(counterparts_q)
    ]
    ms = {
        "contacts": median_ms(lambda: contacts(store, ACTOR, start=START, end=END)),
        "contacts_sparql": median_ms(lambda: hand(contacts_q)),
        "counterparts": median_ms(lambda: top_counterparts(store, ACTOR, limit=5)),
        "counterparts_sparql": median_ms(lambda: hand(counterparts_q)),
    }
    return {
        "query_contacts_vs_sparql": round(ms["contacts"] / ms["contacts_sparql"], 2),
        "query_counterparts_vs_sparql": round(ms["counterparts"] / ms["counterparts_sparql"], 2),
        "query_ms": {k: round(v, 1) for k, v in ms.items()},
        "query_results": {"contacts": len(found), "top_counterparts": len(top)},
        "query_same_answer": same_contacts and same_top,
    }


def queries(articles: int = 300, quads: int = 1_000_000, store: Path | None = None) -> dict[str, object]:
    """Build the store (unless ``store`` already holds one) and measure; the result keys of results.json."""
    with tempfile.TemporaryDirectory() as tmp:
        path = store or Path(tmp) / "store"
        size = None
        if not (path / "CURRENT").exists():
            size = build_store(extract_corpus(articles, Path(tmp)), quads, path)
        results = measure(path)
    if size is None:
        import pyoxigraph

        size = len(pyoxigraph.Store.read_only(str(path)))
    return {**results, "query_store_quads": size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="articles extracted before replication")
    parser.add_argument("--quads", type=int, default=1_000_000, help="about this many quads in the store")
    parser.add_argument("--store", type=Path, help="keep (or reuse) the store in this directory")
    args = parser.parse_args()
    print(json.dumps(queries(args.articles, args.quads, args.store), indent=2))


if __name__ == "__main__":
    main()
