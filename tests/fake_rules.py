"""Small rule modules built for tests: each flags a word, crashes, or misbehaves on purpose.

The modules are made with :class:`types.ModuleType` and carry the same
declarations as real rules (``CODE``, ``NAME``, ``SUMMARY``, ``SEVERITY``,
``check`` and a docstring with the five sections), so the registry, the
engine and the command line treat them exactly like installed rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from typing import Any

from minutes_lint.config import ConfigError
from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext, load_rules

DOCSTRING = """A rule used by the minutes-lint tests.

## What it does
Flags a word.

## Why is this bad?
The tests say so.

## Example
```markdown
word
```

## Use instead
```markdown
other
```

## Fix safety
Depends on the test.
"""

Check = Callable[[Document, RuleContext], Iterable[Problem]]


def make_rule(
    code: str,
    check: Check,
    *,
    name: str | None = None,
    severity: Severity = Severity.WARNING,
    doc: str | None = DOCSTRING,
    **declarations: Any,
) -> ModuleType:
    """A rule module named after ``code`` with ``check`` and any extra declarations.

    ``declarations`` become module attributes in upper case (``fix="safe"`` sets
    ``FIX``, ``options={...}`` sets ``OPTIONS``); pass ``check=None``-like values
    through ``declarations`` to build broken modules for registry tests.
    """
    module = ModuleType(f"tests.fake_rules.{code.lower()}", doc)
    module.CODE = code  # type: ignore[attr-defined]
    module.NAME = name or f"fake-{code.lower()}"  # type: ignore[attr-defined]
    module.SUMMARY = f"Fake rule {code}"  # type: ignore[attr-defined]
    module.SEVERITY = severity  # type: ignore[attr-defined]
    module.check = check  # type: ignore[attr-defined]
    for key, value in declarations.items():
        setattr(module, key.upper(), value)
    return module


def word_check(
    word: str,
    replacement: str | None = None,
    applicability: Applicability = Applicability.SAFE,
    severity: Severity | None = None,
) -> Check:
    """A check that flags every whole-word ``word``; with a fix when ``replacement`` is given."""
    pattern = re.compile(rf"\b{re.escape(word)}\b")

    def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
        for m in pattern.finditer(doc.text):
            fix = None
            if replacement is not None:
                fix = Fix.replace(
                    m.start(), m.end(), replacement, f"Write {replacement!r}", applicability
                )
            yield Problem(m.start(), m.end(), f"found {word!r}", fix, severity)

    return check


def word_rule(
    code: str,
    word: str,
    replacement: str | None = None,
    applicability: Applicability = Applicability.SAFE,
    severity: Severity = Severity.WARNING,
) -> ModuleType:
    """A rule that flags ``word`` (and rewrites it to ``replacement`` when given)."""
    fix = "none" if replacement is None else applicability.value
    return make_rule(
        code,
        word_check(word, replacement, applicability),
        severity=severity,
        fix=fix,
    )


def crashing_rule(code: str = "ZX001") -> ModuleType:
    """A rule with a bug: it raises on every document."""

    def check(doc: Document, ctx: RuleContext) -> list[Problem]:
        raise RuntimeError("fake rule bug")

    return make_rule(code, check, name="fake-crashing")


def config_error_rule(code: str = "ZX002") -> ModuleType:
    """A rule that rejects its option value at run time (a configuration error)."""

    def check(doc: Document, ctx: RuleContext) -> list[Problem]:
        raise ConfigError(f"rules.{code}.limit: must be positive")

    return make_rule(code, check, name="fake-config-error", options={"limit": 1})


def standard_rules() -> list[ModuleType]:
    """Three word rules for selection and suppression tests.

    ZZ001 flags "foo" (warning, safe fix to "food"), ZZ002 flags "bar" (error,
    unsafe fix to "barn") and ZY001 flags "baz" (warning, no fix).
    """
    return [
        word_rule("ZZ001", "foo", "food", Applicability.SAFE),
        word_rule("ZZ002", "bar", "barn", Applicability.UNSAFE, Severity.ERROR),
        word_rule("ZY001", "baz"),
    ]


def standard_registry() -> dict[str, Any]:
    """The rules of :func:`standard_rules`, loaded through the registry."""
    return load_rules(standard_rules())
