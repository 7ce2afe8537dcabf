"""Write notebooks/*.ipynb from the cells below, outputs cleared, so they are reproducible and reviewable.

Usage: .venv/bin/python scripts/make_notebooks.py [--check]
  --check   exit 1 if a notebook on disk differs from what this script writes (tests/test_notebooks.py)

Edit the cells here, not in Jupyter: a notebook saved from Jupyter carries outputs and is overwritten on the
next run. Cell ids are fixed so that regenerating gives byte-identical files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

KERNEL = {"name": "graphkit", "display_name": "Python 3 (graphkit)", "language": "python"}

#: Finds the repository root whether Jupyter was started in notebooks/ or in the root.
ROOT = """\
# The repository root, whether Jupyter was started in notebooks/ or in the repository itself.
ROOT = next(p for p in (Path.cwd(), *Path.cwd().parents) if (p / "data/articles/seed.txt").exists())"""

#: The corpus folder: $GRAPHKIT_CORPUS (relative to the repository root, or absolute), else data/articles.
CORPUS = """\
# A folder of articles (.txt, .md, .html, .json, .jsonl). Set GRAPHKIT_CORPUS to use another one, e.g.
# GRAPHKIT_CORPUS=../shared/corpus/dev/texts (relative paths start at the repository root).
CORPUS = (ROOT / os.environ.get("GRAPHKIT_CORPUS", "data/articles")).resolve()"""

#: The timeline cell of 02-explore-contacts, whose plot is the README's picture.
TIMELINE = "gd.plot_timeline(graphkit.filter_graph(graph, start=dt.date(2005, 1, 1)), top=15);"

QUICKSTART = [
    (
        "md",
        """\
# graphkit quickstart: from one article to a graph

This notebook takes the bundled article `data/articles/seed.txt` (The Moscow Times, 10 February 2026) through
every stage of graphkit: extraction, tables of actors, contacts and statements, a query, the interactive
network, and a Turtle export. Run `make demo` (or `bash scripts/bootstrap.sh`) once, then pick the kernel
**Python 3 (graphkit)** and run all cells.""",
    ),
    (
        "code",
        """\
from pathlib import Path

import graphkit
import graphkit.display as gd
import graphkit.rdf as rdf

"""
        + ROOT,
    ),
    (
        "md",
        """\
## Extract

`read_articles` reads files, folders, feeds or URLs; an input it cannot read is yielded as an `InputError`
instead of an article. `extract` runs the rule-based extractor (the spaCy pipeline loads on first use, which
takes a few seconds). An extraction displays itself as tables: the article, its actors, contacts and
statements.""",
    ),
    (
        "code",
        """\
[article] = graphkit.read_articles([ROOT / "data" / "articles" / "seed.txt"])
if isinstance(article, graphkit.InputError):
    raise article
extraction = graphkit.extract(article)
extraction""",
    ),
    (
        "md",
        """\
Every model displays as a table, escaped: article text is untrusted, so markup in a name shows as text.
A contact on its own names its participants by actor id; inside an extraction they are named.""",
    ),
    ("code", "extraction.contacts[-1]"),
    (
        "md",
        """\
## Tables as DataFrames

`graphkit.display` turns extractions into pandas DataFrames, one row per actor, contact or statement; dates
are timestamps, so they sort and filter.""",
    ),
    ("code", "gd.actors_frame([extraction])"),
    (
        "code",
        """\
contacts = gd.contacts_frame([extraction])
contacts[["kind", "status", "start", "end", "participants", "evidence"]]""",
    ),
    ("code", 'gd.statements_frame([extraction])[["speaker", "direct", "text"]]'),
    (
        "md",
        """\
## Ask the graph: Macron's contacts

`to_graph` builds the RDF knowledge graph; the query functions of `graphkit.rdf` name actors by name, alias,
Wikidata id or IRI. Their results are lists; `gd.table` shows one as a table and `rdf.to_frame` makes it a
DataFrame.""",
    ),
    (
        "code",
        """\
dataset = graphkit.to_graph([extraction])
gd.table(rdf.contacts(dataset, "Macron"), caption="Contacts of Emmanuel Macron")""",
    ),
    ("code", 'rdf.to_frame(rdf.top_counterparts(dataset, "Macron"))'),
    (
        "md",
        """\
## The network, inline

`contact_graph` is a NetworkX multigraph: one edge per contact and pair of participants. `show` draws it as
the interactive view (drag, zoom, hover an edge for its evidence sentence). It is a self-contained page in a
sandboxed frame, so it works offline in JupyterLab, Notebook and VS Code.""",
    ),
    (
        "code",
        """\
graph = graphkit.contact_graph([extraction])
graphkit.show(graph, height=450)""",
    ),
    (
        "md",
        """\
