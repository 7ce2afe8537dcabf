"""IRIs graphkit mints: stable, derived from content, never blank nodes.

Articles, their named graphs and everything inside them (article actors, reports, quotations, spans) hang
under the article's IRI, so one article's graph can be replaced without touching another's. Actors shared
across articles get an IRI from their identity (:mod:`graphkit.identity`: the Wikidata QID where known, else
the type and normalized name); merged events get one from the reports they merge.
"""

from __future__ import annotations

import hashlib
import urllib.parse
from collections.abc import Iterable

from rdflib import URIRef

from graphkit.gazetteer import normalize_key
from graphkit.identity import actor_identity
from graphkit.models import Actor
from graphkit.rdf.namespace import DATA

__all__ = [
    "actor_iri",
    "article_actor_iri",
    "article_graph_iri",
    "article_iri",
    "digest",
    "event_iri",
    "events_graph_iri",
    "outlet_iri",
    "participant_key",
    "span_iri",
]


def digest(parts: Iterable[object]) -> str:
    """A short, stable hash of ``parts`` (16 hex digits of SHA-256 over their joined ``str``)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def _segment(text: str) -> str:
    # Everything but unreserved characters is percent-encoded, so any id is one safe path segment.
    return urllib.parse.quote(text, safe="")


def article_iri(article_id: str) -> URIRef:
    """The article: ``gkid:article/<id>``; its spans are ``<article>#char=start,end`` (RFC 5147)."""
    return DATA[f"article/{_segment(article_id)}"]


def article_graph_iri(article_id: str) -> URIRef:
    """The named graph holding everything one article says."""
    return DATA[f"graph/article/{_segment(article_id)}"]


def events_graph_iri(key: str) -> URIRef:
    """The named graph holding the merged events of one participant key."""
    return DATA[f"graph/events/{key}"]


def span_iri(article: URIRef, start: int, end: int) -> URIRef:
    """An RFC 5147 fragment IRI for characters ``[start, end)`` of the article."""
    return URIRef(f"{article}#char={start},{end}")


def article_actor_iri(article: URIRef, local_id: str) -> URIRef:
    """An actor as one article describes it."""
    return URIRef(f"{article}/actor/{_segment(local_id)}")


def actor_iri(actor: Actor, article_id: str) -> URIRef:
    """The actor shared across articles, by :func:`graphkit.identity.actor_identity`.

    ``actor/wd/<QID>`` for a Wikidata item; ``actor/article/<article>/<id>`` for an unnamed actor, which
    stays local to its article; else ``actor/person/<name>`` or ``actor/<type>/<country or int>/<name>``
    from the normalized name, so "Vladimir Putin" and "vladimir putin" are one node.
    """
    identity = actor_identity(actor, article_id)
    if identity.wikidata is not None:
        return DATA[f"actor/wd/{identity.wikidata}"]
    if identity.article is not None:
        return DATA[f"actor/article/{_segment(article_id)}/{_segment(actor.id)}"]
    *scope, name = identity.name_parts()
    return DATA["/".join(["actor", *map(_segment, scope), _segment(name.replace(" ", "-"))])]


def participant_key(actors: Iterable[str]) -> str:
    """The merge unit: a hash of the sorted participant IRIs."""
    return digest(sorted(set(actors)))


def event_iri(reports: Iterable[str]) -> URIRef:
    """A merged event: a hash of the sorted IRIs of the reports it merges."""
    return DATA[f"event/{digest(sorted(reports))}"]


def outlet_iri(outlet: str) -> URIRef:
    """The publisher of articles, by normalized name."""
    return DATA[f"outlet/{_segment(normalize_key(outlet) or outlet)}"]
