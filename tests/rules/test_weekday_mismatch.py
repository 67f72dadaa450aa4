from __future__ import annotations

import pytest
from minutes_lint.rules import weekday_mismatch as rule

from minutes_lint.testing import fix, lint, where

HEAD = """\
---
title: 2025-01-08 Minutes of the Example Working Group
---
January 8, 2025

"""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Next call: Thursday, January 15, 2025 at 11 am", [(6, 12)]),
        ("Next call: Thu 15 January 2025", [(6, 12)]),
        ("Next call: Wednesday, January 15, 2025 at 11 am", []),
        ("Next call: Wed. 2025-01-15", []),
        # yearless, read in the year nearest the meeting: January 15, 2025
        ("Ballot vote ends Thursday, January 15.", [(6, 18)]),
        ("Ballot vote ends Wednesday, January 15.", []),
        # dates in prose that are no dates, or carry no weekday
        ("Planned for Q3 2025, next F2F #65 on March 13.", []),
        ("The call moves to 2026 at 11 am Eastern.", []),
        ("Friday was busy; March 13 is the deadline.", []),
    ],
)
def test_weekday_against_date(line: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, HEAD + line + "\n")) == expected


def test_message_names_the_right_weekday() -> None:
    found = lint(rule, HEAD + "Next call: Thursday, January 15, 2025\n")
    assert "“Thursday” does not match “January 15, 2025”" in found[0].message
    assert found[0].message.endswith("which is a Wednesday")


def test_yearless_message_says_which_year_was_read() -> None:
    found = lint(rule, HEAD + "Vote ends Thursday, January 15.\n")
    assert "read in 2025, nearest the meeting on 2025-01-08" in found[0].message


def test_yearless_date_far_from_the_meeting_is_ambiguous_and_skipped() -> None:
    # July 14, 2025 is a Monday, but the nearest reading is six months away
    assert lint(rule, HEAD + "Vote ends Tuesday, July 14.\n") == []


def test_yearless_date_without_a_meeting_date_is_skipped() -> None:
    assert lint(rule, "## Notes\n\nVote ends Thursday, January 15.\n") == []


def test_weekday_in_the_title_is_checked() -> None:
    text = "---\ntitle: Minutes of Thursday, January 15, 2025\n---\nJanuary 15, 2025\n"
    assert where(lint(rule, text)) == [(2, 19)]


def test_impossible_date_is_left_to_another_rule() -> None:
    assert lint(rule, HEAD + "Next call: Monday, February 30, 2025\n") == []


@pytest.mark.parametrize(
    ("written", "right"),
    [
        ("Thursday", "Wednesday"),
        ("Thu", "Wed"),
        ("Thurs", "Wed"),
        ("THURSDAY", "WEDNESDAY"),
        ("thursday", "wednesday"),
    ],
)
def test_unsafe_fix_keeps_the_style(written: str, right: str) -> None:
    text = HEAD + f"Next call: {written}, January 15, 2025\n"
    assert fix(rule, text) == text
    assert fix(rule, text, unsafe=True) == HEAD + f"Next call: {right}, January 15, 2025\n"


# issue 16, item 3: the weekday is not always the wrong half of the line
MONDAY_MEETING = """\
---
title: 2025-06-02 Minutes of the Example Working Group
---
June 2, 2025

"""


def test_the_meetings_own_weekday_points_at_the_date() -> None:
    # June 3, 2025 is a Tuesday; the group meets on Mondays, and this meeting was Monday 2nd
    text = MONDAY_MEETING + "Roll call taken Monday, June 3.\n"
    (found,) = lint(rule, text)
    assert "“Monday” does not match “June 3” (read in 2025" in found.message
    assert found.fix is not None and found.fix.applicability.value == "unsafe"
    assert "Monday" in found.fix.message and "2025" in found.fix.message
    assert fix(rule, text, unsafe=True) == MONDAY_MEETING + "Roll call taken Monday, June 2.\n"
    assert fix(rule, text) == text  # unsafe only


def test_a_yearless_weekday_fix_says_which_year_it_assumed() -> None:
    (found,) = lint(rule, HEAD + "Vote ends Thursday, January 15.\n")
    assert found.fix is not None
    assert found.fix.message == "Write “Wednesday” (January 15 read as 2025-01-15)"


def test_a_date_with_its_year_and_the_meetings_weekday_gets_the_date_fixed() -> None:
    # January 16, 2025 is a Thursday; the meeting (January 8) was a Wednesday
    text = HEAD + "Next call: Wednesday, January 16, 2025 at 11 am\n"
    assert (
        fix(rule, text, unsafe=True) == HEAD + "Next call: Wednesday, January 15, 2025 at 11 am\n"
    )
