"""The contact lexicon: trigger records validated on load, and triggers added as data.

Every sentence here is ours, not from an article.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import shutil
from pathlib import Path

import pytest
import yaml

import graphkit.lexicon as lexicon_module
from graphkit.errors import GraphkitError
from graphkit.extractor import extract
from graphkit.lexicon import LEXICON_DIR, ContactLexicon, load_lexicon
from graphkit.models import Article, ContactKind, ContactStatus, Role

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = dt.date(2024, 3, 13)


def _lexicon_copy(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the shipped lexicon directory with one edit to contacts.yaml."""
    directory = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, directory)
    path = directory / "contacts.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return directory


def test_shipped_lexicon_validates() -> None:
    data = yaml.safe_load((LEXICON_DIR / "contacts.yaml").read_text(encoding="utf-8"))
    contacts = ContactLexicon.model_validate(data)
    assert contacts.verbs["receive"].roles == (Role.HOST, Role.VISITOR)
    assert contacts.verbs["meet"].symmetric and not contacts.verbs["meet"].requires_object
    assert contacts.nouns["dinner"].meal and contacts.nouns["summit"].venue
    assert all(getattr(contacts.word_classes, name) for name in type(contacts.word_classes).model_fields)


def test_shipped_lexicon_matches_its_json_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "schemas" / "lexicon.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load((LEXICON_DIR / "contacts.yaml").read_text(encoding="utf-8")), schema)


def test_kind_maps_are_derived_from_the_records() -> None:
    lex = load_lexicon()
    assert lex.verbs == {lemma: trigger.kind.value for lemma, trigger in lex.verb_triggers.items()}
    assert lex.nouns == {word: trigger.kind.value for word, trigger in lex.noun_triggers.items()}
    assert lex.verbs["meet"] == "meeting" and lex.nouns["letter"] == "correspondence"
    assert lex.verb_triggers["invite"].status is ContactStatus.PROPOSED
    assert lex.channel_nouns == frozenset({"phone", "telephone", "video"})


# old text in contacts.yaml, its replacement, what the error must name
MALFORMED = [
    ("  meet: {kind: meeting, symmetric: true}", "  meet: {kind: gathering}", "verbs.meet.kind"),
    (
        "  host: {kind: meeting, roles: [host, visitor],",
        "  host: {kind: meeting, requires_objekt: true, roles: [host, visitor],",
        "verbs.host.requires_objekt",
    ),
    (
        "  visit: {kind: visit, roles: [visitor, host],",
        "  visit: {kind: visit, roles: [visitor],",
        "verbs.visit.roles",
    ),
    (
        "  phone: {kind: call, roles: [caller, callee],",
        "  phone: {kind: call, roles: [caller, listener],",
        "verbs.phone.roles",
    ),
    (
        "  summit: {kind: meeting, venue: true}",
        "  summit: {kind: meeting, venue: perhaps}",
        "nouns.summit.venue",
    ),
    (
        "  light_verbs: [hold, have, conduct]",
        "  light_verbs: [Hold, have, conduct]",
        "word_classes.light_verbs",
    ),
    ("  light_verbs: [hold, have, conduct]\n", "", "word_classes.light_verbs"),
]


@pytest.mark.parametrize(("old", "new", "entry"), MALFORMED)
def test_malformed_record_names_file_and_entry(tmp_path: Path, old: str, new: str, entry: str) -> None:
    directory = _lexicon_copy(tmp_path, old, new)
    with pytest.raises(GraphkitError) as err:
        load_lexicon(directory)
    message = str(err.value)
    assert str(directory / "contacts.yaml") in message
    assert entry in message, message


def test_unreadable_lexicon_names_the_file(tmp_path: Path) -> None:
    directory = _lexicon_copy(tmp_path, "verbs:\n", "verbs: [\n")
    with pytest.raises(GraphkitError, match="cannot read lexicon") as err:
        load_lexicon(directory)
    assert str(directory / "contacts.yaml") in str(err.value)


# Two new triggers added as records only: a host/visitor verb and a symmetric one.
NEW_VERBS = (
    "verbs:\n"
    "  entertain: {kind: meeting, roles: [host, visitor], requires_object: true, passive_patient: true}\n"
    "  huddle: {kind: meeting, symmetric: true}\n"
)

