"""The HTML view in a real headless Chromium (Debian's, driven by Playwright; no browser download).

Skipped where /usr/bin/chromium is absent (``make test`` installs it). Set ``GRAPHKIT_UPDATE_SCREENSHOT=1`` to
also write the README's screenshot, ``docs/contacts.png``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from helpers import (
    CALL,
    DANA,
    DONE,
    EVIL_NAME,
    EVIL_SENTENCE,
    A,
    B,
    C,
    evil_extraction,
    make_extraction,
    person,
    synthetic_extractions,
    three_extractions,
)

import graphkit
from graphkit import network as gn
from graphkit import view
from graphkit.models import Article, Extraction

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[1]
D = dt.date

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent (make test installs it)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@dataclass
class Opened:
    """A loaded page with what it logged and requested."""

    page: Any
    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def visible_contacts(self) -> set[tuple[str, frozenset[str]]]:
        edges = self.page.evaluate("window.graphkit.visibleEdges().map(e => [e.event, e.from, e.to])")
        return {(event, frozenset((u, v))) for event, u, v in edges}

    def counts(self) -> tuple[int, int]:
        return int(self.page.inner_text("#count-nodes")), int(self.page.inner_text("#count-edges"))


def contacts_of(graph: Any) -> set[tuple[str, frozenset[str]]]:
    return {(key, frozenset((u, v))) for u, v, key in graph.edges(keys=True)}


def shown(graph: Any) -> tuple[int, int]:
    """What the page's header should say: actors, and contact events (not edges)."""
    return graph.number_of_nodes(), len({key for _, _, key in graph.edges(keys=True)})


@pytest.fixture
def open_page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    pages = []

    def opener(
        source: Any, name: str = "contacts.html", size: tuple[int, int] = (1280, 800), **options: Any
    ) -> Opened:
        path = view.write_html(source, tmp_path / name, **options)
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        pages.append(page)
        opened = Opened(page, path.as_uri())
        page.on("console", lambda m: m.type in ("error", "warning") and opened.errors.append(m.text))
        page.on("pageerror", lambda err: opened.errors.append(str(err)))
        page.on("request", lambda request: opened.requests.append(request.url))
        page.goto(opened.url)
        # not wait_for_function: Playwright evaluates its predicate with eval, which the page's CSP forbids
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60_000)
        return opened

    yield opener
    for page in pages:
        page.close()


@pytest.fixture
def three() -> list[Extraction]:
    return three_extractions()


def assert_clean(opened: Opened) -> None:
    assert opened.errors == []
    assert opened.requests == [opened.url]  # the page itself, nothing else


def test_seed_page_opens_offline_and_shows_the_whole_graph(open_page: Any, tmp_path: Path) -> None:
    extractions = [graphkit.extract(a) for a in graphkit.read_articles([ROOT / "data/articles/seed.txt"])]
    assert all(isinstance(e.article, Article) for e in extractions)
    graph = gn.contact_graph(extractions)
    opened = open_page(graph)
    assert_clean(opened)
    assert opened.counts() == shown(graph)
    assert opened.visible_contacts() == contacts_of(graph)
    # the README's screenshot: a contact's details next to the graph
    opened.page.fill("#search", "Vladimir Putin")
    opened.page.press("#search", "Enter")
    opened.page.mouse.move(0, 0)
    shot = opened.page.screenshot(path=str(tmp_path / "contacts.png"))
    assert shot[:8] == b"\x89PNG\r\n\x1a\n" and len(shot) > 10_000
    if os.environ.get("GRAPHKIT_UPDATE_SCREENSHOT"):
        (ROOT / "docs").mkdir(exist_ok=True)
        (ROOT / "docs/contacts.png").write_bytes(shot)


@pytest.mark.parametrize(
    ("start", "end"),
    [(D(2025, 1, 1), D(2025, 12, 31)), (D(2025, 3, 31), D(2025, 5, 5)), (D(2024, 1, 10), D(2024, 1, 10))],
)
def test_time_filter_hides_exactly_the_contacts_outside_the_period(
    open_page: Any, three: list[Extraction], start: dt.date, end: dt.date
) -> None:
    graph = gn.contact_graph(three)
    opened = open_page(graph)
    page = opened.page
    page.fill("#date-from", start.isoformat())
    page.fill("#date-to", end.isoformat())
    expected = gn.filter_graph(graph, start=start, end=end, include_undated=True)
    assert opened.visible_contacts() == contacts_of(expected)
    assert opened.counts() == shown(expected)
    page.uncheck("#undated")
    expected = gn.filter_graph(graph, start=start, end=end)
    assert opened.visible_contacts() == contacts_of(expected)
    assert opened.counts() == shown(expected)
    assert_clean(opened)


