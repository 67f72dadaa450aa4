from __future__ import annotations

import pytest
from minutes_lint.rules import template_value as rule

from minutes_lint.config import ConfigError
from minutes_lint.testing import lint, where

FROM_TEMPLATE = """\
---
title: ""
author: Author name
summary:
date: {{ .Date }}
tags:
- Minutes
- TODO
---
"""

FILLED = """\
---
title: 2026-03-04 Minutes of the Example Working Group
author: Alice Moreau
summary:
date: 2026-03-04
tags: [Minutes]
---
The author name is TODO.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FROM_TEMPLATE, [(2, 8), (3, 9), (5, 7), (8, 3)]),
        ("---\ntitle:\nnote: tbd \n---\n", [(2, 1), (3, 7)]),
        ('---\ntitle: \'{{ replace .Name "-" " " | title }}\'\n---\n', [(2, 8)]),
        (FILLED, []),
        ("---\ntitle: TODO list review\nauthor: Alice Moreau (XXX Corp)\n---\n", []),
        ("---\ntitle: Minutes\nbudget: 0\ndraft: false\n---\n", []),
    ],
)
def test_positions(text: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text)) == expected


def test_messages() -> None:
    found = lint(rule, FROM_TEMPLATE)
    assert found[0].message == "title is empty"
    assert found[1].message == "'author' is the template placeholder “Author name”; fill it in"
    assert found[2].message == "'date' is the template placeholder “{{ .Date }}”; fill it in"
    assert all(d.fix is None for d in found)


def test_options() -> None:
    text = "---\ntitle: Minutes\nauthor: Your Name\nsummary: <summary>\n---\n"
    assert lint(rule, text) == []
    options = {"values": ["your name"], "patterns": ["^<.*>$"]}
    assert where(lint(rule, text, options=options)) == [(3, 9), (4, 10)]


def test_invalid_pattern_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="option 'patterns'"):
        lint(rule, "---\ntitle: x\n---\n", options={"patterns": ["[unclosed"]})
