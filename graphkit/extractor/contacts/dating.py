"""Dating: the day or period of a contact.

General patterns: the temporal expression attached to the trigger's chain of verbs, not one inside another
clause or a title appositive; the length of a stay ("a three-day visit"); the date of the sentence before
for an undated contact told next ("also", "later"); the dates of a trip for the meetings held on it. Tests:
tests/test_contact_rules.py and tests/test_dating_rules.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from graphkit.extractor.contacts.grammar import (
    CLAUSES,
    REFERENCE_POINTS,
    ContactDraft,
    Context,
    in_other_clause,
    inside_clause_of_argument,
    is_infinitive,
)
from graphkit.extractor.contacts.merging import share_within_lists
from graphkit.extractor.contacts.status import chain_of, inside_topic_contact
from graphkit.models import ContactKind, ContactStatus, DateSpan, Granularity, Role

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from graphkit.extractor.mentions import Mention
    from graphkit.lexicon import Lexicon

NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


LASTING = re.compile(
    r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)-day\s+(?:[a-z]+\s+){0,2}(?:visit|trip|tour)\b",
    re.I,
)


def lasting_span(sentence: str, start: DateSpan) -> DateSpan:
    """ "arrived on Sunday for a three-day state visit": the visit lasts from that day for three days."""
    match = LASTING.search(sentence)
    if match is None or start.start != start.end:
        return start
    word = match.group(1).lower()
    days = int(word) if word.isdigit() else NUMBERS[word]
    return start.model_copy(update={"end": start.start + dt.timedelta(days=days - 1)})


def reference_point(span: Span, trigger: Token) -> bool:
    """A date after "since"/"until", or inside such a phrase ("since the revolution in 1979")."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in REFERENCE_POINTS:
        return True
    cur = span.root
    for _ in range(6):
        if cur.head.i == cur.i or cur.i == trigger.i:
            return False
        cur = cur.head
        if cur.dep_ == "prep" and cur.lower_ in REFERENCE_POINTS:
            return True
    return False


def closes_title_appositive(span: Span, trigger: Token) -> bool:
    """A date that ends a verbless appositive is the time of the clause, not of the appositive's noun.

    Two shapes of the same pattern: a photo caption's place and date ("... at the ministry in Lima, Peru,
    June 4, 2019"), where the date is parsed as an appositive of the place, and a title after a name ("met
    Macron, the President of France on March 2"), where the parser hangs the date on the title. An
    appositive holding a verb ("a lawyer jailed in 2015") or a clause keeps its date.
    """
    cur = span.root
    while cur.i != trigger.i and cur.head.i != cur.i:
        if cur.dep_ in CLAUSES:
            return False
        if cur.dep_ == "appos":
            inside = [t for t in cur.subtree if not (span.start <= t.i < span.end)]
            verbless = not any(t.pos_ in {"VERB", "AUX"} for t in inside)
            closing = cur.right_edge.i < span.end or cur.doc[cur.right_edge.i].is_punct  # nothing after it
            return verbless and closing
        cur = cur.head
    return False


def in_when_clause(span: Span, chain_ids: set[int]) -> bool:
    """A date inside a "when"/"while" clause of the trigger's own chain is the time of the trigger too.

    "The two leaders discussed the plan when they met in Lima in May": the discussion is dated May. Only a
    clause that hangs on the chain itself, with nothing but phrases between it and the date.
    """
    cur = span.root
    while cur.head.i != cur.i and cur.i not in chain_ids:
        if cur.dep_ == "advcl":
            opened = any(c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "while"} for c in cur.children)
            return opened and cur.head.i in chain_ids
        if cur.dep_ in CLAUSES:
            return False
        cur = cur.head
    return False


