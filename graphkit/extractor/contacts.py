"""Contact events from trigger words and the dependency parse.

A trigger is a contact verb ("met", "phoned", "visited", "received") or noun ("talks", "a telephone
conversation", "a letter"); its participants come from the grammatical roles around it (subject, object,
with-, between-, to- and by-phrases, possessives), its status from modality on the trigger and the verbs that
govern it, its date from the temporal expression attached to that chain.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from graphkit.extractor.mentions import in_headline
from graphkit.lexicon import NounTrigger
from graphkit.models import ContactKind, ContactLevel, ContactStatus, DateSpan, Role

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from graphkit.extractor.coref import ActorDraft
    from graphkit.extractor.mentions import Mention
    from graphkit.lexicon import Lexicon

__all__ = ["ContactDraft", "date_by_trips", "find_contacts", "inherit_dates", "level_in"]

_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_CLAUSE_LINKS = {"xcomp", "advcl", "conj", "relcl", "acl", "pcomp", "ccomp"}
_WITH_PREPS = {"with", "between", "among", "amongst"}
_REFERENCE_POINTS = {"since", "until", "till", "before", "after"}
# Contact vocabulary (which verbs convene, which nouns are meals or forums ...) is data: the trigger records
# and word classes of data/lexicon/contacts.yaml (graphkit.lexicon). Only grammar words stay here.
_TOPIC_PREPS = {"on", "about", "of", "over", "regarding", "concerning"}
_SUBORDINATORS = {"when", "after", "before", "since", "while", "as", "because", "once", "whenever", "where"}


@dataclass
class ContactDraft:
    """A contact before it becomes a :class:`graphkit.models.Contact`."""

    participants: list[str]
    roles: dict[str, Role]
    kind: ContactKind
    status: ContactStatus
    date: DateSpan | None
    location: str | None
    sentence: Span
    trigger: int
    split: bool = False  # one subject, several objects: separate sessions
    level: ContactLevel | None = None  # as the sentence says it ("technical-level contacts")
    weak_status: bool = False  # a bare noun ("Obama's visit") says nothing of whether it happened


@dataclass
class _Context:
    doc: Doc
    lex: Lexicon
    actors: dict[str, ActorDraft]
    by_token: dict[int, Mention]
    published: dt.date | None
    dates: list[tuple[Span, DateSpan | None, DateSpan | None]]  # span, past reading, future reading
    reporting: frozenset[str]


def _conjuncts(tok: Token, lex: Lexicon) -> list[Token]:
    """A token with its coordinated and appositive tokens, and what "including" lists after it."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in {"conj", "appos"} and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            out.extend(_conjuncts(child, lex))
        elif child.dep_ == "prep" and child.lower_ in {"including", "notably", "especially"}:
            out.extend(t for p in child.children if p.dep_ == "pobj" for t in _conjuncts(p, lex))
        elif (
            child.dep_ in {"nmod", "compound"}
            and child.pos_ == "PROPN"
            and child.i < tok.i
            and any(c.dep_ == "cc" and c.lower_ == "and" for c in child.children)
        ):
            # "with President A and Foreign Minister B" parsed with A as a modifier of B: both are listed
            out.extend(_conjuncts(child, lex))
        elif child.dep_ in {"relcl", "acl"} and child.lemma_.lower() in {"accompany", "join", "flank"}:
            # "Kibaki, who was accompanied by Odinga and Musyoka": one session with the whole delegation
            agents = [p for a in child.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            out.extend(t for p in agents for t in _conjuncts(p, lex))
    if tok.tag_ == "NNS" and tok.lemma_.lower() in lex.words.collectives:
        # "other governments about the call, including Israel": the list may hang on a nearer noun.
        for t in tok.subtree:
            if t.i > tok.i and t.dep_ == "prep" and t.lower_ == "including" and t.head.i != tok.i:
                out.extend(k for p in t.children if p.dep_ == "pobj" for k in _conjuncts(p, lex))
    return out + _list_tail(out[-1], lex)


def _list_tail(last: Token, lex: Lexicon) -> list[Token]:
    """ "met A, B, and C" where the parser hung B or C elsewhere: proper nouns right after a comma."""
    doc = last.doc
    i = start = last.right_edge.i + 1
    while i < len(doc) and doc[i].text in {",", "and"}:
        i += 1
    if i == start or i >= len(doc):
        return []
    cand = next((doc[j] for j in range(i, min(i + 6, len(doc))) if doc[j].dep_ == "conj"), None)
    if cand is None or cand.pos_ != "PROPN" or cand.head.i == last.i:
        return []
    if any(doc[j].pos_ != "PROPN" for j in range(i, cand.i)):
        return []
    return _conjuncts(cand, lex)  # its own conjuncts, and any further tail


_LIST_GLUE = {",", "and", "or"}


def _told_apart(verb: Token, lex: Lexicon) -> bool:
    """Whether the counterparts of ``verb`` are told apart: "separately", or a with-phrase each."""
    words = [t.lower_ for t in verb.subtree]
    return bool(lex.words.apart_words & set(words)) or words.count("with") > 1


def _last_word(mention: Mention) -> str:
    words = (mention.name or mention.surface).lower().split()
    return words[-1] if words else ""


def _mention_tail(ctx: _Context, listed: list[Token]) -> list[Token]:
    """ "between A, B and C" where the parser broke the list: actor names that follow the last one listed.

    After the last listed actor, a comma or "and" directly followed by another actor's name continues the
    list, unless that name starts a clause of its own ("met A, and B said ...").
    """
    last = ctx.by_token.get(listed[-1].i)
    if last is None:
        return []
    doc, out, i = ctx.doc, [], last.end
    while i < len(doc) and doc[i].lower_ in _LIST_GLUE:
        j = i
        while j < len(doc) and doc[j].lower_ in _LIST_GLUE | ctx.lex.words.picture_places:
            j += 1
        nxt = ctx.by_token.get(j) if j < len(doc) else None
        if nxt is None or nxt.start != j or nxt.kind in {"pronoun", "first", "second", "we"}:
            break
        head = doc[nxt.head]
        if head.dep_ in {"nsubj", "nsubjpass"} or any(t.is_sent_start for t in doc[i : nxt.end]):
            break
        added = _conjuncts(head, ctx.lex)
        out.extend(added)
        i = max(m.end if (m := ctx.by_token.get(t.i)) is not None else t.i + 1 for t in added)
    return out


def _actors_of(ctx: _Context, tok: Token) -> list[str]:
    """The actors an argument token stands for (a name, a role, a pronoun, a group, or 'the two')."""
    ids: list[str] = []
    listed = _conjuncts(tok, ctx.lex)
    for t in listed + _mention_tail(ctx, listed):
        mention = ctx.by_token.get(t.i)
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
            counterparts = t.tag_ == "NNS" and t.lemma_.lower() == "counterpart"
            if t.lemma_.lower() in ctx.lex.words.members or counterparts:
                # "several members of the Bundestag": the body they belong to;
                # "her counterparts from A and B": the states, where their people are not named
                for p in _preps(t, {"of", "from"}):  # "officials from China and Japan"
                    body = _conjuncts(p, ctx.lex)
                    inner += [
                        ctx.by_token[k.i] for k in body + _mention_tail(ctx, body) if k.i in ctx.by_token
                    ]
            for m in inner:
                if m.actor and m.actor not in ids:
                    ids.append(m.actor)
            continue
        if mention.kind == "org" and _last_word(mention) in ctx.lex.words.process_names:
            continue  # "the cybersecurity dialogue", "the Normandy format": a process or place, not a party
        owner = ctx.by_token.get(t.head.i)
        if mention.kind == "country" and t.dep_ == "poss" and owner is not None and owner.kind != "country":
            mention = owner  # "Iran's President Rouhani" hung on the state: the person is meant
        elif mention.kind == "country":
            mention = _possessed_person(ctx, mention) or mention
        if mention.actor is None:
            continue
        actor = ctx.actors.get(mention.actor)
        members = actor.members if actor is not None and actor.members else (mention.actor,)
        ids.extend(a for a in members if a not in ids)
    return ids


def _possessed_person(ctx: _Context, mention: Mention) -> Mention | None:
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


def _headline_pair(ctx: _Context, verb: Token) -> list[Token]:
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


def _subjects(ctx: _Context, verb: Token) -> list[Token]:
    pair = _headline_pair(ctx, verb)
    if pair:
        return pair
    subs = [c for c in verb.children if c.dep_ in {"nsubj"}]
    if subs and verb.dep_ == "relcl" and all(c.lower_ in {"who", "that", "which"} for c in subs):
        return [verb.head]  # "Trump, who met Kim three times": the relative pronoun is the noun it follows
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
            return _subjects(ctx, owner)
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
    if verb.dep_ == "relcl":
        if (
            (head.i not in ctx.by_token or ctx.by_token[head.i].actor is None)
            and head.dep_ == "attr"
            and head.head.lemma_ in {"be", "become", "remain"}
        ):
            return _subjects(ctx, head.head)  # "X became the first leader to meet Putin"
        return [head]
    if verb.dep_ in {"xcomp", "advcl", "conj", "ccomp", "pcomp", "acomp"} and head.pos_ in {
        "VERB",
        "AUX",
        "ADJ",
    }:
        return _subjects(ctx, head)
    if verb.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"}:
        if head.i not in ctx.by_token and head.dep_ in {"dobj", "attr"} and head.head.pos_ in {"VERB", "AUX"}:
            return _subjects(ctx, head.head)  # "we had an opportunity to talk": who had it talked
        return [head]
    return []


def _in_topic(tok: Token, top: Token, lex: Lexicon) -> bool:
    """Whether ``tok`` sits in a prepositional or clausal modifier under ``top`` ("concerns like Iran").

    "The foreign ministers of Greece and Turkey": an of-phrase of officials names their states.
    """
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        members = cur.lower_ in {"of", "from"} and cur.head.lemma_.lower() in lex.words.members
        if cur.dep_ in {"relcl", "acl", "advcl"} or (
            cur.dep_ == "prep" and cur.lower_ not in _WITH_PREPS and not members
        ):
            return True
        cur = cur.head
    return False


def _preps(tok: Token, words: set[str]) -> list[Token]:
    """Objects of ``tok``'s prepositions in ``words``, also coordinated ones ("with A, and with B")."""
    preps = [
        c
        for c in tok.children
        if c.dep_ in {"prep", "dative", "conj"} and c.pos_ == "ADP" and c.lower_ in words
    ]
    preps += [
        k for c in preps for k in c.conjuncts if k.pos_ == "ADP" and k.lower_ in words and k not in preps
    ]
    if preps:
        # "lunch with the Ambassador today and with Jake Sullivan": the parser may hang the second
        # with-phrase on a governing verb; it still belongs to the first.
        for anc in list(tok.ancestors)[:3]:
            preps += [
                c
                for c in anc.children
                if c.dep_ == "conj"
                and c.pos_ == "ADP"
                and c.lower_ in words
                and c.i > tok.i
                and c not in preps
            ]
    out = []
    for c in preps:
        objs = [p for p in c.children if p.dep_ == "pobj"]
        # "Blinken's talks with Foreign Minister Wang Yi lasted five hours": a parse that strands the
        # preposition without its object; the proper noun right after it is that object.
        out += objs or _stranded_object(c)
    return out


def _stranded_object(prep: Token) -> list[Token]:
    doc = prep.doc
    for j in range(prep.i + 1, min(prep.i + 7, prep.sent.end)):
        tok = doc[j]
        if tok.pos_ in {"VERB", "AUX", "ADP"} or tok.is_punct:
            return []
        if tok.pos_ == "PROPN" and (j + 1 >= len(doc) or doc[j + 1].pos_ != "PROPN"):
            return [tok]  # the last word of the name
    return []


def _with_phrases(tok: Token) -> int:
    """How many separate with-phrases hang on ``tok`` ("with A on Sunday, and with B")."""
    return sum(1 for c in tok.children if c.pos_ == "ADP" and c.lower_ == "with")


def _kind_for_speech(ctx: _Context, sent: Span, tok: Token, unstated: ContactKind) -> ContactKind:
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
    places = [p for p in _preps(tok, {"in", "at"}) if (m := ctx.by_token.get(p.i)) and m.kind == "country"]
    if places:
        return ContactKind.MEETING  # "our conversations in Russia and in Brazil" were held in person
    if unstated is ContactKind.CALL and _in_person(ctx, sent, tok):
        # Readouts say "spoke with X" of a phone call and name the place or occasion of an in-person talk.
        return ContactKind.MEETING
    return unstated  # the channel is not stated: "talked" is in person, "spoke" a call


def _in_person(ctx: _Context, sent: Span, tok: Token) -> bool:
    """Whether the sentence of ``tok`` places it in person: a place, a gathering, a trip or a meeting."""
    for t in sent:
        if t.i == tok.i:
            continue
        lemma = t.lemma_.lower()
        noun = ctx.lex.noun_triggers.get(lemma)
        gathering = lemma in ctx.lex.words.forum_bodies or (noun is not None and noun.venue)
        if lemma in ctx.lex.words.venue_frames | ctx.lex.words.in_person_words or gathering:
            return True
        if {ctx.lex.nouns.get(lemma), ctx.lex.verbs.get(lemma)} & {"meeting", "visit"}:
            return True
        if t.pos_ == "VERB" and lemma in ctx.lex.travel_verbs:
            return True
    return bool(
        [p for p in _preps(tok, {"in", "at", "during"}) if p.ent_type_ in {"GPE", "LOC", "FAC", "EVENT"}]
    )


class _Finder:
    def __init__(self, ctx: _Context) -> None:
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
            any(p.ent_type_ not in {"DATE", "TIME"} for p in _preps(tok, set(trigger.sense_preps)))
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
        if any(p.lemma_.lower() in self.lex.words.sports for p in _preps(tok, {"in", "at", "during"})):
            return None  # "China and India met in the final of the tournament": teams, not governments
        if trigger.required_prep is not None and not _preps(tok, {trigger.required_prep}):
            return None  # "wrote to X"
        named = [
            s
            for s in _subjects(self.ctx, tok)
            if (m := self.ctx.by_token.get(s.i)) is None or m.kind not in {"we", "pronoun", "group", "first"}
        ]
        # "X co-chaired the session with Y", "X signed a deal with Y": the with-phrase names the partner
        partners = self._ids(
            _preps(tok, {"with"}) + [p for d in tok.children if d.dep_ == "dobj" for p in _preps(d, {"with"})]
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
        if trigger.no_states and any(
            (actor := self.ctx.actors.get(a)) is None or actor.type.value != "person"
            for a in self._ids(named)
        ):
            return None  # "Chile and Argentina signed the treaty": each may have signed on its own
        # "discussed the issue with Blinken": the parser often hangs the with-phrase on the thing discussed
        topic_with = (
            [
                p
                for d in tok.children
                if d.dep_ == "dobj"
                and d.lemma_.lower() not in self.lex.nouns  # "discussed his meetings with X"
                for p in _preps(d, {"with"} if trigger.discussion else {"with", *trigger.object_preps})
            ]
            if trigger.topic_object
            else []
        )  # "conveyed his concerns to X": the parser hangs the to-phrase on what was conveyed
        if trigger.discussion and tok.dep_ in {"xcomp", "advcl"} and self._contact_word(tok.head):
            return None  # "met on Monday to discuss trade": the purpose of the meeting told already
        if trigger.discussion and not _preps(tok, {"with"}) and not topic_with and len(self._ids(named)) < 2:
            # "discussed the issue" alone is not a contact, nor "we discussed" (the meeting told already);
            # "Putin and Modi discussed trade" is one
            return None
        subjects = _subjects(self.ctx, tok) or _stranded_subjects(tok, self.ctx)
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
                patients = _subjects(self.ctx, tok.head)
            objects += patients
        objects += _preps(tok, _WITH_PREPS | set(trigger.object_preps)) + topic_with
        if trigger.symmetric and not objects:
            # "met for hours behind closed doors with X": the parser hangs the with-phrase on an adverbial
            objects += [
                w
                for prep in tok.children
                if prep.dep_ == "prep" and prep.lower_ not in _WITH_PREPS
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
                for p in _preps(tok, {"to"})
                for t in p.subtree
                if (m := self.ctx.by_token.get(t.i)) is not None
                and m.type.value == "person"
                and t.i == m.head
            ]
        if trigger.bodies_only:
            objects = self._bodies(objects)
        if trigger.requires_object and not objects:
            return None
        if not objects and trigger.symmetric and len(self._ids(subjects)) < 2:
            # "A and B met" parsed with B hanging inside A's noun phrase: every actor in the subject counts.
            subjects = [
                t
                for s in subjects
                for t in s.subtree
                if t.i in self.ctx.by_token and not _in_topic(t, s, self.lex)
            ]
        if trigger.speech is not None:
            # "spoke to the General Assembly": a speech to a body, not a contact with it
            objects = [o for o in objects if not self._forum(o)]
        if trigger.speech is not None and not objects and len(self._ids(subjects)) < 2:
            return None
        kind = trigger.kind
        if trigger.speech is not None or (trigger.discussion and not objects):
            # "A and B discussed trade": said of a call or a meeting, often one told already
            kind = _kind_for_speech(self.ctx, tok.sent, tok, trigger.speech or ContactKind.CONTACT)
        if any(
            c.lower_ in self.lex.words.voice_channels for p in _preps(tok, {"by", "over", "on"}) for c in [p]
        ):
            kind = ContactKind.CALL
        for frame in _preps(tok, {"during", "in"}):
            # "During the telephone conversation, X briefed Y": the frame noun names the channel.
            if any(c.lower_ in self.lex.phone_words for c in frame.children) or (
                frame.lower_ in self.lex.words.call_frames
            ):
                kind = ContactKind.CALL
        roles = trigger.roles
        if trigger.kind is ContactKind.VISIT:
            objects = [o for o in objects if self._visitable(o)]
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
            for s in _subjects(self.ctx, root)
            if (m := self.ctx.by_token.get(s.i)) is not None and m.type.value == "person"
        ][:1]

    def _contact_word(self, tok: Token) -> bool:
        """Whether ``tok`` is a contact trigger or a verb of travel."""
        lemma = tok.lemma_.lower()
        return lemma in self.lex.verbs or lemma in self.lex.travel_verbs or tok.lower_ in self.lex.nouns

    def _forum(self, tok: Token) -> bool:
        mention = self.ctx.by_token.get(tok.i)
        name = (mention.name or mention.surface) if mention is not None and mention.kind == "org" else ""
        return name.lower().rsplit(" ", 1)[-1] in self.lex.words.forum_bodies

    def _internal(self, ids: list[str]) -> bool:
        """A leader's dealings with his own officials or state are not diplomatic contacts (the guideline)."""
        actors = [a for a in (self.ctx.actors.get(i) for i in ids) if a is not None and a.country is not None]
        if len(ids) != 2 or len(actors) != 2:
            return False
        first, second = actors
        both_bodies = first.type.value == "organization" and second.type.value == "organization"
        return first.country == second.country and not both_bodies  # two bodies may be two sides

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
        hosts = [g for g in _preps(tok, {"in"}) if (m := self.ctx.by_token.get(g.i)) and m.kind == "country"]
        if clause.dep_ == "relcl":
            # "Kyiv, where I was on Monday": the place the relative clause hangs on
            where = any(c.lower_ == "where" for c in clause.children if c.dep_ == "advmod")
            place = self.ctx.by_token.get(clause.head.i)
            hosts = [clause.head] if where and place is not None and place.kind == "country" else []
        subjects = _subjects(self.ctx, tok)
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
        return self.build(tok, _subjects(self.ctx, tok), hosts, ContactKind.VISIT, (Role.VISITOR, Role.HOST))

    def gapped(self, tok: Token, first: ContactDraft) -> ContactDraft | None:
        """ "Biden met Sunak on Monday and Macron on Tuesday": a second session with its own date.

        The parser hangs the second counterpart on the first date; it is met on the date that follows it.
        """
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.lex.verbs:
            return None
        for when in _preps(tok, {"on", "in", "at"}):
            if when.ent_type_ not in {"DATE", "TIME"}:
                continue
            others = [c for c in when.conjuncts if c.i > when.i and c.i in self.ctx.by_token]
            if not others:
                continue
            draft = self.build(tok, _subjects(self.ctx, tok), others, first.kind, None)
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
            for p in _preps(tok, {"to"})
            if (m := self.ctx.by_token.get(p.i)) is not None
            and m.type.value == "person"
            and m.kind != "pronoun"
        ]
        carried = any(c.dep_ == "dobj" for c in tok.children) or tok.dep_ in {"relcl", "xcomp"}
        if not people or not carried:
            return None
        return self.build(tok, _subjects(self.ctx, tok), people, ContactKind.MEETING, None)

    def stop(self, tok: Token) -> ContactDraft | None:
        """ "Japan was the first stop on X's tour", "Paris, the last leg of X's trip": X visits that state."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.lex.words.stop_nouns:
            return None
        journeys = [
            j for j in _preps(tok, {"on", "of", "in"}) if self.lex.nouns.get(j.lemma_.lower()) == "visit"
        ]
        visitors = [c for j in journeys for c in j.children if c.dep_ == "poss"]
        visitors += [v for j in journeys for v in _preps(j, {"by"})]
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
        visitors = _preps(antecedent, {"of", "by"}) + [c for c in antecedent.children if c.dep_ == "poss"]
        goals = _preps(tok, {"to"}) or (_preps(tok.head, {"to"}) if tok.dep_ == "dobj" else [])
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
        return self.build(tok, _subjects(self.ctx, tok), objects, kind, roles)

    def travel(self, tok: Token) -> ContactDraft | None:
        expected = tok.lemma_.lower() == "expect" and any(c.dep_ == "auxpass" for c in tok.children)
        if tok.pos_ != "VERB" or (tok.lemma_.lower() not in self.lex.travel_verbs and not expected):
            return None  # "is expected in Hanoi" is a planned trip
        goals = _preps(tok, {"to", "in", "into"})
        if tok.lemma_.lower() in self.lex.words.arrival_verbs:
            goals += _preps(tok, {"from"})  # "You've just come from Kyiv": a trip that took place
        if tok.lemma_.lower() in self.lex.words.departure_verbs:
            goals += _preps(tok, {"for"})  # "left Paris for Moscow": bound for Moscow
        for pobj in _preps(tok, {"on", "for"}):
            goals += _preps(pobj, {"to"})  # "leaves on a mission to Khartoum"
        hosts = [g for g in goals if (m := self.ctx.by_token.get(g.i)) and m.kind == "country"]
        if not hosts:
            return None
        visitors = _subjects(self.ctx, tok)
        if expected:
            visitors = [c for c in tok.children if c.dep_ == "nsubjpass"] or visitors
        if tok.lemma_.lower() in self.lex.words.companion_verbs:
            visitors += [
                c for c in tok.children if c.dep_ == "dobj"
            ]  # both travel: "accompanying Obama to London"
        return self.build(tok, visitors, hosts, ContactKind.VISIT, (Role.VISITOR, Role.HOST))

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
        if (
            trigger.appeal_sense
            and not any(c.lower_ in self.lex.channel_nouns for c in tok.children)
            and not _preps(tok, {"with", "between", "from"})
        ):
            return None  # "a call for restraint" is not a phone call; "a call from X" is
        if trigger.channel and tok.dep_ == "compound":
            return None  # the head noun ("phone call") is the trigger
        own = _preps(tok, _WITH_PREPS | {"by", "from"}) + _between_members(self.ctx, tok)
        own += [
            c
            for c in tok.children
            if c.dep_ in {"poss", "compound", "amod", "nmod"}
            and c.i in self.ctx.by_token
            and not (trigger.venue and self.ctx.by_token[c.i].kind == "org")  # "the G20 summit" is a venue
        ]
        if trigger.venue and _is_venue(tok, self.ctx):
            return None  # "met on the sidelines of the BRICS summit": the meeting is the contact
        kind = trigger.kind
        if kind in {ContactKind.VISIT, ContactKind.CORRESPONDENCE} or trigger.of_is_participant:
            own += _preps(tok, {"of"})  # "the visit of Lula", "the inauguration of President Bachelet"
        if trigger.meal:
            own += _preps(tok, {"for", "in honor of", "honoring"})  # "a dinner for the visiting president"
        if trigger.required_prep is not None and not _preps(tok, {trigger.required_prep}):
            return None  # remarks alone are a speech; "remarks with X" a joint appearance
        targets = _preps(tok, {"to"}) if kind in {ContactKind.VISIT, ContactKind.CORRESPONDENCE} else []
        targets = [t for t in targets if self._visitable(t)]
        if kind is ContactKind.VISIT and not targets and not _preps(tok, {"with"}):
            return None  # "visits by A and B" name visitors, not a contact between them
        gov_subjects: list[Token] = _owner_via_prep(tok)
        verb = _governing_verb(tok, self.lex)
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
        listed = self._ids(_between_members(self.ctx, tok) + _preps(tok, {"between"}))
        if verb is not None and len(listed) >= 2 and verb.lemma_.lower() not in self.lex.words.conveners:
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
            gov_subjects = gov_subjects or _subjects(self.ctx, verb) or _stranded_subjects(verb, self.ctx)
            own += _preps(verb, _WITH_PREPS)
            if verb.lemma_.lower() in self.lex.words.companion_verbs:
                own += [
                    c for c in verb.children if c.dep_ == "dobj"
                ]  # "accompanying Felipe for a state visit"
            if kind is ContactKind.CORRESPONDENCE:
                targets += _preps(verb, {"to"})
                own += _preps(verb, {"from"})
                # "Putin sent Xi a congratulatory message": the recipient as the first object
                targets += [
                    c
                    for c in verb.children
                    if c.dep_ in {"dative", "dobj"} and c.i != tok.i and c.i in self.ctx.by_token
                ]
        if trigger.speech is not None:
            kind = _kind_for_speech(self.ctx, tok.sent, tok, trigger.speech)  # a call unless met in person
        remote = self.lex.words.remote_words
        channel = [p.lower_ for p in _preps(tok, {"by", "over", "via"})]
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
                if t.i in self.ctx.by_token and not _in_topic(t, s, self.lex)
            ]
        if not own and not targets and len(self._ids(gov_subjects)) < 2:
            # "a meeting is possible on the sidelines ... between X and Y"
            own = _between_in_clause(tok, self.lex.nouns)
        if not own and not targets and len(self._ids(gov_subjects)) < 2:
            return self.another(tok, kind)
        roles = (Role.VISITOR, Role.HOST) if kind is ContactKind.VISIT else None
        if kind is ContactKind.CORRESPONDENCE:
            roles = (Role.SENDER, Role.RECIPIENT)
        separate = any(c.lower_ in self.lex.words.separate_modifiers for c in tok.subtree if c.i < tok.i)
        separate = separate or (tok.tag_ == "NNS" and trigger.counted)
        # "talks with A on Sunday, and with B": two sessions; "dinner with A and with B": one table.
        separate = separate or (
            not trigger.meal and _with_phrases(tok) + (_with_phrases(verb) if verb is not None else 0) > 1
        )
        # Whose sessions they are: the possessor ("his meetings with A and B"), else the governing subject.
        holders = [c for c in tok.children if c.dep_ == "poss" and c.i in self.ctx.by_token] or gov_subjects
        if separate and not listed and not any(h.i in self.ctx.by_token for h in holders):
            holders = self._previous_subject(tok)  # "X spoke to A. There were also calls from B and C."
        if separate and not listed and not self._ids(holders):
            return None  # sessions of someone unknown with each counterpart: the counterparts did not meet
        if separate and len(self._ids(holders)) == 1 and not targets:
            # "X held one-on-one talks with A, B and C": X's sessions with each, as with a verb.
            others = [o for o in gov_subjects + own if o not in holders]
            if others:
                return self.build(tok, holders, others, kind, roles, split=True)
        return self.build(tok, gov_subjects + own, targets, kind, roles, split=False)

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
            ids.extend(a for a in _actors_of(self.ctx, t) if a not in ids)
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
        if kind is ContactKind.VISIT:
            subj_ids, obj_ids, kind = self._hosted_by_national(subj_ids, obj_ids, kind)
        everyone = subj_ids + obj_ids
        if len(everyone) < 2:
            return None
        if split and subjects and not subj_ids and len(obj_ids) > 1 and given is None:
            return None  # "he will meet A, B and C" with "he" unknown: A, B and C do not meet each other
        role_of = {a: (roles[0] if roles else Role.PARTICIPANT) for a in subj_ids}
        role_of.update({a: (roles[1] if roles else Role.PARTICIPANT) for a in obj_ids})
        status = _status(self.ctx, tok)
        record = self.lex.verb_triggers.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
        if record is not None and record.status is not None and status is ContactStatus.OCCURRED:
            status = record.status  # an invitation proposes a visit or meeting
        if tok.lemma_.lower() == "expect" and status is ContactStatus.OCCURRED:
            status = ContactStatus.PLANNED  # "is expected in Hanoi"
        date = _date_for(self.ctx, tok, status)
        if status is ContactStatus.OCCURRED and _present_tense(tok, self.lex):
            # News writes scheduled events in the present: "leaves Friday for Khartoum", "meets Abe Monday".
            ahead = _date_for(self.ctx, tok, ContactStatus.PLANNED)
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
            date = _lasting(tok.sent.text, date)
        separately = any(c.lower_ in {"separately", "individually"} for c in tok.children)
        if separately and len(obj_ids) == 1 and len(subj_ids) > 1:
            everyone = obj_ids + subj_ids  # "A and B met separately with C": C's meeting with each
        draft = ContactDraft(everyone, role_of, kind, status, date, _location(self.ctx, tok), tok.sent, tok.i)
        draft.level = level_in(tok.sent.text)
        # "spoke to A, B and C this morning": one call with all of them, unless told apart ("and, separately,
        # with C"); several meetings with one visitor are sessions of their own
        one_call = kind is ContactKind.CALL and tok.pos_ == "VERB" and not _told_apart(tok, self.lex)
        draft.split = (split and not one_call and len(subj_ids) == 1 and len(obj_ids) > 1) or (
            separately and len(obj_ids) == 1 and len(subj_ids) > 1
        )
        draft.weak_status = status is ContactStatus.OCCURRED and (
            (tok.pos_ in {"NOUN", "PROPN"} and _governing_verb(tok, self.lex) is None)
            or in_headline(tok)  # "Blinken Travels to Nairobi": headlines flatten tense
        )
        return draft


_NUMBERS = {
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
_LASTING = re.compile(
    r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)-day\s+(?:[a-z]+\s+){0,2}(?:visit|trip|tour)\b",
    re.I,
)


_LEVEL_WORDS = {
    **dict.fromkeys(
        ("highest", "top", "summit", "leader", "leaders", "head-of-state", "presidential"), "summit"
    ),
    **dict.fromkeys(("ministerial", "minister", "foreign-minister", "foreign minister"), "ministerial"),
    **dict.fromkeys(("deputy", "deputy-minister", "deputy minister", "vice-ministerial"), "deputy"),
    **dict.fromkeys(("ambassadorial", "ambassador"), "ambassadorial"),
    **dict.fromkeys(("expert", "experts"), "expert"),
    "technical": "technical",
    "working": "working",
}
_LEVEL = re.compile(
    r"\b(?:at (?:the )?(?P<at>[a-z-]+(?: minister)?) levels?|(?P<adj>[a-z-]+(?: minister)?)[- ]level)\b", re.I
)


def level_in(sentence: str) -> ContactLevel | None:
    """The level a sentence gives: "technical-level contacts", "dialogue at the highest level"."""
    for match in _LEVEL.finditer(sentence):
        word = (match.group("at") or match.group("adj")).lower()
        if word in _LEVEL_WORDS:
            return ContactLevel(_LEVEL_WORDS[word])
    return None


def _lasting(sentence: str, start: DateSpan) -> DateSpan:
    """ "arrived on Sunday for a three-day state visit": the visit lasts from that day for three days."""
    match = _LASTING.search(sentence)
    if match is None or start.start != start.end:
        return start
    word = match.group(1).lower()
    days = int(word) if word.isdigit() else _NUMBERS[word]
    return start.model_copy(update={"end": start.start + dt.timedelta(days=days - 1)})


def _between_members(ctx: _Context, noun: Token) -> list[Token]:
    """Every actor listed in a between-phrase, however the parser coordinated the list.

    "between Mercosur heads of state and the President of Chile and African Union representatives":
    the phrase is a list of participants, so actors inside it count unless they sit in a clause or in a
    preposition other than of/from ("experts from Peru, Bolivia and the World Bank").
    """
    out = []
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"):
        for t in prep.subtree:
            mention = ctx.by_token.get(t.i)
            if mention is None or t.i != mention.head or mention.kind in {"pronoun"}:
                continue
            cur, below, listed = t, t, True
            while cur.i != prep.i:
                owner = ctx.by_token.get(cur.head.i)
                # "Jens Stoltenberg of NATO": his affiliation, not another party; but "the President of
                # Chile and African Union representatives" lists on past the role's own of-phrase.
                affiliation = owner is not None and ctx.by_token.get(below.i) is not owner
                if cur.dep_ in {"relcl", "acl", "advcl", "ccomp"} or (
                    cur.dep_ == "prep" and (cur.lower_ not in {"of", "from"} or affiliation)
                ):
                    listed = False
                    break
                below, cur = cur, cur.head
            if listed:
                out.append(t)
    return out


def _between_in_clause(noun: Token, contact_nouns: dict[str, str]) -> list[Token]:
    """The objects of a "between" phrase elsewhere in the clause of a contact noun that has no arguments."""
    chain = [noun]
    while chain[-1].head.i != chain[-1].i and chain[-1].dep_ not in {"ROOT", "ccomp", "advcl", "relcl"}:
        chain.append(chain[-1].head)
    # A between-phrase in the noun's own clause, not inside a relative clause or a clause of its own.
    top = chain[-1]
    for tok in (t for t in top.subtree if t.dep_ == "prep" and t.lower_ == "between"):
        cur, nested = tok, False
        while cur.i != top.i and cur.head.i != cur.i:
            nested = nested or cur.dep_ in {"relcl", "acl", "advcl", "ccomp", "xcomp"}
            cur = cur.head
        owner = tok.head
        if owner.i != noun.i and (owner.lower_ in contact_nouns or owner.lemma_.lower() in contact_nouns):
            continue  # "the outcomes of the meeting between A and B": that meeting's own participants
        if not nested:
            return [p for p in tok.children if p.dep_ == "pobj"]
    return []


def _stranded_subjects(verb: Token, ctx: _Context) -> list[Token]:
    """Actors before a main verb the parser left without a subject ("In Hanoi, A and B held talks").

    Only for a sentence's root verb with no subject at all; place names after "in"/"at" are left out.
    """
    if verb.dep_ != "ROOT" or any(c.dep_ in _SUBJ | {"expl"} for c in verb.children):
        return []
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


def _is_venue(noun: Token, ctx: _Context) -> bool:
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


def _present_tense(tok: Token, lex: Lexicon) -> bool:
    """The trigger, or the verb governing a trigger noun, is in the present ("meets", "is accompanying")."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else _governing_verb(tok, lex)
    if verb is None:
        return False
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"} for c in verb.children)


