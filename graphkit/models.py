"""Domain models: the contract between every stage of graphkit.

Article -> Extraction (actors, contacts, statements) -> RDF / networks / views. All models are frozen
pydantic v2 models with ``extra="forbid"``; stages return new models and never mutate their input.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Self

from pydantic import Field, StringConstraints, field_validator, model_validator

from graphkit._model import FrozenModel

__all__ = [
    "UNNAMED_MARKER",
    "Actor",
    "ActorType",
    "Article",
    "Contact",
    "ContactKind",
    "ContactLevel",
    "ContactStatus",
    "DateSpan",
    "Evidence",
    "Extraction",
    "Granularity",
    "Participant",
    "Role",
    "Statement",
]

CountryCode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{3}$"),
    Field(description="ISO 3166-1 alpha-3 code, e.g. FRA", examples=["FRA", "RUS"]),
]
QID = Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]*$"), Field(description="Wikidata item id")]
ActorId = Annotated[
    str, StringConstraints(min_length=1), Field(description="Actor id, unique in an extraction")
]


class _Model(FrozenModel):
    # Notebook display (``_repr_html_``) is added by graphkit.display: the contract knows nothing of it.
    pass


class ActorType(str, Enum):
    """What kind of actor: a person, a state, or an organization (governments and ministries included)."""

    PERSON = "person"
    COUNTRY = "country"
    ORGANIZATION = "organization"


class ContactKind(str, Enum):
    """How the actors communicated."""

    MEETING = "meeting"
    CALL = "call"
    VISIT = "visit"
    CORRESPONDENCE = "correspondence"
    CONTACT = "contact"


class ContactStatus(str, Enum):
    """Whether the contact happened, according to the text."""

    OCCURRED = "occurred"
    PLANNED = "planned"
    PROPOSED = "proposed"
    NEGATED = "negated"


class ContactLevel(str, Enum):
    """At what level the sides met or talked: as the text says it, else as the participants' offices show."""

    SUMMIT = "summit"  # heads of state or government, "at the highest level"
    MINISTERIAL = "ministerial"
    DEPUTY = "deputy"  # deputy or vice ministers
    AMBASSADORIAL = "ambassadorial"
    EXPERT = "expert"
    TECHNICAL = "technical"
    WORKING = "working"


class Granularity(str, Enum):
    """Precision of a resolved date span."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Role(str, Enum):
    """A participant's part in a contact, where the text says it."""

    HOST = "host"
    VISITOR = "visitor"
    CALLER = "caller"
    CALLEE = "callee"
    ENVOY = "envoy"
    SENDER = "sender"
    RECIPIENT = "recipient"
    PARTICIPANT = "participant"


class Article(_Model):
    """One news article as read from its source."""

    id: str = Field(
        min_length=1,
        description="Article id; for a file, its name without the suffix (with the subfolders below the "
        "folder given, if any); from standard input, 'stdin-' and a hash of the content",
    )
    url: str | None = Field(default=None, description="Canonical URL of the article")
    title: str | None = None
    published: dt.date | None = Field(default=None, description="Publication date; anchors relative dates")
    outlet: str | None = Field(default=None, description="Publisher, e.g. 'The Moscow Times'")
    language: str = Field(default="en", description="ISO 639-1 language code")
    licence: str | None = None
    text: str = Field(description="Body text; every character offset in an extraction points into it")
    source: str | None = Field(default=None, description="File, URL or '-' the article was read from")
    encoding: str | None = Field(
        default=None,
        description="Character encoding a text file was decoded from when it was not UTF-8 (detected, e.g. "
        "'cp1252' or 'utf_16'); null for UTF-8",
    )


class Evidence(_Model):
    """A span of the article text that states a fact."""

    text: str = Field(description="The text at [start, end) of the article")
    start: int = Field(ge=0, description="Character offset of the first character")
    end: int = Field(ge=0, description="Character offset after the last character")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"evidence end {self.end} is before start {self.start}")
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"evidence text has {len(self.text)} characters but the span {self.start}-{self.end} has "
                f"{self.end - self.start}"
            )
        return self


class DateSpan(_Model):
    """When a contact happened or is planned: an inclusive span of days with its precision."""

    start: dt.date
    end: dt.date
    granularity: Granularity
    expression: str | None = Field(default=None, description="The temporal expression as written")
    anchor: dt.date | None = Field(default=None, description="The date the expression was resolved against")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"date span ends ({self.end}) before it starts ({self.start})")
        return self


