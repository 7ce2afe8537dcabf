"""Ingestion: read news articles from files, folders, standard input and URLs into :class:`Article` models.

Every reader turns one input into zero or more articles; a broken input or record becomes an
:class:`~graphkit.errors.InputError` in the output stream instead of stopping the batch. The readers are
registered by file suffix in :data:`graphkit.registry.readers` (one module each: :mod:`~graphkit.ingest.text`,
:mod:`~graphkit.ingest.html`, :mod:`~graphkit.ingest.jsonl`, :mod:`~graphkit.ingest.feed`), so another package
can add one; :mod:`~graphkit.ingest.sources` walks folders, reads standard input and downloads URLs
(:mod:`~graphkit.ingest.http`), and picks the reader.

Plain text and Markdown keep their body byte-for-byte, because every character offset the later stages
record points into ``Article.text``:

>>> article = parse_text("Title: Talks resume\\nPublished: 2024-03-14\\n\\nThe envoys met.\\n", id="a1")
>>> article.title, article.published.isoformat(), article.text
('Talks resume', '2024-03-14', 'The envoys met.\\n')

Text read from articles is untrusted data: nothing here evaluates it or opens files or addresses it names.
"""

from __future__ import annotations

from graphkit.ingest._base import EncodingGuessWarning, Origin, UndatedArticleWarning, parse_date
from graphkit.ingest.html import parse_html
from graphkit.ingest.sources import read_articles
from graphkit.ingest.text import parse_text

__all__ = [
    "EncodingGuessWarning",
    "Origin",
    "UndatedArticleWarning",
    "parse_date",
    "parse_html",
    "parse_text",
    "read_articles",
]
