"""Applying fixes to files: lint, fix until stable, write atomically, never lose a byte."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path

from minutes_lint.diagnostics import Diagnostic, Severity
from minutes_lint.document import Document
from minutes_lint.engine import Engine, engine_diagnostic
from minutes_lint.fixes.atomic_write import WriteError, encode_text, unchanged_or_write
from minutes_lint.fixes.edits import fix_until_stable
from minutes_lint.source import Source


@dataclass
class FileFix:
    path: str
    diagnostics: list[Diagnostic]  # what remains after fixing
    applied: list[tuple[str, str]] = field(default_factory=list)  # (code, message)
    changed: bool = False  # the text changed (written unless dry run)
    diff: str = ""
    text: str = ""  # the fixed text
    notes: list[Diagnostic] = field(default_factory=list)  # why fixes were not applied (ML004)


def fix_document(
    doc: Document, engine: Engine, *, unsafe: bool, write: bool, stdin: bool = False
) -> FileFix:
    """Fix one document; the returned diagnostics describe the fixed text."""
    source = doc.source
    before = engine.lint(doc)
    if not doc.parses:
        return _unparsed(doc, before)
    if not any(d.fix is not None for d in before):
        return FileFix(doc.path, before, text=source.text)

    # each text is parsed and linted once: the fixing loop lints the original text first
    # and the fixed text last, and checks that a pass still parses before linting it
    models: dict[str, Document] = {source.text: doc}
    linted: dict[str, list[Diagnostic]] = {source.text: before}

    def model(text: str) -> Document:
        found = models.get(text)
        if found is None:
            models.clear()  # only the text being fixed is needed again
            found = models[text] = Document(Source(source.path, text, source.bom, source.data))
        return found

    def lint(text: str) -> list[Diagnostic]:
        found = linted.get(text)
        if found is None:
            found = linted[text] = engine.lint(model(text))
        return found

    def parses(text: str) -> bool:
        return model(text).parses

    outcome = fix_until_stable(source.text, lint, unsafe=unsafe, still_parses=parses)
    extra: list[Diagnostic] = []
    if outcome.reverted:
        extra.append(
            engine_diagnostic(doc.path, "ML004", outcome.reason or "fix reverted", Severity.ERROR)
        )
    elif not outcome.converged:
        extra.append(
            engine_diagnostic(
                doc.path,
                "ML004",
                f"fixes did not converge after {outcome.passes} passes: {', '.join(outcome.codes)}",
                Severity.ERROR,
            )
        )
    result = FileFix(doc.path, [], outcome.applied, outcome.text != source.text, text=outcome.text)
    if result.changed:
        result.diff = "".join(
            difflib.unified_diff(
                source.text.splitlines(keepends=True),
                outcome.text.splitlines(keepends=True),
                fromfile=f"a/{doc.path}",
                tofile=f"b/{doc.path}",
            )
        )
        if write and not stdin:
            try:
                unchanged_or_write(
                    Path(doc.path), source.data, encode_text(outcome.text, bom=source.bom)
                )
            except WriteError as exc:
                extra.append(engine_diagnostic(doc.path, "ML004", str(exc), Severity.ERROR))
                result.changed = False
                result.applied = []
                result.diagnostics = before + extra
                result.notes = extra
                return result
    result.diagnostics = (lint(outcome.text) if result.changed else before) + extra
    result.notes = extra
    return result


def _unparsed(doc: Document, found: list[Diagnostic]) -> FileFix:
    """A document whose front matter does not parse is never written: its diagnostics keep
    no fix, and one ML004 says how many fixes wait for the front matter to be repaired."""
    fixable = [d for d in found if d.fix is not None]
    if not fixable:
        return FileFix(doc.path, found, text=doc.source.text)
    broken = next((d for d in found if d.code in ("FM002", "FM003")), None)
    where = f" ({broken.code}, line {broken.start.line})" if broken is not None else ""
    count = len(fixable)
    note = engine_diagnostic(
        doc.path,
        "ML004",
        f"{count} fix{'es' if count != 1 else ''} not applied: the front matter does not "
        f"parse{where}, and minutes-lint never rewrites such a file; repair it by hand, "
        "then run --fix again",
        Severity.ERROR,
    )
    kept = [replace(d, fix=None, edit_positions=()) if d.fix is not None else d for d in found]
    return FileFix(doc.path, [*kept, note], text=doc.source.text, notes=[note])
