"""Quoted statements and their speakers.

Quotations are found on the characters (straight or curly double quotes, paired inside a paragraph, a curly
opening mark also closed by a straight one; a quote left open at a paragraph's end counts only when the next
paragraph re-opens it, the newspaper convention for a quotation running on). Unpaired marks are skipped, not
guessed. The speaker comes from the attribution verb in the same sentence (outside the quote, or in the
sentence starting right after the closing mark), else, for a quotation that opens its sentence, from the
sentence just before when that comes after the previous quotation (the news convention: introduce a speaker
with a reporting verb, or write about a person, then quote), else from the previous quotation's speaker in the
same or the previous paragraph, else, for a quotation running on, from the attribution of its last paragraph.
A pronoun attribution ("..., he said") follows the speaker a reporting verb just introduced or quoted.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graphkit.extractor.mentions import MentionKind
from graphkit.models import ActorType
from graphkit.nlp import columns, text_of

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc, Span, Token

    from graphkit.extractor.mentions import Mention
    from graphkit.lexicon import Lexicon

__all__ = ["QuoteDraft", "find_quotes", "find_statements"]

OPEN = {"“": "”", '"': '"', "«": "»", "„": "“", "‘": "’"}
MIN_WORDS = 4  # shorter quoted strings are terms or scare quotes, not statements


@dataclass
class QuoteDraft:
    """A quotation (character span of its words, marks excluded) and its speaker."""

    start: int
    end: int
    speaker: str | None = None
    direct: bool = True


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans of the text inside paired double quotation marks, paragraph by paragraph.

    >>> find_quotes('He said: “We met.” Then “more words here” and more.')
    [(10, 17), (25, 40)]

    A mark that is not closed in its paragraph opens nothing, unless the next paragraph opens with a mark
    (a quotation running on) or the text ends there (an excerpt cut off inside a quotation):

    >>> find_quotes('An "open quote\\nand a new paragraph.')
    []
    >>> find_quotes('The excerpt ends inside "a quotation')
    [(25, 36)]
    """
    spans: list[tuple[int, int]] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for n, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        # from mark to mark, not letter by letter
        while (mark := _ANY_OPEN.search(text, i, p_end)) is not None:
            i = mark.start()
            ch = text[i]
            if _opens(text, i):
                close = _closing(text, i + 1, p_end, OPEN[ch])
                if close is None:
                    runs_on = n + 1 < len(paragraphs) and text[paragraphs[n + 1][0]] in OPEN
                    cut_off = n + 1 == len(paragraphs)  # an excerpt that ends inside the quotation
                    if runs_on or cut_off:
                        spans.append((i + 1, p_end))
                    break
                spans.append((i + 1, close))
                i = close + 1
                continue
            i += 1
    return [(s, e) for s, e in spans if e > s]


def _opens(text: str, i: int) -> bool:
    if text[i] == "‘":  # a single curly quote opens speech, not "the ‘90s"
        return i + 1 < len(text) and text[i + 1].isalpha() and (i == 0 or not text[i - 1].isalnum())
    if text[i] != '"':
        return text[i] != "”"
    # A straight quote opens when it is not glued to the previous word.
    return i == 0 or (not text[i - 1].isalnum() and text[i - 1] not in ".,!?;:")


def _closing(text: str, i: int, end: int, close: str) -> int | None:
    found = _closing_mark(text, i, end, close)
    if found is None and close == "”":
        # a curly quotation closed by a straight mark (mixed typography in one paragraph)
        found = _closing_mark(text, i, end, '"')
    return found


def _closing_mark(text: str, i: int, end: int, close: str) -> int | None:
    for mark in _CLOSING[close].finditer(text, i, end):
        j = mark.start()
        # ’ is also the apostrophe ("didn’t", "Russia’s"): it closes only before a non-letter
        if close == "’" and j + 1 < len(text) and text[j + 1].isalpha():
            continue
        return j
    return None


