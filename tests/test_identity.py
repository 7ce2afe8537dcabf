"""One identity per actor across articles: the same person is one node, different people stay apart.

Every article here is written for this test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from graphkit import extract, to_graph
from graphkit.models import Article, Extraction
from graphkit.rdf.namespace import GK
from graphkit.rdf.query import find_actors

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
    # Each article keeps its own actor node (what that article calls him); all refer to the one shared node.
    local = [iri for iri in find_actors(graph, "Emmanuel Macron") if iri != shared]
    assert len(local) == 5
    refers = {str(o) for s, p, o, _ in graph.quads((None, GK.refersTo, None)) if str(s) in local}
    assert refers == {shared}


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
