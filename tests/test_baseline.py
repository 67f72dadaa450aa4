"""Tests for baseline fingerprints and baseline files."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from minutes_lint.baseline import (
    Baseline,
    BaselineEntry,
    BaselineError,
    fingerprint,
    fingerprints,
    load_baseline,
    prune,
    write_baseline,
)
from minutes_lint.diagnostics import Diagnostic, Position, Severity


def diag(
    path: str = "minutes/2024-03-07.md",
    line: int = 5,
    code: str = "ML101",
    snippet: str = "Alice Moreau",
    context: str = "- Alice Moreau",
    message: str = "Alice Moreau has no organisation",
) -> Diagnostic:
    """Build a diagnostic whose offsets follow its line number."""
    return Diagnostic(
        path=path,
        start=Position(line, 3),
        end=Position(line, 3 + len(snippet)),
        code=code,
        severity=Severity.ERROR,
        message=message,
        offset=line * 40 + 2,
        end_offset=line * 40 + 2 + len(snippet),
        snippet=snippet,
        context=context,
    )


# fingerprints


def test_fingerprint_shape() -> None:
    value = fingerprint(diag())
    assert len(value) == 32
    int(value, 16)


def test_fingerprint_survives_line_shift() -> None:
    assert fingerprint(diag(line=5)) == fingerprint(diag(line=42))
    shifted = replace(diag(), offset=9000, end_offset=9012, start=Position(300, 9))
    assert fingerprint(shifted) == fingerprint(diag())


def test_fingerprint_ignores_slashes_and_newline_style() -> None:
    assert fingerprint(diag(path="minutes\\a.md")) == fingerprint(diag(path="minutes/a.md"))
    assert fingerprint(diag(path="./minutes/a.md")) == fingerprint(diag(path="minutes/a.md"))
    crlf = diag(snippet="a\r\nb", context="x  \r\n  y")
    lf = diag(snippet="a\nb", context="x y")
    assert fingerprint(crlf) == fingerprint(lf)


def test_fingerprint_differs_on_what_matters() -> None:
    base = fingerprint(diag())
    assert fingerprint(diag(snippet="Bob Tanaka")) != base
    assert fingerprint(diag(context="- Alice Moreau (Example CA)")) != base
    assert fingerprint(diag(code="ML102")) != base
    assert fingerprint(diag(path="minutes/other.md")) != base


def test_duplicates_are_numbered_in_position_order() -> None:
    late, early, other = diag(line=20), diag(line=3), diag(line=10, snippet="Bob")
    prints = fingerprints([late, early, other])
    assert len(set(prints)) == 3
    assert prints[1] == fingerprint(early, 0) == fingerprint(early)
    assert prints[0] == fingerprint(late, 1)
    assert prints[2] == fingerprint(other)
    # the numbering follows position, not the order of the list
    assert fingerprints([early, late]) == [prints[1], prints[0]]
    assert fingerprints([]) == []


# baseline files


def test_write_and_load_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "baseline.json"
    diags = [diag(path="minutes/b.md"), diag(path="minutes/a.md", code="ML202")]
    assert write_baseline(target, diags) == 2
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["tool"] == "minutes-lint"
    assert [e["path"] for e in data["entries"]] == ["minutes/a.md", "minutes/b.md"]
    assert set(data["entries"][0]) == {"fingerprint", "code", "path", "message"}
    baseline = load_baseline(target)
    assert isinstance(baseline, Baseline)
    assert [e.code for e in baseline.entries] == ["ML202", "ML101"]


def test_paths_are_stored_relative_to_the_baseline_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    (project / "config").mkdir(parents=True)
    monkeypatch.chdir(project)
    target = project / "config" / "baseline.json"
    write_baseline(target, [diag(path="minutes/a.md")])
    entry = load_baseline(target).entries[0]
    assert entry.path == "../minutes/a.md"
    # run from another folder: the same file still matches
    monkeypatch.chdir(tmp_path)
    new, matched, stale = load_baseline(target).filter([diag(path="project/minutes/a.md")])
    assert (new, matched, stale) == ([], 1, [])


def test_filter_survives_line_shift_and_reports_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "baseline.json"
    write_baseline(target, [diag(line=5), diag(line=9, snippet="Bob", message="Bob")])
    fresh = diag(line=30, snippet="Carol", message="Carol")
    new, matched, stale = load_baseline(target).filter(
        [diag(line=7), diag(line=11, snippet="Bob", message="Bob"), fresh]
    )
    assert new == [fresh]
    assert matched == 2
    assert stale == []


def test_duplicates_match_one_entry_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "baseline.json"
    write_baseline(target, [diag(line=5), diag(line=9)])
    new, matched, stale = load_baseline(target).filter([diag(line=6), diag(line=10), diag(line=20)])
    assert matched == 2
    assert [d.start.line for d in new] == [20]
    assert stale == []


def test_stale_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "baseline.json"
    kept = diag(path="a.md")
    gone = diag(path="b.md", snippet="Bob", message="Bob has no organisation")
    write_baseline(target, [kept, gone])
    baseline = load_baseline(target)
    new, matched, stale = baseline.filter([kept])
    assert (new, matched) == ([], 1)
    assert [(e.path, e.message) for e in stale] == [("b.md", "Bob has no organisation")]
    # a run that did not look at b.md cannot call its entries stale
    assert baseline.filter([kept], checked_paths=["a.md"])[2] == []
    assert baseline.filter([kept], checked_paths=["./b.md"])[2] == stale


def test_prune(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "baseline.json"
    kept = diag(path="a.md")
    write_baseline(target, [kept, diag(path="b.md"), diag(path="c.md")])
    assert prune(target, [kept]) == 2
    entries = load_baseline(target).entries
    assert [e.path for e in entries] == ["a.md"]
    before = target.read_text(encoding="utf-8")
    assert prune(target, [kept]) == 0
    assert target.read_text(encoding="utf-8") == before
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "JSON object"),
        ('{"version": 2, "entries": []}', "version"),
        ('{"version": true, "entries": []}', "version"),
        ('{"version": 1, "tool": "other", "entries": []}', "other"),
        ('{"version": 1}', "entries"),
        ('{"version": 1, "entries": [3]}', "entry 0"),
        ('{"version": 1, "entries": [{"fingerprint": "x", "code": "A", "path": "p"}]}', "message"),
    ],
)
def test_bad_file(tmp_path: Path, content: str, match: str) -> None:
    target = tmp_path / "broken-baseline.json"
    target.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=match) as info:
        load_baseline(target)
    assert "broken-baseline.json" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_missing_or_binary_file(tmp_path: Path) -> None:
    with pytest.raises(BaselineError, match=r"missing\.json"):
        load_baseline(tmp_path / "missing.json")
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(BaselineError, match=r"binary\.json"):
        load_baseline(binary)


def test_entry_json_order() -> None:
    entry = BaselineEntry("f" * 32, "ML101", "a.md", "msg")
    assert list(entry.to_json()) == ["fingerprint", "code", "path", "message"]