def _owner_via_prep(noun: Token) -> list[Token]:
    """ "his goal in meeting with X": the owner of the noun that a contact noun hangs from."""
    if noun.dep_ not in {"pobj", "pcomp"} or noun.head.dep_ != "prep":
        return []
    owner = noun.head.head
    if owner.pos_ not in {"NOUN", "PROPN"}:
        return []
    return [c for c in owner.children if c.dep_ == "poss"]


def _relative_holder(noun: Token, lex: Lexicon) -> Token | None:
    """ "the meeting he had with X", "the calls that she made": the verb of a relative clause on the noun.

    Only a verb of holding whose object is the noun itself (the relative pronoun, or none written).
    """
    for child in noun.children:
        if child.dep_ == "relcl" and child.lemma_.lower() in lex.words.holding_verbs:
            objects = [c for c in child.children if c.dep_ == "dobj"]
            if all(o.tag_ in {"WDT", "WP"} for o in objects):
                return child
    return None


def _ahead_of(noun: Token, lex: Lexicon) -> Token | None:
    """The verb that a contact noun is "ahead of" ("arrived ahead of a new round of talks"), if it is."""
    cur = noun
    while (
        cur.dep_ == "pobj"
        and cur.head.lower_ == "of"
        and cur.head.head.lemma_.lower() in lex.words.quantity_nouns
    ):
        cur = cur.head.head  # "a new round of talks"
    of = cur.head
    if cur.dep_ != "pobj" or of.lower_ != "of" or of.head.lower_ not in {"ahead", "prior"}:
        return None
    verb = of.head.head
    return verb if verb.pos_ in {"VERB", "AUX"} else None


