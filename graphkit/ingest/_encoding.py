"""Decoding input bytes: byte-order marks, UTF-8, and a reported guess for legacy encodings."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

from graphkit.errors import InputError
from graphkit.ingest._base import EncodingGuessWarning, Item
from graphkit.models import Article

__all__ = ["bom_encoding", "decode_unicode", "detect_encoding", "with_encoding"]

# byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf_32"),
    (b"\x00\x00\xfe\xff", "utf_32"),
    (b"\xef\xbb\xbf", "utf_8_sig"),
    (b"\xff\xfe", "utf_16"),
    (b"\xfe\xff", "utf_16"),
)
_NAMES = {"utf_8": "UTF-8", "utf_8_sig": "UTF-8", "utf_16": "UTF-16", "utf_32": "UTF-32"}
# Windows-1252 is what most legacy Western news text is in; it wins ties between single-byte guesses
_PREFERRED_LEGACY = "cp1252"


def bom_encoding(data: bytes) -> str | None:
    """The encoding a UTF-16 or UTF-32 byte-order mark announces (None for UTF-8, with or without one)."""
    name = next((name for mark, name in _BOMS if data.startswith(mark)), None)
    return None if name == "utf_8_sig" else name


def decode_unicode(data: bytes, source: str) -> str:
    """JSON text: UTF-8, or UTF-16/32 with a byte-order mark (RFC 8259 allows no other encoding)."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf_8")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise InputError(
            f"not {_NAMES[encoding]} text (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "save it as UTF-8",
            source,
            line,
        ) from err


def detect_encoding(data: bytes, source: str) -> tuple[str, str | None]:
    """Text of any encoding: (the text, the encoding when not UTF-8).

    A byte-order mark decides; else UTF-8 if the bytes are valid UTF-8; else charset-normalizer's guess,
    preferring Windows-1252 among equally good single-byte guesses. The guess is reported in a warning.
    """
    if any(data.startswith(mark) for mark, _ in _BOMS):
        return decode_unicode(data, source), bom_encoding(data)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as err:
        first_bad = err.start
    guess = _guess_encoding(data)
    if guess is None:
        line = data.count(b"\n", 0, first_bad) + 1
        raise InputError(
            f"not text in any encoding graphkit can recognize (byte 0x{data[first_bad]:02x} at offset "
            f"{first_bad} is not UTF-8); save it as UTF-8",
            source,
            line,
        )
    warnings.warn(
        f"{source}: not UTF-8; read as {guess} (detected). If the text looks wrong, save it as UTF-8",
        EncodingGuessWarning,
        stacklevel=4,
    )
    return data.decode(guess), guess


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # only legacy-encoded files need it

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = min(match.chaos for match in matches)
    tied = [match for match in matches if match.chaos == best]
    if any(_PREFERRED_LEGACY in match.could_be_from_charset for match in tied):
        return _PREFERRED_LEGACY
    encoding: str = tied[0].encoding
    return encoding


def with_encoding(items: Iterator[Item], encoding: str | None) -> Iterator[Item]:
    for item in items:
        yield (
            item.model_copy(update={"encoding": encoding}) if encoding and isinstance(item, Article) else item
        )
