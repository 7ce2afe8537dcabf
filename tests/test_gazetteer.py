"""The gazetteer: lookups, office holders by date, QIDs checked against shared sources, fresh builds."""

from __future__ import annotations

import datetime as dt
import doctest
import importlib.metadata
import importlib.util
import itertools
import json
from pathlib import Path
from typing import TypeVar

import pytest
from helpers import SHARED

import graphkit.gazetteer as gazetteer_module
from graphkit.errors import InputError
from graphkit.gazetteer import DATA_DIR, Gazetteer, PersonEntry, load_gazetteer, normalize_key

REPO = Path(__file__).parents[1]
needs_shared = pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="../shared/data is absent")
needs_gold = pytest.mark.skipif(not (SHARED / "corpus/dev/gold.jsonl").is_file(), reason="gold corpus absent")
D = dt.date
T = TypeVar("T")


def found(value: T | None) -> T:
    """The looked-up entry, failing the test (not with an AttributeError) when there is none."""
    assert value is not None
    return value


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_doctests() -> None:
    result = doctest.testmod(gazetteer_module)
    assert result.attempted > 5
    assert result.failed == 0


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the U.S.", "us"),
        ("U.S.A.", "usa"),
        ("Élysée", "elysee"),
        ("G-20", "g20"),
        ("Quai d\u2019Orsay", "quai d'orsay"),
        ("S.M. Krishna", "sm krishna"),
        ("S. M. Krishna", "sm krishna"),
        ("  The   Kremlin ", "kremlin"),
    ],
)
def test_normalize_key(text: str, key: str) -> None:
    assert normalize_key(text) == key


# -- countries -------------------------------------------------------------------------------------

COUNTRIES = [
    ("France", "FRA"),
    ("the U.S.", "USA"),
    ("U.S.", "USA"),
    ("US", "USA"),
    ("USA", "USA"),
    ("America", "USA"),
    ("the United States", "USA"),
    ("Washington", "USA"),
    ("U.K.", "GBR"),
    ("Britain", "GBR"),
    ("Great Britain", "GBR"),
    ("Moscow", "RUS"),
    ("Russia's", "RUS"),
    ("Russian Federation", "RUS"),
    ("South Korea", "KOR"),
    ("Republic of Korea", "KOR"),
    ("North Korea", "PRK"),
    ("DPRK", "PRK"),
    ("Burma", "MMR"),
    ("Myanmar", "MMR"),
    ("Ivory Coast", "CIV"),
    ("C\u00f4te d\u2019Ivoire", "CIV"),
    ("Czech Republic", "CZE"),
    ("Czechia", "CZE"),
    ("Holland", "NLD"),
    ("Georgia", "GEO"),
    ("Chad", "TCD"),
    ("Turkey", "TUR"),
    ("T\u00fcrkiye", "TUR"),
    ("Kiev", "UKR"),
    ("Kyiv", "UKR"),
    ("Palestine", "PSE"),
    ("Kosovo", "XKX"),
    ("Taiwan", "TWN"),
    ("DRC", "COD"),
    ("Beijing", "CHN"),
    ("Tehran", "IRN"),
    ("Vatican", "VAT"),
]


@pytest.mark.parametrize(("text", "code"), COUNTRIES)
def test_country(gaz: Gazetteer, text: str, code: str) -> None:
    entry = gaz.country(text)
    assert entry is not None, text
    assert entry.code == code


@pytest.mark.parametrize(
    "text",
    [
        "May",  # a month and a prime minister, not a country
        "us",  # the pronoun: acronyms match only capitals
        "Us",
        "And",  # not Andorra (AND) at the start of a sentence
        "Can",
        "Korea",  # North or South
        "Congo",  # either Congo
        "French",  # a demonym is not a country name
        "England",  # part of the UK, dropped on purpose
        "IN",  # two-letter ISO codes are English words
        "Kingston",  # the capital of Jamaica and of Norfolk Island
        "",
    ],
)
def test_country_negatives(gaz: Gazetteer, text: str) -> None:
    assert gaz.country(text) is None


