from __future__ import annotations

import pytest
from minutes_lint.rules import yearless_date_far as rule

from minutes_lint.testing import lint, where

HEAD = """\
---
title: 2026-01-14 Minutes of the Example Working Group
---
January 14, 2026

"""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # 93 days before the meeting
        ("* Approved and Effective: Ballot EX-014 (October 13)", [(6, 42)]),
        # 58 days after, 12 days before: near enough
        ("Vote ends March 13; minutes of January 2 approved.", []),
        # plans months ahead are normal: 136 days after
        ("The effective date is May 30.", []),
        # 168 days after, more than max-days-ahead
        ("The effective date is July 1.", [(6, 23)]),
        # a year on the line gives the context
        ("Fall F2F: October 13-15, 2025 in Example City", []),
        # ranges name the days of a planned event
        ("Proposed dates: Sept 21-23 or 5 to 7 October", []),
        # dates in prose that are no dates
        ("Planned for Q3 2025 at F2F #65; the call moves to 2026 at 11 am.", []),
        ("October 13, 2025 was the effective date.", []),
    ],
)
def test_yearless_dates(line: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, HEAD + line + "\n")) == expected


def test_message_gives_the_reading_and_the_distance() -> None:
    found = lint(rule, HEAD + "Effective (October 13)\n")
    assert found[0].message == (
        "“October 13” has no year: read as 2025-10-13, it is 93 days before the meeting "
        "on 2026-01-14 (more than 90); write the year"
    )


def test_thresholds_are_options() -> None:
    text = HEAD + "Effective (October 13)\n"
    assert lint(rule, text, options={"max-days": 100}) == []
    near = HEAD + "Vote ends March 13.\n"
    assert where(lint(rule, near, options={"max-days-ahead": 30})) == [(6, 11)]


def test_approved_minutes_far_back_are_reported_too() -> None:
    text = HEAD + "## Approval of minutes\n* September 4\n* December 17\n"
    assert where(lint(rule, text)) == [(7, 3)]


def test_no_meeting_date_no_reading() -> None:
    assert lint(rule, "## Notes\n\nEffective (October 13)\n") == []


def test_nearest_reading_of_february_29() -> None:
    from datetime import date

    from minutes_lint.dates import find_dates, nearest_reading

    leap_day = find_dates("due February 29")[0]
    assert nearest_reading(leap_day, date(2024, 1, 10)) == date(2024, 2, 29)
    assert nearest_reading(leap_day, date(2026, 1, 10)) is None
