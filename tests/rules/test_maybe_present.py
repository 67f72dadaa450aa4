from __future__ import annotations

from minutes_lint.rules import maybe_present as rule

from minutes_lint.testing import lint, where

OTHERS = {"other.md": "## Attendees\n\nBruno Silva (Example Trust), Alice Moreau (Example CA)\n"}
LIST = (
    "## Attendees\n\nAlice Moreau (Example CA), Chen Wei (Blue PKI), Dana Okafor (Example CA)\n\n"
)


def test_named_in_discussion_but_not_listed() -> None:
    text = LIST + "## Discussion\n\nBruno Silva presented. Bruno Silva answered.\n"
    found = lint(rule, text, others=OTHERS)
    assert where(found) == [(7, 1)]  # once per person
    assert found[0].severity.value == "info"


def test_listed_people_and_unknown_names_pass() -> None:
    text = LIST + "## Discussion\n\nAlice Moreau presented. Zoe Unknown answered.\n"
    assert lint(rule, text, others=OTHERS) == []


def test_document_without_attendee_list_is_skipped() -> None:
    assert lint(rule, "## Discussion\n\nBruno Silva presented.\n", others=OTHERS) == []
