"""Progress of a long run on stderr: ``minutes-lint: 120/364 documents``.

Shown only when a person is watching: stdout and stderr are both terminals
and the ``CI`` variable is not set, and only once the run has taken about a
second, so short runs print nothing extra.  The line is redrawn in place at
most ten times a second and erased when the run ends.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TextIO

DELAY = 1.0  # seconds before the first line is drawn
INTERVAL = 0.1  # seconds between redraws


def wanted(stdout: TextIO, stderr: TextIO, env: Mapping[str, str]) -> bool:
    """True when progress may be drawn: both streams are terminals, not in CI."""
    if env.get("CI") or env.get("MINUTES_LINT_NO_PROGRESS"):
        return False
    try:
        return stdout.isatty() and stderr.isatty()
    except (AttributeError, OSError, ValueError):
        return False


class Progress:
    """Counts finished documents and draws ``done/total`` after ``delay`` seconds."""

    def __init__(
        self,
        total: int,
        stream: TextIO,
        *,
        delay: float = DELAY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.stream = stream
        self.delay = delay
        self.clock = clock
        self.done = 0
        self.started = clock()
        self.drawn_at: float | None = None

    def tick(self) -> None:
        """One more document is done; redraw when it is time."""
        self.done += 1
        now = self.clock()
        if now - self.started < self.delay:
            return
        if self.drawn_at is not None and now - self.drawn_at < INTERVAL and self.done < self.total:
            return
        self.drawn_at = now
        self.stream.write(f"\rminutes-lint: {self.done}/{self.total} documents")
        self.stream.flush()

    def close(self) -> None:
        """Erase the progress line, if one was drawn."""
        if self.drawn_at is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _nothing() -> None:
    return None


@contextmanager
def progress(
    total: int,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    env: Mapping[str, str] | None = None,
) -> Iterator[Callable[[], None]]:
    """A ``tick`` to call once per finished document; a no-op when nobody is watching."""
    out = sys.stdout if stdout is None else stdout
    err = sys.stderr if stderr is None else stderr
    if total <= 1 or not wanted(out, err, os.environ if env is None else env):
        yield _nothing
        return
    shown = Progress(total, err)
    try:
        yield shown.tick
    finally:
        shown.close()
