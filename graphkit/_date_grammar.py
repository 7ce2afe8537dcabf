"""The grammar of temporal expressions: regular expressions built from the date lexicon.

Each rule has a ``kind`` that names how :mod:`graphkit.dates` turns its match into a span ("weekday",
"range", ...). In running text (:func:`find_spans`) names must be capitalized and some rules check the
words around a match; one expression (:func:`match_expression`) is matched whole and in any case.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from graphkit._date_lexicon import DateLexicon, date_lexicon

__all__ = ["Rule", "find_spans", "match_expression", "matches_at", "rule_starts", "rules"]

_Accept = Callable[[str, re.Match[str]], bool]


@dataclass(frozen=True)
class Rule:
    """One form of temporal expression."""

    kind: str
    find: re.Pattern[str]
    match: re.Pattern[str]
    accept: _Accept | None = None


_LEFT_EDGE = r"(?<![\w-])"


def _rule(kind: str, pattern: str, accept: _Accept | None = None) -> Rule:
    # in running text a match must start and end at word edges
    bounded = rf"{_LEFT_EDGE}(?:{pattern})(?!\w)"
    return Rule(kind, re.compile(bounded), re.compile(pattern, re.IGNORECASE), accept)


def _phrase(words: str, capitalize: bool) -> str:
    return r"\s+".join(re.escape(w.capitalize() if capitalize else w) for w in words.split())


def _alt(phrases: Iterable[str], capitalize: bool = False) -> str:
    """A regex alternation, longest first ("the day before yesterday" before "the day before")."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "(?:" + "|".join(_phrase(p, capitalize) for p in ordered) + ")"


def _anycase(phrases: Iterable[str]) -> str:
    """Common words match in any case ("Last week"); names only capitalized ("may" is no month)."""
    return f"(?i:{_alt(phrases)})"


# --- context checks in running text ---------------------------------------------------------------------


def _word_before(text: str, index: int) -> str:
    """The word right before ``index``, or "" where punctuation or the start of the text comes first."""
    found = re.search(r"([\w'’-]+)\s+$", text[max(0, index - 40) : index])
    return found.group(1) if found else ""


def _word_after(text: str, index: int) -> str:
    found = re.match(r"\s+([\w'’-]+)", text[index : index + 40])
    return found.group(1) if found else ""


def _accept_month(text: str, m: re.Match[str]) -> bool:
    if m["mod"] or m["rel"] or m["yrel"]:
        return True
    lex, name = date_lexicon(), m["m"].lower()
    if text[m.end() : m.end() + 2] in ("'s", "’s") and name in lex.ambiguous_months:
        return False  # "in May's cabinet": Theresa May
    if _word_before(text, m.start()).lower() in lex.month_cues:
        return True
    # "April Ryan", "March Madness"; "May" and "March" alone are words more often than months
    return name not in lex.ambiguous_months and not _word_after(text, m.end())[:1].isupper()


def _accept_season(text: str, m: re.Match[str]) -> bool:
    """ "the spring", "next summer", "autumn 2019", "in winter"; not "prices fall" or "the fall of Kabul"."""
    if text[m.end() : m.end() + 4].lower() == " of " and not m["y"]:
        return False  # "the fall of the government", "the spring of discontent"
    if m["y"] or (m["rel"] and m["rel"].lower() != "the"):
        return True
    cue = _word_before(text, m.start() if not m["rel"] else m.start("rel")).lower()
    return cue in date_lexicon().month_cues and (m["rel"] is not None or m["s"].lower() != "fall")


def _accept_year(text: str, m: re.Match[str]) -> bool:
    if m["mod"]:
        return True
    before = _word_before(text, m.start())
    if before.lower() in date_lexicon().year_cues:
        return True
    if before.lower() in ("the", "a", "an") or before[:1].isupper() or before[:1].isdigit():
        return False  # "the 2022 agreement", "Resolution 1973"
    if text[max(0, m.start() - 1) : m.start()] in ("$", "€", "£", "#"):
        return False
    return not _word_after(text, m.end())[:1].islower()  # "2000 troops"


def _accept_ordinal(text: str, m: re.Match[str]) -> bool:
    lex = date_lexicon()
    if not m["around"] and _word_before(text, m.start()).lower() not in lex.ordinal_cues:
        return False
    after = _word_after(text, m.end())
    return not after or after.lower() in lex.ordinal_followers  # not "the 28th anniversary"


def _accept_weekday(text: str, m: re.Match[str]) -> bool:
    # "the Monday Club": a weekday inside a name
    return not (_word_before(text, m.start()).lower() == "the" and _word_after(text, m.end())[:1].isupper())


_DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that"}
)


def _accept_relative_day(text: str, m: re.Match[str]) -> bool:
    if not m["w"].lower().startswith("the"):
        return True
    after = _word_after(text, m.end())  # "the day before the summit" is not the day before publication
    return not (after.lower() in _DETERMINERS or after[:1].isupper() or after[:1].isdigit())


