"""Validating graphs against ``schemas/shapes.ttl`` (SHACL Core, no inference) with pyshacl."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph
from rdflib.namespace import SH

from graphkit._model import FrozenModel
from graphkit.errors import InputError
from graphkit.rdf.restore import union_graph

__all__ = ["SHAPES_PATH", "Validation", "load_graph", "validate"]

SHAPES_PATH = Path(__file__).resolve().parents[2] / "schemas" / "shapes.ttl"

_FORMATS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld"}


class Validation(FrozenModel):
    """The outcome of a SHACL validation."""

    conforms: bool
    violations: int
    report: str


@cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


def load_graph(path: str | Path) -> Dataset:
    """Parse an RDF file by its suffix (.ttl .nt .trig .nq .jsonld) into a dataset, named graphs kept.

    Reading a local file never touches the network: a JSON-LD ``@context`` given by address is refused
    (graphkit writes its context into the file).

    Raises:
        InputError: the suffix is unknown, the file does not parse, or it names a remote JSON-LD context.
    """
    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"unknown RDF suffix {path.suffix!r}; known: {', '.join(_FORMATS)}", source=str(path)
        )
    dataset = Dataset(default_union=True)
    try:
        if fmt == "json-ld":
            dataset.parse(data=_local_jsonld(path), format=fmt)
        else:
            dataset.parse(path, format=fmt)
    except InputError:
        raise
    except Exception as err:  # rdflib parsers raise many unrelated types
        raise InputError(f"not valid {fmt}: {err}", source=str(path)) from err
    return dataset


def _local_jsonld(path: Path) -> str:
    """The JSON-LD text of ``path``, checked to name no context by address (rdflib would fetch it)."""
    text = path.read_text(encoding="utf-8")
    remote = _remote_context(json.loads(text))
    if remote is not None:
        raise InputError(
            f"the JSON-LD names its @context by address ({remote!r}); graphkit does not fetch it while "
            "reading a local file: put the context into the file",
            source=str(path),
        )
    return text


def _remote_context(node: Any) -> str | None:
    if isinstance(node, list):
        return next((found for item in node if (found := _remote_context(item)) is not None), None)
    if not isinstance(node, dict):
        return None
    for key, value in node.items():
        if key == "@context":
            contexts = value if isinstance(value, list) else [value]
            named = next((c for c in contexts if isinstance(c, str)), None)
            if named is not None:
                return named
            if any(isinstance(c, dict) and "@import" in c for c in contexts):
                return str(next(c["@import"] for c in contexts if isinstance(c, dict) and "@import" in c))
        found = _remote_context(value)
        if found is not None:
            return found
    return None


def validate(graph: Graph | Dataset) -> Validation:
    """Check the union of ``graph``'s triples against graphkit's shapes."""
    import pyshacl

    conforms, results, text = pyshacl.validate(union_graph(graph), shacl_graph=_shapes(), inference="none")
    violations = len(list(results.subjects(predicate=None, object=SH.ValidationResult)))
    return Validation(conforms=bool(conforms), violations=violations, report=str(text))
