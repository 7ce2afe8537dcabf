"""The rule-based extractor: an :class:`~graphkit.models.Article` in, an
:class:`~graphkit.models.Extraction` out.

Stages inside: spaCy parse -> actor mentions -> coreference -> contact triggers -> merging -> quotations.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from graphkit.models import (
    Actor,
    Article,
    Contact,
    ContactLevel,
    DateSpan,
    Evidence,
    Extraction,
    Participant,
    Statement,
)
from graphkit.nlp import DEFAULT_PIPELINE, parser_for_articles, text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from graphkit.extractor.contacts import ContactDraft
    from graphkit.extractor.coref import ActorDraft

__all__ = ["extract"]


def extract(
    article: Article, *, pipeline: str = DEFAULT_PIPELINE, actors: str | Path | None = None
) -> Extraction:
    """Extract actors, contacts and statements from one article.

    Args:
        article: the article; its ``published`` date anchors relative dates ("on Tuesday"). Without it,
            relative dates stay unresolved.
        pipeline: name of the spaCy pipeline to parse with.
        actors: a CSV or YAML file of the user's own actors (see :func:`graphkit.gazetteer.read_extra`);
            they take precedence over the bundled gazetteer.

    Returns:
        The article's extraction; every contact and statement points at its evidence by character offsets.
    """
    from graphkit.extractor.contacts import date_by_trips, find_contacts, inherit_dates
    from graphkit.extractor.coref import resolve_mentions
    from graphkit.extractor.mentions import find_mentions
    from graphkit.extractor.merge import merge_drafts
    from graphkit.extractor.statements import find_statements
    from graphkit.gazetteer import load_gazetteer
    from graphkit.lexicon import load_lexicon

    if article.published is None:
        warnings.warn(f"{article.id}: no publication date; relative dates stay unresolved", stacklevel=2)
    doc = parser_for_articles(pipeline)(article.text)
    gaz, lex = load_gazetteer(actors), load_lexicon()
    mentions = find_mentions(doc, gaz, lex)
    publisher = gaz.publisher(article.url)  # a government's own readout calls its leader "the Prime Minister"
    drafts_by_id = resolve_mentions(doc, mentions, gaz, article.published, publisher=publisher)
    dates = temporal_expressions(doc, article.published)
    # A second pass knows the quotations: "I" inside one is its speaker, "she" is not.
    quotes = find_statements(doc, lex, mentions)
    spans = [(q.start, q.end, q.speaker) for q in quotes if q.speaker and q.direct]
    drafts_by_id = resolve_mentions(doc, mentions, gaz, article.published, spans, publisher)
    quotes = find_statements(doc, lex, mentions)
    drafts = find_contacts(doc, lex, drafts_by_id, mentions, article.published, dates)
    _apply_dateline(doc, drafts, article.published)
    inherit_dates(drafts, dates, {i: m for m in mentions for i in range(m.start, m.end)})
    country_of = {a.id: a.country for a in drafts_by_id.values()}
    date_by_trips(drafts, country_of)
    contacts = merge_drafts(drafts, country_of)
    used = {a for rep, _ in contacts for a in rep.participants} | {q.speaker for q in quotes if q.speaker}
    # Every actor the article names, not only those in contacts: a graph of who is mentioned where is useful
    # on its own, and "the two leaders" style groups are not actors of their own.
    named = {
        a.id for a in drafts_by_id.values() if not a.members and any(m.kind != "pronoun" for m in a.mentions)
    }
    for rep, _ in contacts:
        rep.level = rep.level or _office_level([drafts_by_id[a] for a in rep.participants], article.published)
    return Extraction(
        article=article,
        actors=tuple(_actor(drafts_by_id[a], doc) for a in drafts_by_id if a in used | named),
        contacts=tuple(_contact(rep, others, doc) for rep, others in contacts),
        statements=tuple(
            Statement(
                speaker=q.speaker,
                text=text_of(doc)[q.start : q.end],
                direct=q.direct,
                evidence=_evidence(text_of(doc), q.start, q.end),
            )
            for q in quotes
            if q.speaker
        ),
    )


def temporal_expressions(
    doc: Doc, anchor: dt.date | None
) -> list[tuple[Span, DateSpan | None, DateSpan | None]]:
    """Temporal expressions of ``doc`` with their past and future readings."""
    from graphkit.dates import find_expressions, resolve

    spans: dict[tuple[int, int], Span] = {}
    for start, end in find_expressions(text_of(doc)):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            spans[(span.start, span.end)] = span
    for ent in doc.ents:
        if ent.label_ == "DATE" and not any(s.start <= ent.start < s.end for s in spans.values()):
            spans[(ent.start, ent.end)] = ent
    out = []
    for span in sorted(spans.values(), key=lambda s: s.start):
        text = text_of(doc)[span.start_char : span.end_char]
        out.append((span, resolve(text, anchor, "past"), resolve(text, anchor, "future")))
    return out


_DATELINE = re.compile(
    r"^[ \t]*(?P<date>(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
    r" \d{1,2}, \d{4}|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December) \d{4})(?P<place>,[ \t]*[A-Z][^\n]{0,40})?[ \t]*$",
    re.M,
)


def dateline(text: str, anchor: dt.date | None) -> tuple[DateSpan, int, int] | None:
    """The dateline of a readout ("November 20, 2016, Lima"): its date, its offset, and where the lead ends.

    Only a line that is nothing but a date (and a place) counts, and only near the top; a date under a
    byline ("Posted by ...") is when a blog post was written, not when its events happened.
    """
    from graphkit.dates import resolve

    match = _DATELINE.search(text, 0, min(len(text), 1500))
    if match is None:
        return None
    previous = text[: match.start()].rstrip().rsplit("\n", 1)[-1]
    if re.match(r"\s*(posted by|by|written by)\b", previous, re.I):
        return None
    span = resolve(match.group("date"), anchor, "past")
    if span is None:
        return None
    lead = re.search(r"\S[^\n]*", text[match.end() :])
    lead_end = match.end() + (lead.end() if lead else 0)
    return span, match.start(), lead_end


def _apply_dateline(doc: Doc, drafts: list[ContactDraft], anchor: dt.date | None) -> None:
    """Undated contacts in a readout's headline and lead, or told in the present tense, happen on its date."""
    found = dateline(text_of(doc), anchor)
    if found is None:
        return
    span, _, lead_end = found
    for draft in drafts:
        if draft.date is not None or draft.status.value != "occurred":
            continue
        trigger = doc[draft.trigger]
        # "I'm delighted to welcome ...": the finite verb above an infinitive or adjective carries the tense.
        while trigger.tag_ == "VB" and trigger.dep_ == "xcomp" and trigger.head.tag_ in {"JJ", "VBN"}:
            trigger = trigger.head.head if trigger.head.dep_ == "acomp" else trigger.head
        present = trigger.tag_ in {"VBP", "VBZ"} or (
            trigger.tag_ in {"VBG", "VBN", "JJ"}
            and any(c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBP", "VBZ"} for c in trigger.children)
        )
        if draft.sentence.start_char < lead_end or present:
            draft.date = span


def _office_level(actors: list[ActorDraft], at: dt.date | None) -> ContactLevel | None:
    """The level the participants' offices show: all heads of state or government, all ministers."""
    from graphkit.extractor.coref import LEADER_OFFICES
    from graphkit.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    held: list[set[str]] = []
    for actor in actors:
        if actor.type.value != "person":
            return None  # a state or a body: no level to read from offices
        offices = {gaz.normalize_office(o) or o for o in actor.offices}
        known = (
            gaz.person(actor.name, at=at, country=actor.country)
            if at is not None and not actor.unnamed
            else None
        )
        if known is not None and at is not None:
            offices |= {t.office for t in known.offices_at(at)}
        held.append(offices)
    if all(o & (LEADER_OFFICES | {"monarch"}) for o in held):
        return ContactLevel.SUMMIT
    if all(any("minister" in x or x == "secretary of state" for x in o) for o in held):
        return ContactLevel.MINISTERIAL
    return None


def _evidence(text: str, start: int, end: int) -> Evidence:
    return Evidence(text=text[start:end], start=start, end=end)


def _sentence_evidence(doc: Doc, sent: Span) -> Evidence:
    start, end = sent.start_char, sent.end_char
    while end > start and text_of(doc)[end - 1].isspace():
        end -= 1
    return _evidence(text_of(doc), start, end)


def _actor(draft: ActorDraft, doc: Doc) -> Actor:
    from graphkit.gazetteer import load_gazetteer

    country = draft.country if draft.country and load_gazetteer().is_country_code(draft.country) else None
    return Actor(
        id=draft.id,
        name=draft.name,
        type=draft.type,
        country=country,
        offices=tuple(draft.offices),
        aliases=tuple(draft.aliases),
        wikidata=draft.wikidata,
        mentions=tuple(
            _evidence(text_of(doc), doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]))
            for m in draft.mentions
        ),
    )


def _contact(rep: ContactDraft, others: list[ContactDraft], doc: Doc) -> Contact:
    return Contact(
        participants=tuple(Participant(actor=a, role=rep.roles[a]) for a in rep.participants),
        kind=rep.kind,
        status=rep.status,
        date=rep.date,
        location=rep.location,
        level=rep.level,
        evidence=_sentence_evidence(doc, rep.sentence),
        mentions=tuple(_sentence_evidence(doc, o.sentence) for o in others),
    )