# text, {word of a participant's name: role}; an empty mapping: no contact at all
ADDED = [
    (
        "Emmanuel Macron entertained Olaf Scholz at the Elysee on Monday.",
        {"Macron": "host", "Scholz": "visitor"},
    ),
    (
        "Olaf Scholz was entertained by Emmanuel Macron in Paris on Monday.",
        {"Macron": "host", "Scholz": "visitor"},
    ),
    (
        "The Indian prime minister Narendra Modi will entertain Joe Biden in New Delhi next week.",
        {"Modi": "host", "Biden": "visitor"},
    ),
    ("Emmanuel Macron entertained the idea of early elections.", {}),
    (
        "Macron huddled with Scholz before the vote on Monday.",
        {"Macron": "participant", "Scholz": "participant"},
    ),
    (
        "Emmanuel Macron and Olaf Scholz huddled in Brussels on Tuesday.",
        {"Macron": "participant", "Scholz": "participant"},
    ),
    (
        "Japan's prime minister Fumio Kishida huddled with Yoon Suk Yeol late into the night.",
        {"Kishida": "participant", "Yoon": "participant"},
    ),
    ("Reporters huddled outside the building on Monday.", {}),
]


@pytest.fixture
def added_lexicon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The extractor reads a lexicon directory with the two new verb records."""
    directory = _lexicon_copy(tmp_path, "verbs:\n", NEW_VERBS)
    monkeypatch.setattr(lexicon_module, "load_lexicon", functools.partial(load_lexicon, directory))


def _roles(text: str) -> dict[str, str]:
    extraction = extract(Article(id="t", published=PUBLISHED, text=text))
    if not extraction.contacts:
        return {}
    (contact,) = extraction.contacts
    assert contact.kind is ContactKind.MEETING
    return {extraction.actor(p.actor).name: p.role.value for p in contact.participants}


@pytest.mark.parametrize(("text", "expected"), ADDED)
def test_verb_added_as_a_record_extracts(added_lexicon: None, text: str, expected: dict[str, str]) -> None:
    roles = _roles(text)
    assert len(roles) == len(expected), roles
    for word, role in expected.items():
        assert [r for name, r in roles.items() if word in name.split()] == [role], roles


@pytest.mark.parametrize("text", [text for text, expected in ADDED if expected])
def test_without_the_record_no_contact(text: str) -> None:
    assert _roles(text) == {}


# The record fields and word classes of the shipped lexicon at work: (field, text, kind, {word: role}); an
# empty mapping means no contact at all. Each field has a sentence it makes a contact, or keeps from one.
P = "participant"
SHIPPED = [
    (
        "particle",
        "Joe Biden sat down with Xi Jinping in Bali on Monday.",
        "meeting",
        {"Biden": P, "Jinping": P},
    ),
    ("particle", "Joe Biden sat in the front row at the ceremony.", None, {}),
    (
        "required_prep",
        "Emmanuel Macron wrote to Olaf Scholz last week about energy prices.",
        "correspondence",
        {"Macron": "sender", "Scholz": "recipient"},
    ),
    ("required_prep", "Emmanuel Macron wrote a book about Europe.", None, {}),
    (
        "passive_patient",
        "Olaf Scholz was received by Emmanuel Macron at the Elysee on Monday.",
        "meeting",
        {"Macron": "host", "Scholz": "visitor"},
    ),
    ("requires_object", "Olaf Scholz was received with full honours in Paris.", None, {}),
    (
        "channel_required",
        "Emmanuel Macron thanked Olaf Scholz in a letter on Monday.",
        "correspondence",
        {"Macron": "caller", "Scholz": "callee"},
    ),
    (
        "channel_required",
        "Emmanuel Macron thanked Olaf Scholz by telephone on Monday.",
        "call",
        {"Macron": "caller", "Scholz": "callee"},
    ),
    ("channel_required", "Emmanuel Macron thanked Olaf Scholz for his support.", None, {}),
    (
        "appeal_sense",
        "Emmanuel Macron had a call with Olaf Scholz on Monday.",
        "call",
        {"Macron": P, "Scholz": P},
    ),
    ("appeal_sense", "Emmanuel Macron issued a call for restraint on Monday.", None, {}),
    (
        "meal",
        "Emmanuel Macron hosted a dinner for Olaf Scholz on Monday.",
        "meeting",
        {"Macron": P, "Scholz": P},
    ),
    (
        "meal",
        "Emmanuel Macron hosted a lunch with Olaf Scholz and with Giorgia Meloni on Monday.",
        "meeting",
        {"Macron": P, "Scholz": P, "Meloni": P},
    ),
    (
        "of_is_participant",
        "Joe Biden attended the funeral of Shinzo Abe in Tokyo.",
        "meeting",
        {"Biden": P, "Abe": P},
    ),
    (
        "purposes",
        "Emmanuel Macron called Olaf Scholz to discuss energy prices.",
        "call",
        {"Macron": "caller", "Scholz": "callee"},
    ),
    ("sense_preps", "Emmanuel Macron called on Olaf Scholz to act.", None, {}),
    ("purposes", "Emmanuel Macron called Olaf Scholz a friend of France.", None, {}),
    (
        "speech",
        "Emmanuel Macron and Olaf Scholz talked in Berlin on Monday.",
        "meeting",
        {"Macron": P, "Scholz": P},
    ),
    ("speech", "Emmanuel Macron spoke with Olaf Scholz on Monday.", "call", {"Macron": P, "Scholz": P}),
    (
        "speech",
        "Emmanuel Macron spoke with Olaf Scholz at the summit.",
        "meeting",
        {"Macron": P, "Scholz": P},
    ),
    (
        "speech",
        "Emmanuel Macron spoke with Olaf Scholz by telephone on Monday.",
        "call",
        {"Macron": P, "Scholz": P},
    ),
    ("speech", "Emmanuel Macron spoke to the United Nations General Assembly on Monday.", None, {}),
    (
        "plural_subject",
        "Emmanuel Macron and Olaf Scholz co-chaired the session on Monday.",
        "meeting",
        {"Macron": P, "Scholz": P},
    ),
    ("plural_subject", "Emmanuel Macron chaired the session on Monday.", None, {}),
    (
        "discussion",
        "Emmanuel Macron discussed energy prices with Olaf Scholz on Monday.",
        "meeting",
        {"Macron": P, "Scholz": P},
    ),
    ("discussion", "Emmanuel Macron discussed energy prices on Monday.", None, {}),
    (
        "required_prep",
        "Emmanuel Macron delivered remarks with Olaf Scholz on Monday.",
        "meeting",
        {"Macron": P, "Scholz": P},
    ),
    ("required_prep", "Emmanuel Macron delivered remarks on Monday in Berlin.", None, {}),
    ("sports", "France and Germany met in the final of the tournament in Berlin.", None, {}),
    (
        "arrival_verbs",
        "Emmanuel Macron returned from Germany on Monday.",
        "visit",
        {"Macron": "visitor", "Germany": "host"},
    ),
    ("arrival_verbs", "Emmanuel Macron returned from a holiday on Monday.", None, {}),
    # a greeting with a person is a short meeting; greetings sent are correspondence, a greeting alone none
    ("greeting", "Joe Biden will have a greeting with Andrzej Duda.", "meeting", {"Biden": P, "Duda": P}),
    (
        "greeting",
        "Joe Biden held a brief greeting with Andrzej Duda at the White House on Monday.",
        "meeting",
        {"Biden": P, "Duda": P},
    ),
    (
        "greeting",
        "Emmanuel Macron had a warm greeting with Olaf Scholz in Paris.",
        "meeting",
        {"Macron": P, "Scholz": P},
    ),
    ("greeting", "Olaf Scholz opened with a greeting to the audience.", None, {}),
    # expressing something to a person is a contact with him (the to-phrase may hang on what is expressed)
    (
        "express",
        "Benjamin Netanyahu expressed his views to Antony Blinken on Monday.",
        "contact",
        {"Netanyahu": P, "Blinken": P},
    ),
    (
        "express",
        "Emmanuel Macron expressed his concern to Olaf Scholz by phone.",
        "call",
        {"Macron": P, "Scholz": P},
    ),
    (
        "express",
        "Xi Jinping expressed his support to Lula at the summit.",
        "contact",
        {"Jinping": P, "Lula": P},
    ),
    ("express", "Olaf Scholz expressed concern over the fighting in Sudan.", None, {}),
    # seeing a person is meeting him; seeing a state, or somebody "as" something, is not
    (
        "see",
        "Olaf Scholz will see Emmanuel Macron in Paris on Friday.",
        "meeting",
        {"Scholz": P, "Macron": P},
    ),
    ("see", "Emmanuel Macron saw Olaf Scholz twice last month.", "meeting", {"Macron": P, "Scholz": P}),
    (
        "see",
        "Joe Biden is seeing Fumio Kishida at the White House next week.",
        "meeting",
        {"Biden": P, "Kishida": P},
    ),
    ("see", "Joe Biden sees Xi Jinping as a rival.", None, {}),
    ("see", "Emmanuel Macron saw Germany as a partner.", None, {}),
    ("see", "Emmanuel Macron saw progress in the talks in Germany.", None, {}),
    (
        "companion_verbs",
        "Emmanuel Macron accompanied Olaf Scholz on a state visit to Japan.",
        "visit",
        {"Macron": "visitor", "Scholz": "visitor", "Japan": "host"},
    ),
]


@pytest.mark.parametrize(("field", "text", "kind", "expected"), SHIPPED)
def test_shipped_records_at_work(field: str, text: str, kind: str | None, expected: dict[str, str]) -> None:
    extraction = extract(Article(id="t", published=PUBLISHED, text=text))
    if not expected:
        assert extraction.contacts == (), field
        return
    (contact,) = extraction.contacts
    assert contact.kind.value == kind, field
    roles = {extraction.actor(p.actor).name: p.role.value for p in contact.participants}
    assert len(roles) == len(expected), roles
    for word, role in expected.items():
        assert [r for name, r in roles.items() if word in name.split()] == [role], (field, roles)