def _governing_verb(noun: Token, lex: Lexicon) -> Token | None:
    """The verb a contact noun is the object of, through "a round of" ("held a round of talks")."""
    relative = _relative_holder(noun, lex) or _ahead_of(noun, lex)
    if relative is not None:
        return relative
    cur = noun
    for _ in range(4):
        if cur.dep_ not in {"dobj", "pobj", "attr", "prep", "npadvmod"}:
            return None
        if (
            cur.dep_ == "prep"
            and cur.lower_ in _TOPIC_PREPS
            and cur.head.pos_ in {"NOUN", "PROPN"}
            and cur.head.lemma_.lower() not in lex.words.quantity_nouns
        ):
            return None  # "briefed X on the outcomes of the meeting": the meeting is not the briefing's
        if cur.dep_ == "prep" and (
            cur.lower_ in {"about", "regarding", "concerning"}
            or (cur.lower_ == "on" and cur.head.lemma_.lower() in lex.words.informing_verbs)
        ):
            return None  # "briefed Boric on the meeting": what he told about, not what he held
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
    return None


def _chain(ctx: _Context, tok: Token) -> list[Token]:
    """The trigger and the words governing it, up to (not into) a reporting verb or the clause root."""
    chain = [tok]
    cur = tok
    while cur.head.i != cur.i:
        head = cur.head
        if (cur.dep_ == "ccomp" and head.lemma_.lower() in ctx.reporting) or cur.dep_ == "relcl":
            break  # a reported or relative clause has its own tense and modality
        if cur.dep_ not in _CLAUSE_LINKS | {
            "dobj",
            "pobj",
            "prep",
            "nsubj",
            "nsubjpass",
            "attr",
            "acomp",
            "npadvmod",
            "compound",
            "appos",
            "oprd",
        }:
            break
        if cur.dep_ == "advcl" and any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in _SUBORDINATORS for c in cur.children
        ):
            break  # "what they agreed once they met": the modality of "agreed" is not the meeting's
        if (
            cur.dep_ == "prep"
            and head.pos_ in {"VERB", "AUX"}
            and cur.lower_ not in {"for", "to", "of", "before"}
            and chain[0].i != cur.i
        ):
            break  # "At the outset of our talks, I would like ...": an adverbial, not a complement
        shares_verb = not any(c.dep_ in _SUBJ | {"aux", "auxpass"} for c in cur.children)
        if (
            cur.dep_ == "conj"
            and cur.pos_ == "VERB"
            and not (cur.tag_ == "VB" and head.tag_ == "VB" and head.dep_ in {"xcomp", "advcl", "acl"})
            and not (cur.tag_ in {"VB", "VBG"} and head.tag_ == cur.tag_ and shares_verb)
        ):
            break  # a verb of its own; but "will go and meet X" shares the "will" (and "to do X and meet")
        chain.append(head)
        cur = head
        if len(chain) > 8:
            break
    return chain


