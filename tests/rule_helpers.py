"""Helpers for rule tests: lint a tiny document with one rule, fix it, check idempotence."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from minutes_lint.config import Settings
from minutes_lint.corpus import Corpus, extract_facts
from minutes_lint.diagnostics import Diagnostic
from minutes_lint.document import Document
from minutes_lint.engine import Engine
from minutes_lint.fixes.edits import fix_until_stable
from minutes_lint.registry import load_rules
from minutes_lint.roster import Roster
from minutes_lint.source import Source


def make_engine(
    module: ModuleType,
    options: Mapping[str, Any] | None = None,
    others: Mapping[str, str] | None = None,
    roster: Roster | None = None,
    main: Document | None = None,
) -> Engine:
    rules = load_rules([module])
    rule = next(iter(rules.values()))
    settings = Settings(root=Path.cwd())
    if options:
        settings.rules = {rule.code: dict(options)}
    engine = Engine(rules, settings, engine_codes=set())
    if rule.scope == "corpus":
        docs = [Document.from_text(t, p) for p, t in (others or {}).items()]
        if main is not None:
            docs.append(main)
        engine.corpus = Corpus([extract_facts(d) for d in docs], roster)
    return engine


def lint(
    module: ModuleType,
    text: str,
    path: str = "minutes.md",
    options: Mapping[str, Any] | None = None,
    others: Mapping[str, str] | None = None,
    roster: Roster | None = None,
) -> list[Diagnostic]:
    """Diagnostics of ``module``'s rule on ``text``; ``others`` are more corpus documents."""
    doc = Document.from_text(text, path)
    return make_engine(module, options, others, roster, doc).lint(doc)


def where(diagnostics: list[Diagnostic]) -> list[tuple[int, int]]:
    return [(d.start.line, d.start.column) for d in diagnostics]


def fix(
    module: ModuleType,
    text: str,
    path: str = "minutes.md",
    unsafe: bool = False,
    options: Mapping[str, Any] | None = None,
    others: Mapping[str, str] | None = None,
    roster: Roster | None = None,
) -> str:
    """The fixed text; also checks that fixing again changes nothing."""
    doc = Document.from_text(text, path)
    engine = make_engine(module, options, others, roster, doc)

    def run(t: str) -> list[Diagnostic]:
        return engine.lint(Document(Source(path, t, False, b"")))

    def parses(t: str) -> bool:
        return Document.from_text(t, path).parses

    once = fix_until_stable(text, run, unsafe=unsafe, still_parses=parses)
    assert once.converged, once
    twice = fix_until_stable(once.text, run, unsafe=unsafe, still_parses=parses)
    assert twice.text == once.text, "fixing twice must equal fixing once"
    return once.text


def lint_files(modules: list[ModuleType], paths: list[Path]) -> list[Diagnostic]:
    """Run ``modules``' rules over real files (corpus rules see all of them): for noise checks."""
    from minutes_lint.source import read_source

    docs = []
    for p in paths:
        src = read_source(str(p))
        if isinstance(src, Source):
            docs.append(Document(src))
    rules = load_rules(modules)
    engine = Engine(rules, Settings(root=Path.cwd()), engine_codes=set())
    if engine.needs_corpus:
        engine.corpus = Corpus([extract_facts(d) for d in docs])
    out: list[Diagnostic] = []
    for d in docs:
        out.extend(engine.lint(d))
    return out