def test_country_entry_fields(gaz: Gazetteer) -> None:
    usa = gaz.country("United States")
    assert usa is not None
    assert (usa.code, usa.iso2, usa.wikidata, usa.iso, usa.independent) == ("USA", "US", "Q30", True, True)
    kosovo = gaz.country("Kosovo")
    assert kosovo is not None and kosovo.iso is False
    assert found(gaz.country("Netherlands")).wikidata is None  # Q55 or Q29999: left open on purpose


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("French", "FRA"),
        ("Chinese", "CHN"),
        ("American", "USA"),
        ("U.S.", "USA"),
        ("British", "GBR"),
        ("Russian", "RUS"),
        ("Ukrainian", "UKR"),
        ("South Korean", "KOR"),
        ("Emirati", "ARE"),
        ("Saudi", "SAU"),
        ("Israeli", "ISR"),
        ("Palestinian", "PSE"),
        ("Sri Lankan", "LKA"),
        ("Dutch", "NLD"),
        ("Korean", None),  # North or South
        ("Congolese", None),
        ("us", None),
        ("France", None),  # a name, not a demonym
    ],
)
def test_demonym(gaz: Gazetteer, word: str, code: str | None) -> None:
    assert gaz.demonym(word) == code


@pytest.mark.parametrize(
    ("code", "known"),
    [("FRA", True), ("XKX", True), ("TWN", True), ("UNK", False), ("fra", False), ("EU", False)],
)
def test_is_country_code(gaz: Gazetteer, code: str, known: bool) -> None:
    assert gaz.is_country_code(code) is known


# -- metonyms and organizations --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "kind"),
    [
        ("the Kremlin", "RUS", "seat"),
        ("Kremlin", "RUS", "seat"),
        ("the Elysee", "FRA", "seat"),
        ("\u00c9lys\u00e9e Palace", "FRA", "seat"),
        ("the White House", "USA", "seat"),
        ("Downing Street", "GBR", "seat"),
        ("Number 10", "GBR", "seat"),
        ("Zhongnanhai", "CHN", "seat"),
        ("Foggy Bottom", "USA", "ministry"),
        ("the State Department", "USA", "ministry"),
        ("the Pentagon", "USA", "ministry"),
        ("the Quai d\u2019Orsay", "FRA", "ministry"),
        ("Whitehall", "GBR", "seat"),
        ("the Blue House", "KOR", "seat"),
        ("the Holy See", "VAT", "seat"),
        ("Kasumigaseki", "JPN", "ministry"),
        ("Bankova", "UKR", "seat"),
        ("Kanzleramt", "DEU", "seat"),
        ("the Foreign Office", "GBR", "ministry"),
    ],
)
def test_metonym(gaz: Gazetteer, text: str, country: str, kind: str) -> None:
    entry = gaz.metonym(text)
    assert entry is not None, text
    assert (entry.country, entry.kind, entry.type) == (country, kind, "organization")


@pytest.mark.parametrize("text", ["Moscow", "the Great Hall of the People", "Camp David", "house"])
def test_metonym_negatives(gaz: Gazetteer, text: str) -> None:
    assert gaz.metonym(text) is None


@pytest.mark.parametrize(
    ("text", "name", "qid"),
    [
        ("the U.N.", "United Nations", "Q1065"),
        ("UN", "United Nations", "Q1065"),
        ("United Nations", "United Nations", "Q1065"),
        ("NATO", "North Atlantic Treaty Organisation", "Q7184"),
        ("Nato", "North Atlantic Treaty Organisation", "Q7184"),  # British style
        ("EU", "European Union", "Q458"),
        ("the European Union", "European Union", "Q458"),
        ("Arab League", "Arab League", "Q7172"),
        ("League of Arab States", "Arab League", "Q7172"),
        ("OAS", "Organization of American States", "Q123759"),
        ("U.N. Security Council", "United Nations Security Council", "Q37470"),
        ("WHO", "World Health Organization", "Q7817"),
        ("G-20", "Group of Twenty", None),
        ("G20", "Group of Twenty", None),
        ("G7", "Group of Seven", None),
        ("BRICS", "BRICS", None),
        ("the Quad", "Quadrilateral Security Dialogue", None),
        ("OPEC+", "OPEC+", None),
        ("OPEC", "Organization of the Petroleum Exporting Countries", "Q7795"),
        ("the Elders", "The Elders", None),
    ],
)
def test_organization(gaz: Gazetteer, text: str, name: str, qid: str | None) -> None:
    org = gaz.organization(text)
    assert org is not None, text
    assert (org.name, org.wikidata) == (name, qid)


