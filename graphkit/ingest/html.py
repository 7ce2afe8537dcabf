"""HTML pages (main text and metadata by trafilatura), and the text of HTML fragments in feeds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from graphkit.errors import InputError
from graphkit.ingest._base import MAX_DOWNLOAD, Item, Origin, build_article
from graphkit.models import Article

__all__ = ["html_to_text", "parse_html", "read_html"]


def read_html(data: bytes, origin: Origin) -> Iterator[Item]:
    from trafilatura.utils import decode_file

    # pages declare their own charsets, so HTML (unlike text) is not required to be UTF-8
    html = decode_file(data, max_size=MAX_DOWNLOAD)
    yield parse_html(html, id=origin.stem, source=origin.source, url=origin.url, published=origin.fallback)


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
    return build_article(
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


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: paragraphs on their own lines, whitespace inside them collapsed."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)