def _status(ctx: _Context, tok: Token) -> ContactStatus:
    st = ctx.lex.status
    negations = 0
    proposed = planned = False
    below = -1  # the chain element under t
    if any(
        k.dep_ == "acl"
        and k.lemma_.lower() in ctx.lex.words.scheduling_verbs
        and any(a.tag_ == "TO" for a in k.children)
        for k in tok.children
    ):
        return ContactStatus.PLANNED  # "the Trade Council to be held in Ottawa on May 20"
    purpose = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "for" else None
    if (
        purpose is not None
        and purpose.tag_ in {"VBZ", "VBP"}
        and purpose.lemma_.lower() in {"be", *ctx.lex.travel_verbs}
    ):
        return ContactStatus.PLANNED  # "Modi is in Paris for talks with Macron": ahead
    if _ahead_of(tok, ctx.lex) is not None:
        return ContactStatus.PLANNED  # "ahead of a fresh round of talks": still to come
    deps = {k.dep_: k for k in tok.children}
    if tok.dep_ in {"acl", "conj"} and "auxpass" in deps and "aux" in deps and deps["aux"].tag_ == "TO":
        return ContactStatus.PLANNED  # "... and to be co-chaired by A and B"
    for t in _chain(ctx, tok):
        lemma = t.lemma_.lower()
        kids = list(t.children)
        particle = next((k.lower_ for k in kids if k.dep_ == "prt"), None)
        if particle is not None:
            lemma = f"{lemma}_{particle}"  # "ruled out", "called off": the phrasal verb is what counts
        if lemma in st["wish_verbs"] and any(k.lower_ == "would" for k in kids):
            proposed = True  # "would like to meet": a wish, not a plan
        if lemma in {"close", "near"} and t.tag_ == "JJR" and any(k.lower_ == "no" for k in kids):
            proposed = True  # "no closer to arranging a meeting": still only wished for
        elif any(
            k.dep_ == "neg" or (k.lower_ in {"never", "no"} and k.dep_ in {"neg", "det", "advmod"})
            for k in kids
        ):
            negations += 1
            if lemma in st["double_negation"] or lemma in {"rule", "rule_out"}:
                return ContactStatus.PROPOSED
        governs_subject = any(k.i == below and k.dep_ == "nsubj" for k in kids)
        if t.i != tok.i and (lemma in st["negated_governors"] or t.lower_ in st["negated_governors"]):
            negations += not governs_subject  # "talks ended without a deal" took place; "ended talks" did not
        if lemma in st["negated_nouns"]:
            negations += 1
        for k in kids:
            klow = k.lower_
            if (k.dep_ == "aux" and klow in st["planned_aux"]) or (k.dep_ == "aux" and klow == "would"):
                planned = True
            elif k.dep_ == "aux" and klow in st["proposed_aux"]:
                proposed = True
            elif k.dep_ in {"amod", "compound"} and klow in st["planned_words"]:
                planned = True
            elif k.dep_ in {"amod"} and klow in st["proposed_modifiers"]:
                proposed = True
            elif k.dep_ == "amod" and klow in st["negated_modifiers"]:
                negations += 1
            elif k.dep_ == "acomp" and klow in st["possibility_predicates"] and t.i != tok.i:
                proposed = True  # "a visit remains possible"
            elif k.dep_ == "mark" and klow in {"if", "unless"}:
                proposed = True  # "if Xi meets Putin": a condition, not an event
            elif k.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in k.children
            ):
                proposed = True  # "he would talk to Putin if re-elected"
        if (
            t.i != tok.i
            and (lemma in st["proposed_governors"] or t.lower_ in st["proposed_governors"])
            and (lemma != "open" or t.pos_ == "ADJ")
        ):
            proposed = True  # "open to talks", not "opened talks"
        if t.i != tok.i and (lemma in st["planned_governors"] or t.lower_ in st["planned_governors"]):
            planned = True
        if lemma == "be" and any(k.dep_ == "xcomp" and k.i == below for k in kids) and t.i != tok.i:
            planned = True  # "is to meet"
        if (
            t.dep_ in {"acl", "relcl"}
            and lemma in ctx.lex.words.scheduling_verbs
            and any(k.tag_ == "TO" for k in kids if k.dep_ == "aux")
        ):
            planned = True  # "the Trade Council to be held on May 20"
        if lemma == "look" and any(k.lower_ == "forward" for k in kids) and t.i != tok.i:
            planned = True  # "looking forward to the meeting"
        if t.dep_ == "ROOT" and t.pos_ == "VERB" and [k.tag_ for k in kids if k.dep_ == "aux"] == ["TO"]:
            planned = True  # headline future: "Brazil, Argentina to Hold Border Talks"
        below = t.i
    first_person = any(t.lower_ in {"i", "we"} for t in _subjects(ctx, tok))
    performative = (
        trigger := ctx.lex.verb_triggers.get(tok.lemma_.lower())
    ) is not None and trigger.performative
    if performative and first_person and not negations:
        return ContactStatus.OCCURRED  # "I would like to welcome you": performative, it is happening
    if negations % 2 == 1:
        return ContactStatus.NEGATED
    if proposed:
        return ContactStatus.PROPOSED
    if planned:
        return ContactStatus.PLANNED
    return ContactStatus.OCCURRED


