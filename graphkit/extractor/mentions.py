"""Actor mentions in a parsed article: names with their titles, states, organizations, roles and pronouns.

A mention is a token span with what the text says about it (type, office, country). Deciding which mentions
are the same actor is the job of :mod:`graphkit.extractor.coref`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from graphkit.dates import date_lexicon
from graphkit.extractor.turns import FIRST, LABEL_TAIL, SECOND, UNNAMED_SPEAKERS, WE
from graphkit.models import ActorType
from graphkit.nlp import columns, text_of, wire_dateline
from graphkit.offices import load_offices

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Span, Token

    from graphkit.gazetteer import Gazetteer
    from graphkit.lexicon import Lexicon

__all__ = ["Mention", "MentionKind", "find_mentions", "in_headline"]

PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
POSSESSIVES = {"his": "m", "her": "f"}
_TITLE_POS = {"PROPN", "NOUN", "ADJ"}
# Tokens that may sit inside a title written before a name ("Prime Minister of India Manmohan Singh").
_TITLE_GLUE = {"of", "for", "'s", "’s", "-", "the"}
_NAME_JUNK = re.compile(r"^[\W_]+|[\W_]+$")
# A month name that is a surname as often ("Theresa May"): never cut off the end of a name.
_SURNAME_MONTHS = frozenset({"may"})


@functools.cache
def _calendar_words() -> frozenset[str]:
    """Words NER glues onto names ("Putin Wednesday"): weekdays, months and one-word days ("today")."""
    lex = date_lexicon()
    days = {w for w in lex.relative_days if " " not in w}
    return frozenset({*lex.weekdays, *lex.months, *days} - _SURNAME_MONTHS)


# Nouns heading the name of the body that serves an office holder ("the Office of the Spokesperson").
_OFFICE_BODIES = frozenset({"office", "bureau", "secretariat", "cabinet"})
# Short names of international bodies that national bodies share; they need "UN" or the like before them.
_NEEDS_QUALIFIER = frozenset({"security council"})
# Web page furniture around an article's text.
_PAGE_WORDS = frozenset(
    {
        *("news", "story", "stories", "feature", "video", "videos", "photo", "photos", "gallery", "menu"),
        *("share", "print", "email", "comments", "related", "subscribe", "newsletter", "opinion"),
        # transcript headers ("Transcript", "E&OE"), press-release headers and site menus
        *("transcript", "transcripts", "release", "connected", "policy", "policies", "accessibility", "jump"),
        # kinds of document that head a page or a section ("FACT SHEET:", "BACKGROUND BRIEFING:")
        *("statement", "sheet", "briefing", "update", "updates", "readout", "summary", "agenda", "advisory"),
        # social media where statements are posted: a channel, never a party
        *("twitter", "facebook", "instagram", "youtube", "weibo", "tiktok", "whatsapp"),
        # typefaces a page names in its style sheet ("Helvetica Neue", "Open Sans")
        *("helvetica", "arial", "verdana", "tahoma", "roboto", "neue", "sans", "serif", "monospace"),
    }
)
# Words that never occur in a person's name: page furniture and the heads of body names.
_NOT_NAME_WORDS = _PAGE_WORDS | frozenset(
    {
        *("assembly", "council", "committee", "commission", "parliament", "congress", "senate", "ministry"),
        *("agency", "organization", "organisation", "union", "forum", "summit", "conference"),
    }
)
# "of" stays a title word: titles run on over it ("President of Russia Vladimir Putin"); "for" never opens a
# name's title on the left ("flew to Chile for Ms. Rojas' inauguration").
# Words that make a title another office ("Vice-Minister", "Deputy Secretary of State").
_RANK_WORDS = frozenset({"vice", "deputy", "assistant", "under", "junior", "acting"})
_FUNCTION_WORDS = frozenset({"for", "and", "to", "in", "on"})
_NUMERIC_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
_NOT_IN_NAMES = frozenset({"VERB", "AUX", "ADP", "DET", "SCONJ", "CCONJ", "PRON"})
_GENERIC_BODIES = frozenset(
    {"ministry", "embassy", "government", "parliament", "department", "cabinet", "administration", "office"}
)
_HONORIFIC_GENDER = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "sir": "m",
    "madam": "f",
    "madame": "f",
    "monsieur": "m",
    "lord": "m",
    "lady": "f",
}
# A line opening with a bare title and a colon: a transcript's speaker label ("PRIME MINISTER: Thank you").
_OFFICE_LABEL = re.compile(
    r"^[ \t•]*(?P<title>(?:[Tt]he |THE )?[A-Za-z][A-Za-z -]{1,38}?)[ \t]*:", re.MULTILINE
)
# A line opening with a name in capitals and then a speaker label's tail (see turns.LABEL_TAIL).
_CAPS_LABEL = re.compile(
    rf"^[ \t•]*(?P<name>[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){{0,3}})(?={LABEL_TAIL.pattern})",
    re.MULTILINE,
)
_PARTICLES = frozenset(
    {"bin", "al", "el", "da", "de", "di", "do", "dos", "van", "von", "der", "ibn", "bint", "la", "le"}
)


def _org(span: Span, name: str, country: str | None, qid: str | None, *, party: bool = False) -> Mention:
    return Mention(
        span.start,
        span.end,
        span.root.i,
        MentionKind.ORG,
        ActorType.ORGANIZATION,
        span.text,
        name=name,
        country=country,
        wikidata=qid,
        party=party,
    )


def _in_dateline(span: Span) -> bool:
    """Inside a wire dateline opening a paragraph: "NEW DELHI (AP) — " or "BEIJING, June 19 (Reuters) - "."""
    text = text_of(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    match = wire_dateline(text, line_start)
    return match is not None and span.start_char < match.end()


# Before a name on its line: a byline ("By Jane Doe", "By Jane Doe and John Roe"), a photo credit ("Official
# photo by Jane Doe") or a wire's credit line ("Reporting by Jane Doe; Editing by John Roe").
_CREDIT = re.compile(
    r"(?:^[ \t•]*|\b(?:photos?|photograph|image|video|pictures?|reporting|writing|editing)\b[^\n]{0,30}\b)"
    r"by[ \t]+(?:(?:(?-i:[A-Z])[\w.'’-]*[ \t]+)+(?:and|&)[ \t]+)?$",  # capitalized names, case kept
    re.I,
)


def _credited(span: Span) -> bool:
    """A byline or photo credit: its name is whoever wrote or photographed, never a party to the news."""
    text = text_of(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    return _CREDIT.search(text[line_start : span.start_char]) is not None


def _in_url(span: Span) -> bool:
    """Inside a path or address ("ru/events/president/news/62650")."""
    doc = span.doc
    before = text_of(doc)[max(0, span.start_char - 1) : span.start_char]
    after = text_of(doc)[span.end_char : span.end_char + 1]
    line_end = text_of(doc).find("\n", span.end_char)
    rest = text_of(doc)[span.end_char : line_end if line_end >= 0 else len(text_of(doc))]
    return "/" in before or "/" in after or rest.strip() == "/"  # a breadcrumb line ("News   /")


def in_headline(tok: Token) -> bool:
    """Whether ``tok`` sits in a title-case line ("Secretary Clinton Meets With Burmese President")."""
    text = text_of(tok.doc)
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    line = text[start : end if end >= 0 else len(text)].strip()
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    long_words = [w for w in words if len(w) > 3]
    if line.endswith((".", "!", "?", "”", '"')) or len(words) < 3 or len(long_words) < 2:
        return False  # a sentence full of names is not a headline
    return all(w[0].isupper() for w in long_words)


# Letters after a name: orders, honours, learned societies, seats in a legislature.
_POST_NOMINALS = frozenset(
    {
        *("kg", "kt", "gcb", "kcb", "cb", "gcmg", "kcmg", "cmg", "gbe", "kbe", "dbe", "cbe", "obe", "mbe"),
        *("ch", "om", "pc", "kc", "qc", "frs", "mp", "msp", "mla", "mep", "td", "ac", "ao", "oam"),
    }
)


def _post_nominal(tok: Token) -> bool:
    """ "KCB", "MP": post-nominal letters, written in capitals after a name."""
    return tok.is_upper and tok.lower_.replace(".", "") in _POST_NOMINALS


def _initial(tok: Token) -> bool:
    """ "J.": one capital letter and a dot, an initial inside a name."""
    return re.fullmatch(r"[A-Z]\.", tok.text) is not None


def _name_like(tok: Token) -> bool:
    if tok.i > 0 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_:
        return True  # the second part of a hyphenated name ("Ki-moon")
    return (
        tok.is_title
        or tok.is_upper
        or tok.lower_ in _PARTICLES
        or (not tok.is_alpha and tok.text not in {",", "."})
    )


class MentionKind(str, Enum):
    """What a mention is: a name, a state, a body, a role phrase, or a word standing for somebody."""

    NAME = "name"  # a person's name (with its titles)
    COUNTRY = "country"  # a state, by name, demonym, capital or seat of government
    ORG = "org"  # an organization or body
    ROLE = "role"  # a role phrase ("the French president", "his adviser")
    PRONOUN = "pronoun"  # he, him, his, she, her
    GROUP = "group"  # "the two leaders", "both countries"
    FIRST = "first"  # I, me, my
    SECOND = "second"  # you, your
    WE = "we"  # we, us, our


@dataclass
class Mention:
    """One reference to an actor in the text (token span ``[start, end)``)."""

    start: int
    end: int
    head: int
    kind: MentionKind
    type: ActorType
    surface: str
    name: str | None = None
    country: str | None = None
    office: str | None = None
    title: str | None = None
    wikidata: str | None = None
    possessor: int | None = None  # token index of "his"/"Macron's" in a role phrase
    body: str | None = None  # the international body of a role ("the UN envoy"), as written
    or_state: bool = False  # "the Chinese and U.S. presidents": the office holder if known, else the state
    party: bool = False  # a non-state party to a conflict (the Taliban): of its state, yet a side of its own
    gender: str | None = None
    actor: str | None = None  # filled by coreference
    extra_tokens: list[int] = field(default_factory=list)  # appositive titles attached to a name

    def covers(self, i: int) -> bool:
        return self.start <= i < self.end or i in self.extra_tokens


def _clean(text: str) -> str:
    return " ".join(_NAME_JUNK.sub("", text.strip()).split())


def _strip_possessive(span: Span) -> Span:
    if len(span) > 1 and span[-1].text in {"'s", "’s", "'", "’"}:
        return span[:-1]
    return span


def office_in(text: str, lex: Lexicon) -> tuple[str | None, str | None]:
    """The longest office title inside ``text``: (normalized office, title as written)."""
    best: tuple[int, int, int] | None = None  # (-length, rank, start): the longest, then the first listed
    for m in lex.office_pattern.finditer(text.lower()):
        key = (-len(m[1]), lex.office_rank[m[1]], m.start(1))
        best = key if best is None or key < best else best
    if best is None:
        return None, None
    title = text.lower()[best[2] : best[2] - best[0]]
    return lex.offices[title], text[best[2] : best[2] - best[0]]


def _country_in(tokens: list[Token], gaz: Gazetteer) -> str | None:
    """A country named by a demonym, country name, capital or seat of government among ``tokens``."""
    words = [t.text for t in tokens]
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            code = gaz.demonym(phrase)
            if code:
                return code
            entry = gaz.country(phrase)
            if entry:
                return entry.code
            seat = gaz.metonym(phrase)
            if seat:
                return seat.country
    return None


# Dependencies of a noun phrase that is an argument of its clause (not a modifier of another noun).
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr", "appos", "dative"}


class _Finder:
    def __init__(self, doc: Doc, gaz: Gazetteer, lex: Lexicon) -> None:
        self.doc = doc
        self.gaz = gaz
        self.lex = lex
        self.taken: set[int] = set()
        self.mentions: list[Mention] = []
        # Words of titles, without most function words of the longer ones ("Minister for Foreign Affairs").
        self.title_words = (lex.office_words - _FUNCTION_WORDS) | {"general", "chief"}
        self.cols = columns(doc)
        self.counts = Counter(self.cols.text)  # how often each word occurs, asked for every name
        self.verb_words = set(lex.verbs) | lex.travel_verbs | lex.reporting_verbs
        self.honorifics = lex.bare_honorifics
        self.title_or_the = self.title_words | {"the"}

    def add(self, mention: Mention) -> None:
        span = range(mention.start, mention.end)
        if any(i in self.taken for i in span):
            return
        self.taken.update(span)
        self.taken.update(mention.extra_tokens)
        self.mentions.append(mention)

    # --- names of people -------------------------------------------------------------------------
    def person(self, ent: Span) -> None:
        if all(i in self.taken for i in range(ent.start, ent.end)):
            return  # found already (most of NER's names are): whatever part of it is the name, it is taken
        doc = self.doc
        start, end = ent.start, _strip_possessive(ent).end
        gender = None
        lower = self.cols.lower
        # Honorifics and titles in any order: "The Rt Hon Sir John", "Senator the Hon", "President Dr".
        while start < end:
            low = lower[start].rstrip(".")
            if low in self.honorifics:
                gender = gender or _HONORIFIC_GENDER.get(low)
            elif not (lower[start] in self.title_or_the or lower[start][:-1] in self.title_words):
                break  # "President", and the plural of "Presidents Obama and Rousseff"
            start += 1
        if start > 0 and gender is None:
            gender = _HONORIFIC_GENDER.get(doc[start - 1].lower_.rstrip("."))
        while end > start and (doc[end - 1].lower_ in _calendar_words() or not _name_like(doc[end - 1])):
            end -= 1  # NER glues "Wednesday" or "say" onto names
        while end - start > 1 and _post_nominal(doc[end - 1]):
            end -= 1  # "... Jane Doe KCB MP": orders, degrees and seats after a name are not part of it
        if start >= end or any(i in self.taken for i in range(start, end)):
            return  # (a name already found: add() would refuse the mention, or the body it may be instead)
        name = _clean(doc[start:end].text)
        if name.isupper():
            name = name.title()  # "SECRETARY KERRY:" labels
        after = doc[end].lower_ if end < len(doc) else ""
        if (
            not name
            or not re.search(r"[A-Z]", name)
            or not self.plausible_name(doc[start:end])
            or _in_url(ent)
            or _credited(ent)
            or after in _NOT_NAME_WORDS | self.lex.place_nouns  # "the Istiqlal Mosque", "the Kennedy Center"
        ):
            return
        opens = start == doc[start].sent.start or doc[start - 1].is_quote or doc[start - 1].is_punct
        # A lone capitalized word opening a sentence ("Confirmation that ...") is rarely a name; names seen
        # elsewhere in the article come back through the surname pass.
        lone = end - start == 1 and opens and self.counts[doc[start].text] == 1
        if lone and not self.gaz.people(doc[start].text):
            return
        reclassified = self.reclassify(doc[start:end])
        if reclassified:
            self.add(reclassified)
            return
        title_start = self.title_left(start)
        title_tokens = list(doc[title_start:start])
        app = self.appositive_title(start, end)
        title_text = text_of(doc)[doc[title_start].idx : doc[start].idx].strip() if title_tokens else ""
        if app is not None:
            title_text = f"{title_text} {app.text}".strip()
        office, _ = office_in(title_text, self.lex)
        country_tokens = title_tokens + (list(app) if app is not None else [])
        of_at = [k for k, t in enumerate(country_tokens) if t.lower_ == "of"]
        # "Foreign Minister of the Russian Federation": the of-phrase names the office's state.
        country = _country_in(country_tokens[of_at[-1] + 1 :], self.gaz) if of_at else None
        country = country or (_country_in(country_tokens, self.gaz) if country_tokens else None)
        if any(self.gaz.organization(t.text) for t in country_tokens if t.is_upper or t.text.endswith(".")):
            country = None  # "U.N. Syria envoy": an international official, not a Syrian one
        after_state = self.state_after(end) if title_tokens else None
        extra = [t.i for t in app] if app is not None else []
        surface_end = end
        if after_state is not None and app is None:
            # "King Harald of Norway", "President Doe of Ghana": the state named after a titled name
            code, state_end = after_state
            country = country or code
            extra += list(range(end, state_end))
            surface_end = state_end
        mention = Mention(
            start=title_start,
            end=end,
            head=end - 1,
            kind=MentionKind.NAME,
            type=ActorType.PERSON,
            surface=_clean(doc[title_start:surface_end].text),
            name=name,
            country=country,
            office=office,
            title=title_text or None,
            gender=gender,
            extra_tokens=extra,
        )
        self.add(mention)

    def state_after(self, end: int) -> tuple[str, int] | None:
        """ "... of Norway", "... of Oslo" right after a name: the state and the token after it."""
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ != "of" or any(i in self.taken for i in (end, end + 1)):
            return None
        start = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        for size in (4, 3, 2, 1):
            if start + size <= len(doc) and not any(i in self.taken for i in range(start, start + size)):
                text = doc[start : start + size].text
                entry = self.gaz.country(text)
                seat = None if entry else self.gaz.metonym(text)
                code = entry.code if entry else (seat.country if seat else None)
                if code:
                    return code, start + size
        return None

    # --- "Title (of Country) Name": the title pattern finds names that NER misses or mislabels -----------
    def titled_names(self) -> None:
        doc = self.doc
        titles = self.lex.title_pattern
        ent_people = {t.i for e in doc.ents if e.label_ == "PERSON" for t in e}
        starts = self.title_starts()
        i = 0
        while i < len(doc):
            next_start = bisect.bisect_left(starts, i)
            if next_start == len(starts):
                break
            i = starts[next_start]  # title_at would refuse every token before it
            found = self.title_at(i, titles)
            if found is None:
                i += 1
                continue
            j = found
            if j < len(doc) and doc[j].lower_ in {"of", "for"}:
                k = self.country_after(j + 1)
                if k is None:
                    named = self.portfolio_name(j + 1) if doc[i].is_title or doc[i].is_upper else None
                    if named is not None:
                        self.portfolio_person(i, named)
                    i = named[1] if named is not None else i + 1
                    continue
                j = k
            k = self.name_after(j)
            if k > j and doc[k - 1].ent_type_ == "PERSON" and doc[k - 1].ent_iob_ != "O":
                while k < len(doc) and doc[k].ent_iob_ == "I" and doc[k].ent_type_ == "PERSON":
                    k += 1  # NER knows the rest of the name ("Ban Ki-moon")
            capitalized = (
                doc[i].is_title or doc[i].is_upper or doc[i].lower_.rstrip(".") in self.lex.honorifics
            )
            named_by_ner = any(t in ent_people for t in range(j, k))
            if k > j and in_headline(doc[i]) and not named_by_ner and not self.gaz.people(doc[j:k].text):
                i += 1  # "Swiss Envoy Opens Fresh Ceasefire Push": in a headline any word looks like a name
                continue
            if k > j and (capitalized or named_by_ner):
                self.person(doc[j:k])
                i = k
            else:
                i += 1

    def portfolio_person(self, title: int, named: tuple[int, int]) -> None:
        """The person named after a portfolio, with the whole title and portfolio as the name's title (so that
        NER's ORG over "Special Representative for ..." makes no body of it)."""
        before = len(self.mentions)
        self.person(self.doc[named[0] : named[1]])
        if len(self.mentions) > before:
            m = self.mentions[-1]
            extra = [t for t in range(title, m.start) if t not in self.taken]
            m.extra_tokens.extend(extra)
            self.taken.update(extra)
            m.title = m.title or self.doc[title : named[0]].text
            m.office = m.office or office_in(self.doc[title : named[0]].text, self.lex)[0]
            if title > 1 and self.doc[title - 1].text in {"'s", "’s"}:
                # "Chile's Special Envoy for ...": the state whose official this is
                m.country = m.country or _country_in(list(self.doc[max(0, title - 4) : title - 1]), self.gaz)

    def portfolio_name(self, p: int) -> tuple[int, int] | None:
        """ "Secretary of Agriculture <Name>", "Minister for Home Affairs <Name>": after a title's
        portfolio (capitalized words), the name that ends the run; NER's person, a gazetteer name, or else the
        run's last two words when the portfolio leaves at least one word before them."""
        doc = self.doc
        k = p
        while k < len(doc) and k - p < 8 and doc[k].i not in self.taken:
            tok = doc[k]
            if not (
                tok.is_alpha and (tok.is_title or (tok.is_upper and len(tok) > 1) or tok.lower_ == "and")
            ):
                break
            k += 1
        while k > p and doc[k - 1].lower_ == "and":
            k -= 1  # "... Rosa Delgado and her team"
        for s in range(p + 1, k):
            if doc[s].ent_type_ == "PERSON" and doc[s].ent_iob_ == "B":
                end = s + 1
                while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON":
                    end += 1  # NER knows where the name ends ("Garcia de la Cruz")
                return s, max(end, self.name_after(s))
        for s in range(p + 1, k - 1):
            if self.gaz.people(doc[s:k].text):
                return s, k
        if k - p >= 3 and all(t.is_title and t.pos_ == "PROPN" for t in doc[k - 2 : k]):
            return k - 2, max(k, self.name_after(k - 2))  # particles run on: "Garcia de la Cruz"
        return None

    def title_starts(self) -> list[int]:
        """The tokens whose first letters :meth:`title_at` does not rule out, in order: tested for all tokens
        at once, since one call a token cost more than the titles it found."""
        text, heads = text_of(self.doc), self.lex.title_heads
        starts = []
        for i, idx in enumerate(self.cols.idx):
            head = text[idx : idx + 3].lower()
            if not head.isascii() or head in heads or head[:2] in heads or head[:1] in heads:
                starts.append(i)
        return starts

    def title_at(self, i: int, titles: re.Pattern[str]) -> int | None:
        """Token index after the longest title or honorific starting at token ``i``."""
        idx = self.cols.idx[i]
        head = text_of(self.doc)[idx : idx + 3].lower()
        heads = self.lex.title_heads
        # Asked at every token: rule most out by their first letters, before a token or a slice is made.
        # (Only for ASCII, which lowercases letter by letter, so these are the pattern's first letters too.)
        if head.isascii() and head not in heads and head[:2] not in heads and head[:1] not in heads:
            return None
        tok = self.doc[i]
        if not tok.is_alpha and tok.lower_.rstrip(".") not in self.lex.bare_honorifics:
            return None
        found = titles.match(text_of(self.doc)[tok.idx : tok.idx + 48].lower())
        if found is None:
            return None
        span = self.doc.char_span(tok.idx, tok.idx + found.end(), alignment_mode="expand")
        return span.end if span is not None else None

    def country_after(self, i: int) -> int | None:
        for size in (7, 6, 5, 4, 3, 2, 1):  # "of the Socialist Republic of Vietnam"
            if i + size <= len(self.doc):
                span = self.doc[i : i + size]
                if self.gaz.country(span.text) or self.gaz.organization(span.text):
                    return i + size
        return None

    def name_after(self, j: int) -> int:
        """End of a run of capitalized proper-noun tokens at ``j`` (hyphenated parts kept: "Ban Ki-moon")."""
        doc = self.doc
        k = j
        while k < len(doc) and k - j < 5:
            tok = doc[k]
            if tok.text in {"-", "‑"} and k > j and not doc[k - 1].whitespace_ and k + 1 < len(doc):
                k += 2
                continue
            nxt = k + 1
            while nxt < len(doc) and doc[nxt].lower_ in _PARTICLES:
                nxt += 1  # "von der Leyen", "bin Abdul Aziz": particles run on to the capitalized part
            particle = tok.lower_ in _PARTICLES and k > j and nxt < len(doc) and doc[nxt].is_title
            if _initial(tok) and k > j and k + 1 < len(doc) and doc[k + 1].is_title:
                k += 1  # a middle initial: "John Q. Public"
                continue
            if (
                not (tok.is_title or (tok.is_upper and len(tok) > 1) or particle)
                or not tok.is_alpha
                or tok.i in self.taken
            ):
                break
            # A capitalized function word can start a name right after a title ("President ... To Lam").
            starts_name = k == j and k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN" and doc[k + 1].is_title
            if tok.lower_ in self.title_words or (
                tok.pos_ not in {"PROPN", "NOUN", "ADJ"} and not starts_name
            ):
                break
            if k == j and (self.gaz.country(tok.text) or self.gaz.demonym(tok.text)):
                break
            if k > j and (tok.lemma_.lower() in self.verb_words or tok.lower_.rstrip("s") in self.verb_words):
                break  # headline verbs: "Secretary Clinton Dines With ..."
            k += 1
        return k

    def plausible_name(self, span: Span) -> bool:
        """Headline fragments NER takes for names ("Macron Sent Top Diplomatic Adviser") are not names."""
        if len(span) > 1 and self.gaz.people(span.text):
            return True  # a known name, even with a title word in it ("Hassan Sheikh Mohamud")
        if len(span) > 5 or span[0].lower_ in self.title_words:
            return False
        if any(t.lower_ in _NOT_NAME_WORDS or t.lower_ in self.lex.place_nouns for t in span):
            return False  # "World News", "Feature Story", "General Assembly": page furniture and bodies
        # Verbs and contact nouns glued onto a name happen in title-case lines; in running prose a capitalized
        # word after a first name is a surname even if it is also a word ("Mary Talks", "Tom Hanks").
        prose = not in_headline(span[0]) and all(t.is_title for t in span) and span[0].ent_type_ == "PERSON"
        junk = set() if prose else self.verb_words | set(self.lex.nouns)
        return not any(
            (t.pos_ in _NOT_IN_NAMES and t.lower_ not in _PARTICLES)
            or t.lower_ in self.title_words
            or t.lower_.rstrip("s") in junk
            or t.lemma_.lower() in junk
            for t in span[1:]
        )

    def title_left(self, start: int) -> int:
        """Extend a name leftwards over its title ("Kremlin spokesman", "Prime Minister of India")."""
        doc = self.doc
        i = start
        saw_title = False
        while i > 0:
            tok = doc[i - 1]
            low = tok.lower_.rstrip(".")
            if tok.i in self.taken or (tok.is_sent_start and low in self.lex.honorifics):
                break
            if low in self.title_words:
                saw_title = True
            elif (
                tok.pos_ in _TITLE_POS
                and (tok.is_title or tok.is_upper or tok.ent_type_ in {"NORP", "GPE", "ORG"})
            ) or (low in _TITLE_GLUE and i - 1 > 0 and saw_title):
                pass
            else:
                break
            i -= 1
        # Keep only the part that starts at a title word or a modifier of one; drop a dangling "of"/"the".
        while i < start and (doc[i].lower_ in _TITLE_GLUE):
            i += 1
        return i if saw_title else start

    def appositive_title(self, start: int, end: int) -> Span | None:
        """ "Gustavo Petro, the president of Colombia": the appositive noun phrase after a name."""
        head = self.doc[end - 1]
        for child in head.children:
            if child.dep_ == "appos" and child.i > head.i and child.lower_ in self.title_words:
                left = child.left_edge.i
                right = child.right_edge.i + 1
                if not any(i in self.taken for i in range(left, right)):
                    return self.doc[left:right]
        return None

    def reclassify(self, span: Span) -> Mention | None:
        """A span NER took for a person that the gazetteer knows as a state or body."""
        text = span.text
        if self.gaz.people(text):
            return None
        entry = self.gaz.country(text)
        if entry:
            return self.country_mention(span, entry.code, entry.name, getattr(entry, "wikidata", None))
        return self.org_mention(span, strict=True)

    # --- states and organizations ----------------------------------------------------------------
    def country_mention(self, span: Span, code: str, name: str, qid: str | None) -> Mention:
        return Mention(
            start=span.start,
            end=span.end,
            head=span.root.i,
            kind=MentionKind.COUNTRY,
            type=ActorType.COUNTRY,
            surface=span.text,
            name=name,
            country=code,
            wikidata=qid,
        )

    def org_mention(self, span: Span, *, strict: bool) -> Mention | None:
        """A seat of government, a known organization, or (unless ``strict``) any other body NER found."""
        text = span.text
        if text.lower().removeprefix("the ") in self.lex.news_agencies or _in_dateline(span):
            return None  # the wire service and the dateline's place are not parties to the news
        seat = self.gaz.metonym(text)
        if seat:
            return _org(span, seat.name, seat.country, None)
        org = self.gaz.organization(text)
        if org and _clean(text).lower().removeprefix("the ") in _NEEDS_QUALIFIER:
            before = self.doc[max(0, span.start - 3) : span.start].text
            if not re.search(r"\b(U\.?N\.?|United Nations)\b", before):
                # Many states have a "Security Council" of their own: "Putin held a meeting with permanent
                # members of the Security Council" is his own, which is no contact of his.
                return None
        if org:
            # international bodies have no country; a non-state party is of the state it is fighting in
            return _org(span, org.name, org.side_of, org.wikidata, party=org.side_of is not None)
        if strict:
            return None
        tokens = list(span)
        mission = next((t.i for t in span if t.lower_ in {"embassy", "consulate", "mission"}), None)
        if mission is not None:
            # "Embassy New Delhi" is some state's embassy in India: only a state named before it is its side.
            tokens = [t for t in span if t.i < mission]
        country = _country_in(tokens, self.gaz) if tokens else None
        if country is None and (mission is not None or span.root.lemma_.lower() in _GENERIC_BODIES):
            return None  # "the Foreign Ministry" of nobody in particular: no side to put in a graph
        return _org(span, _clean(text), country, None)

    def gpe(self, ent: Span) -> None:
        span = _strip_possessive(ent)
        if _in_dateline(span):
            return
        entry = self.gaz.country(span.text)
        if entry:
            self.add(self.country_mention(span, entry.code, entry.name, getattr(entry, "wikidata", None)))
            return
        mention = self.org_mention(span, strict=True)
        if mention:
            self.add(mention)

    def org(self, ent: Span) -> None:
        span = _strip_possessive(ent)
        while len(span) > 1 and span[-1].is_space:
            span = span[:-1]  # "Breaking News\n"
        if span[0].lower_ == "the" and len(span) > 1:
            span = span[1:]
        if self.government_officials(span):
            return
        if " ".join(span.text.lower().split()) in self.lex.offices:
            return  # "the Minister of Foreign Affairs, <Name>": NER's ORG is a title; the role pass has it
        if span[-1].lower_ in _PAGE_WORDS or all(_post_nominal(t) for t in span):
            return  # "World News", "Feature Story": page furniture and media; "KC MP" after a name
        surnames = {m.name.split()[-1] for m in self.mentions if m.kind is MentionKind.NAME and m.name}
        if len(span) == 1 and (span.text in surnames or self.gaz.people(span.text)):
            self.person(span)  # "he and Blinken have agreed": NER's ORG is the minister named before
            return
        if self.gaz.country(span.text):
            self.gpe(span)
            return
        if len(span) == 1 and span[0].pos_ == "NOUN" and not self.gaz.organization(span.text):
            return  # a capitalized common noun ("Confirmation that ...") is not a body
        if any(
            t.pos_ in {"VERB", "AUX"} or t.lemma_.lower() in self.lex.reporting_verbs for t in span
        ) or _in_url(span):
            return  # headline fragments ("Kerry, Lavrov Say") and URL paths are not bodies
        mention = self.org_mention(span, strict=False)
        if mention and not self._is_title_part(span):
            self.add(mention)

    def side(self, ent: Span) -> None:
        """ "the Dutch and Belgian colleagues": a nationality on unnamed officials stands for the state."""
        first = ent.root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "Dutch and Belgian colleagues": Belgian hangs on Dutch
        head = first.head
        if self.people_of_a_state(ent):
            return
        if self.delegation(ent, first, head):
            return
        if head.tag_ not in {"NNS", "NNPS"} or head.lemma_.lower() not in self.lex.people_nouns:
            return
        code = self.gaz.demonym(ent.text)
        entry = self.gaz.countries.get(code) if code else None
        if entry is None:
            return
        possessor = next((c.i for c in head.children if c.dep_ == "poss"), None)
        # "his Mexican counterparts": several people of one state stand for it, as "Mexican officials" do
        several_states = bool(first.conjuncts)
        if head.lemma_.lower() == "counterpart" and possessor is not None and several_states:
            # "Wong and her Japanese and Indian counterparts": one unnamed office holder per state, whose
            # office coreference takes from the possessor's.
            self.add(
                Mention(
                    ent.start,
                    ent.end,
                    ent.root.i,
                    MentionKind.ROLE,
                    ActorType.PERSON,
                    # The phrase that refers, jointly, to each of them; the span stays the demonym.
                    self.doc[head.left_edge.i : head.i + 1].text,
                    country=entry.code,
                    office="counterpart",
                    title=f"{ent.text} counterpart",
                    possessor=possessor,
                )
            )
            return
        self.add(self.country_mention(ent, entry.code, entry.name, entry.wikidata))

    def delegation(self, ent: Span, first: Token, head: Token) -> bool:
        """ "the South Korean delegation", "a Chinese delegation": a state's delegation is a side of its own,
        named as written ("South Korean delegation"), of that state."""
        if (
            head.lemma_.lower() not in self.lex.words.delegations
            or head.tag_ != "NN"
            or first.dep_
            not in {
                "amod",
                "compound",
                "nmod",
            }
        ):
            return False
        code = self.gaz.demonym(ent.text)
        if code is None:
            return False
        span = self.doc[ent.start : head.i + 1]
        self.add(_org(span, f"{ent.text} {head.text.lower()}", code, None))
        return True

    def state_delegations(self) -> None:
        """ "the U.S. delegation", "Iran's delegation": a state named on a delegation is the delegation's, a
        side of its own of that state (as "the South Korean delegation" is)."""
        for m in [m for m in self.mentions if m.kind is MentionKind.COUNTRY]:
            head = self.doc[m.head]
            noun = head.head
            if (
                head.dep_ not in {"compound", "amod", "nmod", "poss"}
                or noun.lemma_.lower() not in self.lex.words.delegations
                or noun.tag_ != "NN"
                or noun.i < m.end
            ):
                continue
            span = self.doc[m.start : noun.i + 1]
            if any(i in self.taken for i in range(m.end, noun.i + 1)):
                continue
            self.mentions.remove(m)
            self.taken.difference_update(range(m.start, m.end))
            state = _strip_possessive(self.doc[m.start : m.end]).text
            self.add(_org(span, f"{state} {noun.text.lower()}", m.country, None))

    def people_of_a_state(self, ent: Span) -> bool:
        """ "talked to the Russians", "briefed the Chinese": a nationality as a noun is its state's side."""
        start = ent.start
        if start == 0 or self.doc[start - 1].lower_ != "the" or ent.root.dep_ not in _ARGUMENT_DEPS:
            return False
        if ent.root.pos_ not in {"PROPN", "NOUN"} or not ent.root.text[:1].isupper():
            return False  # "the French delegation": a modifier, the side() rule's case
        code = self.gaz.demonym(ent.text) or self.gaz.demonym(ent.text.rstrip("s"))
        entry = self.gaz.countries.get(code) if code else None
        if entry is None:
            return False
        self.add(self.country_mention(ent, entry.code, entry.name, entry.wikidata))
        return True

    def government_officials(self, span: Span) -> bool:
        """ "Indian Government officials", "U.S. administration officials": unnamed officials of a state."""
        nxt = self.doc[span.end] if span.end < len(self.doc) else None
        if (
            nxt is None
            or nxt.tag_ not in {"NNS", "NNPS"}
            or nxt.lemma_.lower() not in self.lex.people_nouns
            or span[-1].lower_ not in {"government", "administration"}
        ):
            return False
        code = _country_in(list(span[:-1]), self.gaz)
        entry = self.gaz.countries.get(code) if code else None
        if entry is None:
            return False
        self.add(self.country_mention(span, entry.code, entry.name, entry.wikidata))
        return True

    def plural_offices(self) -> None:
        """ "The Chinese and U.S. presidents", "the Greek and Turkish foreign ministers": each state's
        holder of the office (coreference asks the gazetteer for the date, else keeps the state)."""
        doc = self.doc
        country_heads = {m.head for m in self.mentions if m.kind is MentionKind.COUNTRY}
        for i, tag in enumerate(self.cols.tag):
            if tag not in {"NNS", "NNPS"} or (i in self.taken and i not in country_heads):
                continue
            tok = doc[i]
            mods = [c for c in tok.children if c.dep_ in {"amod", "compound", "nmod", "poss"} and c.i < tok.i]
            mods += [k for c in mods for k in c.conjuncts if k.i < tok.i and k not in mods]
            states: list[tuple[Token, str]] = []
            words = []
            for c in sorted(mods, key=lambda t: t.i):
                mention = next(
                    (m for m in self.mentions if m.covers(c.i) and m.kind is MentionKind.COUNTRY), None
                )
                code = mention.country if mention is not None else self.gaz.demonym(c.text)
                if code:
                    states.append((c, code))
                elif c.pos_ in {"ADJ", "NOUN", "PROPN"} and c.dep_ in {"amod", "compound"}:
                    words.append(c.lemma_.lower())
            office, _ = office_in(" ".join([*words, tok.lemma_.lower()]), self.lex)
            if len(states) < 2 or office is None or office in load_offices().generic | {"counterpart"}:
                continue  # one state ("the Chinese president") is a role of its own; officials stand for it
            surface = doc[tok.left_edge.i : tok.i + 1].text
            for c, code in states:
                for m in [m for m in self.mentions if m.covers(c.i)]:
                    self.mentions.remove(m)
                self.mentions.append(
                    Mention(
                        c.i,
                        c.i + 1,
                        c.i,
                        MentionKind.ROLE,
                        ActorType.PERSON,
                        surface,
                        country=code,
                        office=office,
                        title=f"{c.text} {office}",
                        or_state=True,
                    )
                )
                self.taken.add(c.i)

    def stand_in_surfaces(self) -> None:
        """ "Mercosur heads of state", "European Union representatives": the body stands for its people,
        and the whole phrase is the surface form the article uses for that side."""
        doc = self.doc
        for m in self.mentions:
            if m.kind not in {MentionKind.ORG, MentionKind.COUNTRY} or m.end >= len(doc):
                continue
            noun = doc[m.end]
            if noun.tag_ not in {"NNS", "NNPS"} or m.head not in {t.i for t in noun.children}:
                continue
            end = noun.i + 1
            if noun.lower_ == "heads" and end + 1 < len(doc) and doc[end].lower_ == "of":
                end += 2  # "heads of state", "heads of government"
            elif noun.lemma_.lower() not in self.lex.people_nouns | {"expert"}:
                continue
            m.surface = doc[min(m.start, noun.left_edge.i) : end].text  # "our Russian colleagues"

    def seats_as_hosts(self) -> None:
        """ "is coming to the White House", "visited the Kremlin": a seat of government a visitor goes to is
        the office holder who receives visitors there (``receives`` in metonyms.yaml), that day's holder, or
        the state when the gazetteer does not know who held it. Said of the seat ("the Kremlin said") it
        stays the government's voice."""
        for m in list(self.mentions):
            if m.kind is not MentionKind.ORG or m.name is None:
                continue
            seat = self.gaz.metonym(m.name)
            if seat is None or seat.receives is None:
                continue
            head = self.doc[m.head]
            goal = (
                head.dep_ == "pobj"
                and head.head.lower_ in {"to", "at"}
                and head.head.head.lemma_.lower() in self.lex.travel_verbs
            )
            visited = head.dep_ == "dobj" and self.lex.verbs.get(head.head.lemma_.lower()) == "visit"
            if not (goal or visited):
                continue
            self.mentions.remove(m)
            self.mentions.append(
                Mention(
                    m.start,
                    m.end,
                    m.head,
                    MentionKind.ROLE,
                    ActorType.PERSON,
                    m.surface,
                    country=seat.country,
                    office=seat.receives,
                    title=f"{seat.country} {seat.receives}",
                    or_state=True,
                )
            )

    def _is_title_part(self, span: Span) -> bool:
        """ "Kremlin" in "Kremlin aide Yury Ushakov" belongs to the person's title; but "Hamas officials" are
        people of the body, which stands for them."""
        nxt = self.doc[span.end] if span.end < len(self.doc) else None
        return bool(
            nxt is not None
            and nxt.lower_ in self.title_words
            and nxt.pos_ in {"NOUN", "PROPN"}
            and nxt.tag_ not in {"NNS", "NNPS"}
        )

    def known_people(self) -> None:
        """Full names from the gazetteer that NER missed (the small model misses many foreign names)."""
        for start, end in _gazetteer_matches(self.doc, self.gaz, "people"):
            if any(i in self.taken for i in range(start, end)):
                continue
            span = self.doc[start:end]
            if span[0].is_title or span[0].is_upper:
                self.person(span)

    def known_places(self) -> None:
        """States and capitals that NER missed ("come from Kyiv"): a gazetteer name standing on its own."""
        doc = self.doc
        for start, end in _gazetteer_matches(doc, self.gaz, "places"):
            span = doc[start:end]
            if any(i in self.taken for i in range(start, end)) or span[-1].pos_ != "PROPN":
                continue
            listed = any(
                (
                    m.kind is MentionKind.COUNTRY
                    and (m.head == span.root.head.i or span.root.i in {c.i for c in doc[m.head].children})
                )
                for m in self.mentions
            )  # "Ghana, Togo, and Benin": in a list of states NER's PERSON is wrong
            if any(
                t.ent_type_ in {"ORG", "FAC", "WORK_OF_ART"} or (t.ent_type_ == "PERSON" and not listed)
                for t in span
            ):
                continue
            before = doc[start - 1] if start > 0 else None
            after = doc[end] if end < len(doc) else None
            # Part of a longer name ("Paris Hilton", "Victoria Nuland") is not the place.
            if any(
                t is not None
                and t.pos_ == "PROPN"
                and not t.is_punct
                and t.lower_ not in _calendar_words()  # "... of Palau June 3": a date, not more of a name
                for t in (before, after)
            ):
                continue
            self.gpe(span)

    def known_bodies(self) -> None:
        """Organizations NER missed ("talks with the ELN", "a Quad meeting"): a gazetteer name or abbreviation
        written as the gazetteer writes it, standing on its own (not inside a longer proper name)."""
        doc = self.doc
        for start, end in _gazetteer_matches(doc, self.gaz, "bodies"):
            span = doc[start:end]
            if any(i in self.taken for i in range(start, end)) or span[-1].pos_ != "PROPN":
                continue
            if any(t.ent_type_ in {"PERSON", "WORK_OF_ART"} for t in span):
                continue
            before = doc[start - 1] if start > 0 else None
            after = doc[end] if end < len(doc) else None
            if any(t is not None and t.pos_ == "PROPN" and not t.is_punct for t in (before, after)):
                continue  # part of a longer name
            mention = self.org_mention(span, strict=True)
            if mention is not None:
                self.add(mention)

    def surnames(self) -> None:
        """Surnames NER missed ("Macron last spoke..."): a proper noun equal to a named person's last name."""
        names = [
            m.name.split()
            for m in self.mentions
            if m.kind is MentionKind.NAME and m.type is ActorType.PERSON and m.name
        ]
        known = {n[-1] for n in names}
        full = {tuple(n) for n in names if len(n) == 2}
        firsts = [n[0] for n in full]
        # Some naming customs use the given name alone ("Abiy" for Abiy Ahmed): accept one used by one person.
        given = {f for f in firsts if firsts.count(f) == 1 and f not in known}
        # "dear Tony" in a transcript is Antony Blinken when he is the only Antony named
        short = {
            nick.capitalize(): " ".join(n)
            for nick, forms in self.lex.nicknames.items()
            for n in full
            if n[0].lower() in forms and sum(m[0].lower() in forms for m in full) == 1
        }
        cols = self.cols
        for i, pos in enumerate(cols.pos):
            # A surname the article already named is that person even where the tagger, at a paragraph's
            # start, calls it a verb ("Blinken, for his part, said").
            if i in self.taken or (pos != "PROPN" and not (cols.text[i] in known and self.doc[i].is_title)):
                continue
            tok = self.doc[i]
            # A leader the gazetteer knows by surname ("Scholz invited Modi"), where NER saw a place or none.
            famous = tok.is_title and bool(self.gaz.people(tok.text)) and not self.gaz.country(tok.text)
            if tok.ent_type_ not in _NUMERIC_ENTS and (tok.text in known or tok.text in given or famous):
                self.add(
                    Mention(
                        tok.i, tok.i + 1, tok.i, MentionKind.NAME, ActorType.PERSON, tok.text, name=tok.text
                    )
                )
            elif tok.text in short and tok.ent_type_ not in _NUMERIC_ENTS:
                self.add(
                    Mention(
                        tok.i,
                        tok.i + 1,
                        tok.i,
                        MentionKind.NAME,
                        ActorType.PERSON,
                        tok.text,
                        name=short[tok.text],
                    )
                )
        for m in self.mentions:
            if m.kind is MentionKind.NAME and m.name in short:
                m.name = short[m.name]  # NER found "Tony" itself

    def label_names(self) -> None:
        """Transcript turns labelled by a name in capitals ("MARIA LOPEZ:", "MARIA LOPEZ, FOREIGN MINISTER:"),
        which the tagger rarely takes for a name: a label that is no office, no unnamed speaker ("QUESTION")
        and no state or body is a person. One word alone must be a name the gazetteer knows."""
        text = text_of(self.doc)
        for hit in _CAPS_LABEL.finditer(text):
            words = hit.group("name")
            low = " ".join(words.lower().split())
            if (
                low.removeprefix("the ") in self.lex.offices
                or low.split()[0].rstrip(".") in UNNAMED_SPEAKERS
                or self.gaz.country(words)
                or self.gaz.organization(words)
                or (" " not in low and not self.gaz.people(words))
                or any(w in _NOT_NAME_WORDS for w in low.split())
            ):
                continue
            span = self.doc.char_span(hit.start("name"), hit.end("name"), alignment_mode="expand")
            if span is None or any(i in self.taken for i in range(span.start, span.end)):
                continue
            if any(t.ent_type_ in {"GPE", "LOC", "FAC", "NORP"} or self.gaz.country(t.text) for t in span):
                continue  # "NEW YORK:", "SOUTH CHINA SEA:": a dateline or a topic, not a speaker
            before = len(self.mentions)
            self.person(span)
            low_first = span[0].lower_.rstrip(".")
            if len(self.mentions) == before and len(span) == 2 and low_first in _HONORIFIC_GENDER:
                # "MR DOE:": an honorific and a surname label a speaker even when the name occurs once
                name = span[1].text.title()
                gender = _HONORIFIC_GENDER[low_first]
                self.add(
                    Mention(
                        span.start,
                        span.end,
                        span.end - 1,
                        MentionKind.NAME,
                        ActorType.PERSON,
                        span.text,
                        name=name,
                        gender=gender,
                    )
                )

    # --- role phrases, pronouns, groups ----------------------------------------------------------
    def label_roles(self) -> None:
        """Transcript turns labelled by an office alone ("FOREIGN MINISTER:", "The President:"): the label is
        a role phrase (whose office coreference resolves, on a government's own site to its own holder)."""
        text = text_of(self.doc)
        for hit in _OFFICE_LABEL.finditer(text):
            words = hit.group("title")
            if not (words.isupper() or words.istitle()):
                continue  # "Asked about it, the minister said:" is prose
            title = re.sub(r"^the\s+", "", " ".join(words.lower().split()))
            office = self.lex.offices.get(title)
            span = self.doc.char_span(hit.start("title"), hit.end("title"), alignment_mode="expand")
            if office is None or span is None or any(i in self.taken for i in range(span.start, span.end)):
                continue
            self.add(
                Mention(
                    span.start,
                    span.end,
                    span.end - 1,
                    MentionKind.ROLE,
                    ActorType.PERSON,
                    span.text,
                    office=office,
                    title=words,
                )
            )

    def role(self, tok: Token) -> None:
        if tok.i in self.taken or tok.tag_ in {"NNS", "NNPS"} or tok.lower_ not in self.title_words:
            return
        if tok.dep_ == "compound" or (
            tok.head.i != tok.i and tok.head.lower_ in self.title_words and tok.dep_ in {"amod", "compound"}
        ):
            return
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _OFFICE_BODIES:
            return  # "the Office of the Press Secretary" is a body, not the person who holds the office
        left = tok.left_edge.i
        mods = [t for t in self.doc[left : tok.i + 1]]
        named = self.appositive_name(tok) or self.appositive_proper_name(tok)
        if named is not None:
            # "the assistant secretary of state, Jendayi Frazer": the role is the named person's title.
            named.extra_tokens.extend(range(tok.left_edge.i, tok.i + 1))
            self.taken.update(range(tok.left_edge.i, tok.i + 1))
            office, title = office_in(self.doc[tok.left_edge.i : tok.i + 1].text, self.lex)
            named.office = named.office or office
            named.title = named.title or title
            named.country = (
                named.country
                or self.of_country(tok)
                or _country_in(list(self.doc[tok.left_edge.i : tok.i + 1]), self.gaz)
            )
            return
        possessor = next((t.i for t in tok.children if t.dep_ == "poss"), None)
        poss_token = possessor
        has_det = any(t.dep_ == "det" for t in tok.children) or possessor is not None
        of_country = self.of_country(tok)
        country = (
            _country_in([t for t in mods if t.i != possessor or t.pos_ == "PROPN"], self.gaz) or of_country
        )
        if possessor is not None and self.doc[possessor].ent_type_ in {"GPE", "NORP"}:
            country = country or _country_in([self.doc[possessor]], self.gaz)
            possessor = None
        country = country or (self.listed_side(tok) if possessor is None else None)
        if not (has_det or country):
            return
        office, title = office_in(self.doc[left : tok.i + 1].text, self.lex)  # "secretary-general" unsplit
        if office is None:
            return
        end = tok.i + 1
        longer = self.longer_title(left, tok)
        if longer is not None:
            office, end = longer  # "the US Secretary of State": the title runs on past its head word
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}), None)
        body_at: Mention | None = None
        if of_country and of is not None:
            state = next(
                (m for m in self.mentions if of.i < m.start <= of.i + 3 and m.kind is MentionKind.COUNTRY),
                None,
            )
            # Up to the state's name: the parser may hang more on it ("of Ukraine and European Union ...").
            end = max(end, state.end if state is not None else of.right_edge.i + 1)
            if (
                end < len(self.doc)
                and self.doc[end].tag_ == "POS"
                and self.doc[end - 1].head.i > end
                and not self.gaz.has_office(office, of_country)
            ):
                # "the head of Iran's atomic agency": the office is in what the state owns (but "the
                # President of Ukraine's visit" is the state's own office)
                end = self.doc[end - 1].head.i + 1
        elif of is not None and of.lower_ == "of" and end == tok.i + 1:
            # "the President of the European Commission": an international body names the office's side
            body_at = next(
                (
                    m
                    for m in self.mentions
                    if of.i < m.start <= of.i + 2
                    and m.kind is MentionKind.ORG
                    and m.country is None
                    and self.gaz.organization(m.surface)  # a known body, not "the Ministers' Council"
                ),
                None,
            )
            end = body_at.end if body_at is not None else end
        inside = [m for m in self.mentions if left <= m.start and m.end <= tok.i and m.start != poss_token]
        # "the President of Ukraine": the state in the of-phrase names the office's side, as a demonym would.
        inside += [
            m for m in self.mentions if tok.i < m.start and m.end <= end and m.kind is MentionKind.COUNTRY
        ]
        inside += [body_at] if body_at is not None else []
        if any(m.kind not in {MentionKind.COUNTRY, MentionKind.ORG} for m in inside):
            return
        # "his advisor": the possessive belongs to the role phrase; coreference resolves it from there.
        # "Norway's top envoy": the state is the envoy's side (already in ``country``), not a participant.
        inside += [
            m
            for m in self.mentions
            if m.start == poss_token and m.kind in {MentionKind.PRONOUN, MentionKind.COUNTRY}
        ]
        # "the UN envoy": an international body names the office's side when no state does
        body = next((m.surface for m in inside if m.kind is MentionKind.ORG and m.country is None), None)
        words = [t for t in mods if t.pos_ == "PROPN" and t.lower_ not in self.title_words]
        if body is None and words and self.gaz.organization(" ".join(t.text for t in words)):
            body = " ".join(t.text for t in words)  # "The NATO secretary general": NER left NATO in the title
        for m in inside:  # "the U.S. diplomat": the state names the diplomat's side, not a participant
            self.mentions.remove(m)
            self.taken.difference_update(range(m.start, m.end))
        if any(i in self.taken for i in range(left, end) if i != poss_token):
            return
        start = left
        self.add(
            Mention(
                start,
                end,
                tok.i,
                MentionKind.ROLE,
                ActorType.PERSON,
                self.doc[start:end].text,
                country=country,
                office=office,
                title=self.doc[start:end].text,
                possessor=possessor,
                body=None if country else body,
            )
        )

    def longer_title(self, left: int, tok: Token) -> tuple[str, int] | None:
        """An office whose title runs past its head word with "of"/"for" ("Secretary of State", "Minister for
        Foreign Affairs"): its office and the token after it, when the lexicon has that longer title."""
        doc = self.doc
        low = text_of(doc).lower()
        stop = doc[tok.i].idx + len(tok)
        best: tuple[int, str, int] | None = None
        for title, office in self.lex.offices.items():
            if " of " not in title and " for " not in title:
                continue
            for i in range(left, tok.i + 1):
                if any(t.lower_ in _RANK_WORDS for t in doc[max(0, i - 2) : i]):
                    break  # "Vice-Minister for Foreign Affairs" is not the minister
                at = doc[i].idx
                after = at + len(title)
                if (
                    after <= stop
                    or not low.startswith(title, at)
                    or (after < len(low) and low[after].isalnum())
                ):
                    continue
                span = doc.char_span(at, after, alignment_mode="contract")
                if span is not None and (best is None or len(title) > best[0]):
                    best = (len(title), office, span.end)
        return (best[1], best[2]) if best else None

    def appositive_name(self, tok: Token) -> Mention | None:
        """The named person in apposition to a role, also after its of/for phrase ("..., Jendayi Frazer")."""
        for child in (c for t in tok.subtree for c in t.children):
            if child.dep_ == "appos":
                for m in self.mentions:
                    if m.kind is MentionKind.NAME and m.type is ActorType.PERSON and m.covers(child.i):
                        return m
        # The parser may hang the name elsewhere: a name right after the next comma, within a few words.
        doc = self.doc
        for i in range(tok.i + 1, min(tok.i + 8, len(doc) - 1)):
            if doc[i].text == ",":
                named = next(
                    (m for m in self.mentions if m.start == i + 1 and m.kind is MentionKind.NAME), None
                )
                after = doc[named.end] if named is not None and named.end < len(doc) else None
                if named is not None and named.type is ActorType.PERSON and (after is None or after.is_punct):
                    return named
                return None
            if doc[i].is_sent_start or doc[i].pos_ in {"VERB", "AUX"}:
                return None
        return None

    def appositive_proper_name(self, tok: Token) -> Mention | None:
        """ "his counterpart Choe Son Hui", "her counterpart Retno Marsudi": proper nouns in apposition to a
        title name a person, though the recognizer missed the name or took it for a body it does not know."""
        child = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if child is None:
            return None
        words = [t for t in self.doc[child.left_edge.i : child.i + 1]]
        if not 2 <= len(words) <= 4 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
            return None
        span = self.doc[words[0].i : child.i + 1]
        covering = [m for m in self.mentions if m.start < span.end and span.start < m.end]
        if any(
            m.kind is not MentionKind.ORG or (m.start, m.end) != (span.start, span.end) or m.wikidata
            for m in covering
        ) or self.gaz.organization(span.text):
            return None
        for m in covering:  # a body nobody knows, in a title's apposition: the name of its holder
            self.mentions.remove(m)
            self.taken.difference_update(range(m.start, m.end))
        self.person(span)
        return next((m for m in self.mentions if m.kind is MentionKind.NAME and m.covers(child.i)), None)

    def of_country(self, tok: Token) -> str | None:
        """ "the President of Ukraine", "his counterpart from Indonesia": the state in the phrase after."""
        for child in tok.children:
            if child.dep_ == "prep" and (
                child.lower_ == "of" or (child.lower_ == "from" and tok.lower_ == "counterpart")
            ):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return _country_in(list(objs[0].subtree), self.gaz)
        return None

    def listed_side(self, tok: Token) -> str | None:
        """ "Fiji's leaders, the prime minister and the foreign minister": a title listed in apposition to
        a state's people ("leaders", "officials") is that state's office."""
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ != "appos":
            return None
        people = tok.head
        if people.tag_ != "NNS" or people.lemma_.lower() not in self.lex.people_nouns:
            return None
        owners = [
            t for c in people.children if c.dep_ in {"poss", "amod", "compound", "nmod"} for t in c.subtree
        ]
        return _country_in(owners, self.gaz) or self.of_country(people)

    def pronoun(self, tok: Token) -> None:
        if tok.i in self.taken:
            return
        for kind, words in ((MentionKind.FIRST, FIRST), (MentionKind.SECOND, SECOND), (MentionKind.WE, WE)):
            if tok.lower_ in words and tok.pos_ == "PRON":
                self.add(Mention(tok.i, tok.i + 1, tok.i, kind, ActorType.PERSON, tok.text))
                return
        third = {"PRP$": POSSESSIVES, "PRP": PRONOUNS}.get(tok.tag_, {})
        if tok.lower_ in third:  # "he", "him", "his", "she", "her"
            gender = third[tok.lower_]
            self.add(
                Mention(
                    tok.i, tok.i + 1, tok.i, MentionKind.PRONOUN, ActorType.PERSON, tok.text, gender=gender
                )
            )

    def groups(self) -> None:
        text_low = text_of(self.doc).lower()
        # "the two diplomats", "both envoys", "the three negotiators": any people noun counted like the
        # phrases below (first, so that "the two diplomats" is not cut to "the two")
        doc = self.doc
        lower = self.cols.lower
        for i in range(len(doc) - 1):
            if lower[i] != "both" and lower[i] != "the":
                continue  # most words: decided without building their tokens
            counted = doc[i].lower_ == "both" or (
                doc[i].lower_ == "the" and i + 2 < len(doc) and doc[i + 1].lower_ in {"two", "three", "four"}
            )
            end = i + (2 if doc[i].lower_ == "both" else 3)
            if not counted or end > len(doc):
                continue
            noun = doc[end - 1]
            if noun.tag_ != "NNS" or noun.lemma_.lower() not in self.lex.people_nouns:
                continue
            if end < len(doc) and doc[end].lower_ in {"of", "from"}:
                continue  # "the two envoys of Qatar and Egypt" name their states
            self.add(Mention(i, end, noun.i, MentionKind.GROUP, ActorType.PERSON, doc[i:end].text))
        for phrase in sorted(self.lex.group_anaphora, key=len, reverse=True):
            if phrase not in text_low:
                continue  # most phrases are not in the article; a substring test is cheaper than a search
            for m in re.finditer(rf"\b{re.escape(phrase)}\b", text_low):
                span = self.doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None and not (span.end < len(self.doc) and self.doc[span.end].lower_ == "of"):
                    # "the leaders of France, Germany and Italy" name their states; no anaphor
                    self.add(
                        Mention(
                            span.start, span.end, span.root.i, MentionKind.GROUP, ActorType.PERSON, span.text
                        )
                    )


