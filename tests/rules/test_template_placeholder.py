from __future__ import annotations

import pytest
from minutes_lint.rules import template_placeholder as rule

from minutes_lint.testing import lint, where

HEAD = "---\ntitle: Minutes\nauthor: Author name\ndate: {{ .Date }}\n---\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Roll Call was taken by XXX.\n", [(6, 28)]),
        ("Next call: XXX at 11:00 am\nTODO: add the ballots\n", [(6, 12), (7, 1)]),
        ("## Attendance\nCOPY ATTENDANCE FROM THE MEMBERSHIP TOOLS\n", [(7, 1)]),
        ("Written by author name.\n", [(6, 12)]),
        ("Ballot [Insert ballot number] passed.\n", [(6, 8)]),
        ("Published {{ .Date }}\n", [(6, 11)]),
        # whole words, in capitals only
        ("Move the XX country code and the XXXX field; xxx is fine.\n", []),
        ("Nothing todo here, just a Todo list.\n", []),
        # decisions still to be taken are no placeholders
        ("Effective date TBD, location (TBD).\n", []),
        # code, URLs, front matter and Hugo shortcodes are left alone
        ("Use `XXX` as a mask.\n```\nTODO\n```\n", []),
        ("See https://example.com/XXX/TODO for details.\n", []),
        ('{{< figure src="x.png" >}} and {{% note %}}\n', []),
    ],
)
def test_placeholders(body: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, HEAD + body)) == expected


def test_placeholders_are_an_option() -> None:
    text = HEAD + "Next call: TBD\nBy XXX\n"
    found = lint(rule, text, options={"placeholders": ["TBD"]})
    assert where(found) == [(6, 12)]
    assert found[0].message == "template placeholder “TBD” left in the text"


def test_dates_in_prose_are_not_placeholders() -> None:
    text = HEAD + "Planned for Q3 2025, F2F #65, March 13; the call moves to 2026 at 11 am.\n"
    assert lint(rule, text) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The chair of the ??? group spoke.\n", [(6, 18)]),
        ("???: I agree.\n", [(6, 1)]),
        ("Use a ?? b for the default. Really??\n", []),  # an operator; emphasis
        ("Ballot SC-XX and SMC-0XX are drafts.\n", [(6, 8), (6, 18)]),
        ("Ballot SC-085 passed; XX-XX is no ballot.\n", []),
        ("Comments are due within xx days.\n", [(6, 25)]),
        ("The xx-large size.\n", []),
        ("Attendees: __ATTENDEES\n", [(6, 12)]),
        ("The __init__ method and __BOLD__ text.\n", []),
        ("ADD REMOTE PARTICIPANTS HERE\n", [(6, 1)]),
        ("Location: TO BE CONFIRMED\n", [(6, 11)]),
        ("Add your name here if you attended.\n", []),  # not in capitals: a sentence
        ("Thanks to Jon Smyth (sp?) for the notes.\n", [(6, 21)]),
        ("Logo: {{ page.logo }} and {{ '/a.png' | relative_url }}\n", []),  # Liquid
        ("`???` and `SC-XX` in code.\n", []),
    ],
)
def test_patterns(body: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, HEAD + body)) == expected


def test_pasted_mailing_list_footer() -> None:
    body = (
        "Agreed.\n\n"
        "You received this message because you are subscribed to the Example group.\n"
        "To unsubscribe from this group and stop receiving emails from it, write to us.\n\n"
        "_______________________________________________\n"
        "Public mailing list\n"
    )
    found = lint(rule, HEAD + body)
    assert where(found) == [(8, 1), (9, 1), (11, 1)]
    assert found[0].message.startswith("mailing-list footer “You received this message")
    assert found[2].message == "mailing-list footer “Public mailing list” pasted into the text"


def test_section_holding_only_an_ellipsis_or_a_placeholder() -> None:
    body = "## Attendance\n\n...\n\n## Roll Call\n\n- XXX\n\n## Notes\n\nMore to come...\n"
    found = lint(rule, HEAD + body)
    assert where(found) == [(8, 1), (12, 3)]
    assert found[0].message == "section “Attendance” holds only “...”: its text was never written"
    assert found[1].message == "template placeholder “XXX” is all that section “Roll Call” holds"


def test_patterns_are_options_and_bad_ones_are_config_errors() -> None:
    from minutes_lint.config import ConfigError

    text = HEAD + "Within xx days; PENDING.\n"
    assert where(lint(rule, text, options={"patterns": [r"\bPENDING\b"]})) == [(6, 17)]
    with pytest.raises(ConfigError):
        lint(rule, text, options={"patterns": ["("]})
