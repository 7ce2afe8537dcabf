"""graphkit in notebooks: HTML tables, pandas DataFrames and a timeline plot.

Models and query results display themselves as tables in JupyterLab, Notebook and VS Code: their
``_repr_html_`` calls :func:`to_html`. A list of them (what the query functions return) is shown with
:func:`table`. Article text is untrusted, so every value is escaped; a name like ``<script>`` shows as text,
and only ``http(s)`` URLs become links.

Example:
    >>> import graphkit.display as gd
    >>> from graphkit.models import Actor, ActorType
    >>> print(gd.to_html(Actor(id="a1", name="<b>Putin</b>", type=ActorType.PERSON)))  # doctest: +ELLIPSIS
    <table ...><td ...>&lt;b&gt;Putin&lt;/b&gt;</td>...
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import sys
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import singledispatch
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from graphkit import models
from graphkit.models import Actor, Article, Contact, DateSpan, Evidence, Extraction, Participant, Statement
from graphkit.records import to_row

if TYPE_CHECKING:
    import matplotlib.axes
    import networkx as nx
    import pandas

__all__ = [
    "MAX_ROWS",
    "Table",
    "actors_frame",
    "contacts_frame",
    "plot_timeline",
    "statements_frame",
    "table",
    "timeline_frame",
    "to_html",
]

#: Rows shown in one table; the rest are counted below it.
MAX_ROWS = 200
#: Characters of article text shown with an article.
_TEXT_SHOWN = 300
# JupyterLab right-aligns table cells; sentences and names read better left-aligned and top-aligned.
_CELL = 'style="text-align:left;vertical-align:top"'
_TABLE = 'class="graphkit" style="border-collapse:collapse"'

Names = Mapping[str, str]
_SEQUENCES = (Sequence, set, frozenset)
_ACTOR_COLUMNS = ["name", "type", "country", "offices", "aliases", "wikidata"]

# -- HTML ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """HTML that a notebook displays as is (made by :func:`table`).

    Attributes:
        html: the escaped HTML.
        summary: what the table shows, for plain-text displays.
    """

    html: str
    summary: str = "table"

    def __repr__(self) -> str:
        return f"<graphkit table: {self.summary}>"

    def _repr_html_(self) -> str:
        return self.html


def table(obj: Any, *, caption: str | None = None, limit: int = MAX_ROWS) -> Table:
    """A displayable table of ``obj``: a model, a query result, or a sequence of them (one row each).

    Args:
        obj: an :class:`~graphkit.models.Extraction`, an actor, contact, statement or other model, a
            query result (``graphkit.rdf.contacts(...)``), a network timeline entry, a SPARQL row (dict),
            or a list of these.
        caption: a caption above the table.
        limit: at most this many rows; the number left out is shown below.

    Example:
        >>> import graphkit.rdf as rdf
        >>> table(rdf.contacts(rdf.to_graph([])), caption="Contacts")
        <graphkit table: Contacts, 0 rows>
    """
    if isinstance(obj, _SEQUENCES) and not isinstance(obj, str):
        summary = f"{len(obj)} row{'' if len(obj) == 1 else 's'}"
    else:
        summary = type(obj).__name__
    summary = f"{caption}, {summary}" if caption else summary
    return Table(to_html(obj, caption=caption, limit=limit), summary)


def to_html(obj: Any, *, caption: str | None = None, limit: int = MAX_ROWS) -> str:
    """``obj`` as an escaped HTML table (see :func:`table`): a sequence one row per item, anything else one
    row per field, and an extraction its article followed by tables of actors, contacts and statements."""
    if isinstance(obj, Extraction):
        return _extraction_html(obj, limit)
    if isinstance(obj, _SEQUENCES) and not isinstance(obj, str):
        return _rows_html([_row(item) for item in obj], caption, limit)
    fields = _row(obj)
    return _html_table(("field", "value"), [(k, v) for k, v in fields.items()], caption, 0)


def _repr_html_(self: BaseModel) -> str:
    """An escaped HTML table for notebooks."""
    return to_html(self)


def _attach_html() -> None:
    """Give every model of :mod:`graphkit.models` a ``_repr_html_``, so notebooks show them as tables.

    Done here rather than in the models, which are the contract between stages and know nothing of display;
    ``import graphkit`` arranges that IPython loads this module on the first display of a model.
    """
    for name in models.__all__:
        cls = getattr(models, name)
        if isinstance(cls, type) and issubclass(cls, BaseModel):
            cls._repr_html_ = _repr_html_  # type: ignore[attr-defined]  # added to classes we own


_attach_html()


def _extraction_html(extraction: Extraction, limit: int) -> str:
    names = {a.id: a.label for a in extraction.actors}
    parts = [
        _article_html(extraction.article),
        _rows_html([_row(a) for a in extraction.actors], f"Actors ({len(extraction.actors)})", limit),
        _rows_html(
            [_row(c, names) for c in extraction.contacts], f"Contacts ({len(extraction.contacts)})", limit
        ),
        _rows_html(
            [_row(s, names) for s in extraction.statements],
            f"Statements ({len(extraction.statements)})",
            limit,
        ),
    ]
    return '<div class="graphkit">' + "".join(parts) + "</div>"


def _article_html(article: Article) -> str:
    title = _e(article.title or article.id)
    details = [_e(article.id), _e(_text(article.published)), _e(article.outlet or ""), _link(article.url)]
    return f"<p><strong>{title}</strong> " + " · ".join(d for d in details if d) + "</p>"


def _link(url: str | None) -> str:
    """A link for http(s) URLs only: a ``javascript:`` URL from an article must not become clickable."""
    if not url:
        return ""
    if not url.lower().startswith(("http://", "https://")):
        return _e(url)
    return f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">{_e(url)}</a>'


def _rows_html(rows: list[dict[str, str]], caption: str | None, limit: int) -> str:
    columns = list(dict.fromkeys(key for r in rows for key in r))
    cells = [[r.get(c, "") for c in columns] for r in rows[:limit]]
    return _html_table(columns, cells, caption, len(rows) - len(cells))


def _html_table(columns: Sequence[str], rows: Iterable[Sequence[str]], caption: str | None, more: int) -> str:
    head = "".join(f"<th {_CELL}>{_e(c)}</th>" for c in columns)
    head = f"<thead><tr>{head}</tr></thead>" if head else ""
    body = "".join("<tr>" + "".join(f"<td {_CELL}>{_e(v)}</td>" for v in r) + "</tr>" for r in rows)
    if not body:
        body = f"<tr><td {_CELL} colspan={max(1, len(columns))}>(none)</td></tr>"
    cap = f"<caption {_CELL}>{_e(caption)}</caption>" if caption else ""
    foot = f"<p>… and {more} more</p>" if more > 0 else ""
    return f"<table {_TABLE}>{cap}{head}<tbody>{body}</tbody></table>{foot}"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


# -- rows: the readable fields of each kind of object -----------------------------------------------


@singledispatch
def _row(obj: Any, names: Names | None = None) -> dict[str, str]:
    """The readable fields of ``obj`` as column -> text (not yet escaped), in display order.

    Args:
        obj: a model, query result, dataclass or mapping.
        names: actor names by actor id, so contacts and statements of an extraction name their actors.
    """
    query_row = _query_row(obj)
    if query_row is not None:
        return query_row
    if isinstance(obj, BaseModel):
        return {name: _text(getattr(obj, name)) for name in type(obj).model_fields}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _text(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Mapping):
        return {str(k): _text(v) for k, v in obj.items()}
    return {"value": _text(obj)}


@_row.register
def _(actor: Actor, names: Names | None = None) -> dict[str, str]:
    return {
        "name": actor.label,
        "type": actor.type.value,
        "country": actor.country or "",
        "offices": "; ".join(actor.offices),
        "aliases": "; ".join(actor.aliases),
        "wikidata": actor.wikidata or "",
        "id": actor.id,
    }


@_row.register
def _(contact: Contact, names: Names | None = None) -> dict[str, str]:
    row = to_row(contact)
    return {
        "kind": row["kind"],
        "status": row["status"],
        "date": _text(contact.date),
        "participants": "; ".join(_participant(p, names or {}) for p in contact.participants),
        "location": row["location"] or "",
        "level": row["level"] or "",
        "evidence": row["evidence"],
    }


@_row.register
def _(statement: Statement, names: Names | None = None) -> dict[str, str]:
    return {
        "speaker": (names or {}).get(statement.speaker, statement.speaker),
        "direct": _text(statement.direct),
        "date": _text(statement.date),
        "text": statement.text,
    }


@_row.register
def _(article: Article, names: Names | None = None) -> dict[str, str]:
    fields = {name: _text(getattr(article, name)) for name in type(article).model_fields}
    if len(article.text) > _TEXT_SHOWN:
        fields["text"] = f"{article.text[:_TEXT_SHOWN]}… ({len(article.text)} characters)"
    return fields


def _participant(participant: Participant, names: Names) -> str:
    name = names.get(participant.actor, participant.actor)
    role = participant.role.value
    if participant.on_behalf_of:
        role += " for " + names.get(participant.on_behalf_of, participant.on_behalf_of)
    return f"{name} ({role})"


def _query_row(obj: Any) -> dict[str, str] | None:
    """Rows of the query results of :mod:`graphkit.rdf.query`, or None for anything else."""
    # A query result exists only once its module is imported; checking sys.modules keeps this module from
    # importing rdflib to display an actor.
    query = sys.modules.get("graphkit.rdf.query")
    if query is None:
        return None
    if isinstance(obj, query.ContactResult):
        return {
            "kind": obj.kind.value,
            "status": obj.status.value,
            "start": _text(obj.start),
            "end": _text(obj.end),
            "participants": _text(obj.participants),
            "location": obj.location or "",
            "level": obj.level.value if obj.level is not None else "",
            "sources": str(len(obj.sources)),
            "evidence": obj.sources[0].text if obj.sources else "",
        }
    if isinstance(obj, query.StatementResult):
        return {
            "speaker": obj.speaker.name,
            "direct": _text(obj.direct),
            "text": obj.text,
            "article": obj.source.article,
            "published": _text(obj.source.published),
        }
    if isinstance(obj, query.Encounter):
        return {"actors": _text(obj.actors), "contacts": str(len(obj.contacts))}
    return None


def _text(value: Any) -> str:
    """A value as readable text: enums by value, dates in ISO, named things by name, sequences joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, DateSpan):
        return _span(value)
    if isinstance(value, Evidence):
        return value.text
    if isinstance(value, str | int | float):
        return str(value)
    name = getattr(value, "name", None)
    if isinstance(name, str):
        return name
    if isinstance(value, Mapping):
        return "; ".join(f"{_text(k)}: {_text(v)}" for k, v in value.items())
    if isinstance(value, Iterable):
        return "; ".join(_text(v) for v in value)
    return str(value)


