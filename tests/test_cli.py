"""The command line: exit codes, output formats, file selection, fixing and the subcommands.

Most tests call :func:`minutes_lint.cli.main` in-process; the generic behaviour
runs on fake rules (patched in place of the installed ones) and the end-to-end
tests use the installed DT001 rule through ``python -m minutes_lint``.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from minutes_lint.cli import main
from minutes_lint.diagnostics import Severity
from minutes_lint.registry import load_rules
from tests.fake_rules import crashing_rule, standard_rules, word_rule

# the title's year disagrees with the body's date; the next meeting sides with the body
BAD = """---
title: 2024-01-14 Minutes of the Example Working Group
date: 2026-01-15 00:00:00
---
January 14, 2026

## 1. Discussion

The group discussed the draft.

Next meeting: January 28, 2026
"""
GOOD = BAD.replace("title: 2024-01-14", "title: 2026-01-14")
DIAGNOSTIC_KEYS = {
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "code",
    "severity",
    "message",
    "fix",
}
FIX_KEYS = {"applicability", "message", "edits"}
EDIT_KEYS = {"line", "column", "end_line", "end_column", "content"}


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> list[dict[str, object]]:
        return json.loads(self.out)  # type: ignore[no-any-return]


@pytest.fixture
def cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> CliRunner:
    """Run ``main`` in ``tmp_path`` and capture what it prints."""
    monkeypatch.chdir(tmp_path)
    for name in ("FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return CliRunner(tmp_path, monkeypatch, capsys)


class CliRunner:
    def __init__(
        self, root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        self.root = root
        self.monkeypatch = monkeypatch
        self.capsys = capsys

    def use_rules(self, modules: Sequence[ModuleType]) -> None:
        """Replace the installed rules with ``modules`` for every command."""
        self.monkeypatch.setattr(
            "minutes_lint.registry.load_rules", lambda: load_rules(list(modules))
        )

    def write(self, name: str, text: str | bytes) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
        return path

    def __call__(self, *args: str, stdin: bytes | None = None) -> Run:
        self.capsys.readouterr()
        if stdin is not None:
            self.monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse errors and --version
            code = exc.code if isinstance(exc.code, int) else 2
        captured = self.capsys.readouterr()
        return Run(code, captured.out, captured.err)


def subprocess_run(args: Sequence[str], cwd: Path, stdin: bytes | None = None) -> Run:
    """Run ``python -m minutes_lint`` as a user would."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    done = subprocess.run(
        [sys.executable, "-m", "minutes_lint", *args],
        cwd=cwd,
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=env,
        timeout=300,
    )
    return Run(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def codes(run: Run) -> list[str]:
    return [str(d["code"]) for d in run.json()]


# -- exit codes ----------------------------------------------------------------------------


def test_a_clean_file_exits_0(cli: CliRunner) -> None:
    cli.write("good.md", GOOD)
    run = cli("--select", "DT001", "good.md")
    assert (run.code, run.err) == (0, "")
    assert "All checks passed!" in run.out


def test_a_clean_file_exits_0_with_fake_rules(cli: CliRunner) -> None:
    cli.use_rules(standard_rules())
    cli.write("good.md", "nothing to see\n")
    assert cli("good.md").code == 0


def test_a_date_mismatch_exits_1(cli: CliRunner) -> None:
    cli.write("bad.md", BAD)
    run = cli("--select", "DT001", "bad.md")
    assert run.code == 1
    assert run.out.startswith("bad.md:2:8: DT001 ")
    assert "Found 1 problem (1 error, 0 warnings, 0 info)." in run.out


def test_end_to_end_through_python_m(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    run = subprocess_run(["--select", "DT", "bad.md", "good.md"], tmp_path)
    assert run.code == 1, run.err
    assert "bad.md:2:8: DT001" in run.out and "good.md" not in run.out
    assert "Traceback" not in run.err
    assert subprocess_run(["--select", "DT", "good.md"], tmp_path).code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--nope", "x.md"], "unrecognized arguments: --nope"),
        (["--output-format", "xml", "x.md"], "invalid choice: 'xml'"),
        (["--select", "NOPE", "x.md"], "--select: 'NOPE' matches no rule code"),
        (["--ignore", "DT9", "x.md"], "--ignore: 'DT9' matches no rule code"),
        (["--extend-select", "Q", "x.md"], "--extend-select: 'Q' matches no rule code"),
        (["-", "-"], "'-' (stdin) can be given only once"),
        (["--config", "missing.toml", "x.md"], "missing.toml: no such configuration file"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "x.md").write_text(GOOD, encoding="utf-8")
    run = subprocess_run(args, tmp_path)
    assert run.code == 2
    assert message in run.err
    assert "Traceback" not in run.err
    assert run.out == ""


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('selct = ["DT"]', "unknown key 'selct'"),
        ('[severity]\nDT001 = "fatal"', 'severity.DT001 must be "error", "warning" or "info"'),
        ("select = 3", "'select' must be a list of strings"),
        ('select = ["DT"', "invalid TOML"),
        ("[rules.DT001]\nmax-publication-lag-days = 'x'", "max-publication-lag-days must be int"),
        ("[rules.DT001]\nmax-lag = 3", "unknown option 'max-lag'"),
        ("[rules.ZZ999]\nx = 1", "rules.ZZ999: no such rule"),
        ('[severity]\nZZ999 = "info"', "severity.ZZ999: no such rule"),
        ('ignore = ["QQ"]', "'QQ' matches no rule code"),
    ],
)
def test_configuration_errors_exit_2(cli: CliRunner, toml: str, message: str) -> None:
    cli.write(".minutes-lint.toml", toml + "\n")
    cli.write("bad.md", BAD)
    run = cli("bad.md")
    assert run.code == 2
    assert run.err.startswith("minutes-lint: error: ")
    assert message in run.err
    assert ".minutes-lint.toml" in run.err
    assert run.out == ""


