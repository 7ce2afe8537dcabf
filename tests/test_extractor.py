"""The rule-based extractor on sentences written for these tests: (text, expected) tables with negatives.

Every sentence here is ours, not from an article. Each positive case names the participants (by a word of
their actor name), kind, status and date; each negative case must yield no contact at all.
"""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphkit.errors import GraphkitError
from graphkit.extractor import dateline, extract
from graphkit.extractor.statements import find_quotes
from graphkit.models import Article, Contact, Extraction

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

# A Wednesday: "on Monday" is 2024-03-11 for a past event, "on Friday" 2024-03-15 for a planned one.
PUBLISHED = dt.date(2024, 3, 13)


def run(text: str, published: dt.date | None = PUBLISHED) -> Extraction:
    return extract(Article(id="t", published=published, text=text))


def names(extraction: Extraction, who: set[str], contact_index: int = 0) -> set[str]:
    """The expected words that name a participant (a gazetteer may give the fuller name: Abdullah II)."""
    contact = extraction.contacts[contact_index]
    found = [_ascii(extraction.actor(p.actor).name) for p in contact.participants]
    assert len(found) == len(who), found
    return {w for w in who if any(w in name.split() for name in found)}


def parties(extraction: Extraction, contact: Contact) -> frozenset[str]:
    """The labels (names, "X (unnamed)" for unnamed actors) of a contact's participants."""
    return frozenset(extraction.actor(p.actor).label for p in contact.participants)


def speakers(extraction: Extraction) -> list[str]:
    return [extraction.actor(s.speaker).name for s in extraction.statements]


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


# text, participants (last word of each actor name), kind, status, (start, end) or None
CONTACTS = [
    (
        "Putin will meet Xi tomorrow.",  # parsed as "Xi tomorrow"
        {"Putin", "Jinping"},
        "meeting",
        "planned",
        ("2024-03-14", "2024-03-14"),
    ),
    (
        "Italian Prime Minister Giorgia Meloni met Kenyan President William Ruto in Rome on Monday.",
        {"Meloni", "Ruto"},
        "meeting",
        "occurred",
        ("2024-03-11", "2024-03-11"),
    ),
    (
        "Chancellor Olaf Scholz held talks with Polish Prime Minister Donald Tusk last week.",
        {"Scholz", "Tusk"},
        "meeting",
        "occurred",
        ("2024-03-04", "2024-03-10"),
    ),
    (
        "Brazilian President Lula da Silva spoke by phone with Chinese President Xi Jinping on Tuesday.",
        {"Silva", "Jinping"},
        "call",
        "occurred",
        ("2024-03-12", "2024-03-12"),
    ),
    (
        "Indian Foreign Minister Subrahmanyam Jaishankar will visit Japan next week.",
        {"Jaishankar", "Japan"},
        "visit",
        "planned",
        ("2024-03-18", "2024-03-24"),
    ),
    (
        "President Joe Biden received Jordan's King Abdullah at the White House on Monday.",
        {"Biden", "Abdullah"},
        "meeting",
        "occurred",
        ("2024-03-11", "2024-03-11"),
    ),
    (
        "Mexican President Andres Manuel Lopez Obrador refused to meet Ecuadorian President Daniel Noboa.",
        {"Obrador", "Noboa"},
        "meeting",
        "negated",
        None,
    ),
    (
        "Nigerian President Bola Tinubu is expected to meet Ghanaian President Nana Akufo-Addo "
        "in Abuja on Friday.",
        {"Tinubu", "Akufo-Addo"},
        "meeting",
        "planned",
        ("2024-03-15", "2024-03-15"),
    ),
    (
        "Turkish President Recep Tayyip Erdogan sent a letter to Swedish Prime Minister Ulf Kristersson "
        "in February.",
        {"Erdogan", "Kristersson"},
        "correspondence",
        "occurred",
        ("2024-02-01", "2024-02-29"),
    ),
    (
        "Australian Prime Minister Anthony Albanese and New Zealand Prime Minister Christopher Luxon met in "
        "Melbourne in January 2024.",
        {"Albanese", "Luxon"},
        "meeting",
        "occurred",
        ("2024-01-01", "2024-01-31"),
    ),
    (
        "Canadian Prime Minister Justin Trudeau said he could meet Indian Prime Minister Narendra Modi.",
        {"Trudeau", "Modi"},
        "meeting",
        "proposed",
        None,
    ),
]

