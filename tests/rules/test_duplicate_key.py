from __future__ import annotations

import pytest
from minutes_lint.rules import duplicate_key as rule

from minutes_lint.testing import lint, where

TWICE = """\
---
title: 2026-03-04 Minutes of the Example Working Group
date: 2026-03-04
title: 2026-02-18 Minutes of the Example Working Group
---
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (TWICE, [(4, 1)]),
        ("---\ntags: [a]\ntags: [b]\ntags: [c]\n---\n", [(3, 1), (4, 1)]),
        ("---\ntitle: x\nauthor:\n  title: nested is fine\n---\n", []),
        ("---\ntitle: x\ndate: 2026-03-04\n---\ntitle: in the body\n", []),
    ],
)
def test_positions(text: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text)) == expected


def test_message_names_the_first_line_and_offers_no_fix() -> None:
    (found,) = lint(rule, TWICE)
    assert found.message == "key 'title' is repeated; it is first set on line 2"
    assert found.fix is None