@pytest.mark.parametrize("text", ["who", "Who", "un", "the", "Kremlin", "France", "Idea", "Share"])
def test_organization_negatives(gaz: Gazetteer, text: str) -> None:
    assert gaz.organization(text) is None


def test_organization_headquarters_country(gaz: Gazetteer) -> None:
    assert found(gaz.organization("NATO")).hq_country == "BEL"
    assert found(gaz.organization("United Nations")).hq_country == "USA"
    assert found(gaz.organization("G20")).informal is True


# -- people ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "ids"),
    [
        ("Putin", ["vladimir-putin"]),
        ("President Putin", ["vladimir-putin"]),
        ("Mr. Lavrov", ["sergey-lavrov"]),
        ("Russian President Vladimir Putin", ["vladimir-putin"]),
        ("U.S. Secretary of State John Kerry", ["john-kerry"]),
        ("Prime Minister Theresa May", ["theresa-may"]),
        ("Kremlin spokesman Dmitry Peskov", ["dmitry-peskov"]),
        ("Zelensky", ["volodymyr-zelensky"]),
        ("Zelenskyy", ["volodymyr-zelensky"]),
        ("Zelenskiy", ["volodymyr-zelensky"]),
        ("Shoygu", ["sergei-shoigu"]),
        ("Rajapakse", ["mahinda-rajapaksa"]),
        ("Medvedev", ["dmitry-medvedev"]),
        ("Lula", ["luiz-inacio-lula-da-silva"]),
        ("Luiz Inacio Lula da Silva", ["luiz-inacio-lula-da-silva"]),
        ("Luiz In\u00e1cio Lula da Silva", ["luiz-inacio-lula-da-silva"]),
        ("Ahmadinejad", ["mahmoud-ahmadinejad"]),
        ("Erdogan", ["recep-tayyip-erdogan"]),
        ("Ban Ki-moon", ["ban-ki-moon"]),
        ("Clinton", ["bill-clinton", "hillary-clinton"]),
        ("Kim", ["kim-jong-il", "kim-jong-un"]),
        ("Nobody Atall", []),
    ],
)
def test_people(gaz: Gazetteer, name: str, ids: list[str]) -> None:
    assert [p.id for p in gaz.people(name)] == ids


@pytest.mark.parametrize(
    ("name", "kwargs", "pid"),
    [
        ("Clinton", {"at": D(2010, 5, 1)}, "hillary-clinton"),  # secretary of state then
        ("Clinton", {"at": D(1995, 5, 1)}, "bill-clinton"),
        ("Clinton", {"first_name": "Bill"}, "bill-clinton"),
        ("Clinton", {}, None),  # ambiguous without context
        ("Li", {"at": D(2015, 1, 1), "country": "CHN"}, "li-keqiang"),
        ("Abdullah", {"country": "Jordan"}, "abdullah-ii-of-jordan"),
        ("Kim", {"at": D(2009, 1, 1)}, "kim-jong-il"),
        ("Kim", {"at": D(2015, 1, 1)}, "kim-jong-un"),
        ("Johnson", {"office": "prime minister"}, "boris-johnson"),
        ("Putin", {"at": D(1990, 1, 1)}, "vladimir-putin"),  # the only Putin, in office or not
    ],
)
def test_person(gaz: Gazetteer, name: str, kwargs: dict, pid: str | None) -> None:
    found = gaz.person(name, **kwargs)
    assert (found.id if found else None) == pid


