"""Writing diagnostics in an output format, with what the reporters need to know of the rules."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TextIO

from minutes_lint.diagnostics import Diagnostic

if TYPE_CHECKING:  # not imported at run time: reporting a cached run imports no rule
    from minutes_lint.registry import Rule
    from minutes_lint.reporters.base import RuleInfo

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85|\x0b|\x0c")
# formats whose reader expects one problem per line
LINE_FORMATS = ("full", "concise", "text")


@dataclass
class ReportOptions:
    output_format: str = "text"
    unsafe_fixes: bool = False
    show_fixes: bool = False
    statistics: bool = False
    fixed: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    paths: list[str] = field(default_factory=list)  # every file linted, with or without findings
    command_paths: tuple[str, ...] = ()  # the paths of the command line, for the hints printed
    baseline: bool = False  # the run already reports only what a baseline lacks


def one_line(message: str) -> str:
    r"""A message on one line: each line break written as a visible ``\n``."""
    return _LINE_BREAK.sub(r"\\n", message)


def report(
    diagnostics: list[Diagnostic],
    rules: Mapping[str, Rule],
    stream: TextIO,
    options: ReportOptions,
) -> None:
    """Write ``diagnostics`` to ``stream`` in ``options.output_format``."""
    from minutes_lint.reporters import get_reporter
    from minutes_lint.reporters.base import ReportContext
    from minutes_lint.reporters.text import use_color

    infos = RuleInfos(rules)
    if options.output_format in LINE_FORMATS:
        diagnostics = [_one_line(d) for d in diagnostics]
    ctx = ReportContext(
        rules=infos,
        color=use_color(stream, os.environ),
        unsafe_fixes=options.unsafe_fixes,
        show_fixes=options.show_fixes,
        statistics=options.statistics,
        fixed=options.fixed,
        files_checked=options.files,
        checked_paths=options.paths,
        paths=options.command_paths,
        baseline=options.baseline,
    )
    get_reporter(options.output_format).report(diagnostics, stream, ctx)


class RuleInfos(Mapping[str, "RuleInfo"]):
    """What reporters know of each code; the rules are read only if a reporter asks
    (a warm run answered from the cache then never imports a rule)."""

    def __init__(self, rules: Mapping[str, Rule]) -> None:
        self._rules = rules
        self._infos: dict[str, RuleInfo] | None = None

    def _all(self) -> dict[str, RuleInfo]:
        if self._infos is None:
            from minutes_lint.reporters.base import RuleInfo
            from minutes_lint.selection import ENGINE_CODES, ENGINE_SEVERITY

            infos = {
                code: RuleInfo(r.code, r.name, r.summary, r.severity.value, r.doc, r.fix)
                for code, r in self._rules.items()
            }
            for code, (name, summary) in ENGINE_CODES.items():
                level = ENGINE_SEVERITY.get(code, "error")
                infos[code] = RuleInfo(code, name, summary, level, summary, "none")
            self._infos = infos
        return self._infos

    def __getitem__(self, code: str) -> RuleInfo:
        return self._all()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _one_line(diag: Diagnostic) -> Diagnostic:
    flat = one_line(diag.message)
    return diag if flat == diag.message else replace(diag, message=flat)
