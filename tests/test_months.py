"""Month names live in data/lexicon/dates.yaml only: the dateline and name rules read them from there.

Every text here is written for this test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from graphkit.dates import date_lexicon
from graphkit.extractor import dateline, extract
from graphkit.models import Article

MONTHS = sorted(date_lexicon().months.items(), key=lambda item: item[1])


@pytest.mark.parametrize(("month", "number"), MONTHS)
def test_a_dateline_in_any_month_of_the_lexicon(month: str, number: int) -> None:
    for line in (f"{month.capitalize()} 3, 2015, Lima", f"3 {month.capitalize()} 2015"):
        found = dateline(f"{line}\nThe ministers met in the capital.", dt.date(2015, 12, 31))
        assert found is not None, line
        assert found[0].start == dt.date(2015, number, 3)


@pytest.mark.parametrize("line", ["Mayor 3, 2015, Lima", "Smarch 3, 2015", "3 Marching 2015"])
def test_a_word_that_is_no_month_makes_no_dateline(line: str) -> None:
    assert dateline(f"{line}\nThe ministers met in the capital.", dt.date(2015, 12, 31)) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jonas Gahr Store Wednesday met the Finnish president in Oslo.", "Jonas Gahr Store"),
        ("Ursula von der Leyen Tuesday received the Irish prime minister.", "Ursula von der Leyen"),
        ("Olaf Scholz Friday spoke by phone with the French president.", "Olaf Scholz"),
    ],
)
def test_a_day_glued_onto_a_name_is_cut_off(text: str, name: str) -> None:
    extraction = extract(Article(id="m", published=dt.date(2023, 6, 1), text=text))
    assert name in {a.name for a in extraction.actors}
    assert not any(a.name.endswith(("Wednesday", "Tuesday", "Friday")) for a in extraction.actors)


def test_may_is_kept_as_a_surname() -> None:
    """Negative: "May" closes a name as often as it names a month, so it stays in the name."""
    text = "Theresa May met the Irish prime minister in London on Monday."
    extraction = extract(Article(id="m", published=dt.date(2018, 6, 1), text=text))
    assert any(a.name.endswith("May") for a in extraction.actors)