def describes_trigger(span: Span, trigger: Token, lex: Lexicon) -> bool:
    """A date in a clause that describes the contact noun itself dates the contact.

    "thanked her for the letter she had written last week", "the calls the two leaders had on May 2 and
    3", "talks held in Oslo on Monday": the clause hangs on the trigger noun, so its time is the contact's.
    A clause under a participant ("met Bennett, who was elected in 2006") is not such a clause.
    """
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return False
    cur = span.root
    while cur.head.i != cur.i and cur.head.i != trigger.i:
        if cur.dep_ in {"relcl", "acl", "advcl", "ccomp", "appos"}:
            return False  # a clause inside the clause
        cur = cur.head
    return (
        cur.head.i == trigger.i
        and cur.dep_ in {"relcl", "acl"}
        and cur.lemma_.lower() in lex.words.describing_verbs
    )


def date_for(ctx: Context, tok: Token, status: ContactStatus) -> DateSpan | None:
    future = status in {ContactStatus.PLANNED, ContactStatus.PROPOSED}
    chain = chain_of(ctx, tok)
    chain_ids = {t.i for t in chain}
    if tok.dep_ == "conj" and tok.head.lemma_.lower() in ctx.lex.words.scheduling_verbs:
        chain_ids.add(tok.head.i)  # "to be held on May 20 and to be chaired by A and B": one event
    # "Merkel, who met Putin many times, left office in 2021": the main clause date is not the relative's
    # "became the first leader to meet Obama": an infinitive relative has no time of its own
    relative = next((t for t in [tok, *tok.ancestors] if t.dep_ == "relcl" and not is_infinitive(t)), None)
    if relative is not None and any(c.lower_ in {"where", "when"} for c in relative.children):
        relative = None  # "Kenya, where she met Kibaki": the same trip, the same time
    inside = {t.i for t in relative.subtree} if relative is not None else None
    if tok.dep_ == "pcomp" and tok.head.lower_ in {"after", "before", "since", "until"}:
        inside = {t.i for t in tok.subtree}  # "arrived on Friday, a day after meeting X": not on Friday
    sent = tok.sent
    best: tuple[int, DateSpan] | None = None
    # "X on Tuesday announced plans to meet Y at the month's end": for a contact to come, a time told before a
    # past verb that governs it ("announced", "agreed") is when that was said, not when the contact will be
    told = [t.i for t in chain[1:] if t.tag_ == "VBD"] if future else []
    for span, past, fut in ctx.dates:
        if span.start < sent.start or span.end > sent.end:
            continue
        if told and span.end <= told[-1]:
            continue
        if any(t.text == ";" for t in tok.doc[min(span.end, tok.i) : max(span.start, tok.i)]):
            continue  # "X met Y; they will meet again next year": the other clause's time
        value = fut if future else past
        if inside is not None and span.root.i not in inside:
            continue
        if value is None or reference_point(span, tok):
            continue  # "the first call since 1979": a reference point, not the event's date
        anchor = span.root.head if span.root.dep_ != "pobj" else span.root.head.head
        if span.root.dep_ == "pobj" and span.root.head.head.dep_ == "prep":
            anchor = span.root.head.head.head
        # "ahead of the summit on Monday": a time right after a contact noun is the noun's, however parsed
        next_to_noun = tok.pos_ == "NOUN" and span.start - tok.i <= 2 and span.start > tok.i
        if future and anchor.i != tok.i and anchor.tag_ == "VBD" and past is not None and not next_to_noun:
            value = past  # "received word on Friday that X wanted to talk": the word came last Friday
        # "the summit between Biden and Xi last November": a time right after the noun's phrase is its own
        adjoining = tok.pos_ in {"NOUN", "PROPN"} and span.start == tok.right_edge.i + 1
        attached = span.root.head.i in chain_ids or anchor.i in chain_ids or adjoining
        if span.root.i in {t.i for t in tok.subtree} and not attached:
            if (
                inside_clause_of_argument(span.root, tok)
                and not closes_title_appositive(span, tok)
                and not describes_trigger(span, tok, ctx.lex)
                and not in_when_clause(span, chain_ids | {tok.i})
            ):
                continue  # "met Bennett, who is on trial for a plot in 2006": that date is Bennett's
            if inside_topic_contact(ctx, span.root, tok):
                continue  # "briefed X on the outcomes of the meeting on August 26": the meeting's date
            rank = 1
        elif attached:
            rank = 0
        elif anchor.lemma_.lower() in ctx.reporting or span.root.head.lemma_.lower() in ctx.reporting:
            continue
        elif in_when_clause(span, chain_ids):
            rank = 1  # "discussed it when they met in Lima in May": the same time
        elif in_other_clause(span.root, chain_ids):
            continue  # "refused talks, citing crimes from 1910": that clause's date is not the talks'
        else:
            rank = 2
        distance = abs(span.start - tok.i)
        score = rank * 1000 + distance
        if best is None or score < best[0]:
            best = (score, value)
    if best is None and not future and ctx.published is not None and just_now(chain, ctx.lex):
        # "I have just concluded a meeting with X", "with whom I just spoke": the day of the text
        return DateSpan(
            start=ctx.published, end=ctx.published, granularity=Granularity.DAY, expression="just"
        )
    return best[1] if best else None


