"""End to end: pre-commit hooks from this checkout, and the CI baseline workflow."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parent.parent

CLEAN = """\
---
title: 2026-03-04 Minutes of the Example Working Group
date: 2026-03-05 09:00:00
---

## Minutes of EXWG

Wednesday, March 4, 2026

## 1. Discussion

Alice Moreau presented the ballot.

## 2. Attendees

Alice Moreau (Northwind Trust), Bruno Silva (Example CA), Chen Wei (Blue Harbor PKI)
"""


def run(
    cmd: list[str], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, timeout=900)


def lint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "minutes_lint", *args], cwd)


@pytest.fixture
def minutes_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "minutes"
    repo.mkdir()
    (repo / ".minutes-lint.toml").write_text('corpus = ["content/*.md"]\n', encoding="utf-8")
    content = repo / "content"
    content.mkdir()
    (content / "2026-03-04.md").write_text(CLEAN, encoding="utf-8")
    return repo


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    out = run(["git", *args], repo, env)
    assert out.returncode == 0, out.stderr
    return out


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A local clone of this checkout with its uncommitted changes committed (what
    ``pre-commit try-repo`` builds), and its revision: ``pre-commit run`` installs the
    hooks' environment from it once and every hook run of the module reuses it."""
    shadow = tmp_path_factory.mktemp("hooks") / "checkout"
    out = run(["git", "clone", "-q", "--shared", str(CHECKOUT), str(shadow)], CHECKOUT)
    assert out.returncode == 0, out.stderr
    diff = subprocess.run(
        ["git", "diff", "HEAD", "--binary"], cwd=CHECKOUT, capture_output=True, check=True
    ).stdout
    if diff:
        applied = subprocess.run(
            ["git", "apply", "--index", "-"], cwd=shadow, input=diff, capture_output=True
        )
        assert applied.returncode == 0, applied.stderr
        git(shadow, "commit", "-q", "--no-verify", "-m", "uncommitted changes")
    rev = git(shadow, "rev-parse", "HEAD").stdout.strip()
    return shadow, rev


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_hooks_from_this_checkout(
    minutes_repo: Path, hooks_repo: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    if not Path(pre_commit).exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    shadow, rev = hooks_repo
    # the planted trailing spaces are reported only when the cosmetic rules are selected
    config = minutes_repo / ".minutes-lint.toml"
    config.write_text(config.read_text(encoding="utf-8") + 'extend-select = ["WS"]\n')
    (minutes_repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {shadow}\n  rev: {rev}\n"
        "  hooks:\n  - id: minutes-lint\n  - id: minutes-lint-fix\n",
        encoding="utf-8",
    )
    git(minutes_repo, "init", "-q")
    git(minutes_repo, "add", ".")
    git(minutes_repo, "commit", "-q", "-m", "minutes")
    defective = CLEAN.replace("the ballot.", "the ballot to intersted members.   ")
    target = minutes_repo / "content" / "2026-03-04.md"
    target.write_text(defective, encoding="utf-8")
    git(minutes_repo, "add", ".")
    home = tmp_path_factory.getbasetemp() / "pre-commit-home"  # one environment per session
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}

    def hook(hook_id: str) -> subprocess.CompletedProcess[str]:
        return run([pre_commit, "run", hook_id], minutes_repo, env)

    lint_hook = hook("minutes-lint")
    assert lint_hook.returncode == 1, lint_hook.stdout + lint_hook.stderr
    assert "TX001" in lint_hook.stdout
    fix_hook = hook("minutes-lint-fix")
    assert fix_hook.returncode == 1, fix_hook.stdout + fix_hook.stderr
    assert target.read_text(encoding="utf-8") == CLEAN.replace(
        "the ballot.", "the ballot to interested members."
    )
    git(minutes_repo, "add", ".")
    again = hook("minutes-lint")
    assert again.returncode == 0, again.stdout + again.stderr


