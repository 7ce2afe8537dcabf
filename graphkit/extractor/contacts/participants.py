"""Participants: who takes part in a contact, from the grammatical roles around its trigger.

General patterns: the subject (also shared by coordinated verbs or dropped in a participle clause), the
object, with-/to-/by-phrases, a possessor ("his call with X"), the holder of a relative clause ("the talks he
held with X"), a person possessed by a state ("Iran's foreign minister"), the pair of a headline. Tests:
tests/test_contact_rules.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from graphkit.extractor.contacts.grammar import SUBJ, ContactDraft, Context, picture_place, preps_of
from graphkit.extractor.contacts.lists import conjuncts_of, last_word, mention_tail
from graphkit.extractor.mentions import in_headline
from graphkit.models import ContactKind, Role

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from graphkit.extractor.mentions import Mention
    from graphkit.lexicon import Lexicon


def actors_of(ctx: Context, tok: Token) -> list[str]:
    """The actors an argument token stands for (a name, a role, a pronoun, a group, or 'the two')."""
    ids: list[str] = []
    listed = conjuncts_of(tok, ctx.lex)
    for t in listed + mention_tail(ctx, listed):
        mention = ctx.by_token.get(t.i)
        if mention is None and t.lower_ in {"whom", "which"} and t.dep_ == "pobj":
            # "President Lula, with whom she spoke": the relative pronoun is the name the clause follows
            before = [k for k in ctx.doc[max(t.head.i - 3, t.sent.start) : t.head.i] if k.i in ctx.by_token]
            if before:
                ids.extend(a for a in actors_of(ctx, before[-1]) if a not in ids)
            continue
        if mention is None:
            # "the Dutch and Belgian colleagues": the states named inside the noun phrase.
            mods = [c for c in t.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
            mods += [k for c in mods for k in c.conjuncts if k.i > c.i]  # "Dutch and Belgian colleagues"
            inner = [ctx.by_token[c.i] for c in mods if c.i in ctx.by_token]
            if (
                t.lower_ in ctx.lex.non_actors
                or t.lemma_ in ctx.lex.non_actors
                or t.lower_ in ctx.lex.place_nouns
            ):
                continue  # the press, the public; "the Istiqlal Mosque" is a place
            # "met Putin dozens of times": a name glued onto a count by the parser is the object itself
            counted = t.lower_ in {"dozens", "dozen", "hundreds", "times", "several", "twice", "occasions"}
            # "the Dutch and Belgian colleagues", "Mercosur heads of state": people of a side; but
            # "met its NATO spending target" names no party
            people = (
                t.lemma_.lower()
                in ctx.lex.people_nouns | ctx.lex.words.side_nouns | ctx.lex.words.collectives
                or t.lower_ in ctx.lex.office_words
            )
            inner = [
                m
                for m in inner
                if (m.kind in {"country", "org", "role"} and people) or t.pos_ == "PROPN" or counted
            ]
            if people and any(c.dep_ == "appos" and c.i in ctx.by_token for c in t.children):
                continue  # "Fiji's leaders, the prime minister and the foreign minister": those listed
            counterparts = t.tag_ == "NNS" and t.lemma_.lower() == "counterpart"
            if t.lemma_.lower() in ctx.lex.words.members or counterparts:
                # "several members of the Bundestag": the body they belong to;
                # "her counterparts from A and B": the states, where their people are not named
                for p in preps_of(t, {"of", "from"}):  # "officials from China and Japan"
                    body = conjuncts_of(p, ctx.lex)
                    inner += [
                        ctx.by_token[k.i] for k in body + mention_tail(ctx, body) if k.i in ctx.by_token
                    ]
            for m in inner:
                if m.actor and m.actor not in ids:
                    ids.append(m.actor)
            continue
        if mention.kind == "org" and last_word(mention) in ctx.lex.words.process_names:
            continue  # "the cybersecurity dialogue", "the Normandy format": a process or place, not a party
        owner = ctx.by_token.get(t.head.i)
        if mention.kind == "country" and t.dep_ == "poss" and owner is not None and owner.kind != "country":
            mention = owner  # "Iran's President Rouhani" hung on the state: the person is meant
        elif mention.kind == "country":
            mention = possessed_person(ctx, mention) or mention
        if mention.actor is None:
            continue
        actor = ctx.actors.get(mention.actor)
        members = actor.members if actor is not None and actor.members else (mention.actor,)
        ids.extend(a for a in members if a not in ids)
    return ids


def possessed_person(ctx: Context, mention: Mention) -> Mention | None:
    """ "Chile's newly elected President Gabriel Boric", however parsed: the person after the possessive."""
    doc = ctx.doc
    i = mention.end
    if i >= len(doc) or doc[i].text not in {"'s", "’s"}:
        return None
    for j in range(i + 1, min(i + 6, len(doc))):
        person = ctx.by_token.get(j)
        if person is not None:
            return person if person.type.value == "person" and person.kind in {"name", "role"} else None
        hyphen = doc[j].text in {"-", "‑"} and not doc[j - 1].whitespace_  # "re-elected"
        if not hyphen and (doc[j].pos_ not in {"ADV", "ADJ", "VERB", "PROPN", "NOUN"} or doc[j].is_punct):
            return None
    return None


def headline_pair(ctx: Context, verb: Token) -> list[Token]:
    """ "Putin, Xi hold talks in Beijing": a headline's comma stands for "and" between the two subjects."""
    sent = verb.sent
    last = sent[-1] if not sent[-1].is_space else sent[-2] if len(sent) > 1 else sent[-1]
    if last.text in {".", "!", "?", '"', "”"} or len(sent) < 4 or sent[1].text != ",":
        return []
    first, second = ctx.by_token.get(sent.start), ctx.by_token.get(sent.start + 2)
    if first is None or second is None or first is second or verb.i <= second.end - 1:
        return []
    one, two = ctx.doc[first.head], ctx.doc[second.head]
    if first.end != sent.start + 1:
        return []
    # only for the verb the pair is the subject of: "Xi hold", or "Modi, Biden to meet" parsed off "Modi"
    subject = (two.head.i == verb.i and two.dep_ in {"nsubj", "nsubjpass"}) or (
        verb.dep_ == "conj" and verb.head.i == one.i
    )
    return [one, two] if subject else []


