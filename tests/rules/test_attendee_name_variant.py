from __future__ import annotations

from pathlib import Path

from minutes_lint.rules import attendee_name_variant as rule

from minutes_lint.roster import parse_roster
from minutes_lint.testing import fix, lint, where


def minutes(attendees: str) -> str:
    return f"## Attendees\n\n{attendees}\n\n## Discussion\n\nNothing.\n"


OTHERS = {
    "a.md": minutes("Rebecca Kelly (Example CA), Ben Wilson (Example Browser)"),
    "b.md": minutes("Rebecca Kelly (Example CA), Inaba Atsushi (Example Sign)"),
    "c.md": minutes("Inaba Atsushi (Example Sign), Clint Wilson (Example Browser)"),
}


def test_surname_one_letter_off_the_majority() -> None:
    text = minutes("Rebecca Kelley (Example CA), Ben Wilson (Example Browser)")
    found = lint(rule, text, others=OTHERS)
    assert where(found) == [(3, 1)]
    assert "Rebecca Kelly" in found[0].message and "2 times" in found[0].message


def test_word_order_and_case_variant() -> None:
    found = lint(rule, minutes("Atsushi INABA (Example Sign)"), others=OTHERS)
    assert len(found) == 1 and "more often written “Inaba Atsushi”" in found[0].message


def test_majority_spelling_is_not_reported() -> None:
    assert lint(rule, minutes("Rebecca Kelly (Example CA), Ben Wilson (X)"), others=OTHERS) == []


def test_different_given_names_are_different_people() -> None:
    assert lint(rule, minutes("Clint Wilson (Example Browser)"), others=OTHERS) == []


def test_tie_is_reported_as_a_tie_without_fix() -> None:
    found = lint(
        rule, minutes("Fumiaki Ono (Example)"), others={"a.md": minutes("Ono Fumiaki (Example)")}
    )
    assert len(found) == 1 and "a tie" in found[0].message and found[0].fix is None


def test_fix_unsafe_from_majority_safe_from_roster() -> None:
    text = minutes("Rebecca Kelley (Example CA)")
    assert fix(rule, text, others=OTHERS) == text
    assert "Rebecca Kelly (Example CA)" in fix(rule, text, others=OTHERS, unsafe=True)
    roster = parse_roster(
        Path("minutes-roster.yaml"),
        {"people": [{"name": "Rebecca Kelly", "aliases": ["Rebecca Kelley"]}]},
    )
    assert "Rebecca Kelly (Example CA)" in fix(rule, text, others=OTHERS, roster=roster)


def test_roster_distinct_pair_silences_the_rule() -> None:
    roster = parse_roster(Path("r.yaml"), {"distinct": [["Rebecca Kelly", "Rebecca Kelley"]]})
    assert lint(rule, minutes("Rebecca Kelley (Example CA)"), others=OTHERS, roster=roster) == []
