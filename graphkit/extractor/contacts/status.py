"""Status: whether a contact occurred, is planned, proposed or negated.

General patterns: modality and tense on the trigger and on the chain of verbs that govern it ("will meet",
"plans to visit", "called for talks", "refused to meet", "no closer to arranging a meeting"), cues before a
noun ("ahead of talks", "a planned visit"), futurate progressives ("is meeting X next week"). Cue words are
data (``status_cues`` in data/lexicon/contacts.yaml). Tests: tests/test_contact_rules.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graphkit.extractor.contacts.grammar import (
    CLAUSE_LINKS,
    SUBJ,
    SUBORDINATORS,
    TOPIC_PREPS,
    Context,
    is_infinitive,
)
from graphkit.extractor.contacts.participants import relative_holder, subjects_of
from graphkit.models import ContactStatus

if TYPE_CHECKING:
    from spacy.tokens import Token

    from graphkit.lexicon import Lexicon


def present_tense(tok: Token, lex: Lexicon) -> bool:
    """The trigger, or the verb governing a trigger noun, is in the present ("meets", "is accompanying")."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else governing_verb(tok, lex)
    if verb is None:
        return False
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"} for c in verb.children)


def ahead_of(noun: Token, lex: Lexicon) -> Token | None:
    """The verb that a contact noun is "ahead of" ("arrived ahead of a new round of talks"), if it is."""
    cur = noun
    while (
        cur.dep_ == "pobj"
        and cur.head.lower_ == "of"
        and cur.head.head.lemma_.lower() in lex.words.quantity_nouns
    ):
        cur = cur.head.head  # "a new round of talks"
    of = cur.head
    if cur.dep_ != "pobj" or of.lower_ != "of" or of.head.lower_ not in {"ahead", "prior"}:
        return None
    verb = of.head.head
    return verb if verb.pos_ in {"VERB", "AUX"} else None


def governing_verb(noun: Token, lex: Lexicon) -> Token | None:
    """The verb a contact noun is the object of, through "a round of" ("held a round of talks")."""
    relative = relative_holder(noun, lex) or ahead_of(noun, lex)
    if relative is not None:
        return relative
    cur = noun
    for _ in range(4):
        if cur.dep_ not in {"dobj", "pobj", "attr", "prep", "npadvmod"}:
            return None
        if (
            cur.dep_ == "prep"
            and cur.lower_ in TOPIC_PREPS
            and cur.head.pos_ in {"NOUN", "PROPN"}
            and cur.head.lemma_.lower() not in lex.words.quantity_nouns
        ):
            return None  # "briefed X on the outcomes of the meeting": the meeting is not the briefing's
        if cur.dep_ == "prep" and (
            cur.lower_ in {"about", "regarding", "concerning"}
            or (cur.lower_ == "on" and cur.head.lemma_.lower() in lex.words.informing_verbs)
            or (cur.lower_ == "on" and cur.head.lemma_.lower() in lex.words.follow_up_verbs)
            or (
                cur.lower_ in {"on", "over"}
                and (spoken := lex.verb_triggers.get(cur.head.lemma_.lower())) is not None
                and spoken.speech is not None
            )
        ):
            # "briefed Boric on the meeting", "spoke with X on the negotiations": what they talked about,
            # not what they held
            return None
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
    return None


def chain_of(ctx: Context, tok: Token) -> list[Token]:
    """The trigger and the words governing it, up to (not into) a reporting verb or the clause root."""
    chain = [tok]
    cur = tok
    while cur.head.i != cur.i:
        head = cur.head
        if (cur.dep_ == "ccomp" and head.lemma_.lower() in ctx.reporting) or (
            cur.dep_ == "relcl" and not (is_infinitive(cur) and head.dep_ == "attr")
        ):
            # a reported or relative clause has its own tense and modality; but "will be the first to visit"
            # takes the tense of the copula
            break
        if cur.dep_ not in CLAUSE_LINKS | {
            "dobj",
            "pobj",
            "prep",
            "nsubj",
            "nsubjpass",
            "attr",
            "acomp",
            "npadvmod",
            "compound",
            "appos",
            "oprd",
        }:
            break
        if cur.dep_ == "advcl" and any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in SUBORDINATORS for c in cur.children
        ):
            break  # "what they agreed once they met": the modality of "agreed" is not the meeting's
        if cur.dep_ in {"ccomp", "conj", "parataxis"} and any(
            t.text == ";" for t in cur.doc[min(cur.i, head.i) : max(cur.i, head.i)]
        ):
            break  # "X spoke with Y; the two will meet next month": clauses a semicolon keeps apart
        if (
            cur.dep_ == "prep"
            and head.pos_ in {"VERB", "AUX"}
            and cur.lower_ not in {"for", "to", "of", "before"}
            and chain[0].i != cur.i
        ):
            break  # "At the outset of our talks, I would like ...": an adverbial, not a complement
        shares_verb = not any(c.dep_ in SUBJ | {"aux", "auxpass"} for c in cur.children)
        # "look forward to beginning X, and then also talking to Y": a gerund hung on the verb whose
        # to-gerund it continues shares that verb's modality
        gerund_list = (
            cur.tag_ == "VBG"
            and shares_verb
            and any(
                p.dep_ == "prep" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in p.children)
                for p in head.children
            )
        )
        if (
            cur.dep_ == "conj"
            and cur.pos_ == "VERB"
            and not (cur.tag_ == "VB" and head.tag_ == "VB" and head.dep_ in {"xcomp", "advcl", "acl"})
            and not (cur.tag_ in {"VB", "VBG"} and head.tag_ == cur.tag_ and shares_verb)
            and not gerund_list
        ):
            break  # a verb of its own; but "will go and meet X" shares the "will" (and "to do X and meet")
        chain.append(head)
        cur = head
        if len(chain) > 8:
            break
    return chain