## Export Turtle

`rdf.serialize` writes the graph as Turtle, N-Triples, TriG, N-Quads or JSON-LD; the command line does the
same with `graphkit extract data/articles --out out/contacts.ttl`. Here are the first lines.""",
    ),
    (
        "code",
        """\
turtle = rdf.serialize(dataset, "turtle")
print(f"{len(turtle.splitlines())} lines of Turtle")
print("\\n".join(turtle.splitlines()[:40]))""",
    ),
]

EXPLORE = [
    (
        "md",
        """\
# Exploring contacts in a corpus

A folder of articles as a corpus: when and between whom contacts happened, the most connected actors, one
actor's counterparts over time, contacts between countries, a period filter, and statements by speaker, with
pandas DataFrames throughout. The folder is `CORPUS` below: `data/articles` unless the environment variable
`GRAPHKIT_CORPUS` names another one (the tests use the 51 development articles in
`../shared/corpus/dev/texts`).""",
    ),
    (
        "code",
        """\
import datetime as dt
import os
from pathlib import Path

import pandas as pd

import graphkit
import graphkit.display as gd
import graphkit.network as gn

"""
        + f"{ROOT}\n{CORPUS}\nCORPUS",
    ),
    (
        "md",
        """\
`extract_all` reads every article of the folder and extracts it (about 0.1 s an article after the spaCy
pipeline has loaded); an article that cannot be read or extracted is skipped with a warning.""",
    ),
    (
        "code",
        """\
extractions = graphkit.extract_all([CORPUS])
contacts = gd.contacts_frame(extractions)
graph = graphkit.contact_graph(extractions)
print(f"{len(extractions)} articles, {len(contacts)} contacts, {graph.number_of_nodes()} actors in contacts")
contacts.pivot_table(index="kind", columns="status", values="article", aggfunc="count", fill_value=0)""",
    ),
    (
        "md",
        """\
## Timeline

One row per actor (those with most dated contacts), one mark per contact at its start date, coloured by kind;
hollow marks are contacts that were planned, proposed or denied rather than held. The plot starts in 2005:
a few contacts dated decades earlier (anniversaries, "since 1972") would squeeze everything else.""",
    ),
    ("code", TIMELINE),
    (
        "md",
        """\
## The most connected actors

Contacts are counted once per event, however many participants it has; *counterparts* are distinct actors;
*betweenness* (from `gn.brokers`) is high for actors that connect otherwise separate groups.""",
    ),
    (
        "code",
        """\
betweenness = dict(gn.brokers(graph, top=None))
actors = pd.DataFrame(
    [
        {
            "node": node,
            "name": attrs["name"],
            "country": attrs["country"],
            "contacts": len(gn.timeline(graph, node)),
            "counterparts": len(gn.counterparts(graph, node)),
            "betweenness": round(betweenness[node], 3),
        }
        for node, attrs in graph.nodes(data=True)
    ]
)
most_connected = actors.sort_values(["contacts", "counterparts", "name"], ascending=[False, False, True])
most_connected.head(10)""",
    ),
    (
        "md",
        """\
## Counterparts of one actor over time

`FOCUS` is the most connected actor; set it to any node id, name or alias (`gn.find_actor` resolves it). The
first table lists the actor's contacts in date order, the second counts contacts by counterpart and year.""",
    ),
    (
        "code",
        """\
FOCUS = most_connected.iloc[0]["name"]
focus = gn.find_actor(graph, FOCUS)
gd.timeline_frame(graph, focus)[["start", "kind", "status", "actors", "evidence"]]""",
    ),
    (
        "code",
        """\
by_year = pd.DataFrame(
    [
        {"year": entry.start.year, "counterpart": graph.nodes[other]["name"]}
        for entry in gn.timeline(graph, focus)
        if entry.start is not None
        for other in entry.actors
        if other != focus
    ],
    columns=["year", "counterpart"],
)
pd.crosstab(by_year["counterpart"], by_year["year"])""",
    ),
    (
        "md",
        """\
## Between countries

`country_graph` projects every contact onto the participants' countries (contacts within one country and
actors without a country are left out). The table counts contact events per pair of countries; the view
below draws the country network.""",
    ),
    (
        "code",
        """\
countries = graphkit.country_graph(graph)
pairs = pd.DataFrame(
    [
        {"country": countries.nodes[u]["name"], "other": countries.nodes[v]["name"], "event": event}
        for u, v, event in countries.edges(keys=True)
    ],
    columns=["country", "other", "event"],
)
pairs.groupby(["country", "other"]).size().sort_values(ascending=False).rename("contacts").head(10)""",
    ),
    ("code", 'graphkit.show(countries, height=450, title="Contacts between countries")'),
    (
        "md",
        """\
## A period

`filter_graph` narrows a graph to a period (contacts whose dates overlap it), kinds, statuses, countries or
actors, as a view rather than a copy. `gn.new_contacts` lists the pairs in contact during the period that
had no contact before it.""",
    ),
    (
        "code",
        """\
START, END = dt.date(2020, 1, 1), dt.date(2026, 12, 31)
period = graphkit.filter_graph(graph, start=START, end=END)
print(f"{len(gn.timeline(period))} of {len(gn.timeline(graph))} contact events fall in {START} – {END}")
gd.timeline_frame(period)[["start", "end", "kind", "status", "actors"]]""",
    ),
    (
        "code",
        """\
pd.DataFrame(
    [(graph.nodes[a]["name"], graph.nodes[b]["name"]) for a, b in gn.new_contacts(graph, (START, END))],
    columns=["actor", "other"],
)""",
    ),
    (
        "md",
        """\
## Statements by speaker

Quotations and reported speech, attributed to their speaker. Who speaks most, and what the first of them
said.""",
    ),
    (
        "code",
        """\
statements = gd.statements_frame(extractions)
speakers = statements.groupby(["speaker", "country"], dropna=False).size().rename("statements")
speakers.sort_values(ascending=False).head(10)""",
    ),
    (
        "code",
        """\
top_speaker = statements["speaker"].value_counts().index[0]
statements.loc[statements["speaker"] == top_speaker, ["article", "published", "direct", "text"]]""",
    ),
]

