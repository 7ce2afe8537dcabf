"""Kill and interrupt tests: a run stopped at any point keeps whole articles, and a rerun finishes the job.

Each case forks the test process (so no interpreter start-up per run), runs ``graphkit extract --store`` in
the child with a hook that sends it SIGKILL, SIGINT or SIGTERM at one point of the run, then checks what the
run left: the store opens, every article in it is whole and has exactly the events its reports belong to,
the articles stored are whole batches in input order, no output file is half written, and after a rerun the
store equals a clean run's. The points are counted events (the k-th extraction, the k-th store commit to
the journal, the k-th output file, the journal applied to the store), not moments, so the same point is hit
on every machine.
"""

from __future__ import annotations

import faulthandler
import json
import os
import random
import re
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import write_articles
from rdflib import Dataset
from typer.main import get_command

from graphkit import pipeline
from graphkit._io import atomic_writer
from graphkit.cli import INTERRUPTED, TERMINATED, app
from graphkit.models import Article, Extraction
from graphkit.rdf import OxigraphStore, to_graph
from graphkit.rdf.iris import article_graph_iri
from graphkit.rdf.journal import Journal
from graphkit.rdf.namespace import DATA
from graphkit.registry import extractors

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill tests fork the test process")

#: Ten articles in four batches (4 + 4 + 2): contacts shared across batches, so commits touch common events.
ARTICLES = [
    {
        "id": f"k{n:02d}",
        "published": f"2025-03-{n + 1:02d}",
        "text": f'Macron met Putin. Scholz phoned {"Biden" if n % 2 else "Meloni"}. Tusk said "day {n}".',
    }
    for n in range(10)
]
BATCH = 4
COMMITS = 3
OUTPUTS = 2  # out.jsonl and out.ttl
_RUN = str(DATA["run/"])

Hook = Callable[[int], None]  # installed in the child, given the signal to send


def _kill_at(counter: str, nth: int, how: str) -> Hook:
    """Install, in the child, a hook that signals the child at the ``nth`` event of ``counter``."""

    def install(sig: int) -> None:
        seen = [0]

        def hit() -> bool:
            seen[0] += 1
            return seen[0] == nth

        def fire() -> None:
            os.kill(os.getpid(), sig)

        if counter == "extract":
            real_extract = extractors.get("fake")

            def extract_one(article: Article, *, pipeline: str) -> Extraction:
                if hit():
                    fire()
                return real_extract(article, pipeline=pipeline)

            extractors.register("fake")(extract_one)  # in the child only: it replaces the fake extractor
        elif counter == "commit":  # one call of write (replacing graphs), add or load (adding quads or lines)
            for name in ("write", "add", "load"):
                setattr(OxigraphStore, name, _committing(getattr(OxigraphStore, name), hit, fire, how))
        elif counter == "apply":  # the journal given to the store: drops and one bulk load
            Journal.apply = _applying(Journal.apply, hit, fire, how)  # type: ignore[method-assign]
        elif counter == "output":
            real_fsync = os.fsync

            def fsync(fd: int) -> None:  # inside atomic_writer: the temporary file is written, not renamed
                real_fsync(fd)
                if hit():
                    fire()

            os.fsync = fsync  # type: ignore[assignment]

    return install  # type: ignore[return-value]


def _committing(real: Callable, hit: Callable[[], bool], fire: Callable[[], None], how: str) -> Callable:  # type: ignore[type-arg]
    """``real`` (a store method that commits), signalling before, during or after its ``nth`` call."""

    def commit(self, *args, **options):  # type: ignore[no-untyped-def]
        if not hit():
            return real(self, *args, **options)
        if how == "before":
            fire()
            return real(self, *args, **options)
        if how == "during":  # the batch's file is written and synced, not yet renamed into the journal
            real_sync = os.fdatasync

            def sync(fd: int) -> None:
                real_sync(fd)
                fire()

            os.fdatasync = sync
            try:
                return real(self, *args, **options)
            finally:
                os.fdatasync = real_sync
        real(self, *args, **options)
        fire()
        return None

    return commit


