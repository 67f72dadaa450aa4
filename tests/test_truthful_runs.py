"""A run tells the truth: reports after --fix, what was not fixed and why, paths that
yield nothing, repeated and exclusion options, one line per problem, a closed pipe.

Fixtures are made-up minutes of a made-up working group.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from minutes_lint.cli import main

HELD_14 = """---
title: 2026-01-14 Minutes of the Example Working Group
date: 2026-01-15 00:00:00
---
January 14, 2026

## 1. Discussion

The group discussed the draft.

Next meeting: January 28, 2026
"""
# the title was copied from the last minutes: it repeats their date, hence their title
HELD_28 = """---
title: 2026-01-14 Minutes of the Example Working Group
date: 2026-01-29 00:00:00
---
January 28, 2026

## 1. Discussion

The group discussed the charter.

Next meeting: February 11, 2026
"""
# an unclosed quote: the front matter does not parse, and the body has a misspelling and
# a no-break space, both safely fixable
UNPARSED = (
    '---\ntitle: "Minutes of the Example Working Group\ndate: 2026-01-14\n---\n'
    "\nThe group was intersted.\nNo\u00a0break here.\n"
)


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> object:
    monkeypatch.chdir(tmp_path)
    for name in ("FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)

    def call(*args: str) -> Result:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return call


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


# item 4: the report after --fix describes the corpus after the fix


def test_report_after_fix_is_computed_against_the_fixed_corpus(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, "2026-01-14-minutes.md", HELD_14)
    write(tmp_path, "2026-01-28-minutes.md", HELD_28)
    before = run("--no-cache", "--output-format", "json", ".")
    assert {(d["path"], d["code"]) for d in json.loads(before.out)} == {
        ("2026-01-14-minutes.md", "FM010"),
        ("2026-01-28-minutes.md", "FM010"),
        ("2026-01-28-minutes.md", "DT001"),
    }
    after = run("--no-cache", "--fix", "--unsafe-fixes", "--output-format", "json", ".")
    assert "title: 2026-01-28 Minutes" in (tmp_path / "2026-01-28-minutes.md").read_text()
    assert json.loads(after.out) == []  # the duplicate title is gone from both files
    assert after.code == 0
    # and the report is what a fresh run over the fixed files says
    assert run("--no-cache", "--output-format", "json", ".").out == after.out


def test_a_fix_that_leaves_a_corpus_problem_still_reports_it(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, "2026-01-14-minutes.md", HELD_14)
    write(tmp_path, "copy.md", HELD_14.replace("draft.", "draft.   "))
    after = run("--no-cache", "--select", "FM010,WS001", "--fix", "--output-format", "json", ".")
    assert "draft.\n" in (tmp_path / "copy.md").read_text()  # the whitespace was fixed
    codes = {(d["path"], d["code"]) for d in json.loads(after.out)}
    assert codes == {("2026-01-14-minutes.md", "FM010"), ("copy.md", "FM010")}
    assert after.code == 1


# item 5: fixes in a file that is never written are not counted as fixable


def test_fix_says_why_an_unparsable_file_was_not_fixed(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, "broken.md", UNPARSED)
    result = run("--no-cache", "--fix", "--output-format", "concise", "broken.md")
    assert (tmp_path / "broken.md").read_text() == UNPARSED  # never written
    assert "fixable" not in result.out, result.out
    lines = [line for line in result.out.splitlines() if line.startswith("broken.md:1:1: ML004")]
    assert len(lines) == 1, result.out
    assert "2 fixes not applied: the front matter does not parse (FM003, line 2)" in lines[0]
    assert result.code == 1


def test_check_does_not_promise_fixes_for_an_unparsable_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, "broken.md", UNPARSED)
    result = run("--no-cache", "--output-format", "concise", "broken.md")
    assert "FM003" in result.out and "TX001" in result.out
    assert "[*]" not in result.out and "fixable" not in result.out, result.out
    data = json.loads(run("--no-cache", "--output-format", "json", "broken.md").out)
    assert data and all(d["fix"] is None for d in data)


# item 7: paths that yield no document


def test_an_empty_folder_is_a_warning(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "emptydir").mkdir()
    result = run("emptydir")
    assert "no Markdown files found under emptydir" in result.err
    assert result.code == 0


def test_a_folder_named_as_a_file_is_ml001(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "somedir.md").mkdir()
    result = run("--output-format", "json", "somedir.md")
    data = json.loads(result.out)
    assert [(d["path"], d["code"], d["message"]) for d in data] == [
        ("somedir.md", "ML001", "is a directory, not a file")
    ]
    assert result.code == 1


def test_a_mistyped_path_is_no_such_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("--output-format", "json", "mising.md")
    data = json.loads(result.out)
    assert [(d["path"], d["code"], d["message"]) for d in data] == [
        ("mising.md", "ML001", "no such file")
    ]
    assert result.code == 1


# item 8: a reader that stops early


def test_a_closed_pipe_exits_zero_every_time(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    codes = set()
    errors = set()
    for _ in range(8):
        proc = subprocess.Popen(
            [sys.executable, "-m", "minutes_lint", "rules"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()  # like `| head -1`
        errors.add(proc.stderr.read().decode())
        codes.add(proc.wait())
    assert codes == {0}
    assert errors == {""}


# item 9: repeated options accumulate


def test_repeated_select_accumulates(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, "a.md", HELD_28.replace("charter.", "charter.  "))
    both = run("--no-cache", "--output-format", "json", "--select", "DT", "--select", "WS001", ".")
    assert {d["code"] for d in json.loads(both.out)} == {"DT001", "WS001"}
    comma = run("--no-cache", "--output-format", "json", "--select", "DT,WS001", ".")
    assert both.out == comma.out
    ignored = run(
        "--no-cache",
        "--output-format",
        "json",
        "--ignore",
        "DT",
        "--ignore",
        "WS",
        "--select",
        "DT,WS,FM010",
        ".",
    )
    assert json.loads(ignored.out) == []


def test_a_single_valued_option_given_twice_is_refused(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--output-format", "json", "--output-format", "text", ".")
    assert result.code == 2
    assert "--output-format: given more than once" in result.err


# item 12: one problem, one line


def test_a_multi_line_placeholder_stays_on_one_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(
        tmp_path,
        ".minutes-lint.toml",
        'select = ["ST005"]\n[rules.ST005]\nplaceholders = ["Fill in\\nthe agenda"]\n',
    )
    write(tmp_path, "a.md", HELD_14.replace("The group", "Fill in\nthe agenda. The group"))
    result = run("--no-cache", "--output-format", "concise", "a.md")
    lines = result.out.splitlines()
    assert lines[0] == (
        "a.md:9:1: ST005 template placeholder “Fill in the agenda” left in the text"
    )
    assert lines[1].startswith("Found 1 problem")
    full = run("--no-cache", "a.md").out.splitlines()  # the default format
    assert full[0] == lines[0]
    assert not any(line.startswith("the agenda") for line in full)
    data = json.loads(run("--no-cache", "--output-format", "json", "a.md").out)
    assert data[0]["message"] == "template placeholder “Fill in the agenda” left in the text"


# item 13: --exclude and --extend-exclude


def test_exclude_and_extend_exclude(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = HELD_28.replace("charter.", "charter.  ")
    write(tmp_path, ".minutes-lint.toml", 'exclude = ["drafts/*"]\n')
    for name in ("a.md", "drafts/b.md", "archive/c.md", "archive/d.md"):
        write(tmp_path, name, bad)

    def paths(*args: str) -> set[str]:
        out = run("--no-cache", "--select", "WS001", "--output-format", "json", *args, ".").out
        return {Path(d["path"]).as_posix() for d in json.loads(out)}

    assert paths() == {"a.md", "archive/c.md", "archive/d.md"}
    assert paths("--extend-exclude", "archive/c.md") == {"a.md", "archive/d.md"}
    assert paths("--extend-exclude", "archive/c.md", "--extend-exclude", "archive/d.md") == {"a.md"}
    # --exclude replaces the configured globs
    assert paths("--exclude", "archive/*") == {"a.md", "drafts/b.md"}
    assert paths("--exclude", "archive/*,a.md") == {"drafts/b.md"}
    # a file named explicitly is linted whatever the globs say
    assert (
        "a.md:9:33: WS001" in run("--no-cache", "--select", "WS001", "--exclude", "*", "a.md").out
    )
