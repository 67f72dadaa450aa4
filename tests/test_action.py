"""The GitHub Action (``action.yml``): its steps run locally, as a runner would run them.

Each ``run:`` script is run with bash as GitHub runs composite steps
(``bash --noprofile --norc -eo pipefail``), with ``${{ github.action_path }}``
and ``${{ inputs.* }}`` expanded and ``GITHUB_ENV``, ``GITHUB_OUTPUT``,
``GITHUB_STEP_SUMMARY`` and ``RUNNER_TEMP`` pointed at temporary files.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

CHECKOUT = Path(__file__).resolve().parents[1]
BASH = shutil.which("bash")
pytestmark = pytest.mark.skipif(BASH is None, reason="bash is not installed")

MINUTES = """---
title: 2026-03-04 Minutes of the Example Working Group
date: 2026-03-04
---

# Minutes of the Example Working Group, March 4, 2026

## 1. Attendees

Alice Moreau (Northwind Trust), Bruno Silva (Example CA), Chen Wei (Blue Harbor PKI)

## 2. Discussion

Bruno Silva presented the ballot and the group was intersted in it.
The next meeting will be on Wednesday, March 18, 2026.
"""


def load_action() -> dict[str, Any]:
    from ruamel.yaml import YAML

    with open(CHECKOUT / "action.yml", encoding="utf-8") as fh:
        return YAML(typ="safe").load(fh)


def expand(value: str, inputs: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        expression = match.group(1).strip()
        if expression == "github.action_path":
            return str(CHECKOUT)
        if expression.startswith("inputs."):
            return inputs[expression.removeprefix("inputs.")]
        raise AssertionError(f"unexpected expression {expression!r} in action.yml")

    return re.sub(r"\$\{\{(.*?)\}\}", one, str(value))


class Runner:
    """Runs the action's steps one after another, carrying ``GITHUB_ENV`` between them."""

    def __init__(self, tmp: Path, workspace: Path, given: dict[str, str]) -> None:
        tmp.mkdir(parents=True, exist_ok=True)
        self.action = load_action()
        declared = self.action["inputs"]
        unknown = set(given) - set(declared)
        assert not unknown, f"the action has no inputs {unknown}"
        self.inputs = {k: str(v.get("default", "")) for k, v in declared.items()} | given
        self.files = {
            name: tmp / name.lower()
            for name in ("GITHUB_ENV", "GITHUB_PATH", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY")
        }
        for path in self.files.values():
            path.write_text("", encoding="utf-8")
        runner_temp = tmp / "runner-temp"
        runner_temp.mkdir()
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "RUNNER_"))},
            **{name: str(path) for name, path in self.files.items()},
            "RUNNER_TEMP": str(runner_temp),
            "GITHUB_ACTION_PATH": str(CHECKOUT),
            "GITHUB_WORKSPACE": str(workspace),
            "GITHUB_ACTIONS": "true",
            "CI": "true",
        }
        self.workspace = workspace

    def steps(self) -> list[dict[str, Any]]:
        assert self.action["runs"]["using"] == "composite"
        return list(self.action["runs"]["steps"])

    def run(self, step: dict[str, Any]) -> subprocess.CompletedProcess[str]:
        assert step["shell"] == "bash"
        env = dict(self.env)
        env.update(self.exported())
        env.update({k: expand(v, self.inputs) for k, v in (step.get("env") or {}).items()})
        assert "${{" not in step["run"], "inputs reach scripts through env, never expanded inline"
        return subprocess.run(
            [BASH, "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=self.workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    def exported(self) -> dict[str, str]:
        text = self.files["GITHUB_ENV"].read_text(encoding="utf-8")
        return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)

    def output(self, name: str) -> str:
        text = self.files["GITHUB_OUTPUT"].read_text(encoding="utf-8")
        return dict(line.split("=", 1) for line in text.splitlines())[name]

    @property
    def summary(self) -> str:
        return self.files["GITHUB_STEP_SUMMARY"].read_text(encoding="utf-8")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / ".minutes-lint.toml").write_text('corpus = ["content/*.md"]\n', encoding="utf-8")
    (root / "content" / "2026-03-04.md").write_text(MINUTES, encoding="utf-8")
    return root


def lint_step(runner: Runner) -> dict[str, Any]:
    return next(s for s in runner.steps() if s.get("id") == "lint")


