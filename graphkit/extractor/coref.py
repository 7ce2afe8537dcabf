"""Coreference inside one article: which mentions are the same actor.

Rules, in order: a name joins the person with the same surname (first names must not clash); a country mention
joins its state; a role phrase ("the French president") joins the person in the article with that office and
country, else the office holder on the publication date from the gazetteer, else an unnamed actor; a
possessive role ("his advisor") is keyed by its possessor; a pronoun takes the most recent person before it,
preferring grammatical subjects; "the two leaders" takes the two persons mentioned last.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, NamedTuple

from graphkit.extractor.mentions import Mention, MentionKind
from graphkit.extractor.turns import headline_speaker, speaker_labels, turn_at
from graphkit.lexicon import load_lexicon
from graphkit.models import ActorType
from graphkit.offices import load_offices

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from graphkit.gazetteer import Gazetteer, PersonEntry, Publisher

__all__ = ["ActorDraft", "Resolution", "resolve_mentions"]

POSSESSIVE_GENDER = {"his": "m", "her": "f"}


@dataclass
class ActorDraft:
    """An actor being assembled from its mentions."""

    id: str
    type: ActorType
    name: str
    country: str | None = None
    wikidata: str | None = None
    offices: list[str] = field(default_factory=list)
    titles: list[str] = field(
        default_factory=list
    )  # as written, lower case, without "the": "u.s. secretary of state"
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    members: tuple[str, ...] = ()  # for groups: the actors a "the two leaders" stands for
    unnamed: bool = False  # described only by a role ("his advisor"): never matched by a name
    party: bool = False  # a non-state party to a conflict: a side of its own against its state's government
    gender: str | None = None  # from "Mr."/"Ms." or from a pronoun resolved to the actor

    @property
    def surname(self) -> str:
        return _key(self.name).split()[-1] if self.name else ""

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        mention.actor = self.id
        surface = " ".join(mention.surface.split())
        if (
            surface
            and surface not in self.aliases
            and mention.kind
            not in {MentionKind.PRONOUN, MentionKind.FIRST, MentionKind.SECOND, MentionKind.WE}
        ):
            self.aliases.append(surface)
        if mention.office and mention.office not in self.offices:
            self.offices.append(mention.office)
        title = _strip_det(" ".join((mention.title or "").lower().split()))
        if title and title not in self.titles:
            self.titles.append(title)
        if mention.country and not self.country:
            self.country = mention.country
        self.gender = self.gender or mention.gender
        self.party = self.party or mention.party


@functools.lru_cache(maxsize=1 << 12)  # every mention compares its name with each actor's, every article
def _key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text).split())


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", _key(text)).strip("_") or "actor"


class _Resolver:
    def __init__(
        self,
        doc: Doc,
        gaz: Gazetteer,
        published: dt.date | None,
        quotes: Sequence[tuple[int, int, str]] = (),
        publisher: Publisher | None = None,
    ) -> None:
        self.doc = doc
        self.gaz = gaz
        self.published = published
        self.publisher = publisher
        self.quotes = quotes
        self._quoted: dict[int, bool] = {}
        self.actors: dict[str, ActorDraft] = {}
        self.history: list[Mention] = []  # resolved mentions in text order
        self.all_mentions: list[Mention] = []  # every mention of the article, resolved or not

    def new_actor(self, base: str, **fields: object) -> ActorDraft:
        ident = _slug(base)
        n = 2
        while ident in self.actors:
            ident = f"{_slug(base)}_{n}"
            n += 1
        actor = ActorDraft(id=ident, **fields)  # type: ignore[arg-type]
        self.actors[ident] = actor
        return actor

    def unnamed_person(self, label: str, country: str | None) -> ActorDraft:
        """The unnamed person known by ``label`` ("Macron's adviser"): the one made before, else a new one."""
        for actor in self.actors.values():
            if actor.unnamed and actor.name == label:
                return actor
        return self.new_actor(label, type=ActorType.PERSON, name=label, country=country, unnamed=True)

    def persons(self, *, named: bool = False) -> list[ActorDraft]:
        return [
            a
            for a in self.actors.values()
            if a.type is ActorType.PERSON and not a.members and not (named and a.unnamed)
        ]

    # --- names -----------------------------------------------------------------------------------
    def name(self, m: Mention) -> ActorDraft:
        if m.type is ActorType.COUNTRY:
            return self.country(m)
        if m.type is ActorType.ORGANIZATION:
            key = m.wikidata or _key(m.name or m.surface)
            for actor in self.actors.values():
                if actor.type is ActorType.ORGANIZATION and (actor.wikidata or _key(actor.name)) == key:
                    return actor
            return self.new_actor(
                m.name or m.surface,
                type=ActorType.ORGANIZATION,
                name=m.name or m.surface,
                country=m.country,
                wikidata=m.wikidata,
            )
        return self.person(m)

    def country(self, m: Mention) -> ActorDraft:
        for actor in self.actors.values():
            if actor.type is ActorType.COUNTRY and actor.country == m.country:
                return actor
        ident = (m.country or "xxx").lower()
        actor = ActorDraft(
            id=ident, type=ActorType.COUNTRY, name=m.name or m.surface, country=m.country, wikidata=m.wikidata
        )
        self.actors.setdefault(ident, actor)
        return self.actors[ident]

    def person(self, m: Mention) -> ActorDraft:
        words = _key(m.name or "").split()
        surname = words[-1] if words else ""
        # a surname alone is the most mentioned of those who bear it ("Netanyahu" after "Sara Netanyahu" is
        # still the prime minister the story is about), else the last named
        alone = len(words) == 1
        ranked = sorted(
            reversed(self.persons(named=True)),
            key=lambda a: (_key(a.name).split()[-1:] != [surname], -len(a.mentions) if alone else 0),
        )
        for actor in ranked:
            akey = _key(actor.name).split()
            if not akey:
                continue
            if _same_person(words, akey):
                if len(words) > len(akey):
                    actor.name = m.name or actor.name  # a fuller name seen later
                return actor
        # "Fassi-Firhi" after "Taieb Fassi-Fihri", "Mevedev" after "Dmitry Medvedev": a slip of one letter
        for actor in ranked:
            if _misspelled(words, _key(actor.name).split()):
                return actor
        entry = self.gaz.person(m.name or "", at=self.published, country=m.country)
        if entry is None and m.office:
            # "King Hamad" where a prince is a "bin Hamad" too: the title tells them apart
            entry = self.gaz.person(m.name or "", at=self.published, country=m.country, office=m.office)
        name = m.name or m.surface
        qid = None
        country = m.country
        if entry is not None and (len(words) > 1 or self.compatible(entry, m)):
            name = entry.name if len(words) <= len(_key(entry.name).split()) else name
            qid = entry.wikidata
            country = country or entry.country
            known = next(
                (
                    a
                    for a in self.persons(named=True)
                    if (qid and a.wikidata == qid) or _key(a.name) == _key(entry.name)
                ),
                None,
            )
            if known is not None:
                return known  # "Sergei Lavrov" and "Sergey Lavrov" are one person
        return self.new_actor(name, type=ActorType.PERSON, name=name, country=country, wikidata=qid)

    @staticmethod
    def compatible(entry: object, m: Mention) -> bool:
        country = getattr(entry, "country", None)
        return m.country is None or country is None or country == m.country

    # --- roles -----------------------------------------------------------------------------------
    def role(self, m: Mention) -> ActorDraft | None:
        if self.doc[m.start].lower_ in {"a", "an"}:
            return None  # "a senior State Department official" introduces somebody, never one named before
        owner = self.possessor_actor(m)
        if m.office == "counterpart":
            return self.counterpart(m, owner)
        if owner is not None and owner.type is ActorType.PERSON:
            return self.unnamed_person(f"{owner.name}'s {m.office}", owner.country)
        country = m.country or (owner.country if owner is not None else None)
        if m.or_state and country is not None:
            return self.holder_or_state(m, country)
        if country is None and m.body is not None:
            return self.official_of(m.body, m)
        if country is None and owner is None:
            own = self.own_office_holder(m)
            if own is not None:
                return own
        if country is None:
            # "the President" with no state named: of those who hold that office, the one the article is
            # about (most mentioned so far), not merely the last named; a Kremlin readout's "the President".
            holders = [
                a
                for a in self.persons()
                if not _ranked(m) and (_bare_fits(m.office, a) or self.holds(a, m.office))
            ]
            if holders:
                return max(reversed(holders), key=lambda a: len(a.mentions))
        same = [
            a for a in reversed(self.persons()) if country is not None and _same_office(m.office, a.offices)
        ]
        for actor in same:
            if actor.country == country:
                return actor
        stateless = [a for a in same if a.country is None]
        if len(stateless) == 1 and len(same) == 1:
            # "Ambassador Lee ... the U.S. ambassador": a holder whose state is unknown, when the only one;
            # among several ambassadors of unknown states, "the Russian Ambassador" is none of them
            return stateless[0]
        if country is None:
            return None
        if self.published is not None and m.office:
            entry = self.gaz.office_holder(m.office, country, self.published)
            if entry is not None:
                return self.person_from_entry(entry)
        label = f"{m.title or m.office}"
        state = self.gaz.countries.get(country)
        if state is not None and not any(
            w.lower() in label.lower() for w in (state.name, *state.demonyms, *state.variants) if w
        ):
            label = f"{label} of {state.name}"  # "the prime minister" listed among Fiji's leaders
        return self.new_actor(
            label, type=ActorType.PERSON, name=_strip_det(label), country=country, unnamed=True
        )

    def own_office_holder(self, m: Mention) -> ActorDraft | None:
        """A bare title ("The Prime Minister", "the Secretary") on a government's own web site: the holder of
        that office of the publishing state on the publication date, else an unnamed holder of it. Only for an
        office the state has (a UK site's "the President" is somebody else's)."""
        pub = self.publisher
        if pub is None or m.office is None or m.office in load_offices().generic | {"counterpart"}:
            return None
        office = pub.office(m.office)
        if not self.gaz.has_office(office, pub.country):
            return None
        entry = self.gaz.office_holder(office, pub.country, self.published) if self.published else None
        if self.foreign_holder_first(m, pub.country, entry):
            return None
        if entry is not None:
            return self.person_from_entry(entry)
        state = self.gaz.countries.get(pub.country)
        demonym = state.demonyms[0] if state is not None and state.demonyms else pub.country
        return self.unnamed_person(f"{demonym} {office}", pub.country)

    def foreign_holder_first(self, m: Mention, own: str, entry: PersonEntry | None) -> bool:
        """ "I met the Prime Minister of Fiji. The Prime Minister and I agreed ...": a bare title first
        used after another state's holder was named with the same title is that holder, unless the site's
        own holder is already in the article (a readout opens with its own "The Prime Minister met ...").
        A title in other words is the site's own ("The Foreign Secretary" after "the Saudi Foreign
        Minister")."""
        office = m.office
        words = _key(_strip_det(m.surface))
        sentence = self.doc[m.start].sent
        if any(
            m.end <= o.start < sentence.end
            and o.kind is MentionKind.NAME
            and f" {words} " in f" {_key(o.surface)} "
            for o in self.all_mentions
        ):
            return False  # "The President spoke with President X": nobody speaks with themselves
        if entry is not None and any(
            (a.wikidata and a.wikidata == entry.wikidata) or _key(a.name) == _key(entry.name)
            for a in self.persons()
        ):
            return False
        if any(a.unnamed and a.country == own and office in a.offices for a in self.persons()):
            return False
        return any(
            a.country != own
            and (office in a.offices or self.holds(a, office))
            and any(f" {words} " in f" {_key(h.surface)} " for h in a.mentions)
            for a in self.persons()
        )

    def holder_or_state(self, m: Mention, country: str) -> ActorDraft:
        """One of "the Chinese and U.S. presidents": who held the office then, or else the state itself."""
        entry = (
            self.gaz.office_holder(m.office, country, self.published) if m.office and self.published else None
        )
        if entry is not None:
            return self.person_from_entry(entry)
        state = self.gaz.countries.get(country)
        m.kind, m.type = MentionKind.COUNTRY, ActorType.COUNTRY
        m.name, m.wikidata = (state.name, state.wikidata) if state is not None else (m.surface, None)
        return self.country(m)

    def official_of(self, body: str, m: Mention) -> ActorDraft:
        """ "the UN envoy", "the NATO chief": the holder of the office, or an unnamed official of the body."""
        prefix = re.sub(r"[^a-z0-9 ]", "", body.lower())  # "U.N." -> "un"
        if self.published is not None and m.office:
            entry = self.gaz.office_holder(f"{prefix} {m.office}", None, self.published)
            if entry is not None:
                return self.person_from_entry(entry)
        return self.unnamed_person(f"{body} {m.office}", None)

    def holds(self, actor: ActorDraft, office: str | None) -> bool:
        """Whether the gazetteer says ``actor`` held ``office`` on the publication date."""
        if office is None or actor.country is None or self.published is None or actor.unnamed:
            return False
        entry = self.gaz.office_holder(office, actor.country, self.published)
        if entry is None:
            return False
        qid = getattr(entry, "wikidata", None)
        return bool(qid and qid == actor.wikidata) or _key(entry.name) == _key(actor.name)

    def person_from_entry(self, entry: PersonEntry) -> ActorDraft:
        name = entry.name
        for actor in self.persons():
            if (actor.wikidata and actor.wikidata == getattr(entry, "wikidata", None)) or _key(
                actor.name
            ) == _key(name):
                return actor
        return self.new_actor(
            name,
            type=ActorType.PERSON,
            name=name,
            country=getattr(entry, "country", None),
            wikidata=getattr(entry, "wikidata", None),
        )

    def counterpart(self, m: Mention, owner: ActorDraft | None) -> ActorDraft | None:
        country = m.country
        for actor in reversed(self.persons()):
            if actor is owner:
                continue
            if country is not None and actor.country == country:
                return actor
        if country is None:
            return None
        offices = list(owner.offices) if owner is not None else []
        if not offices and owner is not None and self.published is not None:
            # "China's Xi Jinping hosted his French counterpart": Xi's offices from the gazetteer, the
            # state's before the party's ("president" before "general secretary")
            known = self.gaz.person(owner.name, at=self.published, country=owner.country)
            terms = known.offices_at(self.published) if known is not None else ()
            leaders = load_offices().leaders
            offices = sorted({t.office for t in terms}, key=lambda o: (o not in leaders, o))
        for held in offices if self.published is not None else []:
            entry = self.gaz.office_holder(held, country, self.published)  # type: ignore[arg-type]
            if entry is not None:
                return self.person_from_entry(entry)
        office = offices[0] if offices else None
        # "his British counterpart" of a foreign minister is the British foreign minister.
        demonym = next(
            (t.text for t in self.doc[m.start : m.end] if self.gaz.demonym(t.text) == country), None
        )
        state = self.gaz.countries.get(country)
        demonym = demonym or (state.demonyms[0] if state is not None and state.demonyms else None)
        label = f"{demonym} {office}" if demonym and office else _strip_det(m.surface)
        return self.new_actor(
            f"{country} counterpart",
            type=ActorType.PERSON,
            name=label,
            country=country,
            offices=[office] if office else [],
            unnamed=True,
        )

    def possessor_actor(self, m: Mention) -> ActorDraft | None:
        if m.possessor is None:
            return None
        tok = self.doc[m.possessor]
        for prev in reversed(self.history):
            if prev.covers(tok.i) and prev.actor:
                return self.actors[prev.actor]
        if tok.lower_ in {"his", "her"}:
            return self.recent_person(tok.i, subject_first=True, gender=POSSESSIVE_GENDER.get(tok.lower_))
        return None

    # --- pronouns and groups ---------------------------------------------------------------------
    def quoted(self, i: int) -> bool:
        """Whether token ``i`` is inside a direct quotation (cached: pronouns ask about every mention)."""
        if i not in self._quoted:
            at = self.doc[i].idx
            self._quoted[i] = any(start <= at < end for start, end, _ in self.quotes)
        return self._quoted[i]

    def speaker_at(self, m: Mention) -> str | None:
        at = self.doc[m.start].idx
        return next((speaker for start, end, speaker in self.quotes if start <= at < end), None)

    def quoted_first_person(self, pronouns: list[Mention]) -> None:
        """Outside transcripts: "I" in a quotation is its speaker, "we" the speaker's pair named last."""
        for m in pronouns:
            speaker = self.speaker_at(m)
            if speaker is None:
                continue
            if m.kind is MentionKind.WE:
                pairs = [
                    a
                    for a in self.actors.values()
                    if a.members
                    and speaker in a.members
                    and any(h.actor == a.id and h.start < m.start for h in self.history)
                ]
                partner = None if pairs else self.coordinated_partner(speaker, m.start)
                if partner is not None:
                    group = ActorDraft(
                        id=f"{speaker}+{partner}",
                        type=ActorType.PERSON,
                        name=m.surface,
                        members=(speaker, partner),
                    )
                    pairs = [self.actors.setdefault(group.id, group)]
                m.actor = pairs[-1].id if pairs else speaker
            else:
                m.actor = speaker

    def coordinated_partner(self, speaker: str, before: int) -> str | None:
        """ "Meloni says she and Macron have agreed ...": the person just coordinated with the speaker."""
        horizon = self.doc[before].sent.start
        for _ in range(2):  # the sentence of "we" and the two before it
            horizon = self.doc[horizon - 1].sent.start if horizon > 0 else 0
        for h in reversed(self.history):
            if h.start >= before or h.actor is None or h.start < horizon:
                continue
            head = self.doc[h.head]
            linked = [c for c in head.children if c.dep_ == "conj"] + (
                [head.head] if head.dep_ == "conj" else []
            )
            for other in self.history:
                if other.actor in {None, h.actor} or not any(other.covers(t.i) for t in linked):
                    continue
                if speaker in {h.actor, other.actor} and self.actors[other.actor].type is ActorType.PERSON:
                    partner = other.actor if h.actor == speaker else h.actor
                    if self.actors[partner].type is ActorType.PERSON and not self.actors[partner].members:
                        return partner
        return None

    def recent_person(
        self, before: int, *, subject_first: bool, gender: str | None = None, exclude: str | None = None
    ) -> ActorDraft | None:
        sent_start = self.doc[before].sent.start
        outside = not self.quoted(before)
        candidates = [
            h
            for h in self.history
            if h.start < before
            # "..., which the president wants to continue," she said: she is not someone she quotes herself on
            and not (outside and self.quoted(h.start))
            and h.actor
            and h.actor != exclude
            and self.actors[h.actor].type is ActorType.PERSON
            and not self.actors[h.actor].members
            and self.actors[h.actor].gender in {None, gender}
        ]
        if not candidates:
            return None
        if subject_first:
            # Prefer the subject of the current sentence, then of the sentence before.
            for h in reversed(candidates):
                if h.start < sent_start - 200:
                    break
                if self.doc[h.head].dep_ in {"nsubj", "nsubjpass"}:
                    return self.actors[h.actor]  # type: ignore[index]
        return self.actors[candidates[-1].actor]  # type: ignore[index]

    def group(self, m: Mention) -> ActorDraft | None:
        """ "The two leaders": the two persons named last; "the two countries": the two states named last;
        "the three leaders": three."""
        wanted = (
            ActorType.COUNTRY
            if re.search(r"countr|nation|states|governments", m.surface, re.I)
            else ActorType.PERSON
        )
        # "the two sides", "both sides": the two parties named last, persons, states or bodies alike
        sides = re.search(r"\bsides\b", m.surface, re.I) is not None
        kinds = {ActorType.PERSON, ActorType.COUNTRY, ActorType.ORGANIZATION} if sides else {wanted}
        seen: list[str] = []
        count = (
            3
            if re.search(r"\bthree\b", m.surface, re.I)
            else 4
            if re.search(r"\bfour\b", m.surface, re.I)
            else 2
        )
        # States are named in passing ("for the G20 summit in Brazil"): only look back two sentences for them.
        horizon = self.doc[m.start].sent.start
        if (wanted is ActorType.COUNTRY or sides) and horizon > 0:
            horizon = self.doc[horizon - 1].sent.start
        for h in reversed(self.history):
            if (wanted is ActorType.COUNTRY or sides) and h.start < horizon:
                break
            if sides and h.kind is MentionKind.COUNTRY and _a_place(self.doc[h.head]):
                continue  # "talks in Cairo": the place, not a side
            if h.actor and self.actors[h.actor].type in kinds and h.actor not in seen:
                if self.actors[h.actor].members or self.owner_of_a_thing(h):
                    continue
                seen.append(h.actor)
            if len(seen) == count:
                break
        if len(seen) < count:
            return None
        members = tuple(reversed(seen))
        kind = self.actors[seen[0]].type if sides else wanted
        return ActorDraft(id="+".join(members), type=kind, name=m.surface, members=members)

    def owner_of_a_thing(self, m: Mention) -> bool:
        """ "Putin's invasion", "Xi's policies": a person named only as the owner of a thing (not of a
        contact, a person or an office) is talked about, not one of "the leaders" who talk."""
        tok = self.doc[m.head]
        if tok.dep_ != "poss" or any(o.start <= tok.head.i < o.end for o in self.all_mentions):
            return False
        owned = tok.head
        lex = load_lexicon()
        return owned.pos_ == "NOUN" and not (
            owned.lower_ in lex.nouns
            or owned.lemma_.lower() in lex.nouns
            or owned.lemma_.lower() in lex.people_nouns
            or owned.lower_ in lex.office_words
        )

    def sent_there(self, m: Mention) -> ActorDraft | None:
        """ "Biden sent his envoy X to Beirut, where he met Y": "he" in a where-clause on the place a person
        was sent to is the one sent, not the sender."""
        tok = self.doc[m.head]
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
            return None
        place = verb.head
        if place.dep_ != "pobj" or place.head.lower_ not in {"to", "for"}:
            return None
        sender = place.head.head
        for obj in (c for c in sender.children if c.dep_ == "dobj"):
            sent = next((h for h in self.history if h.start <= obj.i < h.end and h.actor), None)
            if (
                sent is not None
                and sent.actor is not None
                and self.actors[sent.actor].type is ActorType.PERSON
            ):
                return self.actors[sent.actor]
        return None

    def cataphora(self, mentions: list[Mention]) -> None:
        """ "In the Gulf he will meet ... The Foreign Secretary is seeking ...", "Before she left, President
        X met Y": a "he" or "she" with nobody named before it points forward, to the first person who is the
        subject of a clause within its sentence or the next two."""
        for m in mentions:
            if (
                m.kind is not MentionKind.PRONOUN
                or m.actor is not None
                or self.doc[m.start].lower_
                not in {
                    "he",
                    "she",
                    "his",
                    "her",
                }
            ):
                continue
            if any(
                h.start < m.start and h.actor and self.actors[h.actor].type is ActorType.PERSON
                for h in self.history
            ):
                continue  # somebody was named before: the pronoun's antecedent is not ahead of it
            sent = self.doc[m.start].sent
            horizon = sent.end
            for _ in range(2):
                if horizon < len(self.doc):
                    horizon = self.doc[horizon].sent.end
            ahead = (
                o
                for o in mentions
                if m.end <= o.start < horizon
                and o.actor
                and o.kind in {MentionKind.NAME, MentionKind.ROLE}
                and self.actors[o.actor].type is ActorType.PERSON
                and _subject(self.doc[o.head])
            )
            first = next((o.actor for o in ahead if o.actor), None)
            if first is not None and not _gender_differs(m.gender, self.actors[first].gender):
                m.actor = first
                self.actors[first].gender = self.actors[first].gender or m.gender

    def dialogue(self, pronouns: list[Mention], mentions: list[Mention]) -> None:
        """First and second person inside transcript turns: I = the speaker, you = the addressee."""
        labels = speaker_labels(self.doc, mentions)
        if not labels:
            self.speech(pronouns, mentions)
            return
        fallback = self.headline_person(labels)
        # "we're joined by X, who will talk with us": in a press briefing "we" is the room, not a side; in a
        # joint one, its speakers
        lex = load_lexicon()
        heading = set(re.findall(r"[\w-]+", self.doc.text[: labels[0][0]].lower()))
        briefing = bool(heading & lex.briefing_titles) and not heading & lex.words.joint_words
        for m in pronouns:
            turn = turn_at(labels, self.doc[m.start].idx)
            if turn is None:
                continue
            speaker, addressee = turn
            if briefing and m.kind is MentionKind.WE:
                continue
            addressee = addressee or (fallback if fallback != speaker else None)
            if m.kind is MentionKind.FIRST:
                m.actor = speaker
            elif m.kind is MentionKind.SECOND and addressee:
                m.actor = addressee
            elif m.kind is MentionKind.WE and addressee:
                group = ActorDraft(
                    id=f"{speaker}+{addressee}",
                    type=ActorType.PERSON,
                    name=m.surface,
                    members=(speaker, addressee),
                )
                self.actors.setdefault(group.id, group)
                m.actor = group.id

    def speech(self, pronouns: list[Mention], mentions: list[Mention]) -> None:
        """A page of one person's remarks, named in its headline: "I" outside quotations is that person."""
        speaker = headline_speaker(self.doc, mentions)
        if speaker is None:
            return
        for m in pronouns:
            if m.kind is MentionKind.FIRST and not self.quoted(m.start):
                m.actor = speaker

    def headline_person(self, labels: list[tuple[int, str | None]]) -> str | None:
        """The person named before the first speaker label who is not the first speaker (the guest)."""
        first_speaker = next((a for _, a in labels if a is not None), None)
        for m in self.history:
            if self.doc[m.start].idx >= labels[0][0]:
                break
            actor = self.actors.get(m.actor or "")
            if (
                actor is not None
                and actor.type is ActorType.PERSON
                and not actor.members
                and actor.id != first_speaker
            ):
                return actor.id
        others = [a for _, a in labels if a is not None and a != first_speaker]
        return others[0] if others else None

    def resolve(self, m: Mention) -> None:
        actor: ActorDraft | None
        if m.kind in {MentionKind.NAME, MentionKind.COUNTRY, MentionKind.ORG}:
            actor = self.name(m)
        elif m.kind is MentionKind.ROLE:
            actor = self.role(m)
        elif m.kind is MentionKind.PRONOUN:
            subject = self.doc[m.head].dep_ in {"nsubj", "nsubjpass"}
            speaker = self.speaker_at(m)  # in a quotation, "she" is not the one speaking
            actor = self.sent_there(m) or self.recent_person(
                m.start, subject_first=subject, gender=m.gender, exclude=speaker
            )
            if actor is not None:
                m.actor = actor.id
                actor.gender = actor.gender or m.gender  # "she" tells us who is a woman
                self.history.append(m)
            return
        else:
            actor = self.group(m)
            if actor is not None:
                self.actors.setdefault(actor.id, actor)
                m.actor = actor.id
                self.history.append(m)  # so that a later quoted "we" can be this pair
            return
        if actor is not None:
            actor.add(m)
            self.history.append(m)