def _span(span: DateSpan) -> str:
    days = span.start.isoformat() if span.start == span.end else f"{span.start} – {span.end}"
    return f"{days} ({span.expression})" if span.expression else days


# -- DataFrames ------------------------------------------------------------------------------------


def actors_frame(extractions: Iterable[Extraction]) -> pandas.DataFrame:
    """One row per actor and article: article, actor (its id there), name, type, country, offices, aliases,
    wikidata, and contacts and statements (how many the actor takes part in or says in that article).

    Args:
        extractions: what :func:`graphkit.extract` or :func:`graphkit.extract_all` return.
    """
    rows = []
    for extraction in extractions:
        contacts = Counter(a for c in extraction.contacts for a in c.actor_ids)
        statements = Counter(s.speaker for s in extraction.statements)
        for actor in extraction.actors:
            fields = _row(actor)
            rows.append(
                {
                    "article": extraction.article.id,
                    "actor": fields.pop("id"),
                    **fields,
                    "contacts": contacts[actor.id],
                    "statements": statements[actor.id],
                }
            )
    return _frame(rows, ["article", "actor", *_ACTOR_COLUMNS, "contacts", "statements"], dates=())


def contacts_frame(extractions: Iterable[Extraction]) -> pandas.DataFrame:
    """One row per contact as the articles report it: event, article, published, kind, status, start, end,
    granularity, expression, participants (names with roles), actors, countries, location, level, evidence.

    ``event`` is the IRI of the merged event the contact belongs to: contacts that several articles report
    share it, as in the knowledge graph and the dyadic table (:mod:`graphkit.dyadic`). ``actors`` lists the
    participants' actor IRIs, in the order of ``participants``.

    Dates are pandas timestamps (``NaT`` when unknown), so ``frame[frame.start >= "2020"]`` works.

    Args:
        extractions: what :func:`graphkit.extract` or :func:`graphkit.extract_all` return.
    """
    from graphkit.dyadic import contact_events
    from graphkit.rdf.iris import actor_iri

    extractions = list(extractions)
    events = contact_events(extractions)
    rows = []
    for extraction in extractions:
        article_id = extraction.article.id
        actors = {a.id: a for a in extraction.actors}
        names = {a.id: a.label for a in extraction.actors}
        for n, contact in enumerate(extraction.contacts):
            countries = dict.fromkeys(c for a in contact.actor_ids if (c := actors[a].country))
            rows.append(
                {
                    "event": events.get((article_id, n)),
                    "article": article_id,
                    "published": extraction.article.published,
                    **to_row(contact),
                    "participants": "; ".join(_participant(p, names) for p in contact.participants),
                    "actors": [str(actor_iri(actors[a], article_id)) for a in contact.actor_ids],
                    "countries": "; ".join(countries),
                }
            )
    columns = ["event", "article", "published", "kind", "status", "start", "end", "granularity", "expression"]
    columns += ["participants", "actors", "countries", "location", "level", "evidence"]
    return _frame(rows, columns, dates=("published", "start", "end"))


