"""Extractions as JSON Lines records: the format the scorer reads (``../shared/corpus/FORMAT.md``).

One record per article::

    {"id": "d001", "published": "2025-07-02", "url": ..., "title": ...,
     "actors": [{"id", "name", "type", "country", "aliases", "wikidata", "offices"}],
     "contacts": [{"participants": ["a1", "a2"], "roles": [{"actor", "role", "on_behalf_of"}],
                   "kind", "status", "date": {"start", "end", "granularity", "expression"} | null,
                   "location", "level", "evidence": {"text", "start", "end"}, "mentions": [evidence...]}],
     "statements": [{"speaker", "text", "direct", "date", "evidence"}]}

A record keeps every fact with its evidence offsets but not the article text, the actors' mentions, a date's
anchor or the article's outlet, language, licence and source; :func:`from_record` is the inverse up to those.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from graphkit._io import atomic_writer
from graphkit.errors import InputError
from graphkit.models import Actor, Contact, DateSpan, Evidence, Extraction, Statement

__all__ = [
    "export_jsonl",
    "from_record",
    "iso_day",
    "read_jsonl",
    "record_line",
    "to_record",
    "to_row",
    "write_jsonl",
]

Record = dict[str, Any]


def to_record(extraction: Extraction) -> Record:
    """The JSON Lines record of one extraction, as plain JSON types.

    Args:
        extraction: what was extracted from one article.

    Returns:
        A dict with ``id``, ``published``, ``url``, ``title``, ``actors``, ``contacts`` and ``statements``,
        in that order.
    """
    article = extraction.article
    return {
        "id": article.id,
        "published": iso_day(article.published),
        "url": article.url,
        "title": article.title,
        "actors": [_actor_record(a) for a in extraction.actors],
        "contacts": [_contact_record(c) for c in extraction.contacts],
        "statements": [_statement_record(s) for s in extraction.statements],
    }


def to_row(contact: Contact) -> Record:
    """A contact as one flat row of plain values, the same for tables, networks and the view.

    Keys: ``kind``, ``status`` (enum values), ``start``, ``end`` (``datetime.date`` or None),
    ``granularity``, ``expression``, ``location``, ``level``, ``evidence`` (the sentence) and its offsets
    ``evidence_start``, ``evidence_end``. Participants are left to the caller, who knows how to name them.
    """
    date = contact.date
    return {
        "kind": contact.kind.value,
        "status": contact.status.value,
        "start": date.start if date else None,
        "end": date.end if date else None,
        "granularity": date.granularity.value if date else None,
        "expression": date.expression if date else None,
        "location": contact.location,
        "level": contact.level.value if contact.level is not None else None,
        "evidence": contact.evidence.text,
        "evidence_start": contact.evidence.start,
        "evidence_end": contact.evidence.end,
    }


def from_record(record: Mapping[str, Any], article_text: str | None = None) -> Extraction:
    """Rebuild an extraction from its record.

    Args:
        record: a record as written by :func:`to_record` (parsed JSON).
        article_text: the article's body text. Without it, a stand-in text is built from the evidence
            spans (blanks between them), so the offsets still check out but the text is not the article.

    Raises:
        InputError: the record is not of this format or its facts are inconsistent; the message says which
            field is wrong.
    """
    if not isinstance(record, Mapping):
        raise InputError(f"a record must be a JSON object, not {type(record).__name__}")
    try:
        text = article_text if article_text is not None else _stand_in_text(record)
        extraction = Extraction.model_validate(
            {
                "article": {
                    "id": record["id"],
                    "published": record.get("published"),
                    "url": record.get("url"),
                    "title": record.get("title"),
                    "text": text,
                },
                "actors": [_actor_fields(a) for a in record.get("actors", [])],
                "contacts": [_contact_fields(c) for c in record.get("contacts", [])],
                "statements": record.get("statements", []),
            }
        )
    except (KeyError, TypeError, ValidationError) as err:
        raise InputError(f"record {record.get('id')!r} is not a graphkit record: {_reason(err)}") from err
    from graphkit.gazetteer import load_gazetteer  # the ISO 3166-1 list lives in the gazetteer data

    gazetteer = load_gazetteer()
    for actor in extraction.actors:
        if actor.country is not None and not gazetteer.is_country_code(actor.country):
            raise InputError(
                f"record {record.get('id')!r}: actor {actor.id!r} has country {actor.country!r}, which is "
                "not an ISO 3166-1 alpha-3 country code (e.g. FRA, RUS, USA)"
            )
    return extraction


def write_jsonl(records: Iterable[Mapping[str, Any]], path: Path | str) -> None:
    """Write one JSON object per line, replacing ``path`` atomically.

    The output is deterministic: records and keys keep their order, non-ASCII text is written as is.

    Args:
        records: the records, in the order they should appear.
        path: the file to write; its directory is created if missing.
    """
    with atomic_writer(Path(path)) as handle:
        for record in records:
            handle.write(record_line(record))


def read_jsonl(path: Path | str) -> list[Extraction]:
    """Read the extractions of a JSON Lines file as :func:`write_jsonl` writes it (blank lines skipped).

    Raises:
        InputError: the file cannot be read, or a line is not a graphkit record; the message names the file
            and the line.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise InputError(f"cannot read: {reason}", source=str(path)) from err
    return [_extraction_line(path, n, line) for n, line in enumerate(lines, start=1) if line.strip()]


