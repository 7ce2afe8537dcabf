"""Contact rules that carry over to news the rules were not written on, each on sentences of our own.

Every rule has at least three positive sentences in different wordings and one negative. A case gives the
expected contacts as (participant names, kind); the order of contacts does not matter.
"""

from __future__ import annotations

import datetime as dt

import pytest

from graphkit.extractor import extract
from graphkit.models import Article

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

PUBLISHED = dt.date(2024, 5, 15)  # a Wednesday

Found = set[tuple[frozenset[str], str]]


def contacts(text: str) -> Found:
    extraction = extract(Article(id="t", published=PUBLISHED, text=text))
    return {
        (frozenset(extraction.actor(p.actor).name for p in c.participants), c.kind.value)
        for c in extraction.contacts
    }


def pair(a: str, b: str, kind: str) -> tuple[frozenset[str], str]:
    return frozenset({a, b}), kind


# "spoke with X" in a readout is a phone call unless the sentence places the talk in person.
SPEAKING = [
    (
        "President Biden spoke with Japanese Prime Minister Fumio Kishida on Tuesday.",
        {pair("Joe Biden", "Fumio Kishida", "call")},
    ),
    (
        "Chancellor Scholz spoke to President Emmanuel Macron about energy prices.",
        {pair("Olaf Scholz", "Emmanuel Macron", "call")},
    ),
    (
        "Prime Minister Giorgia Meloni has spoken with King Abdullah II twice this month.",
        {pair("Giorgia Meloni", "King Abdullah II", "call")},
    ),
    # in person: a gathering, a trip or a place is named
    (
        "President Biden spoke with Prime Minister Fumio Kishida on the sidelines of the G7 summit.",
        {pair("Joe Biden", "Fumio Kishida", "meeting")},
    ),
    (
        "During his visit to Tokyo, President Biden spoke with Prime Minister Fumio Kishida.",
        {pair("Joe Biden", "Fumio Kishida", "meeting")},
    ),
    # what they spoke about places nothing: a call still
    (
        "Prime Minister Jane Roe spoke with President Lula on the negotiations, bilateral relations and "
        "trade.",
        {pair("Jane Roe", "Luiz Inácio Lula da Silva", "call")},
    ),
    (
        "Chancellor Scholz spoke with President Macron over the talks in Geneva.",
        {pair("Olaf Scholz", "Emmanuel Macron", "call")},
    ),
    (
        "Prime Minister Jane Roe spoke with President Lula about the summit in Belem.",
        {pair("Jane Roe", "Luiz Inácio Lula da Silva", "call")},
    ),
]

# One call with several counterparts named together is one record with all of them, unless told apart.
CALLS = [
    (
        "Chancellor Scholz phoned President Macron and Prime Minister Meloni on Sunday.",
        {(frozenset({"Olaf Scholz", "Emmanuel Macron", "Giorgia Meloni"}), "call")},
    ),
    (
        "Prime Minister Starmer spoke this morning to the leaders of Canada, Norway and Iceland.",
        {(frozenset({"Keir Starmer", "Canada", "Norway", "Iceland"}), "call")},
    ),
    (
        "President Biden called Chancellor Scholz and President Macron after the vote.",
        {(frozenset({"Joe Biden", "Olaf Scholz", "Emmanuel Macron"}), "call")},
    ),
    (
        "Chancellor Scholz spoke with President Macron and, separately, with Prime Minister Meloni.",
        {pair("Olaf Scholz", "Emmanuel Macron", "call"), pair("Olaf Scholz", "Giorgia Meloni", "call")},
    ),
    # meetings with several counterparts stay one session each
    (
        "Chancellor Scholz met President Macron and Prime Minister Meloni on Sunday.",
        {pair("Olaf Scholz", "Emmanuel Macron", "meeting"), pair("Olaf Scholz", "Giorgia Meloni", "meeting")},
    ),
]

# A plural of a counted contact noun with one holder: one session per counterpart.
SESSIONS = [
    (
        "Prime Minister Anthony Albanese held bilateral meetings with the leaders of Vietnam, Laos and "
        "Thailand.",
        {
            pair("Anthony Albanese", "Vietnam", "meeting"),
            pair("Anthony Albanese", "Laos", "meeting"),
            pair("Anthony Albanese", "Thailand", "meeting"),
        },
    ),
    (
        "Chancellor Olaf Scholz took calls from President Emmanuel Macron and Prime Minister Giorgia Meloni.",
        {pair("Olaf Scholz", "Emmanuel Macron", "call"), pair("Olaf Scholz", "Giorgia Meloni", "call")},
    ),
    (
        "Secretary Blinken has a busy week. In his meetings Tuesday with President Emmanuel Macron and "
        "Chancellor Olaf Scholz, Blinken will discuss energy.",
        {
            pair("Antony Blinken", "Emmanuel Macron", "meeting"),
            pair("Antony Blinken", "Olaf Scholz", "meeting"),
        },
    ),
    # "talks" are not counted per session: one event with everyone
    (
        "President Emmanuel Macron held talks with Chancellor Olaf Scholz and Prime Minister Giorgia Meloni.",
        {(frozenset({"Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni"}), "meeting")},
    ),
]

# Calls or meetings listed by their other parties only: the holder is the person the sentence before is about.
HOLDER_BEFORE = [
    (
        "Chancellor Scholz spoke at the summit. Later, there were calls from the prime ministers of Italy "
        "and Spain.",
        {pair("Olaf Scholz", "Italy", "call"), pair("Olaf Scholz", "Spain", "call")},
    ),
    (
        "President Macron returned to Paris on Sunday. Meetings with the leaders of Chile and Peru followed.",
        {pair("Emmanuel Macron", "Chile", "meeting"), pair("Emmanuel Macron", "Peru", "meeting")},
    ),
    (
        "Prime Minister Albanese arrived late. There were also phone calls with the presidents of Kenya and "
        "Ghana.",
        {pair("Anthony Albanese", "Kenya", "call"), pair("Anthony Albanese", "Ghana", "call")},
    ),
]

# "counterparts from A and B": the states, one session each, where their people are not named.
COUNTERPARTS = [
    (
        "Foreign Minister Penny Wong held meetings with her counterparts from Brazil, Kenya and Canada.",
        {
            pair("Penny Wong", "Brazil", "meeting"),
            pair("Penny Wong", "Kenya", "meeting"),
            pair("Penny Wong", "Canada", "meeting"),
        },
    ),
    (
        "Secretary Blinken met his counterparts from Chile and Peru on Monday.",
        {pair("Antony Blinken", "Chile", "meeting"), pair("Antony Blinken", "Peru", "meeting")},
    ),
    (
        "President Emmanuel Macron phoned his counterparts from Egypt and Jordan.",
        {(frozenset({"Emmanuel Macron", "Egypt", "Jordan"}), "call")},  # one call, as with named counterparts
    ),
]

# A list the parser broke after a comma still lists participants.
BROKEN_LISTS = [
    (
        "The day closed with a string of talks between President Biden, Israeli Prime Minister Netanyahu "
        "and King Abdullah of Jordan.",
        {(frozenset({"Joe Biden", "Benjamin Netanyahu", "King Abdullah II"}), "meeting")},
    ),
    (
        "The highlight was a round of talks between Chancellor Scholz, French President Macron and Italian "
        "Prime Minister Meloni.",
        {(frozenset({"Olaf Scholz", "Emmanuel Macron", "Giorgia Meloni"}), "meeting")},
    ),
    (
        "Officials prepared a meeting between President Biden, Japanese Prime Minister Kishida and South "
        "Korean President Yoon Suk Yeol.",
        {(frozenset({"Joe Biden", "Fumio Kishida", "Yoon Suk Yeol"}), "meeting")},
    ),
]

BROKEN_LISTS += [
    (
        "Prime Minister Albanese praised the bilateral meetings that he had with the leaders of Thailand, "
        "the Republic of Korea, Canada or New Zealand.",
        {
            pair("Anthony Albanese", "Thailand", "meeting"),
            pair("Anthony Albanese", "South Korea", "meeting"),
            pair("Anthony Albanese", "Canada", "meeting"),
            pair("Anthony Albanese", "New Zealand", "meeting"),
        },
    ),
]

# "with President A and Foreign Minister B" parsed with A as a modifier of B: both take part.
BROKEN_LISTS += [
    (
        "Last month Chancellor Scholz visited Syria and met with President Assad and Foreign Minister "
        "Mekdad.",
        {pair("Olaf Scholz", "Bashar al-Assad", "meeting"), pair("Olaf Scholz", "Mekdad", "meeting")},
    ),
    (
        "The envoy Geir Pedersen held talks with President Assad and Foreign Minister Mekdad in Damascus.",
        {(frozenset({"Geir Pedersen", "Bashar al-Assad", "Mekdad"}), "meeting")},
    ),
    (
        "Chancellor Scholz spoke with President Assad and Foreign Minister Mekdad by phone.",
        {(frozenset({"Olaf Scholz", "Bashar al-Assad", "Mekdad"}), "call")},
    ),
    # or with A as the subject of B's name
    (
        "Prime Minister Jane Roe hosted President Lula and Prime Minister Modi at her residence on Sunday.",
        {(frozenset({"Jane Roe", "Luiz In\u00e1cio Lula da Silva", "Narendra Modi"}), "meeting")},
    ),
]

# "the talks he held with X": a relative clause of holding on a contact noun gives its participants.
RELATIVE_HOLDERS = [
    (
        "Secretary Blinken described the talks he held with Foreign Minister Wang Yi as candid.",
        {pair("Antony Blinken", "Wang Yi", "meeting")},
    ),
    (
        "President Macron said the meeting he had with Chancellor Scholz was productive.",
        {pair("Emmanuel Macron", "Olaf Scholz", "meeting")},
    ),
    (
        "Chancellor Scholz praised the bilateral meetings that he held with the leaders of Kenya and Ghana.",
        {pair("Olaf Scholz", "Kenya", "meeting"), pair("Olaf Scholz", "Ghana", "meeting")},
    ),
]

# An invitation to travel is the proposed trip of the invited, not a meeting with the host.
INVITATIONS = [
    (
        "President Erdogan invited Vladimir Putin to visit Turkey.",
        {pair("Vladimir Putin", "Turkey", "visit")},
    ),
    (
        "Chancellor Scholz invited Prime Minister Modi to come to Berlin next year.",
        {pair("Narendra Modi", "Germany", "visit")},
    ),
    (
        "Xi said on Tuesday that he had invited Putin to travel to China later this year.",
        {pair("Vladimir Putin", "China", "visit")},
    ),
    # an invitation to a meal or talks is a proposed meeting with the host
    (
        "President Macron invited Chancellor Scholz to dinner at the Elysee.",
        {pair("Emmanuel Macron", "Olaf Scholz", "meeting")},
    ),
]

# "The leaders" are the people who were talking, not one named only as the owner of a thing ("Putin's
# invasion"); the owner of a visit still counts. (text, participants, status)
LEADERS_TALKING = [
    (
        "Prime Minister Jane Roe met President Lula in Brasilia today. They discussed support for Ukraine "
        "against Putin's invasion. The leaders agreed to meet again at the summit next month.",
        {"Jane Roe", "Luiz In\u00e1cio Lula da Silva"},
        "planned",
    ),
    (
        "Chancellor Scholz called President Macron on Monday to discuss Xi's policies. The leaders will meet "
        "in Paris next week.",
        {"Olaf Scholz", "Emmanuel Macron"},
        "planned",
    ),
    (
        "President Biden hosted Prime Minister Kishida at the White House. They spoke about Kim Jong Un's "
        "missile launches. The two leaders look forward to talks at the G7 summit in June.",
        {"Joe Biden", "Fumio Kishida"},
        "planned",
    ),
    # the owner of a contact is one of those talking
    (
        "Chancellor Scholz's visit to Paris was short. President Macron said the two leaders would meet "
        "again in June.",
        {"Olaf Scholz", "Emmanuel Macron"},
        "planned",
    ),
]

