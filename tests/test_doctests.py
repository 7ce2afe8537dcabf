"""The examples in the docstrings of every module of graphkit run, and every module imports on its own.

What ``pytest --doctest-modules graphkit`` does, as a test of the suite: one test per module, so a module
whose import breaks (a heavy optional import at module level, code run on import) fails by name even when it
has no example.
"""

from __future__ import annotations

import doctest
import importlib

import pytest
from helpers import ROOT

PACKAGE = ROOT / "graphkit"


def module_names() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


@pytest.mark.parametrize("name", module_names())
def test_module_imports_and_its_examples_run(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)  # examples name files relative to the repository, as the README does
    module = importlib.import_module(name)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in doctest.DocTestFinder().find(module, name):
        if test.examples:
            runner.run(test)
    failed, _ = runner.summarize(verbose=False)
    assert failed == 0, capsys.readouterr().out


def test_the_examples_that_document_the_package_are_found() -> None:
    # A finder that found nothing would pass every module above; these modules have examples.
    counts = {}
    for name in ("graphkit.registry", "graphkit.ingest", "graphkit.extractor.statements", "graphkit._model"):
        module = importlib.import_module(name)
        counts[name] = sum(len(t.examples) for t in doctest.DocTestFinder().find(module, name))
    assert all(counts.values()), counts
