"""Golden tests: three articles through the real extractor, compared in every format extract writes.

The articles are the bundled seed article and two short ones written for these tests
(``tests/fixtures/golden/``). The expected outputs are in ``tests/golden/``, one file per case and format:

- JSON Lines (``.jsonl``): compared record by record as parsed JSON, so a diff names the field.
- RDF: one canonical file per case, ``.nq`` (every named graph, one sorted quad per line, so that a
  regeneration diffs line by line). The ``.nq``, ``.trig`` and ``.jsonld`` outputs must parse to the same
  dataset (each named graph isomorphic to the expected one, blank nodes aside); ``.ttl`` and ``.nt`` (the
  union of the graphs) to the union of it.
- ``.gexf`` and ``.graphml``: read back with NetworkX; nodes and edges with their attributes must be equal.
- ``.csv`` as rows of strings; ``.parquet`` as rows of its DataFrame (against an expected ``.parquet``).
- ``.html``: the data the page's script reads (``.html.json``); the page around it is tested in test_view.

Volatile values are normalized before comparing: the run's start time and the run IRI made from it, the
generator's modification date in GEXF, and absolute paths of the inputs. Regenerate the expected files after
an intended change with ``pytest tests/test_golden.py --regen-golden`` (or ``GRAPHKIT_REGEN_GOLDEN=1``), and
read the diff before committing it.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pytest
from helpers import ROOT, page_data
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import PROV

from graphkit.pipeline import run_extract
from graphkit.rdf.namespace import DATA

GOLDEN = ROOT / "tests" / "golden"
CASES = {
    "seed": "data/articles/seed.txt",
    "harbour-talks": "tests/fixtures/golden/harbour-talks.txt",
    "border-call": "tests/fixtures/golden/border-call.txt",
}
RDF_DATASETS = (".nq", ".trig", ".jsonld")
RDF_UNIONS = (".ttl", ".nt")
OTHERS = (".jsonl", ".gexf", ".graphml", ".csv", ".parquet", ".html")
FORMATS = (*RDF_DATASETS, *RDF_UNIONS, *OTHERS)
RUN = URIRef(f"{DATA}run/normalized")
STARTED = "2000-01-01T00:00:00+00:00"
RDF_PARSERS = {".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld", ".ttl": "turtle", ".nt": "nt"}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each case extracted once into every format: case -> the folder of its outputs."""
    folders = {}
    with pytest.MonkeyPatch.context() as patch, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        patch.chdir(ROOT)  # inputs by relative path, as a user in the repository would name them
        for case, source in CASES.items():
            folder = tmp_path_factory.mktemp(case)
            report = run_extract(
                [source], [folder / f"{case}{suffix}" for suffix in FORMATS], pipeline="en_core_web_sm"
            )
            assert report.ok and report.articles == 1, report.failures
            folders[case] = folder
    return folders


@pytest.fixture(scope="module")
def regen(request: pytest.FixtureRequest) -> bool:
    import os

    return bool(request.config.getoption("--regen-golden")) or os.environ.get("GRAPHKIT_REGEN_GOLDEN") == "1"


def expected(case: str, suffix: str, written: Path, regen: bool) -> Path:
    """The expected file of ``case`` in format ``suffix``; with --regen-golden, ``written`` replaces it."""
    path = GOLDEN / f"{case}{suffix}"
    if regen:
        GOLDEN.mkdir(exist_ok=True)
        shutil.copyfile(written, path)
        if suffix in (".nq", ".gexf"):  # volatile values fixed: a regeneration changes only what changed
            path.write_text(normalized_text(path.read_text(encoding="utf-8"), suffix), encoding="utf-8")
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing; run pytest {__file__} --regen-golden")
    return path


# -- normalizing ------------------------------------------------------------------------------------------


def normalized_text(text: str, suffix: str) -> str:
    """An N-Quads or GEXF file's text with the run IRI, its start time and the file's date fixed."""
    if suffix == ".gexf":
        return re.sub(r'lastmodifieddate="[^"]*"', 'lastmodifieddate="2000-01-01"', text)
    text = re.sub(re.escape(f"{DATA}run/") + r"[0-9a-f]+", str(RUN), text)
    text = re.sub(r'(startedAtTime> )"[^"]+"', rf'\1"{STARTED}"', text)
    return "".join(sorted(text.splitlines(keepends=True)))


def normalized(graph: Graph) -> Graph:
    """``graph`` with the run's start time and IRI fixed and input paths relative to the repository."""
    out = Graph()
    for s, p, o in graph:
        if p == PROV.startedAtTime:
            o = Literal(STARTED, datatype=o.datatype)
        out.add((_run(s), p, _relative(_run(o))))
    return out


def _run(node: Any) -> Any:
    return RUN if isinstance(node, URIRef) and str(node).startswith(f"{DATA}run/") else node


def _relative(node: Any) -> Any:
    if isinstance(node, Literal) and str(node).startswith(f"{ROOT}/"):
        return Literal(str(node)[len(f"{ROOT}/") :], lang=node.language, datatype=node.datatype)
    return node


