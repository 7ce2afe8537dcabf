"""Transcripts: who is speaking, so that "I", "we" and "you" can be resolved.

Official readouts and remarks (Kremlin, State Department, joint press availabilities) are transcripts:
paragraphs open with a speaker label ("President of Russia Vladimir Putin:", "SECRETARY KERRY:"). Inside a
turn, "I" is the speaker, "you" the other principal (the other labelled speaker nearest in the text, else
the other person named in the headline), "we" the two of them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graphkit.models import ActorType
from graphkit.nlp import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from graphkit.extractor.mentions import Mention

__all__ = [
    "FIRST",
    "LABEL_TAIL",
    "SECOND",
    "UNNAMED_SPEAKERS",
    "WE",
    "headline_speaker",
    "speaker_labels",
    "turn_at",
]

FIRST = frozenset({"i", "me", "my", "mine", "myself"})
WE = frozenset({"we", "us", "our", "ours", "ourselves"})
SECOND = frozenset({"you", "your", "yours", "yourself"})
# After a labelled name: its office after a comma ("NAME SURNAME, PRIME MINISTER:"), a note, a colon.
LABEL_TAIL = re.compile(r"[ \t]*(,[ \t]*[A-Z][\w .'’-]{0,40}?)?[ \t]*(\([^)\n]{0,40}\))?[ \t]*:")
# Turns of people the transcript does not name: a journalist's question is nobody's "I" in the graph.
UNNAMED_SPEAKERS = ("question", "q", "reporter", "journalist", "moderator", "participant", "audience member")
_UNNAMED_LABEL = re.compile(
    rf"^[ \t•]*(?:{'|'.join(UNNAMED_SPEAKERS)})\b[^:\n]{{0,30}}:", re.IGNORECASE | re.MULTILINE
)


def speaker_labels(doc: Doc, mentions: list[Mention]) -> list[tuple[int, str | None]]:
    """(character offset, actor id) of each speaker label, in text order; None for an unnamed speaker."""
    text = text_of(doc)
    labels: list[tuple[int, str | None]] = []
    for m in mentions:
        if m.kind not in {"name", "role"} or not m.actor:
            continue
        start = doc[m.start].idx
        end = doc[m.end - 1].idx + len(doc[m.end - 1])
        at_line_start = _at_line_start(text, start) or _after_caption(text, start)
        if at_line_start and LABEL_TAIL.match(text, end):
            labels.append((start, m.actor))
    if labels:
        labels += [
            (hit.start(), None) for hit in _UNNAMED_LABEL.finditer(text) if hit.group(0).strip()[0].isupper()
        ]
    return sorted(labels, key=lambda label: label[0])


def _at_line_start(text: str, start: int) -> bool:
    """Nothing but blanks or a bullet before ``start`` on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t•")


def _after_caption(text: str, start: int) -> bool:
    """A label right after a photo caption on the same line ("... shake hands at podium SECRETARY RICE:")."""
    line_start = text.rfind("\n", 0, start) + 1
    return (
        text[start : start + 2].isupper()
        and line_start < start
        and not text[line_start:start].strip().endswith(":")
    )


def turn_at(labels: list[tuple[int, str | None]], offset: int) -> tuple[str, str | None] | None:
    """(speaker, addressee) of the turn containing ``offset``, or None outside any turn or in an unnamed
    speaker's turn."""
    current = None
    for n, (start, _) in enumerate(labels):
        if start <= offset:
            current = n
    if current is None:
        return None
    speaker = labels[current][1]
    if speaker is None:
        return None
    after = [a for _, a in labels[current + 1 :] if a is not None and a != speaker][:1]
    before = [a for _, a in reversed(labels[:current]) if a is not None and a != speaker][:1]
    others = before + after
    return speaker, (others[0] if others else None)


# A headline saying whose words the page holds: "Remarks by <title> <name> at ...", "<Name>'s remarks".
_SPEECH = r"(?:opening |closing |press |keynote |video )?(?:remarks|speech|address|statement|intervention)s?"
_BY_HEADLINE = re.compile(
    rf"^[^\n]{{0,80}}?\b{_SPEECH}\s+(?:delivered\s+)?by\s+(?P<who>[^\n]+)$", re.I | re.M
)
_SPEECH_WORD = re.compile(r"remarks|speech|address|statement|intervention", re.I)
_OWN_HEADLINE = re.compile(rf"^(?P<who>[^\n]{{3,80}}?)['’]s?\s+{_SPEECH}\b[^\n]*$", re.I | re.M)


def headline_speaker(doc: Doc, mentions: list[Mention], within: int = 800) -> str | None:
    """The person whose remarks the page is, named in a headline near the top ("Remarks by Foreign
    Minister <Name> upon arrival", "<Name>'s opening remarks"): the "I" of an untagged
    speech. None when no such headline names a resolved person."""
    text = text_of(doc)[:within]
    if not _SPEECH_WORD.search(text):
        return None  # both headlines need one of these words: a quick look spares their slower scans
    for pattern in (_BY_HEADLINE, _OWN_HEADLINE):
        for hit in pattern.finditer(text):
            start, end = hit.span("who")
            for m in mentions:
                at = doc[m.start].idx
                if start <= at < end and m.kind == "name" and m.type is ActorType.PERSON and m.actor:
                    return m.actor
    return None