def _applying(real: Callable, hit: Callable[[], bool], fire: Callable[[], None], how: str) -> Callable:  # type: ignore[type-arg]
    """``Journal.apply``, signalling before, during (as the background bulk load is finished, else while
    Oxigraph loads) or after its ``nth`` call that has batches to apply."""

    def apply(self, store):  # type: ignore[no-untyped-def]
        if not self.batches() or not hit():
            return real(self, store)
        if how == "before":
            fire()
            return real(self, store)
        if how == "during" and self._loader is not None:  # the bulk load fed as the run wrote: as it ends
            loader = self._loader
            finish = loader.finish

            def finishing() -> None:
                loader.finish = finish  # once: a rerun of apply after an interrupt finishes it
                fire()
                finish()

            loader.finish = finishing
            return real(self, store)
        if how == "during":
            return real(self, _SignalsDuringUpdate(store, fire))
        done = real(self, store)
        fire()
        return done

    return apply


class _SignalsDuringUpdate:
    """A pyoxigraph store whose next write (an update, a transactional or a bulk insert, a bulk load) is
    signalled while Oxigraph applies it.

    Oxigraph releases the GIL while it works, so a thread started just before the write sends the signal while
    the transaction or the ingestion is under way.
    """

    def __init__(self, store: object, fire: Callable[[], None]) -> None:
        self._store = store
        self._fire = fire

    def update(self, text: str) -> None:
        threading.Thread(target=self._fire).start()
        self._store.update(text)  # type: ignore[attr-defined]

    def extend(self, quads: object) -> None:
        threading.Thread(target=self._fire).start()
        self._store.extend(quads)  # type: ignore[attr-defined]

    def bulk_extend(self, quads: object) -> None:
        threading.Thread(target=self._fire).start()
        self._store.bulk_extend(quads)  # type: ignore[attr-defined]

    def bulk_load(self, data: object, **options: object) -> None:
        threading.Thread(target=self._fire).start()
        self._store.bulk_load(data, **options)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)


POINTS = (
    [pytest.param("extract", k, "", id=f"extract-{k}") for k in range(1, len(ARTICLES) + 1)]
    + [
        pytest.param("commit", k, how, id=f"commit-{k}-{how}")
        for k in range(1, COMMITS + 1)
        for how in ("before", "during", "after")
    ]
    + [pytest.param("apply", 1, how, id=f"apply-1-{how}") for how in ("before", "during", "after")]
    + [pytest.param("output", k, "", id=f"output-{k}") for k in range(1, OUTPUTS + 1)]
)
SIGNALS = [
    pytest.param(signal.SIGKILL, id="SIGKILL"),
    pytest.param(signal.SIGINT, id="SIGINT"),
    pytest.param(signal.SIGTERM, id="SIGTERM"),
]
#: What a run stopped by a signal it can handle exits with, and the word its message starts with.
HANDLED = {signal.SIGINT: (INTERRUPTED, "interrupted:"), signal.SIGTERM: (TERMINATED, "terminated:")}