# Patterns of diplomatic prose beyond the plain verb: each sentence written for this test.
MORE_CONTACTS = [
    (
        "Chilean President Gabriel Boric is expected in Madrid next month.",
        {"Boric", "Spain"},
        "visit",
        "planned",
    ),
    (
        "Kenyan President William Ruto said he was in Ethiopia last week.",
        {"Ruto", "Ethiopia"},
        "visit",
        "occurred",
    ),
    (
        "Secretary Antony Blinken and Indian External Affairs Minister Subrahmanyam Jaishankar "
        "co-chaired the meeting.",
        {"Blinken", "Jaishankar"},
        "meeting",
        "occurred",
    ),
    (
        "President Joe Biden expressed condolences to Japanese Prime Minister Fumio Kishida.",
        {"Biden", "Kishida"},
        "correspondence",
        "occurred",
    ),
    (
        "German Chancellor Olaf Scholz said his main goal in meeting with Chinese President Xi Jinping "
        "was trade.",
        {"Scholz", "Jinping"},
        "meeting",
        "occurred",
    ),
    (
        "Egyptian President Abdel Fattah el-Sisi and Jordan's King Abdullah met on the sidelines "
        "of the G20 summit.",
        {"el-Sisi", "Abdullah"},
        "meeting",
        "occurred",
    ),
    (
        "Spanish Prime Minister Pedro Sanchez leaves Friday on a trip to Morocco.",
        {"Sanchez", "Morocco"},
        "visit",
        "planned",
    ),
    (
        "In a telephone call with Turkish President Recep Tayyip Erdogan, Finnish President Alexander Stubb "
        "said the border would stay open.",
        {"Erdogan", "Stubb"},
        "call",
        "occurred",
    ),
    (
        "Greek Prime Minister Kyriakos Mitsotakis told Turkish President Recep Tayyip Erdogan by phone that "
        "Athens wanted calm waters.",
        {"Mitsotakis", "Erdogan"},
        "call",
        "occurred",
    ),
    (
        "Dutch Prime Minister Dick Schoof received a call from Ukrainian President Volodymyr Zelensky.",
        {"Schoof", "Zelensky"},
        "call",
        "occurred",
    ),
    (
        "Talks between Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti "
        "ended without agreement.",
        {"Vucic", "Kurti"},
        "meeting",
        "occurred",
    ),
    (
        "Japanese Prime Minister Shigeru Ishiba cancelled a planned trip to the Philippines.",
        {"Ishiba", "Philippines"},
        "visit",
        "negated",
    ),
    (
        "Hungarian Prime Minister Viktor Orban has invited Slovak Prime Minister Robert Fico "
        "to visit Budapest.",
        {"Hungary", "Fico"},
        "visit",
        "proposed",
    ),
    (
        "If Chinese President Xi Jinping meets Russian President Vladimir Putin, it will be their 43rd.",
        {"Jinping", "Putin"},
        "meeting",
        "proposed",
    ),
    (
        "Analysts say a meeting between U.S. President Joe Biden and Xi Jinping is unlikely before November.",
        {"Biden", "Jinping"},
        "meeting",
        "proposed",
    ),
    (
        "Former U.S. President Donald Trump, who met Kim Jong Un three times, praised the talks.",
        {"Trump", "Un"},
        "meeting",
        "occurred",
    ),
    (
        "Chinese President Xi Jinping and U.S. President Joe Biden held a virtual summit on Monday.",
        {"Jinping", "Biden"},
        "call",
        "occurred",
    ),
    (
        "King Charles hosted a state banquet for French President Emmanuel Macron at Windsor.",
        {"Charles", "Macron"},
        "meeting",
        "occurred",
    ),
    (
        "Pakistani Foreign Minister Ishaq Dar held talks with the Chinese and Iranian delegations "
        "in Beijing.",
        {"Dar", "China", "Iran"},
        "meeting",
        "occurred",
    ),
    (
        "Officials said a meeting is possible between U.S. President Joe Biden and Venezuela's recently "
        "re-elected President Nicolas Maduro.",
        {"Biden", "Maduro"},
        "meeting",
        "proposed",
    ),
    (
        "Canadian Prime Minister Mark Carney and Mexican President Claudia Sheinbaum had an opportunity "
        "to talk about trade concerns like steel and Venezuela.",
        {"Carney", "Sheinbaum"},
        "meeting",
        "occurred",
    ),
    (
        "Prime Minister Mark Carney was delighted to welcome to Ottawa the Foreign Minister of Japan, "
        "Takeshi Iwaya.",
        {"Carney", "Iwaya"},
        "meeting",
        "occurred",
    ),
    (
        "Norwegian Foreign Minister Espen Barth Eide had dinner with Egyptian Foreign Minister Badr "
        "Abdelatty last night and with Jordanian Foreign Minister Ayman Safadi.",
        {"Eide", "Abdelatty", "Safadi"},
        "meeting",
        "occurred",
    ),
    (
        "The ministers agreed to hold talks between experts from Armenia, Azerbaijan and the European "
        "Commission.",
        {"Armenia", "Azerbaijan", "Commission"},
        "meeting",
        "planned",
    ),
    (
        "Energy dominated a meeting on Thursday between Foreign Minister Penny Wong and "
        "Chairperson Moussa Faki of the African Union Commission.",
        {"Wong", "Faki"},
        "meeting",
        "occurred",
    ),
    (
        "Secretary of State Antony Blinken is accompanying President Joe Biden to Paris on Friday for the "
        "start of a three-day state visit to France.",
        {"Blinken", "Biden", "France"},
        "visit",
        "planned",
    ),
    (
        "The trade offer, which Prime Minister Giorgia Meloni is now planning to bring to Indian Prime "
        "Minister Narendra Modi, covers ports and rail.",
        {"Meloni", "Modi"},
        "meeting",
        "planned",
    ),
    (
        "Ukrainian Foreign Minister Dmytro Kuleba said he had discussed the issue with U.S. Secretary of "
        "State Antony Blinken by phone.",
        {"Kuleba", "Blinken"},
        "call",
        "occurred",
    ),
    (
        "Austrian Chancellor Karl Nehammer became the first Western leader to meet Putin since the war.",
        {"Nehammer", "Putin"},
        "meeting",
        "occurred",
    ),
    (
        "German Chancellor Olaf Scholz had also called Turkish President Recep Tayyip Erdogan last month to "
        "discuss migration.",
        {"Scholz", "Erdogan"},
        "call",
        "occurred",
    ),
    (
        "Egyptian President Abdel Fattah el-Sisi and Turkish President Recep Tayyip Erdogan held a phone "
        "conversation on Saturday.",
        {"el-Sisi", "Erdogan"},
        "call",
        "occurred",
    ),
    (
        "Blinken's talks with Chinese Foreign Minister Wang Yi lasted five hours.",
        {"Blinken", "Yi"},
        "meeting",
        "occurred",
    ),
    (
        "Russian President Vladimir Putin sent Chinese President Xi Jinping a congratulatory message.",
        {"Putin", "Jinping"},
        "correspondence",
        "occurred",
    ),
    (
        "During his meeting with Chinese President Xi Jinping, Brazilian President Lula da Silva called for "
        "peace talks.",
        {"Jinping", "Silva"},
        "meeting",
        "occurred",
    ),
    (
        "The U.N. secretary-general spoke with Russian President Vladimir Putin by phone.",
        {"Guterres", "Putin"},
        "call",
        "occurred",
    ),
    (
        "Saudi Crown Prince Mohammed bin Salman and U.S. Secretary of State Antony Blinken discussed "
        "regional security in Riyadh on Monday.",
        {"Salman", "Blinken"},
        "meeting",
        "occurred",
    ),
    (
        "The French foreign minister called his Iranian counterpart on Sunday to urge restraint.",
        {"Sejourne", "Amir-Abdollahian"},
        "call",
        "occurred",
    ),
    (
        "The Chinese and U.S. presidents are set to meet at the APEC summit in San Francisco next week.",
        {"Jinping", "Biden"},
        "meeting",
        "planned",
    ),
    (
        "The Belgian and Peruvian presidents met.",  # no holder known: the states
        {"Belgium", "Peru"},
        "meeting",
        "occurred",
    ),
    (
        "The Kremlin ruled out a meeting between Putin and Zelensky.",
        {"Putin", "Zelensky"},
        "meeting",
        "negated",
    ),
    (
        "The summit between Biden and Xi was called off.",
        {"Biden", "Jinping"},
        "meeting",
        "negated",
    ),
    (
        "Erdogan did not rule out meeting Assad.",
        {"Erdogan", "al-Assad"},
        "meeting",
        "proposed",
    ),
    (
        "Trump said he would like to meet Kim Jong Un again.",
        {"Trump", "Un"},
        "meeting",
        "proposed",
    ),
    (
        "China's Xi Jinping hosted his French counterpart for a state visit.",
        {"Jinping", "Macron"},  # Xi's office from the gazetteer, Macron held it in France then
        "meeting",
        "occurred",
    ),
    (
        "The leaders of France, Germany and Italy met Zelensky in Kyiv on Thursday.",
        {"France", "Germany", "Italy", "Zelensky"},
        "meeting",
        "occurred",
    ),
    (
        "Putin, Xi hold talks in Beijing",  # a headline's comma stands for "and"
        {"Putin", "Jinping"},
        "meeting",
        "occurred",
    ),
    (
        "Lavrov, Blinken spar at G20 meeting but do not hold talks",
        {"Lavrov", "Blinken"},
        "meeting",
        "negated",
    ),
    (
        "The IMF mission visited Kyiv last week and met Finance Minister Serhiy Marchenko.",
        {"Fund", "Marchenko"},  # the body's mission stands for the body; the visit is told by the meeting
        "meeting",
        "occurred",
    ),
    (
        "Merkel, who met Putin dozens of times, left office in 2021.",
        {"Merkel", "Putin"},
        "meeting",
        "occurred",
    ),
    (
        "The foreign ministers of Greece and Turkey met in Athens on Friday.",
        {"Greece", "Turkey"},
        "meeting",
        "occurred",
    ),
    (
        "Scholz invited Modi to visit Germany next year.",
        {"Germany", "Modi"},
        "visit",
        "proposed",
    ),
    (
        "Secretary of State Antony Blinken met with Indian Government officials on Monday.",
        {"Blinken", "India"},
        "meeting",
        "occurred",
    ),
]

