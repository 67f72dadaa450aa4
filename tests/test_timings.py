"""``--timings``: a line per stage and per selected rule, from the run's own measurements,
in a serial run and when the work is spread over worker processes."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from minutes_lint import timings
from minutes_lint.cli import main

DOC = """---
title: Board meeting
date: 2024-03-05
---
# Board meeting, 5 March 2024

## Attendees

- Ann Example (Example Org)
- Bob Sample (Other Org)

## Minutes

The board met on 5 March 2024 and agreed the plan.
"""

RULES = ("FM001", "WS001", "AT001", "TX004")


def _run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: int, *args: str
) -> tuple[int, str]:
    (tmp_path / ".minutes-lint.toml").write_text('corpus = ["**/*.md"]\n', encoding="utf-8")
    for n in range(files):
        (tmp_path / f"2024-03-{n % 28 + 1:02d}-{n}.md").write_text(DOC, encoding="utf-8")
    code = main([str(tmp_path), "--no-cache", "--select", ",".join(RULES), *args])
    return code, capsys.readouterr().err


def _rows(err: str) -> dict[str, list[str]]:
    """Section title -> the names of its lines."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in err.splitlines():
        if line.endswith(":") and not line.startswith(" "):
            current = line[:-1]
            sections[current] = []
        elif current and (m := re.match(r"  (\S.*?)\s+\d+\.\d{3} s\s+\d+\.\d%\s+\d+ calls", line)):
            sections[current].append(m.group(1))
    return sections


def test_a_line_per_stage_and_per_selected_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MINUTES_LINT_WORKERS", "1")
    code, err = _run(tmp_path, capsys, 3, "--timings")
    assert code in (0, 1)
    rows = _rows(err)
    stages = rows["stages (main process, wall time)"]
    for stage in ("discover", "plan (load rules)", "read", "corpus", "lint", "report"):
        assert stage in stages
    assert sorted(rows["rules"]) == sorted(RULES)
    assert "attendees" in rows["corpus facts (per fact)"]  # AT001 reads the attendee lists
    assert "block structure" in rows["document model"]
    assert "summed over the workers" not in err
    assert timings.current() is None  # measuring stops with the run


def test_workers_hand_their_measurements_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MINUTES_LINT_WORKERS", "2")
    monkeypatch.setenv("MINUTES_LINT_START_METHOD", "fork")
    _code, err = _run(tmp_path, capsys, 50, "--timings")
    rows = _rows(err)
    assert "summed over the workers" in err
    assert sorted(rows["rules"]) == sorted(RULES)
    calls = re.search(r"  FM001\s+\d+\.\d{3} s\s+\d+\.\d%\s+(\d+) calls", err)
    assert calls is not None and calls.group(1) == "50"  # every document, from both workers


def test_without_the_option_nothing_is_measured(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _code, err = _run(tmp_path, capsys, 1)
    assert "timings" not in err


def test_nested_blocks_count_for_themselves() -> None:
    collector = timings.Timings()
    with collector.measure("stage", "lint"), collector.measure("rule", "X001"):
        with collector.measure("model", "block structure"):
            time.sleep(0.05)
        with collector.measure("stage", "corpus facts"), collector.measure("fact", "F"):
            time.sleep(0.05)
    seconds = {key: value[0] for key, value in collector.totals.items()}
    assert seconds[("model", "block structure")] >= 0.05
    assert seconds[("fact", "F")] >= 0.05
    assert seconds[("stage", "corpus facts")] >= 0.05  # a stage's wall time includes its work
    # the rule excludes the model part and the stage (its fact once); the lint stage only
    # the nested stage
    assert 0 <= seconds[("rule", "X001")] < 0.045
    assert 0.05 <= seconds[("stage", "lint")] < 0.095