def _in_child(log: Path, work: Callable[[], None], kill_after: float | None = None) -> tuple[int | None, int]:
    """Run ``work`` in a forked child: (exit code or None, the signal that killed it or 0).

    With ``kill_after``, the parent sends the child SIGKILL after that many seconds (if it still runs).

    Every use of Oxigraph happens in a child: RocksDB's background threads do not survive a fork, so a
    process that has opened a store cannot fork a child that opens one.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 99
        try:
            fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__  # not pytest's capture
            faulthandler.dump_traceback_later(60, exit=True, file=fd)  # a hang fails the test, not the suite
            signal.signal(signal.SIGINT, signal.default_int_handler)
            try:
                work()
                code = 0
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 1
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    if kill_after is not None:
        time.sleep(kill_after)
        os.kill(pid, signal.SIGKILL)  # a child that has finished is a zombie until waited for: no harm
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return None, os.WTERMSIG(status)
    return os.WEXITSTATUS(status), 0


def _run(
    folder: Path, hook: Hook | None = None, sig: int = signal.SIGKILL, kill_after: float | None = None
) -> tuple[int | None, int, str]:
    """Run the command in a forked child: (exit code or None, signal that killed it or 0, its output)."""
    # Relative names: articles record where they were read from, and every run must record the same.
    args = ["extract", "in.jsonl", "--extractor", "fake", "--pipeline", "any", "--quiet"]
    args += ["--out", "out.jsonl", "--out", "out.ttl", "--store", "store", "--store-batch", str(BATCH)]

    def work() -> None:
        os.chdir(folder)
        if hook is not None:
            hook(sig)
        get_command(app).main(args, prog_name="graphkit", standalone_mode=True)

    log = folder / "child.log"
    code, killed_by = _in_child(log, work, kill_after)
    return code, killed_by, log.read_text(encoding="utf-8", errors="replace")


def _without_runs(dataset: Dataset) -> set[tuple]:
    """Quads minus the run's provenance (each run has its own start time, so its own activity node)."""
    return {
        (s, p, o, getattr(g, "identifier", g))
        for s, p, o, g in dataset.quads((None, None, None, None))
        if not (str(s).startswith(_RUN) or str(o).startswith(_RUN))
    }


def _store_quads(path: Path) -> set[tuple]:
    dump = path.with_name("dump.nq")

    def work() -> None:
        store = OxigraphStore(path)  # opening read-write, as the next run will, must succeed
        dump.write_text(store.dump().serialize(format="nquads"), encoding="utf-8")
        store.close()

    code, killed_by = _in_child(path.with_name("dump.log"), work)
    assert (code, killed_by) == (0, 0), path.with_name("dump.log").read_text(encoding="utf-8")
    dataset = Dataset()
    dataset.parse(dump, format="nquads")
    return _without_runs(dataset)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[tuple], dict, float]:
    """The store of an uninterrupted run, the fake extractions of every article, and how long the run took."""
    folder = tmp_path_factory.mktemp("clean")
    write_articles(folder / "in.jsonl", *ARTICLES)
    started = time.monotonic()
    code, _, output = _run(folder)
    took = time.monotonic() - started
    assert code == 0, output
    here = Path.cwd()
    os.chdir(folder)
    try:
        extractions = {e.article.id: e for e in pipeline.extract_all(["in.jsonl"], extractor="fake")}
    finally:
        os.chdir(here)
    return _store_quads(folder / "store"), extractions, took


def _article_graphs(quads: set[tuple]) -> set[str]:
    names = {str(article_graph_iri(a["id"])): a["id"] for a in ARTICLES}
    return {names[str(q[3])] for q in quads if str(q[3]) in names}


def _expected(extractions: dict, ids: set[str]) -> set[tuple]:
    return _without_runs(to_graph([e for i, e in extractions.items() if i in ids]))


