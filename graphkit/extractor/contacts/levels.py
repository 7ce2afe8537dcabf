"""Levels: the level a sentence gives a contact ("technical-level talks", "dialogue at the highest level")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graphkit.models import ContactLevel

if TYPE_CHECKING:
    pass


LEVEL_WORDS = {
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


LEVEL = re.compile(
    r"\b(?:at (?:the )?(?P<at>[a-z-]+(?: minister)?) levels?|(?P<adj>[a-z-]+(?: minister)?)[- ]level)\b", re.I
)


def level_in(sentence: str) -> ContactLevel | None:
    """The level a sentence gives: "technical-level contacts", "dialogue at the highest level"."""
    for match in LEVEL.finditer(sentence):
        word = (match.group("at") or match.group("adj")).lower()
        if word in LEVEL_WORDS:
            return ContactLevel(LEVEL_WORDS[word])
    return None