# Words that make an office another one: a prime minister is no "minister", a vice president no "president".
_RANKS = frozenset({"prime", "vice", "deputy", "assistant", "under", "first", "acting", "junior", "chief"})


def _subject(tok: Token) -> bool:
    """A clause's subject, or a name in apposition to it ("The Foreign Secretary, Jane Roe, is ...")."""
    return tok.dep_ in {"nsubj", "nsubjpass"} or (
        tok.dep_ == "appos" and tok.head.dep_ in {"nsubj", "nsubjpass"}
    )


def _gender_differs(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def _bare_fits(office: str | None, actor: ActorDraft) -> bool:
    """Whether a bare title ("the Minister", "the Secretary") fits an actor: an office or a title the actor
    was given is that office or a longer one it heads ("foreign minister", "Secretary of State"), but not a
    higher or lower rank of it ("Prime Minister", "Deputy Secretary of State")."""
    if office is None:
        return False
    return any(_heads(office, h) for h in actor.offices) or any(_heads(office, t) for t in actor.titles)


def _ranked(m: Mention) -> bool:
    """Whether a rank word sits right before the office word of the role's own title: "the Permanent
    Under-Secretary" or "a Deputy Minister" is not the Secretary or the Minister."""
    words = re.split(r"[\s\-\u2010-\u2014]+", (m.title or m.surface).lower())
    office = (m.office or "").split()
    return any(words[i : i + len(office)] == office and words[i - 1] in _RANKS for i in range(1, len(words)))


def _heads(office: str, title: str) -> bool:
    """Whether ``office`` is the head word of ``title``: the whole of it, its last word or the word before
    its of-phrase, without a rank word before it."""
    words, bare = title.split(), office.split()
    for i in range(len(words) - len(bare) + 1):
        after = words[i + len(bare) : i + len(bare) + 1]
        if words[i : i + len(bare)] == bare and after in ([], ["of"]):
            return i == 0 or words[i - 1] not in _RANKS
    return False


def _same_office(office: str | None, held: list[str]) -> bool:
    """Whether a role's office fits the offices an actor holds: the same, or a more specific one ending with
    it ("spokesperson" and "presidential spokesperson"; not for a word many offices share, "minister")."""
    vocabulary = load_offices()
    if office in held:
        return True
    if (
        office is not None
        and office not in vocabulary.shared_words
        and any(h.endswith(f" {office}") for h in held)
    ):
        return True
    if office in vocabulary.generic and held:
        # who is sent to talk for a state is never its head of state or government ("Norway's negotiator"
        # is not its king), where "the U.S. diplomat" or "official" may be any office holder
        return not (office in vocabulary.sent and all(h in vocabulary.leaders for h in held))
    return office == "leader" and (not held or any(h in vocabulary.leaders for h in held))


def _same_person(words: list[str], known: list[str]) -> bool:
    """Whether a name can refer to a person already named: "Putin" or "Vladimir Putin" for "Vladimir
    Putin", "Sergei Lavrov" for "Sergey Lavrov"; but not "Kim Yo Jong" for "Kim Jong Un"."""
    if not words or not known:
        return False
    if len(words) == 1 or len(known) == 1:
        # "Hamad" is not "Khalid bin Hamad": a word after "bin"/"ibn" names the father, not the person
        single, full = (words, known) if len(words) == 1 else (known, words)
        return _own_name_word(single[0], full)
    if set(words) <= set(known) or set(known) <= set(words):
        return True
    return words[-1] == known[-1] and _same_given(words[0], known[0])


def _a_place(tok: Token) -> bool:
    """Whether a state's name is where something happens ("in Cairo", "to Kyiv"), not who takes part."""
    return tok.dep_ == "pobj" and tok.head.lower_ in {"in", "at", "to", "from", "into", "near"}


def _misspelled(words: list[str], known: list[str]) -> bool:
    """Whether a name is a person already named, with one letter of the surname left out, added, changed or
    swapped with the next ("Fassi-Firhi" for "Taieb Fassi-Fihri", "Zelenski" for "Zelensky"); the other words
    of the shorter name are words of the longer one, or its given name spelled another way. A surname ending
    in "a" is not one ending otherwise: "Kaczynska" is not "Kaczynski"."""
    if not words or not known:
        return False
    a, b = words[-1], known[-1]
    if a == b or min(len(a), len(b)) < 5 or (a[-1] == "a") != (b[-1] == "a"):
        return False
    if not _one_slip(a, b):
        return False
    short, full = (words, known) if len(words) <= len(known) else (known, words)
    rest = full[:-1]
    return all(w in rest or (k == 0 and rest and _same_given(w, rest[0])) for k, w in enumerate(short[:-1]))


def _one_slip(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter left out, added or changed, or two neighbours swapped."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(longer[:k] + longer[k + 1 :] == shorter for k in range(len(longer)))


_PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben"})


def _own_name_word(word: str, name: list[str]) -> bool:
    """Whether ``word`` is in ``name`` other than as a father's name after "bin"/"ibn"."""
    cut = next((k for k, w in enumerate(name) if w in _PATRONYMIC), len(name))
    return word in name[:cut] or (word == name[-1] and cut == len(name))


def _same_given(a: str, b: str) -> bool:
    """Two spellings of one given name (Sergei/Sergey, Mohammad/Mohammed), or an initial."""
    import difflib

    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a[0] == b[0] and difflib.SequenceMatcher(None, a, b).ratio() >= 0.7


def _strip_det(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)


class Resolution(NamedTuple):
    """What coreference decides: the actors by id, and copies of the mentions with ``actor`` filled in."""

    actors: dict[str, ActorDraft]
    mentions: list[Mention]


def resolve_mentions(
    doc: Doc,
    mentions: Sequence[Mention],
    gaz: Gazetteer,
    published: dt.date | None,
    quotes: Sequence[tuple[int, int, str]] = (),
    publisher: Publisher | None = None,
) -> Resolution:
    """The actors of the article and its mentions resolved to them; ``mentions`` are left as they were.

    ``quotes`` (character start, end, speaker id) make a second pass quotation-aware: inside a quotation
    "I" is its speaker, "we" the speaker's pair named last, and "he"/"she" somebody other than the speaker.
    """
    # Copies: resolving writes each mention's actor (and may turn a role into its state), and the caller
    # resolves the same mentions again once it knows the quotations.
    mentions = [replace(m, actor=None, extra_tokens=list(m.extra_tokens)) for m in mentions]
    resolver = _Resolver(doc, gaz, published, quotes, publisher)
    resolver.all_mentions = mentions
    speech = {MentionKind.FIRST, MentionKind.SECOND, MentionKind.WE}
    for m in mentions:
        if m.kind not in speech:
            resolver.resolve(m)
    resolver.cataphora(mentions)
    resolver.dialogue([m for m in mentions if m.kind in speech], mentions)
    resolver.quoted_first_person(
        [m for m in mentions if m.kind in {MentionKind.FIRST, MentionKind.WE} and m.actor is None]
    )
    _name_the_envoys(resolver.actors)
    _name_the_holders(resolver.actors, mentions)
    return Resolution(resolver.actors, mentions)


def _name_the_holders(actors: dict[str, ActorDraft], mentions: list[Mention]) -> None:
    """ "met the President of Tanzania" and later "the Tanzanian President Jakaya Kikwete": one person.

    An unnamed holder of an office of a state (the gazetteer knew no holder then) is the article's only named
    person of that state, or of no state said, who holds the same office, when there is exactly one."""
    generic = load_offices().generic
    for actor in list(actors.values()):
        if not actor.unnamed or actor.members or not actor.offices or actor.country is None:
            continue
        offices = set(actor.offices) - generic
        named = [
            a
            for a in actors.values()
            if a.type is ActorType.PERSON
            and not a.unnamed
            and not a.members
            and a.country in {actor.country, None}  # "Prime Minister Feleti Teo", his state unsaid
            and offices & set(a.offices)
        ]
        if len(named) != 1:
            continue
        named[0].country = named[0].country or actor.country
        for m in actor.mentions:
            named[0].add(m)
        for m in mentions:
            if m.actor == actor.id:
                m.actor = named[0].id  # pronouns resolved to the unnamed holder
        for group in actors.values():
            if actor.id in group.members:
                group.members = tuple(named[0].id if a == actor.id else a for a in group.members)
        del actors[actor.id]


def _name_the_envoys(actors: dict[str, ActorDraft]) -> None:
    """ "Switzerland's chief peace envoy has held talks ..." and later "Bern's ... Anna Keller": one person.

    An unnamed envoy, negotiator or representative of a state is the article's only named person of that
    state, when there is exactly one; an office like "president" is never guessed this way.
    """
    vocabulary = load_offices()
    for actor in list(actors.values()):
        if not actor.unnamed or actor.members or not actor.offices or actor.country is None:
            continue
        if not set(actor.offices) <= vocabulary.generic:
            continue
        named = [
            a
            for a in actors.values()
            if a.type is ActorType.PERSON
            and not a.unnamed
            and not a.members
            and a.country == actor.country
            and not (
                a.offices and all(o in vocabulary.leaders for o in a.offices)
            )  # a head of state is sent by no one
        ]
        if len(named) != 1:
            continue
        for m in actor.mentions:
            named[0].add(m)
        del actors[actor.id]