@pytest.mark.parametrize("sig", SIGNALS)
@pytest.mark.parametrize(("counter", "nth", "how"), POINTS)
def test_a_killed_run_keeps_whole_batches_and_a_rerun_finishes(
    counter: str, nth: int, how: str, sig: int, clean: tuple[set[tuple], dict, float], tmp_path: Path
) -> None:
    write_articles(tmp_path / "in.jsonl", *ARTICLES)
    code, killed_by, output = _run(tmp_path, _kill_at(counter, nth, how), sig)
    flat = " ".join(output.split())
    written = counter == "apply"  # the run applies the store's journal when it counts it, after its outputs
    if sig == signal.SIGKILL:
        assert killed_by == signal.SIGKILL, output
    else:
        exit_code, word = HANDLED[sig]
        assert code == exit_code, output
        assert flat.startswith(f"{word} interrupted after")
        assert written or "not written (left as they were)" in flat
        assert not list(tmp_path.glob(".out.*.tmp"))  # an interrupted run cleans up its temporary files
    stored = _check_what_was_left(tmp_path, clean)
    if sig != signal.SIGKILL:
        committed = re.search(r"(\d+) articles are committed to the store", flat)
        assert committed is not None and int(committed[1]) == len(stored), output
    # An output file is whole or absent, never half written; only a stop between the two files leaves one.
    assert (tmp_path / "out.jsonl").exists() == (written or (counter, nth) == ("output", 2))
    assert (
        sig == signal.SIGKILL or counter != "output" or nth != 2 or "out.jsonl written; out.ttl not" in flat
    )
    assert (tmp_path / "out.ttl").exists() == written
    _check_the_rerun(tmp_path, clean)


@pytest.mark.parametrize("seed", range(8))
def test_a_run_killed_at_a_random_moment_keeps_whole_batches(
    seed: int, clean: tuple[set[tuple], dict, float], tmp_path: Path
) -> None:
    """SIGKILL from outside at a moment drawn over a clean run's duration (the outcome may be any point)."""
    write_articles(tmp_path / "in.jsonl", *ARTICLES)
    code, killed_by, output = _run(tmp_path, kill_after=random.Random(seed).uniform(0, clean[2]))
    assert code == 0 or killed_by == signal.SIGKILL, output
    _check_what_was_left(tmp_path, clean)
    _check_the_rerun(tmp_path, clean)


def _check_what_was_left(folder: Path, clean: tuple[set[tuple], dict, float]) -> set[str]:
    """The store opens and holds whole batches of whole articles with their events; the stored article ids."""
    quads = _store_quads(folder / "store") if (folder / "store").exists() else set()
    stored = _article_graphs(quads)
    order = [a["id"] for a in ARTICLES]
    assert stored == set(order[: len(stored)])  # batches are committed in input order
    assert len(stored) in (0, BATCH, 2 * BATCH, len(ARTICLES))  # whole batches, never part of one
    # Every stored article is whole, and the events are exactly those of the stored articles' reports.
    assert quads == (_expected(clean[1], stored) if stored else set())
    if (folder / "out.jsonl").exists():
        assert len((folder / "out.jsonl").read_text(encoding="utf-8").splitlines()) == len(ARTICLES)
    if (folder / "out.ttl").exists():
        Dataset().parse(folder / "out.ttl", format="turtle")
    return stored


def _check_the_rerun(folder: Path, clean: tuple[set[tuple], dict, float]) -> None:
    code, _, output = _run(folder)
    assert code == 0, output
    assert _store_quads(folder / "store") == clean[0]  # complete, and nothing twice
    assert not list(folder.glob(".out.*.tmp"))  # the rerun removed what a killed writer left
    records = [json.loads(line) for line in (folder / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [a["id"] for a in ARTICLES]


def test_there_are_at_least_twenty_kill_points_per_signal() -> None:
    assert len(POINTS) >= 20


# --- temporary files of the atomic writer --------------------------------------------------------------


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    out.write_text("old\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_writer(out) as handle:
        handle.write("half of the new")
        raise KeyboardInterrupt
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.ttl"]


def test_temporary_files_of_dead_writers_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)  # a process that no longer runs
    stale = tmp_path / f".out.ttl.{pid}.abc123.tmp"
    alive = tmp_path / f".out.ttl.{os.getpid()}.def456.tmp"  # a writer still at work: left alone
    other = tmp_path / f".other.ttl.{pid}.abc123.tmp"  # another file's: left alone
    for path in (stale, alive, other):
        path.write_text("partial", encoding="utf-8")
    with atomic_writer(out) as handle:
        handle.write("new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, alive.name, other.name])
