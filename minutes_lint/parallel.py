"""Using both cores on large runs: a process pool above a threshold, serial below it.

Workers are forked after the parent has built what they share (the engine and
the corpus with its indexes), so nothing big is pickled; each task is a
document index and each result is small.  Results come back in input order,
so a parallel run reports exactly what a serial run reports.  Where fork is
not available the work runs serially.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

THRESHOLD = 48  # fewer items than this run serially: starting workers costs more
_TASK: Callable[[Any], Any] | None = None


def worker_count(items: int) -> int:
    """How many processes to use for ``items`` tasks (``MINUTES_LINT_WORKERS`` overrides)."""
    wanted = os.environ.get("MINUTES_LINT_WORKERS", "")
    if wanted.isdigit():
        return max(1, min(int(wanted), items or 1))
    if items < THRESHOLD:
        return 1
    import multiprocessing  # only large runs pay for it

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def _run(item: Any) -> Any:
    assert _TASK is not None
    return _TASK(item)


def ordered_map(task: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``[task(i) for i in items]``, spread over processes when there are many items."""
    workers = worker_count(len(items))
    if workers <= 1:
        return [task(item) for item in items]
    import multiprocessing

    global _TASK
    _TASK = task  # inherited by the forked workers
    try:
        context = multiprocessing.get_context("fork")
        chunk = max(1, len(items) // (workers * 8))
        with context.Pool(workers) as pool:
            return pool.map(_run, items, chunksize=chunk)
    finally:
        _TASK = None
