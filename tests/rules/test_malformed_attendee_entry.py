"""Tests for AT002 malformed-attendee-entry."""

from __future__ import annotations

import minutes_lint.rules.malformed_attendee_entry as rule
import pytest

from minutes_lint.testing import lint, where

HEAD = "## Attendees\n\n"
SIX = (
    "Alice Moreau (Example CA), Bob Stone (Example Browser), Carol Diaz,\n"
    "Dan Brook (Example Trust), Erin Walsh (Example CA), Frank Ode (Example Audit)\n"
)

CASES = [
    # (id, body after the heading, expected (line, column) of each diagnostic)
    ("unbalanced", "Alice Moreau (Example CA, Bob Stone (Example Browser)\n", [(3, 1)]),
    (
        "missing-comma",
        "Alice Moreau – (Example CA) Bob Stone – (Example Browser), "
        "Carol Diaz (Example Trust), Dan Brook (Example Trust)\n",
        [(3, 1)],
    ),
    (
        "missing-name",
        "Alice Moreau (Example CA), (Example Browser), Carol Diaz (Example Trust)\n",
        [(3, 28)],
    ),
    ("missing-org", SIX, [(3, 57)]),
    (
        "nested-org",
        "Alice Moreau (Example Holding SA (Example CA)), Bob Stone (Example Browser)\n",
        [],
    ),
    (
        "group-without-orgs",
        "Present: Alice Moreau (Example CA), Bob Stone (Example Browser), "
        "Dan Brook (Example Trust), Erin Walsh (Example CA)\nObservers: Carol Diaz, Frank Ode\n",
        [],
    ),
    (
        "short-list",
        "Alice Moreau (Example CA), Bob Stone (Example Browser), Carol Diaz, "
        "Dan Brook (Example Trust)\n",
        [],
    ),
    (
        "mostly-without-orgs",
        "Alice Moreau, Bob Stone, Carol Diaz (Example Trust), Dan Brook, Erin Walsh\n",
        [],
    ),
    ("clean", "Alice Moreau (Example CA), Bob Stone (Example Browser)\n", []),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_where(body: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, HEAD + body)) == expected


def test_messages_name_the_entry_and_the_problem() -> None:
    [unbalanced] = lint(rule, HEAD + "Alice Moreau (Example CA, Bob Stone (Example Browser)\n")
    assert "“Alice Moreau (Example CA”" in unbalanced.message
    assert "unbalanced parentheses" in unbalanced.message
    assert unbalanced.fix is None
    [missing] = lint(rule, HEAD + SIX)
    assert missing.message == (
        "attendee “Carol Diaz” has no organisation, unlike 5 of the 6 entries of this list"
    )


def test_comma_inside_an_unparenthesised_organisation_gets_a_hint() -> None:
    text = HEAD + (
        "- Alice Moreau - Example Ministry, Ruritania\n- Bob Stone - Example Browser\n"
        "- Carol Diaz - Example Trust\n- Dan Brook - Example CA\n- Erin Walsh - Example Audit\n"
    )
    [diagnostic] = lint(rule, text)
    assert where([diagnostic]) == [(3, 36)]
    assert "put that in parentheses" in diagnostic.message


def test_options_tune_the_missing_organisation_check() -> None:
    assert lint(rule, HEAD + SIX, options={"min-entries": 7}) == []
    assert lint(rule, HEAD + SIX, options={"min-share-with-organisation": 0.9}) == []


def _messages(entries: str) -> list[str]:
    return [d.message for d in lint(rule, f"## Attendees\n\n{entries}\n")]


FULL = "Ada Noor (Quillco), Bo Tran (Vantex), Cy Dale (Vantex), Di Fenn (Quillco)"


def test_subset_name_with_the_same_organisation() -> None:
    found = _messages(f"{FULL}, Lin Chen (Acme), Mei Lin Chen (Acme)")
    assert len(found) == 1 and "part of “Mei Lin Chen”" in found[0]
    assert _messages(f"{FULL}, Lin Chen (Acme), Mei Lin Chen (Beta)") == []


def test_given_name_only_in_a_list_of_full_names() -> None:
    found = _messages(f"{FULL}, Thomas (Acme)")
    assert len(found) == 1 and "given name only" in found[0]
    assert _messages("Ada (Quillco), Bo (Vantex), Cy (Vantex), Di (Quillco), Thomas (Acme)") == []


def test_person_written_as_their_own_organisation() -> None:
    found = _messages(f"{FULL}, Ann Lee (Ann Lee)")
    assert len(found) == 1 and "their own organisation" in found[0]
    assert len(_messages(f"{FULL}, Ann Lee (Ann Lee (Private person))")) == 1


def test_organisation_wrapped_twice_around_a_note() -> None:
    found = _messages(f"{FULL}, Ann Lee (Acme (Private person))")
    assert len(found) == 1 and "wrapped twice" in found[0]
    assert _messages(f"{FULL}, Ann Lee (Acme Holding SA (Acme CA))") == []


def test_empty_and_padded_entries() -> None:
    found = _messages(f"{FULL}, , Ann Lee ( Acme )")
    assert len(found) == 2
    assert any("empty attendee entry" in m for m in found)
    assert any("spaces inside the parentheses" in m for m in found)


def test_an_invited_expert_has_no_organisation_to_give() -> None:
    table = (
        "**Attendees:**\n\n| Name | Abbreviation | Organization |\n| --- | --- | --- |\n"
        + "".join(
            f"| {n} Moss | {n[:2].upper()}M | Quillco |\n"
            for n in ["Ada", "Bo", "Cyd", "Dana", "Edo", "Fay"]
        )
        + "| Gil Hart | GHT | Invited Expert |\n"
    )
    assert lint(rule, table) == []
    assert len(lint(rule, table.replace("| Invited Expert |", "|  |"))) == 1