_ANY_OPEN = re.compile("[" + re.escape("".join(OPEN)) + "]")
#: The marks that close a quotation opened by ``OPEN[...]``: a straight one also by a curly one.
_CLOSING = {
    close: re.compile("[" + re.escape(close + ("”" if close == '"' else "")) + "]") for close in OPEN.values()
}


def _words(text: str) -> int:
    return len(re.findall(r"[\w’']+", text))


def _reporting_subject(
    sent: Span, quote: tuple[int, int], lex: Lexicon, by_token: dict[int, Mention]
) -> Mention | None:
    """The mention of the actor of a reporting verb outside the quotation in ``sent``, nearest first."""
    candidates: list[tuple[int, int, Mention]] = []
    for tok in _reporting_verbs(sent, lex):
        if quote[0] <= tok.idx < quote[1]:
            continue
        mention = _outer_reporter(tok, lex, by_token) or _subject_mention(tok, by_token, lex)
        if mention is not None and (mention.actor or mention.kind is MentionKind.PRONOUN):
            distance = min(abs(tok.idx - quote[0]), abs(tok.idx - quote[1]))
            # "A described it as '...' and B called it '...'": the verb whose own clause holds the
            # quotation says it, however near the other one is
            distance -= 10_000 * _holds(tok, quote)
            candidates.append((distance, tok.i, mention))
    for phrase in lex.attribution_phrases:
        for m in re.finditer(re.escape(phrase), sent.text, flags=re.I):
            pos = sent.start_char + m.end()
            if quote[0] <= pos < quote[1]:
                continue
            after = [t for t in sent if t.idx > pos]
            for tok in after[:6]:
                mention = by_token.get(tok.i)
                if mention is not None and mention.actor:
                    candidates.append((abs(pos - quote[0]), tok.i, mention))
                    break
    return min(candidates, key=lambda c: c[:2])[2] if candidates else None


def _holds(verb: Token, quote: tuple[int, int]) -> bool:
    """Whether the quotation starts inside ``verb``'s own clause (its subtree without coordinated verbs)."""
    others = {t.i for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} for t in c.subtree}
    return any(quote[0] <= t.idx < quote[1] for t in verb.subtree if t.i not in others)


def _outer_reporter(verb: Token, lex: Lexicon, by_token: dict[int, Mention]) -> Mention | None:
    """ "The ministry said the minister urged them to '...'": a request reported inside another reporter's
    clause quotes the outer reporter's text, so the outer reporter is the speaker."""
    if not _directive(verb, lex):
        return None
    head, reported = verb, False
    while head.dep_ in {"ccomp", "conj"} and head.head.i != head.i:
        # only a clause governed by the outer verb is reported by it; "A called it '...' and B called it
        # '...'" are two reporters side by side
        reported = reported or head.dep_ == "ccomp"
        head = head.head
        if reported and head.dep_ != "conj" and head.lemma_.lower() in lex.reporting_verbs:
            return _subject_mention(head, by_token, lex)
    return None


def _directive(verb: Token, lex: Lexicon) -> bool:
    """Whether ``verb`` asks for something: "urged", "asked", and "called" only as "called for"/"called on"
    ("called the plan '...'" characterizes in the caller's own words)."""
    lemma = verb.lemma_.lower()
    if lemma in lex.directive_verbs:
        return True
    particles = {c.lower_ for c in verb.children if c.dep_ in {"prep", "prt"}}
    return any(f"{lemma} {p}" in lex.directive_verbs for p in particles)


def _said_by_someone(sent: Span, quote: tuple[int, int], lex: Lexicon) -> bool:
    """Whether a reporting verb outside the quotation has a subject of its own (known to us or not).

    A written statement ("the statement added") is not someone of its own: it is its issuer's."""
    return any(
        not quote[0] <= tok.idx < quote[1]
        and any(
            c.dep_ in {"nsubj", "nsubjpass"}
            and c.pos_ in {"NOUN", "PROPN"}
            and c.lemma_.lower() not in lex.document_nouns
            for c in tok.children
        )
        for tok in _reporting_verbs(sent, lex)
    )