def test_slider_moves_the_period(open_page: Any, three: list[Extraction]) -> None:
    graph = gn.contact_graph(three)
    opened = open_page(graph)
    page = opened.page
    page.uncheck("#undated")
    page.focus("#slider-from")
    page.keyboard.press("ArrowRight")  # one day on: the meeting of 2024-01-10 (the first day) drops out
    assert page.input_value("#date-from") == "2024-01-11"
    expected = gn.filter_graph(graph, start=D(2024, 1, 11), end=D(2025, 6, 1))
    assert opened.visible_contacts() == contacts_of(expected) and len(expected.edges) == 3


def test_kind_and_status_filters(open_page: Any, three: list[Extraction]) -> None:
    graph = gn.contact_graph(three)
    opened = open_page(graph)
    opened.page.uncheck("#kinds input[value=call]")
    expected = gn.filter_graph(graph, kinds=["meeting", "visit", "correspondence", "contact"])
    assert opened.visible_contacts() == contacts_of(expected)
    opened.page.uncheck("#statuses input[value=planned]")
    expected = gn.filter_graph(expected, statuses=["occurred"])
    assert opened.visible_contacts() == contacts_of(expected) and opened.counts() == (4, 2)


def test_search_focuses_the_actor(open_page: Any, three: list[Extraction]) -> None:
    opened = open_page(gn.contact_graph(three))
    page = opened.page
    page.fill("#search", "dan")  # a prefix is enough
    page.press("#search", "Enter")
    assert page.evaluate("window.graphkit.network.getSelectedNodes()") == [DANA]
    center = page.evaluate("window.graphkit.network.getViewPosition()")
    where = page.evaluate(f"window.graphkit.network.getPositions([{DANA!r}])[{DANA!r}]")
    assert center["x"] == pytest.approx(where["x"], abs=1) and center["y"] == pytest.approx(where["y"], abs=1)
    assert "Dana" in page.inner_text("#details") and "Carl (1)" in page.inner_text("#details")
    page.fill("#search", "nobody")
    page.press("#search", "Enter")
    assert "No actor matches" in page.inner_text("#search-result")
    assert page.evaluate("window.graphkit.network.getSelectedNodes()") == [DANA]


def test_tooltips_and_details_show_article_text_as_text(open_page: Any) -> None:
    opened = open_page([evil_extraction()], precompute_above=0)  # straight edges: their middle is clickable
    page = opened.page
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("img").count() == 0
    page.fill("#search", EVIL_NAME)
    page.press("#search", "Enter")
    assert EVIL_NAME in page.inner_text("#details")
    # click the middle of the edge: its details give the sentence and no link for a javascript: URL
    middle = page.evaluate(
        """() => { const n = window.graphkit.network, p = n.getPositions();
                   const [a, b] = Object.values(p);
                   return n.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2}); }"""
    )
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + middle["x"], box["y"] + middle["y"])
    details = page.inner_text("#details")
    assert EVIL_SENTENCE in details and "meeting · occurred" in details
    assert page.locator("#details a").count() == 0
    page.mouse.move(box["x"] + middle["x"], box["y"] + middle["y"] + 1)
    page.wait_for_selector("div.vis-tooltip", state="visible")
    assert EVIL_SENTENCE in page.inner_text("div.vis-tooltip")
    assert page.evaluate("typeof window.__xss") == "undefined" and page.locator("img").count() == 0
    assert_clean(opened)


def test_source_links_in_details(open_page: Any) -> None:
    actors = [person("a", "Anne"), person("c", "Carl")]
    extraction = make_extraction("l", actors, [(["a", "c"], CALL, DONE, None)], url="https://example.org/l")
    opened = open_page([extraction], precompute_above=0)
    opened.page.evaluate(
        "() => window.graphkit.network.body.emitter.emit('click', {nodes: [], edges: ['e0']})"
    )
    link = opened.page.locator("#details a")
    assert (
        link.get_attribute("href") == "https://example.org/l"
        and link.get_attribute("rel") == "noopener noreferrer"
    )
    assert opened.counts() == (2, 1) and {A, C} == set(opened.page.evaluate("window.graphkit.visibleNodes()"))