def status_of(ctx: Context, tok: Token) -> ContactStatus:
    if tok.pos_ in {"NOUN", "PROPN"}:
        holding = relative_holder(tok, ctx.lex)
        if holding is not None:
            # "builds on the talks she had last week": the relative clause tells the contact's own tense
            return status_of(ctx, holding)
    st = ctx.lex.status
    negations = 0
    proposed = planned = False
    below = -1  # the chain element under t
    if any(
        k.dep_ == "acl"
        and k.lemma_.lower() in ctx.lex.words.scheduling_verbs
        and any(a.tag_ == "TO" for a in k.children)
        for k in tok.children
    ):
        return ContactStatus.PLANNED  # "the Trade Council to be held in Ottawa on May 20"
    purpose = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "for" else None
    if (
        purpose is not None
        and purpose.tag_ in {"VBZ", "VBP"}
        and purpose.lemma_.lower() in {"be", *ctx.lex.travel_verbs}
    ):
        return ContactStatus.PLANNED  # "Modi is in Paris for talks with Macron": ahead
    if ahead_of(tok, ctx.lex) is not None:
        return ContactStatus.PLANNED  # "ahead of a fresh round of talks": still to come
    deps = {k.dep_: k for k in tok.children}
    if tok.dep_ in {"acl", "conj"} and "auxpass" in deps and "aux" in deps and deps["aux"].tag_ == "TO":
        return ContactStatus.PLANNED  # "... and to be co-chaired by A and B"
    news = venue = False
    for t in chain_of(ctx, tok):
        if news:
            break  # "details of their talks are not yet available": what the news is, not the talks
        lemma = t.lemma_.lower()
        news = t.i != tok.i and lemma in st["information_nouns"] and t.dep_ in {"nsubj", "nsubjpass"}
        kids = list(t.children)
        particle = next((k.lower_ for k in kids if k.dep_ == "prt"), None)
        if particle is not None:
            lemma = f"{lemma}_{particle}"  # "ruled out", "called off": the phrasal verb is what counts
        # "put the talks on hold", "placed on ice": the verb with its on-phrase is what counts
        on_what = [p.lower_ for k in kids if k.dep_ == "prep" and k.lower_ == "on" for p in k.children]
        phrase = next(
            (f"{lemma}_on_{w}" for w in on_what if f"{lemma}_on_{w}" in st["negated_governors"]), None
        )
        lemma = phrase or lemma
        if lemma in st["wish_verbs"] and any(k.lower_ == "would" for k in kids):
            proposed = True  # "would like to meet": a wish, not a plan
        if lemma in {"close", "near"} and t.tag_ == "JJR" and any(k.lower_ == "no" for k in kids):
            proposed = True  # "no closer to arranging a meeting": still only wished for
        elif lemma not in st["information_nouns"] and any(
            k.dep_ == "neg" or (k.lower_ in {"never", "no"} and k.dep_ in {"neg", "det", "advmod"})
            for k in kids
        ):
            # ("no immediate details on the meeting" denies nothing of the meeting: skipped above)
            negations += 1
            if lemma in st["double_negation"] or lemma in {"rule", "rule_out"}:
                return ContactStatus.PROPOSED
        governs_subject = any(k.i == below and k.dep_ == "nsubj" for k in kids)
        # "ended the first day of negotiations": a part of the talks came to its end, so they took place
        ended_a_part = lemma == "end" and any(
            k.i == below and k.lemma_.lower() in ctx.lex.words.quantity_nouns for k in kids
        )
        if t.i != tok.i and (lemma in st["negated_governors"] or t.lower_ in st["negated_governors"]):
            # "talks ended without a deal" took place; "ended talks" did not
            negations += not governs_subject and not ended_a_part
        if lemma in st["negated_nouns"]:
            negations += 1
        for k in kids:
            klow = k.lower_
            if (k.dep_ == "aux" and klow in st["planned_aux"]) or (k.dep_ == "aux" and klow == "would"):
                planned = True
            elif k.dep_ == "aux" and klow in st["proposed_aux"]:
                proposed = True
            elif k.dep_ in {"amod", "compound"} and klow in st["planned_words"]:
                planned = True
            elif k.dep_ in {"amod"} and klow in st["proposed_modifiers"]:
                proposed = True
            elif k.dep_ == "amod" and klow in st["negated_modifiers"]:
                negations += 1
            elif (
                k.dep_ == "advmod"
                and klow in st["pending_adverbs"]
                and t.i != tok.i
                and any(x.i == below and x.dep_ == "xcomp" for x in kids)
            ):
                negations += 1  # "have yet to meet": not so far
            elif k.dep_ == "acomp" and klow in st["possibility_predicates"] and t.i != tok.i:
                proposed = True  # "a visit remains possible"
            elif k.dep_ == "mark" and klow in {"if", "unless"}:
                proposed = True  # "if Xi meets Putin": a condition, not an event
            elif k.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in k.children
            ):
                proposed = True  # "he would talk to Putin if re-elected"
        if t.dep_ == "prep" and t.lower_ in {"at", "during"} and t.head.pos_ in {"NOUN", "PROPN"}:
            venue = True  # "vow closer ties at Moscow summit": what is vowed there is not the summit
        if (
            t.i != tok.i
            and not venue
            and (lemma in st["proposed_governors"] or t.lower_ in st["proposed_governors"])
            and (lemma != "open" or t.pos_ == "ADJ")
        ):
            proposed = True  # "open to talks", not "opened talks"
        if (
            t.i != tok.i
            and not venue
            and (lemma in st["planned_governors"] or t.lower_ in st["planned_governors"])
        ):
            # "began their second round of talks": a beginning told in the past has happened
            begun = lemma in st["aspect_governors"] and (
                t.tag_ == "VBD" or any(k.dep_ == "aux" and k.lemma_ == "have" for k in kids)
            )
            planned = planned or not begun
        if t.i != tok.i and lemma in st["unfulfilled_governors"]:
            if t.tag_ == "VBD" or any(k.dep_ in {"aux", "auxpass"} and k.tag_ == "VBD" for k in kids):
                negations += 1  # "was supposed to meet X": it did not come about
            else:
                planned = True  # "is supposed to meet X on Friday"
        if lemma == "be" and any(k.dep_ == "xcomp" and k.i == below for k in kids) and t.i != tok.i:
            planned = True  # "is to meet"
        if (
            t.dep_ in {"acl", "relcl"}
            and lemma in ctx.lex.words.scheduling_verbs
            and any(k.tag_ == "TO" for k in kids if k.dep_ == "aux")
        ):
            planned = True  # "the Trade Council to be held on May 20"
        if lemma == "look" and any(k.lower_ == "forward" for k in kids) and t.i != tok.i:
            planned = True  # "looking forward to the meeting"
        if t.dep_ == "ROOT" and t.pos_ == "VERB" and [k.tag_ for k in kids if k.dep_ == "aux"] == ["TO"]:
            planned = True  # headline future: "Brazil, Argentina to Hold Border Talks"
        below = t.i
    first_person = any(t.lower_ in {"i", "we"} for t in subjects_of(ctx, tok))
    performative = (
        trigger := ctx.lex.verb_triggers.get(tok.lemma_.lower())
    ) is not None and trigger.performative
    if performative and first_person and not negations:
        return ContactStatus.OCCURRED  # "I would like to welcome you": performative, it is happening
    if negations % 2 == 1:
        return ContactStatus.NEGATED
    if proposed:
        return ContactStatus.PROPOSED
    if planned:
        return ContactStatus.PLANNED
    return ContactStatus.OCCURRED


def inside_topic_contact(ctx: Context, tok: Token, trigger: Token) -> bool:
    """Whether ``tok`` belongs to another contact noun that is only the topic of ``trigger``."""
    cur, other = tok, False
    while cur.i != trigger.i and cur.head.i != cur.i:
        if cur.pos_ in {"NOUN", "PROPN"} and (
            cur.lower_ in ctx.lex.nouns or cur.lemma_.lower() in ctx.lex.nouns
        ):
            other = True
        elif other and cur.dep_ == "prep" and cur.lower_ in TOPIC_PREPS:
            return True
        cur = cur.head
    return False
