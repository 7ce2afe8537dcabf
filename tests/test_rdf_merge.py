"""Merging reports across articles: the documented rule, table-driven, and two real articles on one call."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest
from helpers import CALLS, RUN, Extract

from graphkit.models import ContactKind, ContactStatus, DateSpan, Granularity, Role
from graphkit.rdf import contacts, merge_counts, to_graph
from graphkit.rdf.merge import ParticipantSummary, ReportSummary, merge_into, merge_reports

D = dt.date
PEOPLE = (ParticipantSummary("a", Role.PARTICIPANT), ParticipantSummary("b", Role.CALLER))


def _report(
    n: int,
    kind: str = "call",
    date: tuple[str, str, str] | None = ("2025-03-12", "2025-03-12", "day"),
    status: str = "occurred",
    article: str | None = None,
) -> ReportSummary:
    span = None if date is None else DateSpan(start=date[0], end=date[1], granularity=Granularity(date[2]))
    return ReportSummary(
        iri=f"r{n}",
        article=article or f"art{n}",
        published=D(2025, 3, 10 + n),
        key="k",
        kind=ContactKind(kind),
        status=ContactStatus(status),
        date=span,
        location=None,
        evidence=f"art{n}#char=0,1",
        participants=PEOPLE,
    )


MONTH = ("2025-03-01", "2025-03-31", "month")
APRIL = ("2025-04-01", "2025-04-30", "month")
OTHER_DAY = ("2025-03-13", "2025-03-13", "day")

CASES = [
    ("same day, same kind", [_report(1), _report(2)], 1),
    ("day inside a month", [_report(1), _report(2, date=MONTH)], 1),
    ("two precise days that differ", [_report(1), _report(2, date=OTHER_DAY)], 2),
    ("spans that do not overlap", [_report(1, date=MONTH), _report(2, date=APRIL)], 2),
    ("unspecified kind joins a call", [_report(1), _report(2, kind="contact")], 1),
    ("a call and a meeting", [_report(1), _report(2, kind="meeting")], 2),
    ("negated never joins occurred", [_report(1), _report(2, status="negated")], 2),
    ("planned then occurred", [_report(1, status="planned"), _report(2)], 1),
    ("undated reports", [_report(1, date=None), _report(2, date=None)], 2),
    ("two reports of one article", [_report(1, article="x"), _report(2, article="x")], 2),
    (
        "a month bridging two different days",
        [_report(1, date=MONTH), _report(2), _report(3, date=OTHER_DAY)],
        2,
    ),
]


@pytest.mark.parametrize(("reports", "events"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_merge_rule(reports: list[ReportSummary], events: int) -> None:
    assert sum(len(group) for group in merge_reports(reports).values()) == events


def test_merged_event_takes_the_latest_status_and_the_specific_kind() -> None:
    (event,) = merge_reports([_report(1, status="planned", kind="contact"), _report(2, date=MONTH)])["k"]
    assert (event.status(), event.kind, event.span) == (
        ContactStatus.OCCURRED,
        ContactKind.CALL,
        (D(2025, 3, 12), D(2025, 3, 12)),
    )


def test_merging_does_not_depend_on_input_order() -> None:
    reports = [_report(1, date=MONTH), _report(2), _report(3, date=OTHER_DAY), _report(4, kind="contact")]
    forward = merge_reports(reports)["k"]
    backward = merge_reports(reversed(reports))["k"]
    assert [e.iri for e in forward] == [e.iri for e in backward]


def test_two_articles_about_one_call_give_one_event_with_two_sources(extract: Extract) -> None:
    articles = extract(CALLS / "call_a.txt", CALLS / "call_b.txt")
    assert merge_counts(articles).model_dump() == {"reports": 2, "events": 1}
    (call,) = contacts(to_graph(articles, RUN), "Olaf Scholz", counterpart="Macron")
    assert call.kind is ContactKind.CALL
    assert (call.start, call.end, call.granularity) == (D(2025, 3, 12), D(2025, 3, 12), Granularity.DAY)
    assert [s.article for s in call.sources] == ["call_a", "call_b"]
    assert "March 2025" in call.sources[1].text


def _by_the_letter(reports: list[ReportSummary]) -> list[tuple[list[str], tuple[D, D] | None]]:
    """The rule as the module states it, each report tried against every event made so far: the reference
    the candidate pruning of merge_reports must agree with (report IRIs and shared span of each event)."""
    events: list[tuple[list[ReportSummary], tuple[D, D] | None]] = []
    for report in sorted(reports, key=ReportSummary.order):
        for n, (members, span) in enumerate(events):
            specific = [m.kind for m in members if m.kind is not ContactKind.CONTACT]
            kind = specific[0] if specific else ContactKind.CONTACT
            if (
                report.date is not None
                and span is not None
                and (kind is report.kind or ContactKind.CONTACT in (kind, report.kind))
                and (members[0].status is ContactStatus.NEGATED) == (report.status is ContactStatus.NEGATED)
                and all(m.article != report.article for m in members)
                and max(span[0], report.date.start) <= min(span[1], report.date.end)
            ):
                shared = (max(span[0], report.date.start), min(span[1], report.date.end))
                events[n] = ([*members, report], shared)
                break
        else:
            events.append(([report], (report.date.start, report.date.end) if report.date else None))
    return [([m.iri for m in members], span) for members, span in events]


def _random_report(n: int, rng: random.Random) -> ReportSummary:
    day = D(2025, 3, 1) + dt.timedelta(days=rng.randrange(20))
    dates = [
        (day, day, "day"),
        (day, day + dt.timedelta(days=6), "week"),
        *[(D(2025, m, 1), D(2025, m + 1, 1) - dt.timedelta(days=1), "month") for m in (3, 4)],
        (D(2025, 1, 1), D(2025, 12, 31), "year"),
        None,
    ]
    date = rng.choice(dates)
    report = _report(
        0,
        kind=rng.choice(["call", "meeting", "contact"]),
        date=None if date is None else (date[0].isoformat(), date[1].isoformat(), date[2]),
        status=rng.choice(["occurred", "planned", "negated"]),
        article=f"art{rng.randrange(12)}",
    )
    return dataclasses.replace(report, iri=f"r{n}", published=day)


@pytest.mark.parametrize("seed", range(20))
def test_merging_a_much_reported_pair_follows_the_rule_to_the_letter(seed: int) -> None:
    # Many reports of one pair, dates of every precision overlapping, few articles: every branch of the rule.
    rng = random.Random(seed)
    reports = [_random_report(n, rng) for n in range(300)]
    merged = merge_reports(reports)["k"]
    assert [([r.iri for r in e.reports], e.span) for e in merged] == _by_the_letter(reports)
    assert all(
        e.kind is next((r.kind for r in e.reports if r.kind is not ContactKind.CONTACT), ContactKind.CONTACT)
        for e in merged
    )


def _random_reports(seed: int, count: int) -> list[ReportSummary]:
    """Reports of one participant set: days, weeks and months of 2020-2025 (some undated), mixed kinds and
    statuses, a few sharing an article."""
    import random

    rng = random.Random(seed)
    reports = []
    for n in range(count):
        start = D(2020, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
        granularity = rng.choice(["day"] * 12 + ["week", "week", "month"])
        length = {"day": 0, "week": 6, "month": 30}[granularity]
        date = (start.isoformat(), (start + dt.timedelta(days=length)).isoformat(), granularity)
        report = _report(
            n % 20,
            kind=rng.choice(["call", "meeting", "visit", "correspondence", "contact"]),
            date=None if rng.random() < 0.1 else date,
            status=rng.choice(["occurred", "occurred", "planned", "negated"]),
            article=f"art{rng.randrange(count // 2)}",
        )
        reports.append(dataclasses.replace(report, iri=f"r{n}"))
    return reports


@pytest.mark.parametrize("seed", range(8))
def test_merging_batch_by_batch_gives_the_events_of_merging_everything(seed: int) -> None:
    reports = _random_reports(seed, 120)
    events: list = []
    done: list[ReportSummary] = []
    fallbacks = kept = 0
    for start in range(0, len(reports), 15):
        batch = reports[start : start + 15]
        before = {e.iri for e in events}
        merged = merge_into(events, batch)
        done += batch
        if merged is None:  # an event written before changed: the writer merges everything again
            fallbacks += 1
            events = merge_reports(done).get("k", [])
            continue
        events, fresh = merged
        kept += len(events) - len(fresh)
        whole = merge_reports(done)["k"]
        assert sorted(e.iri for e in events) == sorted(e.iri for e in whole)
        assert {e.iri for e in fresh} == {e.iri for e in whole} - before
        assert [e.status() for e in sorted(events, key=lambda e: e.iri)] == [
            e.status() for e in sorted(whole, key=lambda e: e.iri)
        ]
    assert fallbacks < 7 and kept  # some batches merged a few events, leaving the others as they were


def test_a_report_joining_an_event_written_before_asks_for_everything_again() -> None:
    first = merge_reports([_report(1)])["k"]
    assert merge_into(first, [_report(2)]) is None  # the same day and kind: it changes the first event
    assert merge_into(first, [_report(3, date=APRIL)]) is not None  # another month: a new event beside it
