"""Shared fixtures: a fake extractor and reader (tests/helpers.py), real extractions, a hand-built extraction.

Fixtures only; what test files import is in ``helpers.py``.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import fake_extract, fake_read_articles

import graphkit
from graphkit import ingest
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

# The fake extractor under "fake", for runs that need no spaCy (helpers.fake_extract says what it finds).
extractors.register("fake")(fake_extract)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="rewrite the expected outputs in tests/golden/ from what graphkit writes now (test_golden.py)",
    )


@pytest.fixture(scope="session")
def extract() -> Callable[..., tuple[Extraction, ...]]:
    """Real extractions (spaCy) of the articles at the paths given; each set of paths is extracted once."""
    done: dict[tuple[Path, ...], tuple[Extraction, ...]] = {}

    def extract_paths(*paths: Path) -> tuple[Extraction, ...]:
        if paths not in done:
            out = []
            for item in graphkit.read_articles([str(p) for p in paths]):
                if isinstance(item, Exception):
                    raise item
                out.append(graphkit.extract(item))
            done[paths] = tuple(out)
        return done[paths]

    return extract_paths


@pytest.fixture
def fake_ingest(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read inputs with a small JSON Lines reader instead of ``graphkit.ingest.read_articles``."""
    monkeypatch.setattr(ingest, "read_articles", fake_read_articles)


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


# The `oxigraph serve` binary of the dev dependency "oxigraph", for tests against a live SPARQL endpoint.
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph binary (PyPI package 'oxigraph') is not installed")
    port = _free_port()
    server = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"{url}/query"
    finally:
        server.terminate()
        server.wait(timeout=10)