NO_CONTACT = [
    "Russian President Vladimir Putin met with Russian Defence Minister Andrei Belousov on Tuesday.",
    "French President Emmanuel Macron opened the summit with a speech on climate.",
    "Finnish President Alexander Stubb told Reuters on Monday that the border would stay open.",
    "Greek Prime Minister Kyriakos Mitsotakis told Turkish President Tayyip Erdogan that Athens was calm.",
    "Kremlin spokesman Dmitry Peskov told reporters on Tuesday that the talks were useful.",
    "The French president called on Europe to spend more on defence.",
    "German Chancellor Olaf Scholz said the economy would grow this year.",
    "Nobody knew where the March protest would end.",
    "The summit agenda was published on the ministry's website.",
    "Analysts met in Geneva to discuss the report.",
    "Secretary Antony Blinken spoke with Embassy Nairobi staff.",
    "Finnish President Alexander Stubb took the matter to the Security Council.",
    "Analysts discussed recent meetings with Azerbaijani President Ilham Aliyev.",
    "Germany met its NATO spending target for the first time.",
    "Kerry, Lavrov Say New Talks Could Revive Peace Process",
    "China and India met in the final of the tournament.",
    "Israel's ambassador to the UN, Gilad Erdan, spoke to the General Assembly.",
    "U.S. President Joe Biden called Russian President Vladimir Putin a killer.",
    "South Korea and China protested Japanese Prime Minister Fumio Kishida's December visit to a shrine.",
]


@pytest.mark.parametrize(("text", "who", "kind", "status", "span"), CONTACTS)
def test_contact_sentences(
    text: str, who: set[str], kind: str, status: str, span: tuple[str, str] | None
) -> None:
    result = run(text)
    assert len(result.contacts) == 1, [c.evidence.text for c in result.contacts]
    contact = result.contacts[0]
    assert names(result, who) == who
    assert (contact.kind.value, contact.status.value) == (kind, status)
    if span is None:
        assert contact.date is None
    else:
        assert contact.date is not None
        assert (contact.date.start.isoformat(), contact.date.end.isoformat()) == span


@pytest.mark.parametrize(("text", "who", "kind", "status"), MORE_CONTACTS)
def test_more_contact_patterns(text: str, who: set[str], kind: str, status: str) -> None:
    result = run(text)
    assert len(result.contacts) == 1, [c.evidence.text for c in result.contacts]
    assert names(result, who) == who
    assert (result.contacts[0].kind.value, result.contacts[0].status.value) == (kind, status)


def test_quoted_first_person_is_the_speaker() -> None:
    text = "“I met Chinese Foreign Minister Wang Yi on Monday,” Australian Foreign Minister Penny Wong said."
    result = run(text)
    assert [names(result, {"Wong", "Yi"})] == [{"Wong", "Yi"}]


