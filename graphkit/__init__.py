"""graphkit: news articles to a knowledge graph of diplomatic contacts.

``import graphkit`` is cheap: the public names below are loaded on first use.
"""

from __future__ import annotations

from graphkit._lazy import lazy_exports

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "Actor": "graphkit.models",
    "ActorType": "graphkit.models",
    "Article": "graphkit.models",
    "Contact": "graphkit.models",
    "ContactKind": "graphkit.models",
    "ContactLevel": "graphkit.models",
    "ContactStatus": "graphkit.models",
    "DateSpan": "graphkit.models",
    "Evidence": "graphkit.models",
    "Extraction": "graphkit.models",
    "Granularity": "graphkit.models",
    "Participant": "graphkit.models",
    "Role": "graphkit.models",
    "Statement": "graphkit.models",
    "GraphkitError": "graphkit.errors",
    "InputError": "graphkit.errors",
    "ModelLoadError": "graphkit.errors",
    "extract": "graphkit.extractor",
    "extract_all": "graphkit.pipeline",
    "read_articles": "graphkit.ingest",
    "to_record": "graphkit.records",
    "extractions_from_graph": "graphkit.rdf.restore",
    "to_graph": "graphkit.rdf.dataset",
    "contact_graph": "graphkit.network",
    "country_graph": "graphkit.network",
    "event_graph": "graphkit.network",
    "filter_graph": "graphkit.network",
    "show": "graphkit.view",
    "write_html": "graphkit.view",
}

__all__ = sorted([*_EXPORTS, "__version__"])


__getattr__, __dir__ = lazy_exports("graphkit", _EXPORTS, globals())
