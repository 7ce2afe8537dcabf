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
