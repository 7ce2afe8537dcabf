"""graphkit's knowledge graph in RDF: conversion, merging across articles, stores, queries, validation.

``import graphkit.rdf`` is cheap; rdflib and the stores load on first use of a name below.

    >>> import graphkit.rdf as rdf
    >>> ds = rdf.to_graph([])            # extractions -> rdflib.Dataset (one named graph per article)
    >>> rdf.extractions_from_graph(ds)   # and back, losslessly
    []
"""

from __future__ import annotations

from graphkit._lazy import lazy_exports

# public name -> module that defines it
_EXPORTS = {
    "GK": "graphkit.rdf.namespace",
    "RunInfo": "graphkit.rdf.provenance",
    "run_scope": "graphkit.rdf.provenance",
    "article_graph": "graphkit.rdf.convert",
    "extractions_from_graph": "graphkit.rdf.restore",
    "to_graph": "graphkit.rdf.dataset",
    "serialize": "graphkit.rdf.dataset",
    "merge_counts": "graphkit.rdf.dataset",
    "MergeCounts": "graphkit.rdf.dataset",
    "Store": "graphkit.rdf.stores",
    "StoreError": "graphkit.rdf.stores",
    "MemoryStore": "graphkit.rdf.stores",
    "OxigraphStore": "graphkit.rdf.stores",
    "SparqlStore": "graphkit.rdf.stores",
    "open_store": "graphkit.rdf.stores",
    "add_extractions": "graphkit.rdf.load",
    "contacts": "graphkit.rdf.query",
    "timeline": "graphkit.rdf.query",
    "top_counterparts": "graphkit.rdf.query",
    "who_met_whom": "graphkit.rdf.query",
    "statements_by": "graphkit.rdf.query",
    "sparql": "graphkit.rdf.query",
    "to_frame": "graphkit.rdf.query",
    "series": "graphkit.rdf.query",
    "count_undated": "graphkit.rdf.query",
    "Undated": "graphkit.rdf.choices",
    "Period": "graphkit.rdf.choices",
    "resolve_actor": "graphkit.rdf.actors",
    "ActorMatch": "graphkit.rdf.actors",
    "UnknownActorError": "graphkit.rdf.actors",
    "run_query": "graphkit.rdf.user_query",
    "SparqlSyntaxError": "graphkit.rdf.user_query",
    "validate": "graphkit.rdf.shacl",
    "load_graph": "graphkit.rdf.shacl",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports("graphkit.rdf", _EXPORTS, globals())
