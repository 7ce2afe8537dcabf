"""Speaker rules of the quotation extractor, a table per rule: positives in several wordings, then negatives.

Every sentence here is written for these tests, not taken from an article. A case lists the direct quotations
expected as (a word of the speaker's name, the first words of the quotation); a negative lists what must not
be found (an empty list: no direct quotation at all, or the named speaker must not get the quotation).
"""

from __future__ import annotations

import datetime as dt

import pytest

from graphkit.extractor import extract
from graphkit.extractor.statements import find_quotes
from graphkit.models import Article, Extraction

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

PUBLISHED = dt.date(2024, 3, 13)


def run(text: str) -> Extraction:
    return extract(Article(id="t", published=PUBLISHED, text=text))


def direct(text: str) -> list[tuple[str, str]]:
    """(speaker name, first four words) of each direct quotation."""
    result = run(text)
    return [
        (result.actor(s.speaker).name, " ".join(s.text.split()[:4]))
        for s in result.statements
        if s.direct and s.speaker
    ]


def check(text: str, expected: list[tuple[str, str]]) -> None:
    found = direct(text)
    assert len(found) == len(expected), found
    for (name, start), (word, prefix) in zip(found, expected, strict=True):
        assert word in name.split(), (name, start)
        assert start.startswith(prefix), (name, start)


