"""What every reader shares: where an input came from, publication dates, and building a checked article."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re
import urllib.parse
import warnings
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from graphkit.errors import InputError
from graphkit.models import Article

__all__ = [
    "MAX_DOWNLOAD",
    "EncodingGuessWarning",
    "Item",
    "Origin",
    "UndatedArticleWarning",
    "build_article",
    "check_not_future",
    "language_code",
    "parse_date",
    "slug",
    "url_host",
]

Item = Article | InputError


class EncodingGuessWarning(UserWarning):
    """A text file was not UTF-8, so its encoding was detected; the guess can be wrong for short texts."""


class UndatedArticleWarning(UserWarning):
    """An article has no publication date, so relative dates in it ("on Tuesday") cannot be resolved."""


@dataclass(frozen=True)
class Origin:
    """Where an input came from: names errors and gives the defaults its articles fall back on.

    Attributes:
        source: the file, URL or ``-`` that errors and ``Article.source`` name.
        stem: the article id of a single article, and the start of the ids of a file's records.
        fallback: the publication date for articles that state none.
        url: the address the input was fetched from, if any.
    """

    source: str
    stem: str
    fallback: dt.date | None
    url: str | None = None


_AMBIGUOUS_NUMERIC_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})")
# dateparser without its relative parser and with every part required can never fall back on "today"
_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
MAX_DOWNLOAD = 20_000_000
# an article dated tomorrow may come from a time zone ahead of ours; later than that is a mistake
_DATE_SLACK = dt.timedelta(days=1)
_MAX_SLUG = 80


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


def build_article(
    *, id: str, text: str, source: str | None, fallback: dt.date | None, line: int | None = None, **meta: Any
) -> Article:
    """Validate one article's fields, filling the outlet from the URL and the date from ``fallback``."""
    if not text.strip():
        raise InputError("the article has no body text; give the text after the header", source, line)
    meta = {key: value for key, value in meta.items() if value not in (None, "")}
    if "outlet" not in meta and meta.get("url"):
        meta["outlet"] = url_host(meta["url"])
    if "language" in meta:
        meta["language"] = language_code(meta["language"])
    if meta.get("published") is None:
        meta["published"] = fallback
    if isinstance(meta["published"], dt.date):
        check_not_future(meta["published"], source, line)
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


def url_host(url: str) -> str | None:
    host = urllib.parse.urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def language_code(value: str) -> str:
    # feeds and pages write regional tags ("en-US"); the model keeps the ISO 639-1 part
    return re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()


def slug(value: str) -> str:
    """A file-name-safe id from a URL, tag URI or title; long values keep a hash so they stay distinct."""
    text = re.sub(r"^[a-z][a-z0-9+.-]*://(www\.)?", "", value.strip().lower())
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    digest = hashlib.sha1(value.encode("utf-8")).hexdigest()
    if len(slug) > _MAX_SLUG:
        return f"{slug[: _MAX_SLUG - 9].rstrip('-')}-{digest[:8]}"
    return slug or digest[:12]


def check_not_future(published: dt.date, source: str | None, line: int | None) -> None:
    if published > dt.date.today() + _DATE_SLACK:
        raise InputError(
            f"the publication date {published} is in the future; give the day it was published", source, line
        )