def test_a_crashing_rule_exits_2_and_still_reports(cli: CliRunner) -> None:
    cli.use_rules([*standard_rules(), crashing_rule()])
    cli.write("a.md", "foo\n")
    run = cli("--output-format", "json", "a.md")
    assert run.code == 2
    assert set(codes(run)) == {"ZZ001", "ML005"}


def test_info_never_fails_a_run(cli: CliRunner) -> None:
    cli.use_rules([word_rule("ZZ001", "foo", severity=Severity.INFO)])
    cli.write("a.md", "foo\n")
    run = cli("a.md")
    assert run.code == 0
    assert "a.md:1:1: ZZ001" in run.out
    assert "Found 1 problem (0 errors, 0 warnings, 1 info)." in run.out


def test_an_unused_suppression_alone_does_not_fail_a_run(cli: CliRunner) -> None:
    cli.use_rules(standard_rules())
    cli.write("a.md", "<!-- minutes-lint: disable-next-line ZZ001 -->\nclean\n")
    run = cli("--output-format", "json", "a.md")
    assert (run.code, codes(run)) == (0, ["ML003"])


def test_a_severity_lowered_to_info_does_not_fail_a_run(cli: CliRunner) -> None:
    cli.write(".minutes-lint.toml", '[severity]\nDT001 = "info"\n')
    cli.write("bad.md", BAD)
    run = cli("--select", "DT001", "--output-format", "json", "bad.md")
    assert run.code == 0
    assert [(d["code"], d["severity"]) for d in run.json()] == [("DT001", "info")]


def test_exit_zero(cli: CliRunner) -> None:
    cli.write("bad.md", BAD)
    run = cli("--select", "DT001", "--exit-zero", "bad.md")
    assert run.code == 0 and "DT001" in run.out


def test_version(cli: CliRunner) -> None:
    run = cli("--version")
    assert run.code == 0 and run.out.startswith("minutes-lint ")


