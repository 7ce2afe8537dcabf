"""Extraction -> RDF -> Extraction without loss, in memory and through every output format."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from helpers import RUN, SEED, Extract, quads
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import OWL, BNode, Dataset, URIRef

from graphkit.models import (
    Actor,
    ActorType,
    Article,
    Contact,
    ContactKind,
    ContactLevel,
    ContactStatus,
    DateSpan,
    Evidence,
    Extraction,
    Granularity,
    Participant,
    Role,
    Statement,
)
from graphkit.rdf import article_graph, extractions_from_graph, serialize, to_graph
from graphkit.rdf.dataset import FORMATS
from graphkit.rdf.namespace import GK, NIF, WD


def test_fixture_extraction_round_trips(extraction: Extraction) -> None:
    assert extractions_from_graph(to_graph([extraction], RUN)) == [extraction]


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_round_trip_through_every_format(extraction: Extraction, suffix: str) -> None:
    dataset = to_graph([extraction], RUN)
    parsed = Dataset()
    parsed.parse(data=serialize(dataset, FORMATS[suffix]), format=FORMATS[suffix])
    assert extractions_from_graph(parsed) == [extraction]
    if suffix in (".trig", ".nq", ".jsonld"):  # these keep named graphs
        assert quads(parsed) == quads(dataset)


def test_seed_round_trips_and_is_deterministic(extract: Extract) -> None:
    (seed,) = extract(SEED)
    first, second = to_graph([seed], RUN), to_graph([seed], RUN)
    assert quads(first) == quads(second)
    assert serialize(first, "nquads") == serialize(second, "nquads")
    assert extractions_from_graph(first) == [seed]


def test_no_blank_nodes_and_spans_are_rfc5147(extraction: Extraction) -> None:
    graph = article_graph(extraction, RUN)
    assert not [t for t in graph if any(isinstance(term, BNode) for term in t)]
    evidence = extraction.contacts[0].evidence
    span = URIRef(f"https://w3id.org/graphkit/id/article/d001#char={evidence.start},{evidence.end}")
    assert graph.value(span, NIF.anchorOf).toPython() == evidence.text
    assert graph.value(span, NIF.beginIndex).toPython() == evidence.start


def test_actor_iris_from_qid_else_type_and_name(extraction: Extraction) -> None:
    graph = article_graph(extraction)
    macron = URIRef("https://w3id.org/graphkit/id/actor/wd/Q3052772")
    assert (macron, OWL.sameAs, WD.Q3052772) in graph
    putin = URIRef("https://w3id.org/graphkit/id/actor/person/vladimir-putin")
    local = URIRef("https://w3id.org/graphkit/id/article/d001/actor/putin")
    assert graph.value(local, GK.refersTo) == putin


def test_same_actor_in_two_articles_is_one_node(extraction: Extraction) -> None:
    other = extraction.model_copy(update={"article": extraction.article.model_copy(update={"id": "d002"})})
    dataset = to_graph([extraction, other])
    locals_ = sorted(
        dataset.subjects(GK.refersTo, URIRef("https://w3id.org/graphkit/id/actor/person/vladimir-putin"))
    )
    assert [str(n).split("/article/")[1] for n in locals_] == ["d001/actor/putin", "d002/actor/putin"]


# --- property test: generated extractions round-trip --------------------------------------------------

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)
_DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def _spans(draw: st.DrawFn, text: str) -> Evidence:
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start, len(text)))
    return Evidence(text=text[start:end], start=start, end=end)


@st.composite
def _dates(draw: st.DrawFn) -> DateSpan | None:
    if draw(st.booleans()):
        return None
    start = draw(_DAYS)
    return DateSpan(
        start=start,
        end=start + dt.timedelta(days=draw(st.integers(0, 400))),
        granularity=draw(st.sampled_from(Granularity)),
        expression=draw(st.none() | _TEXT),
        anchor=draw(st.none() | _DAYS),
    )


@st.composite
def extractions(draw: st.DrawFn) -> Extraction:
    text = draw(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80))
    ids = draw(
        st.lists(
            st.text(string.ascii_letters + "_-é .", min_size=1, max_size=8),
            min_size=2,
            max_size=4,
            unique=True,
        )
    )
    actors = tuple(
        Actor(
            id=i,
            name=draw(_TEXT),
            type=draw(st.sampled_from(ActorType)),
            country=draw(st.sampled_from([None, "FRA", "RUS", "USA"])),
            offices=tuple(draw(st.lists(_TEXT, max_size=2))),
            aliases=tuple(draw(st.lists(_TEXT, max_size=3))),
            wikidata=draw(st.sampled_from([None, "Q7747", "Q142"])),
            mentions=tuple(draw(st.lists(_spans(text), max_size=2))),
            unnamed=draw(st.booleans()),
        )
        for i in ids
    )
    contacts = tuple(
        Contact(
            participants=tuple(
                Participant(
                    actor=a,
                    role=draw(st.sampled_from(Role)),
                    on_behalf_of=draw(st.sampled_from([None, *ids])),
                )
                for a in draw(st.permutations(ids))[: draw(st.integers(2, len(ids)))]
            ),
            kind=draw(st.sampled_from(ContactKind)),
            status=draw(st.sampled_from(ContactStatus)),
            date=draw(_dates()),
            location=draw(st.none() | _TEXT),
            level=draw(st.none() | st.sampled_from(ContactLevel)),
            evidence=draw(_spans(text)),
            mentions=tuple(draw(st.lists(_spans(text), max_size=2))),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    statements = tuple(
        Statement(
            speaker=draw(st.sampled_from(ids)),
            text=draw(_TEXT),
            direct=draw(st.booleans()),
            date=draw(_dates()),
            evidence=draw(_spans(text)),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    article = Article(
        id=draw(st.text(string.ascii_letters + string.digits + "-_/ %é", min_size=1, max_size=10)),
        url=draw(st.none() | st.just("https://example.org/a?b=1")),
        title=draw(st.none() | _TEXT),
        published=draw(st.none() | _DAYS),
        outlet=draw(st.none() | _TEXT),
        licence=draw(st.none() | _TEXT),
        source=draw(st.none() | _TEXT),
        text=text,
    )
    return Extraction(article=article, actors=actors, contacts=contacts, statements=statements)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(extractions())
def test_generated_extractions_round_trip(extraction: Extraction) -> None:
    assert extractions_from_graph(to_graph([extraction], RUN)) == [extraction]
