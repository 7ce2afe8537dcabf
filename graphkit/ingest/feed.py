"""RSS and Atom feeds: one article per entry, from its full content or else its summary."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

from graphkit.errors import InputError
from graphkit.ingest._base import Item, Origin, build_article, parse_date, slug
from graphkit.ingest.html import html_to_text
from graphkit.models import Article

__all__ = ["read_feed"]


def read_feed(data: bytes, origin: Origin) -> Iterator[Item]:
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


def _entry_article(entry: Any, number: int, feed: Any, origin: Origin) -> Article:
    name = entry.get("id") or entry.get("link")
    where = f"entry {number} ({name or 'no id'}): "
    return build_article(
        id=slug(name) if name else f"{origin.stem}-{number}",
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
            return html_to_text(detail["value"]) if html else detail["value"]
    return ""


def _entry_date(entry: Any, origin: Origin, where: str) -> dt.date | None:
    written = entry.get("published") or entry.get("updated")
    if not written:
        return None
    try:
        return parse_date(written)
    except ValueError as err:
        raise InputError(f"{where}bad date: {err}", origin.source) from err
