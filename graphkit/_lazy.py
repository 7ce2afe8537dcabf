"""Lazy public names for packages whose imports are heavy (spaCy, rdflib, pyvis): PEP 562 module hooks."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, exports: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: ``name`` is imported from ``exports[name]`` when used.

    The value is then stored in ``namespace`` (the package's globals), so the import happens once.
    """
    names = sorted({*exports, *(n for n in namespace if n == "__version__")})

    def getattr_(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return names

    return getattr_, dir_