@pytest.mark.parametrize("text", NO_CONTACT)
def test_sentences_without_contact(text: str) -> None:
    assert run(text).contacts == ()


def test_evidence_points_into_the_text() -> None:
    text = "Heavy rain fell.\n\nSpanish Prime Minister Pedro Sanchez met Moroccan King Mohammed VI on Monday."
    contact = run(text).contacts[0]
    assert text[contact.evidence.start : contact.evidence.end] == contact.evidence.text
    assert contact.evidence.text.startswith("Spanish Prime Minister Pedro Sanchez met")


def test_repeated_mentions_are_one_event() -> None:
    text = (
        "Finnish President Alexander Stubb met Estonian Prime Minister Kaja Kallas on Monday. "
        "Stubb and Kallas also met again on Monday evening to sign the accord."
    )
    result = run(text)
    assert len(result.contacts) == 1
    assert len(result.contacts[0].mentions) == 1


def test_different_precise_dates_stay_apart() -> None:
    text = (
        "Finnish President Alexander Stubb met Estonian Prime Minister Kaja Kallas on Monday. "
        "Stubb had met Kallas in January 2024 as well."
    )
    assert len(run(text).contacts) == 2


def test_surname_title_and_pronoun_resolve_to_one_actor() -> None:
    text = (
        "French President Emmanuel Macron arrived in Lisbon. "
        "The French president later met Portuguese Prime Minister Luis Montenegro. "
        "He phoned Montenegro again on Tuesday."
    )
    result = run(text)
    macrons = [a for a in result.actors if a.name.endswith("Macron")]
    assert len(macrons) == 1
    assert {"French President Emmanuel Macron", "The French president"} <= set(macrons[0].aliases)
    assert {c.kind.value for c in result.contacts} == {"meeting", "call"}


def test_multi_party_meeting_is_one_event() -> None:
    text = (
        "The two leaders met on Monday with German Chancellor Olaf Scholz and Polish President Andrzej Duda."
    )
    prefix = "Italian Prime Minister Giorgia Meloni hosted Spanish Prime Minister Pedro Sanchez in Rome. "
    result = run(prefix + text)
    sizes = sorted(len(c.participants) for c in result.contacts)
    assert sizes[-1] == 4


def test_one_subject_meeting_several_counterparts_gives_one_record_each() -> None:
    text = (
        "Secretary Antony Blinken met President William Ruto, Prime Minister Musalia Mudavadi "
        "and Chief Justice Martha Koome."
    )
    result = run(text)
    assert sorted(len(c.participants) for c in result.contacts) == [2, 2, 2]


def test_no_publication_date_leaves_relative_dates_unresolved() -> None:
    with pytest.warns(UserWarning, match="no publication date"):
        result = extract(Article(id="t", text="President Joe Biden met King Abdullah on Monday."))
    assert result.contacts[0].date is None


def test_quotes_with_speaker_and_split_attribution() -> None:
    text = (
        "“We have rebuilt our channels of discussion,” Finnish President Alexander Stubb said. "
        "“There is no other way forward for us,” he added, “and we will keep talking to everyone.”\n\n"
        "He called the plan “bold”."
    )
    result = run(text)
    quotes = [(result.actor(s.speaker).name, s.text) for s in result.statements]
    assert quotes == [
        ("Alexander Stubb", "We have rebuilt our channels of discussion,"),
        ("Alexander Stubb", "There is no other way forward for us,"),
        ("Alexander Stubb", "and we will keep talking to everyone."),
    ]
    for statement in result.statements:
        assert text[statement.evidence.start : statement.evidence.end] == statement.text


def test_quotation_after_a_colon_attribution_and_being_together_is_a_meeting() -> None:
    text = (
        "Speaking beside the Foreign Minister, Secretary Antony Blinken said:\n\n"
        '"A week ago, Javier and I were together in Washington at a trade conference."'
    )
    result = run(text)
    assert speakers(result) == ["Antony Blinken"]
    (contact,) = result.contacts
    assert {result.actor(p.actor).name for p in contact.participants} == {"Antony Blinken", "Javier"}
    assert (contact.kind.value, contact.date and contact.date.start) == ("meeting", dt.date(2024, 3, 6))


def test_attribution_phrases_after_the_quotation() -> None:
    text = (
        'According to Japanese Prime Minister Fumio Kishida, "the relationship with South Korea is entering '
        'a new era."\n\n"This is a historic day for our two nations" - those were the words of Indian Prime '
        "Minister Narendra Modi after the signing."
    )
    assert speakers(run(text)) == ["Fumio Kishida", "Narendra Modi"]


def test_reported_speech_is_a_statement_that_is_not_direct() -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov said that the talks with Washington had been useful. He added that "
        'no new meeting was planned. "We will see what happens next," he said. He also said to wait.'
    )
    result = run(text)
    found = [(result.actor(s.speaker).name, s.direct, s.text) for s in result.statements]
    assert found == [
        ("Dmitry Peskov", False, "the talks with Washington had been useful"),
        ("Dmitry Peskov", False, "no new meeting was planned"),
        ("Dmitry Peskov", True, "We will see what happens next,"),
    ]
    for statement in result.statements:
        assert text[statement.evidence.start : statement.evidence.end] == statement.text


def test_quotations_of_unnamed_or_unknown_speakers_are_not_given_to_the_last_one() -> None:
    text = (
        "Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing.\n\n"
        '"China and the United States should be partners, not rivals," Wang told Blinken.\n\n'
        'Blinken, for his part, said: "We are committed to maintaining open lines of communication."\n\n'
        '"We had candid discussions," a senior State Department official told reporters.\n\n'
        'The Chinese side urged Washington to "stop interfering in the internal affairs of China."'
    )
    result = run(text)
    assert [(name, s.text[:20]) for name, s in zip(speakers(result), result.statements, strict=True)] == [
        ("Wang Yi", "China and the United"),
        ("Antony Blinken", "We are committed to "),
    ]


