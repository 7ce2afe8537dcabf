"""Writing graphs fast: pyoxigraph quads built directly, written in one transaction per batch, one graph
build for every output file, and the same RDF as the rdflib path that came before.

``fixtures/rdf/before_quads.nq`` is what the rdflib path (graphs built in rdflib, converted term by term into
a SPARQL update) stored for the extractions frozen in ``before_quads.jsonl``; the extractions are frozen so
that changes to the extractor do not change this comparison.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import RUN, quads, write_articles
from rdflib import Dataset

from graphkit import pipeline
from graphkit.models import Extraction
from graphkit.rdf import MemoryStore, OxigraphStore, add_extractions, serialize, to_graph
from graphkit.rdf import dataset as rdf_dataset
from graphkit.rdf.dataset import FORMATS, GraphWriter, to_quads
from graphkit.rdf.load import StoreWriter
from graphkit.rdf.stores import Store

BEFORE = Path(__file__).parent / "fixtures" / "rdf"


def _frozen() -> list[Extraction]:
    lines = (BEFORE / "before_quads.jsonl").read_text(encoding="utf-8").splitlines()
    return [Extraction.model_validate_json(line) for line in lines]


def _before() -> set[tuple]:
    dataset = Dataset()
    dataset.parse(BEFORE / "before_quads.nq", format="nquads")
    return quads(dataset)


def test_the_graph_equals_the_rdflib_path() -> None:
    assert quads(to_graph(_frozen(), RUN)) == _before()


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
def test_a_store_written_in_batches_equals_the_rdflib_path(kind: str, tmp_path: Path) -> None:
    seed, call_a, call_b, other = _frozen()
    store: Store = MemoryStore() if kind == "memory" else OxigraphStore(tmp_path / "store")
    writer = StoreWriter(store, RUN)
    writer.replace([seed, call_a])
    writer.replace([call_b, other])  # call_b's call merges with call_a's, written by the batch before
    assert quads(store.dump()) == _before()
    writer.replace([call_a, call_b])  # a rerun duplicates nothing
    assert quads(store.dump()) == _before()
    store.close()


def test_a_writer_that_remembers_nothing_reads_the_store_and_agrees(tmp_path: Path) -> None:
    seed, call_a, call_b, other = _frozen()
    store = OxigraphStore(tmp_path / "store")
    writer = StoreWriter(store, RUN, remember=0)
    for batch in ([call_a], [seed], [call_b], [other]):
        writer.replace(batch)
    assert quads(store.dump()) == _before()
    store.close()


def test_a_later_batch_does_not_read_back_what_the_writer_wrote() -> None:
    _, call_a, call_b, _ = _frozen()
    store = _Spy(MemoryStore())
    writer = StoreWriter(store, RUN)
    writer.replace([call_a])
    store.queries.clear()
    writer.replace([call_b])  # the same participants: the reports of call_a are remembered
    assert not [q for q in store.queries if "gk:ContactReport" in q]
    assert quads(store.inner.dump()) == quads(to_graph([call_a, call_b], RUN))


def test_batches_go_to_the_journal_and_the_store_gets_them_in_one_bulk_load(tmp_path: Path) -> None:
    seed, call_a, call_b, _ = _frozen()
    store = OxigraphStore(tmp_path / "store")
    calls = _CallLog(store.store)
    store.store = calls  # type: ignore[assignment]
    writer = StoreWriter(store, RUN)
    for batch in ([seed], [call_a], [call_b]):  # call_b re-merges the events of call_a's participants
        writer.replace(batch)
    # Each batch is committed to the journal, nothing is read back; the first two (they only add) feed one
    # bulk load running beside the writer, the third (it replaces call_a's events) waits for the close.
    assert calls.names == ["bulk_load"]
    assert len(store.journal.batches()) == 3
    store.close()
    # The event graph call_b replaces reached the store with the first load: dropped, then the rest loaded.
    assert calls.names == ["bulk_load", "update", "bulk_load"]
    assert not store.journal.batches()
    del store, calls  # closing reopened the store (to drop spent logs): release its lock
    expected = quads(to_graph([seed, call_a, call_b], RUN))
    assert quads(OxigraphStore(tmp_path / "store", read_only=True).dump()) == expected

    again = OxigraphStore(tmp_path / "store")  # the same article again: its stored graphs are replaced
    calls = _CallLog(again.store)
    again.store = calls  # type: ignore[assignment]
    StoreWriter(again, RUN).replace([call_b])
    again.close()
    assert calls.names == ["update", "bulk_load"]  # the drops, then the new quads
    del again, calls
    assert quads(OxigraphStore(tmp_path / "store", read_only=True).dump()) == expected


def test_a_writer_adds_new_events_of_sets_it_wrote_without_replacing_graphs(tmp_path: Path) -> None:
    _, call_a, call_b, _ = _frozen()
    later = _moved(call_a, "later", years=3)  # the same participants, three years on: a new event
    store = OxigraphStore(tmp_path / "store")
    writer = StoreWriter(store, RUN)
    writer.replace([call_a])
    writer.replace([later])  # adds an event to the graph of call_a's participants, changes none
    writer.replace([call_b])  # joins call_a's event: its quads change, so the graph is replaced
    drops = [
        [x for x in p.read_text().splitlines() if x.startswith("# drop ")] for p in store.journal.batches()
    ]
    assert drops[:2] == [[], []] and drops[2]
    assert quads(store.dump()) == quads(to_graph([call_a, later, call_b], RUN))
    store.close()


def _moved(extraction: Extraction, article_id: str, years: int) -> Extraction:
    def later(day):  # type: ignore[no-untyped-def]
        return day.replace(year=day.year + years) if day else day

    contacts = tuple(
        c.model_copy(
            update={
                "date": c.date.model_copy(
                    update={
                        "start": later(c.date.start),
                        "end": later(c.date.end),
                        "anchor": later(c.date.anchor),
                    }
                )
                if c.date
                else None
            }
        )
        for c in extraction.contacts
    )
    article = extraction.article.model_copy(
        update={"id": article_id, "published": later(extraction.article.published)}
    )
    return extraction.model_copy(update={"article": article, "contacts": contacts})


def test_closing_a_written_store_leaves_no_spent_write_ahead_log(tmp_path: Path) -> None:
    _, call_a, call_b, _ = _frozen()
    store = OxigraphStore(tmp_path / "store")
    add_extractions(store, [call_a], RUN)
    add_extractions(store, [call_b], RUN)  # a transaction: it goes through the write-ahead log
    store.close()
    assert sum(p.stat().st_size for p in (tmp_path / "store").glob("*.log")) == 0


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_every_format_holds_the_graph(suffix: str) -> None:
    extractions = _frozen()
    dataset = to_graph(extractions, RUN)
    parsed = Dataset()
    parsed.parse(data=serialize(to_quads(extractions, RUN), FORMATS[suffix]), format=FORMATS[suffix])
    if suffix in (".ttl", ".nt"):  # the union of the graphs
        assert {(s, p, o) for s, p, o, _ in quads(parsed)} == {(s, p, o) for s, p, o, _ in quads(dataset)}
    else:
        assert quads(parsed) == quads(dataset)


def test_line_formats_are_sorted_and_hold_each_statement_once() -> None:
    quad_list = to_quads(_frozen(), RUN)
    for fmt in ("nt", "nquads"):
        lines = serialize(quad_list, fmt).splitlines()
        assert lines == sorted(lines) and len(lines) == len(set(lines))
    assert len(serialize(quad_list, "nquads").splitlines()) == len(set(quad_list))


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) is not installed")
@pytest.mark.parametrize(("suffix", "syntax"), [(".ttl", "turtle"), (".nt", "ntriples"), (".trig", "trig")])
def test_rapper_parses_what_the_writer_writes(suffix: str, syntax: str, tmp_path: Path) -> None:
    path = tmp_path / f"out{suffix}"
    GraphWriter(_frozen(), RUN).write(path)
    done = subprocess.run(["rapper", "-q", "-i", syntax, "-c", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_one_run_builds_the_graph_once_for_every_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds = []
    real = rdf_dataset.article_triples

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        builds.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(rdf_dataset, "article_triples", counted)
    write_articles(
        tmp_path / "in.jsonl", {"id": "a1", "published": "2025-01-02", "text": "Macron met Putin."}
    )
    outs = [tmp_path / f"out{suffix}" for suffix in (".ttl", ".jsonl", ".nt", ".trig", ".nq", ".jsonld")]
    pipeline.run_extract([tmp_path / "in.jsonl"], outs, pipeline="any", extractor="fake")
    assert len(builds) == 1
    graphs = [Dataset().parse(o, format=FORMATS[o.suffix]) for o in outs if o.suffix != ".jsonl"]
    assert len({len({(s, p, o) for s, p, o, _ in g.quads((None, None, None, None))}) for g in graphs}) == 1


class _Spy:
    """A store that records the queries it is asked."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self.queries: list[str] = []

    def select(self, query: str) -> list:  # type: ignore[type-arg]
        self.queries.append(query)
        return self.inner.select(query)

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


