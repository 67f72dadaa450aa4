"""``minutes-lint baseline [PATHS]``: record today's diagnostics, or prune fixed ones.

With the file written, ``minutes-lint --baseline FILE`` reports only diagnostics that
are not in it, so a CI gate speaks only about what a pull request adds.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from minutes_lint.arguments import codes
from minutes_lint.baseline import BaselineError, prune, write_baseline
from minutes_lint.commands.check import LintOptions, lint_paths
from minutes_lint.exit_codes import EXIT_CLEAN, EXIT_ERROR, UsageError

DEFAULT_FILE = "minutes-lint-baseline.json"


def run_baseline(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="minutes-lint baseline", description=__doc__)
    p.add_argument("paths", nargs="*", help="files or folders to lint (default: .)")
    p.add_argument("--output", "-o", type=Path, default=Path(DEFAULT_FILE), help="baseline file")
    p.add_argument("--prune", action="store_true", help="only remove entries that match nothing")
    p.add_argument("--config", type=Path, metavar="PATH")
    p.add_argument("--select", type=codes, action="extend")
    p.add_argument("--ignore", type=codes, action="extend")
    p.add_argument("--no-cache", action="store_true")
    args = p.parse_args(argv)
    run = lint_paths(
        LintOptions(
            paths=list(args.paths),
            config=args.config,
            select=args.select,
            ignore=args.ignore,
            no_cache=args.no_cache,
        )
    )
    if run.crashed:
        return EXIT_ERROR
    try:
        if args.prune:
            if not args.output.exists():
                raise UsageError(f"{args.output}: no baseline to prune")
            removed = prune(args.output, run.diagnostics, run.checked_paths)
            print(f"{args.output}: {removed} stale entries removed")
        else:
            count = write_baseline(args.output, run.diagnostics)
            print(f"{args.output}: {count} diagnostics recorded")
    except BaselineError as exc:
        raise UsageError(str(exc)) from exc
    return EXIT_CLEAN
