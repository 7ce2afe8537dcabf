"""schemas/*.schema.json must be what scripts/gen_schemas.py generates from the current models."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_schemas", ROOT / "scripts" / "gen_schemas.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_schemas_are_current(tmp_path: Path) -> None:
    gen = _generator()
    fresh = {p.name: p.read_text(encoding="utf-8") for p in gen.write_schemas(tmp_path)}
    stored = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schemas").glob("*.schema.json")}
    stale = sorted(name for name in fresh.keys() | stored.keys() if fresh.get(name) != stored.get(name))
    if stale:
        pytest.fail(f"schemas/ is out of date ({', '.join(stale)}); regenerate with: {gen.COMMAND}")


def test_schemas_describe_the_contract() -> None:
    gen = _generator()
    extraction = gen.MODELS["extraction"].model_json_schema()
    assert {"Actor", "Contact", "Statement", "Evidence", "DateSpan"} <= set(extraction["$defs"])
    country = extraction["$defs"]["Actor"]["properties"]["country"]["anyOf"][0]
    assert country["pattern"] == "^[A-Z]{3}$"
