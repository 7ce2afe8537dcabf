"""Word lists of diplomatic language, loaded once from ``data/lexicon/*.yaml``.

Lexicons are data: adding a contact verb or an office is an edit to a YAML file, not to code. Every contact
verb and noun of ``contacts.yaml`` is one trigger record (:class:`VerbTrigger`, :class:`NounTrigger`) that
says which grammatical slots give which roles and when the word is a contact at all; the word classes the
rules consult ("conveners", "side nouns") are named lists (:class:`WordClasses`). The file is validated by
:class:`ContactLexicon` on load; ``schemas/lexicon.schema.json`` is its JSON Schema.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints, ValidationError

from graphkit.errors import GraphkitError
from graphkit.models import ContactKind, ContactLevel, ContactStatus, Role
from graphkit.offices import load_offices

__all__ = [
    "LEXICON_DIR",
    "ContactLexicon",
    "Lexicon",
    "NounTrigger",
    "VerbTrigger",
    "WordClasses",
    "load_lexicon",
]

LEXICON_DIR = Path(__file__).resolve().parents[1] / "data" / "lexicon"

#: A lower-case word or phrase as spaCy lemmas and ``lower_`` give them.
Word = Annotated[str, StringConstraints(min_length=1, pattern=r"^[^A-Z]+$")]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class VerbTrigger(_Record):
    """A contact verb: its kind and how the dependency parse around it gives the parties."""

    kind: ContactKind
    """The contact kind."""
    roles: tuple[Role, Role] | None = None
    """(subject role, object role), e.g. (host, visitor) for "receive"; None: both are participants."""
    requires_object: bool = False
    """No contact without an object ("received the delegation"; "received criticism" names no party)."""
    object_preps: frozenset[Word] = frozenset()
    """Prepositions besides with/between/among whose objects are counterparts ("spoke to X")."""
    required_prep: Word | None = None
    """A contact only with this preposition ("wrote to X"; "wrote a book" is none)."""
    particle: Word | None = None
    """A contact only with this particle ("sat down with X")."""
    symmetric: bool = False
    """The subject alone may hold every party ("A and B met"), even when parsed as one noun phrase."""
    plural_subject: bool = False
    """A contact only when the subject names two or more parties ("A and B co-chaired")."""
    bodies_only: bool = False
    """Only organizations count as objects: one attends or takes part in a summit, a forum or a council
    named as a body ("attended the Pacific Islands Forum"); attending a concert or a funeral is no contact
    by itself."""
    no_states: bool = False
    """No contact when a party is a state: states that sign or agree may each act alone ("A and B signed
    the treaty"); persons and bodies that do so together were in contact."""
    topic_object: bool = False
    """The direct object is what is talked about or chaired, not a party ("discussed trade")."""
    discussion: bool = False
    """A verb of discussing: a with-phrase hung on the topic names the counterpart ("discussed trade with
    X"); without any with-phrase only two named subjects make a contact; without an object the kind is read
    from the context as for speech (a contact when no channel is stated)."""
    speech: ContactKind | None = None
    """A verb of speaking: the kind is a call with phone words nearby, a meeting with an in-country place,
    else this kind; a forum body as its object is an audience, not a party ("spoke to the Assembly")."""
    channel_required: bool = False
    """A contact only when its own clause names the channel: phone words make a call, the written channels
    a correspondence ("told X by phone", "thanked X in a letter")."""
    passive_patient: bool = False
    """A passive subject is the object's party, never the subject's ("X was received": X is the guest)."""
    guest_in_to_phrase: bool = False
    """Without an object, a person inside the to-phrase is the guest ("welcomed to the capital X")."""
    performative: bool = False
    """Said by "I"/"we" it is happening as it is said ("I welcome you"), whatever modality surrounds it."""
    status: ContactStatus | None = None
    """The status when the sentence states none (an invitation proposes a contact)."""
    gathering: bool = False
    """Several objects are brought together in one gathering, not met one by one ("invited the leaders of
    A, B and C", "hosted A and B at the retreat"): one event with all of them unless told apart."""
    sense_preps: frozenset[Word] = frozenset()
    """Prepositions that mark another sense of the verb unless their object is a date ("called on X to")."""
    purposes: frozenset[Word] | None = None
    """Clausal complements that are the contact's purpose ("called X to discuss"); when given, any other
    complement marks another sense ("called him a liar") and a predicate complement naming an actor is the
    counterpart (a misparsed "called X")."""


class NounTrigger(_Record):
    """A contact noun: its kind and what its modifiers say about the parties."""

    kind: ContactKind
    """The contact kind."""
    venue: bool = False
    """Also a gathering where contacts happen: inside a venue phrase of another trigger it is no contact
    ("on the sidelines of the summit"), and an organization modifier names it ("the G20 summit")."""
    of_is_participant: bool = False
    """The of-phrase names a participant ("the inauguration of X"), as it always does for visits and
    letters."""
    meal: bool = False
    """A meal: its for-phrase names the guest, and several with-phrases still sit at one table."""
    required_prep: Word | None = None
    """A contact only with this preposition ("remarks with X" is a joint appearance; remarks alone a
    speech)."""
    speech: ContactKind | None = None
    """A noun of speaking: the kind from the context as for speech verbs, this kind when none is stated."""
    channel: bool = False
    """A channel word: as a compound modifier the head noun is the trigger ("phone call"), and it makes a
    noun with ``appeal_sense`` a contact."""
    appeal_sense: bool = False
    """Also an appeal ("a call for restraint"): a contact only with a with/between/from-phrase or a
    channel modifier."""
    counted: bool = False
    """Counted one per session: its plural with one holder and several counterparts is one session with
    each ("calls with A and B"); "talks" with several counterparts are one event."""


def _kind_shorthand(value: Any) -> Any:
    """``meet: meeting`` is short for ``meet: {kind: meeting}``."""
    return {"kind": value} if isinstance(value, str) else value


VerbEntry = Annotated[
    VerbTrigger, BeforeValidator(_kind_shorthand, json_schema_input_type=ContactKind | VerbTrigger)
]
NounEntry = Annotated[
    NounTrigger, BeforeValidator(_kind_shorthand, json_schema_input_type=ContactKind | NounTrigger)
]


class WordClasses(_Record):
    """Named classes of words the contact rules consult (lemmas, or surface words where noted)."""

    conveners: frozenset[Word]
    """Verbs whose subject takes part in talks between others ("hosted talks between A and B")."""
    urging_verbs: frozenset[Word]
    """Verbs that call for contacts among others ("urged dialogue")."""
    informing_verbs: frozenset[Word]
    follow_up_verbs: frozenset[Word]
    """Verbs whose on-phrase takes up an earlier contact ("builds on the meeting in May"): it keeps its own
    status and date."""
    """Verbs of informing, whose on-phrase is a topic ("briefed X on the meeting")."""
    scheduling_verbs: frozenset[Word]
    """Verbs that schedule a contact: "talks to be held" are planned."""
    light_verbs: frozenset[Word]
    receiving_verbs: frozenset[Word]
    delegations: frozenset[Word]
    """Singular nouns for a state's negotiating party, a side of its own ("the South Korean delegation")."""
    """Verbs of receiving a contact, whose from-phrase is the other party ("took calls from A and B")."""
    """Verbs that carry a contact noun ("held talks"); never triggers themselves."""
    holding_verbs: frozenset[Word]
    """Verbs of holding a contact in a relative clause on its noun ("the talks he held with X")."""
    carry_verbs: frozenset[Word]
    """Verbs of bringing something to a person, which meets him ("took the plan to X")."""
    quantity_nouns: frozenset[Word]
    """Nouns through which a verb still governs a contact noun ("held a round of talks")."""
    members: frozenset[Word]
    """People of a body; their of/from-phrase names the body ("members of the parliament")."""
    side_nouns: frozenset[Word]
    """Nouns for the people of a side, besides the people nouns ("heads of state")."""
    collectives: frozenset[Word]
    """Plural nouns for a set of states ("other governments, including X")."""
    forum_bodies: frozenset[Word]
    """Last words of bodies one speaks to rather than with ("the General Assembly"); surface words."""
    process_names: frozenset[Word]
    """Last words of organization names that name a process, a format or a place, never a party ("the
    strategic dialogue", "the Normandy format", "the command headquarters"); surface words."""
    sports: frozenset[Word]
    """Settings where states meet as teams ("met in the final")."""
    separate_modifiers: frozenset[Word]
    """Surface words saying "talks with A, B and C" were one session per counterpart ("one-on-one")."""
    joint_words: frozenset[Word]
    """Surface words saying one subject met its several counterparts at one table ("for trilateral talks")."""
    remote_words: frozenset[Word]
    """Modifiers or by/over/via-objects that make a contact noun a call ("a virtual summit")."""
    voice_channels: frozenset[Word]
    """By/over/on-objects that make a contact verb a call ("spoke by phone")."""
    arrival_verbs: frozenset[Word]
    """Travel verbs whose from-phrase is also a place visited ("has just come back from X")."""
    departure_verbs: frozenset[Word]
    """Travel verbs whose for-phrase is where the traveller goes ("left Paris for Moscow")."""
    companion_verbs: frozenset[Word]
    """Verbs whose object travels and takes part too ("accompanied the president to X")."""
    venue_frames: frozenset[Word]
    """Surface nouns whose of-phrase is the venue of another contact ("on the sidelines of the summit")."""
    call_frames: frozenset[Word]
    """During/in-objects that frame a contact verb as a call ("during the call, X briefed Y")."""
    written_channels: frozenset[Word]
    """Words that make a channel-required verb a correspondence ("thanked X in a letter")."""
    announcing_verbs: frozenset[Word]
    """Reporting verbs whose subject takes part in the talks it confirms or announces with somebody."""
    picture_places: frozenset[Word]
    """Where a person stands in a photograph, said after the name in captions ("X, left, meets Y")."""
    apart_words: frozenset[Word]
    """Words that tell several counterparts of one verb apart ("spoke with A and, separately, with B")."""
    in_person_words: frozenset[Word]
    """Words that place a talk in person besides venues and gatherings ("spoke in private")."""
    stop_nouns: frozenset[Word]
    """Nouns for a place on a journey ("Tokyo was the first stop on X's tour"): that place is visited."""
    pointing_back: frozenset[Word]
    """Modifiers by which a contact noun points back at the contact just told ("another call")."""
    describing_verbs: frozenset[Word]
    """Verbs of a clause on a contact noun that tells how it was held, sent or made ("the call they had on
    Monday", "talks held in May"): that clause's date is the contact's."""
    same_time_adverbs: frozenset[Word]
    """Adverbs by which an undated contact follows on from the sentence before and takes its date ("also",
    "later")."""
    trip_verbs: frozenset[Word]
    """Verbs of going somewhere or gathering: a plan told after them in the same trip shares their day."""


class StatusCues(_Record):
    """Modality cues on a trigger or its governors (lemmas; inflected forms are added on load)."""

    planned_aux: list[Word]
    planned_governors: list[Word]
    aspect_governors: list[Word]
    planned_words: list[Word]
    proposed_aux: list[Word]
    proposed_governors: list[Word]
    negated_governors: list[Word]
    negated_nouns: list[Word]
    information_nouns: list[Word]
    double_negation: list[Word]
    proposed_modifiers: list[Word]
    negated_modifiers: list[Word]
    possibility_predicates: list[Word]
    wish_verbs: list[Word]
    unfulfilled_governors: list[Word] = []
    """Told in the past, a plan that did not come about ("was supposed to meet"); in the present, a plan."""
    pending_adverbs: list[Word] = []
    """Adverbs on a governor saying its infinitive has not happened ("have yet to meet"): negated."""


class ContactLexicon(_Record):
    """The contents of ``data/lexicon/contacts.yaml``."""

    verbs: dict[Word, VerbEntry]
    travel_verbs: list[Word]
    nouns: dict[Word, NounEntry]
    word_classes: WordClasses
    phone_words: list[Word]
    object_control_verbs: list[Word]
    people_nouns: list[Word]
    onlooker_verbs: list[Word]
    place_nouns: list[Word]
    news_agencies: list[Word]
    non_actors: list[Word]
    status: StatusCues
    levels: dict[Word, ContactLevel]


@dataclass(frozen=True)
class Lexicon:
    """Contact, title and speech vocabularies (all lower case)."""

    verbs: dict[str, str]  # lemma -> kind, derived from verb_triggers
    travel_verbs: frozenset[str]
    nouns: dict[str, str]  # word -> kind, derived from noun_triggers
    phone_words: frozenset[str]
    object_control_verbs: frozenset[str]
    non_actors: frozenset[str]
    people_nouns: frozenset[str]
    onlooker_verbs: frozenset[str]
    place_nouns: frozenset[str]
    news_agencies: frozenset[str]
    status: dict[str, frozenset[str]]
    offices: dict[str, str]  # title as written (lower case) -> normalized office, from offices.yaml
    honorifics: frozenset[str]
    group_anaphora: tuple[str, ...]
    nicknames: dict[str, tuple[str, ...]]
    reporting_verbs: frozenset[str]
    attribution_phrases: tuple[str, ...]
    verb_triggers: dict[str, VerbTrigger]
    noun_triggers: dict[str, NounTrigger]
    words: WordClasses
    channel_nouns: frozenset[str]  # nouns whose record has ``channel``
    directive_verbs: frozenset[str]
    document_nouns: frozenset[str]
    briefing_titles: frozenset[str]  # heading words of a press briefing's transcript
    levels: dict[str, ContactLevel]  # "technical" in "technical-level talks" -> ContactLevel.TECHNICAL

    @functools.cached_property
    def office_pattern(self) -> re.Pattern[str]:
        """Every office title as a whole word, found at every position (overlaps too), longest first.

        One compiled alternation inside a lookahead: each match is the longest title starting there, and
        group 1 is that title. Match it against lowercased text.
        """
        titles = sorted(self.offices, key=len, reverse=True)
        return re.compile(rf"(?=\b({'|'.join(map(re.escape, titles))})\b)")

    @functools.cached_property
    def title_pattern(self) -> re.Pattern[str]:
        """Every office title and honorific, longest first, ending where no letter or digit follows: matched
        at one position of lowercased text, the first alternative that fits is the longest title there."""
        titles = sorted({*self.offices, *self.honorifics}, key=len, reverse=True)
        return re.compile(f"(?:{'|'.join(map(re.escape, titles))})(?![^\\W_])")

    @functools.cached_property
    def title_heads(self) -> frozenset[str]:
        """The first three characters of each title :attr:`title_pattern` matches (all of a shorter one).

        Where lowercased text starts with none of them no title starts there, which is cheaper to test than
        the pattern."""
        return frozenset(title[:3] for title in {*self.offices, *self.honorifics})

    @functools.cached_property
    def contact_words(self) -> frozenset[str]:
        """Every lemma or word a contact rule starts from: a trigger, a verb of travel or of carrying, "be" of
        a stay, "expect", "one(s)" pointing back, a stop of a journey. Other tokens give no contact."""
        return frozenset(
            {*self.verb_triggers, *self.verbs, *self.travel_verbs, *self.noun_triggers, *self.nouns}
            | self.words.carry_verbs
            | self.words.stop_nouns
            | {"be", "expect", "one", "ones"}
        )

    @functools.cached_property
    def bare_honorifics(self) -> frozenset[str]:
        """Honorifics without their full stop ("mr", "dr")."""
        return frozenset(h.rstrip(".") for h in self.honorifics)

    @functools.cached_property
    def office_rank(self) -> dict[str, int]:
        """The position of each office title in :attr:`offices`: of two as long, the first one wins."""
        return {title: rank for rank, title in enumerate(self.offices)}

    @functools.cached_property
    def office_words(self) -> frozenset[str]:
        """Every single word that occurs in an office title ("minister", "foreign", "state").

        Cached: it is asked for by every article and every contact's participants (about 160,000 words
        split per 400 articles when it was computed each time)."""
        return frozenset(w for title in self.offices for w in title.split())


def _read(directory: Path, name: str) -> dict[str, Any]:
    import yaml

    path = directory / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise GraphkitError(f"cannot read lexicon {path}: {err}") from err
    if not isinstance(data, dict):
        raise GraphkitError(f"lexicon {path} must be a mapping at the top level")
    return data


def _validated(path: Path, data: dict[str, Any]) -> ContactLexicon:
    """``data`` as a :class:`ContactLexicon`; errors name the file, each bad entry and the reason."""
    try:
        return ContactLexicon.model_validate(data)
    except ValidationError as err:
        reasons = "; ".join(
            f"{'.'.join(str(part) for part in e['loc']) or '(top level)'}: {e['msg']}" for e in err.errors()
        )
        raise GraphkitError(f"invalid lexicon {path}: {reasons}") from err


def inflected(lemmas: list[str]) -> frozenset[str]:
    """Lemmas with their regular English inflections, so a lemmatizer slip ("hoped" -> "hop") still matches.

    >>> sorted(inflected(["hope", "agree"]))
    ['agree', 'agreed', 'agreeing', 'agrees', 'hope', 'hoped', 'hopes', 'hoping']
    """
    forms: set[str] = set()
    for lemma in lemmas:
        stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
        forms |= {lemma, lemma + "s", stem + "ed", stem + "ing"}
        if len(lemma) <= 4 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou":
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # plan -> planned
    return frozenset(
        forms - {lemma + "ed" for lemma in lemmas if lemma.endswith("ee")}
        | {lemma + "d" for lemma in lemmas if lemma.endswith("ee")}
    )


@functools.lru_cache(maxsize=2)
def load_lexicon(directory: Path = LEXICON_DIR) -> Lexicon:
    """Load the lexicons from ``directory`` (cached per directory)."""
    contacts = _validated(directory / "contacts.yaml", _read(directory, "contacts.yaml"))
    titles = _read(directory, "titles.yaml")
    offices = load_offices(directory / "offices.yaml")
    speech = _read(directory, "speech.yaml")
    return Lexicon(
        verbs={lemma: trigger.kind.value for lemma, trigger in contacts.verbs.items()},
        travel_verbs=frozenset(contacts.travel_verbs),
        nouns={word: trigger.kind.value for word, trigger in contacts.nouns.items()},
        phone_words=frozenset(contacts.phone_words),
        object_control_verbs=frozenset(contacts.object_control_verbs),
        non_actors=frozenset(contacts.non_actors),
        people_nouns=frozenset(contacts.people_nouns),
        onlooker_verbs=inflected(contacts.onlooker_verbs),
        place_nouns=frozenset(contacts.place_nouns),
        news_agencies=frozenset(contacts.news_agencies),
        status={key: inflected(values) for key, values in contacts.status.model_dump().items()},
        offices=dict(offices.titles),
        honorifics=frozenset(titles["honorifics"]),
        group_anaphora=tuple(titles["group_anaphora"]),
        nicknames={short: tuple(full) for short, full in titles.get("nicknames", {}).items()},
        reporting_verbs=frozenset(speech["reporting_verbs"]),
        attribution_phrases=tuple(speech["attribution_phrases"]),
        verb_triggers=dict(contacts.verbs),
        noun_triggers=dict(contacts.nouns),
        words=contacts.word_classes,
        levels=dict(contacts.levels),
        channel_nouns=frozenset(word for word, trigger in contacts.nouns.items() if trigger.channel),
        directive_verbs=frozenset(speech["directive_verbs"]),
        document_nouns=frozenset(speech["document_nouns"]),
        briefing_titles=frozenset(speech["briefing_titles"]),
    )
