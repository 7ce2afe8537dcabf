"""Golden and regression tests on the development corpus in ../shared (skipped cleanly where it is absent).

The floors are the scores reached when they were last raised (see the README's table), minus a small margin
for harmless changes; a change that loses more fails here.
"""

from __future__ import annotations

import importlib.util
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from helpers import SHARED

from graphkit.extractor import extract
from graphkit.ingest import read_articles
from graphkit.models import Article, Extraction
from graphkit.records import to_record

DEV = SHARED / "corpus" / "dev"
SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "seed.txt"

pytestmark = pytest.mark.corpus

# Part one (the seed and d001-d050) is what the rules were first written on; part two (d051-d151) was scored
# before any rule saw it, so its floors tell how the rules carry over to news they were not written on.
# part -> metric -> minimum F1
FLOORS = {
    "one": {"events": 0.84, "actor_pairs": 0.84, "country_pairs": 0.94, "statements": 0.96},
    "two": {"events": 0.75, "actor_pairs": 0.64, "country_pairs": 0.77, "statements": 0.95},
}
ACCURACY_FLOORS = {
    "one": {"kind": 0.97, "status": 0.93, "date": 0.90},
    # Part two's date accuracy went from 0.81 to 0.785 as recall rose: the events found since are mostly told
    # in transcripts without a time of their own ("the meeting with X" in remarks dated only by the page);
    # 0.775 when a colon's list of counterparts in a doorstop found five more meetings of that kind.
    "two": {"kind": 0.92, "status": 0.89, "date": 0.77},
}


def part_of(doc_id: str) -> str:
    """ "one" for the seed and d001-d050, "two" for d051 on."""
    return "two" if doc_id.startswith("d") and doc_id[1:].isdigit() and int(doc_id[1:]) >= 51 else "one"


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dev_records() -> dict[str, dict[str, Any]]:
    if not (DEV / "gold.jsonl").exists():
        pytest.skip("../shared/corpus/dev is not available")
    system: dict[str, dict[str, Any]] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for item in read_articles(sorted((DEV / "texts").glob("*.txt"))):
            assert isinstance(item, Article), item
            system[item.id] = to_record(extract(item))
    return system


@pytest.fixture(scope="module")
def dev_results(dev_records: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The scorer's result for each part of the corpus."""
    scorer = _scorer()
    gold = scorer.load(str(DEV / "gold.jsonl"))
    return {
        part: scorer.score({i: g for i, g in gold.items() if part_of(i) == part}, dev_records)
        for part in FLOORS
    }


def test_parts_split_the_corpus_where_part_two_begins() -> None:
    assert [part_of(i) for i in ("seed", "d001", "d050", "d051", "d151")] == [
        "one",
        "one",
        "one",
        "two",
        "two",
    ]


def test_dev_corpus_actors_link_to_the_right_wikidata_items(dev_records: dict[str, dict[str, Any]]) -> None:
    scorer = _scorer()
    gold = scorer.load(str(DEV / "gold.jsonl"))
    with_qid = linked = 0
    wrong = []
    for doc_id, record in gold.items():
        actors = dev_records[doc_id]["actors"]
        mapping = scorer.actor_map(record["actors"], actors)
        for gold_actor in (a for a in record["actors"] if a.get("wikidata")):
            with_qid += 1
            found = {a.get("wikidata") for a in actors if mapping.get(a["id"]) == gold_actor["id"]}
            linked += gold_actor["wikidata"] in found
        for actor in actors:
            gold_actor = next((a for a in record["actors"] if a["id"] == mapping.get(actor["id"])), None)
            qid, expected = actor.get("wikidata"), (gold_actor or {}).get("wikidata")
            if qid and expected and qid != expected:
                wrong.append((doc_id, actor["name"], qid, expected))
    assert wrong == []
    assert linked / with_qid >= 0.95, (linked, with_qid)


@pytest.mark.parametrize(("part", "metric"), [(p, m) for p in FLOORS for m in sorted(FLOORS[p])])
def test_dev_corpus_f1_does_not_regress(
    dev_results: dict[str, dict[str, Any]], part: str, metric: str
) -> None:
    row = next(r for r in dev_results[part]["rows"] if r["metric"] == metric)
    assert row["f1"] >= FLOORS[part][metric], row


@pytest.mark.parametrize(
    ("part", "attribute"), [(p, a) for p in ACCURACY_FLOORS for a in sorted(ACCURACY_FLOORS[p])]
)
def test_dev_corpus_accuracy_does_not_regress(
    dev_results: dict[str, dict[str, Any]], part: str, attribute: str
) -> None:
    accuracy = dev_results[part]["accuracy_on_matched_events"]
    assert accuracy[attribute] >= ACCURACY_FLOORS[part][attribute], accuracy


@pytest.fixture(scope="module")
def seed() -> Extraction:
    [article] = list(read_articles([SEED]))
    assert isinstance(article, Article)
    return extract(article)


def _contact(seed: Extraction, *names: str) -> list[tuple[str, str, str | None, str | None]]:
    found = []
    for c in seed.contacts:
        who = {seed.actor(p.actor).name for p in c.participants}
        if set(names) <= who:
            found.append(
                (
                    c.kind.value,
                    c.status.value,
                    c.date and c.date.start.isoformat(),
                    c.date and c.date.end.isoformat(),
                )
            )
    return found


def test_seed_contacts(seed: Extraction) -> None:
    assert ("meeting", "occurred", "2022-02-01", "2022-02-28") in _contact(
        seed, "Vladimir Putin", "Emmanuel Macron"
    )
    assert ("call", "occurred", "2025-07-01", "2025-07-31") in _contact(
        seed, "Vladimir Putin", "Emmanuel Macron"
    )
    assert ("contact", "occurred", None, None) in _contact(seed, "France", "Russia")
    advisor = next(a for a in seed.actors if "advis" in a.name.lower())
    assert advisor.country == "FRA"
    assert ("meeting", "occurred", "2026-02-02", "2026-02-08") in _contact(seed, advisor.name, "Yury Ushakov")


def test_seed_statements(seed: Extraction) -> None:
    by_speaker: dict[str, int] = {}
    for s in seed.statements:
        if s.direct:
            by_speaker[seed.actor(s.speaker).name] = by_speaker.get(seed.actor(s.speaker).name, 0) + 1
    assert by_speaker["Dmitry Peskov"] == 6
    assert by_speaker["Emmanuel Macron"] == 4
    reported = {(seed.actor(s.speaker).name, s.text[:40]) for s in seed.statements if not s.direct}
    assert reported == {
        ("Dmitry Peskov", "Moscow has not yet seen any clear indica"),
        ("Emmanuel Macron", "communication with the Kremlin is necess"),
        ("Dmitry Peskov", "apart from France, other European countr"),
    }


def test_seed_actors_are_resolved(seed: Extraction) -> None:
    macron = next(a for a in seed.actors if a.name == "Emmanuel Macron")
    assert macron.wikidata == "Q3052772"
    assert {"Macron", "French President Emmanuel Macron", "The French president"} <= set(macron.aliases)
    putin = next(a for a in seed.actors if a.name == "Vladimir Putin")
    assert putin.country == "RUS" and putin.wikidata == "Q7747"


def test_seed_record_matches_the_format(seed: Extraction) -> None:
    record = json.loads(json.dumps(to_record(seed)))
    assert record["id"] == "seed"
    assert {"actors", "contacts", "statements"} <= set(record)
    for contact in record["contacts"]:
        assert set(contact["participants"]) <= {a["id"] for a in record["actors"]}