def subjects_of(ctx: Context, verb: Token) -> list[Token]:
    pair = headline_pair(ctx, verb)
    if pair:
        return pair
    subs = [c for c in verb.children if c.dep_ in {"nsubj"}]
    if subs and verb.dep_ == "relcl" and all(c.lower_ in {"who", "that", "which"} for c in subs):
        return [verb.head]  # "Trump, who met Kim three times": the relative pronoun is the noun it follows
    if len(subs) == 1 and verb.lemma_ == "be" and subs[0].pos_ == "NOUN" and subs[0].i not in ctx.by_token:
        # "my plan is to go to Beijing", "her aim is to meet X": whose plan it is does what it says
        owners = [c for c in subs[0].children if c.dep_ == "poss"]
        if owners:
            return owners
    if subs:
        return subs
    if verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
        owner = (
            verb.head.head
        )  # "his goal in meeting with X": the goal's owner; "after meeting X": the verb's subject
        while owner.dep_ == "npadvmod" and owner.pos_ == "NOUN" and owner.head.i != owner.i:
            owner = owner.head  # "..., a day after meeting X": the span of time hangs on the main verb
        poss = [c for c in owner.children if c.dep_ == "poss"]
        if owner.pos_ in {"NOUN", "PROPN"} and poss:
            return poss
        if owner.pos_ in {"VERB", "AUX"}:
            return subjects_of(ctx, owner)
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if agents:
        return agents
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive and not ((trigger := ctx.lex.verb_triggers.get(verb.lemma_)) and trigger.passive_patient):
        return passive
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ in {"xcomp", "advcl"} and head.lemma_ in ctx.lex.object_control_verbs:
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if objs:
            return objs
    if (
        verb.dep_ in {"relcl", "acl"}
        and head.dep_ == "attr"
        and head.head.lemma_ in {"be", "become", "remain"}
    ) and (
        head.i not in ctx.by_token
        or ctx.by_token[head.i].actor is None
        or any(c.ent_type_ == "ORDINAL" or c.lower_ in {"only", "last"} for c in head.children)
    ):
        # "X became the first leader to meet Y", "she is the only minister to have visited Z": the
        # ranked noun describes the subject, it is nobody of its own
        return subjects_of(ctx, head.head)
    if verb.dep_ == "relcl":
        return [head]
    if verb.dep_ in {"xcomp", "advcl", "conj", "ccomp", "pcomp", "acomp"} and head.pos_ in {
        "VERB",
        "AUX",
        "ADJ",
    }:
        return subjects_of(ctx, head)
    if verb.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"}:
        if head.i not in ctx.by_token and head.dep_ in {"dobj", "attr"} and head.head.pos_ in {"VERB", "AUX"}:
            return subjects_of(ctx, head.head)  # "we had an opportunity to talk": who had it talked
        return [head]
    return []


