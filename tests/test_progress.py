"""Progress: each stage of a run is told to the callback, and the progress bar keeps one line per stage."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from helpers import EXPLODE, write_articles
from rich.console import Console
from typer.testing import CliRunner

import graphkit.pipeline as pipeline
from graphkit._progress import ProgressBar
from graphkit.cli import app
from graphkit.pipeline import ProgressEvent, Stage

pytestmark = pytest.mark.usefixtures("fake_ingest")


def _articles(n: int) -> list[dict]:
    return [{"id": f"n{i}", "text": f"Macron met Putin{i}."} for i in range(n)]


def test_a_run_tells_every_stage_in_order(tmp_path: Path) -> None:
    source = write_articles(tmp_path / "in.jsonl", *_articles(3))
    events: list[ProgressEvent] = []
    pipeline.run_extract(
        [source],
        [tmp_path / "out.jsonl", tmp_path / "out.nt"],
        pipeline="any",
        extractor="fake",
        store=tmp_path / "store",
        store_batch=2,
        progress=events.append,
    )
    assert [e for e in events if e.stage is not Stage.EXTRACTING] == [
        ProgressEvent(Stage.LOADING, 0, 1),
        ProgressEvent(Stage.LOADING, 1, 1),
        ProgressEvent(Stage.STORING, 2, detail=str(tmp_path / "store")),
        ProgressEvent(Stage.STORING, 3, detail=str(tmp_path / "store")),
        ProgressEvent(Stage.WRITING, 0, 2, detail=str(tmp_path / "out.jsonl")),
        ProgressEvent(Stage.WRITING, 1, 2, detail=str(tmp_path / "out.nt")),
        ProgressEvent(Stage.WRITING, 2, 2),
        ProgressEvent(Stage.COUNTING, 0, 1, detail="the store"),
        ProgressEvent(Stage.COUNTING, 1, 1),
    ]
    assert [(e.done, e.total) for e in events if e.stage is Stage.EXTRACTING][-1] == (3, 3)


def test_extract_all_tells_the_callback_done_and_total(tmp_path: Path) -> None:
    source = write_articles(tmp_path / "in.jsonl", *_articles(2), {"id": "bad", "text": EXPLODE})
    events: list[ProgressEvent] = []
    with pytest.warns(UserWarning, match="skipped bad"):
        extractions = pipeline.extract_all([source], extractor="fake", progress=events.append)
    assert len(extractions) == 2
    counted = [(e.done, e.total) for e in events if e.stage is Stage.EXTRACTING]
    assert counted == [(0, 3), (1, 3), (2, 3), (3, 3)]  # the failure counts as done too


def test_a_bar_when_asked_is_quiet_where_stderr_is_no_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_articles(tmp_path / "in.jsonl", *_articles(2))
    assert len(pipeline.extract_all([source], extractor="fake", progress=True)) == 2
    assert capsys.readouterr().err == ""


def test_the_bar_keeps_one_line_per_stage() -> None:
    bar = ProgressBar(Console(file=io.StringIO()))
    for event in (
        ProgressEvent(Stage.EXTRACTING, 0, None, read=64),  # read before the pipeline loads
        ProgressEvent(Stage.LOADING, 0, 1),
        ProgressEvent(Stage.LOADING, 1, 1),
        ProgressEvent(Stage.EXTRACTING, 0, None, read=64),
        ProgressEvent(Stage.EXTRACTING, 40, None, read=128),
        ProgressEvent(Stage.STORING, 50, detail="[store]"),
        ProgressEvent(Stage.EXTRACTING, 100, 150, read=150),
    ):
        bar(event)
    tasks = {task.description.split(" ")[0]: task for task in bar.progress.tasks}
    assert list(tasks) == ["loading", "extracting", "writing"]  # loading comes first all the same
    assert [(t.completed, t.total) for t in tasks.values()] == [(1, 1), (100, 150), (50, None)]
    assert tasks["writing"].description == "writing the store: \\[store]"  # markup in a path is escaped
    bar(ProgressEvent(Stage.EXTRACTING, 60, None, read=200))
    assert tasks["extracting"].description == "extracting (200 read so far)"


def test_in_a_notebook_the_bar_is_shown_as_text_under_the_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    class Handle:
        def update(self, data: dict[str, str], raw: bool) -> None:
            shown.append(data["text/plain"])

    def display(data: dict[str, str], raw: bool, display_id: bool) -> Handle:
        shown.append(data["text/plain"])
        return Handle()

    monkeypatch.setattr("IPython.display.display", display)
    monkeypatch.setattr("rich.console._is_jupyter", lambda: True)  # every console made now thinks so
    with ProgressBar() as bar:
        bar(ProgressEvent(Stage.LOADING, 0, 1))
        bar(ProgressEvent(Stage.LOADING, 1, 1))
        bar(ProgressEvent(Stage.EXTRACTING, 0, 3, read=3))
        bar(ProgressEvent(Stage.EXTRACTING, 3, 3, read=3))
    assert "loading the pipeline" in shown[0] and "0/1" in shown[0]  # the bar's text, not rich's own output
    assert "extracting" in shown[-1] and "3/3" in shown[-1]


@pytest.mark.parametrize(("options", "shown"), [((), False), (("--progress",), True)])
def test_the_command_shows_the_bar_off_a_terminal_only_when_asked(
    tmp_path: Path, options: tuple[str, ...], shown: bool
) -> None:
    source = write_articles(tmp_path / "in.jsonl", *_articles(6))
    result = CliRunner().invoke(
        app, ["extract", str(source), "--out", str(tmp_path / "out.jsonl"), "--extractor", "fake", *options]
    )
    assert result.exit_code == 0, result.output
    assert ("6/6" in result.stderr) is shown


def test_the_rate_is_the_average_since_the_first_results(monkeypatch: pytest.MonkeyPatch) -> None:
    import graphkit._progress as progress

    now = [100.0]
    monkeypatch.setattr(progress.time, "monotonic", lambda: now[0])
    bar = ProgressBar(Console(file=io.StringIO()))
    bar(ProgressEvent(Stage.LOADING, 1, 1))
    bar(ProgressEvent(Stage.EXTRACTING, 64, 400))  # a worker hands back its first chunk at once
    assert progress.average_rate(bar.progress.tasks[1]) is None  # nothing to average over yet
    now[0] = 110.0
    bar(ProgressEvent(Stage.EXTRACTING, 192, 400))
    task = bar.progress.tasks[1]
    assert progress.average_rate(task) == pytest.approx(12.8)  # (192 - 64) articles in 10 s
    assert str(progress.TimeLeft().render(task)) == "0:00:16 left"  # 208 more at 12.8 a second
