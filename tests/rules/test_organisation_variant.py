"""Tests for AT007 organisation-variant."""

from __future__ import annotations

from pathlib import Path

import minutes_lint.rules.organisation_variant as rule
import pytest

from minutes_lint.diagnostics import Applicability
from minutes_lint.roster import Roster, parse_roster
from tests.rule_helpers import fix, lint, where

HEAD = "## Attendees\n\n"
MINE = HEAD + "Alice Moreau (Exampletrust), Bob Stone (Example Browser)\n"
OTHERS = {
    f"other-{i}.md": HEAD + f"Carol Diaz (Example-Trust), Dan Brook{i} (Example Browser)\n"
    for i in range(3)
}
ROSTER = {"organisations": [{"name": "Example-Trust", "aliases": ["Exampletrust"]}]}


def roster(data: dict[str, object] = ROSTER) -> Roster:
    return parse_roster(Path("minutes-roster.yaml"), data)


CASES = [
    # (id, text, other documents, expected (line, column) of each diagnostic)
    ("corpus-majority", MINE, OTHERS, [(3, 15)]),
    ("canonical-spelling", HEAD + "Alice Moreau (Example-Trust)\n", OTHERS, []),
    ("unknown-organisation", HEAD + "Alice Moreau (Other Org)\n", OTHERS, []),
    ("alone-in-the-corpus", MINE, {}, []),
    (
        "document-writes-it-two-ways",
        HEAD
        + "Alice Moreau (Exampletrust), Bob Stone (Exampletrust), Erin Walsh (Example-Trust)\n",
        OTHERS,
        [],
    ),
    (
        "apostrophes",
        HEAD + "Alice Moreau (Example’s Trust)\n",
        {"a.md": HEAD + "Carol Diaz (Example's Trust)\n", "b.md": HEAD + "Dan (Example's Trust)\n"},
        [],
    ),
]


@pytest.mark.parametrize(
    ("text", "others", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_where(text: str, others: dict[str, str], expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text, others=others)) == expected


def test_corpus_majority_gives_counts_and_a_place() -> None:
    [diagnostic] = lint(rule, MINE, others=OTHERS)
    assert diagnostic.message == (
        "organisation “Exampletrust” is written “Example-Trust” 3 times in the corpus "
        "(e.g. other-0.md:3), “Exampletrust” once"
    )
    assert diagnostic.fix is not None
    assert diagnostic.fix.applicability is Applicability.UNSAFE
    assert fix(rule, MINE, others=OTHERS) == MINE
    assert fix(rule, MINE, others=OTHERS, unsafe=True) == MINE.replace(
        "Exampletrust", "Example-Trust"
    )


def test_tie_has_no_fix() -> None:
    others = {"other.md": HEAD + "Carol Diaz (Example-Trust)\n"}
    [diagnostic] = lint(rule, MINE, others=others)
    assert diagnostic.message.endswith("(a tie)")
    assert diagnostic.fix is None


def test_roster_alias_is_fixed_safely() -> None:
    [diagnostic] = lint(rule, MINE, roster=roster())
    assert diagnostic.message == (
        "organisation “Exampletrust” is an alias in the roster of “Example-Trust”"
    )
    assert fix(rule, MINE, roster=roster()) == MINE.replace("Exampletrust", "Example-Trust")


def test_roster_spelling_by_key_is_unsafe() -> None:
    text = HEAD + "Alice Moreau (EXAMPLE-TRUST), Bob Stone (Example Browser)\n"
    [diagnostic] = lint(rule, text, roster=roster())
    assert (
        diagnostic.message
        == "organisation “EXAMPLE-TRUST” is spelled in the roster “Example-Trust”"
    )
    assert diagnostic.fix is not None
    assert diagnostic.fix.applicability is Applicability.UNSAFE


def test_roster_wins_over_the_corpus_majority() -> None:
    others = {f"o{i}.md": HEAD + f"Carol{i} Diaz (Exampletrust)\n" for i in range(4)}
    text = HEAD + "Alice Moreau (Example-Trust)\n"
    assert lint(rule, text, others=others, roster=roster()) == []


def test_every_entry_of_the_spelling_is_fixed_together() -> None:
    text = HEAD + "Alice Moreau (Exampletrust), Bob Stone (Exampletrust)\n"
    [diagnostic] = lint(rule, text, others=OTHERS)
    assert "(and 1 more time here)" in diagnostic.message
    fixed = fix(rule, text, others=OTHERS, unsafe=True)
    assert fixed == text.replace("Exampletrust", "Example-Trust")
