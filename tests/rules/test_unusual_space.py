from __future__ import annotations

import pytest
from minutes_lint.rules import unusual_space as rule

from minutes_lint.testing import fix, lint, where

CASES = [
    # (text, expected (line, column) of each diagnostic)
    ("Ballot EX-012\u00a0was approved.\n", [(1, 14)]),
    ("Plain text with ordinary spaces.\n", []),
    ("Alice\u200bMoreau and Bob\u202fStone\n", [(1, 6), (1, 21)]),
    ("Two\u2009\u2009thin spaces, one run\n", [(1, 4)]),
    ("zero\u200d width joiner, \u200cnon-joiner\n", [(1, 5), (1, 21)]),
    ("An emoji \U0001f469\u200d\U0001f4bb and a script \u0915\u094d\u200d\u0937\n", []),
    ("line one\n\ufeffline two\n", [(2, 1)]),
    # no-break spaces set on purpose by typography
    ("One quick one\u00a0\u2014\u00a0do we need lunch?\n", []),
    ("Pourquoi\u202f? Parce que\u00a0: voil\u00e0.\n", []),
    ("Budget of 10\u00a0000 euros\n", []),
    ("a\u200b\u2014 zero width next to a dash is still reported\n", [(1, 2)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_where(text: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text)) == expected


def test_message_names_the_characters() -> None:
    (found,) = lint(rule, "a\u00a0\u00a0\u200bb\n")
    assert found.message == ("unusual space: 2 no-break spaces (U+00A0), zero-width space (U+200B)")
    (thin,) = lint(rule, "a\u2009b\n")
    assert thin.message == "unusual space: thin space (U+2009)"


def test_fix_writes_spaces_and_deletes_zero_width_characters() -> None:
    text = "Alice\u00a0Moreau\u200b (Example\u202fCA)\u2003said\ufeff so.\n"
    assert fix(rule, text) == "Alice Moreau (Example CA) said so.\n"
