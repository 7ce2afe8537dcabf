"""Every graph the pipeline writes parses in independent parsers (rapper, Oxigraph) and conforms to SHACL."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import CALLS, DEV_TEXTS, RUN, SEED, Extract
from rdflib import URIRef
from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.rdf import extractions_from_graph, serialize, to_graph, validate
from graphkit.rdf.namespace import GK
from graphkit.rdf.shacl import load_graph


def _dev_articles(extract: Extract):
    if not DEV_TEXTS.is_dir():
        pytest.skip(f"{DEV_TEXTS} is absent")
    return extract(DEV_TEXTS)


@pytest.mark.parametrize("fmt", ["turtle", "nt", "trig", "nquads"])
def test_oxigraph_parses_our_output(fmt: str, extract: Extract) -> None:
    import pyoxigraph

    dataset = to_graph(extract(SEED, CALLS / "call_a.txt", CALLS / "call_b.txt"), RUN)
    mime = {
        "turtle": "text/turtle",
        "nt": "application/n-triples",
        "trig": "application/trig",
        "nquads": "application/n-quads",
    }
    store = pyoxigraph.Store()
    store.load(
        serialize(dataset, fmt).encode("utf-8"), format=pyoxigraph.RdfFormat.from_media_type(mime[fmt])
    )
    expected = (
        len(set(dataset.triples((None, None, None))))
        if fmt in ("turtle", "nt")
        else len(list(dataset.quads()))
    )
    assert len(store) == expected


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (Debian raptor2-utils) is not installed")
@pytest.mark.corpus
def test_rapper_parses_the_seed_and_the_dev_corpus(tmp_path: Path, extract: Extract) -> None:
    dataset = to_graph((*extract(SEED), *_dev_articles(extract)), RUN)
    path = tmp_path / "all.ttl"
    path.write_text(serialize(dataset, "turtle"), encoding="utf-8")
    done = subprocess.run(
        ["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert f"returned {len(set(dataset.triples((None, None, None))))} triples" in done.stderr


@pytest.mark.corpus
def test_seed_and_dev_corpus_conform_to_the_shapes(extract: Extract) -> None:
    result = validate(to_graph((*extract(SEED), *_dev_articles(extract)), RUN))
    assert result.conforms, result.report


def test_shapes_catch_a_broken_graph(extract: Extract) -> None:
    dataset = to_graph(extract(SEED), RUN)
    report = next(dataset.subjects(GK.contactKind, GK.Call))
    dataset.graph(URIRef("https://w3id.org/graphkit/id/graph/article/seed")).add((report, GK.status, GK.Host))
    result = validate(dataset)
    assert not result.conforms and result.violations == 2  # two statuses, and one not a status
    assert "gk:status" in result.report or str(GK.status) in result.report


def test_cli_writes_validates_and_queries_a_graph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extract: Extract
) -> None:
    runner = CliRunner()
    out, store = tmp_path / "seed.trig", tmp_path / "store"
    done = runner.invoke(app, ["extract", str(SEED), "--out", str(out), "--store", str(store)])
    assert done.exit_code == 0, done.output
    assert "events (merged across articles)" in done.output
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0
    assert extractions_from_graph(load_graph(out)) == list(extract(SEED))
    for source in (["--data", str(out)], ["--store", str(store)]):
        done = runner.invoke(
            app, ["query", "contacts", "Macron", "--kind", "call", "--format", "json", *source]
        )
        assert done.exit_code == 0, done.output
        assert (
            '"start": "2025-07-01"' in done.output and "Macron last spoke with Putin in July" in done.output
        )


def test_cli_validate_fails_on_a_non_conforming_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix gk: <https://w3id.org/graphkit/ontology#> .\n<https://example.org/e> a gk:Contact .\n",
        encoding="utf-8",
    )
    done = CliRunner().invoke(app, ["validate", str(bad)])
    assert done.exit_code == 1 and "violations" in done.output
