"""Temporal expressions: finding them in text and resolving them against the publication date."""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphkit import dates
from graphkit.dates import DATE_LEXICON, find_expressions, load_date_lexicon, resolve
from graphkit.errors import InputError
from graphkit.models import DateSpan, Granularity

D = dt.date
DAY, WEEK, MONTH, YEAR = Granularity.DAY, Granularity.WEEK, Granularity.MONTH, Granularity.YEAR

SEED = D(2026, 2, 10)  # a Tuesday
D018 = D(2022, 1, 20)  # a Thursday
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip

# (expression, anchor, tense, start, end, granularity)
RESOLVED = [
    # corpus examples (shared/corpus/dev/README.md, "Annotation conventions")
    ("on Monday", D018, None, D(2022, 1, 17), D(2022, 1, 17), DAY),
    ("two days ago", D018, None, D(2022, 1, 18), D(2022, 1, 18), DAY),
    ("tomorrow", D018, "future", D(2022, 1, 21), D(2022, 1, 21), DAY),
    ("at the beginning of the month", D018, None, D(2022, 1, 1), D(2022, 1, 31), MONTH),
    # "the month's end": the anchor's month, as "the end of the month" is
    ("at the month's end", D018, "future", D(2022, 1, 1), D(2022, 1, 31), MONTH),
    ("by the year’s end", SEED, "future", D(2026, 1, 1), D(2026, 12, 31), YEAR),
    ("before the week's close", SEED, "future", D(2026, 2, 9), D(2026, 2, 15), WEEK),
    ("today", D018, None, D018, D018, DAY),
    ("last week", SEED, None, D(2026, 2, 2), D(2026, 2, 8), WEEK),
    ("Last week", SEED, "past", D(2026, 2, 2), D(2026, 2, 8), WEEK),
    ("in July", SEED, "past", D(2025, 7, 1), D(2025, 7, 31), MONTH),
    ("in July", SEED, None, D(2025, 7, 1), D(2025, 7, 31), MONTH),
    ("February 2022", SEED, "past", D(2022, 2, 1), D(2022, 2, 28), MONTH),
    ("in December", D(2013, 3, 26), "past", D(2012, 12, 1), D(2012, 12, 31), MONTH),
    ("last night", D(2006, 3, 7), None, D(2006, 3, 6), D(2006, 3, 6), DAY),
    ("this year", D(2006, 3, 7), "future", D(2006, 1, 1), D(2006, 12, 31), YEAR),
    ("last evening", D(2009, 8, 5), None, D(2009, 8, 4), D(2009, 8, 4), DAY),
    ("last year", D(2011, 2, 24), None, D(2010, 1, 1), D(2010, 12, 31), YEAR),
    ("A week ago", D(2012, 4, 16), None, D(2012, 4, 9), D(2012, 4, 9), DAY),
    ("On April 16", D(2012, 4, 18), None, D(2012, 4, 16), D(2012, 4, 16), DAY),
    ("in 1906", D(2012, 4, 18), None, D(1906, 1, 1), D(1906, 12, 31), YEAR),
    ("later this year", D(2012, 4, 18), "future", D(2012, 1, 1), D(2012, 12, 31), YEAR),
    ("eight months ago", D(2012, 4, 18), None, D(2011, 8, 1), D(2011, 8, 31), MONTH),
    ("On March 9, 2015", D(2015, 3, 10), None, D(2015, 3, 9), D(2015, 3, 9), DAY),
    ("June 28 through July 6", D(2015, 7, 2), None, D(2015, 6, 28), D(2015, 7, 6), DAY),
    ("June 28 through July 6", D(2015, 7, 2), "future", D(2015, 6, 28), D(2015, 7, 6), DAY),
    ("from October 29 to November 3", D(2014, 11, 6), "past", D(2014, 10, 29), D(2014, 11, 3), DAY),
    ("on June 13", D(2012, 5, 8), "future", D(2012, 6, 13), D(2012, 6, 13), DAY),
    ("on May 24", D(2011, 5, 23), None, D(2011, 5, 24), D(2011, 5, 24), DAY),
    ("May 25-26", D(2011, 5, 23), "future", D(2011, 5, 25), D(2011, 5, 26), DAY),
    ("Last month", D(2007, 7, 2), "past", D(2007, 6, 1), D(2007, 6, 30), MONTH),
    ("in 2010", D(2025, 5, 9), "past", D(2010, 1, 1), D(2010, 12, 31), YEAR),
    ("Later Saturday", D(2006, 3, 3), "future", D(2006, 3, 4), D(2006, 3, 4), DAY),
    ("Later Saturday", D(2006, 3, 3), None, D(2006, 3, 4), D(2006, 3, 4), DAY),  # "later" looks ahead
    ("Thursday", D(2006, 3, 3), "past", D(2006, 3, 2), D(2006, 3, 2), DAY),
    ("This morning", D(2006, 3, 15), None, D(2006, 3, 15), D(2006, 3, 15), DAY),
    ("On Thursday", D(2006, 3, 15), "future", D(2006, 3, 16), D(2006, 3, 16), DAY),
    ("Tuesday", D(2006, 3, 15), "past", D(2006, 3, 14), D(2006, 3, 14), DAY),
    ("earlier this month", D(2006, 3, 24), "past", D(2006, 3, 1), D(2006, 3, 31), MONTH),
    ("in January", D(2006, 3, 24), "past", D(2006, 1, 1), D(2006, 1, 31), MONTH),
    ("in 1978", D(2006, 3, 24), "past", D(1978, 1, 1), D(1978, 12, 31), YEAR),
    ("later Friday", D(2006, 5, 26), "future", D(2006, 5, 26), D(2006, 5, 26), DAY),
    ("on February 22", D(2006, 5, 26), "past", D(2006, 2, 22), D(2006, 2, 22), DAY),
    ("for April", D(2006, 5, 26), "past", D(2006, 4, 1), D(2006, 4, 30), MONTH),
    ("in April 2003", D(2006, 5, 26), None, D(2003, 4, 1), D(2003, 4, 30), MONTH),
    ("Friday", D(2006, 12, 7), "future", D(2006, 12, 8), D(2006, 12, 8), DAY),
    ("last month", D(2006, 12, 7), "past", D(2006, 11, 1), D(2006, 11, 30), MONTH),
    ("on Wednesday", D(2007, 9, 13), "past", D(2007, 9, 12), D(2007, 9, 12), DAY),
    ("on November 15", D(2008, 10, 22), "future", D(2008, 11, 15), D(2008, 11, 15), DAY),
    ("later Monday or Tuesday", D(2017, 5, 8), None, D(2017, 5, 8), D(2017, 5, 9), DAY),
    ("later Monday or Tuesday", D(2017, 5, 8), "future", D(2017, 5, 8), D(2017, 5, 9), DAY),
    ("late Tuesday", D(2010, 8, 11), "past", D(2010, 8, 10), D(2010, 8, 10), DAY),
    ("On July 22", D(2010, 8, 11), "past", D(2010, 7, 22), D(2010, 7, 22), DAY),
    ("Friday", D(2013, 9, 13), "past", D(2013, 9, 13), D(2013, 9, 13), DAY),
    ("around the 28th", D(2013, 9, 13), "future", D(2013, 9, 28), D(2013, 9, 28), DAY),
    ("around the 28th", D(2013, 9, 13), None, D(2013, 9, 28), D(2013, 9, 28), DAY),
    ("Thursday", D(2013, 9, 23), "future", D(2013, 9, 26), D(2013, 9, 26), DAY),
    ("Friday morning", D(2013, 9, 27), None, D(2013, 9, 27), D(2013, 9, 27), DAY),
    ("next week", D(2014, 3, 21), None, D(2014, 3, 24), D(2014, 3, 30), WEEK),
    ("Monday", D(2015, 10, 28), "future", D(2015, 11, 2), D(2015, 11, 2), DAY),
    ("on Sunday", D(2015, 10, 28), "future", D(2015, 11, 1), D(2015, 11, 1), DAY),
    ("Wednesday", D(2016, 7, 6), None, D(2016, 7, 6), D(2016, 7, 6), DAY),
    ("This afternoon", D(2022, 10, 11), "future", D(2022, 10, 11), D(2022, 10, 11), DAY),
    ("May 2010", D(2025, 5, 9), None, D(2010, 5, 1), D(2010, 5, 31), MONTH),
    # weekdays
    ("on Tuesday", SEED, None, SEED, SEED, DAY),
    ("on Tuesday", SEED, "future", SEED, SEED, DAY),
    ("Wednesday", SEED, "past", D(2026, 2, 4), D(2026, 2, 4), DAY),
    ("Wednesday", SEED, "future", D(2026, 2, 11), D(2026, 2, 11), DAY),
    ("Monday night", SEED, None, D(2026, 2, 9), D(2026, 2, 9), DAY),
    ("earlier Monday", SEED, None, D(2026, 2, 9), D(2026, 2, 9), DAY),
    ("last Tuesday", SEED, None, D(2026, 2, 3), D(2026, 2, 3), DAY),
    ("next Tuesday", SEED, None, D(2026, 2, 17), D(2026, 2, 17), DAY),
    ("Tuesday's", SEED, None, SEED, SEED, DAY),
    ("Monday through Wednesday", SEED, "future", D(2026, 2, 16), D(2026, 2, 18), DAY),
    ("Friday, March 5", D(2010, 3, 10), None, D(2010, 3, 5), D(2010, 3, 5), DAY),
    ("on or about March 5", D(2010, 3, 10), None, D(2010, 3, 5), D(2010, 3, 5), DAY),
    ("last weekend", SEED, None, D(2026, 2, 7), D(2026, 2, 8), DAY),
    ("over the weekend", SEED, None, D(2026, 2, 7), D(2026, 2, 8), DAY),
    ("this weekend", SEED, None, D(2026, 2, 14), D(2026, 2, 15), DAY),
    # days relative to the anchor
    ("tonight", SEED, None, SEED, SEED, DAY),
    ("yesterday", SEED, None, D(2026, 2, 9), D(2026, 2, 9), DAY),
    ("yesterday morning", SEED, None, D(2026, 2, 9), D(2026, 2, 9), DAY),
    ("later today", SEED, None, SEED, SEED, DAY),
    ("the day before", SEED, None, D(2026, 2, 9), D(2026, 2, 9), DAY),
    ("the day before yesterday", SEED, None, D(2026, 2, 8), D(2026, 2, 8), DAY),
    ("2 days ago", SEED, None, D(2026, 2, 8), D(2026, 2, 8), DAY),
    ("three weeks ago", SEED, None, D(2026, 1, 20), D(2026, 1, 20), DAY),
    ("a year ago", SEED, None, D(2025, 1, 1), D(2025, 12, 31), YEAR),
    ("two weeks from now", SEED, None, D(2026, 2, 24), D(2026, 2, 24), DAY),
    ("in two weeks' time", SEED, None, D(2026, 2, 24), D(2026, 2, 24), DAY),
    # weeks
    ("the previous week", SEED, None, D(2026, 2, 2), D(2026, 2, 8), WEEK),
    ("this week", SEED, None, D(2026, 2, 9), D(2026, 2, 15), WEEK),
    ("earlier this week", SEED, None, D(2026, 2, 9), D(2026, 2, 15), WEEK),
    ("early next week", SEED, "future", D(2026, 2, 16), D(2026, 2, 22), WEEK),
    ("last week", D(2026, 1, 1), None, D(2025, 12, 22), D(2025, 12, 28), WEEK),  # across the year
    # months
    ("July", SEED, "future", D(2026, 7, 1), D(2026, 7, 31), MONTH),
    ("in February", SEED, "past", D(2026, 2, 1), D(2026, 2, 28), MONTH),  # the same month counts
    ("in February", SEED, "future", D(2026, 2, 1), D(2026, 2, 28), MONTH),
    ("in January", SEED, "future", D(2027, 1, 1), D(2027, 1, 31), MONTH),
    ("early March", SEED, "past", D(2025, 3, 1), D(2025, 3, 31), MONTH),
    ("mid-March", SEED, "future", D(2026, 3, 1), D(2026, 3, 31), MONTH),
    ("late March", SEED, "future", D(2026, 3, 1), D(2026, 3, 31), MONTH),
    ("last month", SEED, None, D(2026, 1, 1), D(2026, 1, 31), MONTH),
    ("this month", SEED, None, D(2026, 2, 1), D(2026, 2, 28), MONTH),
    ("later this month", SEED, "future", D(2026, 2, 1), D(2026, 2, 28), MONTH),
    ("next month", SEED, None, D(2026, 3, 1), D(2026, 3, 31), MONTH),
    ("next month", D(2026, 12, 10), None, D(2027, 1, 1), D(2027, 1, 31), MONTH),
    ("last month", D(2026, 1, 5), None, D(2025, 12, 1), D(2025, 12, 31), MONTH),
    ("last July", D(2026, 7, 20), None, D(2025, 7, 1), D(2025, 7, 31), MONTH),
    ("May of last year", SEED, None, D(2025, 5, 1), D(2025, 5, 31), MONTH),
    ("Sept. 2011", None, None, D(2011, 9, 1), D(2011, 9, 30), MONTH),
    # years
    ("in 2019", SEED, None, D(2019, 1, 1), D(2019, 12, 31), YEAR),
    ("in 2019", None, None, D(2019, 1, 1), D(2019, 12, 31), YEAR),
    ("next year", SEED, None, D(2027, 1, 1), D(2027, 12, 31), YEAR),
    ("at the end of last year", SEED, None, D(2025, 1, 1), D(2025, 12, 31), YEAR),
    ("mid-2019", None, None, D(2019, 1, 1), D(2019, 12, 31), YEAR),
    # explicit days
    ("March 5", SEED, "past", D(2025, 3, 5), D(2025, 3, 5), DAY),
    ("March 5", SEED, "future", D(2026, 3, 5), D(2026, 3, 5), DAY),
    ("March 5", SEED, None, D(2026, 3, 5), D(2026, 3, 5), DAY),  # 23 days ahead, not 342 back
    ("5 March", SEED, "past", D(2025, 3, 5), D(2025, 3, 5), DAY),
    ("February 10", SEED, "past", SEED, SEED, DAY),  # on the anchor counts as past
    ("February 10", SEED, "future", SEED, SEED, DAY),
    ("January 20", SEED, None, D(2026, 1, 20), D(2026, 1, 20), DAY),
    ("the 5th of March", SEED, "future", D(2026, 3, 5), D(2026, 3, 5), DAY),
    ("Sept. 28", D(2013, 9, 13), None, D(2013, 9, 28), D(2013, 9, 28), DAY),
    ("March 5, 2013", None, None, D(2013, 3, 5), D(2013, 3, 5), DAY),
    ("March 5, 2013", SEED, "future", D(2013, 3, 5), D(2013, 3, 5), DAY),  # a written year wins
    ("November 11, 2010", None, None, D(2010, 11, 11), D(2010, 11, 11), DAY),
    ("Nov. 30, 2011", None, None, D(2011, 11, 30), D(2011, 11, 30), DAY),
    ("5 March 2013", None, None, D(2013, 3, 5), D(2013, 3, 5), DAY),
    ("2013-09-28", None, None, D(2013, 9, 28), D(2013, 9, 28), DAY),
    ("February 29", SEED, None, D(2024, 2, 29), D(2024, 2, 29), DAY),
    ("on the 28th", D(2013, 9, 13), "future", D(2013, 9, 28), D(2013, 9, 28), DAY),
    ("on the 28th", D(2013, 9, 13), "past", D(2013, 8, 28), D(2013, 8, 28), DAY),
    ("on the 5th", D(2013, 9, 13), "future", D(2013, 10, 5), D(2013, 10, 5), DAY),
    ("on the 31st", D(2013, 9, 13), "future", D(2013, 10, 31), D(2013, 10, 31), DAY),  # September has 30
    # spans of days
    ("September 28-29", D(2013, 9, 13), None, D(2013, 9, 28), D(2013, 9, 29), DAY),
    ("April 16-17", D(2012, 4, 18), "past", D(2012, 4, 16), D(2012, 4, 17), DAY),
    ("April 16–17, 2012", None, None, D(2012, 4, 16), D(2012, 4, 17), DAY),
    ("28-29 September", D(2013, 9, 13), None, D(2013, 9, 28), D(2013, 9, 29), DAY),
    ("between 3 and 5 May", D(2011, 5, 23), "past", D(2011, 5, 3), D(2011, 5, 5), DAY),
    ("between May 3 and 5", D(2011, 5, 23), "past", D(2011, 5, 3), D(2011, 5, 5), DAY),
    ("from December 30 to January 2", D(2012, 1, 10), "past", D(2011, 12, 30), D(2012, 1, 2), DAY),
    ("from December 30 to January 2", D(2011, 12, 10), "future", D(2011, 12, 30), D(2012, 1, 2), DAY),
    ("December 30 to January 2, 2012", None, None, D(2011, 12, 30), D(2012, 1, 2), DAY),
    # two days running joined by "and"; a span closed by "the Nth"
    ("on 6 and 7 October", D(2021, 10, 1), "future", D(2021, 10, 6), D(2021, 10, 7), DAY),
    ("June 9 and 10", D(2019, 6, 12), "past", D(2019, 6, 9), D(2019, 6, 10), DAY),
    ("April 30 and May 1", D(2019, 6, 12), "past", D(2019, 4, 30), D(2019, 5, 1), DAY),
    ("October 21st to the 23rd", D(2019, 10, 1), "future", D(2019, 10, 21), D(2019, 10, 23), DAY),
    ("July 8th through the 10th", D(2019, 7, 1), "future", D(2019, 7, 8), D(2019, 7, 10), DAY),
    ("November 2nd until the 4th", D(2019, 10, 20), None, D(2019, 11, 2), D(2019, 11, 4), DAY),
    # seasons: three months (northern hemisphere), month granularity
    ("in the spring", D(2024, 1, 27), "future", D(2024, 3, 1), D(2024, 5, 31), MONTH),
    ("in the spring", D(2024, 1, 27), "past", D(2023, 3, 1), D(2023, 5, 31), MONTH),
    ("next summer", D(2024, 1, 27), None, D(2024, 6, 1), D(2024, 8, 31), MONTH),
    ("last autumn", D(2024, 1, 27), None, D(2023, 9, 1), D(2023, 11, 30), MONTH),
    ("this winter", D(2024, 1, 27), None, D(2023, 12, 1), D(2024, 2, 29), MONTH),
    ("this summer", D(2024, 1, 27), None, D(2024, 6, 1), D(2024, 8, 31), MONTH),  # the coming one
    ("fall 2019", None, None, D(2019, 9, 1), D(2019, 11, 30), MONTH),
    ("the summer of 1906", None, None, D(1906, 6, 1), D(1906, 8, 31), MONTH),
    # spans of years
    ("1994–2024", None, None, D(1994, 1, 1), D(2024, 12, 31), YEAR),
    ("between 2010 and 2014", SEED, None, D(2010, 1, 1), D(2014, 12, 31), YEAR),
]


