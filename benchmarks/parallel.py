"""Extraction in parallel, each run a fresh process as ``graphkit extract`` would be.

- ``jobs2_speedup``: a run in one process over a run with ``--jobs 2``. Both runs start Python, import
  graphkit and load the pipeline, as the commands do; the run in one process used to be timed in the
  benchmark's own process, where the pipeline was already loaded, which charged the model load to
  ``--jobs 2`` alone. ``same`` says whether the two outputs are the same bytes.
- ``dask2_speedup``: the run in one process over a run on a local Dask cluster of two worker processes
  (``--dask-workers 2``), the start and stop of the cluster included.

The runs alternate (one process, two jobs, Dask), ``repeat`` rounds, so that each meets the same load; each
figure is the fastest of its runs. ``jobs_cpu_s`` gives the CPU seconds of each kind of run (its processes
together), which the machine's load disturbs less than the wall clock, and ``parallel_load_average`` the
load before and after.

Two workers cannot halve a run: the start-up a run in one process pays (Python, graphkit and spaCy
imports, the model load: about 1.5 s of CPU, most of it spaCy's) comes before the first article either way;
and on the two vCPUs of the development machine two processes extracting at once use about 10% more CPU per
article than one alone (caches and memory are shared). Workers used to be spawned, each paying that start-up
again (at the same time, on the two cores, after the main process's own imports); on Linux they are now
forked once the main process has loaded the pipeline (graphkit._parallel): a run with ``--jobs 2`` pays
one start-up (the workers had one each) and its workers share the model's memory. With start-up S,
extraction E and that overhead, the best speedup is (S + E) / (S + 1.1 E / 2): about 1.65 for 400 articles
and 1.8 for very long runs. The benchmark's ``--jobs-articles`` sets the corpus these figures use.

What the parent does while workers extract (measured with resource.getrusage, 400 articles): 0.3 s of CPU
in all for reading, the language check (3.7 times faster since the ASCII letters are counted by one regular
expression), unpickling the results (0.14 s) and writing. Tasks are 32 articles, one parse batch as in one
process (they were 16, half a batch), and the last chunk goes in tasks of 8 so that the workers finish
together (with 16 throughout, one of them idled for a whole task at the end).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

_RUN = """
import sys, warnings
warnings.simplefilter("ignore")
from graphkit.pipeline import run_extract
if __name__ == "__main__":
    options = {"jobs": int(sys.argv[3])} if sys.argv[3] != "dask" else {"dask_workers": 2}
    run_extract([sys.argv[1]], sys.argv[2], pipeline="en_core_web_sm", **options)
"""


def _command(folder: Path, out: Path, how: str) -> tuple[float, float]:
    """Extract ``folder`` to ``out`` in a fresh process; ``how`` is a number of jobs, or dask.

    Returns the wall-clock seconds and the CPU seconds of the process and its workers.
    """
    script = out.with_name(f"run_{out.stem}.py")  # not dask.py, which would hide the dask package
    script.write_text(_RUN, encoding="utf-8")  # a file, not -c: spawned workers import the main module
    paths = [str(HERE.parent), *filter(None, [os.environ.get("PYTHONPATH")])]  # graphkit from here first
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, str(script), str(folder), str(out), how], env=env, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers count once their parent waited for them
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def speedup(folder: Path, work: Path, repeat: int = 2) -> dict[str, object]:
    """jobs2_speedup and dask2_speedup on the articles in ``folder``, the fastest of ``repeat`` runs each."""
    load = [round(os.getloadavg()[0], 2)]
    runs: dict[str, list[tuple[float, float]]] = {"1": [], "2": [], "dask": []}
    for _ in range(repeat):
        for how, out in (("1", "one"), ("2", "two"), ("dask", "dask")):
            runs[how].append(_command(folder, work / f"{out}.jsonl", how))
    load.append(round(os.getloadavg()[0], 2))
    one, two, dask = (min(wall for wall, _ in runs[how]) for how in ("1", "2", "dask"))
    same = (work / "one.jsonl").read_bytes() == (work / "two.jsonl").read_bytes()
    return {
        "jobs2_speedup": round(one / two, 3),
        "jobs1_s": round(one, 2),
        "jobs2_s": round(two, 2),
        "jobs_cpu_s": {how: round(min(cpu for _, cpu in runs[how]), 2) for how in runs},
        "parallel_load_average": load,
        "same": same and (work / "one.jsonl").read_bytes() == (work / "dask.jsonl").read_bytes(),
        "dask2_speedup": round(one / dask, 3),
        "dask2_s": round(dask, 2),
    }
