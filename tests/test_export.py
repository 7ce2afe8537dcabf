"""graphkit export: from files or a store back to every format, and the errors that name what is wrong."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphkit import rdf
from graphkit.cli import app
from graphkit.errors import InputError
from graphkit.export import export, read_sources
from graphkit.models import Extraction
from graphkit.network import load_extractions
from graphkit.records import export_jsonl, to_record


def _invoke(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})


@pytest.fixture
def store(extraction: Extraction, tmp_path: Path) -> Path:
    path = tmp_path / "store"
    target = rdf.open_store(path)
    try:
        rdf.add_extractions(target, [extraction])
    finally:
        target.close()
    return path


def test_a_store_back_to_records_turtle_and_the_view(
    extraction: Extraction, store: Path, tmp_path: Path
) -> None:
    outs = [tmp_path / "back.jsonl", tmp_path / "back.ttl", tmp_path / "back.html"]
    result = _invoke("export", "--store", store, *(x for o in outs for x in ("--out", o)))
    assert result.exit_code == 0, result.output
    assert result.stdout.split(" to ")[0] == "wrote 1 articles, 2 events"
    assert [to_record(e) for e in load_extractions(outs[0])] == [to_record(extraction)]
    assert [to_record(e) for e in load_extractions(outs[1])] == [to_record(extraction)]
    page = outs[2].read_text(encoding="utf-8")
    assert "Sergueï Lavrov" in page and "Vladimir Putin" in page


def test_files_back_to_a_table_and_a_graph(extraction: Extraction, tmp_path: Path) -> None:
    records = tmp_path / "x.jsonl"
    export_jsonl([extraction], records)
    result = _invoke("export", records, "--out", tmp_path / "x.gexf", "--out", tmp_path / "x.csv")
    assert result.exit_code == 0, result.output
    assert "Emmanuel Macron" in (tmp_path / "x.gexf").read_text(encoding="utf-8")
    assert len((tmp_path / "x.csv").read_text(encoding="utf-8").splitlines()) == 1 + 4  # header, 2 events x 2


def test_a_later_file_replaces_the_same_article(extraction: Extraction, tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    export_jsonl([extraction], first)
    export_jsonl([extraction.model_copy(update={"contacts": extraction.contacts[:1]})], second)
    [found] = read_sources([first, second])
    assert len(found.contacts) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give either FILE... or --store"),
        (("--out", "x.csv"), "give either FILE... or --store"),
        (("--store", "s", "{records}", "--out", "x.csv"), "give either FILE... or --store"),
        (("{records}",), "give at least one output file"),
        (("{records}", "--out", "x.xlsx"), "unknown output suffix '.xlsx'"),
    ],
)
def test_usage_errors(extraction: Extraction, tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    records = tmp_path / "x.jsonl"
    export_jsonl([extraction], records)
    result = _invoke("export", *(a.format(records=records) for a in args))
    assert result.exit_code == 2
    assert message in " ".join(result.output.replace("│", " ").split())


def test_a_missing_store_directory_is_an_error_not_an_empty_export(tmp_path: Path) -> None:
    result = _invoke("export", "--store", tmp_path / "nothing", "--out", tmp_path / "x.csv")
    assert result.exit_code == 1
    assert "no such store directory" in result.output
    assert not (tmp_path / "nothing").exists() and not (tmp_path / "x.csv").exists()
    with pytest.raises(InputError, match="no such store directory"):
        read_sources(store=tmp_path / "nothing")


def test_every_suffix_is_checked_before_writing(extraction: Extraction, tmp_path: Path) -> None:
    with pytest.raises(KeyError, match="unknown output suffix"):
        export([extraction], [tmp_path / "x.ttl", tmp_path / "x.doc"])
    assert not (tmp_path / "x.ttl").exists()


def test_query_csv_writes_lists_as_json(extraction: Extraction, tmp_path: Path) -> None:
    graph = tmp_path / "x.ttl"
    export([extraction], [graph])
    result = _invoke("query", "contacts", "Macron", "--data", graph, "--format", "csv")
    assert result.exit_code == 0, result.output
    [row] = csv.DictReader(io.StringIO(result.stdout))
    assert sorted(p["name"] for p in json.loads(row["participants"])) == ["Emmanuel Macron", "Vladimir Putin"]
    assert [(s["article"], s["text"]) for s in json.loads(row["sources"])] == [
        ("d001", "Macron phoned Putin on Tuesday")
    ]


def test_a_store_is_a_source_like_a_graph(extraction: Extraction, store: Path) -> None:
    from graphkit.network import contact_graph

    target = rdf.open_store(store)
    try:
        assert [to_record(e) for e in rdf.extractions_from_graph(target)] == [to_record(extraction)]
        graph = contact_graph(target)
    finally:
        target.close()
    assert graph.nodes["Q3052772"]["name"] == "Emmanuel Macron"
    assert graph.number_of_edges() == 2
