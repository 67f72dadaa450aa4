"""Using both cores on large runs: a process pool above a threshold, serial below it.

Results come back in input order, so a parallel run reports exactly what a serial run
reports.  The pool starts its workers with ``fork`` where the platform has it (the task
and what it shares are inherited, nothing big is pickled) and with ``spawn`` elsewhere
(macOS, Windows), where the task must be a module-level function and its items
picklable; ``MINUTES_LINT_START_METHOD`` chooses one explicitly.  Whatever goes wrong
with the pool itself (a task that cannot be sent to a worker, a worker that dies, a
platform without process support) falls back to running the work serially: a run is
never lost, and never hangs, because of the pool.  Exceptions raised by the task itself
are the task's and propagate as they would serially.

The task reaches each worker once, as the pool's initializer argument: inherited under
fork, pickled under spawn (a task object that holds an engine pickles what the worker
needs to build it again).  :func:`last_map` tells how the latest map ran: serially or in
the pool, with which start method and in which worker processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

THRESHOLD = 48  # fewer items than this run serially: starting workers costs more
_TASK: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class MapRun:
    """How one :func:`ordered_map` ran."""

    items: int
    method: str  # "serial", or the pool's start method: "fork", "spawn", "forkserver"
    worker_pids: frozenset[int] = field(default_factory=frozenset)  # processes that did tasks
    fell_back: str = ""  # why the pool gave way to a serial run, if it did


_LAST: MapRun | None = None


def last_map() -> MapRun | None:
    """How the latest :func:`ordered_map` of this process to finish ran (None before)."""
    return _LAST


def worker_count(items: int) -> int:
    """How many processes to use for ``items`` tasks (``MINUTES_LINT_WORKERS`` overrides)."""
    wanted = os.environ.get("MINUTES_LINT_WORKERS", "")
    if wanted.isdigit():
        return max(1, min(int(wanted), items or 1))
    if items < THRESHOLD:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def start_method() -> str:
    """``fork`` where the platform has it, else ``spawn``; the environment may choose."""
    import multiprocessing  # only large runs pay for it

    methods = multiprocessing.get_all_start_methods()
    wanted = os.environ.get("MINUTES_LINT_START_METHOD", "")
    if wanted in methods:
        return wanted
    return "fork" if "fork" in methods else "spawn"


def _set_task(task: Callable[[Any], Any], timing: bool = False) -> None:
    global _TASK
    _TASK = task
    if timing:  # a fresh collector: nothing the parent measured before the fork
        from minutes_lint import timings

        timings.disable()
        timings.enable()


def _run(item: Any) -> tuple[int, Any]:
    assert _TASK is not None
    return os.getpid(), _TASK(item)


def _run_timed(item: Any) -> tuple[tuple[int, Any], Any]:
    """The task's result and what the worker measured doing it (``--timings``)."""
    from minutes_lint import timings

    result = _run(item)
    return result, timings.drain()


def _run_untimed(item: Any) -> tuple[tuple[int, Any], None]:
    return _run(item), None


def ordered_map(
    task: Callable[[T], R], items: Sequence[T], on_done: Callable[[], None] | None = None
) -> list[R]:
    """``[task(i) for i in items]``, spread over processes when there are many items.

    ``on_done`` is called in this process after each item is done (for progress).
    """
    global _LAST
    done = on_done or _nothing
    workers = worker_count(len(items))
    if workers <= 1:
        results = _serial(task, items, done)
        _LAST = MapRun(len(items), "serial")  # after the work: a map inside a task came first
        return results
    try:
        return _pooled(task, items, workers, done)
    except _PoolFailure as exc:
        results = _serial(task, items, done)
        _LAST = MapRun(len(items), "serial", fell_back=str(exc) or type(exc.__cause__).__name__)
        return results


def _nothing() -> None:
    return None


def _serial(task: Callable[[T], R], items: Sequence[T], done: Callable[[], None]) -> list[R]:
    results = []
    for item in items:
        results.append(task(item))
        done()
    return results


class _PoolFailure(Exception):
    """The pool could not do the work (not the task's own error)."""


def _pooled(
    task: Callable[[T], R], items: Sequence[T], workers: int, done: Callable[[], None]
) -> list[R]:
    global _LAST
    import multiprocessing
    import pickle
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from minutes_lint import timings

    method = start_method()
    try:
        context = multiprocessing.get_context(method)
        if method != "fork":
            pickle.dumps(task)  # a closure cannot reach a spawned worker: run serially
        chunk = max(1, len(items) // (workers * 8))
        # the task reaches each worker once, through the initializer (inherited by fork,
        # pickled by spawn); each item and result is small
        timing = timings.current() is not None
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=_set_task, initargs=(task, timing)
        ) as pool:
            results = []
            pids: set[int] = set()
            run = _run_timed if timing else _run_untimed
            for (pid, result), measured in pool.map(run, items, chunksize=chunk):
                if measured is not None:
                    timings.merge(measured)
                results.append(result)
                pids.add(pid)
                done()
        _LAST = MapRun(len(items), method, frozenset(pids))
        return results
    except (BrokenProcessPool, pickle.PicklingError, OSError, ImportError, ValueError) as exc:
        raise _PoolFailure(str(exc)) from exc
    except (AttributeError, TypeError) as exc:
        if "pickle" in str(exc):
            raise _PoolFailure(str(exc)) from exc
        raise
