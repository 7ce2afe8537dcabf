"""The ``graphkit query`` and ``graphkit validate`` commands (mounted by :mod:`graphkit.cli`).

Like the rest of the command line they only parse arguments and call the library (:mod:`graphkit.rdf.query`,
:mod:`graphkit.rdf.shacl`); rdflib and the stores are imported when a command runs.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from graphkit._terminal import printable
from graphkit.errors import GraphkitError
from graphkit.models import ContactKind, ContactStatus

if TYPE_CHECKING:
    from graphkit.rdf.stores import Store

__all__ = ["query_app", "validate"]

query_app = typer.Typer(
    help="Ask the knowledge graph: contacts, timelines, counterparts, statements, or raw SPARQL.",
    no_args_is_help=True,
)


class OutputFormat(str, Enum):
    """How query results are printed."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


DataOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--data", "-d", exists=True, dir_okay=False, help="RDF file(s) written by graphkit extract."
    ),
]
StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store", "-s", help="An existing Oxigraph directory (opened read-only) or a SPARQL endpoint URL."
    ),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="table, json or csv.")]
FromOption = Annotated[
    dt.datetime | None,
    typer.Option("--from", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="Contacts ending on or after."),
]
ToOption = Annotated[
    dt.datetime | None,
    typer.Option("--to", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="Contacts starting on or before."),
]


def _open(data: Sequence[Path] | None, store: str | None) -> Store:
    from graphkit.rdf.shacl import load_graph
    from graphkit.rdf.stores import MemoryStore, open_store

    if bool(data) == bool(store):
        raise typer.BadParameter("give either --data FILE... or --store", param_hint="'--data' / '--store'")
    if store:
        return open_store(store, read_only=True)  # a mistyped path is an error, not a new empty store
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from graphkit.rdf.namespace import DATA

    memory = MemoryStore()
    for path in data or ():
        for graph in load_graph(path).graphs():
            # Turtle and N-Triples files have no named graphs; graphkit's queries read named graphs only.
            name = (
                DATA[f"graph/file/{path.name}"]
                if graph.identifier == DATASET_DEFAULT_GRAPH_ID
                else graph.identifier
            )
            if len(graph):
                memory.replace({name: graph})  # type: ignore[dict-item]  # a blank node is fine in memory
    return memory


def _run(data: Sequence[Path] | None, store: str | None, ask: Any, fmt: OutputFormat) -> None:
    try:
        target = _open(data, store)
        try:
            results = ask(target)
        finally:
            target.close()
    except GraphkitError as err:
        Console(stderr=True).print(f"[red]error:[/] {escape(str(err))}", highlight=False)
        raise typer.Exit(1) from err
    _print(results, fmt)


def _print(results: Sequence[Any], fmt: OutputFormat) -> None:
    from pydantic import BaseModel

    rows = [r.model_dump(mode="json") if isinstance(r, BaseModel) else r for r in results]
    if fmt is OutputFormat.JSON:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt is OutputFormat.CSV:
        from graphkit.rdf.query import to_frame

        frame = to_frame(rows)
        for column in frame.columns:  # lists (sources, participants) as JSON, which any CSV reader can parse
            frame[column] = [_json_cell(v) for v in frame[column]]
        typer.echo(frame.to_csv(index=False), nl=False)
    else:
        Console().print(_table(rows))


def _json_cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(_cell(v) for v in value)
    if isinstance(value, dict):
        if "name" in value:
            return str(value["name"])
        if "text" in value and "article" in value:
            return f"{value['article']}: {value['text']}"
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return "" if value is None else str(value)


def _table(rows: list[dict[str, Any]]) -> Table:
    columns = list(rows[0]) if rows else ["(no results)"]
    table = Table(*columns)
    for row in rows:
        table.add_row(*(escape(printable(_cell(row.get(c)))) for c in columns))
    return table


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


