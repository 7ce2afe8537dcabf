"""Offices and the titles that name them: one vocabulary for mention finder, coreference and gazetteer.

``data/lexicon/offices.yaml`` lists each normalized office (what ``Actor.offices``, the gazetteer's terms of
office, ``publishers.yaml`` and a user's ``--actors`` file say) with the titles news text names it by, and
what the rules need to know of it: whether it heads a state or government, fits any official of a state, is
somebody sent to talk, or is a word many offices share. :class:`OfficeVocabulary` validates the file on load
(a title of two offices is an error naming both); ``schemas/offices.schema.json`` is its JSON Schema.

    >>> vocabulary = load_offices()
    >>> vocabulary.office_of_title("secretary of state"), vocabulary.office_of_title("defence minister")
    ('foreign minister', 'defense minister')
    >>> sorted(vocabulary.leaders)[:3]
    ['chancellor', 'crown prince', 'leader']
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError, model_validator

from graphkit.errors import GraphkitError

__all__ = ["OFFICES_FILE", "Office", "OfficeVocabulary", "load_offices"]

OFFICES_FILE = Path(__file__).resolve().parents[1] / "data" / "lexicon" / "offices.yaml"

#: A lower-case title or office as news text writes it ("minister of foreign affairs", "tánaiste").
Title = Annotated[str, StringConstraints(min_length=1, pattern=r"^[^A-Z]+$", strip_whitespace=True)]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class Office(_Record):
    """One normalized office: its titles and what the rules need to know of it."""

    titles: tuple[Title, ...] = ()
    """Titles the mention finder looks for in text ("foreign minister", "secretary of state"). The office's
    own name need not be among them."""
    aliases: tuple[Title, ...] = ()
    """Further names lookups accept (the gazetteer, ``--actors`` files) but text is not searched for:
    abbreviations ("pm") and names that hold a state or a body ("kremlin spokesman")."""
    leader: bool = False
    """Heads a state or government: "the Russian leader" and "the two leaders" may stand for its holder, and
    contacts among such holders are at summit level."""
    generic: bool = False
    """Fits any official of the state it names ("the U.S. diplomat"); "U.S. and Chinese officials" stand for
    the states."""
    sent: bool = False
    """Somebody a state sends to talk for it ("Norway's negotiator"), never its head of state or
    government."""
    abroad: bool = False
    """Held in another state ("ambassador"): met there, the holder may be of any state, even the visitor's."""
    shared_word: bool = False
    """A word many offices share ("minister", "secretary", "leader"): alone it names none of them, so no
    office holder is looked up for it."""


class OfficeVocabulary(_Record):
    """The contents of ``data/lexicon/offices.yaml``."""

    offices: dict[Title, Office]
    """Normalized office -> its titles and properties. Of two titles found at one place the longest wins,
    then the one listed first."""
    honorifics: tuple[Title, ...] = ()
    """Words before a name that are not part of it, for the gazetteer's name lookups ("mr", "sheikh")."""

    @model_validator(mode="after")
    def _one_office_per_title(self) -> Self:
        seen: dict[str, str] = {}
        for office, entry in self.offices.items():
            for title in (office, *entry.titles, *entry.aliases):
                other = seen.setdefault(title, office)
                if other != office:
                    raise ValueError(f"title {title!r} names two offices: {other!r} and {office!r}")
        return self

    @functools.cached_property
    def titles(self) -> dict[str, str]:
        """Every title searched in text -> its office, in the order of the file."""
        return {title: office for office, entry in self.offices.items() for title in entry.titles}

    @functools.cached_property
    def names(self) -> dict[str, str]:
        """Every name lookups accept for an office (the office itself, its titles, aliases) -> the office."""
        return {
            name: office
            for office, entry in self.offices.items()
            for name in (office, *entry.titles, *entry.aliases)
        }

    def office_of_title(self, title: str) -> str | None:
        """The office a title names, or None."""
        return self.names.get(title)

    def _flagged(self, flag: str) -> frozenset[str]:
        return frozenset(office for office, entry in self.offices.items() if getattr(entry, flag))

    @functools.cached_property
    def leaders(self) -> frozenset[str]:
        """Offices that head a state or government."""
        return self._flagged("leader")

    @functools.cached_property
    def generic(self) -> frozenset[str]:
        """Offices that fit any official of the state they name."""
        return self._flagged("generic")

    @functools.cached_property
    def sent(self) -> frozenset[str]:
        """Offices of somebody a state sends to talk for it."""
        return self._flagged("sent")

    @functools.cached_property
    def abroad(self) -> frozenset[str]:
        """Offices held in another state, and those of whom a state sends or any official: of no place."""
        return self._flagged("abroad") | self.sent | self.generic

    @functools.cached_property
    def shared_words(self) -> frozenset[str]:
        """Offices that are words many offices share, with no holder of their own."""
        return self._flagged("shared_word")


def _read(path: Path) -> Any:
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise GraphkitError(f"cannot read the office vocabulary {path}: {err}") from err


@functools.lru_cache(maxsize=4)
def load_offices(path: Path = OFFICES_FILE) -> OfficeVocabulary:
    """The office vocabulary of ``path`` (cached per path).

    Raises:
        GraphkitError: the file cannot be read or is invalid; the message names the file, each bad entry and
            the reason.
    """
    try:
        return OfficeVocabulary.model_validate(_read(path))
    except ValidationError as err:
        reasons = "; ".join(
            f"{'.'.join(str(part) for part in e['loc']) or '(top level)'}: {e['msg']}" for e in err.errors()
        )
        raise GraphkitError(f"invalid office vocabulary {path}: {reasons}") from err
