"""Runs of the whole extraction: read articles, extract each, write one output file, report.

This is what ``graphkit extract`` calls; notebooks can call :func:`run_extract` the same way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
import logging
import re
import signal
import threading
import warnings
from collections import Counter, deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from pydantic import Field

from graphkit import ingest
from graphkit._model import FrozenModel
from graphkit.errors import InputError, ModelLoadError
from graphkit.models import Article, ContactKind, ContactStatus, Extraction
from graphkit.nlp import DEFAULT_PIPELINE
from graphkit.registry import GRAPH_SUFFIXES, Exporter, Extractor, batch_extractors, exporters, extractors

if TYPE_CHECKING:
    from graphkit.rdf.dataset import GraphWriter, MergeCounts
    from graphkit.rdf.load import StoreWriter
    from graphkit.rdf.stores import Store

__all__ = [
    "CHUNK",
    "MAX_CHARS",
    "STORE_BATCH",
    "Failure",
    "Progress",
    "ProgressEvent",
    "RunInterrupted",
    "RunReport",
    "Stage",
    "extract_all",
    "run_extract",
]

#: Longest article text extracted, in characters; a longer one is a failure (spaCy needs ~1 GB per 100,000).
MAX_CHARS = 300_000
#: Articles per store transaction: a killed run loses at most the batch it was extracting.
STORE_BATCH = 50
#: Articles read, then extracted (in one worker, with --jobs), at a time: memory holds a few chunks, not
#: the run.
CHUNK = 64
#: Articles per task that a worker process (or Dask worker) extracts: half a chunk, so that a task is one
#: ``nlp.pipe`` batch of short articles (see graphkit.batch; with 16, workers parsed in batches half as
#: large as a run in one process does).
TASK = 32
#: Articles per task of the last chunk of a run: small, so that workers finish together (with tasks of 16
#: throughout, one worker idled for a whole task at the end, about 5% of a run of 400 articles on 2 cores).
LAST_TASK = 8

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: The name of a part file in a folder given as ``out``: the partition's number, from 0.
PART_NAME = "part-{:05d}.jsonl"
_PART_FILES = re.compile(r"part-(\d{5,})\.jsonl")


class Stage(str, Enum):
    """What a run is busy with, as a :class:`ProgressEvent` says."""

    LOADING = "loading the pipeline"
    EXTRACTING = "extracting"
    STORING = "writing the store"
    WRITING = "writing outputs"
    COUNTING = "counting merged events"


@dataclass(frozen=True)
class ProgressEvent:
    """How far one stage of a run got.

    Articles are read as the run goes, so while extracting the total is None until the last input was read;
    ``read`` says how many were read so far.
    """

    stage: Stage
    done: int
    total: int | None = None
    read: int | None = None
    detail: str = ""


#: Called with a :class:`ProgressEvent` at the start of each stage and as it advances.
Progress = Callable[[ProgressEvent], None]


class Failure(FrozenModel):
    """An input that produced no extraction, and why."""

    source: str | None = Field(default=None, description="File, URL or '-' the input came from")
    line: int | None = Field(default=None, description="1-based line in source, where known")
    article: str | None = Field(default=None, description="Article id, when the article was read")
    reason: str = Field(description="What went wrong")


class RunReport(FrozenModel):
    """What one extraction run read, wrote and failed on; the counts describe the written file."""

    out: Path = Field(description="The (first) output file")
    also: tuple[Path, ...] = Field(default=(), description="Further output files, of the same extractions")
    written: bool = Field(
        default=True,
        description="Whether the output files were written; false when no article was extracted, so the "
        "files (and the store) were left as they were",
    )
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


class RunInterrupted(KeyboardInterrupt):
    """Ctrl-C (SIGINT) stopped :func:`run_extract`: what was finished and what was not.

    A :class:`KeyboardInterrupt`, so code that does not care still sees an ordinary interrupt. The output
    files are written at the end, so usually none was (each keeps its old content); the store keeps every
    batch committed before the interrupt.
    """

    def __init__(
        self,
        *,
        total: int,
        extracted: int,
        failed: int,
        stored: int | None,
        outs: Sequence[Path],
        written: Sequence[Path] = (),
        parts: int = 0,
    ) -> None:
        self.total = total
        self.extracted = extracted
        self.failed = failed
        self.stored = stored
        self.outs = tuple(outs)
        self.written = tuple(written)
        self.parts = parts
        super().__init__(self.message())

    def message(self) -> str:
        """What was finished and what was not."""
        done = (
            f"interrupted after {self.extracted + self.failed} of {self.total} inputs "
            f"({self.extracted} extracted, {self.failed} failed)"
        )
        stored = "" if self.stored is None else f"; {self.stored} articles are committed to the store"
        written = f"; {', '.join(map(str, self.written))} written" if self.written else ""
        folders = [o for o in self.outs if not o.suffix and o not in self.written]
        parts = f"; {self.parts} parts written to {', '.join(map(str, folders))}" if self.parts else ""
        rest = ", ".join(
            str(o) for o in self.outs if o not in self.written and not (self.parts and o in folders)
        )
        left = f"; {rest} not written (left as they were)" if rest else ""
        return f"{done}{stored}{parts}{written}{left}; run the same command again"


@dataclass
class _Tally:
    """How far a run got, for :class:`RunInterrupted`."""

    total: int = 0
    read_all: bool = False
    extracted: int = 0
    failed: int = 0
    stored: int = 0
    parts: int = 0
    written: list[Path] = field(default_factory=list)

    def extracting(self) -> ProgressEvent:
        """The progress of extraction: the total is known once every input was read."""
        return ProgressEvent(
            Stage.EXTRACTING,
            self.extracted + self.failed,
            self.total if self.read_all else None,
            read=self.total,
        )


def run_extract(
    inputs: Sequence[str | Path],
    out: Path | str | Sequence[Path | str],
    *,
    pipeline: str,
    extractor: str = "rules",
    published: dt.date | None = None,
    progress: Progress | bool | None = None,
    store: str | Path | None = None,
    actors: str | Path | None = None,
    max_chars: int = MAX_CHARS,
    store_batch: int = STORE_BATCH,
    failures: Path | str | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    dask_workers: int | None = None,
) -> RunReport:
    """Extract contacts from every article in ``inputs`` and write them to ``out``.

    An input that cannot be read, an article longer than ``max_chars`` or not in English (declared or
    detected, see :mod:`graphkit._language`), or an article whose extraction raises becomes a
    :class:`Failure` and the run goes on. When two inputs give the same article id, the later one is
    a failure naming both sources. Articles are read, extracted and written a chunk at a time, so memory
    does not grow with the number of articles (except for outputs other than JSON Lines, which need them
    all). The output files are replaced atomically at the end, so a rerun replaces them; when no article
    was extracted they are not written at all (``report.written`` is false).
    The store, if any, is written as the run goes, ``store_batch`` articles per transaction.

    An ``out`` without a suffix is a folder of JSON Lines parts, ``part-00000.jsonl`` and on: one per
    partition of :data:`CHUNK` inputs in input order (empty when none of them was extracted). Each part is
    written atomically as soon as its partition is extracted, so an interrupted run keeps the parts it
    finished; parts left by an earlier, longer run are removed at the end.

    Args:
        inputs: files, directories, URLs or ``-``, as :func:`graphkit.ingest.read_articles` accepts.
        out: the output file, or several (one extraction run, written in each format); the suffix picks the
            exporter (``.jsonl``, ``.ttl``, ...); no suffix, a folder of parts.
        pipeline: the spaCy pipeline the extractor uses.
        extractor: a name registered in :data:`graphkit.registry.extractors`.
        published: publication date for articles that do not give one.
        progress: called with a :class:`ProgressEvent` to follow the run; True shows a progress bar (on
            stderr, or in the notebook).
        store: also add the extractions to this store (an Oxigraph directory or a SPARQL endpoint URL, see
            :func:`graphkit.rdf.open_store`), replacing the graphs of the same articles.
        actors: a CSV or YAML file of the user's own actors, passed to the extractor; it is read before any
            article, so a bad file stops the run with its line.
        max_chars: the longest article text extracted, in characters.
        store_batch: articles per store transaction.
        failures: also write the failures to this JSON Lines file, one object per failure (an empty file
            when there were none).
        jobs: worker processes extracting at once; the output is the same as with one. On Linux they are
            forked once this process has loaded the pipeline; elsewhere they start fresh and load it each,
            so there ``extractor`` must be registered on import of graphkit (or lazily), not at run time.
        scheduler: extract on the Dask cluster of this scheduler (``tcp://host:8786``) instead; its workers
            need graphkit and the pipeline installed, and load the pipeline once each. The output is the
            same as with one process.
        dask_workers: extract on a Dask cluster of this many local worker processes, started for the run.

    Raises:
        UnknownNameError: ``out`` has no registered suffix, or ``extractor`` is not registered.
        ModelLoadError: the pipeline cannot be loaded; nothing is written.
        RunInterrupted: Ctrl-C; no output file is written, the store keeps its committed batches.
    """
    outs = [Path(out)] if isinstance(out, str | Path) else [Path(o) for o in out]
    if not outs:
        raise ValueError("run_extract needs at least one output file")
    with _progress_display(progress) as report_progress:
        return _run(
            inputs,
            outs,
            extractor,
            pipeline,
            _Parallel(jobs, scheduler, dask_workers),
            published=published,
            progress=report_progress,
            store=store,
            actors=actors,
            max_chars=max_chars,
            store_batch=store_batch,
            failures=failures,
        )


def _run(
    inputs: Sequence[str | Path],
    outs: Sequence[Path],
    extractor: str,
    pipeline: str,
    parallel: _Parallel,
    *,
    published: dt.date | None,
    progress: Progress | None,
    store: str | Path | None,
    actors: str | Path | None,
    max_chars: int,
    store_batch: int,
    failures: Path | str | None,
) -> RunReport:
    """:func:`run_extract` once its arguments are checked and its progress display is up."""
    started = dt.datetime.now(dt.UTC)
    exports = [(_exporter(o), o) for o in outs]  # every suffix is checked before any work
    extractors.get(extractor)
    parallel.check()
    options: dict[str, object] = {}
    if actors is not None:
        from graphkit.gazetteer import load_gazetteer

        load_gazetteer(actors)  # fail early, naming the file and line
        options["actors"] = actors
    tally = _Tally()
    sink = _StoreSink(store, store_batch, tally, progress) if store is not None else None
    failed: list[Failure] = []
    summary = _Summary()
    stream = _extract_stream(
        inputs, _Work(extractor, pipeline, options), parallel, published, progress, max_chars, failed, tally
    )
    try:
        with _provenance(pipeline, extractor, started):
            kept = _write_as_extracted(stream, exports, summary, sink, tally, progress)
            graph_out = next((o for o in outs if o.suffix.lower() in GRAPH_SUFFIXES), outs[0])
            counts = _graph_counts(graph_out, kept, sink, progress)
    except KeyboardInterrupt as err:
        _write_failures(failures, failed)
        raise RunInterrupted(
            total=tally.total,
            extracted=tally.extracted,
            failed=tally.failed,
            stored=tally.stored if sink is not None else None,
            outs=outs,
            written=tally.written,
            parts=tally.parts,
        ) from err
    finally:
        if sink is not None:
            sink.close()
    _write_failures(failures, failed)
    report = summary.report(outs[0], failed).model_copy(
        update={"also": tuple(outs[1:]), "written": bool(summary.articles)}
    )
    if counts is None:
        return report
    return report.model_copy(update={"events": counts.events, "merged": counts.merged})


def _exporter(out: Path) -> Exporter | None:
    """The exporter of ``out``'s suffix; None for a path without one, a folder of JSON Lines parts."""
    if out.suffix:
        return exporters.get(out.suffix.lower())
    if out.exists() and not out.is_dir():
        raise InputError(
            "an output without a suffix is a folder of JSON Lines parts, but this is a file; give a suffix "
            "(.jsonl, .ttl, ...) or a folder",
            str(out),
        )
    return None


def _write_as_extracted(
    stream: Iterator[Iterator[Extraction]],
    exports: Sequence[tuple[Exporter | None, Path]],
    summary: _Summary,
    sink: _StoreSink | None,
    tally: _Tally,
    progress: Progress | None,
) -> list[Extraction]:
    """Write each extraction as it comes: JSON Lines outputs line by line, parts and the store by batch.

    JSON Lines go to temporary files that replace the outputs when the stream ends, so the outputs change
    all at once or not at all (not at all when nothing was extracted). Part folders get one part per
    partition of the stream as it ends. Other formats need every extraction at once: they are kept (the
    only memory that grows with the run) and exported at the end.

    Returns:
        The extractions kept for other formats; empty when every output is JSON Lines or parts.
    """
    from graphkit._io import atomic_writer
    from graphkit.records import export_jsonl, record_line, to_record

    streamed = {path for export, path in exports if export is export_jsonl}
    parts = {path: _Parts(path, tally) for export, path in exports if export is None}
    whole = any(export not in (export_jsonl, None) for export, _ in exports)
    kept: list[Extraction] = []
    graphs: GraphWriter | None = None  # one graph build for every RDF output
    with contextlib.ExitStack() as cleanup:  # on an error, every temporary file is removed
        writers = {path: cleanup.enter_context(contextlib.ExitStack()) for path in streamed}
        handles: list[TextIO] = []
        for partition in stream:
            lines = []
            for extraction in partition:
                if writers and not handles:  # opened at the first extraction: no extraction leaves no file
                    handles = [writers[path].enter_context(atomic_writer(path)) for path in writers]
                lines.append(record_line(to_record(extraction)))
                for handle in handles:
                    handle.write(lines[-1])
                summary.add(extraction)
                if whole:
                    kept.append(extraction)
                if sink is not None:
                    sink.add(extraction)
            for folder in parts.values():
                folder.add(lines)
        if sink is not None:
            sink.flush()
        for number, (export, path) in enumerate(exports if summary.articles else ()):  # in the order given
            _tick(progress, ProgressEvent(Stage.WRITING, number, len(exports), detail=str(path)))
            if path in writers:
                writers[path].close()  # renames the temporary file over the output
            elif export is None:
                parts[path].finish()
            elif path.suffix.lower() in GRAPH_SUFFIXES:
                from graphkit.rdf.dataset import GraphWriter

                graphs = graphs or GraphWriter(kept)
                graphs.write(path)
            else:
                export(kept, path)
            tally.written.append(path)
        if summary.articles:
            _tick(progress, ProgressEvent(Stage.WRITING, len(exports), len(exports)))
    return kept


class _Parts:
    """A folder of JSON Lines parts, one per partition, each written atomically when it is complete.

    Parts of partitions without an extraction are held back until some partition has one, so a run that
    extracts nothing writes nothing and leaves the folder as it was.
    """

    def __init__(self, folder: Path, tally: _Tally) -> None:
        self.folder = folder
        self._tally = tally
        self._count = 0
        self._empty: list[int] = []  # numbers of empty parts not written yet

    def add(self, lines: Sequence[str]) -> None:
        """Write the next part, of these JSON Lines."""
        number, self._count = self._count, self._count + 1
        if not lines and len(self._empty) == number:  # no part written yet
            self._empty.append(number)
            return
        for held in self._empty:
            self._write(held, ())
        self._empty = []
        self._write(number, lines)

    def _write(self, number: int, lines: Sequence[str]) -> None:
        from graphkit._io import atomic_writer

        with _interrupts_deferred(), atomic_writer(self.folder / PART_NAME.format(number)) as handle:
            handle.writelines(lines)
            self._tally.parts += 1

    def finish(self) -> None:
        """Remove the parts an earlier run wrote beyond the last partition of this one."""
        for path in self.folder.iterdir():
            match = _PART_FILES.fullmatch(path.name)
            if match and int(match[1]) >= self._count:
                path.unlink()


@dataclass
class _Summary:
    """Counts of the extractions written, kept as they go by instead of the extractions themselves."""

    articles: int = 0
    actors: int = 0
    kinds: Counter[ContactKind] = field(default_factory=Counter)
    statuses: Counter[ContactStatus] = field(default_factory=Counter)
    statements: int = 0
    reported: int = 0

    def add(self, extraction: Extraction) -> None:
        self.articles += 1
        self.actors += len(extraction.actors)
        self.kinds.update(c.kind for c in extraction.contacts)
        self.statuses.update(c.status for c in extraction.contacts)
        self.statements += len(extraction.statements)
        self.reported += sum(not s.direct for s in extraction.statements)

    def report(self, out: Path, failures: Sequence[Failure]) -> RunReport:
        return RunReport(
            out=out,
            articles=self.articles,
            failures=tuple(failures),
            actors=self.actors,
            contacts_by_kind={kind: self.kinds[kind] for kind in ContactKind},
            contacts_by_status={status: self.statuses[status] for status in ContactStatus},
            statements=self.statements,
            reported=self.reported,
        )


class _StoreSink:
    """Writes extractions to a store as a run goes: ``batch`` articles per transaction.

    The store is opened at the first batch, so a run that extracts nothing leaves no new store behind.
    """

    def __init__(self, spec: str | Path, batch: int, tally: _Tally, progress: Progress | None) -> None:
        if batch < 1:
            raise ValueError(f"store_batch must be at least 1, not {batch}")
        self._spec = spec
        self._batch = batch
        self._tally = tally
        self._progress = progress
        self._pending: list[Extraction] = []
        self.store: Store | None = None
        self._writer: StoreWriter | None = None

    def add(self, extraction: Extraction) -> None:
        self._pending.append(extraction)
        if len(self._pending) >= self._batch:
            self.flush()

    def flush(self) -> None:
        """Commit the pending articles in one transaction (nothing to do when none are pending)."""
        if not self._pending:
            return
        from graphkit.rdf import open_store
        from graphkit.rdf.load import StoreWriter

        if self._writer is None:
            self.store = open_store(self._spec)
            self._writer = StoreWriter(self.store)  # one for the run: it remembers what it wrote
        with _interrupts_deferred():  # the tally must say exactly what was committed
            self._writer.replace(self._pending)
            self._tally.stored += len(self._pending)
            self._pending = []
        _tick(self._progress, ProgressEvent(Stage.STORING, self._tally.stored, detail=str(self._spec)))

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C (and SIGTERM, where a handler turns it into an exception) back until the block ends.

    For short blocks that must finish together; the held signal's own handler runs when the block ends.
    Signals that are ignored or left to the system stay as they are.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {
        number: handler
        for number in (signal.SIGINT, signal.SIGTERM)
        if callable(handler := signal.getsignal(number))
    }
    for number in previous:
        signal.signal(number, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if caught:
        previous[signal.Signals(caught[0])](caught[0], None)


def _write_failures(path: Path | str | None, failures: Sequence[Failure]) -> None:
    if path is None:
        return
    from graphkit._io import atomic_writer

    with atomic_writer(Path(path)) as handle:
        for failure in failures:
            handle.write(failure.model_dump_json() + "\n")


def _provenance(
    pipeline: str, extractor: str, started: dt.datetime
) -> contextlib.AbstractContextManager[object]:
    """The run recorded in RDF outputs (exporters take no run argument, see graphkit.rdf.provenance)."""
    from graphkit import __version__
    from graphkit.rdf.provenance import RunInfo, run_scope

    return run_scope(RunInfo(version=__version__, extractor=extractor, pipeline=pipeline, started=started))


def _graph_counts(
    out: Path, written: Sequence[Extraction], sink: _StoreSink | None, progress: Progress | None
) -> MergeCounts | None:
    """Reports and merged events of the store (when given) or of the graph written (RDF outputs)."""
    if sink is not None:
        from graphkit.rdf.load import store_counts

        if sink.store is None:
            return None
        _tick(progress, ProgressEvent(Stage.COUNTING, 0, 1, detail="the store"))
        counts = store_counts(sink.store)
    elif out.suffix.lower() in GRAPH_SUFFIXES and written:
        from graphkit.rdf import merge_counts

        _tick(progress, ProgressEvent(Stage.COUNTING, 0, 1, detail=str(out)))
        counts = merge_counts(written)
    else:
        return None
    _tick(progress, ProgressEvent(Stage.COUNTING, 1, 1))
    return counts


def _extract_one(
    extract: Extractor, article: Article, pipeline: str, options: Mapping[str, object]
) -> Extraction | Failure:
    try:
        return extract(article, pipeline=pipeline, **options)
    except ModelLoadError:
        raise  # the same for every article: a usage error, not a failure of this one
    except Exception as err:  # one bad article must not stop the run; the report carries the reason
        return _extraction_failure(article, err)


def _extraction_failure(article: Article, err: Exception) -> Failure:
    logger.debug("extraction of %s failed", article.id, exc_info=err)
    return Failure(source=article.source, article=article.id, reason=f"{type(err).__name__}: {err}")


def _input_failure(err: InputError) -> Failure:
    return Failure(source=err.source, line=err.line, reason=err.reason)


def _collision(first_source: str | None, later: Article) -> Failure:
    return Failure(
        source=later.source,
        article=later.id,
        reason=f"article id {later.id!r} is already the id of the article from {first_source or '?'}; "
        "rename one of the files or give the records distinct ids (nothing was extracted from this one)",
    )


def _not_english(article: Article) -> str | None:
    """The language an article is in when it is declared or detected not to be English, else None."""
    declared = article.language
    if re.fullmatch(r"[a-z]{2,3}", declared) and declared != "en":
        return f"{declared!r} (as it declares)"
    from graphkit._language import foreign_language

    return foreign_language(article.text)


def _too_long(article: Article, max_chars: int) -> Failure:
    return Failure(
        source=article.source,
        article=article.id,
        reason=f"the article has {len(article.text):,} characters, more than the limit of {max_chars:,}; "
        "split it into several articles or raise --max-chars",
    )


@contextlib.contextmanager
def _progress_display(progress: Progress | bool | None) -> Iterator[Progress | None]:
    """The callback for ``progress``; True shows a progress bar (terminal, notebook) while the block runs."""
    if progress is True:
        from graphkit._progress import ProgressBar

        with ProgressBar() as bar:
            yield bar
    else:
        yield progress or None


def _tick(progress: Progress | None, event: ProgressEvent) -> None:
    if progress is not None:
        progress(event)


def extract_all(
    inputs: Sequence[str | Path],
    *,
    pipeline: str = DEFAULT_PIPELINE,
    extractor: str = "rules",
    published: dt.date | None = None,
    progress: Progress | bool | None = None,
    actors: str | Path | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    dask_workers: int | None = None,
) -> list[Extraction]:
    """Extract every article in ``inputs`` and return the extractions: :func:`run_extract` without a file.

    An input that cannot be read, an article longer than :data:`MAX_CHARS`, or an article whose extraction
    raises is skipped with a warning that names it and says why; the others are still returned. An article
    whose id an earlier one already has is skipped the same way.

    Args:
        inputs: files, directories, URLs or ``-``, as :func:`graphkit.read_articles` accepts.
        pipeline: the spaCy pipeline the extractor uses.
        extractor: a name registered in :data:`graphkit.registry.extractors`.
        published: publication date for articles that do not give one.
        progress: called with a :class:`ProgressEvent` to follow the run; True shows a progress bar (in a
            notebook, or on stderr).
        actors: a CSV or YAML file of the user's own actors, passed to the extractor.
        jobs: worker processes extracting at once, as :func:`run_extract` takes.
        scheduler: the address of a Dask scheduler to extract on, as :func:`run_extract` takes.
        dask_workers: local Dask worker processes to extract on, as :func:`run_extract` takes.

    Returns:
        One extraction per article, in input order; of two articles with the same id, the first.

    Raises:
        UnknownNameError: ``extractor`` is not registered.
        ModelLoadError: the pipeline cannot be loaded.

    Example:
        >>> extractions = extract_all(["data/articles"])  # doctest: +SKIP
        >>> [e.article.id for e in extractions]  # doctest: +SKIP
        ['seed']
    """
    extractors.get(extractor)
    options: dict[str, object] = {}
    if actors is not None:
        options["actors"] = actors
    failures: list[Failure] = []
    work = _Work(extractor, pipeline, options)
    parallel = _Parallel(jobs, scheduler, dask_workers)
    parallel.check()
    with _progress_display(progress) as report_progress:
        stream = _extract_stream(
            inputs, work, parallel, published, report_progress, MAX_CHARS, failures, _Tally()
        )
        extractions = [extraction for partition in stream for extraction in partition]
    for failure in failures:
        where = failure.article or failure.source or "an input"
        line = f", line {failure.line}" if failure.line is not None else ""
        warnings.warn(f"skipped {where}{line}: {failure.reason}", stacklevel=2)
    return extractions


@dataclass(frozen=True)
class _Work:
    """How to extract articles: the extractor by name, its pipeline and options; sent to worker processes."""

    extractor: str
    pipeline: str
    options: Mapping[str, object]

    def results(self, articles: Sequence[Article]) -> Iterator[Extraction | Failure]:
        """One result per article, lazily and in order; by the extractor's batch form when it has one."""
        if self.extractor not in batch_extractors:
            extract = extractors.get(self.extractor)
            for article in articles:
                yield _extract_one(extract, article, self.pipeline, self.options)
            return
        batch = batch_extractors.get(self.extractor)
        results = batch(articles, pipeline=self.pipeline, **self.options)
        for article, result in zip(articles, results, strict=True):
            yield _extraction_failure(article, result) if isinstance(result, Exception) else result

    def warm(self) -> None:
        """Load what the extractor loads once per process (its pipeline), before the first article."""
        for _ in self.results([]):
            pass  # a batch extractor loads its pipeline when asked for the results of no article

    def __call__(self, chunk: Sequence[Article | Failure]) -> _Done:
        """The results for the articles of ``chunk`` and the warnings they raised (in a worker process)."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            results = list(self.results([item for item in chunk if isinstance(item, Article)]))
        return results, [(str(w.message), w.category) for w in caught]


#: What a worker returns for a chunk: its results, and its warnings as (message, category).
_Done = tuple[list[Extraction | Failure], list[tuple[str, type[Warning]]]]


def _extract_stream(
    inputs: Sequence[str | Path],
    work: _Work,
    parallel: _Parallel,
    published: dt.date | None,
    progress: Progress | None,
    max_chars: int,
    failures: list[Failure],
    tally: _Tally,
) -> Iterator[Iterator[Extraction]]:
    """Read and extract every input, :data:`CHUNK` articles at a time: each chunk's extractions, in order.

    Each chunk's extractions come lazily, as they are extracted; read them all before asking for the next
    chunk. Failures are appended to ``failures``. With worker processes or a Dask cluster, chunks are
    extracted there, and their warnings raised again here; the output is the same.
    """
    chunks = _checked_chunks(inputs, published, max_chars, tally, progress)
    for chunk, results in parallel.map(work, chunks, progress):
        yield _partition(chunk, results, failures, tally, progress)


def _partition(
    chunk: Sequence[Article | Failure],
    results: Iterator[Extraction | Failure],
    failures: list[Failure],
    tally: _Tally,
    progress: Progress | None,
) -> Iterator[Extraction]:
    for item in chunk:
        result = item if isinstance(item, Failure) else next(results)
        if isinstance(result, Failure):
            failures.append(result)
            tally.failed += 1
        else:
            tally.extracted += 1
            yield result
        _tick(progress, tally.extracting())


@dataclass(frozen=True)
class _Parallel:
    """Where chunks are extracted: here, in ``jobs`` worker processes, or on a Dask cluster."""

    jobs: int = 1
    scheduler: str | None = None
    dask_workers: int | None = None

    def check(self) -> None:
        """Raise ValueError for a number below 1 or more than one way to run in parallel."""
        if self.jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {self.jobs}")
        if self.dask_workers is not None and self.dask_workers < 1:
            raise ValueError(f"dask_workers must be at least 1, not {self.dask_workers}")
        if (self.jobs > 1) + (self.scheduler is not None) + (self.dask_workers is not None) > 1:
            raise ValueError("give only one of jobs above 1, a Dask scheduler or a number of Dask workers")

    def map(
        self, work: _Work, chunks: Iterator[list[Article | Failure]], progress: Progress | None
    ) -> Iterator[tuple[list[Article | Failure], Iterator[Extraction | Failure]]]:
        """Each chunk with its results, in input order."""
        if self.scheduler is not None or self.dask_workers is not None:
            from graphkit._cluster import cluster_map

            loading = functools.partial(_loading, progress)
            on_cluster = functools.partial(
                cluster_map,
                work,
                scheduler=self.scheduler,
                workers=self.dask_workers,
                warm=work.warm,
                loaded=loading,
            )
            done = _in_tasks(on_cluster, chunks)
            return ((chunk, _warned_again(*results)) for chunk, results in done)
        if self.jobs > 1:
            from graphkit._parallel import ordered_map

            _loading(progress, 0, self.jobs)
            in_pool = functools.partial(ordered_map, work, jobs=self.jobs, initializer=work.warm)
            done = _in_tasks(in_pool, chunks)
            loaded = functools.partial(_loading, progress, self.jobs, self.jobs)  # by the first results
            return ((chunk, _warned_again(*results)) for chunk, results in _first_calls(loaded, done))
        return self._here(work, chunks, progress)

    @staticmethod
    def _here(
        work: _Work, chunks: Iterator[list[Article | Failure]], progress: Progress | None
    ) -> Iterator[tuple[list[Article | Failure], Iterator[Extraction | Failure]]]:
        warm = True
        for chunk in chunks:
            articles = [item for item in chunk if isinstance(item, Article)]
            if warm and articles:  # loaded only once there is an article, as the extractor would
                _loading(progress, 0, 1)
                work.warm()
                _loading(progress, 1, 1)
                warm = False
            yield chunk, work.results(articles)


def _in_tasks(
    mapping: Callable[[Iterator[list[Article | Failure]]], Iterator[tuple[object, _Done]]],
    chunks: Iterator[list[Article | Failure]],
) -> Iterator[tuple[list[Article | Failure], _Done]]:
    """``mapping`` over the chunks cut into tasks of :data:`TASK` items (:data:`LAST_TASK` for the last
    chunk, which is known by reading one chunk ahead), its results joined back by chunk."""
    cut: deque[tuple[list[Article | Failure], int]] = deque()  # chunks whose tasks went out, with their count

    def tasks() -> Iterator[list[Article | Failure]]:
        ahead = next(chunks, None)
        while ahead is not None:
            chunk, ahead = ahead, next(chunks, None)
            size = TASK if ahead is not None else LAST_TASK
            pieces = [chunk[start : start + size] for start in range(0, len(chunk), size)]
            cut.append((chunk, len(pieces)))
            yield from pieces

    done = mapping(tasks())
    for _, (results, caught) in done:
        chunk, count = cut.popleft()
        for _ in range(count - 1):
            _, (more, warned) = next(done)
            results, caught = results + more, caught + warned
        yield chunk, (results, caught)


def _first_calls(call: Callable[[], object], items: Iterator[T]) -> Iterator[T]:
    """``items``, calling ``call`` when the first one has come."""
    for number, item in enumerate(items):
        if not number:
            call()
        yield item


def _loading(progress: Progress | None, done: int, total: int) -> None:
    """Tell how many of ``total`` processes have loaded the pipeline."""
    _tick(progress, ProgressEvent(Stage.LOADING, done, total))


def _warned_again(
    results: list[Extraction | Failure], caught: list[tuple[str, type[Warning]]]
) -> Iterator[Extraction | Failure]:
    for message, category in caught:
        warnings.warn(message, category, stacklevel=2)
    return iter(results)


def _checked_chunks(
    inputs: Sequence[str | Path],
    published: dt.date | None,
    max_chars: int,
    tally: _Tally,
    progress: Progress | None,
) -> Iterator[list[Article | Failure]]:
    """The inputs read :data:`CHUNK` at a time; an input that cannot be extracted is already a failure.

    The count of inputs grows as chunks are read: reading everything first to count it would hold it all.
    One input is read ahead, so the total is known as soon as the last chunk is.
    """
    seen: dict[str, str | None] = {}  # the source of every article id read, extracted or not
    items = ingest.read_articles(inputs, published=published)
    chunk = list(itertools.islice(items, CHUNK + 1))
    while chunk:
        ahead = chunk[CHUNK:]
        chunk = chunk[:CHUNK]
        tally.total += len(chunk)
        tally.read_all = not ahead
        _tick(progress, tally.extracting())
        yield [_checked(item, seen, max_chars) for item in chunk]
        chunk = ahead + list(itertools.islice(items, CHUNK))


def _checked(item: Article | InputError, seen: dict[str, str | None], max_chars: int) -> Article | Failure:
    """The article, or the failure it is before extraction: unreadable, a repeated id, too long, foreign."""
    if isinstance(item, InputError):
        return _input_failure(item)
    if item.id in seen:
        return _collision(seen[item.id], item)
    seen[item.id] = item.source
    if len(item.text) > max_chars:
        return _too_long(item, max_chars)
    language = _not_english(item)
    if language is not None:
        return Failure(
            source=item.source,
            article=item.id,
            reason=f"not in English: the article is in {language}; graphkit extracts contacts from English "
            "text only",
        )
    return item
