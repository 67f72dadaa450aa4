"""The process pool: same results as a serial run with fork and spawn, and a pool that
fails (a worker dies, a task cannot be sent) falls back to serial instead of hanging.
The lint phase itself runs in spawned workers (macOS, Windows) as it runs serially."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

from minutes_lint import parallel
from minutes_lint.config import Settings, load_settings
from minutes_lint.diagnostics import Diagnostic
from minutes_lint.discovery import expand_paths
from minutes_lint.document import Document
from minutes_lint.engine import Engine
from minutes_lint.registry import load_rules
from minutes_lint.source import Source
from minutes_lint.stages.corpus import load_corpus
from minutes_lint.stages.discover import discover, read_sources
from minutes_lint.stages.lint import lint_documents
from minutes_lint.stages.plan import plan_run

PARENT = os.getpid()


def square(x: int) -> int:
    return x * x


def dies_in_a_worker(x: int) -> int:
    if os.getpid() != PARENT:
        os._exit(3)  # a worker killed mid-task
    return x + 1


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_results_come_back_in_order_with_either_start_method(
    method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MINUTES_LINT_START_METHOD", method)
    monkeypatch.setenv("MINUTES_LINT_WORKERS", "2")
    assert parallel.start_method() == method
    assert parallel.ordered_map(square, list(range(60))) == [x * x for x in range(60)]


def test_a_worker_that_dies_does_not_hang_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINUTES_LINT_WORKERS", "2")
    assert parallel.ordered_map(dies_in_a_worker, list(range(10))) == list(range(1, 11))


def test_a_closure_under_spawn_runs_serially(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINUTES_LINT_START_METHOD", "spawn")
    monkeypatch.setenv("MINUTES_LINT_WORKERS", "4")
    offset = 5
    assert parallel.ordered_map(lambda x: x + offset, [1, 2, 3]) == [6, 7, 8]


def test_the_task_s_own_error_propagates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINUTES_LINT_WORKERS", "2")
    with pytest.raises(ZeroDivisionError):
        parallel.ordered_map(lambda x: 1 // x, [1, 0, 2])


# A small made-up archive with problems for document and corpus rules: a title that
# disagrees with its body (DT001), a title used twice (FM010), a weekday that does not
# match its date (DT002), a meeting on another weekday than the series' (calendar rules).
MINUTES = """\
---
title: "{title}"
---
{weekday}, {day}

## Attendees

- Ada Quill (Northwind Trust)
- Bo Renner (Example Org)

## Notes

The group reviewed the draft.
"""


def fixture_archive(root: Path) -> list[Path]:
    start = datetime.date(2026, 1, 7)  # a Wednesday
    paths = []
    for n in range(12):
        day = start + datetime.timedelta(days=14 * n)
        title = f"Example WG minutes {day.isoformat()}"
        weekday = day.strftime("%A")
        if n == 3:
            title = f"Example WG minutes {(day - datetime.timedelta(days=14)).isoformat()}"
        if n == 5:
            weekday = "Friday"
        if n == 8:
            day += datetime.timedelta(days=3)  # a Saturday
            title, weekday = f"Example WG minutes {day.isoformat()}", day.strftime("%A")
        path = root / f"{day.isoformat()}-minutes.md"
        text = MINUTES.format(title=title, weekday=weekday, day=day.strftime("%B %-d, %Y"))
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    (root / ".minutes-lint.toml").write_text('corpus = ["*.md"]\n', encoding="utf-8")
    return paths


def lint_archive(root: Path) -> list[Diagnostic]:
    settings = load_settings(None, root)
    plan = plan_run(settings, load_rules())
    sources = read_sources(discover([str(root)], settings, expand_paths), "-", bytes)
    documents = [Document(s) for s in sources if isinstance(s, Source)]
    engine = Engine(plan.rules, settings, engine_codes=plan.engine_codes)
    engine.corpus = load_corpus(settings, plan.rules, documents, use_cache=False)
    linted = lint_documents(engine, documents, cache_folder=None)
    assert not linted.crashed
    return [d for found in linted.per_document for d in found]


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_the_lint_phase_runs_in_the_pool_as_it_runs_serially(
    method: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixture_archive(tmp_path)
    monkeypatch.setenv("MINUTES_LINT_WORKERS", "1")
    serial = lint_archive(tmp_path)
    assert parallel.last_map() == parallel.MapRun(12, "serial")
    assert {"DT001", "DT002", "FM010", "CL003"} <= {d.code for d in serial}
    monkeypatch.setenv("MINUTES_LINT_WORKERS", "2")
    monkeypatch.setenv("MINUTES_LINT_START_METHOD", method)
    pooled = lint_archive(tmp_path)
    run = parallel.last_map()  # the lint phase's map: the corpus's facts come before
    assert run is not None and run.method == method and run.items == 12, run
    assert run.worker_pids and os.getpid() not in run.worker_pids
    assert pooled == serial


def test_a_rule_that_cannot_reach_a_spawned_worker_runs_serially(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.fake_rules import word_rule

    rules = load_rules([word_rule("ZZ001", "foo")])
    monkeypatch.setenv("MINUTES_LINT_WORKERS", "2")
    monkeypatch.setenv("MINUTES_LINT_START_METHOD", "spawn")
    engine = Engine(rules, Settings(root=Path.cwd()), engine_codes=set())
    documents = [Document.from_text(f"foo {n}\n", f"m{n}.md") for n in range(4)]
    linted = lint_documents(engine, documents, cache_folder=None)
    assert [len(found) for found in linted.per_document] == [1, 1, 1, 1]
    run = parallel.last_map()
    assert run is not None and run.method == "serial" and "not importable" in run.fell_back


def test_a_worker_that_dies_while_linting_does_not_hang_the_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from collections.abc import Iterator

    from minutes_lint.diagnostics import Problem
    from tests.fake_rules import make_rule

    def check(doc: Document, ctx: object) -> Iterator[Problem]:
        if os.getpid() != PARENT:
            os._exit(3)  # a worker killed while it lints
        yield Problem(0, 1, "seen in the parent")

    rules = load_rules([make_rule("ZZ009", check)])
    monkeypatch.setenv("MINUTES_LINT_WORKERS", "2")
    monkeypatch.setenv("MINUTES_LINT_START_METHOD", "fork")
    engine = Engine(rules, Settings(root=Path.cwd()), engine_codes=set())
    documents = [Document.from_text(f"text {n}\n", f"m{n}.md") for n in range(6)]
    linted = lint_documents(engine, documents, cache_folder=None)
    assert [[d.message for d in found] for found in linted.per_document] == [
        ["seen in the parent"]
    ] * 6
    run = parallel.last_map()
    assert run is not None and run.method == "serial" and run.fell_back
