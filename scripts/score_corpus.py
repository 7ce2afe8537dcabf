"""Score the extractor on the development corpus in ../shared, by part and by outlet.

Usage: .venv/bin/python scripts/score_corpus.py [--shared DIR] [--out DIR] [--pipeline NAME] [--verbose]

Part one (d001-d050 and the seed) is what the rules were first written on; part two (d051-d151) came later and
was scored before any rule saw it. The gap between the two is the overfitting gauge. Writes the system records
to ``OUT/system.jsonl`` and prints one table per part and one row per outlet.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
METRICS = ("events", "actor_pairs", "country_pairs", "statements")


def part_of(doc_id: str) -> str:
    """ "one" for the seed and d001-d050, "two" for d051 on."""
    return "two" if doc_id.startswith("d") and doc_id[1:].isdigit() and int(doc_id[1:]) >= 51 else "one"


def load_scorer(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {shared / 'eval' / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract_corpus(dev: Path, pipeline: str | None) -> dict[str, dict[str, Any]]:
    """The system record of every article of ``dev/texts``."""
    from graphkit.extractor import extract
    from graphkit.ingest import read_articles
    from graphkit.models import Article
    from graphkit.records import to_record

    records: dict[str, dict[str, Any]] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for item in read_articles(sorted((dev / "texts").glob("*.txt"))):
            if not isinstance(item, Article):
                raise SystemExit(str(item))
            extraction = extract(item, pipeline=pipeline) if pipeline else extract(item)
            records[item.id] = to_record(extraction)
    return records


def score_groups(
    scorer: Any, gold: dict[str, dict[str, Any]], system: dict[str, dict[str, Any]], key: Any
) -> dict[str, dict[str, Any]]:
    groups: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for doc_id, record in gold.items():
        groups[key(doc_id, record)][doc_id] = record
    return {name: scorer.score(members, system) for name, members in sorted(groups.items())}


def row(name: str, result: dict[str, Any]) -> str:
    f = {r["metric"]: r for r in result["rows"]}
    a = result["accuracy_on_matched_events"]
    cells = "  ".join(f"{m[:7]:>7} {f[m]['f1']:.3f}" for m in METRICS)
    return (
        f"{name[:44]:<44} {result['documents']:>4}  {cells}  kind {a['kind']:.2f} status {a['status']:.2f}"
        f" date {a['date']:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "corpus")
    parser.add_argument("--pipeline", default=None)
    parser.add_argument("--verbose", action="store_true", help="list missed and spurious events on stderr")
    args = parser.parse_args()
    dev = args.shared / "corpus" / "dev"
    scorer = load_scorer(args.shared)
    gold = scorer.load(str(dev / "gold.jsonl"))
    system = extract_corpus(dev, args.pipeline)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "system.jsonl", "w", encoding="utf-8") as handle:
        for record in system.values():
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{'set (F1; accuracy on matched events)':<44} {'docs':>4}")
    print(row("all", scorer.score(gold, system, args.verbose)))
    for name, result in score_groups(scorer, gold, system, lambda i, _: f"part {part_of(i)}").items():
        print(row(name, result))
    print()
    outlets = score_groups(scorer, gold, system, lambda _, r: r["source"]["outlet"].split(" (")[0])
    for name, result in outlets.items():
        print(row(name, result))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
