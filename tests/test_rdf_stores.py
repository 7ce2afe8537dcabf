"""Stores: incremental, idempotent adds equal to the one-shot graph, on memory, Oxigraph and a live server."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import CALLS, RUN, SEED, Extract, quads

from graphkit.rdf import (
    MemoryStore,
    OxigraphStore,
    SparqlStore,
    add_extractions,
    contacts,
    open_store,
    to_graph,
)
from graphkit.rdf.stores import Store


def _articles(extract: Extract):
    return extract(SEED, CALLS / "call_a.txt", CALLS / "call_b.txt")


def _check_incremental(store: Store, extract: Extract) -> None:
    seed, call_a, call_b = _articles(extract)
    assert add_extractions(store, [seed, call_a], RUN).model_dump() == {"reports": 5, "events": 5}
    counts = add_extractions(store, [call_b], RUN)
    assert (counts.reports, counts.events, counts.merged) == (6, 5, 1)
    assert quads(store.dump()) == quads(to_graph([seed, call_a, call_b], RUN))
    before = quads(store.dump())
    assert add_extractions(store, [call_a, seed], RUN).model_dump() == {"reports": 6, "events": 5}
    assert quads(store.dump()) == before  # a rerun adds nothing
    (call,) = contacts(store, "Scholz")
    assert [s.article for s in call.sources] == ["call_a", "call_b"]


def test_memory_store(extract: Extract) -> None:
    _check_incremental(MemoryStore(), extract)


def test_oxigraph_store_on_disk(tmp_path: Path, extract: Extract) -> None:
    store = OxigraphStore(tmp_path / "store")
    _check_incremental(store, extract)
    store.close()
    del store
    reopened = open_store(tmp_path / "store")
    assert len(contacts(reopened, "Macron")) == 3  # the two of the seed and the call with Scholz


def test_replacing_an_article_re_merges_its_events(tmp_path: Path, extract: Extract) -> None:
    _, call_a, call_b = _articles(extract)
    store = MemoryStore()
    add_extractions(store, [call_a, call_b], RUN)
    emptied = call_b.model_copy(update={"contacts": ()})
    counts = add_extractions(store, [emptied], RUN)
    assert (counts.reports, counts.events) == (1, 1)
    assert quads(store.dump()) == quads(to_graph([call_a, emptied], RUN))


def test_open_store_picks_by_what_the_user_typed(tmp_path: Path) -> None:
    assert isinstance(open_store(None), MemoryStore)
    assert isinstance(open_store(tmp_path / "ox"), OxigraphStore)
    remote = open_store("http://127.0.0.1:9/query")
    assert isinstance(remote, SparqlStore) and remote.update_url == "http://127.0.0.1:9/update"


@pytest.mark.network
def test_remote_store_against_a_live_oxigraph_server(oxigraph_server: str, extract: Extract) -> None:
    store = SparqlStore(oxigraph_server, batch=100)  # small batches: the seed graph takes several requests
    _check_incremental(store, extract)
