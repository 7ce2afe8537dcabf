"""Registries: functions looked up by name instead of chains of if/elif.

A registry maps a name to a function, or to the dotted path of one (``"package.module:attr"``) that is
imported the first time the name is looked up. Lazy entries keep ``import graphkit`` cheap: the rule-based
extractor needs spaCy, and nothing should import spaCy before it is used.

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
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from graphkit.errors import UnknownNameError

if TYPE_CHECKING:
    from graphkit.models import Article, Extraction

__all__ = [
    "BatchExtractor",
    "Exporter",
    "Extractor",
    "Registry",
    "batch_extractors",
    "exporters",
    "extractors",
]

F = TypeVar("F", bound=Callable[..., object])


class Registry(Generic[F]):
    """Names mapped to functions of one kind (extractors, exporters, stores).

    Args:
        kind: what the registered functions are, used in error messages ("extractor").
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._entries: dict[str, F | str] = {}

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
        """The function registered under ``name``.

        Raises:
            UnknownNameError: nothing is registered under ``name``; the message lists the known names.
        """
        try:
            entry = self._entries[name]
        except KeyError:
            raise UnknownNameError(self.kind, name, self.names()) from None
        if isinstance(entry, str):
            entry = self._resolve(entry)
            self._entries[name] = entry
        return entry

    def names(self) -> list[str]:
        """The registered names, sorted."""
        return sorted(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def _resolve(self, path: str) -> F:
        module_name, _, attr = path.partition(":")
        # Import errors propagate unchanged: a broken registered module is a bug to see, not a missing name.
        value: F = getattr(importlib.import_module(module_name), attr)
        return value


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


#: Extractors by name; ``"rules"`` is the spaCy rule-based one, imported on first use.
extractors: Registry[Extractor] = Registry("extractor")
extractors.register_lazy("rules", "graphkit.extractor:extract")
#: Batch forms of extractors, by the extractor's name (see :class:`BatchExtractor`).
batch_extractors: Registry[BatchExtractor] = Registry("batch extractor")
batch_extractors.register_lazy("rules", "graphkit.batch:extract_many")

#: Exporters by the output file's suffix.
exporters: Registry[Exporter] = Registry("output suffix")
exporters.register_lazy(".jsonl", "graphkit.records:export_jsonl")
exporters.register_lazy(".gexf", "graphkit.network:export_gexf")
exporters.register_lazy(".graphml", "graphkit.network:export_graphml")
exporters.register_lazy(".csv", "graphkit.dyadic:export_csv")  # the dyadic event table
exporters.register_lazy(".parquet", "graphkit.dyadic:export_parquet")
exporters.register_lazy(".html", "graphkit.view:export_html")
