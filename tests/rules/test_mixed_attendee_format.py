"""Tests for AT003 mixed-attendee-format."""

from __future__ import annotations

import minutes_lint.rules.mixed_attendee_format as rule
import pytest

from minutes_lint.config import ConfigError
from minutes_lint.diagnostics import Severity
from minutes_lint.testing import fix, lint, where

HEAD = "## Attendees\n\n"
UNIFORM_DASH_PAREN = (
    HEAD
    + "Alice Moreau - (Example CA), Bob Stone - (Example Browser), Carol Diaz - (Example Trust)\n"
)
EVEN = HEAD + (
    "- Alice Moreau (Example CA)\n- Bob Stone - Example Browser\n"
    "- Carol Diaz (Example Trust)\n- Dan Brook - Example Audit\n"
)

CASES = [
    # (id, text, expected (line, column) of each diagnostic)
    (
        "dash-paren-among-paren",
        HEAD
        + "Alice Moreau (Example CA), Bob Stone - (Example Browser), Carol Diaz (Example Trust)\n",
        [(3, 28)],
    ),
    (
        "dash-among-paren",
        HEAD
        + "Alice Moreau (Example CA), Bob Stone - Example Browser, Carol Diaz (Example Trust)\n",
        [(3, 28)],
    ),
    ("no-clear-majority", EVEN, [(4, 3)]),
    ("uniform", UNIFORM_DASH_PAREN, []),
    (
        "entry-without-organisation",
        HEAD
        + "Alice Moreau (Example CA), Bob Stone, Carol Diaz (Example Trust), Dan Brook (Example)\n",
        [],
    ),
    ("too-few-entries", HEAD + "Alice Moreau (Example CA), Bob Stone - (Example Browser)\n", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_where(text: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text)) == expected


def test_minority_entry_is_rewritten_to_the_majority_form() -> None:
    text = (
        HEAD
        + "Alice Moreau (Example CA), Bob Stone - (Example Browser), Carol Diaz (Example Trust)\n"
    )
    [diagnostic] = lint(rule, text)
    assert diagnostic.message == (
        "attendee entry written “Name - (Org)”, but 2 other entries of this list write “Name (Org)”"
    )
    assert fix(rule, text) == HEAD + (
        "Alice Moreau (Example CA), Bob Stone (Example Browser), Carol Diaz (Example Trust)\n"
    )


def test_dash_entry_gets_parentheses() -> None:
    text = (
        HEAD
        + "Alice Moreau (Example CA), Bob Stone – Example Browser, Carol Diaz (Example Trust)\n"
    )
    assert fix(rule, text) == HEAD + (
        "Alice Moreau (Example CA), Bob Stone (Example Browser), Carol Diaz (Example Trust)\n"
    )


def test_fix_copies_the_separator_of_the_list() -> None:
    text = (
        HEAD
        + "Alice Moreau – (Example CA), Bob Stone (Example Browser), Carol Diaz – (Example Trust)\n"
    )
    assert fix(rule, text) == HEAD + (
        "Alice Moreau – (Example CA), Bob Stone – (Example Browser), Carol Diaz – (Example Trust)\n"
    )


def test_bracket_majority() -> None:
    text = HEAD + (
        "- Alice Moreau [Example CA]\n- Bob Stone [Example Browser]\n"
        "- Carol Diaz (Example Trust)\n- Dan Brook [Example Audit]\n"
    )
    assert where(lint(rule, text)) == [(5, 3)]
    assert "- Carol Diaz [Example Trust]\n" in fix(rule, text)


def test_no_fix_when_a_note_would_become_ambiguous() -> None:
    text = HEAD + (
        "- Alice Moreau - Example CA\n- Bob Stone - Example Browser\n"
        "- Carol Diaz (Example Trust) (chair)\n- Dan Brook - Example Audit\n"
    )
    [diagnostic] = lint(rule, text)
    assert where([diagnostic]) == [(5, 3)]
    assert diagnostic.fix is None


def test_mixed_without_majority_has_no_fix() -> None:
    [diagnostic] = lint(rule, EVEN)
    assert diagnostic.message == "attendee list mixes 2 “Name (Org)” and 2 “Name - Org”"
    assert diagnostic.fix is None


def test_preferred_form_reports_a_uniform_list_once_as_info() -> None:
    [diagnostic] = lint(rule, UNIFORM_DASH_PAREN, options={"preferred": "Name (Org)"})
    assert where([diagnostic]) == [(3, 1)]
    assert diagnostic.severity is Severity.INFO
    assert diagnostic.message == (
        "all entries of this attendee list are written “Name - (Org)”, "
        "but the configured form is “Name (Org)”"
    )
    assert fix(rule, UNIFORM_DASH_PAREN, options={"preferred": "paren"}) == HEAD + (
        "Alice Moreau (Example CA), Bob Stone (Example Browser), Carol Diaz (Example Trust)\n"
    )


def test_preferred_form_settles_a_list_without_majority() -> None:
    [diagnostic] = lint(rule, EVEN, options={"preferred": "paren"})
    assert diagnostic.severity is Severity.WARNING
    assert diagnostic.message.startswith("2 of the 4 entries of this attendee list are written")
    assert fix(rule, EVEN, options={"preferred": "paren"}) == HEAD + (
        "- Alice Moreau (Example CA)\n- Bob Stone (Example Browser)\n"
        "- Carol Diaz (Example Trust)\n- Dan Brook (Example Audit)\n"
    )


def test_unknown_preferred_form_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError):
        lint(rule, UNIFORM_DASH_PAREN, options={"preferred": "Org: Name"})


def test_corpus_majority_from_the_facts() -> None:
    others = {
        f"other-{i}.md": HEAD + f"Erin Walsh (Example CA), Frank Ode (Example Audit{i})\n"
        for i in range(3)
    }
    [diagnostic] = lint(rule, UNIFORM_DASH_PAREN, others=others)
    assert diagnostic.message.endswith("the corpus mostly writes “Name (Org)” (6 of 9 entries)")


def test_a_uniform_list_without_a_corpus_majority_passes() -> None:
    assert lint(rule, UNIFORM_DASH_PAREN) == []


def test_en_dash_next_to_hyphens() -> None:
    text = (
        "## Attendees\n\nAda Noor - Quillco, Bo Tran - Vantex, Cy Dale – Vantex, "
        "Di Fenn - Quillco\n"
    )
    found = lint(rule, text, options={"preferred": "dash"})
    assert len(found) == 1 and "en dash" in found[0].message
    assert "Cy Dale - Vantex" in fix(rule, text, options={"preferred": "dash"})
