"""The extractor's stages return new values and leave what they were given as it was.

Every sentence here is written for this test.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import astuple
from typing import TYPE_CHECKING

import pytest

from graphkit.extractor import temporal_expressions
from graphkit.extractor.contacts import ContactDraft, date_by_trips, find_contacts, inherit_dates
from graphkit.extractor.coref import resolve_mentions
from graphkit.extractor.mentions import Mention, MentionKind, find_mentions
from graphkit.gazetteer import load_gazetteer
from graphkit.lexicon import load_lexicon
from graphkit.nlp import DEFAULT_PIPELINE, parser_for_articles

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from graphkit.models import DateSpan

Dates = list[tuple["Span", "DateSpan | None", "DateSpan | None"]]

PUBLISHED = dt.date(2015, 3, 12)


def _parse(text: str) -> Doc:
    return parser_for_articles(DEFAULT_PIPELINE)(text)


def _snapshot(mentions: list[Mention]) -> list[tuple[object, ...]]:
    return [astuple(m) for m in mentions]


@pytest.mark.parametrize(
    "text",
    [
        "German Chancellor Angela Merkel met French President Francois Hollande. She said they agreed.",
        "The Chinese and U.S. presidents spoke by phone on Tuesday, officials said.",
        '"I am glad to be here," Hollande said after he met Merkel.',
    ],
)
def test_resolving_leaves_the_mentions_it_was_given(text: str) -> None:
    doc, gaz = _parse(text), load_gazetteer()
    mentions = find_mentions(doc, gaz, load_lexicon())
    before = _snapshot(mentions)
    actors, resolved = resolve_mentions(doc, mentions, gaz, PUBLISHED)
    assert _snapshot(mentions) == before
    assert all(m.actor is None for m in mentions)
    assert any(m.actor in actors for m in resolved)
    assert [m.start for m in resolved] == [m.start for m in mentions]


def test_resolving_twice_gives_the_same_actors() -> None:
    doc, gaz = (
        _parse("Russian President Vladimir Putin met Chinese President Xi Jinping. He thanked Xi."),
        load_gazetteer(),
    )
    mentions = find_mentions(doc, gaz, load_lexicon())
    first, second = (resolve_mentions(doc, mentions, gaz, PUBLISHED) for _ in range(2))
    assert [m.actor for m in first.mentions] == [m.actor for m in second.mentions]
    assert sorted(first.actors) == sorted(second.actors)


def test_mention_kinds_are_an_enum_that_still_equals_its_words() -> None:
    doc, gaz = _parse("The French president met Angela Merkel in Berlin. He thanked her."), load_gazetteer()
    kinds = {m.kind for m in find_mentions(doc, gaz, load_lexicon())}
    assert all(isinstance(k, MentionKind) for k in kinds)
    assert MentionKind.ROLE in kinds and "role" in kinds and MentionKind.PRONOUN == "pronoun"


def _drafts(text: str) -> tuple[list[ContactDraft], list[Mention], dict[str, str | None], Dates]:
    """The contact drafts of ``text`` before any date is passed between them, and what dating needs."""
    doc, gaz, lex = _parse(text), load_gazetteer(), load_lexicon()
    actors, mentions = resolve_mentions(doc, find_mentions(doc, gaz, lex), gaz, PUBLISHED)
    dates = temporal_expressions(doc, PUBLISHED)
    drafts = find_contacts(doc, lex, actors, mentions, PUBLISHED, dates)
    return drafts, mentions, {a.id: a.country for a in actors.values()}, dates


@pytest.mark.parametrize(
    "text",
    [
        "On Monday Kerry met Lavrov in Geneva. Kerry later met Ban Ki-moon.",
        "Merkel met Hollande in Paris on Tuesday. Merkel also met Renzi.",
        "Kerry met Lavrov on March 2 in Geneva. He then met Ban Ki-moon.",
    ],
)
def test_inherited_dates_are_new_drafts(text: str) -> None:
    drafts, mentions, _, dates = _drafts(text)
    before = copy.copy(drafts), [d.date for d in drafts]
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    dated = inherit_dates(drafts, dates, by_token, load_lexicon())
    assert (drafts, [d.date for d in drafts]) == before
    assert all(a is not b for a, b in zip(dated, drafts, strict=True))
    assert sum(d.date is not None for d in dated) > sum(d.date is not None for d in drafts)


@pytest.mark.parametrize(
    "text",
    [
        "On March 3 Kerry traveled to India. In New Delhi he met Sushma Swaraj.",
        "Kerry visited Japan on March 4. During his visit he met Fumio Kishida.",
        "On March 5 Lavrov flew to China. While in Beijing, he met Wang Yi.",
    ],
)
def test_dates_from_trips_are_new_drafts(text: str) -> None:
    drafts, _, country_of, _ = _drafts(text)
    dates_before = [d.date for d in drafts]
    dated = date_by_trips(drafts, country_of)
    assert [d.date for d in drafts] == dates_before
    assert sum(d.date is not None for d in dated) > sum(d.date is not None for d in drafts)


def test_a_dated_paragraph_gives_no_date_to_an_earlier_contact() -> None:
    # the negative: nothing dated before it, so nothing is inherited and the drafts come back equal
    drafts, mentions, country_of, dates = _drafts(
        "Kerry met Lavrov in Geneva. On Monday Kerry met Ban Ki-moon."
    )
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    inherited = inherit_dates(drafts, dates, by_token, load_lexicon())
    assert [d.date for d in inherited] == [d.date for d in drafts]
    assert [d.date for d in date_by_trips(drafts, country_of)] == [d.date for d in drafts]
