"""NetworkX projections of contacts: graphs, filters as views, analyst helpers, GEXF and GraphML."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import networkx as nx
import pytest
from helpers import (
    CALL,
    DANA,
    DEV_TEXTS,
    DONE,
    MEET,
    P_M,
    P_P,
    PLANNED,
    ROOT,
    A,
    B,
    C,
    D,
    Spec,
    graphs_from_every_input,
    make_extraction,
    person,
    reported_twice,
    three_extractions,
)

import graphkit
from graphkit import network as gn
from graphkit.errors import InputError
from graphkit.models import (
    Actor,
    ActorType,
    Article,
    ContactKind,
    Extraction,
    Role,
)
from graphkit.records import to_record, write_jsonl

# The conftest extraction's actors, as node ids: Wikidata id where known, else type and normalized name.
MACRON, PUTIN, LAVROV, FRANCE = "Q3052772", "person:vladimir putin", "person:serguei lavrov", "Q142"


@pytest.fixture
def three() -> list[Extraction]:
    return three_extractions()


# -- contact_graph ---------------------------------------------------------------------------------


def test_contact_graph_has_one_edge_per_contact_with_its_attributes(extraction: Extraction) -> None:
    graph = gn.contact_graph([extraction])
    assert isinstance(graph, nx.MultiGraph) and not graph.is_directed()
    assert set(graph) == {MACRON, PUTIN, LAVROV, FRANCE}  # Peskov only speaks: no contact, no node
    assert sorted((k, sorted((u, v))) for u, v, k in graph.edges(keys=True)) == [
        ("d001#0", [MACRON, PUTIN]),
        ("d001#1", [FRANCE, LAVROV]),
    ]
    call = graph.edges[MACRON, PUTIN, "d001#0"]
    assert call["kind"] == "call" and call["status"] == "occurred"
    assert (call["start"], call["end"], call["granularity"]) == (D(2025, 7, 1), D(2025, 7, 1), "day")
    assert call["expression"] == "on Tuesday"
    assert call["sources"] == ("d001",)
    assert call["evidence"] == "Macron phoned Putin on Tuesday"
    assert extraction.article.text[call["evidence_start"] : call["evidence_end"]] == call["evidence"]
    assert call["initiator"] == MACRON and call["roles"] == {MACRON: "caller", PUTIN: "callee"}
    visit = graph.edges[LAVROV, FRANCE, "d001#1"]
    assert (visit["location"], visit["start"], visit["initiator"]) == ("Paris", None, LAVROV)
    assert graph.nodes[MACRON]["offices"] == ("President of France",)
    assert graph.graph["articles"]["d001"]["url"] == "https://example.org/d001"


def test_directed_graph_runs_from_caller_and_visitor(extraction: Extraction) -> None:
    graph = gn.contact_graph([extraction], directed=True)
    assert isinstance(graph, nx.MultiDiGraph)
    assert sorted(graph.edges(keys=True)) == [(MACRON, PUTIN, "d001#0"), (LAVROV, FRANCE, "d001#1")]


def test_pairs_without_a_direction_keep_the_participants_order(three: list[Extraction]) -> None:
    graph = gn.contact_graph(three, directed=True)
    assert graph.has_edge(A, B, "x1#0") and not graph.has_edge(B, A, "x1#0")
    assert graph.edges[A, B, "x1#0"]["initiator"] is None


def test_parallel_contacts_of_one_pair_are_all_kept(three: list[Extraction]) -> None:
    graph = gn.contact_graph(three)
    assert graph.number_of_edges(A, B) == 2
    assert set(graph[A][B]) == {"x1#0", "x1#1"}


def test_actors_are_merged_across_articles_by_wikidata_and_name() -> None:
    one = make_extraction(
        "n1",
        [person("a", "Vladimir Putin", "RUS", "Q7747"), person("b", "Emmanuel Macron", "FRA")],
        [(["a", "b"], CALL, DONE, None)],
    )
    two = make_extraction(
        "n2",
        [
            Actor(id="p", name="V. Putin", type=ActorType.PERSON, offices=("President",), wikidata="Q7747"),
            person("m", "EMMANUEL MACRON"),  # a person's country left unsaid does not make another person
        ],
        [(["p", "m"], MEET, DONE, None)],
    )
    graph = gn.contact_graph([one, two])
    assert sorted(graph) == ["Q7747", "person:emmanuel macron"]
    assert graph.number_of_edges() == 2
    putin = graph.nodes["Q7747"]
    assert (putin["name"], putin["country"], putin["offices"]) == ("Vladimir Putin", "RUS", ("President",))
    assert putin["articles"] == ("n1", "n2")
    assert graph.nodes["person:emmanuel macron"]["country"] == "FRA"


def test_an_actor_of_many_articles_lists_each_office_alias_and_article_once_first_seen_first() -> None:
    offices = [("President",), ("President", "Head of State"), ()]
    aliases = [("Putin",), ("V. Putin", "Putin")]
    extractions = [
        make_extraction(
            f"n{i}",
            [
                Actor(
                    id="p",
                    name="Vladimir Putin",
                    type=ActorType.PERSON,
                    offices=offices[i % 3],
                    aliases=aliases[i % 2],
                    wikidata="Q7747",
                ),
                person("b", "Emmanuel Macron", "FRA"),
            ],
            [(["p", "b"], CALL, DONE, None)],
        )
        for i in [*range(300), 7]  # an article read twice counts once
    ]
    putin = gn.event_graph(extractions).nodes["Q7747"]
    assert putin["offices"] == ("President", "Head of State")
    assert putin["aliases"] == ("Putin", "V. Putin")
    assert putin["articles"] == tuple(f"n{i}" for i in range(300))
    assert gn.contact_graph(extractions).nodes["Q7747"]["articles"] == putin["articles"]


def test_actors_known_only_by_a_role_stay_in_their_article() -> None:
    adviser = person("adv", "Macron's adviser", "FRA").model_copy(update={"unnamed": True})
    ushakov = person("u", "Yury Ushakov", "RUS")
    extractions = [
        make_extraction(f"r{n}", [adviser, ushakov], [(["adv", "u"], MEET, DONE, None)]) for n in range(2)
    ]
    graph = gn.contact_graph(extractions)
    assert sorted(graph) == ["person:yury ushakov", "r0/adv", "r1/adv"]
    assert graph.nodes["r0/adv"]["name"] == "Macron's adviser (unnamed)"


def test_contacts_of_three_actors_are_one_event_and_three_pairs() -> None:
    actors = [person("a", "Anne", "FRA"), person("b", "Boris", "RUS"), person("e", "Emil", "FRA")]
    roles = [("a", Role.ENVOY), ("b", Role.HOST), ("e", Role.PARTICIPANT)]
    extraction = make_extraction("t", actors, [(roles, MEET, DONE, None)])
    pairs = gn.contact_graph([extraction])
    assert sorted(sorted(e) for e in pairs.edges()) == [[A, B], [A, "person:emil"], [B, "person:emil"]]
    events = gn.event_graph([extraction])
    assert events.nodes["t#0"]["node_type"] == "event" and events.degree("t#0") == 3
    assert {events.edges[a, "t#0"]["role"] for a in (A, B, "person:emil")} == {"envoy", "host", "participant"}
    countries = gn.country_graph(pairs)
    assert list(countries.edges(keys=True)) == [("FRA", "RUS", "t#0")]  # one event: one edge per country pair


def test_event_graph_is_lossless_and_bipartite(extraction: Extraction) -> None:
    events = gn.event_graph([extraction])
    assert nx.is_bipartite(events)
    actors = {n for n, t in events.nodes(data="node_type") if t == "actor"}
    assert len(actors) == len(extraction.actors)  # the speaker without contacts too
    assert {n for n, t in events.nodes(data="node_type") if t == "event"} == {"d001#0", "d001#1"}
    envoy = events.edges[LAVROV, "d001#1"]
    assert (envoy["role"], envoy["on_behalf_of"]) == ("envoy", PUTIN)
    assert events.nodes["d001#1"]["mentions"] == ("Later",)
    # contact_graph of the event graph is the same as from the extractions
    assert nx.utils.edges_equal(
        gn.contact_graph(events).edges(keys=True, data=True),
        gn.contact_graph([extraction]).edges(keys=True, data=True),
    )


def test_country_graph(three: list[Extraction]) -> None:
    countries = gn.country_graph(three)
    assert dict(countries.nodes(data="name")) == {"FRA": "France", "RUS": "Russia", "DEU": "Germany"}
    # c-d has no country for d, so it is not a country contact
    assert sorted(k for _, _, k in countries.edges(keys=True)) == ["x1#0", "x1#1", "x1#2", "x1#3"]
    assert countries.number_of_edges("FRA", "RUS") == 2


def test_other_sources_are_refused() -> None:
    with pytest.raises(TypeError, match="item 0 is a str"):
        gn.contact_graph(["not an extraction"])


def test_rdf_graphs_go_through_graphkit_rdf(three: list[Extraction]) -> None:
    from graphkit import rdf

    from_rdf = gn.contact_graph(rdf.to_graph(three))
    direct = gn.contact_graph(three)
    assert sorted(from_rdf.nodes) == sorted(direct.nodes)
    assert from_rdf.number_of_edges() == direct.number_of_edges()


# -- one event model: a contact reported by two articles is one event, whatever the input ---------


def test_a_contact_reported_twice_is_one_event_from_every_input(tmp_path: Path) -> None:
    for name, graph in graphs_from_every_input(reported_twice(), tmp_path).items():
        assert sorted(k for _, _, k in graph.edges(keys=True)) == ["r1#0", "r2#0"], name
        call = graph.edges[P_M, P_P, "r1#0"]
        assert (call["kind"], call["sources"], call["reports"]) == ("call", ("r1", "r2"), ("r1#0", "r2#1")), (
            name
        )
        assert call["roles"] == {P_M: "caller", P_P: "callee"}, name
        assert gn.counterparts(graph, P_P) == [(P_M, 2)], name
        assert [e.event for e in gn.timeline(graph, P_P)] == ["r2#0", "r1#0"], name


def test_counterparts_agree_with_the_store_query(tmp_path: Path) -> None:
    from graphkit import rdf

    store = rdf.open_store(tmp_path / "store")
    rdf.add_extractions(store, reported_twice())
    try:
        [counted] = rdf.top_counterparts(store, "Vladimir Putin")
        graph = gn.contact_graph(store)
    finally:
        store.close()
    assert counted.contacts == 2
    assert gn.counterparts(graph, P_P) == [(P_M, counted.contacts)]
    assert {d["iri"] for _, _, d in graph.edges(data=True)} == {
        str(c.iri) for c in rdf.contacts(rdf.to_graph(reported_twice()), "Vladimir Putin")
    }


def test_gexf_writes_one_edge_per_event(tmp_path: Path) -> None:
    for name, graph in graphs_from_every_input(reported_twice(), tmp_path).items():
        gn.write_gexf(graph, tmp_path / f"{name}.gexf")
        edges = ET.parse(tmp_path / f"{name}.gexf").getroot().iter("{http://www.gexf.net/1.2draft}edge")
        assert len(list(edges)) == 2, name


def test_reports_stay_available_per_article(tmp_path: Path) -> None:
    reports = gn.contact_graph(reported_twice(), per_article=True)
    assert sorted(k for _, _, k in reports.edges(keys=True)) == ["r1#0", "r2#0", "r2#1"]
    assert gn.counterparts(reports, P_P) == [(P_M, 3)]
    assert all(len(d["sources"]) == 1 and "iri" not in d for _, _, d in reports.edges(data=True))
    countries = gn.country_graph(reported_twice(), per_article=True)
    assert countries.number_of_edges("FRA", "RUS") == 3
    assert gn.country_graph(reported_twice()).number_of_edges("FRA", "RUS") == 2


def test_merged_event_takes_the_shared_span_and_the_latest_status() -> None:
    macron, putin = person("m", "Emmanuel Macron", "FRA", P_M), person("p", "Vladimir Putin", "RUS", P_P)
    week: Spec = (["m", "p"], MEET, PLANNED, (D(2025, 7, 1), D(2025, 7, 7)))
    day: Spec = (["p", "m"], ContactKind.CONTACT, DONE, (D(2025, 7, 3), D(2025, 7, 3)))
    early = make_extraction("e1", [macron, putin], [week])
    late = make_extraction("e2", [putin, macron], [day]).model_copy(
        update={"article": Article(id="e2", published=D(2026, 1, 5), text="Contact 0. ")}
    )
    [(_, _, key, data)] = gn.contact_graph([early, late]).edges(keys=True, data=True)
    assert key == "e1#0" and data["reports"] == ("e1#0", "e2#0")  # equally precise: the earlier start first
    assert (data["kind"], data["status"]) == ("meeting", "occurred")  # the specific kind, the later article
    assert (data["start"], data["end"]) == (D(2025, 7, 3), D(2025, 7, 3))  # the span both reports allow


# -- an article given again: its latest copy replaces the earlier ones, as in the store -------------


def _rerun(three: list[Extraction], contacts: slice) -> Extraction:
    """Article x1 extracted again, keeping ``contacts`` of its contacts."""
    first = three[0]
    return first.model_copy(update={"contacts": first.contacts[contacts]})


def _same(one: nx.Graph, two: nx.Graph) -> bool:
    """Equal graph attributes, nodes and edges with their data, in the same order."""
    edges = {"keys": True} if one.is_multigraph() else {}
    return (
        one.graph == two.graph
        and list(one.nodes(data=True)) == list(two.nodes(data=True))
        and list(one.edges(data=True, **edges)) == list(two.edges(data=True, **edges))
    )


@pytest.mark.parametrize("per_article", [False, True])
def test_a_rerun_with_fewer_contacts_replaces_the_earlier_copy(
    three: list[Extraction], per_article: bool
) -> None:
    rerun = _rerun(three, slice(3))  # x1 had four contacts
    graph = gn.contact_graph([*three, rerun], per_article=per_article)  # raised KeyError: 'x1#3'
    assert sorted(k for _, _, k in graph.edges(keys=True)) == ["x1#0", "x1#1", "x1#2", "x2#0"]
    assert all(
        d["reports"] == (k,) and len(d["sources"]) == 1 for _, _, k, d in graph.edges(keys=True, data=True)
    )
    assert _same(graph, gn.contact_graph([rerun, three[1]], per_article=per_article))
    assert _same(gn.event_graph([*three, rerun]), gn.event_graph([rerun, three[1]]))


def test_the_corrected_copy_of_an_article_wins_everywhere() -> None:
    first, second = reported_twice()
    # r1 corrected: the call was a meeting, the day after, and a third man took part (his actor is new)
    emil = person("e", "Emil", "DEU")
    meeting: Spec = (["m", "p", "e"], MEET, DONE, (D(2025, 7, 2), D(2025, 7, 2)))
    corrected = make_extraction(
        "r1", [*first.actors, emil], [meeting], sentences=["They met."], title="Corrected"
    )
    stale = first.model_copy(update={"actors": (*first.actors, person("x", "Xavier", "BEL"))})
    events = gn.event_graph([stale, second, corrected])
    assert "person:xavier" not in events  # an actor only the replaced copy named
    assert events.nodes[P_P]["articles"] == ("r1", "r2")
    assert events.graph["articles"]["r1"]["title"] == "Corrected"
    graph = gn.contact_graph(events)
    calls = [(k, d["reports"]) for _, _, k, d in graph.edges(keys=True, data=True) if d["kind"] == "call"]
    assert calls == [("r2#1", ("r2#1",))]  # the call no longer merges with the replaced copy's report
    meetings = {k: d["sources"] for _, _, k, d in graph.edges(keys=True, data=True) if d["kind"] == "meeting"}
    assert meetings == {"r1#0": ("r1",), "r2#0": ("r2",)}
    assert graph.number_of_edges() == 1 + 1 + 3  # the call, the 2022 meeting, three pairs of the new one
    assert gn.counterparts(graph, "person:emil") == [(P_M, 1), (P_P, 1)]


def test_a_rerun_gives_the_graph_of_every_input_and_of_the_store(tmp_path: Path) -> None:
    first, second = reported_twice()
    uncalled = first.model_copy(update={"contacts": ()})  # the rerun found no contact in r1
    graphs = graphs_from_every_input([first, second, uncalled], tmp_path)
    for name, graph in graphs.items():
        assert sorted(k for _, _, k in graph.edges(keys=True)) == ["r2#0", "r2#1"], name
        assert all(d["sources"] == ("r2",) for _, _, d in graph.edges(data=True)), name
    assert {d["iri"] for _, _, d in graphs["store"].edges(data=True)} == {
        d["iri"] for _, _, d in graphs["extractions"].edges(data=True)
    }


def test_an_article_given_twice_alike_changes_nothing(three: list[Extraction], tmp_path: Path) -> None:
    from graphkit import view

    twice = [*three, three[0]]
    for per_article in (False, True):
        assert _same(
            gn.contact_graph(twice, per_article=per_article), gn.contact_graph(three, per_article=per_article)
        )
    assert _same(gn.country_graph(twice), gn.country_graph(three))
    gn.write_gexf(gn.contact_graph(twice), tmp_path / "twice.gexf")
    gn.write_gexf(gn.contact_graph(three), tmp_path / "once.gexf")
    assert (tmp_path / "twice.gexf").read_text() == (tmp_path / "once.gexf").read_text()
    assert view.render_html(twice) == view.render_html(three)


# -- filters ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["x1#0", "x1#1", "x1#2", "x1#3", "x2#0"]),
        ({"start": D(2025, 1, 1)}, ["x1#1", "x1#2", "x2#0"]),
        ({"end": D(2024, 12, 31)}, ["x1#0"]),
        ({"start": D(2025, 3, 31), "end": D(2025, 3, 31)}, ["x1#1"]),  # overlaps on its last day
        ({"start": D(2025, 4, 1), "end": D(2025, 5, 4)}, []),
        ({"start": D(2025, 1, 1), "include_undated": True}, ["x1#1", "x1#2", "x1#3", "x2#0"]),
        ({"kinds": [ContactKind.CALL]}, ["x1#1", "x1#3"]),
        ({"kinds": ["meeting", "visit"]}, ["x1#0", "x1#2", "x2#0"]),
        ({"statuses": [PLANNED]}, ["x1#2"]),
        ({"countries": ["DEU"]}, ["x1#2", "x1#3", "x2#0"]),
        ({"actors": [DANA]}, ["x2#0"]),
        ({"countries": ["FRA"], "kinds": ["meeting"]}, ["x1#0"]),
    ],
)
def test_filter_graph(three: list[Extraction], filters: dict, expected: list[str]) -> None:
    view = gn.filter_graph(gn.contact_graph(three), **filters)
    assert sorted(k for _, _, k in view.edges(keys=True)) == expected
    assert set(view) == {n for u, v in view.edges() for n in (u, v)} or not filters


def test_filters_are_views_not_copies(three: list[Extraction]) -> None:
    graph = gn.contact_graph(three)
    view = gn.filter_graph(graph, kinds=["call"])
    assert nx.is_frozen(view) and view.number_of_edges() == 2
    graph.add_edge(B, C, key="late#0", kind="call", status="occurred", start=None, end=None)
    assert view.number_of_edges() == 3  # reads through to the graph
    directed = gn.filter_graph(gn.contact_graph(three, directed=True), actors=[DANA])
    assert sorted(directed) == [C, DANA]  # nodes reached only by an incoming edge are kept


def test_unfiltered_view_keeps_actors_without_contacts(three: list[Extraction]) -> None:
    graph = gn.contact_graph(three)
    graph.add_node("lonely", name="Lonely")
    assert "lonely" in gn.filter_graph(graph) and "lonely" not in gn.filter_graph(graph, kinds=["call"])


def test_unknown_kind_is_refused(three: list[Extraction]) -> None:
    with pytest.raises(ValueError, match="'phone'"):
        gn.filter_graph(gn.contact_graph(three), kinds=["phone"])


# -- analyst helpers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Q3052772", MACRON), ("vladimir putin", PUTIN), ("Paris", FRANCE), ("Macron", MACRON)],
)
def test_find_actor(extraction: Extraction, text: str, expected: str) -> None:
    assert gn.find_actor(gn.contact_graph([extraction]), text) == expected


def test_find_actor_explains_misses(extraction: Extraction) -> None:
    graph = gn.contact_graph([extraction])
    with pytest.raises(KeyError, match="no actor is called 'Biden'"):
        gn.find_actor(graph, "Biden")
    graph.add_node("x", name="Emmanuel Macron")
    with pytest.raises(KeyError, match="name of several actors"):
        gn.find_actor(graph, "emmanuel macron")


def test_counterparts_are_ranked_by_contacts(three: list[Extraction]) -> None:
    graph = gn.contact_graph(three)
    assert gn.counterparts(graph, A) == [(B, 2), (C, 1)]
    assert gn.counterparts(graph, C) == [(A, 1), (B, 1), (DANA, 1)]
    directed = gn.contact_graph(three, directed=True)
    assert gn.counterparts(directed, C) == gn.counterparts(graph, C)  # both directions count


def test_counterparts_count_events_not_pairs() -> None:
    # a country graph can hold one event twice only if two actor pairs map onto it; it must count once
    graph = nx.MultiGraph()
    graph.add_edge("FRA", "RUS", key="e1", kind="meeting", status="occurred")
    graph.add_edge("FRA", "RUS", key="e2", kind="call", status="occurred")
    assert gn.counterparts(graph, "FRA") == [("RUS", 2)]


def test_timeline(three: list[Extraction]) -> None:
    graph = gn.contact_graph(three)
    assert [e.event for e in gn.timeline(graph)] == ["x1#0", "x1#1", "x2#0", "x1#2", "x1#3"]
    entries = gn.timeline(graph, C)
    assert [(e.event, e.kind, e.start) for e in entries] == [
        ("x2#0", "meeting", D(2025, 5, 5)),
        ("x1#2", "visit", D(2025, 6, 1)),
        ("x1#3", "call", None),
    ]
    assert set(entries[0].actors) == {C, DANA} and entries[0].sources == ("x2",)


def test_timeline_lists_an_event_of_three_once() -> None:
    actors = [person("a", "Anne"), person("b", "Boris"), person("e", "Emil")]
    graph = gn.contact_graph([make_extraction("t", actors, [(["a", "b", "e"], MEET, DONE, None)])])
    [entry] = gn.timeline(graph)
    assert set(entry.actors) == {A, B, "person:emil"}


def test_ego_network(three: list[Extraction]) -> None:
    graph = gn.contact_graph(three)
    assert sorted(gn.ego_network(graph, DANA)) == [C, DANA]
    assert sorted(gn.ego_network(graph, DANA, radius=2)) == [A, B, C, DANA]
    assert gn.ego_network(graph, DANA, radius=2).number_of_edges() == 5
    assert sorted(gn.ego_network(gn.contact_graph(three, directed=True), DANA)) == [C, DANA]


def test_brokers() -> None:
    actors = [person(i, name) for i, name in [("a", "Anne"), ("b", "Boris"), ("c", "Carl"), ("d", "Dana")]]
    chain = make_extraction(
        "b",
        actors,
        [(["a", "b"], MEET, DONE, None), (["b", "c"], MEET, DONE, None), (["c", "d"], CALL, DONE, None)],
    )
    ranked = gn.brokers(gn.contact_graph([chain]), top=None)
    assert [node for node, _ in ranked] == [B, C, A, DANA]
    assert ranked[0][1] == pytest.approx(2 / 3) and ranked[-1][1] == 0
    assert len(gn.brokers(gn.contact_graph([chain]), top=2)) == 2


def test_brokers_prefer_the_path_of_repeated_contacts() -> None:
    actors = [person(i, i.upper()) for i in "abcd"]
    # a reaches d through b (met three times on each side) or through c (once): b is the broker
    specs: list[Spec] = [(["a", "b"], MEET, DONE, None)] * 3 + [(["b", "d"], MEET, DONE, None)] * 3
    specs += [(["a", "c"], MEET, DONE, None), (["c", "d"], MEET, DONE, None)]
    ranked = dict(gn.brokers(gn.contact_graph([make_extraction("w", actors, specs)]), top=None))
    assert ranked["person:b"] > ranked["person:c"] == 0


def test_new_contacts(three: list[Extraction]) -> None:
    graph = gn.contact_graph(three)
    year = (D(2025, 1, 1), D(2025, 12, 31))
    assert gn.new_contacts(graph, year) == [(B, C), (C, DANA)]  # a-b met in 2024 already
    assert gn.new_contacts(graph, year, earlier=(D(2023, 1, 1), D(2023, 12, 31))) == [
        (A, B),
        (B, C),
        (C, DANA),
    ]
    assert gn.new_contacts(graph, (D(2026, 1, 1), D(2026, 12, 31))) == []


# -- export ----------------------------------------------------------------------------------------


def test_extract_writes_gexf_and_graphml_through_the_exporter_registry(
    three: list[Extraction], tmp_path: Path
) -> None:
    from graphkit.registry import exporters

    for suffix in (".gexf", ".graphml"):
        path = tmp_path / f"contacts{suffix}"
        exporters.get(suffix)(three, path)
        back = nx.read_gexf(path) if suffix == ".gexf" else nx.read_graphml(path)
        expected = gn.contact_graph(three)
        assert back.number_of_nodes() == expected.number_of_nodes()
        assert back.number_of_edges() == expected.number_of_edges()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "contacts.gexf",
        "contacts.graphml",
    ]  # no temp files


def test_gexf_has_start_and_end_for_gephi(three: list[Extraction], tmp_path: Path) -> None:
    path = tmp_path / "contacts.gexf"
    gn.write_gexf(gn.contact_graph(three), path)
    root = ET.parse(path).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    graph = root.find("g:graph", ns)
    assert graph is not None and (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    edges = {e.get("id"): e for e in root.iterfind(".//g:edge", ns)}
    assert len(edges) == 5
    visit = edges[f"x1#2|{B}|{C}"] if f"x1#2|{B}|{C}" in edges else edges[f"x1#2|{C}|{B}"]
    assert (visit.get("start"), visit.get("end"), visit.get("label")) == ("2025-06-01", "2025-06-01", "visit")
    undated = next(e for i, e in edges.items() if i.startswith("x1#3|"))
    assert undated.get("start") is None and undated.get("end") is None
    back = nx.read_gexf(path)
    assert back.number_of_edges() == 5 and back.number_of_nodes() == 4


def test_gexf_labels_are_names_with_ids_as_attributes(extraction: Extraction, tmp_path: Path) -> None:
    path = tmp_path / "contacts.gexf"
    gn.write_gexf(gn.contact_graph([extraction]), path)
    root = ET.parse(path).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    titles = {
        a.get("id"): a.get("title") for a in root.iterfind(".//g:attributes[@class='node']/g:attribute", ns)
    }
    nodes = {
        n.get("id"): (
            n.get("label"),
            {titles[v.get("for")]: v.get("value") for v in n.iterfind(".//g:attvalue", ns)},
        )
        for n in root.iterfind(".//g:node", ns)
    }
    label, attrs = nodes[MACRON]
    assert (label, attrs["node_id"], attrs["wikidata"]) == ("Emmanuel Macron", MACRON, MACRON)
    assert nodes[PUTIN][0] == "Vladimir Putin" and nodes[PUTIN][1]["node_id"] == PUTIN


def test_graphml_round_trip_with_flattened_attributes(extraction: Extraction, tmp_path: Path) -> None:
    path = tmp_path / "contacts.graphml"
    graph = gn.contact_graph([extraction])
    gn.write_graphml(graph, path)
    back = nx.read_graphml(path, force_multigraph=True)
    assert sorted(back.edges(keys=True)) == sorted(graph.edges(keys=True))
    call = back.edges[MACRON, PUTIN, "d001#0"]
    assert (call["start"], call["kind"], json.loads(call["sources"])) == ("2025-07-01", "call", ["d001"])
    assert json.loads(call["roles"]) == {MACRON: "caller", PUTIN: "callee"}
    assert "location" not in call  # None is left out rather than written as "None"
    assert json.loads(back.graph["articles"])["d001"]["published"] == "2025-07-02"
    gn.write_graphml(gn.event_graph([extraction]), tmp_path / "events.graphml")  # the bipartite one too
    assert nx.read_graphml(tmp_path / "events.graphml").number_of_nodes() == 7


# -- reading graphs --------------------------------------------------------------------------------


def test_load_extractions_reads_records(extraction: Extraction, tmp_path: Path) -> None:
    path = tmp_path / "contacts.jsonl"
    write_jsonl([to_record(extraction)], path)
    [back] = gn.load_extractions(path)
    assert back.contacts == extraction.contacts


def test_load_extractions_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a"}\n\n[1]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:3: .*JSON object"):
        gn.load_extractions(path)
    with pytest.raises(InputError, match=r"unknown graph file suffix '.csv'; known: .jsonl"):
        gn.load_extractions(tmp_path / "x.csv")


# -- real extractions ------------------------------------------------------------------------------


def _extract(paths: Sequence[Path | str]) -> list[Extraction]:
    return [graphkit.extract(a) for a in graphkit.read_articles(paths) if isinstance(a, Article)]


def test_seed_article_graph() -> None:
    graph = gn.contact_graph(_extract([ROOT / "data/articles/seed.txt"]))
    putin, macron = "Q7747", "Q3052772"
    assert graph.nodes[putin]["name"] == "Vladimir Putin"
    # they met in February 2022 and spoke in July 2025
    assert gn.counterparts(graph, putin)[0] == (macron, 2)
    assert [(e.kind, e.start) for e in gn.timeline(graph, putin)] == [
        ("meeting", D(2022, 2, 1)),
        ("call", D(2025, 7, 1)),
    ]
    assert ("FRA", "RUS") in {tuple(sorted(e)) for e in gn.country_graph(graph).edges()}


@pytest.mark.corpus
def test_dev_corpus_graphs_keep_every_contact() -> None:
    if not DEV_TEXTS.is_dir():
        pytest.skip(f"{DEV_TEXTS} is absent")
    from graphkit.rdf import merge_counts

    extractions = _extract(sorted(DEV_TEXTS.glob("*.txt"))[:12])
    reports = gn.event_graph(extractions, per_article=True)
    contacts = [c for e in extractions for c in e.contacts]
    assert sum(1 for _, t in reports.nodes(data="node_type") if t == "event") == len(contacts)
    events = gn.event_graph(extractions)  # as many as the knowledge graph merges them into
    assert (
        sum(1 for _, t in events.nodes(data="node_type") if t == "event") == merge_counts(extractions).events
    )
    graph = gn.contact_graph(reports)
    pairs = sum(len(c.participants) * (len(c.participants) - 1) // 2 for c in contacts)
    assert graph.number_of_edges() <= pairs  # fewer only where two mentions are one actor across articles
    assert graph.number_of_edges() >= len([c for c in contacts if len(c.participants) == 2]) * 0.9
    for _, _, data in graph.edges(data=True):
        assert data["kind"] in {k.value for k in ContactKind}
        assert data["evidence"]