# -- output --------------------------------------------------------------------------------


def check_json_shape(data: list[dict[str, object]]) -> None:
    """Every diagnostic has exactly the contract's keys, and so do fixes and edits."""
    assert isinstance(data, list)
    for item in data:
        assert set(item) == DIAGNOSTIC_KEYS
        for key in ("line", "column", "end_line", "end_column"):
            assert isinstance(item[key], int) and item[key] >= 1  # type: ignore[operator]
        assert item["severity"] in ("error", "warning", "info")
        fix = item["fix"]
        if fix is None:
            continue
        assert isinstance(fix, dict) and set(fix) == FIX_KEYS
        assert fix["applicability"] in ("safe", "unsafe")
        assert fix["edits"] and all(set(e) == EDIT_KEYS for e in fix["edits"])


def test_json_output_with_fake_rules(cli: CliRunner) -> None:
    cli.use_rules(standard_rules())
    cli.write("a.md", "foo bar\nbaz\n")
    run = cli("--output-format", "json", "a.md")
    data = run.json()
    check_json_shape(data)
    assert [(d["code"], d["line"], d["column"], d["end_column"]) for d in data] == [
        ("ZZ001", 1, 1, 4),
        ("ZZ002", 1, 5, 8),
        ("ZY001", 2, 1, 4),
    ]
    assert data[0]["fix"] == {
        "applicability": "safe",
        "message": "Write 'food'",
        "edits": [{"line": 1, "column": 1, "end_line": 1, "end_column": 4, "content": "food"}],
    }
    assert data[1]["fix"]["applicability"] == "unsafe"  # type: ignore[index]
    assert data[2]["fix"] is None


def test_json_output_of_dt001(cli: CliRunner) -> None:
    cli.write("bad.md", BAD)
    run = cli("--select", "DT001", "--output-format", "json", "bad.md")
    data = run.json()
    check_json_shape(data)
    (item,) = data
    assert (item["path"], item["line"], item["column"], item["code"]) == ("bad.md", 2, 8, "DT001")
    assert item["severity"] == "error"
    fix = item["fix"]
    assert isinstance(fix, dict) and fix["applicability"] == "unsafe"
    assert fix["edits"][0]["content"] == "2026-01-14"


def test_json_output_of_a_clean_run_is_an_empty_array(cli: CliRunner) -> None:
    cli.write("good.md", GOOD)
    assert cli("--select", "DT001", "--output-format", "json", "good.md").json() == []


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit", "gitlab"])
def test_every_output_format_runs(cli: CliRunner, fmt: str) -> None:
    cli.use_rules(standard_rules())
    cli.write("a.md", "foo\n")
    run = cli("--output-format", fmt, "a.md")
    assert run.code == 1 and run.out and run.err == ""


@pytest.mark.parametrize("given", ["bad.md", "./bad.md", "sub/../bad.md", "ABSOLUTE"])
def test_paths_are_reported_as_given(cli: CliRunner, given: str) -> None:
    path = cli.write("bad.md", BAD)
    (cli.root / "sub").mkdir()
    given = str(path) if given == "ABSOLUTE" else given
    run = cli("--select", "DT001", "--output-format", "json", given)
    assert [d["path"] for d in run.json()] == [given]


def test_paths_found_in_a_folder_are_reported_under_it(cli: CliRunner) -> None:
    cli.write("minutes/2026/bad.md", BAD)
    run = cli("--select", "DT001", "--output-format", "json", "minutes")
    assert [d["path"] for d in run.json()] == [os.path.join("minutes", "2026", "bad.md")]


def test_statistics(cli: CliRunner) -> None:
    cli.use_rules(standard_rules())
    cli.write("a.md", "foo foo bar\nfoo\n")
    run = cli("--statistics", "a.md")
    assert run.code == 1
    lines = run.out.splitlines()
    assert lines[0].split() == ["3", "ZZ001", "[*]", "Fake", "rule", "ZZ001"]
    assert lines[1].split() == ["1", "ZZ002", "Fake", "rule", "ZZ002"]
    assert "a.md:1:1" not in run.out


