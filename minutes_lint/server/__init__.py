"""``minutes-lint server``: a Language Server Protocol server over stdio.

Needs the ``server`` extra (``pip install 'minutes-lint[server]'``, which brings pygls);
nothing here is imported unless the command runs.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence


def run_server(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="minutes-lint server",
        description="Run the minutes-lint language server over stdio (for editors).",
    )
    parser.add_argument(
        "--log-level",
        choices=("error", "warning", "info", "debug"),
        default="warning",
        help="what the server logs to stderr (the editor's output panel)",
    )
    parser.add_argument("--log-file", metavar="PATH", help="log to this file instead of stderr")
    args = parser.parse_args(list(argv))
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        print(
            "minutes-lint: error: the language server needs pygls: "
            "pip install 'minutes-lint[server]'",
            file=sys.stderr,
        )
        return 2
    target = {"filename": args.log_file} if args.log_file else {"stream": sys.stderr}
    logging.basicConfig(
        **target,  # type: ignore[arg-type]
        level=getattr(logging, args.log_level.upper()),
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    from minutes_lint.server.app import server

    server.start_io()
    return 0
