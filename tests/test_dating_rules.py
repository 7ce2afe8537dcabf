"""Dating rules of the extractor on sentences written for these tests: (text, expected date) tables.

Every sentence here is ours, not from an article. Each case names two participants by a word of their actor
names and the date (start, end) the contact between them must carry, or None where it must stay undated.
"""

from __future__ import annotations

import datetime as dt

import pytest

from graphkit.extractor import dateline, extract
from graphkit.models import Article, Extraction

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

# A Wednesday.
PUBLISHED = dt.date(2024, 3, 13)
D = dt.date
Span = tuple[dt.date, dt.date] | None


def run(text: str, published: dt.date = PUBLISHED) -> Extraction:
    return extract(Article(id="t", published=published, text=text))


def date_between(extraction: Extraction, first: str, second: str) -> Span:
    """The date of the contact whose participants' names hold both words; fails when there is none."""
    for contact in extraction.contacts:
        names = [extraction.actor(p.actor).name for p in contact.participants]
        if any(first in n for n in names) and any(second in n for n in names):
            return (contact.date.start, contact.date.end) if contact.date else None
    raise AssertionError(f"no contact of {first} and {second}: {extraction.contacts}")


def check(text: str, first: str, second: str, expected: Span, published: dt.date = PUBLISHED) -> None:
    assert date_between(run(text, published), first, second) == expected


# --- a date that closes a verbless appositive (a caption's place, a title) dates the clause ---------------

APPOSITIVE = [
    (
        "Kenyan Foreign Minister Musalia Mudavadi meets with British Foreign Secretary David Cameron at "
        "Lancaster House in London, Britain, March 6, 2024.",
        "Mudavadi",
        "Cameron",
        (D(2024, 3, 6), D(2024, 3, 6)),
    ),
    (
        "Turkish Foreign Minister Hakan Fidan welcomes Greek Foreign Minister Giorgos Gerapetritis upon his "
        "arrival at the ministry in Ankara, Turkey, March 1, 2024.",
        "Fidan",
        "Gerapetritis",
        (D(2024, 3, 1), D(2024, 3, 1)),
    ),
    (
        "When Lula met Emmanuel Macron, the President of France on March 2, he spoke about trade.",
        "Lula",
        "Macron",
        (D(2024, 3, 2), D(2024, 3, 2)),
    ),
    (
        "After Scholz met Giorgia Meloni, the Prime Minister of Italy on February 22, he flew home.",
        "Scholz",
        "Meloni",
        (D(2024, 2, 22), D(2024, 2, 22)),
    ),
    # negative: an appositive with a verb of its own keeps its date
    ("Blinken met Ali Hassan, a lawyer jailed in 2015.", "Blinken", "Hassan", None),
]


@pytest.mark.parametrize(("text", "first", "second", "expected"), APPOSITIVE)
def test_a_date_closing_a_verbless_appositive_dates_the_clause(
    text: str, first: str, second: str, expected: Span
) -> None:
    check(text, first, second, expected)


# --- contacts told as happening during a dated trip take its date -----------------------------------------

AGENDA = " The agenda focused on trade and climate. "
DURING_TRIP = [
    (
        "Chancellor Olaf Scholz travelled to India on March 6." + AGENDA + "On his trip, Scholz "
        "met businessman "
        "Ravi Menon.",
        "Scholz",
        "Menon",
        (D(2024, 3, 6), D(2024, 3, 6)),
    ),
    (
        "Foreign Secretary David Lammy traveled to Brazil on March 5." + AGENDA + "During his "
        "visit, Lammy met "
        "with opposition leader Carla Mendes.",
        "Lammy",
        "Mendes",
        (D(2024, 3, 5), D(2024, 3, 5)),
    ),
    (
        "Secretary Blinken visited Kenya on March 4." + AGENDA + "While in Nairobi, he held talks "
        "with activist "
        "Joseph Otieno.",
        "Blinken",
        "Otieno",
        (D(2024, 3, 4), D(2024, 3, 4)),
    ),
    # negatives: nothing ties the meeting to the trip; a perfect tense tells of some other time
    (
        "Chancellor Olaf Scholz travelled to India on March 6." + AGENDA + "Scholz met "
        "businessman Ravi Menon.",
        "Scholz",
        "Menon",
        None,
    ),
    (
        "Foreign Secretary David Lammy traveled to Brazil on March 5. Lammy has met Foreign Minister Mauro "
        "Vieira many times.",
        "Lammy",
        "Vieira",
        None,
    ),
]