@pytest.mark.parametrize(("expression", "anchor", "tense", "start", "end", "granularity"), RESOLVED)
def test_resolve(expression, anchor, tense, start, end, granularity):
    span = resolve(expression, anchor, tense)
    assert span is not None, expression
    assert (span.start, span.end, span.granularity) == (start, end, granularity)
    assert span.expression == expression
    assert span.anchor == anchor


NOT_RESOLVED = [
    # vague times
    ("recently", SEED, None),
    ("just", SEED, None),
    ("a few days ago", SEED, None),
    ("several weeks ago", SEED, "past"),
    ("in the following months", SEED, "future"),
    ("in the coming weeks", SEED, "future"),
    ("soon", SEED, "future"),
    ("two days later", SEED, None),
    ("the past week", SEED, None),
    ("earlier", SEED, None),
    # relative expressions without an anchor
    ("yesterday", None, None),
    ("on Monday", None, None),
    ("last week", None, None),
    ("in July", None, None),
    ("March 5", None, None),
    ("around the 28th", None, None),
    ("two days ago", None, None),
    ("September 28-29", None, None),
    # not dates, or dates that do not exist
    ("", SEED, None),
    ("hello", SEED, None),
    ("Also Thursday", SEED, None),  # one expression is matched whole: find_expressions gives "Thursday"
    ("the meeting", SEED, None),
    ("Sunday Times", SEED, None),
    ("the 28th anniversary", SEED, None),
    ("the 2022 agreement", SEED, None),
    ("28 people", SEED, None),
    ("2013-02-30", SEED, None),
    ("February 30", SEED, None),
    ("February 29, 2023", SEED, None),
    ("May 29-3", SEED, None),
    ("on 3 and 7 May", SEED, None),  # two separate days, no span
    ("2150", SEED, None),
    ("2024-1994", SEED, None),
]


