"""run_extract: failures of one input, duplicates, atomic output, counts that describe the file."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from helpers import EXPLODE, INTERRUPT, MISSING_PIPELINE, write_articles

from graphkit.errors import ModelLoadError, UnknownNameError
from graphkit.models import ContactKind, ContactStatus
from graphkit.pipeline import Failure, ProgressEvent, Stage, extract_all, run_extract

pytestmark = pytest.mark.usefixtures("fake_ingest")

MET = {"id": "a1", "text": 'Macron met Putin. Peskov said "it went well".'}
PHONED = {"id": "a2", "text": "Scholz phoned Biden. Biden visited Scholz."}


def _run(tmp_path: Path, *lines: dict | str, **options):
    source = write_articles(tmp_path / "in.jsonl", *lines)
    out = tmp_path / "out.jsonl"
    return run_extract([source], out, pipeline="any", extractor="fake", **options), out


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_counts_describe_the_written_file(tmp_path: Path) -> None:
    report, out = _run(tmp_path, MET, PHONED)
    records = _records(out)
    assert [r["id"] for r in records] == ["a1", "a2"]
    contacts = [c for r in records for c in r["contacts"]]
    assert report.articles == len(records) == 2
    assert report.actors == sum(len(r["actors"]) for r in records) == 5
    assert report.statements == sum(len(r["statements"]) for r in records) == 1
    assert report.reported == sum(not s["direct"] for r in records for s in r["statements"])
    assert report.contacts == len(contacts) == 3
    assert {k.value: n for k, n in report.contacts_by_kind.items() if n} == {
        "meeting": 1,
        "call": 1,
        "visit": 1,
    }
    assert report.contacts_by_status == {s: (3 if s is ContactStatus.OCCURRED else 0) for s in ContactStatus}
    assert list(report.contacts_by_kind) == list(ContactKind)
    assert report.ok and report.failures == ()


def test_one_failing_article_does_not_stop_the_run(tmp_path: Path) -> None:
    report, out = _run(tmp_path, MET, {"id": "bad", "text": EXPLODE}, PHONED)
    assert [r["id"] for r in _records(out)] == ["a1", "a2"]
    assert report.failures == (
        Failure(
            source=str(tmp_path / "in.jsonl"),
            article="bad",
            reason="RuntimeError: the fake extractor exploded [boom]",
        ),
    )
    assert not report.ok and report.articles == 2


def test_unreadable_input_is_a_failure_with_its_line(tmp_path: Path) -> None:
    report, out = _run(tmp_path, MET, "{not json", PHONED)
    assert [r["id"] for r in _records(out)] == ["a1", "a2"]
    (failure,) = report.failures
    assert (failure.source, failure.line, failure.article) == (str(tmp_path / "in.jsonl"), 2, None)
    assert failure.reason.startswith("not an article")


def test_a_repeated_id_is_a_failure_naming_both_sources(tmp_path: Path) -> None:
    write_articles(tmp_path / "other.jsonl", {"id": "a1", "text": "Scholz met Macron."})
    source = write_articles(tmp_path / "in.jsonl", MET, PHONED)
    out = tmp_path / "out.jsonl"
    report = run_extract([source, tmp_path / "other.jsonl"], out, pipeline="any", extractor="fake")
    records = _records(out)
    assert [r["id"] for r in records] == ["a1", "a2"]
    assert records[0]["contacts"][0]["evidence"]["text"] == "Macron met Putin"  # the first one stays
    (failure,) = report.failures
    assert (failure.source, failure.article) == (str(tmp_path / "other.jsonl"), "a1")
    assert f"article id 'a1' is already the id of the article from {source}" in failure.reason
    assert report.articles == 2 and not report.ok


def test_rerun_overwrites_with_identical_bytes(tmp_path: Path) -> None:
    _, out = _run(tmp_path, MET, PHONED)
    first = out.read_bytes()
    _, out = _run(tmp_path, MET, PHONED)
    assert out.read_bytes() == first
    assert len(_records(out)) == 2


def test_unknown_suffix_fails_before_writing(tmp_path: Path) -> None:
    source = write_articles(tmp_path / "in.jsonl", MET)
    with pytest.raises(
        UnknownNameError, match=r"unknown output suffix '\.xlsx'; known: \.csv, \.gexf, \.graphml"
    ):
        run_extract([source], tmp_path / "out.xlsx", pipeline="any", extractor="fake")
    assert not (tmp_path / "out.xlsx").exists()


def test_unknown_extractor_lists_the_known_ones(tmp_path: Path) -> None:
    source = write_articles(tmp_path / "in.jsonl", MET)
    with pytest.raises(UnknownNameError, match=r"unknown extractor 'nope'; known: .*fake.*rules"):
        run_extract([source], tmp_path / "out.jsonl", pipeline="any", extractor="nope")


def test_missing_pipeline_stops_the_run_and_keeps_the_old_output(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    source = write_articles(tmp_path / "in.jsonl", MET)
    with pytest.raises(ModelLoadError, match=MISSING_PIPELINE):
        run_extract([source], out, pipeline=MISSING_PIPELINE, extractor="fake")
    assert out.read_text(encoding="utf-8") == "previous\n"


def test_progress_is_reported_for_every_input(tmp_path: Path) -> None:
    events: list[ProgressEvent] = []
    _run(tmp_path, MET, "{not json", PHONED, progress=events.append)
    extracting = [(e.done, e.total) for e in events if e.stage is Stage.EXTRACTING]
    assert extracting == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_no_warning_without_duplicates(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _run(tmp_path, MET, PHONED)


def test_extract_all_returns_extractions_and_warns_about_failures(tmp_path: Path) -> None:
    source = write_articles(tmp_path / "in.jsonl", MET, "not json", {"id": "bad", "text": EXPLODE}, PHONED)
    with pytest.warns(UserWarning) as caught:
        extractions = extract_all([source], pipeline="any", extractor="fake")
    assert [e.article.id for e in extractions] == ["a1", "a2"]
    assert [len(e.contacts) for e in extractions] == [1, 2]
    messages = [str(w.message) for w in caught]  # in input order
    assert len(messages) == 2
    assert messages[0].startswith(f"skipped {source}, line 2: not an article")
    assert messages[1] == "skipped bad: RuntimeError: the fake extractor exploded [boom]"


def test_extract_all_raises_when_the_pipeline_is_missing(tmp_path: Path) -> None:
    source = write_articles(tmp_path / "in.jsonl", MET)
    with pytest.raises(ModelLoadError):
        extract_all([source], pipeline=MISSING_PIPELINE, extractor="fake")


# --- keeping what was done -----------------------------------------------------------------------------


def test_nothing_extracted_leaves_the_old_output_and_store_alone(tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    out.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n", encoding="utf-8")
    before = out.read_bytes()
    source = write_articles(tmp_path / "in.jsonl", "{broken", {"id": "bad", "text": EXPLODE})
    store = tmp_path / "store"
    report = run_extract([source], out, pipeline="any", extractor="fake", store=store)
    assert not report.written and report.articles == 0 and len(report.failures) == 2
    assert out.read_bytes() == before
    assert not store.exists()  # a store is only created to hold something
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.ttl"]  # no temporary file left


def test_too_long_articles_are_failures_that_name_the_limit(tmp_path: Path) -> None:
    long = {"id": "long", "text": "Macron met Putin. " * 10}
    report, out = _run(tmp_path, MET, long, max_chars=100)
    assert [r["id"] for r in _records(out)] == ["a1"]
    (failure,) = report.failures
    assert failure.article == "long"
    assert failure.reason == (
        "the article has 180 characters, more than the limit of 100; split it into several articles or raise "
        "--max-chars"
    )


def test_failures_file_has_one_line_per_failure(tmp_path: Path) -> None:
    failures = tmp_path / "failed.jsonl"
    report, _ = _run(tmp_path, MET, "{broken", {"id": "bad", "text": EXPLODE}, failures=failures)
    lines = [json.loads(line) for line in failures.read_text(encoding="utf-8").splitlines()]
    assert [Failure.model_validate(line) for line in lines] == list(report.failures)
    assert [(f["line"], f["article"]) for f in lines] == [(2, None), (None, "bad")]
    _run(tmp_path, MET, failures=failures)
    assert failures.read_text(encoding="utf-8") == ""  # a clean rerun says there were none


def test_the_store_is_written_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from graphkit.rdf import load

    batches: list[list[str]] = []
    real = load.StoreWriter.replace

    def spy(self, extractions):  # type: ignore[no-untyped-def]
        batches.append([e.article.id for e in extractions])
        real(self, extractions)

    monkeypatch.setattr(load.StoreWriter, "replace", spy)
    articles = [{"id": f"n{i}", "text": f"Macron met Putin{i}."} for i in range(5)]
    report, _ = _run(tmp_path, *articles, store=tmp_path / "store", store_batch=2)
    assert batches == [["n0", "n1"], ["n2", "n3"], ["n4"]]
    assert report.events == 5


def test_an_interrupt_says_what_was_done_and_writes_no_file(tmp_path: Path) -> None:
    import graphkit.pipeline as pipeline

    # the fake extractor is interrupted (as by Ctrl-C) at the fourth article
    articles = [{"id": f"n{i}", "text": f"Macron met Putin{i}." + INTERRUPT * (i == 3)} for i in range(5)]
    source = write_articles(tmp_path / "in.jsonl", *articles, "{broken")
    out = tmp_path / "out.jsonl"
    with pytest.raises(pipeline.RunInterrupted) as caught:
        run_extract([source], out, pipeline="any", extractor="fake", store=tmp_path / "store", store_batch=2)
    err = caught.value
    assert (err.total, err.extracted, err.failed, err.stored) == (6, 3, 0, 2)
    assert isinstance(err, KeyboardInterrupt)
    assert err.message() == (
        "interrupted after 3 of 6 inputs (3 extracted, 0 failed); 2 articles are committed to the store; "
        f"{out} not written (left as they were); run the same command again"
    )
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "store"]


def test_an_id_is_taken_even_when_its_first_article_failed(tmp_path: Path) -> None:
    report, out = _run(tmp_path, {"id": "a1", "text": EXPLODE}, MET)
    assert not out.exists() and not report.written  # the second a1 is not extracted in the first one's place
    exploded, repeated = report.failures
    assert exploded.reason.startswith("RuntimeError")
    assert repeated.article == "a1" and repeated.reason.startswith("article id 'a1' is already the id")
