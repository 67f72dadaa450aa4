from __future__ import annotations

import pytest
from minutes_lint.rules import mixed_heading_levels as rule

from minutes_lint.testing import fix, lint, where


def doc(*headings: str) -> str:
    return "".join(f"{h}\ntext\n\n" for h in headings)


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        (("## 1. One", "## 2. Two", "### 3. Three", "## 4. Four"), [(7, 1)]),
        (("### 1. One", "### 2. Two", "## 3. Three", "### 4. Four"), [(7, 1)]),
        (("### 1. One", "### 2. Two", "#### 3. Three", "#### 4. Four"), [(7, 1), (10, 1)]),
        (("## 1. One", "## 2. Two", "## 3. Three"), []),
        # subsections numbered from 1, or with a dotted number, are children
        (("## 1. Ballots", "### 1. First", "### 2. Second", "## 2. Other"), []),
        (("## 2. Ballots", "### 2.1 First", "## 3. Other"), []),
        # unnumbered headings at other levels do not matter
        (("## 1. One", "### Notes", "## 2. Two", "# Annex"), []),
    ],
)
def test_levels(headings: tuple[str, ...], expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, doc(*headings))) == expected


def test_message_names_a_sibling() -> None:
    found = lint(rule, doc("## 1. One", "## 2. Two", "### 3. Three", "## 4. Four"))
    assert found[0].message == (
        "section 3 is a level-3 heading, but its sibling 2 (line 4) is level 2"
    )


def test_unsafe_fix_sets_the_siblings_level() -> None:
    text = doc("## 1. One", "## 2. Two", "### 3. Three", "## 4. Four")
    assert fix(rule, text) == text
    assert fix(rule, text, unsafe=True) == doc(
        "## 1. One", "## 2. Two", "## 3. Three", "## 4. Four"
    )