# --- the rules --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Parts:
    """Pattern pieces shared by several rules."""

    weekday: str
    month_full: str
    month: str
    day: str
    year: str
    num: str
    mod: str
    part: str


def _parts(lex: DateLexicon) -> _Parts:
    month_full = _alt(lex.months, capitalize=True) + r"\b"  # not "Mayor"
    return _Parts(
        weekday=_alt(lex.weekdays, capitalize=True),
        month_full=month_full,
        month=rf"(?:{month_full}|{_alt(lex.month_abbreviations, capitalize=True)}(?:\.|\b))",
        day=r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?!\w)(?!,\d)",  # not "March 5,000"
        year=r"(?:1[0-9]{3}|20[0-9]{2})(?!\w)(?!,\d)",
        num=rf"(?:\d{{1,3}}|{_anycase(lex.number_words)})",
        mod=_anycase(lex.period_modifiers),
        part=_anycase(lex.parts_of_day),
    )


@functools.cache
def rules() -> tuple[Rule, ...]:
    """The rules, built once; for one expression the first rule that matches decides."""
    lex = date_lexicon()
    p = _parts(lex)
    return (
        _rule("vague", _vague_pattern(lex, p.num)),
        _rule("iso", r"\d{4}-\d{2}-\d{2}"),
        *_range_rules(p),
        _rule(
            "day",
            rf"(?:{p.weekday},?\s+)?(?P<date>{p.month}\s+{p.day}|(?:(?i:the)\s+)?{p.day}\s+(?:(?i:of)\s+)?{p.month})"
            rf"(?:,?\s+(?P<y>{p.year}))?",
        ),
        _rule(
            "month_year", rf"(?:(?P<mod>{p.mod})[\s-]+)?(?P<m>{p.month}),?\s+(?:(?i:of)\s+)?(?P<y>{p.year})"
        ),
        _rule(
            "day_of_month",
            r"(?:(?P<around>(?i:around|about|on\s+or\s+about|circa))\s+)?(?i:the)\s+"
            r"(?P<d>(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th))",
            _accept_ordinal,
        ),
        _rule(
            "weekday",
            rf"(?:(?P<mod>{_anycase(lex.weekday_modifiers)})\s+)?(?P<w1>{p.weekday})(?:\s+{p.part})?"
            rf"(?:(?:\s*[-–]\s*|\s+(?i:or|and|through|to|until)\s+)(?:(?i:early|late)\s+)?"
            rf"(?P<w2>{p.weekday})(?:\s+{p.part})?)?",
            _accept_weekday,
        ),
        _rule("weekend", rf"(?P<rel>{_anycase([*lex.relative_periods, 'the'])})\s+(?i:weekend)"),
        _rule(
            "relative_day",
            rf"(?:(?i:earlier|later)\s+)?(?P<w>{_anycase(lex.relative_days)})(?:\s+{p.part})?",
            _accept_relative_day,
        ),
        _rule(
            "units_ago",
            rf"(?:(?i:in)\s+)?(?P<n>{p.num})\s+(?P<unit>(?i:day|week|month|year))s?"
            rf"(?:\s+(?P<dir>(?i:ago|from\s+now))|['’]s?\s+(?i:time))",
        ),
        _rule(
            "relative_period",
            rf"(?:{p.mod}\s+)?(?P<rel>{_anycase(lex.relative_periods)})\s+(?P<unit>(?i:week|month|year))",
        ),
        _rule(
            "relative_period",  # "at the beginning of the month": the anchor's month
            r"(?:(?i:at|in)\s+)?(?i:the\s+(?:beginning|start|end|middle|first\s+half|second\s+half)\s+of\s+the)"
            r"\s+(?P<rel>)(?P<unit>(?i:week|month|year))",
        ),
        _rule(
            "relative_period",  # "at the month's end", "by the year's end": the anchor's month or year
            r"(?:(?i:at|by|before)\s+)?(?i:the)\s+(?P<rel>)(?P<unit>(?i:week|month|year))['’]s\s+(?i:end|close)",
        ),
        _rule(
            "month",
            rf"(?:(?P<mod>{p.mod})[\s-]+)?(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this))\s+)?"
            rf"(?P<m>{p.month_full})(?:\s+(?:(?i:of)\s+)?(?P<yrel>(?i:last|this|next))\s+(?i:year))?",
            _accept_month,
        ),
        _rule(
            "season",
            rf"(?:(?P<mod>{p.mod})[\s-]+)?(?:(?P<rel>{_anycase(['the', *lex.relative_periods])})\s+)?"
            rf"(?P<s>{_anycase(lex.seasons)})(?:\s+(?:(?i:of)\s+)?(?P<y>{p.year}))?",
            _accept_season,
        ),
        _rule("year", rf"(?:(?P<mod>{p.mod})[\s-]+)?(?P<y>{p.year})", _accept_year),
    )


