"""An output without a suffix is a folder of JSON Lines parts: one per partition, written as each is done."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import EXPLODE, write_articles

import graphkit.pipeline as pipeline
from graphkit.errors import InputError
from graphkit.models import Article, Extraction
from graphkit.registry import extractors

pytestmark = pytest.mark.usefixtures("fake_ingest")


def _articles(n: int, start: int = 0) -> list[dict]:
    return [{"id": f"n{i}", "text": f"Macron met Putin{i}."} for i in range(start, start + n)]


def _ids(folder: Path) -> dict[str, list[str]]:
    return {
        part.name: [json.loads(line)["id"] for line in part.read_text(encoding="utf-8").splitlines()]
        for part in sorted(folder.glob("part-*.jsonl"))
    }


@pytest.fixture(autouse=True)
def chunks_of_two(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "CHUNK", 2)


def test_one_part_per_partition_with_the_records_of_one_file(tmp_path: Path) -> None:
    source = write_articles(tmp_path / "in.jsonl", *_articles(5))
    report = pipeline.run_extract(
        [source], [tmp_path / "parts", tmp_path / "all.jsonl"], pipeline="any", extractor="fake"
    )
    assert _ids(tmp_path / "parts") == {
        "part-00000.jsonl": ["n0", "n1"],
        "part-00001.jsonl": ["n2", "n3"],
        "part-00002.jsonl": ["n4"],
    }
    joined = b"".join(p.read_bytes() for p in sorted((tmp_path / "parts").iterdir()))
    assert joined == (tmp_path / "all.jsonl").read_bytes()
    assert report.articles == 5 and report.out == tmp_path / "parts"


def test_a_partition_without_an_extraction_gets_an_empty_part(tmp_path: Path) -> None:
    failing = [{"id": "x0", "text": EXPLODE}, {"id": "x1", "text": EXPLODE}]
    source = write_articles(tmp_path / "in.jsonl", *failing, *_articles(3))
    report = pipeline.run_extract([source], tmp_path / "parts", pipeline="any", extractor="fake")
    assert _ids(tmp_path / "parts") == {
        "part-00000.jsonl": [],
        "part-00001.jsonl": ["n0", "n1"],
        "part-00002.jsonl": ["n2"],
    }
    assert len(report.failures) == 2


def test_a_shorter_rerun_removes_the_parts_beyond_its_last(tmp_path: Path) -> None:
    folder = tmp_path / "parts"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    pipeline.run_extract(
        [write_articles(tmp_path / "a.jsonl", *_articles(6))], folder, pipeline="any", extractor="fake"
    )
    pipeline.run_extract(
        [write_articles(tmp_path / "b.jsonl", *_articles(3, start=10))],
        folder,
        pipeline="any",
        extractor="fake",
    )
    assert _ids(folder) == {"part-00000.jsonl": ["n10", "n11"], "part-00001.jsonl": ["n12"]}
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine\n"  # not ours: left alone


def test_a_run_that_extracts_nothing_leaves_the_parts_as_they_were(tmp_path: Path) -> None:
    folder = tmp_path / "parts"
    pipeline.run_extract(
        [write_articles(tmp_path / "a.jsonl", *_articles(3))], folder, pipeline="any", extractor="fake"
    )
    before = _ids(folder)
    source = write_articles(tmp_path / "b.jsonl", *({"id": f"x{i}", "text": EXPLODE} for i in range(3)))
    report = pipeline.run_extract([source], folder, pipeline="any", extractor="fake")
    assert not report.written and _ids(folder) == before


def test_an_interrupt_keeps_the_parts_already_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = extractors.get("fake")
    calls = iter(range(100))

    def interrupted_at_the_fourth(article: Article, *, pipeline: str) -> Extraction:
        if next(calls) == 3:
            raise KeyboardInterrupt
        return real(article, pipeline=pipeline)

    extractors.register("fake-interrupted-at-the-fourth")(interrupted_at_the_fourth)
    folder = tmp_path / "parts"
    with pytest.raises(pipeline.RunInterrupted) as caught:
        pipeline.run_extract(
            [write_articles(tmp_path / "in.jsonl", *_articles(5))],
            folder,
            pipeline="any",
            extractor="fake-interrupted-at-the-fourth",
        )
    assert _ids(folder) == {"part-00000.jsonl": ["n0", "n1"]}
    assert caught.value.parts == 1
    assert caught.value.message() == (
        f"interrupted after 3 of 4 inputs (3 extracted, 0 failed); 1 parts written to {folder}; "
        "run the same command again"
    )
    assert not [p for p in folder.iterdir() if p.suffix == ".tmp"]  # the unfinished part left nothing


def test_a_file_without_a_suffix_is_not_taken_for_a_folder(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file\n", encoding="utf-8")
    source = write_articles(tmp_path / "in.jsonl", *_articles(1))
    with pytest.raises(InputError, match="folder of JSON Lines parts, but this is a file"):
        pipeline.run_extract([source], tmp_path / "out", pipeline="any", extractor="fake")
    assert (tmp_path / "out").read_text(encoding="utf-8") == "a file\n"