class _CallLog:
    """A pyoxigraph store that records which of its write methods were called."""

    def __init__(self, store: object) -> None:
        self._store = store
        self.names: list[str] = []

    def __getattr__(self, name: str) -> object:
        if name in ("update", "extend", "bulk_extend", "load", "bulk_load"):
            self.names.append(name)
        return getattr(self._store, name)


def test_the_turtle_file_conforms_to_the_shapes(tmp_path: Path) -> None:
    from graphkit.rdf import load_graph, validate

    GraphWriter(_frozen(), RUN).write(tmp_path / "out.ttl")
    result = validate(load_graph(tmp_path / "out.ttl"))
    assert result.conforms, result.report


def test_export_builds_the_graph_once_for_every_rdf_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from graphkit.export import export

    calls = []
    real = rdf_dataset.article_triples
    monkeypatch.setattr(rdf_dataset, "article_triples", lambda *a, **k: calls.append(1) or real(*a, **k))
    frozen = _frozen()
    export(frozen, [tmp_path / "a.ttl", tmp_path / "a.jsonl", tmp_path / "a.nq"])
    assert len(calls) == len(frozen)  # one build: once per article, not once per file
    assert quads(Dataset().parse(tmp_path / "a.nq", format="nquads")) == quads(to_graph(frozen))


