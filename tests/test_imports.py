"""Stages do not reach into each other's private parts, and the models depend on no stage.

The rule, checked on the source of every module of graphkit (an AST scan, nothing is imported):

- A name that starts with one underscore is private to the module that defines it: no other module imports it
  (``from graphkit.network import _country_name``) or reads it as an attribute of an imported module
  (``network._country_name``). A name another module needs gets a public name in its own module.
- A module whose own name starts with an underscore (``graphkit/_io.py``, ``graphkit/rdf/_sparql.py``,
  ``graphkit/ingest/_base.py``) is a helper internal to the package that contains it: any module of that
  package or of its subpackages may import it and its public names; modules outside that package may not.
  So ``graphkit._io`` serves all of graphkit, ``graphkit.rdf._sparql`` only ``graphkit.rdf``.
- ``graphkit.models``, the contract between the stages, imports nothing of graphkit but the helpers in
  ``MODELS_MAY_IMPORT``; not even inside a function.

Tests follow the first rule too (they may import a package-internal module, to test it), and import no other
test file or ``conftest.py``: what they share is in ``tests/helpers.py``.

``KNOWN`` and ``KNOWN_IN_TESTS`` list violations accepted for a stated reason (none today). A new violation
fails the test; an entry that no longer occurs is only reported (a warning naming it).
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "graphkit"

#: What graphkit.models may import from graphkit: the error types and its pydantic base, neither a stage.
MODELS_MAY_IMPORT = frozenset({"graphkit.errors", "graphkit._model"})

# (importing module, imported module, name or None for the module itself): violations known and accepted.
# Empty: keep it so. A new entry needs a reason in a comment beside it.
KNOWN: frozenset[tuple[str, str, str | None]] = frozenset()
# The same for the tests: a test that needs a private name asks for a public one in the module instead.
KNOWN_IN_TESTS: frozenset[tuple[str, str, str | None]] = frozenset()
TESTS = PACKAGE.parent / "tests"


@dataclass(frozen=True)
class Use:
    """One module's use of another module, or of a name of it, at a line."""

    importer: str
    module: str
    name: str | None
    line: int

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.importer, self.module, self.name)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def absolute(importer: str, is_package: bool, module: str | None, level: int) -> str:
    """The absolute module of ``from <level dots><module> import ...`` written in ``importer``."""
    if level == 0:
        return module or ""
    base = importer.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def uses(importer: str, path: Path, known_modules: set[str]) -> Iterator[Use]:
    """Every module of graphkit ``importer`` imports, and every name it takes from one."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    aliases: dict[str, str] = {}  # local name -> graphkit module bound to it
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("graphkit"):
                    yield Use(importer, alias.name, None, node.lineno)
                    if alias.asname:
                        aliases[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom):
            source = absolute(importer, is_package, node.module, node.level)
            if not source.startswith("graphkit"):
                continue
            yield Use(importer, source, None, node.lineno)
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                if submodule in known_modules:  # from graphkit import network: a module, not a name
                    yield Use(importer, submodule, None, node.lineno)
                    aliases[alias.asname or alias.name] = submodule
                else:
                    yield Use(importer, source, alias.name, node.lineno)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases:
            yield Use(importer, aliases[node.value.id], node.attr, node.lineno)


def private(part: str) -> bool:
    return part.startswith("_") and not (part.startswith("__") and part.endswith("__"))


def violation(use: Use) -> str | None:
    """Why ``use`` breaks the rule of the module docstring, or None."""
    if use.importer == use.module:
        return None
    if use.name is not None:
        return f"imports the private name {use.name} of {use.module}" if private(use.name) else None
    parts = use.module.split(".")
    for depth, part in enumerate(parts):
        package = ".".join(parts[:depth])
        if private(part) and not (use.importer == package or use.importer.startswith(package + ".")):
            return f"imports {use.module}, internal to {package}"
    if use.importer == "graphkit.models" and use.module not in MODELS_MAY_IMPORT:
        return f"the models import {use.module}, a stage"
    return None


def found() -> dict[tuple[str, str, str | None], str]:
    names = modules()
    problems: dict[tuple[str, str, str | None], str] = {}
    for importer, path in names.items():
        for use in uses(importer, path, set(names)):
            reason = violation(use)
            if reason is not None:
                problems.setdefault(use.key, f"{path.relative_to(PACKAGE.parent)}:{use.line}: {reason}")
    return problems


def check(problems: dict[tuple[str, str, str | None], str], known: frozenset, name: str) -> None:
    """Fail on a problem not in ``known``; warn about entries of ``known`` that no longer occur."""
    new = sorted(reason for key, reason in problems.items() if key not in known)
    stale = sorted(known - problems.keys(), key=str)
    if stale:
        warnings.warn(f"fixed, remove from {name} in tests/test_imports.py: {stale}", stacklevel=2)
    assert not new, "\n".join(new)


def test_no_module_reaches_into_another_and_the_models_depend_on_no_stage() -> None:
    check(found(), KNOWN, "KNOWN")


def test_tests_use_no_private_name_and_import_no_other_test_file() -> None:
    names = set(modules())
    problems: dict[tuple[str, str, str | None], str] = {}
    for path in sorted(TESTS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            imported = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            imported += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            for module in imported:
                if module == "conftest" or module.split(".")[0].startswith("test_"):
                    where = f"{path.relative_to(TESTS.parent)}:{node.lineno}"
                    problems[(f"tests.{path.stem}", module, None)] = f"{where}: imports {module}"
        for use in uses(f"tests.{path.stem}", path, names):
            if use.name is not None and private(use.name):
                where = f"{path.relative_to(TESTS.parent)}:{use.line}"
                problems.setdefault(use.key, f"{where}: uses the private name {use.name} of {use.module}")
    check(problems, KNOWN_IN_TESTS, "KNOWN_IN_TESTS")


def test_the_scan_sees_each_kind_of_violation(tmp_path: Path) -> None:
    # The scan itself, on uses written for the purpose: a check that sees nothing would pass anything.
    assert violation(Use("graphkit.view", "graphkit.network", "_country_name", 1))
    assert violation(Use("graphkit.cli", "graphkit.rdf._sparql", None, 1))
    assert violation(Use("graphkit.models", "graphkit.display", None, 1))
    assert violation(Use("graphkit.view", "graphkit.network", "country_name", 1)) is None
    assert violation(Use("graphkit.rdf.query", "graphkit.rdf._sparql", "values", 1)) is None
    assert violation(Use("graphkit.rdf.dataset", "graphkit._io", "atomic_writer", 1)) is None
    assert violation(Use("graphkit.ingest.text", "graphkit.ingest._base", "Origin", 1)) is None
    assert violation(Use("graphkit.models", "graphkit._model", "FrozenModel", 1)) is None
    source = tmp_path / "probe.py"
    source.write_text(
        "from graphkit import network as gn\nfrom . import _sparql\nimport graphkit.view\n"
        "def f():\n    return gn._country_name, gn.contact_graph\n",
        encoding="utf-8",
    )
    seen = {
        (u.module, u.name)
        for u in uses("graphkit.rdf.probe", source, {"graphkit.network", "graphkit.rdf._sparql"})
    }
    assert {
        ("graphkit.network", "_country_name"),
        ("graphkit.rdf._sparql", None),
        ("graphkit.view", None),
    } <= seen
