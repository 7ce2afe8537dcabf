"""The HTML view at scale: ``view_vs_json``, the time to render the page of 2,000 actors and 10,000 contacts
over ``json.dumps`` of the same nodes and edges (the least any page of that data costs), both measured here,
plus the time until the page is interactive in headless Chromium (where /usr/bin/chromium and Playwright are
installed).

The contacts are synthetic: actors with Wikidata ids (one node each across articles), a few hubs, dates over
six years, all kinds and statuses, 100 contacts to an article.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import tempfile
import time
from pathlib import Path

from timing import best_of

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
)

CHROMIUM = Path("/usr/bin/chromium")
_CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def synthetic(actors: int, contacts: int, *, per_article: int = 100, seed: int = 7) -> list[Extraction]:
    """``contacts`` contacts among ``actors`` actors, every actor in at least one."""
    rng = random.Random(seed)
    codes = ["FRA", "RUS", "USA", "CHN", "DEU", "GBR", "IND", "BRA", "TUR", "JPN", "UKR", "IRN", "ZAF", None]
    pairs = []
    for n in range(contacts):
        first = n % actors if n < actors else int(actors * rng.random() ** 3)
        second = rng.randrange(actors - 1)
        pairs.append((first, second + (second >= first)))
    extractions = []
    for start in range(0, contacts, per_article):
        chunk = pairs[start : start + per_article]
        people = {i: _actor(i, codes[i % len(codes)]) for pair in chunk for i in pair}
        text, found = "", []
        for n, (a, b) in enumerate(chunk):
            sentence = f"Contact {n}."
            day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
            found.append(
                Contact(
                    participants=(Participant(actor=f"p{a}"), Participant(actor=f"p{b}")),
                    kind=rng.choice(list(ContactKind)),
                    status=rng.choice(list(ContactStatus)),
                    date=DateSpan(start=day, end=day, granularity=Granularity.DAY),
                    evidence=Evidence(text=sentence, start=len(text), end=len(text) + len(sentence)),
                )
            )
            text += sentence + " "
        article = Article(id=f"s{start // per_article}", text=text)
        extractions.append(Extraction(article=article, actors=tuple(people.values()), contacts=tuple(found)))
    return extractions


def _actor(i: int, country: str | None) -> Actor:
    return Actor(id=f"p{i}", name=f"Actor {i}", type=ActorType.PERSON, country=country, wikidata=f"Q{i + 1}")


def measure(actors: int = 2000, contacts: int = 10_000) -> dict[str, object]:
    """``view_vs_json`` and its parts for a graph of ``actors`` actors and ``contacts`` contacts."""
    from graphkit import view
    from graphkit.network import contact_graph

    extractions = synthetic(actors, contacts)
    started = time.perf_counter()
    graph = contact_graph(extractions)
    graph_s = time.perf_counter() - started
    page = view.render_html(graph)
    data = json.loads(page.split('id="graphkit-data">', 1)[1].split("</script>", 1)[0])
    plain = {"nodes": data["nodes"], "edges": data["edges"]}
    # Interleaved, fastest of fifteen each: on a shared machine a neighbour's burst then hits all three alike.
    # The page without computed positions (vis-network's physics would lay it out) gives the layout's share.
    runs = {
        "json": lambda: json.dumps(plain),
        "render": lambda: view.render_html(graph),
        "unplaced": lambda: view.render_html(graph, precompute_above=actors + 1),
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(15):
        for name, run in runs.items():
            times[name].append(best_of(run, repeat=1))
    best = {name: min(found) for name, found in times.items()}
    json_s, render_s, unplaced_s = best["json"], best["render"], best["unplaced"]
    results: dict[str, object] = {
        "view_actors": graph.number_of_nodes(),
        "view_contacts": graph.number_of_edges(),
        "view_vs_json": round(render_s / json_s, 2),
        "view_render_s": round(render_s, 3),
        "view_layout_s": round(max(render_s - unplaced_s, 0.0), 3),
        "view_json_s": round(json_s, 3),
        "view_contact_graph_s": round(graph_s, 3),
    }
    ready = chromium_ready_s(page)
    if ready is not None:
        results["view_chromium_ready_s"] = round(ready, 2)
    return results


def chromium_ready_s(page: str) -> float | None:
    """Seconds from opening the page to its ``data-ready`` mark (drawn and interactive), best of three."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        path = Path(tmp) / "view.html"
        path.write_text(page, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=_CHROMIUM_ARGS)
        times = []
        for _ in range(3):
            tab = browser.new_page(viewport={"width": 1400, "height": 900})
            started = time.perf_counter()
            tab.goto(path.as_uri())
            tab.wait_for_selector("body[data-ready=true]", state="attached", timeout=120_000)
            times.append(time.perf_counter() - started)
            tab.close()
        browser.close()
    return min(times)


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
