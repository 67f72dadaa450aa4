from __future__ import annotations

from minutes_lint.rules import same_meeting_twice as rule

from minutes_lint.testing import lint, where
from tests.calendar_helpers import meeting_day, series


def test_a_copy_of_the_same_meeting_is_reported() -> None:
    docs = series()
    path = f"posts/{meeting_day(3).isoformat()}-minutes-example-wg.md"
    text = docs[path]
    found = lint(rule, text, path=path.replace(".md", " copy.md"), others=docs)
    assert where(found) == [(2, 8)]
    assert found[0].message == (
        f"the meeting of “Example Working Group” on {meeting_day(3).isoformat()} is also "
        f"recorded in {path}"
    )


def test_other_groups_meeting_the_same_day_pass() -> None:
    docs = series()
    other = series(group="Other Task Force", slug="minutes-other-tf")
    path, text = next(iter(other.items()))
    assert lint(rule, text, path=path, others={**docs, **dict(list(other.items())[1:])}) == []


def test_one_document_per_meeting_passes() -> None:
    docs = series()
    path = next(iter(docs))
    text = docs.pop(path)
    assert lint(rule, text, path=path, others=docs) == []