def just_now(chain: list[Token], lex: Lexicon) -> bool:
    """A verb of the chain told as just done ("has just met", "just spoke with"); not a journey ("has just
    come from Kyiv": the stay there ended, some time before)."""
    return any(
        t.tag_ in {"VBD", "VBN"}
        and t.lemma_.lower() not in lex.travel_verbs
        and any(c.dep_ == "advmod" and c.lower_ == "just" for c in t.children)
        for t in chain
    )


# Statuses whose undated contacts take the date of the sentence before: what happened, and what is planned.
INHERITING = {ContactStatus.OCCURRED, ContactStatus.PLANNED}


def inherit_dates(
    drafts: list[ContactDraft],
    ctx_dates: list[tuple[Span, DateSpan | None, DateSpan | None]],
    by_token: dict[int, Mention],
    lex: Lexicon,
) -> list[ContactDraft]:
    """Undated past contacts told right after a dated sentence about the same actor happen on that date.

    "The two leaders met Friday with Brahimi. Kerry later met with Ban": the second meeting is on Friday too.
    Only the sentence just before counts, its date must hang on its main verb, that verb's subject must be a
    participant, and the later sentence must say "also", "later" or "then" or share the subject.
    """
    drafts = [replace(d) for d in drafts]  # the caller's drafts stay as they were
    for draft in drafts:
        if draft.date is not None or draft.status not in INHERITING or draft.sentence.start == 0:
            continue
        doc = draft.sentence.doc
        previous = doc[draft.sentence.start - 1].sent
        trigger = doc[draft.trigger]
        if any(c.dep_ == "aux" and c.lower_ in {"has", "have", "'ve", "’ve"} for c in trigger.children):
            continue  # "Blinken has also met Wang Yi": some time, not the day just told
        cue = any(c.lower_ in lex.words.same_time_adverbs for c in trigger.children if c.dep_ == "advmod")
        same_day = re.search(
            r"\b(on )?(the same day|that day|the same occasion)\b", draft.sentence.text, re.I
        )
        cue = cue or same_day is not None  # "On the same day, Li Qiang met ..."
        # With "later"/"also", the dated event may be two sentences back.
        window = {previous.start} | (
            {doc[previous.start - 1].sent.start} if cue and previous.start > 0 else set()
        )
        earlier = [
            d
            for d in drafts
            if (
                d.sentence.start in window
                or (same_day is not None and d.sentence.start < draft.sentence.start)
            )
            and d.date is not None
            and d.status is draft.status
            and (
                d.kind is draft.kind or d.kind is not ContactKind.CORRESPONDENCE
            )  # a letter's day is its own
            and set(d.participants) & set(draft.participants)
        ]
        if earlier and (cue or draft.participants[0] in earlier[-1].participants):
            draft.date = earlier[-1].date
            continue
        told_before = [d.kind for d in drafts if d.sentence.start == previous.start]
        letters = ContactKind.CORRESPONDENCE
        if told_before and draft.kind is not letters and all(k is letters for k in told_before):
            continue  # "X wrote to Y on Monday. Y also met X": the letter's day is its own
        for span, past, future in ctx_dates:
            if draft.status is ContactStatus.PLANNED:
                past = future  # "will travel to Oslo on Monday. There she will meet ...": the coming Monday
            if past is None or not (previous.start <= span.start < previous.end):
                continue
            verb = previous.root
            # "Sunday's meetings were held in Riyadh. X met Y there.": the sentence before dates the contacts
            # it is about, and the contact told next is one of them
            about_contacts = any(
                c.dep_ in {"nsubj", "nsubjpass"}
                and (c.lower_ in lex.nouns or c.lemma_.lower() in lex.nouns)
                and span.root.i in {t.i for t in c.subtree}
                and not any(t.i in by_token for t in c.subtree)
                for c in verb.children
            )
            if about_contacts and draft.status is not ContactStatus.PLANNED:
                draft.date = past
                break
            if verb.i not in {span.root.head.i, span.root.head.head.i}:
                continue
            if draft.status is ContactStatus.PLANNED and (
                verb.lemma_.lower() not in lex.words.trip_verbs or verb.tag_ == "VBD"
            ):
                # a plan takes the day of the trip told before, not of a speech or a signing, nor of a
                # meeting already held ("X met Y on Friday. The two sides agreed to keep talking.")
                continue
            # "X will, together with Y, travel ...": the parser may hang the subject on a word under the verb
            heads = [verb, *(c for c in verb.children if c.pos_ not in {"VERB", "AUX"} or c.dep_ == "aux")]
            subjects = {
                by_token[c.i].actor
                for h in heads
                for c in h.children
                if c.dep_ == "nsubj" and c.i in by_token
            }
            subjects.discard(None)
            if subjects & set(draft.participants) and (cue or draft.participants[0] in subjects):
                draft.date = past
                break
    return drafts


