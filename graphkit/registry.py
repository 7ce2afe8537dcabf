"""Registries: functions looked up by name instead of chains of if/elif, extendable by other packages.

A registry maps a name to a function, or to the dotted path of one (``"package.module:attr"``) that is
imported the first time the name is looked up. Lazy entries keep ``import graphkit`` cheap: the rule-based
extractor needs spaCy, and nothing should import spaCy before it is used.

The registries at the end of this module are the one place that lists what graphkit can read, extract with
and write. Another package adds to them without graphkit importing it, through an entry point of the
registry's group in its own metadata (as spaCy's ``catalogue`` and rdflib's plugins do):

.. code-block:: toml

    [project.entry-points."graphkit.exporters"]
    ".xlsx" = "my_package.excel:export_xlsx"

The groups are ``graphkit.readers`` (an input file's suffix), ``graphkit.extractors`` and
``graphkit.exporters`` (an output file's suffix). Entry points are read on the first lookup of a name graphkit
does not register itself, not on import; such a name is never replaced by an entry point (a
:class:`PluginWarning` says which one was ignored).

Example:
    >>> from graphkit.registry import Registry
    >>> greeters = Registry("greeter")
    >>> @greeters.register("hello")
    ... def hello(name: str) -> str:
    ...     return f"hello {name}"
    >>> greeters.get("hello")("world")
    'hello world'
    >>> greeters.get("bye")
    Traceback (most recent call last):
    ...
    graphkit.errors.UnknownNameError: unknown greeter 'bye'; known: hello
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from graphkit.errors import UnknownNameError

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from graphkit.errors import InputError
    from graphkit.ingest import Origin
    from graphkit.models import Article, Extraction

__all__ = [
    "GRAPH_SUFFIXES",
    "BatchExtractor",
    "Exporter",
    "Extractor",
    "PluginWarning",
    "Reader",
    "Registry",
    "batch_extractors",
    "exporters",
    "extractors",
    "readers",
]

F = TypeVar("F", bound=Callable[..., object])


class PluginWarning(UserWarning):
    """An entry point of another package was ignored because its name is already registered."""


class Registry(Generic[F]):
    """Names mapped to functions of one kind (readers, extractors, exporters, stores).

    Args:
        kind: what the registered functions are, used in error messages ("extractor").
        group: the entry point group other packages register under (``"graphkit.exporters"``); None for
            a registry only code can add to.
    """

    def __init__(self, kind: str, group: str | None = None) -> None:
        self.kind = kind
        self.group = group
        self._entries: dict[str, F | str] = {}
        # Entries from other packages' entry points, kept apart so that reading them again replaces them
        # all; None until the first lookup reads them.
        self._plugins: dict[str, EntryPoint] | None = None
        self._loaded: dict[str, F] = {}  # entry points loaded so far

    def register(self, name: str) -> Callable[[F], F]:
        """Decorator registering a function under ``name``; a later registration replaces an earlier one.

        Args:
            name: the name users pass to :meth:`get` (and on the command line).
        """

        def decorator(func: F) -> F:
            self._entries[name] = func
            return func

        return decorator

    def register_lazy(self, name: str, path: str) -> None:
        """Register ``"package.module:attr"`` under ``name``, imported on the first :meth:`get`.

        Args:
            name: the name users pass to :meth:`get`.
            path: where the function lives, as ``module:attribute``.
        """
        if path.count(":") != 1:
            raise ValueError(
                f"lazy {self.kind} {name!r}: path {path!r} is not of the form 'module:attribute'"
            )
        self._entries[name] = path

    def get(self, name: str) -> F:
        """The function registered under ``name``, by graphkit, by code or by another package's entry point.

        Raises:
            UnknownNameError: nothing is registered under ``name``; the message lists the known names.
        """
        if name in self._entries:
            entry = self._entries[name]
            if isinstance(entry, str):
                entry = self._entries[name] = self._resolve(entry)
            return entry
        plugins = self._loaded_plugins()
        if name not in plugins:
            raise UnknownNameError(self.kind, name, self.names())
        if name not in self._loaded:
            # Import errors propagate: an installed plugin that cannot load is a problem to see.
            self._loaded[name] = plugins[name].load()
        return self._loaded[name]

    def names(self) -> list[str]:
        """The registered names, sorted."""
        return sorted(self)

    def load_entry_points(self) -> None:
        """Read the registry's entry point group again (done on the first lookup).

        Only needed when packages are installed or removed while the process runs; entries read from
        entry points before are forgotten, entries registered by code stay.
        """
        self._plugins = self._read_entry_points()
        self._loaded = {}

    def _read_entry_points(self) -> dict[str, EntryPoint]:
        found: dict[str, EntryPoint] = {}
        if self.group is None:
            return found
        from importlib.metadata import entry_points  # 20 ms: only when a lookup needs it

        for point in entry_points(group=self.group):
            if point.name in self._entries or point.name in found:
                where = point.dist.name if point.dist is not None else "an installed package"
                warnings.warn(
                    f"the {self.kind} {point.name!r} of {where} ({point.value}) is ignored: the name is "
                    "already registered",
                    PluginWarning,
                    stacklevel=3,
                )
                continue
            found[point.name] = point
        return found

    def __contains__(self, name: object) -> bool:
        return name in self._entries or name in self._loaded_plugins()

    def __iter__(self) -> Iterator[str]:
        """The names in the order they were registered: graphkit's own, then other packages'."""
        yield from self._entries
        yield from (name for name in self._loaded_plugins() if name not in self._entries)

    def _loaded_plugins(self) -> dict[str, EntryPoint]:
        if self._plugins is None:
            self._plugins = self._read_entry_points()
        return self._plugins

    def _resolve(self, path: str) -> F:
        module_name, _, attr = path.partition(":")
        # Import errors propagate unchanged: a broken registered module is a bug to see, not a missing name.
        value: F = getattr(importlib.import_module(module_name), attr)
        return value


class Reader(Protocol):
    """What a reader is: the bytes of one input in, its articles out, lazily.

    A record that cannot be read is yielded as an :class:`~graphkit.errors.InputError` and the others
    still come; an input that cannot be read at all raises one. ``origin`` says where the bytes came from
    (the source named in errors, the article id for a single article, the fallback publication date).
    """

    def __call__(self, data: bytes, origin: Origin) -> Iterator[Article | InputError]: ...


class Extractor(Protocol):
    """What an extractor is: one article in, its extraction out (the article itself is not changed).

    Every extractor takes ``pipeline``. The runs in :mod:`graphkit.pipeline` pass further keyword options
    only when the user gives them (``actors``: a file of the user's own actors); an extractor that does not
    take one fails on each article with a ``TypeError``, reported as that article's failure. The protocol
    leaves them out on purpose: ``**options: Any`` here would require every extractor, including one that
    takes no option, to accept any keyword.
    """

    def __call__(self, article: Article, *, pipeline: str) -> Extraction: ...


class BatchExtractor(Protocol):
    """The batch form of an extractor: many articles in, one result per article out, lazily and in order.

    A result is the article's extraction, or the exception its extraction raised (the others go on). It
    gives the same extractions as the extractor of the same name called on each article; runs use it
    when one is registered under that name.
    """

    def __call__(self, articles: Sequence[Article], *, pipeline: str) -> Iterator[Extraction | Exception]: ...


class Exporter(Protocol):
    """What an exporter is: writes extractions to ``path``, atomically (all or nothing)."""

    def __call__(self, extractions: Sequence[Extraction], path: Path) -> None: ...


#: Readers by the input file's suffix (lower case); the text reader also takes stdin and pages whose type
#: is not recognized (see :mod:`graphkit.ingest`).
readers: Registry[Reader] = Registry("file type", "graphkit.readers")
for _suffix, _path in {
    ".txt": "graphkit.ingest.text:read_text",
    ".md": "graphkit.ingest.text:read_text",
    ".markdown": "graphkit.ingest.text:read_text",
    ".html": "graphkit.ingest.html:read_html",
    ".htm": "graphkit.ingest.html:read_html",
    ".json": "graphkit.ingest.jsonl:read_json",
    ".jsonl": "graphkit.ingest.jsonl:read_jsonl",
    ".rss": "graphkit.ingest.feed:read_feed",
    ".atom": "graphkit.ingest.feed:read_feed",
    ".xml": "graphkit.ingest.feed:read_feed",
}.items():
    readers.register_lazy(_suffix, _path)

#: Extractors by name; ``"rules"`` is the spaCy rule-based one, imported on first use.
extractors: Registry[Extractor] = Registry("extractor", "graphkit.extractors")
extractors.register_lazy("rules", "graphkit.extractor:extract")
#: Batch forms of extractors, by the extractor's name (see :class:`BatchExtractor`).
batch_extractors: Registry[BatchExtractor] = Registry("batch extractor")
batch_extractors.register_lazy("rules", "graphkit.batch:extract_many")

#: Exporters by the output file's suffix.
exporters: Registry[Exporter] = Registry("output suffix", "graphkit.exporters")
exporters.register_lazy(".jsonl", "graphkit.records:export_jsonl")
exporters.register_lazy(".gexf", "graphkit.network:export_gexf")
exporters.register_lazy(".graphml", "graphkit.network:export_graphml")
exporters.register_lazy(".csv", "graphkit.dyadic:export_csv")  # the dyadic event table
exporters.register_lazy(".parquet", "graphkit.dyadic:export_parquet")
exporters.register_lazy(".html", "graphkit.view:export_html")
# The RDF dataset of article graphs and merged events (graphkit.rdf.dataset), by suffix.
_GRAPH_FORMATS = {".ttl": "turtle", ".nt": "ntriples", ".trig": "trig", ".nq": "nquads", ".jsonld": "jsonld"}
for _suffix, _format in _GRAPH_FORMATS.items():
    exporters.register_lazy(_suffix, f"graphkit.rdf.dataset:export_{_format}")
#: The output suffixes whose exporter writes the RDF dataset (a run reports its merged events).
GRAPH_SUFFIXES = frozenset(_GRAPH_FORMATS)
