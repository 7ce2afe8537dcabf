"""Extraction speed as a ratio to spaCy's own parse of the same texts, measured in one process.

Timings on shared machines are noisy, so the figure that means something is the ratio: how much the
extractor's rules cost on top of the parse they need anyway. Also checks that cost grows linearly with
article length (one long article against the same text as many short ones).

Usage: .venv/bin/python benchmarks/bench_extract.py [FOLDER]   (default: data/articles)
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

from graphkit import extract, read_articles
from graphkit.models import Article
from graphkit.nlp import parser_for_articles

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import best_of


def main(folder: str = "data/articles") -> None:
    warnings.simplefilter("ignore")
    articles = [a for a in read_articles([folder]) if isinstance(a, Article)]
    nlp = parser_for_articles()
    nlp("warm up")
    parse = best_of(lambda: [nlp(a.text) for a in articles])
    full = best_of(lambda: [extract(a) for a in articles])
    joined = Article(id="all", published=articles[0].published, text="\n\n".join(a.text for a in articles))
    long_parse = best_of(lambda: nlp(joined.text), repeat=1)
    long_full = best_of(lambda: extract(joined), repeat=1)
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles, {chars} characters")
    print(f"extract / parse, article by article: {full / parse:.2f}")
    print(f"extract / parse, one long article:   {long_full / long_parse:.2f}")
    print(f"long article / many short (extract): {long_full / full:.2f}  (about 1 means linear)")


if __name__ == "__main__":
    main(*sys.argv[1:])
