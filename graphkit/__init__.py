"""graphkit: news articles to a knowledge graph of diplomatic contacts.

``import graphkit`` is cheap: the public names below are loaded on first use.
"""

from __future__ import annotations

import sys
from typing import Any

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


def _model_html(obj: Any) -> str | None:
    if not hasattr(type(obj), "model_fields"):
        return None  # an enum of graphkit.models: IPython shows its plain repr
    from graphkit.display import to_html  # also gives every model its own _repr_html_

    return to_html(obj)


def _notebook_tables() -> None:
    """In IPython, show models as HTML tables; graphkit.display is imported on the first display."""
    ipython = sys.modules.get("IPython")  # never imported here: only a running IPython has it loaded
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return
    html = shell.display_formatter.formatters["text/html"]
    for name, module in _EXPORTS.items():
        if module == "graphkit.models" and name[0].isupper():
            html.for_type_by_name(module, name, _model_html)


_notebook_tables()
