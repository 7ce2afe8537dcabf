"""Ingestion: read news articles from files, folders, standard input and URLs into :class:`Article` models.

Every reader turns one input into zero or more articles; a broken input or record becomes an
:class:`~graphkit.errors.InputError` in the output stream instead of stopping the batch.

Plain text and Markdown keep their body byte-for-byte, because every character offset the later stages
record points into ``Article.text``:

>>> article = parse_text("Title: Talks resume\\nPublished: 2024-03-14\\n\\nThe envoys met.\\n", id="a1")
>>> article.title, article.published.isoformat(), article.text
('Talks resume', '2024-03-14', 'The envoys met.\\n')

Text read from articles is untrusted data: nothing here evaluates it or opens files or addresses it names.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import io
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from graphkit.errors import InputError
from graphkit.models import Article

__all__ = [
    "EncodingGuessWarning",
    "UndatedArticleWarning",
    "parse_date",
    "parse_html",
    "parse_text",
    "read_articles",
]

Item = Article | InputError


class EncodingGuessWarning(UserWarning):
    """A text file was not UTF-8, so its encoding was detected; the guess can be wrong for short texts."""


class UndatedArticleWarning(UserWarning):
    """An article has no publication date, so relative dates in it ("on Tuesday") cannot be resolved."""


@dataclass(frozen=True)
class _Origin:
    """Where an input came from: names errors and gives the defaults its articles fall back on."""

    source: str
    stem: str
    fallback: dt.date | None
    url: str | None = None


Reader = Callable[[bytes, _Origin], Iterator[Item]]

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
_AMBIGUOUS_NUMERIC_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})")
# dateparser without its relative parser and with every part required can never fall back on "today"
_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_MAX_DOWNLOAD = 20_000_000
# an article dated tomorrow may come from a time zone ahead of ours; later than that is a mistake
_DATE_SLACK = dt.timedelta(days=1)
# byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf_32"),
    (b"\x00\x00\xfe\xff", "utf_32"),
    (b"\xef\xbb\xbf", "utf_8_sig"),
    (b"\xff\xfe", "utf_16"),
    (b"\xfe\xff", "utf_16"),
)
_NAMES = {"utf_8": "UTF-8", "utf_8_sig": "UTF-8", "utf_16": "UTF-16", "utf_32": "UTF-32"}
# Windows-1252 is what most legacy Western news text is in; it wins ties between single-byte guesses
_PREFERRED_LEGACY = "cp1252"
_MAX_SLUG = 80


# --- dates ---------------------------------------------------------------------------------------------


def parse_date(value: str | dt.date, *, language: str = "en") -> dt.date:
    """Parse an absolute publication date; relative words ("today", "last week") are refused.

    Accepts ISO 8601 dates and datetimes, RFC 2822 (feeds) and written forms such as
    "February 10, 2026" or "10 Feb 2026". A datetime keeps the calendar day as written, in the
    outlet's own time zone, because that is the day the article's relative dates count from.

    Args:
        value: the date as written, or a ``date``/``datetime`` (YAML front matter gives those).
        language: ISO 639-1 code of the language month names are written in.

    Returns:
        The calendar date.

    Raises:
        ValueError: not a complete, unambiguous absolute date.

    >>> parse_date("2026-02-10T08:00:00+03:00"), parse_date("10 Feb 2026")
    (datetime.date(2026, 2, 10), datetime.date(2026, 2, 10))
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = value.strip()
    for parse in (_iso_date, _rfc2822_date, _written_date):
        found = parse(text, language)
        if found is not None:
            return found
    raise ValueError(f"{value!r} is not a complete date; write it as 2026-02-10 or 'February 10, 2026'")


