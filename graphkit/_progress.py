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
)
from rich.text import Text

if TYPE_CHECKING:
    from graphkit.pipeline import ProgressEvent, Stage

__all__ = ["ProgressBar"]

#: Seconds between two redraws of the notebook's progress text (a terminal bar redraws itself).
NOTEBOOK_REFRESH = 0.5


def average_rate(task: Task) -> float | None:
    """Items per second since the first item was done, or None before a second count came.

    Worker processes hand back a chunk of articles at once, so rich's own estimate over its latest samples
    jumps between zero and hundreds; the average since the first results is steady.
    """
    first: tuple[float, float] | None = task.fields.get("first")
    if first is None or task.completed <= first[1]:
        return None
    if task.finished_time is not None and task.start_time is not None:
        now = task.start_time + task.finished_time  # rich keeps the time it took, not the time it ended
    else:
        now = time.monotonic()
    return (task.completed - first[1]) / max(now - first[0], 1e-9)


class _Rate(ProgressColumn):
    """Items per second, as :func:`average_rate` has it."""

    def render(self, task: Task) -> Text:
        rate = average_rate(task)
        return Text("" if rate is None else f"{rate:,.1f}/s", style="progress.data.speed")


class TimeLeft(ProgressColumn):
    """The time left at :func:`average_rate`, once the total is known."""

    def render(self, task: Task) -> Text:
        rate = average_rate(task)
        if task.finished or task.total is None or not rate:
            return Text("")
        left = int((task.total - task.completed) / rate)
        return Text(f"{left // 3600}:{left // 60 % 60:02d}:{left % 60:02d} left", style="progress.remaining")


def _columns() -> tuple[ProgressColumn, ...]:
    return (
        SpinnerColumn(finished_text="[green]done"),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),  # "n/?" while the total is unknown
        _Rate(),
        TimeElapsedColumn(),
        TimeLeft(),
    )


class ProgressBar:
    """A ``progress`` callback that shows each stage of a run as a line of a rich progress bar.

    Use it as a context manager: the bar starts with the block and goes when the block ends. On a console
    that is not a terminal (a pipe, a file) nothing is drawn; in a Jupyter notebook the text of the bar is
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
            if event.stage is Stage.EXTRACTING and not event.done and Stage.LOADING not in self._tasks:
                return  # the first articles are read before the pipeline loads: show loading first
            self._tasks[event.stage] = self.progress.add_task(description, total=event.total)
        task = self._tasks[event.stage]
        if event.done and "first" not in self.progress.tasks[task].fields:  # ids are positions: none removed
            self.progress.update(task, first=(time.monotonic(), event.done))
        self.progress.update(task, completed=event.done, total=event.total, description=description)
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
        Console(file=text, width=self.console.width, color_system=None, force_jupyter=False).print(
            self.progress.get_renderable()
        )
        shown = {"text/plain": text.getvalue().rstrip()}
        if self._handle is None:
            self._handle = display(shown, raw=True, display_id=True)
        else:
            self._handle.update(shown, raw=True)  # type: ignore[attr-defined]  # IPython's DisplayHandle

    def __enter__(self) -> ProgressBar:
        if self.console.is_terminal and not self._notebook:  # a pipe or file would get a stray blank line
            self.progress.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._notebook:
            if self._tasks:
                self._draw(force=True)
        elif self.progress.live.is_started:
            self.progress.stop()
