"""The public API: exported names are pinned, and ``import graphkit`` stays cheap."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import graphkit

ROOT = Path(__file__).resolve().parents[1]

EXPORTED = [
    "Actor",
    "ActorType",
    "Article",
    "Contact",
    "ContactKind",
    "ContactLevel",
    "ContactStatus",
    "DateSpan",
    "Evidence",
    "Extraction",
    "Granularity",
    "GraphkitError",
    "InputError",
    "ModelLoadError",
    "Participant",
    "Role",
    "Statement",
    "__version__",
    "contact_graph",
    "country_graph",
    "event_graph",
    "extract",
    "extract_all",
    "extractions_from_graph",
    "filter_graph",
    "read_articles",
    "show",
    "to_graph",
    "to_record",
    "write_html",
]


def test_exported_names_are_pinned() -> None:
    assert graphkit.__all__ == EXPORTED


@pytest.mark.parametrize("name", [n for n in EXPORTED if n != "__version__"])
def test_exported_names_resolve(name: str) -> None:
    module = graphkit._EXPORTS[name]
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not written yet")
    assert getattr(graphkit, name) is getattr(importlib.import_module(module), name)


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        graphkit.nope  # noqa: B018  # the lookup itself is under test


def test_import_graphkit_is_cheap() -> None:
    heavy = ("spacy", "trafilatura", "typer", "rich", "graphkit.extractor", "graphkit.ingest")
    code = f"import sys, graphkit\nprint(sorted(m for m in {heavy!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"


def test_version_matches_the_package_metadata() -> None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version("graphkit")
    except PackageNotFoundError:
        pytest.skip("graphkit is not installed (run scripts/bootstrap.sh)")
    assert graphkit.__version__ == installed


def test_the_readme_library_example_prints_what_the_readme_shows(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import re
    import warnings

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Library", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    shown = re.search(r"```text\n(.*?)```", section, re.S)
    assert code is not None and shown is not None
    monkeypatch.chdir(ROOT)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(compile(code.group(1), "README.md", "exec"), {})  # our own README, not article text
    assert capsys.readouterr().out == shown.group(1)