def statements_frame(extractions: Iterable[Extraction]) -> pandas.DataFrame:
    """One row per statement: article, published, speaker (name), country, direct, date, text.

    Args:
        extractions: what :func:`graphkit.extract` or :func:`graphkit.extract_all` return.
    """
    rows = []
    for extraction in extractions:
        actors = {a.id: a for a in extraction.actors}
        for statement in extraction.statements:
            speaker = actors[statement.speaker]
            rows.append(
                {
                    "article": extraction.article.id,
                    "published": extraction.article.published,
                    "speaker": speaker.label,
                    "country": speaker.country,
                    "direct": statement.direct,
                    "date": statement.date.start if statement.date else None,
                    "text": statement.text,
                }
            )
    columns = ["article", "published", "speaker", "country", "direct", "date", "text"]
    return _frame(rows, columns, dates=("published", "date"))


def timeline_frame(graph: nx.MultiGraph, actor: Hashable | None = None) -> pandas.DataFrame:
    """:func:`graphkit.network.timeline` as a DataFrame, with actors by name: event, start, end, kind,
    status, actors, evidence, sources.

    Args:
        graph: a :func:`graphkit.contact_graph` or :func:`graphkit.country_graph` (or a view of one).
        actor: only the contacts of this node.
    """
    from graphkit.network import timeline

    rows = [
        {
            "event": entry.event,
            "start": entry.start,
            "end": entry.end,
            "kind": entry.kind,
            "status": entry.status,
            "actors": "; ".join(str(graph.nodes[n].get("name", n)) for n in entry.actors),
            "evidence": entry.evidence,
            "sources": "; ".join(entry.sources),
        }
        for entry in timeline(graph, actor)
    ]
    columns = ["event", "start", "end", "kind", "status", "actors", "evidence", "sources"]
    return _frame(rows, columns, dates=("start", "end"))


