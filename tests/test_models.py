"""The models reject bad data with messages that name the field and the value."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from graphkit.models import (
    Actor,
    ActorType,
    Article,
    Contact,
    ContactKind,
    ContactStatus,
    DateSpan,
    Evidence,
    Extraction,
    Participant,
)


def _errors(info: pytest.ExceptionInfo[ValidationError]) -> list[tuple[tuple, str]]:
    return [(e["loc"], e["msg"]) for e in info.value.errors()]


def test_bad_iso_date_names_the_field() -> None:
    with pytest.raises(ValidationError) as info:
        Article(id="a", text="x", published="2025-13-01")
    ((loc, msg),) = _errors(info)
    assert loc == ("published",)
    assert "month value is outside expected range" in msg


def test_date_span_that_ends_before_it_starts() -> None:
    with pytest.raises(
        ValidationError, match=r"date span ends \(2025-01-01\) before it starts \(2025-02-01\)"
    ):
        DateSpan(start="2025-02-01", end="2025-01-01", granularity="day")


@pytest.mark.parametrize("code", ["fra", "FR", "FRAN", "F1A"])
def test_country_must_be_alpha_3(code: str) -> None:
    with pytest.raises(ValidationError) as info:
        Actor(id="a", name="A", type=ActorType.COUNTRY, country=code)
    ((loc, msg),) = _errors(info)
    assert loc == ("country",)
    assert msg == "String should match pattern '^[A-Z]{3}$'"


def test_participant_must_be_a_known_actor() -> None:
    text = "A met B."
    with pytest.raises(ValidationError, match="contacts\\[0\\] names unknown actor 'ghost'"):
        Extraction(
            article=Article(id="x", text=text),
            actors=(Actor(id="a", name="A", type=ActorType.PERSON),),
            contacts=(_contact("a", "ghost", Evidence(text="A met B", start=0, end=7)),),
        )


def test_envoy_principal_must_be_a_known_actor() -> None:
    text = "A met B."
    actors = tuple(Actor(id=i, name=i.upper(), type=ActorType.PERSON) for i in ("a", "b"))
    contact = Contact(
        participants=(Participant(actor="a", on_behalf_of="nobody"), Participant(actor="b")),
        kind=ContactKind.MEETING,
        status=ContactStatus.OCCURRED,
        evidence=Evidence(text="A met B", start=0, end=7),
    )
    with pytest.raises(ValidationError, match="unknown actor 'nobody'"):
        Extraction(article=Article(id="x", text=text), actors=actors, contacts=(contact,))


def test_evidence_must_be_at_its_offsets() -> None:
    text = "Yesterday A met B."
    actors = tuple(Actor(id=i, name=i.upper(), type=ActorType.PERSON) for i in ("a", "b"))
    shifted = Evidence(text="A met B", start=0, end=7)
    with pytest.raises(ValidationError, match="evidence 'A met B' does not match the article text at 0-7"):
        Extraction(article=Article(id="x", text=text), actors=actors, contacts=(_contact("a", "b", shifted),))


def test_evidence_length_must_match_its_span() -> None:
    with pytest.raises(ValidationError, match="evidence text has 7 characters but the span 0-5 has 5"):
        Evidence(text="A met B", start=0, end=5)


def test_duplicated_participants() -> None:
    with pytest.raises(ValidationError, match=r"participants repeat an actor: \['a', 'a'\]"):
        _contact("a", "a", Evidence(text="A", start=0, end=1))


def test_duplicated_actor_ids() -> None:
    actor = Actor(id="a", name="A", type=ActorType.PERSON)
    with pytest.raises(ValidationError, match=r"actor ids repeat: \['a'\]"):
        Extraction(article=Article(id="x", text="A"), actors=(actor, actor))


def test_models_are_frozen_and_closed() -> None:
    article = Article(id="x", text="A")
    with pytest.raises(ValidationError, match="frozen"):
        article.text = "B"  # type: ignore[misc]  # assigning is what must fail
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Article(id="x", text="A", body="B")  # type: ignore[call-arg]  # the unknown field is the point


def _contact(a: str, b: str, evidence: Evidence) -> Contact:
    return Contact(
        participants=(Participant(actor=a), Participant(actor=b)),
        kind=ContactKind.MEETING,
        status=ContactStatus.OCCURRED,
        evidence=evidence,
    )
