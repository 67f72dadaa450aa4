from __future__ import annotations

import pytest
from minutes_lint.rules import whitespace_only_line as rule

from minutes_lint.testing import fix, lint, where

CASES = [
    # (text, expected (line, column) of each diagnostic)
    ("Minutes provided by Alice Moreau.\n  \n## 4. Agenda\n", [(2, 1)]),
    ("Clean.\n\nText.\n", []),
    ("a\n\t\n \t \nb\n", [(2, 1), (3, 1)]),
    ("---\ntitle: x\n  \ndate: 2026-03-03\n---\nText.\n", [(3, 1)]),
    ("---\nsummary: |\n  one\n   \n  two\ntitle: x\n---\n \n", [(8, 1)]),
    ("last line  ", []),  # text, not only whitespace
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_where(text: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text)) == expected


def test_message_counts_the_characters() -> None:
    (found,) = lint(rule, "a\n \t \nb\n")
    assert found.message == "line holds only whitespace (2 spaces and 1 tab)"


def test_fix_empties_the_line_and_keeps_the_newline() -> None:
    assert fix(rule, "a\r\n  \r\nb\r\n \t") == "a\r\n\r\nb\r\n"


def test_block_scalar_lines() -> None:
    from minutes_lint.document import Document
    from minutes_lint.front_matter import block_scalar_lines

    doc = Document.from_text("---\nnotes: >-\n  a\n\n  b\nlist:\n  - |\n    c\nkey: 1\n---\n")
    assert block_scalar_lines(doc) == {2, 3, 4, 7}
