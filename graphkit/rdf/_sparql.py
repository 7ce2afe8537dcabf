"""Building SPARQL text safely: user values become escaped terms in ``VALUES`` blocks, never raw text.

Every query graphkit runs declares its prefixes with :data:`PROLOGUE` and receives values only through
:func:`values`, which writes each one with rdflib's N-Triples escaping (``"`` and ``\\`` escaped in
literals, IRIs checked for characters that could end them). The result is the same binding on every store,
including endpoints that know no other way to pass parameters.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rdflib import Literal, URIRef
from rdflib.term import Node

from graphkit.errors import GraphkitError
from graphkit.rdf.namespace import PREFIXES

__all__ = ["PROLOGUE", "values"]

#: Prefix declarations for graphkit's queries (the same prefixes the serializations use).
PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items()) + (
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
)


def _term(value: Node | None) -> str:
    if value is None:
        return "UNDEF"
    if not isinstance(value, URIRef | Literal):
        raise GraphkitError(f"only IRIs and literals can be bound in a query, not {value!r}")
    try:
        return value.n3()
    except Exception as err:  # rdflib refuses IRIs with characters such as '>' or spaces
        raise GraphkitError(f"{value!r} cannot be used in a query: {err}") from err


def _row(row: Node | Sequence[Node | None] | None, width: int) -> list[Node | None]:
    """The values of one row: a sequence of them, or (one variable only) the value itself."""
    if row is None or isinstance(row, Node):  # IRIs and literals are strings, so test them before sequences
        if width == 1:
            return [row]
        raise GraphkitError(f"a row of {width} variables needs a list or tuple of values, not {row!r}")
    return list(row)


def values(variables: str | Sequence[str], rows: Iterable[Node | Sequence[Node | None] | None]) -> str:
    """A ``VALUES`` block binding ``variables`` to ``rows`` (None is ``UNDEF``).

    >>> print(values("name", [Literal('Macron" } DROP ALL #')]))
    VALUES (?name) { ("Macron\\" } DROP ALL #") }
    """
    names = [variables] if isinstance(variables, str) else list(variables)
    cells = []
    for row in rows:
        cells.append("(" + " ".join(_term(v) for v in _row(row, len(names))) + ")")
    header = " ".join(f"?{n}" for n in names)
    return f"VALUES ({header}) {{ {' '.join(cells)} }}"
