"""RDF at scale: the on-disk store and the Turtle export, each against pyoxigraph's own way in the same run.

- ``store_load_vs_bulk``: graphkit writing the articles into a new Oxigraph store the way
  ``graphkit extract --store`` does (a :class:`graphkit.rdf.load.StoreWriter`, one transaction per
  ``STORE_BATCH`` articles: quads built, events merged across articles, written, store closed) over
  pyoxigraph's ``Store.bulk_load`` of the same quads (the N-Quads of the finished store, in memory) into
  another new store.
- ``store_size_vs_bulk``: the bytes of the two store directories once closed. Both figures are measured
  with the default ``--store-batch`` and again with 500 articles per transaction (keys ending ``_batch500``).
- ``turtle_export_vs_pyoxigraph``: graphkit writing the built graph as a Turtle file
  (:meth:`graphkit.rdf.dataset.GraphWriter.write`: prefixes, a temporary file renamed over the output)
  over ``pyoxigraph.serialize`` of the same distinct triples to a Turtle file without prefixes. The graph
  is built once per run for every output format (``graph_build_s``: the named graphs and their union).

The corpus: ``corpus.py`` writes ``base`` synthetic articles, graphkit extracts them once (the spaCy run is
the slow part), and the extractions are replicated ``copies`` times. Copy k has its article ids suffixed
``-r<k>`` and every date (publication, contact and statement spans, their anchors) moved k * 1096 days
later: new articles whose contacts do not merge with the other copies' (three years apart) but that share
their participant sets, as years of news about the same people do, so later batches re-merge event graphs
that earlier batches wrote. 300 articles make about 75,000 quads; 14 copies about 1,050,000.

Usage: python benchmarks/store.py [--base 300] [--copies 14]   (or python benchmarks/run.py --only store)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402
from timing import best_of  # noqa: E402

from graphkit.models import DateSpan, Extraction  # noqa: E402

#: Days between copies of the corpus: dates three years apart never merge.
SHIFT_DAYS = 1096
#: A second batch size measured (``--store-batch``): fewer, larger ingestions.
LARGE_BATCH = 500


def extracted(base: int, work: Path) -> list[Extraction]:
    """The extractions of ``base`` synthetic articles, texts included."""
    from graphkit.pipeline import extract_all

    write_corpus(base, work / "corpus", seed=11)
    return [e for e in extract_all([work / "corpus"], pipeline="en_core_web_sm") if isinstance(e, Extraction)]


def shifted(extraction: Extraction, copy: int) -> Extraction:
    """Copy ``copy`` of an extraction: its id suffixed ``-r<copy>``, every date moved ``copy`` * 1096 days."""
    if copy == 0:
        return extraction
    days = dt.timedelta(days=SHIFT_DAYS * copy)

    def span(date: DateSpan | None) -> DateSpan | None:
        if date is None:
            return None
        anchor = date.anchor + days if date.anchor else None
        return date.model_copy(update={"start": date.start + days, "end": date.end + days, "anchor": anchor})

    article = extraction.article
    published = article.published + days if article.published else None
    return extraction.model_copy(
        update={
            "article": article.model_copy(update={"id": f"{article.id}-r{copy}", "published": published}),
            "contacts": tuple(c.model_copy(update={"date": span(c.date)}) for c in extraction.contacts),
            "statements": tuple(s.model_copy(update={"date": span(s.date)}) for s in extraction.statements),
        }
    )


def replicated(extractions: Sequence[Extraction], copies: int) -> list[Extraction]:
    return [shifted(e, k) for k in range(copies) for e in extractions]


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def store_figures(
    extractions: Sequence[Extraction], work: Path, batch: int, key: str = ""
) -> dict[str, object]:
    """store_load_vs_bulk and store_size_vs_bulk: graphkit's batched writes against one bulk load.

    ``key`` is appended to every key (figures for a batch size other than the default).
    """
    import pyoxigraph as ox

    from graphkit.rdf import OxigraphStore
    from graphkit.rdf.load import StoreWriter

    ours, bulk = work / "ours", work / "bulk"

    def write() -> None:
        store = OxigraphStore(_fresh(ours))
        writer = StoreWriter(store)
        for start in range(0, len(extractions), batch):
            writer.replace(extractions[start : start + batch])
        store.close()
        del store

    load = best_of(write, repeat=1)
    data = ox.Store.read_only(str(ours)).dump(format=ox.RdfFormat.N_QUADS, from_graph=None) or b""

    def bulk_load() -> None:
        store = ox.Store(str(_fresh(bulk)))
        store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        store.flush()
        del store

    baseline = best_of(bulk_load, repeat=1)
    load = min(load, best_of(write, repeat=1))  # alternated: a busy neighbour hurts both sides alike
    baseline = min(baseline, best_of(bulk_load, repeat=1))
    figures = {
        "store_load_vs_bulk": round(load / baseline, 3),
        "store_size_vs_bulk": round(_size(ours) / _size(bulk), 3),
        "store_quads": data.count(b"\n"),
        "store_articles": len(extractions),
        "store_batch": batch,
        "store_load_s": round(load, 2),
        "store_bulk_load_s": round(baseline, 2),
        "store_mb": round(_size(ours) / 1e6, 1),
        "store_bulk_mb": round(_size(bulk) / 1e6, 1),
    }
    return {name + key: value for name, value in figures.items()}


def turtle_figures(extractions: Sequence[Extraction], work: Path) -> dict[str, object]:
    """turtle_export_vs_pyoxigraph: graphkit's Turtle file against pyoxigraph's, the graph built once."""
    import pyoxigraph as ox

    from graphkit.rdf.dataset import GraphWriter

    writer = GraphWriter(extractions)
    build = best_of(lambda: writer.union, repeat=1)  # the named graphs, then their union
    triples = list(writer.union)
    ours = best_of(lambda: writer.write(work / "ours.ttl"), repeat=3)
    theirs = best_of(lambda: ox.serialize(triples, str(work / "theirs.ttl"), ox.RdfFormat.TURTLE), repeat=3)
    return {
        "turtle_export_vs_pyoxigraph": round(ours / theirs, 3),
        "turtle_triples": len(triples),
        "turtle_export_s": round(ours, 2),
        "turtle_pyoxigraph_s": round(theirs, 2),
        "graph_build_s": round(build, 2),
    }


def measure(base: int = 300, copies: int = 14, batch: int | None = None) -> dict[str, object]:
    """Every figure of this module, on ``base`` extracted articles replicated ``copies`` times."""
    from graphkit.pipeline import STORE_BATCH

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        extractions = replicated(extracted(base, work), copies)
        return {
            **store_figures(extractions, work, batch or STORE_BATCH),
            **store_figures(extractions, work, LARGE_BATCH, key=f"_batch{LARGE_BATCH}"),
            **turtle_figures(extractions, work),
        }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=300, help="articles extracted")
    parser.add_argument("--copies", type=int, default=14, help="copies of them, dates shifted")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    print(json.dumps(measure(args.base, args.copies), indent=2))
