"""Temporal expressions in news text: find them, and resolve them against the publication date.

One small grammar (:mod:`graphkit._date_grammar`, regular expressions built from the word lists in
``data/lexicon/dates.yaml``) serves both jobs. :func:`find_expressions` runs it over running text, where names
must be capitalized ("Russia may agree" holds no date); :func:`resolve` matches one expression against it,
in any case, and hands the match to the function registered for the rule's kind, which returns an inclusive
span of days and its granularity.

Written dates ("March 5, 2013", "Sept. 28", "5th of May") are read by dateparser. This module decides the
rest: which year a date written without one falls in, and the span of relative expressions ("last week",
"in July", "two days ago"), which dateparser would turn into single instants. The rules follow the corpus
annotation (``shared/corpus/dev/README.md``): a past weekday is the last one on or before the anchor, a future
one the next on or after it; "last week" is the previous Monday-to-Sunday week; a month or date without a year
is the most recent one starting on or before the anchor (past), the next one not yet over (future), or, for
explicit days with no tense, the nearest.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Literal

from graphkit._date_grammar import find_spans, match_expression
from graphkit._date_lexicon import DATE_LEXICON, DateLexicon, date_lexicon, load_date_lexicon
from graphkit.models import DateSpan, Granularity

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = [
    "DATE_LEXICON",
    "DateLexicon",
    "Tense",
    "date_lexicon",
    "find_expressions",
    "is_anaphoric",
    "load_date_lexicon",
    "read_date",
    "resolve",
]

Tense = Literal["past", "future"]

_DAY, _WEEK, _MONTH, _YEAR = Granularity.DAY, Granularity.WEEK, Granularity.MONTH, Granularity.YEAR
_Span = tuple[dt.date, dt.date, Granularity]
_Handler = Callable[[re.Match[str], dt.date | None, Tense | None], _Span | None]


# --- calendar helpers ----------------------------------------------------------------------------------


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None where it does not exist (February 30, year 0)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    years, index = divmod(month - 1 + by, 12)
    return year + years, index + 1


def _week_of(day: dt.date, by: int = 0) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=by)
    return monday, monday + dt.timedelta(days=6)


def _distance(span: tuple[dt.date, dt.date], anchor: dt.date) -> int:
    if span[0] <= anchor <= span[1]:
        return 0
    return min(abs((span[0] - anchor).days), abs((span[1] - anchor).days))


def _pick(
    spans: Iterable[tuple[dt.date, dt.date]], anchor: dt.date, tense: Tense | None
) -> tuple[dt.date, dt.date] | None:
    """Choose among the readings of an expression that gives no year (or no month).

    Past: the latest span starting on or before the anchor. Future: the earliest span not over before the
    anchor (a trip under way counts). None: the nearest span, the earlier one on a tie.
    """
    spans = list(spans)
    if tense == "past":
        return max((s for s in spans if s[0] <= anchor), default=None)
    if tense == "future":
        return min((s for s in spans if s[1] >= anchor), default=None)
    return min(spans, key=lambda s: (_distance(s, anchor), s[0]), default=None)


def _days(span: tuple[dt.date, dt.date] | None) -> _Span | None:
    return None if span is None else (span[0], span[1], _DAY)


# --- reading written dates with dateparser ---------------------------------------------------------------

# dateparser fills a missing year from its base; a leap year lets "February 29" be read at all. The year
# itself is chosen by _pick, which knows tenses, spans and "nearest" (dateparser has none of them).
_LEAP_BASE = dt.datetime(2000, 1, 1)


_STRICTNESS: dict[str, dict[str, Any]] = {
    "day": {"REQUIRE_PARTS": ["day", "month"]},
    "day_year": {"STRICT_PARSING": True},  # day, month and year must all be written
    "month_year": {"REQUIRE_PARTS": ["month", "year"]},
}


@functools.cache
def _date_parser(parts: str) -> DateDataParser:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {
        "RETURN_AS_TIMEZONE_AWARE": False,
        "RELATIVE_BASE": _LEAP_BASE,
        "PREFER_DAY_OF_MONTH": "first",
        # only absolute forms: "tomorrow" or "in 2 days" must never come back as a date from here
        "PARSERS": ["absolute-time"],
        **_STRICTNESS[parts],
    }
    return DateDataParser(languages=["en"], settings=settings)


def read_date(text: str, parts: str) -> dt.date | None:
    """Read a written date; without a written year, the year is 2000.

    The common shapes ("5 March", "March 5", "March 5th, 2024", "Sept. 5 2024") are read here, the rest by
    dateparser, which costs about a hundred times more a call (tests/test_dates.py checks both agree).
    """
    plain = plain_date(text, parts)
    if plain is not NotImplemented:
        return plain
    parsed = _date_parser(parts).get_date_data(text).date_obj
    return None if parsed is None else parsed.date()


_PLAIN_DATE = re.compile(
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[A-Za-z]+)\.?|(?P<m2>[A-Za-z]+)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)"
    r"(?:,?\s+(?P<y>\d{4}))?"
)


def plain_date(text: str, parts: str) -> dt.date | Any | None:
    """A day and month name, and a year where ``parts`` asks for one; NotImplemented for any other shape."""
    m = _PLAIN_DATE.fullmatch(text.strip())
    if m is None or parts not in {"day", "day_year"} or (parts == "day_year") != (m["y"] is not None):
        return NotImplemented
    lexicon = date_lexicon()
    word = (m["m1"] or m["m2"]).lower()
    month = lexicon.months.get(word) or lexicon.month_abbreviations.get(word)
    if month is None:
        return NotImplemented
    try:
        return dt.date(int(m["y"]) if m["y"] else 2000, month, int(m["d1"] or m["d2"]))
    except ValueError:
        return None  # "February 30"


# --- rule handlers: match -> (start, end, granularity) --------------------------------------------------


def _norm(text: str | None) -> str:
    return " ".join(text.lower().split()) if text else ""


def _vague(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Span | None:
    return None


def _iso(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Span | None:
    day = dt.date.fromisoformat(m[0])
    return day, day, _DAY


def _explicit_day(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Span | None:
    if m["y"] is not None:
        day = read_date(f"{m['date']} {m['y']}", "day_year")
        return None if day is None else (day, day, _DAY)
    day = read_date(m["date"], "day")
    if day is None or anchor is None:
        return None
    years = range(anchor.year - 4, anchor.year + 5)  # wide enough for a February 29
    found = (_date_or_none(y, day.month, day.day) for y in years)
    return _days(_pick(((d, d) for d in found if d), anchor, tense))


def _range(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Span | None:
    first = read_date(f"{m['m1'] or m['m2']} {m['d1']}", "day")
    last = read_date(f"{m['m2'] or m['m1']} {m['d2']}", "day")
    if first is None or last is None or (m["m2"] is None and last <= first):
        return None  # "May 29-3" is no span
    if m.groupdict().get("pair") and (last - first).days != 1:
        return None  # "on 3 and 7 May" are two days, not a span
    if m["y1"] and m["y2"]:
        span = (first.replace(year=int(m["y1"])), last.replace(year=int(m["y2"])))
        return _days(span) if span[0] <= span[1] else None
    if m["y1"] or m["y2"]:
        start_year = int(m["y1"]) if m["y1"] else int(m["y2"]) - (last < first)
        return _days(_range_in(start_year, first, last))
    if anchor is None:
        return None
    spans = (_range_in(y, first, last) for y in range(anchor.year - 4, anchor.year + 5))
    return _days(_pick((s for s in spans if s), anchor, tense))


def _range_in(year: int, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date] | None:
    """The span from ``first`` in ``year`` to the next ``last`` (December 30 to January 2 crosses years)."""
    start = _date_or_none(year, first.month, first.day)
    end = _date_or_none(year + (last < first), last.month, last.day)
    return (start, end) if start and end else None


def _year_range(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Span | None:
    first, last = int(m["y1"]), int(m["y2"])
    return (dt.date(first, 1, 1), dt.date(last, 12, 31), _YEAR) if first <= last else None


def _day_of_month(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Span | None:
    if anchor is None:
        return None
    day = int(m["d"][:-2])  # "28th"
    months = (_shift_month(anchor.year, anchor.month, by) for by in range(-2, 3))
    found = (_date_or_none(y, mo, day) for y, mo in months)
    return _days(_pick(((d, d) for d in found if d), anchor, tense))


def _weekday(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Span | None:
    if anchor is None:
        return None
    weekdays = date_lexicon().weekdays
    first = _weekday_date(weekdays[m["w1"].lower()], anchor, _norm(m["mod"]), tense)
    if m["w2"] is None:
        return first, first, _DAY
    # "Wednesday or Thursday": the second day is the first such day from the first one on
    gap = (weekdays[m["w2"].lower()] - first.weekday()) % 7
    return first, first + dt.timedelta(days=gap), _DAY


def _weekday_date(weekday: int, anchor: dt.date, modifier: str, tense: Tense | None) -> dt.date:
    """The date of a weekday near the anchor; ``last``/``next`` skip the anchor's own day."""
    if modifier in ("last", "this past"):
        return anchor - dt.timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)
    if modifier in ("next", "this coming"):
        return anchor + dt.timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    if modifier == "this":
        return _week_of(anchor)[0] + dt.timedelta(days=weekday)
    # "later Saturday" looks ahead and "earlier Monday" back, whatever the tense of a vague verb
    default: Tense = "future" if modifier == "later" else "past"
    if (tense or default) == "future":
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def _weekend(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Span | None:
    if anchor is None:
        return None
    rel = _norm(m["rel"])
    weekends = {
        by: (_week_of(anchor, by)[0] + dt.timedelta(days=5), _week_of(anchor, by)[1]) for by in (-1, 0, 1)
    }
    if rel == "the":
        return _days(_pick(weekends.values(), anchor, tense or "past"))
    return _days(weekends[date_lexicon().relative_periods[rel]])


def _relative_day(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Span | None:
    if anchor is None:
        return None
    day = anchor + dt.timedelta(days=date_lexicon().relative_days[_norm(m["w"])])
    return day, day, _DAY


def _count(word: str) -> int:
    return int(word) if word.isdigit() else date_lexicon().number_words[word.lower()]


def _units_ago(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Span | None:
    if anchor is None:
        return None
    sign = -1 if _norm(m["dir"]) == "ago" else 1
    return _shifted(anchor, _norm(m["unit"]), sign * _count(m["n"]))


def _shifted(anchor: dt.date, unit: str, by: int) -> _Span:
    """The day (for days and weeks, as the corpus annotates "a week ago"), month or year ``by`` units away."""
    if unit in ("day", "week"):
        day = anchor + dt.timedelta(days=by * (7 if unit == "week" else 1))
        return day, day, _DAY
    if unit == "month":
        return (*_month_span(*_shift_month(anchor.year, anchor.month, by)), _MONTH)
    return dt.date(anchor.year + by, 1, 1), dt.date(anchor.year + by, 12, 31), _YEAR


def _relative_period(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Span | None:
    if anchor is None:
        return None
    by = date_lexicon().relative_periods.get(_norm(m["rel"]), 0)  # "the end of the month" is this month
    unit = _norm(m["unit"])
    if unit == "week":
        return (*_week_of(anchor, by), _WEEK)
    return _shifted(anchor, unit, by)


def _month(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Span | None:
    if anchor is None:
        return None
    month = date_lexicon().months[m["m"].lower()]
    if m["yrel"]:
        year = anchor.year + date_lexicon().relative_periods[_norm(m["yrel"])]
        return (*_month_span(year, month), _MONTH)
    spans = [_month_span(y, month) for y in range(anchor.year - 1, anchor.year + 2)]
    rel = _norm(m["rel"])
    this_month = _month_span(anchor.year, anchor.month)
    if rel in ("last", "this past"):
        span = _pick((s for s in spans if s[1] < this_month[0]), anchor, "past")
    elif rel in ("next", "this coming"):
        span = _pick((s for s in spans if s[0] > this_month[1]), anchor, "future")
    elif rel == "this":
        span = _month_span(anchor.year, month)
    else:
        span = _pick(spans, anchor, tense or "past")
    return None if span is None else (*span, _MONTH)


def _season(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Span | None:
    """A season: three months from the month it starts in; without a year, the one the tense points to."""
    first = date_lexicon().seasons[_norm(m["s"])]
    if m["y"]:
        return _season_span(int(m["y"]), first)
    if anchor is None:
        return None
    spans = [_season_span(y, first)[:2] for y in range(anchor.year - 2, anchor.year + 2)]
    rel = _norm(m["rel"])
    by = date_lexicon().relative_periods.get(rel) if rel != "the" else None
    current = next((s for s in spans if s[0] <= anchor <= s[1]), None)
    if by == 0 and current is None:
        by = None  # "this summer" in winter: the coming one
        tense = "future"
    if by == 0:
        span = current
    elif by is not None and by < 0:
        span = _pick((s for s in spans if s[1] < anchor), anchor, "past")
    elif by is not None:
        span = _pick((s for s in spans if s[0] > anchor), anchor, "future")
    else:
        span = _pick(spans, anchor, tense or "past")
    return None if span is None else (*span, _MONTH)


def _season_span(year: int, first: int) -> _Span:
    start = dt.date(year, first, 1)
    end_year, end_month = _shift_month(year, first, 2)
    return start, _month_span(end_year, end_month)[1], _MONTH


def _month_year(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Span | None:
    found = read_date(f"{m['m']} {m['y']}", "month_year")
    return None if found is None else (*_month_span(found.year, found.month), _MONTH)


def _year(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Span | None:
    year = int(m["y"])
    return dt.date(year, 1, 1), dt.date(year, 12, 31), _YEAR


# kind of grammar rule -> the function that turns its match into a span
HANDLERS: dict[str, _Handler] = {
    "vague": _vague,
    "iso": _iso,
    "range": _range,
    "year_range": _year_range,
    "day": _explicit_day,
    "month_year": _month_year,
    "day_of_month": _day_of_month,
    "weekday": _weekday,
    "weekend": _weekend,
    "relative_day": _relative_day,
    "units_ago": _units_ago,
    "relative_period": _relative_period,
    "month": _month,
    "season": _season,
    "year": _year,
}


# --- public API -------------------------------------------------------------------------------------------


def find_expressions(text: str) -> list[tuple[int, int]]:
    """Find the temporal expressions in a sentence or paragraph.

    Overlapping candidates are settled longest first ("June 28 through July 6" over "June 28").
    Spans leave out a plain preposition before the expression ("in", "on"), but keep "around", "from ...
    to" and "between ... and". Vague expressions ("recently", "a few days ago") are found too, so that a
    caller does not take a farther date for them; :func:`resolve` gives None for them.

    Args:
        text: running text; month and weekday names count only when capitalized.

    Returns:
        ``(start, end)`` character offsets, in text order, not overlapping.

    Example:
        >>> text = "Last week, Macron dispatched his advisor; Russia may agree to meet around the 28th."
        >>> [text[s:e] for s, e in find_expressions(text)]
        ['Last week', 'around the 28th']
    """
    return find_spans(text)


# A preposition before an expression does not move the date it names ("in July" is July).
_LEADING_WORDS = re.compile(
    r"^(?:(?:on\s+or\s+about|as\s+of|in|on|at|during|since|by|until|till|before|after|for|of|over|throughout"
    r"|around|about|circa|approximately)\s+)+",
    re.IGNORECASE,
)
_EDGE_PUNCTUATION = "\"'“”‘’()[],;:!?"


def resolve(expression: str, anchor: dt.date | None, tense: Tense | None = None) -> DateSpan | None:
    """Resolve a temporal expression against the publication date.

    Args:
        expression: one expression, e.g. a span returned by :func:`find_expressions`; any case.
        anchor: the publication date. Without it only dates that name their year resolve.
        tense: whether the event lies behind or ahead of the anchor; it picks the year of "in July" and the
            date of "on Monday". None reads weekdays and months as past and explicit days as the nearest.

    Returns:
        The span of days, or None for a vague time ("recently", "a few days ago"), a relative one without
        an anchor, and anything that is not a date. Never the anchor as a fallback.

    Raises:
        ValueError: ``tense`` is neither "past", "future" nor None.

    Example:
        >>> span = resolve("last week", dt.date(2026, 2, 10))
        >>> span.start, span.end, span.granularity.value
        (datetime.date(2026, 2, 2), datetime.date(2026, 2, 8), 'week')
        >>> resolve("in July", dt.date(2026, 2, 10), "future").start
        datetime.date(2026, 7, 1)
        >>> resolve("recently", dt.date(2026, 2, 10)) is None
        True
    """
    if tense not in ("past", "future", None):
        raise ValueError(f"tense must be 'past', 'future' or None, not {tense!r}")
    span = _resolve_text(_normalize(expression), anchor, tense)
    if span is None:
        return None
    return DateSpan(start=span[0], end=span[1], granularity=span[2], expression=expression, anchor=anchor)


def is_anaphoric(expression: str) -> bool:
    """Whether the expression counts from the day told before it ("the next day"), not from publication.

    Example:
        >>> is_anaphoric("The next day"), is_anaphoric("on the following day"), is_anaphoric("tomorrow")
        (True, True, False)
    """
    text = _LEADING_WORDS.sub("", _normalize(expression)).lower()
    return text in date_lexicon().anaphoric_days


def _normalize(expression: str) -> str:
    text = " ".join(expression.split()).strip(_EDGE_PUNCTUATION + " ")
    return re.sub(r"['’]s$", "", text).rstrip(".")  # "Tuesday's", "on Tuesday."


def _resolve_text(text: str, anchor: dt.date | None, tense: Tense | None) -> _Span | None:
    if not text or text.lower() in date_lexicon().vague_words:
        return None
    found = match_expression(_LEADING_WORDS.sub("", text))
    if found is None:
        return None
    kind, m = found
    try:
        return HANDLERS[kind](m, anchor, tense)
    except (ValueError, OverflowError):
        return None  # a day that does not exist ("2013-02-30") or a year beyond 1..9999
