"""run_extract streams: it reads a chunk (and one article ahead), extracts and writes it, then reads on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import fake_extract

import graphkit.pipeline as pipeline
from graphkit import ingest
from graphkit.errors import InputError
from graphkit.models import Article, Extraction
from graphkit.registry import extractors

ARTICLES = [Article(id=f"n{i}", text=f"Macron met Putin{i}.") for i in range(5)]


@pytest.fixture
def reading(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Chunks of two; the ids of the articles read so far, as the run reads them."""
    read: list[str] = []

    def read_articles(inputs: object, **options: object) -> Iterator[Article | InputError]:
        for article in ARTICLES:
            read.append(article.id)
            yield article

    monkeypatch.setattr(ingest, "read_articles", read_articles)
    monkeypatch.setattr(pipeline, "CHUNK", 2)
    return read


def test_each_chunk_is_extracted_before_the_next_is_read(tmp_path: Path, reading: list[str]) -> None:
    read_when_extracted: dict[str, int] = {}

    @extractors.register("counting")
    def counting(article: Article, *, pipeline: str) -> Extraction:
        read_when_extracted[article.id] = len(reading)
        return fake_extract(article, pipeline=pipeline)

    out = tmp_path / "out.jsonl"
    pipeline.run_extract(["-"], out, pipeline="any", extractor="counting")
    # one article is read ahead, so the run knows when it has read the last chunk
    assert read_when_extracted == {"n0": 3, "n1": 3, "n2": 5, "n3": 5, "n4": 5}
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        a.id for a in ARTICLES
    ]


def test_progress_counts_as_it_reads_and_knows_the_total_once_all_is_read(
    tmp_path: Path, reading: list[str]
) -> None:
    events: list[pipeline.ProgressEvent] = []
    pipeline.run_extract(
        ["-"], tmp_path / "out.jsonl", pipeline="any", extractor="fake", progress=events.append
    )
    extracting = [(e.done, e.total, e.read) for e in events if e.stage is pipeline.Stage.EXTRACTING]
    assert extracting == [
        (0, None, 2),
        (1, None, 2),
        (2, None, 2),
        (2, None, 4),
        (3, None, 4),
        (4, None, 4),
        (4, 5, 5),  # the last chunk: nothing is left to read
        (5, 5, 5),
    ]


def test_jobs_below_one_are_refused(tmp_path: Path, reading: list[str]) -> None:
    with pytest.raises(ValueError, match="jobs must be at least 1, not 0"):
        pipeline.run_extract(["-"], tmp_path / "out.jsonl", pipeline="any", extractor="fake", jobs=0)
    assert not (tmp_path / "out.jsonl").exists()
