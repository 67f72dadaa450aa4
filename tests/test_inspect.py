"""``minutes-lint inspect``: the document model as text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutes_lint.cli import main

MINUTES = """\
---
layout: minutes
date: 2026-03-04
title: Example Group Telco — 2026-03-04
---
# Example Group Telco — 2026-03-04

**Date:** 2026-03-04

## Attendees
{: .no_toc}
**Present:** Alice Moreau, Bruno Keller, Carla Diaz

**Regrets:** Dana Ortiz

**Chair:** Alice Moreau

**Scribe(s):** Bruno Keller

## 1. Approve minutes

The minutes of February 25, 2026 were approved.

## 2. Next meeting

Next meeting: March 11, 2026

#### 3 Improvements

7. Any other business:

**Topic 4: Budget**

```text
Present: Zed Quinn, Yara Voss
2026-01-01
```
<!-- 2025-12-24 -->
"""

KEYS = {
    "path",
    "meeting_date",
    "date_witnesses",
    "attendees",
    "absent",
    "next_meeting",
    "approved_minutes",
    "sections",
}


def _inspect(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> object:
    path = tmp_path / "2026-03-04-example.md"
    path.write_text(MINUTES, encoding="utf-8")
    assert main(["inspect", *extra, str(path)]) == 0
    return capsys.readouterr().out


def test_json_has_the_documented_keys_and_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (item,) = json.loads(str(_inspect(tmp_path, capsys, "--output-format", "json")))
    assert set(item) >= KEYS
    assert item["path"].endswith("2026-03-04-example.md")
    assert item["meeting_date"] == "2026-03-04"
    kinds = {(w["kind"], w["date"]) for w in item["date_witnesses"]}
    assert kinds == {
        ("front-matter", "2026-03-04"),
        ("title", "2026-03-04"),
        ("heading", "2026-03-04"),
        ("date-line", "2026-03-04"),
        ("file-name", "2026-03-04"),
    }
    people = [(a["name"], a["organisation"], a["role"], a["line"]) for a in item["attendees"]]
    assert people == [
        ("Alice Moreau", None, "chair", 12),
        ("Bruno Keller", None, "scribe", 12),
        ("Carla Diaz", None, "present", 12),
    ]
    assert item["absent"] == [{"name": "Dana Ortiz", "line": 14}]
    assert item["next_meeting"] == {"date": "2026-03-11", "line": 26}
    assert item["approved_minutes"] == [{"date": "2026-02-25", "line": 22}]
    sections = [(s["number"], s["title"]) for s in item["sections"]]
    assert sections == [
        (None, "Example Group Telco — 2026-03-04"),
        (None, "Attendees"),
        ("1", "Approve minutes"),
        ("2", "Next meeting"),
        (None, "3 Improvements"),  # a count, not a section number
        ("7", "Any other business"),
        ("4", "Budget"),
    ]


def test_text_output_for_people(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(_inspect(tmp_path, capsys))
    assert "meeting date: 2026-03-04" in out
    assert "Alice Moreau [chair]" in out
    assert "absent: Dana Ortiz (line 14)" in out
    assert "Zed Quinn" not in out  # code is never minutes


def test_unreadable_file_is_an_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\xff\xfe\x00bad")
    assert main(["inspect", str(bad)]) == 2
    assert "bad.md" in capsys.readouterr().err


def test_json_names_each_document_s_series(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".minutes-lint.toml").write_text('corpus = ["*.md"]\n', encoding="utf-8")
    days = ["2026-01-07", "2026-01-14", "2026-01-21", "2026-01-28"]
    for day in days:
        (tmp_path / f"{day}-minutes-example-wg.md").write_text(
            f"---\ntitle: {day} Minutes of the Example Working Group\n---\n\n{day}\n",
            encoding="utf-8",
        )
    assert main(["inspect", "--output-format", "json", f"{days[0]}-minutes-example-wg.md"]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert item.get("series")
    assert "example" in item["series"].lower()