def _iso_date(text: str, language: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _rfc2822_date(text: str, language: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _written_date(text: str, language: str) -> dt.date | None:
    numeric = _AMBIGUOUS_NUMERIC_DATE.fullmatch(text)
    if numeric and int(numeric[1]) <= 12 and int(numeric[2]) <= 12:
        # 03/04/2026 is March or April depending on the writer: refuse rather than guess
        raise ValueError(f"{text!r} could be day-month or month-day; write it as YYYY-MM-DD")
    import dateparser  # slow to import; only written-out dates need it

    found = dateparser.parse(text, languages=[language], settings=_DATEPARSER_SETTINGS)
    return found.date() if found else None


# --- building articles ---------------------------------------------------------------------------------


def _build_article(
    *, id: str, text: str, source: str | None, fallback: dt.date | None, line: int | None = None, **meta: Any
) -> Article:
    """Validate one article's fields, filling the outlet from the URL and the date from ``fallback``."""
    if not text.strip():
        raise InputError("the article has no body text; give the text after the header", source, line)
    meta = {key: value for key, value in meta.items() if value not in (None, "")}
    if "outlet" not in meta and meta.get("url"):
        meta["outlet"] = _host(meta["url"])
    if "language" in meta:
        meta["language"] = _language_code(meta["language"])
    if meta.get("published") is None:
        meta["published"] = fallback
    if isinstance(meta["published"], dt.date):
        _check_not_future(meta["published"], source, line)
    if meta["published"] is None:
        warnings.warn(
            f"{source or id}: no publication date in the article and none given (--published); "
            "relative dates such as 'on Tuesday' will stay unresolved",
            UndatedArticleWarning,
            stacklevel=3,
        )
    try:
        return Article(id=id, text=text, source=source, **meta)
    except ValidationError as err:
        raise InputError(f"not a valid article: {_first_error(err)}", source, line) from err


def _first_error(err: ValidationError) -> str:
    first = err.errors()[0]
    return f"{'.'.join(str(part) for part in first['loc'])}: {first['msg']}"


def _host(url: str) -> str | None:
    host = urllib.parse.urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def _language_code(value: str) -> str:
    # feeds and pages write regional tags ("en-US"); the model keeps the ISO 639-1 part
    return re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()


def _slug(value: str) -> str:
    """A file-name-safe id from a URL, tag URI or title; long values keep a hash so they stay distinct."""
    text = re.sub(r"^[a-z][a-z0-9+.-]*://(www\.)?", "", value.strip().lower())
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    digest = hashlib.sha1(value.encode("utf-8")).hexdigest()
    if len(slug) > _MAX_SLUG:
        return f"{slug[: _MAX_SLUG - 9].rstrip('-')}-{digest[:8]}"
    return slug or digest[:12]


# --- plain text and Markdown ---------------------------------------------------------------------------


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
    return _build_article(
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
    # a header that runs to the end of the file leaves an empty body, reported by _build_article
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
    _check_not_future(published, source, line)
    return published


def _check_not_future(published: dt.date, source: str | None, line: int | None) -> None:
    if published > dt.date.today() + _DATE_SLACK:
        raise InputError(
            f"the publication date {published} is in the future; give the day it was published", source, line
        )


# --- HTML ----------------------------------------------------------------------------------------------


def parse_html(
    html: str, *, id: str, source: str | None = None, url: str | None = None, published: dt.date | None = None
) -> Article:
    """Extract the main text and metadata of an HTML page with trafilatura.

    Navigation, footers and comments are dropped; title, date, canonical URL and site name come from the
    page's metadata. The date search stays in the metadata and never guesses from the body text.

    Args:
        html: the page.
        id: the article id.
        source: the file or URL it came from.
        url: the address it was fetched from, used when the page names no canonical URL.
        published: the date to use when the page gives none.

    Raises:
        InputError: no main text could be found.
    """
    page = _extract_page(html, url, source)
    return _build_article(
        id=id,
        text=page["text"],
        source=source,
        fallback=published,
        title=page.get("title"),
        url=page.get("url") or url,
        published=_page_date(page.get("date")),
        outlet=page.get("sitename"),
        language=page.get("language"),
        licence=page.get("license"),
    )


def _extract_page(html: str, url: str | None, source: str | None) -> dict[str, Any]:
    import trafilatura  # heavy import: only HTML needs it

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as err:  # any failure of the extractor on untrusted HTML fails this page only
        raise InputError(f"could not parse the HTML ({type(err).__name__}: {err})", source) from err
    # trafilatura 2.x returns a Document, 1.x a dict
    page = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
    if not (page.get("text") or "").strip():
        raise InputError("found no article text in the HTML page (is it an index or a login page?)", source)
    return page


def _page_date(value: str | None) -> dt.date | None:
    # trafilatura writes dates as YYYY-MM-DD; anything else means it found none we can trust
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment (a feed entry), one line per block element."""

    _BLOCKS = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section"}
    )
    _HIDDEN = frozenset({"script", "style", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: paragraphs on their own lines, whitespace inside them collapsed."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


# --- JSON records --------------------------------------------------------------------------------------


def _record_article(
    record: Any, *, origin: _Origin, line: int | None, default_id: str, where: str
) -> Article:
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
    return _build_article(
        id=str(record_id) if record_id not in (None, "") else default_id,
        text=text,
        source=origin.source,
        fallback=origin.fallback,
        line=line,
        published=_record_date(record.get("published"), origin, line, where),
        **meta,
    )


def _record_str(
    record: dict[str, Any], key: str, origin: _Origin, line: int | None, where: str
) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(f"{where}{key!r} must be a string, not {value!r}", origin.source, line)
    return value


def _record_date(value: Any, origin: _Origin, line: int | None, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        if not isinstance(value, str):
            raise ValueError(f"{value!r} is not a date string; write it as 2026-02-10")
        return parse_date(value)
    except ValueError as err:
        raise InputError(f"{where}bad 'published' date: {err}", origin.source, line) from err


def _with_encoding(items: Iterator[Item], encoding: str | None) -> Iterator[Item]:
    for item in items:
        yield (
            item.model_copy(update={"encoding": encoding}) if encoding and isinstance(item, Article) else item
        )


def _read_jsonl(data: bytes, origin: _Origin) -> Iterator[Item]:
    yield from _with_encoding(_jsonl_items(data, origin), _bom_encoding(data))


def _jsonl_items(data: bytes, origin: _Origin) -> Iterator[Item]:
    # split on "\n" only: str.splitlines would also break at U+2028, which JSON strings may contain
    for number, line in enumerate(_decode(data, origin.source).split("\n"), start=1):
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


def _read_json(data: bytes, origin: _Origin) -> Iterator[Item]:
    yield from _with_encoding(_json_items(data, origin), _bom_encoding(data))


def _json_items(data: bytes, origin: _Origin) -> Iterator[Item]:
    text = _decode(data, origin.source)
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


# --- RSS and Atom feeds --------------------------------------------------------------------------------


def _read_feed(data: bytes, origin: _Origin) -> Iterator[Item]:
    import feedparser

    # a file-like object: given a string, feedparser would fetch URLs and open file names itself
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries and (parsed.bozo or not parsed.version):
        problem = parsed.get("bozo_exception") or "no <rss> or <feed> element"
        raise InputError(f"not an RSS or Atom feed ({problem})", origin.source)
    feed = parsed.feed
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield _entry_article(entry, number, feed, origin)
        except InputError as err:
            yield err


def _entry_article(entry: Any, number: int, feed: Any, origin: _Origin) -> Article:
    name = entry.get("id") or entry.get("link")
    where = f"entry {number} ({name or 'no id'}): "
    return _build_article(
        id=_slug(name) if name else f"{origin.stem}-{number}",
        text=_entry_text(entry),
        source=origin.source,
        fallback=origin.fallback,
        title=entry.get("title"),
        url=entry.get("link"),
        published=_entry_date(entry, origin, where),
        outlet=feed.get("title"),
        language=entry.get("language") or feed.get("language"),
        licence=entry.get("rights") or feed.get("rights"),
    )


def _entry_text(entry: Any) -> str:
    # full content where the feed has it, else the summary; both are usually HTML
    for detail in [*entry.get("content", []), entry.get("summary_detail")]:
        if detail and (detail.get("value") or "").strip():
            html = "html" in (detail.get("type") or "text/html")
            return _html_to_text(detail["value"]) if html else detail["value"]
    return ""


def _entry_date(entry: Any, origin: _Origin, where: str) -> dt.date | None:
    written = entry.get("published") or entry.get("updated")
    if not written:
        return None
    try:
        return parse_date(written)
    except ValueError as err:
        raise InputError(f"{where}bad date: {err}", origin.source) from err


# --- inputs: files, folders, standard input, URLs ------------------------------------------------------


def _read_text(data: bytes, origin: _Origin) -> Iterator[Item]:
    text, encoding = _detect(data, origin.source)
    article = parse_text(text, id=origin.stem, source=origin.source, published=origin.fallback)
    if encoding is not None:
        article = article.model_copy(update={"encoding": encoding})
    if origin.url and article.url is None:
        article = article.model_copy(
            update={"url": origin.url, "outlet": article.outlet or _host(origin.url)}
        )
    yield article


def _read_html(data: bytes, origin: _Origin) -> Iterator[Item]:
    from trafilatura.utils import decode_file

    # pages declare their own charsets, so HTML (unlike text) is not required to be UTF-8
    html = decode_file(data, max_size=_MAX_DOWNLOAD)
    yield parse_html(html, id=origin.stem, source=origin.source, url=origin.url, published=origin.fallback)


_READERS: dict[str, Reader] = {
    ".txt": _read_text,
    ".md": _read_text,
    ".markdown": _read_text,
    ".html": _read_html,
    ".htm": _read_html,
    ".json": _read_json,
    ".jsonl": _read_jsonl,
    ".rss": _read_feed,
    ".atom": _read_feed,
    ".xml": _read_feed,
}
_ACCEPTED = ", ".join(_READERS)
# a folder's README or licence file describes the folder; it is read only when named explicitly
_NOT_ARTICLES = frozenset({"README", "LICENSE", "LICENCE"})
_INPUT_KINDS = f"a file ({_ACCEPTED}), a folder, '-' for standard input or an http(s) URL"


def read_articles(
    inputs: Iterable[str | Path], *, published: dt.date | None = None, timeout: float = 20.0
) -> Iterator[Article | InputError]:
    """Read articles from files, folders (recursively), ``-`` (standard input) and http(s) URLs.

    A broken input or record is yielded as an :class:`InputError` and the rest are still read, so one bad
    line in a JSON Lines file costs only that line. A folder is read recursively: its files in sorted name
    order, then its subfolders the same way, skipping hidden files and folders, unknown suffixes and
    README/LICENSE files. A file named explicitly must have a known suffix.

    Args:
        inputs: paths, folders, ``-`` or URLs, read in the order given.
        published: the publication date for articles that state none (the CLI's ``--published``).
        timeout: seconds to wait for a URL's server at each step of a download.

    Yields:
        One :class:`Article` per article found, or an :class:`InputError` per input or record that failed.
    """
    for item in inputs:
        yield from _guarded(_read_input(str(item), published, timeout))


def _guarded(items: Iterator[Item]) -> Iterator[Item]:
    # a reader raises InputError when its whole input fails; report it and let the next input run
    try:
        yield from items
    except InputError as err:
        yield err


def _read_input(name: str, fallback: dt.date | None, timeout: float) -> Iterator[Item]:
    scheme = re.match(r"([a-z][a-z0-9+.-]*)://", name, re.IGNORECASE)
    if name == "-":
        yield from _read_stdin(fallback)
    elif not name.strip():
        # Path("") is the working folder: reading all of it by accident must not happen
        raise InputError(f"an empty input name; give {_INPUT_KINDS}", repr(name))
    elif scheme and scheme[1].lower() in ("http", "https"):
        yield from _read_url(name, fallback, timeout)
    elif scheme:
        raise InputError(f"unsupported address scheme {scheme[1]!r}; give {_INPUT_KINDS}", name)
    else:
        yield from _read_path(Path(name), fallback)


def _read_path(path: Path, fallback: dt.date | None) -> Iterator[Item]:
    if path.is_dir():
        errors: list[OSError] = []
        for file in _walk(path, errors):
            yield from _guarded(_read_file(file, fallback, stem=_relative_stem(file, path)))
        for err in errors:
            yield InputError(f"cannot read the folder ({err.strerror})", err.filename)
    elif path.exists():
        yield from _read_file(path, fallback)
    else:
        raise InputError(f"no such file or folder; give {_INPUT_KINDS}", str(path))


def _walk(root: Path, errors: list[OSError]) -> Iterator[Path]:
    # os.walk does not follow links to folders, so a link loop cannot make the walk endless
    for folder, subfolders, files in os.walk(root, onerror=errors.append):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            path = Path(folder, name)
            if (
                not name.startswith(".")
                and path.suffix.lower() in _READERS
                and path.stem.upper() not in _NOT_ARTICLES
            ):
                yield path


def _relative_stem(file: Path, root: Path) -> str:
    """The article id of a file in a folder: its name without the suffix, with its subfolders if any.

    Files directly in the folder keep their plain stem (``texts/d051.txt`` is ``d051``); deeper files keep
    the path below the folder (``2024/may/d051``), so two ``d051.txt`` in different subfolders stay apart.
    """
    relative = file.relative_to(root)
    return relative.with_name(file.stem).as_posix()


def _read_file(path: Path, fallback: dt.date | None, stem: str | None = None) -> Iterator[Item]:
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(
            f"unknown file type {path.suffix or '(no suffix)'!r}; accepted: {_ACCEPTED}", str(path)
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read the file ({err.strerror})", str(path)) from err
    yield from reader(data, _Origin(source=str(path), stem=stem or path.stem, fallback=fallback))


def _read_stdin(fallback: dt.date | None) -> Iterator[Item]:
    stream = sys.stdin
    # read bytes where possible so the text keeps its line endings exactly as sent
    data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
    # named by content, so articles piped in by different runs into one store do not replace each other
    stem = f"stdin-{hashlib.sha256(data).hexdigest()[:12]}"
    yield from _sniff(data)(data, _Origin(source="-", stem=stem, fallback=fallback))


def _sniff(data: bytes) -> Reader:
    """Guess the format of unnamed input: JSON (Lines), a feed, HTML, else text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return _read_jsonl
    if head.startswith(b"["):
        return _read_json
    if head.startswith(b"<"):
        return _read_feed if re.search(rb"<(rss|feed|rdf:rdf)[\s>]", head) else _read_html
    return _read_text


def _read_url(url: str, fallback: dt.date | None, timeout: float) -> Iterator[Item]:
    data, final_url = _fetch(url, timeout)
    path = PurePosixPath(urllib.parse.urlsplit(final_url).path)
    stem = _slug(path.stem or urllib.parse.urlsplit(final_url).hostname or final_url)
    yield from _sniff(data)(data, _Origin(source=url, stem=stem, fallback=fallback, url=final_url))


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s): a page must not send the reader to ftp: or other schemes."""

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise InputError(f"redirected to {newurl!r}; only http(s) addresses are followed", req.full_url)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _fetch(url: str, timeout: float) -> tuple[bytes, str]:
    opener = urllib.request.build_opener(_WebOnlyRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": "graphkit (news article reader)"})
    try:
        with opener.open(request, timeout=timeout) as response:
            data = response.read(_MAX_DOWNLOAD + 1)
            final_url = response.geturl()
    except urllib.error.HTTPError as err:
        raise InputError(f"the server answered HTTP {err.code} {err.reason}", url) from err
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise InputError(f"could not fetch ({reason}); check the address or raise the timeout", url) from err
    if len(data) > _MAX_DOWNLOAD:
        raise InputError(f"larger than {_MAX_DOWNLOAD // 1_000_000} MB; save the article to a file", url)
    return data, final_url


def _bom_encoding(data: bytes) -> str | None:
    """The encoding a UTF-16 or UTF-32 byte-order mark announces (None for UTF-8, with or without one)."""
    name = next((name for mark, name in _BOMS if data.startswith(mark)), None)
    return None if name == "utf_8_sig" else name


def _decode(data: bytes, source: str) -> str:
    """JSON text: UTF-8, or UTF-16/32 with a byte-order mark (RFC 8259 allows no other encoding)."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf_8")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise InputError(
            f"not {_NAMES[encoding]} text (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "save it as UTF-8",
            source,
            line,
        ) from err


def _detect(data: bytes, source: str) -> tuple[str, str | None]:
    """Text of any encoding: (the text, the encoding when not UTF-8).

    A byte-order mark decides; else UTF-8 if the bytes are valid UTF-8; else charset-normalizer's guess,
    preferring Windows-1252 among equally good single-byte guesses. The guess is reported in a warning.
    """
    if any(data.startswith(mark) for mark, _ in _BOMS):
        return _decode(data, source), _bom_encoding(data)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as err:
        first_bad = err.start
    guess = _guess_encoding(data)
    if guess is None:
        line = data.count(b"\n", 0, first_bad) + 1
        raise InputError(
            f"not text in any encoding graphkit can recognize (byte 0x{data[first_bad]:02x} at offset "
            f"{first_bad} is not UTF-8); save it as UTF-8",
            source,
            line,
        )
    warnings.warn(
        f"{source}: not UTF-8; read as {guess} (detected). If the text looks wrong, save it as UTF-8",
        EncodingGuessWarning,
        stacklevel=4,
    )
    return data.decode(guess), guess


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # only legacy-encoded files need it

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = min(match.chaos for match in matches)
    tied = [match for match in matches if match.chaos == best]
    if any(_PREFERRED_LEGACY in match.could_be_from_charset for match in tied):
        return _PREFERRED_LEGACY
    encoding: str = tied[0].encoding
    return encoding