@pytest.mark.parametrize(("text", "first", "second", "expected"), DURING_TRIP)
def test_a_contact_during_a_dated_trip_takes_its_date(
    text: str, first: str, second: str, expected: Span
) -> None:
    check(text, first, second, expected)


# --- counterparts met in one list share the date one of them got from the trip ----------------------------

LISTS = [
    (
        "Secretary Blinken traveled to Mexico on March 4. Blinken met with President Andres Manuel Lopez "
        "Obrador, Foreign Secretary Alicia Barcena and Interior Secretary Luisa Maria Alcalde.",
        "Blinken",
        "Alcalde",
    ),
    (
        "Prime Minister Anthony Albanese visited Indonesia on March 11. Albanese met with President Joko "
        "Widodo, Foreign Minister Retno Marsudi and Defence Minister Prabowo Subianto.",
        "Albanese",
        "Prabowo",
    ),
    (
        "President Lula travelled to Chile on March 8. Lula met President Gabriel Boric, Senator Rosa Pinto "
        "and Mayor Tomas Vidal.",
        "Lula",
        "Vidal",
    ),
]


@pytest.mark.parametrize(("text", "first", "second"), LISTS)
def test_counterparts_of_one_list_share_the_trip_date(text: str, first: str, second: str) -> None:
    extraction = run(text)
    trip_date = next(c.date for c in extraction.contacts if c.kind.value == "visit" or c.date)
    assert date_between(extraction, first, second) == (trip_date.start, trip_date.end)


def test_a_list_of_counterparts_without_a_trip_stays_undated() -> None:
    text = "Blinken met with Foreign Secretary Alicia Barcena and Interior Secretary Luisa Maria Alcalde."
    assert date_between(run(text), "Blinken", "Alcalde") is None


# --- a planned contact told right after a dated plan of the same person takes its date --------------------

PLANNED_AFTER = [
    (
        "Foreign Secretary David Lammy will, together with the Home Secretary, travel to Rome on March 18. "
        "Lammy will meet with opposition leader Elly Schlein.",
        "Lammy",
        "Schlein",
        (D(2024, 3, 18), D(2024, 3, 18)),
    ),
    (
        "Chancellor Olaf Scholz will travel to Brazil on March 20 and 21. Scholz will also hold talks with "
        "opposition senator Rosa Pinto.",
        "Scholz",
        "Pinto",
        (D(2024, 3, 20), D(2024, 3, 21)),
    ),
    (
        "Foreign Minister Penny Wong will travel to Fiji on Friday. Wong will meet activist Mere Tuilagi to "
        "discuss climate finance.",
        "Wong",
        "Tuilagi",
        (D(2024, 3, 15), D(2024, 3, 15)),
    ),
    # negatives: the dated plan is not the sentence just before; the plan has a time of its own
    (
        "Foreign Minister Penny Wong will travel to Fiji on Friday. She spoke about the trip at length. Wong "
        "will meet activist Mere Tuilagi to discuss climate finance.",
        "Wong",
        "Tuilagi",
        None,
    ),
    (
        "Foreign Minister Penny Wong travelled to Fiji on Friday. Wong will meet activist Mere Tuilagi next "
        "year.",
        "Wong",
        "Tuilagi",
        (D(2025, 1, 1), D(2025, 12, 31)),
    ),
]


