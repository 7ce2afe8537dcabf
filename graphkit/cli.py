"""The ``graphkit`` command: parses arguments, calls the library, shows what happened.

Exit codes: 0 when every input was extracted, 1 when some failed (the others are still written) or none was
extracted (nothing is written), 2 for usage errors (bad option value, unknown output suffix, extractor or
pipeline, no inputs), 130 when interrupted with Ctrl-C and 143 when stopped by SIGTERM (no output file
written; the store keeps its committed batches).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from graphkit import __version__
from graphkit._progress import ProgressBar
from graphkit._terminal import printable
from graphkit.errors import GraphkitError, ModelLoadError, UnknownNameError
from graphkit.models import ContactKind, ContactStatus
from graphkit.nlp import DEFAULT_PIPELINE
from graphkit.pipeline import MAX_CHARS, STORE_BATCH, RunInterrupted, RunReport, run_extract
from graphkit.rdf.cli import query_app, validate
from graphkit.registry import exporters, extractors

__all__ = ["app"]

app = typer.Typer(
    name="graphkit",
    help="Turn news articles into a knowledge graph of diplomatic contacts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: The exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it.
INTERRUPTED = 130
#: The exit code of a run stopped by SIGTERM (128 + 15).
TERMINATED = 143


class Terminated(KeyboardInterrupt):
    """SIGTERM during ``graphkit extract``: handled like Ctrl-C, so the run cleans up and says what it did."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# Which option to blame when a registry lookup fails.
_OPTION_OF_KIND = {extractors.kind: "'--extractor'", exporters.kind: "'--out'"}


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"graphkit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Turn news articles into a knowledge graph of diplomatic contacts."""


