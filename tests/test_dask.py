"""Extraction on a Dask cluster gives the records of a run in one process; errors say what to do."""

from __future__ import annotations

import datetime as dt
import json
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import write_articles
from typer.testing import CliRunner

import graphkit.pipeline as pipeline
from graphkit.cli import app
from graphkit.errors import GraphkitError, ModelLoadError

distributed = pytest.importorskip("distributed")

pytestmark = [pytest.mark.usefixtures("fake_ingest"), pytest.mark.filterwarnings("ignore::UserWarning")]

# Sentences of our own, with dates and a quotation, so that the workers' extractions have content.
TEXTS = [
    "Emmanuel Macron met Olaf Scholz in Berlin on Monday.",
    'Joe Biden phoned Fumio Kishida on Tuesday. "We spoke about trade," Biden said.',
    "The Indian Prime Minister will visit Japan next week.",
    "Nothing happened here at all.",
    "Sergey Lavrov held talks with Wang Yi. He said the talks were useful.",
]
PUBLISHED = dt.date(2024, 3, 13)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two worker processes, one thread each, as `dask worker --nworkers 2 --nthreads 1` would start."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


@pytest.fixture
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(pipeline, "CHUNK", 2)  # several partitions, so both workers get some
    monkeypatch.setattr(pipeline, "TASK", 1)  # cut into tasks of one article, joined back by partition
    lines = [{"id": f"t{i}", "text": text} for i, text in enumerate(TEXTS)]
    return write_articles(tmp_path / "in.jsonl", *lines, "{not json")


def _lines(*paths: Path) -> list[str]:
    return sorted(line for path in paths for line in path.read_text(encoding="utf-8").splitlines())


def test_a_cluster_writes_the_records_of_one_process(tmp_path: Path, source: Path, cluster: Any) -> None:
    serial = pipeline.run_extract(
        [source], tmp_path / "one.jsonl", pipeline="en_core_web_sm", published=PUBLISHED
    )
    report = pipeline.run_extract(
        [source],
        [tmp_path / "parts", tmp_path / "all.jsonl"],
        pipeline="en_core_web_sm",
        published=PUBLISHED,
        scheduler=cluster.scheduler_address,
    )
    parts = sorted((tmp_path / "parts").iterdir())
    assert [p.name for p in parts] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    assert _lines(*parts) == _lines(tmp_path / "one.jsonl") and len(_lines(*parts)) == len(TEXTS)
    assert (tmp_path / "all.jsonl").read_bytes() == (
        tmp_path / "one.jsonl"
    ).read_bytes()  # the same order too
    assert sum(len(json.loads(line)["contacts"]) for line in _lines(*parts)) >= 3
    unchanged = {"out": None, "also": ()}
    assert report.model_copy(update=unchanged) == serial.model_copy(update=unchanged)
    assert [f.line for f in report.failures] == [len(TEXTS) + 1]


def test_each_worker_loads_the_pipeline_once(tmp_path: Path, source: Path, cluster: Any) -> None:
    def loads() -> int:
        from graphkit.nlp import parser_for_articles

        return parser_for_articles.cache_info().misses

    runs = []
    with distributed.Client(cluster) as client:
        for _ in range(2):
            pipeline.run_extract(
                [source],
                tmp_path / "out.jsonl",
                pipeline="en_core_web_sm",
                scheduler=cluster.scheduler_address,
            )
            runs.append(client.run(loads))
    assert len(runs[0]) == 2 and min(runs[0].values()) >= 1  # both workers loaded it
    assert runs[1] == runs[0]  # and kept it: the second run loaded nothing


def test_progress_tells_when_the_workers_have_loaded(tmp_path: Path, source: Path, cluster: Any) -> None:
    events: list[pipeline.ProgressEvent] = []
    pipeline.run_extract(
        [source],
        tmp_path / "out.jsonl",
        pipeline="en_core_web_sm",
        scheduler=cluster.scheduler_address,
        progress=events.append,
    )
    stages = [e.stage for e in events]
    assert [(e.done, e.total) for e in events if e.stage is pipeline.Stage.LOADING] == [(0, 2), (2, 2)]
    assert stages.index(pipeline.Stage.LOADING) < stages.index(pipeline.Stage.EXTRACTING)
    assert events[-1] == pipeline.ProgressEvent(pipeline.Stage.WRITING, 1, 1)


def test_a_pipeline_missing_on_the_workers_stops_the_run_and_keeps_the_output(
    tmp_path: Path, source: Path, cluster: Any
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    with pytest.raises(ModelLoadError, match="no_such_pipeline"):
        pipeline.run_extract([source], out, pipeline="no_such_pipeline", scheduler=cluster.scheduler_address)
    assert out.read_text(encoding="utf-8") == "previous\n"


def test_an_address_that_is_not_a_scheduler_is_an_error_that_says_so(tmp_path: Path, source: Path) -> None:
    with pytest.raises(
        GraphkitError,
        match=r"cannot reach the Dask scheduler at http://127\.0\.0\.1:9: unknown address scheme",
    ):
        pipeline.run_extract([source], tmp_path / "out.jsonl", pipeline="any", scheduler="http://127.0.0.1:9")


def test_an_unreachable_scheduler_is_an_error_that_says_so(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graphkit._cluster as dask_cluster

    monkeypatch.setattr(dask_cluster, "CONNECT_TIMEOUT", 1)
    with pytest.raises(GraphkitError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"):
        pipeline.run_extract([source], tmp_path / "out.jsonl", pipeline="any", scheduler="tcp://127.0.0.1:9")
    assert not (tmp_path / "out.jsonl").exists()


def test_the_command_with_local_dask_workers_writes_parts_like_jobs_1(tmp_path: Path, source: Path) -> None:
    runner = CliRunner()
    common = ["extract", str(source), "--published", "2024-03-13", "--quiet"]
    serial = runner.invoke(app, [*common, "--out", str(tmp_path / "one.jsonl")])
    dask = runner.invoke(app, [*common, "--out", str(tmp_path / "parts"), "--dask-workers", "2"])
    assert serial.exit_code == dask.exit_code == 1, dask.output  # 1: the line that is not JSON
    assert _lines(*(tmp_path / "parts").iterdir()) == _lines(tmp_path / "one.jsonl")


def test_workers_that_die_are_an_error_that_says_so() -> None:
    import graphkit._cluster as dask_cluster

    class Lost:
        """A task whose workers died, as distributed reports it."""

        key = "graphkit-0f0f0f0f-3"

        def result(self) -> object:
            worker = types.SimpleNamespace(address="tcp://127.0.0.1:40000")  # what the scheduler knew of it
            raise distributed.KilledWorker(self.key, worker, 3)

    with pytest.raises(GraphkitError, match="the Dask workers that took task graphkit-0f0f0f0f-3 died"):
        dask_cluster.collected(["a chunk"], Lost())  # type: ignore[arg-type]  # a stand-in for a Future
