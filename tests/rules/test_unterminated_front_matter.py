from __future__ import annotations

import pytest
from minutes_lint.rules import unterminated_front_matter as rule

from minutes_lint.testing import lint, where


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: Minutes\ndate: 2026-03-04\n\n## Attendees\n", [(1, 1)]),
        ("---\n", [(1, 1)]),
        ("----  \r\ntitle: Minutes\r\n", [(1, 1)]),
        ("---\ntitle: Minutes\n---\n## Attendees\n", []),
        ("## Attendees\n---\n", []),
        ("", []),
    ],
)
def test_positions(text: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text)) == expected


def test_message_says_what_to_add() -> None:
    (found,) = lint(rule, "---\ntitle: Minutes\n")
    assert "never closed" in found.message
    assert found.end.column == 4
