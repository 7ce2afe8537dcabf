"""The HTML view without a browser: a self-contained page, escaped data, layouts, notebook display."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import (
    CALL,
    DONE,
    EVIL_NAME,
    EVIL_SENTENCE,
    MEET,
    A,
    B,
    evil_extraction,
    make_extraction,
    page_data,
    person,
    synthetic_extractions,
    three_extractions,
)

from graphkit import network as gn
from graphkit import view
from graphkit.models import Extraction
from graphkit.records import to_record, write_jsonl

ROOT = Path(__file__).resolve().parents[1]


def test_page_is_self_contained(extraction: Extraction) -> None:
    page = view.render_html([extraction])
    assert page.startswith("<!doctype html>")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert csp is not None and html.unescape(csp.group(1)).startswith("default-src 'none';")
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=", page, re.I)
    assert not re.search(r"<link\b", page, re.I) and "@import" not in page
    assert "vis-network" in page and "@license" in page  # vis-network inlined with its licence header
    assert len(re.findall(r"^<script", page, re.M)) == 3  # data, vis-network, ours


def test_page_data_matches_the_graph(extraction: Extraction) -> None:
    graph = gn.contact_graph([extraction])
    data = page_data(view.render_html(graph))
    assert sorted(n["id"] for n in data["nodes"]) == sorted(graph)
    assert sorted((e["event"], e["from"], e["to"]) for e in data["edges"]) == sorted(
        (k, u, v) for u, v, k in graph.edges(keys=True)
    )
    call = next(e for e in data["edges"] if e["event"] == "d001#0")
    assert (call["kind"], call["status"], call["start"], call["directed"], call["level"]) == (
        "call",
        "occurred",
        "2025-07-01",
        True,
        "summit",
    )
    assert call["sources"] == [
        {
            "id": "d001",
            "title": "Macron and Putin spoke",
            "url": "https://example.org/d001",
            "published": "2025-07-02",
        }
    ]
    macron = next(n for n in data["nodes"] if n["id"] == "Q3052772")
    assert macron["offices"] == ["President of France"]  # contacts and counterparts: counted by the page
    assert (macron["type"], macron["countryName"]) == ("person", "France")
    assert data["physics"] is True and "x" not in macron


def test_country_colours_and_legend() -> None:
    actors = [
        person("a", "Anne", "FRA"),
        person("b", "Boris", "RUS"),
        person("e", "Emil", "FRA"),
        person("u", "Uma"),
    ]
    specs = [(["a", "b"], MEET, DONE, None), (["e", "u"], CALL, DONE, None)]
    data = page_data(view.render_html([make_extraction("c", actors, specs)]))
    legend = {c["code"]: c for c in data["countries"]}
    assert [c["code"] for c in data["countries"]] == [
        "FRA",
        "RUS",
        None,
    ]  # most actors first, no country last
    assert (legend["FRA"]["actors"], legend["FRA"]["name"]) == (2, "France")
    colours = {n["id"]: n["color"] for n in data["nodes"]}
    assert colours[A] == colours["person:emil"] == legend["FRA"]["color"] != colours[B]


def test_parallel_contacts_are_drawn_apart(extraction: Extraction) -> None:
    actors = [person("a", "Anne"), person("b", "Boris")]
    data = page_data(view.render_html([make_extraction("p", actors, [(["a", "b"], MEET, DONE, None)] * 3)]))
    assert [e["parallel"] for e in data["edges"]] == [0, 1, 2]


def test_article_text_cannot_become_markup() -> None:
    page = view.render_html([evil_extraction()], title="<b>contacts</b>")
    assert EVIL_NAME not in page and "<img" not in page and "window.__xss = 4</script>" not in page
    assert "<title>&lt;b&gt;contacts&lt;/b&gt;</title>" in page
    data = page_data(page)  # the data survive intact, as data
    assert {n["label"] for n in data["nodes"]} == {EVIL_NAME, "Boris"}
    assert data["edges"][0]["evidence"] == EVIL_SENTENCE


def test_large_graphs_get_precomputed_positions_without_physics() -> None:
    extractions = synthetic_extractions(400, 1200)
    first = view.render_html(extractions)
    data = page_data(first)
    assert data["physics"] is False and len(data["nodes"]) == 400 and len(data["edges"]) == 1200
    xs = [n["x"] for n in data["nodes"]]
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == 400  # spread out, not stacked
    assert first == view.render_html(extractions)  # the fixed seed makes the page reproducible
    assert page_data(view.render_html(extractions, seed=8))["nodes"][0]["x"] != xs[0]


def test_layout_keeps_neighbours_closer_than_strangers() -> None:
    graph = gn.contact_graph(synthetic_extractions(300, 600, seed=3))
    nodes = page_data(view.render_html(graph, precompute_above=0))["nodes"]
    pos = {n["id"]: (n["x"], n["y"]) for n in nodes}

    def dist(u: object, v: object) -> float:
        return float(((pos[u][0] - pos[v][0]) ** 2 + (pos[u][1] - pos[v][1]) ** 2) ** 0.5)

    nodes = list(graph)
    linked = sum(dist(u, v) for u, v in graph.edges()) / graph.number_of_edges()
    pairs = list(zip(nodes, nodes[1:] + nodes[:1], strict=True))
    random_pairs = sum(dist(u, v) for u, v in pairs) / len(pairs)
    assert linked < random_pairs * 0.7


def test_filtered_views_can_be_drawn(extraction: Extraction) -> None:
    graph = gn.contact_graph([extraction])
    data = page_data(view.render_html(gn.filter_graph(graph, kinds=["visit"])))
    assert [e["kind"] for e in data["edges"]] == ["visit"] and len(data["nodes"]) == 2


def test_write_html(extraction: Extraction, tmp_path: Path) -> None:
    path = view.write_html([extraction], tmp_path / "out" / "contacts.html", title="Test")
    assert path.read_text(encoding="utf-8") == view.render_html([extraction], title="Test")


def test_show_is_an_iframe_with_srcdoc(extraction: Extraction) -> None:
    shown = view.show([extraction], height=480)
    frame = shown._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and "height:480px" in frame
    assert " src=" not in frame.replace("srcdoc=", "")  # no file path or localhost URL
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame)
    assert srcdoc is not None and html.unescape(srcdoc.group(1)) == shown.html


def test_importing_the_modules_is_cheap() -> None:
    heavy = ("networkx", "pyvis", "IPython", "jinja2", "numpy")
    code = "import sys, graphkit.network, graphkit.view\n"
    code += f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"


def test_missing_pyvis_is_explained(monkeypatch: pytest.MonkeyPatch, extraction: Extraction) -> None:
    monkeypatch.setattr(view.importlib.util, "find_spec", lambda name: None)
    view.asset.cache_clear()
    try:
        with pytest.raises(view.GraphkitError, match="pip install pyvis"):
            view.render_html([extraction])
    finally:
        view.asset.cache_clear()


def test_view_command_writes_the_filtered_page(three_records: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from graphkit.cli import app

    out = tmp_path / "contacts.html"
    args = ["view", str(three_records), "--out", str(out), "--from", "2025-01-01", "--kind", "call"]
    done = CliRunner().invoke(app, [*args, "--kind", "visit", "--actor", "boris"])
    assert done.exit_code == 0, done.output
    assert "wrote 3 actors and 2 contacts" in done.output
    assert sorted(e["event"] for e in page_data(out.read_text(encoding="utf-8"))["edges"]) == ["x1#1", "x1#2"]


@pytest.mark.parametrize("country", ["DEU", "deu", "Germany", "German"])
def test_view_country_takes_codes_names_and_demonyms(
    three_records: Path, tmp_path: Path, country: str
) -> None:
    from typer.testing import CliRunner

    from graphkit.cli import app

    out = tmp_path / "contacts.html"
    done = CliRunner().invoke(app, ["view", str(three_records), "--out", str(out), "--country", country])
    assert done.exit_code == 0, done.output
    assert "wrote 4 actors and 3 contacts" in done.output  # x1#2, x1#3 and x2#0 involve Carl (DEU)


def test_page_counts_a_contact_reported_twice_once(tmp_path: Path) -> None:
    from helpers import graphs_from_every_input, reported_twice

    for name, graph in graphs_from_every_input(reported_twice(), tmp_path).items():
        data = page_data(view.render_html(graph))
        assert sorted(e["event"] for e in data["edges"]) == ["r1#0", "r2#0"], name
        call = next(e for e in data["edges"] if e["event"] == "r1#0")
        assert [s["id"] for s in call["sources"]] == ["r1", "r2"], name


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--actor", "Nobody"], "no actor is called 'Nobody'"),
        (["--kind", "phone"], "'phone' is not one of"),
        (["--from", "yesterday"], "'yesterday' does not match"),
        (["--country", "Atlantis"], "unknown country 'Atlantis'"),
    ],
)
def test_view_command_usage_errors(
    three_records: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    from typer.testing import CliRunner

    from graphkit.cli import app

    done = CliRunner().invoke(app, ["view", str(three_records), "--out", str(tmp_path / "x.html"), *args])
    assert done.exit_code == 2 and message in " ".join(done.output.split())
    assert not (tmp_path / "x.html").exists()


def test_view_command_reports_bad_files(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from graphkit.cli import app

    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["view", str(bad), "--out", str(tmp_path / "x.html")])
    assert done.exit_code == 1 and "bad.jsonl:1" in done.output


@pytest.fixture
def three_records(tmp_path: Path) -> Path:
    path = tmp_path / "three.jsonl"
    write_jsonl([to_record(e) for e in three_extractions()], path)
    return path
