"""Extraction on a Dask cluster: chunks of work go to the workers, results come back in input order.

Each worker loads the pipeline once, when the run registers :class:`_Warm` with it (a Dask worker plugin),
and keeps it for every chunk it gets (the extractors cache their pipeline per process). The cluster is
either a running one, reached through its scheduler's address, or a local one started for the run.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin

from graphkit.errors import GraphkitError

if TYPE_CHECKING:
    from distributed import Future, Worker

__all__ = ["AHEAD", "cluster_map"]

T = TypeVar("T")
R = TypeVar("R")

#: Chunks submitted ahead of the one being collected, per worker thread, as in graphkit._parallel.
AHEAD = 2
#: Seconds to wait for a scheduler to answer before the run fails.
CONNECT_TIMEOUT = 30


class _Warm(WorkerPlugin):
    """Runs ``warm`` on each worker, and on each that joins later: the pipeline loads once, before any chunk.

    Each run registers its own (under its own name) and removes it at the end, so runs with other pipelines
    on the same cluster do not replace it, and workers that join later do not load pipelines of past runs.
    """

    def __init__(self, warm: Callable[[], object], name: str) -> None:
        self._warm = warm
        self.name = name

    def setup(self, worker: Worker) -> None:
        self._warm()


def cluster_map(
    func: Callable[[T], R],
    chunks: Iterable[T],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    warm: Callable[[], object] | None = None,
    loaded: Callable[[int, int], object] | None = None,
) -> Iterator[tuple[T, R]]:
    """``(chunk, func(chunk))`` for each chunk, computed on a Dask cluster, in input order.

    Chunks are read from ``chunks`` only as results come back (a few per worker thread ahead), so a long
    input is never held whole. ``func`` and ``warm`` travel to the workers by reference, so what they look
    up must be importable there (graphkit installed, the extractor registered on import).

    Args:
        func: what to compute for each chunk.
        chunks: the chunks, read lazily.
        scheduler: the address of a running scheduler (``tcp://host:8786``); without it, a local cluster
            of ``workers`` processes (one thread each) is started for the run and stopped after it.
        workers: the number of local worker processes, when no scheduler is given.
        warm: run on each worker before its first chunk (loads the pipeline).
        loaded: called as ``loaded(done, workers)`` before and after the workers ran ``warm``.

    Raises:
        GraphkitError: the scheduler cannot be reached, no worker joined it in time, or workers died.
        Exception: whatever ``func`` or ``warm`` raised on a worker (``warm`` at once, ``func`` when its chunk
            comes to be collected).
    """
    run = f"graphkit-{uuid.uuid4().hex[:8]}"  # names this run's plugin and tasks on a shared cluster
    with contextlib.ExitStack() as stack:
        client = stack.enter_context(_client(scheduler, workers))
        try:
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except TimeoutError as err:
            raise GraphkitError(
                f"no Dask worker joined the scheduler at {scheduler} in {CONNECT_TIMEOUT} s; start some with "
                f"dask worker {scheduler} --nthreads 1"
            ) from err
        info = client.scheduler_info()["workers"]
        if warm is not None:
            if loaded is not None:
                loaded(0, len(info))
            stack.callback(_unregister, client, run)
            client.register_plugin(_Warm(warm, run))
            if loaded is not None:
                loaded(len(info), len(info))
        threads = sum(worker.get("nthreads", 1) for worker in info.values())
        yield from _ordered(client, func, chunks, AHEAD * threads, run)


def _unregister(client: Client, name: str) -> None:
    with contextlib.suppress(Exception):  # the cluster may be gone already; there is nothing left to undo
        client.unregister_worker_plugin(name)


def _client(scheduler: str | None, workers: int | None) -> contextlib.AbstractContextManager[Client]:
    """A client of the scheduler at ``scheduler``, or of a local cluster of ``workers`` processes."""
    if scheduler is None:
        return _local_client(workers or 1)
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as err:  # ValueError: not an address Dask can read
        raise GraphkitError(
            f"cannot reach the Dask scheduler at {scheduler}: {err}; start one with dask scheduler and give "
            "its address (tcp://HOST:8786)"
        ) from err


@contextlib.contextmanager
def _local_client(workers: int) -> Iterator[Client]:
    with _sigint_ignored():
        # One thread per worker: parsing holds the GIL, so more threads in one process would not run faster.
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # the run reports its own errors; the workers' complaints as the cluster stops are noise
            silence_logs=logging.CRITICAL,
        )
    with cluster, Client(cluster) as client:
        yield client


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ctrl-C ignored while the local cluster starts, so its processes ignore it for good.

    Ctrl-C reaches every process of the terminal's process group; only this one should decide what it means
    (the workers would print tracebacks as they die). An ignored signal stays ignored across exec, and Python
    then installs no handler of its own. A Ctrl-C in the few seconds the cluster takes to start is lost.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _ordered(
    client: Client, func: Callable[[T], R], chunks: Iterable[T], ahead: int, run: str
) -> Iterator[tuple[T, R]]:
    pending: deque[tuple[T, Future]] = deque()
    try:
        for number, chunk in enumerate(chunks):
            pending.append((chunk, client.submit(func, chunk, key=f"{run}-{number}", pure=False)))
            while len(pending) > ahead:
                yield collected(*pending.popleft())
        while pending:
            yield collected(*pending.popleft())
    finally:
        client.cancel([future for _, future in pending])


def collected(chunk: T, future: Future) -> tuple[T, R]:
    try:
        return chunk, future.result()
    except KilledWorker as err:
        raise GraphkitError(
            f"the Dask workers that took task {future.key} died (out of memory, or stopped); see their "
            f"logs, then run the same command again: {err}"
        ) from err
