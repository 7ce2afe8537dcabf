"""Contact events from trigger words and the dependency parse, as a sequence of small rules.

A trigger is a contact verb ("met", "phoned", "visited", "received") or noun ("talks", "a telephone
conversation", "a letter"), each a record of ``data/lexicon/contacts.yaml``. The stages, one module each:

- :mod:`.candidates`: every trigger linked to actor mentions becomes a candidate contact, then the trigger's
  record decides whether it holds (an object required, a sense preposition, a purpose clause ...);
- :mod:`.participants`: who takes part, from the grammatical roles around the trigger (subject, object,
  with-, between-, to- and by-phrases, possessives, the holder of a relative clause);
- :mod:`.lists`: coordination and lists of counterparts ("met A, B and C", "counterparts including A and B");
- :mod:`.status`: occurred, planned, proposed, negated, from modality on the trigger and the verbs over it;
- :mod:`.dating`: the date from the temporal expression attached to that chain, the sentence before, the trip;
- :mod:`.levels`: summit, ministerial, technical ... as the sentence says it;
- :mod:`.merging`: one subject with several objects split into one record per counterpart, dates shared within
  a list (merging across sentences is :mod:`graphkit.extractor.merge`).

:mod:`.grammar` holds the draft record, the context every rule reads and the dependency-tree helpers they
share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graphkit.extractor.contacts.candidates import Finder
from graphkit.extractor.contacts.dating import date_by_trips, inherit_dates
from graphkit.extractor.contacts.grammar import ContactDraft, Context
from graphkit.extractor.contacts.levels import level_in
from graphkit.extractor.contacts.merging import split_draft
from graphkit.extractor.contacts.participants import countries_by_trips
from graphkit.nlp import columns

if TYPE_CHECKING:
    import datetime as dt

    from spacy.tokens import Doc, Span

    from graphkit.extractor.coref import ActorDraft
    from graphkit.extractor.mentions import Mention
    from graphkit.lexicon import Lexicon
    from graphkit.models import DateSpan

__all__ = [
    "ContactDraft",
    "countries_by_trips",
    "date_by_trips",
    "find_contacts",
    "inherit_dates",
    "level_in",
]


def find_contacts(
    doc: Doc,
    lex: Lexicon,
    actors: dict[str, ActorDraft],
    mentions: list[Mention],
    published: dt.date | None,
    dates: list[tuple[Span, DateSpan | None, DateSpan | None]],
) -> list[ContactDraft]:
    """Every contact stated in ``doc``, one draft per trigger (merging happens later)."""
    by_token: dict[int, Mention] = {}
    for m in mentions:
        for i in [*range(m.start, m.end), *m.extra_tokens]:
            by_token[i] = m
    ctx = Context(
        doc, lex, actors, by_token, published, dates, lex.reporting_verbs - {"write", "call", "describe"}
    )
    finder = Finder(ctx)
    drafts: list[ContactDraft] = []
    words, cols = lex.contact_words, columns(doc)
    for i in range(len(doc)):
        if cols.lemma[i] not in words and cols.lower[i] not in words:
            continue  # no rule starts from this word: no need to build its Token
        tok = doc[i]
        draft = (
            finder.verb(tok)
            or finder.travel(tok)
            or finder.stay(tok)
            or finder.carry(tok)
            or finder.noun(tok)
            or finder.ones(tok)
            or finder.stop(tok)
        )
        if draft is not None:
            finder.previous = draft
            drafts.extend(d for d in split_draft(draft) if not finder.internal(d.participants))
            gapped = finder.gapped(tok, draft)
            if gapped is not None and not finder.internal(gapped.participants):
                drafts.append(gapped)
    return drafts
