"""The command-line arguments the commands share: code lists, globs, ``--config`` and the
check command's parser (the report and the calendar run a check with its defaults).

Only argparse and the version are imported here: it is on the start-up path of every run.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from minutes_lint import __version__

FORMATS = ("full", "concise", "text", "json", "github", "sarif", "junit", "gitlab", "summary")


def codes(value: str) -> list[str]:
    """``"dt001, AT"`` -> ``["DT001", "AT"]``: rule codes or prefixes, upper case."""
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def globs(value: str) -> list[str]:
    """``"drafts/*, *.tmp.md"`` -> ``["drafts/*", "*.tmp.md"]``."""
    return [g.strip() for g in value.split(",") if g.strip()]


class Once(argparse.Action):
    """An option that takes one value: given twice, it is refused rather than overridden."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        if getattr(namespace, self.dest, None) is not None:
            parser.error(f"argument {option_string}: given more than once")
        setattr(namespace, self.dest, values)


def add_config_option(parser: argparse.ArgumentParser) -> None:
    """``--config PATH``, as every command that reads the configuration takes it."""
    parser.add_argument(
        "--config", type=Path, metavar="PATH", action=Once, help="configuration file to use"
    )


def check_parser(prog: str = "minutes-lint") -> argparse.ArgumentParser:
    """The arguments of ``minutes-lint [PATHS]``, the check command."""
    p = argparse.ArgumentParser(
        prog=prog,
        description="Lint meeting minutes (Markdown with YAML front matter) for data-quality "
        "problems. Other commands: rules, rule CODE, config, baseline, roster, calendar, "
        "inspect, report, server.",
    )
    p.add_argument("paths", nargs="*", help="files or folders to lint; '-' reads stdin")
    add_config_option(p)
    p.add_argument("--version", action="version", version=f"minutes-lint {__version__}")
    # list options accumulate when repeated (``--select DT --select AT001``), as in ruff
    p.add_argument("--select", type=codes, action="extend", help="codes or prefixes to run")
    p.add_argument("--extend-select", type=codes, action="extend", help="add to the selection")
    p.add_argument("--ignore", type=codes, action="extend", help="codes or prefixes to skip")
    p.add_argument(
        "--exclude",
        type=globs,
        action="extend",
        metavar="GLOBS",
        help="globs of files not to lint when folders are expanded (replaces 'exclude')",
    )
    p.add_argument(
        "--extend-exclude",
        type=globs,
        action="extend",
        metavar="GLOBS",
        help="globs to exclude in addition to the configured 'exclude'",
    )
    p.add_argument(
        "--output-format",
        choices=FORMATS,
        action=Once,
        help="full (default: each problem with its source line), concise (one line each; "
        "'text' is its former name) or a machine format",
    )
    p.add_argument("--stdin-filename", action=Once, help="path to report for text read from stdin")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    p.add_argument("--fix", action="store_true", help="apply safe fixes")
    p.add_argument("--unsafe-fixes", action="store_true", help="also apply (or show) unsafe fixes")
    p.add_argument("--diff", action="store_true", help="print the diff --fix would make")
    p.add_argument("--show-fixes", action="store_true", help="list what --fix fixed")
    p.add_argument(
        "--exit-non-zero-on-fix", action="store_true", help="exit 1 when --fix changed a file"
    )
    p.add_argument(
        "--baseline", type=Path, metavar="FILE", action=Once, help="report only what it lacks"
    )
    p.add_argument("--statistics", action="store_true", help="counts per code")
    p.add_argument(
        "--timings",
        action="store_true",
        help="print the time per stage, rule, fact and model part to stderr",
    )
    p.add_argument("--exit-zero", action="store_true", help="always exit 0 after reporting")
    return p