def _reporting_verbs(sent: Span, lex: Lexicon) -> Iterator[Token]:
    """The reporting verbs of ``sent`` ("said", "told"), found by their lemmas without building each token."""
    cols = columns(sent.doc)
    for i in range(sent.start, sent.end):
        if cols.lemma[i] in lex.reporting_verbs and cols.pos[i] in {"VERB", "AUX"}:
            yield sent.doc[i]


def _subject_mention(verb: Token, by_token: dict[int, Mention], lex: Lexicon | None = None) -> Mention | None:
    """The mention of the speaker of a reporting verb: its subject, or the person named inside the subject
    phrase ("the ministry's spokeswoman Jane Doe said" parsed with "ministry" as the subject); for "quote",
    the one quoted ("the agency quoted the minister as saying")."""
    if lex is not None and verb.lemma_.lower() == "quote":
        for child in verb.children:
            if child.dep_ == "dobj" and any(c.lower_ == "as" for c in verb.children):
                mention = _inside(child, by_token, lex)
                if mention is not None:
                    return mention
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            mention = by_token.get(child.i)
            # an unresolved "he" is still someone: the caller decides whom it can stand for
            if mention is not None and (mention.actor or mention.kind is MentionKind.PRONOUN):
                return mention
            if lex is not None:
                return _inside(child, by_token, lex)
    if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i != verb.i:
        return _subject_mention(verb.head, by_token, lex)
    return None


def _inside(phrase: Token, by_token: dict[int, Mention], lex: Lexicon) -> Mention | None:
    """The speaker named inside a subject phrase, clauses left out.

    A written statement ("a statement from the ministry") is its issuer's, person or organization. A proper
    noun heading the phrase is a parse that took the speaker's department for the head ("the State Department
    Bureau of ... spokeswoman Jane Doe said"): the person named in it speaks. A common noun is someone unnamed
    ("a spokesman for the chancellor", "the office of the president"), not the person it is tied to.
    """
    document = phrase.lemma_.lower() in lex.document_nouns
    if not document and phrase.pos_ != "PROPN":
        return None
    clauses = {"relcl", "acl", "advcl", "ccomp"}
    tokens = [phrase]
    found: list[Mention] = []
    while tokens:
        tok = tokens.pop(0)
        mention = by_token.get(tok.i)
        if mention is not None and mention.actor:
            found.append(mention)
        tokens += [c for c in tok.children if c.dep_ not in clauses]
    found.sort(key=lambda m: m.start)
    people = [m for m in found if m.type is ActorType.PERSON]
    if people:
        return people[0]
    return found[0] if document and found else None


def _subject_actor(verb: Token, by_token: dict[int, Mention]) -> str | None:
    mention = _subject_mention(verb, by_token)
    return mention.actor if mention is not None else None


def _attribution_sentences(doc: Doc, span: Span, text: str) -> list[Span]:
    """The sentences a quotation touches, and the one that starts right after its closing mark in the same
    paragraph ('"... at last!" the minister said.' is often split after the mark)."""
    # a sentence of each token, found once per sentence start (Token.sent scans for the boundaries)
    first = doc[span.start].sent
    sents = {first.start: first} | {t.i: t.sent for t in span if t.is_sent_start and t.i != first.start}
    j = span.end
    while j < len(doc) and doc[j].is_punct and doc[j].idx - span.end_char <= 2:
        j += 1
    if j < len(doc) and "\n" not in text[span.end_char : doc[j].idx] and doc[j].is_sent_start:
        sents[doc[j].sent.start] = doc[j].sent
    return sorted(sents.values(), key=lambda s: s.start)


