"""The rules extractor over many articles at once: one ``nlp.pipe`` parse, then the per-article stages.

:func:`graphkit.extractor.extract` parses one text with ``nlp(text)``; spaCy parses a batch of texts with
``nlp.pipe`` much faster (one forward pass of the network per batch). :func:`extract_many` gives the same
extractions as calling :func:`~graphkit.extractor.extract` on each article, in the same order.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from graphkit.errors import ModelLoadError
from graphkit.models import Article, Extraction
from graphkit.nlp import DEFAULT_PIPELINE, parser_for_articles

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["BATCH_CHARS", "BATCH_SIZE", "extract_doc", "extract_many"]

#: Texts per ``nlp.pipe`` batch at most: spaCy's default. Measured on the 2-core development machine with
#: en_core_web_sm (CPU time, 400 synthetic articles of ~700 characters), 32 texts a batch parse in 7.1-8.3 s
#: where 8 take 8.0-9.0 s: the network's matrix products are more efficient on more rows.
BATCH_SIZE = 32
#: Characters per batch at most (a text longer than this is a batch alone). Memory grows with the words of
#: a batch, not its number of texts: on the 152 articles of the development corpus (~2,000 characters each)
#: the peak memory of a run was 223 MiB with 8 texts a batch, 374 MiB with 32, 302 MiB with this budget at
#: 40,000 and 235 MiB at 20,000; short articles (~700 characters) still go 28 at a time (a run of 2,000
#: synthetic ones peaks at 227 MiB, about 40 more than with 8 a batch; 200 of them at 223). Batching never
#: changes a parse (the outputs are the same bytes), only its speed and memory.
BATCH_CHARS = 20_000

logger = logging.getLogger(__name__)


def extract_many(
    articles: Sequence[Article],
    *,
    pipeline: str = DEFAULT_PIPELINE,
    actors: str | Path | None = None,
    batch_size: int = BATCH_SIZE,
    batch_chars: int = BATCH_CHARS,
) -> Iterator[Extraction | Exception]:
    """Extract each article, parsing the texts in batches; lazily, one result per article, in order.

    An article whose extraction raises yields the exception instead of its extraction, so one bad article
    does not stop the others; when spaCy fails on a batch, its texts are parsed again one by one to find the
    article at fault.

    Args:
        articles: the articles.
        pipeline: name of the spaCy pipeline to parse with.
        actors: a CSV or YAML file of the user's own actors, as :func:`~graphkit.extractor.extract` takes.
        batch_size: texts per ``nlp.pipe`` batch at most.
        batch_chars: characters per batch at most, unless one text alone is longer.

    Raises:
        ModelLoadError: the pipeline cannot be loaded.
    """
    nlp = parser_for_articles(pipeline)
    for batch in _batches(articles, batch_size, batch_chars):
        try:
            docs: list[Doc | Exception] = list(nlp.pipe([a.text for a in batch], batch_size=batch_size))
        except Exception:  # one text spaCy cannot parse must not cost the others their extraction
            logger.debug("batch parse failed; parsing its texts one by one", exc_info=True)
            docs = [_parse_alone(nlp, a.text) for a in batch]
        for article, doc in zip(batch, docs, strict=True):
            yield doc if isinstance(doc, Exception) else _guarded(article, doc, actors)


def _batches(articles: Sequence[Article], size: int, chars: int) -> Iterator[Sequence[Article]]:
    """``articles`` cut in order into runs of at most ``size`` articles and ``chars`` characters (or one)."""
    start = 0
    while start < len(articles):
        end, total = start + 1, len(articles[start].text)
        while end < len(articles) and end - start < size and total + len(articles[end].text) <= chars:
            total += len(articles[end].text)
            end += 1
        yield articles[start:end]
        start = end


def _parse_alone(nlp: object, text: str) -> Doc | Exception:
    try:
        return nlp(text)  # type: ignore[operator]  # a spaCy Language, typed loosely here
    except Exception as err:
        return err


def _guarded(article: Article, doc: Doc, actors: str | Path | None) -> Extraction | Exception:
    try:
        return extract_doc(article, doc, actors=actors)
    except ModelLoadError:
        raise
    except Exception as err:
        return err


def extract_doc(article: Article, doc: Doc, *, actors: str | Path | None = None) -> Extraction:
    """:func:`graphkit.extractor.extract` over an already parsed ``doc``: its warning, then its stages.

    ``doc`` must come from :func:`graphkit.nlp.parser_for_articles` (its sentence rules for news text).
    """
    from graphkit.extractor import extract_doc as stages

    if article.published is None:
        warnings.warn(f"{article.id}: no publication date; relative dates stay unresolved", stacklevel=2)
    return stages(article, doc, actors=actors)
