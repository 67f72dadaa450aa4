from __future__ import annotations

import pytest
from minutes_lint.rules import approved_minutes_not_before as rule

from minutes_lint.testing import lint, where

MINUTES = """\
---
title: 2026-01-14 Minutes of the Example Working Group
---
January 14, 2026

## 3. Approval of past minutes
{line}

## 8. Next meeting
- January 28, 2026 at 11 am
"""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The minutes of the teleconference of January 7, 2027 were approved.", [(7, 38)]),
        ("The minutes of the teleconference of January 14, 2026 were approved.", [(7, 38)]),
        ("The minutes of the teleconference of December 17, 2025 were approved.", []),
        # without a year: the most recent past occurrence, never after the meeting
        ("* December 03\n* March 13", []),
        # when minutes travelled, not which meeting they record
        ("Minutes distributed on January 14, 2026 were approved.", []),
        ("Minutes of the F2F (updated January 20, 2026) were approved.", []),
        ("The following minutes were approved in the January 28, 2026 meeting.", []),
        ("These are the approved minutes of the meeting of January 14, 2026.", []),
    ],
)
def test_approved_minutes_dates(line: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, MINUTES.format(line=line))) == expected


def test_message_names_the_meeting_date_line() -> None:
    line = "The minutes of the teleconference of January 7, 2027 were approved."
    found = lint(rule, MINUTES.format(line=line))
    assert found[0].message == (
        "approved minutes dated 2027-01-07 are from after this meeting on 2026-01-14 (line 4)"
    )


def test_approval_line_outside_a_section() -> None:
    text = "January 14, 2026\n\nApproved the minutes of February 4, 2026.\n"
    assert where(lint(rule, text)) == [(3, 25)]


def test_next_meeting_on_an_approval_line_is_not_an_approved_date() -> None:
    text = "January 14, 2026\n\nMinutes approved; next call January 28, 2026.\n"
    assert lint(rule, text) == []
