"""JSON Lines records: the exact shape of FORMAT.md, the round trip, and atomic, deterministic writing."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import SHARED

from graphkit.errors import InputError
from graphkit.models import Extraction, Role
from graphkit.records import from_record, to_record, write_jsonl

SCORER = SHARED / "eval" / "score.py"

EXPECTED = {
    "id": "d001",
    "published": "2025-07-02",
    "url": "https://example.org/d001",
    "title": "Macron and Putin spoke",
    "actors": [
        {
            "id": "macron",
            "name": "Emmanuel Macron",
            "type": "person",
            "country": "FRA",
            "aliases": ["Macron"],
            "wikidata": "Q3052772",
            "offices": ["President of France"],
        },
        {
            "id": "putin",
            "name": "Vladimir Putin",
            "type": "person",
            "country": "RUS",
            "aliases": ["Putin"],
            "wikidata": None,
            "offices": [],
        },
        {
            "id": "lavrov",
            "name": "Sergueï Lavrov",
            "type": "person",
            "country": "RUS",
            "aliases": ["Sergueï Lavrov"],
            "wikidata": None,
            "offices": [],
        },
        {
            "id": "fra",
            "name": "France",
            "type": "country",
            "country": "FRA",
            "aliases": ["Paris"],
            "wikidata": "Q142",
            "offices": [],
        },
        {
            "id": "peskov",
            "name": "Dmitry Peskov",
            "type": "person",
            "country": "RUS",
            "aliases": ["Peskov"],
            "wikidata": None,
            "offices": [],
        },
    ],
    "contacts": [
        {
            "participants": ["macron", "putin"],
            "roles": [
                {"actor": "macron", "role": "caller", "on_behalf_of": None},
                {"actor": "putin", "role": "callee", "on_behalf_of": None},
            ],
            "kind": "call",
            "status": "occurred",
            "date": {
                "start": "2025-07-01",
                "end": "2025-07-01",
                "granularity": "day",
                "expression": "on Tuesday",
            },
            "location": None,
            "level": "summit",
            "evidence": {"text": "Macron phoned Putin on Tuesday", "start": 0, "end": 30},
            "mentions": [],
        },
        {
            "participants": ["lavrov", "fra"],
            "roles": [
                {"actor": "lavrov", "role": "envoy", "on_behalf_of": "putin"},
                {"actor": "fra", "role": "host", "on_behalf_of": None},
            ],
            "kind": "visit",
            "status": "occurred",
            "date": None,
            "location": "Paris",
            "level": None,
            "evidence": {"text": "Sergueï Lavrov visited Paris as Putin's envoy", "start": 39, "end": 84},
            "mentions": [{"text": "Later", "start": 32, "end": 37}],
        },
    ],
    "statements": [
        {
            "speaker": "peskov",
            "text": "no meeting is planned",
            "direct": True,
            "date": None,
            "evidence": {"text": "no meeting is planned", "start": 99, "end": 120},
        }
    ],
}


def test_record_has_the_format_md_shape(extraction: Extraction) -> None:
    record = to_record(extraction)
    assert record == EXPECTED
    assert list(record) == ["id", "published", "url", "title", "actors", "contacts", "statements"]
    assert json.loads(json.dumps(record)) == record  # plain JSON types only


def test_round_trip_with_the_article_text(extraction: Extraction) -> None:
    assert from_record(to_record(extraction), extraction.article.text) == extraction


def test_round_trip_through_a_file(extraction: Extraction, tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write_jsonl([to_record(extraction)], path)
    (line,) = path.read_text(encoding="utf-8").splitlines()
    assert from_record(json.loads(line), extraction.article.text) == extraction


def test_record_leaves_out_what_format_md_does_not_carry(extraction: Extraction) -> None:
    article = extraction.article.model_copy(update={"outlet": "Example News", "source": "in.jsonl"})
    back = from_record(to_record(extraction.model_copy(update={"article": article})), article.text)
    assert (back.article.outlet, back.article.source) == (None, None)
    assert back.contacts == extraction.contacts


def test_without_the_text_offsets_still_hold(extraction: Extraction) -> None:
    record = to_record(extraction)
    back = from_record(record)
    assert to_record(back) == record
    text = back.article.text
    assert text[39:84] == "Sergueï Lavrov visited Paris as Putin's envoy"
    assert text[30:32] == "  "  # blanks where no evidence was recorded


def test_record_without_roles_gets_plain_participants(extraction: Extraction) -> None:
    record = to_record(extraction)
    del record["contacts"][0]["roles"]
    back = from_record(record, extraction.article.text)
    assert [(p.actor, p.role) for p in back.contacts[0].participants] == [
        ("macron", Role.PARTICIPANT),
        ("putin", Role.PARTICIPANT),
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r.pop("id"), "missing field 'id'"),
        (
            lambda r: r["contacts"][0].update(participants=["macron", "ghost"], roles=None),
            "unknown actor 'ghost'",
        ),
        (
            lambda r: r["contacts"][0].update(participants=["putin", "macron"]),
            "roles name ['macron', 'putin']",
        ),
        (lambda r: r["contacts"][0].update(kind="lunch"), "contacts.0.kind"),
        (
            lambda r: r["statements"][0]["evidence"].update(start=98, end=119),
            "does not match the article text",
        ),
    ],
    ids=["no-id", "unknown-participant", "roles-disagree", "bad-kind", "shifted-evidence"],
)
def test_bad_records_name_the_problem(extraction: Extraction, change, message: str) -> None:
    record = to_record(extraction)
    change(record)
    with pytest.raises(InputError, match="record") as info:
        from_record(record, extraction.article.text)
    assert message in str(info.value)


def test_a_record_must_be_an_object() -> None:
    with pytest.raises(InputError, match="JSON object, not list"):
        from_record([])  # type: ignore[arg-type]  # the wrong type is the point


def test_write_jsonl_is_deterministic_and_keeps_non_ascii(extraction: Extraction, tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_jsonl([to_record(extraction), {"id": "d002"}], first)
    write_jsonl([to_record(extraction), {"id": "d002"}], second)
    assert first.read_bytes() == second.read_bytes()
    content = first.read_text(encoding="utf-8")
    assert "Sergueï" in content and "\\u" not in content
    assert content.endswith('{"id": "d002"}\n')


def test_write_jsonl_replaces_atomically(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("old\n", encoding="utf-8")

    def records():
        yield {"id": "new"}
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_jsonl(records(), path)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no temporary file left


def test_write_jsonl_creates_the_directory_with_usual_permissions(tmp_path: Path) -> None:
    path = tmp_path / "new" / "out.jsonl"
    write_jsonl([{"id": "x"}], path)
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not beside the repository")
def test_the_scorer_reads_our_records(extraction: Extraction, tmp_path: Path) -> None:
    record = to_record(extraction)
    gold = {
        **record,
        "contacts": [{**c, "evidence": c["evidence"]["text"], "optional": False} for c in record["contacts"]],
        "statements": [{"speaker": "peskov", "quote_start": "no meeting is", "optional": False}],
    }
    write_jsonl([gold], tmp_path / "gold.jsonl")
    write_jsonl([record], tmp_path / "system.jsonl")
    done = subprocess.run(
        [sys.executable, str(SCORER), str(tmp_path / "gold.jsonl"), str(tmp_path / "system.jsonl"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = {row["metric"]: row for row in json.loads(done.stdout)["rows"]}
    assert (rows["events"]["tp"], rows["events"]["fp"], rows["events"]["fn"]) == (2, 0, 0)
    assert (rows["statements"]["tp"], rows["statements"]["fp"]) == (1, 0)


def test_read_jsonl_is_the_inverse_of_write_jsonl(extraction: Extraction, tmp_path: Path) -> None:
    from graphkit.records import read_jsonl

    path = tmp_path / "x.jsonl"
    write_jsonl([to_record(extraction), to_record(extraction)], path)
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a trailing blank line
    assert [to_record(e) for e in read_jsonl(path)] == [to_record(extraction)] * 2
    path.write_text('{"id": "a"}\n{"id": ', encoding="utf-8")
    with pytest.raises(InputError, match=r"x.jsonl:2: "):
        read_jsonl(path)


def test_to_row_is_one_flat_contact(extraction: Extraction) -> None:
    from graphkit.records import to_row

    call = extraction.contacts[0]
    row = to_row(call)
    assert (row["kind"], row["status"], row["granularity"]) == ("call", "occurred", "day")
    assert call.date is not None and (row["start"], row["end"]) == (call.date.start, call.date.end)
    assert extraction.article.text[row["evidence_start"] : row["evidence_end"]] == row["evidence"]
    assert all(isinstance(v, str | int | dt.date) or v is None for v in row.values())


def test_a_record_with_a_country_code_no_state_has_is_refused_naming_the_actor() -> None:
    from graphkit.errors import InputError
    from graphkit.records import from_record

    record = {"id": "x", "actors": [{"id": "a", "name": "Atlantis", "type": "country", "country": "ZZZ"}]}
    with pytest.raises(InputError, match=r"actor 'a' has country 'ZZZ'"):
        from_record(record)


def test_the_contract_checks_the_shape_of_a_country_code_only() -> None:
    from pydantic import ValidationError

    from graphkit.models import Actor, ActorType

    assert Actor(id="a", name="A", type=ActorType.COUNTRY, country="ZZZ").country == "ZZZ"
    with pytest.raises(ValidationError, match="pattern"):
        Actor(id="a", name="A", type=ActorType.COUNTRY, country="fr")
