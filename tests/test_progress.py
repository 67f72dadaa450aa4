"""Progress on stderr: only on a terminal, never piped or in CI, only for runs over a second."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from minutes_lint.parallel import ordered_map
from minutes_lint.progress import Progress, progress, wanted


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_nothing_is_drawn_in_the_first_second() -> None:
    clock, stream = Clock(), Tty()
    shown = Progress(10, stream, clock=clock)
    for _ in range(5):
        clock.now += 0.1
        shown.tick()
    shown.close()
    assert stream.getvalue() == ""


def test_after_a_second_done_of_total_is_drawn_and_erased() -> None:
    clock, stream = Clock(), Tty()
    shown = Progress(364, stream, clock=clock)
    clock.now += 1.5
    shown.tick()
    clock.now += 0.01
    shown.tick()  # too soon to redraw
    clock.now += 0.2
    shown.tick()
    shown.close()
    assert stream.getvalue() == (
        "\rminutes-lint: 1/364 documents\rminutes-lint: 3/364 documents\r\x1b[K"
    )


def test_the_last_document_is_always_drawn() -> None:
    clock, stream = Clock(), Tty()
    shown = Progress(2, stream, clock=clock)
    clock.now += 2
    shown.tick()
    shown.tick()
    assert stream.getvalue().endswith("2/2 documents")


def test_only_for_a_person_at_a_terminal() -> None:
    assert wanted(Tty(), Tty(), {})
    assert not wanted(Tty(), Tty(), {"CI": "true"})
    assert not wanted(io.StringIO(), Tty(), {})  # output piped
    assert not wanted(Tty(), io.StringIO(), {})  # stderr redirected


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals here")
def test_a_real_terminal_counts() -> None:
    master, slave = os.openpty()
    with open(slave, "w", closefd=True) as tty:
        assert wanted(tty, tty, {})
    os.close(master)


def test_the_context_yields_a_no_op_when_piped() -> None:
    err = Tty()
    with progress(100, stdout=io.StringIO(), stderr=err, env={}) as tick:
        tick()
    assert err.getvalue() == ""


def test_ordered_map_reports_each_item_done(monkeypatch: pytest.MonkeyPatch) -> None:
    done: list[int] = []
    assert ordered_map(lambda x: x * 2, [1, 2, 3], lambda: done.append(1)) == [2, 4, 6]
    assert len(done) == 3
    if sys.platform != "win32":
        monkeypatch.setenv("MINUTES_LINT_WORKERS", "2")
        done.clear()
        items = list(range(60))
        assert ordered_map(_square, items, lambda: done.append(1)) == [i * i for i in items]
        assert len(done) == 60


def _square(x: int) -> int:
    return x * x


def test_a_piped_run_prints_no_progress(tmp_path: Path) -> None:
    import subprocess

    for i in range(3):
        (tmp_path / f"{i}.md").write_text("The group was intersted.\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "minutes_lint", "--no-cache", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1
    assert "documents" not in out.stderr and "\r" not in out.stdout + out.stderr
