"""The documentation works when followed: its commands run and its example output is real."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_lint import __version__
from minutes_lint.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
ACTIONS = ROOT / "docs" / "github-actions.md"


def blocks(text: str) -> list[tuple[str, str]]:
    """Every fenced code block of a Markdown text: (language, body)."""
    found: list[tuple[str, str]] = []
    language: str | None = None
    body: list[str] = []
    for line in text.splitlines(keepends=True):
        if line.startswith("```"):
            if language is None:
                language, body = line[3:].strip(), []
            else:
                found.append((language, "".join(body)))
                language = None
        elif language is not None:
            body.append(line)
    return found


def fenced(text: str, language: str) -> list[str]:
    return [body for lang, body in blocks(text) if lang == language]


def workflow() -> dict[str, object]:
    from ruamel.yaml import YAML

    (block,) = [b for b in fenced(ACTIONS.read_text(encoding="utf-8"), "yaml") if "jobs:" in b]
    data = YAML(typ="safe").load(block)
    assert isinstance(data, dict)
    return data


def run_steps() -> list[str]:
    jobs = workflow()["jobs"]
    assert isinstance(jobs, dict)
    return [step["run"] for job in jobs.values() for step in job["steps"] if "run" in step]


def pip_requirement() -> str:
    data = workflow()
    (install,) = [r for r in run_steps() if "pip install" in r]
    env = data.get("env") or {}
    assert isinstance(env, dict)
    words = shlex.split(install)
    requirement = words[words.index("install") + 1]
    return re.sub(r"\$\{(\w+)\}", lambda m: str(env[m.group(1)]), requirement)


# -- docs/github-actions.md (issue 16, item 14) --------------------------------------------


def test_the_workflow_installs_this_project_from_a_pinned_git_url() -> None:
    from packaging.requirements import Requirement

    requirement = Requirement(pip_requirement())
    assert requirement.name == "minutes-lint"
    assert requirement.url is not None and requirement.url.startswith("git+https://")
    repository, _, ref = requirement.url.removeprefix("git+").rpartition("@")
    assert ref == f"v{__version__}", "pinned to the release tag of this version"
    # the same repository and tag as the pre-commit hook the README shows
    readme = README.read_text(encoding="utf-8")
    hook = re.search(r"- repo: (\S+)\s.*\n\s+rev: (\S+)", readme)
    assert hook is not None
    assert (repository, ref) == (hook.group(1), hook.group(2))


def test_pip_resolves_the_requirement_to_this_project(tmp_path: Path) -> None:
    """The docs' requirement, pointed at this checkout instead of the host, installs
    minutes-lint of this version (a dry run, offline, without dependencies)."""
    pytest.importorskip("wheel")  # setuptools < 70 builds metadata with it
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if head.returncode != 0:
        pytest.skip("not a git checkout")
    url = re.sub(r"git\+\S+@", f"git+file://localhost{ROOT}@", pip_requirement(), count=1)
    url = url.rsplit("@", 1)[0] + "@" + head.stdout.strip()
    report = tmp_path / "report.json"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "--no-index",
         "--no-build-isolation", "--quiet", "--report", str(report), url],
        cwd=tmp_path, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (installed,) = json.loads(report.read_text(encoding="utf-8"))["install"]
    assert installed["metadata"]["name"] == "minutes-lint"
    assert installed["metadata"]["version"] == __version__


def test_the_workflow_commands_run_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every minutes-lint command of the docs, run in a small project: the baseline is
    written, the gate passes on the baselined archive and the roster check passes."""
    (tmp_path / ".minutes-lint.toml").write_text('corpus = ["content/**/*.md"]\n')
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text("---\ntitle: Example\n---\nSome text.  \n")
    monkeypatch.chdir(tmp_path)
    text = ACTIONS.read_text(encoding="utf-8")
    baseline = [
        line.split("#")[0]
        for block in fenced(text, "sh")
        for line in block.splitlines()
        if line.startswith("minutes-lint baseline")
    ]
    assert baseline
    commands = [*baseline, *[r for r in run_steps() if r.startswith("minutes-lint")]]
    assert any("--output-format github" in c for c in commands)
    for command in commands:
        words = shlex.split(command)
        if words[1:2] == ["roster"] and "--check" in words:
            assert main(["roster"]) == 0  # a project keeps its roster up to date
        code = main(words[1:])
        out = capsys.readouterr()
        assert code == 0, (command, out.out, out.err)


# -- README (issue 16, item 15) -------------------------------------------------------------


def test_the_readme_example_output_is_what_the_examples_produce(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = README.read_text(encoding="utf-8")
    shown = [
        line
        for block in fenced(readme, "")
        for line in block.splitlines()
        if line.startswith("examples/")
    ]
    assert shown
    monkeypatch.chdir(ROOT)
    for name in ("FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    capsys.readouterr()
    assert main(["--no-cache", "examples/"]) == 1
    produced = capsys.readouterr().out.splitlines()
    for line in shown:
        assert line in produced, line


def test_the_readme_roster_counts_are_those_of_the_real_archive(tmp_path: Path) -> None:
    corpus = os.environ.get("MINUTES_LINT_CORPUS")
    if not corpus:
        pytest.skip("MINUTES_LINT_CORPUS is not set")
    readme = README.read_text(encoding="utf-8")
    (block,) = [b for b in fenced(readme, "yaml") if b.startswith("people:")]
    claimed = re.findall(r"- name: ([^#\n]+?)\s+# ((?:[^:,\n]+: \d+(?:, )?)+)", block)
    assert claimed, "the README's roster example shows the counts it was written from"
    pattern = str(Path(corpus).resolve() / "content" / "**" / "*.md")
    (tmp_path / ".minutes-lint.toml").write_text(f"corpus = [{json.dumps(pattern)}]\n")
    done = subprocess.run(
        [sys.executable, "-m", "minutes_lint", "roster", "--check", "--no-cache"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert done.returncode == 1, done.stderr  # no roster yet: every cluster is new
    for name, counts in claimed:
        assert f"people: {name} " in done.stdout or f"organisations: {name} " in done.stdout
        assert f"[{counts.strip()}]" in done.stdout, (name, counts)
