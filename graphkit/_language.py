"""Which language an article is in, as far as graphkit needs to know: English, or which other.

The extractor's rules and lexicons are English, so an article in another language yields no contacts; this
says so instead of returning nothing. Two signals, both cheap and conservative:

- the script: an article whose letters are mostly not Latin (Cyrillic, Arabic, CJK, ...) is not English;
- function words (``data/languages/function_words.yaml``): an article in Latin script is English unless at
  least :data:`MIN_WORDS` words are read, under :data:`ENGLISH_SHARE` of them are English function words, and
  another language's function words make up at least :data:`OTHER_SHARE` of them.

A short or mixed text is taken as English: skipping an English article would lose data, extracting a
foreign one only costs time.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

from graphkit.errors import InputError

__all__ = ["FUNCTION_WORDS", "foreign_language", "function_words"]

FUNCTION_WORDS = Path(__file__).resolve().parents[1] / "data" / "languages" / "function_words.yaml"

#: Fewer words than this say nothing reliable about the language.
MIN_WORDS = 40
#: A text with at least this share of English function words is English.
ENGLISH_SHARE = 0.10
#: Another language is named only when its function words make up at least this share.
OTHER_SHARE = 0.15
#: Letters of a script other than Latin beyond this share make the text not English.
OTHER_SCRIPT_SHARE = 0.5

_WORD = re.compile(r"[^\W\d_]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


@functools.cache
def function_words() -> dict[str, frozenset[str]]:
    """The function words of each language in :data:`FUNCTION_WORDS`, lower case."""
    data = yaml.safe_load(FUNCTION_WORDS.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "en" not in data:
        raise InputError("expected a mapping of language codes to word lists, with 'en'", str(FUNCTION_WORDS))
    return {str(code): frozenset(str(w).lower() for w in words) for code, words in data.items()}


def foreign_language(text: str) -> str | None:
    """None when ``text`` is (or may be) English, else a description of the language it is in.

    >>> foreign_language("The ministers met in Paris on Tuesday.") is None
    True
    >>> foreign_language("Министр иностранных дел встретился с коллегой в Москве.")
    'Cyrillic script'
    """
    script = _main_script(text)
    if script is not None:
        return f"{script if script == 'CJK' else script.title()} script"
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    vocabularies = function_words()
    # English first: most articles are, and then the other languages need not be counted.
    if sum(w in vocabularies["en"] for w in words) / len(words) >= ENGLISH_SHARE:
        return None
    shares = {
        code: sum(w in vocabulary for w in words) / len(words)
        for code, vocabulary in vocabularies.items()
        if code != "en"
    }
    code, share = max(shares.items(), key=lambda item: item[1])
    return (
        f"'{code}' ({share:.0%} of its words are '{code}' function words)" if share >= OTHER_SHARE else None
    )


def _main_script(text: str) -> str | None:
    """The script of most letters when it is not Latin, else None."""
    # Every ASCII letter is Latin: only the others are looked up one by one (the main process of a run with
    # --jobs does this for every article while the workers wait for it).
    scripts = Counter(_script(ch) for ch in _NOT_ASCII.findall(text) if ch.isalpha())
    latin = len(_ASCII_LETTER.findall(text))
    if latin:
        scripts["LATIN"] += latin  # (on a tie between scripts the answer is None whichever comes first)
    letters = sum(scripts.values())
    if not letters:
        return None
    script, count = scripts.most_common(1)[0]
    return script if script != "LATIN" and count / letters > OTHER_SCRIPT_SHARE else None


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0]
    return "CJK" if first in ("CJK", "HIRAGANA", "KATAKANA") else first or "UNKNOWN"