#: What a label adds to the name of an unnamed actor (the convention of the corpus records).
UNNAMED_MARKER = " (unnamed)"


class Actor(_Model):
    """A person, state or organization taking part in a contact or speaking."""

    id: ActorId
    name: str = Field(min_length=1, description="Best name: full name, country name or organization name")
    type: ActorType
    country: CountryCode | None = Field(
        default=None, description="Affiliation; null for international bodies"
    )
    offices: tuple[str, ...] = Field(default=(), description="Offices or titles held, as stated in the text")
    aliases: tuple[str, ...] = Field(default=(), description="Surface forms seen in the article")
    wikidata: QID | None = None
    mentions: tuple[Evidence, ...] = Field(default=(), description="Where the actor is mentioned")
    unnamed: bool = Field(
        default=False,
        description="Known only by a role ('his adviser', 'the Belgian foreign minister'): the name "
        "describes the actor and does not identify it, so it is never the same actor as another of that name",
    )

    @property
    def label(self) -> str:
        """The name as shown and as JSON Lines records write it: "Macron's adviser (unnamed)"."""
        return f"{self.name}{UNNAMED_MARKER}" if self.unnamed else self.name

    @staticmethod
    def split_label(label: str) -> tuple[str, bool]:
        """(name, unnamed) of a :attr:`label`: "X (unnamed)" is the unnamed actor described as X."""
        name = label.removesuffix(UNNAMED_MARKER)
        return (name, True) if name != label and name.strip() else (label, False)


class Participant(_Model):
    """An actor's part in one contact."""

    actor: ActorId
    role: Role = Role.PARTICIPANT
    on_behalf_of: ActorId | None = Field(default=None, description="Whom an envoy represents")


class Contact(_Model):
    """One communication event between two or more actors."""

    participants: tuple[Participant, ...] = Field(min_length=2)
    kind: ContactKind
    status: ContactStatus
    date: DateSpan | None = Field(default=None, description="Null when the text gives no time")
    location: str | None = None
    level: ContactLevel | None = Field(
        default=None,
        description="At what level: as the text says ('technical-level contacts', 'talks at the highest "
        "level'), else as the participants' offices show (all heads of state or government: summit)",
    )
    evidence: Evidence = Field(description="The sentence that states the contact")
    mentions: tuple[Evidence, ...] = Field(default=(), description="Further sentences about the same event")

    @field_validator("participants")
    @classmethod
    def _distinct(cls, value: tuple[Participant, ...]) -> tuple[Participant, ...]:
        ids = [p.actor for p in value]
        if len(set(ids)) != len(ids):
            raise ValueError(f"participants repeat an actor: {ids}")
        if len(ids) < 2:
            raise ValueError("a contact needs at least two distinct participants")
        return value

    @property
    def actor_ids(self) -> tuple[str, ...]:
        return tuple(p.actor for p in self.participants)


class Statement(_Model):
    """Something an actor said: a direct quotation or reported speech."""

    speaker: ActorId
    text: str = Field(min_length=1)
    direct: bool = Field(description="True for words inside quotation marks")
    date: DateSpan | None = None
    evidence: Evidence


class Extraction(_Model):
    """Everything extracted from one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    contacts: tuple[Contact, ...] = ()
    statements: tuple[Statement, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        ids = [a.id for a in self.actors]
        if len(set(ids)) != len(ids):
            raise ValueError(f"actor ids repeat: {sorted(i for i in set(ids) if ids.count(i) > 1)}")
        known = set(ids)
        for n, contact in enumerate(self.contacts):
            for p in contact.participants:
                for ref in (p.actor, p.on_behalf_of):
                    if ref is not None and ref not in known:
                        raise ValueError(f"contacts[{n}] names unknown actor {ref!r}")
            for ev in (contact.evidence, *contact.mentions):
                self._check_span(ev, f"contacts[{n}]")
        for n, st in enumerate(self.statements):
            if st.speaker not in known:
                raise ValueError(f"statements[{n}] names unknown speaker {st.speaker!r}")
            self._check_span(st.evidence, f"statements[{n}]")
        for actor in self.actors:
            for ev in actor.mentions:
                self._check_span(ev, f"actor {actor.id!r}")
        return self

    def _check_span(self, ev: Evidence, where: str) -> None:
        found = self.article.text[ev.start : ev.end]
        if found != ev.text:
            raise ValueError(
                f"{where}: evidence {ev.text[:40]!r} does not match the article text at {ev.start}-{ev.end} "
                f"({found[:40]!r})"
            )

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id (KeyError if absent)."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)