# A contact put on hold or on ice is negated; a mediation between two sides is a contact between them.
# (text, participants, status)
ON_HOLD = [
    ("Qatar has put its mediation between Israel and Hamas on hold.", {"Israel", "Hamas"}, "negated"),
    ("Moscow put the dialogue with Washington on ice.", {"Russia", "United States"}, "negated"),
    (
        "President Ruto put his dialogue with President Museveni on hold last week.",
        {"William Ruto", "Museveni"},
        "negated",
    ),
    # the mediation itself is under way; what else is put on hold negates nothing of a contact
    (
        "Norway has led the mediation between Colombia and the ELN since 2022.",
        {"Colombia", "National Liberation Army of Colombia"},
        "occurred",
    ),
    (
        "Chancellor Scholz put the question on hold and met President Macron.",
        {"Olaf Scholz", "Emmanuel Macron"},
        "occurred",
    ),
]

# "was supposed to meet X": a plan told in the past that did not come about; "is supposed to" is a plan.
# Ending a part of the talks ("ended the first day of negotiations") says they took place; ending the talks
# themselves breaks them off.
ENDED_A_PART = [
    (
        "President Aleksandar Vucic and Prime Minister Avdullah Hoti ended the first day of negotiations on "
        "Thursday.",
        {"Aleksandar Vucic", "Avdullah Hoti"},
        "occurred",
    ),
    (
        "Chancellor Scholz and President Macron ended the second round of talks in Paris.",
        {"Olaf Scholz", "Emmanuel Macron"},
        "occurred",
    ),
    (
        "President Lula and President Petro ended a week of consultations in Bogota.",
        {"Luiz In\u00e1cio Lula da Silva", "Gustavo Petro"},
        "occurred",
    ),
    (
        "President Lula ended talks with President Petro.",
        {"Luiz In\u00e1cio Lula da Silva", "Gustavo Petro"},
        "negated",
    ),
]

# A contact noun at which something is vowed or sought ("vow closer ties at Moscow summit") is where it
# happens: the verb's wish or plan is for what they vow, not for the summit; an auxiliary still counts.
VENUES_OF_A_VOW = [
    ("Xi, Putin vow closer ties at Moscow summit", {"Xi Jinping", "Vladimir Putin"}, "occurred"),
    (
        "President Xi and President Putin pledged deeper cooperation at their summit in Beijing on Monday.",
        {"Xi Jinping", "Vladimir Putin"},
        "occurred",
    ),
    (
        "Chancellor Scholz and President Macron promised joint action during their talks in Paris.",
        {"Olaf Scholz", "Emmanuel Macron"},
        "occurred",
    ),
    (
        "President Xi and President Putin will seek closer ties during talks in Moscow.",
        {"Xi Jinping", "Vladimir Putin"},
        "planned",
    ),
]

# "have yet to meet", "is yet to visit": not so far, negated; "yet" joining clauses is no such adverb.
PENDING = [
    (
        "Presidents Lula and Milei have yet to meet.",
        {"Luiz In\u00e1cio Lula da Silva", "Javier Milei"},
        "negated",
    ),
    ("Prime Minister Modi has yet to visit Pakistan.", {"Narendra Modi", "Pakistan"}, "negated"),
    ("Chancellor Scholz is yet to speak with President Xi.", {"Olaf Scholz", "Xi Jinping"}, "negated"),
    (
        "Presidents Lula and Milei have met, yet the talks failed.",
        {"Luiz In\u00e1cio Lula da Silva", "Javier Milei"},
        "occurred",
    ),
]

SUPPOSED = [
    (
        "President Abbas was supposed to go to Moscow to meet Prime Minister Netanyahu.",
        {"Mahmoud Abbas", "Benjamin Netanyahu"},
        "negated",
    ),
    (
        "Prime Minister Jane Roe was supposed to meet President Lula last week.",
        {"Jane Roe", "Luiz In\u00e1cio Lula da Silva"},
        "negated",
    ),
    (
        "Chancellor Scholz was supposed to fly to Paris to meet President Macron on Friday.",
        {"Olaf Scholz", "Emmanuel Macron"},
        "negated",
    ),
    (
        "Chancellor Scholz is supposed to meet President Macron on Friday.",
        {"Olaf Scholz", "Emmanuel Macron"},
        "planned",
    ),
]

# "look forward to beginning X, and then also talking to Y": a gerund the parser hung on the main verb
# continues its to-gerund and shares its modality. (text, participants, status)
GERUND_LISTS = [
    (
        "AMBASSADOR HILL: I look forward to beginning my meetings tomorrow morning with the North Koreans, "
        "and then also talking to the Chinese later in the afternoon.",
        {"Hill", "China"},
        "planned",
    ),
    (
        "Chancellor Scholz looks forward to visiting Paris next week, and then also meeting President "
        "Macron.",
        {"Olaf Scholz", "Emmanuel Macron"},
        "planned",
    ),
    (
        "Prime Minister Jane Roe looks forward to opening the summit on Monday, and then also meeting "
        "President Lula.",
        {"Jane Roe", "Luiz In\u00e1cio Lula da Silva"},
        "planned",
    ),
    # a gerund with a subject of its own is its own clause
    (
        "Chancellor Scholz looked forward to the summit, and President Macron was meeting President Lula.",
        {"Emmanuel Macron", "Luiz In\u00e1cio Lula da Silva"},
        "occurred",
    ),
]

# Status shared along the sentence: a second verb without its own subject or auxiliary shares the first one's
# ("will fly to Tokyo and meet"); a contact "ahead of" which something happens is still to come.
# (text, participants, status)
STATUSES = [
    # "no" on news about a contact denies the news, not the contact
    (
        "The Kremlin said no immediate details on the meeting between Putin and Xi were available.",
        {"Vladimir Putin", "Xi Jinping"},
        "occurred",
    ),
    (
        "There was no comment on the talks between Blinken and Wang Yi.",
        {"Antony Blinken", "Wang Yi"},
        "occurred",
    ),
    ("There will be no meeting between Putin and Xi.", {"Vladimir Putin", "Xi Jinping"}, "negated"),
    (
        "Officials said there were no plans for a meeting between Putin and Xi.",
        {"Vladimir Putin", "Xi Jinping"},
        "negated",
    ),
    # beginning a contact: under way when told in the past, planned when told ahead
    (
        "Chancellor Scholz and President Macron began their second round of talks on Monday.",
        {"Olaf Scholz", "Emmanuel Macron"},
        "occurred",
    ),
    (
        "The United States and Iran have started their eighth round of negotiations in Doha.",
        {"United States", "Iran"},
        "occurred",
    ),
    (
        "Chancellor Scholz and President Macron will begin talks on Monday.",
        {"Olaf Scholz", "Emmanuel Macron"},
        "planned",
    ),
    # a relative clause on the contact noun tells its tense, whatever governs the noun
    (
        "This will build on the talks that Jane Roe had last month with President Gabriel Boric.",
        {"Jane Roe", "Gabriel Boric"},
        "occurred",
    ),
    (
        "Next week's summit follows the meeting Jane Roe held this spring with Chancellor Scholz.",
        {"Jane Roe", "Olaf Scholz"},
        "occurred",
    ),
    (
        "The agenda covers the meeting that Jane Roe will hold with President Lula next week.",
        {"Jane Roe", "Luiz Inácio Lula da Silva"},
        "planned",
    ),
    # a commitment, intention, pledge or accepted invitation to travel or meet is a plan
    (
        "Prime Minister Jane Roe expressed her commitment to visit Australia soon.",
        {"Jane Roe", "Australia"},
        "planned",
    ),
    (
        "Prime Minister Jane Roe has accepted an invitation from President Lula to visit Brasilia in the "
        "coming weeks.",
        {
            "Jane Roe",
            "Luiz In\u00e1cio Lula da Silva",
        },  # a journey on the host's invitation: a meeting with him
        "planned",
    ),
    (
        "Chancellor Olaf Scholz vowed to travel to Kyiv before the summer.",
        {"Olaf Scholz", "Ukraine"},
        "planned",
    ),
    (
        "Jane Roe met President Lula on Monday and reaffirmed her commitment to free trade.",
        {"Jane Roe", "Luiz Inácio Lula da Silva"},
        "occurred",
    ),
    (
        "Foreign Secretary Jane Doe will be the first British minister to visit Norway since the crisis.",
        {"Jane Doe", "Norway"},
        "planned",
    ),
    (
        "Tomorrow Secretary Blinken will fly to Tokyo and meet with Prime Minister Fumio Kishida.",
        {"Antony Blinken", "Fumio Kishida"},
        "planned",
    ),
    (
        "Chancellor Scholz will travel to Paris next week and hold talks with President Macron.",
        {"Olaf Scholz", "Emmanuel Macron"},
        "planned",
    ),
    (
        "Secretary Blinken arrived in Cairo ahead of talks with President Abdel Fattah el-Sisi.",
        {"Antony Blinken", "Abdel Fattah el-Sisi"},
        "planned",
    ),
    (
        "Officials gathered in Geneva ahead of a new round of talks between Secretary Blinken and Foreign "
        "Minister Sergey Lavrov.",
        {"Antony Blinken", "Sergey Lavrov"},
        "planned",
    ),
    (
        "President Macron will receive Chancellor Scholz before a dinner with Prime Minister Giorgia Meloni.",
        {"Emmanuel Macron", "Giorgia Meloni"},
        "planned",
    ),
    # a progressive with a time that runs on past today is futurate; without one it is now
    (
        "Aides said President Macron and Chancellor Scholz are meeting later this week to discuss energy.",
        {"Emmanuel Macron", "Olaf Scholz"},
        "planned",
    ),
    (
        "Chancellor Scholz is meeting President Macron next week.",
        {"Olaf Scholz", "Emmanuel Macron"},
        "planned",
    ),
    (
        "President Macron and Chancellor Scholz are meeting in Berlin today.",
        {"Emmanuel Macron", "Olaf Scholz"},
        "occurred",
    ),
    # "no closer to arranging" a meeting still wishes for it
    (
        "The two sides are no closer to arranging a meeting between President Putin and President Zelensky.",
        {"Vladimir Putin", "Volodymyr Zelensky"},
        "proposed",
    ),
    # breaking off talks ends them; breaking for dinner does not
    (
        "President Macron broke off talks with Chancellor Scholz on Monday.",
        {"Emmanuel Macron", "Olaf Scholz"},
        "negated",
    ),
    (
        "President Putin and President Xi talked for four hours before breaking for dinner.",
        {"Vladimir Putin", "Xi Jinping"},
        "occurred",
    ),
    # a verb with its own tense keeps it
    (
        "Chancellor Scholz arrived on Monday and met President Macron.",
        {"Olaf Scholz", "Emmanuel Macron"},
        "occurred",
    ),
    # "ahead of" a meeting, the call itself took place
    (
        "Chancellor Scholz called President Macron ahead of the summit in Paris.",
        {"Olaf Scholz", "Emmanuel Macron"},
        "occurred",
    ),
]