def _intro(
    doc: Doc, span: Span, lex: Lexicon, by_token: dict[int, Mention], quotes: list[tuple[int, int]]
) -> tuple[Mention, int, bool] | None:
    """ "Sarkozy urged him to reconsider. '...'": the speaker a reporting verb names in the sentence just
    before the one the quotation starts in, with that sentence's start character; else, weaker (the third
    item False), the person that sentence is about ("Lavrov was less upbeat. '...'")."""
    first = doc[span.start].sent
    k = first.start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    # only a quotation that opens its sentence: a title or a phrase quoted mid-sentence is not introduced
    if k < 0 or text_of(doc)[first.start_char : span.start_char].strip() not in {"", *OPEN}:
        return None
    before = doc[k].sent
    found = None
    for tok in before:
        if any(s <= tok.idx < e for s, e in quotes):
            continue
        if tok.lemma_.lower() not in lex.reporting_verbs or tok.pos_ not in {"VERB", "AUX"}:
            continue
        mention = _outer_reporter(tok, lex, by_token) or _subject_mention(tok, by_token, lex)
        if mention is not None and mention.actor:
            found = (mention, before.start_char, True)  # the last reporting verb is the nearest
    if found is None and not any(s <= before.root.idx < e for s, e in quotes):
        subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
        mention = by_token.get(subject.i) if subject is not None else None
        if mention is not None and mention.actor and mention.type is ActorType.PERSON:
            found = (mention, before.start_char, False)
    return found


def _gender_clash(pronoun: Mention, actor: str | None, mentions: list[Mention]) -> bool:
    """Whether "she" would be given to a man ("Mr. ...", "he" elsewhere) or "he" to a woman."""
    known = {m.gender for m in mentions if m.actor == actor and m.gender}
    return bool(pronoun.gender and known and pronoun.gender not in known)


def find_statements(doc: Doc, lex: Lexicon, mentions: list[Mention]) -> list[QuoteDraft]:
    """Direct quotations of at least four words with a resolved speaker, in text order."""
    by_token: dict[int, Mention] = {}
    for m in mentions:
        for i in [*range(m.start, m.end), *m.extra_tokens]:
            by_token[i] = m
    text = text_of(doc)
    spans = find_quotes(text)
    found: list[tuple[QuoteDraft, bool]] = []  # every quotation, and whether its text names another speaker
    previous: QuoteDraft | None = None
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue  # an empty quotation (a stray mark at the end of the text) has no words to attribute
        speaker, named_elsewhere = _speaker(doc, span, (start, end), previous, spans, lex, by_token, mentions)
        previous = QuoteDraft(start, end, speaker)
        found.append((previous, named_elsewhere))
    _run_on(text, found)
    drafts = [q for q, _ in found if q.speaker and _words(text[q.start : q.end]) >= MIN_WORDS]
    quoted = [(q.start, q.end) for q in drafts]
    drafts += _reported(doc, lex, by_token, spans + quoted)
    return sorted(drafts, key=lambda q: q.start)


def _speaker(
    doc: Doc,
    span: Span,
    quote: tuple[int, int],
    previous: QuoteDraft | None,
    spans: list[tuple[int, int]],
    lex: Lexicon,
    by_token: dict[int, Mention],
    mentions: list[Mention],
) -> tuple[str | None, bool]:
    """The speaker of one quotation, and whether the text names a speaker we do not know."""
    text = text_of(doc)
    sents = _attribution_sentences(doc, span, text)
    said: Mention | None = None
    for sent in sents:
        said = said or _reporting_subject(sent, quote, lex, by_token)
    if said is None:
        said = _colon_mention(doc, quote[0], by_token, lex)
    near = previous is not None and previous.speaker is not None and _near(text, previous.end, quote[0])
    intro = _intro(doc, span, lex, by_token, spans)
    # An introduction is new when it comes after the previous quotation, not in its sentence.
    fresh = intro is not None and (previous is None or intro[1] >= previous.end)
    speaker = said.actor if said is not None else None
    if said is not None and said.kind is MentionKind.PRONOUN and said.type is ActorType.PERSON:
        # "..., he said" right after "X says ..." or after X's quotation: he is X
        if fresh and intro is not None and intro[2] and intro[0].type is ActorType.PERSON:
            if not _gender_clash(said, intro[0].actor, mentions):
                speaker = intro[0].actor
        elif near and previous is not None and not _gender_clash(said, previous.speaker, mentions):
            speaker = previous.speaker
    # "The Chinese side urged Washington to '...'": a speaker the text names (a pronoun included), though
    # not one we know, is not the previous quotation's
    named_elsewhere = speaker is None and (
        said is not None or any(_said_by_someone(sent, quote, lex) for sent in sents)
    )
    if speaker is None and not named_elsewhere:
        if fresh and intro is not None:
            speaker = intro[0].actor
        elif near and previous is not None:
            speaker = previous.speaker
    return speaker, named_elsewhere


