"""TOML (``+++``) and JSON front matter: found, parsed, and every key placed on its line."""

from __future__ import annotations

import datetime

from minutes_lint.rules import meeting_date_mismatch

from minutes_lint.document import Document
from minutes_lint.testing import lint

TOML = """\
+++
title = "2024-01-14 Minutes of the Example WG"  # typed by hand
date = 2024-01-14
tags = ["minutes",
  "example"]

[params]
room = "B"
+++

Wednesday, January 14, 2026
"""

JSON = """\
{
  "title": "2024-01-14 Minutes of the Example WG",
  "date": "2024-01-14"
}

Wednesday, January 14, 2026
"""


def spans(text: str) -> dict[str, tuple[str, str]]:
    fm = Document.from_text(text, "2024-01-14-minutes.md").front_matter
    return {
        e.key: (text[e.key_start : e.key_end], text[e.value_start : e.value_end])
        for e in fm.entries
    }


def test_toml_front_matter_keys_and_values_keep_their_offsets() -> None:
    doc = Document.from_text(TOML, "m.md")
    fm = doc.front_matter
    assert (fm.present, fm.language, fm.kind, fm.error) == (True, "toml", "mapping", None)
    found = spans(TOML)
    assert found["title"] == ("title", '"2024-01-14 Minutes of the Example WG"')
    assert found["date"] == ("date", "2024-01-14")
    assert found["tags"][1] == '["minutes",\n  "example"]'
    assert fm.get("date") is not None and fm.get("date").value == datetime.date(2024, 1, 14)  # type: ignore[union-attr]
    assert fm.get("params") is not None and fm.get("params").value == {"room": "B"}  # type: ignore[union-attr]
    assert doc.text[fm.body_start :].lstrip().startswith("Wednesday")


def test_json_front_matter_keys_and_values_keep_their_offsets() -> None:
    fm = Document.from_text(JSON, "m.md").front_matter
    assert (fm.present, fm.language, fm.kind, fm.error) == (True, "json", "mapping", None)
    assert spans(JSON)["date"] == ('"date"', '"2024-01-14"')
    assert fm.get("date").value == datetime.date(2024, 1, 14)  # type: ignore[union-attr]


def test_a_toml_date_that_disagrees_with_the_body_is_reported_on_its_line() -> None:
    found = lint(meeting_date_mismatch, TOML, path="2026-01-14-minutes.md")
    assert found, "the title's year disagrees with the body and the file name"
    assert 2 in {d.start.line for d in found}


def test_broken_toml_and_json_are_errors_with_a_line_not_tracebacks() -> None:
    bad_toml = Document.from_text('+++\ntitle = "x"\ndate = \n+++\nBody\n', "m.md").front_matter
    assert bad_toml.error is not None and bad_toml.error.startswith("invalid TOML")
    assert bad_toml.error_offset is not None and bad_toml.error_offset >= len('+++\ntitle = "x"\n')
    bad_json = Document.from_text('{\n  "title": "x",\n}\nBody\n', "m.md").front_matter
    assert bad_json.error is not None and bad_json.error.startswith("invalid JSON")
    unterminated = Document.from_text('+++\ntitle = "x"\n', "m.md").front_matter
    assert not unterminated.terminated and "'+++'" in (unterminated.error or "")


def test_a_body_that_starts_with_plus_or_brace_text_is_not_front_matter() -> None:
    assert not Document.from_text("++ not a delimiter\n", "m.md").front_matter.present
    assert not Document.from_text("{curly} text\n", "m.md").front_matter.present
