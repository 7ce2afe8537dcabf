"""Plain text and Markdown: an optional header (``Key: value`` lines or YAML front matter), then the body."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any

from graphkit.errors import InputError
from graphkit.ingest._base import Item, Origin, build_article, check_not_future, parse_date, url_host
from graphkit.ingest._encoding import detect_encoding
from graphkit.models import Article

__all__ = ["parse_text", "read_text"]

# "Key: value" header lines; the whole block must match or it is body text.
_HEADER_LINE = re.compile(r"(?P<key>[A-Z][A-Za-z -]{0,30}):(?:[ \t]+(?P<value>.*?))?[ \t]*")
_YAML_KEY = re.compile(r"(?P<key>[A-Za-z][\w -]*?)\s*:")
# header key (lower case) -> Article field; "source" is a URL unless it does not look like one
_HEADER_FIELDS = {
    "title": "title",
    "source": "source",
    "url": "url",
    "published": "published",
    "date": "published",
    "outlet": "outlet",
    "licence": "licence",
    "license": "licence",
    "language": "language",
}
_FRONT_MATTER_OPEN = "---"
_FRONT_MATTER_CLOSE = ("---", "...")
_URL = re.compile(r"https?://\S+", re.IGNORECASE)


def read_text(data: bytes, origin: Origin) -> Iterator[Item]:
    text, encoding = detect_encoding(data, origin.source)
    article = parse_text(text, id=origin.stem, source=origin.source, published=origin.fallback)
    if encoding is not None:
        article = article.model_copy(update={"encoding": encoding})
    if origin.url and article.url is None:
        article = article.model_copy(
            update={"url": origin.url, "outlet": article.outlet or url_host(origin.url)}
        )
    yield article


def parse_text(raw: str, *, id: str, source: str | None = None, published: dt.date | None = None) -> Article:
    """Read a plain-text or Markdown article with an optional header.

    The header is either ``Key: value`` lines at the very top ended by a blank line (``Title``,
    ``Source``/``URL``, ``Published``/``Date``, ``Outlet``, ``Licence``/``License``, ``Language``), or YAML
    front matter between ``---`` lines. A block counts as a header only if every line looks like
    ``Key: value`` and at least one key is known, so a first line such as ``Update: ...`` stays body text.
    The body is everything after the header, byte-for-byte.

    Args:
        raw: the whole file as text.
        id: the article id (for a file, its name without the suffix).
        source: the file or URL it came from, for messages and ``Article.source``.
        published: the date to use when the header gives none.

    Returns:
        The article; ``outlet`` falls back on the URL's host without ``www.``.

    Raises:
        InputError: a bad header value (with its line), bad front matter, or an empty body.
    """
    raw = raw.removeprefix("\ufeff")  # a byte-order mark is an encoding artefact, not text
    lines = raw.splitlines(keepends=True)
    header = _front_matter(lines, source) or _key_value_header(lines) or ({}, 0)
    fields, body_start = header
    return build_article(
        id=id, text=raw[body_start:], source=source, fallback=published, **_header_meta(fields, source)
    )


# A header: Article field -> (value, line number), and the offset where the body starts.
Header = tuple[dict[str, tuple[Any, int]], int]


def _key_value_header(lines: list[str]) -> Header | None:
    fields: dict[str, tuple[Any, int]] = {}
    offset = 0
    known = False
    for number, line in enumerate(lines, start=1):
        offset += len(line)
        content = line.rstrip("\r\n")
        if not content.strip():
            return (fields, offset) if known else None
        match = _HEADER_LINE.fullmatch(content)
        if match is None:
            return None
        field = _HEADER_FIELDS.get(match["key"].lower())
        known = known or field is not None
        if field and match["value"]:
            fields.setdefault(field, (match["value"], number))  # the first of Published/Date wins
    # a header that runs to the end of the file leaves an empty body, reported by build_article
    return (fields, offset) if known else None


def _front_matter(lines: list[str], source: str | None) -> Header | None:
    if not lines or lines[0].rstrip() != _FRONT_MATTER_OPEN:
        return None
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in _FRONT_MATTER_CLOSE:
            block = lines[1 : number - 1]
            offset = sum(len(part) for part in lines[:number])
            return _yaml_fields(block, source, number), offset
    return None  # never closed: a Markdown rule, not front matter


def _yaml_fields(block: list[str], source: str | None, closing_line: int) -> dict[str, tuple[Any, int]]:
    import yaml

    try:
        data = yaml.safe_load("".join(block))  # safe_load: front matter must never construct objects
    except yaml.YAMLError as err:
        # the start of the broken construct (an unclosed "[") says more than where the parser gave up
        mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise InputError(
            f"front matter is not valid YAML ({' '.join(str(err).split())}); write 'key: value' lines",
            source,
            line,
        ) from err
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(
            f"front matter (lines 2-{closing_line - 1}) is a {type(data).__name__}; write 'key: value' lines",
            source,
            2,
        )
    lines = _yaml_key_lines(block)
    fields: dict[str, tuple[Any, int]] = {}
    for key, value in data.items():
        field = _HEADER_FIELDS.get(str(key).lower())
        if field and value is not None:
            fields.setdefault(field, (value, lines.get(str(key).lower(), 1)))
    return fields


def _yaml_key_lines(block: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for number, line in enumerate(block, start=2):  # line 1 is the opening ---
        match = _YAML_KEY.match(line)
        if match:
            found.setdefault(match["key"].lower(), number)
    return found


def _header_meta(fields: Mapping[str, tuple[Any, int]], source: str | None) -> dict[str, Any]:
    """Turn header values into Article fields, checking each with the line it came from."""
    meta: dict[str, Any] = {}
    for field, (value, line) in fields.items():
        if isinstance(value, list | dict | set | tuple):
            raise InputError(f"header {field!r} has a list or mapping; give a single value", source, line)
        if field == "published":
            meta["published"] = _header_date(value, source, line)
        elif field == "source":
            # Source: is the article's URL in our corpus format; anything else names the outlet
            key = "url" if _URL.fullmatch(str(value).strip()) else "outlet"
            meta.setdefault(key, str(value).strip())
        else:
            meta[field] = str(value).strip()
    return meta


def _header_date(value: Any, source: str | None, line: int) -> dt.date:
    if not isinstance(value, str | dt.date):
        raise InputError(f"bad publication date {value!r}; write it as 2026-02-10", source, line)
    try:
        published = parse_date(value)
    except ValueError as err:
        raise InputError(f"bad publication date: {err}", source, line) from err
    check_not_future(published, source, line)
    return published
