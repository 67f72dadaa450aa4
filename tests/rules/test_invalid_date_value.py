from __future__ import annotations

import pytest
from minutes_lint.rules import invalid_date_value as rule

from minutes_lint.testing import lint, where


def page(line: str) -> str:
    return f"---\ntitle: Minutes of the Example Working Group\n{line}\n---\nBody\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("date: 2026-02-30", [(3, 7)]),
        ("date: 2026-03-04 25:00:00", [(3, 7)]),
        ("date: next week", [(3, 7)]),
        ("date: {{ .Date }}", [(3, 7)]),
        ('date: "{{ .Date }}"', [(3, 7)]),
        ("date: 20260304", [(3, 7)]),
        ("date:", [(3, 1)]),
        ('lastmod: ""', [(3, 10)]),
        ("publishDate: March 4th", [(3, 14)]),
        ("date: 2026-03-04", []),
        ("date: 2026-03-04 00:00:00", []),
        ("date: 2026-03-04T10:00:00-05:00", []),
        ('date: "2026-03-04"', []),
        ("date: '2026-03-04T10:00:00Z'", []),
        ('date: "Wed, 04 Mar 2026 10:00:00 +0000"', []),
        ("expiryDate: soon", []),  # not in the option's keys
    ],
)
def test_positions(line: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, page(line))) == expected


def test_messages() -> None:
    (found,) = lint(rule, page("date: 2026-02-30"))
    assert found.message == "'date' “2026-02-30” is not a real calendar date or time"
    (found,) = lint(rule, page("date: {{ .Date }}"))
    assert found.message == "'date' “{{ .Date }}” is not a date"
    (found,) = lint(rule, page("date: 20260304"))
    assert found.message == "'date' “20260304” is a number, not a date"
    (found,) = lint(rule, page("date:"))
    assert found.message.startswith("'date' is empty")


def test_keys_option() -> None:
    text = page("expiryDate: soon")
    assert where(lint(rule, text, options={"keys": ["expiryDate"]})) == [(3, 13)]
    assert lint(rule, page("date: soon"), options={"keys": []}) == []
