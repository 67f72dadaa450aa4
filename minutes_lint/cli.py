"""The entry point: pick the command, run it, turn its errors into exit code 2.

Each command lives in :mod:`minutes_lint.commands` and its shared arguments in
:mod:`minutes_lint.arguments`; nothing imports this module but ``__main__`` (and the
``minutes-lint`` script).  Exit codes (:mod:`minutes_lint.exit_codes`): 0 nothing to
report (or only info), 1 errors or warnings found, 2 usage, configuration or internal error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from minutes_lint.arguments import check_parser
from minutes_lint.config import ConfigError
from minutes_lint.exit_codes import EXIT_CLEAN, EXIT_ERROR, UsageError
from minutes_lint.registry import RuleError

__all__ = ["main"]
COMMANDS = (
    "check",
    "rules",
    "rule",
    "config",
    "baseline",
    "roster",
    "server",
    "calendar",
    "inspect",
    "report",
)


class _PipeGuard:
    """Standard output that tolerates a reader who stops reading (``| head -1``).

    The first write to a closed pipe points the file descriptor at the null device and
    every later write is dropped, so the command finishes and exits with the code its
    findings call for, whether or not the reader left early.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.broken = False

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                self._stream.write(text)
            except BrokenPipeError:
                self._break()
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._break()

    def _break(self) -> None:
        self.broken = True
        _silence_stdout()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def main(argv: Sequence[str] | None = None) -> int:
    real_stdout = sys.stdout
    sys.stdout = _PipeGuard(real_stdout)  # type: ignore[assignment]
    try:
        return _main(argv)
    finally:
        try:
            sys.stdout.flush()
        finally:
            sys.stdout = real_stdout


def _main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            command, rest = args[0], args[1:]
        else:
            command, rest = "check", args
        if command == "check":
            from minutes_lint.commands.check import run_check

            parsed = check_parser().parse_args(rest)
            if parsed.output_format is None:
                parsed.output_format = "full"
            return run_check(parsed)
        if command in ("rules", "rule"):
            from minutes_lint.commands.rules import run_rules

            return run_rules(command, rest)
        if command == "config":
            from minutes_lint.commands.config import run_config

            return run_config(rest)
        if command == "server":
            from minutes_lint.server import run_server

            return run_server(rest)
        if command == "baseline":
            from minutes_lint.commands.baseline import run_baseline

            return run_baseline(rest)
        if command == "calendar":
            from minutes_lint.commands.calendar import run_calendar

            return run_calendar(rest)
        if command == "inspect":
            from minutes_lint.commands.inspect import run_inspect

            return run_inspect(rest)
        if command == "report":
            from minutes_lint.commands.report import run_report

            return run_report(rest)
        from minutes_lint.commands.roster import run_roster

        return run_roster(rest)
    except BrokenPipeError:
        # a closed pipe met outside standard output's guard (``sys.stdout.buffer``):
        # the reader went away, which is not a failure of the run
        _silence_stdout()
        return EXIT_CLEAN
    except (ConfigError, RuleError, UsageError, OSError) as exc:
        print(f"minutes-lint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except ModuleNotFoundError as exc:  # an installation that lacks a dependency
        print(
            f"minutes-lint: error: cannot import '{exc.name}', which minutes-lint needs: "
            "install minutes-lint again with its dependencies (pip install .)",
            file=sys.stderr,
        )
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _silence_stdout() -> None:
    try:
        descriptor = sys.__stdout__.fileno() if sys.__stdout__ is not None else 1
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, descriptor)
        os.close(devnull)
    except (OSError, ValueError):
        pass
