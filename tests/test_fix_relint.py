"""After --fix, the documents are linted again only when a fix changed a corpus fact, and the
report is then what a fresh run over the fixed files says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutes_lint.cli import main
from minutes_lint.stages import lint

MINUTES = """---
title: 2026-01-14 Minutes of the Example Working Group
date: 2026-01-15 00:00:00
---
January 14, 2026

## 1. Discussion

The group discussed the draft.
"""


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[object]:
    code = main([str(tmp_path), "--no-cache", "--output-format", "json", *args])
    assert code in (0, 1)
    found: list[object] = json.loads(capsys.readouterr().out)
    return found


@pytest.fixture
def relints(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many documents each re-lint after the fixes linted."""
    counted: list[int] = []
    original = lint.lint_documents

    def counting(engine, documents, **kwargs):  # type: ignore[no-untyped-def]
        counted.append(len(documents))
        return original(engine, documents, **kwargs)

    monkeypatch.setattr(lint, "lint_documents", counting)
    return counted


def test_a_fix_that_changes_no_fact_lints_nothing_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], relints: list[int]
) -> None:
    (tmp_path / "a.md").write_text(MINUTES, encoding="utf-8")
    (tmp_path / "b.md").write_text(MINUTES.replace("draft.", "draft.   "), encoding="utf-8")
    fixed = _run(tmp_path, capsys, "--select", "FM010,WS001", "--fix")
    assert "draft.\n" in (tmp_path / "b.md").read_text(encoding="utf-8")
    assert relints == []  # the trailing spaces are no fact of FM010's
    assert fixed == _run(tmp_path, capsys, "--select", "FM010,WS001")
    assert {d["code"] for d in fixed} == {"FM010"}  # type: ignore[index]


def test_a_fix_that_changes_a_fact_lints_every_document_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], relints: list[int]
) -> None:
    (tmp_path / "2026-01-14-minutes.md").write_text(MINUTES, encoding="utf-8")
    later = MINUTES.replace("date: 2026-01-15", "date: 2026-01-29").replace(
        "January 14, 2026\n", "January 28, 2026\n"
    )
    (tmp_path / "2026-01-28-minutes.md").write_text(later, encoding="utf-8")
    before = _run(tmp_path, capsys, "--select", "FM010,DT001")
    assert {d["code"] for d in before} == {"FM010", "DT001"}  # type: ignore[index]
    relints.clear()
    fixed = _run(tmp_path, capsys, "--select", "FM010,DT001", "--fix", "--unsafe-fixes")
    assert relints == [2]  # the title changed: FM010's fact
    assert fixed == [] == _run(tmp_path, capsys, "--select", "FM010,DT001")
