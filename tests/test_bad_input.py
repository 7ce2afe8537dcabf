"""The bad-input corpus (tests/fixtures/bad/expected.yaml): each bad input is read or named, never dropped."""

from __future__ import annotations

import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphkit.errors import InputError
from graphkit.ingest import EncodingGuessWarning, read_articles
from graphkit.models import Article
from graphkit.pipeline import run_extract

BAD = Path(__file__).parent / "fixtures" / "bad"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))


def _read_folder() -> dict[str, list[Article | InputError]]:
    """What reading the whole folder yields, by file (relative to the folder)."""
    by_file: dict[str, list[Article | InputError]] = defaultdict(list)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EncodingGuessWarning)
        for item in read_articles([BAD]):
            source = item.source or ""
            by_file[Path(source).relative_to(BAD).as_posix()].append(item)
    return by_file


READ = _read_folder()


def test_every_file_of_the_corpus_has_an_expectation() -> None:
    files = {
        p.relative_to(BAD).as_posix() for p in BAD.rglob("*") if p.is_file() and p.name != "expected.yaml"
    }
    assert files == set(EXPECTED)
    assert set(READ) == set(EXPECTED)  # and every one of them was read or named


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reading(name: str) -> None:
    expected = EXPECTED[name]["read"]
    items = READ[name]
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(articles) == len(expected.get("articles", [])), items
    for article, want in zip(articles, expected.get("articles", []), strict=True):
        assert article.id == want["id"]
        if "encoding" in want:
            assert article.encoding == want["encoding"]
        assert want.get("contains", "") in article.text
        assert not article.text.startswith("\ufeff")
    if "error" in expected:
        (error,) = errors
        assert expected["error"] in error.reason
        assert error.line == expected["line"]
    else:
        assert errors == []


def test_a_guessed_encoding_is_named_in_a_warning() -> None:
    with pytest.warns(EncodingGuessWarning, match=r"latin1\.txt: not UTF-8; read as cp1252 \(detected\)"):
        (article,) = read_articles([BAD / "latin1.txt"])
    assert isinstance(article, Article) and article.encoding == "cp1252"


def test_extracting_the_corpus_names_every_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD.parents[2])  # sources as a user in the project folder would give them
    out = tmp_path / "out.jsonl"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        report = run_extract(["tests/fixtures/bad"], out, pipeline="any", extractor="fake", max_chars=1000)
    failed: dict[str, list[str]] = defaultdict(list)
    for failure in report.failures:
        failed[Path(failure.source or "").relative_to("tests/fixtures/bad").as_posix()].append(failure.reason)
    for name, case in EXPECTED.items():
        reasons = failed.pop(name, [])
        wanted = [case["read"]["error"]] if "error" in case["read"] else []
        wanted += [case["extract"]] if "extract" in case else []
        assert len(reasons) == len(wanted), (name, reasons)
        for reason, want in zip(reasons, wanted, strict=True):
            assert want in reason, (name, reason)
    assert not failed
    articles = sum(len(c["read"].get("articles", [])) for c in EXPECTED.values())
    assert report.articles == articles - sum("extract" in c for c in EXPECTED.values())


# --- reading what extract wrote ------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".jsonl", ".ttl", ".nt", ".trig", ".nq", ".jsonld"])
def test_every_format_extract_writes_is_read_back(suffix: str, extraction: Any, tmp_path: Path) -> None:
    from graphkit.network import load_extractions
    from graphkit.registry import exporters

    path = tmp_path / f"out{suffix}"
    exporters.get(suffix)([extraction], path)
    (back,) = load_extractions(path)
    assert back.article.id == extraction.article.id
    assert len(back.contacts) == len(extraction.contacts) == 2  # named graphs are not dropped


def test_a_remote_json_ld_context_is_refused_not_fetched(tmp_path: Path) -> None:
    from graphkit.rdf.shacl import load_graph

    path = tmp_path / "remote.jsonld"
    path.write_text('{"@context": "http://127.0.0.1:9/context.jsonld", "@id": "urn:x:a"}', encoding="utf-8")
    with pytest.raises(InputError, match=r"names its @context by address \('http://127\.0\.0\.1:9/"):
        load_graph(path)
    nested = tmp_path / "nested.jsonld"
    nested.write_text('{"@graph": [{"@context": [{"@import": "http://127.0.0.1:9/c"}]}]}', encoding="utf-8")
    with pytest.raises(InputError, match="by address"):
        load_graph(nested)


# --- arbitrary bytes -----------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=200).map(lambda t: t.encode("utf-16")),
        st.text(max_size=200).map(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
        st.text(max_size=200).map(lambda t: t.encode("cp1252", errors="ignore")),
    ),
    suffix=st.sampled_from([".txt", ".md", ".json", ".jsonl"]),
)
def test_arbitrary_bytes_give_articles_or_named_errors(data: bytes, suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        items = list(read_articles([path]))
    for item in items:
        assert isinstance(item, Article | InputError)
        if isinstance(item, InputError):
            assert item.source == str(path) and item.reason
        else:
            assert item.text.strip() and not item.text.startswith("\ufeff")
