"""Tests for AT005 organisation-spelled-two-ways."""

from __future__ import annotations

import minutes_lint.rules.organisation_spelled_two_ways as rule
import pytest

from minutes_lint.testing import fix, lint, where

HEAD = "## Attendees\n\n"
IN_LIST = (
    HEAD + "Alice Moreau (Example-Trust), Bob Stone (Example-Trust), Carol Diaz (Exampletrust)\n"
)
PROSE = "\n## Discussion\n\nExampletrust will endorse the ballot.\n"
IN_PROSE = HEAD + "Alice Moreau (Example-Trust), Dan Brook (Example-Trust)\n" + PROSE

CASES = [
    # (id, text, expected (line, column) of each diagnostic)
    ("in-the-list", IN_LIST, [(3, 70)]),
    ("in-the-discussion", IN_PROSE, [(7, 1)]),
    ("tie", HEAD + "Alice Moreau (ExampleSign), Bob Stone (Examplesign)\n", [(3, 40)]),
    (
        "capitals-are-emphasis",
        HEAD + "Alice Moreau (Example-Trust), Bob Stone (Example Browser)\n\n"
        "## EXAMPLETRUST UPDATE\n\nNothing new.\n",
        [],
    ),
    (
        "domains-and-addresses",
        HEAD + "Alice Moreau (Example-Trust), Bob Stone (Example Browser)\n\n"
        "Write to alice@exampletrust.org or see exampletrust.org/x.\n",
        [],
    ),
    (
        "lowercase-word",
        HEAD + "Alice Moreau (Examplecorp), Bob Stone (Example Browser)\n\n"
        "We will examplecorp the ballot.\n",
        [],
    ),
    (
        "possessive",
        HEAD + "Alice Moreau (Example-Trust), Bob Stone (Example-Trust)\n\n"
        "We read Exampletrust's proposal.\n",
        [(5, 9)],
    ),
    ("apostrophes", HEAD + "Alice Moreau (Example’s Trust), Bob Stone (Example's Trust)\n", []),
    (
        "clean",
        HEAD + "Alice Moreau (Example-Trust), Bob Stone (Example-Trust)\n\nExample-Trust agreed.\n",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_where(text: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text)) == expected


def test_minority_spelling_is_rewritten_to_the_majority() -> None:
    [diagnostic] = lint(rule, IN_LIST)
    assert diagnostic.message == (
        "organisation “Exampletrust” is written “Example-Trust” 2 times in this document, "
        "e.g. on line 3"
    )
    assert fix(rule, IN_LIST) == IN_LIST  # the fix is unsafe
    assert fix(rule, IN_LIST, unsafe=True) == HEAD + (
        "Alice Moreau (Example-Trust), Bob Stone (Example-Trust), Carol Diaz (Example-Trust)\n"
    )


def test_discussion_word_follows_the_attendee_list() -> None:
    text = HEAD + "Alice Moreau (Example-Trust), Bob Stone (Example-Trust)\n" + PROSE
    [diagnostic] = lint(rule, text)
    assert where([diagnostic]) == [(7, 1)]
    assert fix(rule, text, unsafe=True).endswith("\nExample-Trust will endorse the ballot.\n")


def test_every_occurrence_of_the_minority_is_fixed_together() -> None:
    text = HEAD + (
        "Alice Moreau (Exampletrust), Bob Stone (Example-Trust), Carol Diaz (Example-Trust), "
        "Dan Brook (Example-Trust)\n\nExampletrust will endorse.\n"
    )
    [diagnostic] = lint(rule, text)
    assert where([diagnostic]) == [(3, 15)]
    assert "(and 1 more time)" in diagnostic.message
    fixed = fix(rule, text, unsafe=True)
    assert "Exampletrust" not in fixed


def test_possessive_keeps_its_ending() -> None:
    text = (
        HEAD + "Alice Moreau (Example-Trust), Bob Stone (Example-Trust)\n\nExampletrust's turn.\n"
    )
    assert fix(rule, text, unsafe=True).endswith("\nExample-Trust's turn.\n")


def test_tie_has_no_fix() -> None:
    [diagnostic] = lint(rule, HEAD + "Alice Moreau (ExampleSign), Bob Stone (Examplesign)\n")
    assert diagnostic.message.endswith("(a tie)")
    assert diagnostic.fix is None


def test_discussion_can_be_left_out() -> None:
    assert lint(rule, IN_PROSE, options={"check-prose": False}) == []


def test_lower_case_loses_to_the_proper_spelling_even_when_more_frequent() -> None:
    text = (
        "## Attendees\n\nAda Noor (vantex group), Bo Tran (vantex group), "
        "Cy Dale (Vantex Group), Di Fenn (Quillco)\n"
    )
    (found,) = lint(rule, text)
    assert found.message.startswith(
        "organisation “vantex group” (and 1 more time) is written “Vantex Group” once, "
        "not all in lower case, in this document"
    )
    assert "(a tie)" not in found.message


def test_an_empty_note_after_the_organisation_is_not_part_of_it() -> None:
    text = "## Attendees\n\nAda Noor (Quillco, ), Bo Tran (Quillco), Cy Dale (Vantex)\n"
    assert lint(rule, text) == []
