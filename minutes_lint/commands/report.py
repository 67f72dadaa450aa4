"""``minutes-lint report PATH... -o report.html``: one self-contained HTML page (or JSON).

The page has a summary with charts, the people and organisations written several ways
(with the roster's state), the calendar of meeting series and every problem, linked to
its line through a URL template.  ``--output-format json`` writes the same data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from minutes_lint.arguments import add_config_option, codes
from minutes_lint.exit_codes import EXIT_CLEAN


def report_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="minutes-lint report", description=__doc__)
    p.add_argument("paths", nargs="*", help="files or folders of minutes (default: .)")
    add_config_option(p)
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here (default: stdout)")
    p.add_argument("--output-format", choices=("html", "json"), default="html")
    p.add_argument(
        "--url-template",
        metavar="TEMPLATE",
        help="link for each file and problem, with {path} (from the project root), {line} "
        "and {column}: https://github.com/org/repo/blob/main/{path}#L{line} "
        "(configuration key: report-url)",
    )
    p.add_argument("--title", default="Minutes report", help="the page's title")
    p.add_argument("--select", type=codes, default=None, help="codes or prefixes to run")
    p.add_argument("--extend-select", type=codes, default=None, help="add to the selection")
    p.add_argument("--ignore", type=codes, default=None, help="codes or prefixes to skip")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    return p


def run_report(argv: list[str]) -> int:
    args = report_parser().parse_args(argv)
    from minutes_lint.report.data import gather

    report = gather(args)
    if args.output_format == "json":
        import json

        text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    else:
        from minutes_lint.report.page import render

        text = render(report, args.title)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
        s = report["summary"]
        print(
            f"{args.output}: {s['documents']} documents, {s['problems']} problems, "
            f"{len(report['people'])} people written several ways",
            file=sys.stderr,
        )
    return EXIT_CLEAN