# Joint acts of two or more named parties in one clause ("A and B signed", "reviewed", "agreed"): they were in
# contact; "we agreed" or "the two sides agreed" tell no parties of their own.
JOINT_ACTS = [
    (
        "President William Ruto and President Yoweri Museveni signed a trade agreement in Nairobi on "
        "Thursday.",
        {pair("William Ruto", "Yoweri Museveni", "meeting")},
    ),
    (
        "In Canberra, Foreign Minister Wong and Secretary Blinken reviewed work on the submarine pact.",
        {pair("Penny Wong", "Antony Blinken", "meeting")},
    ),
    (
        "Chancellor Scholz and President Macron agreed on Monday to cut tariffs on steel.",
        {pair("Olaf Scholz", "Emmanuel Macron", "contact")},
    ),
]

# A contact noun that names no parties but points back ("another", "the next round") is between the parties
# of the contact told just before; a caption's places ("left") do not break its list; who confirms or
# announces his own talks with somebody takes part in them.
POINTING_BACK = [
    (
        "President Putin and President Erdogan spoke on Friday. Another phone conversation took place on "
        "Saturday.",
        {pair("Vladimir Putin", "Recep Tayyip Erdoğan", "call")},
    ),
    (
        "President Macron met Chancellor Scholz in Berlin on Monday. The next round of talks is planned for "
        "June.",
        {pair("Emmanuel Macron", "Olaf Scholz", "meeting")},
    ),
    (
        "Chancellor Scholz called President Macron on Monday. A new meeting will take place in May.",
        {pair("Olaf Scholz", "Emmanuel Macron", "call"), pair("Olaf Scholz", "Emmanuel Macron", "meeting")},
    ),
    (
        "Secretary Rubio confirmed planned talks with Foreign Minister Andrii Sybiha.",
        {pair("Marco Rubio", "Andrii Sybiha", "meeting")},
    ),
]

# A body named as a process or format ("... Dialogue", "the Normandy Format") is no party to a contact.
PROCESSES = [
    (
        "Secretary Rubio hosted the first U.S.-India Trade and Technology Dialogue with Foreign Minister "
        "Jaishankar on Monday.",
        {pair("Marco Rubio", "Subrahmanyam Jaishankar", "contact")},
    ),
]

# "..., a day after meeting X": the subject of the main clause met X, at a time of its own (no date taken from
# the main clause).
AFTER_MEETING = [
    (
        "Secretary Blinken held talks with President Zelensky in Kyiv on Tuesday, a day after meeting with "
        "Prime Minister Tusk in Warsaw.",
        {
            pair("Antony Blinken", "Volodymyr Zelensky", "meeting"),
            pair("Antony Blinken", "Donald Tusk", "meeting"),
        },
    ),
    (
        "President Macron called Chancellor Scholz, a week after meeting Prime Minister Meloni in Rome.",
        {
            pair("Emmanuel Macron", "Olaf Scholz", "call"),
            pair("Emmanuel Macron", "Giorgia Meloni", "meeting"),
        },
    ),
    (
        "Chancellor Scholz arrived in Tokyo on Friday, two days after talking to President Xi in Beijing.",
        {pair("Olaf Scholz", "Japan", "visit"), pair("Olaf Scholz", "Xi Jinping", "meeting")},
    ),
]

# "met for hours behind closed doors with X": a with-phrase the parser hangs inside an adverbial of a
# symmetric verb still names the counterpart.
ADVERBIAL_WITH = [
    (
        "President Ruto met for several hours on Friday behind closed doors with President Museveni in "
        "Kampala.",
        {pair("William Ruto", "Museveni", "meeting")},
    ),
    (
        "Secretary Blinken met in the afternoon at the palace with King Abdullah.",
        {pair("Antony Blinken", "King Abdullah II", "meeting")},
    ),
    (
        "Chancellor Scholz met on the margins of the summit with President Lula.",
        {pair("Olaf Scholz", "Luiz Inácio Lula da Silva", "meeting")},
    ),
    (
        "President Macron met at length in the Elysee with Chancellor Scholz.",
        {pair("Emmanuel Macron", "Olaf Scholz", "meeting")},
    ),
]

# "X is the first Y to visit Z": a ranked noun after a copula describes its subject, who is the visitor;
# the copula gives the tense.
RANKED = [
    (
        "Foreign Secretary Jane Doe will be the first British minister to visit Norway since the crisis.",
        {pair("Jane Doe", "Norway", "visit")},
    ),
    (
        "Chancellor Olaf Scholz became the second Western leader to meet President Xi Jinping this year.",
        {pair("Olaf Scholz", "Xi Jinping", "meeting")},
    ),
    (
        "Prime Minister Jacinda Ardern was the only foreign leader to visit Tonga after the eruption.",
        {pair("Jacinda Ardern", "Tonga", "visit")},
    ),
]

# "A-B talks": two sides joined by a hyphen before a contact noun both take part; whoever wants or praises the
# talks does not.
HYPHEN_DYADS = [
    ("The US-China talks in Geneva ended without a deal.", {pair("United States", "China", "meeting")}),
    # a side ending in an abbreviation's period: the tokenizer splits the hyphen after it
    ("The U.S.-China talks in Geneva ended on Tuesday.", {pair("United States", "China", "meeting")}),
    (
        "Officials prepared for the next round of Russia-Ukraine negotiations in Istanbul.",
        {pair("Russia", "Ukraine", "meeting")},
    ),
    ("The France-Germany summit took place on Monday.", {pair("France", "Germany", "meeting")}),
    ("Moscow wants a Putin-Trump summit soon.", {pair("Vladimir Putin", "Donald Trump", "meeting")}),
    (
        "Secretary Blinken praised the Armenia-Azerbaijan talks held in Washington on Monday.",
        {pair("Armenia", "Azerbaijan", "meeting")},
    ),
]

# An aside between a preposition and its object ("with, among others, A and B") hides no counterpart.
ASIDES = [
    (
        "Foreign Minister Jane Roe held some key bilaterals today with, amongst others, the United "
        "Kingdom and China.",
        {pair("Jane Roe", "United Kingdom", "meeting"), pair("Jane Roe", "China", "meeting")},
    ),
    (
        "Jane Roe met with, among others, Boris Johnson and Xi Jinping.",
        {pair("Jane Roe", "Boris Johnson", "meeting"), pair("Jane Roe", "Xi Jinping", "meeting")},
    ),
    (
        "Secretary Blinken will hold talks with, among others, the Chinese foreign minister.",
        {pair("Antony Blinken", "Wang Yi", "meeting")},
    ),
]

# "A and B ... . They met on Friday": "they" as the subject of a contact is the coordinated subject of the
# sentence before.
PLURAL_THEY = [
    (
        "Jane Roe and Pedro Soto were tired. They met on Friday.",
        {pair("Jane Roe", "Pedro Soto", "meeting")},
    ),
    (
        "Jane Roe and Pedro Soto were tired. They held talks on Friday.",
        {pair("Jane Roe", "Pedro Soto", "meeting")},
    ),
    (
        "President Lula and President Petro arrived in Belem on Sunday. They will meet King Charles on "
        "Monday.",
        {(frozenset({"Luiz Inácio Lula da Silva", "Gustavo Petro", "Charles III"}), "meeting")},
    ),
]

# "flew to X to discuss Y with Z": the purpose of a journey names the counterpart met on it (a visit with a
# named counterpart is a meeting); without a with-phrase the journey stays a visit.
JOURNEY_PURPOSE = [
    (
        "Secretary Blinken traveled to Cairo on Monday to discuss the ceasefire with President Sisi.",
        {pair("Antony Blinken", "Abdel Fattah el-Sisi", "meeting")},
    ),
    (
        "President Macron will fly to Berlin on Friday to discuss the budget with Chancellor Scholz.",
        {pair("Emmanuel Macron", "Olaf Scholz", "meeting")},
    ),
    (
        "Foreign Minister Jane Roe should visit Beijing next year to talk about trade with her counterpart, "
        "Wang Yi.",
        {pair("Jane Roe", "Wang Yi", "meeting")},
    ),
    (
        "Secretary Blinken traveled to Cairo on Monday to discuss the ceasefire.",
        {pair("Antony Blinken", "Egypt", "visit")},
    ),
]

# "attends Syria talks with A and B": a state written before the contact noun is the topic when the holder
# and the other parties are named apart; "U.S. talks with Iran" (no other holder) keeps it as a party.
TOPIC_STATES = [
    (
        "Foreign Secretary Jane Roe will attend Syria talks in Vienna with Russia and Turkey on Friday.",
        {(frozenset({"Jane Roe", "Russia", "Turkey"}), "meeting")},
    ),
    (
        "Envoy Jane Roe joined the Ukraine peace talks with Russia and Turkey in Istanbul.",
        {(frozenset({"Jane Roe", "Russia", "Turkey"}), "meeting")},
    ),
    (
        "Secretary Blinken held Gaza ceasefire talks with President Sisi in Cairo.",
        {pair("Antony Blinken", "Abdel Fattah el-Sisi", "meeting")},
    ),
    ("U.S. talks with Iran resumed in Oman on Friday.", {pair("United States", "Iran", "meeting")}),
]

# "we" holding a contact with someone named, in remarks where every "I" is one speaker, is the speaker's side.
WE_THE_SPEAKER = [
    (
        "Remarks by Foreign Minister Jane Roe upon arrival at the council\n\nToday I will meet the Foreign "
        "Minister of Iran, Abbas Araghchi. We will also have a meeting with Secretary General Antonio "
        "Guterres.",
        {pair("Jane Roe", "Abbas Araghchi", "meeting"), pair("Jane Roe", "António Guterres", "meeting")},
    ),
    (
        "Statement by Prime Minister Jane Roe\n\nI am pleased to be in Tokyo. Tomorrow we will hold talks "
        "with Prime Minister Fumio Kishida.",
        {pair("Jane Roe", "Fumio Kishida", "meeting")},
    ),
    (
        "Remarks by Foreign Minister Jane Roe at the summit\n\nI thank our hosts. This afternoon we met "
        "President Emmanuel Macron to discuss energy.",
        {pair("Jane Roe", "Emmanuel Macron", "meeting")},
    ),
]

# "X, with whom she spoke": a relative pronoun after a preposition is the name the clause follows.
RELATIVE_PRONOUNS = [
    (
        "Chancellor Scholz thanked President Macron, with whom he met on Monday.",
        {pair("Olaf Scholz", "Emmanuel Macron", "meeting")},
    ),
    (
        "Statement by Foreign Minister Jane Roe\n\nWe will have a video link with President Lula, with whom "
        "I spoke yesterday.",
        {pair("Jane Roe", "Luiz Inácio Lula da Silva", "call")},
    ),
    (
        "Secretary Blinken praised Foreign Minister Wang Yi, with whom he held talks in Beijing.",
        {pair("Antony Blinken", "Wang Yi", "meeting")},
    ),
]

# "A and B started their eighth round of negotiations": a possessor resolving to nobody leaves the holders to
# the verb.
UNRESOLVED_POSSESSORS = [
    (
        "The United States and Iran have started their eighth round of negotiations in Doha.",
        {pair("United States", "Iran", "meeting")},
    ),
    (
        "Chancellor Scholz and President Macron began their second round of talks on Monday.",
        {pair("Olaf Scholz", "Emmanuel Macron", "meeting")},
    ),
    (
        "The United States and the Taliban have officially started their eighth round of negotiations in "
        "Doha.",
        {pair("United States", "Taliban", "meeting")},
    ),
]

