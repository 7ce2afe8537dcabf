"""Query speed on a store of about a million quads, each figure against hand-written SPARQL in the same run.

- ``query_contacts_vs_sparql``: ``rdf.contacts(store, ACTOR, start=2010-01-01, end=2016-12-31)`` over one
  hand-written SELECT on pyoxigraph that returns the same events with participants and evidence.
- ``query_counterparts_vs_sparql``: ``rdf.top_counterparts(store, ACTOR)`` over one SPARQL ``GROUP BY`` that
  gives the same top 5.

The store: a few hundred synthetic articles (benchmarks/corpus.py) are extracted once, then replicated with
new article ids and every date (publication, contact, statement) shifted by whole years, until the graph
holds ``--quads`` quads; the copies go into an Oxigraph store with ``bulk_load``. Shifted copies keep the
shape of real data (the same office holders meet again in other years) without extracting every article.
Figures are medians of ``REPEAT`` runs after one warm-up, in milliseconds, ours and the baseline taking
turns so that both meet the same load on a shared machine.

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


# Hand-written SPARQL for the same answers, as fast as we could write it: the actor's IRI by its exact name
# (one small query), then that IRI as a constant inside GRAPH, one-triple OPTIONALs, names as MIN over the
# graphs that give one.
WHO_SPARQL = """SELECT DISTINCT ?who WHERE {
  GRAPH ?g { ?who schema:name "%(name)s" } FILTER(STRSTARTS(STR(?who), "https://w3id.org/graphkit/id/actor/"))
}"""

# Three queries, as fast as we could write them: a single query joining events, names and sources took 250 ms
# here (Oxigraph multiplies the rows before grouping), and the dates as required patterns instead of
# one-triple OPTIONALs 130 ms (Oxigraph then reads every dated event).
CONTACTS_SPARQL = (
    """SELECT ?e ?kind ?status ?begin ?end ?gran ?loc ?level WHERE {
  GRAPH ?g {
    ?e gk:participant %(who)s ; a gk:Contact ; gk:contactKind ?kind ; gk:status ?status .
    OPTIONAL { ?e sem:hasEarliestBeginTimeStamp ?begin } OPTIONAL { ?e sem:hasLatestEndTimeStamp ?end }
    OPTIONAL { ?e gk:granularity ?gran } OPTIONAL { ?e schema:location ?loc } OPTIONAL { ?e gk:level ?level }
  }
  FILTER(?end >= "%(start)s"^^xsd:date && ?begin <= "%(end)s"^^xsd:date)
}""",
    """SELECT ?e ?actor (MIN(?n) AS ?name) WHERE {
  VALUES ?e { %(events)s } GRAPH ?g { ?e gk:participant ?actor } GRAPH ?h { ?actor schema:name ?n }
} GROUP BY ?e ?actor""",
    """SELECT ?e ?id ?url ?published ?text ?s ?t WHERE {
  VALUES ?e { %(events)s }
  GRAPH ?g { ?e gk:report ?r }
  GRAPH ?k {
    ?r gk:reportedIn ?article ; gk:evidence ?span .
    ?span nif:anchorOf ?text ; nif:beginIndex ?s ; nif:endIndex ?t . ?article schema:identifier ?id .
    OPTIONAL { ?article schema:url ?url } OPTIONAL { ?article schema:datePublished ?published }
  }
}""",
)

COUNTERPARTS_SPARQL = """
SELECT ?other ?contacts (MIN(?n) AS ?name) WHERE {
  { SELECT ?other (COUNT(DISTINCT ?e) AS ?contacts) WHERE {
      GRAPH ?g { ?e gk:participant %(who)s ; a gk:Contact ; gk:participant ?other }
      FILTER(?other != %(who)s)
    } GROUP BY ?other }
  GRAPH ?h { ?other schema:name ?n }
} GROUP BY ?other ?contacts ORDER BY DESC(?contacts) ?name ?other LIMIT 5"""


def paired_ms(ours: Callable[[], object], baseline: Callable[[], object]) -> tuple[float, float]:
    """Medians of ``REPEAT`` runs of each, alternating so both meet the same load, after a warm-up; in ms."""
    ours(), baseline()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(REPEAT):
        for run, kept in ((ours, times[0]), (baseline, times[1])):
            start = time.perf_counter()
            run()
            kept.append(time.perf_counter() - start)
    return statistics.median(times[0]) * 1000, statistics.median(times[1]) * 1000


def measure(path: Path) -> dict[str, object]:
    """The two ratios and their medians on the store at ``path``."""
    import pyoxigraph

    from graphkit.rdf import contacts, top_counterparts
    from graphkit.rdf._sparql import PROLOGUE
    from graphkit.rdf.stores import OxigraphStore

    store = OxigraphStore(path, read_only=True)
    raw = pyoxigraph.Store.read_only(str(path))
    fill = {"name": ACTOR, "start": START, "end": END}
    prologue = PROLOGUE + "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"

    def hand(query: str, **more: str) -> list[Any]:
        return list(raw.query(prologue + query % {**fill, **more}))  # type: ignore[arg-type]

    def who() -> str:
        (row,) = hand(WHO_SPARQL)
        return str(row["who"])

    def hand_contacts() -> list[Any]:
        events = hand(CONTACTS_SPARQL[0], who=who())
        ids = " ".join(str(r["e"]) for r in events)
        return [events, *(hand(q, events=ids) for q in CONTACTS_SPARQL[1:])]

    def hand_counterparts() -> list[Any]:
        return hand(COUNTERPARTS_SPARQL, who=who())

    found = contacts(store, ACTOR, start=START, end=END)
    top = top_counterparts(store, ACTOR, limit=5)
    same_contacts = sorted(c.iri for c in found) == sorted(str(r["e"].value) for r in hand_contacts()[0])
    same_top = [(c.actor.iri, c.contacts) for c in top] == [
        (r["other"].value, int(r["contacts"].value)) for r in hand_counterparts()
    ]
    ms: dict[str, float] = {}
    ms["contacts"], ms["contacts_sparql"] = paired_ms(
        lambda: contacts(store, ACTOR, start=START, end=END), hand_contacts
    )
    ms["counterparts"], ms["counterparts_sparql"] = paired_ms(
        lambda: top_counterparts(store, ACTOR, limit=5), hand_counterparts
    )
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