@pytest.mark.parametrize(("expression", "anchor", "tense"), NOT_RESOLVED)
def test_resolve_gives_none(expression, anchor, tense):
    assert resolve(expression, anchor, tense) is None


def test_every_rule_kind_has_a_handler():
    from graphkit import dates
    from graphkit._date_grammar import rules

    assert {rule.kind for rule in rules()} == set(dates.HANDLERS)


def test_resolve_ignores_case_of_names():
    # find_expressions insists on capitals; one expression handed to resolve does not need them
    assert resolve("may", SEED).start == resolve("May", SEED).start == D(2025, 5, 1)
    assert resolve("in july", SEED).start == D(2025, 7, 1)


def test_resolve_rejects_an_unknown_tense():
    with pytest.raises(ValueError, match="tense must be"):
        resolve("on Monday", SEED, "present")


# (text, expressions that find_expressions must return, in order)
FOUND = [
    ("Last week, Scholz sent his chief diplomatic adviser to Beijing.", ["Last week"]),
    ("Meloni last phoned Modi in July, the first call between them.", ["July"]),
    ("We decided to meet once more in Nairobi around the 28th, so as to review", ["around the 28th"]),
    ("Olaf Scholz and Narendra Modi met in New Delhi in February 2023.", ["February 2023"]),
    ("Mr. Ramaphosa was due to see the mediators again later Monday or Tuesday.",
     ["later Monday or Tuesday"]),
    ("Secretary Blinken is on the road from June 28 through July 6, 2015.",
     ["from June 28 through July 6, 2015"]),
    ("Blinken toured Laos from October 29 to November 3.", ["from October 29 to November 3"]),
    ("The OECD Ministerial Council Meeting, May 25-26, in Paris.", ["May 25-26"]),
    ("Talks are set for between 3 and 5 May in Geneva.", ["between 3 and 5 May"]),
    ("March 3, 2015, Lima", ["March 3, 2015"]),
    ("On March 9, 2015, Foreign Minister Penny Wong flew to Fiji", ["March 9, 2015"]),
    ("A week ago, Olaf and I were together in Lisbon", ["A week ago"]),
    ("I saw her just two days ago in Rome, and tomorrow in Vienna.", ["two days ago", "tomorrow"]),
    ("when we sat down together only recently in Ottawa at the beginning of the month",
     ["recently", "at the beginning of the month"]),
    ("Trump on Tuesday announced plans to meet Putin at the month's end.", ["Tuesday", "at the month's end"]),
    ("Back then, in 2012, her trip also fell in May.", ["Back then", "2012", "May"]),
    ("The two states cut diplomatic ties in 1965.", ["1965"]),
    ("Begun eight months ago under Presidents Lula and Boric", ["eight months ago"]),
    ("I will be sending a delegation to Brazil later this year.", ["later this year"]),
    ("Later Saturday Ms. Meloni will meet with President Ruto.", ["Later Saturday"]),
    ("The two ministers gave the news late Tuesday after their meeting.", ["late Tuesday"]),
    ("A call Friday between Joe Biden and Xi Jinping", ["Friday"]),
    ("learned Friday morning that Mr. Modi wished to speak", ["Friday morning"]),
    ("The insurgents left the ceasefire talks in June 2011.", ["June 2011"]),
    ("A second round of talks scheduled for April was canceled.", ["April"]),
    ("Tuesday's meeting in Kyiv", ["Tuesday"]),
    ("They spoke on 5 March 2013 and again on 2013-09-28.", ["5 March 2013", "2013-09-28"]),
    ("He said the talks would resume in early March or mid-2019.", ["early March", "mid-2019"]),
    ("This morning he is due at the Foreign Office", ["This morning"]),
    ("Both sides will meet in the coming weeks, perhaps next month.", ["in the coming weeks", "next month"]),
    ("He came back the day before.", ["the day before"]),
    ("The summit is in May, the talks last May were cancelled.", ["May", "last May"]),
    ("Ties (1994–2024) go back to the protectorate from 1905 to 1931.", ["1994–2024", "from 1905 to 1931"]),
    ("The envoys will meet on 11 and 12 June in Oslo.", ["11 and 12 June"]),
    ("The leaders will talk in the spring, or next summer at the latest.", ["the spring", "next summer"]),
    ("Talks stalled last autumn and resumed in winter.", ["last autumn", "winter"]),
    ("Prices fall after the fall of the government in the autumn of 2019.", ["the autumn of 2019"]),
    ("She will tour the region September 3rd to the 6th.", ["September 3rd to the 6th"]),
    ("The votes on 4 and 9 June were close.", ["9 June"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_find_expressions(text, expected):
    assert [text[s:e] for s, e in find_expressions(text)] == expected


NOT_FOUND = [
    "The talks reached the end of a long month.",
    "Russia may agree to the proposal.",
    "May I ask a question?",
    "Theresa May said the talks would go on.",
    "Talks with May's cabinet collapsed.",
    "Thousands joined a protest march in the capital.",
    "The Sunday Times reported the meeting.",
    "The Good Friday Agreement holds.",
    "April Ryan asked the president.",
    "28 people were killed.",
    "The 2022 agreement was signed by both.",
    "Resolution 1973 was adopted.",
    "Some 2000 troops crossed the border.",
    "It was the 28th anniversary of the treaty.",
    "The meeting the day before the summit was tense.",
    "He served 12 terms.",
    "March 5,000 people",
    "Source: https://2009-2017.state.gov/secretary/2009/08/05/index.htm",
    "Stocks fall sharply when rates rise.",
    "The fall of the old regime surprised them.",
    "They celebrated the spring festival.",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_find_expressions_skips_non_dates(text):
    assert [text[s:e] for s, e in find_expressions(text)] == []


def test_found_expressions_resolve():
    # every non-vague expression the finder reports is one the resolver understands
    for text, expected in FOUND:
        for (start, end), words in zip(find_expressions(text), expected, strict=True):
            vague = words in ("recently", "Back then", "in the coming weeks")
            assert (resolve(text[start:end], SEED, "past") is None) == vague, words


def test_date_lexicon_loads():
    lex = load_date_lexicon()
    assert lex.weekdays["monday"] == 0 and lex.weekdays["sunday"] == 6
    assert [lex.months[m.lower()] for m in MONTHS] == list(range(1, 13))
    assert lex.relative_days["yesterday"] == -1
    assert {"may", "march"} <= lex.ambiguous_months
    assert "on" in lex.year_cues  # quoted in YAML, else it would read as True
    assert "Sunday Times" in lex.not_dates


def test_date_lexicon_errors_name_the_file(tmp_path: Path):
    with pytest.raises(InputError, match="cannot read"):
        load_date_lexicon(tmp_path / "missing.yaml")
    broken = tmp_path / "dates.yaml"
    broken.write_text(DATE_LEXICON.read_text(encoding="utf-8").replace('"on"', "on"), encoding="utf-8")
    with pytest.raises(InputError, match="non-text") as err:
        load_date_lexicon(broken)
    assert str(broken) in str(err.value)
    partial = tmp_path / "partial.yaml"
    partial.write_text("weekdays: {monday: 0}\n", encoding="utf-8")
    with pytest.raises(InputError, match="no list 'months'"):
        load_date_lexicon(partial)


def test_import_is_cheap():
    code = "import sys, graphkit.dates; print('dateparser' in sys.modules, 'yaml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


# --- properties --------------------------------------------------------------------------------------------

anchors = st.dates(min_value=D(1800, 1, 1), max_value=D(2200, 12, 31))


@given(anchors, st.sampled_from(WEEKDAYS))
def test_weekday_past_is_within_the_week_up_to_the_anchor(anchor, name):
    span = resolve(f"on {name}", anchor, "past")
    assert span.start == span.end and span.granularity is DAY
    assert 0 <= (anchor - span.start).days < 7
    assert WEEKDAYS[span.start.weekday()] == name
    assert resolve(name, anchor) == resolve(name, anchor, "past").model_copy(update={"expression": name})


@given(anchors, st.sampled_from(WEEKDAYS))
def test_weekday_future_is_within_the_week_from_the_anchor(anchor, name):
    span = resolve(name, anchor, "future")
    assert 0 <= (span.start - anchor).days < 7
    assert WEEKDAYS[span.start.weekday()] == name


@given(anchors, st.sampled_from([None, "past", "future"]))
def test_last_week_is_the_previous_monday_to_sunday(anchor, tense):
    span = resolve("last week", anchor, tense)
    assert span.granularity is WEEK
    assert span.start.weekday() == 0 and (span.end - span.start).days == 6
    monday_of_anchor_week = anchor - dt.timedelta(days=anchor.weekday())
    assert span.end == monday_of_anchor_week - dt.timedelta(days=1)


@given(anchors, st.sampled_from(MONTHS))
def test_month_past_is_a_whole_month_not_after_the_anchor(anchor, name):
    span = resolve(f"in {name}", anchor, "past")
    assert span.granularity is MONTH
    assert span.start.day == 1 and (span.end + dt.timedelta(days=1)).day == 1
    assert span.start.month == MONTHS.index(name) + 1
    assert span.start <= anchor and (anchor - span.start).days < 366


@given(anchors, st.sampled_from(MONTHS))
def test_month_future_is_the_next_not_yet_over(anchor, name):
    span = resolve(name, anchor, "future")
    assert span.end >= anchor and (span.end - anchor).days < 366


@given(st.dates(), st.one_of(st.none(), anchors))
def test_iso_dates_round_trip(day, anchor):
    span = resolve(day.isoformat(), anchor)
    assert (span.start, span.end, span.granularity) == (day, day, DAY)


@given(anchors, st.sampled_from([None, "past", "future"]), st.integers(1, 28), st.sampled_from(MONTHS))
def test_day_without_year_follows_the_tense(anchor, tense, day, month):
    span = resolve(f"{month} {day}", anchor, tense)
    assert span.start == span.end and (span.start.month, span.start.day) == (MONTHS.index(month) + 1, day)
    if tense == "past":
        assert span.start <= anchor and (anchor - span.start).days < 366
    elif tense == "future":
        assert span.start >= anchor and (span.start - anchor).days < 366
    else:
        assert abs((span.start - anchor).days) <= 183


@settings(max_examples=300)
@given(st.text(max_size=60), st.one_of(st.none(), st.dates()), st.sampled_from([None, "past", "future"]))
def test_resolve_never_raises(text, anchor, tense):
    span = resolve(text, anchor, tense)
    assert span is None or (isinstance(span, DateSpan) and span.start <= span.end and span.expression == text)


DATE_WORDS = [
    *[
        "May",
        "March",
        "Sept.",
        "5",
        "28th",
        "2019",
        "Tuesday",
        "Friday",
        "Sunday",
        "Times",
        "morning",
        "week",
    ],
    *["-", ",", "to", "the", "on", "in", "of", "or", "and", "between", "last", "later", "ago", "two", "days"],
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(DATE_WORDS), max_size=12).map(" ".join))
def test_found_spans_are_ordered_and_disjoint(text):
    spans = find_expressions(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@given(
    day=st.integers(1, 31),
    month=st.integers(1, 12),
    year=st.one_of(st.none(), st.integers(1950, 2040)),
    shape=st.sampled_from(["{d} {m}", "{m} {d}", "{m} {d}th", "{m}. {d}", "{d} {m}."]),
    short=st.booleans(),
)
@settings(max_examples=150, deadline=None)
def test_common_written_dates_read_as_dateparser_reads_them(
    day: int, month: int, year: int | None, shape: str, short: bool
) -> None:
    """The fast reading of "5 March", "March 5th, 2024" agrees with dateparser, which it stands in for."""
    import calendar

    from dateparser.date import DateDataParser

    name = (calendar.month_abbr if short else calendar.month_name)[month]
    text = shape.format(d=day, m=name) + (f", {year}" if year else "")
    parts = "day_year" if year else "day"
    settings_ = {"RELATIVE_BASE": dt.datetime(2000, 1, 1), "PREFER_DAY_OF_MONTH": "first"}
    settings_ |= {"STRICT_PARSING": True} if year else {"REQUIRE_PARTS": ["day", "month"]}
    parser = DateDataParser(languages=["en"], settings={**settings_, "PARSERS": ["absolute-time"]})
    expected = parser.get_date_data(text).date_obj
    assert dates.read_date(text, parts) == (expected.date() if expected else None), text
