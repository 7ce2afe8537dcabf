"""The rule-based extractor: an :class:`~graphkit.models.Article` in, an
:class:`~graphkit.models.Extraction` out.

Stages inside: spaCy parse -> actor mentions -> coreference -> contact triggers -> merging -> quotations.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import warnings
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from graphkit.models import (
    Actor,
    ActorType,
    Article,
    Contact,
    ContactLevel,
    ContactStatus,
    DateSpan,
    Evidence,
    Extraction,
    Granularity,
    Participant,
    Statement,
)
from graphkit.nlp import DEFAULT_PIPELINE, parser_for_articles, text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from graphkit.extractor.contacts import ContactDraft
    from graphkit.extractor.coref import ActorDraft

__all__ = ["extract", "extract_doc"]


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
    if article.published is None:
        warnings.warn(f"{article.id}: no publication date; relative dates stay unresolved", stacklevel=2)
    return extract_doc(article, parser_for_articles(pipeline)(article.text), actors=actors)


def extract_doc(article: Article, doc: Doc, *, actors: str | Path | None = None) -> Extraction:
    """The stages of :func:`extract` after the parse, over ``doc``, the article's parsed text.

    ``doc`` must come from :func:`graphkit.nlp.parser_for_articles` (its sentence rules for news text), so
    that a batch parsed with ``nlp.pipe`` (:mod:`graphkit.batch`) gives the same extractions.
    """
    from graphkit.extractor.contacts import countries_by_trips, date_by_trips, find_contacts, inherit_dates
    from graphkit.extractor.coref import resolve_mentions
    from graphkit.extractor.mentions import MentionKind, find_mentions
    from graphkit.extractor.merge import merge_drafts
    from graphkit.extractor.statements import find_statements
    from graphkit.gazetteer import load_gazetteer
    from graphkit.lexicon import load_lexicon
    from graphkit.offices import load_offices

    gaz, lex = load_gazetteer(actors), load_lexicon()
    mentions = find_mentions(doc, gaz, lex)
    publisher = gaz.publisher(article.url)  # a government's own readout calls its leader "the Prime Minister"
    first = resolve_mentions(doc, mentions, gaz, article.published, publisher=publisher)
    dates = temporal_expressions(doc, article.published)
    # A second pass knows the quotations: "I" inside one is its speaker, "she" is not.
    quotes = find_statements(doc, lex, first.mentions)
    spans = [(q.start, q.end, q.speaker) for q in quotes if q.speaker and q.direct]
    if spans:
        drafts_by_id, mentions = resolve_mentions(doc, mentions, gaz, article.published, spans, publisher)
        quotes = find_statements(doc, lex, mentions)
    else:  # with no quotation to know, the second pass would only repeat the first (both are pure)
        drafts_by_id, mentions = first
    drafts = find_contacts(doc, lex, drafts_by_id, mentions, article.published, dates)
    drafts = _apply_dateline(doc, drafts, article.published)
    drafts = inherit_dates(drafts, dates, {i: m for m in mentions for i in range(m.start, m.end)}, lex)
    country_of = {a.id: a.country for a in drafts_by_id.values()}

    abroad = load_offices().abroad  # an ambassador met abroad may be the visitor's own

    def home_office(actor: str, country: str) -> bool:
        return any(office not in abroad for office in drafts_by_id[actor].offices)

    for actor, country in countries_by_trips(drafts, country_of, home_office).items():
        drafts_by_id[actor].country = country_of[actor] = (
            country  # "visited Syria and met Foreign Minister X"
        )
    drafts = date_by_trips(drafts, country_of)
    drafts = _apply_week_frame(doc, drafts, dates)
    contacts = merge_drafts(drafts, country_of)
    used = {a for rep, _ in contacts for a in rep.participants} | {q.speaker for q in quotes if q.speaker}
    # Every actor the article names, not only those in contacts: a graph of who is mentioned where is useful
    # on its own, and "the two leaders" style groups are not actors of their own.
    named = {
        a.id
        for a in drafts_by_id.values()
        if not a.members and any(m.kind is not MentionKind.PRONOUN for m in a.mentions)
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
    from graphkit.dates import find_expressions, is_anaphoric, resolve

    spans: dict[tuple[int, int], Span] = {}
    for start, end in find_expressions(text_of(doc)):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            spans[(span.start, span.end)] = span
    for ent in doc.ents:
        if ent.label_ == "DATE" and not any(s.start <= ent.start < s.end for s in spans.values()):
            spans[(ent.start, ent.end)] = ent
    out: list[tuple[Span, DateSpan | None, DateSpan | None]] = []
    # the sentence where the last single day was told, with its past and future readings
    told: tuple[int, DateSpan, DateSpan] | None = None
    for span in sorted(spans.values(), key=lambda s: s.start):
        text = text_of(doc)[span.start_char : span.end_char]
        past, future = resolve(text, anchor, "past"), resolve(text, anchor, "future")
        if is_anaphoric(text) and told is not None and span.sent.start - told[0] <= _ANAPHORA_REACH:
            # "On May 3 they met in Oslo. The next day they flew on": May 4, whenever the text came out
            past, future = resolve(text, told[1].end, "past"), resolve(text, told[2].end, "future")
        if past is not None and future is not None and _single_day(past) and _single_day(future):
            told = (span.sent.start, past, future)
        out.append((span, past, future))
    return out


def _single_day(span: DateSpan) -> bool:
    return span.granularity is Granularity.DAY and span.start == span.end


# How far back (in tokens, from the start of one sentence to the start of another) "the next day" looks for
# the day it counts from: about the sentence before.
_ANAPHORA_REACH = 80


@functools.cache
def _dateline_pattern() -> re.Pattern[str]:
    """A line that is only a date, a time of posting and a place; month names from the date lexicon."""
    from graphkit.dates import date_lexicon

    months = "|".join(m.capitalize() for m in date_lexicon().months)
    return re.compile(
        # "March 3, 2015, Lima", "14 May 2021 - 09:12" (a time of posting may follow the day)
        rf"^[ \t]*(?P<date>(?:{months}) \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{months}) \d{{4}})"
        r"(?:[ \t]*[-–,][ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?)?"
        r"(?P<place>,[ \t]*[A-Z][^\n]{0,40})?[ \t]*$",
        re.M,
    )


def dateline(text: str, anchor: dt.date | None) -> tuple[DateSpan, int, int] | None:
    """The dateline of a readout ("November 20, 2016, Lima"): its date, its offset, and where the lead ends.

    Only a line that is nothing but a date (and a place) counts, and only near the top; a date under a
    byline ("Posted by ...") is when a blog post was written, not when its events happened.
    """
    from graphkit.dates import resolve

    match = _dateline_pattern().search(text, 0, min(len(text), 1500))
    if match is None:
        return None
    previous = text[: match.start()].rstrip().rsplit("\n", 1)[-1]
    if re.match(r"\s*(posted by|by|written by)\b", previous, re.I):
        return None
    span = resolve(match.group("date"), anchor, "past")
    if span is None:
        return None
    return span, match.start(), _lead_end(text, match.end())


def _lead_end(text: str, start: int) -> int:
    """Where the lead after a dateline ends: its first line, unless that line repeats the headline or is an
    editor's note in brackets.

    Readouts often repeat their headline under the dateline ("Leaders discuss security\n\n2 May 2024\n\n
    Leaders discuss security\n\nThe two leaders met ..."), and transcripts open with a note ("[The remarks
    were interpreted.]"); the lead is then the paragraph after it.
    """
    before = {line.strip() for line in text[:start].splitlines() if line.strip()}
    lines = list(re.finditer(r"\S[^\n]*", text[start:]))
    for line in lines[:3]:
        words = line.group().strip()
        if words not in before and not (words.startswith("[") and words.endswith("]")):
            return start + line.end()
    return start + (lines[0].end() if lines else 0)


def _apply_dateline(doc: Doc, drafts: list[ContactDraft], anchor: dt.date | None) -> list[ContactDraft]:
    """Undated contacts in a readout's headline and lead, or told in the present tense, happen on its date."""
    found = dateline(text_of(doc), anchor)
    if found is None:
        return list(drafts)
    span, _, lead_end = found
    return [
        replace(d, date=span)
        if d.date is None and d.status is ContactStatus.OCCURRED and _in_lead(doc, d, lead_end)
        else d
        for d in drafts
    ]


def _in_lead(doc: Doc, draft: ContactDraft, lead_end: int) -> bool:
    """Whether the contact is told in the headline and lead (before ``lead_end``) or in the present tense."""
    trigger = doc[draft.trigger]
    # "I'm delighted to welcome ...": the finite verb above an infinitive or adjective carries the tense.
    while trigger.tag_ == "VB" and trigger.dep_ == "xcomp" and trigger.head.tag_ in {"JJ", "VBN"}:
        trigger = trigger.head.head if trigger.head.dep_ == "acomp" else trigger.head
    present = trigger.tag_ in {"VBP", "VBZ"} or (
        trigger.tag_ in {"VBG", "VBN", "JJ"}
        and any(c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBP", "VBZ"} for c in trigger.children)
    )
    return draft.sentence.start_char < lead_end or present


def _apply_week_frame(
    doc: Doc, drafts: list[ContactDraft], dates: list[tuple[Span, DateSpan | None, DateSpan | None]]
) -> list[ContactDraft]:
    """A week that opens a line near the top frames the whole article: its undated contacts fall in it.

    Weekly round-ups ("This week at the ministry") and trip announcements ("This week, the Secretary will
    travel to ...") tell many contacts and date only the first. The frame's clause gives the status it
    covers: a future one ("will travel") its planned contacts, a past or verbless one its occurred contacts.
    A week line that tells no contact and is not echoed near the top (a "This week's photos" link in a
    page's menu) frames nothing.
    """
    text = text_of(doc)
    weeks = [s for s, past, _ in dates if s.start_char <= _FRAME_REACH and _this_week(past, doc)]
    for span, past, future in dates:
        if span.start_char > _FRAME_REACH:
            break
        line_start = text.rfind("\n", 0, span.start_char) + 1
        if text[line_start : span.start_char].strip() or not _this_week(past, doc):
            continue
        tells = any(d.sentence.start == span.sent.start for d in drafts)
        if not tells and len(weeks) < 2:
            continue
        planned = _future_clause(span.sent.root)
        week = future if planned else past
        status = ContactStatus.PLANNED if planned else ContactStatus.OCCURRED
        return [
            replace(d, date=week)
            if d.date is None and d.sentence.start >= span.sent.start and d.status is status
            else d
            for d in drafts
        ]
    return list(drafts)


# How far into the text (characters) a framing week may open a line: the headline, the standfirst, the lead.
_FRAME_REACH = 1500


def _this_week(span: DateSpan | None, doc: Doc) -> bool:
    """The week of publication ("this week", "earlier this week")."""
    anchor = span.anchor if span is not None else None
    return (
        span is not None
        and anchor is not None
        and span.granularity is Granularity.WEEK
        and span.start <= anchor <= span.end
    )


def _future_clause(root: Token) -> bool:
    """ "This week, X will travel ...": the clause looks ahead."""
    return any(
        c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in {"could", "might", "may"}
        for c in root.children
    )


def _office_level(actors: list[ActorDraft], at: dt.date | None) -> ContactLevel | None:
    """The level the participants' offices show: all heads of state or government, all ministers."""
    from graphkit.gazetteer import load_gazetteer
    from graphkit.offices import load_offices

    gaz = load_gazetteer()
    held: list[set[str]] = []
    for actor in actors:
        if actor.type is not ActorType.PERSON:
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
    if all(o & load_offices().leaders for o in held):
        return ContactLevel.SUMMIT
    if all(any("minister" in x for x in o) for o in held):
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
        unnamed=draft.unnamed,
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
