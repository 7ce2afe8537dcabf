"""One identity per actor across articles: the same person is one node, different people stay apart.

Every article here is written for this test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from rdflib import SDO, Literal

from graphkit import extract, to_graph
from graphkit.identity import actor_key
from graphkit.models import Actor, ActorType, Article, Extraction
from graphkit.network import event_graph
from graphkit.rdf import extractions_from_graph
from graphkit.rdf.iris import actor_iri
from graphkit.rdf.namespace import GK
from graphkit.rdf.query import find_actors
from graphkit.records import from_record, to_record

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

ARTICLES = [
    ("m1", "2019-05-02", "French President Emmanuel Macron met German Chancellor Angela Merkel on Monday."),
    ("m2", "2020-03-04", "President Macron spoke by phone with Italian Prime Minister Giuseppe Conte."),
    ("m3", "2021-07-08", "Emmanuel Macron hosted Canadian Prime Minister Justin Trudeau on Wednesday."),
    ("m4", "2022-02-10", "The French president met Russian President Vladimir Putin in Moscow on Monday."),
    ("m5", "2023-04-06", "Macron met Chinese President Xi Jinping in Beijing on Thursday, officials said."),
]


def _extractions(rows: list[tuple[str, str, str]]) -> list[Extraction]:
    return [extract(Article(id=i, published=dt.date.fromisoformat(p), text=t)) for i, p, t in rows]


@pytest.fixture(scope="module")
def five() -> list[Extraction]:
    return _extractions(ARTICLES)


def test_every_article_resolves_macron_to_his_wikidata_item(five: list[Extraction]) -> None:
    for extraction in five:
        [macron] = [a for a in extraction.actors if a.name == "Emmanuel Macron"]
        assert macron.wikidata == "Q3052772", extraction.article.id


def test_the_same_actor_from_five_articles_is_one_node(five: list[Extraction]) -> None:
    graph = to_graph(five)
    [shared] = find_actors(graph, "Q3052772")
    assert find_actors(graph, "Emmanuel Macron") == [shared]  # names resolve to the shared node too
    # Each article keeps its own actor node (what that article calls him); all refer to the one shared node.
    local = {str(s) for s, _, o, _ in graph.quads((None, GK.refersTo, None)) if str(o) == str(shared)}
    assert len(local) == 5


def test_office_holders_are_resolved_at_the_publication_date() -> None:
    [extraction] = _extractions(
        [("g1", "2019-05-02", "The German chancellor met Dutch Prime Minister Mark Rutte on Monday.")]
    )
    names = {extraction.actor(p.actor).name for p in extraction.contacts[0].participants}
    assert "Angela Merkel" in names


def test_people_sharing_a_surname_stay_apart() -> None:
    [extraction] = _extractions(
        [
            (
                "k1",
                "2018-02-10",
                "On Saturday in Seoul, President Moon Jae-in received Kim Yo Jong, the sister of North "
                "Korean leader Kim Jong Un. Kim Jong Un stayed in Pyongyang.",
            )
        ]
    )
    kims = {a.name for a in extraction.actors if a.name.startswith("Kim")}
    assert {"Kim Jong Un", "Kim Yo Jong"} <= kims


def test_unknown_people_are_actors_without_an_invented_qid() -> None:
    [extraction] = _extractions(
        [("u1", "2024-01-10", "Envoy Anselm Vostrikov met Finnish President Alexander Stubb on Monday.")]
    )
    vostrikov = next(a for a in extraction.actors if "Vostrikov" in a.name)
    assert vostrikov.wikidata is None
    assert vostrikov.type.value == "person"


# --- one identity rule for the network, the view and RDF ------------------------------------------------


def _actor(actor_id: str, name: str, kind: ActorType = ActorType.PERSON, **fields: object) -> Actor:
    return Actor(id=actor_id, name=name, type=kind, **fields)  # type: ignore[arg-type]


def _with_actors(article_id: str, actors: list[Actor]) -> Extraction:
    return Extraction(article=Article(id=article_id, text="An article written for this test."), actors=actors)


def _partition(extractions: list[Extraction], key: Callable[[Actor, str], object]) -> set[frozenset[str]]:
    """Which (article, actor) pairs ``key`` makes one actor."""
    groups: dict[object, set[str]] = {}
    for extraction in extractions:
        for actor in extraction.actors:
            groups.setdefault(key(actor, extraction.article.id), set()).add(
                f"{extraction.article.id}/{actor.id}"
            )
    return {frozenset(group) for group in groups.values()}


SAME_OR_NOT = [
    # (actors of article one, actors of article two, pairs that are one actor)
    pytest.param(
        [_actor("a", "Dana Whitfield", country="USA")],
        [_actor("b", "Dana Whitfield")],
        {frozenset({"x1/a", "x2/b"})},
        id="a person's country left unsaid in one article",
    ),
    pytest.param(
        [_actor("a", "Sergueï Lavrov", country="RUS")],
        [_actor("b", "Serguei Lavrov", country="RUS")],
        {frozenset({"x1/a", "x2/b"})},
        id="a name with and without its diacritic",
    ),
    pytest.param(
        [_actor("a", "Hillary Rodham Clinton", wikidata="Q6294")],
        [_actor("b", "Hillary Clinton", country="USA", wikidata="Q6294")],
        {frozenset({"x1/a", "x2/b"})},
        id="two names of one Wikidata item",
    ),
    pytest.param(
        [_actor("a", "Ministry of Foreign Affairs", ActorType.ORGANIZATION, country="RUS")],
        [_actor("b", "Ministry of Foreign Affairs", ActorType.ORGANIZATION, country="CHN")],
        {frozenset({"x1/a"}), frozenset({"x2/b"})},
        id="bodies of two states that share a name",
    ),
    pytest.param(
        [_actor("a", "Belgian foreign minister", country="BEL", unnamed=True)],
        [_actor("a", "Belgian foreign minister", country="BEL", unnamed=True)],
        {frozenset({"x1/a"}), frozenset({"x2/a"})},
        id="unnamed actors described alike",
    ),
]


@pytest.mark.parametrize(("one", "two", "expected"), SAME_OR_NOT)
def test_network_and_rdf_make_the_same_actors_one(
    one: list[Actor], two: list[Actor], expected: set[frozenset[str]]
) -> None:
    extractions = [_with_actors("x1", one), _with_actors("x2", two)]
    assert _partition(extractions, actor_key) == expected
    assert _partition(extractions, actor_iri) == expected


def test_the_network_from_a_store_has_the_nodes_of_the_network_from_extractions() -> None:
    """A store once kept apart a person whose country one article left unsaid; a network did not."""
    extractions = [
        _with_actors(
            "x1", [_actor("a", "Dana Whitfield", country="USA"), _actor("m", "Ana Ruiz", country="ESP")]
        ),
        _with_actors("x2", [_actor("b", "Dana Whitfield"), _actor("h", "Kwame Mensah", country="GHA")]),
    ]
    shared = {str(o) for _, _, o, _ in to_graph(extractions).quads((None, GK.refersTo, None))}
    nodes = {str(n) for n, kind in event_graph(extractions).nodes(data="node_type") if kind == "actor"}
    assert len(shared) == len(nodes) == 3


def test_an_unnamed_actor_is_shown_with_its_mark_and_read_back_from_old_records() -> None:
    adviser = _actor("adv", "Macron's adviser", country="FRA", unnamed=True)
    record = to_record(_with_actors("x1", [adviser, _actor("u", "Yury Ushakov", country="RUS")]))
    assert [a["name"] for a in record["actors"]] == ["Macron's adviser (unnamed)", "Yury Ushakov"]
    back = from_record(record, article_text="An article written for this test.")
    assert back.actors[0] == adviser and not back.actors[1].unnamed
    # a record written before the field: the mark in the name is all there is
    old = {**record, "actors": [{k: v for k, v in a.items() if k != "unnamed"} for a in record["actors"]]}
    assert from_record(old, article_text="An article written for this test.").actors[0].unnamed


def test_an_unnamed_actor_survives_rdf() -> None:
    adviser = _actor("adv", "Macron's adviser", country="FRA", unnamed=True)
    extraction = _with_actors("x1", [adviser, _actor("u", "Yury Ushakov", country="RUS")])
    [back] = extractions_from_graph(to_graph([extraction]))
    assert back.actors == extraction.actors


def test_a_store_written_before_the_field_reads_back_unnamed() -> None:
    """Graphs written before gk:unnamed marked such actors in their name only."""
    adviser = _actor("adv", "Macron's adviser", country="FRA", unnamed=True)
    extraction = _with_actors("x1", [adviser, _actor("u", "Yury Ushakov", country="RUS")])
    graph = to_graph([extraction])
    graph.remove((None, GK.unnamed, None, None))
    for s, _, _, ctx in list(graph.quads((None, SDO.name, Literal("Macron's adviser")))):
        graph.remove((s, SDO.name, None, ctx))
        graph.add((s, SDO.name, Literal("Macron's adviser (unnamed)"), ctx))
    [back] = extractions_from_graph(graph)
    assert back.actors == extraction.actors
