"""Shared fixtures: a fake extractor and a fake reader, so tests do not need spaCy or the real ingest."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from graphkit import ingest
from graphkit.errors import InputError, ModelLoadError
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
from graphkit.registry import extractors

#: Text that makes the fake extractor raise, to test failures of one article.
EXPLODE = "EXPLODE"
#: A pipeline name the fake extractor cannot "load".
MISSING_PIPELINE = "xx_missing_pipeline"

_VERBS = {"met": ContactKind.MEETING, "phoned": ContactKind.CALL, "visited": ContactKind.VISIT}
_CONTACT = re.compile(r"(?P<a>[A-Z]\w+) (?P<verb>met|phoned|visited) (?P<b>[A-Z]\w+)")
_QUOTE = re.compile(r'(?P<who>[A-Z]\w+) said "(?P<words>[^"]+)"')


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="rewrite the expected outputs in tests/golden/ from what graphkit writes now (test_golden.py)",
    )


@extractors.register("fake")
def fake_extract(article: Article, *, pipeline: str) -> Extraction:
    """A deterministic stand-in for the rules extractor: "A met B", "A phoned B", 'A said "..."'."""
    if pipeline == MISSING_PIPELINE:
        raise ModelLoadError(f"spaCy pipeline {pipeline!r} is not installed")
    if EXPLODE in article.text:
        raise RuntimeError("the fake extractor exploded [boom]")
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


def _fake_read_articles(
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


@pytest.fixture
def fake_ingest(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read inputs with a small JSON Lines reader instead of ``graphkit.ingest.read_articles``."""
    monkeypatch.setattr(ingest, "read_articles", _fake_read_articles)


def write_articles(path: Path, *lines: dict | str) -> Path:
    """Write JSON Lines of articles (dicts) or raw lines (str) to ``path``."""
    path.write_text(
        "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def extraction() -> Extraction:
    """A hand-built extraction using every field a record carries, with non-ASCII text."""
    text = (
        "Macron phoned Putin on Tuesday. Later, Sergueï Lavrov visited Paris as Putin's envoy. "
        'Peskov said "no meeting is planned" — for now.'
    )
    article = Article(
        id="d001",
        url="https://example.org/d001",
        title="Macron and Putin spoke",
        published="2025-07-02",
        text=text,
    )

    def span(fragment: str) -> Evidence:
        start = text.index(fragment)
        return Evidence(text=fragment, start=start, end=start + len(fragment))

    tuesday = DateSpan(
        start="2025-07-01", end="2025-07-01", granularity=Granularity.DAY, expression="on Tuesday"
    )
    actors = (
        Actor(
            id="macron",
            name="Emmanuel Macron",
            type=ActorType.PERSON,
            country="FRA",
            offices=("President of France",),
            aliases=("Macron",),
            wikidata="Q3052772",
        ),
        Actor(id="putin", name="Vladimir Putin", type=ActorType.PERSON, country="RUS", aliases=("Putin",)),
        Actor(
            id="lavrov",
            name="Sergueï Lavrov",
            type=ActorType.PERSON,
            country="RUS",
            aliases=("Sergueï Lavrov",),
        ),
        Actor(
            id="fra",
            name="France",
            type=ActorType.COUNTRY,
            country="FRA",
            aliases=("Paris",),
            wikidata="Q142",
        ),
        Actor(id="peskov", name="Dmitry Peskov", type=ActorType.PERSON, country="RUS", aliases=("Peskov",)),
    )
    contacts = (
        Contact(
            participants=(
                Participant(actor="macron", role=Role.CALLER),
                Participant(actor="putin", role=Role.CALLEE),
            ),
            kind=ContactKind.CALL,
            status=ContactStatus.OCCURRED,
            date=tuesday,
            level=ContactLevel.SUMMIT,
            evidence=span("Macron phoned Putin on Tuesday"),
        ),
        Contact(
            participants=(
                Participant(actor="lavrov", role=Role.ENVOY, on_behalf_of="putin"),
                Participant(actor="fra", role=Role.HOST),
            ),
            kind=ContactKind.VISIT,
            status=ContactStatus.OCCURRED,
            location="Paris",
            evidence=span("Sergueï Lavrov visited Paris as Putin's envoy"),
            mentions=(span("Later"),),
        ),
    )
    statement = Statement(
        speaker="peskov", text="no meeting is planned", direct=True, evidence=span("no meeting is planned")
    )
    return Extraction(article=article, actors=actors, contacts=contacts, statements=(statement,))
