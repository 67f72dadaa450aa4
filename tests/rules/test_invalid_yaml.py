from __future__ import annotations

import pytest
from minutes_lint.rules import invalid_yaml as rule

from minutes_lint.testing import lint, where

BAD_QUOTES = """\
---
date: 2026-03-04
title: Minutes: "Example" Working Group
---
Body
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BAD_QUOTES, [(3, 15)]),
        # a construct left open is reported where it starts, not at the closing ---
        ("---\ntitle: [unclosed\n---\n", [(2, 8)]),
        ('---\ntitle: "unclosed\ndate: 2026-03-04\n---\nBody\n', [(2, 8)]),
        ("---\ndate: 2026-03-04\nsummary: |\n  text\ntitle: 'open\n---\nBody\n", [(5, 8)]),
        ("---\n- title\n- date\n---\nBody\n", [(2, 1)]),
        ("---\njust a sentence\n---\nBody\n", [(2, 1)]),
        ("---\ntitle: Minutes\ndate: 2026-03-04\n---\nBody\n", []),
        ("---\n---\nBody\n", []),
        ("---\ntitle: [unclosed\n", []),  # unterminated: FM002's
        ("Body only\n", []),
    ],
)
def test_positions(text: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text)) == expected


def test_messages() -> None:
    (found,) = lint(rule, BAD_QUOTES)
    assert found.message.startswith("invalid YAML: ")
    (found,) = lint(rule, "---\n- title\n---\n")
    assert found.message == "front matter must be a mapping of keys, not a list"
    (found,) = lint(rule, "---\nhello\n---\n")
    assert found.message == "front matter must be a mapping of keys, not a single value"
