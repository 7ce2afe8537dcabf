"""Other packages add readers, extractors and exporters through entry points (graphkit.registry).

The plugin here is a real distribution: a ``.dist-info`` folder with ``entry_points.txt`` and a module, put on
``sys.path`` the way an installed package would be, so ``importlib.metadata`` finds it without being patched.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ROOT

from graphkit.errors import UnknownNameError
from graphkit.ingest import read_articles
from graphkit.models import Article
from graphkit.pipeline import run_extract
from graphkit.registry import PluginWarning, Registry, exporters, extractors, readers

MODULE = "graphkit_probe_plugin"

# A reader of ".probe" files (one article per paragraph), an extractor that finds nothing and an exporter
# that writes one line per article: small, but each is called the way graphkit calls its own.
PLUGIN_CODE = """
from graphkit.models import Article, Extraction


def read_probe(data, origin):
    for number, paragraph in enumerate(data.decode("utf-8").split("\\n\\n"), start=1):
        yield Article(id=f"{origin.stem}-{number}", text=paragraph, source=origin.source,
                      published=origin.fallback)


def extract_nothing(article, *, pipeline):
    return Extraction(article=article)


def export_ids(extractions, path):
    path.write_text("".join(e.article.id + "\\n" for e in extractions), encoding="utf-8")
"""

ENTRY_POINTS = f"""\
[graphkit.readers]
.probe = {MODULE}:read_probe
.jsonl = {MODULE}:read_probe

[graphkit.extractors]
probe = {MODULE}:extract_nothing

[graphkit.exporters]
.ids = {MODULE}:export_ids
"""

# The console script `graphkit`, run from source (graphkit.cli has no __main__ block).
CLI = "from graphkit.cli import app; app()"
TEXT = "The two envoys met in the capital.\n\nThe ministers spoke by phone on the same day.\n"


def write_plugin(folder: Path) -> Path:
    """An installed-looking distribution ``graphkit-probe-plugin`` in ``folder``; returns ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{MODULE}.py").write_text(PLUGIN_CODE, encoding="utf-8")
    info = folder / f"{MODULE}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: graphkit-probe-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(ENTRY_POINTS, encoding="utf-8")
    return folder


def reload_all() -> None:
    for registry in (readers, extractors, exporters):
        registry.load_entry_points()


@pytest.fixture
def plugin(tmp_path: Path) -> Iterator[Path]:
    """The plugin distribution on ``sys.path``, its entry points read; all undone afterwards."""
    folder = write_plugin(tmp_path / "site")
    sys.path.insert(0, str(folder))
    try:
        with pytest.warns(PluginWarning, match=r"'\.jsonl' of graphkit-probe-plugin .* is ignored"):
            reload_all()
        yield tmp_path
    finally:
        sys.path.remove(str(folder))
        sys.modules.pop(MODULE, None)
        reload_all()


def test_the_api_uses_a_plugin_reader_extractor_and_exporter(plugin: Path) -> None:
    source = plugin / "notes.probe"
    source.write_text(TEXT, encoding="utf-8")
    out = plugin / "out.ids"
    report = run_extract([source], out, pipeline="unused", extractor="probe", published=None)
    assert report.ok and report.articles == 2
    assert out.read_text(encoding="utf-8") == "notes-1\nnotes-2\n"
    assert {".probe"} <= set(readers) and ".ids" in exporters.names() and "probe" in extractors


def test_a_plugin_cannot_replace_a_builtin_name(plugin: Path) -> None:
    records = plugin / "one.jsonl"
    records.write_text(
        '{"id": "r1", "text": "The envoys met.", "published": "2024-01-02"}\n', encoding="utf-8"
    )
    (article,) = read_articles([records])
    assert isinstance(article, Article) and article.id == "r1"  # the JSON Lines reader, not the plugin's


def test_plugin_names_are_listed_when_a_name_is_unknown(plugin: Path) -> None:
    with pytest.raises(UnknownNameError, match=r"known: .*\.html, \.ids, \.jsonl"):
        exporters.get(".nope")


def test_folders_pick_up_files_of_a_plugin_suffix(plugin: Path) -> None:
    (plugin / "texts").mkdir()
    (plugin / "texts" / "a.probe").write_text("One paragraph only.", encoding="utf-8")
    (plugin / "texts" / "b.unknown").write_text("Skipped.", encoding="utf-8")
    assert [a.id for a in read_articles([plugin / "texts"]) if isinstance(a, Article)] == ["a-1"]


def test_without_the_plugin_its_suffix_is_unknown(tmp_path: Path) -> None:
    source = tmp_path / "notes.probe"
    source.write_text(TEXT, encoding="utf-8")
    (error,) = read_articles([source])
    assert str(error).startswith(f"{source}: unknown file type '.probe'; accepted: .txt, .md, .markdown")


def test_the_command_line_uses_an_installed_plugin(tmp_path: Path) -> None:
    folder = write_plugin(tmp_path / "site")
    source = tmp_path / "notes.probe"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.ids"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT)])}
    done = subprocess.run(
        # --jobs 2: the workers (forked on Linux, started fresh elsewhere) must find the plugin's extractor
        [
            sys.executable,
            "-c",
            CLI,
            "extract",
            str(source),
            "-o",
            str(out),
            "--extractor",
            "probe",
            "-j",
            "2",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == "notes-1\nnotes-2\n"
    assert "is ignored: the name is already registered" in done.stderr  # the plugin's '.jsonl'


def test_a_registry_without_a_group_reads_no_entry_points(plugin: Path) -> None:
    local: Registry = Registry("output suffix")
    assert local.names() == [] and ".ids" not in local


def test_entry_points_are_read_on_first_lookup_not_on_import() -> None:
    code = """
import importlib.metadata as metadata
groups = []
real = metadata.entry_points
metadata.entry_points = lambda **select: groups.append(select.get("group")) or real(**select)
import graphkit.cli, graphkit.ingest, graphkit.pipeline
from graphkit.registry import readers
readers.get(".txt")  # a built-in name needs no entry point
print([g for g in groups if g and g.startswith("graphkit")])
".probe" in readers
".other" in readers  # read once per registry
print([g for g in groups if g and g.startswith("graphkit")])
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.split("\n")[:2] == ["[]", "['graphkit.readers']"]