PLANNED_AFTER.append(
    (  # negative: the day before is a speech's, not a trip's
        "Foreign Minister Penny Wong will deliver a speech in Suva on Friday. Wong will then meet activist "
        "Mere Tuilagi to discuss climate finance.",
        "Wong",
        "Tuilagi",
        None,
    )
)


@pytest.mark.parametrize(("text", "first", "second", "expected"), PLANNED_AFTER)
def test_a_plan_told_after_a_dated_plan_takes_its_date(
    text: str, first: str, second: str, expected: Span
) -> None:
    check(text, first, second, expected)


# --- "the next day" counts from the day told just before it -----------------------------------------------

NEXT_DAY = [
    (
        "On March 4 President Macron received the Emir of Qatar in Paris. The next day, Macron met "
        "Chancellor "
        "Olaf Scholz in Berlin.",
        "Macron",
        "Scholz",
        (D(2024, 3, 5), D(2024, 3, 5)),
    ),
    (
        "Blinken arrived in Cairo on March 5 for talks. On the following day, he met President Abdel Fattah "
        "al-Sisi.",
        "Blinken",
        "Sisi",
        (D(2024, 3, 6), D(2024, 3, 6)),
    ),
    (
        "Albanese landed in Jakarta on February 26. The next day Albanese held talks with President Joko "
        "Widodo.",
        "Albanese",
        "Widodo",
        (D(2024, 2, 27), D(2024, 2, 27)),
    ),
]


@pytest.mark.parametrize(("text", "first", "second", "expected"), NEXT_DAY)
def test_the_next_day_counts_from_the_day_told_before(
    text: str, first: str, second: str, expected: Span
) -> None:
    check(text, first, second, expected)


def test_the_next_day_without_a_day_before_counts_from_publication() -> None:
    text = "Macron arrived in Germany for talks. The next day, Macron met Chancellor Olaf Scholz in Berlin."
    assert date_between(run(text), "Macron", "Scholz") == (D(2024, 3, 14), D(2024, 3, 14))


# --- readout datelines with a time of posting, and a headline repeated under the dateline -----------------

DATELINES = [
    ("Talks in Kyiv\n\n4 March 2024 - 17:20\n\nThe two presidents met.", D(2024, 3, 4)),
    ("Talks in Kyiv\n\nMarch 4, 2024, 9:15 am\n\nThe two presidents met.", D(2024, 3, 4)),
    ("Talks in Kyiv\n\n4 March 2024 – 09.05\n\nThe two presidents met.", D(2024, 3, 4)),
    ("Talks in Kyiv\n\nThey met on 4 March 2024 - 17:20 in Kyiv.", None),  # a date inside a sentence
]


@pytest.mark.parametrize(("text", "expected"), DATELINES)
def test_a_dateline_may_carry_a_time(text: str, expected: dt.date | None) -> None:
    found = dateline(text, PUBLISHED)
    assert (found[0].start if found else None) == expected


LEADS = [
    "Ruto and Scholz discuss trade\n\n4 March 2024 - 17:20\n\nRuto and Scholz discuss trade\n\n"
    "Kenyan President William Ruto and Chancellor Olaf Scholz discussed trade and migration in Berlin.",
    "Leaders talk energy\n\nMarch 4, 2024\n\nLeaders talk energy\n\nPresident Emmanuel Macron and "
    "Chancellor Olaf Scholz discussed energy prices in Paris.",
    "Joint remarks\n\n4 March 2024\n\n[The remarks were interpreted.]\n\nForeign Minister Penny Wong and "
    "Foreign Minister Winston Peters discussed Pacific security in Wellington.",
]


@pytest.mark.parametrize("text", LEADS)
def test_the_lead_under_a_repeated_headline_takes_the_dateline(text: str) -> None:
    extraction = run(text)
    assert {(c.date.start if c.date else None) for c in extraction.contacts} == {D(2024, 3, 4)}


