from __future__ import annotations

import pytest
from minutes_lint.rules import tag_not_allowed as rule

from minutes_lint.diagnostics import Applicability
from minutes_lint.testing import fix, lint, where

ALLOWED = {"allowed": ["Minutes", "S/MIME", "Server Certificates", "Code Signing"]}

BLOCK = """\
---
title: Minutes
tags:
- minutes
- Server Certs
- S/MIME
---
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BLOCK, [(4, 3), (5, 3)]),
        ("---\ntags: [Minutes, smime, 'code-signing']\n---\n", [(2, 17), (2, 24)]),
        ("---\ntags: Gardening\n---\n", [(2, 7)]),
        ("---\ntags:\n- Minutes\n- S/MIME\n---\n", []),
        ("---\ntitle: no tags\n---\n", []),
    ],
)
def test_positions(text: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text, options=ALLOWED)) == expected


def test_off_when_no_list_is_configured() -> None:
    assert lint(rule, BLOCK) == []


def test_messages_suggest_the_closest_tag() -> None:
    found = lint(rule, BLOCK, options=ALLOWED)
    assert found[0].message == "tag “minutes” is not allowed; write “Minutes”"
    assert found[0].fix is not None and found[0].fix.applicability is Applicability.SAFE
    assert (
        found[1].message == "tag “Server Certs” is not allowed; did you mean “Server Certificates”?"
    )
    assert found[1].fix is None
    (far,) = lint(rule, "---\ntags: [Gardening]\n---\n", options=ALLOWED)
    assert far.message.startswith("tag “Gardening” is not allowed; allowed: Minutes, S/MIME")


def test_fix_rewrites_case_and_punctuation_only() -> None:
    assert fix(rule, BLOCK, options=ALLOWED) == BLOCK.replace("- minutes", "- Minutes")
    flow = "---\ntags: [Minutes, smime, 'code-signing']\n---\n"
    assert fix(rule, flow, options=ALLOWED) == (
        "---\ntags: [Minutes, S/MIME, 'Code Signing']\n---\n"
    )


def test_fix_quotes_a_tag_yaml_would_not_read_as_text() -> None:
    options = {"allowed": ["Yes", "Notes: Draft"]}
    text = "---\ntags:\n- yes\n- notes draft\n---\n"
    assert fix(rule, text, options=options) == '---\ntags:\n- "Yes"\n- "Notes: Draft"\n---\n'


def test_no_fix_when_two_allowed_tags_differ_only_in_punctuation() -> None:
    options = {"allowed": ["S/MIME", "SMIME"]}
    (found,) = lint(rule, "---\ntags: [smime]\n---\n", options=options)
    assert found.fix is None
