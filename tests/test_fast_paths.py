"""Shortcuts taken for speed give what the plain way gives: each is checked against a reference written here
the slow and obvious way (the code as it was before the shortcut)."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys

import pytest
from helpers import DEV_TEXTS
from hypothesis import given, settings
from hypothesis import strategies as st

from graphkit import _date_grammar, _parallel
from graphkit.extractor.statements import OPEN, find_quotes

# --- dates: every rule tried only where some rule can start -----------------------------------------------

# Words that make the date rules match, half match and overlap.
_DATE_WORDS = [
    "May", "March", "Jan.", "Sept", "Monday", "Friday", "3", "28th", "2024", "1999", "12,000", "the", "The",
    "last", "next", "this", "week", "weekend", "month", "year", "ago", "two", "days", "later", "mid", "early",
    "spring", "fall", "of", "between", "and", "to", "from", "through", "on", "in", "around", "today",
    "yesterday", "morning", "recently", "coming", "past", "Ms", "Theresa", "'s", "-", "–", ",", ".", " ",
    "  ", "\n", "https://example.org/2012/08/05/",
]  # fmt: skip
_date_texts = st.lists(st.sampled_from(_DATE_WORDS), max_size=40).map(" ".join) | st.lists(
    st.sampled_from(_DATE_WORDS), max_size=40
).map("".join)


def _same_matches_rule_by_rule(text: str) -> None:
    starts = [m.start() for m in _date_grammar.rule_starts().finditer(text)]
    for rule in _date_grammar.rules():
        plain = [(m.span(), m.groupdict()) for m in rule.find.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _date_grammar.matches_at(rule.find, text, starts)] == plain


@settings(max_examples=400, deadline=None)
@given(_date_texts)
def test_each_rule_finds_what_its_own_scan_finds(text: str) -> None:
    _same_matches_rule_by_rule(text)


@pytest.mark.skipif(not DEV_TEXTS.is_dir(), reason="needs the shared development corpus")
def test_each_rule_finds_what_its_own_scan_finds_in_the_development_texts() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(DEV_TEXTS.glob("*.txt"))]
    assert texts
    for text in texts:
        _same_matches_rule_by_rule(text)


# --- quotations: from mark to mark -------------------------------------------------------------------------


def _quotes_letter_by_letter(text: str) -> list[tuple[int, int]]:
    """find_quotes as it was: every character of every paragraph looked at."""

    def _opens(text: str, i: int) -> bool:  # as in graphkit.extractor.statements, unchanged
        if text[i] == "‘":
            return i + 1 < len(text) and text[i + 1].isalpha() and (i == 0 or not text[i - 1].isalnum())
        if text[i] != '"':
            return text[i] != "”"
        return i == 0 or (not text[i - 1].isalnum() and text[i - 1] not in ".,!?;:")

    def closing_mark(i: int, end: int, close: str) -> int | None:
        marks = {close, "”"} if close == '"' else {close}
        for j in range(i, end):
            if text[j] in marks and not (close == "’" and j + 1 < len(text) and text[j + 1].isalpha()):
                return j
        return None

    spans = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for n, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        while i < p_end:
            ch = text[i]
            if ch in OPEN and _opens(text, i):
                close = closing_mark(i + 1, p_end, OPEN[ch])
                if close is None and OPEN[ch] == "”":
                    close = closing_mark(i + 1, p_end, '"')
                if close is None:
                    runs_on = n + 1 < len(paragraphs) and text[paragraphs[n + 1][0]] in OPEN
                    if runs_on or n + 1 == len(paragraphs):
                        spans.append((i + 1, p_end))
                    break
                spans.append((i + 1, close))
                i = close + 1
                continue
            i += 1
    return [(s, e) for s, e in spans if e > s]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet='“”"«»„‘’ab .,!\n', max_size=50))
def test_find_quotes_is_unchanged(text: str) -> None:
    assert find_quotes(text) == _quotes_letter_by_letter(text)


# --- coreference: the second pass only when there are quotations to know ----------------------------------


def test_a_second_pass_without_quotations_repeats_the_first() -> None:
    from graphkit.extractor.coref import resolve_mentions
    from graphkit.extractor.mentions import find_mentions
    from graphkit.gazetteer import load_gazetteer
    from graphkit.lexicon import load_lexicon
    from graphkit.nlp import parser_for_articles

    doc = parser_for_articles()(
        "The Kenyan President met Olaf Scholz in Berlin on Monday. He thanked his host, and the two leaders "
        "later phoned the French president. Scholz said they had agreed to meet again."
    )
    gaz = load_gazetteer()
    mentions = find_mentions(doc, gaz, load_lexicon())
    first = resolve_mentions(doc, mentions, gaz, dt.date(2024, 3, 13))
    again = resolve_mentions(doc, mentions, gaz, dt.date(2024, 3, 13), [], None)
    assert first.mentions == again.mentions
    assert first.actors == again.actors
    assert len(first.actors) >= 3


# --- worker processes: forked once the model is loaded -----------------------------------------------------

_LOADED: list[int] = []


def _load() -> None:
    _LOADED.append(os.getpid())


def _what_was_loaded(chunk: int) -> tuple[int, list[int]]:
    return chunk, list(_LOADED)


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_forked_workers_start_with_what_the_initializer_loaded_here() -> None:
    _LOADED.clear()
    results = list(_parallel.ordered_map(_what_was_loaded, range(6), jobs=2, initializer=_load))
    assert [chunk for chunk, _ in results] == list(range(6))  # in input order
    assert [os.getpid()] == _LOADED  # loaded once, here
    assert all(result == (chunk, [os.getpid()]) for chunk, result in results)
