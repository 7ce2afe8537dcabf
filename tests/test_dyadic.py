"""The dyadic event table: CAMEO/PLOVER codes by direction, merged events, and the exported files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from graphkit import dyadic
from graphkit.cli import app
from graphkit.errors import GraphkitError, InputError
from graphkit.models import (
    Actor,
    ActorType,
    Article,
    Contact,
    ContactKind,
    ContactStatus,
    DateSpan,
    Evidence,
    Extraction,
    Granularity,
    Participant,
    Role,
)

ROOT = Path(__file__).resolve().parents[1]
K, S, R = ContactKind, ContactStatus, Role
OCCURRED = S.OCCURRED
WD = "https://w3id.org/graphkit/id/actor/wd/"

# (kind, status, source role, target role, venue) -> (CAMEO, PLOVER, PLOVER mode)
CODES = [
    # a call is reciprocal: the same code both ways, whoever called
    ((K.CALL, OCCURRED, R.CALLER, R.CALLEE, "unknown"), ("041", "CONSULT", "phone")),
    ((K.CALL, OCCURRED, R.CALLEE, R.CALLER, "unknown"), ("041", "CONSULT", "phone")),
    # a visit is two linked events: the visitor makes it, the host hosts it
    ((K.VISIT, OCCURRED, R.VISITOR, R.HOST, "target"), ("042", "CONSULT", "visit")),
    ((K.VISIT, OCCURRED, R.HOST, R.VISITOR, "source"), ("043", "CONSULT", "host")),
    ((K.VISIT, OCCURRED, R.ENVOY, R.PARTICIPANT, "unknown"), ("042", "CONSULT", "visit")),
    ((K.MEETING, OCCURRED, R.PARTICIPANT, R.HOST, "unknown"), ("042", "CONSULT", "visit")),
    ((K.MEETING, OCCURRED, R.PARTICIPANT, R.VISITOR, "unknown"), ("043", "CONSULT", "host")),
    # roles outrank the place: a host abroad still hosts
    ((K.MEETING, OCCURRED, R.HOST, R.VISITOR, "third"), ("043", "CONSULT", "host")),
    # without roles, the place decides
    ((K.MEETING, OCCURRED, R.PARTICIPANT, R.PARTICIPANT, "target"), ("042", "CONSULT", "visit")),
    ((K.MEETING, OCCURRED, R.PARTICIPANT, R.PARTICIPANT, "source"), ("043", "CONSULT", "host")),
    ((K.MEETING, OCCURRED, R.PARTICIPANT, R.PARTICIPANT, "third"), ("044", "CONSULT", "third-party")),
    # nothing tells them apart: CAMEO's residual 040
    ((K.MEETING, OCCURRED, R.PARTICIPANT, R.PARTICIPANT, "unknown"), ("040", "CONSULT", None)),
    ((K.VISIT, OCCURRED, R.PARTICIPANT, R.PARTICIPANT, "unknown"), ("040", "CONSULT", None)),
    ((K.CONTACT, OCCURRED, R.PARTICIPANT, R.PARTICIPANT, "third"), ("040", "CONSULT", None)),
    ((K.CORRESPONDENCE, OCCURRED, R.SENDER, R.RECIPIENT, "unknown"), ("040", "CONSULT", None)),
    # intentions and negations, whatever the kind or direction
    ((K.VISIT, S.PLANNED, R.VISITOR, R.HOST, "target"), ("036", "AGREE", None)),
    ((K.CALL, S.PROPOSED, R.CALLER, R.CALLEE, "unknown"), ("036", "AGREE", None)),
    ((K.MEETING, S.NEGATED, R.PARTICIPANT, R.PARTICIPANT, "third"), ("125", "REJECT", "meet")),
]


@pytest.mark.parametrize(("given", "expected"), CODES)
def test_codes(given: tuple, expected: tuple[str, str, str | None]) -> None:
    codes = dyadic.load_codes().codes(*given)
    assert (codes.cameo, codes.plover, codes.plover_mode) == expected


def test_a_mapping_without_a_final_rule_says_so(tmp_path: Path) -> None:
    path = tmp_path / "codes.yaml"
    path.write_text("rules:\n  - {kind: call, cameo: '041', plover: CONSULT}\n", encoding="utf-8")
    book = dyadic.load_codes(path)
    with pytest.raises(GraphkitError, match="no CAMEO/PLOVER rule matches kind=meeting"):
        book.codes(K.MEETING, OCCURRED)
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - {kind: lunch, cameo: '041', plover: CONSULT}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.yaml: not a CAMEO/PLOVER mapping"):
        dyadic.load_codes(bad)


# -- rows ------------------------------------------------------------------------------------------


def _rows(extractions: list[Extraction]) -> list[tuple]:
    return [
        (r.source_name, r.target_name, r.source_role.value, r.target_role.value, r.cameo, r.plover_mode)
        for r in dyadic.dyads(extractions)
    ]


def test_one_row_per_direction_with_its_code(extraction: Extraction) -> None:
    assert _rows([extraction]) == [
        # the dated call first, then the undated visit of Putin's envoy to France
        ("Emmanuel Macron", "Vladimir Putin", "caller", "callee", "041", "phone"),
        ("Vladimir Putin", "Emmanuel Macron", "callee", "caller", "041", "phone"),
        ("Sergueï Lavrov", "France", "envoy", "host", "042", "visit"),
        ("France", "Sergueï Lavrov", "host", "envoy", "043", "host"),
    ]
    call = dyadic.dyads([extraction])[0]
    assert (call.start, call.end, call.granularity, call.kind, call.status, call.level) == (
        dt.date(2025, 7, 1),
        dt.date(2025, 7, 1),
        Granularity.DAY,
        K.CALL,
        OCCURRED,
        "summit",
    )
    assert (call.source, call.source_type, call.source_wikidata, call.source_country) == (
        WD + "Q3052772",
        ActorType.PERSON,
        "Q3052772",
        "FRA",
    )
    assert (call.target_wikidata, call.target_country) == (None, "RUS")
    assert (call.articles, call.article_ids, call.evidence) == (
        1,
        ("d001",),
        "Macron phoned Putin on Tuesday",
    )
    assert call.event.startswith("https://w3id.org/graphkit/id/event/")


def _meeting(article_id: str, location: str | None, *, day: int = 3, published: int = 4) -> Extraction:
    text = "Macron met Putin."
    actors = (
        Actor(id="m", name="Emmanuel Macron", type=ActorType.PERSON, country="FRA", wikidata="Q3052772"),
        Actor(id="p", name="Vladimir Putin", type=ActorType.PERSON, country="RUS", wikidata="Q7747"),
    )
    date = DateSpan(start=dt.date(2025, 3, day), end=dt.date(2025, 3, day), granularity=Granularity.DAY)
    contact = Contact(
        participants=(Participant(actor="m"), Participant(actor="p")),
        kind=K.MEETING,
        status=OCCURRED,
        date=date,
        location=location,
        evidence=Evidence(text=text, start=0, end=len(text)),
    )
    article = Article(id=article_id, text=text, published=dt.date(2025, 3, published))
    return Extraction(article=article, actors=actors, contacts=(contact,))


@pytest.mark.parametrize(
    ("location", "macron_to_putin", "putin_to_macron"),
    [
        ("Moscow", "042", "043"),  # a capital: Macron visited
        ("a lakeside villa", "040", "040"),  # a place the gazetteer cannot put in a country
        ("the Elysee Palace", "043", "042"),  # the seat of the French presidency
        ("the Kremlin", "042", "043"),  # a seat of government
        ("Beijing", "044", "044"),  # neither side's country
        (None, "040", "040"),
    ],
)
def test_the_place_gives_the_direction(
    location: str | None, macron_to_putin: str, putin_to_macron: str
) -> None:
    codes = {(r.source_name, r.cameo) for r in dyadic.dyads([_meeting("a1", location)])}
    assert codes == {("Emmanuel Macron", macron_to_putin), ("Vladimir Putin", putin_to_macron)}


def test_a_contact_reported_twice_is_one_event_with_both_articles() -> None:
    rows = dyadic.dyads([_meeting("b2", "Moscow", published=5), _meeting("a1", None)])
    assert len(rows) == 2 and len({r.event for r in rows}) == 1
    assert [(r.articles, r.article_ids, r.location, r.cameo) for r in rows] == [
        (2, ("a1", "b2"), "Moscow", "042"),
        (2, ("a1", "b2"), "Moscow", "043"),
    ]
    # different days are different events
    assert len({r.event for r in dyadic.dyads([_meeting("a1", None), _meeting("b2", None, day=9)])}) == 2


def test_frame_keeps_its_columns_when_empty() -> None:
    frame = dyadic.dyadic_frame([])
    assert tuple(frame.columns) == dyadic.COLUMNS
    assert frame.empty


# -- files -----------------------------------------------------------------------------------------


def _invoke(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})


@pytest.fixture(scope="module")
def seed_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled article, extracted with the real pipeline."""
    out = tmp_path_factory.mktemp("seed") / "seed.jsonl"
    result = _invoke("extract", ROOT / "data/articles/seed.txt", "--out", out, "--quiet")
    assert result.exit_code == 0, result.output
    return out


