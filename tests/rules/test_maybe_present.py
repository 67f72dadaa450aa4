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


def test_organisation_written_as_a_person_is_not_a_person() -> None:
    others = {
        **OTHERS,
        "x.md": "## Attendees\n\nQuill Telecom, Ada Noor (Quill Telecom)\n",
        "y.md": "## Attendees\n\nBo Tran (Quill Telecom), Cy Dale (Example CA)\n",
    }
    text = LIST + "## Discussion\n\nQuill Telecom presented.\n"
    assert lint(rule, text, others=others) == []


def test_only_mentioned_people_are_skipped() -> None:
    for sentence in (
        "Bruno Silva was invited to the next call.",
        "Bruno Silva isn't here today.",
        "We nominated Bruno Silva as chair.",
        "Bruno Silva wrote to the mailing list.",
        "Regrets: Bruno Silva.",
    ):
        text = LIST + f"## Discussion\n\n{sentence}\n"
        assert lint(rule, text, others=OTHERS) == [], sentence


def test_names_on_the_attendee_lines_are_skipped() -> None:
    text = (
        "**Present:** Alice Moreau (Example CA), Chen Wei (Blue PKI), Dana Okafor (Example CA)\n"
        "**Guests:** Bruno Silva\n\n## Discussion\n\nNothing.\n"
    )
    found = lint(rule, text, others=OTHERS)
    assert [d for d in found if d.start.line == 2] == []
