"""One office vocabulary (data/lexicon/offices.yaml) for the mention finder, coreference and the gazetteer.

Every sentence here is written for this test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from graphkit.errors import GraphkitError
from graphkit.extractor import extract
from graphkit.gazetteer import load_gazetteer
from graphkit.lexicon import load_lexicon
from graphkit.models import Article, ContactLevel, Extraction
from graphkit.offices import OFFICES_FILE, load_offices

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def run(text: str, published: dt.date, url: str | None = None) -> Extraction:
    return extract(Article(id="o", published=published, url=url, text=text))


def labels(extraction: Extraction) -> set[str]:
    return {a.label for a in extraction.actors}


# --- the vocabulary ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "office"),
    [
        ("secretary of state", "foreign minister"),  # titles.yaml once kept it apart from foreign minister
        ("defence minister", "defense minister"),  # ... and spelled the office "defence"
        ("defense secretary", "defense minister"),
        ("king", "monarch"),  # ... and kept kings apart from the gazetteer's monarchs
        ("head of state", "president"),
        ("taoiseach", "prime minister"),
    ],
)
def test_the_mention_finder_and_the_gazetteer_name_one_office(title: str, office: str) -> None:
    assert load_lexicon().offices[title] == office
    assert load_gazetteer().normalize_office(title) == office


def test_every_title_the_finder_looks_for_is_an_office_the_gazetteer_knows() -> None:
    gaz = load_gazetteer()
    assert {t: gaz.normalize_office(t) for t in load_lexicon().offices} == load_lexicon().offices


def test_every_office_held_in_the_gazetteer_is_in_the_vocabulary() -> None:
    offices = load_offices().offices
    held = {t.office for p in load_gazetteer().persons.values() for t in p.tenures}
    assert held <= set(offices)


def test_generic_offices_are_one_set() -> None:
    vocabulary = load_offices()
    assert vocabulary.generic == {"diplomat", "official", "envoy", "negotiator", "mediator"}
    assert vocabulary.sent <= vocabulary.generic
    assert not vocabulary.leaders & vocabulary.generic


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("offices:\n  envoy: {titles: [envoy]}\n  mediator: {titles: [envoy]}\n", "names two offices"),
        ("offices:\n  envoy: {titles: [Envoy]}\n", "offices.envoy.titles.0"),
        ("offices:\n  envoy: {titles: [envoy], holder: true}\n", "offices.envoy.holder"),
        ("offices: [envoy]\n", "offices"),
    ],
)
def test_a_bad_vocabulary_names_its_file_and_entry(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "offices.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GraphkitError, match=reason) as caught:
        load_offices(path)
    assert str(path) in str(caught.value)


def test_the_shipped_vocabulary_loads() -> None:
    assert load_offices(OFFICES_FILE).office_of_title("premier") == "prime minister"


def test_a_word_many_offices_share_has_no_holder() -> None:
    gaz = load_gazetteer()
    # "minister" alone names no office: not the prime minister, though one ends with the word
    assert gaz.office_holder("minister", "GBR", dt.date(2023, 6, 1)) is None
    assert gaz.office_holder("secretary", "CHN", dt.date(2023, 6, 1)) is None
    assert gaz.office_holder("prime minister", "GBR", dt.date(2023, 6, 1)) is not None


# --- what the rules make of it ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "US Secretary of State Antony Blinken met Foreign Minister Sergey Lavrov in Bali. "
            "The Secretary said the talks were frank.",
            "Antony Blinken",
        ),
        (
            "Sergey Lavrov met Secretary of State Antony Blinken on Friday. Later the Secretary flew home.",
            "Antony Blinken",
        ),
        (
            "Foreign Minister Sergey Lavrov met Antony Blinken, the Secretary of State, in Geneva. "
            "The Secretary spoke to reporters afterwards.",
            "Antony Blinken",
        ),
    ],
)
def test_a_bare_title_fits_who_was_given_that_title(text: str, expected: str) -> None:
    """ "The Secretary" is the one called Secretary of State, not the foreign minister beside him, though
    both hold the one office."""
    result = run(text, dt.date(2022, 7, 8))
    said = [a for a in result.actors if any(alias.lower() == "the secretary" for alias in a.aliases)]
    assert [a.name for a in said] == [expected]


def test_a_ranked_title_is_not_the_bare_office() -> None:
    """Negative: "the Permanent Under-Secretary" is not the Foreign Secretary named before."""
    result = run(
        "Foreign Secretary James Cleverly met the Kenyan ambassador. The Permanent Under-Secretary joined "
        "them later.",
        dt.date(2023, 6, 1),
    )
    cleverly = next(a for a in result.actors if a.name == "James Cleverly")
    assert not any("under" in alias.lower() for alias in cleverly.aliases)


@pytest.mark.parametrize(
    "text",
    [
        "White House Press Secretary Jen Psaki met reporters. The White House spokeswoman said it went well.",
        "Press Secretary Jen Psaki spoke on Monday. The spokeswoman added that the visit was planned.",
        "Jen Psaki, the White House press secretary, met them. Later the spokeswoman declined to comment.",
    ],
)
def test_a_role_joins_the_holder_of_a_more_specific_office(text: str) -> None:
    """A spokeswoman is the press secretary named before: a presidential spokesperson is a spokesperson."""
    result = run(text, dt.date(2022, 3, 1))
    psaki = [a for a in result.actors if "Psaki" in a.name]
    assert len(psaki) == 1 and any("spokeswoman" in alias for alias in psaki[0].aliases)
    assert not any(a.unnamed for a in result.actors)


@pytest.mark.parametrize(
    "text",
    [
        "Office of the Press Secretary\nThe President spoke with the Prime Minister of India on Saturday.",
        "Office of the Spokesperson\nThe Secretary met the Foreign Minister of Peru on Monday.",
        "Bureau of the Spokesperson\nThe Secretary spoke with the Foreign Minister of Chile on Monday.",
    ],
)
def test_the_office_of_an_office_holder_is_no_person(text: str) -> None:
    result = run(text, dt.date(2009, 10, 11), "https://www.state.gov/readout")
    assert not any(a.unnamed and ("spokes" in a.name or "secretary" in a.name.lower()) for a in result.actors)
    assert result.contacts


def test_the_holder_named_with_an_office_phrase_is_a_person() -> None:
    """Negative: "the Press Secretary" in prose is a person; on its government's own site, the holder."""
    result = run(
        "The Press Secretary met the Kenyan ambassador on Monday.",
        dt.date(2023, 6, 1),
        "https://www.whitehouse.gov/x",
    )
    assert any(a.name == "Karine Jean-Pierre" for a in result.actors), labels(result)


@pytest.mark.parametrize(
    "text",
    [
        "King Abdullah II of Jordan met President Emmanuel Macron in Paris on Monday.",
        "Emir Tamim bin Hamad Al Thani received Prime Minister Narendra Modi in Doha on Tuesday.",
        "Sultan Haitham bin Tarik met President Joe Biden at the White House on Friday.",
    ],
)
def test_monarchs_meeting_heads_of_government_meet_at_summit_level(text: str) -> None:
    result = run(text, dt.date(2023, 6, 1))
    assert [c.level for c in result.contacts] == [ContactLevel.SUMMIT]


def test_a_monarch_meeting_a_minister_is_no_summit() -> None:
    result = run(
        "King Abdullah II of Jordan met Foreign Minister Sergey Lavrov on Monday.", dt.date(2023, 6, 1)
    )
    assert [c.level for c in result.contacts] != [ContactLevel.SUMMIT]
