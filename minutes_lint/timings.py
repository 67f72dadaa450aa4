"""Where a run spends its time (``--timings``): per stage, per rule, per fact, per model part.

Measurement is off unless :func:`enable` was called; then :func:`measure` times a block
of code under a kind (``stage``, ``rule``, ``fact``, ``model``) and a name.  A stage's
time excludes the stages nested in it (the corpus facts that linting gathers on first
need), so the stages add up to the run's wall time; a rule's, fact's or model part's time
excludes the rules, facts, model parts and stages nested in it (the block parse a rule is
the first to need counts for the model, the corpus its first read gathers for the corpus
stage, not for the rule), so those add up to the work done.
Worker processes of the pool measure their own part and hand it back with each result
(:func:`drain` and :func:`merge`); their times are then summed over the workers, which
run side by side.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from time import perf_counter
from typing import TextIO

Totals = dict[tuple[str, str], list[float]]  # (kind, name) -> [seconds, calls]

KINDS = ("stage", "model", "fact", "rule")
_TITLES = {
    "stage": "stages (main process, wall time)",
    "model": "document model",
    "fact": "corpus facts (per fact)",
    "rule": "rules",
}


class Timings:
    """Exclusive seconds and calls per (kind, name)."""

    def __init__(self) -> None:
        self.totals: Totals = {}
        self.pooled = False  # some work ran in worker processes (times summed over them)
        # per open block: is it a stage, and the time of the blocks of its class nested in it
        self._open: list[list[float]] = []

    @contextmanager
    def measure(self, kind: str, name: str) -> Iterator[None]:
        stage = 1.0 if kind == "stage" else 0.0
        entry = [stage, 0.0]
        self._open.append(entry)
        started = perf_counter()
        try:
            yield
        finally:
            elapsed = perf_counter() - started
            self._open.pop()
            # the nearest open block of the same class excludes this one; a stage is also
            # excluded from the block of work it opened in (the facts a rule's read gathers),
            # so work done inside a stage is not excluded again from the work around it
            work_done = False
            for outer in reversed(self._open):
                if outer[0] == stage:
                    outer[1] += elapsed
                    break
                if not stage:
                    break  # a stage between this work and the work around it
                if not work_done:
                    outer[1] += elapsed
                    work_done = True
            self.add(kind, name, elapsed - entry[1])

    def add(self, kind: str, name: str, seconds: float, calls: int = 1) -> None:
        entry = self.totals.get((kind, name))
        if entry is None:
            self.totals[(kind, name)] = [seconds, float(calls)]
        else:
            entry[0] += seconds
            entry[1] += calls


_CURRENT: Timings | None = None


def enable() -> Timings:
    """Start measuring in this process (and in the pool's workers); return the collector."""
    global _CURRENT
    if _CURRENT is None:
        _CURRENT = Timings()
    return _CURRENT


def disable() -> None:
    global _CURRENT
    _CURRENT = None


def current() -> Timings | None:
    return _CURRENT


@contextmanager
def measure(kind: str, name: str) -> Iterator[None]:
    """Time the block when measuring is on; otherwise do nothing."""
    timings = _CURRENT
    if timings is None:
        yield
        return
    with timings.measure(kind, name):
        yield


def drain() -> Totals | None:
    """What this process measured since the last drain (a worker, after each task)."""
    timings = _CURRENT
    if timings is None or not timings.totals:
        return None
    found, timings.totals = timings.totals, {}
    return found


def merge(totals: Totals | None) -> None:
    """Add a worker's measurements to this process's."""
    timings = _CURRENT
    if timings is None or not totals:
        return
    timings.pooled = True
    for (kind, name), (seconds, calls) in totals.items():
        timings.add(kind, name, seconds, int(calls))


def write_report(timings: Timings, stream: TextIO, *, top: int | None = None) -> None:
    """Every stage, then the top rules, facts and model parts by total time, with shares."""
    by_kind: dict[str, list[tuple[str, float, int]]] = {kind: [] for kind in KINDS}
    for (kind, name), (seconds, calls) in timings.totals.items():
        by_kind.setdefault(kind, []).append((name, seconds, int(calls)))
    stage_total = sum(s for _, s, _ in by_kind["stage"])
    work_total = sum(s for kind in KINDS[1:] for _, s, _ in by_kind.get(kind, []))
    print(
        "minutes-lint timings (seconds; a line excludes the lines of its kind nested in it)",
        file=stream,
    )
    if timings.pooled:
        print(
            "  rules, facts and the document model ran in worker processes too: their times"
            " are summed over the workers (CPU time side by side, not wall time)",
            file=stream,
        )
    for kind in KINDS:
        rows = sorted(by_kind.get(kind, []), key=lambda r: (-r[1], r[0]))
        if kind != "stage" and top is not None:
            rows = rows[:top]
        if not rows:
            continue
        whole = stage_total if kind == "stage" else work_total
        print(f"{_TITLES[kind]}:", file=stream)
        for name, seconds, calls in rows:
            share = 100.0 * seconds / whole if whole > 0 else 0.0
            print(f"  {name:<36} {seconds:9.3f} s {share:5.1f}% {calls:>8} calls", file=stream)
    print(f"total of the stages: {stage_total:.3f} s", file=stream)
