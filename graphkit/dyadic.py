"""The dyadic event table: one row per contact event and ordered pair of its sides, with CAMEO/PLOVER codes.

This is the shape event-data users work with (ICEWS, GDELT, POLECAT): a source actor does something to a
target actor on a day. Events are the ones the knowledge graph holds: contacts reported by several articles
are merged into one event by the rule of :mod:`graphkit.rdf.merge`, so the table counts what the store counts,
and its ``event`` column is the event's IRI there. A contact between two sides gives two rows, one per
direction, each with the CAMEO and PLOVER codes of its direction ("042 Make a visit" from the visitor, "043
Host a visit" from the host); the codes come from ``data/codes/cameo_plover.yaml``, which documents the
mapping and its sources.

Example:
    >>> import graphkit.dyadic as gdy
    >>> frame = gdy.dyadic_frame(extractions)  # doctest: +SKIP
    >>> frame[["source_name", "target_name", "cameo", "plover", "plover_mode"]]  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import Field, ValidationError, field_validator

from graphkit._model import FrozenModel
from graphkit.errors import GraphkitError, InputError
from graphkit.models import (
    Actor,
    ActorType,
    Contact,
    ContactKind,
    ContactStatus,
    Extraction,
    Granularity,
    Role,
)

if TYPE_CHECKING:
    import pandas

    from graphkit.rdf.merge import Event

__all__ = [
    "CODES_PATH",
    "COLUMNS",
    "CodeBook",
    "CodeRule",
    "Codes",
    "Dyad",
    "contact_events",
    "dyadic_frame",
    "dyads",
    "export_csv",
    "export_parquet",
    "load_codes",
]

#: The CAMEO/PLOVER mapping.
CODES_PATH = Path(__file__).resolve().parents[1] / "data" / "codes" / "cameo_plover.yaml"

Venue = Literal["source", "target", "third", "unknown"]


# -- the code mapping ------------------------------------------------------------------------------


class Codes(FrozenModel):
    """The event codes of one direction of a contact."""

    cameo: str = Field(pattern=r"^[0-9]{3,4}$", description="CAMEO event code, e.g. '042' (Make a visit)")
    plover: str = Field(description="PLOVER event type, e.g. CONSULT")
    plover_mode: str | None = Field(default=None, description="PLOVER mode, e.g. visit, host, phone")


class CodeRule(Codes):
    """A rule of the mapping: conditions (each a list of accepted values, or None for any) and codes."""

    status: tuple[ContactStatus, ...] | None = None
    kind: tuple[ContactKind, ...] | None = None
    source_role: tuple[Role, ...] | None = None
    target_role: tuple[Role, ...] | None = None
    venue: tuple[Venue, ...] | None = None

    @field_validator("status", "kind", "source_role", "target_role", "venue", mode="before")
    @classmethod
    def _listed(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    def matches(
        self, kind: ContactKind, status: ContactStatus, source_role: Role, target_role: Role, venue: Venue
    ) -> bool:
        """Whether every condition of the rule holds."""
        wanted = (self.status, self.kind, self.source_role, self.target_role, self.venue)
        given = (status, kind, source_role, target_role, venue)
        return all(
            accepted is None or value in accepted for accepted, value in zip(wanted, given, strict=True)
        )


class CodeBook(FrozenModel):
    """The rules of ``data/codes/cameo_plover.yaml``, tried in order."""

    rules: tuple[CodeRule, ...] = Field(min_length=1)

    def codes(
        self,
        kind: ContactKind,
        status: ContactStatus,
        source_role: Role = Role.PARTICIPANT,
        target_role: Role = Role.PARTICIPANT,
        venue: Venue = "unknown",
    ) -> Codes:
        """The codes of the first rule that matches.

        Raises:
            GraphkitError: no rule matches (the mapping should end with a rule without conditions).

        >>> load_codes().codes(ContactKind.VISIT, ContactStatus.OCCURRED, Role.HOST, Role.VISITOR).cameo
        '043'
        """
        for rule in self.rules:
            if rule.matches(kind, status, source_role, target_role, venue):
                return Codes(cameo=rule.cameo, plover=rule.plover, plover_mode=rule.plover_mode)
        raise GraphkitError(
            f"no CAMEO/PLOVER rule matches kind={kind.value}, status={status.value}, source_role="
            f"{source_role.value}, target_role={target_role.value}, venue={venue}; end the mapping with a "
            "rule without conditions"
        )


@cache
def load_codes(path: Path = CODES_PATH) -> CodeBook:
    """The CAMEO/PLOVER mapping (read once per path).

    Raises:
        InputError: the file cannot be read or is not a valid mapping; the message names the file.
    """
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return CodeBook.model_validate(raw)
    except (OSError, yaml.YAMLError, ValidationError) as err:
        raise InputError(f"not a CAMEO/PLOVER mapping: {err}", source=str(path)) from err


# -- rows ------------------------------------------------------------------------------------------


class Dyad(FrozenModel):
    """One event seen from one side: the source actor's contact with the target actor."""

    event: str = Field(description="The merged event's IRI, as in the knowledge graph")
    start: dt.date | None = Field(description="First day of the event's span; null when undated")
    end: dt.date | None = Field(description="Last day of the span")
    granularity: Granularity | None = Field(description="Precision of the span")
    kind: ContactKind
    status: ContactStatus
    level: str | None = Field(description="summit, ministerial, ... (graphkit.models.ContactLevel)")
    location: str | None = Field(description="Where, as the text says it")
    source: str = Field(description="The source actor's IRI")
    source_name: str
    source_type: ActorType
    source_wikidata: str | None
    source_country: str | None = Field(description="ISO 3166-1 alpha-3")
    source_role: Role
    target: str = Field(description="The target actor's IRI")
    target_name: str
    target_type: ActorType
    target_wikidata: str | None
    target_country: str | None = Field(description="ISO 3166-1 alpha-3")
    target_role: Role
    cameo: str = Field(description="CAMEO event code of this direction")
    plover: str = Field(description="PLOVER event type")
    plover_mode: str | None = Field(description="PLOVER mode")
    articles: int = Field(ge=1, description="How many articles report the event")
    article_ids: tuple[str, ...] = Field(description="Their ids, sorted")
    evidence: str = Field(description="The sentence of the event's first report (most precise date first)")


