from __future__ import annotations

import pytest
from minutes_lint.rules import duplicate_slug_or_title as rule

from minutes_lint.config import ConfigError
from minutes_lint.testing import lint, where

MINE = """\
---
title: 2026-03-04 Minutes of the Example Working Group
date: 2026-03-04
slug: minutes-example-wg
---
"""
SAME_SLUG = """\
---
date: 2026-03-18
title: 2026-03-18 Minutes of the Example Working Group
slug: minutes-example-wg
---
"""
SAME_TITLE = """\
---
date: 2026-03-18
title: "2026-03-04  Minutes of the   Example Working Group"
---
"""
OTHER = """\
---
title: 2026-04-01 Minutes of the Example Working Group
slug: 2026-04-01-minutes-example-wg
---
"""


@pytest.mark.parametrize(
    ("others", "expected"),
    [
        ({"b.md": SAME_SLUG}, [(4, 7)]),
        ({"b.md": SAME_TITLE}, [(2, 8)]),
        ({"b.md": SAME_SLUG, "c.md": SAME_TITLE}, [(2, 8), (4, 7)]),
        ({"b.md": OTHER}, []),
        ({"b.md": MINE.replace("slug:", "Slug:").replace("title:", "summary:")}, []),
        ({}, []),
    ],
)
def test_positions(others: dict[str, str], expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, MINE, others=others)) == expected


def test_messages_name_the_other_document_and_line() -> None:
    found = lint(rule, MINE, others={"b.md": SAME_SLUG, "c.md": SAME_TITLE})
    assert found[0].message == (
        "title “2026-03-04 Minutes of the Example Working Group” is also the title of c.md:3"
    )
    assert found[1].message.startswith("slug “minutes-example-wg” is also used by b.md:4")


def test_many_others_are_counted() -> None:
    others = {f"{n}.md": SAME_SLUG for n in "bcdef"}
    (found,) = lint(rule, MINE, others=others, options={"check-slugs": True})
    assert "b.md:4, c.md:4, d.md:4 and 2 more" in found.message


def test_slug_differing_in_case_is_another_slug() -> None:
    other = SAME_SLUG.replace("minutes-example-wg", "Minutes-Example-WG")
    assert lint(rule, MINE, others={"b.md": other}) == []


def test_check_slugs_option() -> None:
    options = {"check-slugs": False}
    assert lint(rule, MINE, others={"b.md": SAME_SLUG}, options=options) == []
    options = {"check-titles": False}
    assert lint(rule, MINE, others={"b.md": SAME_TITLE}, options=options) == []


def test_an_archive_that_reuses_slugs_compares_slug_and_date() -> None:
    reused = {f"{n}.md": SAME_SLUG.replace("03-18", f"0{i + 4}-18") for i, n in enumerate("bcd")}
    # three documents share the slug on different dates: the URLs must carry the date
    assert lint(rule, MINE, others=reused) == []
    same_day = {
        **reused,
        "e.md": SAME_SLUG.replace("03-18", "03-04").replace("title: 2026", "title: x"),
    }
    (found,) = lint(rule, MINE, others=same_day)
    assert found.message.startswith("slug “minutes-example-wg” is also used by e.md:4 and date")
    # one other document sharing the slug is no habit: reported
    assert len(lint(rule, MINE, others={"b.md": SAME_SLUG})) == 1


def test_check_slugs_must_be_a_switch_or_auto() -> None:
    with pytest.raises(ConfigError):
        rule.validate_options({**rule.OPTIONS, "check-slugs": "sometimes"})
    rule.validate_options({**rule.OPTIONS, "check-slugs": False})


def test_broken_front_matter_is_not_compared() -> None:
    assert lint(rule, MINE + "title: again\n---\n", others={"b.md": SAME_SLUG})
    broken = "---\ntitle: [x\nslug: minutes-example-wg\n---\n"
    assert lint(rule, broken, others={"b.md": SAME_SLUG}) == []