def test_unpaired_quote_mark_is_skipped() -> None:
    text = "“We will meet again soon, Stubb said.\n\nThe meeting ended."
    assert run(text).statements == ()


def test_transcript_first_and_second_person() -> None:
    text = (
        "Meeting with President of Chile Gabriel Boric\n\n"
        "President of Peru Dina Boluarte: Mr President, I am very glad to welcome you to Lima.\n\n"
        "President of Chile Gabriel Boric: Thank you. We met in Santiago in January 2024."
    )
    result = run(text)
    pairs = {parties(result, c) for c in result.contacts}
    assert frozenset({"Dina Boluarte", "Gabriel Boric"}) in pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks\n\nNovember 20, 2016, Lima\n\nThe two presidents met.", dt.date(2016, 11, 20)),
        ("Talks\n\nMay 3, 2019\n\nThe two presidents met.", dt.date(2019, 5, 3)),
        ("Posted by the desk\nMay 3, 2019\n\nThe two presidents met.", None),
        ("The two presidents met on May 3, 2019 in Lima.", None),
    ],
)
def test_dateline(text: str, expected: dt.date | None) -> None:
    found = dateline(text, dt.date(2020, 1, 1))
    assert (found[0].start if found else None) == expected


def test_users_own_actors_take_precedence(tmp_path: Path) -> None:
    actors = tmp_path / "actors.csv"
    actors.write_text(
        "id,type,name,variants,country,office,start,end,wikidata\n"
        "zq,person,Zara Quillfeather,Quillfeather,FRA,foreign minister,2031-01-01,,\n",
        encoding="utf-8",
    )
    text = "The French foreign minister met Italian Prime Minister Giorgia Meloni in Rome on Monday."
    result = extract(Article(id="t", published=dt.date(2031, 3, 5), text=text), actors=actors)
    assert {result.actor(p.actor).name for p in result.contacts[0].participants} == {
        "Zara Quillfeather",
        "Giorgia Meloni",
    }


def test_bad_actors_file_names_its_line(tmp_path: Path) -> None:
    actors = tmp_path / "actors.csv"
    actors.write_text("id,type,name,country\nx,person,Somebody,NOT-A-CODE\n", encoding="utf-8")
    with pytest.raises(GraphkitError, match=r"actors.csv:2"):
        extract(Article(id="t", published=PUBLISHED, text="Nothing here."), actors=actors)


def test_wire_dateline_and_agency_are_not_participants() -> None:
    text = (
        "NEW DELHI (AP) — Indian Prime Minister Narendra Modi and Australian Prime Minister Anthony Albanese "
        "agreed Wednesday to deepen defense ties during talks, officials said."
    )
    result = run(text)
    assert [sorted(result.actor(p.actor).name for p in c.participants) for c in result.contacts] == [
        ["Anthony Albanese", "Narendra Modi"]
    ]


def test_the_two_countries_are_the_states_just_named() -> None:
    text = (
        "Chile and Argentina signed a border accord on Monday. "
        "The two countries will hold talks again in May, Chilean officials said."
    )
    result = run(text)
    [contact] = result.contacts
    assert {result.actor(p.actor).name for p in contact.participants} == {"Chile", "Argentina"}
    assert contact.status.value == "planned"


def test_single_curly_quotes_and_apostrophes() -> None:
    text = (
        "Mr Stubb said: ‘We didn’t agree on everything, but we agreed to keep talking.’ "
        "Then he left in the ‘90s style."
    )
    result = run(text)
    assert [s.text for s in result.statements] == [
        "We didn’t agree on everything, but we agreed to keep talking."
    ]


def test_a_meeting_that_is_the_topic_of_a_call_keeps_its_own_parties_and_date() -> None:
    text = (
        "During the telephone conversation, the Prime Minister of Spain briefed the President of Chile on "
        "the outcome of the meeting between Mercosur heads of state and the President of Bolivia on Monday "
        "in Brasilia."
    )
    result = run(text)
    found = {(c.kind.value, parties(result, c), c.date and c.date.start) for c in result.contacts}
    # Office holders on the publication date come from the gazetteer; the call has no date of its own.
    assert found == {
        ("call", frozenset({"Pedro Sánchez", "Gabriel Boric"}), None),
        ("meeting", frozenset({"Mercosur", "President of Bolivia (unnamed)"}), dt.date(2024, 3, 11)),
    }


def test_plural_counterparts_are_one_office_holder_per_state() -> None:
    text = "Indian Foreign Minister Subrahmanyam Jaishankar held talks with his {} and {} counterparts."
    # The gazetteer knows who held the office on the publication date ...
    known = run(text.format("British", "French"))
    assert {known.actor(p.actor).name for p in known.contacts[0].participants} == {
        "Subrahmanyam Jaishankar",
        "David Cameron",
        "Stéphane Séjourné",
    }
    # ... and where it does not, the counterparts stay unnamed, with the office they share with him.
    unknown = run(text.format("Belgian", "Peruvian"))
    actors = [unknown.actor(p.actor) for p in unknown.contacts[0].participants]
    assert [(a.label, a.country) for a in actors[1:]] == [
        ("Belgian foreign minister (unnamed)", "BEL"),
        ("Peruvian foreign minister (unnamed)", "PER"),
    ]
    assert all(a.wikidata is None for a in actors[1:])


def test_capital_and_relative_where_clause_are_visits() -> None:
    text = (
        "Spanish Foreign Minister Jose Manuel Albares has just come from Kyiv, where Portuguese Foreign "
        "Minister Paulo Rangel happened to be on Monday."
    )
    result = run(text)
    found = {(parties(result, c), c.kind.value, c.date is not None) for c in result.contacts}
    assert found == {
        (frozenset({"Jose Manuel Albares", "Ukraine"}), "visit", False),
        (frozenset({"Paulo Rangel", "Ukraine"}), "visit", True),
    }


