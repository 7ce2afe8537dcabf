"""Extraction at scale, each figure a ratio against a baseline measured in the same run.

- ``extraction_vs_spacy_pipe``: bare ``nlp.pipe(texts, batch_size=32)`` time over graphkit's whole run
  (read, extract, write JSON Lines; one process) on the same texts with the same pipeline: graphkit's
  throughput as a share of spaCy's. ``per_article_vs_spacy_pipe`` is the same for ``extract()`` called on
  each article, the way runs extracted before batching.
- ``jobs2_speedup`` and ``dask2_speedup``: see benchmarks/parallel.py, on ``--jobs-articles`` articles
  (start-up is a fixed cost, so the figure depends on the size of the run).
- ``memory_10k_vs_1k``: peak RSS of a fresh process extracting the large corpus over the small one
  (``--memory-sizes``; the issue's sizes are 1000 10000, the default is smaller so the command runs in a
  few minutes on two cores).

The corpus is synthetic (benchmarks/corpus.py). Results go to benchmarks/results.json with the machine.

- ``store_load_vs_bulk``, ``store_size_vs_bulk``, ``turtle_export_vs_pyoxigraph``: benchmarks/store.py.

Query speed on a million quads (``query_*``) is measured by benchmarks/queries.py, the HTML view (``view_*``)
by benchmarks/view.py; both only with ``--only``.

Usage: python benchmarks/run.py [--articles 200] [--jobs-articles 400] [--memory-sizes 200 2000]
                                [--out benchmarks/results.json]
       python benchmarks/run.py --only extract|store|queries|view   (one group alone, the rest of --out kept;
                                extract: throughput and the parallel runs, without memory and store)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import parallel  # noqa: E402
from bench_extract import throughput  # noqa: E402
from corpus import write_corpus  # noqa: E402
from imports import measure as measure_imports  # noqa: E402

_PEAK = """
import sys, warnings
warnings.simplefilter("ignore")
from graphkit.pipeline import run_extract
run_extract([sys.argv[1]], sys.argv[2], pipeline="en_core_web_sm")
print(open("/proc/self/status").read().split("VmHWM:")[1].split()[0])
"""


def peak_rss_mib(folder: Path, out: Path) -> float:
    """Peak RSS of a fresh process that extracts ``folder`` to ``out`` (JSON Lines), in MiB."""
    env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(folder), str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    # VmHWM, in KiB: getrusage's ru_maxrss would keep this process's size from before exec()
    return int(done.stdout.split()[-1]) / 1024


def memory(small: int, large: int, work: Path) -> dict[str, object]:
    peaks = []
    for n in (small, large):
        folder = work / f"memory-{n}"
        write_corpus(n, folder, seed=n)
        peaks.append(peak_rss_mib(folder, work / f"memory-{n}.jsonl"))
    return {
        "memory_10k_vs_1k": round(peaks[1] / peaks[0], 3),
        "memory_articles": [small, large],
        "memory_peak_rss_mib": [round(p, 1) for p in peaks],
    }


def _extraction(articles: int, jobs_articles: int) -> dict[str, object]:
    """extraction_vs_spacy_pipe on ``articles`` synthetic articles, jobs2_speedup on ``jobs_articles``."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        write_corpus(articles, work / "corpus")
        results = {"articles": articles} | throughput(work / "corpus", work)
        write_corpus(jobs_articles, work / "jobs-corpus")
        return results | parallel.speedup(work / "jobs-corpus", work) | {"jobs_articles": jobs_articles}


def machine() -> dict[str, object]:
    from importlib.metadata import version

    with open("/proc/meminfo", encoding="utf-8") as handle:
        total = int(handle.readline().split()[1]) // 1024
    return {
        "cores": os.cpu_count(),
        "memory_mib": total,
        "cpu": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "pyoxigraph": version("pyoxigraph"),
        "pipeline": "en_core_web_sm",
        "graphkit": version("graphkit") if _installed("graphkit") else "source",
    }


def _installed(name: str) -> bool:
    from importlib.metadata import PackageNotFoundError, version

    try:
        version(name)
    except PackageNotFoundError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="articles for throughput")
    parser.add_argument("--jobs-articles", type=int, default=400, help="articles for --jobs 2 and Dask")
    parser.add_argument("--memory-sizes", type=int, nargs=2, default=[200, 2000], metavar=("SMALL", "LARGE"))
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--memory-only", action="store_true", help="measure memory, keep the rest of --out")
    parser.add_argument(
        "--only",
        choices=["extract", "store", "queries", "view"],
        help="measure only this group (extraction throughput and --jobs, store.py, queries.py, view.py), "
        "keep the rest of --out",
    )
    parser.add_argument("--view", action="store_true", help="the same as --only view")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    if args.view:
        args.only = "view"
    if args.only is not None:
        results = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
        if args.only == "extract":
            results |= _extraction(args.articles, args.jobs_articles) | {"machine": machine()}
        elif args.only == "store":
            import store

            results |= store.measure() | {"machine": machine()}
        elif args.only == "queries":
            from queries import queries

            results |= queries()
        else:
            import view

            results |= view.measure()
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(results, indent=2))
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results: dict[str, object] = {"articles": args.articles}
        if args.memory_only:
            results = json.loads(args.out.read_text(encoding="utf-8"))
        else:
            results |= _extraction(args.articles, args.jobs_articles)
        results |= memory(*args.memory_sizes, work)
        if not args.memory_only:
            import store

            results |= store.measure()
    results |= measure_imports()
    results["machine"] = machine()
    # the figures measured by --only (queries, view) and not here stay as they were
    kept = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
    results = {k: v for k, v in kept.items() if k not in results} | results
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