def test_two_thousand_actors_and_ten_thousand_contacts(open_page: Any) -> None:
    graph = gn.contact_graph(synthetic_extractions(2000, 10_000))
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (2000, 10_000)
    opened = open_page(graph)
    assert_clean(opened)
    assert opened.counts() == (2000, 10_000)
    assert opened.page.evaluate("window.graphkit.network.physics.options.enabled") is False
    opened.page.fill("#search", "Actor 1234")
    opened.page.press("#search", "Enter")
    assert opened.page.evaluate("window.graphkit.network.getSelectedNodes()") == ["Q1235"]
    opened.page.fill("#date-from", "2023-01-01")
    opened.page.fill("#date-to", "2023-03-31")
    expected = gn.filter_graph(graph, start=D(2023, 1, 1), end=D(2023, 3, 31), include_undated=True)
    assert opened.counts() == shown(expected)
    assert opened.visible_contacts() == contacts_of(expected)
    opened.page.mouse.wheel(0, -300)  # still responsive after zooming
    assert opened.page.evaluate("window.graphkit.network.getScale()") > 0


# -- issue 13: positions, labels, colours and counts -----------------------------------------------


def positions(opened: Opened) -> dict[str, tuple[float, float]]:
    found = opened.page.evaluate("window.graphkit.network.getPositions()")
    return {node: (p["x"], p["y"]) for node, p in found.items()}


@pytest.mark.parametrize("actors", [4, 400])  # vis-network's physics, and positions computed in Python
def test_hidden_actors_come_back_where_they_were(
    open_page: Any, three: list[Extraction], actors: int
) -> None:
    source = three if actors == 4 else synthetic_extractions(actors, 3 * actors)
    opened = open_page(gn.contact_graph(source))
    page = opened.page
    before = positions(opened)
    for kind in ("call", "meeting", "visit"):
        page.uncheck(f"#kinds input[value={kind}]")
    page.fill("#date-from", "2025-01-01")
    assert len(page.evaluate("window.graphkit.visibleNodes()")) < len(before)
    for kind in ("call", "meeting", "visit"):
        page.check(f"#kinds input[value={kind}]")
    page.fill("#date-from", page.get_attribute("#date-from", "min"))
    after = positions(opened)
    assert after.keys() == before.keys()
    moved = {n for n, (x, y) in after.items() if abs(x - before[n][0]) > 0.5 or abs(y - before[n][1]) > 0.5}
    assert moved == set()
    assert_clean(opened)


_RECORD_LABELS = """() => {
  const drawn = [];
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y) {
    const px = parseFloat(/([0-9.]+)px/.exec(this.font)[1]);
    const m = this.getTransform();
    const scale = m.a / window.devicePixelRatio;
    const width = this.measureText(text).width * scale;
    const cx = (m.a * x + m.e) / window.devicePixelRatio;
    const cy = (m.d * y + m.f) / window.devicePixelRatio;
    drawn.push([String(text), px * scale, cx, cy, width]);
    return fill.apply(this, arguments);
  };
  window.graphkit.network.redraw();
  CanvasRenderingContext2D.prototype.fillText = fill;
  return drawn;
}"""


@pytest.mark.parametrize("actors", [100, 300, 500])
def test_labels_are_readable_at_1400_by_900(open_page: Any, actors: int) -> None:
    graph = gn.contact_graph(synthetic_extractions(actors, 5 * actors))
    opened = open_page(graph, size=(1400, 900))
    drawn = opened.page.evaluate(_RECORD_LABELS)
    assert len(drawn) >= 20  # the main actors are named
    assert min(px for _, px, *_ in drawn) >= 11  # every label drawn can be read
    assert overlapping(drawn) == []  # and none is drawn over another
    top = min(graph, key=lambda n: (-len({k for *_, k in graph.edges(n, keys=True)}), str(n)))
    assert graph.nodes[top]["name"] in {text for text, *_ in drawn}  # the actor with most contacts first
    opened.page.mouse.move(700, 450)
    opened.page.mouse.wheel(0, -400)  # zoomed in: actors unnamed before get their label
    opened.page.wait_for_timeout(500)
    closer = opened.page.evaluate(_RECORD_LABELS)
    assert {text for text, *_ in closer} - {text for text, *_ in drawn}
    assert min(px for _, px, *_ in closer) >= 11 and max(px for _, px, *_ in closer) <= 20.5
    assert overlapping(closer) == []