DURING_TRIP = re.compile(
    r"\b(?:during|on|in the course of|throughout|over)\s+(?:his|her|their|the|this|that)\s+(?:[\w-]+\s+){0,2}"
    r"(?:trip|visit|stay|tour|travels?|stop|stopover)\b|\bwhile\s+(?:in|visiting)\b",
    re.I,
)


def date_by_trips(drafts: list[ContactDraft], country_of: dict[str, str | None]) -> list[ContactDraft]:
    """Undated contacts of a traveller with people of the state he visited happen during that visit.

    "On 3-4 June the minister travelled to Chile ... In Santiago she gave a joint press conference with her
    counterpart": the press conference is dated 3-4 June. Only visits with a date, and contacts of the same
    status told after them.
    A sentence that says so itself ("during his trip", "while in Lima") needs no counterpart of the host
    state: the people met on a trip are often not in the gazetteer. The counterparts of one sentence met in
    one list ("met A, B and C") share the date that one of them got from the trip.
    """
    drafts = [replace(d) for d in drafts]  # the caller's drafts stay as they were
    trips = [
        d for d in drafts if d.kind is ContactKind.VISIT and d.date is not None and len(d.participants) >= 2
    ]
    for draft in drafts:
        if draft.date is not None or draft.kind is ContactKind.VISIT:
            continue
        trigger = draft.sentence.doc[draft.trigger]
        if any(c.dep_ == "aux" and c.lower_ in {"has", "have", "'ve", "’ve"} for c in trigger.children):
            continue  # "has met him many times": some time, not during this trip
        during = DURING_TRIP.search(draft.sentence.text) is not None
        for trip in reversed([t for t in trips if t.sentence.start <= draft.sentence.start]):
            visitors = [p for p in trip.participants if trip.roles.get(p) is Role.VISITOR]
            hosts = {country_of.get(p) for p in trip.participants if trip.roles.get(p) is Role.HOST} - {None}
            others = [p for p in draft.participants if p not in visitors]
            if (
                trip.status is draft.status
                and set(visitors) & set(draft.participants)
                and others
                and (during or all(country_of.get(p) in hosts for p in others))
            ):
                draft.date = trip.date
                break
    return share_within_lists(drafts)
