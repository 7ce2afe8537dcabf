"""Extraction speed as a ratio to spaCy's own parse of the same texts, measured in one process.

Timings on shared machines are noisy, so the figure that means something is the ratio: how much the
extractor's rules cost on top of the parse they need anyway. :func:`throughput` gives the figures of
``benchmarks/run.py``; run as a script, this also checks that cost grows linearly with article length (one
long article against the same text as many short ones).

What the profile showed (cProfile and per-stage CPU timers, 400 synthetic articles, en_core_web_sm), and what
was done about it:

- The parse is not slower in graphkit than bare ``nlp.pipe``: its batches (up to 32 texts and 20,000
  characters, graphkit.batch) parse in the same CPU time as ``nlp.pipe(texts, batch_size=32)`` (7.0-7.6 s
  against 7.6 s). Batches of 8, as before, cost about 10% more. graphkit's three pipeline components
  (line breaks, "co-" verbs, nouns tagged as verbs) are part of both, since the baseline is the same pipeline.
- After the parse, about 2.5 s of CPU for 400 articles went to the rules: contacts 0.70 s, mentions 0.86 s,
  dates 0.37 s, coreference 0.22 s, quotations 0.15 s. The largest single cost was building spaCy ``Token``
  objects: ``doc[i]`` makes a new one each time, two million for 400 articles (about 40 per token), mostly
  in loops that test every token for a word or tag. ``graphkit.nlp.columns`` reads each token's text, lower
  case, lemma, tags and offset once, and the loops of mentions and quotations test those first. Office words
  (recomputed on every call), gazetteer answers and name keys are cached. Mentions went from 0.86 s to about
  0.55 s; the rest of the rules from about 2.5 s to 2.1 s.
- What remains is mostly in the contact rules (graphkit/extractor/contacts, two calls per token that build
  it: ``candidates.verb`` and ``candidates.noun``), date patterns (22 regular expressions over each text) and
  pydantic validation of the output models.

Usage: .venv/bin/python benchmarks/bench_extract.py [FOLDER]   (default: data/articles)
"""

from __future__ import annotations

import os
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from graphkit import extract, read_articles
from graphkit.models import Article
from graphkit.nlp import parser_for_articles

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import best_of


def _timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call of ``run``."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def throughput(folder: Path, work: Path, repeat: int = 3) -> dict[str, object]:
    """extraction_vs_spacy_pipe and per_article_vs_spacy_pipe, on the articles in ``folder``.

    The bare parse and graphkit's run alternate ``repeat`` times, so that both meet the same load; the
    figure is the fastest parse over the fastest run. ``extraction_vs_spacy_pipe_cpu`` is the same ratio
    of CPU seconds, which other processes on the machine disturb less; ``..._pairs`` gives each pair's
    wall-clock ratio (their spread is the noise), ``load_average`` the machine's load before and after.
    """
    from graphkit.pipeline import run_extract

    articles = [a for a in read_articles([folder]) if isinstance(a, Article)]
    texts = [a.text for a in articles]
    nlp = parser_for_articles()
    list(nlp.pipe(texts[:32], batch_size=32))  # warm up
    run_extract([folder], work / "one.jsonl", pipeline="en_core_web_sm")  # loads gazetteer and lexicons
    load = [round(os.getloadavg()[0], 2)]
    pipe, run = [], []
    for _ in range(repeat):
        pipe.append(_timed(lambda: list(nlp.pipe(texts, batch_size=32))))
        run.append(_timed(lambda: run_extract([folder], work / "one.jsonl", pipeline="en_core_web_sm")))
    alone = best_of(lambda: [extract(a) for a in articles], repeat=repeat)
    load.append(round(os.getloadavg()[0], 2))
    words = sum(len(t.split()) for t in texts)
    best_pipe, best_run = min(p[0] for p in pipe), min(r[0] for r in run)
    return {
        "extraction_vs_spacy_pipe": round(best_pipe / best_run, 3),
        "extraction_vs_spacy_pipe_cpu": round(min(p[1] for p in pipe) / min(r[1] for r in run), 3),
        "extraction_vs_spacy_pipe_pairs": [round(p[0] / r[0], 3) for p, r in zip(pipe, run, strict=True)],
        "per_article_vs_spacy_pipe": round(best_pipe / alone, 3),
        "spacy_pipe_words_per_s": round(words / best_pipe),
        "extraction_words_per_s": round(words / best_run),
        "per_article_words_per_s": round(words / alone),
        "extraction_load_average": load,
    }


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