def test_a_caption_under_a_news_date_line_is_the_lead() -> None:
    text = (
        "Ties restored\n\nMarch 4, 2024\n\nThe two presidents at an earlier summit. Photo agency\n\n"
        "Kenyan President William Ruto and Chancellor Olaf Scholz discussed trade in Berlin."
    )
    assert date_between(run(text), "Ruto", "Scholz") is None


def test_a_later_paragraph_in_the_past_does_not_take_the_dateline() -> None:
    text = (
        "Trade in focus\n\n4 March 2024 - 17:20\n\nTrade in focus\n\n"
        "Kenyan President William Ruto spoke to the press in Berlin.\n\n"
        "Ruto met Chancellor Olaf Scholz to discuss migration."
    )
    assert date_between(run(text), "Ruto", "Scholz") is None


# --- a week opening a line near the top frames the article's undated contacts -----------------------------

WEEK = (D(2024, 3, 11), D(2024, 3, 17))
WEEK_FRAME = [
    (
        "This week at the ministry\n\nA look at the ministry's work this week.\n\nForeign Minister "
        "Penny Wong "
        "met Indonesian Foreign Minister Retno Marsudi in Jakarta. Trade Minister Don Farrell held "
        "talks with "
        "activist Mere Tuilagi on climate finance.",
        "Farrell",
        "Tuilagi",
        WEEK,
    ),
    (
        "This week, Foreign Secretary David Lammy will travel to Nigeria." + AGENDA + "Lammy will meet with "
        "activist Ngozi Adeyemi to discuss education.",
        "Lammy",
        "Adeyemi",
        WEEK,
    ),
    (
        "This week Foreign Minister Penny Wong visited Chile for the first time.\n\n"
        "Trade Minister Don Farrell held talks with opposition senator Rosa Pinto on copper exports.",
        "Farrell",
        "Pinto",
        WEEK,
    ),
    # negatives: a past contact under a future frame; a week inside a sentence frames nothing
    (
        "This week, Foreign Secretary David Lammy will travel to Nigeria." + AGENDA + "When Lammy was in "
        "London, he met activist Ngozi Adeyemi.",
        "Lammy",
        "Adeyemi",
        None,
    ),
    (
        "Foreign Secretary David Lammy said this week that he would travel to Nigeria." + AGENDA + "Lammy "
        "met "
        "activist Ngozi Adeyemi to discuss education.",
        "Lammy",
        "Adeyemi",
        None,
    ),
]


WEEK_FRAME.append(
    (  # negative: a menu link that tells no contact and is not echoed frames nothing
        "This week's photos\n\nForeign Minister Penny Wong met Indonesian Foreign Minister Retno Marsudi in "
        "Jakarta.",
        "Wong",
        "Marsudi",
        None,
    )
)


@pytest.mark.parametrize(("text", "first", "second", "expected"), WEEK_FRAME)
def test_a_week_opening_the_article_frames_its_contacts(
    text: str, first: str, second: str, expected: Span
) -> None:
    check(text, first, second, expected)


# --- a clause that tells how the contact noun was held or sent dates it -----------------------------------

HOLDING_CLAUSE = [
    (
        "Rutte thanked Chancellor Olaf Scholz for the letter he had written on Monday.",
        "Rutte",
        "Scholz",
        (D(2024, 3, 11), D(2024, 3, 11)),
    ),
    (
        "Sharif thanked Prime Minister Narendra Modi for the message he sent on Sunday.",
        "Sharif",
        "Modi",
        (D(2024, 3, 10), D(2024, 3, 10)),
    ),
    (
        "Lammy thanked Senator Rosa Pinto for the letter she had sent on Monday.",
        "Lammy",
        "Pinto",
        (D(2024, 3, 11), D(2024, 3, 11)),
    ),
    # negative: a clause under a participant tells of that person
    (
        "Rutte recalled his meeting with Chancellor Olaf Scholz, who was elected in 2021.",
        "Rutte",
        "Scholz",
        None,
    ),
]


