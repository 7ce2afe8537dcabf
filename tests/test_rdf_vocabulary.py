"""schemas/graphkit.ttl and the GK DefinedNamespace name the same terms; the namespace is closed."""

from __future__ import annotations

import pytest
from rdflib import RDFS, Graph

from graphkit.rdf.namespace import GK
from graphkit.rdf.shacl import SHAPES_PATH

VOCABULARY = SHAPES_PATH.parent / "graphkit.ttl"


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    return Graph().parse(VOCABULARY, format="turtle")


def test_ttl_and_namespace_define_the_same_terms(vocabulary: Graph) -> None:
    defined = {str(s) for s in vocabulary.subjects() if str(s).startswith(str(GK._NS))}
    in_python = {str(GK[name]) for name in GK.__annotations__}
    assert defined == in_python


def test_every_term_has_a_label_and_a_comment(vocabulary: Graph) -> None:
    missing = [
        name
        for name in GK.__annotations__
        if not (vocabulary.value(GK[name], RDFS.label) and vocabulary.value(GK[name], RDFS.comment))
    ]
    assert missing == []


def test_a_misspelt_term_raises() -> None:
    with pytest.raises(AttributeError):
        GK.Meting  # noqa: B018  # the lookup itself is under test