OFFICE_HOLDERS = [
    ("prime minister", "RUS", D(2009, 6, 1), "Vladimir Putin"),
    ("president", "RUS", D(2009, 6, 1), "Dmitry Medvedev"),
    ("president", "RUS", D(2022, 6, 1), "Vladimir Putin"),
    ("prime minister", "RUS", D(2015, 6, 1), "Dmitry Medvedev"),
    ("secretary of state", "USA", D(2022, 6, 1), "Antony Blinken"),
    ("US secretary of state", "USA", D(2025, 6, 1), "Marco Rubio"),
    ("secretary of state", "USA", D(2006, 6, 1), "Condoleezza Rice"),
    ("foreign minister", "USA", D(2014, 6, 1), "John Kerry"),
    ("German chancellor", "DEU", D(2019, 6, 1), "Angela Merkel"),
    ("chancellor", "DEU", D(2023, 6, 1), "Olaf Scholz"),
    ("chancellor", "DEU", D(2025, 6, 1), "Friedrich Merz"),
    ("prime minister", "GBR", D(2008, 6, 1), "Gordon Brown"),
    ("prime minister", "GBR", D(2017, 6, 1), "Theresa May"),
    ("British prime minister", "GBR", D(2021, 6, 1), "Boris Johnson"),
    ("prime minister", "GBR", D(2025, 6, 1), "Keir Starmer"),
    ("foreign secretary", "GBR", D(2011, 6, 1), "William Hague"),
    ("French president", "FRA", D(2010, 6, 1), "Nicolas Sarkozy"),
    ("president", "FRA", D(2015, 6, 1), "Fran\u00e7ois Hollande"),
    ("president", "France", D(2020, 6, 1), "Emmanuel Macron"),
    ("president", "USA", D(2005, 6, 1), "George W. Bush"),
    ("president", "USA", D(2025, 1, 19), "Joe Biden"),
    ("president", "USA", D(2025, 1, 20), "Donald Trump"),  # the day a term starts belongs to the successor
    ("president", "CHN", D(2008, 6, 1), "Hu Jintao"),
    ("premier", "CHN", D(2015, 6, 1), "Li Keqiang"),
    ("foreign minister", "CHN", D(2023, 3, 1), "Qin Gang"),
    ("foreign minister", "CHN", D(2024, 3, 1), "Wang Yi"),
    ("prime minister", "JPN", D(2016, 6, 1), "Shinzo Abe"),
    ("prime minister", "IND", D(2010, 6, 1), "Manmohan Singh"),
    ("president", "UKR", D(2016, 6, 1), "Petro Poroshenko"),
    ("president", "UKR", D(2022, 6, 1), "Volodymyr Zelensky"),
    ("prime minister", "TUR", D(2010, 6, 1), "Recep Tayyip Erdo\u011fan"),
    ("president", "TUR", D(2010, 6, 1), "Abdullah G\u00fcl"),
    ("president", "IRN", D(2010, 6, 1), "Mahmoud Ahmadinejad"),
    ("supreme leader", "IRN", D(2010, 6, 1), "Ali Khamenei"),
    ("prime minister", "ISR", D(2022, 9, 1), "Yair Lapid"),
    ("president", "BRA", D(2013, 6, 1), "Dilma Rousseff"),
    ("president", "BRA", D(2024, 6, 1), "Luiz In\u00e1cio Lula da Silva"),
    ("Kremlin spokesman", "RUS", D(2020, 6, 1), "Dmitry Peskov"),
    ("spokesman", "RUS", D(2014, 6, 1), "Dmitry Peskov"),  # before Zakharova: the only spokesperson
    ("foreign ministry spokeswoman", "RUS", D(2020, 6, 1), "Maria Zakharova"),
    ("UN secretary-general", None, D(2010, 6, 1), "Ban Ki-moon"),
    ("U.N. Secretary-General", None, D(2020, 6, 1), "Ant\u00f3nio Guterres"),
    ("king", "SAU", D(2023, 6, 1), "King Salman"),
    ("prime minister", "SAU", D(2023, 6, 1), "Mohammed bin Salman"),
    ("emperor", "JPN", D(2023, 6, 1), "Naruhito"),
    ("monarch", "GBR", D(2020, 6, 1), "Elizabeth II"),
    ("monarch", "GBR", D(2023, 6, 1), "Charles III"),
]


