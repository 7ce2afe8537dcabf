"""Levels: the level a sentence gives a contact ("technical-level talks", "dialogue at the highest level")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graphkit.models import ContactLevel

if TYPE_CHECKING:
    from graphkit.lexicon import Lexicon


LEVEL = re.compile(
    r"\b(?:at (?:the )?(?P<at>[a-z-]+(?: minister)?) levels?|(?P<adj>[a-z-]+(?: minister)?)[- ]level)\b", re.I
)


def level_in(sentence: str, lex: Lexicon) -> ContactLevel | None:
    """The level a sentence gives: "technical-level contacts", "dialogue at the highest level" (the words are
    ``levels`` in data/lexicon/contacts.yaml)."""
    for match in LEVEL.finditer(sentence):
        word = (match.group("at") or match.group("adj")).lower()
        if word in lex.levels:
            return lex.levels[word]
    return None
