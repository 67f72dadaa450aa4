"""The documentation works when followed: its commands run and its example output is real."""

from __future__ import annotations

import json
import os
import re
import shlex
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


def steps() -> list[dict[str, object]]:
    jobs = workflow()["jobs"]
    assert isinstance(jobs, dict)
    return [step for job in jobs.values() for step in job["steps"]]


def run_steps() -> list[str]:
    return [str(step["run"]) for step in steps() if "run" in step]


# -- docs/github-actions.md (issue 16, item 14) --------------------------------------------


def test_the_workflow_installs_this_project_pinned_never_from_the_package_index() -> None:
    text = ACTIONS.read_text(encoding="utf-8")
    # minutes-lint is not on the Python package index: nothing installs it from there
    assert not re.search(r"pip install\s+(?:-\S+\s+)*[\"']?minutes-lint(?:[\"'\s]|$)", text)
    (action,) = [str(s["uses"]) for s in steps() if str(s.get("uses", "")).count("minutes-lint@")]
    _repository, _, ref = action.rpartition("@")
    assert ref == f"v{__version__}", "pinned to the release tag of this version"
    # the action is this repository's, and it installs minutes-lint from its own checkout
    installs = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert re.search(r"pip install .*\$ACTION_PATH", installs)
    # the same tag as the pre-commit hook the README shows
    hook = re.search(r"- repo: \S+\s.*\n\s+rev: (\S+)", README.read_text(encoding="utf-8"))
    assert hook is not None and hook.group(1) == ref


def test_the_workflow_commands_run_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every minutes-lint command of the docs, run in a small project: the baseline is
    written, the gate the action runs passes on the baselined archive and the roster
    check passes."""
    (tmp_path / ".minutes-lint.toml").write_text('corpus = ["content/**/*.md"]\n')
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text("---\ntitle: Example\n---\nThe group was intersted.\n")
    monkeypatch.chdir(tmp_path)
    text = ACTIONS.read_text(encoding="utf-8")
    baseline = [
        line.split("#")[0]
        for block in fenced(text, "sh")
        for line in block.splitlines()
        if line.startswith("minutes-lint baseline")
    ]
    assert baseline
    (action,) = [s for s in steps() if "minutes-lint@" in str(s.get("uses", ""))]
    inputs = action.get("with") or {}
    assert isinstance(inputs, dict)
    gate = "minutes-lint --output-format github"
    gate += f" --baseline {inputs['baseline']}" if inputs.get("baseline") else ""
    gate += f" {inputs.get('args', '')} {inputs.get('paths', '.')}"
    commands = [*baseline, gate, *[r for r in run_steps() if r.startswith("minutes-lint")]]
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