def _frame(rows: list[dict[str, Any]], columns: list[str], *, dates: Sequence[str]) -> pandas.DataFrame:
    """A frame with these columns even when there are no rows, dates as timestamps."""
    import pandas

    frame = pandas.DataFrame(rows, columns=columns)
    for column in dates:
        frame[column] = pandas.to_datetime(frame[column])
    return frame


# -- plots -----------------------------------------------------------------------------------------


def plot_timeline(
    graph: nx.MultiGraph,
    *,
    top: int = 12,
    actors: Sequence[Hashable] | None = None,
    ax: matplotlib.axes.Axes | None = None,
) -> matplotlib.axes.Axes:
    """Who was in contact when: a row per actor and a mark per dated contact, coloured by kind.

    Occurred contacts are filled marks; planned, proposed and negated ones are hollow.

    Args:
        graph: a :func:`graphkit.contact_graph` or :func:`graphkit.country_graph` (or a filtered view).
        top: without ``actors``, the actors with most dated contacts, most first.
        actors: the nodes to show, top to bottom.
        ax: the axes to draw on; default a new figure sized to the number of rows.

    Returns:
        The axes drawn on.
    """
    from graphkit.network import timeline

    entries = [e for e in timeline(graph) if e.start is not None]
    if actors is None:
        counts = Counter(a for e in entries for a in e.actors)
        actors = [a for a, _ in sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))[:top]]
    rows = {actor: n for n, actor in enumerate(actors)}
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(10, 1.2 + 0.38 * max(len(rows), 1)), layout="constrained")
    for kind, color in _kind_colors().items():
        marks = [
            (e.start, rows[a], e.status) for e in entries if e.kind == kind for a in e.actors if a in rows
        ]
        for filled in (True, False):
            chosen = [(day, y) for day, y, status in marks if (status == "occurred") == filled]
            if chosen:
                days, ys = zip(*chosen, strict=True)
                label = kind if filled or all(status != "occurred" for *_, status in marks) else None
                ax.scatter(
                    days, ys, s=36, facecolors=color if filled else "none", edgecolors=color, label=label
                )
    ax.set_yticks(range(len(rows)), [str(graph.nodes[a].get("name", a)) for a in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title("Contacts by date (hollow: planned, proposed or negated)")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, title="kind")
    return ax


def _kind_colors() -> dict[str, str]:
    from graphkit.view import KIND_COLORS  # the HTML view's colours, so plot and view agree

    return {kind.value: color for kind, color in KIND_COLORS.items()}