def _kremlin_meeting(frame: pd.DataFrame) -> list[dict]:
    """The seed's meeting of Putin and Macron at the Kremlin in February 2022, both directions."""
    rows = frame[(frame["kind"] == "meeting") & (frame["location"] == "the Kremlin")]
    return rows.drop(columns=["event", "evidence"]).to_dict("records")


def _expected_kremlin(start: object, end: object) -> list[dict]:
    macron = {"name": "Emmanuel Macron", "wikidata": "Q3052772", "country": "FRA"}
    putin = {"name": "Vladimir Putin", "wikidata": "Q7747", "country": "RUS"}
    common = {
        "start": start,
        "end": end,
        "granularity": "month",
        "kind": "meeting",
        "status": "occurred",
        "level": "summit",
        "location": "the Kremlin",
        "plover": "CONSULT",
        "articles": 1,
    }

    def side(prefix: str, actor: dict) -> dict:
        return {
            prefix: WD + actor["wikidata"],
            f"{prefix}_name": actor["name"],
            f"{prefix}_type": "person",
            f"{prefix}_wikidata": actor["wikidata"],
            f"{prefix}_country": actor["country"],
            f"{prefix}_role": "participant",
        }

    # At the Kremlin, in Russia: Macron made the visit, Putin hosted it.
    visit = {"cameo": "042", "plover_mode": "visit"}
    host = {"cameo": "043", "plover_mode": "host"}
    return [  # in the text's order: Putin is named before Macron
        {**common, **side("source", putin), **side("target", macron), **host},
        {**common, **side("source", macron), **side("target", putin), **visit},
    ]