def test_two_spaces_after_a_full_stop_end_a_sentence() -> None:
    from graphkit.nlp import parser_for_articles

    doc = parser_for_articles()(
        'They met in Geneva.  I met him later.  "We spoke," she said. In 2.  Not here.'
    )
    assert [s.text.strip() for s in doc.sents][:3] == [
        "They met in Geneva.",
        "I met him later.",
        '"We spoke," she said.',
    ]


def test_infinitive_passive_is_planned_and_dated_by_its_scheduling_verb() -> None:
    text = (
        "She looked forward to the Trade Council to be held in Ottawa on May 20 and to be chaired by "
        "Secretary Antony Blinken and Foreign Minister Melanie Joly."
    )
    (contact,) = run(text).contacts
    assert (contact.kind.value, contact.status.value) == ("meeting", "planned")
    assert contact.date is not None and contact.date.start == dt.date(2024, 5, 20)


def test_quoted_we_is_the_speaker_and_the_person_coordinated_with_him() -> None:
    text = (
        "World News\n\nSecretary of State Antony Blinken says he and Chinese Foreign Minister Wang Yi have "
        'agreed to keep working on the plan.\n\n"We both agreed to keep at it and meet once more in New '
        'York during the U.N. General Assembly, around the 28th," Blinken said.'
    )
    result = run(text)
    (contact,) = result.contacts
    assert {result.actor(p.actor).name for p in contact.participants} == {"Antony Blinken", "Wang Yi"}
    assert (contact.status.value, contact.date and contact.date.start) == ("planned", dt.date(2024, 3, 28))
    # Page furniture and a body whose name starts with a title word are not people.
    assert {(a.name, a.type.value) for a in result.actors} == {
        ("Antony Blinken", "person"),
        ("Wang Yi", "person"),
        ("United Nations General Assembly", "organization"),
    }


def test_a_trip_home_with_a_foreign_guest_is_a_meeting_with_the_guest() -> None:
    result = run(
        "Indian Prime Minister Narendra Modi and Russian President Vladimir Putin arrived in New Delhi."
    )
    (contact,) = result.contacts
    roles = {result.actor(p.actor).name: p.role.value for p in contact.participants}
    assert roles == {"Vladimir Putin": "visitor", "Narendra Modi": "host"}
    assert contact.kind.value == "meeting"


def test_headline_words_are_not_names_and_an_unnamed_envoy_is_named_later() -> None:
    text = (
        "Breaking News\nSwiss Envoy Opens Fresh Ceasefire Push in Colombia\n\n"
        "Switzerland's chief peace envoy has held talks with Colombia's president. Officials say Bern's "
        "Development Minister Anna Keller landed in Bogota on Thursday."
    )
    result = run(text)
    assert {a.name for a in result.actors} == {"Colombia", "Gustavo Petro", "Anna Keller"}
    envoy = next(a for a in result.actors if a.name == "Anna Keller")
    assert "Switzerland's chief peace envoy" in envoy.aliases
    # The office holder found from "Sri Lanka's president" and his name spelled otherwise are one person.
    later = run(
        "Sri Lanka's president met Erik Solheim. President Mahinda Rajapakse said so.", dt.date(2006, 5, 26)
    )
    assert [a.name for a in later.actors if "Rajapak" in a.name] == ["Mahinda Rajapaksa"]


def test_lists_that_the_parser_hangs_elsewhere_and_bodies_standing_for_their_people() -> None:
    text = (
        "A spokeswoman said France has been in touch with other capitals about the summit, "
        "including Egypt and Qatar. Bolivian President Luis Arce briefed Chilean President Gabriel Boric "
        "on the meeting between Mercosur heads of state and the President of Paraguay and European Union "
        "representatives in Brasilia."
    )
    result = run(text)
    found = [sorted(result.actor(p.actor).label for p in c.participants) for c in result.contacts]
    assert found == [
        ["Egypt", "France", "Qatar"],
        ["Gabriel Boric", "Luis Arce"],  # what Arce told Boric about is not a meeting of his
        ["European Union", "Mercosur", "President of Paraguay (unnamed)"],
    ]
    mercosur = next(a for a in result.actors if a.name == "Mercosur")
    assert mercosur.aliases == ("Mercosur heads of state",)


def test_earlier_ones_are_more_visits_by_the_same_visitor() -> None:
    text = (
        "Brazilian President Lula da Silva's visit to Beijing followed earlier ones to Moscow and New Delhi."
    )
    result = run(text)
    hosts = sorted(result.actor(c.participants[1].actor).name for c in result.contacts)
    assert hosts == ["China", "India", "Russia"]
    assert {result.actor(c.participants[0].actor).name for c in result.contacts} == {
        "Luiz Inácio Lula da Silva"
    }
    assert all(c.kind.value == "visit" for c in result.contacts)


def test_gazetteer_names_win_over_shorter_ner_spans_and_states_listed_with_states() -> None:
    text = (
        "Remarks at the Trade Dialogue\n\nHillary Rodham Clinton\nSecretary of State\n\n"
        "Secretary Clinton is traveling to Ghana, Togo, Benin, Malawi, and Zambia."
    )
    actors = {a.name: a for a in run(text).actors}
    assert actors["Hillary Rodham Clinton"].wikidata == "Q6294"
    assert {"Ghana", "Togo", "Benin", "Malawi", "Zambia"} <= set(actors)