def _in_other_clause(tok: Token, chain_ids: set[int]) -> bool:
    """Whether ``tok`` sits in a subordinate clause of its own, off the trigger's chain."""
    cur = tok
    while cur.head.i != cur.i and cur.i not in chain_ids:
        if cur.dep_ in {"advcl", "relcl", "acl", "ccomp", "pcomp", "xcomp", "csubj"}:
            return True
        cur = cur.head
    return False


def _inside_clause_of_argument(tok: Token, trigger: Token) -> bool:
    """Inside a relative, adverbial or appositive clause under the trigger: a date of something else."""
    cur = tok
    while cur.i != trigger.i and cur.head.i != cur.i:
        if cur.dep_ in {"relcl", "acl", "appos", "advcl"}:
            return True
        cur = cur.head
    return False


def _inside_topic_contact(ctx: _Context, tok: Token, trigger: Token) -> bool:
    """Whether ``tok`` belongs to another contact noun that is only the topic of ``trigger``."""
    cur, other = tok, False
    while cur.i != trigger.i and cur.head.i != cur.i:
        if cur.pos_ in {"NOUN", "PROPN"} and (
            cur.lower_ in ctx.lex.nouns or cur.lemma_.lower() in ctx.lex.nouns
        ):
            other = True
        elif other and cur.dep_ == "prep" and cur.lower_ in _TOPIC_PREPS:
            return True
        cur = cur.head
    return False


