"""Tests for AT004 duplicate-attendee."""

from __future__ import annotations

import minutes_lint.rules.duplicate_attendee as rule
import pytest

from minutes_lint.testing import lint, where

HEAD = "## Attendees\n\n"
GROUPS = HEAD + (
    "In person: Alice Moreau (Example CA), Bob Stone (Example Browser)\n"
    "Online: Carol Diaz (Example Trust), Alice Moreau (Example CA)\n"
)

CASES = [
    # (id, text, expected (line, column) of each diagnostic)
    ("across-groups", GROUPS, [(4, 37)]),
    (
        "same-line",
        HEAD
        + "Alice Moreau (Example CA), Bob Stone (Example Browser), Alice Moreau (Example CA)\n",
        [(3, 57)],
    ),
    (
        "word-order-and-case",
        HEAD
        + "Alice Moreau (Example CA), Bob Stone (Example Browser), MOREAU Alice (Example CA)\n",
        [(3, 57)],
    ),
    (
        "different-organisation",
        HEAD
        + "Alice Moreau (Example CA), Bob Stone (Example Browser), Alice Moreau (Example Trust)\n",
        [(3, 57)],
    ),
    (
        "two-lists-two-days",
        "## Day 1\n\n### Attendees\n\nAlice Moreau (Example CA), Bob Stone (Example Browser)\n\n"
        "## Day 2\n\n### Attendees\n\nAlice Moreau (Example CA), Carol Diaz (Example Trust)\n",
        [],
    ),
    (
        "namesakes-differ",
        HEAD + "Alice Moreau (Example CA), Alan Moreau (Example Browser)\n",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_where(text: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text)) == expected


def test_message_names_the_first_listing_and_its_group() -> None:
    [diagnostic] = lint(rule, GROUPS)
    assert diagnostic.message == "“Alice Moreau” is already listed on line 3 under “In person”"
    assert diagnostic.fix is None


def test_message_on_one_line_gives_the_column_and_other_spelling() -> None:
    text = (
        HEAD + "Alice Moreau (Example CA), Bob Stone (Example Browser), MOREAU Alice (Example CA)\n"
    )
    [diagnostic] = lint(rule, text)
    assert diagnostic.message == (
        "“MOREAU Alice” is already listed as “Alice Moreau” earlier on this line (column 1)"
    )


def test_chair_and_scribe_are_not_duplicates_of_attendees() -> None:
    text = (
        "## Attendees\n\n**Present:** Alice Moreau, Bruno Keller, Carla Diaz\n\n"
        "**Chair:** Alice Moreau\n\n**Scribe(s):** Bruno Keller\n"
    )
    assert lint(rule, text) == []


def test_present_and_absent_is_reported_on_the_absent_listing() -> None:
    text = (
        "## Attendees\n\n**Present:** Alice Moreau, Bruno Keller, Carla Diaz\n\n"
        "**Regrets:** Bruno Keller, Dana Ortiz\n"
    )
    problems = lint(rule, text)
    assert len(problems) == 1
    assert "listed as absent" in problems[0].message and "line 3" in problems[0].message


def test_hyphen_and_space_variants_are_one_person() -> None:
    text = "## Attendees\n\nAnne-Marie Lee (Quillco), Bo Tran (Vantex), AnneMarie Lee (Quillco)\n"
    assert len(lint(rule, text)) == 1


def test_typo_of_an_earlier_entry_with_the_same_organisation() -> None:
    text = "## Attendees\n\nHanna Wagner (Quillco), Bo Tran (Vantex), Hanna Wagenr (Quillco)\n"
    found = lint(rule, text)
    assert len(found) == 1 and "typo" in found[0].message
    other = "## Attendees\n\nHanna Wagner (Quillco), Bo Tran (Vantex), Hanna Wagenr (Beta)\n"
    assert lint(rule, other) == []
    siblings = "## Attendees\n\nMaria Wagner (Quillco), Mario Wagner (Quillco)\n"
    assert lint(rule, siblings) == []
