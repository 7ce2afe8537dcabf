"""Merging within one trigger: one record per counterpart for separate sessions, shared dates in a list.

General pattern: "X met A, B and C" is three sessions, "X spoke with A, B and C" one call unless told apart.
Merging the same contact told in several sentences is :mod:`graphkit.extractor.merge`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graphkit.models import ContactStatus, DateSpan

if TYPE_CHECKING:
    pass

from graphkit.extractor.contacts.grammar import ContactDraft


def share_within_lists(drafts: list[ContactDraft]) -> None:
    """Drafts split from one trigger ("met A, B and C") left undated take the date a sibling got."""
    dated: dict[tuple[int, ContactStatus], DateSpan] = {}
    for draft in drafts:
        if draft.date is not None:
            dated.setdefault((draft.trigger, draft.status), draft.date)
    for draft in drafts:
        if draft.date is None and (draft.trigger, draft.status) in dated:
            draft.date = dated[(draft.trigger, draft.status)]


def split_draft(draft: ContactDraft) -> list[ContactDraft]:
    """ "X met A, B and C": one record per counterpart (separate sessions), as the guideline counts them."""
    if not draft.split:
        return [draft]
    subject = draft.participants[0]
    out = []
    for other in draft.participants[1:]:
        out.append(
            ContactDraft(
                [subject, other],
                {subject: draft.roles[subject], other: draft.roles[other]},
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
