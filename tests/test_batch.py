"""Batched and parallel extraction give what article-by-article extraction gives, record for record."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from helpers import write_articles

import graphkit.batch as batch
import graphkit.pipeline as pipeline
from graphkit.extractor import extract
from graphkit.models import Article
from graphkit.records import to_record

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

# Sentences of our own, with dates and quotations, so that every per-article stage has work to do.
TEXTS = [
    "Emmanuel Macron met Olaf Scholz in Berlin on Monday.",
    'Joe Biden phoned Fumio Kishida on Tuesday. "We spoke about trade," Biden said.',
    "The Indian Prime Minister will visit Japan next week.",
    "Nothing happened here at all.",
    "March 4, 2024, Paris\n\nThe French President received the Kenyan President at the Elysee.",
    "Sergey Lavrov held talks with Wang Yi. He said the talks were useful.",
    "Antony Blinken and Annalena Baerbock met in Munich on Saturday, and later phoned Dmytro Kuleba.",
]
PUBLISHED = dt.date(2024, 3, 13)


def _articles(published: dt.date | None = PUBLISHED) -> list[Article]:
    return [Article(id=f"t{i}", published=published, text=text) for i, text in enumerate(TEXTS)]


def _lines(extractions: list) -> list[str]:  # type: ignore[type-arg]  # Extraction | Exception, checked below
    return [json.dumps(to_record(e), ensure_ascii=False) for e in extractions]


@pytest.mark.parametrize("batch_size", [1, 3, 32])
def test_extract_many_gives_what_extract_gives(batch_size: int) -> None:
    articles = _articles()
    many = list(batch.extract_many(articles, batch_size=batch_size))
    assert _lines(many) == _lines([extract(a) for a in articles])
    assert sum(len(e.contacts) for e in many) >= 5  # the texts do exercise the contact rules


def test_batches_cut_by_characters_give_what_extract_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = _articles()
    parser = batch.parser_for_articles()
    sizes: list[int] = []
    real_pipe = type(parser).pipe

    def counted(self, texts, **options):  # type: ignore[no-untyped-def]  # spaCy's own signature
        texts = list(texts)
        sizes.append(len(texts))
        return real_pipe(self, texts, **options)

    monkeypatch.setattr(type(parser), "pipe", counted)
    # room for the two shortest texts together, never for the longest with another
    budget = len(TEXTS[3]) + len(TEXTS[2]) + 1
    many = list(batch.extract_many(articles, batch_chars=budget))
    assert _lines(many) == _lines([extract(a) for a in articles])
    assert sum(sizes) == len(TEXTS) and max(sizes) == 2 and min(sizes) == 1


def test_extract_many_warns_about_undated_articles_as_extract_does() -> None:
    with pytest.warns(UserWarning, match="t0: no publication date"):
        list(batch.extract_many(_articles(published=None)[:1]))


def test_one_article_that_raises_is_yielded_as_its_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    real = batch.extract_doc

    def fails_on_t1(article, doc, **options):  # type: ignore[no-untyped-def]
        if article.id == "t1":
            raise RuntimeError("no luck")
        return real(article, doc, **options)

    monkeypatch.setattr(batch, "extract_doc", fails_on_t1)
    results = list(batch.extract_many(_articles()[:3]))
    assert isinstance(results[1], RuntimeError)
    assert [r.article.id for r in (results[0], results[2])] == ["t0", "t2"]  # type: ignore[union-attr]


@pytest.mark.usefixtures("fake_ingest")
def test_two_jobs_write_the_same_bytes_as_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "CHUNK", 3)  # several chunks, so both workers get some
    monkeypatch.setattr(pipeline, "TASK", 2)  # and chunks cut into tasks, joined back in order
    monkeypatch.setattr(pipeline, "LAST_TASK", 1)  # the last chunk (of 2 items) cut finer still
    source = write_articles(
        tmp_path / "in.jsonl",
        *({"id": f"t{i}", "text": text} for i, text in enumerate(TEXTS)),
        "{not json",
    )
    reports = {}
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}.jsonl"
        reports[jobs] = pipeline.run_extract(
            [source], out, pipeline="en_core_web_sm", published=PUBLISHED, jobs=jobs
        )
    one, two = (tmp_path / "jobs1.jsonl").read_bytes(), (tmp_path / "jobs2.jsonl").read_bytes()
    assert one == two and one.count(b"\n") == len(TEXTS)
    assert reports[1].model_copy(update={"out": None}) == reports[2].model_copy(update={"out": None})
    assert [f.line for f in reports[2].failures] == [len(TEXTS) + 1]
