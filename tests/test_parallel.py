"""The process pool: same results as a serial run with fork and spawn, and a pool that
fails (a worker dies, a task cannot be sent) falls back to serial instead of hanging."""

from __future__ import annotations

import os

import pytest

from minutes_lint import parallel

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
