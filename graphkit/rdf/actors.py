"""Which actor a user means: a name, alias, surname, misspelling, Wikidata QID, IRI or country.

Queries name actors the way people do ("Kibaki", "macron", "the U.S.", "French"). :func:`resolve_actor`
turns that into the shared actor IRIs of the graph, trying the cheap and certain ways first:

1. an actor IRI or a Wikidata QID;
2. a name or alias exactly as stored (an indexed lookup, one query);
3. a country by name, demonym or ISO code (:func:`graphkit.gazetteer.resolve_country`): the country and
   every actor of that country, so a country's contacts include those of its officials;
4. a person of the gazetteer by name, variant or surname, looked up by QID and name;
5. every actor label of the graph (one query), compared ignoring case and accents, then by surname, then by
   similarity; a near-certain misspelling is accepted, anything less is an error that lists the closest names.

The match says how it was found, so the command line can print the actor it chose.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict
from rdflib import SDO, Dataset, Literal, URIRef

from graphkit.errors import GraphkitError
from graphkit.gazetteer import UnknownCountryError, load_gazetteer, normalize_key, resolve_country, suggest
from graphkit.rdf._sparql import PROLOGUE, values
from graphkit.rdf.namespace import DATA
from graphkit.rdf.stores import MemoryStore, Store

if TYPE_CHECKING:
    from graphkit.gazetteer import CountryEntry

__all__ = ["ACTOR_PREFIX", "ActorMatch", "UnknownActorError", "resolve_actor", "side_of_country"]

#: Shared actors (those events name as participants) have IRIs under this prefix; article actors and
#: outlets do not.
ACTOR_PREFIX = str(DATA["actor/"])
#: A misspelling this similar (0..1, difflib ratio over the accent-folded names) to one actor's name, and to
#: no other, is taken to mean that actor.
ACCEPT_SIMILARITY = 0.9


class UnknownActorError(GraphkitError, LookupError):
    """No actor, or more than one, matches the name a query was given; the message lists the closest ones."""


class ActorMatch(BaseModel):
    """The actors a name stands for, and how they were found.

    ``iris`` is the shared actor itself, or for a country the country and every actor of that country.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    query: str
    name: str
    iris: tuple[str, ...]
    how: str
    country: str | None = None

    def describe(self) -> str:
        """One line for the user: what was asked, what was chosen, and why."""
        others = len(self.iris) - 1
        members = f" and {others} other actors of that country" if self.country else ""
        return f"{self.query!r} -> {self.name}{members} ({self.how})"


def _store(data: Store | Dataset) -> Store:
    return MemoryStore(data) if isinstance(data, Dataset) else data


# VALUES inside GRAPH: Oxigraph then looks the values up by index instead of reading the graphs first.
_EXACT = """SELECT DISTINCT ?actor ?p WHERE {
  VALUES ?p { schema:name schema:alternateName }
  GRAPH ?g { %s ?actor ?p ?label }
  FILTER(STRSTARTS(STR(?actor), "%s"))
}"""

_KNOWN = """SELECT ?actor (MIN(?n) AS ?name) (SAMPLE(?t) AS ?type) (SAMPLE(?c) AS ?code) WHERE {
  GRAPH ?g { %s ?actor schema:name ?n ; a ?t . OPTIONAL { ?actor gk:countryCode ?c } }
} GROUP BY ?actor"""

_LABELS = """SELECT DISTINCT ?actor ?label WHERE {
  GRAPH ?g { ?actor schema:name|schema:alternateName ?label }
  FILTER(STRSTARTS(STR(?actor), "%s"))
}"""

_MEMBERS = """SELECT DISTINCT ?actor WHERE {
  GRAPH ?g { %s ?actor gk:countryCode ?code }
  FILTER(STRSTARTS(STR(?actor), "%s"))
}"""

#: An actor IRI and whether only an alias (not a name) matched.
Hit = tuple[str, bool]


def _exact(store: Store, labels: Sequence[str]) -> list[Hit]:
    """The shared actors with one of ``labels``, exactly, as name or alias (an indexed lookup)."""
    if not labels:
        return []
    block = values("label", [Literal(label) for label in dict.fromkeys(labels)])
    alias: dict[str, bool] = {}
    for r in store.select(PROLOGUE + _EXACT % (block, ACTOR_PREFIX)):
        actor = str(r["actor"])
        alias[actor] = alias.get(actor, True) and r["p"] != SDO.name
    return sorted(alias.items())


def _known(store: Store, actors: Iterable[str]) -> dict[str, tuple[str, str, str | None]]:
    """Actor IRI -> (name, one type IRI, country code) for those of ``actors`` the graph has."""
    actors = list(actors)
    if not actors:  # an empty VALUES block is valid SPARQL, but rdflib cannot evaluate it
        return {}
    block = values("actor", [URIRef(a) for a in actors])
    rows = store.select(PROLOGUE + _KNOWN % block)
    return {str(r["actor"]): (str(r["name"]), str(r["type"]), _text(r.get("code"))) for r in rows}


def _text(term: object) -> str | None:
    return None if term is None else str(term)


def side_of_country(data: Store | Dataset, country: CountryEntry) -> ActorMatch:
    """The country as an actor (if the graph has it) and every shared actor with its country code."""
    store = _store(data)
    block = values("code", [Literal(country.code)])
    members = {str(r["actor"]) for r in store.select(PROLOGUE + _MEMBERS % (block, ACTOR_PREFIX))}
    if country.wikidata:
        members |= set(_known(store, [str(DATA[f"actor/wd/{country.wikidata}"])]))
    if not members:
        raise UnknownActorError(f"no actor of {country.name} ({country.code}) in the graph")
    return ActorMatch(
        query=country.name,
        name=country.name,
        iris=tuple(sorted(members)),
        how="country",
        country=country.code,
    )