# -- which files ---------------------------------------------------------------------------


def test_a_folder_expands_to_markdown_files_only(cli: CliRunner) -> None:
    cli.use_rules(standard_rules())
    for name in ("d/a.md", "d/b.txt", "d/c.markdown", "d/sub/e.md", "d/.hidden/f.md"):
        cli.write(name, "foo\n")
    cli.write("d/node_modules/g.md", "foo\n")
    run = cli("--output-format", "json", "d")
    paths = sorted(str(d["path"]) for d in run.json())
    assert paths == [os.path.join("d", n) for n in ("a.md", "c.markdown", "sub/e.md")]


def test_an_explicit_file_is_linted_whatever_its_extension(cli: CliRunner) -> None:
    cli.use_rules(standard_rules())
    cli.write("d/b.txt", "foo\n")
    run = cli("--output-format", "json", "d/b.txt", "d/b.txt", "./d/b.txt")
    assert [d["path"] for d in run.json()] == ["d/b.txt"]  # each file once


def test_no_path_means_the_current_folder(cli: CliRunner) -> None:
    cli.use_rules(standard_rules())
    cli.write("a.md", "foo\n")
    cli.write("notes.txt", "foo\n")
    run = cli("--output-format", "json")
    assert [d["path"] for d in run.json()] == ["a.md"]


def test_excluded_files_are_skipped_when_a_folder_is_walked(cli: CliRunner) -> None:
    cli.use_rules(standard_rules())
    cli.write(".minutes-lint.toml", 'exclude = ["drafts/*"]\n')
    cli.write("drafts/a.md", "foo\n")
    cli.write("minutes/b.md", "foo\n")
    run = cli("--output-format", "json", ".")
    assert [d["path"] for d in run.json()] == [os.path.join("minutes", "b.md")]


def test_templates_are_excluded_by_default(cli: CliRunner) -> None:
    cli.use_rules(standard_rules())
    cli.write("site/archetypes/minutes.md", "foo\n")
    cli.write("minutes/meeting-template.md", "foo\n")
    cli.write("minutes/b.md", "foo\n")
    run = cli("--output-format", "json", ".")
    assert [d["path"] for d in run.json()] == [os.path.join("minutes", "b.md")]
    # a configured exclude replaces the default
    cli.write(".minutes-lint.toml", 'exclude = ["minutes/b.md"]\n')
    run = cli("--output-format", "json", ".")
    assert sorted(d["path"] for d in run.json()) == [
        os.path.join("minutes", "meeting-template.md"),
        os.path.join("site", "archetypes", "minutes.md"),
    ]


def test_a_missing_file_is_ml001(cli: CliRunner) -> None:
    cli.write("good.md", GOOD)
    run = cli("--select", "DT001", "--output-format", "json", "missing.md", "good.md")
    assert run.code == 1
    assert [(d["path"], d["code"]) for d in run.json()] == [("missing.md", "ML001")]


def test_engine_codes_can_be_ignored(cli: CliRunner) -> None:
    run = cli("--select", "DT001", "--ignore", "ML001", "missing.md")
    assert run.code == 0


# -- stdin ---------------------------------------------------------------------------------


def test_stdin_with_a_file_name(tmp_path: Path) -> None:
    args = ["--select", "DT001", "-", "--stdin-filename", "minutes/2026-01-14.md"]
    run = subprocess_run(args, tmp_path, BAD.encode())
    assert run.code == 1, run.err
    assert run.out.startswith("minutes/2026-01-14.md:2:8: DT001 ")


def test_stdin_without_a_file_name(cli: CliRunner) -> None:
    run = cli("--select", "DT001", "-", stdin=BAD.encode())
    assert run.code == 1 and run.out.startswith("-:2:8: DT001 ")


