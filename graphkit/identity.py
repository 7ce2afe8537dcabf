"""Which actors of different articles are one actor: the one rule the network, the view and RDF share.

An actor with a Wikidata item is that item. An unnamed actor ("Macron's adviser") is described, not named, so
it stays the actor of its article. Any other person is its normalized name ("Sergueï Lavrov" and "Serguei
Lavrov" are one): a person's country is often left unsaid, so it does not split a person in two. A state or
a body is its type, country and normalized name, because bodies of different states share names ("the
Ministry of Foreign Affairs"). The rule looks at one actor at a time, so a store that grows article by
article and a network built from all articles at once agree.

    >>> from graphkit.models import Actor, ActorType
    >>> actor_key(Actor(id="a1", name="Vladimir Putin", type=ActorType.PERSON, country="RUS"), "d001")
    'person:vladimir putin'
    >>> actor_key(Actor(id="a2", name="Foreign Ministry", type=ActorType.ORGANIZATION, country="RUS"), "d001")
    'organization:RUS:foreign ministry'
"""

from __future__ import annotations

from dataclasses import dataclass

from graphkit.gazetteer import normalize_key
from graphkit.models import Actor, ActorType

__all__ = ["ActorIdentity", "actor_identity", "actor_key"]

#: The scope of a state or body that belongs to no state.
INTERNATIONAL = "int"


@dataclass(frozen=True, slots=True)
class ActorIdentity:
    """What makes actors of different articles one actor; exactly one of three forms is set.

    ``wikidata``: the Wikidata item. ``article`` and ``local_id``: an unnamed actor of one article.
    ``type``, ``scope`` and ``name``: a named actor without an item; ``scope`` is the country code (or
    ``"int"``) of a state or body and None for a person; ``name`` is normalized (:func:`normalize_key`).
    """

    wikidata: str | None = None
    article: str | None = None
    local_id: str | None = None
    type: ActorType | None = None
    scope: str | None = None
    name: str | None = None

    def key(self) -> str:
        """A string for the identity, a NetworkX node id: "Q7747", "d001/adv", "person:vladimir putin"."""
        if self.wikidata is not None:
            return self.wikidata
        if self.article is not None:
            return f"{self.article}/{self.local_id}"
        return ":".join(self.name_parts())

    def name_parts(self) -> list[str]:
        """Type, scope (if any) and name of a named actor without an item; empty for the other two forms."""
        if self.type is None:
            return []
        return [self.type.value, *([self.scope] if self.scope is not None else []), self.name or ""]


def actor_identity(actor: Actor, article_id: str) -> ActorIdentity:
    """The identity of ``actor`` as extracted from the article ``article_id`` (see the module's rule)."""
    if actor.wikidata is not None:
        return ActorIdentity(wikidata=actor.wikidata)
    if actor.unnamed:
        return ActorIdentity(article=article_id, local_id=actor.id)
    scope = None if actor.type is ActorType.PERSON else actor.country or INTERNATIONAL
    return ActorIdentity(type=actor.type, scope=scope, name=normalize_key(actor.name) or actor.name)


def actor_key(actor: Actor, article_id: str) -> str:
    """The identity of ``actor`` as a string (:meth:`ActorIdentity.key`): a node id shared across articles."""
    return actor_identity(actor, article_id).key()