@app.command()
def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT",
            help="Files (text, Markdown, HTML, JSON, JSON Lines, feeds), folders, URLs, or '-' for stdin.",
        ),
    ],
    out: Annotated[
        list[Path],
        typer.Option(
            "--out",
            "-o",
            help="Output file; its suffix picks the format (.jsonl, .ttl, .nt, .trig, .nq, .jsonld); a path "
            "without a suffix is a folder of JSON Lines parts, one per partition. Repeat it to write several "
            "formats from one run.",
        ),
    ],
    published: Annotated[
        dt.datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="Publication date of articles that give none."
        ),
    ] = None,
    pipeline: Annotated[str, typer.Option(help="spaCy pipeline package or path.")] = DEFAULT_PIPELINE,
    extractor: Annotated[str, typer.Option(help="Registered extractor name.")] = "rules",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    progress: Annotated[
        bool,
        typer.Option("--progress", help="Show the progress bar also when stderr is not a terminal."),
    ] = False,
    store: Annotated[
        str | None,
        typer.Option(help="Also add the graph to a store: an Oxigraph directory or a SPARQL endpoint URL."),
    ] = None,
    actors: Annotated[
        Path | None,
        typer.Option(
            exists=True, dir_okay=False, help="CSV or YAML file of your own actors; they come first."
        ),
    ] = None,
    max_chars: Annotated[
        int, typer.Option(min=1, help="Longest article extracted, in characters; longer ones are failures.")
    ] = MAX_CHARS,
    store_batch: Annotated[
        int, typer.Option(min=1, help="Articles per store transaction (with --store).")
    ] = STORE_BATCH,
    failures: Annotated[
        Path | None,
        typer.Option(dir_okay=False, help="Also write the failures here, one JSON object per line."),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes extracting at once (on Linux forked with the pipeline loaded).",
        ),
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(
            metavar="tcp://HOST:8786",
            help="Extract on the Dask cluster of this scheduler; its workers load the pipeline once each.",
        ),
    ] = None,
    dask_workers: Annotated[
        int | None,
        typer.Option(min=1, help="Extract on a local Dask cluster of this many worker processes."),
    ] = None,
) -> None:
    """Extract contacts and statements from articles into one output file."""
    errors = Console(stderr=True)
    if published is not None and published.date() > dt.date.today() + dt.timedelta(days=1):
        raise typer.BadParameter(
            f"{published.date()} is in the future; give the day the articles were published",
            param_hint="'--published'",
        )
    if actors is not None:
        from graphkit.gazetteer import load_gazetteer

        try:
            load_gazetteer(actors)
        except GraphkitError as err:
            raise typer.BadParameter(str(err), param_hint="'--actors'") from err
    if sum((jobs > 1, scheduler is not None, dask_workers is not None)) > 1:
        raise typer.BadParameter(
            "give only one of --jobs, --scheduler and --dask-workers", param_hint="'--scheduler'"
        )
    shown = not quiet and (progress or errors.is_terminal)
    bar = ProgressBar(Console(stderr=True, force_terminal=True) if progress else errors)
    try:
        with (
            _terminate_as_interrupt(),
            warnings.catch_warnings(record=True) as caught,
            bar if shown else contextlib.nullcontext(),
        ):
            # Every warning about the user's articles is shown (not once per code line); other categories,
            # such as DeprecationWarning from libraries, keep the default filters.
            warnings.simplefilter("always", UserWarning)
            report = run_extract(
                inputs,
                out,
                pipeline=pipeline,
                extractor=extractor,
                published=published.date() if published else None,
                progress=bar if shown else None,
                store=store,
                actors=actors,
                max_chars=max_chars,
                store_batch=store_batch,
                failures=failures,
                jobs=jobs,
                scheduler=scheduler,
                dask_workers=dask_workers,
            )
    except RunInterrupted as err:
        terminated = isinstance(err.__cause__, Terminated)
        errors.print(
            f"[red]{'terminated' if terminated else 'interrupted'}:[/] {escape(err.message())}",
            highlight=False,
        )
        raise typer.Exit(TERMINATED if terminated else INTERRUPTED) from err
    except KeyboardInterrupt as err:  # before run_extract began reading (checking the actors file)
        terminated = isinstance(err, Terminated)
        word = "terminated" if terminated else "interrupted"
        errors.print(f"[red]{word}:[/] before any article was read; nothing written", highlight=False)
        raise typer.Exit(TERMINATED if terminated else INTERRUPTED) from err
    except UnknownNameError as err:
        raise typer.BadParameter(str(err), param_hint=_OPTION_OF_KIND.get(err.kind)) from err
    except ModelLoadError as err:
        raise typer.BadParameter(str(err), param_hint="'--pipeline'") from err
    except (GraphkitError, OSError) as err:
        errors.print(f"[red]error:[/] {escape(str(err))}", highlight=False)
        raise typer.Exit(1) from err
    for warning in caught:
        errors.print(f"[yellow]warning:[/] {escape(printable(str(warning.message)))}", highlight=False)
    if not report.written:
        kept = ", ".join(map(str, (report.out, *report.also)))
        errors.print(
            f"[red]error:[/] no article was extracted; {escape(kept)} left as it was", highlight=False
        )
        errors.print(_failures(report))
        raise typer.Exit(1)
    if not quiet:
        Console().print(
            f"wrote {report.articles} articles to {escape(', '.join(map(str, (report.out, *report.also))))}",
            _summary(report),
            highlight=False,
        )
    if not report.ok:
        # Failures are shown even with --quiet: the exit code alone would not say which input to fix.
        errors.print(_failures(report))
        raise typer.Exit(1)


