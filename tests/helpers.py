"""Helpers shared by the test files: paths, a fake extractor and reader, extractions built by hand.

Test files import these (``from helpers import ...``); fixtures built from them are in ``conftest.py``. Paths
are relative to the repository: the shared folder is ``../shared`` beside it (``SHARED``), and tests that need
it skip when it is absent.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from graphkit.errors import InputError, ModelLoadError
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
    Statement,
)
from graphkit.rdf.provenance import RunInfo

ROOT = Path(__file__).resolve().parents[1]
#: The project's shared folder, beside the repository (a symlink in worktrees).
SHARED = ROOT.parent / "shared"
DEV_TEXTS = SHARED / "corpus" / "dev" / "texts"
SEED = ROOT / "data" / "articles" / "seed.txt"
#: call_a.txt and call_b.txt: one call, reported by two articles.
CALLS = ROOT / "tests" / "fixtures" / "rdf"
#: A fixed run, so that graphs built in tests do not depend on the clock.
RUN = RunInfo(
    version="0.1.0",
    extractor="rules",
    pipeline="en_core_web_sm",
    started=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
)
D = dt.date


# -- a fake extractor and reader ----------------------------------------------------------------------

#: Text that makes the fake extractor raise, to test failures of one article.
EXPLODE = "EXPLODE"
#: Text that makes the fake extractor raise KeyboardInterrupt, as Ctrl-C during that article would.
INTERRUPT = " INTERRUPT"
#: A pipeline name the fake extractor cannot "load".
MISSING_PIPELINE = "xx_missing_pipeline"

_VERBS = {"met": ContactKind.MEETING, "phoned": ContactKind.CALL, "visited": ContactKind.VISIT}
_CONTACT = re.compile(r"(?P<a>[A-Z]\w+) (?P<verb>met|phoned|visited) (?P<b>[A-Z]\w+)")
_QUOTE = re.compile(r'(?P<who>[A-Z]\w+) said "(?P<words>[^"]+)"')


def fake_extract(article: Article, *, pipeline: str) -> Extraction:
    """A deterministic stand-in for the rules extractor: "A met B", "A phoned B", 'A said "..."'."""
    if pipeline == MISSING_PIPELINE:
        raise ModelLoadError(f"spaCy pipeline {pipeline!r} is not installed")
    if EXPLODE in article.text:
        raise RuntimeError("the fake extractor exploded [boom]")
    if INTERRUPT in article.text:
        raise KeyboardInterrupt
    names: dict[str, None] = {}
    contacts = []
    for m in _CONTACT.finditer(article.text):
        names.update({m["a"]: None, m["b"]: None})
        contacts.append(
            Contact(
                participants=(Participant(actor=m["a"].lower()), Participant(actor=m["b"].lower())),
                kind=_VERBS[m["verb"]],
                status=ContactStatus.OCCURRED,
                evidence=Evidence(text=m[0], start=m.start(), end=m.end()),
            )
        )
    statements = []
    for m in _QUOTE.finditer(article.text):
        names[m["who"]] = None
        evidence = Evidence(text=m["words"], start=m.start("words"), end=m.end("words"))
        statements.append(
            Statement(speaker=m["who"].lower(), text=m["words"], direct=True, evidence=evidence)
        )
    actors = tuple(Actor(id=n.lower(), name=n, type=ActorType.PERSON, aliases=(n,)) for n in names)
    return Extraction(article=article, actors=actors, contacts=tuple(contacts), statements=tuple(statements))


def fake_read_articles(
    inputs: Sequence[str | Path], *, published: object = None, timeout: float = 20.0
) -> Iterator[Article | InputError]:
    """Reads JSON Lines of Article fields; a line that is not a JSON object becomes an InputError."""
    for source in map(str, inputs):
        lines = Path(source).read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            try:
                yield Article(**{"published": published, **json.loads(line), "source": source})
            except (ValueError, TypeError) as err:
                yield InputError(f"not an article: {err}", source=source, line=number)


def write_articles(path: Path, *lines: dict | str) -> Path:
    """Write JSON Lines of articles (dicts) or raw lines (str) to ``path``."""
    path.write_text(
        "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
        encoding="utf-8",
    )
    return path


def quads(dataset) -> set[tuple]:
    """A dataset's quads with graph names as IRIs, for comparison (graphkit writes no blank nodes)."""
    return {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in dataset.quads((None, None, None, None))}


