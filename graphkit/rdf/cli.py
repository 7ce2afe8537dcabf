"""The ``graphkit query`` and ``graphkit validate`` commands (mounted by :mod:`graphkit.cli`).

Like the rest of the command line they only parse arguments and call the library (:mod:`graphkit.rdf.query`,
:mod:`graphkit.rdf.shacl`); rdflib and the stores are imported when a command runs.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from graphkit._terminal import printable
from graphkit.errors import GraphkitError
from graphkit.models import ContactKind, ContactLevel, ContactStatus
from graphkit.rdf.choices import Period, Undated

if TYPE_CHECKING:
    from graphkit.rdf.actors import ActorMatch
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


class _Notes:
    """What a command tells besides its results: the actors it chose (first) and what it left out (last)."""

    def __init__(self) -> None:
        self.header: list[str] = []
        self.footer: list[str] = []


Ask = Callable[["Store", _Notes], Sequence[Any]]


def _run(
    data: Sequence[Path] | None,
    store: str | None,
    ask: Ask,
    fmt: OutputFormat,
    show: Callable[[Sequence[Any], OutputFormat], None] | None = None,
) -> None:
    notes = _Notes()
    errors = Console(stderr=True)
    try:
        target = _open(data, store)
        try:
            results = ask(target, notes)
        finally:
            target.close()
    except GraphkitError as err:
        errors.print(f"[red]error:[/] {escape(printable(str(err)))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from err
    for line in notes.header:
        errors.print(escape(printable(line)), highlight=False, soft_wrap=True)
    (show or _print)(results, fmt)
    for line in notes.footer:  # a footer in a table, on stderr where it would break JSON or CSV
        console = Console() if fmt is OutputFormat.TABLE else errors
        console.print(escape(printable(line)), highlight=False, soft_wrap=True)


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
        if "kind" in value and "iri" in value:  # an event inside another result (query met)
            return _event_cell(value)
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return "" if value is None else str(value)


def _event_cell(event: dict[str, Any]) -> str:
    when = f"{event['start']}..{event['end']}" if event.get("start") else "undated"
    people = event.get("participants", ())
    # Two participants are the pair the row is about; more are worth naming.
    also = f" with {', '.join(p['name'] for p in people)}" if len(people) > 2 else ""
    return f"{when} {event['kind']} ({event['status']}){also} {event['iri'].rsplit('/', 1)[-1]}"


def _table(rows: list[dict[str, Any]]) -> Table:
    columns = list(rows[0]) if rows else ["(no results)"]
    table = Table(*columns)
    for row in rows:
        table.add_row(*(escape(printable(_cell(row.get(c)))) for c in columns))
    return table


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


ActorArgument = Annotated[
    str,
    typer.Argument(
        help="Actor: name, alias, surname, Wikidata QID, IRI, or a country (name, demonym or ISO code), "
        "which stands for the country and its officials."
    ),
]
KindOption = Annotated[ContactKind | None, typer.Option(help="Only this kind.")]
StatusOption = Annotated[ContactStatus | None, typer.Option(help="Only this status.")]
LevelOption = Annotated[ContactLevel | None, typer.Option(help="Only contacts at this level.")]
CountryOption = Annotated[
    list[str] | None,
    typer.Option(
        "--country",
        help="Only contacts in which an actor of this country takes part: name, demonym or ISO code "
        "(France, French, FRA). Repeat it for contacts with each of them.",
    ),
]
UndatedOption = Annotated[
    Undated,
    typer.Option(
        help="With --from/--to, what happens to contacts that have no date of their own: 'exclude' (the "
        "default, so every result is known to fall in the range), 'include' (kept whatever the range) or "
        "'publication-date' (dated by the earliest article that reports them). The output says how many.",
    ),
]


def _resolve(target: Store, who: str, notes: _Notes) -> ActorMatch:
    from graphkit.rdf.actors import resolve_actor

    match = resolve_actor(target, who)
    notes.header.append(f"actor: {match.describe()}")
    return match


def _undated_note(notes: _Notes, undated: Undated, count: int, ranged: bool) -> None:
    """Say what the range did to undated contacts (nothing to say without a range, or without any)."""
    if not ranged or not count:
        return
    said = {
        Undated.EXCLUDE: "left out (no date of their own; --undated include or publication-date keeps them)",
        Undated.INCLUDE: "included, whatever the range (no date of their own)",
        Undated.PUBLICATION_DATE: "placed by the publication date of the earliest article reporting them",
    }
    notes.footer.append(f"{count} undated contact{'s' * (count != 1)} {said[undated]}")


@query_app.command()
def contacts(
    actor: ActorArgument,
    counterpart: Annotated[str | None, typer.Option("--with", help="Only contacts with this actor.")] = None,
    kind: KindOption = None,
    status: StatusOption = None,
    level: LevelOption = None,
    country: CountryOption = None,
    start: FromOption = None,
    end: ToOption = None,
    undated: UndatedOption = Undated.EXCLUDE,
    data: DataOption = None,
    store: StoreOption = None,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """Contacts of an actor, with their evidence sentences."""
    from graphkit.rdf import query

    def ask(target: Store, notes: _Notes) -> list[Any]:
        who = _resolve(target, actor, notes)
        other = _resolve(target, counterpart, notes) if counterpart else None
        found = query.contacts(
            target,
            who,
            counterpart=other,
            kind=kind,
            status=status,
            level=level,
            country=country,
            start=_day(start),
            end=_day(end),
            undated=Undated.INCLUDE if undated is Undated.EXCLUDE else undated,
        )
        ranged = start is not None or end is not None
        undated_ones = sum(c.start is None for c in found) if ranged else 0
        _undated_note(notes, undated, undated_ones, ranged)
        if undated is Undated.EXCLUDE and ranged:
            found = [c for c in found if c.start is not None]
        return found

    _run(data, store, ask, fmt)


@query_app.command()
def timeline(
    actor: ActorArgument,
    data: DataOption = None,
    store: StoreOption = None,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """An actor's dated contacts in chronological order."""
    from graphkit.rdf import query

    def ask(target: Store, notes: _Notes) -> list[Any]:
        who = _resolve(target, actor, notes)
        left = query.count_undated(target, who)
        if left:
            notes.footer.append(f"{left} undated contact{'s' * (left != 1)} not in the timeline")
        return query.timeline(target, who)

    _run(data, store, ask, fmt)


