from __future__ import annotations

import pytest
from minutes_lint.rules import misspelling as rule

from minutes_lint.config import ConfigError
from minutes_lint.diagnostics import Severity
from minutes_lint.testing import fix, lint, where

CASES = [
    # (text, expected (line, column) of each diagnostic)
    ("The WG confirmed Alice Moreau as an Intersted Party.\n", [(1, 37)]),
    ("We recieved two seperate proposals.\n", [(1, 4), (1, 17)]),
    ("The COMITTEE met.\n", [(1, 5)]),
    ("The committee received two separate proposals.\n", []),
    ("See https://example.org/recieve-form and <ops@recieve.example>.\n", []),
    ("Run `recieve --all` first.\n", []),
    ("```\nrecieve()\n```\n", []),
    ("---\ntitle: recieve\n---\nClean text.\n", []),
    ("Files file_recieve and recieve2 and xteh.\n", []),
    ("The comittee's charter.\n", [(1, 5)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_where(text: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text)) == expected


def test_fix_keeps_the_case_pattern() -> None:
    text = "Intersted, intersted and INTERSTED; teh comittee's view.\n"
    assert fix(rule, text) == "Interested, interested and INTERESTED; the committee's view.\n"


def test_message_names_the_correction() -> None:
    (found,) = lint(rule, "An Intersted Party.\n")
    assert found.message == "“Intersted” is a misspelling of “Interested”"
    assert found.severity == Severity.WARNING


def test_several_corrections_have_no_fix() -> None:
    (found,) = lint(rule, "Ask the personel office.\n")
    assert found.fix is None and "“personnel” or “personal”" in found.message


def test_informal_spelling_is_info() -> None:
    (found,) = lint(rule, "We walked thru the draft.\n")
    assert found.severity == Severity.INFO
    assert fix(rule, "We walked thru the draft.\n") == "We walked through the draft.\n"


def test_misplaced_apostrophe_is_reported_without_fix() -> None:
    (found,) = lint(rule, "What matters isnt’ the number.\n")
    assert found.fix is None


def test_attendee_list_is_not_checked() -> None:
    text = (
        "## Attendees\n\nAlice Teh (Example CA), Bob Adress (Example Browser)\n\n## Notes\n\nOk.\n"
    )
    assert lint(rule, text) == []


def test_extra_and_ignore_options() -> None:
    options = {"extra": ["ballet -> ballot", "wrng -> wrong, wring [info]"], "ignore": ["Teh"]}
    found = lint(rule, "Teh ballet passed; wrng.\n", options=options)
    assert where(found) == [(1, 5), (1, 20)]
    assert found[1].fix is None and found[1].severity == Severity.INFO
    assert fix(rule, "Teh ballet passed.\n", options=options) == "Teh ballot passed.\n"


def test_malformed_extra_entry_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="extra"):
        lint(rule, "Text.\n", options={"extra": ["no arrow here"]})


def test_shipped_dictionary_is_well_formed() -> None:
    entries = rule.builtin_entries()
    assert 300 <= len(entries) <= 2000
    assert rule.builtin_entries() is entries  # read once per process
    for wrong, entry in entries.items():
        assert wrong == wrong.lower() and entry.right
        assert all(wrong != right.lower() for right in entry.right), wrong
    assert entries["thru"].info and not entries["recieve"].info


def test_parse_entry() -> None:
    assert rule.parse_entry("  # comment") is None
    assert rule.parse_entry("") is None
    entry = rule.parse_entry("Wrng -> wrong, wring  [info]")
    assert entry == rule.Entry("wrng", ("wrong", "wring"), True)
    with pytest.raises(ValueError):
        rule.parse_entry("two words -> x")


def test_match_case() -> None:
    assert rule.match_case("Teh", "the") == "The"
    assert rule.match_case("TEH", "the") == "THE"
    assert rule.match_case("teh", "the") == "the"
    assert rule.match_case("wensday", "Wednesday") == "Wednesday"


def test_option_values_must_be_strings() -> None:
    with pytest.raises(ConfigError, match="ignore"):
        lint(rule, "Text.\n", options={"ignore": [3]})
