"""Transcripts: who is speaking, so that "I", "we" and "you" can be resolved.

Official readouts and remarks (Kremlin, State Department, joint press availabilities) are transcripts:
paragraphs open with a speaker label ("President of Russia Vladimir Putin:", "SECRETARY KERRY:"). Inside a
turn, "I" is the speaker, "you" the other principal (the other labelled speaker nearest in the text, else
the other person named in the headline), "we" the two of them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graphkit.nlp import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from graphkit.extractor.mentions import Mention

__all__ = ["FIRST", "SECOND", "WE", "speaker_labels", "turn_at"]

FIRST = frozenset({"i", "me", "my", "mine", "myself"})
WE = frozenset({"we", "us", "our", "ours", "ourselves"})
SECOND = frozenset({"you", "your", "yours", "yourself"})
_LABEL_TAIL = re.compile(r"\s*(\([^)\n]{0,40}\))?\s*:")


def speaker_labels(doc: Doc, mentions: list[Mention]) -> list[tuple[int, str]]:
    """(character offset, actor id) of each speaker label, in text order."""
    text = text_of(doc)
    labels = []
    for m in mentions:
        if m.kind != "name" or not m.actor:
            continue
        start = doc[m.start].idx
        end = doc[m.end - 1].idx + len(doc[m.end - 1])
        at_line_start = start == 0 or text[start - 1] == "\n" or _after_caption(text, start)
        if at_line_start and _LABEL_TAIL.match(text, end):
            labels.append((start, m.actor))
    return labels


def _after_caption(text: str, start: int) -> bool:
    """A label right after a photo caption on the same line ("... shake hands at podium SECRETARY RICE:")."""
    line_start = text.rfind("\n", 0, start) + 1
    return (
        text[start : start + 2].isupper()
        and line_start < start
        and not text[line_start:start].strip().endswith(":")
    )


def turn_at(labels: list[tuple[int, str]], offset: int) -> tuple[str, str | None] | None:
    """(speaker, addressee) of the turn containing ``offset``, or None outside any turn."""
    current = None
    for n, (start, _) in enumerate(labels):
        if start <= offset:
            current = n
    if current is None:
        return None
    speaker = labels[current][1]
    others = [a for _, a in labels[current + 1 :] if a != speaker][:1]
    others = [a for _, a in reversed(labels[:current]) if a != speaker][:1] + others
    return speaker, (others[0] if others else None)