def _reference_point(span: Span, trigger: Token) -> bool:
    """A date after "since"/"until", or inside such a phrase ("since the revolution in 1979")."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in _REFERENCE_POINTS:
        return True
    cur = span.root
    for _ in range(6):
        if cur.head.i == cur.i or cur.i == trigger.i:
            return False
        cur = cur.head
        if cur.dep_ == "prep" and cur.lower_ in _REFERENCE_POINTS:
            return True
    return False


_CLAUSES = {"relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp", "csubj"}


def _closes_title_appositive(span: Span, trigger: Token) -> bool:
    """A date that ends a verbless appositive is the time of the clause, not of the appositive's noun.

    Two shapes of the same pattern: a photo caption's place and date ("... at the ministry in Lima, Peru,
    June 4, 2019"), where the date is parsed as an appositive of the place, and a title after a name ("met
    Macron, the President of France on March 2"), where the parser hangs the date on the title. An
    appositive holding a verb ("a lawyer jailed in 2015") or a clause keeps its date.
    """
    cur = span.root
    while cur.i != trigger.i and cur.head.i != cur.i:
        if cur.dep_ in _CLAUSES:
            return False
        if cur.dep_ == "appos":
            inside = [t for t in cur.subtree if not (span.start <= t.i < span.end)]
            verbless = not any(t.pos_ in {"VERB", "AUX"} for t in inside)
            closing = cur.right_edge.i < span.end or cur.doc[cur.right_edge.i].is_punct  # nothing after it
            return verbless and closing
        cur = cur.head
    return False


def _infinitive(verb: Token) -> bool:
    """ "to meet": a bare verb with its infinitive marker."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _in_when_clause(span: Span, chain_ids: set[int]) -> bool:
    """A date inside a "when"/"while" clause of the trigger's own chain is the time of the trigger too.

    "The two leaders discussed the plan when they met in Lima in May": the discussion is dated May. Only a
    clause that hangs on the chain itself, with nothing but phrases between it and the date.
    """
    cur = span.root
    while cur.head.i != cur.i and cur.i not in chain_ids:
        if cur.dep_ == "advcl":
            opened = any(c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "while"} for c in cur.children)
            return opened and cur.head.i in chain_ids
        if cur.dep_ in _CLAUSES:
            return False
        cur = cur.head
    return False


