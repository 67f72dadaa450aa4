from __future__ import annotations

import pytest
from minutes_lint.rules import missing_required_key as rule

from minutes_lint.testing import lint, where


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: Minutes\n---\nBody\n", [(1, 1)]),
        ("---\nauthor: Alice Moreau\n---\nBody\n", [(1, 1), (1, 1)]),
        ("---\n---\nBody\n", [(1, 1), (1, 1)]),
        ("---\ntitle: Minutes\ndate: 2026-03-04\n---\nBody\n", []),
        ("---\ntitle:\ndate: 2026-03-04\n---\n", []),  # empty title: FM009's
        ("Body without front matter\n", []),
        ("---\ntitle: [x\n---\n", []),  # invalid YAML: FM003's
        ("---\n- title\n---\n", []),
        ("---\ntitle: Minutes\n", []),
    ],
)
def test_positions(text: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text)) == expected


def test_message_names_the_key() -> None:
    (found,) = lint(rule, "---\ntitle: Minutes\n---\n")
    assert found.message == "front matter has no 'date' key (required)"


def test_required_option() -> None:
    text = "---\ntitle: Minutes\ndate: 2026-03-04\n---\n"
    found = lint(rule, text, options={"required": ["title", "date", "author"]})
    assert [d.message for d in found] == ["front matter has no 'author' key (required)"]
    assert lint(rule, "---\nx: 1\n---\n", options={"required": []}) == []