def diagnostics(cwd: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    out = lint(cwd, "--output-format", "json", *args)
    assert "Traceback" not in out.stderr, out.stderr
    return out.returncode, json.loads(out.stdout)


def test_baseline_reports_only_new_problems(minutes_repo: Path) -> None:
    content = minutes_repo / "content"
    old = content / "2026-03-04.md"
    old.write_text(CLEAN.replace("Wednesday, March 4", "Thursday, March 4"), encoding="utf-8")
    rc, found = diagnostics(minutes_repo, "content")
    assert rc == 1 and [d["code"] for d in found] == ["DT002"]
    out = lint(minutes_repo, "baseline", "content", "--output", "baseline.json")
    assert out.returncode == 0, out.stderr
    rc, found = diagnostics(minutes_repo, "--baseline", "baseline.json", "content")
    assert (rc, found) == (0, [])
    # lines inserted above the old problem; a new problem in the old file and in a new file
    text = old.read_text(encoding="utf-8")
    text = text.replace("## Minutes of EXWG\n", "## Minutes of EXWG\n\nRecorded by the chair.\n\n")
    text = text.replace("the ballot.", "the ballot XXX.")
    old.write_text(text, encoding="utf-8")
    new = content / "2026-03-18.md"
    new.write_text(
        CLEAN.replace("2026-03-04", "2026-03-18")
        .replace("Wednesday, March 4", "Wednesday, March 18")
        .replace("2026-03-05", "2026-03-19")
        .replace("Moreau presented", "Moreau is intersted in"),
        encoding="utf-8",
    )
    rc, found = diagnostics(minutes_repo, "--baseline", "baseline.json", "content")
    assert rc == 1
    assert sorted((Path(str(d["path"])).name, d["code"]) for d in found) == [
        ("2026-03-04.md", "ST005"),
        ("2026-03-18.md", "TX001"),
    ]


def test_stale_baseline_entries_are_counted_and_pruned(minutes_repo: Path) -> None:
    old = minutes_repo / "content" / "2026-03-04.md"
    old.write_text(CLEAN.replace("Wednesday, March 4", "Thursday, March 4"), encoding="utf-8")
    assert lint(minutes_repo, "baseline", "content", "-o", "b.json").returncode == 0
    old.write_text(CLEAN, encoding="utf-8")
    out = lint(minutes_repo, "--baseline", "b.json", "content")
    assert out.returncode == 0 and "1 baseline entries no longer match" in out.stderr
    pruned = lint(minutes_repo, "baseline", "--prune", "content", "-o", "b.json")
    assert pruned.returncode == 0 and "1 stale entries removed" in pruned.stdout
    assert json.loads((minutes_repo / "b.json").read_text(encoding="utf-8"))["entries"] == []


def test_every_output_format_on_the_examples() -> None:
    import re
    import xml.etree.ElementTree as ET

    jsonschema = pytest.importorskip("jsonschema")
    examples = CHECKOUT / "examples"
    outputs = {}
    for fmt in ("text", "json", "github", "sarif", "junit", "gitlab"):
        out = lint(examples, "--no-cache", "--output-format", fmt, ".")
        assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
        outputs[fmt] = out.stdout
    schema = json.loads((CHECKOUT / "tests" / "schemas" / "sarif-2.1.0.json").read_text())
    jsonschema.validate(json.loads(outputs["sarif"]), schema)
    assert ET.fromstring(outputs["junit"]).tag == "testsuites"
    command = re.compile(
        r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,"
        r"endColumn=\d+,title=[A-Z]+\d+::.+$"
    )
    assert all(command.match(line) for line in outputs["github"].splitlines())
    for item in json.loads(outputs["gitlab"]):
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(item)
        assert item["location"]["path"] and item["location"]["lines"]["begin"] >= 1
    codes = {d["code"] for d in json.loads(outputs["json"])}
    assert {"DT001", "DT002", "AT001", "PN001", "TX001", "ST001", "ST005", "AT004"} <= codes
