"""The extraction run as PROV provenance: which graphkit, extractor and pipeline made a graph, and when.

Exporters have a fixed signature ``(extractions, path)``, so :func:`graphkit.pipeline.run_extract` hands the
run to the RDF exporters through :func:`run_scope` rather than through an argument. This module imports only
pydantic, so setting the scope costs nothing when the output is JSON Lines.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from graphkit._model import FrozenModel

__all__ = ["RunInfo", "current_run", "run_scope"]


class RunInfo(FrozenModel):
    """What produced an extraction: recorded on every article as a ``prov:Activity``."""

    version: str = Field(description="graphkit version")
    extractor: str = Field(description="Registered extractor name")
    pipeline: str = Field(description="spaCy pipeline (model) name or path")
    started: dt.datetime = Field(description="When the run started (timezone-aware)")


_CURRENT: contextvars.ContextVar[RunInfo | None] = contextvars.ContextVar("graphkit_run", default=None)


def current_run() -> RunInfo | None:
    """The run set by the innermost :func:`run_scope`, or None outside one."""
    return _CURRENT.get()


@contextlib.contextmanager
def run_scope(run: RunInfo) -> Iterator[RunInfo]:
    """Within the block, graphs built without an explicit run record ``run``."""
    token = _CURRENT.set(run)
    try:
        yield run
    finally:
        _CURRENT.reset(token)
