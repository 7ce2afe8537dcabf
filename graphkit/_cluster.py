"""Extraction on a Dask cluster: chunks of work go to the workers, results come back in input order.

Each worker loads the pipeline once, when the run registers :class:`_Warm` with it (a Dask worker plugin),
and keeps it for every chunk it gets (the extractors cache their pipeline per process). The cluster is
either a running one, reached through its scheduler's address, or a local one started for the run.
"""

from __future__ import annotations

import contextlib
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from distributed import Client, LocalCluster, WorkerPlugin

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
    """Runs ``warm`` on each worker as it joins: the pipeline is loaded once, before any chunk."""

    name = "graphkit-warm"

    def __init__(self, warm: Callable[[], object]) -> None:
        self._warm = warm

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
        GraphkitError: the scheduler cannot be reached or has no worker.
        Exception: whatever ``func`` or ``warm`` raised on a worker, when its chunk comes to be collected.
    """
    with contextlib.ExitStack() as stack:
        client = stack.enter_context(_client(scheduler, workers))
        threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
        if threads == 0:
            raise GraphkitError(f"the Dask cluster at {scheduler} has no worker; start one with dask worker")
        if warm is not None:
            count = len(client.scheduler_info()["workers"])
            if loaded is not None:
                loaded(0, count)
            client.register_plugin(_Warm(warm))
            if loaded is not None:
                loaded(count, count)
        yield from _ordered(client, func, chunks, AHEAD * threads)


def _client(scheduler: str | None, workers: int | None) -> contextlib.AbstractContextManager[Client]:
    """A client of the scheduler at ``scheduler``, or of a local cluster of ``workers`` processes."""
    if scheduler is None:
        return _local_client(workers or 1)
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as err:
        raise GraphkitError(
            f"cannot reach the Dask scheduler at {scheduler}: {err}; start one with dask scheduler and give "
            "its address (tcp://HOST:8786)"
        ) from err


@contextlib.contextmanager
def _local_client(workers: int) -> Iterator[Client]:
    # One thread per worker: parsing holds the GIL, so more threads in one process would not run faster.
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _ordered(
    client: Client, func: Callable[[T], R], chunks: Iterable[T], ahead: int
) -> Iterator[tuple[T, R]]:
    run = uuid.uuid4().hex[:8]  # keys of this run only: pure=False alone would not name them readably
    pending: deque[tuple[T, Future]] = deque()
    try:
        for number, chunk in enumerate(chunks):
            pending.append((chunk, client.submit(func, chunk, key=f"graphkit-{run}-{number}", pure=False)))
            while len(pending) > ahead:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()
    finally:
        client.cancel([future for _, future in pending])