def test_seed_to_csv(seed_jsonl: Path, tmp_path: Path) -> None:
    out = tmp_path / "dyads.csv"
    result = _invoke("export", seed_jsonl, "--out", out)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("wrote 1 articles, 4 events to ")
    frame = pd.read_csv(out, dtype={"cameo": str}, keep_default_na=False, na_values=[""])
    assert tuple(frame.columns) == dyadic.COLUMNS
    rows = _kremlin_meeting(frame)
    for row in rows:
        assert json.loads(row.pop("article_ids")) == ["seed"]  # lists are JSON, not Python repr
    assert rows == _expected_kremlin("2022-02-01", "2022-02-28")
    evidence = set(frame.loc[frame["location"] == "the Kremlin", "evidence"])
    assert evidence == {
        "Vladimir Putin and Emmanuel Macron meet at the Kremlin just days before the invasion of Ukraine in "
        "February 2022."
    }


def test_seed_to_parquet(seed_jsonl: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    out = tmp_path / "dyads.parquet"
    result = _invoke("export", seed_jsonl, "--out", out)
    assert result.exit_code == 0, result.output
    frame = pd.read_parquet(out)
    assert tuple(frame.columns) == dyadic.COLUMNS
    rows = _kremlin_meeting(frame)
    for row in rows:
        assert list(row.pop("article_ids")) == ["seed"]
    assert rows == _expected_kremlin(pd.Timestamp("2022-02-01"), pd.Timestamp("2022-02-28"))


def test_parquet_without_pyarrow_is_an_error_that_says_so(
    extraction: Extraction, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_engine(*args: object, **kwargs: object) -> None:
        raise ImportError("Unable to find a usable engine")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", no_engine)
    with pytest.raises(GraphkitError, match="needs pyarrow, which is not installed"):
        dyadic.export_parquet([extraction], tmp_path / "x.parquet")
    assert list(tmp_path.iterdir()) == []


def test_the_same_event_ids_from_records_rdf_and_a_store(tmp_path: Path) -> None:
    """Records drop a date's anchor; the event ids must not depend on it."""
    from graphkit import rdf
    from graphkit.records import from_record, to_record

    meeting = _meeting("a1", "Moscow")
    [contact] = meeting.contacts
    assert contact.date is not None
    anchored = contact.date.model_copy(update={"anchor": dt.date(2025, 3, 4), "expression": "on Monday"})
    meeting = meeting.model_copy(update={"contacts": (contact.model_copy(update={"date": anchored}),)})
    store = rdf.open_store(tmp_path / "store")
    try:
        rdf.add_extractions(store, [meeting])
        from_store = rdf.extractions_from_graph(store.dump())
    finally:
        store.close()
    events = {
        how: {r.event for r in dyadic.dyads(extractions)}
        for how, extractions in {
            "extraction": [meeting],
            "record": [from_record(to_record(meeting))],
            "store": from_store,
        }.items()
    }
    assert len(events["extraction"]) == 1
    assert events["record"] == events["extraction"] == events["store"]


def test_doctests() -> None:
    import doctest

    from graphkit import export

    for module in (dyadic, export):
        result = doctest.testmod(module)
        assert result.failed == 0
    assert doctest.testmod(dyadic).attempted >= 1
