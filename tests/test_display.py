"""graphkit.display: escaped HTML tables for models and query results, DataFrames, the timeline plot."""

from __future__ import annotations

import doctest
import re

import pandas as pd
import pytest

import graphkit
import graphkit.display as gd
import graphkit.rdf as rdf
from graphkit.dyadic import dyads
from graphkit.models import Actor, ActorType, Article, Extraction

SCRIPT = "<script>alert('x')</script>"


def _cells(html: str) -> list[str]:
    """The text of every table cell, unescaped back, in document order."""
    import html as html_module

    return [html_module.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", html, flags=re.S)]


def _hostile(extraction: Extraction) -> Extraction:
    """The fixture with markup in a title, an actor name, a statement and a javascript: URL."""
    article = extraction.article.model_copy(update={"title": SCRIPT, "url": "javascript:alert(1)"})
    actors = tuple(
        a.model_copy(update={"name": SCRIPT}) if a.id == "macron" else a for a in extraction.actors
    )
    statement = extraction.statements[0].model_copy(update={"text": SCRIPT})
    return extraction.model_copy(update={"article": article, "actors": actors, "statements": (statement,)})


def test_script_in_a_name_renders_escaped() -> None:
    actor = Actor(id="a1", name=SCRIPT, type=ActorType.PERSON)
    html = actor._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert SCRIPT in _cells(html)


def test_extraction_escapes_article_text_everywhere(extraction: Extraction) -> None:
    html = _hostile(extraction)._repr_html_()
    assert "<script" not in html.lower()
    assert html.count("&lt;script&gt;") == 4  # title, actor row, its name in a contact, the statement
    assert "href" not in html  # a javascript: URL is shown, never linked
    assert "javascript:alert(1)" in html


def test_http_urls_become_links_with_escaped_quotes(extraction: Extraction) -> None:
    url = 'https://example.org/a"onmouseover="x'
    article = extraction.article.model_copy(update={"url": url})
    html = extraction.model_copy(update={"article": article})._repr_html_()
    assert 'href="https://example.org/a&quot;onmouseover=&quot;x"' in html
    assert 'rel="noopener noreferrer"' in html


def test_extraction_shows_actors_contacts_and_statements_by_name(extraction: Extraction) -> None:
    html = extraction._repr_html_()
    assert re.findall(r"<caption[^>]*>(.*?)</caption>", html) == [
        "Actors (5)",
        "Contacts (2)",
        "Statements (1)",
    ]
    cells = _cells(html)
    assert "Emmanuel Macron (caller); Vladimir Putin (callee)" in cells
    assert "Sergueï Lavrov (envoy for Vladimir Putin); France (host)" in cells
    assert "2025-07-01 (on Tuesday)" in cells
    assert "Dmitry Peskov" in cells  # the speaker by name, not by id


def test_a_model_alone_is_a_field_value_table(extraction: Extraction) -> None:
    cells = _cells(extraction.contacts[0]._repr_html_())
    pairs = dict(zip(cells[::2], cells[1::2], strict=True))
    assert pairs["kind"] == "call"
    assert pairs["participants"] == "macron (caller); putin (callee)"  # no names outside an extraction
    assert pairs["evidence"] == "Macron phoned Putin on Tuesday"
    assert _cells(extraction.statements[0]._repr_html_())[:2] == ["speaker", "peskov"]


def test_long_article_text_is_shortened() -> None:
    html = Article(id="a", text="x" * 1000)._repr_html_()
    assert "… (1000 characters)" in html
    assert "x" * 301 not in html


def test_query_results_display_as_tables(extraction: Extraction) -> None:
    found = rdf.contacts(rdf.to_graph([_hostile(extraction)]), "Putin")
    assert [c.kind.value for c in found] == ["call"]
    one = _cells(found[0]._repr_html_())
    assert dict(zip(one[::2], one[1::2], strict=True))["participants"] == f"Vladimir Putin; {SCRIPT}"
    listed = gd.table(found, caption="Putin")
    assert repr(listed) == "<graphkit table: Putin, 1 row>"
    assert "<script" not in listed._repr_html_()
    assert _cells(listed.html)[:3] == ["call", "occurred", "2025-07-01"]


def test_statement_results_and_sparql_rows(extraction: Extraction) -> None:
    dataset = rdf.to_graph([extraction])
    [said] = rdf.statements_by(dataset, "Peskov")
    assert _cells(gd.to_html([said]))[:5] == [
        said.speaker.name,
        "yes",
        "no meeting is planned",
        "d001",
        "2025-07-02",
    ]
    rows = rdf.sparql(dataset, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e a gk:Contact } }")
    assert _cells(gd.to_html(rows)) == ["2"]


