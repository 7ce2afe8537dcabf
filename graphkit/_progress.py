"""The progress of a run shown to a person: a rich progress bar on a terminal, or in a Jupyter notebook.

A :class:`ProgressBar` is the ``progress`` callback of :func:`graphkit.pipeline.run_extract`: it gets
:class:`~graphkit.pipeline.ProgressEvent` objects and keeps one line per stage of the run (loading the
pipeline, extracting, writing the store, writing the outputs), each with its count, rate and time left.
"""

from __future__ import annotations

import io
import time
from types import TracebackType
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

if TYPE_CHECKING:
    from graphkit.pipeline import ProgressEvent, Stage

__all__ = ["ProgressBar"]

#: Seconds between two redraws of the notebook's progress text (a terminal bar redraws itself).
NOTEBOOK_REFRESH = 0.5


class _Rate(ProgressColumn):
    """Items per second over rich's recent samples; blank until there are two."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.1f}/s", style="progress.data.speed")


def _columns() -> tuple[ProgressColumn, ...]:
    return (
        SpinnerColumn(finished_text="[green]done"),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),  # "n/?" while the total is unknown
        _Rate(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )


class ProgressBar:
    """A ``progress`` callback that shows each stage of a run as a line of a rich progress bar.

    Use it as a context manager: the bar starts with the block and goes when the block ends. On a console
    that is not a terminal (a pipe, a file), rich draws nothing; in a Jupyter notebook the text of the bar is
    shown below the cell and redrawn in place.

    Args:
        console: where to draw; a console on stderr by default.
        transient: remove the bar when the block ends (a terminal keeps its lines otherwise).
    """

    def __init__(self, console: Console | None = None, *, transient: bool = True) -> None:
        self.console = console or Console(stderr=True)
        self._notebook = self.console.is_jupyter
        self.progress = Progress(
            *_columns(), console=self.console, transient=transient, auto_refresh=not self._notebook
        )
        self._tasks: dict[Stage, TaskID] = {}
        self._handle: object = None  # the notebook's display handle, once shown
        self._drawn = 0.0

    def __call__(self, event: ProgressEvent) -> None:
        """Show ``event``: its stage's line is added at its first event and updated after."""
        from graphkit.pipeline import Stage

        description = event.stage.value
        if event.stage is Stage.EXTRACTING and event.total is None and event.read:
            description = f"{description} ({event.read:,} read so far)"
        if event.detail:
            description = f"{description}: {escape(event.detail)}"
        if event.stage not in self._tasks:
            for stage, task in self._tasks.items():  # an earlier stage with no total is over now
                if self.progress.tasks[task].total is None and stage is not Stage.STORING:
                    self.progress.update(task, total=self.progress.tasks[task].completed)
            self._tasks[event.stage] = self.progress.add_task(description, total=event.total)
        self.progress.update(
            self._tasks[event.stage], completed=event.done, total=event.total, description=description
        )
        if self._notebook:
            self._draw(force=event.total is not None and event.done >= event.total)

    def _draw(self, *, force: bool = False) -> None:
        """Show the bar's text under the notebook cell, in place of the last one, at most twice a second."""
        now = time.monotonic()
        if not force and now - self._drawn < NOTEBOOK_REFRESH:
            return
        self._drawn = now
        from IPython.display import display

        text = io.StringIO()
        Console(file=text, width=self.console.width, color_system=None).print(self.progress.get_renderable())
        shown = {"text/plain": text.getvalue().rstrip()}
        if self._handle is None:
            self._handle = display(shown, raw=True, display_id=True)
        else:
            self._handle.update(shown, raw=True)  # type: ignore[attr-defined]  # IPython's DisplayHandle

    def __enter__(self) -> ProgressBar:
        if not self._notebook:
            self.progress.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._notebook:
            if self._tasks:
                self._draw(force=True)
        else:
            self.progress.stop()
