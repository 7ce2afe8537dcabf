"""What every contact rule reads: the draft record, the context of one document, dependency-tree helpers.

Only grammar words live here (prepositions, clause links); contact vocabulary is data in
``data/lexicon/contacts.yaml``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graphkit.models import ContactKind, ContactLevel, ContactStatus, DateSpan, Role

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from graphkit.extractor.coref import ActorDraft
    from graphkit.extractor.mentions import Mention
    from graphkit.lexicon import Lexicon


SUBJ = {"nsubj", "nsubjpass", "csubj"}


CLAUSE_LINKS = {"xcomp", "advcl", "conj", "relcl", "acl", "pcomp", "ccomp"}


WITH_PREPS = {"with", "between", "among", "amongst"}


REFERENCE_POINTS = {"since", "until", "till", "before", "after"}


# Contact vocabulary (which verbs convene, which nouns are meals or forums ...) is data: the trigger records
# and word classes of data/lexicon/contacts.yaml (graphkit.lexicon). Only grammar words stay here.
TOPIC_PREPS = {"on", "about", "of", "over", "regarding", "concerning"}


SUBORDINATORS = {"when", "after", "before", "since", "while", "as", "because", "once", "whenever", "where"}


@dataclass
class ContactDraft:
    """A contact before it becomes a :class:`graphkit.models.Contact`."""

    participants: list[str]
    roles: dict[str, Role]
    kind: ContactKind
    status: ContactStatus
    date: DateSpan | None
    location: str | None
    sentence: Span
    trigger: int
    split: bool = False  # one subject, several objects: separate sessions
    side: int = 1  # when split: how many leading participants meet each of the others
    level: ContactLevel | None = None  # as the sentence says it ("technical-level contacts")
    weak_status: bool = False  # a bare noun ("Obama's visit") says nothing of whether it happened


@dataclass
class Context:
    doc: Doc
    lex: Lexicon
    actors: dict[str, ActorDraft]
    by_token: dict[int, Mention]
    published: dt.date | None
    dates: list[tuple[Span, DateSpan | None, DateSpan | None]]  # span, past reading, future reading
    reporting: frozenset[str]


def in_topic(tok: Token, top: Token, lex: Lexicon) -> bool:
    """Whether ``tok`` sits in a prepositional or clausal modifier under ``top`` ("concerns like Iran").

    "The foreign ministers of Greece and Turkey": an of-phrase of officials names their states.
    """
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        members = cur.lower_ in {"of", "from"} and cur.head.lemma_.lower() in lex.words.members
        if cur.dep_ in {"relcl", "acl", "advcl"} or (
            cur.dep_ == "prep" and cur.lower_ not in WITH_PREPS and not members
        ):
            return True
        cur = cur.head
    return False


def preps_of(tok: Token, words: set[str]) -> list[Token]:
    """Objects of ``tok``'s prepositions in ``words``, also coordinated ones ("with A, and with B")."""
    preps = [
        c
        for c in tok.children
        if c.dep_ in {"prep", "dative", "conj"} and c.pos_ == "ADP" and c.lower_ in words
    ]
    preps += [
        k for c in preps for k in c.conjuncts if k.pos_ == "ADP" and k.lower_ in words and k not in preps
    ]
    if preps:
        # "lunch with the Ambassador today and with Jake Sullivan": the parser may hang the second
        # with-phrase on a governing verb; it still belongs to the first.
        for anc in list(tok.ancestors)[:3]:
            preps += [
                c
                for c in anc.children
                if c.dep_ == "conj"
                and c.pos_ == "ADP"
                and c.lower_ in words
                and c.i > tok.i
                and c not in preps
            ]
    out = []
    for c in preps:
        objs = [p for p in c.children if p.dep_ == "pobj"]
        # "Blinken's talks with Foreign Minister Wang Yi lasted five hours": a parse that strands the
        # preposition without its object; the proper noun right after it is that object.
        out += objs or stranded_object(c)
    return out


# Asides that may stand between a preposition and its object ("talks with, among others, A and B").
ASIDES = (
    "among others",
    "amongst others",
    "inter alia",
    "in particular",
    "most notably",
    "notably",
    "above all",
)


def after_aside(prep: Token) -> Token | None:
    """The head of the noun phrase after an aside set off by commas right after ``prep``, if any."""
    doc, end = prep.doc, prep.sent.end
    if prep.i + 2 >= end or doc[prep.i + 1].text != ",":
        return None
    close = next((j for j in range(prep.i + 2, min(prep.i + 6, end)) if doc[j].text == ","), None)
    if close is None or doc[prep.i + 2 : close].text.lower() not in ASIDES or close + 1 >= end:
        return None
    tok = doc[close + 1]
    while tok.dep_ in {"det", "compound", "amod", "nmod", "poss"} and close < tok.head.i <= close + 8:
        tok = tok.head
    return tok if tok.pos_ in {"PROPN", "NOUN"} else None


def stranded_object(prep: Token) -> list[Token]:
    """The object of a preposition the parse left without one: the proper noun right after it, or the noun
    phrase after an aside ("met with, among others, A and B")."""
    aside = after_aside(prep)
    if aside is not None:
        return [aside]
    doc = prep.doc
    for j in range(prep.i + 1, min(prep.i + 7, prep.sent.end)):
        tok = doc[j]
        if tok.pos_ in {"VERB", "AUX", "ADP"} or tok.is_punct:
            return []
        if tok.pos_ == "PROPN" and (j + 1 >= len(doc) or doc[j + 1].pos_ != "PROPN"):
            return [tok]  # the last word of the name
    return []


def with_phrases(tok: Token) -> int:
    """How many separate with-phrases hang on ``tok`` ("with A on Sunday, and with B")."""
    return sum(1 for c in tok.children if c.pos_ == "ADP" and c.lower_ == "with")


def in_other_clause(tok: Token, chain_ids: set[int]) -> bool:
    """Whether ``tok`` sits in a subordinate clause of its own, off the trigger's chain."""
    cur = tok
    while cur.head.i != cur.i and cur.i not in chain_ids:
        if cur.dep_ in {"advcl", "relcl", "acl", "ccomp", "pcomp", "xcomp", "csubj"}:
            return True
        cur = cur.head
    return False


def inside_clause_of_argument(tok: Token, trigger: Token) -> bool:
    """Inside a relative, adverbial or appositive clause under the trigger: a date of something else."""
    cur = tok
    while cur.i != trigger.i and cur.head.i != cur.i:
        if cur.dep_ in {"relcl", "acl", "appos", "advcl"}:
            return True
        cur = cur.head
    return False


CLAUSES = {"relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp", "csubj"}


def is_infinitive(verb: Token) -> bool:
    """ "to meet": a bare verb with its infinitive marker."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def caption(sent: Span, lex: Lexicon) -> bool:
    """A photograph's caption: a place in the picture set off by commas after a name ("X, left, meets Y",
    "X, second from right, talks with Y")."""
    return picture_place(sent, lex) is not None


def picture_place(sent: Span, lex: Lexicon) -> int | None:
    """The index of the comma opening a caption's first place in the picture (", second from right,")."""
    commas = [t.i for t in sent if t.text == ","]
    return next(
        (
            a
            for a, b in itertools.pairwise(commas)
            if 0 < b - a <= 4 and all(t.lower_ in lex.words.picture_places for t in sent.doc[a + 1 : b])
        ),
        None,
    )