@pytest.mark.parametrize(("office", "country", "at", "name"), OFFICE_HOLDERS)
def test_office_holder(gaz: Gazetteer, office: str, country: str | None, at: dt.date, name: str) -> None:
    holder = gaz.office_holder(office, country, at)
    assert holder is not None, (office, country, at)
    assert holder.name == name


@pytest.mark.parametrize(
    ("office", "country", "at"),
    [
        ("spokesman", "RUS", D(2020, 6, 1)),  # Peskov and Zakharova: ambiguous
        ("spokesperson", "CHN", D(2023, 6, 1)),  # several, with no dates
        ("president", "DEU", D(1980, 1, 1)),  # before the table starts
        ("court jester", "FRA", D(2020, 1, 1)),  # not an office we know
        ("chancellor", "FRA", D(2020, 1, 1)),  # France has no chancellor
    ],
)
def test_office_holder_negatives(gaz: Gazetteer, office: str, country: str, at: dt.date) -> None:
    assert gaz.office_holder(office, country, at) is None


def test_tenure_bounds(gaz: Gazetteer) -> None:
    putin = gaz.persons["vladimir-putin"]
    assert [t.office for t in putin.offices_at(D(2010, 1, 1))] == ["prime minister"]
    assert [t.office for t in putin.offices_at(D(2024, 1, 1))] == ["president"]
    assert putin.offices_at(D(1990, 1, 1)) == ()


EXCLUSIVE_OFFICES = {
    "president",
    "prime minister",
    "chancellor",
    "foreign minister",
    "monarch",
    "vice president",
    "un secretary-general",
    "nato secretary-general",
    "supreme leader",
    "defense minister",
}


def test_no_two_holders_of_one_office_at_once(gaz: Gazetteer) -> None:
    """Catches typos in people.csv dates: an exclusive office has one holder per country on any day."""
    terms: dict[tuple, list[tuple[dt.date, dt.date, str]]] = {}
    for person in gaz.persons.values():
        for t in person.tenures:
            if t.office in EXCLUSIVE_OFFICES and t.start:
                terms.setdefault((t.office, t.country), []).append(
                    (t.start, t.end or D(9999, 1, 1), person.id)
                )
    clashes = [
        (key, a, b)
        for key, spans in terms.items()
        for a, b in itertools.combinations(sorted(spans), 2)
        if a[2] != b[2] and b[0] < a[1]
    ]
    assert clashes == []


def test_people_table_is_consistent(gaz: Gazetteer) -> None:
    offices = set(gazetteer_module.read_offices()[0].values())
    for person in gaz.persons.values():
        assert person.tenures, person.id
        assert person.checked_in, person.id
        for t in person.tenures:
            assert t.office in offices, (person.id, t.office)
            assert t.country is None or gaz.is_country_code(t.country), (person.id, t.country)
            assert t.end is None or t.start is None or t.start < t.end, (person.id, t)


# -- surface forms ---------------------------------------------------------------------------------


def test_surface_forms(gaz: Gazetteer) -> None:
    forms = list(gaz.surface_forms())
    assert len(forms) == len(set(forms))
    assert {label for _, label, _ in forms} == {
        "COUNTRY",
        "CAPITAL",
        "DEMONYM",
        "METONYM",
        "ORG",
        "PERSON",
        "SURNAME",
    }
    as_set = set(forms)
    for expected in [
        ("France", "COUNTRY", "FRA"),
        ("Moscow", "CAPITAL", "RUS"),
        ("French", "DEMONYM", "FRA"),
        ("the Kremlin", "METONYM", "kremlin"),
        ("NATO", "ORG", "north-atlantic-treaty-organisation"),
        ("Vladimir Putin", "PERSON", "vladimir-putin"),
        ("Putin", "SURNAME", "vladimir-putin"),
        ("Clinton", "SURNAME", "bill-clinton"),
        ("Clinton", "SURNAME", "hillary-clinton"),
    ]:
        assert expected in as_set
    assert not any(text == "Congo" for text, _, _ in forms)  # dropped as ambiguous


# -- user files of extra actors --------------------------------------------------------------------


