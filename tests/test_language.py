"""Language checks: English text is never skipped; other languages are named."""

from __future__ import annotations

import pytest

from graphkit._language import foreign_language, function_words

ENGLISH = (
    "The foreign minister met his German counterpart in Paris on Tuesday. The two men discussed the "
    "situation in Ukraine and European cooperation. According to a statement, the talks were constructive, "
    "and another meeting is planned for next month in the German capital."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ENGLISH, None),
        ("Macron met Putin.", None),  # too short to say
        # English with a long French quotation is still mostly English
        (ENGLISH + ' He said: "Les entretiens ont été constructifs et utiles pour la paix."', None),
        # a list of names has few function words of any language: not skipped
        (" ".join(["Emmanuel Macron, Olaf Scholz, Giorgia Meloni, Pedro Sánchez"] * 12), None),
        (
            "Le ministre des Affaires étrangères a rencontré mardi son homologue allemand à Paris. Les deux"
            " hommes ont discuté de la situation en Ukraine et de la coopération européenne. Selon le "
            "communiqué, les entretiens ont été constructifs et une nouvelle rencontre est prévue pour le "
            "mois prochain.",
            "'fr'",
        ),
        (
            "Der Außenminister hat am Dienstag seinen französischen Amtskollegen in Berlin getroffen. Die "
            "beiden sprachen über die Lage in der Ukraine und die europäische Zusammenarbeit. Laut einer "
            "Mitteilung waren die Gespräche konstruktiv, und ein weiteres Treffen ist für den nächsten "
            "Monat geplant.",
            "'de'",
        ),
        (
            "El ministro de Asuntos Exteriores se reunió el martes con su homólogo alemán en Madrid. Los "
            "dos hablaron sobre la situación en Ucrania y la cooperación europea. Según el comunicado, las "
            "conversaciones fueron constructivas y se prevé una nueva reunión el próximo mes en la capital.",
            "'es'",
        ),
        ("Министр иностранных дел встретился с коллегой в Москве.", "Cyrillic script"),
        ("التقى وزير الخارجية يوم الثلاثاء بنظيره الألماني في القاهرة", "Arabic script"),
        ("外交部长周二在北京会见了德国外长。", "CJK script"),
        # ASCII letters are counted apart from the others (as Latin): the mix decides, not the order
        ("Министр иностранных дел встретился с коллегой из NATO и OSCE в Москве.", "Cyrillic script"),
        (ENGLISH + " (in Russian: Министр встретился с коллегой)", None),
        ("abcdef абвгде", None),  # as many Latin letters as Cyrillic ones: no majority
        ("Ülkü çiğdem", None),  # Latin letters outside ASCII are Latin too
    ],
)
def test_foreign_language(text: str, expected: str | None) -> None:
    found = foreign_language(text)
    if expected is None:
        assert found is None
    else:
        assert found is not None and found.startswith(expected)


def test_the_word_lists_keep_english_words_out_of_the_others() -> None:
    lists = function_words()
    english = lists["en"]
    assert len(english) == 30
    for code, words in lists.items():
        assert words == {w.lower() for w in words}
        if code != "en":
            assert not words & english, code
