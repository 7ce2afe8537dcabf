"""JSON records of articles: one object per line (JSON Lines), or one object or a list of them (JSON)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from graphkit.errors import InputError
from graphkit.ingest._base import Item, Origin, build_article, parse_date
from graphkit.ingest._encoding import bom_encoding, decode_unicode, with_encoding
from graphkit.models import Article

__all__ = ["read_json", "read_jsonl"]


def read_jsonl(data: bytes, origin: Origin) -> Iterator[Item]:
    yield from with_encoding(_jsonl_items(data, origin), bom_encoding(data))


def _jsonl_items(data: bytes, origin: Origin) -> Iterator[Item]:
    # split on "\n" only: str.splitlines would also break at U+2028, which JSON strings may contain
    for number, line in enumerate(decode_unicode(data, origin.source).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            yield _record_article(
                record, origin=origin, line=number, default_id=f"{origin.stem}-{number}", where=""
            )
        except json.JSONDecodeError as err:
            yield InputError(
                f"not JSON ({err.msg} at column {err.colno}); one object per line", origin.source, number
            )
        except InputError as err:
            yield err


def read_json(data: bytes, origin: Origin) -> Iterator[Item]:
    yield from with_encoding(_json_items(data, origin), bom_encoding(data))


def _json_items(data: bytes, origin: Origin) -> Iterator[Item]:
    text = decode_unicode(data, origin.source)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"not JSON ({err.msg} at column {err.colno})", origin.source, err.lineno) from err
    if not isinstance(document, list):
        yield _record_article(document, origin=origin, line=1, default_id=origin.stem, where="")
        return
    for number, (record, line) in enumerate(zip(document, _item_lines(text), strict=True), start=1):
        try:
            yield _record_article(
                record,
                origin=origin,
                line=line,
                default_id=f"{origin.stem}-{number}",
                where=f"item {number}: ",
            )
        except InputError as err:
            yield err


def _item_lines(text: str) -> Iterator[int]:
    """The line each item of a (valid) top-level JSON list starts on, so errors can point at it."""
    decoder = json.JSONDecoder()
    position = text.index("[") + 1
    while True:
        position = _skip_json_space(text, position)
        if text[position] == "]":
            return
        yield text.count("\n", 0, position) + 1
        _, end = decoder.raw_decode(text, position)
        position = _skip_json_space(text, end)
        position += text[position] == ","


def _skip_json_space(text: str, position: int) -> int:
    while text[position] in " \t\r\n":
        position += 1
    return position


def _record_article(record: Any, *, origin: Origin, line: int | None, default_id: str, where: str) -> Article:
    """One JSON record (``id``, ``url``, ``title``, ``published``, ``text``, ...) as an article."""
    if not isinstance(record, dict):
        raise InputError(f"{where}is a JSON {type(record).__name__}, expected an object", origin.source, line)
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}has no 'text' string (the article body)", origin.source, line)
    meta = {
        key: _record_str(record, key, origin, line, where) for key in ("url", "title", "outlet", "language")
    }
    meta["licence"] = _record_str(record, "licence", origin, line, where) or _record_str(
        record, "license", origin, line, where
    )
    record_id = record.get("id")
    if not isinstance(record_id, str | int | None) or isinstance(record_id, bool):
        raise InputError(f"{where}'id' must be a string or a number, not {record_id!r}", origin.source, line)
    return build_article(
        id=str(record_id) if record_id not in (None, "") else default_id,
        text=text,
        source=origin.source,
        fallback=origin.fallback,
        line=line,
        published=_record_date(record.get("published"), origin, line, where),
        **meta,
    )


def _record_str(record: dict[str, Any], key: str, origin: Origin, line: int | None, where: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(f"{where}{key!r} must be a string, not {value!r}", origin.source, line)
    return value


def _record_date(value: Any, origin: Origin, line: int | None, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        if not isinstance(value, str):
            raise ValueError(f"{value!r} is not a date string; write it as 2026-02-10")
        return parse_date(value)
    except ValueError as err:
        raise InputError(f"{where}bad 'published' date: {err}", origin.source, line) from err
