from __future__ import annotations

import pytest
from minutes_lint.rules import empty_section as rule

from minutes_lint.testing import lint, where

HEAD = "---\ntitle: Minutes\n---\nJanuary 14, 2026\n\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("## 5. Discussion\n\n## 6. Other business\nNone.\n", [(6, 1)]),
        ("## 5. Discussion\n \n<!-- to do -->\n---\n## 6. Other\nNone.\n", [(6, 1)]),
        ("## Discussion\nThe group met.\n\n## Attendees\n\n", [(9, 1)]),
        ("## 5. Discussion\nThe group met.\n## 6. Other\nNone.\n", []),
        # subsections are content
        ("## 5. Ballots\n### 5.1 First\nPassed.\n", []),
        # agenda items that often have nothing to record
        ("## 1. Roll Call\n## 2. Review Agenda\n## 3. Any other business\n## 4. Adjourn\n", []),
        ("## 2. Note well: Antitrust statement\n\n## 3. Discussion\nText.\n", []),
        # headings that carry their content
        ("## Next call: January 28, 2026\n## Presenter: Alice Moreau\n## Notes\nText.\n", []),
        ("## Next meeting January 28\n## Minutes approved.\n## Notes\nText.\n", []),
        # content in fenced code counts
        ("## Draft\n```\ntext\n```\n## Notes\nText.\n", []),
    ],
)
def test_empty_sections(body: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, HEAD + body)) == expected


def test_title_lines_are_not_sections() -> None:
    top = "---\ntitle: Minutes\n---\n## Meeting of the Example Group\n\n## January 14, 2026\n"
    assert lint(rule, top + "\n## 1. Roll Call\n\nText.\n") == []
    below_parent = HEAD + "# Day 2\n## Example Group Meeting\n## Notes\nText.\n"
    assert lint(rule, below_parent) == []


def test_allow_is_an_option() -> None:
    text = HEAD + "## 1. Roll Call\n\n## 2. Discussion\nText.\n"
    assert where(lint(rule, text, options={"allow": []})) == [(6, 1)]
    text = HEAD + "## Discussion\n\n## Notes\nText.\n"
    assert lint(rule, text, options={"allow": ["discuss*"]}) == []


def test_message() -> None:
    found = lint(rule, HEAD + "## 5. Discussion\n\n## 6. Other\nNone.\n")
    assert found[0].message == "section “5. Discussion” is empty"


def test_a_section_the_archive_habitually_leaves_empty() -> None:
    def minutes(qa: str) -> str:
        return HEAD + f"## 5. Discussion\n\nText.\n\n## 6. Q&A, Other\n{qa}\n## 7. Close\n\nDone.\n"

    others = {f"{i}.md": minutes("" if i < 3 else "\nA question.\n") for i in range(8)}
    assert lint(rule, minutes(""), others=others) == []  # empty in 3 of 8 documents
    rarely = {f"{i}.md": minutes("" if i < 2 else "\nA question.\n") for i in range(12)}
    assert len(lint(rule, minutes(""), others=rarely)) == 1  # empty in 2 of 12: reported