def test_a_headline_joins_the_event_the_body_tells() -> None:
    text = (
        "Prime Minister Pedro Sanchez Travels to Rabat and Paris\n\n"
        "Spanish Prime Minister Pedro Sanchez is accompanying King Felipe to Rabat on Monday for a three-day "
        "state visit to Morocco. Afterwards Sanchez will fly on to Paris, France, for a climate conference."
    )
    result = run(text)
    found = {
        (result.actor(c.participants[-1].actor).name, c.status.value, len(c.participants))
        for c in result.contacts
    }
    assert found == {("Morocco", "planned", 3), ("France", "planned", 2)}  # the king travels with him
    # The headline is a further mention; the evidence is the sentence that tells the plan.
    assert all(
        not c.evidence.text.startswith("Prime Minister Pedro Sanchez Travels") for c in result.contacts
    )


def test_a_relative_clause_does_not_take_the_main_clause_date() -> None:
    (contact,) = run("Merkel, who met Putin dozens of times, left office in 2021.").contacts
    assert contact.date is None
    (trip,) = run(
        "Secretary Antony Blinken traveled to Nairobi on Monday, where he met President William Ruto."
    ).contacts
    assert trip.date is not None and trip.date.start == dt.date(2024, 3, 11)


def test_quoted_we_after_the_two_leaders_is_that_pair() -> None:
    text = (
        "Turkish President Recep Tayyip Erdogan met Hungarian Prime Minister Viktor Orban in Ankara on "
        "Tuesday. The two leaders discussed energy cooperation.\n\n"
        '"We agreed to meet again in Budapest," Erdogan told reporters after the talks.'
    )
    result = run(text)
    found = {(c.status.value, parties(result, c)) for c in result.contacts}
    pair = frozenset({"Recep Tayyip Erdoğan", "Viktor Orbán"})
    assert found == {("occurred", pair), ("planned", pair)}


def test_state_visit_readout_separate_meetings_same_day_and_visit_length() -> None:
    text = (
        "BEIJING, March 11 (Xinhua) -- Chinese President Xi Jinping on Monday held talks with visiting "
        "Vietnamese President Vo Van Thuong in Beijing.\n\n"
        "Xi said China is willing to deepen cooperation.\n\n"
        "On the same day, Chinese Premier Li Qiang and Chinese Foreign Minister Wang Yi met separately with "
        "the Vietnamese president.\n\n"
        "Vo Van Thuong arrived in Beijing on Sunday for a three-day state visit to China."
    )
    result = run(text, dt.date(2024, 3, 12))
    found = {(parties(result, c), c.date and c.date.start) for c in result.contacts}
    monday = dt.date(2024, 3, 11)
    assert found == {
        (frozenset({"Xi Jinping", "Vo Van Thuong"}), monday),
        (frozenset({"Li Qiang", "Vo Van Thuong"}), monday),
        (frozenset({"Wang Yi", "Vo Van Thuong"}), monday),
    }  # the visit (Sunday to Tuesday) is told by the meetings held during it


def test_honorifics_places_and_plans_fulfilled() -> None:
    text = (
        "Iraq's Premier Sudani Meets Iran's Imam Khamenei\n\n"
        "Iraqi Prime Minister Mohammed Shia al-Sudani met Grand Ayatollah Ali Khamenei in Tehran.\n\n"
        "Secretary Blinken Visits the Istiqlal Mosque"
    )
    result = run(text)
    (meeting,) = result.contacts  # one Khamenei whatever his title; a mosque is not a host
    assert parties(result, meeting) == {"Mohammed Shia al-Sudani", "Ali Khamenei"}
    plan = (
        "An aide said Paris learned on Friday morning that Indian Prime Minister Narendra Modi wished to "
        "speak with French President Emmanuel Macron. The call on Friday between Macron and Modi lasted "
        "20 minutes."
    )
    (call,) = run(plan, dt.date(2024, 3, 16)).contacts  # the wish and the call that fulfilled it: one event
    assert (call.kind.value, call.status.value, call.date and call.date.start) == (
        "call",
        "occurred",
        dt.date(2024, 3, 15),
    )
    (talks,) = run(
        "Prime Minister Narendra Modi is in Paris for talks with French President Emmanuel Macron."
    ).contacts
    assert (talks.kind.value, talks.status.value) == ("meeting", "planned")


def test_readout_the_president_and_his_own_security_council() -> None:
    text = (
        "Telephone conversation with President of France Emmanuel Macron\n\nMarch 5, 2024\n\n"
        "Vladimir Putin had a telephone conversation with President of France Emmanuel Macron.\n\n"
        "The presidents discussed the situation in Ukraine. Vladimir Putin noted the risks.\n\n"
        "Earlier in the day, the President held a meeting with permanent members of the Security Council.\n\n"
        "The President also met Foreign Minister Sergei Lavrov of Russia. Lavrov briefed the U.N. Security "
        "Council on Monday."
    )
    result = run(text, dt.date(2024, 3, 5))
    found = {parties(result, c) for c in result.contacts}
    # "the President" is the readout's own (named most), and neither his Security Council nor his own
    # minister is a diplomatic contact; the U.N. body named as such is one.
    assert found == {
        frozenset({"Vladimir Putin", "Emmanuel Macron"}),
        frozenset({"Sergey Lavrov", "United Nations Security Council"}),
    }


def test_a_pronoun_after_a_quotation_is_not_someone_named_inside_it() -> None:
    text = (
        "White House Press Secretary Karine Jean-Pierre spoke to reporters.\n\n"
        '"The goal of this meeting, which the president wants to continue, is progress," she said.'
    )
    result = run(text)
    assert speakers(result) == ["Karine Jean-Pierre"]


def test_officials_of_states_and_bodies_without_a_name() -> None:
    text = (
        "Secretary of State Antony Blinken met with his counterpart from Indonesia on Tuesday. "
        "The UN envoy held talks in Tehran with Iranian officials on Sunday."
    )
    result = run(text)
    found = [sorted(result.actor(p.actor).label for p in c.participants) for c in result.contacts]
    assert found == [
        ["Antony Blinken", "Indonesian foreign minister (unnamed)"],
        ["Iran", "UN envoy (unnamed)"],
    ]


