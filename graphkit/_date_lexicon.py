"""The date word lists of ``data/lexicon/dates.yaml``, read once and checked."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphkit.errors import InputError
from graphkit.lexicon import LEXICON_DIR

__all__ = ["DATE_LEXICON", "DateLexicon", "date_lexicon", "load_date_lexicon"]

DATE_LEXICON = LEXICON_DIR / "dates.yaml"


@dataclass(frozen=True)
class DateLexicon:
    """The date words of ``data/lexicon/dates.yaml``, lower case (see the comments in that file)."""

    weekdays: Mapping[str, int]
    months: Mapping[str, int]
    month_abbreviations: Mapping[str, int]
    ambiguous_months: frozenset[str]
    month_cues: frozenset[str]
    year_cues: frozenset[str]
    ordinal_cues: frozenset[str]
    ordinal_followers: frozenset[str]
    number_words: Mapping[str, int]
    parts_of_day: tuple[str, ...]
    seasons: Mapping[str, int]
    relative_days: Mapping[str, int]
    anaphoric_days: frozenset[str]
    relative_periods: Mapping[str, int]
    period_modifiers: tuple[str, ...]
    weekday_modifiers: tuple[str, ...]
    vague_phrases: tuple[str, ...]
    vague_quantities: tuple[str, ...]
    vague_words: frozenset[str]
    not_dates: tuple[str, ...]


# how each list of the YAML file is kept; the other lists become tuples
_MAPPINGS = frozenset(
    {
        "weekdays",
        "months",
        "month_abbreviations",
        "number_words",
        "relative_days",
        "relative_periods",
        "seasons",
    }
)
_SETS = frozenset(
    {
        "ambiguous_months",
        "month_cues",
        "year_cues",
        "ordinal_cues",
        "ordinal_followers",
        "vague_words",
        "anaphoric_days",
    }
)


@functools.lru_cache(maxsize=2)
def load_date_lexicon(path: Path = DATE_LEXICON) -> DateLexicon:
    """Read the date word lists (cached per path).

    Raises:
        InputError: the file is missing, is not YAML, lacks a list or holds a non-text word (YAML reads a
            bare ``on`` or ``no`` as a boolean: quote it).
    """
    import yaml

    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise InputError(f"cannot read the date lexicon: {err}", source=str(path)) from err
    if not isinstance(raw, dict):
        raise InputError("the date lexicon must be a mapping of list names to lists", source=str(path))
    return DateLexicon(**{f.name: _lexicon_field(raw, f.name, path) for f in dataclasses.fields(DateLexicon)})


def _lexicon_field(raw: dict[str, Any], name: str, path: Path) -> Any:
    if name not in raw:
        raise InputError(f"the date lexicon has no list {name!r}", source=str(path))
    values = raw[name]
    keys = list(values) if isinstance(values, dict | list) else [values]
    bad = [k for k in keys if not isinstance(k, str)]
    if bad:
        raise InputError(f"{name} holds non-text entries {bad!r}; quote them in YAML", source=str(path))
    if name in _MAPPINGS:
        if not isinstance(values, dict) or not all(type(v) is int for v in values.values()):
            raise InputError(f"{name} must map words to whole numbers", source=str(path))
        return {k.lower(): v for k, v in values.items()}
    if name == "not_dates":
        return tuple(keys)  # names, matched with their capitals
    words = [k.lower() for k in keys]
    return frozenset(words) if name in _SETS else tuple(words)


def date_lexicon() -> DateLexicon:
    """The lexicon that ships with graphkit."""
    return load_date_lexicon(DATE_LEXICON)