def resolve_actor(data: Store | Dataset, who: str) -> ActorMatch:
    """The actor (or country with its actors) that ``who`` names in the graph.

    Args:
        data: the store or dataset to ask.
        who: an actor IRI, a Wikidata QID, a name or alias, a surname, a country (name, demonym or ISO code),
            or a close misspelling of a name.

    Raises:
        UnknownActorError: nothing matches, or several actors match equally; the message lists candidates.
    """
    store = _store(data)
    text = who.strip()
    if not text:
        raise UnknownActorError("an empty actor name matches nothing")
    found = (
        _by_id(store, text)
        or _by_label(store, text)
        or _by_country(store, text)
        or _by_gazetteer(store, text)
    )
    match = found or _by_similarity(store, text)
    return match.model_copy(update={"query": who})


def _one(text: str, hits: Sequence[Hit], how: str, store: Store) -> ActorMatch | None:
    """The match for ``hits``; names beat aliases, and actors still tied make the name ambiguous."""
    if not hits:
        return None
    by_name = [h for h in hits if not h[1]] or list(hits)
    known = _known(store, sorted({a for a, _ in by_name}))
    if len(known) > 1:
        listed = "; ".join(f"{n} <{a}>" for a, (n, _, _) in sorted(known.items())[:8])
        raise UnknownActorError(f"{text!r} names several actors: {listed}; give a full name, QID or IRI")
    if not known:
        return None
    ((actor, (name, kind, code)),) = known.items()
    entry = load_gazetteer().countries.get(code or "") if kind == str(SDO.Country) else None
    if entry is not None:  # a country stands for its officials too
        side = side_of_country(store, entry)
        return side.model_copy(update={"name": name, "how": f"country, by {how}"})
    alias = all(a for _, a in by_name)
    return ActorMatch(query=text, name=name, iris=(actor,), how="alias" if alias and how == "name" else how)


def _by_id(store: Store, text: str) -> ActorMatch | None:
    if text.startswith(("http://", "https://")):
        iri, how = text, "IRI"
    elif text[:1] in "Qq" and text[1:].isdigit():
        iri, how = str(DATA[f"actor/wd/Q{text[1:]}"]), "Wikidata id"
    else:
        return None
    match = _one(text, [(iri, False)], how, store)
    if match is None:
        raise UnknownActorError(f"no actor {text} in the graph")
    return match


def _by_label(store: Store, text: str) -> ActorMatch | None:
    return _one(text, _exact(store, [text]), "name", store)


def _by_country(store: Store, text: str) -> ActorMatch | None:
    if len(text) <= 3 and not text.isupper():
        return None  # "Lie" or "Ben" is more likely a surname than the code of Liechtenstein or Benin
    try:
        country = resolve_country(text)
        side = side_of_country(store, country)
    except (UnknownCountryError, UnknownActorError):
        return None  # not a country, or none of its actors is in the graph: other readings may still match
    how = "country code" if text.upper() == country.code else "country name or demonym"
    return side.model_copy(update={"how": how})


def _by_gazetteer(store: Store, text: str) -> ActorMatch | None:
    people = load_gazetteer().people(text)
    if not people:
        return None
    by_qid = [str(DATA[f"actor/wd/{p.wikidata}"]) for p in people if p.wikidata]
    hits = [(a, False) for a in _known(store, by_qid)] if by_qid else []
    hits += _exact(store, [n for p in people for n in (p.name, *p.variants)])
    return _one(text, sorted(set(hits)), f"gazetteer: {', '.join(p.name for p in people)}", store)


def _labels(store: Store) -> dict[str, set[str]]:
    """Every shared actor's names and aliases, by actor."""
    out: dict[str, set[str]] = {}
    for r in store.select(PROLOGUE + _LABELS % ACTOR_PREFIX):
        out.setdefault(str(r["actor"]), set()).add(str(r["label"]))
    return out


def _by_similarity(store: Store, text: str) -> ActorMatch:
    import difflib

    labels = _labels(store)
    want = normalize_key(text)
    keys = [(a, normalize_key(label)) for a, names in labels.items() for label in names]
    folded = [(a, False) for a, key in keys if key == want]
    surname = [(a, False) for a, key in keys if key.endswith(" " + want)]
    for how, hits in (("ignoring case and accents", folded), ("surname", surname)):
        match = _one(text, sorted(set(hits)), how, store)
        if match is not None:
            return match
    best: dict[str, float] = {}
    for a, key in keys:
        best[a] = max(best.get(a, 0.0), difflib.SequenceMatcher(None, want, key).ratio())
    close = sorted(best, key=lambda a: -best[a])
    # Only a near-certain misspelling of one actor is taken; a second close one makes it a question.
    if (
        close
        and best[close[0]] >= ACCEPT_SIMILARITY
        and (len(close) == 1 or best[close[1]] < ACCEPT_SIMILARITY)
    ):
        match = _one(text, [(close[0], False)], "closest name", store)
        if match is not None:
            return match
    owner = {label: a for a, names in labels.items() for label in names}
    close_labels = suggest(text, owner, limit=20)
    named = _known(store, {owner[label] for label in close_labels})
    names = list(dict.fromkeys(named[owner[label]][0] for label in close_labels if owner[label] in named))[:5]
    hint = f"; did you mean {', '.join(names)}?" if names else ""
    raise UnknownActorError(f"no actor named {text!r} in the graph{hint}")