def test_extra_csv_takes_precedence(tmp_path: Path) -> None:
    extra = tmp_path / "extra.csv"
    extra.write_text(
        "id,type,name,variants,country,office,start,end,wikidata\n"
        "jan-novak,person,Jan Novak,Novak|J. Novak,CZE,foreign minister,2030-01-01,,\n"
        "putin-double,person,Vladimir Putin Jr,Putin,RUS,,,,\n"
        "acme-forum,organization,Acme Forum,AF|the Acme Forum,,,,,\n",
        encoding="utf-8",
    )
    gaz = load_gazetteer(extra)
    assert found(gaz.office_holder("foreign minister", "CZE", D(2031, 1, 1))).name == "Jan Novak"
    assert [p.id for p in gaz.people("Putin")] == ["putin-double"]  # the user's entry wins the name
    assert found(gaz.organization("the Acme Forum")).key == "acme-forum"
    assert gaz.persons["vladimir-putin"].wikidata == "Q7747"  # the built-in entry is still there by id


def test_extra_yaml(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "- {id: ana-lima, name: Ana Lima, variants: [Lima], country: BRA, office: president,\n"
        "   start: 2031-01-01}\n",
        encoding="utf-8",
    )
    gaz = load_gazetteer(extra)
    assert found(gaz.person("Lima", at=D(2032, 1, 1))).id == "ana-lima"


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("bad.csv", "id,name,office\nx,X Y,court jester\n", 2),
        ("unclosed.csv", 'id,name,country\nx,X Y,FRA\ny,"Unclosed,DEU\nz,Z W,ITA\n', 3),
        ("junk-after-quote.csv", 'id,name,country\nx,"X Y"z,FRA\n', 2),
        ("extra-cell.csv", "id,name,country\nx,X Y,FRA\ny,Lima, Ana,BRA\n", 3),
        ("unknown-column.csv", "id,name,nationality\nx,X Y,FRA\n", 1),
        ("bad.yaml", "- {id: x, name: X, wikidata: P31}\n", 1),
        ("bad.yml", "- just a string\n", None),
    ],
)
def test_extra_errors_name_the_line(tmp_path: Path, name: str, text: str, line: int | None) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_gazetteer(path)
    assert info.value.source == str(path)
    assert info.value.line == line


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('id,name\ny,"Unclosed\nz,Z W\n', "not valid CSV from this line on (unexpected end of data)"),
        ("id,name\ny,Lima, Ana\n", "the row has 3 cells but the header names 2 columns"),
        ("id,name,nationality\nx,X\n", "unknown column(s) 'nationality'; known: id, type, name"),
    ],
)
def test_a_broken_csv_row_is_an_error_not_a_silent_loss(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "extra.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_gazetteer(path)
    assert message in info.value.reason


def test_a_quoted_cell_may_hold_a_comma_and_a_line_break(tmp_path: Path) -> None:
    path = tmp_path / "extra.csv"
    path.write_text('\ufeffid,name,variants\nana,"Lima, Ana","Ana\nLima|A. Lima"\n', encoding="utf-8")
    gaz = load_gazetteer(path)
    assert found(gaz.person("A. Lima")).id == "ana"


def test_missing_data_dir(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="build_gazetteer"):
        load_gazetteer(data_dir=tmp_path)


def test_loader_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()


# -- QIDs against the shared sources ---------------------------------------------------------------


@needs_shared
def test_leader_qids_match_leaders_file(gaz: Gazetteer) -> None:
    leaders = json.loads((SHARED / "data/leaders/current.json").read_text(encoding="utf-8"))
    checked = 0
    for folder, record in leaders.items():
        for position, data in record["positions"].items():
            holder = data.get("current_holder") or {}
            if not holder.get("wikidata_id") or (folder, position) == ("saudi_arabia", "head_of_state"):
                continue
            found = [p for p in gaz.persons.values() if p.wikidata == holder["wikidata_id"]]
            assert len(found) == 1, holder["name_en"]
            checked += 1
    assert checked > 50


# Gold QIDs that disagree with a stronger source. The lead decides whether to fix the gold file.
GOLD_DISPUTES = {
    "Recep Tayyip Erdogan": "gold: Q39723; shared/data/leaders and public Wikidata-derived code: Q39259",
}


@needs_gold
def test_qids_agree_with_gold(gaz: Gazetteer) -> None:
    """Where gold and gazetteer both give a QID for an actor the gazetteer resolves, they agree."""
    checked, disagree = 0, []
    for line in (SHARED / "corpus/dev/gold.jsonl").read_text(encoding="utf-8").splitlines():
        for actor in json.loads(line)["actors"]:
            mine = _gold_actor_qid(gaz, actor)
            if actor.get("wikidata") and mine and actor["name"] not in GOLD_DISPUTES:
                checked += 1
                if mine != actor["wikidata"]:
                    disagree.append((actor["name"], actor["wikidata"], mine))
    assert disagree == []
    assert checked >= 20


def _gold_actor_qid(gaz: Gazetteer, actor: dict) -> str | None:
    if actor["type"] == "country":
        entry = gaz.country(actor["name"])
        return entry.wikidata if entry else None
    if actor["type"] == "person":
        found: list[PersonEntry] = gaz.people(actor["name"])
        return found[0].wikidata if len(found) == 1 else None
    org = gaz.organization(actor["name"])
    return org.wikidata if org else None


# -- generated files -------------------------------------------------------------------------------

GENERATED = {
    "countries": "ODbL 1.0",
    "metonyms": "MIT",
    "organizations": "CC BY-SA 4.0",
    "people": "CC BY-SA 4.0",
}


@pytest.mark.parametrize(("kind", "licence"), GENERATED.items())
def test_generated_files_carry_licence(kind: str, licence: str) -> None:
    doc = json.loads((DATA_DIR / f"{kind}.json").read_text(encoding="utf-8"))
    assert doc["_licence"].startswith(licence)
    assert doc["_source"]
    assert doc["entries"]


def test_licence_files_exist() -> None:
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    licences = (DATA_DIR / "LICENSES").read_text(encoding="utf-8")
    for source in ("mledoze/countries", "supraverden", "world-leaders-current", "countrynames"):
        assert source in readme and source in licences


def _countrynames_matches_build() -> None:
    """Skip unless the installed countrynames is the version the committed files were built with."""
    countrynames = pytest.importorskip("countrynames")
    del countrynames
    installed = importlib.metadata.version("countrynames")
    source = json.loads((DATA_DIR / "countries.json").read_text(encoding="utf-8"))["_source"]
    if f"countrynames {installed} " not in source:
        pytest.skip(f"countrynames {installed} installed; the committed files say: {source}")


@needs_shared
def test_generated_files_are_up_to_date(tmp_path: Path) -> None:
    _countrynames_matches_build()
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "scripts/build_gazetteer.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    build.build(SHARED / "data", tmp_path)
    for kind in GENERATED:
        fresh = (tmp_path / f"{kind}.json").read_bytes()
        assert fresh == (DATA_DIR / f"{kind}.json").read_bytes(), (
            f"data/gazetteer/{kind}.json is stale: run .venv/bin/python scripts/build_gazetteer.py"
        )


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("the Taliban", "Taliban", "AFG"),
        ("FARC", "Revolutionary Armed Forces of Colombia", "COL"),
        ("TPLF", "Tigray People's Liberation Front", "ETH"),
        ("Hezbollah", "Hezbollah", "LBN"),
    ],
)
def test_non_state_parties_are_organizations_based_in_a_state(
    gaz: Gazetteer, text: str, name: str, country: str
) -> None:
    entry = gaz.organization(text)
    assert entry is not None and entry.name == name and entry.hq_country == country


def test_talks_with_a_non_state_party_name_it() -> None:
    from graphkit.extractor import extract
    from graphkit.models import Article

    extraction = extract(
        Article(
            id="t", published=dt.date(2024, 5, 15), text="Envoy Jane Roe held talks with the Taliban in Doha."
        )
    )
    names = [{extraction.actor(p.actor).name for p in c.participants} for c in extraction.contacts]
    assert names == [{"Jane Roe", "Taliban"}]
