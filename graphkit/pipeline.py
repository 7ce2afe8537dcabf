"""Runs of the whole extraction: read articles, extract each, write one output file, report.

This is what ``graphkit extract`` calls; notebooks can call :func:`run_extract` the same way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import signal
import threading
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
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
    from graphkit.rdf.stores import Store

__all__ = ["MAX_CHARS", "STORE_BATCH", "Failure", "RunInterrupted", "RunReport", "extract_all", "run_extract"]

#: Longest article text extracted, in characters; a longer one is a failure (spaCy needs ~1 GB per 100,000).
MAX_CHARS = 300_000
#: Articles per store transaction: a killed run loses at most the batch it was extracting.
STORE_BATCH = 50

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
    ) -> None:
        self.total = total
        self.extracted = extracted
        self.failed = failed
        self.stored = stored
        self.outs = tuple(outs)
        self.written = tuple(written)
        super().__init__(self.message())

    def message(self) -> str:
        """What was finished and what was not."""
        done = (
            f"interrupted after {self.extracted + self.failed} of {self.total} inputs "
            f"({self.extracted} extracted, {self.failed} failed)"
        )
        stored = "" if self.stored is None else f"; {self.stored} articles are committed to the store"
        written = f"; {', '.join(map(str, self.written))} written" if self.written else ""
        rest = ", ".join(str(o) for o in self.outs if o not in self.written)
        return f"{done}{stored}{written}; {rest} not written (left as they were); run the same command again"


@dataclass
class _Tally:
    """How far a run got, for :class:`RunInterrupted`."""

    total: int = 0
    extracted: int = 0
    failed: int = 0
    stored: int = 0
    written: list[Path] = field(default_factory=list)


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
    max_chars: int = MAX_CHARS,
    store_batch: int = STORE_BATCH,
    failures: Path | str | None = None,
) -> RunReport:
    """Extract contacts from every article in ``inputs`` and write them to ``out``.

    An input that cannot be read, an article longer than ``max_chars`` or not in English (declared or
    detected, see :mod:`graphkit._language`), or an article whose extraction raises becomes a
    :class:`Failure` and the run goes on. When two inputs give the same article id, the later one is
    a failure naming both sources. The output files are written once, atomically, at the end, so a rerun
    replaces them; when no article was extracted they are not written at all (``report.written`` is false).
    The store, if any, is written as the run goes, ``store_batch`` articles per transaction.

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
        max_chars: the longest article text extracted, in characters.
        store_batch: articles per store transaction.
        failures: also write the failures to this JSON Lines file, one object per failure (an empty file
            when there were none).

    Raises:
        UnknownNameError: ``out`` has no registered suffix, or ``extractor`` is not registered.
        ModelLoadError: the pipeline cannot be loaded; nothing is written.
        RunInterrupted: Ctrl-C; no output file is written, the store keeps its committed batches.
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
    tally = _Tally()
    sink = _StoreSink(store, store_batch, tally) if store is not None else None
    failed: list[Failure] = []
    try:
        with _provenance(pipeline, extractor, started):
            written = _extract_inputs(
                inputs, extract, pipeline, options, published, progress, max_chars, failed, tally, sink
            )
            if sink is not None:
                sink.flush()
            for export, path in exports if written else ():
                export(written, path)
                tally.written.append(path)
            graph_out = next((o for o in outs if o.suffix.lower() in _GRAPH_SUFFIXES), outs[0])
            counts = _graph_counts(graph_out, written, sink)
    except KeyboardInterrupt as err:
        _write_failures(failures, failed)
        raise RunInterrupted(
            total=tally.total,
            extracted=tally.extracted,
            failed=tally.failed,
            stored=tally.stored if sink is not None else None,
            outs=outs,
            written=tally.written,
        ) from err
    finally:
        if sink is not None:
            sink.close()
    _write_failures(failures, failed)
    report = _report(outs[0], written, failed).model_copy(
        update={"also": tuple(outs[1:]), "written": bool(written)}
    )
    if counts is None:
        return report
    return report.model_copy(update={"events": counts.events, "merged": counts.merged})


