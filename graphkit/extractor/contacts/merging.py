"""Merging within one trigger: one record per counterpart for separate sessions, shared dates in a list.

General pattern: "X met A, B and C" is three sessions, "X spoke with A, B and C" one call unless told apart.
Merging the same contact told in several sentences is :mod:`graphkit.extractor.merge`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from graphkit.extractor.contacts.grammar import ContactDraft
from graphkit.models import ContactStatus, DateSpan

if TYPE_CHECKING:
    pass


def share_within_lists(drafts: list[ContactDraft]) -> list[ContactDraft]:
    """Drafts split from one trigger ("met A, B and C") left undated take the date a sibling got."""
    dated: dict[tuple[int, ContactStatus], DateSpan] = {}
    for draft in drafts:
        if draft.date is not None:
            dated.setdefault((draft.trigger, draft.status), draft.date)
    return [
        replace(d, date=dated[(d.trigger, d.status)])
        if d.date is None and (d.trigger, d.status) in dated
        else d
        for d in drafts
    ]


def split_draft(draft: ContactDraft) -> list[ContactDraft]:
    """ "X met A, B and C": one record per counterpart (separate sessions), as the guideline counts them;
    "X and Y met with A, with B and with C": one per counterpart, each with X and Y."""
    if not draft.split:
        return [draft]
    side = draft.participants[: draft.side]
    out = []
    for other in draft.participants[draft.side :]:
        out.append(
            ContactDraft(
                [*side, other],
                {**{s: draft.roles[s] for s in side}, other: draft.roles[other]},
                draft.kind,
                draft.status,
                draft.date,
                draft.location,
                draft.sentence,
                draft.trigger,
                weak_status=draft.weak_status,
            )
        )
    return out