@pytest.mark.parametrize(("text", "first", "second", "expected"), HOLDING_CLAUSE)
def test_a_clause_telling_how_the_contact_was_held_dates_it(
    text: str, first: str, second: str, expected: Span
) -> None:
    check(text, first, second, expected)


LETTER_THEN_MEETING = [
    "Lammy thanked Senator Rosa Pinto for the letter she had sent on Monday. Lammy also met Senator Rosa "
    "Pinto to discuss trade.",
    "Senator Rosa Pinto wrote to Lammy on Monday. Lammy also met Senator Rosa Pinto to discuss trade.",
    "Lammy received a letter from Senator Rosa Pinto on Monday. Lammy also met Senator Rosa Pinto to discuss "
    "trade.",
]


@pytest.mark.parametrize("text", LETTER_THEN_MEETING)
def test_a_letter_does_not_pass_its_day_to_the_meeting_told_next(text: str) -> None:
    extraction = run(text)
    dates = {c.kind.value: c.date and c.date.start for c in extraction.contacts}
    assert dates == {"correspondence": D(2024, 3, 11), "meeting": None}


def test_a_meeting_passes_its_day_to_the_meeting_told_next() -> None:
    text = "Lammy met Senator Rosa Pinto on Monday. Lammy also met Senator Carla Mendes to discuss trade."
    assert date_between(run(text), "Lammy", "Mendes") == (D(2024, 3, 11), D(2024, 3, 11))


# --- a date in a "when"/"while" clause of the contact is the contact's time too ---------------------------

WHEN_CLAUSE = [
    (
        "Macron and Scholz discussed the plan when they met in Berlin in January.",
        "Macron",
        "Scholz",
        (D(2024, 1, 1), D(2024, 1, 31)),
    ),
    (
        "Wong talked with Foreign Minister Retno Marsudi about trade when the two ministers were in "
        "Jakarta last week.",
        "Wong",
        "Marsudi",
        (D(2024, 3, 4), D(2024, 3, 10)),
    ),
    (
        "Lula discussed the summit with President Gabriel Boric while both leaders were in Santiago in "
        "January.",
        "Lula",
        "Boric",
        (D(2024, 1, 1), D(2024, 1, 31)),
    ),
    (
        "Wong will meet Foreign Minister Retno Marsudi when she visits Jakarta next month.",
        "Wong",
        "Marsudi",
        (D(2024, 4, 1), D(2024, 4, 30)),
    ),
    # negative: "after" is another time
    (
        "Wong met Foreign Minister Retno Marsudi after she returned from Jakarta last week.",
        "Wong",
        "Marsudi",
        None,
    ),
]


@pytest.mark.parametrize(("text", "first", "second", "expected"), WHEN_CLAUSE)
def test_a_date_in_a_when_clause_dates_the_contact(
    text: str, first: str, second: str, expected: Span
) -> None:
    check(text, first, second, expected)


# --- "the first leader to meet X": an infinitive relative takes the time of its clause --------------------

INFINITIVE_RELATIVE = [
    (
        "The two leaders met in Lisbon on Monday, as Prime Minister Luis Montenegro became the first "
        "European leader to meet with President Lula.",
        "Montenegro",
        "Lula",
        (D(2024, 3, 11), D(2024, 3, 11)),
    ),
    (
        "On Friday Kenyan President William Ruto became the first African leader to meet with Chancellor "
        "Olaf Scholz in the new chancellery.",
        "Ruto",
        "Scholz",
        (D(2024, 3, 8), D(2024, 3, 8)),
    ),
    (
        "Last week Prime Minister Anthony Albanese was the first head of government to hold talks with "
        "President Prabowo Subianto.",
        "Albanese",
        "Prabowo",
        (D(2024, 3, 4), D(2024, 3, 10)),
    ),
    # negative: a relative clause with a subject of its own keeps its time
    (
        "Scholz, who was the first chancellor to meet President Lula in 2023, met Macron on Friday.",
        "Scholz",
        "Lula",
        (D(2023, 1, 1), D(2023, 12, 31)),
    ),
]


