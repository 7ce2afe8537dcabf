"""Merging repeated mentions of one contact inside an article.

Two drafts are the same event when they have the same participants, compatible kinds (equal, or one of them
the unspecific ``contact``), the same status, and dates that are compatible (equal, overlapping, or one of
them unknown). Two precise and different dates are never merged.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from graphkit.models import ContactKind, ContactStatus, DateSpan, Role

if TYPE_CHECKING:
    from graphkit.extractor.contacts import ContactDraft

__all__ = ["merge_drafts"]

# When two mentions disagree, the more specific kind wins.
_SPECIFICITY = {
    ContactKind.CONTACT: 0,
    ContactKind.VISIT: 1,
    ContactKind.CORRESPONDENCE: 2,
    ContactKind.MEETING: 2,
    ContactKind.CALL: 3,
}


def _dates_compatible(a: DateSpan | None, b: DateSpan | None) -> bool:
    if a is None or b is None:
        return True
    return a.start <= b.end and b.start <= a.end


def _kinds_compatible(a: ContactKind, b: ContactKind) -> bool:
    # A visit between the same actors as a meeting is that meeting seen as travel.
    return a == b or ContactKind.CONTACT in {a, b} or {a, b} == {ContactKind.VISIT, ContactKind.MEETING}


def _narrower(a: DateSpan | None, b: DateSpan | None) -> DateSpan | None:
    if a is None or b is None:
        return a or b
    return a if (a.end - a.start) <= (b.end - b.start) else b


def same_event(a: ContactDraft, b: ContactDraft) -> bool:
    """Whether two drafts report one event."""
    return (
        set(a.participants) == set(b.participants)
        and (a.status == b.status or a.weak_status or b.weak_status)
        and _kinds_compatible(a.kind, b.kind)
        and _dates_compatible(a.date, b.date)
    )


def _absorbed_by_people(
    draft: ContactDraft, drafts: list[ContactDraft], country_of: dict[str, str | None]
) -> bool:
    """States standing for their leaders ("Korea, Japan to hold summit") in the same event told in persons."""
    states = {country_of.get(p) for p in draft.participants}
    if None in states or any(p.upper() != country_of.get(p) for p in draft.participants):
        return False  # only drafts made of country actors (whose ids are their codes)
    for other in drafts:
        if other is draft or (other.status != draft.status and not draft.weak_status):
            continue
        if other.kind != draft.kind:
            continue
        people = any(p.upper() != country_of.get(p) for p in other.participants)
        sides = {country_of.get(p) for p in other.participants}
        if people and states <= sides and _dates_compatible(other.date, draft.date):
            return True
    return False


def _absorbed_visit(
    visit: ContactDraft, drafts: list[ContactDraft], country_of: dict[str, str | None]
) -> bool:
    """A visit to a state whose named counterpart the visitor met is recorded as that meeting only."""
    if visit.kind is not ContactKind.VISIT or len(visit.participants) < 2:
        return False
    # "the leaders of A, B and C traveled to Kyiv to meet X": several visitors, one host
    visitors = set(visit.participants[:-1])
    host = visit.participants[-1]
    if len(visitors) > 1 and any(visit.roles.get(p) is not Role.VISITOR for p in visitors):
        return False
    host_country = country_of.get(host)
    for other in drafts:
        if other is visit or other.kind is not ContactKind.MEETING or not visitors <= set(other.participants):
            continue
        same_place = any(p not in visitors and country_of.get(p) == host_country for p in other.participants)
        # "flew to Ghana, where she met President Akufo-Addo": the meeting in the same sentence is there,
        # unless its counterpart is of another state ("visited Kyiv and then went to Warsaw to meet Duda").
        elsewhere = any(
            p not in visitors and country_of.get(p) not in {None, host_country} for p in other.participants
        )
        same_sentence = other.sentence.start == visit.sentence.start and not elsewhere
        # "Bush is in Islamabad for talks with Musharraf": a visit told with its meeting, whatever the tenses.
        # "Blinken Travels to Nairobi" in a headline: its tense is flattened, the meetings there tell it
        if (
            (other.status == visit.status or same_sentence or visit.weak_status)
            and _dates_compatible(other.date, visit.date)
            and (same_place or same_sentence)
        ):
            return True
    return False


def merge_drafts(
    drafts: list[ContactDraft], country_of: dict[str, str | None] | None = None
) -> list[tuple[ContactDraft, list[ContactDraft]]]:
    """Group drafts of the same event; each group is (representative, other mentions) in text order."""
    if country_of:
        drafts = [d for d in drafts if not _absorbed_visit(d, drafts, country_of)]
        drafts = [d for d in drafts if not _absorbed_by_people(d, drafts, country_of)]
    # "Blinken Travels to Nairobi" in a headline, then "Blinken is accompanying Biden to Nairobi": a mention
    # that says nothing of its own (a headline, a bare noun) is part of the fuller event with more people.
    absorbed: dict[int, ContactDraft] = {}
    for draft in drafts:
        told_fuller = next((o for o in drafts if o is not draft and _told_fuller(o, draft)), None)
        if told_fuller is not None:
            # "A and B co-chaired the dialogue along with C": the dialogue of A and B is that meeting
            absorbed[id(draft)] = told_fuller
        elif draft.weak_status:
            fuller = next((o for o in drafts if o is not draft and _contains(o, draft)), None)
            if fuller is not None:
                absorbed[id(draft)] = fuller
        elif draft.status in {ContactStatus.PLANNED, ContactStatus.PROPOSED}:
            done = next((o for o in drafts if _fulfils(o, draft)), None)
            if done is not None:
                absorbed[id(draft)] = done
    groups: list[tuple[ContactDraft, list[ContactDraft]]] = []
    for draft in (d for d in drafts if id(d) not in absorbed):
        for n, (rep, others) in enumerate(groups):
            if same_event(rep, draft):
                kind = max(rep.kind, draft.kind, key=lambda k: _SPECIFICITY[k])  # meeting beats visit
                rep.kind = kind
                rep.date = _narrower(rep.date, draft.date)
                rep.location = rep.location or draft.location
                rep.level = rep.level or draft.level
                if rep.weak_status and not draft.weak_status:
                    # The sentence that says what happened is better evidence than a headline or a bare noun.
                    others.insert(0, replace(rep))
                    rep.status, rep.weak_status = draft.status, False
                    rep.sentence, rep.trigger = draft.sentence, draft.trigger
                for actor, role in draft.roles.items():
                    if rep.roles.get(actor) is None or rep.roles[actor].value == "participant":
                        rep.roles[actor] = role
                if draft.sentence.start != rep.sentence.start and all(
                    o.sentence.start != draft.sentence.start for o in others
                ):
                    others.append(draft)
                groups[n] = (rep, others)
                break
        else:
            groups.append((draft, []))
    for draft in (d for d in drafts if id(d) in absorbed):
        target = absorbed[id(draft)]
        for rep, others in groups:
            if rep is target or any(o is target for o in others):
                if all(o.sentence.start != draft.sentence.start for o in [rep, *others]):
                    others.append(draft)
                break
    return groups


def _fulfils(done: ContactDraft, plan: ContactDraft) -> bool:
    """ "Word came Friday morning that Rouhani wanted to talk to Obama" and the call on Friday: one event."""
    return (
        done.status is ContactStatus.OCCURRED
        and set(done.participants) == set(plan.participants)
        and done.date is not None
        and plan.date is not None
        and done.date.granularity.value == plan.date.granularity.value == "day"
        and _dates_compatible(done.date, plan.date)
        # "wanted to talk" does not say how they would: any channel of talking fulfils it
        and (_kinds_compatible(done.kind, plan.kind) or {done.kind, plan.kind} <= _TALKING)
    )


_TALKING = {ContactKind.MEETING, ContactKind.CALL, ContactKind.CONTACT}


def _told_fuller(fuller: ContactDraft, part: ContactDraft) -> bool:
    """Whether ``part``, a contact of no stated channel, is the object of ``fuller``'s verb and told with some
    of its parties ("A and B co-chaired the dialogue along with C": the dialogue is that meeting)."""
    doc = fuller.sentence.doc
    return (
        part.kind is ContactKind.CONTACT
        and fuller.sentence.start == part.sentence.start
        and doc[part.trigger].head.i == fuller.trigger
        and doc[part.trigger].dep_ == "dobj"
        and fuller.status == part.status
        and _contains(fuller, part)
    )


def _contains(fuller: ContactDraft, part: ContactDraft) -> bool:
    return (
        not fuller.weak_status
        and set(part.participants) < set(fuller.participants)
        and _kinds_compatible(fuller.kind, part.kind)
        and _dates_compatible(fuller.date, part.date)
    )
