"""Lists and coordination: one trigger, several counterparts.

General patterns: "met A, B and C"; "talks with his counterparts from A and B"; "meetings with leaders
including A, B and C"; lists the parser breaks ("met A, B, and C's foreign minister"); "talks between A and
B"; and when a list is told apart ("met A and, separately, B"). Tests: tests/test_contact_rules.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graphkit.extractor.contacts.grammar import Context

if TYPE_CHECKING:
    from spacy.tokens import Token

    from graphkit.extractor.mentions import Mention
    from graphkit.lexicon import Lexicon


def conjuncts_of(tok: Token, lex: Lexicon) -> list[Token]:
    """A token with its coordinated and appositive tokens, and what "including" lists after it."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in {"conj", "appos"} and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            if child.dep_ == "appos" and tok.i < tok.head.i < child.i:
                continue  # "A met with, among others, B": an "appositive" past A's own verb is a misparse
            if child.dep_ == "appos" and tok.ent_type_ == "PERSON" and is_title(child, lex):
                continue  # "Hu Jintao, Communist Party of China General Secretary": his title, not a party
            out.extend(conjuncts_of(child, lex))
        elif child.dep_ == "prep" and child.lower_ in {"including", "notably", "especially"}:
            out.extend(t for p in child.children if p.dep_ == "pobj" for t in conjuncts_of(p, lex))
        elif (
            child.dep_ in {"nmod", "compound", "nsubj"}
            and child.pos_ == "PROPN"
            and child.i < tok.i
            and any(c.dep_ == "cc" and c.lower_ == "and" for c in child.children)
        ):
            # "with President A and Foreign Minister B" parsed with A as a modifier (or even the subject) of
            # B: both are listed
            out.extend(conjuncts_of(child, lex))
        elif child.dep_ in {"relcl", "acl"} and child.lemma_.lower() in {"accompany", "join", "flank"}:
            # "Kibaki, who was accompanied by Odinga and Musyoka": one session with the whole delegation
            agents = [p for a in child.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            out.extend(t for p in agents for t in conjuncts_of(p, lex))
    if tok.tag_ == "NNS" and tok.lemma_.lower() in lex.words.collectives:
        # "other governments about the call, including Israel": the list may hang on a nearer noun.
        for t in tok.subtree:
            if t.i > tok.i and t.dep_ == "prep" and t.lower_ == "including" and t.head.i != tok.i:
                out.extend(k for p in t.children if p.dep_ == "pobj" for k in conjuncts_of(p, lex))
    return out + list_tail(out[-1], lex)


def is_title(phrase: Token, lex: Lexicon) -> bool:
    """Whether a phrase beside a person's name is his title ("Communist Party of China General Secretary",
    "NATO Secretary General"): it holds an office word and names no other person."""
    words = list(phrase.subtree)
    return any(t.lower_ in lex.office_words for t in words) and not any(
        t.ent_type_ == "PERSON" for t in words
    )


def list_tail(last: Token, lex: Lexicon) -> list[Token]:
    """ "met A, B, and C" where the parser hung B or C elsewhere: proper nouns right after a comma."""
    doc = last.doc
    i = start = last.right_edge.i + 1
    while i < len(doc) and doc[i].text in {",", "and"}:
        i += 1
    if i == start or i >= len(doc):
        return []
    cand = next((doc[j] for j in range(i, min(i + 6, len(doc))) if doc[j].dep_ == "conj"), None)
    if cand is None or cand.pos_ != "PROPN" or cand.head.i == last.i:
        return []
    if any(doc[j].pos_ != "PROPN" for j in range(i, cand.i)):
        return []
    return conjuncts_of(cand, lex)  # its own conjuncts, and any further tail


LIST_GLUE = {",", "and", "or"}


def told_apart(verb: Token, lex: Lexicon) -> bool:
    """Whether the counterparts of ``verb`` are told apart: "separately", or a with-phrase each."""
    words = [t.lower_ for t in verb.subtree]
    return bool(lex.words.apart_words & set(words)) or words.count("with") > 1


def last_word(mention: Mention) -> str:
    words = (mention.name or mention.surface).lower().split()
    return words[-1] if words else ""


def mention_tail(ctx: Context, listed: list[Token]) -> list[Token]:
    """ "between A, B and C" where the parser broke the list: actor names that follow the last one listed.

    After the last listed actor, a comma or "and" directly followed by another actor's name continues the
    list, unless that name starts a clause of its own ("met A, and B said ...").
    """
    # the last listed actor; a list may end in a common noun coordinated with it that names nobody ("talks
    # with A, B or C, or the participation in the summit")
    ending = list(listed)
    while (
        len(ending) > 1
        and ending[-1].i not in ctx.by_token
        and ending[-1].dep_ == "conj"
        and ending[-1].pos_ == "NOUN"
    ):
        ending.pop()
    last = ctx.by_token.get(ending[-1].i)
    if last is None:
        return []
    doc, out, i = ctx.doc, [], last.end
    while i < len(doc) and doc[i].lower_ in LIST_GLUE:
        j = i
        while j < len(doc) and doc[j].lower_ in LIST_GLUE | ctx.lex.words.picture_places:
            j += 1
        nxt = ctx.by_token.get(j) if j < len(doc) else None
        if nxt is None or nxt.start != j or nxt.kind in {"pronoun", "first", "second", "we"}:
            break
        head = doc[nxt.head]
        if head.dep_ in {"nsubj", "nsubjpass"} or any(t.is_sent_start for t in doc[i : nxt.end]):
            break
        if doc[last.head].ent_type_ == "PERSON" and head.dep_ == "appos" and is_title(head, ctx.lex):
            break  # the title of the person just named
        added = conjuncts_of(head, ctx.lex)
        out.extend(added)
        i = max(m.end if (m := ctx.by_token.get(t.i)) is not None else t.i + 1 for t in added)
    return out


def between_members(ctx: Context, noun: Token) -> list[Token]:
    """Every actor listed in a between-phrase, however the parser coordinated the list.

    "between Mercosur heads of state and the President of Chile and African Union representatives":
    the phrase is a list of participants, so actors inside it count unless they sit in a clause or in a
    preposition other than of/from ("experts from Peru, Bolivia and the World Bank").
    """
    out = []
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"):
        for t in prep.subtree:
            mention = ctx.by_token.get(t.i)
            if mention is None or t.i != mention.head or mention.kind in {"pronoun"}:
                continue
            cur, below, listed = t, t, True
            while cur.i != prep.i:
                owner = ctx.by_token.get(cur.head.i)
                # "Jens Stoltenberg of NATO": his affiliation, not another party; but "the President of
                # Chile and African Union representatives" lists on past the role's own of-phrase.
                affiliation = owner is not None and ctx.by_token.get(below.i) is not owner
                if cur.dep_ in {"relcl", "acl", "advcl", "ccomp"} or (
                    cur.dep_ == "prep" and (cur.lower_ not in {"of", "from"} or affiliation)
                ):
                    listed = False
                    break
                below, cur = cur, cur.head
            if listed:
                out.append(t)
    return out


def between_in_clause(noun: Token, contact_nouns: dict[str, str]) -> list[Token]:
    """The objects of a "between" phrase elsewhere in the clause of a contact noun that has no arguments."""
    chain = [noun]
    while chain[-1].head.i != chain[-1].i and chain[-1].dep_ not in {"ROOT", "ccomp", "advcl", "relcl"}:
        chain.append(chain[-1].head)
    # A between-phrase in the noun's own clause, not inside a relative clause or a clause of its own.
    top = chain[-1]
    for tok in (t for t in top.subtree if t.dep_ == "prep" and t.lower_ == "between"):
        cur, nested = tok, False
        while cur.i != top.i and cur.head.i != cur.i:
            nested = nested or cur.dep_ in {"relcl", "acl", "advcl", "ccomp", "xcomp"}
            cur = cur.head
        owner = tok.head
        if owner.i != noun.i and (owner.lower_ in contact_nouns or owner.lemma_.lower() in contact_nouns):
            continue  # "the outcomes of the meeting between A and B": that meeting's own participants
        if not nested:
            return [p for p in tok.children if p.dep_ == "pobj"]
    return []


HYPHENS = {"-", "\u2013"}


def hyphen_dyad(ctx: Context, noun: Token) -> list[Token]:
    """The two sides written before a contact noun and joined by a hyphen ("U.S.-Taliban talks", "the
    India-Pakistan summit", "a Putin-Trump meeting"): both take part. Both sides must be actors and touch the
    hyphen; a range or a compound word ("Asia-Pacific", "U.S.-led") names no pair."""
    doc = ctx.doc
    for i in range(noun.left_edge.i + 1, noun.i - 1):
        dash = doc[i]
        if dash.text not in HYPHENS or dash.whitespace_ or doc[i - 1].whitespace_:
            continue
        left, right = ctx.by_token.get(i - 1), ctx.by_token.get(i + 1)
        if left is None or right is None or left.actor is None or right.actor is None:
            continue
        if left.actor != right.actor and right.end <= noun.i:
            return [doc[i - 1], doc[i + 1]]
    return []