def _describes_trigger(span: Span, trigger: Token) -> bool:
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
    return cur.head.i == trigger.i and cur.dep_ in {"relcl", "acl"} and cur.lemma_.lower() in _HOLDING_VERBS


# Verbs of a clause that tells how a contact was held, sent or made ("the call they had", "talks held").
_HOLDING_VERBS = {
    "have",
    "hold",
    "send",
    "write",
    "make",
    "pay",
    "conduct",
    "take",
    "host",
    "exchange",
    "place",
}


def _date_for(ctx: _Context, tok: Token, status: ContactStatus) -> DateSpan | None:
    future = status in {ContactStatus.PLANNED, ContactStatus.PROPOSED}
    chain = _chain(ctx, tok)
    chain_ids = {t.i for t in chain}
    if tok.dep_ == "conj" and tok.head.lemma_.lower() in ctx.lex.words.scheduling_verbs:
        chain_ids.add(tok.head.i)  # "to be held on May 20 and to be chaired by A and B": one event
    # "Merkel, who met Putin many times, left office in 2021": the main clause date is not the relative's
    # "became the first leader to meet Obama": an infinitive relative has no time of its own
    relative = next((t for t in [tok, *tok.ancestors] if t.dep_ == "relcl" and not _infinitive(t)), None)
    if relative is not None and any(c.lower_ in {"where", "when"} for c in relative.children):
        relative = None  # "Kenya, where she met Kibaki": the same trip, the same time
    inside = {t.i for t in relative.subtree} if relative is not None else None
    if tok.dep_ == "pcomp" and tok.head.lower_ in {"after", "before", "since", "until"}:
        inside = {t.i for t in tok.subtree}  # "arrived on Friday, a day after meeting X": not on Friday
    sent = tok.sent
    best: tuple[int, DateSpan] | None = None
    for span, past, fut in ctx.dates:
        if span.start < sent.start or span.end > sent.end:
            continue
        value = fut if future else past
        if inside is not None and span.root.i not in inside:
            continue
        if value is None or _reference_point(span, tok):
            continue  # "the first call since 1979": a reference point, not the event's date
        anchor = span.root.head if span.root.dep_ != "pobj" else span.root.head.head
        if span.root.dep_ == "pobj" and span.root.head.head.dep_ == "prep":
            anchor = span.root.head.head.head
        if future and anchor.i != tok.i and anchor.tag_ == "VBD" and past is not None:
            value = past  # "received word on Friday that X wanted to talk": the word came last Friday
        attached = span.root.head.i in chain_ids or anchor.i in chain_ids
        if span.root.i in {t.i for t in tok.subtree} and not attached:
            if (
                _inside_clause_of_argument(span.root, tok)
                and not _closes_title_appositive(span, tok)
                and not _describes_trigger(span, tok)
                and not _in_when_clause(span, chain_ids | {tok.i})
            ):
                continue  # "met Bennett, who is on trial for a plot in 2006": that date is Bennett's
            if _inside_topic_contact(ctx, span.root, tok):
                continue  # "briefed X on the outcomes of the meeting on August 26": the meeting's date
            rank = 1
        elif attached:
            rank = 0
        elif anchor.lemma_.lower() in ctx.reporting or span.root.head.lemma_.lower() in ctx.reporting:
            continue
        elif _in_when_clause(span, chain_ids):
            rank = 1  # "discussed it when they met in Lima in May": the same time
        elif _in_other_clause(span.root, chain_ids):
            continue  # "refused talks, citing crimes from 1910": that clause's date is not the talks'
        else:
            rank = 2
        distance = abs(span.start - tok.i)
        score = rank * 1000 + distance
        if best is None or score < best[0]:
            best = (score, value)
    return best[1] if best else None


