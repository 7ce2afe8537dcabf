"""Word lists of diplomatic language, loaded once from ``data/lexicon/*.yaml``.

Lexicons are data: adding a contact verb or an office is an edit to a YAML file, not to code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphkit.errors import GraphkitError

__all__ = ["LEXICON_DIR", "Lexicon", "load_lexicon"]

LEXICON_DIR = Path(__file__).resolve().parents[1] / "data" / "lexicon"


@dataclass(frozen=True)
class Lexicon:
    """Contact, title and speech vocabularies (all lower case)."""

    verbs: dict[str, str]
    travel_verbs: frozenset[str]
    nouns: dict[str, str]
    phone_words: frozenset[str]
    object_control_verbs: frozenset[str]
    non_actors: frozenset[str]
    people_nouns: frozenset[str]
    onlooker_verbs: frozenset[str]
    place_nouns: frozenset[str]
    news_agencies: frozenset[str]
    status: dict[str, frozenset[str]]
    offices: dict[str, str]
    honorifics: frozenset[str]
    group_anaphora: tuple[str, ...]
    nicknames: dict[str, tuple[str, ...]]
    reporting_verbs: frozenset[str]
    attribution_phrases: tuple[str, ...]
    directive_verbs: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()

    @property
    def office_words(self) -> frozenset[str]:
        """Every single word that occurs in an office title ("minister", "foreign", "state")."""
        return frozenset(w for title in self.offices for w in title.split())


def _read(directory: Path, name: str) -> dict[str, Any]:
    import yaml

    path = directory / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise GraphkitError(f"cannot read lexicon {path}: {err}") from err
    if not isinstance(data, dict):
        raise GraphkitError(f"lexicon {path} must be a mapping at the top level")
    return data


def inflected(lemmas: list[str]) -> frozenset[str]:
    """Lemmas with their regular English inflections, so a lemmatizer slip ("hoped" -> "hop") still matches.

    >>> sorted(inflected(["hope", "agree"]))
    ['agree', 'agreed', 'agreeing', 'agrees', 'hope', 'hoped', 'hopes', 'hoping']
    """
    forms: set[str] = set()
    for lemma in lemmas:
        stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
        forms |= {lemma, lemma + "s", stem + "ed", stem + "ing"}
        if len(lemma) <= 4 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou":
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # plan -> planned
    return frozenset(
        forms - {lemma + "ed" for lemma in lemmas if lemma.endswith("ee")}
        | {lemma + "d" for lemma in lemmas if lemma.endswith("ee")}
    )


@functools.lru_cache(maxsize=2)
def load_lexicon(directory: Path = LEXICON_DIR) -> Lexicon:
    """Load the lexicons from ``directory`` (cached per directory)."""
    contacts = _read(directory, "contacts.yaml")
    titles = _read(directory, "titles.yaml")
    speech = _read(directory, "speech.yaml")
    return Lexicon(
        verbs=dict(contacts["verbs"]),
        travel_verbs=frozenset(contacts["travel_verbs"]),
        nouns=dict(contacts["nouns"]),
        phone_words=frozenset(contacts["phone_words"]),
        object_control_verbs=frozenset(contacts["object_control_verbs"]),
        non_actors=frozenset(contacts["non_actors"]),
        people_nouns=frozenset(contacts["people_nouns"]),
        onlooker_verbs=inflected(contacts["onlooker_verbs"]),
        place_nouns=frozenset(contacts["place_nouns"]),
        news_agencies=frozenset(contacts["news_agencies"]),
        status={key: inflected(values) for key, values in contacts["status"].items()},
        offices=dict(titles["offices"]),
        honorifics=frozenset(titles["honorifics"]),
        group_anaphora=tuple(titles["group_anaphora"]),
        nicknames={short: tuple(full) for short, full in titles.get("nicknames", {}).items()},
        reporting_verbs=frozenset(speech["reporting_verbs"]),
        attribution_phrases=tuple(speech["attribution_phrases"]),
        directive_verbs=frozenset(speech.get("directive_verbs", [])),
        document_nouns=frozenset(speech.get("document_nouns", [])),
    )