# "Hamas officials": a body before a plural title is the side those people stand for; before a singular
# title it is part of one person's title ("Kremlin aide Yury Ushakov").
BODY_PEOPLE = [
    (
        "U.S. and Taliban officials conferred in Doha on Monday.",
        {pair("United States", "Taliban", "meeting")},
    ),
    ("Taliban officials met U.S. envoy Jane Roe in Doha.", {pair("Taliban", "Jane Roe", "meeting")}),
    ("Envoy Jane Roe met Hamas officials in Cairo.", {pair("Jane Roe", "Hamas", "meeting")}),
    ("Kremlin aide Yury Ushakov met Jane Roe.", {pair("Yury Ushakov", "Jane Roe", "meeting")}),
]

# In a one-speaker text, a contact noun with one counterpart and nobody holding it, in a first-person
# sentence, is the speaker's.
SPEAKER_HOLDS = [
    (
        "Remarks by Foreign Minister Jane Roe\n\nI have been at the summit today, and before I turn to one "
        "of the bilaterals, which was the meeting with Chinese Foreign Minister Wang Yi, I want to thank our "
        "hosts.",
        {pair("Jane Roe", "Wang Yi", "meeting")},
    ),
    (
        "Statement by Prime Minister Jane Roe\n\nMy talks with Chancellor Scholz in Berlin were the "
        "highlight, as I said.",
        {pair("Jane Roe", "Olaf Scholz", "meeting")},
    ),
    (
        "Remarks by Foreign Minister Jane Roe\n\nAs I told you, the call with President Lula went well.",
        {pair("Jane Roe", "Luiz Inácio Lula da Silva", "call")},
    ),
]

# Going to a seat of government meets the office holder received there on that day (metonyms.yaml,
# ``receives``); said of the seat ("the Kremlin said"), it stays the government's voice.
SEATS = [
    (
        "President Lula is coming to the White House on July 16.",
        {pair("Luiz Inácio Lula da Silva", "Joe Biden", "meeting")},
    ),
    (
        "Chancellor Scholz visited the Kremlin in February.",
        {pair("Olaf Scholz", "Vladimir Putin", "meeting")},
    ),
    (
        "President Macron will travel to Downing Street on Friday.",
        {pair("Emmanuel Macron", "Rishi Sunak", "meeting")},
    ),
]

# A photograph's caption ("X, centre, meets Y, left, and Z") shows one gathering of everyone in it.
CAPTIONS = [
    (
        "President Macron, centre, meets Chancellor Scholz, left, and Prime Minister Meloni in Rome.",
        {(frozenset({"Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni"}), "meeting")},
    ),
    (
        "Chancellor Scholz, right, talks with President Macron and King Charles at the palace.",
        {(frozenset({"Olaf Scholz", "Emmanuel Macron", "Charles III"}), "meeting")},
    ),
    (
        "Prime Minister Meloni, second from left, meets President Lula and President Macron at the summit.",
        {(frozenset({"Giorgia Meloni", "Luiz Inácio Lula da Silva", "Emmanuel Macron"}), "meeting")},
    ),
    # no caption: one visitor's meetings are sessions of their own
    (
        "President Macron met Chancellor Scholz and Prime Minister Meloni in Rome.",
        {
            pair("Emmanuel Macron", "Olaf Scholz", "meeting"),
            pair("Emmanuel Macron", "Giorgia Meloni", "meeting"),
        },
    ),
]

# "the two diplomats", "both envoys": any people noun counted points back at the people named last.
COUNTED_PEOPLE = [
    (
        "Assistant Secretary Roberta Jacobson met Cuban diplomat Josefina Vidal on Thursday. The two "
        "diplomats led delegations for earlier talks in January.",
        {pair("Roberta Jacobson", "Josefina Vidal", "meeting")},
    ),
    (
        "Envoy Jane Roe called envoy Pedro Soto on Monday. Both envoys will meet in Geneva next week.",
        {pair("Jane Roe", "Pedro Soto", "call"), pair("Jane Roe", "Pedro Soto", "meeting")},
    ),
    (
        "Negotiator Jane Roe called negotiator Pedro Soto on Monday. Both negotiators met President Lula on "
        "Friday.",
        {
            pair("Jane Roe", "Pedro Soto", "call"),
            (frozenset({"Jane Roe", "Pedro Soto", "Luiz Inácio Lula da Silva"}), "meeting"),
        },
    ),
]

# A list broken by a name with an of-phrase ("the Republic of Korea") and ending in a common noun ("or the
# participation in the summit") still lists every counterpart.
LIST_ENDINGS = [
    (
        "JANE ROE, PRIME MINISTER: Whether it was the bilateral meetings that I had with the leaders of "
        "Chile, Peru, the Republic of Korea, Canada or New Zealand or the participation in the summit, it "
        "was useful.",
        {pair("Jane Roe", c, "meeting") for c in ("Chile", "Peru", "South Korea", "Canada", "New Zealand")},
    ),
    (
        "Prime Minister Jane Roe held talks with the leaders of Chile, the Republic of Korea, Canada and New "
        "Zealand, and the opening ceremony.",
        {(frozenset({"Jane Roe", "Chile", "South Korea", "Canada", "New Zealand"}), "meeting")},
    ),
    (
        "Prime Minister Jane Roe met the leaders of Peru, the Republic of Korea and Canada or the host's "
        "team.",
        {pair("Jane Roe", c, "meeting") for c in ("Peru", "South Korea", "Canada")},
    ),
]

# A host or an invitation brings its guests together: one gathering with all of them, not a session with each,
# unless the sentence tells them apart.
GATHERINGS = [
    (
        "Prime Minister Modi hosted the leaders of Japan, Australia and the United States in New Delhi on "
        "Monday.",
        {(frozenset({"Narendra Modi", "Japan", "Australia", "United States"}), "meeting")},
    ),
    (
        "Chancellor Scholz has invited President Macron and Prime Minister Tusk to Berlin for a summit.",
        {(frozenset({"Olaf Scholz", "Emmanuel Macron", "Donald Tusk"}), "meeting")},
    ),
    (
        "Chancellor Scholz invited the leaders of Italy, Spain and Poland to a retreat in Meseberg.",
        {(frozenset({"Olaf Scholz", "Italy", "Spain", "Poland"}), "meeting")},
    ),
    # told apart: a session with each guest
    (
        "President Macron separately hosted Chancellor Scholz and Prime Minister Meloni on Monday.",
        {
            pair("Emmanuel Macron", "Olaf Scholz", "meeting"),
            pair("Emmanuel Macron", "Giorgia Meloni", "meeting"),
        },
    ),
]

# "my plan is to go", "her aim is to meet X": the owner of the plan is the one who will act.
OWNED_PLANS = [
    (
        "Chancellor Scholz arrived in Rome. His plan is to meet President Mattarella on Friday.",
        {pair("Olaf Scholz", "Italy", "visit"), pair("Olaf Scholz", "Sergio Mattarella", "meeting")},
    ),
    (
        "Secretary Blinken's aim is to see Foreign Minister Wang Yi before the summit.",
        {pair("Antony Blinken", "Wang Yi", "meeting")},
    ),
    (
        "President Macron said his intention was to visit Kyiv next month.",
        {pair("Emmanuel Macron", "Ukraine", "visit")},
    ),
]

# "X and I discussed ...": the speaker of one-speaker remarks, named beside another party, is one of them;
# "we discussed" or "I discussed" alone names no counterpart.
SPEAKER_AND_OTHER = [
    (
        "SECRETARY ROE: Thank you all. The Brazilian foreign minister and I discussed the crisis on Monday.",
        {pair("Mauro Vieira", "Roe", "contact")},
    ),
    (
        "JANE ROE, FOREIGN MINISTER: Good morning. President Lula and I discussed trade this morning.",
        {pair("Luiz In\u00e1cio Lula da Silva", "Jane Roe", "contact")},
    ),
    (
        "PRIME MINISTER ROE: Thank you very much. The German chancellor and I discussed energy prices "
        "yesterday.",
        {pair("Olaf Scholz", "Roe", "contact")},
    ),
]

# A particular contact with one counterpart named and nobody holding it, in what a person reports, is the
# reporter's ("X said the meeting with Y had been useful"); not a spokesperson's, whose principal holds it.
REPORTER_HOLDS = [
    (
        "Secretary Blinken said the meeting with Wang Yi had been useful.",
        {pair("Antony Blinken", "Wang Yi", "meeting")},
    ),
    (
        "President Petro said the talks with the ELN would resume in Havana.",
        {pair("Gustavo Petro", "National Liberation Army of Colombia", "meeting")},
    ),
    (
        "Secretary Blinken described the talks with Wang Yi as candid.",
        {pair("Antony Blinken", "Wang Yi", "meeting")},
    ),
]

# A state and an armed group that sign at one place ("the government and the TPLF signed a truce in Pretoria")
# met to sign what they negotiated; agreeing from afar, or two states signing, names no contact.
SIGNED_BY_PARTIES = [
    (
        "The Government of Ethiopia and the TPLF signed a truce in Pretoria on Wednesday.",
        {pair("Government of Ethiopia", "Tigray People's Liberation Front", "meeting")},
    ),
    (
        "Colombia and the FARC signed a peace agreement in Havana.",
        {pair("Colombia", "Revolutionary Armed Forces of Colombia", "meeting")},
    ),
    (
        "The Taliban and the United States signed a deal in Doha.",
        {pair("Taliban", "United States", "meeting")},
    ),
]

# A place named as a stop or leg of somebody's journey is visited by him.
STOPS = [
    (
        "Japan was the first stop on Secretary Blinken's Asian tour earlier this month.",
        {pair("Antony Blinken", "Japan", "visit")},
    ),
    ("Paris is the last stop of President Biden's European trip.", {pair("Joe Biden", "France", "visit")}),
    (
        "Chancellor Scholz flew on to Seoul, the second leg of his Asian tour.",
        {pair("Olaf Scholz", "South Korea", "visit")},
    ),
]

# Leaving or departing for a state is a trip there.
STOPS += [
    ("Secretary Blinken left Paris for Moscow on Monday.", {pair("Antony Blinken", "Russia", "visit")}),
    ("Chancellor Scholz departs for India on Thursday.", {pair("Olaf Scholz", "India", "visit")}),
    ("President Macron headed for Beijing after the summit.", {pair("Emmanuel Macron", "China", "visit")}),
]

# A nationality used as a noun ("the Russians", "briefed the Japanese") is its state's side.
NATIONALITIES = [
    (
        "Next week Secretary Rubio will travel to Tokyo to brief the Japanese.",
        {pair("Marco Rubio", "Japan", "meeting")},
    ),
    (
        "Secretary Blinken said he had talked to the Russians about the prisoners.",
        {pair("Antony Blinken", "Russia", "meeting")},
    ),
    ("President Biden met the Japanese at Camp David on Friday.", {pair("Joe Biden", "Japan", "meeting")}),
]

# Conveying something to a person is a contact with him; by phone a call, by message correspondence.
CONVEYING = [
    (
        "Secretary Blinken conveyed his concerns to Foreign Minister Wang Yi in a phone call on Monday.",
        {pair("Antony Blinken", "Wang Yi", "call")},
    ),
    (
        "President Macron conveyed the message to Chancellor Scholz on Monday.",
        {pair("Emmanuel Macron", "Olaf Scholz", "correspondence")},
    ),
    (
        "Prime Minister Meloni conveyed Italy's position to President Erdogan.",
        {pair("Giorgia Meloni", "Recep Tayyip Erdoğan", "contact")},
    ),
]