def _vague_pattern(lex: DateLexicon, num: str) -> str:
    """Vague times: "recently", "a few days ago", "two days later", "in the following months"."""
    units = r"(?:days|weeks|months|years)"
    window = r"(?:coming|following|next|past|last|previous|recent)"
    return (
        rf"(?i:{_alt(lex.vague_phrases)}"
        rf"|{_alt(lex.vague_quantities)}\s+{units}\s+(?:ago|later|earlier|before|after|from\s+now)"
        rf"|{num}\s+(?:day|week|month|year)s?\s+(?:later|earlier|before|after)"
        rf"|(?:(?:in|over|during|within|for)\s+)?the\s+{window}\s+(?:(?:few|several|couple\s+of|{num})\s+)?{units})"
    )


def _range_rules(p: _Parts) -> list[Rule]:
    """Spans: "September 28-29", "June 28 through July 6", "between 3 and 5 May", "1994–2024"."""
    y1, y2 = rf"(?:,?\s+(?P<y1>{p.year}))?", rf"(?:,?\s+(?P<y2>{p.year}))?"
    month_day = (
        rf"(?P<m1>{p.month})\s+(?P<d1>{p.day}){y1}",
        rf"(?:(?P<m2>{p.month})\s+|(?i:the)\s+)?(?P<d2>{p.day}){y2}",  # "October 9th to the 12th"
    )
    day_month = (
        rf"(?P<d1>{p.day})(?:\s+(?:(?i:of)\s+)?(?P<m1>{p.month}))?{y1}",
        rf"(?P<d2>{p.day})\s+(?:(?i:of)\s+)?(?P<m2>{p.month}){y2}",
    )
    years = (rf"(?P<y1>{p.year})", rf"(?P<y2>{p.year})")
    found = []
    for kind, (left, right) in (("range", month_day), ("range", day_month), ("year_range", years)):
        found.append(_rule(kind, rf"(?:(?i:from)\s+)?{left}{_JOINER}{right}"))
        found.append(_rule(kind, rf"(?i:between)\s+{left}\s+(?i:and)\s+{right}"))
    # "on 6 and 7 October", "March 4 and 5": two days running; the handler rejects days further apart
    for left, right in (month_day, day_month):
        found.append(_rule("range", rf"{left}\s+(?P<pair>(?i:and))\s+{right}", _accept_pair))
    return found


def _accept_pair(text: str, m: re.Match[str]) -> bool:
    """ "6 and 7 October" is a span of two days running; "3 and 7 May" is two days, left to other rules."""
    first, last = int(re.sub(r"\D", "", m["d1"])), int(re.sub(r"\D", "", m["d2"]))
    return last == first + 1 or (m["m1"] is not None and m["m2"] is not None and last == 1)


_JOINER = r"(?:\s*[-–—]\s*|\s+(?i:to|through|thru|until|till)\s+)"


# --- matching -----------------------------------------------------------------------------------------------


def find_spans(text: str) -> list[tuple[int, int]]:
    """Every rule over running text; overlaps are settled longest first, results in text order."""
    blocked = [m.span() for m in _not_dates().finditer(text)]
    blocked += [m.span() for m in _URL.finditer(text)]  # "https://2009-2017.state.gov/.../2012/08/05/"
    starts = [m.start() for m in rule_starts().finditer(text)]
    found = []
    for rule in rules():
        for m in matches_at(rule.find, text, starts):
            inside_name = any(b[0] <= m.start() and m.end() <= b[1] for b in blocked)
            if not inside_name and (rule.accept is None or rule.accept(text, m)):
                found.append(m.span())
    return _longest_first(found)


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying only at ``starts`` (every offset where some rule matches).

    Scanning the text once per rule cost more than the rest of date finding (22 rules tried at every
    character); one scan finds where any rule can start, and each rule is then tried there alone.
    """
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)  # its look-behind still sees the text before ``start``
        if m is not None:
            if m.end() == start:  # no rule matches nothing, but finditer has rules of its own for that
                yield from pattern.finditer(text, end)
                return
            yield m
            end = m.end()


@functools.cache
def rule_starts() -> re.Pattern[str]:
    """Where any rule's match can start: a zero-width match at each such offset."""
    bodies = []
    for rule in rules():
        if not rule.find.pattern.startswith(_LEFT_EDGE):
            raise ValueError(f"date rule {rule.kind!r} does not start at a word edge")
        # group names repeat across rules; only whether a rule matches matters here
        bodies.append(re.sub(r"\(\?P<\w+>", "(?:", rule.find.pattern[len(_LEFT_EDGE) :]))
    return re.compile(_LEFT_EDGE + "(?=" + "|".join(bodies) + ")")


def _longest_first(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= k[0] or start >= k[1] for k in kept):
            kept.append((start, end))
    return sorted(kept)


_URL = re.compile(r"\b(?:https?://|www\.)\S+")


@functools.cache
def _not_dates() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){_alt(date_lexicon().not_dates)}(?!\w)")


def match_expression(expression: str) -> tuple[str, re.Match[str]] | None:
    """The kind and match of the first rule that matches the whole expression, in any case."""
    for rule in rules():
        m = rule.match.fullmatch(expression)
        if m is not None:
            return rule.kind, m
    return None
