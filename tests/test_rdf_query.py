"""The query API on the seed article: Macron's contacts with evidence, filters, statements, injection."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import RUN, SEED, Extract
from rdflib import Dataset

from graphkit.models import ContactKind, ContactLevel, ContactStatus, Granularity
from graphkit.rdf import (
    contacts,
    sparql,
    statements_by,
    timeline,
    to_frame,
    to_graph,
    top_counterparts,
    who_met_whom,
)
from graphkit.rdf.actors import UnknownActorError

D = dt.date


@pytest.fixture(scope="module")
def seed(extract: Extract) -> Dataset:
    return to_graph(extract(SEED), RUN)


def test_macrons_contacts_are_the_july_call_and_the_february_2022_meeting(seed: Dataset) -> None:
    found = contacts(seed, "Macron")
    assert [(c.kind, c.start, c.end, c.granularity) for c in found] == [
        (ContactKind.MEETING, D(2022, 2, 1), D(2022, 2, 28), Granularity.MONTH),
        (ContactKind.CALL, D(2025, 7, 1), D(2025, 7, 31), Granularity.MONTH),
    ]
    assert [c.sources[0].text.split(",")[0] for c in found] == [
        "Vladimir Putin and Emmanuel Macron meet at the Kremlin just days before the invasion of Ukraine in "
        "February 2022.",
        "Macron last spoke with Putin in July",
    ]
    assert all([p.name for p in c.participants] == ["Emmanuel Macron", "Vladimir Putin"] for c in found)
    assert found[0].location == "the Kremlin" and found[0].sources[0].published == D(2026, 2, 10)
    assert [c.level for c in found] == [ContactLevel.SUMMIT, ContactLevel.SUMMIT]  # two presidents


@pytest.mark.parametrize(
    "who", ["Macron", "emmanuel macron", "Q3052772", "https://w3id.org/graphkit/id/actor/wd/Q3052772"]
)
def test_actors_by_name_alias_qid_or_iri(seed: Dataset, who: str) -> None:
    assert len(contacts(seed, who)) == 2


def test_filters(seed: Dataset) -> None:
    assert [c.kind for c in contacts(seed, "Macron", kind=ContactKind.CALL)] == [ContactKind.CALL]
    assert [c.start for c in contacts(seed, "Macron", start=D(2025, 1, 1))] == [D(2025, 7, 1)]
    assert [c.start for c in contacts(seed, "Macron", end=D(2022, 2, 1))] == [D(2022, 2, 1)]
    assert contacts(seed, "Macron", status=ContactStatus.PLANNED) == []
    assert contacts(seed, "Macron", counterpart="Yury Ushakov") == []
    assert len(contacts(seed, "Macron", counterpart="Putin")) == 2


def test_timeline_counterparts_and_pairs(seed: Dataset) -> None:
    assert [c.start for c in timeline(seed, "Putin")] == [D(2022, 2, 1), D(2025, 7, 1)]
    ((top, n),) = [(c.actor.name, c.contacts) for c in top_counterparts(seed, "Macron")]
    assert (top, n) == ("Vladimir Putin", 2)
    pairs = who_met_whom(seed, D(2025, 1, 1), D(2025, 12, 31))
    assert [tuple(a.name for a in p.actors) for p in pairs] == [("Emmanuel Macron", "Vladimir Putin")]


def test_statements_by_an_actor(seed: Dataset) -> None:
    said = statements_by(seed, "Putin")
    assert [(s.text, s.direct, s.source.start) for s in said] == [
        ("root causes of the Ukrainian crisis.", True, 2074)
    ]
    by_peskov = statements_by(seed, "Peskov")
    assert (sum(s.direct for s in by_peskov), sum(not s.direct for s in by_peskov)) == (
        6,
        2,
    )  # quoted, reported


@pytest.mark.parametrize(
    "name",
    ['Macron" } } ; DROP ALL ; #', "Macron') || true || ('", "<http://x> } UNION { ?s ?p ?o", 'x"\\\n'],
)
def test_malicious_names_are_values_not_query_text(seed: Dataset, name: str) -> None:
    before = len(seed)
    with pytest.raises(UnknownActorError):
        contacts(seed, name)
    with pytest.raises(UnknownActorError):
        statements_by(seed, name)
    assert len(seed) == before


def test_frames_and_raw_sparql(seed: Dataset) -> None:
    frame = to_frame(contacts(seed, "Macron"))
    assert list(frame["kind"]) == ["meeting", "call"]
    rows = sparql(seed, "SELECT ?e WHERE { GRAPH ?g { ?e a gk:Call } }")
    assert [r["e"] for r in rows] == [c.iri for c in contacts(seed, "Macron", kind=ContactKind.CALL)]