def test_stdin_filename_alone_reads_stdin(cli: CliRunner) -> None:
    run = cli("--select", "DT001", "--stdin-filename", "x.md", stdin=GOOD.encode())
    assert run.code == 0


def test_stdin_filename_finds_the_configuration(cli: CliRunner) -> None:
    cli.write("minutes/.minutes-lint.toml", '[severity]\nDT001 = "info"\n')
    args = ("--select", "DT001", "-", "--stdin-filename", "minutes/a.md")
    assert cli(*args, stdin=BAD.encode()).code == 0
    assert cli("--select", "DT001", "-", stdin=BAD.encode()).code == 1


def test_fixing_stdin_writes_the_document_to_stdout_and_the_report_to_stderr(
    cli: CliRunner,
) -> None:
    data = ("\ufeff" + BAD.replace("\n", "\r\n")).encode()
    run = cli("--select", "DT001", "--fix", "--unsafe-fixes", "-", stdin=data)
    assert run.code == 0
    assert run.out.encode() == data.replace(b"title: 2024", b"title: 2026")
    assert "Fixed 1 problem." in run.err


def test_fixing_stdin_without_a_fix_echoes_the_document(cli: CliRunner) -> None:
    run = cli("--select", "DT001", "--fix", "-", stdin=BAD.encode())
    assert run.code == 1
    assert run.out == BAD
    assert "DT001" in run.err


def test_non_utf8_stdin_is_ml002(cli: CliRunner) -> None:
    run = cli("--select", "DT001", "-", stdin="caf\xe9\n".encode("latin-1"))
    assert run.code == 1 and "-:1:4: ML002" in run.out


# -- fixing --------------------------------------------------------------------------------


def test_fix_applies_safe_fixes_only(cli: CliRunner) -> None:
    cli.use_rules(standard_rules())
    path = cli.write("a.md", "foo bar\n")
    run = cli("--fix", "a.md")
    assert path.read_text() == "food bar\n"
    assert run.code == 1  # the unsafe fix of ZZ002 was not applied
    assert "a.md:1:6: ZZ002" in run.out and "Fixed 1 problem." in run.out


def test_unsafe_fixes_are_applied_on_request(cli: CliRunner) -> None:
    cli.use_rules(standard_rules())
    path = cli.write("a.md", "foo bar\n")
    run = cli("--fix", "--unsafe-fixes", "--show-fixes", "a.md")
    assert path.read_text() == "food barn\n"
    assert run.code == 0
    assert "Fixed 2 problems:" in run.out and "1 x ZZ002 (fake-zz002)" in run.out


def test_fix_of_dt001_needs_unsafe_fixes(cli: CliRunner) -> None:
    path = cli.write("bad.md", BAD)
    run = cli("--select", "DT001", "--fix", "bad.md")
    assert run.code == 1
    assert path.read_text() == BAD
    assert "1 hidden fix can be enabled with the `--unsafe-fixes` option" in run.out
    run = cli("--select", "DT001", "--fix", "--unsafe-fixes", "bad.md")
    assert run.code == 0
    assert path.read_text() == GOOD
    assert "Fixed 1 problem." in run.out


def test_fix_keeps_crlf_and_bom(cli: CliRunner) -> None:
    data = ("\ufeff" + BAD.replace("\n", "\r\n")).encode()
    path = cli.write("bad.md", data)
    assert cli("--select", "DT001", "--fix", "--unsafe-fixes", "bad.md").code == 0
    assert path.read_bytes() == data.replace(b"title: 2024", b"title: 2026")


def test_diff_writes_nothing_and_exits_1(cli: CliRunner) -> None:
    path = cli.write("bad.md", BAD)
    run = cli("--select", "DT001", "--diff", "--unsafe-fixes", "bad.md")
    assert run.code == 1
    assert path.read_text() == BAD
    assert "--- a/bad.md" in run.out and "+++ b/bad.md" in run.out
    assert "-title: 2024-01-14" in run.out and "+title: 2026-01-14" in run.out