@pytest.mark.parametrize(("text", "first", "second", "expected"), INFINITIVE_RELATIVE)
def test_an_infinitive_relative_takes_the_time_of_its_clause(
    text: str, first: str, second: str, expected: Span
) -> None:
    check(text, first, second, expected)


# A contact told as just done ("has just met", "just spoke with") happened on the day of the text; "just"
# meaning "only" dates nothing.
JUST_DONE = [
    (
        "JANE ROE: I have just concluded a productive meeting with Prime Minister Sheikh Hasina.",
        "Roe",
        "Hasina",
    ),
    ("Jane Roe said she had just spoken with President Lula.", "Roe", "Lula"),
    ("Chancellor Scholz just met President Macron in the lobby.", "Scholz", "Macron"),
]


@pytest.mark.parametrize(("text", "first", "second"), JUST_DONE)
def test_a_contact_just_done_is_on_the_day_of_the_text(text: str, first: str, second: str) -> None:
    check(text, first, second, (PUBLISHED, PUBLISHED))


def test_just_meaning_only_dates_nothing() -> None:
    check("Jane Roe has met President Lula just once.", "Roe", "Lula", None)


# For a contact to come, a time told before the past verb that governs it is when that was said.
ANNOUNCED = [
    (
        "Secretary Blinken on Tuesday announced plans to meet Foreign Minister Wang Yi.",
        "Blinken",
        "Wang",
        None,
    ),
    (
        "On Monday President Macron agreed to meet Chancellor Scholz in June.",
        "Macron",
        "Scholz",
        (D(2024, 6, 1), D(2024, 6, 30)),
    ),
    ("Last week Jane Roe decided to visit President Lula.", "Roe", "Lula", None),
    # a time after the verb, on the contact, stays its date
    (
        "President Macron agreed to meet Chancellor Scholz on Friday.",
        "Macron",
        "Scholz",
        (D(2024, 3, 15), D(2024, 3, 15)),
    ),
]


@pytest.mark.parametrize(("text", "first", "second", "expected"), ANNOUNCED)
def test_the_day_a_plan_was_told_is_not_the_contacts(
    text: str, first: str, second: str, expected: Span
) -> None:
    check(text, first, second, expected)


# A time right after a contact noun is the noun's even when the parser hangs it on a past verb before it:
# "welcomed the progress ahead of the summit on Monday" plans the summit for the coming Monday.
NEXT_TO_THE_NOUN = [
    (
        "Ministers welcomed the progress ahead of the EU-Brazil summit on Monday.",
        "European",
        "Brazil",
        (D(2024, 3, 18), D(2024, 3, 18)),
    ),
    (
        "Ambassadors gathered in Brussels ahead of the India-EU summit on Friday.",
        "India",
        "European",
        (D(2024, 3, 15), D(2024, 3, 15)),
    ),
    (
        "Officials met in Geneva ahead of the U.S.-Iran talks on Tuesday.",
        "United States",
        "Iran",
        (D(2024, 3, 19), D(2024, 3, 19)),
    ),
    # a time in a clause of its own after the noun is that clause's
    (
        "Ministers welcomed the progress ahead of the EU-Brazil summit, which was agreed on Monday.",
        "European",
        "Brazil",
        None,
    ),
]


@pytest.mark.parametrize(("text", "first", "second", "expected"), NEXT_TO_THE_NOUN)
def test_a_time_right_after_a_contact_noun_is_its_own(
    text: str, first: str, second: str, expected: Span
) -> None:
    check(text, first, second, expected)


