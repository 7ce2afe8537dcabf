"""The rule-based extractor: an :class:`~graphkit.models.Article` in, an :class:`~graphkit.models.Extraction` out.

Stages inside: spaCy parse -> actor mentions -> coreference -> contact triggers -> merging -> quotations.
"""

from __future__ import annotations

import datetime as dt
import warnings
from typing import TYPE_CHECKING

from graphkit.models import (
    Actor,
    Article,
    Contact,
    DateSpan,
    Evidence,
    Extraction,
    Participant,
    Statement,
)
from graphkit.nlp import DEFAULT_PIPELINE, parser_for_articles

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from graphkit.extractor.contacts import ContactDraft
    from graphkit.extractor.coref import ActorDraft

__all__ = ["extract"]


def extract(article: Article, *, pipeline: str = DEFAULT_PIPELINE) -> Extraction:
    """Extract actors, contacts and statements from one article.

    Args:
        article: the article; its ``published`` date anchors relative dates ("on Tuesday"). Without it,
            relative dates stay unresolved.
        pipeline: name of the spaCy pipeline to parse with.

    Returns:
        The article's extraction; every contact and statement points at its evidence by character offsets.
    """
    from graphkit.extractor.contacts import find_contacts
    from graphkit.extractor.coref import resolve_mentions
    from graphkit.extractor.mentions import find_mentions
    from graphkit.extractor.merge import merge_drafts
    from graphkit.extractor.statements import find_statements
    from graphkit.gazetteer import load_gazetteer
    from graphkit.lexicon import load_lexicon

    if article.published is None:
        warnings.warn(f"{article.id}: no publication date; relative dates stay unresolved", stacklevel=2)
    doc = parser_for_articles(pipeline)(article.text)
    gaz, lex = load_gazetteer(), load_lexicon()
    mentions = find_mentions(doc, gaz, lex)
    drafts_by_id = resolve_mentions(doc, mentions, gaz, article.published)
    dates = temporal_expressions(doc, article.published)
    contacts = merge_drafts(find_contacts(doc, lex, drafts_by_id, mentions, article.published, dates))
    quotes = find_statements(doc, lex, mentions)
    used = {a for rep, _ in contacts for a in rep.participants} | {q.speaker for q in quotes if q.speaker}
    return Extraction(
        article=article,
        actors=tuple(_actor(drafts_by_id[a], doc) for a in drafts_by_id if a in used),
        contacts=tuple(_contact(rep, others, doc) for rep, others in contacts),
        statements=tuple(
            Statement(speaker=q.speaker, text=doc.text[q.start : q.end], direct=q.direct,
                      evidence=_evidence(doc.text, q.start, q.end))
            for q in quotes
            if q.speaker
        ),
    )


def temporal_expressions(doc: Doc, anchor: dt.date | None) -> list[tuple[Span, DateSpan | None, DateSpan | None]]:
    """Temporal expressions of ``doc`` with their past and future readings."""
    from graphkit.dates import find_expressions, resolve

    spans: dict[tuple[int, int], Span] = {}
    for start, end in find_expressions(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            spans[(span.start, span.end)] = span
    for ent in doc.ents:
        if ent.label_ == "DATE" and not any(s.start <= ent.start < s.end for s in spans.values()):
            spans[(ent.start, ent.end)] = ent
    out = []
    for span in sorted(spans.values(), key=lambda s: s.start):
        text = doc.text[span.start_char : span.end_char]
        out.append((span, resolve(text, anchor, "past"), resolve(text, anchor, "future")))
    return out


def _evidence(text: str, start: int, end: int) -> Evidence:
    return Evidence(text=text[start:end], start=start, end=end)


def _sentence_evidence(doc: Doc, sent: Span) -> Evidence:
    start, end = sent.start_char, sent.end_char
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return _evidence(doc.text, start, end)


def _actor(draft: ActorDraft, doc: Doc) -> Actor:
    return Actor(
        id=draft.id,
        name=draft.name,
        type=draft.type,
        country=draft.country,
        offices=tuple(draft.offices),
        aliases=tuple(draft.aliases),
        wikidata=draft.wikidata,
        mentions=tuple(
            _evidence(doc.text, doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in draft.mentions
        ),
    )


def _contact(rep: ContactDraft, others: list[ContactDraft], doc: Doc) -> Contact:
    return Contact(
        participants=tuple(Participant(actor=a, role=rep.roles[a]) for a in rep.participants),
        kind=rep.kind,
        status=rep.status,
        date=rep.date,
        location=rep.location,
        evidence=_sentence_evidence(doc, rep.sentence),
        mentions=tuple(_sentence_evidence(doc, o.sentence) for o in others),
    )