RDF = [
    (
        "md",
        """\
# The knowledge graph: RDF, SPARQL, SHACL, Oxigraph and Gephi

graphkit's graph in RDF: the same corpus as `02-explore-contacts` (`GRAPHKIT_CORPUS`, default
`data/articles`) as Turtle and JSON-LD, queried with SPARQL and the query functions, validated against the
SHACL shapes, loaded into an embedded Oxigraph store, and exported as GEXF for Gephi. The vocabulary is in
`schemas/graphkit.ttl`.""",
    ),
    (
        "code",
        """\
import json
import os
import tempfile
from pathlib import Path

import graphkit
import graphkit.display as gd
import graphkit.network as gn
import graphkit.rdf as rdf

"""
        + f"{ROOT}\n{CORPUS}\n"
        + """\
extractions = graphkit.extract_all([CORPUS])
dataset = graphkit.to_graph(extractions)
graphs = [g for g in dataset.graphs() if len(g)]
print(f"{len(extractions)} articles: {len(dataset)} triples in {len(graphs)} named graphs")
rdf.merge_counts(extractions)""",
    ),
    (
        "md",
        """\
## Turtle and JSON-LD

Each article is a named graph (the article, its actors, contact reports and quotations, every fact with its
evidence span `<article#char=start,end>`); contacts merged across articles are events in graphs of their own.
Turtle holds the union of the graphs; TriG, N-Quads and JSON-LD keep them apart. Here is the first article
alone.""",
    ),
    (
        "code",
        """\
first = graphkit.to_graph(extractions[:1])
turtle = rdf.serialize(first, "turtle")
print("\\n".join(turtle.splitlines()[:45]))""",
    ),
    (
        "code",
        """\
document = json.loads(rdf.serialize(first, "json-ld"))
print("named graphs:", *[g["@id"] for g in document["@graph"]], sep="\\n  ")
# The first node of an events graph (or of the first graph, when the article reports no contact).
named = next((g for g in document["@graph"] if "/graph/events/" in g["@id"]), document["@graph"][0])
print(json.dumps(named["@graph"][0], indent=1, ensure_ascii=False))""",
    ),
    (
        "md",
        """\
## SPARQL

`rdf.sparql` runs a SELECT with graphkit's prefixes (`gk:`, `schema:`, `sem:`, `nif:`, `prov:`, ...) declared;
values come back as Python objects. Merged contact events by kind and status (the local names of their
IRIs):""",
    ),
    (
        "code",
        """\
rows = rdf.sparql(
    dataset,
    \"\"\"
    SELECT ?kind ?status (COUNT(DISTINCT ?event) AS ?events) WHERE {
      GRAPH ?g { ?event a gk:Contact ; gk:contactKind ?k ; gk:status ?s }
      BIND(STRAFTER(STR(?k), "#") AS ?kind)
      BIND(STRAFTER(STR(?s), "#") AS ?status)
    } GROUP BY ?kind ?status ORDER BY DESC(?events) ?kind ?status
    \"\"\",
)
rdf.to_frame(rows)""",
    ),
    (
        "md",
        """\
The query functions answer the usual questions without writing SPARQL, and bind names as escaped values
rather than pasting them into the query. Who met whom (contacts that occurred), and the contacts reported by
most articles:""",
    ),
    ("code", 'gd.table(rdf.who_met_whom(dataset)[:10], caption="Pairs with most contacts")'),
    (
        "code",
        """\
events = sorted(rdf.contacts(dataset), key=lambda c: -len(c.sources))
gd.table(events[:5], caption="Contacts reported most often")""",
    ),
    (
        "md",
        """\
## SHACL validation

`rdf.validate` checks the graph against `schemas/shapes.ttl`. The graph graphkit writes conforms; a graph
with a contact event stripped of its kind does not, and the report says which node and constraint fail.""",
    ),
    (
        "code",
        """\
validation = rdf.validate(dataset)
print("conforms:", validation.conforms, "| violations:", validation.violations)""",
    ),
    (
        "code",
        """\
broken = graphkit.to_graph(extractions[:1])
kind = rdf.GK.contactKind
event, _, value = next(broken.triples((None, kind, None)))
broken.remove((event, kind, value))
validation = rdf.validate(broken)
print("conforms:", validation.conforms, "| violations:", validation.violations)
print("\\n".join(validation.report.splitlines()[:12]))""",
    ),
    (
        "md",
        """\
## The embedded Oxigraph store

`rdf.open_store` with a folder opens (or creates) an Oxigraph store there: persistent, and fast for millions
of triples. `add_extractions` replaces each article's graph and re-merges the events it touches, so adding the
same articles again changes nothing. This one lives in a temporary folder.""",
    ),
    (
        "code",
        """\
folder = tempfile.TemporaryDirectory()
store = rdf.open_store(Path(folder.name) / "store")
print("first load: ", rdf.add_extractions(store, extractions))
print("second load:", rdf.add_extractions(store, extractions))
rdf.sparql(store, "SELECT (COUNT(*) AS ?triples) WHERE { GRAPH ?g { ?s ?p ?o } }")""",
    ),
    (
        "md",
        """\
The same query functions work on the store. Whom the most connected actor met, and what they said:""",
    ),
    (
        "code",
        """\
graph = graphkit.contact_graph(extractions)
busiest = max(graph, key=lambda node: (len(gn.timeline(graph, node)), str(node)))
NAME = graph.nodes[busiest]["name"]
gd.table(rdf.top_counterparts(store, NAME), caption=f"Counterparts of {NAME}")""",
    ),
    ("code", 'gd.table(rdf.statements_by(store, NAME)[:10], caption=f"What {NAME} said")'),
    (
        "md",
        """\
## GEXF for Gephi

`gn.write_gexf` writes the contact graph with a start and end date on every dated contact, so Gephi's
timeline can play it; `gn.write_graphml` writes GraphML. Open the file in Gephi with *File > Open*.""",
    ),
    (
        "code",
        """\
gexf = Path(folder.name) / "contacts.gexf"
gn.write_gexf(graph, gexf)
print(f"{gexf.name}: {gexf.stat().st_size:,} bytes")
print("\\n".join(gexf.read_text(encoding="utf-8").splitlines()[:20]))""",
    ),
    (
        "code",
        """\
store.close()
folder.cleanup()""",
    ),
]