# --- a curly quotation closed by a straight mark -----------------------------------------------------------
MIXED_MARKS = [
    (
        "Indian Foreign Minister Subrahmanyam Jaishankar said he would “raise every concern we have about "
        'the border with our partners."\n\nThe talks continue.',
        [("Jaishankar", "raise every concern we")],
    ),
    (
        "Sergey Lavrov told journalists, “The door to negotiations has never been closed by our side. We are "
        'ready whenever they are."\n\nThe talks continue.',
        [("Lavrov", "The door to negotiations")],
    ),
    (
        '“We expect the ceasefire to hold through the holidays," Antony Blinken said after the meeting.',
        [("Blinken", "We expect the ceasefire")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MIXED_MARKS)
def test_curly_quotation_closed_by_a_straight_mark(text: str, expected: list[tuple[str, str]]) -> None:
    check(text, expected)


def test_a_proper_closing_mark_wins_over_a_straight_one() -> None:
    text = 'He said “we call it "a new era" in our ties” and left.'
    assert [text[s:e] for s, e in find_quotes(text)] == ['we call it "a new era" in our ties']


def test_a_curly_quotation_left_open_is_still_skipped() -> None:
    assert run("“We will keep talking to everyone, Stubb said.\n\nThe talks ended.").statements == ()


# --- the attribution in the sentence that starts right after the closing mark -------------------------------
AFTER_THE_MARK = [
    (
        "“We signed it at last! A new chapter begins today.” Narendra Modi wrote on social media.",
        [("Modi", "We signed it at")],
    ),
    (
        "“Who could have imagined such a day for our two nations?” Emmanuel Macron asked the crowd in Paris.",
        [("Macron", "Who could have imagined")],
    ),
    (
        "“The talks are over for now. Nothing was agreed!” Sergey Lavrov told reporters in Geneva.",
        [("Lavrov", "The talks are over")],
    ),
]
AFTER_THE_MARK_NEGATIVE = [
    # the next paragraph is no attribution of the quotation that ends the one before
    "“Nobody expected the summit to end this early!”\n\nSergey Lavrov said the talks would go on.",
]


@pytest.mark.parametrize(("text", "expected"), AFTER_THE_MARK)
def test_attribution_in_the_sentence_after_the_closing_mark(
    text: str, expected: list[tuple[str, str]]
) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", AFTER_THE_MARK_NEGATIVE)
def test_a_new_paragraph_does_not_attribute_the_quotation_before(text: str) -> None:
    assert direct(text) == []


# --- the speaker introduced in the sentence before the quotation --------------------------------------------
INTRODUCED = [
    (
        "On Monday, Emmanuel Macron urged Vladimir Putin to return to the table. “There is no other way "
        "to end this war than to talk.”",
        [("Macron", "There is no other")],
    ),
    (
        "Antony Blinken said there was reason for hope.\n\n“For the first time in months, both sides "
        "sat down in the same room.”",
        [("Blinken", "For the first time")],
    ),
    (
        "“We had a long day,” Wang Yi said.\n\nSergey Lavrov stressed that nothing had been decided.\n\n"
        "“All the options remain on the table for both of us.”",
        [("Yi", "We had a long"), ("Lavrov", "All the options remain")],
    ),
]
INTRODUCED_NEGATIVE = [
    # the sentence before names no speaker
    "The two delegations met in Geneva on Monday.\n\n“All the options remain on the table for both of us.”",
    # the quotation's own sentence names a speaker we do not know: it is not the one introduced before
    "Antony Blinken said there was reason for hope. “We will see,” one diplomat in the room told reporters.",
]


@pytest.mark.parametrize(("text", "expected"), INTRODUCED)
def test_speaker_introduced_in_the_sentence_before(text: str, expected: list[tuple[str, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", INTRODUCED_NEGATIVE)
def test_no_introduction_no_speaker(text: str) -> None:
    assert direct(text) == []


# --- "..., he said" after a sentence that introduces the speaker --------------------------------------------
PRONOUN_AFTER_INTRODUCTION = [
    (
        "Mr. Trump stayed home. Turkish Foreign Minister Hakan Fidan says President Putin and President "
        'Zelensky are still far apart.\n\n"Neither side is ready to give ground yet," he warned.',
        [("Fidan", "Neither side is ready")],
    ),
    (
        "Ms. Baerbock was absent. Foreign Minister Penny Wong told reporters that Prime Minister Kishida and "
        'Ms. Baerbock want more time.\n\n"They need a few more weeks to agree," she said.',
        [("Wong", "They need a few")],
    ),
    (
        "Mr. Biden did not come. Mahmoud Abbas who heads the Palestinian Authority says both Mr. Netanyahu "
        'and Mr. Biden are weakened.\n\n"I think both leaders are weak at home," he explained. "Neither can '
        'deliver what the other wants."',
        [("Abbas", "I think both leaders"), ("Abbas", "Neither can deliver what")],
    ),
]
PRONOUN_NEGATIVE = [
    # no introduction before the quotation: the pronoun keeps its own antecedent
    (
        "Olaf Scholz arrived in Paris on Monday and met Emmanuel Macron.\n\n“We will talk about energy "
        "first,” he said.",
        ["Scholz"],
    ),
    # "he" is not the woman just introduced, and no one else
    ('Ms. Penny Wong says the plan can work.\n\n"It is a beginning and a good one," he said.', []),
]


@pytest.mark.parametrize(("text", "expected"), PRONOUN_AFTER_INTRODUCTION)
def test_pronoun_attribution_follows_the_introduced_speaker(
    text: str, expected: list[tuple[str, str]]
) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "words"), PRONOUN_NEGATIVE)
def test_pronoun_without_a_fitting_introduction_keeps_its_antecedent(text: str, words: list[str]) -> None:
    assert [name.split()[-1] for name, _ in direct(text)] == words


# --- a request reported inside an outer reporter's clause ---------------------------------------------------
OUTER_REPORTER = [
    (
        "The Kremlin said Vladimir Putin urged both sides to “stop the fighting and return to talks "
        "at once.”",
        [("Kremlin", "stop the fighting and")],
    ),
    (
        "The Holy See said the Pope urged both parties to pursue “honest talks with no preconditions.”",
        [("Vatican", "honest talks with no")],
    ),
    (
        "Sergey Lavrov said that Vladimir Putin had called on Kyiv to “accept the realities on the ground "
        "without delay.”",
        [("Lavrov", "accept the realities on")],
    ),
]
OUTER_REPORTER_NEGATIVE = [
    # "called the plan '...'" characterizes in the caller's own words: no request
    ('Antony Blinken said Sergey Lavrov called the proposal "a dead end for everyone involved."', "Lavrov"),
    # a verb of saying inside the outer clause keeps its own speaker
    (
        "Dmitry Peskov said Vladimir Putin told the envoy: “We are ready to meet at any level you like.”",
        "Putin",
    ),
]


# Two reporters side by side ("A called it '...' and B called it '...'"): each quotation is its own
# reporter's, even where a for-phrase makes the second verb look like "called for".
SIDE_BY_SIDE = [
    (
        'Macron called it "a historic day for Europe and for France" and Scholz called it "a turning point '
        'for all of us here".',
        [("Macron", "a historic day for"), ("Scholz", "a turning point for")],
    ),
    (
        'Lula described the deal as "a victory for the whole region" and Milei called it "a bad bargain for '
        'our farmers".',
        [("Lula", "a victory for the"), ("Milei", "a bad bargain for")],
    ),
    (
        'Biden said the summit was "a very good start for both of us" and Xi called the talks "candid and '
        'useful for the two sides".',
        [("Biden", "a very good start"), ("Xi", "candid and useful for")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SIDE_BY_SIDE)
def test_reporters_side_by_side_keep_their_quotations(text: str, expected: list[tuple[str, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), OUTER_REPORTER)
def test_request_inside_a_reporter_clause_is_the_reporter_quotation(
    text: str, expected: list[tuple[str, str]]
) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "word"), OUTER_REPORTER_NEGATIVE)
def test_saying_inside_a_reporter_clause_keeps_its_speaker(text: str, word: str) -> None:
    assert [name.split()[-1] for name, _ in direct(text)] == [word]


# --- the person named inside the subject phrase, and "quoted X as saying" -----------------------------------
INSIDE_THE_SUBJECT = [
    (
        "Asked about the visit, Foreign Office Department of African Affairs spokeswoman Jane Porter said "
        'Tuesday London is working with Nairobi on a "shared plan for the drought season."\n\nThe talks '
        "continue.",
        [("Porter", "shared plan for the")],
    ),
    (
        '"Both sides have agreed to meet again next month," Reuters quoted Sergey Lavrov as saying.',
        [("Lavrov", "Both sides have agreed")],
    ),
    (
        '"We expect a decision within days," the agency quoted Dmitry Peskov as saying on Friday.',
        [("Peskov", "We expect a decision")],
    ),
]
INSIDE_THE_SUBJECT_NEGATIVE = [
    # someone unnamed tied to a person is not that person
    '"The talks will continue next week in Doha," an aide to Antony Blinken told reporters.',
    '"Nothing has been decided about the summit yet," a source close to Vladimir Putin said.',
    # a person named in a relative clause of the subject is not the speaker
    '"The talks must go on without any delay," the man who met Sergey Lavrov told reporters.',
]


@pytest.mark.parametrize(("text", "expected"), INSIDE_THE_SUBJECT)
def test_person_inside_the_subject_phrase_or_quoted_as_saying(
    text: str, expected: list[tuple[str, str]]
) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", INSIDE_THE_SUBJECT_NEGATIVE)
def test_person_in_a_relative_clause_of_the_subject_is_not_the_speaker(text: str) -> None:
    assert direct(text) == []


# --- "the statement added": the issuer's quotation continues ------------------------------------------------
STATEMENT_CONTINUES = [
    (
        '"The minister welcomes the outcome of the vote," Sergey Lavrov said in a statement. "He calls on '
        'all sides to respect it," the statement added.',
        [("Lavrov", "The minister welcomes the"), ("Lavrov", "He calls on all")],
    ),
    (
        '"The talks were held in a friendly atmosphere," Wang Yi said in a written message. "More rounds '
        'will follow in the spring," the message continued.',
        [("Yi", "The talks were held"), ("Yi", "More rounds will follow")],
    ),
    (
        "Antony Blinken said on Sunday that the alliance was united. “We stand with our allies in this "
        "hour,” the communique said. “Our support will not waver,” it added.",
        [("Blinken", "We stand with our"), ("Blinken", "Our support will not")],
    ),
]
STATEMENT_NEGATIVE = [
    # a statement of someone else (an unknown official) is not the previous speaker's
    '"We are ready to talk," Sergey Lavrov said. "Nothing has changed," a senior official told the press.',
]


@pytest.mark.parametrize(("text", "expected"), STATEMENT_CONTINUES)
def test_the_statement_continues_its_issuer_quotation(text: str, expected: list[tuple[str, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", STATEMENT_NEGATIVE)
def test_another_speaker_does_not_continue_the_statement(text: str) -> None:
    assert [s for _, s in direct(text)] == ["We are ready to"]


# --- less common verbs of saying ----------------------------------------------------------------------------
VERBS = [
    (
        '"Dialogue is the only way forward for the region," Wang Yi reiterated on Monday.',
        [("Yi", "Dialogue is")],
    ),
    (
        '"We will not accept any preconditions for the talks," Sergey Lavrov underlined.',
        [("Lavrov", "We will not")],
    ),
    (
        'Antony Blinken conceded that "not every question was settled at this meeting."',
        [("Blinken", "not every question was")],
    ),
]
VERBS_NEGATIVE = [
    # a verb that is no saying does not attribute the quotation
    'Sergey Lavrov arrived in Ankara, where posters read "peace for our region is in our hands."',
]


@pytest.mark.parametrize(("text", "expected"), VERBS)
def test_less_common_verbs_of_saying(text: str, expected: list[tuple[str, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", VERBS_NEGATIVE)
def test_a_verb_that_is_no_saying_attributes_nothing(text: str) -> None:
    assert direct(text) == []


# --- a quotation running on over paragraphs, attributed only at its end ----------------------------------
RUN_ON = [
    (
        '"We have made real progress on the grain corridor. Both sides want it to work.\n\n'
        '"There is still a lot to do before the next round," Turkish Foreign Minister Hakan Fidan said.',
        [("Fidan", "We have made real"), ("Fidan", "There is still a")],
    ),
    (
        "Antony Blinken met Wang Yi in Beijing on Friday.\n\n“The conversation was long and candid.\n\n"
        "“We will keep talking, because the alternative is worse,” Blinken told reporters afterwards.",
        [("Blinken", "The conversation was long"), ("Blinken", "We will keep talking,")],
    ),
    (
        "“Our ministers will meet again in June.\n\n“They will prepare the summit.\n\n"
        "“Nothing is decided yet on the date,” Kremlin spokesman Dmitry Peskov said.",
        [
            ("Peskov", "Our ministers will meet"),
            ("Peskov", "They will prepare the"),
            ("Peskov", "Nothing is"),
        ],
    ),
]
RUN_ON_NEGATIVE = [
    # a quotation closed in its own paragraph does not run on into the next one
    '"We have made real progress on the grain corridor."\n\n"There is still a lot to do," Hakan Fidan said.',
    # the first paragraph names a speaker of its own, though one we do not know
    'A diplomat told reporters: "We have made real progress on the grain corridor.\n\n'
    '"There is still a lot to do," Hakan Fidan said.',
]


@pytest.mark.parametrize(("text", "expected"), RUN_ON)
def test_quotation_running_on_takes_the_speaker_named_at_its_end(
    text: str, expected: list[tuple[str, str]]
) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", RUN_ON_NEGATIVE)
def test_closed_or_attributed_first_paragraph_is_not_a_continuation(text: str) -> None:
    assert [name for name, _ in direct(text)] == ["Hakan Fidan"]


# --- an unattributed quotation after a sentence about a person -------------------------------------------
ABOUT_A_PERSON = [
    (
        "Sergey Lavrov met Antony Blinken in Geneva.\n\n"
        '"It was a useful meeting for both sides," Blinken said.\n\n'
        'Lavrov was less upbeat. "We disagree on almost everything that matters."',
        [("Blinken", "It was a useful"), ("Lavrov", "We disagree on almost")],
    ),
    (
        '"We are ready to sign the agreement," Wang Yi said.\n\n'
        'Penny Wong struck a more cautious tone. "There is still work to do on the text."',
        [("Yi", "We are ready to"), ("Wong", "There is still work")],
    ),
    (
        'Emmanuel Macron arrived in Kyiv on Friday. "Europe will stand with Ukraine for as long as it '
        'takes."',
        [("Macron", "Europe will stand with")],
    ),
]
ABOUT_A_PERSON_NEGATIVE = [
    # a title quoted in the middle of a sentence is no statement of the person the sentence is about
    'Antony Blinken said he was hopeful. He will give a speech titled "A New Era for Partnership in Asia" '
    "today.",
    # a sentence about a thing introduces no speaker
    'Antony Blinken said he was hopeful. The talks lasted three hours. "Nothing was agreed on the main '
    'points."',
]


@pytest.mark.parametrize(("text", "expected"), ABOUT_A_PERSON)
def test_unattributed_quotation_after_a_sentence_about_a_person(
    text: str, expected: list[tuple[str, str]]
) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", ABOUT_A_PERSON_NEGATIVE)
def test_no_person_or_mid_sentence_title_no_speaker(text: str) -> None:
    assert direct(text) == []


# --- a speaker label with a note in brackets before the colon ---------------------------------------------
LABEL_WITH_NOTE = [
    (
        'Secretary Antony Blinken (March 4): "We have made clear that the door remains open."',
        [("Blinken", "We have made clear")],
    ),
    (
        "Sergey Lavrov (at the press conference): “Nobody wants a new arms race in Europe.”",
        [("Lavrov", "Nobody wants a new")],
    ),
    (
        'Foreign Minister Penny Wong (in Canberra) : "Australia will keep talking to China at every level."',
        [("Wong", "Australia will keep talking")],
    ),
]
LABEL_NEGATIVE = [
    # no actor before the colon
    'The agenda for the talks (as agreed on Monday): "trade, energy, climate and security cooperation"',
]


@pytest.mark.parametrize(("text", "expected"), LABEL_WITH_NOTE)
def test_speaker_label_with_a_note_in_brackets(text: str, expected: list[tuple[str, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", LABEL_NEGATIVE)
def test_label_without_an_actor_names_no_speaker(text: str) -> None:
    assert direct(text) == []
