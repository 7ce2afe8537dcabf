"""The journal of an Oxigraph store: batches a writer committed reach the store whole, whatever stops it.

A writer "killed" here is one whose store handle is dropped without ``close()``: its journal stays on disk, as
after SIGKILL (``fault_cases.py`` kills real runs).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import RUN, quads

from graphkit.models import Extraction
from graphkit.rdf import OxigraphStore, to_graph
from graphkit.rdf.iris import article_graph_iri
from graphkit.rdf.journal import FOLDER
from graphkit.rdf.load import StoreWriter

FROZEN = Path(__file__).parent / "fixtures" / "rdf" / "before_quads.jsonl"


def _frozen() -> list[Extraction]:
    return [Extraction.model_validate_json(line) for line in FROZEN.read_text(encoding="utf-8").splitlines()]


def _killed_writer(path: Path, *batches: list[Extraction]) -> None:
    """Write ``batches`` to the store at ``path`` and stop without closing it.

    The bulk load that batches which only add are fed to runs in a thread, which holds the store: it is
    let finish, so the store may hold some batches that the journal still lists, as when a writer is
    killed after that load and before the journal is cleared.
    """
    store = OxigraphStore(path)
    writer = StoreWriter(store, RUN)
    for batch in batches:
        writer.replace(batch)
    assert len(store.journal.batches()) == len(batches)
    if store.journal._loader is not None:
        store.journal._loader.finish()


def _stored(path: Path) -> set[tuple]:
    return quads(OxigraphStore(path, read_only=True).dump())


def test_opening_the_store_for_writing_applies_what_a_killed_writer_committed(tmp_path: Path) -> None:
    seed, call_a, call_b, _ = _frozen()
    _killed_writer(tmp_path / "store", [seed], [call_a], [call_b])
    assert (tmp_path / "store" / FOLDER).is_dir()
    store = OxigraphStore(tmp_path / "store")
    assert not store.journal.batches()
    assert quads(store.dump()) == quads(to_graph([seed, call_a, call_b], RUN))


def test_a_journal_applied_twice_gives_the_same_store(tmp_path: Path) -> None:
    """As after a writer killed while it applied the journal, before it removed the batches."""
    seed, call_a, call_b, _ = _frozen()
    path = tmp_path / "store"
    _killed_writer(path, [seed, call_a])
    OxigraphStore(path).close()  # the first two articles, applied
    _killed_writer(path, [call_a], [call_b])  # replaces call_a's graphs, in the store and in the journal
    shutil.copytree(path / FOLDER, tmp_path / "left")
    OxigraphStore(path).close()
    once = _stored(path)
    shutil.copytree(tmp_path / "left", path / FOLDER)
    OxigraphStore(path).close()
    assert _stored(path) == once == quads(to_graph([seed, call_a, call_b], RUN))


def test_a_reader_finishes_the_journal_of_a_writer_that_is_gone(tmp_path: Path) -> None:
    seed, call_a, _, _ = _frozen()
    _killed_writer(tmp_path / "store", [seed], [call_a])
    assert _stored(tmp_path / "store") == quads(to_graph([seed, call_a], RUN))
    assert not (tmp_path / "store" / FOLDER).exists()


def test_a_half_written_batch_is_not_applied(tmp_path: Path) -> None:
    seed, call_a, _, _ = _frozen()
    _killed_writer(tmp_path / "store", [seed])
    half = tmp_path / "store" / FOLDER / ".0000000002.nq.tmp"  # a writer killed before the rename
    half.write_text(f"<urn:x> <urn:y> <urn:z> <{article_graph_iri(call_a.article.id)}> .\n", encoding="utf-8")
    assert _stored(tmp_path / "store") == quads(to_graph([seed], RUN))
    assert not half.exists()


def test_the_journal_tells_which_graphs_hold_quads_before_the_store_has_them(tmp_path: Path) -> None:
    seed, call_a, _, _ = _frozen()
    store = OxigraphStore(tmp_path / "store")
    names = [article_graph_iri(e.article.id) for e in (seed, call_a)]
    StoreWriter(store, RUN).replace([seed])
    assert store.has_graphs(names) == {names[0]}
    store.write([names[0]], [])  # a replacement without quads drops the graph
    assert store.has_graphs(names) == set()
    assert len(store.store) == 0  # nothing has reached the store yet
    store.close()
    assert not [q for q in _stored(tmp_path / "store") if str(q[3]) == str(names[0])]
