from __future__ import annotations

import pytest
from minutes_lint.rules import missing_final_newline as rule

from minutes_lint.testing import fix, lint, where

CASES = [
    # (text, expected (line, column) of each diagnostic)
    ("## Adjourn\nThe meeting adjourned.", [(2, 23)]),
    ("## Adjourn\nThe meeting adjourned.\n", []),
    ("", []),
    ("one line", [(1, 9)]),
    ("crlf\r\n", []),
    ("text\n  ", []),  # a last line of spaces is WS002's
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_where(text: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text)) == expected


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("a\nb", "a\nb\n"),
        ("a\r\nb", "a\r\nb\r\n"),
        ("one line", "one line\n"),
        ("a\r\nb\nc", "a\r\nb\nc\n"),  # mixed newlines: "\n"
    ],
)
def test_fix_appends_the_file_newline_style(text: str, fixed: str) -> None:
    assert fix(rule, text) == fixed