# -- building extractions by hand ------------------------------------------------------------------

#: (participants as (actor id, role) or actor id, kind, status, (start, end) or None)
Spec = tuple[Sequence[str | tuple[str, Role]], ContactKind, ContactStatus, tuple[dt.date, dt.date] | None]


def make_extraction(
    article_id: str,
    actors: Sequence[Actor],
    specs: Sequence[Spec],
    *,
    url: str | None = None,
    title: str | None = None,
    sentences: Sequence[str] | None = None,
) -> Extraction:
    """An extraction whose article is one sentence per contact (``sentences`` or "Contact n.")."""
    texts = list(sentences) if sentences is not None else [f"Contact {n}." for n in range(len(specs))]
    text, spans = "", []
    for sentence in texts:
        spans.append(Evidence(text=sentence, start=len(text), end=len(text) + len(sentence)))
        text += sentence + " "
    contacts = tuple(_contact(spec, span) for spec, span in zip(specs, spans, strict=True))
    article = Article(id=article_id, url=url, title=title, published=D(2025, 12, 1), text=text)
    return Extraction(article=article, actors=tuple(actors), contacts=contacts)


def _contact(spec: Spec, evidence: Evidence) -> Contact:
    people, kind, status, days = spec
    participants = tuple(
        Participant(actor=p) if isinstance(p, str) else Participant(actor=p[0], role=p[1]) for p in people
    )
    date = DateSpan(start=days[0], end=days[1], granularity=Granularity.DAY) if days else None
    return Contact(participants=participants, kind=kind, status=status, date=date, evidence=evidence)


def person(actor_id: str, name: str, country: str | None = None, qid: str | None = None) -> Actor:
    return Actor(id=actor_id, name=name, type=ActorType.PERSON, country=country, wikidata=qid)


MEET, CALL, VISIT = ContactKind.MEETING, ContactKind.CALL, ContactKind.VISIT
DONE, PLANNED = ContactStatus.OCCURRED, ContactStatus.PLANNED


def three_extractions() -> list[Extraction]:
    """Two articles: a, b, c (FRA, RUS, DEU) and d (no country); contacts spread over 2024-2025."""
    actors = [person("a", "Anne", "FRA"), person("b", "Boris", "RUS"), person("c", "Carl", "DEU")]
    first = make_extraction(
        "x1",
        actors,
        [
            (["a", "b"], MEET, DONE, (D(2024, 1, 10), D(2024, 1, 10))),
            (["a", "b"], CALL, DONE, (D(2025, 3, 1), D(2025, 3, 31))),
            (["b", "c"], VISIT, PLANNED, (D(2025, 6, 1), D(2025, 6, 1))),
            (["a", "c"], CALL, DONE, None),
        ],
    )
    second = make_extraction(
        "x2",
        [*actors, person("d", "Dana")],
        [(["c", "d"], MEET, DONE, (D(2025, 5, 5), D(2025, 5, 5)))],
    )
    return [first, second]


A, B, C, DANA = "person:anne", "person:boris", "person:carl", "person:dana"


