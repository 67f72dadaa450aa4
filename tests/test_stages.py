"""The stages of a run as plain functions: what the command line and an editor call."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_lint.config import Settings, load_settings
from minutes_lint.registry import load_rules
from minutes_lint.stages.discover import discover, read_sources
from minutes_lint.stages.lint import lint_text
from minutes_lint.stages.plan import plan_run

ROOT = Path(__file__).resolve().parent.parent
DOC = """---
title: {title}
---
January 14, 2026

The group discussed the draft.
"""


def test_commands_do_not_import_the_command_line() -> None:
    code = (
        "import sys\n"
        "import minutes_lint.commands.check, minutes_lint.commands.baseline\n"
        "import minutes_lint.commands.roster, minutes_lint.stages.lint\n"
        "import minutes_lint.commands.calendar, minutes_lint.commands.inspect\n"
        "import minutes_lint.commands.report, minutes_lint.report.data\n"
        "import minutes_lint.commands.rules, minutes_lint.commands.config\n"
        "print('minutes_lint.cli' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def cli_imports(path: Path, package: str) -> list[int]:
    """The lines of ``path`` (a module of ``package``) that import ``minutes_lint.cli``:
    ``import minutes_lint.cli``, ``from minutes_lint.cli import ...``, ``from minutes_lint
    import cli``, relative forms, and ``import_module("minutes_lint.cli")``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names = [base] + [f"{base}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Call) and node.args:
            first = node.args[0]
            callee = node.func.attr if isinstance(node.func, ast.Attribute) else ""
            callee = node.func.id if isinstance(node.func, ast.Name) else callee
            is_text = isinstance(first, ast.Constant) and isinstance(first.value, str)
            names = [first.value] if is_text and callee in ("import_module", "__import__") else []
        else:
            continue
        if any(n == "minutes_lint.cli" or n.startswith("minutes_lint.cli.") for n in names):
            found.append(node.lineno)
    return found


def package_modules() -> list[tuple[Path, str]]:
    """Every module of the installed package: ``minutes_lint/`` and ``rules/`` (installed
    as ``minutes_lint.rules``), with the package each belongs to."""
    found = []
    for folder, package in (
        (ROOT / "minutes_lint", "minutes_lint"),
        (ROOT / "rules", "minutes_lint.rules"),
    ):
        for path in sorted(folder.rglob("*.py")):
            inner = path.parent.relative_to(folder).parts
            found.append((path, ".".join([package, *inner])))
    return found


def test_nothing_but_main_imports_the_command_line() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path, package in package_modules()
        if path.name != "__main__.py" or path.parent != ROOT / "minutes_lint"
        for line in cli_imports(path, package)
    ]
    assert offenders == []


def test_the_import_check_sees_every_form(tmp_path: Path) -> None:
    forms = [
        "import minutes_lint.cli",
        "from minutes_lint.cli import main",
        "from minutes_lint import cli",
        "from .. import cli",
        "from ..cli import EXIT_CLEAN",
        "importlib.import_module('minutes_lint.cli')",
    ]
    module = tmp_path / "m.py"
    for form in forms:
        module.write_text(f"{form}\n", encoding="utf-8")
        assert cli_imports(module, "minutes_lint.commands") == [1], form
    module.write_text("from minutes_lint import client\nfrom . import cli\n", encoding="utf-8")
    assert cli_imports(module, "minutes_lint.commands") == []
    assert cli_imports(ROOT / "minutes_lint" / "__main__.py", "minutes_lint") == [3]


def test_plan_takes_plain_settings_and_rules(tmp_path: Path) -> None:
    plan = plan_run(Settings(root=tmp_path), load_rules(), select=["DT001", "WS"])
    assert set(plan.rules) == {"DT001", "WS001", "WS002", "WS003", "WS004"}
    assert len(plan.all_rules) > len(plan.rules)


def test_discover_and_read(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("text\n")
    (tmp_path / "notes.txt").write_text("text\n")
    (tmp_path / "empty").mkdir()
    found = discover(
        [str(tmp_path), str(tmp_path / "empty"), str(tmp_path / "gone.md")],
        Settings(root=tmp_path),
        lambda paths, settings: (
            [p for p in paths if not p.endswith("empty")] and [str(tmp_path / "a.md")]
        ),
    )
    assert found.empty == [str(tmp_path / "empty")]
    assert found.warnings() == [f"no Markdown files found under {tmp_path / 'empty'}"]
    sources = read_sources(found, "-", lambda: b"")
    assert [getattr(s, "message", None) for s in sources] == [None, "no such file"]


def test_lint_text_sees_the_projects_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What an editor calls on every change: the unsaved text, linted as if it were the
    file at its path, against the other documents of the project on disk."""
    (tmp_path / ".minutes-lint.toml").write_text('corpus = ["minutes/*.md"]\n')
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "2026-01-14.md").write_text(DOC.format(title="2026-01-14 Minutes of the WG"))
    (folder / "2026-01-28.md").write_text(DOC.format(title="2026-01-28 Minutes of the WG"))
    monkeypatch.chdir(tmp_path)
    path = str(Path("minutes") / "2026-01-28.md")
    # on disk the file is fine; the edited text repeats the other file's title
    edited = DOC.format(title="2026-01-14 Minutes of the WG")
    found = lint_text(edited, path, use_cache=False)
    codes = {d.code for d in found}
    assert "FM010" in codes and all(d.path == path for d in found)
    # rules chosen by the caller, settings as loaded for the path
    settings = load_settings(None, Path(path))
    only = lint_text(edited, path, settings=settings, rules={"FM010": load_rules()["FM010"]})
    assert {d.code for d in only} == {"FM010"}
    as_on_disk = lint_text(DOC.format(title="2026-01-28 Minutes of the WG"), path, use_cache=False)
    assert "FM010" not in {d.code for d in as_on_disk}