def stranded_subjects(verb: Token, ctx: Context) -> list[Token]:
    """Actors before a main verb the parser left without a subject ("In Hanoi, A and B held talks").

    Only for a sentence's root verb with no subject at all; place names after "in"/"at" are left out.
    """
    if any(c.dep_ in SUBJ | {"expl"} for c in verb.children):
        return []
    if verb.dep_ != "ROOT":
        return _subjects_under_a_conjunction(verb, ctx)
    place = picture_place(verb.sent, ctx.lex)
    if place is not None and place < verb.i:
        return pictured(ctx, verb.sent, place)
    out = []
    for i in range(verb.sent.start, verb.i):
        mention = ctx.by_token.get(i)
        tok = ctx.doc[i]
        if mention is None or i != mention.head or mention.kind in {"pronoun", "first", "second", "we"}:
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "at", "from", "to"} and mention.kind != "name":
            continue
        out.append(tok)
    return out


def _subjects_under_a_conjunction(verb: Token, ctx: Context) -> list[Token]:
    """ "the highest exchange since A and B met in Chongqing": the parser took "since" for a preposition and
    A and B, right before the verb, for its object; they are the verb's subjects."""
    if verb.i == 0:
        return []
    last = ctx.doc[verb.i - 1]
    first = last
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if (
        last.i not in ctx.by_token
        or first.dep_ != "pobj"
        or first.head.lower_ not in {"since", "after", "before", "until", "when", "once"}
    ):
        return []
    return [first]


def pictured(ctx: Context, sent: Span, place: int) -> list[Token]:
    """The person a caption places in the picture: the last one named before the place ("In this photo
    provided by A via B, X, vice chairman of C, second from right, talks with Y": X, not the credits)."""
    person = next(
        (
            ctx.doc[m.head]
            for i in range(place - 1, sent.start - 1, -1)
            if (m := ctx.by_token.get(i)) is not None and i == m.head and m.type.value == "person"
        ),
        None,
    )
    return [person] if person is not None else []


def owner_via_prep(noun: Token) -> list[Token]:
    """ "his goal in meeting with X": the owner of the noun that a contact noun hangs from."""
    if noun.dep_ not in {"pobj", "pcomp"} or noun.head.dep_ != "prep":
        return []
    owner = noun.head.head
    if owner.pos_ not in {"NOUN", "PROPN"}:
        return []
    return [c for c in owner.children if c.dep_ == "poss"]


def relative_holder(noun: Token, lex: Lexicon) -> Token | None:
    """ "the meeting he had with X", "the calls that she made": the verb of a relative clause on the noun.

    Only a verb of holding whose object is the noun itself (the relative pronoun, or none written).
    """
    for child in noun.children:
        if child.dep_ == "relcl" and child.lemma_.lower() in lex.words.holding_verbs:
            # "the talks she had this weekend": a time parsed as the object is no object
            objects = [c for c in child.children if c.dep_ == "dobj" and c.ent_type_ not in {"DATE", "TIME"}]
            if all(o.tag_ in {"WDT", "WP"} for o in objects):
                return child
    return None


def plural_antecedents(ctx: Context, pronoun: Token) -> list[Token]:
    """ "A and B ... . They met again on Friday": a plural pronoun standing as the subject of a contact,
    resolved to nobody, is the coordinated actors that were the subject of the sentence before (two or more
    named actors joined by "and"). Only the sentence just before counts, and only its subject."""
    if pronoun.lower_ != "they" or pronoun.dep_ not in SUBJ:
        return []
    mention = ctx.by_token.get(pronoun.i)
    if mention is not None and mention.actor is not None:
        return []
    sent = pronoun.sent
    if sent.start == 0:
        return []
    before = ctx.doc[sent.start - 1].sent
    for tok in before:
        if tok.dep_ not in SUBJ or tok.head.i != before.root.i:
            continue
        listed = [t for t in [tok, *tok.conjuncts] if t.i in ctx.by_token and ctx.by_token[t.i].actor]
        if len(listed) >= 2 and any(c.dep_ == "cc" and c.lower_ == "and" for t in listed for c in t.children):
            return listed
    return []


def speaker_for_we(ctx: Context, pronoun: Token) -> list[Token]:
    """ "We will also have a meeting with the Secretary-General" in remarks of one speaker: "we" holding a
    contact with someone named is the speaker's side, and the speaker takes part. Only where every "I" of
    the document is the same person (a statement, remarks, a press release with one voice)."""
    if pronoun.lower_ != "we" or pronoun.dep_ not in SUBJ:
        return []
    mention = ctx.by_token.get(pronoun.i)
    if mention is not None and mention.actor is not None:
        return []
    return sole_speaker(ctx)


FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}


def sole_speaker(ctx: Context) -> list[Token]:
    """A token of the document's one first-person speaker, where every "I" resolves to the same actor."""
    firsts = {m.head: m.actor for m in ctx.by_token.values() if m.kind == "first" and m.actor is not None}
    if len(set(firsts.values())) != 1:
        return []
    return [ctx.doc[min(firsts)]]


def speaker_holding(ctx: Context, noun: Token) -> list[Token]:
    """ "before I turn to the meeting with Wang Yi": a contact noun with nobody holding it, in a first-person
    sentence of a one-speaker text (remarks, a doorstop, a statement), is the speaker's."""
    if not any(t.lower_ in FIRST_PERSON for t in noun.sent) and not (
        _fragment(noun.sent) and not in_headline(noun)
    ):
        return []
    return sole_speaker(ctx)


def _fragment(sent: Span) -> bool:
    """A sentence without a finite verb ("And some key bilaterals today with A and B."): spoken notes."""
    return not any(t.pos_ in {"VERB", "AUX"} and t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in sent)


def reporter_holding(ctx: Context, noun: Token) -> list[Token]:
    """ "X said the meeting with Y had been useful", "X described his talks with Y as candid": a contact
    noun that names one counterpart and nobody holding it, inside what a person reports, is the reporter's.
    Only a particular contact ("the", "that", "his" talks), not a kind of contact ("said dialogue with Y
    is needed").

    Not a spokesperson's: a spokesman reports his principal's meetings ("Peskov said the meeting with Y
    was useful" is Putin's)."""
    if not any(c.dep_ in {"det", "poss"} for c in noun.children):
        return []  # "said communication with Y is necessary": a kind of contact, not one that was held
    cur = noun
    for _ in range(8):
        head = cur.head
        if head.i == cur.i:
            return []
        if head.pos_ in {"VERB", "AUX"}:
            if head.lemma_.lower() in {"describe", "call"} and cur.dep_ == "dobj":
                reporter = head  # "described the talks with Y as candid"
            elif head.dep_ == "ccomp" and head.head.lemma_.lower() in ctx.reporting and cur.dep_ in SUBJ:
                reporter = head.head
            else:
                return []
            subjects = subjects_of(ctx, reporter)
            if len(subjects) != 1 or (mention := ctx.by_token.get(subjects[0].i)) is None:
                return []
            actor = ctx.actors.get(mention.actor) if mention.actor else None
            if actor is None or actor.type.value != "person":
                return []
            if any(office.endswith("spokesperson") for office in actor.offices):  # offices are normalized
                return []
            return subjects
        cur = head
    return []


def countries_by_trips(
    drafts: list[ContactDraft], country_of: dict[str, str | None], home_office: Callable[[str, str], bool]
) -> dict[str, str]:
    """People of no known state met in the sentence of a visit to a state are of that state.

    "visited Syria and met with President Assad and Foreign Minister Muallem": Muallem is Syrian. Only people
    holding an office at home (``home_office(actor, state)``: a foreign minister, not an ambassador, who
    may be the visitor's own), met by the visitor in the very sentence that tells the visit.
    Returns actor id -> country code for those who get one.
    """
    found: dict[str, str] = {}
    for trip in (d for d in drafts if d.kind is ContactKind.VISIT):
        visitors = {p for p in trip.participants if trip.roles.get(p) is Role.VISITOR}
        hosts = {c for p in trip.participants if trip.roles.get(p) is Role.HOST and (c := country_of.get(p))}
        trigger = trip.sentence.doc[trip.trigger]
        if len(hosts) != 1 or not visitors or _before_or_after(trigger):
            continue  # "met X after she returned from Jakarta": X was not met there
        (host,) = hosts
        for draft in drafts:
            if (
                draft is trip
                or draft.sentence.start != trip.sentence.start
                or not visitors & set(draft.participants)
            ):
                continue
            for p in draft.participants:
                if p not in visitors and country_of.get(p) is None and home_office(p, host):
                    found.setdefault(p, host)
    return found


def _before_or_after(verb: Token) -> bool:
    """Whether ``verb`` heads a clause of time before or after another ("after she returned from X")."""
    return any(
        t.dep_ in {"advcl", "pcomp"}
        and any(
            c.dep_ in {"mark", "prep"} and c.lower_ in {"after", "before", "since", "until", "once"}
            for c in [*t.children, t.head]
        )
        for t in [verb, *verb.ancestors][:3]
    )