def overlapping(drawn: list[list[Any]]) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes overlap by more than a pixel (vis-network draws text left-aligned from
    x, with its baseline in the middle of the line)."""
    boxes = [(text, x, y - px / 2, x + w, y + px / 2) for text, px, x, y, w in drawn]
    return [
        (a[0], b[0])
        for n, a in enumerate(boxes)
        for b in boxes[n + 1 :]
        if min(a[3], b[3]) - max(a[1], b[1]) > 1 and min(a[4], b[4]) - max(a[2], b[2]) > 1
    ]


def test_twenty_five_countries_have_twenty_five_colours(open_page: Any) -> None:
    codes = ["FRA", "RUS", "USA", "CHN", "DEU", "GBR", "IND", "BRA", "TUR", "JPN", "UKR", "IRN", "ZAF"]
    codes += ["ITA", "ESP", "POL", "EGY", "SAU", "ISR", "KOR", "MEX", "CAN", "AUS", "NGA", "IDN"]
    people = [person(f"p{n}", f"Leader {n}", code, f"Q{n + 1}") for n, code in enumerate(codes)]
    ring = [([f"p{n}", f"p{(n + 1) % len(codes)}"], CALL, DONE, None) for n in range(len(codes))]
    opened = open_page(gn.contact_graph([make_extraction("w", people, ring)]))
    drawn = opened.page.evaluate(
        "Object.values(window.graphkit.network.body.nodes).map(n => n.options.color.background)"
    )
    assert len(set(drawn)) == len(codes) == 25
    swatches = opened.page.eval_on_selector_all(
        "#legend-countries .swatch", "spans => spans.map(s => getComputedStyle(s).backgroundColor)"
    )
    assert len(set(swatches)) == 25


def test_counts_follow_the_filters_and_count_events(open_page: Any, three: list[Extraction]) -> None:
    trio = make_extraction(
        "x3",
        [person("a", "Anne", "FRA"), person("b", "Boris", "RUS"), person("e", "Emil", "FRA")],
        [(["a", "b", "e"], CALL, DONE, (D(2025, 3, 10), D(2025, 3, 10)))],
    )
    graph = gn.contact_graph([*three, trio])
    opened = open_page(graph)
    page = opened.page

    def legend(container: str) -> dict[str, int]:
        labels = page.eval_on_selector_all(f"#{container} label", "ls => ls.map(l => l.textContent)")
        return {text.split()[0]: int(text.split("(")[1].rstrip(")")) for text in labels}

    def expected(field: str, view: Any) -> dict[str, int]:
        events: dict[str, set[str]] = {}
        for _, _, key, value in view.edges(keys=True, data=field):
            events.setdefault(value, set()).add(key)
        return {value: len(keys) for value, keys in events.items()}

    assert opened.counts() == shown(graph) == (5, 6)  # the meeting of three is three edges, one event
    assert {k: v for k, v in legend("kinds").items() if v} == expected("kind", graph)
    page.fill("#date-from", "2025-01-01")
    page.uncheck("#undated")
    period = gn.filter_graph(graph, start=D(2025, 1, 1), end=D(2025, 6, 1))
    assert opened.counts() == shown(period)
    assert {k: v for k, v in legend("kinds").items() if v} == expected("kind", period)
    page.uncheck("#kinds input[value=call]")
    # a kind's count still says how many of its events the period holds, ticked or not
    assert legend("kinds")["call"] == expected("kind", period)["call"]
    narrowed = gn.filter_graph(period, kinds=["meeting", "visit"])
    assert opened.counts() == shown(narrowed)
    assert {k: v for k, v in legend("statuses").items() if v} == expected("status", narrowed)
    for actor in (A, B, C):  # an actor's details count what the filters leave, as counterparts() does
        found = page.evaluate("id => window.graphkit.counterparts(id)", actor)
        ranked = gn.counterparts(narrowed, actor) if actor in narrowed else []
        assert found["contacts"] == len(gn.timeline(narrowed, actor))
        assert found["counterparts"] == [[narrowed.nodes[o]["name"], n] for o, n in ranked]
    countries = page.eval_on_selector_all("#legend-countries div", "rows => rows.map(r => r.textContent)")
    visible = [narrowed.nodes[n].get("country") for n in narrowed]
    assert sum(int(text.split("(")[1].rstrip(")")) for text in countries) == len(visible)
    assert_clean(opened)
