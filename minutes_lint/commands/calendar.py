"""``minutes-lint calendar PATH...``: each group's meetings in date order, gaps and problems.

A secretary uses it to see which minutes are missing: for every series the
meetings the corpus has, with the weekday and file, the gaps where minutes are
missing (consecutive meetings further apart than twice the usual interval), the
problems the calendar rules (CL) find on each document, and files beside the
minutes that lack the ``.md`` extension.  ``--output-format json`` prints the same
as one JSON array, one object per series.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from minutes_lint.arguments import check_parser
from minutes_lint.calendar import WEEKDAY_NAMES, Calendar, Series, calendar_for
from minutes_lint.corpus_loader import build_corpus
from minutes_lint.diagnostics import Diagnostic
from minutes_lint.discovery import expand_paths
from minutes_lint.document import Document
from minutes_lint.exit_codes import EXIT_CLEAN, UsageError
from minutes_lint.source import Source, read_source
from minutes_lint.stages.plan import settings_for


def run_calendar(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="minutes-lint calendar", description=__doc__)
    p.add_argument("paths", nargs="*", help="files or folders of minutes (default: .)")
    p.add_argument("--config", type=Path, metavar="PATH")
    p.add_argument("--output-format", choices=("text", "json"), default="text")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    args = p.parse_args(argv)
    paths = args.paths or ["."]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise UsageError(f"{missing[0]}: no such file or folder")
    settings = settings_for(args.config, paths)
    documents = []
    for path in expand_paths(paths, settings):
        source = read_source(path)
        if isinstance(source, Source):
            documents.append(Document(source))
    if not documents and not settings.configured:
        print(f"minutes-lint calendar: no minutes in {' '.join(paths)}", file=sys.stderr)
    from minutes_lint.calendar_facts import calendar_fact

    corpus = build_corpus(settings, documents, use_cache=not args.no_cache, facts=[calendar_fact])
    calendar = calendar_for(corpus, settings)
    problems = _problems(args)
    data = calendar_json(calendar, problems)
    if args.output_format == "json":
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        write_text(data, sys.stdout)
    return EXIT_CLEAN


def _problems(args: argparse.Namespace) -> dict[str, list[Diagnostic]]:
    """The calendar rules' diagnostics of the run, by path."""
    from minutes_lint.commands.check import lint_paths

    check_args = [*(args.paths or ["."]), "--select", "CL"]
    if args.config is not None:
        check_args += ["--config", str(args.config)]
    if args.no_cache:
        check_args.append("--no-cache")
    run = lint_paths(check_parser().parse_args(check_args))
    found: dict[str, list[Diagnostic]] = {}
    for diag in run.diagnostics:
        found.setdefault(diag.path, []).append(diag)
    return found


def calendar_json(
    calendar: Calendar, problems: dict[str, list[Diagnostic]]
) -> list[dict[str, Any]]:
    out = []
    for series in calendar.series.values():
        item = series.as_json()
        item["meetings_list"] = [
            {
                "date": e.date.isoformat() if e.date is not None else None,
                "weekday": WEEKDAY_NAMES[e.date.weekday()] if e.date is not None else None,
                "path": e.path,
                "event": e.event,
                "problems": [
                    {"code": d.code, "line": d.start.line, "message": d.message}
                    for d in problems.get(e.path, [])
                ],
            }
            for e in series.entries
        ]
        item["gaps"] = [
            {"after": a.isoformat(), "before": b.isoformat(), "days": (b - a).days}
            for a, b in gaps(series)
        ]
        item["files_without_extension"] = [
            s.path for s in calendar.strays if s.series == series.name
        ]
        out.append(item)
    return out


def gaps(series: Series) -> list[tuple[datetime.date, datetime.date]]:
    """Consecutive meetings further apart than twice the usual interval."""
    if series.interval is None:
        return []
    usual = max(series.interval, 7)
    return [
        (a, b)
        for a, b in zip(series.dates, series.dates[1:], strict=False)
        if (b - a).days > 2 * usual
    ]


def write_text(data: list[dict[str, Any]], out: TextIO) -> None:
    for item in data:
        dated = [m for m in item["meetings_list"] if m["date"]]
        span = f", {dated[0]['date']} to {dated[-1]['date']}" if dated else ""
        weekdays = ", ".join(f"{d} ({n})" for d, n in list(item["weekdays"].items())[:3])
        interval = item["interval_days"]
        cadence = f", every {interval} days" if interval else ""
        out.write(
            f"{item['name']}: {item['meetings']} meetings in {item['documents']} documents"
            f"{span}{', ' + weekdays if weekdays else ''}{cadence}\n"
        )
        gap_after = {g["after"]: g for g in item["gaps"]}
        previous = None
        for m in item["meetings_list"]:
            day = m["date"] or "(no date)"
            weekday = (m["weekday"] or "")[:3]
            event = "  [face-to-face or multi-day]" if m["event"] else ""
            out.write(f"  {day:<10} {weekday:<3} {m['path']}{event}\n")
            for problem in m["problems"]:
                out.write(
                    f"      ! {problem['code']} line {problem['line']}: {problem['message']}\n"
                )
            gap = gap_after.get(m["date"]) if m["date"] != previous else None
            if gap is not None:
                out.write(
                    f"  {'':<14} -- gap: no minutes for {gap['days']} days, until {gap['before']}\n"
                )
            previous = m["date"]
        for path in item["files_without_extension"]:
            out.write(f"  {'':<14} !! {path}: minutes without the .md extension\n")
        out.write("\n")