#: The table's columns, in order.
COLUMNS = tuple(Dyad.model_fields)


def dyads(extractions: Iterable[Extraction], codes: CodeBook | None = None) -> list[Dyad]:
    """The dyadic rows of ``extractions``: every merged event, every ordered pair of its actors.

    Events are sorted by start date (undated last), then IRI; an event's pairs follow the order of its actors
    in its first report (the text's order).

    Args:
        extractions: one per article (a later one with the same article id replaces an earlier one).
        codes: the mapping; default :func:`load_codes`.
    """
    from graphkit.rdf import merge

    latest = {e.article.id: e for e in extractions}
    index = _Index(latest.values())
    events = [e for group in merge.merge_reports(merge.summaries(latest.values())).values() for e in group]
    rows = [row for event in events for row in _rows(event, index, codes or load_codes())]
    return sorted(rows, key=lambda r: (r.start is None, r.start or dt.date.min, r.event))


def contact_events(extractions: Iterable[Extraction]) -> dict[tuple[str, int], str]:
    """The merged event of every contact: ``(article id, contact index) -> event IRI``.

    Contacts that several articles report share their event, as in the knowledge graph and :func:`dyads`.

    Args:
        extractions: one per article (a later one with the same article id replaces an earlier one).
    """
    from graphkit.rdf.merge import merged_events

    return {key: str(event.iri) for event, keys in merged_events(extractions) for key in keys}


def _rows(event: Event, index: _Index, codes: CodeBook) -> list[Dyad]:
    first = event.reports[0]  # the most precise report: the merge order puts it first
    contact = index.contacts[first.iri]
    roles = _roles(event)
    location = next((r.location for r in event.reports if r.location), None)
    articles = sorted({index.article_ids[r.article] for r in event.reports})
    common: dict[str, Any] = {
        "event": str(event.iri),
        "start": event.span[0] if event.span else None,
        "end": event.span[1] if event.span else None,
        "granularity": first.date.granularity if first.date and event.span else None,
        "kind": event.kind,
        "status": event.status(),
        "level": next((r.level for r in event.reports if r.level), None),
        "location": location,
        "articles": len(articles),
        "article_ids": tuple(articles),
        "evidence": contact.evidence.text,
    }
    rows = []
    for source, target in itertools.permutations(roles, 2):
        a, b = index.actors[source], index.actors[target]
        venue = _venue(location, a.country, b.country)
        found = codes.codes(common["kind"], common["status"], roles[source], roles[target], venue)
        rows.append(
            Dyad(
                **common,
                **_side("source", source, a, roles[source]),
                **_side("target", target, b, roles[target]),
                **found.model_dump(),
            )
        )
    return rows


