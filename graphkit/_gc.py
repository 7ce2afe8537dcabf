"""Pausing Python's cyclic garbage collector while a stage builds a large structure of its own."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off, then restore it as it was.

    Building a graph, a page or a batch of quads makes hundreds of thousands of small dicts, tuples and
    lists that stay alive, and the collector walks all of them (and everything else the process holds)
    again and again as they pile up: a third of the time of a contact graph or of the view's page data.
    What those blocks build holds no reference cycles to collect.
    Blocks nest: only the outermost one turns the collector back on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
