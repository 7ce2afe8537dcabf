"""Extraction in parallel, each run a fresh process as ``graphkit extract`` would be.

- ``jobs2_speedup``: a run in one process over a run with ``--jobs 2``. Both runs start Python, import
  graphkit and load the pipeline, as the commands do; the run in one process used to be timed in the
  benchmark's own process, where the pipeline was already loaded, which charged the model load to
  ``--jobs 2`` alone. ``same`` says whether the two outputs are the same bytes.
- ``dask2_speedup``: the run in one process over a run on a local Dask cluster of two worker processes
  (``--dask-workers 2``), the start and stop of the cluster included.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from timing import best_of

HERE = Path(__file__).resolve().parent

_RUN = """
import sys, warnings
warnings.simplefilter("ignore")
from graphkit.pipeline import run_extract
if __name__ == "__main__":
    options = {"jobs": int(sys.argv[3])} if sys.argv[3] != "dask" else {"dask_workers": 2}
    run_extract([sys.argv[1]], sys.argv[2], pipeline="en_core_web_sm", **options)
"""


def _command(folder: Path, out: Path, how: str) -> None:
    """Extract ``folder`` to ``out`` in a fresh process; ``how`` is a number of jobs, or dask."""
    script = out.with_name(f"run_{out.stem}.py")  # not dask.py, which would hide the dask package
    script.write_text(_RUN, encoding="utf-8")  # a file, not -c: spawned workers import the main module
    paths = [str(HERE.parent), *filter(None, [os.environ.get("PYTHONPATH")])]  # graphkit from here first
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    subprocess.run([sys.executable, str(script), str(folder), str(out), how], env=env, check=True)


def speedup(folder: Path, work: Path, repeat: int = 2) -> dict[str, object]:
    """jobs2_speedup and dask2_speedup on the articles in ``folder``, the fastest of ``repeat`` runs each."""
    one = best_of(lambda: _command(folder, work / "one.jsonl", "1"), repeat=repeat)
    two = best_of(lambda: _command(folder, work / "two.jsonl", "2"), repeat=repeat)
    dask = best_of(lambda: _command(folder, work / "dask.jsonl", "dask"), repeat=repeat)
    same = (work / "one.jsonl").read_bytes() == (work / "two.jsonl").read_bytes()
    return {
        "jobs2_speedup": round(one / two, 3),
        "jobs1_s": round(one, 2),
        "jobs2_s": round(two, 2),
        "same": same and (work / "one.jsonl").read_bytes() == (work / "dask.jsonl").read_bytes(),
        "dask2_speedup": round(one / dask, 3),
        "dask2_s": round(dask, 2),
    }
