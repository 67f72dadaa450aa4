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