def test_a_visit_and_a_meeting_elsewhere_in_one_sentence_are_both_kept() -> None:
    result = run("Kishida visited Kyiv and then travelled to Warsaw to meet Duda.")
    found = {parties(result, c) for c in result.contacts}
    assert found == {frozenset({"Fumio Kishida", "Ukraine"}), frozenset({"Fumio Kishida", "Andrzej Duda"})}


def test_contacts_during_a_dated_trip_take_its_dates() -> None:
    text = (
        "On May 7-8, Secretary of State Antony Blinken traveled to India. In New Delhi, Blinken held talks "
        "with External Affairs Minister Subrahmanyam Jaishankar. Blinken has also met Chinese Foreign "
        "Minister Wang Yi."
    )
    result = run(text, dt.date(2024, 5, 10))
    dates = {parties(result, c): c.date and (c.date.start, c.date.end) for c in result.contacts}
    assert dates == {
        frozenset({"Antony Blinken", "Subrahmanyam Jaishankar"}): (dt.date(2024, 5, 7), dt.date(2024, 5, 8)),
        frozenset({"Antony Blinken", "Wang Yi"}): None,  # not a person of the state he visited
    }


def test_the_words_after_a_wire_dateline_are_a_sentence_of_their_own() -> None:
    text = (
        "RIYADH, Feb 18 (Reuters) - U.S. Secretary of State Marco Rubio and Russian Foreign Minister Sergei "
        "Lavrov agreed on Tuesday to restore their embassies after talks in Saudi Arabia."
    )
    (contact,) = run(text, dt.date(2025, 2, 18)).contacts
    assert contact.evidence.text.startswith("U.S. Secretary of State Marco Rubio")
    assert contact.date is not None and contact.date.start == dt.date(2025, 2, 18)


def test_a_gapped_second_counterpart_has_the_date_after_it() -> None:
    result = run("Biden met Sunak on Monday and Macron on Tuesday.")
    found = {(parties(result, c), c.date and c.date.start) for c in result.contacts}
    assert found == {
        (frozenset({"Joe Biden", "Rishi Sunak"}), dt.date(2024, 3, 11)),
        (frozenset({"Joe Biden", "Emmanuel Macron"}), dt.date(2024, 3, 12)),
    }


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("France and Russia have restored technical-level contacts.", "technical"),
        ("Officials from China and Japan held working-level talks in Tokyo.", "working"),
        ("Serbia and Kosovo agreed to hold talks at the highest level.", "summit"),
        (
            "French President Emmanuel Macron met German Chancellor Olaf Scholz.",
            "summit",
        ),  # from their offices
        (
            "Indian Foreign Minister Subrahmanyam Jaishankar met his Chinese counterpart Wang Yi.",
            "ministerial",
        ),
        ("Kremlin aide Yury Ushakov met U.S. envoy Steve Witkoff.", None),
        ("The talks between China and Japan touched on the level of trade.", None),
    ],
)
def test_contact_level_as_the_text_says_or_the_offices_show(text: str, level: str | None) -> None:
    (contact,) = run(text).contacts
    assert (contact.level.value if contact.level else None) == level


def test_a_short_given_name_is_the_one_person_so_named() -> None:
    text = (
        "U.S. Secretary of State Antony Blinken arrived in Berlin.\n\n"
        "FOREIGN MINISTER BAERBOCK: Dear Tony, very warm welcome to Berlin."
    )
    blinken = [a for a in run(text).actors if "Blinken" in a.name]
    assert len(blinken) == 1 and "Tony" in blinken[0].aliases


def test_the_three_leaders_and_known_names_with_a_title_word_inside() -> None:
    text = (
        "Ethiopian Prime Minister Abiy Ahmed, Eritrean President Isaias Afwerki and Somali President Hassan "
        "Sheikh Mohamud held a summit in Asmara. The three leaders agreed to meet again in Mogadishu next "
        "month."
    )
    result = run(text)
    three = frozenset({"Abiy Ahmed", "Isaias Afwerki", "Hassan Sheikh Mohamud"})
    assert [(parties(result, c), c.status.value) for c in result.contacts] == [
        (three, "occurred"),
        (three, "planned"),
    ]


def test_telling_needs_its_own_channel() -> None:
    text = (
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris.\n\n"
        '"I told him very clearly that we will not accept this," Scholz said of his call with Russian '
        "President Vladimir Putin last week."
    )
    result = run(text)
    found = {(parties(result, c), c.kind.value) for c in result.contacts}
    assert found == {
        (frozenset({"Olaf Scholz", "Emmanuel Macron"}), "meeting"),
        (frozenset({"Olaf Scholz", "Vladimir Putin"}), "call"),  # not a call with "him" in the quotation
    }


def test_coordinated_with_phrases_are_separate_sessions() -> None:
    text = (
        "Secretary Antony Blinken held talks with Foreign Minister Wang Yi on Sunday, "
        "and with top diplomat Qin Gang earlier in the day."
    )
    result = run(text)
    pairs = sorted(sorted(result.actor(p.actor).name for p in c.participants) for c in result.contacts)
    assert pairs == [["Antony Blinken", "Qin Gang"], ["Antony Blinken", "Wang Yi"]]


# --- property tests of the quotation finder (a character-level parser) ------------------------------------
_PLAIN = st.text(alphabet=st.characters(blacklist_characters='"“”«»„‘’\n', blacklist_categories=("Cs",)))


@given(st.text())
def test_find_quotes_spans_are_ordered_and_inside_the_text(text: str) -> None:
    spans = find_quotes(text)
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))


@given(_PLAIN, _PLAIN.filter(lambda s: s.strip() != ""), _PLAIN)
def test_a_paired_quotation_is_found_exactly(prefix: str, body: str, suffix: str) -> None:
    text = f"{prefix} “{body}” {suffix}"
    start = len(prefix) + 2
    assert (start, start + len(body)) in find_quotes(text)