@app.command()
def view(
    graph: Annotated[
        Path,
        typer.Argument(
            metavar="GRAPH", exists=True, dir_okay=False, help="Records (.jsonl) or RDF of extractions."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", dir_okay=False, help="The HTML file.")] = Path(
        "contacts.html"
    ),
    start: Annotated[
        dt.datetime | None,
        typer.Option("--from", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="Contacts from this day."),
    ] = None,
    end: Annotated[
        dt.datetime | None,
        typer.Option("--to", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="Contacts until this day."),
    ] = None,
    kind: Annotated[list[ContactKind] | None, typer.Option(help="Only this kind (repeatable).")] = None,
    status: Annotated[list[ContactStatus] | None, typer.Option(help="Only this status (repeatable).")] = None,
    country: Annotated[
        list[str] | None,
        typer.Option(
            help="Only contacts involving this country: ISO code, name or demonym, e.g. FRA, France or "
            "French (repeatable)."
        ),
    ] = None,
    actor: Annotated[
        list[str] | None, typer.Option(help="Only contacts of this actor: id, name or alias (repeatable).")
    ] = None,
    title: Annotated[str, typer.Option(help="Page title.")] = "Diplomatic contacts",
) -> None:
    """Write who contacted whom and when as one interactive, offline HTML page."""
    from graphkit import network
    from graphkit import view as html_view

    codes = [_view_country(c) for c in country] if country else None
    try:
        contacts = network.contact_graph(network.load_extractions(graph))
        actors = [network.find_actor(contacts, name) for name in actor] if actor else None
        shown = network.filter_graph(
            contacts,
            start=start.date() if start else None,
            end=end.date() if end else None,
            kinds=kind,
            statuses=status,
            countries=codes,
            actors=actors,
        )
        html_view.write_html(shown, out, title=title)
    except (GraphkitError, OSError) as err:
        Console(stderr=True).print(f"[red]error:[/] {escape(str(err))}", highlight=False)
        raise typer.Exit(1) from err
    except KeyError as err:  # from find_actor: the name matches no actor, or several
        raise typer.BadParameter(str(err.args[0]), param_hint="'--actor'") from err
    events = len({key for _, _, key in shown.edges(keys=True)})  # an event of three actors is three edges
    counts = f"{shown.number_of_nodes()} actors and {events} contacts"
    Console().print(f"wrote {counts} to {escape(str(out))}", highlight=False)


def _view_country(text: str) -> str:
    """The ISO 3166-1 alpha-3 code of ``--country``: a code, a country name or a demonym."""
    from graphkit.gazetteer import UnknownCountryError, resolve_country

    try:
        return resolve_country(text).code
    except UnknownCountryError as err:
        raise typer.BadParameter(str(err), param_hint="'--country'") from err


@app.command()
def export(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[FILE]...",
            exists=True,
            dir_okay=False,
            help="Records (.jsonl) or RDF files written by graphkit extract.",
        ),
    ] = None,
    out: Annotated[
        list[Path] | None,
        typer.Option(
            "--out",
            "-o",
            dir_okay=False,
            help="Output file; its suffix picks the format: those of extract, .csv or .parquet (the dyadic "
            "event table with CAMEO/PLOVER codes) or .html (the view). Repeatable.",
        ),
    ] = None,
    store: Annotated[
        str | None,
        typer.Option(
            "--store", "-s", help="Read every article of this Oxigraph directory or SPARQL endpoint."
        ),
    ] = None,
) -> None:
    """Write extractions from files or a store to other formats: RDF, JSON Lines, tables, graphs, the view."""
    from graphkit.export import export as write_all
    from graphkit.export import read_sources
    from graphkit.rdf import merge_counts

    if bool(files) == bool(store):
        raise typer.BadParameter("give either FILE... or --store", param_hint="'FILE' / '--store'")
    if not out:
        raise typer.BadParameter("give at least one output file", param_hint="'--out'")
    try:
        extractions = read_sources(files or (), store)
        written = write_all(extractions, out)
    except UnknownNameError as err:
        raise typer.BadParameter(str(err), param_hint="'--out'") from err
    except (GraphkitError, OSError) as err:
        Console(stderr=True).print(f"[red]error:[/] {escape(str(err))}", highlight=False)
        raise typer.Exit(1) from err
    events = merge_counts(extractions).events
    where = escape(", ".join(map(str, written)))
    Console().print(f"wrote {len(extractions)} articles, {events} events to {where}", highlight=False)


def _summary(report: RunReport) -> Table:
    table = Table(show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles", str(report.articles))
    table.add_row("actors", str(report.actors))
    table.add_row("contacts", str(report.contacts))
    for kind, count in report.contacts_by_kind.items():
        table.add_row(f"  kind: {kind.value}", str(count))
    for status, count in report.contacts_by_status.items():
        table.add_row(f"  status: {status.value}", str(count))
    table.add_row("statements", str(report.statements))
    table.add_row("  quoted", str(report.statements - report.reported))
    table.add_row("  reported speech", str(report.reported))
    if report.events is not None:
        table.add_row("events (merged across articles)", str(report.events))
        table.add_row("  contacts merged", str(report.merged))
    table.add_row("failures", str(len(report.failures)))
    return table


def _failures(report: RunReport) -> Table:
    table = Table("source", "article", "reason", title="failures", title_justify="left")
    for failure in report.failures:
        where = failure.source or "?"
        if failure.line is not None:
            where = f"{where}:{failure.line}"
        # Reasons quote the input ("[type=...]"); escape them so rich does not read them as markup.
        cells = (where, failure.article or "", failure.reason)
        table.add_row(*(escape(printable(cell)) for cell in cells))
    return table


# The knowledge-graph commands live with graphkit.rdf; they import rdflib only when they run.
app.add_typer(query_app, name="query")
app.command("validate")(validate)
