"""Supply chain (issue 12): every runtime dependency is bounded above, and the lock satisfies its bounds."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).parent.parent
DEPENDENCIES = [
    Requirement(d) for d in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
]


def _locked() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        line = line.split("#", 1)[0].split(";", 1)[0].strip().rstrip("\\").strip()
        if "==" in line:
            name, version = line.split("==", 1)
            pins[canonicalize_name(name)] = version.split()[0]
    return pins


@pytest.mark.parametrize("requirement", DEPENDENCIES, ids=str)
def test_runtime_dependency_has_an_upper_bound(requirement: Requirement) -> None:
    assert any(spec.operator in ("<", "<=", "==", "~=") for spec in requirement.specifier), requirement


@pytest.mark.parametrize("requirement", DEPENDENCIES, ids=str)
def test_locked_version_satisfies_pyproject(requirement: Requirement) -> None:
    version = _locked().get(canonicalize_name(requirement.name))
    assert version is not None, f"{requirement.name} is missing from requirements.lock"
    assert requirement.specifier.contains(version, prereleases=True), f"{requirement.name}=={version}"
