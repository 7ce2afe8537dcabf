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
from graphkit.extractor.statements import OPEN, _opens, find_quotes

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


def _spans_rule_by_rule(text: str) -> list[tuple[int, int]]:
    """find_spans as it was: each rule scanning the whole text."""
    blocked = [m.span() for m in _date_grammar._not_dates().finditer(text)]
    blocked += [m.span() for m in _date_grammar._URL.finditer(text)]
    found = []
    for rule in _date_grammar.rules():
        for m in rule.find.finditer(text):
            inside = any(b[0] <= m.start() and m.end() <= b[1] for b in blocked)
            if not inside and (rule.accept is None or rule.accept(text, m)):
                found.append(m.span())
    return _date_grammar._longest_first(found)


@settings(max_examples=400, deadline=None)
@given(_date_texts)
def test_each_rule_finds_what_its_own_scan_finds(text: str) -> None:
    starts = [m.start() for m in _date_grammar._any_start().finditer(text)]
    for rule in _date_grammar.rules():
        plain = [(m.span(), m.groupdict()) for m in rule.find.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _date_grammar._matches(rule.find, text, starts)] == plain


@settings(max_examples=200, deadline=None)
@given(_date_texts)
def test_find_spans_is_unchanged(text: str) -> None:
    assert _date_grammar.find_spans(text) == _spans_rule_by_rule(text)


@pytest.mark.skipif(not DEV_TEXTS.is_dir(), reason="needs the shared development corpus")
def test_find_spans_is_unchanged_on_the_development_texts() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(DEV_TEXTS.glob("*.txt"))]
    assert texts
    assert [_date_grammar.find_spans(t) for t in texts] == [_spans_rule_by_rule(t) for t in texts]


# --- quotations: from mark to mark -------------------------------------------------------------------------


def _quotes_letter_by_letter(text: str) -> list[tuple[int, int]]:
    """find_quotes as it was: every character of every paragraph looked at."""

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


# --- a page's speaker: headlines looked for only where a speech word is ------------------------------------

_HEADLINE_WORDS = [
    "Remarks", "REMARKS", "remark", "Speech", "speeches", "Address", "statement", "by", "the", "Minister",
    "Jane", "Doe", "'s", "’s", "opening", "press", "delivered", "\n", " ", ":",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_HEADLINE_WORDS), max_size=12).map(" ".join))
def test_a_headline_that_names_a_speaker_has_a_speech_word(text: str) -> None:
    from graphkit.extractor import turns

    if turns._BY_HEADLINE.search(text) or turns._OWN_HEADLINE.search(text):
        assert turns._SPEECH_WORD.search(text)


# --- titled names: only tokens whose first letters can start a title are tried -----------------------------


def test_titles_are_tried_at_every_token_that_could_start_one() -> None:
    from graphkit.extractor.mentions import _Finder
    from graphkit.gazetteer import load_gazetteer
    from graphkit.lexicon import load_lexicon
    from graphkit.nlp import parser_for_articles

    texts = [
        "Prime Minister Jane Doe of Ruritania met U.S. Secretary of State John Roe and Mr. Smith.",
        "Ms. Élise Durand, the foreign minister, received Sheikh Ali; President-elect Kim spoke to H.E. Lee.",
    ]
    if DEV_TEXTS.is_dir():
        texts += [path.read_text(encoding="utf-8") for path in sorted(DEV_TEXTS.glob("*.txt"))[:40]]
    gaz, lex = load_gazetteer(), load_lexicon()
    for doc in parser_for_articles().pipe(texts):
        finder = _Finder(doc, gaz, lex)
        starts = set(finder.title_starts())
        assert starts < set(range(len(doc)))
        assert all(finder.title_at(i, lex.title_pattern) is None for i in range(len(doc)) if i not in starts)
