"""Validating graphs against ``schemas/shapes.ttl`` (SHACL Core, no inference) with pyshacl."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict
from rdflib import Dataset, Graph
from rdflib.namespace import SH

from graphkit.errors import InputError
from graphkit.rdf.restore import union_graph

__all__ = ["SHAPES_PATH", "Validation", "load_graph", "validate"]

SHAPES_PATH = Path(__file__).resolve().parents[2] / "schemas" / "shapes.ttl"

_FORMATS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld"}


class Validation(BaseModel):
    """The outcome of a SHACL validation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    conforms: bool
    violations: int
    report: str


@cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


def load_graph(path: str | Path) -> Dataset:
    """Parse an RDF file by its suffix (.ttl .nt .trig .nq .jsonld) into a dataset.

    Raises:
        InputError: the suffix is unknown or the file does not parse.
    """
    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"unknown RDF suffix {path.suffix!r}; known: {', '.join(_FORMATS)}", source=str(path)
        )
    dataset = Dataset(default_union=True)
    try:
        dataset.parse(path, format=fmt)
    except Exception as err:  # rdflib parsers raise many unrelated types
        raise InputError(f"not valid {fmt}: {err}", source=str(path)) from err
    return dataset


def validate(graph: Graph | Dataset) -> Validation:
    """Check the union of ``graph``'s triples against graphkit's shapes."""
    import pyshacl

    conforms, results, text = pyshacl.validate(union_graph(graph), shacl_graph=_shapes(), inference="none")
    violations = len(list(results.subjects(predicate=None, object=SH.ValidationResult)))
    return Validation(conforms=bool(conforms), violations=violations, report=str(text))