_MATCHERS: dict[tuple[int, int, str], Any] = {}
# What each gazetteer matcher finds: the surface-form labels and the token attribute compared.
_MATCHED = {
    "people": (frozenset({"PERSON"}), "LOWER"),  # multi-word names, any case ("PRESIDENT VLADIMIR PUTIN")
    "places": (frozenset({"COUNTRY", "CAPITAL"}), "ORTH"),  # case as written: "Chad" is not "chad"
    "bodies": (frozenset({"ORG"}), "ORTH"),  # "the ELN", not "eln"
}


def _gazetteer_matches(doc: Doc, gaz: Gazetteer, what: str) -> list[tuple[int, int]]:
    """Longest non-overlapping matches of the gazetteer's names of one sort, with a PhraseMatcher built
    once per vocabulary and gazetteer."""
    key = (id(doc.vocab), id(gaz), what)
    if key not in _MATCHERS:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc as SpacyDoc

        labels, attr = _MATCHED[what]
        matcher = PhraseMatcher(doc.vocab, attr=attr)
        names = {text for text, label, _ in gaz.surface_forms() if label in labels}
        if what == "people":
            names = {n for n in names if " " in n}  # one word alone is left to NER and the surname pass
        matcher.add(what, [SpacyDoc(doc.vocab, words=name.split()) for name in sorted(names)])
        _MATCHERS[key] = matcher
    return _longest((s, e) for _, s, e in _MATCHERS[key](doc))


