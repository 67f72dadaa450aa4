from __future__ import annotations

import pytest
from minutes_lint.rules import absent_person_speaks as rule

from minutes_lint.testing import lint, where

HEAD = "## Attendees\n\n**Present:** Ann Lee, Bo Tran\n\n**Regrets:** Cy Dale, Di Fenn\n\n"
NODE = "## Present\n\n* Ann Lee (@alee)\n* Bo Tran (@btran)\n\n## Absent\n\n* Cy Dale (@cdale)\n\n"


CASES = [
    ("**Cy Dale:** I will draft the charter.", [(9, 3)]),
    ("*Cy Dale:* I will draft the charter.", [(9, 2)]),
    ("> Cy Dale: I will draft the charter.", [(9, 3)]),
    ("- DALE Cy: I will draft it.", [(9, 3)]),
    ("Then Cy Dale noted that the draft is late.", [(9, 6)]),
    ("**Cy:** I will draft the charter.", [(9, 3)]),  # given name unique to the absent person
    ("Cy Dale noted by email that the draft is late.", []),  # in writing, not in the meeting
    ("Ann Lee said that Cy Dale sends regrets.", []),
    ("**Ann Lee:** I will draft the charter.", []),
    ("The group thanked Cy Dale for the draft.", []),
    ("```\nCy Dale: in code\n```", []),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_where(body: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, HEAD + "## Discussion\n\n" + body + "\n")) == expected


def test_once_per_person_with_the_listing_line() -> None:
    body = "**Cy Dale:** one.\n\n**Cy Dale:** two.\n"
    (found,) = lint(rule, HEAD + "## Discussion\n\n" + body)
    assert found.message == (
        "“Cy Dale” speaks here but is listed as absent under “Regrets” (line 5): "
        "list them as present, or correct the speaker's name"
    )


def test_a_given_name_shared_with_someone_present_is_not_enough() -> None:
    head = "**Present:** Cy Moss, Bo Tran\n\n**Regrets:** Cy Dale\n\n"
    assert lint(rule, head + "**Cy:** I will draft it.\n") == []


def test_absent_section_of_a_bullet_list() -> None:
    found = lint(rule, NODE + "## Notes\n\n* Cy Dale: will look at the release.\n")
    assert where(found) == [(12, 3)]


def test_nobody_absent_is_quiet() -> None:
    assert lint(rule, "**Present:** Ann Lee\n\n**Ann Lee:** hello.\n") == []


def test_listed_both_present_and_absent_is_left_to_duplicate_attendee() -> None:
    head = "**Present:** Ann Lee, Cy Dale\n\n**Regrets:** Cy Dale\n\n"
    assert lint(rule, head + "**Cy Dale:** I will draft it.\n") == []