def use_this_environment(runner: Runner) -> None:
    """Stand in for the install step: minutes-lint of the test environment."""
    with open(runner.files["GITHUB_ENV"], "a", encoding="utf-8") as fh:
        fh.write(f"MINUTES_LINT_BIN={Path(sys.executable).parent}\n")
    assert (Path(sys.executable).parent / "minutes-lint").exists()


def test_the_action_declares_its_inputs_and_installs_from_its_own_checkout() -> None:
    action = load_action()
    assert {"paths", "args", "baseline"} <= set(action["inputs"])
    install = action["runs"]["steps"][0]
    assert install["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    assert '"$ACTION_PATH"' in install["run"]
    assert "--output-format github" in lint_step_of(action)["run"]


def lint_step_of(action: dict[str, Any]) -> dict[str, Any]:
    return next(s for s in action["runs"]["steps"] if s.get("id") == "lint")


def test_annotations_summary_and_exit_code(tmp_path: Path, workspace: Path) -> None:
    runner = Runner(tmp_path, workspace, {"paths": "content"})
    use_this_environment(runner)
    result = runner.run(lint_step(runner))
    assert result.returncode == 1, result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert any(
        line.startswith("::warning file=content/2026-03-04.md,line=14,")
        and "title=TX001" in line
        and "intersted" in line
        for line in annotations
    ), result.stdout
    assert runner.output("exit-code") == "1"
    summary = runner.summary
    assert summary.startswith("## minutes-lint\n")
    assert "| TX001 | misspelling | 1 | warning |" in summary
    assert "`content/2026-03-04.md:14` **TX001** (warning)" in summary


def test_a_baseline_gates_only_new_problems(tmp_path: Path, workspace: Path) -> None:
    bin_dir = Path(sys.executable).parent
    recorded = subprocess.run(
        [str(bin_dir / "minutes-lint"), "baseline", "content", "--output", "baseline.json"],
        cwd=workspace,
        capture_output=True,
        text=True,
    )
    assert recorded.returncode == 0, recorded.stderr
    runner = Runner(tmp_path, workspace, {"paths": "content", "baseline": "baseline.json"})
    use_this_environment(runner)
    result = runner.run(lint_step(runner))
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert "All checks passed" in runner.summary
    # a new problem fails the job, and only it is annotated
    page = workspace / "content" / "2026-03-04.md"
    page.write_text(MINUTES + "\nThe group agreed to recieve comments.\n", encoding="utf-8")
    runner = Runner(
        tmp_path / "again", workspace, {"paths": "content", "baseline": "baseline.json"}
    )
    use_this_environment(runner)
    result = runner.run(lint_step(runner))
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 1 and "recieve" in annotations[0]
    assert "**1 new problem**" in runner.summary


def test_extra_args_reach_minutes_lint(tmp_path: Path, workspace: Path) -> None:
    runner = Runner(tmp_path, workspace, {"paths": "content", "args": "--ignore TX --exit-zero"})
    use_this_environment(runner)
    result = runner.run(lint_step(runner))
    assert result.returncode == 0, result.stderr
    assert "TX001" not in result.stdout and "TX001" not in runner.summary


def test_a_usage_error_fails_the_step_without_a_summary(tmp_path: Path, workspace: Path) -> None:
    runner = Runner(tmp_path, workspace, {"paths": "content", "args": "--select NOPE"})
    use_this_environment(runner)
    result = runner.run(lint_step(runner))
    assert result.returncode == 2
    assert "NOPE" in result.stderr
    assert runner.summary == ""


@pytest.mark.packaging
def test_every_step_of_the_action_installs_and_lints(tmp_path: Path, workspace: Path) -> None:
    """The whole action, install step included (builds minutes-lint: slow, needs PyPI)."""
    runner = Runner(tmp_path / "run", workspace, {"paths": "content"})
    results = [runner.run(step) for step in runner.steps()]
    install, lint = results
    assert install.returncode == 0, install.stdout + install.stderr
    bin_dir = Path(runner.exported()["MINUTES_LINT_BIN"])
    assert bin_dir.is_relative_to(tmp_path)
    assert runner.files["GITHUB_PATH"].read_text(encoding="utf-8") == f"{bin_dir}\n"
    assert lint.returncode == 1, lint.stderr
    assert any("title=TX001" in line for line in lint.stdout.splitlines())
    assert "| TX001 | misspelling | 1 | warning |" in runner.summary
