from __future__ import annotations

import pytest
from minutes_lint.rules import missing_required_section as rule

from minutes_lint.testing import lint, where

MINUTES = """\
---
title: 2026-01-14 Minutes of the Example Working Group
---
## Attendees
Alice Moreau (Example CA)

## 1. **Roll Call:**
## 2. Note well: Antitrust statement
## 3. Discussion
## 4. Next call
"""


def test_off_by_default() -> None:
    assert lint(rule, "## Discussion\n") == []


@pytest.mark.parametrize(
    ("required", "missing"),
    [
        (["roll call*", "*antitrust*", "attend*"], []),
        (["roll call"], []),  # number, emphasis and final colon are stripped
        (["ROLL CALL*"], []),  # case-insensitive
        (["next call*|next meeting*"], []),
        (["next meeting*"], ["next meeting*"]),
        (["approval*", "discussion", "action items"], ["approval*", "action items"]),
    ],
)
def test_required_patterns(required: list[str], missing: list[str]) -> None:
    found = lint(rule, MINUTES, options={"required": required})
    assert sorted(d.message for d in found) == sorted(
        f"no section heading matches “{pattern}”" for pattern in missing
    )
    assert all(d.start.line == 4 and d.start.column == 1 for d in found)


def test_cabforum_preset() -> None:
    assert lint(rule, MINUTES, options={"preset": "cabforum"}) == []
    text = MINUTES.replace("## Attendees\n", "## People present\n").replace("Next call", "AOB")
    found = lint(rule, text, options={"preset": "cabforum"})
    assert where(found) == [(4, 1), (4, 1)]
    messages = sorted(d.message for d in found)
    assert "“*next call*|*next meeting*”" in messages[0]
    assert "“attend*”" in messages[1]


def test_preset_and_required_add_up() -> None:
    found = lint(rule, MINUTES, options={"preset": "cabforum", "required": ["ballot*"]})
    assert [d.message for d in found] == ["no section heading matches “ballot*”"]


def test_unknown_preset_is_reported() -> None:
    found = lint(rule, MINUTES, options={"preset": "nope"})
    assert len(found) == 1
    assert "unknown preset “nope”" in found[0].message


def test_document_without_front_matter() -> None:
    found = lint(rule, "Some notes\n", options={"required": ["attend*"]})
    assert where(found) == [(1, 1)]