def _extraction_line(path: Path, number: int, line: str) -> Extraction:
    try:
        return from_record(json.loads(line))
    except (ValueError, InputError) as err:
        raise InputError(str(err), source=str(path), line=number) from err


def record_line(record: Mapping[str, Any]) -> str:
    """One line of a JSON Lines file, newline included, as :func:`write_jsonl` writes it."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def export_jsonl(extractions: Sequence[Extraction], path: Path) -> None:
    """The ``.jsonl`` exporter: one :func:`to_record` line per extraction."""
    write_jsonl((to_record(e) for e in extractions), path)


def iso_day(day: dt.date | None) -> str | None:
    """A day as JSON records and the view's page data write it: ISO 8601, or None for no day.

    >>> iso_day(dt.date(2026, 2, 10)), iso_day(None)
    ('2026-02-10', None)
    """
    return day.isoformat() if day is not None else None


def _evidence_record(ev: Evidence) -> Record:
    return {"text": ev.text, "start": ev.start, "end": ev.end}


def _date_record(span: DateSpan | None) -> Record | None:
    if span is None:
        return None
    return {
        "start": span.start.isoformat(),
        "end": span.end.isoformat(),
        "granularity": span.granularity.value,
        "expression": span.expression,
    }


def _actor_record(actor: Actor) -> Record:
    return {
        "id": actor.id,
        "name": actor.label,  # the corpus convention: "Macron's adviser (unnamed)"
        "type": actor.type.value,
        "country": actor.country,
        "aliases": list(actor.aliases),
        "wikidata": actor.wikidata,
        "offices": list(actor.offices),
    }


def _contact_record(contact: Contact) -> Record:
    row = to_row(contact)
    return {
        "participants": list(contact.actor_ids),
        "roles": [
            {"actor": p.actor, "role": p.role.value, "on_behalf_of": p.on_behalf_of}
            for p in contact.participants
        ],
        "kind": row["kind"],
        "status": row["status"],
        "date": _date_record(contact.date),
        "location": row["location"],
        "level": row["level"],
        "evidence": _evidence_record(contact.evidence),
        "mentions": [_evidence_record(m) for m in contact.mentions],
    }


def _statement_record(statement: Statement) -> Record:
    return {
        "speaker": statement.speaker,
        "text": statement.text,
        "direct": statement.direct,
        "date": _date_record(statement.date),
        "evidence": _evidence_record(statement.evidence),
    }


def _actor_fields(actor: Mapping[str, Any]) -> Record:
    """An actor record as :class:`Actor` fields: a name marked "(unnamed)" is an unnamed actor's label."""
    if not isinstance(actor.get("name"), str):
        return dict(actor)
    name, unnamed = Actor.split_label(actor["name"])
    return {**actor, "name": name, "unnamed": bool(actor.get("unnamed")) or unnamed}


def _contact_fields(contact: Mapping[str, Any]) -> Record:
    """A contact record as :class:`Contact` fields: ``roles`` carry the participants when present."""
    fields = {k: v for k, v in contact.items() if k not in ("participants", "roles")}
    ids = list(contact["participants"])
    roles = contact.get("roles")
    if roles is None:
        # Records from other tools may give the participants only; their roles are then unknown.
        fields["participants"] = [{"actor": i} for i in ids]
        return fields
    if [r.get("actor") for r in roles] != ids:
        raise TypeError(f"contact roles name {[r.get('actor') for r in roles]} but participants are {ids}")
    fields["participants"] = roles
    return fields


def _stand_in_text(record: Mapping[str, Any]) -> str:
    """Blanks with every evidence text at its offsets: enough for the offset checks, nothing more."""
    spans = [c["evidence"] for c in record.get("contacts", [])]
    spans += [m for c in record.get("contacts", []) for m in c.get("mentions", [])]
    spans += [s["evidence"] for s in record.get("statements", [])]
    chars = [" "] * max((int(s["end"]) for s in spans), default=0)
    for span in spans:
        start, end, text = int(span["start"]), int(span["end"]), str(span["text"])
        # A span whose length is wrong is left out for Evidence validation to report; of overlapping spans
        # that disagree, the later one stays in place and validation reports the earlier.
        if start >= 0 and end - start == len(text):
            chars[start:end] = text
    return "".join(chars)


def _reason(err: Exception) -> str:
    if isinstance(err, KeyError):
        return f"missing field {err.args[0]!r}"
    if isinstance(err, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'record'}: {e['msg']}" for e in err.errors())
    return str(err)