class _StoreSink:
    """Writes extractions to a store as a run goes: ``batch`` articles per transaction.

    The store is opened at the first batch, so a run that extracts nothing leaves no new store behind.
    """

    def __init__(self, spec: str | Path, batch: int, tally: _Tally) -> None:
        if batch < 1:
            raise ValueError(f"store_batch must be at least 1, not {batch}")
        self._spec = spec
        self._batch = batch
        self._tally = tally
        self._pending: list[Extraction] = []
        self.store: Store | None = None

    def add(self, extraction: Extraction) -> None:
        self._pending.append(extraction)
        if len(self._pending) >= self._batch:
            self.flush()

    def flush(self) -> None:
        """Commit the pending articles in one transaction (nothing to do when none are pending)."""
        if not self._pending:
            return
        from graphkit.rdf import open_store
        from graphkit.rdf.load import replace_articles

        if self.store is None:
            self.store = open_store(self._spec)
        with _interrupts_deferred():  # the tally must say exactly what was committed
            replace_articles(self.store, self._pending)
            self._tally.stored += len(self._pending)
            self._pending = []

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


def _graph_counts(out: Path, written: Sequence[Extraction], sink: _StoreSink | None) -> MergeCounts | None:
    """Reports and merged events of the store (when given) or of the graph written (RDF outputs)."""
    if sink is not None:
        from graphkit.rdf.load import store_counts

        return store_counts(sink.store) if sink.store is not None else None
    if out.suffix.lower() in _GRAPH_SUFFIXES and written:
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


def _collision(first: Article, later: Article) -> Failure:
    return Failure(
        source=later.source,
        article=later.id,
        reason=f"article id {later.id!r} is already the id of the article from {first.source or '?'}; "
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

    An input that cannot be read, an article longer than :data:`MAX_CHARS`, or an article whose extraction
    raises is skipped with a warning that names it and says why; the others are still returned. An article
    whose id an earlier one already has is skipped the same way.

    Args:
        inputs: files, directories, URLs or ``-``, as :func:`graphkit.read_articles` accepts.
        pipeline: the spaCy pipeline the extractor uses.
        extractor: a name registered in :data:`graphkit.registry.extractors`.
        published: publication date for articles that do not give one.
        progress: called as ``progress(done, total)`` to follow the run.
        actors: a CSV or YAML file of the user's own actors, passed to the extractor.

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
    extract = extractors.get(extractor)
    options: dict[str, object] = {}
    if actors is not None:
        options["actors"] = actors
    failures: list[Failure] = []
    extractions = _extract_inputs(
        inputs, extract, pipeline, options, published, progress, MAX_CHARS, failures, _Tally(), None
    )
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
    max_chars: int,
    failures: list[Failure],
    tally: _Tally,
    sink: _StoreSink | None,
) -> list[Extraction]:
    """Read and extract every input: the extractions, in input order; failures are appended to ``failures``.

    ``options`` are the extractor's optional keyword arguments the user gave (``actors``), passed as they
    are: only the extractor knows their types. Each extraction also goes to ``sink`` as soon as it is made.
    """
    # Read everything before extracting: the total drives the progress bar, and articles are small.
    items = list(ingest.read_articles(inputs, published=published))
    extractions: dict[str, Extraction] = {}
    seen: dict[str, Article] = {}  # every article read, extracted or not: an id names one article
    tally.total = len(items)
    _tick(progress, 0, len(items))
    for done, item in enumerate(items, start=1):
        result = _extract_item(item, seen, extract, pipeline, options, max_chars)
        if isinstance(result, Failure):
            failures.append(result)
            tally.failed += 1
        else:
            extractions[result.article.id] = result
            tally.extracted += 1
            if sink is not None:
                sink.add(result)
        _tick(progress, done, len(items))
    return list(extractions.values())


def _extract_item(
    item: Article | InputError,
    seen: dict[str, Article],
    extract: Extractor,
    pipeline: str,
    options: Mapping[str, object],
    max_chars: int,
) -> Extraction | Failure:
    if isinstance(item, InputError):
        return _input_failure(item)
    if item.id in seen:
        return _collision(seen[item.id], item)
    seen[item.id] = item
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
    return _extract_one(extract, item, pipeline, options)
