from __future__ import annotations

import pytest
from minutes_lint.rules import title_pattern as rule

from minutes_lint.config import ConfigError
from minutes_lint.testing import lint, where

PATTERN = r"^\d{4}-\d{2}-\d{2} Minutes of the "


def page(title: str) -> str:
    return f"---\ntitle: {title}\ndate: 2026-03-04\n---\nBody\n"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Example WG minutes, March 4", [(2, 8)]),
        ('"2026-3-4 Minutes of the Example WG"', [(2, 8)]),
        ("2026", [(2, 8)]),
        ("2026-03-04 Minutes of the Example Working Group", []),
        ("'2026-03-04 Minutes of the Example Working Group'", []),
        ('""', []),  # empty: FM009's
    ],
)
def test_positions(title: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, page(title), options={"pattern": PATTERN})) == expected


def test_off_by_default() -> None:
    assert lint(rule, page("anything at all")) == []


def test_message_names_title_and_pattern() -> None:
    (found,) = lint(rule, page("Example WG minutes"), options={"pattern": PATTERN})
    assert "“Example WG minutes”" in found.message
    assert f"'{PATTERN}'" in found.message


def test_missing_title_is_not_reported() -> None:
    assert lint(rule, "---\ndate: 2026-03-04\n---\n", options={"pattern": PATTERN}) == []


def test_invalid_pattern_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="option 'pattern'"):
        lint(rule, page("Minutes"), options={"pattern": "(unclosed"})
