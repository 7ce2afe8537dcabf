"""A synthetic news corpus for benchmarks: articles written from templates with actors of the gazetteer.

Every article is different: its two or three office holders are drawn from ``data/gazetteer/people.csv`` at
a date inside their tenure, and the wording, places, dates and quotations are drawn from the lists below,
so extraction and merging do real work instead of meeting one article copied many times. The texts are
ours, written for this script; none comes from a news source.

Usage: python benchmarks/corpus.py N OUT_DIR [--seed S]   (JSON Lines files of 200 articles each)
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
from pathlib import Path

PEOPLE = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "people.csv"
#: Articles per JSON Lines file: reading one file holds it whole, so the files stay small.
PER_FILE = 200

PLACES = ["Geneva", "Vienna", "Brussels", "Tokyo", "Cairo", "Oslo", "Nairobi", "Lima", "Hanoi", "Warsaw"]
TOPICS = ["trade", "energy security", "the war", "climate finance", "migration", "nuclear talks", "fisheries"]
MEETING = [
    "{a} met {b} in {place} on {day}.",
    "{a} held talks with {b} in {place} on {day}, officials said.",
    "{a} and {b} met on the sidelines of a summit in {place} on {day}.",
    "On {day}, {a} received {b} in {place}.",
]
CALL = [
    "{a} spoke by phone with {b} on {day}.",
    "{a} phoned {b} on {day} to discuss {topic}.",
    "In a telephone call on {day}, {a} and {b} discussed {topic}.",
]
VISIT = [
    "{a} will visit {place} next month, where {b} is expected to host the talks.",
    "{a} is due to travel to {place} to meet {b}, a spokesman said.",
]
FILLER = [
    "The talks covered {topic} and regional security.",
    "Neither side gave details of what was agreed.",
    "Analysts said the meeting showed a thaw in relations.",
    "Officials described the discussions as frank and constructive.",
    "The two sides agreed to keep in touch on {topic}.",
    "Markets showed little reaction to the news.",
]
QUOTE = [
    '"We had a useful exchange on {topic}," {a} told reporters.',
    '{a} said the two sides were "close to an agreement" on {topic}.',
    '"There is still much work to do," {b} said after the talks.',
]


def _people() -> list[dict[str, str]]:
    with PEOPLE.open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["office"] and row["start"]]


def _day_in(row: dict[str, str], rng: random.Random) -> dt.date:
    start = dt.date.fromisoformat(row["start"])
    end = dt.date.fromisoformat(row["end"]) if row["end"] else dt.date(2024, 12, 31)
    return start + dt.timedelta(days=rng.randrange(max(1, (end - start).days)))


def _named(row: dict[str, str], rng: random.Random) -> str:
    office = row["office"].title() if rng.random() < 0.5 else ""
    return f"{office} {row['name']}".strip()


def article(number: int, people: list[dict[str, str]], rng: random.Random) -> dict[str, str]:
    """One article: a headline, a lead, three to six paragraphs, dated inside the first actor's tenure."""
    first = rng.choice(people)
    published = _day_in(first, rng)
    others = [p for p in rng.sample(people, 3) if p["name"] != first["name"]][:2]
    day = published - dt.timedelta(days=rng.randrange(0, 6))
    fill = {"place": rng.choice(PLACES), "topic": rng.choice(TOPICS), "day": f"{day:%B} {day.day}"}
    a, b = _named(first, rng), _named(others[0], rng)
    lines = [f"{first['name']} and {others[0]['name']} discuss {fill['topic']}", ""]
    lines.append(rng.choice(MEETING).format(a=a, b=b, **fill))
    for _ in range(rng.randint(3, 6)):
        kind = rng.choice([CALL, VISIT, FILLER, FILLER, QUOTE])
        c = _named(others[-1], rng) if rng.random() < 0.5 else b
        paragraph = [rng.choice(kind).format(a=a, b=c, **fill), rng.choice(FILLER).format(**fill)]
        lines += ["", " ".join(paragraph)]
    return {"id": f"synthetic-{number:06d}", "published": published.isoformat(), "text": "\n".join(lines)}


def write_corpus(n: int, out: Path, seed: int = 0) -> list[Path]:
    """Write ``n`` articles to ``out`` as JSON Lines files of :data:`PER_FILE` articles each."""
    rng, people = random.Random(seed), _people()
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for first in range(0, n, PER_FILE):
        path = out / f"part-{first // PER_FILE:05d}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for number in range(first, min(n, first + PER_FILE)):
                handle.write(json.dumps(article(number, people, rng), ensure_ascii=False) + "\n")
        files.append(path)
    return files


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    write_corpus(args.n, args.out, args.seed)
