from __future__ import annotations

import pytest
from minutes_lint.rules import missing_front_matter as rule

from minutes_lint.diagnostics import Severity
from minutes_lint.testing import lint, where

PLAIN = "## Attendees\nAlice Moreau (Example CA)\n"
WITH_FRONT_MATTER = "---\ntitle: 2026-03-04 Minutes of the Example WG\n---\nBody\n"
RENDERED_PAGE = """\
Example Forum
Home » Posts » 2026-03-04 Minutes of the Example Working Group

2026-03-04 Minutes of the Example Working Group

1. Roll Call
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PLAIN, [(1, 1)]),
        (RENDERED_PAGE, [(1, 1)]),
        ("", [(1, 1)]),
        (WITH_FRONT_MATTER, []),
        ("---\ntitle: x\n", []),  # unterminated: FM002's
        ("---\n---\nBody\n", []),
    ],
)
def test_positions(text: str, expected: list[tuple[int, int]]) -> None:
    others = {"b.md": WITH_FRONT_MATTER, "c.md": WITH_FRONT_MATTER}
    assert where(lint(rule, text, others=others)) == expected


def test_nothing_when_the_corpus_mostly_has_no_front_matter() -> None:
    assert lint(rule, PLAIN, others={"b.md": PLAIN, "c.md": WITH_FRONT_MATTER}) == []
    assert lint(rule, PLAIN) == []


def test_expected_option_overrides_the_corpus() -> None:
    found = lint(rule, PLAIN, others={"b.md": PLAIN}, options={"expected": "always"})
    assert [d.severity for d in found] == [Severity.INFO]
    assert found[0].message == "document has no front matter"
    others = {"b.md": WITH_FRONT_MATTER}
    assert lint(rule, PLAIN, others=others, options={"expected": "never"}) == []


def test_still_info_when_most_of_the_corpus_has_front_matter() -> None:
    found = lint(rule, RENDERED_PAGE, others={"b.md": WITH_FRONT_MATTER})
    assert [d.severity for d in found] == [Severity.INFO]
    assert "most documents of the corpus have one" in found[0].message


def test_one_diagnostic_per_file() -> None:
    assert len(lint(rule, RENDERED_PAGE * 5, others={"b.md": WITH_FRONT_MATTER})) == 1