# A sentence about contacts whose parties it does not name ("Sunday's meetings were held in Riyadh") dates
# the undated contact told right after it, one of those contacts.
ABOUT_THE_CONTACTS = [
    (
        "Sunday's meetings were held in Riyadh. Secretary Rubio met Foreign Minister Lavrov there.",
        "Rubio",
        "Lavrov",
        (D(2024, 3, 10), D(2024, 3, 10)),
    ),
    (
        "The talks on Monday lasted four hours. Secretary Blinken met Wang Yi in the morning.",
        "Blinken",
        "Wang",
        (D(2024, 3, 11), D(2024, 3, 11)),
    ),
    (
        "Tuesday's summit was short. Chancellor Scholz spoke with President Macron at the dinner.",
        "Scholz",
        "Macron",
        (D(2024, 3, 12), D(2024, 3, 12)),
    ),
    # a perfect tells of some time, not that day
    (
        "Sunday's meetings were held in Riyadh. Secretary Rubio has met Foreign Minister Lavrov before.",
        "Rubio",
        "Lavrov",
        None,
    ),
]


@pytest.mark.parametrize(("text", "first", "second", "expected"), ABOUT_THE_CONTACTS)
def test_a_sentence_about_contacts_dates_the_next_one(
    text: str, first: str, second: str, expected: Span
) -> None:
    check(text, first, second, expected)


# A time right after a contact noun's own phrase ("the summit between A and B last November") is that noun's,
# whatever the verb that takes it up is doing now.
AFTER_THE_NOUNS_PHRASE = [
    (
        "Officials want to follow up on the summit between President Biden and President Xi last November.",
        "Biden",
        "Xi",
        (D(2023, 11, 1), D(2023, 11, 30)),
    ),
    (
        "The deal grew out of the talks between Chancellor Scholz and President Macron in January.",
        "Scholz",
        "Macron",
        (D(2024, 1, 1), D(2024, 1, 31)),
    ),
    (
        "The treaty was the fruit of the summit between Chancellor Scholz and President Duda on March 1.",
        "Scholz",
        "Duda",
        (D(2024, 3, 1), D(2024, 3, 1)),
    ),
    # a time in a clause of its own after the noun's phrase is that clause's
    (
        "Ministers praised the summit between Chancellor Scholz and President Duda, which they had first "
        "proposed in January.",
        "Scholz",
        "Duda",
        None,
    ),
]


@pytest.mark.parametrize(("text", "first", "second", "expected"), AFTER_THE_NOUNS_PHRASE)
def test_a_time_right_after_a_contact_nouns_phrase_is_its_own(
    text: str, first: str, second: str, expected: Span
) -> None:
    check(text, first, second, expected)


# A contact taken up by a follow-up verb ("builds on", "follow up on") is an earlier one: it keeps its own
# status and date, whatever the tense or modality of the verb.
FOLLOWED_UP = [
    (
        "This agreement builds on the meeting between Prime Minister Albanese and President Biden on "
        "March 4.",
        "Albanese",
        "Biden",
        (D(2024, 3, 4), D(2024, 3, 4)),
    ),
    (
        "The ministers will follow up on the talks between President Lula and President Macron on March 2.",
        "Lula",
        "Macron",
        (D(2024, 3, 2), D(2024, 3, 2)),
    ),
    (
        "Envoys hope to build on the summit between Chancellor Scholz and President Duda of March 1.",
        "Scholz",
        "Duda",
        (D(2024, 3, 1), D(2024, 3, 1)),
    ),
]


@pytest.mark.parametrize(("text", "first", "second", "expected"), FOLLOWED_UP)
def test_a_contact_followed_up_on_keeps_its_own_status_and_date(
    text: str, first: str, second: str, expected: Span
) -> None:
    check(text, first, second, expected)
    contact = next(c for c in run(text).contacts if len(c.participants) == 2)
    assert contact.status.value == "occurred"


def test_a_contact_met_on_is_no_follow_up() -> None:
    # "meet on" is no taking up of an earlier contact: the plan stays a plan
    extraction = run("President Lula will meet President Macron on March 20 to follow up on trade.")
    assert [c.status.value for c in extraction.contacts] == ["planned"]