@query_app.command()
def contacts(
    actor: Annotated[str, typer.Argument(help="Actor name, alias, Wikidata QID or IRI.")],
    counterpart: Annotated[str | None, typer.Option("--with", help="Only contacts with this actor.")] = None,
    kind: Annotated[ContactKind | None, typer.Option(help="Only this kind.")] = None,
    status: Annotated[ContactStatus | None, typer.Option(help="Only this status.")] = None,
    start: FromOption = None,
    end: ToOption = None,
    data: DataOption = None,
    store: StoreOption = None,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """Contacts of an actor, with their evidence sentences."""
    from graphkit.rdf import query

    def ask(target: Store) -> list[Any]:
        return query.contacts(
            target, actor, counterpart=counterpart, kind=kind, status=status, start=_day(start), end=_day(end)
        )

    _run(data, store, ask, fmt)


@query_app.command()
def timeline(
    actor: Annotated[str, typer.Argument(help="Actor name, alias, Wikidata QID or IRI.")],
    data: DataOption = None,
    store: StoreOption = None,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """An actor's dated contacts in chronological order."""
    from graphkit.rdf import query

    _run(data, store, lambda target: query.timeline(target, actor), fmt)


@query_app.command()
def counterparts(
    actor: Annotated[str, typer.Argument(help="Actor name, alias, Wikidata QID or IRI.")],
    limit: Annotated[int, typer.Option(min=1, help="How many.")] = 10,
    data: DataOption = None,
    store: StoreOption = None,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """The actors an actor had most contacts with."""
    from graphkit.rdf import query

    _run(data, store, lambda target: query.top_counterparts(target, actor, limit), fmt)


@query_app.command()
def met(
    start: FromOption = None,
    end: ToOption = None,
    kind: Annotated[ContactKind | None, typer.Option(help="Only this kind.")] = None,
    data: DataOption = None,
    store: StoreOption = None,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """Who was in contact with whom in a period (contacts that occurred)."""
    from graphkit.rdf import query

    _run(data, store, lambda target: query.who_met_whom(target, _day(start), _day(end), kind=kind), fmt)


@query_app.command()
def statements(
    actor: Annotated[str, typer.Argument(help="Actor name, alias, Wikidata QID or IRI.")],
    data: DataOption = None,
    store: StoreOption = None,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """What an actor said."""
    from graphkit.rdf import query

    _run(data, store, lambda target: query.statements_by(target, actor), fmt)


@query_app.command()
def sparql(
    text: Annotated[
        str, typer.Argument(metavar="QUERY", help="A SPARQL SELECT query, or @FILE to read one.")
    ],
    data: DataOption = None,
    store: StoreOption = None,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """Run a SPARQL SELECT query (graphkit's prefixes gk:, schema:, sem:, nif:, ... are declared)."""
    from graphkit.rdf import query

    if text.startswith("@"):
        text = Path(text[1:]).read_text(encoding="utf-8")
    _run(data, store, lambda target: query.sparql(target, text), fmt)


def validate(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE", exists=True, dir_okay=False, help="RDF files.")
    ],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the exit code.")] = False,
) -> None:
    """Check RDF files against graphkit's SHACL shapes (schemas/shapes.ttl); exit 1 unless all conform."""
    from graphkit.rdf.shacl import load_graph
    from graphkit.rdf.shacl import validate as check

    console = Console()
    failed = False
    for path in files:
        try:
            result = check(load_graph(path))
        except GraphkitError as err:
            Console(stderr=True).print(f"[red]error:[/] {escape(str(err))}", highlight=False)
            raise typer.Exit(1) from err
        failed |= not result.conforms
        if not quiet:
            verdict = "conforms" if result.conforms else f"{result.violations} violations"
            console.print(f"{escape(str(path))}: {verdict}", highlight=False)
            if not result.conforms:
                console.print(escape(result.report), highlight=False)
    if failed:
        raise typer.Exit(1)
