from __future__ import annotations

from minutes_lint.rules import next_meeting_not_after as rule

from minutes_lint.testing import lint, where

MINUTES = """\
---
title: 2026-01-14 Minutes of the Example Working Group
---
## Minutes of the Example Working Group

January 14, 2026

## 1. Roll Call

## 8. Next meeting
- {next} at 11 am Eastern
"""


def test_next_meeting_before_this_one() -> None:
    found = lint(rule, MINUTES.format(next="January 7, 2026"))
    assert where(found) == [(11, 3)]
    assert found[0].message == (
        "next meeting on 2026-01-07 is before this meeting on 2026-01-14 (line 6)"
    )


def test_next_meeting_on_the_same_day_is_reported_once() -> None:
    text = MINUTES.format(next="January 14, 2026").replace("- January", "Next meeting: January")
    found = lint(rule, text)
    assert where(found) == [(11, 15)]
    assert "the same day as this meeting" in found[0].message


def test_next_meeting_after_this_one_passes() -> None:
    assert lint(rule, MINUTES.format(next="January 28, 2026")) == []


def test_next_meeting_without_a_year_is_not_compared() -> None:
    assert lint(rule, MINUTES.format(next="January 7")) == []


def test_cancelled_meetings_are_not_the_next_meeting() -> None:
    text = MINUTES.format(next="January 28, 2026").replace(
        "- January 28",
        "- The meeting of January 1, 2026 was cancelled.\n"
        "- The group agreed to cancel the June 18 teleconference.\n"
        "- January 28",
    )
    assert lint(rule, text) == []


def test_relative_date_and_minutes_approval_lines_are_not_the_next_meeting() -> None:
    relative = MINUTES.format(next="Two weeks from 14 January 2026")
    assert lint(rule, relative) == []
    approval = MINUTES.replace(
        "## 8. Next meeting\n- {next} at 11 am Eastern",
        "## 3. Approval of next meeting minutes from January 7, 2026",
    )
    assert lint(rule, approval) == []


def test_meeting_date_from_the_file_name() -> None:
    text = "## Notes\n\nNext call: January 2, 2026\n"
    found = lint(rule, text, path="posts/2026-01-14-minutes.md")
    assert where(found) == [(3, 12)]
    assert found[0].message.endswith("(the file name)")


def test_split_evidence_about_the_meeting_date_is_not_used() -> None:
    # title and body disagree (DT001 reports it) and nothing breaks the tie
    text = MINUTES.format(next="January 7, 2026").replace("January 14, 2026", "March 4, 2026")
    assert lint(rule, text) == []