#: Text that N-Quads must escape (quotes, backslash, line breaks) or carry as it is (tab, accents, emoji,
#: angle brackets inside a literal).
AWKWARD = "The \"envoy\" said: a\\b\nthen\r\tleft, déjà vu 🙂 <not an IRI> 'quoted'"


def _awkward(extraction: Extraction) -> Extraction:
    article = extraction.article.model_copy(update={"title": AWKWARD, "outlet": AWKWARD})
    actors = tuple(a.model_copy(update={"name": f"{a.name} {AWKWARD}"}) for a in extraction.actors)
    return extraction.model_copy(update={"article": article, "actors": actors})


def test_nquads_lines_are_the_quads_whatever_the_text() -> None:
    from graphkit.rdf.convert import article_nquads, article_quads
    from graphkit.rdf.merge import event_nquads, event_quads, merge_reports, summaries
    from graphkit.rdf.terms import parse_nquads

    extractions = [_awkward(e) for e in _frozen()]
    for extraction in extractions:
        lines = article_nquads(extraction, RUN)
        assert parse_nquads("".join(lines)) == article_quads(extraction, RUN)
        assert len(set(lines)) == len(lines)  # distinct, as the quads are
    events = merge_reports(summaries(extractions))
    assert {g: parse_nquads("".join(lines)) for g, lines in event_nquads(events).items()} == event_quads(
        events
    )


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
def test_awkward_text_reaches_the_store_unchanged(kind: str, tmp_path: Path) -> None:
    extractions = [_awkward(e) for e in _frozen()]
    store: Store = MemoryStore() if kind == "memory" else OxigraphStore(tmp_path / "store")
    StoreWriter(store, RUN).replace(extractions)
    assert quads(store.dump()) == quads(to_graph(extractions, RUN))
    titles = store.select("SELECT ?t WHERE { GRAPH ?g { ?a <https://schema.org/headline> ?t } }")
    assert {str(row["t"]) for row in titles} == {AWKWARD}
    store.close()
