from __future__ import annotations

import pytest
from minutes_lint.rules import impossible_date as rule

from minutes_lint.testing import lint, where

HEAD = "---\ntitle: 2025-01-08 Minutes of the Example Working Group\n---\nJanuary 8, 2025\n\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Next call: February 30, 2025", [(6, 12)]),
        ("Effective April 31", [(6, 11)]),
        ("Vote ends 2025-06-31.", [(6, 11)]),
        ("Next call: February 29, 2025", [(6, 12)]),
        ("Next call: February 29, 2028", []),
        ("Next call: February 28, 2025", []),
        # February 29 without a year exists in leap years
        ("Vote ends February 29.", []),
        # dates in prose that are no dates
        ("Planned for Q3 2025 at F2F #65; the call moves to 2026 at 11 am.", []),
        ("See section 31.4 of the guidelines, version 2.30.", []),
    ],
)
def test_impossible_dates(line: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, HEAD + line + "\n")) == expected


def test_messages_say_why() -> None:
    leap = lint(rule, HEAD + "Next call: February 29, 2025\n")[0].message
    assert leap == "“February 29, 2025” does not exist: 2025 is not a leap year"
    april = lint(rule, HEAD + "Effective April 31\n")[0].message
    assert april == "“April 31” does not exist: April has 30 days"
    feb = lint(rule, HEAD + "Due February 30, 2025\n")[0].message
    assert feb.endswith("February 2025 has 28 days")


def test_no_fix() -> None:
    assert all(d.fix is None for d in lint(rule, HEAD + "Effective April 31\n"))
