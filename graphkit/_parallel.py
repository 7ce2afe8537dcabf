"""Worker processes for extraction runs: chunks of work in, results out in the order the chunks went in."""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext
from typing import TypeVar

__all__ = ["ordered_map"]

T = TypeVar("T")
R = TypeVar("R")

#: Chunks submitted ahead of the one being collected, per worker: enough to keep every worker busy while
#: the main process writes, few enough that memory holds a handful of chunks, not the run.
AHEAD = 2


def ordered_map(
    func: Callable[[T], R],
    chunks: Iterable[T],
    *,
    jobs: int,
    initializer: Callable[[], object] | None = None,
) -> Iterator[tuple[T, R]]:
    """``(chunk, func(chunk))`` for each chunk, computed in ``jobs`` worker processes, in input order.

    Chunks are read from ``chunks`` only as workers free up, so a long input is never held whole. On Linux
    the workers are forked from this process once ``initializer`` (if given) has run here: they start
    with what it loaded (a model), its memory shared until written. Elsewhere they are started fresh
    ("spawn") and ``initializer`` runs in each as it starts; ``func`` and what it looks up must then be
    importable (an extractor registered at run time in this process is unknown there). Workers ignore
    Ctrl-C; the main process gets it, cancels what has not started and leaves the rest to finish in the
    background.

    Raises:
        ValueError: ``jobs`` is less than 1.
        Exception: whatever ``func`` raised in a worker, when its chunk comes to be collected.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    context = _context()
    forked = context.get_start_method() == "fork"
    if forked and initializer is not None:
        initializer()  # once, here: every worker inherits what it loaded
    pool = ProcessPoolExecutor(
        jobs,
        mp_context=context,
        initializer=_start_worker,
        initargs=(None if forked else initializer,),
    )
    pending: deque[tuple[T, Future[R]]] = deque()
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(func, chunk)))
            while len(pending) > AHEAD * jobs:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _context() -> BaseContext:
    """Fork where it is safe and cheap (Linux), else spawn.

    A spawned worker starts Python, imports graphkit and spaCy and loads the model before its first
    article (about 1.5 s of CPU for en_core_web_sm, the same again in each worker); a forked one has
    them already. macOS has fork, but system libraries there may crash in a forked child.
    """
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _start_worker(initializer: Callable[[], object] | None) -> None:
    # Ctrl-C reaches the whole process group; only the main process decides what an interrupt means.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the command's SIGTERM handler, which would clean up the run's outputs.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if initializer is not None:
        # A failure here would break the pool; the first chunk raises it again, with its message.
        with contextlib.suppress(Exception):
            initializer()
