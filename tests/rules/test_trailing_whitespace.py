from __future__ import annotations

import pytest
from minutes_lint.rules import trailing_whitespace as rule

from minutes_lint.diagnostics import Applicability
from minutes_lint.testing import fix, lint, where

CASES = [
    # (text, expected (line, column) of each diagnostic)
    ("## 1. Attendance \n\nText.\n", [(1, 17)]),
    ("Clean line.\nAnother one.\n", []),
    ("Tab after text\t\n", [(1, 15)]),
    ("First line  \nsecond line of the paragraph.\n", []),  # a hard line break
    ("Last line of a paragraph  \n\nNext paragraph.\n", [(1, 25)]),
    ("Last line of the file  \n", [(1, 22)]),
    ("- March 3, 2026 at 10 am  \n \nNext.\n", [(1, 25)]),  # a blank line follows
    ("## Heading  \nText.\n", [(1, 11)]),
    ("Break before a heading  \n## Heading\n", [(1, 23)]),
    ("```\ncode  \nmore\n```\n", [(2, 5)]),
    ("---\ntitle: Example  \ndate: 2026-03-03\n---\nText.\n", [(2, 15)]),
    ("   \n\t\n", []),  # whitespace-only lines are WS002's
    ("Windows line \r\nend\r\n", [(1, 13)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_where(text: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text)) == expected


def test_fix_removes_the_whitespace_and_keeps_crlf() -> None:
    assert fix(rule, "## Title \t\r\nText \r\nEnd\r\n") == "## Title\r\nText\r\nEnd\r\n"


def test_long_hard_break_is_shortened_to_two_spaces() -> None:
    text = "First line    \nsecond line.\n"
    (found,) = lint(rule, text)
    assert "a hard line break takes exactly two spaces" in found.message
    assert fix(rule, text) == "First line  \nsecond line.\n"


def test_hard_breaks_can_be_disallowed() -> None:
    text = "First line  \nsecond line.\n"
    options = {"allow-hard-breaks": False}
    (found,) = lint(rule, text, options=options)
    assert found.fix is not None and found.fix.applicability == Applicability.UNSAFE
    assert fix(rule, text, options=options) == text
    assert fix(rule, text, options=options, unsafe=True) == "First line\nsecond line.\n"


def test_yaml_block_scalar_is_left_alone() -> None:
    text = "---\nsummary: |\n  kept as is  \n  and this \ntitle: x \n---\nText.\n"
    assert where(lint(rule, text)) == [(5, 9)]