def test_diff_without_changes_exits_0(cli: CliRunner) -> None:
    path = cli.write("bad.md", BAD)
    run = cli("--select", "DT001", "--diff", "bad.md")  # only an unsafe fix exists
    assert (run.code, run.out) == (0, "")
    assert path.read_text() == BAD


def test_exit_non_zero_on_fix(cli: CliRunner) -> None:
    cli.use_rules(standard_rules())
    path = cli.write("a.md", "foo\n")
    assert cli("--fix", "--exit-non-zero-on-fix", "a.md").code == 1
    assert path.read_text() == "food\n"
    assert cli("--fix", "--exit-non-zero-on-fix", "a.md").code == 0  # nothing left to fix
    cli.write("a.md", "foo\n")
    assert cli("--fix", "a.md").code == 0


def test_fix_leaves_a_broken_front_matter_alone(cli: CliRunner) -> None:
    cli.use_rules(standard_rules())
    path = cli.write("a.md", "---\ntitle: [foo\n---\nfoo\n")
    cli("--fix", "a.md")
    assert path.read_text() == "---\ntitle: [foo\n---\nfoo\n"


# -- other commands ------------------------------------------------------------------------


def test_rules_lists_codes(cli: CliRunner) -> None:
    run = cli("rules")
    assert run.code == 0
    listed = {line.split()[0] for line in run.out.splitlines()[1:]}
    assert {"DT001", "ML001", "ML003", "ML005"} <= listed


def test_rules_as_json(cli: CliRunner) -> None:
    cli.use_rules(standard_rules())
    data = json.loads(cli("rules", "--output-format", "json").out)
    assert [r["code"] for r in data] == ["ZY001", "ZZ001", "ZZ002"]
    assert data[1]["fix"] == "safe" and data[1]["severity"] == "warning"


@pytest.mark.parametrize("wanted", ["DT001", "dt001", "meeting-date-mismatch"])
def test_rule_prints_its_documentation(cli: CliRunner, wanted: str) -> None:
    run = cli("rule", wanted)
    assert run.code == 0
    assert run.out.startswith("# DT001 meeting-date-mismatch")
    for section in ("## What it does", "## Why is this bad?", "## Fix safety"):
        assert section in run.out
    assert "`max-publication-lag-days` = 90" in run.out


def test_rule_as_json(cli: CliRunner) -> None:
    data = json.loads(cli("rule", "DT001", "--output-format", "json").out)
    assert data["code"] == "DT001" and "## What it does" in data["doc"]


def test_rule_of_an_engine_code(cli: CliRunner) -> None:
    run = cli("rule", "ML003")
    assert run.code == 0 and run.out.startswith("# ML003 unused-suppression")


def test_an_unknown_rule_exits_2(cli: CliRunner) -> None:
    run = cli("rule", "NOPE")
    assert run.code == 2
    assert "no rule 'NOPE'" in run.err and run.out == ""


def test_config_prints_json(cli: CliRunner) -> None:
    cli.write(
        ".minutes-lint.toml", 'ignore = ["PN"]\n[rules.DT001]\nmax-publication-lag-days = 7\n'
    )
    run = cli("config")
    assert run.code == 0
    data = json.loads(run.out)
    assert data["config"] == str((cli.root / ".minutes-lint.toml").resolve())
    assert data["root"] == str(cli.root.resolve())
    assert data["ignore"] == ["PN"]
    assert "DT001" in data["selected"]
    assert not any(code.startswith("PN") for code in data["selected"])
    assert data["rule-options"]["DT001"]["max-publication-lag-days"] == 7


def test_config_reports_errors(cli: CliRunner) -> None:
    cli.write(".minutes-lint.toml", "[rules.DT001]\ncheck-file-name = 'yes'\n")
    run = cli("config")
    assert run.code == 2 and "check-file-name must be bool" in run.err
