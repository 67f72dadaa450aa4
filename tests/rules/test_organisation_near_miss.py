"""Tests for AT006 organisation-near-miss."""

from __future__ import annotations

import minutes_lint.rules.organisation_near_miss as rule
import pytest

from minutes_lint.testing import fix, lint, where

HEAD = "## Attendees\n\n"
TYPO = HEAD + (
    "Alice Moreau (Example Trust Services), Bob Stone (Example Trust Services),\n"
    "Carol Diaz (Example Trust Serivces)\n"
)

CASES = [
    # (id, text, expected (line, column) of each diagnostic)
    ("typo", TYPO, [(4, 13)]),
    (
        "missing-letter",
        HEAD + "Alice Moreau (Examplesign), Bob Stone (Examplesign), Carol Diaz (Examplsign)\n",
        [(3, 66)],
    ),
    ("short-names", HEAD + "Alice Moreau (EXCA), Bob Stone (EXCB), Carol Diaz (EXCA)\n", []),
    (
        "added-word",
        HEAD + "Alice Moreau (Example), Bob Stone (Example Korea), Carol Diaz (Example)\n",
        [],
    ),
    (
        "longer-name",
        HEAD + "Alice Moreau (Examplesoft), Bob Stone (Examplesoft Corporation)\n",
        [],
    ),
    ("numbers", HEAD + "Alice Moreau (Example Lab 1), Bob Stone (Example Lab 2)\n", []),
    (
        "same-key-is-not-a-near-miss",
        HEAD + "Alice Moreau (Example-Trust), Bob Stone (ExampleTrust)\n",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_where(text: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text)) == expected


def test_rarer_spelling_is_rewritten_to_the_frequent_one() -> None:
    [diagnostic] = lint(rule, TYPO)
    assert diagnostic.message == (
        "organisation “Example Trust Serivces” may be a misspelling of “Example Trust Services” "
        "(2 times in this document, e.g. line 3)"
    )
    assert fix(rule, TYPO) == TYPO  # the fix is unsafe
    assert fix(rule, TYPO, unsafe=True) == HEAD + (
        "Alice Moreau (Example Trust Services), Bob Stone (Example Trust Services),\n"
        "Carol Diaz (Example Trust Services)\n"
    )


def test_tie_reports_the_later_spelling_without_fix() -> None:
    text = HEAD + "Alice Moreau (Example Trust Services), Carol Diaz (Example Trust Serivces)\n"
    [diagnostic] = lint(rule, text)
    assert where([diagnostic]) == [(3, 52)]
    assert diagnostic.message.endswith("(a tie)")
    assert diagnostic.fix is None


def test_thresholds_are_options() -> None:
    assert lint(rule, TYPO, options={"min-ratio": 99}) == []
    assert lint(rule, TYPO, options={"min-length": 30}) == []


def test_transposition_in_a_long_name_is_one_edit() -> None:
    text = "## Attendees\n\nAda Noor (Quilltrust), Bo Tran (Quilltrust), Cy Dale (Qiulltrust)\n"
    found = lint(rule, text)
    assert len(found) == 1 and "“Quilltrust”" in found[0].message
