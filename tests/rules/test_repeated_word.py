from __future__ import annotations

import pytest
from minutes_lint.rules import repeated_word as rule

from minutes_lint.config import ConfigError
from minutes_lint.testing import fix, lint, where

CASES = [
    ("The group agreed to to publish.\n", [(1, 21)]),
    ("The the draft.\n", [(1, 5)]),
    ("The group agreed agreed.\n", [(1, 18)]),
    ("The group agreed to publish the\nthe draft.\n", [(2, 1)]),  # across a line break
    ("> The group agreed to publish the\n> the draft.\n", [(2, 3)]),  # in a quote
    ("The group agreed to publish.\n", []),
    ("He said that that draft is final.\n", []),  # grammatical: allowed
    ("The group had had two calls.\n", []),
    ("It is very very late.\n", []),  # emphasis kept on purpose
    ("No, no objection.\n", []),  # punctuation between
    ("The draft\n\nthe draft again.\n", []),  # a blank line: another paragraph
    ("## Agenda\nAgenda reviewed.\n", []),  # a heading, then text
    ("Agenda\nAgenda reviewed.\n", []),  # a label alone on its line
    ("- first item the\n- the second item\n", []),  # a list marker between
    ("## Attendees\n\n- Will Ardent (Quill Ltd)\n\n## Notes\n\nWill will attend.\n", []),  # a name
    ("Run `the` the command.\n", []),  # code between
    ("See https://example.org/the the page.\n", []),  # the URL is not a word
    ("The the the draft.\n", [(1, 5)]),  # one report for the run
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_where(text: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text)) == expected


def test_message_and_unsafe_fix() -> None:
    text = "The group agreed to to publish the\nthe draft.\n"
    found = lint(rule, text)
    assert found[0].message == "“to” repeats the word before it; write it once"
    assert fix(rule, text) == text
    assert fix(rule, text, unsafe=True) == "The group agreed to publish the draft.\n"


def test_allow_option_replaces_the_list() -> None:
    text = "He said that that draft is final; we agreed agreed.\n"
    assert where(lint(rule, text, options={"allow": ["agreed"]})) == [(1, 14)]
    with pytest.raises(ConfigError):
        lint(rule, text, options={"allow": [1]})


def test_a_run_is_one_report_however_long() -> None:
    text = "Minutes " * 10_000 + "\n"
    (found,) = lint(rule, text)
    assert found.message == "“Minutes” is written 10000 times in a row; write it once"
    assert fix(rule, "We agreed agreed agreed.\n", unsafe=True) == "We agreed.\n"


def test_contractions_and_quotes() -> None:
    assert where(lint(rule, "I don't\ndon't agree; \"the the\" draft.\n")) == [(2, 1), (2, 19)]
    assert lint(rule, "I don't do that; it's its own.\n") == []
