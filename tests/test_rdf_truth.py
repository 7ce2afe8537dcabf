"""Queries that tell the truth (issue 13): actors found the way people name them, unknown names as errors,
countries with their officials, undated contacts said out loud, series, events in `met`, and SPARQL that
means the same on a file and a store. Also: the fast paths give the old answers (issue 11)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from fixtures.rdf.old_queries import old_contact_events, old_find_actors, old_top_counterparts
from helpers import CALLS, RUN, SEED, Extract
from rdflib import Dataset
from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.gazetteer import UnknownCountryError, resolve_country
from graphkit.models import ContactKind, ContactLevel, Extraction
from graphkit.rdf import (
    OxigraphStore,
    SparqlStore,
    add_extractions,
    contacts,
    to_graph,
    top_counterparts,
    who_met_whom,
)
from graphkit.rdf.actors import UnknownActorError, resolve_actor
from graphkit.rdf.choices import Period, Undated
from graphkit.rdf.query import count_undated, series
from graphkit.rdf.stores import MemoryStore, Store
from graphkit.rdf.user_query import SparqlSyntaxError, run_query

D = dt.date
KIBAKI = CALLS / "kibaki.txt"  # Kibaki meets Kikwete, phones Brown, talks with Museveni (undated)


def _without_aliases(x: Extraction) -> Extraction:
    """The article as an extractor that kept no short names would give it: full names only."""
    actors = tuple(a.model_copy(update={"aliases": ()}) for a in x.actors)
    return x.model_copy(update={"actors": actors})


@pytest.fixture(scope="module")
def articles(extract: Extract) -> list[Extraction]:
    seed, call_a, call_b, kibaki = extract(SEED, CALLS / "call_a.txt", CALLS / "call_b.txt", KIBAKI)
    return [seed, call_a, call_b, _without_aliases(kibaki)]


@pytest.fixture(scope="module")
def world(articles: list[Extraction]) -> Dataset:
    return to_graph(articles, RUN)


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory, articles: list[Extraction]) -> Store:
    store = OxigraphStore(tmp_path_factory.mktemp("store") / "store")
    add_extractions(store, articles, RUN)
    return store


@pytest.fixture(params=["memory", "oxigraph"])
def store(request: pytest.FixtureRequest, world: Dataset, oxigraph: Store) -> Store:
    return MemoryStore(world) if request.param == "memory" else oxigraph


def _names(found: object) -> list[str]:
    return [p.name for c in found for p in c.participants]  # type: ignore[attr-defined]


# -- actors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "name", "how"),
    [
        ("Kibaki", "Mwai Kibaki", "gazetteer: Mwai Kibaki"),  # a surname the graph has no alias for
        ("THE KRÉMLIN", "the Kremlin", "ignoring case and accents"),
        ("Emanuel Macron", "Emmanuel Macron", "closest name"),  # one letter off, no one else close
        ("Putin", "Vladimir Putin", "alias"),
        ("Q7747", "Vladimir Putin", "Wikidata id"),
    ],
)
def test_actors_by_surname_case_accents_and_close_spelling(
    store: Store, who: str, name: str, how: str
) -> None:
    match = resolve_actor(store, who)
    assert (match.name, match.how, len(match.iris)) == (name, how, 1)


def test_a_surname_alone_finds_the_contacts_of_the_full_name(store: Store) -> None:
    by_surname = contacts(store, "Kibaki")
    assert [c.iri for c in by_surname] == [c.iri for c in contacts(store, "Mwai Kibaki")]
    assert {n for n in _names(by_surname)} >= {"Jakaya Kikwete", "Gordon Brown", "Yoweri Museveni"}


@pytest.mark.parametrize(
    ("name", "who"),
    [("Irena Dobrovská", "Dobrovska"), ("Trygve Lie", "Lie")],  # "Lie" is also Liechtenstein's code, LIE
)
def test_a_surname_unknown_to_the_gazetteer_is_matched_in_the_graph(
    name: str, who: str, articles: list[Extraction]
) -> None:
    seed, *_ = articles
    renamed = tuple(
        a.model_copy(update={"name": name, "aliases": ()}) if a.id == "yury_ushakov" else a
        for a in seed.actors
    )
    graph = to_graph([seed.model_copy(update={"actors": renamed})], RUN)
    match = resolve_actor(graph, who)
    assert (match.name, match.how) == (name, "surname")


def test_a_name_two_actors_share_is_an_error_that_lists_both(articles: list[Extraction]) -> None:
    seed, *_ = articles
    shared = tuple(
        a.model_copy(update={"aliases": (*a.aliases, "the president")})
        if a.id in ("emmanuel_macron", "vladimir_putin")
        else a
        for a in seed.actors
    )
    graph = to_graph([seed.model_copy(update={"actors": shared})], RUN)
    with pytest.raises(UnknownActorError, match=r"names several actors: Emmanuel Macron .*; Vladimir Putin"):
        contacts(graph, "the president")


def test_an_unknown_actor_is_an_error_that_suggests_close_names(store: Store) -> None:
    with pytest.raises(UnknownActorError, match="did you mean Mwai Kibaki"):
        contacts(store, "Kibakki")
    with pytest.raises(UnknownActorError, match="no actor named 'Nobody Atall'"):
        top_counterparts(store, "Nobody Atall")


def test_the_command_line_prints_the_chosen_actor_and_fails_on_an_unknown_one(
    tmp_path: Path, world: Dataset
) -> None:
    data = _trig(tmp_path, world)
    found = CliRunner().invoke(app, ["query", "contacts", "Kibaki", "--data", str(data), "-f", "json"])
    assert found.exit_code == 0, found.output
    assert "actor: 'Kibaki' -> Mwai Kibaki" in found.stderr
    assert len(json.loads(found.stdout)) == 3
    missing = CliRunner().invoke(app, ["query", "contacts", "Kibakki", "--data", str(data)])
    assert missing.exit_code == 1
    assert missing.stderr.strip().count("\n") == 0 and "did you mean Mwai Kibaki" in missing.stderr
    assert missing.stdout == ""


def _trig(tmp_path: Path, world: Dataset) -> Path:
    from graphkit.rdf import serialize

    path = tmp_path / "world.trig"
    path.write_text(serialize(world, "trig"), encoding="utf-8")
    return path


# -- countries -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["France", "French", "FRA", "fr", "french republic"])
def test_a_country_by_name_demonym_or_code(text: str) -> None:
    assert resolve_country(text).code == "FRA"


def test_an_unknown_country_suggests_names(tmp_path: Path, world: Dataset) -> None:
    with pytest.raises(UnknownCountryError, match="did you mean France"):
        resolve_country("Frnace")
    data = str(_trig(tmp_path, world))
    result = CliRunner().invoke(app, ["query", "contacts", "Putin", "--country", "Frnace", "--data", data])
    assert result.exit_code == 1 and "unknown country 'Frnace'; did you mean France" in result.stderr


def test_a_country_counts_the_contacts_of_its_officials(store: Store) -> None:
    kenya = [c.actor.name for c in top_counterparts(store, "Kenya")]
    assert set(kenya) == {"Jakaya Kikwete", "Gordon Brown", "Yoweri Museveni"}
    russia = {c.actor.name: c.contacts for c in top_counterparts(store, "Russian")}
    assert russia["Emmanuel Macron"] == 2 and "Vladimir Putin" not in russia  # its own officials are not
    assert russia["France"] == 1
    everyone = [c.actor.name for c in top_counterparts(store, "Macron")]
    assert everyone == ["Vladimir Putin", "Olaf Scholz"]
    assert [c.actor.name for c in top_counterparts(store, "Macron", country="German")] == ["Olaf Scholz"]


def test_country_and_level_filters(store: Store) -> None:
    assert _names(contacts(store, "Kibaki", country="GBR")) == ["Gordon Brown", "Mwai Kibaki"]
    assert [c.kind for c in contacts(store, "Macron", country="German")] == [ContactKind.CALL]
    assert contacts(store, "Macron", country=["Germany", "Russia"]) == []  # no contact has all three
    every = contacts(store, "Russia")
    for level in ContactLevel:
        assert contacts(store, "Russia", level=level) == [c for c in every if c.level is level]


# -- undated contacts ------------------------------------------------------------------------------


def test_undated_contacts_are_left_out_kept_or_dated_by_publication_as_asked(store: Store) -> None:
    def undated(mode: Undated, start: dt.date, end: dt.date) -> int:
        found = contacts(store, "Russia", start=start, end=end, undated=mode)
        return sum(c.start is None for c in found)

    assert count_undated(store, "Russia") == 1  # the technical-level contact of France and Russia
    assert undated(Undated.EXCLUDE, D(2025, 1, 1), D(2026, 12, 31)) == 0
    assert undated(Undated.INCLUDE, D(2025, 1, 1), D(2025, 12, 31)) == 1
    # the seed article was published on 2026-02-10
    assert undated(Undated.PUBLICATION_DATE, D(2025, 1, 1), D(2025, 12, 31)) == 0
    assert undated(Undated.PUBLICATION_DATE, D(2026, 2, 1), D(2026, 2, 28)) == 1


def test_the_command_line_says_what_happened_to_undated_contacts(tmp_path: Path, world: Dataset) -> None:
    data = str(_trig(tmp_path, world))
    ranged = ["query", "contacts", "Russia", "--from", "2025-01-01", "--to", "2026-12-31", "--data", data]
    left = CliRunner().invoke(app, [*ranged, "-f", "json"])
    assert left.exit_code == 0 and "1 undated contact left out" in left.stderr
    assert all(c["start"] for c in json.loads(left.stdout))
    kept = CliRunner().invoke(app, [*ranged, "--undated", "include"])
    assert "1 undated contact included" in kept.stdout
    assert "exclude" in CliRunner().invoke(app, ["query", "contacts", "--help"]).stdout


# -- series and met --------------------------------------------------------------------------------


def test_series_per_month_between_two_countries(store: Store) -> None:
    rows = series(store, Period.MONTH, countries=["France", "RUS"])
    assert [(r.period, r.country_a, r.country_b, r.contacts) for r in rows] == [
        ("2022-02", "FRA", "RUS", 1),
        ("2025-07", "FRA", "RUS", 1),
        ("2026-02", "FRA", "RUS", 1),
    ]
    with_undated = series(store, Period.YEAR, countries=["France", "RUS"], undated=Undated.INCLUDE)
    assert [(r.period, r.contacts) for r in with_undated] == [
        ("2022", 1),
        ("2025", 1),
        ("2026", 1),
        ("undated", 1),
    ]


def test_series_of_one_country_and_undated_contacts_by_publication_date(store: Store) -> None:
    kenya = series(store, Period.YEAR, countries=["Kenyan"])
    assert [(r.period, r.country_a, r.country_b) for r in kenya] == [
        ("2008", "GBR", "KEN"),
        ("2008", "KEN", "TZA"),
        ("2008", "KEN", "UGA"),
    ]
    placed = series(store, Period.YEAR, countries=["FRA", "RUS"], undated=Undated.PUBLICATION_DATE)
    assert [(r.period, r.contacts) for r in placed] == [
        ("2022", 1),
        ("2025", 1),
        ("2026", 2),
    ]  # seed: 2026-02-10


def test_series_counts_each_contact_once_per_pair_of_countries(store: Store) -> None:
    codes = {}
    for c in contacts(store, undated=Undated.INCLUDE):
        if c.start is not None:
            countries = {_code(store, p.iri) for p in c.participants}
            codes[c.iri] = (str(c.start.year), sorted(countries))
    expected: dict[tuple[str, str, str], int] = {}
    for year, countries in codes.values():
        for n, a in enumerate(countries):
            for b in countries[n + 1 :]:
                expected[(year, a, b)] = expected.get((year, a, b), 0) + 1
    got = {(r.period, r.country_a, r.country_b): r.contacts for r in series(store, Period.YEAR)}
    assert got == expected


def _code(store: Store, iri: str) -> str:
    rows = store.select(
        f"SELECT ?c WHERE {{ GRAPH ?g {{ <{iri}> <https://w3id.org/graphkit/ontology#countryCode> ?c }} }}"
    )
    return str(rows[0]["c"])


def test_met_gives_events_with_dates_kinds_and_participants(store: Store) -> None:
    met = who_met_whom(store, D(2008, 1, 1), D(2008, 12, 31))
    pairs = {frozenset(a.name for a in p.actors): p.contacts for p in met}
    (meeting,) = pairs[frozenset({"Mwai Kibaki", "Jakaya Kikwete"})]
    assert (meeting.kind, meeting.start, meeting.end) == (ContactKind.MEETING, D(2008, 3, 3), D(2008, 3, 3))
    assert {p.name for p in meeting.participants} == {"Mwai Kibaki", "Jakaya Kikwete"}


# -- SPARQL ----------------------------------------------------------------------------------------


def test_sparql_means_the_same_on_a_file_and_a_store(world: Dataset, oxigraph: Store) -> None:
    count = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a gk:Contact }"  # no GRAPH: the union
    on_file, on_store = run_query(world, count).rows, run_query(oxigraph, count).rows
    assert on_file == on_store == [{"n": len(contacts(world, undated=Undated.INCLUDE))}]
    assert run_query(oxigraph, "ASK { ?e a gk:Call }").boolean is True
    built = run_query(world, "CONSTRUCT { ?e a gk:Call } WHERE { ?e a gk:Call }").graph
    assert built is not None and len(built) == len(
        run_query(oxigraph, "SELECT ?e WHERE { ?e a gk:Call }").rows
    )


@pytest.mark.network
def test_sparql_means_the_same_on_an_endpoint(
    oxigraph_server: str, world: Dataset, articles: list[Extraction]
) -> None:
    endpoint = SparqlStore(oxigraph_server)
    add_extractions(endpoint, articles, RUN)
    for query in ("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a gk:Contact }", "ASK { ?e a gk:Visit }"):
        assert run_query(endpoint, query) == run_query(world, query)
    built = "CONSTRUCT { ?e a gk:Call } WHERE { ?e a gk:Call }"
    assert len(run_query(endpoint, built).graph or ()) == len(run_query(world, built).graph or ()) == 3


def test_sparql_syntax_errors_point_into_the_users_own_query(world: Dataset) -> None:
    with pytest.raises(SparqlSyntaxError, match=r"line 2, column 6 near 'foo:bar': unknown prefix 'foo:'"):
        run_query(world, "SELECT ?x WHERE {\n  ?x foo:bar ?y }")


def test_the_sparql_command_answers_ask_and_construct_and_errs_in_one_line(
    tmp_path: Path, world: Dataset
) -> None:
    data = str(_trig(tmp_path, world))
    ask = CliRunner().invoke(app, ["query", "sparql", "ASK { ?e a gk:Meeting }", "--data", data])
    assert (ask.exit_code, ask.stdout) == (0, "true\n")
    built = CliRunner().invoke(
        app, ["query", "sparql", "CONSTRUCT { ?e a gk:Call } WHERE { ?e a gk:Call }", "-d", data]
    )
    assert (
        built.exit_code == 0 and built.stdout.count(" .\n") == 3
    )  # Macron-Putin, Scholz-Macron, Kibaki-Brown
    bad = CliRunner().invoke(app, ["query", "sparql", "SELECT ?x WHERE { ?x ?y }", "--data", data])
    assert bad.exit_code == 1 and "Traceback" not in bad.output
    assert (
        bad.stderr.startswith("error: SPARQL syntax error at line 1, column 26")
        and bad.stderr.count("\n") == 1
    )


# -- the fast paths give the old answers -----------------------------------------------------------


@pytest.mark.parametrize("who", ["Macron", "Vladimir Putin", "Scholz", "Q7747", "Mwai Kibaki"])
def test_fast_paths_agree_with_the_old_queries(store: Store, who: str) -> None:
    assert resolve_actor(store, who).iris[0] in old_find_actors(store, who)
    assert [c.iri for c in contacts(store, who)] == old_contact_events(store, who)
    ranged = contacts(store, who, start=D(2022, 1, 1), end=D(2025, 12, 31))
    assert [c.iri for c in ranged] == old_contact_events(store, who, D(2022, 1, 1), D(2025, 12, 31))
    new = [(c.actor.iri, c.actor.name, c.contacts) for c in top_counterparts(store, who, limit=3)]
    assert new == old_top_counterparts(store, who, limit=3)
