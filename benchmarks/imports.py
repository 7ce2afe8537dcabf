"""What registries and lazy imports cost at start-up, each figure a ratio against a baseline in the same run.

- ``import_graphkit_vs_python``: a fresh interpreter that runs ``import graphkit`` over one that runs
  nothing (1.0: free, within the noise). ``import_pipeline_vs_python``: the same for ``graphkit.pipeline``.
- ``plugin_scan_vs_import_pipeline``: the first lookup that reads the entry point groups (all three
  registries), over importing ``graphkit.pipeline``, in the same fresh process.

Usage: python benchmarks/imports.py (run.py calls :func:`measure`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from timing import best_of  # noqa: E402

_SCAN = """
import time
start = time.perf_counter()
import graphkit.pipeline
from graphkit.registry import exporters, extractors, readers
imported = time.perf_counter()
for registry in (readers, extractors, exporters):
    "(no such name)" in registry
print((time.perf_counter() - imported) / (imported - start))
"""


def _fastest(codes: list[str], repeat: int = 15) -> list[float]:
    """The fastest run of a fresh interpreter for each of ``codes``, taken in turns so the load is shared."""
    env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    best = [float("inf")] * len(codes)
    for _ in range(repeat):
        for n, code in enumerate(codes):
            took = best_of(lambda c=code: subprocess.run([sys.executable, "-c", c], env=env, check=True), 1)
            best[n] = min(best[n], took)
    return best


def measure() -> dict[str, float]:
    """The ratios of the module docstring."""
    bare, package, pipeline = _fastest(["pass", "import graphkit", "import graphkit.pipeline"])
    env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    scans = [
        float(
            subprocess.run(
                [sys.executable, "-c", _SCAN], env=env, capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(5)
    ]
    return {
        "import_graphkit_vs_python": round(package / bare, 3),
        "import_pipeline_vs_python": round(pipeline / bare, 3),
        "plugin_scan_vs_import_pipeline": round(min(scans), 3),
    }


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
