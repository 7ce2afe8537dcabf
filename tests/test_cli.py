"""graphkit extract: exit codes, the summary, and what ends up in the output file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import EXPLODE, MISSING_PIPELINE, write_articles
from typer.testing import CliRunner

import graphkit
from graphkit.cli import app

MET = {"id": "a1", "text": 'Macron met Putin. Peskov said "it went well".'}
PHONED = {"id": "a2", "text": "Scholz phoned Biden. Biden visited Scholz."}


def _extract(*args: str | Path):
    return CliRunner().invoke(app, ["extract", *map(str, args)], env={"COLUMNS": "200"})


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _summary(stdout: str) -> dict[str, int]:
    """The rows of the summary table, e.g. {"articles": 2, "kind: call": 1}."""
    return {what: int(n) for what, n in re.findall(r"│\s*([a-z][a-z: ]*?)\s*│\s*(\d+)\s*│", stdout)}


def _flat(text: str) -> str:
    """Terminal output with table borders and line wrapping taken out."""
    return " ".join(text.replace("│", " ").split())


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"graphkit {graphkit.__version__}\n")


@pytest.mark.usefixtures("fake_ingest")
class TestWithFakeIngest:
    def test_success_writes_the_file_and_a_summary_of_it(self, tmp_path: Path) -> None:
        source = write_articles(tmp_path / "in.jsonl", MET, PHONED)
        out = tmp_path / "out.jsonl"
        result = _extract(source, "--out", out, "--extractor", "fake")
        assert result.exit_code == 0, result.output
        records = _records(out)
        contacts = [c for r in records for c in r["contacts"]]
        summary = _summary(result.stdout)
        assert summary["articles"] == len(records) == 2
        assert summary["actors"] == sum(len(r["actors"]) for r in records)
        assert summary["contacts"] == len(contacts) == 3
        for kind in ("meeting", "call", "visit", "correspondence", "contact"):
            assert summary[f"kind: {kind}"] == sum(c["kind"] == kind for c in contacts)
        for status in ("occurred", "planned", "proposed", "negated"):
            assert summary[f"status: {status}"] == sum(c["status"] == status for c in contacts)
        assert summary["statements"] == sum(len(r["statements"]) for r in records) == 1
        statements = [s for r in records for s in r["statements"]]
        assert summary["quoted"] == sum(s["direct"] for s in statements)
        assert summary["reported speech"] == sum(not s["direct"] for s in statements)
        assert summary["failures"] == 0

    def test_rerun_gives_an_identical_file(self, tmp_path: Path) -> None:
        source = write_articles(tmp_path / "in.jsonl", MET, PHONED)
        out = tmp_path / "out.jsonl"
        assert _extract(source, "--out", out, "--extractor", "fake").exit_code == 0
        first = out.read_bytes()
        assert _extract(source, "--out", out, "--extractor", "fake").exit_code == 0
        assert out.read_bytes() == first

    def test_broken_line_exits_1_and_the_rest_is_written(self, tmp_path: Path) -> None:
        source = write_articles(tmp_path / "in.jsonl", MET, "{broken", {"id": "x", "text": EXPLODE}, PHONED)
        out = tmp_path / "out.jsonl"
        result = _extract(source, "--out", out, "--extractor", "fake")
        assert result.exit_code == 1, result.output
        assert [r["id"] for r in _records(out)] == ["a1", "a2"]
        assert _summary(result.stdout)["failures"] == 2
        assert f"{source}:2" in result.stderr and "not an article" in result.stderr
        assert "the fake extractor exploded [boom]" in result.stderr

    def test_quiet_prints_no_summary_but_still_the_failures(self, tmp_path: Path) -> None:
        source = write_articles(tmp_path / "in.jsonl", MET, "{broken")
        result = _extract(source, "--out", tmp_path / "out.jsonl", "--extractor", "fake", "--quiet")
        assert result.exit_code == 1
        assert result.stdout == ""
        assert f"{source}:2" in result.stderr

    def test_many_articles_with_a_progress_bar(self, tmp_path: Path) -> None:
        articles = [{"id": f"n{i}", "text": f"Macron met Putin {i} times."} for i in range(6)]
        source = write_articles(tmp_path / "in.jsonl", *articles)
        out = tmp_path / "out.jsonl"
        result = _extract(source, "--out", out, "--extractor", "fake")
        assert result.exit_code == 0, result.output
        assert len(_records(out)) == _summary(result.stdout)["articles"] == 6

    def test_a_repeated_id_is_a_failure(self, tmp_path: Path) -> None:
        source = write_articles(tmp_path / "in.jsonl", MET, MET)
        out = tmp_path / "out.jsonl"
        result = _extract(source, "--out", out, "--extractor", "fake")
        assert result.exit_code == 1
        assert f"article id 'a1' is already the id of the article from {source}" in _flat(result.stderr)
        assert len(_records(out)) == 1

    def test_published_is_passed_on(self, tmp_path: Path) -> None:
        source = write_articles(tmp_path / "in.jsonl", MET)
        out = tmp_path / "out.jsonl"
        result = _extract(source, "--out", out, "--extractor", "fake", "--published", "2025-07-02")
        assert result.exit_code == 0, result.output
        assert _records(out)[0]["published"] == "2025-07-02"

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--out", "{tmp}/out.xlsx"], "unknown output suffix '.xlsx'; known: .csv, .gexf, .graphml"),
            (["--out", "{tmp}/out.jsonl", "--published", "02/07/2025"], "'02/07/2025' does not match"),
            (["--out", "{tmp}/out.jsonl", "--extractor", "nope"], "unknown extractor 'nope'"),
            (["--out", "{tmp}/out.jsonl", "--pipeline", MISSING_PIPELINE], f"'{MISSING_PIPELINE}' is not"),
            (["--out", "{tmp}/out.jsonl", "--jobs", "2", "--dask-workers", "2"], "give only one of --jobs"),
        ],
        ids=["suffix", "published", "extractor", "pipeline", "two-ways-to-run-in-parallel"],
    )
    def test_usage_errors_exit_2(self, tmp_path: Path, args: list[str], message: str) -> None:
        source = write_articles(tmp_path / "in.jsonl", MET)
        result = _extract(source, "--extractor", "fake", *(a.format(tmp=tmp_path) for a in args))
        assert result.exit_code == 2, result.output
        assert message in " ".join(result.stderr.replace("│", " ").split())
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]  # nothing written

    def test_no_inputs_exit_2(self, tmp_path: Path) -> None:
        result = _extract("--out", tmp_path / "out.jsonl")
        assert result.exit_code == 2
        assert "Missing argument 'INPUT'" in result.stderr


def test_with_the_real_reader(tmp_path: Path) -> None:
    """End to end through graphkit.ingest: a broken line fails alone."""
    pytest.importorskip("graphkit.ingest", reason="graphkit.ingest is not written yet")
    source = write_articles(
        tmp_path / "in.jsonl",
        {**MET, "published": "2025-07-02"},
        "{broken",
        {**PHONED, "published": "2025-07-02"},
    )
    out = tmp_path / "out.jsonl"
    result = _extract(source, "--out", out, "--extractor", "fake")
    assert result.exit_code == 1, result.output
    assert [r["id"] for r in _records(out)] == ["a1", "a2"]
    assert _summary(result.stdout)["failures"] == 1
    assert "in.jsonl:2" in result.stderr


def test_bad_actors_file_is_a_usage_error_naming_its_line(tmp_path: Path) -> None:
    actors = tmp_path / "actors.csv"
    actors.write_text("id,type,name,country\nx,person,Somebody,NOT-A-CODE\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Published: 2024-01-01\n\nNothing here.", encoding="utf-8")
    result = _extract(article, "--out", tmp_path / "out.jsonl", "--actors", actors)
    assert result.exit_code == 2
    assert "actors.csv:2" in result.output
    assert not (tmp_path / "out.jsonl").exists()


def test_several_outputs_from_one_run(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Published: 2024-01-01\n\nNothing here.", encoding="utf-8")
    jsonl, ttl = tmp_path / "out.jsonl", tmp_path / "out.ttl"
    result = _extract(article, "--out", jsonl, "--out", ttl, "--extractor", "fake")
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in _records(jsonl)] == ["a"]
    assert "<https://w3id.org/graphkit/id/article/a>" in ttl.read_text(encoding="utf-8")


@pytest.mark.usefixtures("fake_ingest")
class TestKeepingOutput:
    def test_nothing_extracted_exits_1_and_keeps_the_file(self, tmp_path: Path) -> None:
        out = tmp_path / "out.jsonl"
        out.write_text('{"id": "old"}\n', encoding="utf-8")
        source = write_articles(tmp_path / "in.jsonl", "{broken")
        result = _extract(source, "--out", out, "--extractor", "fake")
        assert result.exit_code == 1
        assert f"no article was extracted; {out} left as it was" in _flat(result.stderr)
        assert f"{source}:1" in result.stderr
        assert out.read_text(encoding="utf-8") == '{"id": "old"}\n'

    def test_failures_file_and_limits(self, tmp_path: Path) -> None:
        source = write_articles(tmp_path / "in.jsonl", MET, {"id": "long", "text": "x" * 50})
        failures = tmp_path / "failures.jsonl"
        args = ["--out", tmp_path / "out.jsonl", "--extractor", "fake", "--max-chars", "49"]
        result = _extract(source, *args, "--failures", failures)
        assert result.exit_code == 1
        (line,) = [json.loads(x) for x in failures.read_text(encoding="utf-8").splitlines()]
        assert line["article"] == "long" and "more than the limit of 49" in line["reason"]

    def test_a_future_publication_date_is_refused(self, tmp_path: Path) -> None:
        source = write_articles(tmp_path / "in.jsonl", MET)
        result = _extract(source, "--out", tmp_path / "out.jsonl", "--published", "2999-01-01")
        assert result.exit_code == 2
        assert "2999-01-01 is in the future" in _flat(result.stderr)
        assert not (tmp_path / "out.jsonl").exists()

    def test_control_characters_do_not_reach_the_terminal(self, tmp_path: Path) -> None:
        source = write_articles(tmp_path / "in.jsonl", {"id": "evil\x1b]0;owned\x07\x1b[2J", "text": EXPLODE})
        result = _extract(source, "--out", tmp_path / "out.jsonl", "--extractor", "fake")
        assert result.exit_code == 1
        assert "\x1b" not in result.stderr and "\x07" not in result.stderr
        assert "evil" in result.stderr


def test_query_of_a_mistyped_store_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["query", "met", "--store", str(tmp_path / "stroe")])
    assert result.exit_code == 1
    assert f"no Oxigraph store at {tmp_path / 'stroe'}" in _flat(result.stderr)
    assert not (tmp_path / "stroe").exists()


def test_query_reads_a_store_while_it_is_open_for_writing(tmp_path: Path) -> None:
    from graphkit.rdf import OxigraphStore

    writer = OxigraphStore(tmp_path / "store")  # holds the write lock, as a running extract does
    try:
        result = CliRunner().invoke(app, ["query", "met", "--store", str(tmp_path / "store"), "-f", "json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == []
    finally:
        writer.close()
