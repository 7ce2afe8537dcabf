"""Office titles found by one compiled pattern: the same as searching for each title on its own."""

from __future__ import annotations

import itertools
import re

import pytest

from graphkit.extractor.mentions import office_in
from graphkit.lexicon import Lexicon, load_lexicon


def _title_by_title(text: str, lex: Lexicon) -> tuple[str | None, str | None]:
    """The reference: every title searched alone; the longest wins, then the first listed, then the first."""
    low = text.lower()
    best: tuple[int, str, str] | None = None
    for title, office in lex.offices.items():
        for m in re.finditer(rf"\b{re.escape(title)}\b", low):
            if best is None or len(title) > best[0]:
                best = (len(title), office, text[m.start() : m.end()])
    return (best[1], best[2]) if best else (None, None)


WORDS = ["the", "Prime", "minister", "foreign", "Vice", "president", "of", "secretary", "general", "state"]


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister",
        "the Deputy Prime Minister and the Foreign Minister",
        "ex-president",
        "presidential",  # a title inside a longer word is no title
        "",
        *(" ".join(words) for words in itertools.product(WORDS, repeat=3)),
    ],
)
def test_one_pattern_finds_what_each_title_alone_finds(text: str) -> None:
    lex = load_lexicon()
    assert office_in(text, lex) == _title_by_title(text, lex)


def test_the_longest_title_wins_over_an_earlier_shorter_one() -> None:
    lex = load_lexicon()
    titles = sorted(lex.offices, key=len)
    text = f"{titles[0]} {titles[-1]}".title()
    assert office_in(text, lex) == (lex.offices[titles[-1]], titles[-1].title())