def _longest(matches: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest non-overlapping ``(start, end)`` matches, in text order."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(matches, key=lambda m: (m[0], -(m[1] - m[0]))):
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


# Every word Finder.pronoun takes.
_PRONOUN_WORDS = FIRST | SECOND | WE | PRONOUNS.keys() | POSSESSIVES.keys()


def find_mentions(doc: Doc, gaz: Gazetteer, lex: Lexicon) -> list[Mention]:
    """All actor mentions of ``doc`` in text order."""
    finder = _Finder(doc, gaz, lex)
    finder.titled_names()
    finder.known_people()  # before NER's spans, which often cut a name short ("Rodham Clinton")
    finder.label_names()  # transcript labels in capitals, which NER misses or takes for bodies
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            finder.person(ent)
    for ent in doc.ents:
        if ent.label_ in {"GPE", "LOC"}:
            finder.gpe(ent)
        elif ent.label_ == "NORP":
            finder.side(ent)
        elif ent.label_ in {"ORG", "FAC"}:
            finder.org(ent)
    finder.known_places()
    finder.known_bodies()
    finder.surnames()
    finder.groups()
    finder.label_roles()
    # Only title words can be roles and only pronouns pronouns: other tokens are never built.
    wanted = finder.title_words | _PRONOUN_WORDS
    for i, low in enumerate(finder.cols.lower):
        if low in wanted:
            tok = doc[i]
            finder.role(tok)
            finder.pronoun(tok)
    finder.plural_offices()
    finder.state_delegations()
    finder.stand_in_surfaces()
    finder.seats_as_hosts()
    return sorted(finder.mentions, key=lambda m: m.start)