def test_rows_beyond_the_limit_are_counted() -> None:
    actors = [Actor(id=f"a{n}", name=f"Actor {n}", type=ActorType.PERSON) for n in range(5)]
    html = gd.to_html(actors, limit=3)
    assert html.count("<tr><td") == 3
    assert "… and 2 more" in html
    assert "(none)" in gd.to_html([])


def test_frames(extraction: Extraction) -> None:
    actors = gd.actors_frame([extraction])
    assert actors.set_index("actor").loc["putin", ["contacts", "statements"]].tolist() == [1, 0]
    assert actors.set_index("actor").loc["peskov", ["contacts", "statements"]].tolist() == [0, 1]
    contacts = gd.contacts_frame([extraction])
    assert contacts["participants"].tolist() == [
        "Emmanuel Macron (caller); Vladimir Putin (callee)",
        "Sergueï Lavrov (envoy for Vladimir Putin); France (host)",
    ]
    assert contacts["countries"].tolist() == ["FRA; RUS", "RUS; FRA"]
    actor = "https://w3id.org/graphkit/id/actor/"
    assert contacts["actors"].tolist() == [
        [f"{actor}wd/Q3052772", f"{actor}person/vladimir-putin"],
        [f"{actor}person/serguei-lavrov", f"{actor}wd/Q142"],
    ]
    events = contacts["event"].tolist()
    assert len(set(events)) == 2 and all(e.startswith("https://w3id.org/graphkit/id/event/") for e in events)
    # the same ids as the dyadic table: one event model
    assert set(events) == {row.event for row in dyads([extraction])}
    assert contacts["start"].tolist()[0] == pd.Timestamp("2025-07-01")
    assert pd.isna(contacts["start"].tolist()[1])
    statements = gd.statements_frame([extraction])
    assert statements[["speaker", "country", "direct"]].values.tolist() == [["Dmitry Peskov", "RUS", True]]


def test_frames_of_nothing_keep_their_columns() -> None:
    assert list(gd.contacts_frame([]).columns)[:4] == ["event", "article", "published", "kind"]
    assert gd.statements_frame([]).empty and "speaker" in gd.statements_frame([]).columns
    assert list(gd.timeline_frame(graphkit.contact_graph([])).columns)[:3] == ["event", "start", "end"]


def test_timeline_frame_names_actors(extraction: Extraction) -> None:
    frame = gd.timeline_frame(graphkit.contact_graph([extraction]), "Q3052772")
    assert frame[["kind", "actors"]].values.tolist() == [["call", "Emmanuel Macron; Vladimir Putin"]]


def test_plot_timeline(extraction: Extraction) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = gd.plot_timeline(graphkit.contact_graph([extraction]))
    try:
        # Only the dated call is drawn: one row per participant, one filled mark each.
        assert [t.get_text() for t in ax.get_yticklabels()] == ["Emmanuel Macron", "Vladimir Putin"]
        [marks] = ax.collections
        assert len(marks.get_offsets()) == 2
        assert [t.get_text() for t in ax.get_legend().get_texts()] == ["call"]
    finally:
        plt.close(ax.figure)


def test_doctests() -> None:
    result = doctest.testmod(gd, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


_NOTEBOOK = """
import sys
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
import graphkit
from graphkit.models import Actor, ActorType
assert "graphkit.display" not in sys.modules, "import graphkit must not load display"
actor = Actor(id="a1", name="<b>Putin</b>", type=ActorType.PERSON)
html = shell.display_formatter.formatters["text/html"].lookup(actor)(actor)
enum = shell.display_formatter.formatters["text/html"].lookup(ActorType.PERSON)(ActorType.PERSON)
print(html.startswith("<table") and "&lt;b&gt;Putin" in html, enum, "graphkit.display" in sys.modules)
"""


def test_models_know_nothing_of_display_yet_notebooks_show_them_as_tables() -> None:
    import ast
    import subprocess
    import sys
    from pathlib import Path

    import graphkit.models

    tree = ast.parse(Path(graphkit.models.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert "graphkit.display" not in imported
    pytest.importorskip("IPython")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", _NOTEBOOK], capture_output=True, text=True, check=True, cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.stdout.split() == ["True", "None", "True"]
