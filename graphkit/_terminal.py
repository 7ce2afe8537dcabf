"""Text from articles made safe to print on a terminal."""

from __future__ import annotations

import re

__all__ = ["printable"]

# Escape sequences (CSI "ESC [ ... letter" and OSC "ESC ] ... BEL/ST") go whole, so no stray "[2J" is left.
_ESCAPES = re.compile("\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?")
# Other C0 and C1 control characters, DEL, and the bidirectional overrides that can make a terminal show
# text in another order than it is stored. Newlines stay; tabs become spaces.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` without control characters, so article text cannot move the cursor or recolour a terminal.

    >>> printable("Talks\\x1b[2J ended\\tat\\x07 noon\\n")
    'Talks ended at noon\\n'
    """
    return _UNPRINTABLE.sub("", _ESCAPES.sub("", text.replace("\t", " ")))