def _side(prefix: str, iri: str, actor: Actor, role: Role) -> dict[str, Any]:
    return {
        prefix: iri,
        f"{prefix}_name": actor.label,
        f"{prefix}_type": actor.type,
        f"{prefix}_wikidata": actor.wikidata,
        f"{prefix}_country": actor.country,
        f"{prefix}_role": role,
    }


def _roles(event: Event) -> dict[str, Role]:
    """Each actor's role: the first a report gives other than "participant" (as the merged graph has it)."""
    actors = dict.fromkeys(p.actor for p in event.reports[0].participants)
    said = [p for r in event.reports for p in r.participants]
    return {
        actor: next(
            (p.role for p in said if p.actor == actor and p.role is not Role.PARTICIPANT), Role.PARTICIPANT
        )
        for actor in actors
    }


def _venue(location: str | None, source: str | None, target: str | None) -> Venue:
    """Where the event was, seen from the source (see the mapping's ``venue``)."""
    if location is None or source is None or target is None:
        return "unknown"
    from graphkit.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    country = gazetteer.country(location)
    seat = gazetteer.metonym(location) if country is None else None
    code = country.code if country else seat.country if seat else None
    if code is None:
        return "unknown"
    if code == source:
        return "source"
    return "target" if code == target else "third"


class _Index:
    """What rows need from the extractions, by the IRIs the merge speaks of."""

    def __init__(self, extractions: Iterable[Extraction]) -> None:
        from graphkit.rdf import iris
        from graphkit.rdf.convert import report_iris

        self.actors: dict[str, Actor] = {}
        self.contacts: dict[str, Contact] = {}
        self.article_ids: dict[str, str] = {}
        for extraction in extractions:
            article_id = extraction.article.id
            self.article_ids[str(iris.article_iri(article_id))] = article_id
            for actor in extraction.actors:
                self.actors.setdefault(str(iris.actor_iri(actor, article_id)), actor)
            for node, contact in zip(report_iris(extraction), extraction.contacts, strict=True):
                self.contacts[str(node)] = contact


# -- tables ----------------------------------------------------------------------------------------


def dyadic_frame(extractions: Iterable[Extraction], codes: CodeBook | None = None) -> pandas.DataFrame:
    """:func:`dyads` as a DataFrame: the :data:`COLUMNS` of :class:`Dyad`, enums as their values, dates as
    timestamps (``NaT`` when undated) and ``article_ids`` as lists.

    Args:
        extractions: one per article.
        codes: the mapping; default :func:`load_codes`.
    """
    import pandas

    rows = dyads(extractions, codes)
    records = [{**r.model_dump(mode="json"), "article_ids": list(r.article_ids)} for r in rows]
    frame = pandas.DataFrame(records, columns=list(COLUMNS))
    for column in ("start", "end"):
        frame[column] = pandas.to_datetime(frame[column])
    return frame


def export_csv(extractions: Sequence[Extraction], path: Path) -> None:
    """The ``.csv`` exporter: the dyadic table, UTF-8, dates as ``YYYY-MM-DD``, ``article_ids`` as JSON."""
    from graphkit._io import atomic_writer

    frame = dyadic_frame(extractions)
    frame["article_ids"] = [json.dumps(ids, ensure_ascii=False) for ids in frame["article_ids"]]
    with atomic_writer(Path(path)) as handle:
        frame.to_csv(handle, index=False, date_format="%Y-%m-%d", lineterminator="\n")


def export_parquet(extractions: Sequence[Extraction], path: Path) -> None:
    """The ``.parquet`` exporter: the dyadic table with typed columns (``article_ids`` a list of strings).

    Raises:
        GraphkitError: no Parquet engine (pyarrow) is installed.
    """
    frame = dyadic_frame(extractions)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        frame.to_parquet(tmp, index=False)
    except ImportError as err:
        raise GraphkitError(
            f"writing {path} needs pyarrow, which is not installed; install graphkit's dependencies"
        ) from err
    tmp.replace(path)  # all at once, as every graphkit output