# Taking part in a body's session meets the body; chairing with a named partner meets the partner.
TAKING_PART = [
    (
        "Foreign Minister Penny Wong will participate in the ASEAN Regional Forum in Vientiane.",
        {pair("Penny Wong", "ASEAN Regional Forum", "meeting")},
    ),
    (
        "Prime Minister Albanese participated in the ASEAN summit on Tuesday.",
        {pair("Anthony Albanese", "Association of Southeast Asian Nations", "meeting")},
    ),
    (
        "Secretary Blinken co-chaired the session with Foreign Minister Penny Wong.",
        {pair("Antony Blinken", "Penny Wong", "meeting")},
    ),
    (
        "Mr. Sullivan will co-chair the strategic group with Foreign Minister Penny Wong next week.",
        {pair("Jake Sullivan", "Penny Wong", "meeting")},
    ),
]

NEGATIVES = [
    # a count of people with nobody named before them points back at nobody
    "The two negotiators met again on Friday.",
    # a seat that speaks is no host
    "The Kremlin said on Monday that talks with Ukraine were possible.",
    # the same in a sentence with no first person: the speaker is not said to be there
    "Remarks by Foreign Minister Jane Roe\n\nThe meeting with Chinese Foreign Minister Wang Yi was "
    "constructive.",
    # a relative pronoun standing for a thing, not a party
    "Jane Roe praised the treaty, about which she spoke at length.",
    # "we" with no speaker anywhere in the text
    "We will also have a meeting with Secretary General Antonio Guterres.",
    # "they" after a sentence whose subject is no list of actors
    "Reporters from many countries waited outside. They met on Friday.",
    # an aside with nobody after it
    "Jane Roe spoke with, among others, reporters from the region.",
    # hyphenated words that name no pair: a region, a leader of something, a sports fixture
    "The Asia-Pacific summit opened in Lima.",
    "The U.S.-led coalition met in Brussels.",
    "The India-Pakistan match was played on Sunday.",
    # a ranked noun with no contact: the first to speak
    "Prime Minister Mark Rutte was the last leader to speak at the summit.",
    # a holder nobody can resolve: the counterparts did not meet each other
    "Whether it was the separate talks that I held with the heads of Chile, Peru and Bolivia.",
    # spoke to the press, not to a counterpart
    "President Biden spoke to reporters on Tuesday.",
    # a relative clause that only praises a meeting names nobody who held it
    "The meeting that President Macron praised was held in Paris.",
    # a visitor nobody can resolve: those he meets do not meet each other
    "He will meet President Macron, Chancellor Scholz and Prime Minister Meloni next week.",
    # a noun pointing back with no contact told before it
    "The weather was cold. Another meeting took place on Saturday.",
    # leaving a place for something that is no state
    "Chancellor Scholz left the meeting for lunch.",
    # a with-phrase on the people met, not on an adverbial
    "President Macron met reporters at the palace with his wife.",
    # a stop of no journey
    "The convoy made a stop in Paris on its way south.",
    # a nationality modifying a noun is no side of its own
    "Secretary Blinken met the Chinese ambassador's wife at a concert.",
    # conveying to people who are no party
    "Chancellor Scholz conveyed his condolences to the families of the victims.",
    "President Macron conveyed the message to reporters.",
    # taking part in something that is no body, or chairing alone
    "Secretary Blinken participated in the ceremony in Tokyo.",
    "Secretary Blinken chaired the session on Tuesday.",
    # hosting a process or format names no counterpart
    "On Monday Secretary Rubio hosted the first U.S.-India Trade and Technology Dialogue in Washington.",
    "Chancellor Merkel hosted the Normandy Format in Berlin on Friday.",
    # calls listed by their parties with nobody to hold them: the listed parties did not call each other
    "The weather was fine. Later, there were calls from the prime ministers of Italy and Spain.",
    # a copula's subject owned by somebody is no plan of contact ("his speech was to praise X")
    "President Macron's speech was to praise Chancellor Scholz.",
    # the speaker discussing alone, or with his own side, names no counterpart
    "SECRETARY ROE: Thank you all. We discussed the crisis on Monday.",
    "SECRETARY ROE: Thank you all. I discussed the crisis on Monday.",
    # a spokesman reports his principal's meeting; a kind of contact is no contact held
    "Kremlin spokesman Dmitry Peskov said the meeting with Macron had been useful.",
    "President Macron said that dialogue with Russia is necessary.",
    # talking a topic is no contact with it
    "President Biden will talk Syria in an address to Congress on Tuesday.",
    # agreement told by its speakers or by a group names no parties of its own
    '"We agree on far more than people think," President Macron said.',
    "The two sides agreed that trade should grow.",
    # states that sign may each have signed on its own; parties agreeing from afar did not meet
    "Chile and Peru signed the climate accord last year.",
    "Chile and Peru signed the climate accord in Lima last year.",
    "Israel and Hamas agreed to a ceasefire on Friday.",
    # a list continued by a clause of its own is not a list of participants
    "Chancellor Scholz spoke at length, and President Macron said nothing.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_contact(text: str) -> None:
    assert contacts(text) == set()


@pytest.mark.parametrize(
    ("text", "who", "status"),
    STATUSES + ON_HOLD + SUPPOSED + PENDING + ENDED_A_PART + VENUES_OF_A_VOW + GERUND_LISTS,
)
def test_status_rules(text: str, who: set[str], status: str) -> None:
    extraction = extract(Article(id="t", published=PUBLISHED, text=text))
    found = {
        c.status.value
        for c in extraction.contacts
        if {extraction.actor(p.actor).name for p in c.participants} == who
    }
    assert found == {status}


def test_a_contact_told_after_another_takes_no_date_of_the_main_clause() -> None:
    extraction = extract(
        Article(
            id="t",
            published=PUBLISHED,
            text="Chancellor Scholz arrived in Tokyo on Friday, two days after talking to President Xi in "
            "Beijing.",
        )
    )
    dates = {
        frozenset(extraction.actor(p.actor).name for p in c.participants): c.date and c.date.expression
        for c in extraction.contacts
    }
    assert dates[frozenset({"Olaf Scholz", "Xi Jinping"})] is None
    assert dates[frozenset({"Olaf Scholz", "Japan"})] == "Friday"


@pytest.mark.parametrize(("text", "who", "status"), LEADERS_TALKING)
def test_leaders_are_those_talking(text: str, who: set[str], status: str) -> None:
    extraction = extract(Article(id="t", published=PUBLISHED, text=text))
    found = {
        (frozenset(extraction.actor(p.actor).name for p in c.participants), c.status.value)
        for c in extraction.contacts
    }
    assert (frozenset(who), status) in found
    assert all(len(names) == 2 for names, _ in found)


# A verb that needs an object names a contact only when its object names a party: "the leaders welcomed the
# progress" is no second meeting of the leaders; a reciprocal object ("seeing one another") leaves the
# subjects as the parties. (text, number of contacts, participants of the last one, its status)
OBJECT_NAMES_A_PARTY = [
    (
        "Prime Minister Jane Roe met President Lula in March. The leaders welcomed the progress on trade on "
        "Monday.",
        1,
        {"Jane Roe", "Luiz In\u00e1cio Lula da Silva"},
        "occurred",
    ),
    (
        "Prime Minister Jane Roe met President Lula in March. The two leaders received the report on Friday.",
        1,
        {"Jane Roe", "Luiz In\u00e1cio Lula da Silva"},
        "occurred",
    ),
    (
        "Chancellor Scholz met President Macron last year. The leaders briefed the press on Monday.",
        1,
        {"Olaf Scholz", "Emmanuel Macron"},
        "occurred",
    ),
    (
        "Prime Minister Jane Roe met President Lula today. The leaders look forward to seeing one another "
        "again in June.",
        2,
        {"Jane Roe", "Luiz In\u00e1cio Lula da Silva"},
        "planned",
    ),
    (
        "Prime Minister Jane Roe met President Lula today. The two leaders will see each other in Geneva "
        "next week.",
        2,
        {"Jane Roe", "Luiz In\u00e1cio Lula da Silva"},
        "planned",
    ),
]


@pytest.mark.parametrize(("text", "count", "who", "status"), OBJECT_NAMES_A_PARTY)
def test_an_object_must_name_a_party(text: str, count: int, who: set[str], status: str) -> None:
    extraction = extract(Article(id="t", published=PUBLISHED, text=text))
    assert len(extraction.contacts) == count
    last = extraction.contacts[-1]
    assert {extraction.actor(p.actor).name for p in last.participants} == who
    assert last.status.value == status


# A "he" or "she" with nobody named before it points forward, to the first person who is the subject of a
# clause in its sentence or the next two (cataphora); a pronoun whose gender does not fit stays unresolved,
# and one with somebody named before it keeps that antecedent.
CATAPHORA = [
    (
        "Before she left Brasilia, President Dilma Rousseff met Chancellor Scholz.",
        {pair("Dilma Rousseff", "Olaf Scholz", "meeting")},
    ),
    (
        "On Monday he will travel to Kyiv. Chancellor Scholz said the visit would show support.",
        {pair("Olaf Scholz", "Ukraine", "visit")},
    ),
    (
        "In Nairobi he will meet President Ruto and Foreign Minister Mudavadi. The Foreign Secretary, David "
        "Lammy, is on his first trip to Africa.",
        {pair("David Lammy", "William Ruto", "meeting"), pair("David Lammy", "Mudavadi", "meeting")},
    ),
    # named before: the pronoun is that person's
    (
        "Chancellor Scholz spoke on Monday. After he left, President Macron met Prime Minister Meloni.",
        {pair("Emmanuel Macron", "Giorgia Meloni", "meeting")},
    ),
]


def test_a_forward_pronoun_of_the_other_gender_stays_unresolved() -> None:
    assert (
        contacts(
            "In Paris he will meet Prime Minister Meloni. Foreign Minister Penny Wong said she was pleased."
        )
        == set()
    )


# Titles listed in apposition to a state's people ("Fiji's leaders, the prime minister and the foreign
# minister") are that state's office holders, each a counterpart; the state itself is not one more.
LISTED_SIDES = [
    (
        "Secretary Blinken will meet with Papua New Guinea's leaders, the prime minister and the foreign "
        "minister.",
        {
            pair("Antony Blinken", "prime minister of Papua New Guinea", "meeting"),
            pair("Antony Blinken", "foreign minister of Papua New Guinea", "meeting"),
        },
    ),
    (
        "Chancellor Scholz met Japanese officials, the foreign minister and the trade minister, on Monday.",
        {
            pair("Olaf Scholz", "Yoko Kamikawa", "meeting"),
            pair("Olaf Scholz", "trade minister of Japan", "meeting"),
        },
    ),
    (
        "President Macron received Fijian leaders, the prime minister and the foreign minister, at the "
        "Elysee.",
        {
            pair("Emmanuel Macron", "prime minister of Fiji", "meeting"),
            pair("Emmanuel Macron", "foreign minister of Fiji", "meeting"),
        },
    ),
]


def test_a_state_named_without_a_list_stays_the_counterpart() -> None:
    assert contacts("Chancellor Scholz met Japanese officials on Monday.") == {
        pair("Olaf Scholz", "Japan", "meeting")
    }


# "sent his envoy X to a place, where he met Y": the one sent there meets Y, not the sender; one who
# travels there himself is the "he".
SENT_THERE = [
    (
        "President Biden sent his envoy Amos Hochstein to Beirut, where he met Speaker Nabih Berri.",
        {pair("Amos Hochstein", "Nabih Berri", "meeting")},
    ),
    (
        "Chancellor Scholz dispatched his adviser Jens Plötner to Beijing, where he held talks with Wang Yi.",
        {pair("Jens Plötner", "Wang Yi", "meeting")},
    ),
    (
        "The Pope sent Cardinal Matteo Zuppi to Moscow, where he met Yuri Ushakov on Thursday.",
        {pair("Matteo Zuppi", "Yury Ushakov", "meeting")},
    ),
    (
        "President Biden travelled to Beirut, where he met Speaker Nabih Berri.",
        {pair("Joe Biden", "Nabih Berri", "meeting")},
    ),
]


# A phrase beside a person's name that holds an office word and names nobody else is his title, not another
# party; a name listed after it is still a counterpart.
TITLES_BESIDE_NAMES = [
    (
        "Lien Chan, chairman of the KMT, met Hu Jintao, Communist Party of China General Secretary, in "
        "Beijing on Friday.",
        {pair("Lien Chan", "Hu Jintao", "meeting")},
    ),
    (
        "Prime Minister Kishida met Xi Jinping, General Secretary of the Communist Party of China, in San "
        "Francisco.",
        {pair("Fumio Kishida", "Xi Jinping", "meeting")},
    ),
    (
        "Chancellor Scholz met Jens Stoltenberg, NATO Secretary General, and Ursula von der Leyen.",
        {
            pair("Olaf Scholz", "Jens Stoltenberg", "meeting"),
            pair("Olaf Scholz", "Ursula von der Leyen", "meeting"),
        },
    ),
    # another person after the comma is listed
    (
        "President Macron met Xi Jinping, Premier Li Qiang and Foreign Minister Wang Yi in Beijing.",
        {
            pair("Emmanuel Macron", "Xi Jinping", "meeting"),
            pair("Emmanuel Macron", "Li Qiang", "meeting"),
            pair("Emmanuel Macron", "Wang Yi", "meeting"),
        },
    ),
]


# "her recent visits by A and B": the possessor of a visit made by others received them, a meeting with each;
# "his visit to Paris" is his own journey.
VISITS_RECEIVED = [
    (
        "Prime Minister Jane Roe spoke about her recent visits by Chancellor Scholz and President Macron.",
        {pair("Jane Roe", "Olaf Scholz", "meeting"), pair("Jane Roe", "Emmanuel Macron", "meeting")},
    ),
    (
        "President Lula praised his visit by Chancellor Scholz last week.",
        {pair("Luiz In\u00e1cio Lula da Silva", "Olaf Scholz", "meeting")},
    ),
    (
        "King Charles remembered his visit by Prime Minister Modi in the spring.",
        {pair("Charles III", "Narendra Modi", "meeting")},
    ),
    ("Prime Minister Modi recalled his visit to Paris.", {pair("Narendra Modi", "France", "visit")}),
]


# A journey on somebody's invitation to his own state ("accepted an invitation from X to visit Y") is a
# meeting with the inviter there; an inviter of another state leaves it a visit.
INVITED_BY_THE_HOST = [
    (
        "Foreign Secretary Johnson has accepted an invitation from Russian Foreign Minister Sergey Lavrov to "
        "visit Moscow in the coming weeks.",
        {pair("Boris Johnson", "Sergey Lavrov", "meeting")},
    ),
    (
        "Chancellor Scholz accepted an invitation from President Xi to visit China.",
        {pair("Olaf Scholz", "Xi Jinping", "meeting")},
    ),
    (
        "President Lula accepted an invitation from President Macron to come to Paris in June.",
        {pair("Luiz In\u00e1cio Lula da Silva", "Emmanuel Macron", "meeting")},
    ),
    (
        "Chancellor Scholz accepted an invitation from President Macron to visit China.",
        {pair("Olaf Scholz", "China", "visit")},
    ),
]


# "X met Y in Paris. X and Y also spoke about Z": talking "also" right after an in-person meeting goes on in
# that meeting, not a call of its own; a call with its channel said is its own.
ALSO_SPOKE = [
    (
        "Chancellor Scholz met President Macron at the Elysee on Monday. Scholz and Macron also spoke about "
        "Ukraine.",
        [("meeting", {"Olaf Scholz", "Emmanuel Macron"})],
    ),
    (
        "Prime Minister Modi received President Ruto in New Delhi today. Modi and Ruto also spoke about "
        "trade.",
        [("meeting", {"Narendra Modi", "William Ruto"})],
    ),
    (
        "JANE ROE: I have just concluded a very productive meeting with Prime Minister Hasina. The Prime "
        "Minister and I also spoke about the Rohingya issue.",
        [("meeting", {"Jane Roe", "Hasina"})],
    ),
    (
        "Chancellor Scholz met President Macron in Paris on Monday. Scholz and Macron spoke about Ukraine by "
        "phone on Friday.",
        [("meeting", {"Olaf Scholz", "Emmanuel Macron"}), ("call", {"Olaf Scholz", "Emmanuel Macron"})],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ALSO_SPOKE)
def test_talking_also_after_a_meeting_is_that_meeting(
    text: str, expected: list[tuple[str, set[str]]]
) -> None:
    extraction = extract(Article(id="t", published=PUBLISHED, text=text))
    found = [
        (c.kind.value, {extraction.actor(p.actor).name for p in c.participants}) for c in extraction.contacts
    ]
    assert found == expected


# A non-state party to a conflict is of its state (the Taliban: Afghanistan) and yet a side of its own:
# its talks with that state's government are contacts; a leader with his own staff is none.
NON_STATE_SIDES = [
    (
        "Colombia and the ELN held talks in Havana on Monday.",
        {pair("Colombia", "National Liberation Army of Colombia", "meeting")},
    ),
    ("Afghan officials met the Taliban in Doha.", {pair("Afghanistan", "Taliban", "meeting")}),
    (
        "President Petro met the ELN in Caracas last week.",
        {pair("Gustavo Petro", "National Liberation Army of Colombia", "meeting")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), NON_STATE_SIDES)
def test_a_non_state_party_is_a_side_of_its_own(text: str, expected: Found) -> None:
    extraction = extract(Article(id="t", published=PUBLISHED, text=text))
    party = next(a for a in extraction.actors if a.type.value == "organization")
    assert party.country in {"COL", "AFG"}
    assert contacts(text) == expected


def test_a_leader_with_his_own_government_is_no_contact() -> None:
    assert contacts("President Petro met Colombia's defence ministry in Bogota.") == set()


# People of no known state met in the sentence of a visit to a state hold office there ("visited Syria and met
# Foreign Minister X": X is Syrian); an ambassador met there may be of any state.
MET_ON_A_TRIP = [
    (
        "Last month Senator Jane Roe visited Syria and met with President Assad and Foreign Minister "
        "Muallem.",
        "Muallem",
        "SYR",
    ),
    ("Chancellor Scholz travelled to Oman and met Foreign Minister Badr Albusaidi.", "Badr Albusaidi", "OMN"),
    (
        "Prime Minister Jane Roe flew to Fiji on Monday, where she met Prime Minister Sitiveni Rabuka.",
        "Sitiveni Rabuka",
        "FJI",
    ),
    ("Secretary Blinken visited Japan and met Ambassador Tom Hill.", "Tom Hill", None),
    # a trip told as before or after the meeting is no place of it
    ("Senator Jane Roe met Foreign Minister Anna Berg after she returned from Oslo.", "Anna Berg", None),
]


@pytest.mark.parametrize(("text", "name", "country"), MET_ON_A_TRIP)
def test_people_met_on_a_trip_are_of_the_state_visited(text: str, name: str, country: str | None) -> None:
    extraction = extract(Article(id="t", published=dt.date(2010, 5, 15), text=text))
    assert next(a for a in extraction.actors if a.name == name).country == country


# Spoken notes without a verb in one speaker's remarks ("And some key bilaterals today with A and B.") are the
# speaker's contacts, as first-person sentences are; a sentence with a verb of its own and no first person is
# not (the officials said it, not the speaker).
SPOKEN_NOTES = [
    (
        "MARISE PAYNE, FOREIGN MINISTER: Thank you. I have had a busy day. And some key bilaterals today "
        "with the United Kingdom and China.",
        {pair("Marise Payne", "United Kingdom", "meeting"), pair("Marise Payne", "China", "meeting")},
    ),
    (
        "JANE ROE, FOREIGN MINISTER: Thanks for coming. I am glad to be here. Then a good talk with Foreign "
        "Minister Wang Yi.",
        {pair("Jane Roe", "Wang Yi", "meeting")},
    ),
    (
        "JANE ROE, FOREIGN MINISTER: I am glad to be here. Earlier, a long call with Prime Minister Modi.",
        {pair("Jane Roe", "Narendra Modi", "call")},
    ),
    (
        "JANE ROE, FOREIGN MINISTER: I am glad to be here. Officials said the meeting with Foreign Minister "
        "Wang Yi was useful.",
        set(),
    ),
]


# A state listed beside a named person of that state ("Prime Minister Bennett and senior Israeli officials")
# is that person's side, not one more counterpart; a state beside another state's person stays.
SIDE_NAMED = [
    (
        "In Israel, Mr. Sullivan will meet with Prime Minister Naftali Bennett and senior Israeli government "
        "officials.",
        {pair("Jake Sullivan", "Naftali Bennett", "meeting")},
    ),
    (
        "Chancellor Scholz met President Macron and French officials in Paris.",
        {pair("Olaf Scholz", "Emmanuel Macron", "meeting")},
    ),
    (
        "Secretary Blinken met with Foreign Minister Wang Yi and other Chinese officials in Beijing.",
        {pair("Antony Blinken", "Wang Yi", "meeting")},
    ),
    (
        "Chancellor Scholz met Japan and South Korea's President Yoon.",
        {pair("Olaf Scholz", "Japan", "meeting"), pair("Olaf Scholz", "Yoon Suk Yeol", "meeting")},
    ),
]


# A headline's trip ("X Travels to Japan") flattens its tense: a meeting there with a person of that state,
# told in the text, is that trip, whatever its status; a meeting with another state's person leaves the trip.
HEADLINE_TRIPS = [
    (
        "Chancellor Scholz Travels to Japan\nChancellor Scholz will meet Prime Minister Kishida in Tokyo on "
        "Friday.",
        {pair("Olaf Scholz", "Fumio Kishida", "meeting")},
    ),
    (
        "Secretary Blinken Travels to Kenya\nSecretary Blinken will meet President Ruto in Nairobi next "
        "week.",
        {pair("Antony Blinken", "William Ruto", "meeting")},
    ),
    (
        "President Macron Visits Brazil\nPresident Macron will meet President Lula in Brasilia on Tuesday.",
        {pair("Emmanuel Macron", "Luiz In\u00e1cio Lula da Silva", "meeting")},
    ),
    (
        "Chancellor Scholz Travels to Japan\nChancellor Scholz will meet President Yoon of South Korea on "
        "Friday.",
        {pair("Olaf Scholz", "Japan", "visit"), pair("Olaf Scholz", "Yoon Suk Yeol", "meeting")},
    ),
]


# "his Mexican counterparts": several people of one state stand for it; "her Japanese and Indian counterparts"
# are one office holder per state, and one counterpart is the holder of the office.
PLURAL_COUNTERPARTS = [
    (
        "Secretary Blinken spoke with his Mexican counterparts about trade.",
        {pair("Antony Blinken", "Mexico", "call")},
    ),
    (
        "Chancellor Scholz met his Polish counterparts in Warsaw on Monday.",
        {pair("Olaf Scholz", "Poland", "meeting")},
    ),
    (
        "Foreign Minister Wong called her Chinese counterparts on Friday.",
        {pair("Penny Wong", "China", "call")},
    ),
    (
        "Foreign Minister Wong met her Japanese and Indian counterparts in Tokyo.",
        {
            pair("Penny Wong", "Yoko Kamikawa", "meeting"),
            pair("Penny Wong", "Subrahmanyam Jaishankar", "meeting"),
        },
    ),
]


# Several subjects whose counterparts are told apart ("with A, with B and with C", "separately") meet each
# counterpart in a session of its own, all of the subjects together.
SIDES_TOLD_APART = [
    (
        "Secretary Blinken and Secretary Lloyd Austin will meet with President Marcos, with Foreign "
        "Minister Enrique Manalo and with Defense Secretary Gilberto Teodoro.",
        {
            (frozenset({"Antony Blinken", "Lloyd Austin", "Bongbong Marcos"}), "meeting"),
            (frozenset({"Antony Blinken", "Lloyd Austin", "Enrique Manalo"}), "meeting"),
            (frozenset({"Antony Blinken", "Lloyd Austin", "Gilberto Teodoro"}), "meeting"),
        },
    ),
    (
        "Foreign Minister Penny Wong and Defence Minister Richard Marles spoke with Secretary Blinken and "
        "with Secretary Lloyd Austin on Monday.",
        {
            (frozenset({"Penny Wong", "Richard Marles", "Antony Blinken"}), "call"),
            (frozenset({"Penny Wong", "Richard Marles", "Lloyd Austin"}), "call"),
        },
    ),
    (
        "President Macron and Chancellor Scholz met separately with President Biden and Prime Minister "
        "Kishida.",
        {
            (frozenset({"Emmanuel Macron", "Olaf Scholz", "Joe Biden"}), "meeting"),
            (frozenset({"Emmanuel Macron", "Olaf Scholz", "Fumio Kishida"}), "meeting"),
        },
    ),
    # counterparts listed together: one table
    (
        "Secretary Blinken and Secretary Lloyd Austin met President Marcos and Foreign Minister Enrique "
        "Manalo.",
        {(frozenset({"Antony Blinken", "Lloyd Austin", "Bongbong Marcos", "Enrique Manalo"}), "meeting")},
    ),
]

# A contact received ("took calls from A and B", "received a call from X") is with the from-phrase's
# parties, wherever the parser hangs it; only the contact noun tells it (a hosting verb adds no meeting).
RECEIVED = [
    (
        "Chancellor Scholz had a busy day. He took calls from Prime Minister Meloni and King Abdullah.",
        {pair("Olaf Scholz", "Giorgia Meloni", "call"), pair("Olaf Scholz", "King Abdullah II", "call")},
    ),
    (
        "President Macron received a call from Prime Minister Modi on Sunday.",
        {pair("Emmanuel Macron", "Narendra Modi", "call")},
    ),
    (
        "On Friday Secretary Blinken got calls from Foreign Minister Wang Yi and Foreign Minister Lavrov.",
        {pair("Antony Blinken", "Wang Yi", "call"), pair("Antony Blinken", "Sergey Lavrov", "call")},
    ),
    # what is received is no contact: nothing
    ("President Macron received an award from Prime Minister Modi.", set()),
]

# A caption's subject is the person the picture places (", second from right,"), not the credits before him
# ("In this photo provided by A via B, X, ..., talks with Y").
PICTURED = [
    (
        "In this photo provided by the Blue House via Yonhap, Kim Yong Chol, vice chairman of the party, "
        "second from right, talks with the South Korean delegation in Pyongyang.",
        {pair("Kim Yong Chol", "South Korean delegation", "meeting")},
    ),
    (
        "In this photo released by the Kremlin, Vladimir Putin, right, talks with Xi Jinping in Moscow.",
        {pair("Vladimir Putin", "Xi Jinping", "meeting")},
    ),
    (
        "In a photo provided by Reuters, Emmanuel Macron, French President, right, speaks with Olaf Scholz "
        "in Berlin.",
        {pair("Emmanuel Macron", "Olaf Scholz", "meeting")},
    ),
    # a verb without a subject: the person the picture places, not the body that released the photo
    (
        "In this photo released by the Kremlin, Vladimir Putin, right, meets Xi Jinping in Moscow.",
        {pair("Vladimir Putin", "Xi Jinping", "meeting")},
    ),
    # no place in the picture: no caption, the credits stay out
    ("In this photo provided by the Blue House, talks in Pyongyang went on.", set()),
]

# A contact noun of "their" framing a verb whose subject and object are persons is between those two ("Xi
# told Biden during their meeting"); with a non-party object (reporters) or no object it names nobody.
THEIR_OWN = [
    (
        "President Xi told President Biden during their three-hour meeting that Taiwan mattered most.",
        {pair("Xi Jinping", "Joe Biden", "meeting")},
    ),
    (
        "President Macron thanked Chancellor Scholz at their talks in Berlin on Monday.",
        {pair("Emmanuel Macron", "Olaf Scholz", "meeting")},
    ),
    (
        "Prime Minister Modi gave President Biden a gift during their first phone call.",
        {pair("Narendra Modi", "Joe Biden", "call")},
    ),
    # a third person in the sentence before leaves "their" to the verb's subject and object
    (
        "Chancellor Scholz arrived in Paris. President Xi told President Biden during their meeting that "
        "trade mattered.",
        {pair("Olaf Scholz", "France", "visit"), pair("Xi Jinping", "Joe Biden", "meeting")},
    ),
    ("President Xi told reporters during their visit that Taiwan mattered.", set()),
    ("The ministers said during their meeting that trade mattered.", set()),
]

# "held a call Sunday with X": a call's with-phrase hung on the verb that holds it still names its party; a
# call for something is no phone call.
HELD_WITH = [
    (
        "Secretary Blinken held a call Sunday with Saudi Foreign Minister Prince Faisal bin Farhan.",
        {pair("Antony Blinken", "Faisal bin Farhan", "call")},
    ),
    (
        "Secretary Blinken held a call on Sunday with Foreign Minister Wang Yi.",
        {pair("Antony Blinken", "Wang Yi", "call")},
    ),
    (
        "President Macron took a call on Friday from Chancellor Scholz.",
        {pair("Emmanuel Macron", "Olaf Scholz", "call")},
    ),
    ("Prime Minister Albanese held a call for calm on Monday.", set()),
]

# Mediators of a state are its side, as its officials are ("Egyptian mediators met Hamas leaders").
MEDIATORS = [
    ("Hamas leaders met Egyptian mediators in Cairo.", {pair("Hamas", "Egypt", "meeting")}),
    ("Egyptian mediators met Hamas leaders in Cairo on Sunday.", {pair("Egypt", "Hamas", "meeting")}),
    ("Qatari mediators held talks with Hamas in Doha.", {pair("Qatar", "Hamas", "meeting")}),
    # mediators of no state name nobody
    ("Mediators met in Doha on Sunday.", set()),
]

# Several visitors travelling to meet a person of the state they visit: the meeting only, as for one visitor.
VISITORS_WHO_MET = [
    (
        "The leaders of France, Germany and Italy traveled to Kyiv by train on Thursday to meet President "
        "Zelensky.",
        {(frozenset({"France", "Germany", "Italy", "Volodymyr Zelensky"}), "meeting")},
    ),
    (
        "President Macron and Chancellor Scholz flew to Beijing to meet President Xi.",
        {(frozenset({"Emmanuel Macron", "Olaf Scholz", "Xi Jinping"}), "meeting")},
    ),
    (
        "Chancellor Scholz and Prime Minister Meloni traveled to Kyiv on Friday for talks with President "
        "Zelensky.",
        {(frozenset({"Olaf Scholz", "Giorgia Meloni", "Volodymyr Zelensky"}), "meeting")},
    ),
    # meeting someone of another state there keeps the visit
    (
        "President Macron and Chancellor Scholz flew to Beijing to meet Prime Minister Modi.",
        {
            (frozenset({"Emmanuel Macron", "Olaf Scholz", "China"}), "visit"),
            (frozenset({"Emmanuel Macron", "Olaf Scholz", "Narendra Modi"}), "meeting"),
        },
    ),
]

# A contact noun of "their" that names nobody is between the only two persons named in its sentence and the
# one before; with three named, it is nobody's. News about the contact ("details of their talks were not
# available") says nothing of whether it happened.
THEIR_PAIR = [
    (
        "President Xi invited President Putin to visit China. Before their talks on Monday, Putin praised "
        "the ties.",
        {pair("Vladimir Putin", "China", "visit"), pair("Vladimir Putin", "Xi Jinping", "meeting")},
    ),
    (
        "Chancellor Scholz arrived in Rome to see Prime Minister Meloni. Their meeting lasted two hours.",
        {pair("Olaf Scholz", "Giorgia Meloni", "meeting")},
    ),
    (
        "Secretary Blinken landed in Ankara on Tuesday. He met Foreign Minister Fidan. Details of their "
        "talks were not yet available.",
        {pair("Antony Blinken", "Hakan Fidan", "meeting")},
    ),
    (
        "President Macron, Chancellor Scholz and Prime Minister Meloni were in Rome. Their talks lasted two "
        "hours.",
        set(),
    ),
]

# A state beside its own named person in one contact, on either side, is that person's side: the person, the
# more specific actor, stands for it; a state whose person is not named stays a party.
STATE_BESIDE_ITS_PERSON = [
    (
        "President Macron and France hosted Chancellor Scholz in Paris on Monday.",
        {pair("Emmanuel Macron", "Olaf Scholz", "meeting")},
    ),
    (
        "Japan and Prime Minister Kishida welcomed President Yoon to Tokyo on Monday.",
        {pair("Fumio Kishida", "Yoon Suk Yeol", "meeting")},
    ),
    (
        "President Lula and Brazil held talks with Chancellor Scholz in Brasilia.",
        {pair("Luiz In\u00e1cio Lula da Silva", "Olaf Scholz", "meeting")},
    ),
    # a states-only heading joins the contact its body tells in persons, whatever the body's tense
    (
        "Subjects: Australia-India dialogue\nForeign Minister Penny Wong and External Affairs Minister "
        "Jaishankar will hold the Australia-India dialogue in Canberra on Friday.",
        {pair("Penny Wong", "Subrahmanyam Jaishankar", "contact")},
    ),
    (
        "Chancellor Scholz met President Macron and Brazil in Berlin.",
        {pair("Olaf Scholz", "Emmanuel Macron", "meeting"), pair("Olaf Scholz", "Brazil", "meeting")},
    ),
]

# Persons of the states a contact noun lists who hold it are its parties ("Wong and Jaishankar held the
# Australia-India dialogue"); others who welcome or rule it out are not.
HELD_BY_THEIR_PEOPLE = [
    (
        "Foreign Minister Penny Wong and External Affairs Minister Jaishankar held the Australia-India "
        "dialogue in Melbourne.",
        {pair("Penny Wong", "Subrahmanyam Jaishankar", "contact")},
    ),
    (
        "Secretary Blinken and Foreign Minister Wang Yi held U.S.-China talks in Beijing on Friday.",
        {pair("Antony Blinken", "Wang Yi", "meeting")},
    ),
    (
        "President Xi and President Putin held talks between China and Russia in Moscow.",
        {pair("Xi Jinping", "Vladimir Putin", "meeting")},
    ),
    (
        "Secretary Blinken and Foreign Minister Wang Yi welcomed the Russia-Ukraine talks.",
        {pair("Russia", "Ukraine", "meeting")},
    ),
]

# The actors a colon lists after the counterparts a verb meets ("met many others, other counterparts: A, B
# and C") are its objects; a colon opening another clause's words lists nobody met.
LISTED_AFTER_A_COLON = [
    (
        "Foreign Minister Penny Wong met with many others, other counterparts: Secretary of State Antony "
        "Blinken, Foreign Minister Catherine Colonna and Foreign Minister Annalena Baerbock.",
        {
            pair("Penny Wong", "Antony Blinken", "meeting"),
            pair("Penny Wong", "Catherine Colonna", "meeting"),
            pair("Penny Wong", "Annalena Baerbock", "meeting"),
        },
    ),
    (
        "Chancellor Scholz met several leaders: President Macron, Prime Minister Meloni and President Duda.",
        {
            pair("Olaf Scholz", "Emmanuel Macron", "meeting"),
            pair("Olaf Scholz", "Giorgia Meloni", "meeting"),
            pair("Olaf Scholz", "Andrzej Duda", "meeting"),
        },
    ),
    (
        "Secretary Blinken also spoke with his counterparts: Foreign Minister Wang Yi and Foreign Minister "
        "Jaishankar.",
        {(frozenset({"Antony Blinken", "Wang Yi", "Subrahmanyam Jaishankar"}), "call")},
    ),
    (
        "President Lula spoke with several leaders \u2013 President Macron and Chancellor Scholz.",
        {(frozenset({"Luiz In\u00e1cio Lula da Silva", "Emmanuel Macron", "Olaf Scholz"}), "call")},
    ),
    ("Secretary Blinken met reporters: the minister was not there.", set()),
]

# "the highest exchange since A and B met in Chongqing": a parser that took "since" for a preposition leaves
# A and B as its object; right before the verb, they are its subjects.
SUBJECTS_AFTER_SINCE = [
    (
        "This is the highest level exchange between the two parties since KMT leader Chiang Kai-shek and CPC "
        "leader Mao Zedong met in Chongqing in August 1945.",
        {pair("Chiang Kai-shek", "Mao Zedong", "meeting")},
    ),
    (
        "It was the first summit after President Moon and Chairman Kim met in Panmunjom.",
        {pair("Moon Jae-in", "Kim Jong Un", "meeting")},
    ),
    (
        "It is the first visit since President Obama met President Castro in Havana in 2016.",
        {pair("Barack Obama", "Castro", "meeting")},
    ),
    ("It is the highest level exchange since the war ended in 1953.", set()),
]

# One subject meeting several counterparts at one table ("for trilateral talks", "sat down together with")
# is one event with all of them, not one session per counterpart.
ONE_TABLE = [
    (
        "National Security Advisor Jake Sullivan met with Prime Minister Fumio Kishida and President "
        "Yoon Suk Yeol for trilateral talks.",
        {(frozenset({"Jake Sullivan", "Fumio Kishida", "Yoon Suk Yeol"}), "meeting")},
    ),
    (
        "Secretary Blinken sat down together with Foreign Minister Wang Yi and Foreign Minister Sergei "
        "Lavrov in Jakarta.",
        {(frozenset({"Antony Blinken", "Wang Yi", "Sergey Lavrov"}), "meeting")},
    ),
    (
        "President Macron met Chancellor Scholz and Prime Minister Meloni in a three-way meeting at the "
        "palace.",
        {(frozenset({"Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni"}), "meeting")},
    ),
    # a companion "along with" the counterpart sits at the same table
    (
        "President Macron hosted President Zelensky for dinner on Wednesday, along with Chancellor Olaf "
        "Scholz.",
        {(frozenset({"Emmanuel Macron", "Volodymyr Zelensky", "Olaf Scholz"}), "meeting")},
    ),
    (
        "President Macron met President Zelensky, along with Chancellor Scholz, in Paris.",
        {(frozenset({"Emmanuel Macron", "Volodymyr Zelensky", "Olaf Scholz"}), "meeting")},
    ),
    # the contact noun a joint act takes is that act, with everyone ("co-chaired the dialogue along with")
    (
        "Attorney General Jane Roe and Secretary John Doe co-chaired the dialogue along with Minister Wang "
        "Xiaohong.",
        {(frozenset({"Jane Roe", "John Doe", "Wang Xiaohong"}), "meeting")},
    ),
    # without such a word, one session per counterpart
    (
        "President Macron met Chancellor Scholz and Prime Minister Meloni on Friday.",
        {
            pair("Emmanuel Macron", "Olaf Scholz", "meeting"),
            pair("Emmanuel Macron", "Giorgia Meloni", "meeting"),
        },
    ),
]

# In a press briefing's transcript "we" and "us" are the briefing room, never a side of a contact ("we are
# joined by X, who will talk with us"); in a joint briefing or conference they are its speakers.
BRIEFING_ROOM = [
    (
        "Department Press Briefing\n\nMS ROE: Good afternoon. We are joined today by Ambassador Jane Doe, "
        "who is going to talk with us about the trip.\n\nAMBASSADOR DOE: Thank you.\n\nQUESTION: Thanks.",
        set(),
    ),
    (
        "Daily Briefing by the Spokesperson\n\nMR DOE: Thanks. Ambassador Jane Roe will talk with us "
        "about the vaccine campaign.\n\nAMBASSADOR ROE: Thank you.\n\nQUESTION: When?",
        set(),
    ),
    (
        "Press Gaggle aboard the aircraft\n\nMS ROE: Hi, everybody. Ambassador John Doe met with us on "
        "the way here.\n\nAMBASSADOR DOE: Good to be here.\n\nQUESTION: Thanks.",
        set(),
    ),
    (
        "Remarks by President Macron and Chancellor Scholz, Joint Press Briefing\n\nPRESIDENT MACRON: "
        "Thank you, Olaf. We talked about energy this morning.\n\nCHANCELLOR SCHOLZ: Thank you, Emmanuel.",
        {pair("Emmanuel Macron", "Olaf Scholz", "meeting")},
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *SPEAKING,
        *SESSIONS,
        *COUNTERPARTS,
        *BROKEN_LISTS,
        *RELATIVE_HOLDERS,
        *INVITATIONS,
        *JOINT_ACTS,
        *POINTING_BACK,
        *PROCESSES,
        *HOLDER_BEFORE,
        *TAKING_PART,
        *CALLS,
        *CONVEYING,
        *AFTER_MEETING,
        *NATIONALITIES,
        *STOPS,
        *ADVERBIAL_WITH,
        *RANKED,
        *HYPHEN_DYADS,
        *ASIDES,
        *PLURAL_THEY,
        *JOURNEY_PURPOSE,
        *TOPIC_STATES,
        *WE_THE_SPEAKER,
        *RELATIVE_PRONOUNS,
        *UNRESOLVED_POSSESSORS,
        *BODY_PEOPLE,
        *SPEAKER_HOLDS,
        *SEATS,
        *CAPTIONS,
        *COUNTED_PEOPLE,
        *LIST_ENDINGS,
        *GATHERINGS,
        *OWNED_PLANS,
        *SPEAKER_AND_OTHER,
        *REPORTER_HOLDS,
        *CATAPHORA,
        *LISTED_SIDES,
        *SENT_THERE,
        *TITLES_BESIDE_NAMES,
        *VISITS_RECEIVED,
        *INVITED_BY_THE_HOST,
        *SPOKEN_NOTES,
        *SIDE_NAMED,
        *HEADLINE_TRIPS,
        *PLURAL_COUNTERPARTS,
        *SIGNED_BY_PARTIES,
        *ONE_TABLE,
        *BRIEFING_ROOM,
        *SIDES_TOLD_APART,
        *RECEIVED,
        *PICTURED,
        *THEIR_OWN,
        *HELD_WITH,
        *MEDIATORS,
        *VISITORS_WHO_MET,
        *THEIR_PAIR,
        *STATE_BESIDE_ITS_PERSON,
        *HELD_BY_THEIR_PEOPLE,
        *LISTED_AFTER_A_COLON,
        *SUBJECTS_AFTER_SINCE,
    ],
)
def test_contact_rules(text: str, expected: Found) -> None:
    assert contacts(text) == expected


# Clauses a semicolon keeps apart keep their own tense and time ("X spoke with Y by phone; the two will meet
# next month").
SEMICOLON_CLAUSES = [
    (
        "On Tuesday, Chancellor Scholz spoke with President Macron by phone; the two will meet in Paris next "
        "month.",
        {("call", "occurred", "2024-05-14"), ("meeting", "planned", "2024-06-01")},
    ),
    (
        "Prime Minister Kishida met President Yoon in Seoul; the two leaders will hold another summit next "
        "year.",
        {("meeting", "occurred", None), ("meeting", "planned", "2025-01-01")},
    ),
    (
        "President Lula called President Petro on Monday; they will meet in Bogota in June.",
        {("call", "occurred", "2024-05-13")},
    ),
    # without a semicolon the second clause's plan is the contact ("will meet ... and talk"): one plan
    (
        "Chancellor Scholz will fly to Paris next month and meet President Macron.",
        {("meeting", "planned", "2024-06-01")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), SEMICOLON_CLAUSES)
def test_clauses_a_semicolon_keeps_apart(text: str, expected: set[tuple[str, str, str | None]]) -> None:
    extraction = extract(Article(id="t", published=PUBLISHED, text=text))
    found = {
        (c.kind.value, c.status.value, c.date.start.isoformat() if c.date else None)
        for c in extraction.contacts
    }
    assert found == expected


def test_news_about_a_contact_leaves_its_status() -> None:
    text = (
        "Secretary Blinken met Foreign Minister Fidan on Tuesday. Details of their talks were not yet "
        "available."
    )
    extraction = extract(Article(id="t", published=PUBLISHED, text=text))
    assert [c.status.value for c in extraction.contacts] == ["occurred"]


# "the two sides", "both sides": the two parties named last, persons, states or bodies alike, not the place
# where they met ("talks in Cairo"); a plan after a meeting already held takes none of its day.
TWO_SIDES = [
    (
        "Russian and Ukrainian negotiators met in Istanbul on Friday. Both sides agreed to meet again next "
        "week.",
        {("Russia|Ukraine", "occurred", "2024-05-10"), ("Russia|Ukraine", "planned", "2024-05-20")},
    ),
    (
        "India and China held talks on the border on Monday. The two sides will meet again in June.",
        {("China|India", "occurred", "2024-05-13"), ("China|India", "planned", "2024-06-01")},
    ),
    (
        "Israel and Hamas are holding indirect talks in Cairo. The two sides have not met directly.",
        {("Hamas|Israel", "occurred", None), ("Hamas|Israel", "negated", None)},
    ),
    (
        "Secretary Blinken met Foreign Minister Wang Yi on Friday. The two sides agreed to keep talking.",
        {("Antony Blinken|Wang Yi", "occurred", "2024-05-10"), ("Antony Blinken|Wang Yi", "planned", None)},
    ),
    # nobody named before: nobody
    ("The two sides will meet again in June.", set()),
]


@pytest.mark.parametrize(("text", "expected"), TWO_SIDES)
def test_the_two_sides_are_the_parties_named_last(
    text: str, expected: set[tuple[str, str, str | None]]
) -> None:
    extraction = extract(Article(id="t", published=PUBLISHED, text=text))
    found = {
        (
            "|".join(sorted(extraction.actor(p.actor).name for p in c.participants)),
            c.status.value,
            c.date.start.isoformat() if c.date else None,
        )
        for c in extraction.contacts
    }
    assert found == expected