def named_graphs(path: Path, fmt: str) -> dict[str, Graph]:
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    graphs = {str(g.identifier): normalized(g) for g in dataset.graphs() if len(g)}
    return {_run_name(name): graph for name, graph in graphs.items()}


def _run_name(name: str) -> str:
    return str(RUN) if name.startswith(f"{DATA}run/") else name


def union(graphs: dict[str, Graph]) -> Graph:
    out = Graph()
    for graph in graphs.values():
        for triple in graph:
            out.add(triple)
    return out


def assert_isomorphic(got: Graph, want: Graph, where: str) -> None:
    if isomorphic(got, want):
        return
    _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
    lines = sorted(f"+ {t}" for t in only_got)[:20] + sorted(f"- {t}" for t in only_want)[:20]
    pytest.fail(f"{where}: graphs differ (+ written, - expected; first 20 each):\n" + "\n".join(lines))


def network(path: Path) -> tuple[list[Any], list[Any]]:
    graph = nx.read_gexf(path) if path.suffix == ".gexf" else nx.read_graphml(path)
    nodes = sorted((str(n), sorted(d.items())) for n, d in graph.nodes(data=True))
    edges = sorted(
        (str(u), str(v), sorted((k, str(x)) for k, x in d.items())) for u, v, d in graph.edges(data=True)
    )
    return nodes, edges


def rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


# -- the tests --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_json_lines(case: str, outputs: dict[str, Path], regen: bool) -> None:
    written = outputs[case] / f"{case}.jsonl"
    want = expected(case, ".jsonl", written, regen)
    got_records = [json.loads(line) for line in written.read_text(encoding="utf-8").splitlines()]
    want_records = [json.loads(line) for line in want.read_text(encoding="utf-8").splitlines()]
    assert len(got_records) == len(want_records) == 1
    for field in want_records[0].keys() | got_records[0].keys():
        assert got_records[0].get(field) == want_records[0].get(field), f"{case}: field {field!r} differs"


@pytest.mark.parametrize("suffix", RDF_DATASETS)
@pytest.mark.parametrize("case", CASES)
def test_rdf_datasets(case: str, suffix: str, outputs: dict[str, Path], regen: bool) -> None:
    want = named_graphs(expected(case, ".nq", outputs[case] / f"{case}.nq", regen), "nquads")
    got = named_graphs(outputs[case] / f"{case}{suffix}", RDF_PARSERS[suffix])
    assert sorted(got) == sorted(want), f"{case}{suffix}: other named graphs"
    for name, graph in want.items():
        assert_isomorphic(got[name], graph, f"{case}{suffix} graph <{name}>")


@pytest.mark.parametrize("suffix", RDF_UNIONS)
@pytest.mark.parametrize("case", CASES)
def test_rdf_unions(case: str, suffix: str, outputs: dict[str, Path], regen: bool) -> None:
    want = union(named_graphs(expected(case, ".nq", outputs[case] / f"{case}.nq", regen), "nquads"))
    got = Graph().parse(outputs[case] / f"{case}{suffix}", format=RDF_PARSERS[suffix])
    assert_isomorphic(normalized(got), want, f"{case}{suffix}")


@pytest.mark.parametrize("suffix", [".gexf", ".graphml"])
@pytest.mark.parametrize("case", CASES)
def test_networks(case: str, suffix: str, outputs: dict[str, Path], regen: bool) -> None:
    written = outputs[case] / f"{case}{suffix}"
    got_nodes, got_edges = network(written)
    want_nodes, want_edges = network(expected(case, suffix, written, regen))
    assert got_nodes == want_nodes
    assert got_edges == want_edges


@pytest.mark.parametrize("case", CASES)
def test_dyadic_tables(case: str, outputs: dict[str, Path], regen: bool) -> None:
    written = outputs[case] / f"{case}.csv"
    assert list(rows(written)) == list(rows(expected(case, ".csv", written, regen)))
    written = outputs[case] / f"{case}.parquet"
    want = pd.read_parquet(expected(case, ".parquet", written, regen))
    got = pd.read_parquet(written)
    assert got.to_dict("records") == want.to_dict("records")
    assert list(got.dtypes.astype(str)) == list(want.dtypes.astype(str))


@pytest.mark.parametrize("case", CASES)
def test_view_data(case: str, outputs: dict[str, Path], regen: bool) -> None:
    written = outputs[case] / f"{case}.html"
    want = GOLDEN / f"{case}.html.json"
    if regen:
        want.write_text(
            json.dumps(page_data(written.read_text(encoding="utf-8")), indent=1, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
    got = page_data(written.read_text(encoding="utf-8"))
    wanted = json.loads(want.read_text(encoding="utf-8"))
    for key in wanted.keys() | got.keys():
        assert got.get(key) == wanted.get(key), f"{case}.html: {key!r} differs"


def test_a_changed_graph_is_reported_with_its_triples() -> None:
    # The comparison itself: one differing triple must fail and be named in the message.
    want = Graph()
    want.add((RUN, PROV.startedAtTime, Literal("x")))
    got = Graph()
    got.add((RUN, PROV.startedAtTime, Literal("y")))
    with pytest.raises(pytest.fail.Exception, match=r"(?s)\+ .*'y'.*- .*'x'"):
        assert_isomorphic(got, want, "probe")