#: notebook file name -> cells, as ("md" or "code", source).
NOTEBOOKS_CELLS = {
    "01-quickstart.ipynb": QUICKSTART,
    "02-explore-contacts.ipynb": EXPLORE,
    "03-rdf-and-sparql.ipynb": RDF,
}

#: Cells tagged in the notebooks: the timeline plot is the README's picture (see tests/test_notebooks.py).
TAGS = {("02-explore-contacts.ipynb", TIMELINE): ["timeline"]}


def build(name: str, cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    """The notebook ``name`` with these cells, outputs empty and cell ids fixed."""
    notebook = new_notebook(
        metadata={"kernelspec": KERNEL, "language_info": {"name": "python"}},
    )
    for n, (kind, source) in enumerate(cells, start=1):
        cell = new_markdown_cell(source) if kind == "md" else new_code_cell(source)
        cell["id"] = f"cell-{n:02d}"
        tags = TAGS.get((name, source))
        if tags:
            cell["metadata"]["tags"] = tags
        notebook.cells.append(cell)
    nbformat.validate(notebook)
    return notebook


def render(name: str) -> str:
    """The text of notebook ``name`` as this script writes it."""
    return nbformat.writes(build(name, NOTEBOOKS_CELLS[name])) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a notebook is out of date")
    args = parser.parse_args(argv)
    stale = []
    for name in NOTEBOOKS_CELLS:
        path = NOTEBOOKS / name
        text = render(name)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    if stale:
        print(f"out of date: {', '.join(stale)}; run scripts/make_notebooks.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
