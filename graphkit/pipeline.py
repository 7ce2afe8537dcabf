"""Runs of the whole extraction: read articles, extract each, write one output file, report.

This is what ``graphkit extract`` calls; notebooks can call :func:`run_extract` the same way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import warnings
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from graphkit import ingest
from graphkit.errors import InputError, ModelLoadError
from graphkit.models import Article, ContactKind, ContactStatus, Extraction
from graphkit.nlp import DEFAULT_PIPELINE
from graphkit.registry import Extractor, exporters, extractors

if TYPE_CHECKING:
    from graphkit.rdf.dataset import MergeCounts

__all__ = ["Failure", "RunReport", "extract_all", "run_extract"]

logger = logging.getLogger(__name__)

# RDF outputs (graphkit.rdf): one dataset of article graphs and merged events, by suffix.
_GRAPH_SUFFIXES = {
    ".ttl": "export_turtle",
    ".nt": "export_ntriples",
    ".trig": "export_trig",
    ".nq": "export_nquads",
    ".jsonld": "export_jsonld",
}
for _suffix, _name in _GRAPH_SUFFIXES.items():
    exporters.register_lazy(_suffix, f"graphkit.rdf.dataset:{_name}")

#: Called with (items done, items in all) before the first item and after each one.
Progress = Callable[[int, int], None]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Failure(_Frozen):
    """An input that produced no extraction, and why."""

    source: str | None = Field(default=None, description="File, URL or '-' the input came from")
    line: int | None = Field(default=None, description="1-based line in source, where known")
    article: str | None = Field(default=None, description="Article id, when the article was read")
    reason: str = Field(description="What went wrong")


class RunReport(_Frozen):
    """What one extraction run read, wrote and failed on; the counts describe the written file."""

    out: Path = Field(description="The (first) file written")
    also: tuple[Path, ...] = Field(default=(), description="Further files written from the same extractions")
    articles: int = Field(ge=0, description="Articles written (one record each)")
    failures: tuple[Failure, ...] = ()
    actors: int = Field(ge=0)
    contacts_by_kind: dict[ContactKind, int]
    contacts_by_status: dict[ContactStatus, int]
    statements: int = Field(ge=0)
    reported: int = Field(default=0, ge=0, description="Of the statements, those in reported speech")
    events: int | None = Field(
        default=None,
        description="Contact events after merging across articles: in the graph written, or in the whole "
        "store with --store; null for outputs that are not graphs",
    )
    merged: int = Field(default=0, ge=0, description="Contacts merged into an event another article reported")

    @property
    def contacts(self) -> int:
        """All contacts written."""
        return sum(self.contacts_by_kind.values())

    @property
    def ok(self) -> bool:
        """True when every input gave an extraction."""
        return not self.failures


def run_extract(
    inputs: Sequence[str | Path],
    out: Path | str | Sequence[Path | str],
    *,
    pipeline: str,
    extractor: str = "rules",
    published: dt.date | None = None,
    progress: Progress | None = None,
    store: str | Path | None = None,
    actors: str | Path | None = None,
) -> RunReport:
    """Extract contacts from every article in ``inputs`` and write them to ``out``.

    An input that cannot be read, or an article whose extraction raises, becomes a :class:`Failure` and the
    run goes on. The output is written once, atomically, at the end, so a rerun replaces it. When two inputs
    give the same article id, the later article wins (in the earlier one's place) and a warning says so.

    Args:
        inputs: files, directories, URLs or ``-``, as :func:`graphkit.ingest.read_articles` accepts.
        out: the output file, or several (one extraction run, written in each format); the suffix picks the
            exporter (``.jsonl``, ``.ttl``, ...).
        pipeline: the spaCy pipeline the extractor uses.
        extractor: a name registered in :data:`graphkit.registry.extractors`.
        published: publication date for articles that do not give one.
        progress: called as ``progress(done, total)`` to follow the run.
        store: also add the extractions to this store (an Oxigraph directory or a SPARQL endpoint URL, see
            :func:`graphkit.rdf.open_store`), replacing the graphs of the same articles.
        actors: a CSV or YAML file of the user's own actors, passed to the extractor; it is read before any
            article, so a bad file stops the run with its line.

    Raises:
        UnknownNameError: ``out`` has no registered suffix, or ``extractor`` is not registered.
        ModelLoadError: the pipeline cannot be loaded; nothing is written.
    """
    outs = [Path(out)] if isinstance(out, str | Path) else [Path(o) for o in out]
    if not outs:
        raise ValueError("run_extract needs at least one output file")
    started = dt.datetime.now(dt.UTC)
    exports = [(exporters.get(o.suffix.lower()), o) for o in outs]  # every suffix is checked before any work
    extract = extractors.get(extractor)
    options: dict[str, object] = {}
    if actors is not None:
        from graphkit.gazetteer import load_gazetteer

        load_gazetteer(actors)  # fail early, naming the file and line
        options["actors"] = actors
    # Read everything before extracting: the total drives the progress bar, and articles are small.
    written, failures = _extract_inputs(inputs, extract, pipeline, options, published, progress)
    with _provenance(pipeline, extractor, started):
        for export, path in exports:
            export(written, path)
        graph_out = next((o for o in outs if o.suffix.lower() in _GRAPH_SUFFIXES), outs[0])
        counts = _graph_counts(graph_out, written, store)
    report = _report(outs[0], written, failures).model_copy(update={"also": tuple(outs[1:])})
    if counts is None:
        return report
    return report.model_copy(update={"events": counts.events, "merged": counts.merged})


def _provenance(
    pipeline: str, extractor: str, started: dt.datetime
) -> contextlib.AbstractContextManager[object]:
    """The run recorded in RDF outputs (exporters take no run argument, see graphkit.rdf.provenance)."""
    from graphkit import __version__
    from graphkit.rdf.provenance import RunInfo, run_scope

    return run_scope(RunInfo(version=__version__, extractor=extractor, pipeline=pipeline, started=started))


def _graph_counts(out: Path, written: Sequence[Extraction], store: str | Path | None) -> MergeCounts | None:
    """Reports and merged events of the store (when given) or of the graph written (RDF outputs)."""
    if store is not None:
        from graphkit.rdf import add_extractions, open_store

        target = open_store(store)
        try:
            return add_extractions(target, written)
        finally:
            target.close()
    if out.suffix.lower() in _GRAPH_SUFFIXES:
        from graphkit.rdf import merge_counts

        return merge_counts(written)
    return None


def _extract_one(
    extract: Extractor, article: Article, pipeline: str, options: Mapping[str, object]
) -> Extraction | Failure:
    try:
        return extract(article, pipeline=pipeline, **options)
    except ModelLoadError:
        raise  # the same for every article: a usage error, not a failure of this one
    except Exception as err:  # one bad article must not stop the run; the report carries the reason
        logger.debug("extraction of %s failed", article.id, exc_info=True)
        return Failure(source=article.source, article=article.id, reason=f"{type(err).__name__}: {err}")


def _input_failure(err: InputError) -> Failure:
    return Failure(source=err.source, line=err.line, reason=err.reason)


def _keep(extractions: dict[str, Extraction], extraction: Extraction) -> None:
    article = extraction.article
    previous = extractions.get(article.id)
    if previous is not None:
        warnings.warn(
            f"article id {article.id!r} from {article.source or '?'} repeats the one from "
            f"{previous.article.source or '?'}; keeping the later one",
            stacklevel=3,
        )
    extractions[article.id] = extraction


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _report(out: Path, extractions: Sequence[Extraction], failures: Sequence[Failure]) -> RunReport:
    contacts = [c for e in extractions for c in e.contacts]
    kinds = Counter(c.kind for c in contacts)
    statuses = Counter(c.status for c in contacts)
    return RunReport(
        out=out,
        articles=len(extractions),
        failures=tuple(failures),
        actors=sum(len(e.actors) for e in extractions),
        contacts_by_kind={kind: kinds[kind] for kind in ContactKind},
        contacts_by_status={status: statuses[status] for status in ContactStatus},
        statements=sum(len(e.statements) for e in extractions),
        reported=sum(not s.direct for e in extractions for s in e.statements),
    )


def extract_all(
    inputs: Sequence[str | Path],
    *,
    pipeline: str = DEFAULT_PIPELINE,
    extractor: str = "rules",
    published: dt.date | None = None,
    progress: Progress | None = None,
    actors: str | Path | None = None,
) -> list[Extraction]:
    """Extract every article in ``inputs`` and return the extractions: :func:`run_extract` without a file.

    An input that cannot be read, or an article whose extraction raises, is skipped with a warning that
    names it and says why; the others are still returned. Two articles with the same id keep the later one.

    Args:
        inputs: files, directories, URLs or ``-``, as :func:`graphkit.read_articles` accepts.
        pipeline: the spaCy pipeline the extractor uses.
        extractor: a name registered in :data:`graphkit.registry.extractors`.
        published: publication date for articles that do not give one.
        progress: called as ``progress(done, total)`` to follow the run.
        actors: a CSV or YAML file of the user's own actors, passed to the extractor.

    Returns:
        One extraction per article, in input order.

    Raises:
        UnknownNameError: ``extractor`` is not registered.
        ModelLoadError: the pipeline cannot be loaded.

    Example:
        >>> extractions = extract_all(["data/articles"])  # doctest: +SKIP
        >>> [e.article.id for e in extractions]  # doctest: +SKIP
        ['seed']
    """
    extract = extractors.get(extractor)
    options: dict[str, object] = {}
    if actors is not None:
        options["actors"] = actors
    extractions, failures = _extract_inputs(inputs, extract, pipeline, options, published, progress)
    for failure in failures:
        where = failure.article or failure.source or "an input"
        line = f", line {failure.line}" if failure.line is not None else ""
        warnings.warn(f"skipped {where}{line}: {failure.reason}", stacklevel=2)
    return extractions


def _extract_inputs(
    inputs: Sequence[str | Path],
    extract: Extractor,
    pipeline: str,
    options: Mapping[str, object],
    published: dt.date | None,
    progress: Progress | None,
) -> tuple[list[Extraction], list[Failure]]:
    """Read and extract every input: the extractions (a repeated article id keeps the later one), failures.

    ``options`` are the extractor's optional keyword arguments the user gave (``actors``), passed as they
    are: only the extractor knows their types.
    """
    items = list(ingest.read_articles(inputs, published=published))
    extractions: dict[str, Extraction] = {}
    failures: list[Failure] = []
    _tick(progress, 0, len(items))
    for done, item in enumerate(items, start=1):
        if isinstance(item, InputError):
            result: Extraction | Failure = _input_failure(item)
        else:
            result = _extract_one(extract, item, pipeline, options)
        if isinstance(result, Failure):
            failures.append(result)
        else:
            _keep(extractions, result)
        _tick(progress, done, len(items))
    return list(extractions.values()), failures
