"""Property tests: arbitrary text given to extraction and to date resolution raises nothing but graphkit's own
errors (issue 12, "Nothing lost, ever")."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphkit.dates import find_expressions, resolve
from graphkit.errors import GraphkitError
from graphkit.extractor import extract
from graphkit.models import Article, DateSpan, Extraction

# Pieces that news text and hostile input hold: quotes of every kind, dates that do not exist, control
# characters, very long tokens, scripts other than Latin, and sentences that do name contacts.
_PIECES = [
    '"',
    "“",
    "”",
    "«",
    "»",
    "„",
    "‘",
    "’",
    "'",
    '"Unclosed quote',
    "“We agreed,” he said.",
    "31 February",
    "February 30, 2013",
    "on 31 February 2024",
    "the 32nd of March",
    "Monday, 0 January 0000",
    "9999-12-31",
    "0000-00-00",
    "between 5 and 3 May",
    "last week",
    "two days ago",
    "in the spring of 2999",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\r\n",
    "\t",
    "\u200b",
    "\u202e",
    "\ufeff",
    "\ud7ff",
    "a" * 3000,
    "Putin" * 400,
    "-" * 2000,
    "Президент Путин встретился с Эрдоганом 5 мая.",
    "وزير الخارجية التقى نظيره يوم الثلاثاء",
    "習近平主席と会談した。",
    "प्रधानमंत्री ने मुलाकात की",
    "🇺🇸🇷🇺🤝",
    "President Macron met Chancellor Scholz in Berlin on Tuesday.",
    "Foreign Minister Lavrov phoned Secretary of State Blinken on 31 February.",
    "He said: “I met him.”",
    "MOSCOW, March 5 (Reuters) -",
]

_TEXT = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(max_size=40)),
    max_size=8,
).map(" ".join) | st.text(max_size=200)

_ANCHORS = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
_TENSES = st.sampled_from([None, "past", "future"])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, published=_ANCHORS)
def test_extraction_of_arbitrary_text_raises_only_graphkit_errors(
    text: str, published: dt.date | None
) -> None:
    article = Article(id="prop", published=published, text=text)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            extraction = extract(article)
    except GraphkitError:
        return
    assert isinstance(extraction, Extraction)
    for item in (*extraction.contacts, *extraction.statements):
        assert text[item.evidence.start : item.evidence.end] == item.evidence.text


@settings(max_examples=30, deadline=None)
@given(text=_TEXT, anchor=_ANCHORS, tense=_TENSES)
def test_date_resolution_of_arbitrary_text_raises_only_graphkit_errors(
    text: str, anchor: dt.date | None, tense: str | None
) -> None:
    try:
        spans = find_expressions(text)
        assert all(0 <= start < end <= len(text) for start, end in spans)
        for expression in [text, *(text[start:end] for start, end in spans)]:
            span = resolve(expression, anchor, tense)  # type: ignore[arg-type]
            assert span is None or (isinstance(span, DateSpan) and span.start <= span.end)
    except GraphkitError:
        pass


@pytest.mark.parametrize("text", ['" ', 'He said "  "', "\u201c"])
def test_an_empty_quotation_is_not_an_error(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        assert extract(Article(id="prop", text=text)).statements == ()
