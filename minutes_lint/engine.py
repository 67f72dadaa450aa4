"""Running the rules over a document and deciding what is reported.

The engine knows no rule by name: it runs what the registry gave it, turns
each problem into a positioned diagnostic, then decides, in one place,
what survives: severity overrides, per-file ignores and suppressions.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from contextlib import nullcontext
from pathlib import Path
from time import perf_counter
from typing import Any

from minutes_lint.config import ConfigError, Settings
from minutes_lint.corpus import Corpus
from minutes_lint.diagnostics import Diagnostic, Position, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import Fact
from minutes_lint.registry import Rule, RuleContext
from minutes_lint.selection import ENGINE_CODES, rule_options
from minutes_lint.source import ReadFailure
from minutes_lint.suppressions import apply_suppressions, find_suppressions
from minutes_lint.timings import current as current_timings

_SNIPPET = 200


class Engine:
    def __init__(
        self,
        rules: Mapping[str, Rule],
        settings: Settings,
        *,
        engine_codes: set[str] | None = None,
        corpus: Corpus | None = None,
    ) -> None:
        self.rules = dict(rules)
        self.settings = settings
        self.corpus = corpus
        self.engine_codes = set(ENGINE_CODES) if engine_codes is None else engine_codes
        self.options: dict[str, dict[str, Any]] = {
            code: rule_options(rule, settings) for code, rule in self.rules.items()
        }
        self.crashed = False
        # rule code -> seconds spent in its check, when a caller asks for them; the command
        # line's --timings measures through minutes_lint.timings instead (workers included)
        self.timings: dict[str, float] | None = None

    def __getstate__(self) -> dict[str, Any]:
        """What a worker process started by spawn receives to build the same engine: the
        rules (by module name), the settings, the engine codes and the corpus."""
        return {
            "rules": self.rules,
            "settings": self.settings,
            "engine_codes": self.engine_codes,
            "corpus": self.corpus,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(  # type: ignore[misc]
            state["rules"],
            state["settings"],
            engine_codes=state["engine_codes"],
            corpus=state["corpus"],
        )

    @property
    def facts(self) -> list[Fact]:
        """Every fact the selected rules need from each document of the corpus."""
        return list(dict.fromkeys(f for rule in self.rules.values() for f in rule.facts))

    @property
    def needs_corpus(self) -> bool:
        return any(rule.scope == "corpus" for rule in self.rules.values())

    def lint(self, doc: Document) -> list[Diagnostic]:
        """Every diagnostic for ``doc`` that survives the decisions, sorted."""
        found: list[Diagnostic] = []
        timings = self.timings
        timer = current_timings()  # --timings
        for code, rule in self.rules.items():
            ctx = RuleContext(self.options[code], self.corpus, self.settings)
            started = perf_counter() if timings is not None else 0.0
            try:
                with timer.measure("rule", code) if timer is not None else nullcontext():
                    for problem in rule.run(doc, ctx):
                        found.append(build(doc, code, problem, problem.severity or rule.severity))
                if timings is not None:
                    timings[code] = timings.get(code, 0.0) + perf_counter() - started
            except (ConfigError, ModuleNotFoundError):
                raise  # a bad option value or a missing dependency: not a rule bug, exit 2
            except Exception as exc:  # a rule bug must not hide the other rules' findings
                self.crashed = True
                import traceback  # only when it is needed (start-up time)

                where = traceback.extract_tb(exc.__traceback__)[-1]
                found.append(
                    engine_diagnostic(
                        doc.path,
                        "ML005",
                        f"rule {code} failed: {type(exc).__name__}: {exc} "
                        f"({Path(where.filename).name}:{where.lineno})",
                        Severity.ERROR,
                    )
                )
        return self.decide(doc, found)

    def decide(self, doc: Document, found: list[Diagnostic]) -> list[Diagnostic]:
        found = self._settle_overlaps(found)
        found = [self._with_severity(d) for d in found]
        ignored = self._file_ignores(doc.path)
        if ignored:
            found = [d for d in found if not any(d.code.startswith(c) for c in ignored)]
        suppressions = find_suppressions(doc)
        found = apply_suppressions(found, suppressions)
        if "ML003" in self.engine_codes:
            for s in suppressions:
                if not s.used and self._could_fire(s.codes):
                    codes = ",".join(s.codes) or "all rules"
                    found.append(
                        build(
                            doc,
                            "ML003",
                            Problem(s.start, s.end, f"suppression of {codes} suppresses nothing"),
                            Severity.INFO,
                        )
                    )
        return sorted(found, key=lambda d: d.sort_key)

    def _settle_overlaps(self, found: list[Diagnostic]) -> list[Diagnostic]:
        """Where a rule that supersedes another flags or edits text that the other's finding
        flags or edits, drop the other's finding.

        Overlap between rules is settled here, in one place: a rule declares
        ``SUPERSEDES`` (its finding is the more specific one), and neither rule needs to
        know whether the other is selected.
        """
        spans: dict[str, list[tuple[int, int]]] = {}
        for d in found:
            rule = self.rules.get(d.code)
            if rule is not None:
                for code in rule.supersedes:
                    spans.setdefault(code, []).extend(_touched(d))
        if not spans:
            return found
        return [
            d
            for d in found
            if d.code not in spans or not any(_overlap(s, spans[d.code]) for s in _touched(d))
        ]

    def _could_fire(self, codes: tuple[str, ...]) -> bool:
        # a suppression of a rule that is not selected is not "unused": it may matter elsewhere
        return not codes or any(c.startswith(p) for p in codes for c in self.rules)

    def _with_severity(self, diag: Diagnostic) -> Diagnostic:
        override = self.settings.severity.get(diag.code)
        if override is None or override == diag.severity:
            return diag
        from dataclasses import replace

        return replace(diag, severity=override)

    def _file_ignores(self, path: str) -> list[str]:
        if not self.settings.per_file_ignores:
            return []
        rel = relative_posix(path, self.settings.root)
        codes: list[str] = []
        for pattern, ignored in self.settings.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern):
                codes.extend(ignored)
        return codes

    def failure(self, failure: ReadFailure) -> list[Diagnostic]:
        if failure.code not in self.engine_codes:
            return []
        pos = Position(failure.line, failure.column)
        return [
            Diagnostic(
                failure.path,
                pos,
                pos,
                failure.code,
                Severity.ERROR,
                failure.message,
                snippet=failure.message,
            )
        ]


def _touched(d: Diagnostic) -> list[tuple[int, int]]:
    """The spans a diagnostic flags or would edit."""
    spans = [(d.offset, d.end_offset)]
    if d.fix is not None:
        spans.extend((e.start, e.end) for e in d.fix.edits)
    return spans


def _overlap(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    a, b = span[0], max(span[1], span[0] + 1)
    return any(a < max(end, start + 1) and start < b for start, end in spans)


def relative_posix(path: str, root: Path) -> str:
    p = Path(path).absolute()
    try:
        return p.relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()


def build(doc: Document, code: str, problem: Problem, severity: Severity) -> Diagnostic:
    """Place a problem in the file: 1-based positions, snippet and context for fingerprints."""
    text = doc.text
    start = max(0, min(problem.start, len(text)))
    end = max(start, min(problem.end, len(text)))
    line = doc.lines[doc.line_index(start)].text if doc.lines else ""
    edits: tuple[tuple[Position, Position], ...] = ()
    if problem.fix is not None:
        edits = tuple((doc.position(e.start), doc.position(e.end)) for e in problem.fix.edits)
    return Diagnostic(
        path=doc.path,
        start=doc.position(start),
        end=doc.position(end),
        code=code,
        severity=severity,
        message=problem.message,
        fix=problem.fix,
        offset=start,
        end_offset=end,
        snippet=text[start:end][:_SNIPPET],
        context=" ".join(line.split())[:_SNIPPET],
        edit_positions=edits,
    )


def engine_diagnostic(path: str, code: str, message: str, severity: Severity) -> Diagnostic:
    pos = Position(1, 1)
    return Diagnostic(path, pos, pos, code, severity, message, snippet=message)
