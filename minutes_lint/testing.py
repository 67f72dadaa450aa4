"""Helpers for testing rules, built-in or from a plugin: lint a tiny document with one rule,
fix it, check that fixing is idempotent.

::

    from minutes_lint.testing import fix, lint, where
    import my_plugin.rules.ballot_format as rule

    def test_reports_a_lower_case_ballot() -> None:
        assert where(lint(rule, "Ballot sc-12 passed.\n")) == [(1, 8)]

    def test_a_corpus_rule_sees_the_other_documents() -> None:
        others = {"2024-01-10.md": "Ballot SC-12 passed.\n" * 3}
        assert lint(rule, "Ballot SC12.\n", others=others)

``others`` are more documents of the corpus; a corpus rule's ``FACTS`` are extracted from
them (and from the linted text) exactly as a run would.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from minutes_lint.config import Settings
from minutes_lint.corpus import Corpus
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
        engine.corpus = Corpus.from_documents(docs, engine.facts, roster, root=Path.cwd())
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
    """(line, column) of each diagnostic, for short assertions."""
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
    if not once.converged:
        raise AssertionError(f"fixing did not converge: {once}")
    twice = fix_until_stable(once.text, run, unsafe=unsafe, still_parses=parses)
    if twice.text != once.text:
        raise AssertionError("fixing twice must equal fixing once")
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
        engine.corpus = Corpus.from_documents(docs, engine.facts, root=Path.cwd())
    out: list[Diagnostic] = []
    for d in docs:
        out.extend(engine.lint(d))
    return out