def _location(ctx: _Context, tok: Token) -> str | None:
    for t in _chain(ctx, tok)[:3]:
        for pobj in _preps(t, {"in", "at"}):
            if pobj.ent_type_ in {"GPE", "LOC", "FAC", "ORG"}:
                span = ctx.doc[pobj.left_edge.i : pobj.right_edge.i + 1]
                return span.text
    return None


_SAME_TIME_ADVERBS = {"also", "later", "then", "afterwards", "afterward", "subsequently", "too"}


# Verbs of going somewhere or gathering: a plan told after them in the same trip shares their day.
_TRIP_VERBS = {
    "travel",
    "visit",
    "go",
    "fly",
    "head",
    "arrive",
    "leave",
    "depart",
    "tour",
    "attend",
    "meet",
    "hold",
}
# Statuses whose undated contacts take the date of the sentence before: what happened, and what is planned.
_INHERITING = {ContactStatus.OCCURRED, ContactStatus.PLANNED}


def inherit_dates(
    drafts: list[ContactDraft],
    ctx_dates: list[tuple[Span, DateSpan | None, DateSpan | None]],
    by_token: dict[int, Mention],
) -> list[ContactDraft]:
    """Undated past contacts told right after a dated sentence about the same actor happen on that date.

    "The two leaders met Friday with Brahimi. Kerry later met with Ban": the second meeting is on Friday too.
    Only the sentence just before counts, its date must hang on its main verb, that verb's subject must be a
    participant, and the later sentence must say "also", "later" or "then" or share the subject.
    Returns new drafts; a date inherited is passed on to the contacts told after it.
    """
    drafts = [replace(d) for d in drafts]  # copies: the caller's drafts stay as they were
    for draft in drafts:
        if draft.date is not None or draft.status not in _INHERITING or draft.sentence.start == 0:
            continue
        doc = draft.sentence.doc
        previous = doc[draft.sentence.start - 1].sent
        trigger = doc[draft.trigger]
        if any(c.dep_ == "aux" and c.lower_ in {"has", "have", "'ve", "’ve"} for c in trigger.children):
            continue  # "Blinken has also met Wang Yi": some time, not the day just told
        cue = any(c.lower_ in _SAME_TIME_ADVERBS for c in trigger.children if c.dep_ == "advmod")
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
            if verb.i not in {span.root.head.i, span.root.head.head.i}:
                continue
            if draft.status is ContactStatus.PLANNED and verb.lemma_.lower() not in _TRIP_VERBS:
                continue  # a plan takes the day of the trip told before, not of a speech or a signing
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


_DURING_TRIP = re.compile(
    r"\b(?:during|on|in the course of|throughout|over)\s+(?:his|her|their|the|this|that)\s+(?:[\w-]+\s+){0,2}"
    r"(?:trip|visit|stay|tour|travels?|stop|stopover)\b|\bwhile\s+(?:in|visiting)\b",
    re.I,
)


def date_by_trips(drafts: list[ContactDraft], country_of: dict[str, str | None]) -> list[ContactDraft]:
    """Undated contacts of a traveller with people of the state he visited happen during that visit.

    "On May 7-8, Clinton traveled to India ... In New Delhi, she delivered remarks with Krishna": the
    remarks are dated May 7-8. Only visits with a date, and contacts of the same status told after them.
    A sentence that says so itself ("during his trip", "while in Lima") needs no counterpart of the host
    state: the people met on a trip are often not in the gazetteer. The counterparts of one sentence met in
    one list ("met A, B and C") share the date that one of them got from the trip. Returns new drafts.
    """
    drafts = [replace(d) for d in drafts]  # copies: the caller's drafts stay as they were
    trips = [
        d for d in drafts if d.kind is ContactKind.VISIT and d.date is not None and len(d.participants) >= 2
    ]
    for draft in drafts:
        if draft.date is not None or draft.kind is ContactKind.VISIT:
            continue
        trigger = draft.sentence.doc[draft.trigger]
        if any(c.dep_ == "aux" and c.lower_ in {"has", "have", "'ve", "’ve"} for c in trigger.children):
            continue  # "has met him many times": some time, not during this trip
        during = _DURING_TRIP.search(draft.sentence.text) is not None
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
    _share_within_lists(drafts)
    return drafts


def _share_within_lists(drafts: list[ContactDraft]) -> None:
    """Drafts split from one trigger ("met A, B and C") left undated take the date a sibling got."""
    dated: dict[tuple[int, ContactStatus], DateSpan] = {}
    for draft in drafts:
        if draft.date is not None:
            dated.setdefault((draft.trigger, draft.status), draft.date)
    for draft in drafts:
        if draft.date is None and (draft.trigger, draft.status) in dated:
            draft.date = dated[(draft.trigger, draft.status)]


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
    ctx = _Context(
        doc, lex, actors, by_token, published, dates, lex.reporting_verbs - {"write", "call", "describe"}
    )
    finder = _Finder(ctx)
    drafts: list[ContactDraft] = []
    for tok in doc:
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
            drafts.extend(d for d in _split(draft) if not finder._internal(d.participants))
            gapped = finder.gapped(tok, draft)
            if gapped is not None and not finder._internal(gapped.participants):
                drafts.append(gapped)
    return drafts


def _split(draft: ContactDraft) -> list[ContactDraft]:
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
