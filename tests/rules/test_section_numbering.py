from __future__ import annotations

import pytest
from minutes_lint.rules import section_numbering as rule

from minutes_lint.testing import fix, lint, where


def doc(*headings: str) -> str:
    return "".join(f"{h}\ntext\n\n" for h in headings)


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        (("## 1. Roll Call", "## 2. Agenda", "## 3. Discussion"), []),
        # a skip, a repeat, a step back
        (("## 5. Ballots", "## 7. Other business"), [(4, 4)]),
        (("## 3. Ballots", "## 3. Other business", "## 4. Next call"), [(4, 4)]),
        (("## 1. Roll Call", "## 2. Agenda", "## 1. Discussion"), [(7, 4)]),
        # unnumbered headings between or around numbered ones do not break the sequence
        (("## Attendees", "## 1. Roll Call", "## Notes", "## 2. Agenda", "## Adjourned"), []),
        # numbering restarts under a new parent
        (("# Day 1", "## 1. Opening", "## 2. Ballots", "# Day 2", "## 1. Opening"), []),
        # dotted numbers: siblings share the prefix
        (("## 2. Ballots", "### 2.1 First", "### 2.2 Second", "## 3. Other"), []),
        (("## 2. Ballots", "### 2.1 First", "### 2.3 Third", "## 3. Other"), [(7, 5)]),
        # subsections numbered from 1 under a numbered section
        (("## 1. Ballots", "### 1. First", "### 2. Second", "## 2. Other"), []),
        # a sibling at the wrong level is still a sibling (ST002 reports the level)
        (("## 1. One", "## 2. Two", "### 3. Three", "## 4. Four"), []),
        (("### 1. One", "### 2. Two", "## 3. Three", "### 4. Four"), []),
        # a sequence may start anywhere
        (("## 4. Continued", "## 5. More"), []),
        # numbers that are not section numbers
        (("## 2026 at 11 am", "## F2F #65", "## Q3 2025 plans"), []),
    ],
)
def test_numbering(headings: tuple[str, ...], expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, doc(*headings))) == expected


def test_messages() -> None:
    skip = lint(rule, doc("## 5. Ballots", "## 7. Other business"))[0].message
    assert skip == "section 7 skips ahead after 5 (line 1); expected 6"
    repeat = lint(rule, doc("## 3. Ballots", "## 3. Other"))[0].message
    assert repeat == "section 3 repeats the number of line 1; expected 4"
    dotted = lint(rule, doc("### 2.1 First", "### 2.3 Third"))[0].message
    assert dotted == "section 2.3 skips ahead after 2.1 (line 1); expected 2.2"


def test_unsafe_fix_only_for_a_single_skip_at_the_end() -> None:
    text = doc("## 1. Roll Call", "## 2. Agenda", "## 4. Next call", "## Adjourned")
    assert fix(rule, text) == text
    assert fix(rule, text, unsafe=True) == text.replace("## 4. Next", "## 3. Next")
    dotted = doc("### 2.1 First", "### 2.3 Third")
    assert fix(rule, dotted, unsafe=True) == doc("### 2.1 First", "### 2.2 Third")


def test_no_fix_when_later_numbers_would_shift() -> None:
    middle = doc("## 1. Roll Call", "## 3. Agenda", "## 4. Next call")
    assert [d.fix for d in lint(rule, middle)] == [None]
    repeat = doc("## 1. Roll Call", "## 1. Agenda")
    assert [d.fix for d in lint(rule, repeat)] == [None]
    two = doc("## 1. Roll Call", "## 3. Agenda", "## 5. Next call")
    assert [d.fix for d in lint(rule, two)] == [None, None]


def test_headings_in_code_are_ignored() -> None:
    text = doc("## 1. Roll Call", "## 2. Agenda") + "```\n## 5. Example\n```\n"
    assert lint(rule, text) == []
