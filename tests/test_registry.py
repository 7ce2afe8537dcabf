"""Registries: lookup by name, helpful errors, lazy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graphkit.errors import GraphkitError, UnknownNameError
from graphkit.registry import GRAPH_SUFFIXES, Registry, exporters, extractors, readers


def test_register_and_get() -> None:
    things: Registry = Registry("thing")

    @things.register("one")
    def one() -> int:
        return 1

    assert things.get("one") is one
    assert "one" in things and "two" not in things


def test_unknown_name_lists_the_known_ones() -> None:
    things: Registry = Registry("thing")
    for name in ("zeta", "alpha"):
        things.register(name)(lambda: None)
    with pytest.raises(UnknownNameError) as info:
        things.get("beta")
    assert str(info.value) == "unknown thing 'beta'; known: alpha, zeta"
    assert isinstance(info.value, GraphkitError) and isinstance(info.value, KeyError)
    assert (info.value.kind, info.value.name, info.value.known) == ("thing", "beta", ["alpha", "zeta"])


def test_later_registration_replaces_the_earlier() -> None:
    things: Registry = Registry("thing")
    things.register("x")(len)
    things.register("x")(max)
    assert things.get("x") is max
    assert things.names() == ["x"]


def test_lazy_entry_is_imported_on_first_get(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "graphkit_lazy_probe.py").write_text("def hello():\n    return 'hi'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "graphkit_lazy_probe", raising=False)
    things: Registry = Registry("thing")
    things.register_lazy("hello", "graphkit_lazy_probe:hello")
    assert things.names() == ["hello"]
    assert "graphkit_lazy_probe" not in sys.modules
    assert things.get("hello")() == "hi"
    assert "graphkit_lazy_probe" in sys.modules


def test_lazy_path_must_name_module_and_attribute() -> None:
    with pytest.raises(ValueError, match="not of the form 'module:attribute'"):
        Registry("thing").register_lazy("x", "json.dumps")


def test_builtin_entries() -> None:
    # registry.py lists all of them: no other module has to be imported first
    assert "rules" in extractors.names()
    assert list(readers)[:10] == [
        ".txt",
        ".md",
        ".markdown",
        ".html",
        ".htm",
        ".json",
        ".jsonl",
        ".rss",
        ".atom",
        ".xml",
    ]
    assert exporters.names() == [
        ".csv",
        ".gexf",
        ".graphml",
        ".html",
        ".jsonl",
        ".jsonld",
        ".nq",
        ".nt",
        ".parquet",
        ".trig",
        ".ttl",
    ]
    with pytest.raises(
        UnknownNameError, match=r"unknown output suffix '\.xlsx'; known: \.csv, \.gexf, \.graphml, \.html"
    ):
        exporters.get(".xlsx")
    assert sorted(GRAPH_SUFFIXES) == [".jsonld", ".nq", ".nt", ".trig", ".ttl"]


def test_every_builtin_entry_resolves() -> None:
    for registry in (readers, extractors, exporters):
        for name in registry.names():
            assert callable(registry.get(name)), (registry.kind, name)


def test_rdf_exporters_are_known_without_importing_the_pipeline() -> None:
    # They were registered on import of graphkit.pipeline: code that looked up ".ttl" first got "unknown".
    code = "from graphkit.registry import exporters\nprint(exporters.get('.ttl').__name__)"
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert done.stdout.strip() == "export_turtle"


def test_registries_import_nothing_heavy() -> None:
    code = (
        "import sys, graphkit.registry\n"
        "print(sorted(m for m in ('spacy', 'graphkit.extractor', 'graphkit.records') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert done.stdout.strip() == "[]"


def test_docstring_examples_run() -> None:
    import doctest

    import graphkit.registry

    result = doctest.testmod(graphkit.registry)
    assert result.attempted > 0 and result.failed == 0
