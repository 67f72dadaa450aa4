from __future__ import annotations

import datetime

from minutes_lint.rules import approved_minutes_no_meeting as rule

from minutes_lint.testing import fix, lint, where
from tests.calendar_helpers import long, meeting_day, series


def _case(i: int = 6, **kw: object) -> tuple[str, str, dict[str, str]]:
    docs = series(**kw)  # type: ignore[arg-type]
    path = f"posts/{meeting_day(i).isoformat()}-minutes-example-wg.md"
    return path, docs.pop(path), docs


def test_approved_minutes_of_a_day_without_meeting_names_the_nearest_meetings() -> None:
    path, text, docs = _case()
    text = text.replace(long(meeting_day(5)), "March 3, 2025")
    found = lint(rule, text, path=path, others=docs)
    assert where(found) == [(12, 16)]
    assert found[0].message == (
        "approved minutes dated Monday 2025-03-03, but “Example Working Group” has no "
        "minutes of that day; the nearest meetings were on Wednesday 2025-02-19 or "
        "Wednesday 2025-03-05"
    )


def test_one_meeting_within_a_few_days_is_offered_as_an_unsafe_fix() -> None:
    path, text, docs = _case()
    bad = text.replace(long(meeting_day(5)), "March 17, 2025")
    assert lint(rule, bad, path=path, others=docs)[0].fix is not None
    assert fix(rule, bad, path=path, others=docs) == bad
    assert fix(rule, bad, path=path, others=docs, unsafe=True) == text


def test_approved_minutes_of_a_meeting_pass() -> None:
    path, text, docs = _case()
    assert lint(rule, text, path=path, others=docs) == []


def test_a_missing_meeting_on_the_usual_weekday_is_not_a_mistake() -> None:
    # the corpus lacks the minutes of meeting 5 (a Wednesday): nothing to say
    path, text, docs = _case(skip=(5,))
    assert lint(rule, text, path=path, others=docs) == []


def test_an_off_day_inside_a_gap_of_the_corpus_says_so() -> None:
    path, text, docs = _case(i=8, skip=(4, 5, 6, 7))
    bad = text.replace(long(meeting_day(7)), "March 15, 2025")  # a Saturday
    found = lint(rule, bad, path=path, others=docs)
    assert len(found) == 1
    assert "the corpus has no minutes of it between 2025-02-19 and 2025-04-30" in found[0].message
    assert found[0].severity.value == "info"


def test_dates_on_or_after_the_meeting_are_left_to_dt005() -> None:
    path, text, docs = _case()
    later = text.replace(long(meeting_day(5)), long(meeting_day(6) + datetime.timedelta(days=2)))
    assert lint(rule, later, path=path, others=docs) == []


def test_small_series_are_not_judged() -> None:
    path, text, docs = _case(i=2, count=3)
    bad = text.replace(long(meeting_day(1)), "February 3, 2025")
    assert lint(rule, bad, path=path, others=docs) == []


def test_face_to_face_minutes_are_not_checked() -> None:
    path, text, docs = _case()
    f2f = text.replace(
        f"The minutes of {long(meeting_day(5))} were approved.",
        "The minutes of the March 3, 2025 F2F will be approved separately.",
    )
    assert f2f != text
    assert lint(rule, f2f, path=path, others=docs) == []
