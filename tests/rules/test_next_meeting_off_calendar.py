from __future__ import annotations

import datetime

from minutes_lint.rules import next_meeting_off_calendar as rule

from minutes_lint.testing import lint, where
from tests.calendar_helpers import long, meeting_day, series

WEEK = datetime.timedelta(days=7)


def _case(i: int = 6, **kw: object) -> tuple[str, str, dict[str, str]]:
    docs = series(**kw)  # type: ignore[arg-type]
    path = f"posts/{meeting_day(i).isoformat()}-minutes-example-wg.md"
    return path, docs.pop(path), docs


def test_next_meeting_after_the_groups_next_meeting() -> None:
    path, text, docs = _case()
    text = text.replace(long(meeting_day(7)), long(meeting_day(7) + WEEK))
    found = lint(rule, text, path=path, others=docs)
    assert where(found) == [(15, 12)]
    assert found[0].message == (
        "next meeting stated as Wednesday 2025-04-23, but “Example Working Group” met next "
        "on Wednesday 2025-04-16 (posts/2025-04-16-minutes-example-wg.md)"
    )


def test_next_meeting_a_day_off_the_next_minutes() -> None:
    path, text, docs = _case()
    text = text.replace(long(meeting_day(7)), long(meeting_day(7) - datetime.timedelta(days=1)))
    found = lint(rule, text, path=path, others=docs)
    assert len(found) == 1
    assert "the next minutes of “Example Working Group” are dated Wednesday 2025-04-16" in (
        found[0].message
    )


def test_next_meeting_sooner_than_the_cadence() -> None:
    path, text, docs = _case()
    text = text.replace(long(meeting_day(7)), long(meeting_day(7) - WEEK))
    found = lint(rule, text, path=path, others=docs)
    assert len(found) == 1 and "sooner than its usual interval" in found[0].message


def test_the_next_meeting_of_the_group_passes() -> None:
    path, text, docs = _case()
    assert lint(rule, text, path=path, others=docs) == []


def test_a_cancelled_meeting_on_the_cadence_is_not_reported() -> None:
    # meeting 7 has no minutes (cancelled): the next minutes are meeting 8's
    path, text, docs = _case(skip=(7,))
    assert lint(rule, text, path=path, others=docs) == []


def test_last_minutes_are_checked_against_the_cadence() -> None:
    path, text, docs = _case(i=11)
    thursday = long(meeting_day(12) + datetime.timedelta(days=1))
    found = lint(rule, text.replace(long(meeting_day(12)), thursday), path=path, others=docs)
    assert len(found) == 1
    assert "a weekday “Example Working Group” never meets on" in found[0].message
    far = long(meeting_day(20))
    found = lint(rule, text.replace(long(meeting_day(12)), far), path=path, others=docs)
    assert len(found) == 1 and "usually meets every 2 weeks" in found[0].message
    assert lint(rule, text, path=path, others=docs) == []


def test_next_meeting_on_or_before_this_one_is_left_to_dt004() -> None:
    path, text, docs = _case()
    same = text.replace(f"Next call: {long(meeting_day(7))}", f"Next call: {long(meeting_day(6))}")
    assert lint(rule, same, path=path, others=docs) == []


def test_a_next_meeting_at_a_face_to_face_is_not_checked() -> None:
    path, text, docs = _case()
    moved = long(meeting_day(7) + datetime.timedelta(days=5))
    f2f = text.replace(long(meeting_day(7)), f"{moved} at the face-to-face in Springfield")
    assert lint(rule, f2f, path=path, others=docs) == []
    call = text.replace(long(meeting_day(7)), f"{moved}. The face-to-face is in June")
    assert len(lint(rule, call, path=path, others=docs)) == 1
    after = text.replace(long(meeting_day(7)), f"{moved} (following the F2F)")
    assert len(lint(rule, after, path=path, others=docs)) == 1