def synthetic_extractions(
    actors: int, contacts: int, *, per_article: int = 100, seed: int = 7
) -> list[Extraction]:
    """``contacts`` contacts among ``actors`` actors (all taking part), ``per_article`` to an article.

    Actors carry Wikidata ids so that they are the same node in every article; a few are hubs, as in news.
    """
    rng = random.Random(seed)
    codes = ["FRA", "RUS", "USA", "CHN", "DEU", "GBR", "IND", "BRA", "TUR", "JPN", "UKR", "IRN", "ZAF", None]
    kinds, statuses = list(ContactKind), list(ContactStatus)
    pairs = []
    for n in range(contacts):
        first = n % actors if n < actors else int(actors * rng.random() ** 3)
        second = rng.randrange(actors - 1)
        pairs.append((first, second + (second >= first)))
    extractions = []
    for start in range(0, contacts, per_article):
        chunk = pairs[start : start + per_article]
        ids = sorted({i for pair in chunk for i in pair})
        people = [person(f"p{i}", f"Actor {i}", codes[i % len(codes)], f"Q{i + 1}") for i in ids]
        specs: list[Spec] = []
        for first, second in chunk:
            day = D(2020, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
            days = None if rng.random() < 0.05 else (day, day + dt.timedelta(days=rng.choice([0, 0, 6, 30])))
            specs.append(([f"p{first}", f"p{second}"], rng.choice(kinds), rng.choice(statuses), days))
        extractions.append(make_extraction(f"s{start // per_article}", people, specs))
    return extractions


# -- the HTML view -----------------------------------------------------------------------------------------

#: Article text that would run script if the view inserted it as HTML.
EVIL_NAME = "<script>window.__xss = 1</script>"
EVIL_SENTENCE = '"><img src=x onerror="window.__xss = 2"> met </script><!-- &amp;'


def page_data(page: str) -> dict:
    """The JSON block the script of a page of the view reads."""
    found = re.search(r'<script type="application/json" id="graphkit-data">(.*?)</script>', page, re.S)
    assert found is not None
    return json.loads(found.group(1))


def evil_extraction() -> Extraction:
    """A contact whose names, sentence, URL and title try to inject script into the view."""
    actors = [person("a", EVIL_NAME, "FRA"), person("b", "Boris", "RUS")]
    return make_extraction(
        "evil",
        actors,
        [(["a", "b"], MEET, DONE, None)],
        sentences=[EVIL_SENTENCE],
        url="javascript:window.__xss = 3",
        title="</title><script>window.__xss = 4</script>",
    )


#: The ``extract`` fixture of conftest.py: real extractions of the article files given, once per session.
Extract = Callable[..., tuple[Extraction, ...]]


# The Wikidata ids of Macron and Putin: node ids of the contact graph.
P_M, P_P = "Q3052772", "Q7747"


def reported_twice() -> list[Extraction]:
    """Two articles that both report one call (same day); the second also reports an earlier meeting."""
    macron, putin = person("m", "Emmanuel Macron", "FRA", P_M), person("p", "Vladimir Putin", "RUS", P_P)
    call: Spec = ([("m", Role.CALLER), ("p", Role.CALLEE)], CALL, DONE, (D(2025, 7, 1), D(2025, 7, 1)))
    meeting: Spec = (["p", "m"], MEET, DONE, (D(2022, 2, 7), D(2022, 2, 7)))
    first = make_extraction("r1", [macron, putin], [call], sentences=["Macron phoned Putin."])
    second = make_extraction(
        "r2", [putin, macron], [meeting, call], sentences=["They met in Moscow.", "They spoke by phone."]
    )
    return [first, second]


def graphs_from_every_input(extractions: list[Extraction], folder: Path) -> dict[str, Any]:
    """The contact graph read from JSON Lines, Turtle, an RDF dataset, and an Oxigraph store."""
    from graphkit import rdf
    from graphkit.network import contact_graph, load_extractions
    from graphkit.rdf.dataset import export_turtle
    from graphkit.records import to_record, write_jsonl

    write_jsonl([to_record(e) for e in extractions], folder / "x.jsonl")
    export_turtle(extractions, folder / "x.ttl")
    store = rdf.open_store(folder / "store")
    rdf.add_extractions(store, extractions)
    try:
        return {
            "extractions": contact_graph(extractions),
            "jsonl": contact_graph(load_extractions(folder / "x.jsonl")),
            "turtle": contact_graph(load_extractions(folder / "x.ttl")),
            "dataset": contact_graph(rdf.to_graph(extractions)),
            "store": contact_graph(store),
        }
    finally:
        store.close()
