from __future__ import annotations

import datetime

from minutes_lint.rules import name_pattern as rule

from minutes_lint.testing import lint, where
from tests.calendar_helpers import minutes, series

DAY = datetime.date(2025, 7, 16)


def test_unpadded_day_in_the_file_name() -> None:
    found = lint(rule, minutes(DAY), path="posts/2025-07-6-minutes-example-wg.md", others=series())
    assert where(found) == [(1, 1)]
    assert found[0].message == (
        "file name written “YYYY-MM-D-…”; 12 of the 13 file names of “Example Working Group” "
        "are written “YYYY-MM-DD-…”"
    )


def test_title_missing_its_space_or_its_date() -> None:
    glued = minutes(DAY, title="2025-07-16Minutes of the Example Working Group")
    found = lint(rule, glued, path="posts/2025-07-16-minutes-example-wg.md", others=series())
    assert where(found) == [(2, 8)]
    assert "title written “YYYY-MM-DD…”" in found[0].message
    assert "are written “YYYY-MM-DD …”" in found[0].message
    bare = minutes(DAY, title="Minutes of the Example Working Group")
    found = lint(rule, bare, path="posts/2025-07-16-minutes-example-wg.md", others=series())
    assert [d.message.split(";")[0] for d in found] == ["title written “…”"]


def test_names_written_like_the_others_pass() -> None:
    path = "posts/2025-07-16-minutes-example-wg.md"
    assert lint(rule, minutes(DAY), path=path, others=series()) == []


def test_two_usual_forms_are_both_accepted() -> None:
    others = series()
    others.update(
        {
            p.replace("posts/", "posts/2024-01-01-"): t
            for p, t in list(series(group="Example Working Group").items())[:6]
        }
    )
    assert (
        lint(rule, minutes(DAY), path="posts/2025-07-16-minutes-example-wg.md", others=others) == []
    )
