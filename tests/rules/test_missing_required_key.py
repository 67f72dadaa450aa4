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
    assert where(lint(rule, text, options={"required": ["title", "date"]})) == expected


FULL = "---\ntitle: Minutes\ndate: 2026-03-04\n---\nBody\n"


def test_required_keys_are_learned_from_the_corpus() -> None:
    others = {f"{n}.md": FULL for n in range(20)}
    (found,) = lint(rule, "---\ntitle: Minutes\n---\n", others=others)
    assert (
        found.message
        == "front matter has no 'date' key (20 of the 21 front matters of the corpus have one)"
    )
    # a key only some documents have is not required
    mixed = {f"{n}.md": FULL if n % 2 else "---\ntitle: Minutes\n---\n" for n in range(20)}
    assert lint(rule, "---\ntitle: Minutes\n---\n", others=mixed) == []
    # too small a corpus teaches nothing
    assert lint(rule, "---\ntitle: Minutes\n---\n") == []


def test_required_option() -> None:
    text = "---\ntitle: Minutes\ndate: 2026-03-04\n---\n"
    found = lint(rule, text, options={"required": ["title", "date", "author"]})
    assert [d.message for d in found] == ["front matter has no 'author' key (required)"]
    assert lint(rule, "---\nx: 1\n---\n", options={"required": []}) == []
