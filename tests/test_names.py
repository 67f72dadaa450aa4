"""Person keys, spelling variants and near-misses, and the guards against false merges."""

from __future__ import annotations

import pytest

from minutes_lint.names import PeopleIndex, Place, find_mentions, fold, org_key, person_key


def index(*lists: list[str], distinct: tuple[tuple[str, str], ...] = ()) -> PeopleIndex:
    people = PeopleIndex(distinct)
    for i, names in enumerate(lists):
        for name in names:
            people.add(name, Place(f"doc{i}.md", 1), f"doc{i}.md")
    return people


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Iñigo Barreira", "Inigo Barreira"),
        ("Atsushi INABA", "Inaba Atsushi"),
        ("Ono Fumiaki", "Fumiaki Ono"),
        ("Wiktoria Więckowska", "wiktoria wieckowska"),
        ("Łukasz Nowak", "Lukasz Nowak"),
        ("Seán O’Brien", "Sean O'Brien"),
    ],
)
def test_person_key_survives_case_diacritics_and_order(a: str, b: str) -> None:
    assert person_key(a) == person_key(b)


def test_person_key_keeps_different_people_apart() -> None:
    assert person_key("Ben Wilson") != person_key("Clint Wilson")


@pytest.mark.parametrize(
    ("a", "b"), [("D-TRUST", "Dtrust"), ("GlobalSign", "Globalsign"), ("ACAB’c", "ACAB'c")]
)
def test_org_key(a: str, b: str) -> None:
    assert org_key(a) == org_key(b)


def test_fold() -> None:
    assert fold("Iñigo") == "inigo"


@pytest.mark.parametrize(
    ("known", "typo", "part"),
    [
        ("Rebecca Kelly", "Rebecca Kelley", "surname"),
        ("Clint Wilson", "Client Wilson", "given"),
        ("Martina Katerbarg", "Martina Karterbarg", "surname"),
    ],
)
def test_near_miss_found(known: str, typo: str, part: str) -> None:
    misses = index([known]).near_misses(typo)
    assert [(m.spellings[0].text, m.part) for m in misses] == [(known, part)]


@pytest.mark.parametrize(
    ("known", "other"),
    [
        ("Ben Wilson", "Clint Wilson"),  # different given names, same surname
        ("Tim Crawford", "Tim Callan"),  # same given name, different surnames
        ("Ben Wilson", "Jen Wilson"),  # one letter apart, but too short to judge
        ("Jörg Mueller", "Jörg Müller"),  # a transliteration, not a typo
    ],
)
def test_no_false_merge(known: str, other: str) -> None:
    assert index([known]).near_misses(other) == []


def test_two_people_sharing_a_surname_in_one_company_stay_apart() -> None:
    people = index(["Maria Garcia", "Mario Garcia"], ["Maria Garcia"], ["Mario Garcia"])
    assert people.near_misses("Mario Garcia") == []
    assert people.near_misses("Maria Garcia") == []


def test_common_given_names_each_used_often_are_different_people() -> None:
    people = index(
        ["Daniel Brandt"],
        ["Daniel Brandt"],
        ["Daniel Brandt"],
        ["Daniela Brandt"],
        ["Daniela Brandt"],
        ["Daniela Brandt"],
    )
    assert people.near_misses("Daniela Brandt") == []


def test_roster_distinct_pair_is_never_matched() -> None:
    people = index(["Rebecca Kelly"], distinct=(("Rebecca Kelly", "Rebecca Kelley"),))
    assert people.near_misses("Rebecca Kelley") == []


def test_spellings_ranked_by_use() -> None:
    people = index(["Inaba Atsushi"], ["Inaba Atsushi"], ["Atsushi INABA"])
    assert [(s.text, s.count) for s in people.spellings("atsushi inaba")] == [
        ("Inaba Atsushi", 2),
        ("Atsushi INABA", 1),
    ]


def test_mentions_are_runs_of_capitalised_words() -> None:
    text = "Then Client Wilson (Example) said the WG agreed with Ben Wilson."
    found = [m.text for m in find_mentions(text, [(0, len(text))])]
    assert "Client Wilson" in found
    assert "Ben Wilson" in found
    assert all(m != "said the" for m in found)


def test_lookup_cost_does_not_depend_on_occurrences() -> None:
    people = PeopleIndex()
    for i in range(2000):
        people.add("Rebecca Kelly", Place(f"d{i}.md", 1), f"d{i}.md")
    spelling = people.spellings("Rebecca Kelly")[0]
    assert spelling.count == 2000
    assert len(spelling.places) <= 20  # occurrences are counted, not stored


def test_lowercase_particles_are_proper_case() -> None:
    from minutes_lint.names import case_penalty

    assert case_penalty("Dora vom Hagen") == 0
    assert case_penalty("Lia zur Linde") == 0
    assert case_penalty("Dora VOM HAGEN") == 1  # "HAGEN" is all caps; the particle never counts
    assert case_penalty("dora hagen") == 2


def test_a_german_transliteration_is_not_a_near_miss() -> None:
    from minutes_lint.names import transliterated

    assert transliterated("Jörg Müller") == transliterated("Joerg Mueller")
    assert transliterated("Jörg Müller") != transliterated("Jorg Muler")
