from __future__ import annotations

import datetime

from minutes_lint.rules import meeting_off_calendar as rule

from minutes_lint.testing import lint, where
from tests.calendar_helpers import minutes, series

SATURDAY = datetime.date(2025, 7, 19)
THURSDAY = datetime.date(2025, 7, 17)


def test_meeting_on_a_weekend() -> None:
    text = minutes(SATURDAY)
    found = lint(rule, text, path="posts/2025-07-19-minutes-example-wg.md", others=series())
    assert where(found) == [(6, 1)]
    assert found[0].message == (
        "meeting dated Saturday 2025-07-19, a weekend day “Example Working Group” does not "
        "meet on: Wednesday (12) among its other 12 meetings"
    )
    assert found[0].severity.value == "warning"


def test_meeting_on_a_weekday_the_group_never_uses_is_information() -> None:
    found = lint(rule, minutes(THURSDAY), path="posts/x.md", others=series())
    assert len(found) == 1 and found[0].severity.value == "info"


def test_meeting_on_the_usual_weekday_passes() -> None:
    day = datetime.date(2025, 7, 16)
    assert lint(rule, minutes(day), path="posts/x.md", others=series()) == []


def test_face_to_face_and_multi_day_meetings_are_exempt() -> None:
    f2f = minutes(SATURDAY, title="2025-07-19 Minutes of the Example Working Group F2F")
    assert lint(rule, f2f, path="posts/x.md", others=series()) == []
    others = series()
    others["posts/2025-07-18-minutes-example-wg.md"] = minutes(SATURDAY - datetime.timedelta(1))
    assert lint(rule, minutes(SATURDAY), path="posts/x.md", others=others) == []


def test_small_or_irregular_series_are_not_judged() -> None:
    assert lint(rule, minutes(SATURDAY), path="posts/x.md", others=series(count=4)) == []