@query_app.command()
def counterparts(
    actor: ActorArgument,
    limit: Annotated[int, typer.Option(min=1, help="How many.")] = 10,
    kind: KindOption = None,
    status: StatusOption = None,
    level: LevelOption = None,
    country: Annotated[
        str | None, typer.Option(help="Only counterparts of this country: name, demonym or ISO code.")
    ] = None,
    start: FromOption = None,
    end: ToOption = None,
    undated: UndatedOption = Undated.EXCLUDE,
    data: DataOption = None,
    store: StoreOption = None,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """The actors an actor (or a country and its officials) had most contacts with."""
    from graphkit.rdf import query

    def ask(target: Store, notes: _Notes) -> list[Any]:
        who = _resolve(target, actor, notes)
        filters: dict[str, Any] = {"kind": kind, "status": status, "level": level}
        count = query.count_undated(target, who, **filters)
        _undated_note(notes, undated, count, start is not None or end is not None)
        return query.top_counterparts(
            target, who, limit, start=_day(start), end=_day(end), undated=undated, country=country, **filters
        )

    _run(data, store, ask, fmt)


@query_app.command()
def met(
    start: FromOption = None,
    end: ToOption = None,
    kind: KindOption = None,
    status: Annotated[ContactStatus, typer.Option(help="Only this status.")] = ContactStatus.OCCURRED,
    level: LevelOption = None,
    country: CountryOption = None,
    undated: UndatedOption = Undated.EXCLUDE,
    data: DataOption = None,
    store: StoreOption = None,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """Who was in contact with whom in a period, with each contact's dates, kind and participants."""
    from graphkit.rdf import query

    def ask(target: Store, notes: _Notes) -> list[Any]:
        filters: dict[str, Any] = {"kind": kind, "status": status, "level": level, "country": country}
        count = query.count_undated(target, **filters)
        _undated_note(notes, undated, count, start is not None or end is not None)
        return query.who_met_whom(target, _day(start), _day(end), undated=undated, **filters)

    _run(data, store, ask, fmt)


@query_app.command()
def series(
    by: Annotated[Period, typer.Option(help="month or year.")] = Period.MONTH,
    country: Annotated[
        list[str] | None,
        typer.Option(
            "--country",
            help="Give two for one pair of countries, one for its pairs with every other (name, demonym "
            "or ISO code); none for every pair.",
        ),
    ] = None,
    kind: KindOption = None,
    status: StatusOption = None,
    level: LevelOption = None,
    start: FromOption = None,
    end: ToOption = None,
    undated: UndatedOption = Undated.EXCLUDE,
    data: DataOption = None,
    store: StoreOption = None,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """Contacts per month or year between pairs of countries (through their actors and officials).

    A contact whose date spans several periods is counted under the span (2025-01/2025-12), not guessed
    into one of them.
    """
    from graphkit.rdf import query

    def ask(target: Store, notes: _Notes) -> list[Any]:
        rows = query.series(
            target,
            by,
            countries=country or (),
            kind=kind,
            status=status,
            level=level,
            start=_day(start),
            end=_day(end),
            undated=undated,
        )
        if undated is Undated.EXCLUDE:
            count = query.count_undated(target, kind=kind, status=status, level=level, country=country)
            _undated_note(notes, undated, count, True)
        return rows

    _run(data, store, ask, fmt)


@query_app.command()
def statements(
    actor: ActorArgument,
    data: DataOption = None,
    store: StoreOption = None,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """What an actor said."""
    from graphkit.rdf import query

    def ask(target: Store, notes: _Notes) -> list[Any]:
        return query.statements_by(target, _resolve(target, actor, notes))

    _run(data, store, ask, fmt)


@query_app.command()
def sparql(
    text: Annotated[
        str,
        typer.Argument(metavar="QUERY", help="A SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query, or @FILE."),
    ],
    data: DataOption = None,
    store: StoreOption = None,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """Run a SPARQL query. The default graph is the union of all named graphs, on files and stores alike
    (use GRAPH ?g to see which graph a triple is in); graphkit's prefixes gk:, schema:, sem:, nif:, ... are
    declared. ASK prints true or false; CONSTRUCT and DESCRIBE print N-Triples."""
    from graphkit.rdf.user_query import run_query

    if text.startswith("@"):
        try:
            text = Path(text[1:]).read_text(encoding="utf-8")
        except OSError as err:
            raise typer.BadParameter(f"cannot read {text[1:]}: {err.strerror}", param_hint="QUERY") from err
    from graphkit.rdf.user_query import QueryAnswer

    def show(results: Sequence[Any], fmt: OutputFormat) -> None:
        (answer,) = results
        if answer.form == "ASK":
            typer.echo(("ask\n" if fmt is OutputFormat.CSV else "") + json.dumps(answer.boolean))
        elif answer.graph is not None:
            typer.echo(answer.graph.serialize(format="nt"), nl=False)
        else:
            _print(answer.rows, fmt)

    def ask(target: Store, notes: _Notes) -> list[QueryAnswer]:
        return [run_query(target, text)]

    _run(data, store, ask, fmt, show)


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