def _run_on(text: str, found: list[tuple[QuoteDraft, bool]]) -> None:
    """A quotation left open at its paragraph's end and re-opened in the next one, attributed only at its
    end ('"First paragraph. ¶ "Second one," the minister said.'), is that speaker's from the first paragraph.
    """
    for (first, named_elsewhere), (then, _) in reversed(list(itertools.pairwise(found))):
        if first.speaker is None and not named_elsewhere and then.speaker is not None:
            between = text[first.end : then.start]
            if between.strip() in OPEN and between.count("\n") >= 1 and text[first.end] == "\n":
                first.speaker = then.speaker


def _reported(
    doc: Doc, lex: Lexicon, by_token: dict[int, Mention], quotes: list[tuple[int, int]]
) -> list[QuoteDraft]:
    """Reported speech: "Peskov said (that) the talks had been useful" is Peskov's, ``direct=False``.

    The reported clause is the complement of a reporting verb whose subject is a known actor; clauses that
    hold a quotation, or reporting verbs inside one, are left to the direct quotations.
    """
    text = text_of(doc)
    out: list[QuoteDraft] = []
    cols = columns(doc)
    for i, pos in enumerate(cols.pos):
        if pos != "VERB" or cols.lemma[i] not in lex.reporting_verbs:
            continue
        verb = doc[i]
        speaker = _subject_actor(verb, by_token)
        # A finite clause with a subject of its own: "said the talks had been useful", not "said to resume".
        clause = next(
            (
                c
                for c in verb.children
                if c.dep_ == "ccomp"
                and c.i > verb.i
                and any(k.dep_ in {"nsubj", "nsubjpass", "expl"} for k in c.children)
                and not any(k.tag_ == "TO" for k in c.children)
            ),
            None,
        )
        if speaker is None or clause is None or clause.pos_ not in {"VERB", "AUX"}:
            continue
        tokens = [
            t
            for t in clause.subtree
            if not (t.dep_ == "mark" and t.head.i == clause.i and t.lower_ == "that")
        ]
        start = tokens[0].idx
        last = tokens[-1]
        end = last.idx + len(last.text)
        while end > start and not text[end - 1].isalnum():
            end -= 1  # no closing punctuation
        while start < end and not text[start].isalnum():
            start += 1  # nor a comma after "that" ("said that, apart from France, ...")
        if any(s < end and start < e for s, e in quotes) or any(s <= verb.idx < e for s, e in quotes):
            continue
        if _words(text[start:end]) >= MIN_WORDS:
            out.append(QuoteDraft(start, end, speaker, direct=False))
    return out


def _colon_mention(doc: Doc, start: int, by_token: dict[int, Mention], lex: Lexicon) -> Mention | None:
    """'Special Envoy Mitchell (Sept. 29): "We knew..."': the actor named just before the colon."""
    head = text_of(doc)[max(0, start - 60) : start]
    match = re.search(r"\s*(\([^()]{0,30}\))?\s*:\s*[\"“]?$", head)
    if match is None:
        return None
    before = start - len(head) + match.start()
    tok = doc.char_span(before - 1, before, alignment_mode="expand")
    if tok is None:
        return None
    mention = by_token.get(tok.start)
    if mention is None and len(tok) and tok[0].lemma_.lower() in lex.reporting_verbs:
        # "In remarks with the Minister, Secretary Clinton said:"
        return _subject_mention(tok[0], by_token, lex)
    return mention if mention is not None and mention.actor else None


def _near(text: str, prev_end: int, start: int) -> bool:
    """Same paragraph, or the next paragraph (a quotation continued without a new attribution)."""
    return len(re.findall(r"\n\s*\n|\n", text[prev_end:start])) <= 1
