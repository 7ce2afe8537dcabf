"""Candidates: every contact trigger in a document, checked against its lexicon record.

Each method of :class:`Finder` is one kind of candidate: contact verbs, travel verbs, stays ("was in Kyiv"),
conveying and carrying messages, nominal triggers ("talks between", "a visit by", "their fourth meeting"),
pointing-back nouns ("another call"), stops on a tour, and gapped coordination. The record of the trigger
(data/lexicon/contacts.yaml) decides whether the candidate holds; participants, status and dates come from the
other rule modules. Tests: tests/test_contact_rules.py.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graphkit.extractor.contacts.dating import date_for, lasting_span
from graphkit.extractor.contacts.grammar import (
    TOPIC_PREPS,
    WITH_PREPS,
    ContactDraft,
    Context,
    caption,
    in_topic,
    picture_place,
    preps_of,
    with_phrases,
)
from graphkit.extractor.contacts.levels import level_in
from graphkit.extractor.contacts.lists import between_in_clause, between_members, hyphen_dyad, told_apart
from graphkit.extractor.contacts.participants import (
    actors_of,
    owner_via_prep,
    pictured,
    plural_antecedents,
    reporter_holding,
    speaker_for_we,
    speaker_holding,
    stranded_subjects,
    subjects_of,
)
from graphkit.extractor.contacts.status import chain_of, governing_verb, present_tense, status_of
from graphkit.extractor.mentions import in_headline
from graphkit.lexicon import NounTrigger
from graphkit.models import ContactKind, ContactStatus, Role

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def kind_for_speech(ctx: Context, sent: Span, tok: Token, unstated: ContactKind) -> ContactKind:
    """ "spoke with", "talked to", "a conversation": a call when phone words are near, else ``unstated``."""
    window = [sent]
    nxt = ctx.doc[sent.end].sent if sent.end < len(ctx.doc) else None
    if nxt is not None:
        window.append(nxt)
    for span in window:
        if any(
            t.lower_ in ctx.lex.phone_words or t.lemma_ in ctx.lex.phone_words for t in span if t.i != tok.i
        ):
            return ContactKind.CALL
    places = [p for p in preps_of(tok, {"in", "at"}) if (m := ctx.by_token.get(p.i)) and m.kind == "country"]
    if places:
        return ContactKind.MEETING  # "our conversations in Russia and in Brazil" were held in person
    if unstated is ContactKind.CALL and in_person(ctx, sent, tok):
        # Readouts say "spoke with X" of a phone call and name the place or occasion of an in-person talk.
        return ContactKind.MEETING
    return unstated  # the channel is not stated: "talked" is in person, "spoke" a call


def about(ctx: Context, word: Token, trigger: Token) -> bool:
    """Whether ``word`` sits in a topic phrase of ``trigger`` ("spoke with X on the talks", "about trade");
    "on the sidelines of the summit" is a place, not a topic."""
    cur = word
    while cur.head.i != cur.i and cur.i != trigger.i:
        if cur.dep_ == "prep" and cur.lower_ in TOPIC_PREPS and cur.head.i == trigger.i:
            return not any(
                o.dep_ == "pobj" and o.lemma_.lower() in ctx.lex.words.venue_frames for o in cur.children
            )
        cur = cur.head
    return False


def in_person(ctx: Context, sent: Span, tok: Token) -> bool:
    """Whether the sentence of ``tok`` places it in person: a place, a gathering, a trip or a meeting."""
    for t in sent:
        if t.i == tok.i or about(ctx, t, tok):
            continue  # "spoke with X on the negotiations": what they spoke about was not where
        lemma = t.lemma_.lower()
        noun = ctx.lex.noun_triggers.get(lemma)
        gathering = lemma in ctx.lex.words.forum_bodies or (noun is not None and noun.venue)
        if lemma in ctx.lex.words.venue_frames | ctx.lex.words.in_person_words or gathering:
            return True
        kinds = {ctx.lex.verbs.get(lemma) if t.pos_ == "VERB" else ctx.lex.nouns.get(lemma)}
        if t.pos_ in {"NOUN", "PROPN", "VERB"} and kinds & {"meeting", "visit"}:
            return True  # a meeting or visit told in the sentence; not "bilateral relations"
        if t.pos_ == "VERB" and lemma in ctx.lex.travel_verbs:
            return True
    # "I have just concluded a meeting with X. X and I also spoke about Y": the talk went on in person
    also = any(c.dep_ == "advmod" and c.lower_ in ctx.lex.words.same_time_adverbs for c in tok.children)
    if also and sent.start > 0 and in_person(ctx, ctx.doc[sent.start - 1].sent, ctx.doc[sent.start - 1]):
        return True
    return bool(
        [p for p in preps_of(tok, {"in", "at", "during"}) if p.ent_type_ in {"GPE", "LOC", "FAC", "EVENT"}]
    )


def _of_their(noun: Token) -> bool:
    """Whether a contact noun is "their" meeting, talks or call."""
    return any(c.dep_ == "poss" and c.lower_ == "their" for c in noun.children)


class Finder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.lex = ctx.lex
        self.previous: ContactDraft | None = None  # the contact told last, for nouns that point back

    # --- triggers -----------------------------------------------------------------------------------
    def verb(self, tok: Token) -> ContactDraft | None:
        lemma = tok.lemma_.lower()
        trigger = self.lex.verb_triggers.get(lemma)
        if trigger is None or tok.pos_ not in {"VERB"}:
            return None
        if lemma in self.lex.words.light_verbs:
            return None  # "held talks": the noun carries the contact
        if trigger.channel_required:
            return self.told(tok, trigger.roles)
        if trigger.status is not None and self._invited_trip(tok):
            return None  # "invited X to visit Y": the trip is the contact, with its own status
        if (
            # "called on X to ...", "called for talks"; but "called X on Sunday" is a call
            any(p.ent_type_ not in {"DATE", "TIME"} for p in preps_of(tok, set(trigger.sense_preps)))
        ) or (
            trigger.purposes is not None
            and any(
                c.dep_ in {"xcomp", "oprd", "ccomp"}
                and c.lemma_.lower() not in trigger.purposes
                and c.pos_ != "ADV"  # "called X ahead of the summit" is still a call
                and c.i not in self.ctx.by_token  # "called Erdogan" mis-parsed as a predicate is still a call
                for c in tok.children
            )
        ):
            return None  # "called on X to", "called him a liar"; but "called Erdogan to discuss migration"
        if trigger.particle is not None and not any(c.lower_ == trigger.particle for c in tok.children):
            return None  # "sat down with"
        if any(p.lemma_.lower() in self.lex.words.sports for p in preps_of(tok, {"in", "at", "during"})):
            return None  # "China and India met in the final of the tournament": teams, not governments
        if trigger.required_prep is not None and not (
            preps_of(tok, {trigger.required_prep})
            or (
                trigger.topic_object  # "expressed his views to X": the phrase hung on what was expressed
                and [
                    p for d in tok.children if d.dep_ == "dobj" for p in preps_of(d, {trigger.required_prep})
                ]
            )
        ):
            return None  # "wrote to X"
        named = [
            s
            for s in subjects_of(self.ctx, tok)
            if (m := self.ctx.by_token.get(s.i)) is None or m.kind not in {"we", "pronoun", "group", "first"}
        ]
        if named:
            # "the Brazilian minister and I discussed X": the speaker beside another party is one of them
            named += [
                s
                for s in subjects_of(self.ctx, tok)
                if (m := self.ctx.by_token.get(s.i)) is not None and m.kind == "first" and s.lower_ == "i"
            ]
        # "X co-chaired the session with Y", "X signed a deal with Y": the with-phrase names the partner
        partners = self._ids(
            preps_of(tok, {"with"})
            + [p for d in tok.children if d.dep_ == "dobj" for p in preps_of(d, {"with"})]
        )
        if trigger.plural_subject and len(self._ids(named)) + len(partners) < 2:
            return None  # one person chairing is no contact, nor "we agreed" (told already, if at all)
        if trigger.plural_subject and any(
            t.lemma_.lower() in self.lex.verbs
            or t.lower_ in self.lex.nouns
            or t.lemma_.lower() in self.lex.nouns
            for c in tok.children
            if c.dep_ in {"xcomp", "ccomp"}
            for t in c.subtree
        ):
            return None  # "A and B agreed to hold talks": the talks are the contact
        signers = [self.ctx.actors.get(a) for a in self._ids(named)]
        # "the government and the TPLF signed a truce in Pretoria": a state and an armed group at one place
        # sign what they negotiated there (agreeing from afar, through mediators, is no contact of theirs)
        at_a_place = any(
            t.dep_ == "pobj"
            and t.head.lower_ in {"in", "at"}
            and (m := self.ctx.by_token.get(t.i)) is not None
            and m.kind == "country"
            for t in tok.subtree
        )
        party = at_a_place and any(a is not None and a.party for a in signers)
        if trigger.no_states and not party and any(a is None or a.type.value != "person" for a in signers):
            return None  # "Chile and Argentina signed the treaty": each may have signed on its own
        # "discussed the issue with Blinken": the parser often hangs the with-phrase on the thing discussed
        topic_with = (
            [
                p
                for d in tok.children
                if d.dep_ == "dobj"
                and d.lemma_.lower() not in self.lex.nouns  # "discussed his meetings with X"
                for p in preps_of(d, {"with"} if trigger.discussion else {"with", *trigger.object_preps})
            ]
            if trigger.topic_object
            else []
        )  # "conveyed his concerns to X": the parser hangs the to-phrase on what was conveyed
        if (
            trigger.discussion
            and tok.dep_ in {"xcomp", "advcl"}
            and self._contact_word(tok.head)
            and not (
                self._journey(tok.head)
                and (
                    preps_of(tok, {"with"})
                    or [p for d in tok.children if d.dep_ == "dobj" for p in preps_of(d, {"with"})]
                )
            )
        ):
            # "met on Monday to discuss trade": the purpose of the meeting told already; but "flew to Cairo
            # to discuss the truce with X" meets X on the journey
            return None
        if (
            trigger.discussion
            and not preps_of(tok, {"with"})
            and not topic_with
            and len(self._ids(named)) < 2
        ):
            # "discussed the issue" alone is not a contact, nor "we discussed" (the meeting told already);
            # "Putin and Modi discussed trade" is one
            return None
        subjects = subjects_of(self.ctx, tok)
        if not self._ids(subjects):
            # no subject, or one that names nobody ("since A and B met" with A and B misparsed)
            subjects = stranded_subjects(tok, self.ctx) or subjects
        subjects = self._stand_ins(subjects)
        objects = [
            c
            for c in tok.children
            if (
                c.dep_ == "dobj"
                or (c.dep_ == "oprd" and trigger.purposes is not None and c.i in self.ctx.by_token)
            )
            and not trigger.topic_object
        ]
        if any(c.dep_ == "auxpass" for c in tok.children) and any(c.dep_ == "agent" for c in tok.children):
            # "X was received by Y": Y acts on X.
            patients = [c for c in tok.children if c.dep_ == "nsubjpass"]
            if not patients and tok.dep_ == "conj":
                patients = subjects_of(self.ctx, tok.head)
            objects += patients
        objects += preps_of(tok, WITH_PREPS | set(trigger.object_preps)) + topic_with
        objects += self._listed_after_colon(tok)
        # "hosted X for dinner, along with Y": the companion at the same table
        objects += [
            o
            for p in tok.children
            if p.dep_ in {"prep", "advmod"} and p.lower_ in self.lex.words.joint_words
            for o in preps_of(p, {"with"})
        ]
        if trigger.symmetric and not objects:
            # "met for hours behind closed doors with X": the parser hangs the with-phrase on an adverbial
            objects += [
                w
                for prep in tok.children
                if prep.dep_ == "prep" and prep.lower_ not in WITH_PREPS
                for t in prep.subtree
                if t.dep_ == "prep"
                and t.lower_ == "with"
                and t.head.ent_type_ not in {"PERSON", "ORG", "NORP"}
                for w in t.children
                if w.dep_ == "pobj"
            ]
        # "will meet Xi tomorrow" parsed as "Xi tomorrow": a name glued onto the date is the object
        objects += [
            c
            for d in tok.children
            if d.dep_ == "npadvmod" and d.ent_type_ in {"DATE", "TIME"}
            for c in d.children
            if c.dep_ == "compound" and c.i in self.ctx.by_token
        ]
        if trigger.guest_in_to_phrase and not objects:
            # "to welcome to the Foreign Office Prime Minister ..., Fumio Kishida": the guest was parsed
            # into the place phrase; only a person there is the guest.
            objects = [
                t
                for p in preps_of(tok, {"to"})
                for t in p.subtree
                if (m := self.ctx.by_token.get(t.i)) is not None
                and m.type.value == "person"
                and t.i == m.head
            ]
        if trigger.bodies_only:
            objects = self._bodies(objects)
        # "the leaders look forward to seeing one another": a reciprocal object, the subjects are the parties
        reciprocal = any(
            self.ctx.doc[o.left_edge.i : o.right_edge.i + 1].text.lower() in {"one another", "each other"}
            for o in objects
        )
        if trigger.requires_object and not self._ids(objects) and not reciprocal:
            return None  # "the leaders welcomed the progress": an object that names no party is none
        if trigger.requires_object and any(
            c.dep_ == "dobj" and (c.lower_ in self.lex.nouns or c.lemma_.lower() in self.lex.nouns)
            for c in tok.children
        ):
            return None  # "received a call from X": the contact noun it takes is the contact
        if not objects and trigger.symmetric and len(self._ids(subjects)) < 2:
            # "A and B met" parsed with B hanging inside A's noun phrase: every actor in the subject counts.
            subjects = [
                t
                for s in subjects
                for t in s.subtree
                if t.i in self.ctx.by_token and not in_topic(t, s, self.lex)
            ]
        if trigger.speech is not None:
            # "spoke to the General Assembly": a speech to a body, not a contact with it
            objects = [o for o in objects if not self._forum(o)]
        if trigger.speech is not None and not objects and len(self._ids(subjects)) < 2:
            return None
        kind = trigger.kind
        if trigger.speech is not None or (trigger.discussion and not objects):
            # "A and B discussed trade": said of a call or a meeting, often one told already
            kind = kind_for_speech(self.ctx, tok.sent, tok, trigger.speech or ContactKind.CONTACT)
        if any(
            c.lower_ in self.lex.words.voice_channels
            for p in preps_of(tok, {"by", "over", "on"})
            for c in [p]
        ):
            kind = ContactKind.CALL
        for frame in preps_of(tok, {"during", "in"}):
            # "During the telephone conversation, X briefed Y": the frame noun names the channel.
            if any(c.lower_ in self.lex.phone_words for c in frame.children) or (
                frame.lower_ in self.lex.words.call_frames
            ):
                kind = ContactKind.CALL
        roles = trigger.roles
        if trigger.kind is ContactKind.VISIT:
            objects = [o for o in objects if self._visitable(o)]
            inviters = self._inviters(tok, objects)
            if inviters:  # "an invitation from Lavrov to visit Moscow": a meeting with the inviter there
                return self.build(tok, subjects, inviters, ContactKind.MEETING, (Role.VISITOR, Role.HOST))
            objs = self._ids(objects)
            if objs and all(self.ctx.actors[a].type.value == "person" for a in objs if a in self.ctx.actors):
                kind = ContactKind.MEETING
        return self.build(tok, subjects, objects, kind, roles)

    def _invited_trip(self, tok: Token) -> bool:
        """Whether ``tok`` ("invited") governs a trip of its object ("to visit Y", "to come to Y")."""
        return any(
            c.dep_ in {"xcomp", "ccomp"}
            and (c.lemma_.lower() in self.lex.travel_verbs or self.lex.verbs.get(c.lemma_.lower()) == "visit")
            and any(
                (m := self.ctx.by_token.get(g.i)) is not None and m.kind == "country"
                for g in [*c.children, *(t for p in c.children if p.dep_ == "prep" for t in p.children)]
            )
            for c in tok.children
        )

    def another(self, tok: Token, kind: ContactKind) -> ContactDraft | None:
        """ "Another call took place on Saturday": a contact noun that names no parties but points back
        ("another", "a further", "the next round") is one between the parties of the contact just told.
        """
        noun = tok
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and tok.head.head.lemma_ in self.lex.words.quantity_nouns
        ):
            noun = tok.head.head  # "the next round of talks"
        markers = {c.lower_ for c in noun.children if c.dep_ in {"det", "amod", "poss", "nummod"}}
        markers |= {c.lower_ for q in noun.children if q.dep_ == "amod" for c in q.children}
        if not markers & self.lex.words.pointing_back or self.previous is None:
            return None
        previous = self.previous
        if tok.sent.start - previous.sentence.end > 1 or tok.sent.start < previous.sentence.start:
            return None  # only the contact of the sentence before, or an earlier one in the same sentence
        if previous.sentence.start == tok.sent.start and previous.trigger > tok.i:
            return None
        subjects = [
            a for a, role in previous.roles.items() if role in {Role.PARTICIPANT, Role.HOST, Role.CALLER}
        ]
        others = [a for a in previous.participants if a not in subjects]
        return self.build(tok, [], [], kind, None, given=(subjects or previous.participants[:1], others))

    def _listed_after_colon(self, tok: Token) -> list[Token]:
        """ "met with many others, other counterparts: the US Secretary of State, the Foreign Minister of
        France, Canada ...": the actors a colon (or a dash) lists after the counterparts a verb meets are its
        objects."""
        sent = tok.sent
        colon = next((t.i for t in sent if t.i > tok.i and t.text in {":", "–", "—"}), None)
        if colon is None or colon - tok.i > 12:
            return []
        before = self.ctx.doc[colon - 1]
        if not (before.lemma_.lower() in self.lex.people_nouns or before.lower_ == "others"):
            return []
        if any(t.pos_ in {"VERB", "AUX"} for t in self.ctx.doc[tok.i + 1 : colon]):
            return []  # "met X, who said: ...": another clause's colon
        return [
            self.ctx.doc[m.head]
            for i in range(colon + 1, sent.end)
            if (m := self.ctx.by_token.get(i)) is not None and i == m.head and m.actor
        ]

    def their_own(self, tok: Token, kind: ContactKind) -> ContactDraft | None:
        """ "Xi told Biden during their meeting", "Macron thanked Scholz at their talks": a contact noun of
        "their" framing a verb whose subject and object are persons is between those two."""
        if tok.dep_ != "pobj" or not _of_their(tok):
            return None
        verb = tok.head.head
        if tok.head.dep_ != "prep" or verb.pos_ != "VERB":
            return None
        subjects = subjects_of(self.ctx, verb)
        objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}] + preps_of(verb, WITH_PREPS)
        subj_ids, obj_ids = self._ids(subjects), self._ids(objects)
        if (
            not subj_ids
            or not obj_ids
            or any(self.ctx.actors[a].type.value != "person" for a in subj_ids + obj_ids)
        ):
            return None
        return self.build(tok, subjects, objects, kind, None, split=False)

    def their_pair(self, tok: Token, kind: ContactKind) -> ContactDraft | None:
        """ "Xi invited Putin to China. Before their talks Monday, Putin said ...": a contact noun of "their"
        that names nobody is between the only two persons named in its sentence and the one before."""
        if not _of_their(tok):
            return None
        sent = tok.sent
        start = self.ctx.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        persons: list[str] = []
        for i in range(start, sent.end):
            m = self.ctx.by_token.get(i)
            if m is None or i != m.head or not m.actor or m.kind in {"we", "pronoun", "group", "first"}:
                continue
            actor = self.ctx.actors.get(m.actor)
            if (
                actor is not None
                and actor.type.value == "person"
                and not actor.members
                and m.actor not in persons
            ):
                persons.append(m.actor)
        if len(persons) != 2:
            return None
        return self.build(tok, [], [], kind, None, given=([persons[0]], [persons[1]]))

    def _bodies(self, tokens: list[Token]) -> list[Token]:
        """The organizations among ``tokens``, also one naming a gathering ("the X Summit ministerial")."""
        out = []
        for t in tokens:
            for k in [t, *(c for c in t.subtree if c.i < t.i and c.dep_ in {"compound", "nmod", "poss"})]:
                mention = self.ctx.by_token.get(k.i)
                if mention is not None and mention.kind == "org":
                    out.append(k)
                    break
        return out

    def _previous_subject(self, tok: Token) -> list[Token]:
        """The person who is the subject of the sentence before ``tok``'s, as a list of one token or none."""
        if tok.sent.start == 0:
            return []
        root = self.ctx.doc[tok.sent.start - 1].sent.root
        return [
            s
            for s in subjects_of(self.ctx, root)
            if (m := self.ctx.by_token.get(s.i)) is not None and m.type.value == "person"
        ][:1]

    def _contact_word(self, tok: Token) -> bool:
        """Whether ``tok`` is a contact trigger or a verb of travel."""
        lemma = tok.lemma_.lower()
        return lemma in self.lex.verbs or lemma in self.lex.travel_verbs or tok.lower_ in self.lex.nouns

    def _their_people_hold(self, verb: Token, listed: list[str]) -> list[Token]:
        """ "Wong and Jaishankar held the Australia-India dialogue": persons of the states listed who hold the
        contact are its parties, each standing for a state. Returns their tokens, or none."""
        if verb.lemma_.lower() not in self.lex.words.light_verbs:
            return []
        states = {
            a.country
            for x in listed
            if (a := self.ctx.actors.get(x)) is not None and a.type.value == "country"
        }
        # "A and B held talks" parsed with A inside B's noun phrase: every actor in the subject counts
        inside = [t for s in subjects_of(self.ctx, verb) for t in s.subtree if t.i in self.ctx.by_token]
        people = [self.ctx.actors.get(x) for x in self._ids(inside)]
        held = len(people) >= 2 and all(
            p is not None and p.type.value == "person" and p.country in states for p in people
        )
        return inside if held else []

    def _side_named(self, actor: str, listed: list[str]) -> bool:
        """Whether ``actor`` is a state listed beside a named person of that state."""
        state = self.ctx.actors.get(actor)
        if state is None or state.type.value != "country":
            return False
        return any(
            (a := self.ctx.actors.get(o)) is not None
            and a.type.value == "person"
            and not a.unnamed
            and a.country == state.country
            for o in listed
            if o != actor
        )

    def _stand_ins(self, subjects: list[Token]) -> list[Token]:
        """Subjects with "they" replaced by the people it stands for, and "we" by the speaker, where known."""
        return [
            a
            for s in subjects
            for a in (plural_antecedents(self.ctx, s) or speaker_for_we(self.ctx, s) or [s])
        ]

    def _topic_state(self, modifier: Token, noun: Token) -> bool:
        """A state written as a compound on a contact noun ("Syria talks", "Iran nuclear talks")."""
        mention = self.ctx.by_token.get(modifier.i)
        return (
            modifier.dep_ == "compound"
            and modifier.i < noun.i
            and mention is not None
            and mention.kind == "country"
            and modifier.head.i in {noun.i, *(c.i for c in noun.children if c.dep_ == "compound")}
        )

    def _journey(self, tok: Token) -> bool:
        """Whether ``tok`` is a verb of travel or a visit ("flew", "visited"), not a meeting verb."""
        lemma = tok.lemma_.lower()
        return lemma in self.lex.travel_verbs or self.lex.verbs.get(lemma) == "visit"

    def _forum(self, tok: Token) -> bool:
        mention = self.ctx.by_token.get(tok.i)
        name = (mention.name or mention.surface) if mention is not None and mention.kind == "org" else ""
        return name.lower().rsplit(" ", 1)[-1] in self.lex.words.forum_bodies

    def internal(self, ids: list[str]) -> bool:
        """A leader's dealings with his own officials or state are not diplomatic contacts (the guideline)."""
        actors = [a for a in (self.ctx.actors.get(i) for i in ids) if a is not None and a.country is not None]
        if len(ids) != 2 or len(actors) != 2:
            return False
        first, second = actors
        both_bodies = first.type.value == "organization" and second.type.value == "organization"
        # "the government and the ELN", "Petro met the ELN": an armed group or movement is a side of its own
        parties = any(a.party for a in actors)
        return first.country == second.country and not both_bodies and not parties

    def _visitable(self, tok: Token) -> bool:
        """A visit's object is a host: a person, a state, or a known body (not a mosque or an embassy)."""
        mention = self.ctx.by_token.get(tok.i)
        if mention is None:
            return True  # "the two leaders" and other groups resolve later
        return mention.kind != "org" or bool(
            mention.wikidata or (mention.country and mention.name and mention.name != mention.surface)
        )

    def stay(self, tok: Token) -> ContactDraft | None:
        """ "I was just in Pakistan": a foreign person being in a state is a visit to it."""
        clause = tok
        if tok.dep_ == "xcomp" and tok.head.lemma_ in {"happen", "seem", "appear"}:
            clause = tok.head  # "where I happen to be this week"
        if tok.lemma_ != "be" or clause.dep_ not in {"ROOT", "ccomp", "conj", "relcl"}:
            return None
        hosts = [
            g for g in preps_of(tok, {"in"}) if (m := self.ctx.by_token.get(g.i)) and m.kind == "country"
        ]
        if clause.dep_ == "relcl":
            # "Kyiv, where I was on Monday": the place the relative clause hangs on
            where = any(c.lower_ == "where" for c in clause.children if c.dep_ == "advmod")
            place = self.ctx.by_token.get(clause.head.i)
            hosts = [clause.head] if where and place is not None and place.kind == "country" else []
        subjects = subjects_of(self.ctx, tok)
        visitors = [a for a in self._ids(subjects) if a in self.ctx.actors]
        together = any(c.lower_ == "together" for c in tok.children) or any(
            (m := self.ctx.by_token.get(s.i)) is not None and m.kind == "we" for s in subjects
        )
        if len(hosts) == 1 and together and len(self._ids(subjects)) >= 2:
            # "Penny and I were together in Canberra", "when we were both in Jakarta": they met there.
            return self.build(tok, subjects, [], ContactKind.MEETING, None)
        if len(hosts) != 1 or len(visitors) != 1:
            return None
        visitor = self.ctx.actors[visitors[0]]
        host = self.ctx.by_token[hosts[0].i].country
        if visitor.type.value != "person" or visitor.country is None or visitor.country == host:
            return None
        return self.build(
            tok, subjects_of(self.ctx, tok), hosts, ContactKind.VISIT, (Role.VISITOR, Role.HOST)
        )

    def gapped(self, tok: Token, first: ContactDraft) -> ContactDraft | None:
        """ "Biden met Sunak on Monday and Macron on Tuesday": a second session with its own date.

        The parser hangs the second counterpart on the first date; it is met on the date that follows it.
        """
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.lex.verbs:
            return None
        for when in preps_of(tok, {"on", "in", "at"}):
            if when.ent_type_ not in {"DATE", "TIME"}:
                continue
            others = [c for c in when.conjuncts if c.i > when.i and c.i in self.ctx.by_token]
            if not others:
                continue
            draft = self.build(tok, subjects_of(self.ctx, tok), others, first.kind, None)
            if draft is None:
                return None
            later = [
                (fut if draft.status is not ContactStatus.OCCURRED else past)
                for span, past, fut in self.ctx.dates
                if span.start > others[-1].i and span.start < tok.sent.end
            ]
            draft.date = next((d for d in later if d is not None), None)
            return draft
        return None

    def carry(self, tok: Token) -> ContactDraft | None:
        """ "the plan, which Sarkozy will take to Saakashvili": bringing something to a person meets him."""
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.lex.words.carry_verbs:
            return None
        people = [
            p
            for p in preps_of(tok, {"to"})
            if (m := self.ctx.by_token.get(p.i)) is not None
            and m.type.value == "person"
            and m.kind != "pronoun"
        ]
        carried = any(c.dep_ == "dobj" for c in tok.children) or tok.dep_ in {"relcl", "xcomp"}
        if not people or not carried:
            return None
        return self.build(tok, subjects_of(self.ctx, tok), people, ContactKind.MEETING, None)

    def stop(self, tok: Token) -> ContactDraft | None:
        """ "Japan was the first stop on X's tour", "Paris, the last leg of X's trip": X visits that state."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.lex.words.stop_nouns:
            return None
        journeys = [
            j for j in preps_of(tok, {"on", "of", "in"}) if self.lex.nouns.get(j.lemma_.lower()) == "visit"
        ]
        visitors = [c for j in journeys for c in j.children if c.dep_ == "poss"]
        visitors += [v for j in journeys for v in preps_of(j, {"by"})]
        if tok.dep_ == "attr":
            places = [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        else:
            places = [tok.head] if tok.dep_ == "appos" else []
        hosts = [p for p in places if (m := self.ctx.by_token.get(p.i)) is not None and m.kind == "country"]
        if not visitors or not hosts:
            return None
        return self.build(tok, visitors, hosts, ContactKind.VISIT, (Role.VISITOR, Role.HOST))

    def ones(self, tok: Token) -> ContactDraft | None:
        """ "Lula's visit to Beijing followed earlier ones to Moscow": more visits by the visitor."""
        if tok.lower_ not in {"ones", "one"} or tok.pos_ not in {"NOUN", "PRON"}:
            return None
        antecedent = next(
            (
                t
                for t in reversed(list(tok.sent))
                if t.i < tok.i and t.pos_ == "NOUN" and self.lex.nouns.get(t.lemma_.lower()) == "visit"
            ),
            None,
        )
        if antecedent is None:
            return None
        visitors = preps_of(antecedent, {"of", "by"}) + [c for c in antecedent.children if c.dep_ == "poss"]
        goals = preps_of(tok, {"to"}) or (preps_of(tok.head, {"to"}) if tok.dep_ == "dobj" else [])
        hosts = [g for g in goals if (m := self.ctx.by_token.get(g.i)) is not None and m.kind == "country"]
        if not visitors or not hosts:
            return None
        return self.build(tok, visitors, hosts, ContactKind.VISIT, (Role.VISITOR, Role.HOST))

    def told(self, tok: Token, roles: tuple[Role, Role] | None) -> ContactDraft | None:
        """ "X told Y by phone", "X congratulated Y in a letter": a contact only when the channel is named."""
        objects = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
        if not objects or any(
            self.ctx.by_token.get(o.i) is None or self.ctx.by_token[o.i].kind == "org" for o in objects
        ):
            return None  # "told reporters", "told Reuters"
        # The channel must belong to the telling ("told X by phone", "in a call, X told Y"), not to another
        # clause of the sentence ('"I told him ...," Scholz said of his call with Putin').
        clause = list(tok.subtree)
        words = {t.lower_ for t in clause} | {t.lemma_.lower() for t in clause}
        if words & self.lex.phone_words:
            kind = ContactKind.CALL
        elif words & self.lex.words.written_channels:
            kind = ContactKind.CORRESPONDENCE
        else:
            return None  # no channel; a meeting noun or verb in the clause carries the contact itself
        return self.build(tok, subjects_of(self.ctx, tok), objects, kind, roles)

    def travel(self, tok: Token) -> ContactDraft | None:
        expected = tok.lemma_.lower() == "expect" and any(c.dep_ == "auxpass" for c in tok.children)
        if tok.pos_ != "VERB" or (tok.lemma_.lower() not in self.lex.travel_verbs and not expected):
            return None  # "is expected in Hanoi" is a planned trip
        goals = preps_of(tok, {"to", "in", "into"})
        if tok.lemma_.lower() in self.lex.words.arrival_verbs:
            goals += preps_of(tok, {"from"})  # "You've just come from Kyiv": a trip that took place
        if tok.lemma_.lower() in self.lex.words.departure_verbs:
            goals += preps_of(tok, {"for"})  # "left Paris for Moscow": bound for Moscow
        for pobj in preps_of(tok, {"on", "for"}):
            goals += preps_of(pobj, {"to"})  # "leaves on a mission to Khartoum"
        # a state, or the holder received at a seat of government ("is coming to the White House")
        hosts = [
            g for g in goals if (m := self.ctx.by_token.get(g.i)) and (m.kind == "country" or m.or_state)
        ]
        if not hosts:
            return None
        visitors = subjects_of(self.ctx, tok)
        if expected:
            visitors = [c for c in tok.children if c.dep_ == "nsubjpass"] or visitors
        if tok.lemma_.lower() in self.lex.words.companion_verbs:
            visitors += [
                c for c in tok.children if c.dep_ == "dobj"
            ]  # both travel: "accompanying Obama to London"
        inviters = self._inviters(tok, hosts)
        if inviters:
            # "accepted an invitation from Lavrov to visit Moscow": the inviter receives the visitor there
            return self.build(tok, visitors, inviters, ContactKind.MEETING, (Role.VISITOR, Role.HOST))
        people = [a for a in self._ids(hosts) if (h := self.ctx.actors.get(a)) and h.type.value == "person"]
        # a trip to a named counterpart (the holder received at a seat) is a meeting with him
        kind = ContactKind.MEETING if people and len(people) == len(self._ids(hosts)) else ContactKind.VISIT
        return self.build(tok, visitors, hosts, kind, (Role.VISITOR, Role.HOST))

    def noun(self, tok: Token) -> ContactDraft | None:
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return None
        low = tok.lower_
        as_written = self.lex.noun_triggers.get(low)
        trigger = as_written or self.lex.noun_triggers.get(tok.lemma_.lower())
        if trigger is None:
            return None
        if as_written is None:
            # An inflected form found through its lemma ("conversations") takes the lemma's kind only: the
            # record's sense checks were written and tested for the listed word.
            trigger = NounTrigger(kind=trigger.kind, counted=trigger.counted)
        held_with = (
            tok.dep_ == "dobj"
            and tok.head.lemma_.lower() in self.lex.words.light_verbs | self.lex.words.receiving_verbs
            and bool(preps_of(tok.head, {"with", "from"}))
        )  # "held a call Sunday with X": the with-phrase hung on the verb
        if (
            trigger.appeal_sense
            and not any(c.lower_ in self.lex.channel_nouns for c in tok.children)
            and not preps_of(tok, {"with", "between", "from"})
            and not held_with
        ):
            return None  # "a call for restraint" is not a phone call; "a call from X" is
        if trigger.channel and tok.dep_ == "compound":
            return None  # the head noun ("phone call") is the trigger
        own = (
            preps_of(tok, WITH_PREPS | {"by", "from"})
            + between_members(self.ctx, tok)
            + hyphen_dyad(self.ctx, tok)
        )
        own += [
            c
            for c in tok.children
            if c.dep_ in {"poss", "compound", "amod", "nmod"}
            and c.i in self.ctx.by_token
            and not (trigger.venue and self.ctx.by_token[c.i].kind == "org")  # "the G20 summit" is a venue
        ]
        if trigger.venue and is_venue(tok, self.ctx):
            return None  # "met on the sidelines of the BRICS summit": the meeting is the contact
        kind = trigger.kind
        if kind in {ContactKind.VISIT, ContactKind.CORRESPONDENCE} or trigger.of_is_participant:
            own += preps_of(tok, {"of"})  # "the visit of Lula", "the inauguration of President Bachelet"
        if trigger.meal:
            own += preps_of(tok, {"for", "in honor of", "honoring"})  # "a dinner for the visiting president"
        if trigger.required_prep is not None and not preps_of(tok, {trigger.required_prep}):
            return None  # remarks alone are a speech; "remarks with X" a joint appearance
        targets = preps_of(tok, {"to"}) if kind in {ContactKind.VISIT, ContactKind.CORRESPONDENCE} else []
        targets = [t for t in targets if self._visitable(t)]
        hosts = [
            c
            for c in tok.children
            if c.dep_ == "poss"
            and (m := self.ctx.by_token.get(c.i)) is not None
            and m.actor
            and (a := self.ctx.actors.get(m.actor)) is not None
            and a.type.value == "person"
        ]
        if kind is ContactKind.VISIT and not targets and hosts and preps_of(tok, {"by"}):
            # "her recent visits by A and B": the possessor received them, a meeting with each visitor
            visitors = [v for v in preps_of(tok, {"by"}) if v.i not in {h.i for h in hosts}]
            return self.build(
                tok, hosts, visitors, ContactKind.MEETING, (Role.HOST, Role.VISITOR), split=True
            )
        if kind is ContactKind.VISIT and not targets and not preps_of(tok, {"with"}):
            return None  # "visits by A and B" name visitors, not a contact between them
        # "their fourth round of talks": a possessor that resolves to nobody leaves the holder to the verb
        gov_subjects: list[Token] = [o for o in owner_via_prep(tok) if self._ids([o])]
        if tok.dep_ == "appos" and caption(tok.sent, self.lex) and self._ids([tok.head]):
            gov_subjects = [tok.head]  # "X, right, talks with Y" parsed as a noun beside X: X talks
        place = picture_place(tok.sent, self.lex)
        if tok.dep_ == "ROOT" and not gov_subjects and place is not None and place < tok.i:
            gov_subjects = pictured(self.ctx, tok.sent, place)  # "talks" the root noun of a caption
        verb = governing_verb(tok, self.lex)
        if verb is None and tok.dep_ == "appos" and tok.head.dep_ in {"dative", "dobj"}:
            verb = tok.head.head  # "sent Xi Jinping a message" parsed with the message beside Xi
        gerund = tok.lower_.endswith("ing") and not any(c.dep_ in {"det", "poss"} for c in tok.children)
        if gerund and verb is None and tok.dep_ in {"xcomp", "ccomp", "dobj"} and tok.head.pos_ == "VERB":
            # "did not rule out meeting Assad", the gerund tagged a noun: its object is the other side
            verb = tok.head
            own += [
                c
                for c in tok.children
                if c.dep_ in {"npadvmod", "dobj", "appos"} and c.i in self.ctx.by_token
            ]
        # "In a phone call with Y, X said ...": via a preposition, a reporting verb's subject took part.
        via_prep = tok.dep_ == "pobj" and tok.head.dep_ == "prep"
        if verb is not None and verb.lemma_.lower() in self.lex.onlooker_verbs and not via_prep:
            verb = None  # "China protested Abe's visit": the protester is not a participant
        listed = self._ids(
            between_members(self.ctx, tok) + preps_of(tok, {"between"}) + hyphen_dyad(self.ctx, tok)
        )
        their_people = self._their_people_hold(verb, listed) if verb is not None and len(listed) >= 2 else []
        if their_people:
            gov_subjects = their_people  # "Wong and Jaishankar held the Australia-India dialogue"
        elif verb is not None and len(listed) >= 2 and verb.lemma_.lower() not in self.lex.words.conveners:
            # "The Kremlin ruled out a meeting between Putin and Zelensky": the parties are listed;
            # whoever rules it out, proposes or welcomes it is not one of them (a host or mediator is)
            gov_subjects, verb = [], None
        # "The minister confirmed planned talks with X": who confirms or announces his own talks takes part.
        own_talks = (
            tok.dep_ == "dobj"
            and bool(own)
            and verb is not None
            and verb.lemma_.lower() in self.lex.words.announcing_verbs
        )
        if verb is not None and (via_prep or own_talks or verb.lemma_.lower() not in self.ctx.reporting):
            gov_subjects = gov_subjects or subjects_of(self.ctx, verb) or stranded_subjects(verb, self.ctx)
            gov_subjects = self._stand_ins(gov_subjects)
            own += preps_of(verb, WITH_PREPS)
            if verb.lemma_.lower() in self.lex.words.companion_verbs:
                own += [
                    c for c in verb.children if c.dep_ == "dobj"
                ]  # "accompanying Felipe for a state visit"
            if kind is ContactKind.CORRESPONDENCE:
                targets += preps_of(verb, {"to"})
                own += preps_of(verb, {"from"})
                # "Putin sent Xi a congratulatory message": the recipient as the first object
                targets += [
                    c
                    for c in verb.children
                    if c.dep_ in {"dative", "dobj"} and c.i != tok.i and c.i in self.ctx.by_token
                ]
            elif verb.lemma_.lower() in self.lex.words.receiving_verbs:
                own += preps_of(verb, {"from"})  # "took calls from A and B", the from-phrase on the verb
        if trigger.speech is not None:
            kind = kind_for_speech(self.ctx, tok.sent, tok, trigger.speech)  # a call unless met in person
        remote = self.lex.words.remote_words
        channel = [p.lower_ for p in preps_of(tok, {"by", "over", "via"})]
        if any(c.lower_ in remote for c in tok.children) or set(channel) & remote:
            kind = ContactKind.CALL  # "phone talks", "a virtual summit", "talks by telephone"
        if (
            verb is not None
            and verb.lemma_.lower() in self.lex.words.urging_verbs
            and not own
            and not targets
        ):
            return None  # "Lula called for peace talks": talks between others, not with Lula
        light = verb is not None and verb.lemma_.lower() in self.lex.words.light_verbs
        if not own and not targets and len(self._ids(gov_subjects)) < 2 and light:
            # "A and B held a phone conversation" parsed with A inside B's noun phrase
            gov_subjects = [
                t
                for s in gov_subjects
                for t in s.subtree
                if t.i in self.ctx.by_token and not in_topic(t, s, self.lex)
            ]
        if not own and not targets and len(self._ids(gov_subjects)) < 2:
            # "a meeting is possible on the sidelines ... between X and Y"
            own = between_in_clause(tok, self.lex.nouns)
        if len(self._ids(own)) == 1 and not targets and not self._ids(gov_subjects):
            # "before I turn to the meeting with X"; "X said the meeting with Y was useful"
            gov_subjects = speaker_holding(self.ctx, tok) or reporter_holding(self.ctx, tok)
        if not own and not targets and len(self._ids(gov_subjects)) < 2:
            return self.another(tok, kind) or self.their_own(tok, kind) or self.their_pair(tok, kind)
        if self._ids(gov_subjects) and preps_of(tok, {"with"}):
            # "will attend Syria talks in Vienna with A, B and C": a state named before the noun is what the
            # talks are about when the holder and the other parties are named apart
            own = [o for o in own if not self._topic_state(o, tok)]
        roles = (Role.VISITOR, Role.HOST) if kind is ContactKind.VISIT else None
        if kind is ContactKind.CORRESPONDENCE:
            roles = (Role.SENDER, Role.RECIPIENT)
        separate = any(c.lower_ in self.lex.words.separate_modifiers for c in tok.subtree if c.i < tok.i)
        separate = separate or (tok.tag_ == "NNS" and trigger.counted)
        # "talks with A on Sunday, and with B": two sessions; "dinner with A and with B": one table.
        separate = separate or (
            not trigger.meal and with_phrases(tok) + (with_phrases(verb) if verb is not None else 0) > 1
        )
        # Whose sessions they are: the possessor ("his meetings with A and B"), else the governing subject.
        holders = [c for c in tok.children if c.dep_ == "poss" and c.i in self.ctx.by_token] or gov_subjects
        if separate and not listed and not any(h.i in self.ctx.by_token for h in holders):
            # "X spoke to A. There were also calls from B and C."; "I held bilaterals: with A, with B"
            holders = self._previous_subject(tok) or speaker_holding(self.ctx, tok)
        if separate and not listed and not self._ids(holders):
            return None  # sessions of someone unknown with each counterpart: the counterparts did not meet
        if separate and len(self._ids(holders)) == 1 and not targets:
            # "X held one-on-one talks with A, B and C": X's sessions with each, as with a verb.
            others = [o for o in gov_subjects + own if o not in holders]
            if others:
                return self.build(tok, holders, others, kind, roles, split=True)
        return self.build(tok, gov_subjects + own, targets, kind, roles, split=False)

    def _inviters(self, trip: Token, places: list[Token]) -> list[Token]:
        """The persons of the visited state who invited the traveller ("an invitation from X to visit Y")."""
        if trip.dep_ not in {"acl", "relcl"} or trip.head.lemma_.lower() not in {"invitation", "invite"}:
            return []
        states = {self.ctx.actors[a].country for a in self._ids(places) if a in self.ctx.actors}
        return [
            p
            for p in preps_of(trip.head, {"from"})
            if (ids := self._ids([p]))
            and all(
                (a := self.ctx.actors.get(i)) is not None and a.type.value == "person" and a.country in states
                for i in ids
            )
        ]

    def _hosted_by_national(
        self, visitors: list[str], hosts: list[str], kind: ContactKind
    ) -> tuple[list[str], list[str], ContactKind]:
        """ "We will land in Rome" said by Meloni to Modi: Meloni receives Modi, a meeting, not a visit."""
        actors = self.ctx.actors
        states = {actors[h].country for h in hosts if h in actors and actors[h].type.value == "country"}
        at_home = [
            v
            for v in visitors
            if v in actors and actors[v].type.value == "person" and actors[v].country in states
        ]
        if not at_home or len(at_home) == len(visitors):
            return visitors, hosts, kind
        away = [v for v in visitors if v not in at_home]
        others = [h for h in hosts if not (h in actors and actors[h].country in states)]
        return away, at_home + others, ContactKind.MEETING

    # --- assembling ---------------------------------------------------------------------------------
    def _ids(self, tokens: list[Token]) -> list[str]:
        ids: list[str] = []
        for t in tokens:
            ids.extend(a for a in actors_of(self.ctx, t) if a not in ids)
        return ids

    def build(
        self,
        tok: Token,
        subjects: list[Token],
        objects: list[Token],
        kind: ContactKind,
        roles: tuple[Role, Role] | None,
        *,
        split: bool = True,
        given: tuple[list[str], list[str]] | None = None,
    ) -> ContactDraft | None:
        subj_ids = self._ids(subjects) if given is None else list(given[0])
        obj_ids = [a for a in (self._ids(objects) if given is None else given[1]) if a not in subj_ids]
        # "met Prime Minister Bennett and senior Israeli officials", "President Macron and France hosted X": a
        # state beside its own named person is that person's side; a visit keeps its host state ("Macron and
        # Scholz visited Germany"), so there only the counterparts are looked at
        beside = obj_ids if kind is ContactKind.VISIT else subj_ids + obj_ids
        obj_ids = [a for a in obj_ids if not self._side_named(a, beside)]
        if kind is ContactKind.VISIT:
            subj_ids, obj_ids, kind = self._hosted_by_national(subj_ids, obj_ids, kind)
        else:
            subj_ids = [a for a in subj_ids if not self._side_named(a, beside)]
        everyone = subj_ids + obj_ids
        if len(everyone) < 2:
            return None
        if split and subjects and not subj_ids and len(obj_ids) > 1 and given is None:
            return None  # "he will meet A, B and C" with "he" unknown: A, B and C do not meet each other
        role_of = {a: (roles[0] if roles else Role.PARTICIPANT) for a in subj_ids}
        role_of.update({a: (roles[1] if roles else Role.PARTICIPANT) for a in obj_ids})
        status = status_of(self.ctx, tok)
        record = self.lex.verb_triggers.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
        if record is not None and record.status is not None and status is ContactStatus.OCCURRED:
            status = record.status  # an invitation proposes a visit or meeting
        if tok.lemma_.lower() == "expect" and status is ContactStatus.OCCURRED:
            status = ContactStatus.PLANNED  # "is expected in Hanoi"
        date = date_for(self.ctx, tok, status)
        if status is ContactStatus.OCCURRED and present_tense(tok, self.lex):
            # News writes scheduled events in the present: "leaves Friday for Khartoum", "meets Abe Monday".
            ahead = date_for(self.ctx, tok, ContactStatus.PLANNED)
            # "are talking later this week": a progressive with a time that runs on past today is futurate
            progressive = tok.tag_ == "VBG" and tok.pos_ == "VERB"
            if (
                ahead is not None
                and self.ctx.published
                and (ahead.start > self.ctx.published or (progressive and ahead.end > self.ctx.published))
            ):
                status, date = ContactStatus.PLANNED, ahead
        if (
            date is not None
            and status is ContactStatus.OCCURRED
            and self.ctx.published
            and date.start > self.ctx.published
        ):
            status = ContactStatus.PLANNED
        if kind is ContactKind.VISIT and date is not None and date.granularity.value == "day":
            date = lasting_span(tok.sent.text, date)
        separately = any(c.lower_ in {"separately", "individually"} for c in tok.children)
        if separately and len(obj_ids) == 1 and len(subj_ids) > 1:
            everyone = obj_ids + subj_ids  # "A and B met separately with C": C's meeting with each
        draft = ContactDraft(
            everyone, role_of, kind, status, date, location_of(self.ctx, tok), tok.sent, tok.i
        )
        draft.level = level_in(tok.sent.text, self.lex)
        # "spoke to A, B and C this morning": one call with all of them, unless told apart ("and, separately,
        # with C"); several meetings with one visitor are sessions of their own
        one_call = kind is ContactKind.CALL and tok.pos_ == "VERB" and not told_apart(tok, self.lex)
        # "X, centre, meets Y, left, and Z": a photograph shows one gathering
        one_call = one_call or caption(tok.sent, self.lex)
        # "invited the leaders of A, B and C": the guests are brought together, not met one by one
        one_call = one_call or (record is not None and record.gathering and not told_apart(tok, self.lex))
        # "met A and B for a trilateral meeting", "sat down together with A and B": one table
        phrase = tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text.lower()
        one_call = one_call or (
            bool(self.lex.words.joint_words & set(re.findall(r"[\w-]+", phrase)))
            and not told_apart(tok, self.lex)
        )
        # "A and B will meet with X, with Y and with Z": counterparts told apart are sessions of their own,
        # each with the whole of the subject's side
        one_side = len(subj_ids) == 1 or (len(subj_ids) > 1 and told_apart(tok, self.lex))
        sessions = split and not one_call and one_side and len(obj_ids) > 1
        each_subject = separately and len(obj_ids) == 1 and len(subj_ids) > 1  # C first, then each of them
        draft.split = sessions or each_subject
        draft.side = len(subj_ids) if sessions and not each_subject else 1
        draft.weak_status = status is ContactStatus.OCCURRED and (
            (tok.pos_ in {"NOUN", "PROPN"} and governing_verb(tok, self.lex) is None)
            or in_headline(tok)  # "Blinken Travels to Nairobi": headlines flatten tense
        )
        return draft


def is_venue(noun: Token, ctx: Context) -> bool:
    """A forum noun inside "on the sidelines of", "at" or "during" attached to another contact trigger."""
    cur = noun
    for _ in range(5):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lower_ in ctx.lex.words.venue_frames:
            return True
        if cur.pos_ in {"VERB", "AUX"}:
            return (
                cur.lemma_.lower() in ctx.lex.verbs
                and noun.dep_ == "pobj"
                and noun.head.lower_ in {"at", "during"}
            )
    return False


def location_of(ctx: Context, tok: Token) -> str | None:
    for t in chain_of(ctx, tok)[:3]:
        for pobj in preps_of(t, {"in", "at"}):
            if pobj.ent_type_ in {"GPE", "LOC", "FAC", "ORG"}:
                span = ctx.doc[pobj.left_edge.i : pobj.right_edge.i + 1]
                return span.text
    return None
