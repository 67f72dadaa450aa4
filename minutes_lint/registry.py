"""Rules: their declaration, validated once, and their discovery through entry points.

A rule is a module with module-level declarations and one ``check`` function::

    CODE = "WS001"                      # category prefix and three digits, never reused
    NAME = "trailing-whitespace"        # kebab-case
    SUMMARY = "Trailing whitespace"     # one line
    SEVERITY = Severity.WARNING
    SCOPE = "document"                  # or "corpus": also sees every document of the corpus
    FIX = "safe"                        # "none", "safe", "unsafe" or "sometimes"
    OPTIONS = {"max": 3}                # option -> default (the type of the default is enforced)
    FACTS = (some_fact,)                # corpus rules: what they need from every document
    SUPERSEDES = ("AT007",)             # where both report overlapping spans, this rule wins
    DEFAULT = True                      # on without configuration; False: opt-in (select it)

    def validate_options(options) -> None: ...  # optional: raise ConfigError on a bad value

    def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]: ...

and a docstring in five sections (What it does, Why is this bad?, Example,
Use instead, Fix safety).  Packages publish rule modules in the
``minutes_lint.rules`` entry-point group; minutes-lint's own rules come
through the same door.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any

from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.facts import Fact

if TYPE_CHECKING:
    from minutes_lint.corpus import Corpus
    from minutes_lint.document import Document

ENTRY_POINT_GROUP = "minutes_lint.rules"
# rule module -> "distribution-version" that published it (part of the cache keys)
DISTRIBUTIONS: dict[str, str] = {}
DOC_SECTIONS = (
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "## Use instead",
    "## Fix safety",
)
_CODE = re.compile(r"^[A-Z]{2,3}\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_FIX = ("none", "safe", "unsafe", "sometimes")
_SCOPES = ("document", "corpus")


class RuleError(Exception):
    """A rule module that does not declare itself correctly."""


@dataclass(frozen=True)
class RuleContext:
    """What a rule's ``check`` may use besides the document."""

    options: Mapping[str, Any]
    corpus: Corpus | None = None
    settings: Any = None  # minutes_lint.config.Settings of the run


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    severity: Severity
    scope: str
    fix: str
    options: Mapping[str, Any]
    doc: str
    check: Callable[[Document, RuleContext], Iterable[Problem]]
    origin: str = field(default="")
    facts: tuple[Fact, ...] = ()
    supersedes: tuple[str, ...] = ()
    validate: Callable[[Mapping[str, Any]], None] | None = None
    default: bool = True  # selected when the configuration does not choose a selection

    def run(self, doc: Document, ctx: RuleContext) -> Iterator[Problem]:
        yield from self.check(doc, ctx)

    def __reduce__(self) -> tuple[Callable[[str], Rule], tuple[str]]:
        """A rule reaches a worker process started by spawn as its module's name, and is
        built again there from the module; a module that cannot be imported by its name
        (made at run time) cannot be sent, and the run stays in this process."""
        module = sys.modules.get(self.origin)
        if module is None or getattr(module, "check", None) is not self.check:
            import pickle

            raise pickle.PicklingError(f"rule {self.code}: {self.origin} is not importable")
        return rule_named, (self.origin,)


def rule_named(module: str) -> Rule:
    """The rule that the module named ``module`` declares (imported now)."""
    import importlib

    return rule_from_module(importlib.import_module(module))


def rule_from_module(module: ModuleType) -> Rule:
    """Validate a rule module's declarations and build its :class:`Rule`."""
    where = module.__name__

    def need(attr: str, kind: type | tuple[type, ...]) -> Any:
        if not hasattr(module, attr):
            raise RuleError(f"{where}: missing {attr}")
        value = getattr(module, attr)
        if not isinstance(value, kind):
            raise RuleError(f"{where}: {attr} has the wrong type")
        return value

    code = need("CODE", str)
    if not _CODE.match(code):
        raise RuleError(f"{where}: CODE {code!r} is not a prefix and three digits")
    name = need("NAME", str)
    if not _NAME.match(name):
        raise RuleError(f"{where}: NAME {name!r} is not kebab-case")
    summary = need("SUMMARY", str)
    severity = need("SEVERITY", Severity)
    scope = getattr(module, "SCOPE", "document")
    if scope not in _SCOPES:
        raise RuleError(f"{where}: SCOPE must be one of {_SCOPES}")
    fix = getattr(module, "FIX", "none")
    if fix not in _FIX:
        raise RuleError(f"{where}: FIX must be one of {_FIX}")
    options = dict(getattr(module, "OPTIONS", {}))
    doc = module.__doc__ or ""
    missing = [s for s in DOC_SECTIONS if s not in doc]
    if missing:
        raise RuleError(f"{where}: docstring lacks {', '.join(missing)}")
    check = need("check", Callable)  # type: ignore[arg-type]
    facts = tuple(getattr(module, "FACTS", ()))
    if any(not isinstance(f, Fact) for f in facts):
        raise RuleError(f"{where}: FACTS must hold facts made with minutes_lint.api.fact")
    if facts and scope != "corpus":
        raise RuleError(f"{where}: FACTS are read from the corpus: declare SCOPE = 'corpus'")
    supersedes = tuple(getattr(module, "SUPERSEDES", ()))
    if any(not isinstance(c, str) or not _CODE.match(c) for c in supersedes):
        raise RuleError(f"{where}: SUPERSEDES must list rule codes")
    default = getattr(module, "DEFAULT", True)
    if not isinstance(default, bool):
        raise RuleError(f"{where}: DEFAULT must be True or False")
    validate = getattr(module, "validate_options", None)
    if validate is not None and not callable(validate):
        raise RuleError(f"{where}: validate_options must be a function")
    return Rule(
        code,
        name,
        summary,
        severity,
        scope,
        fix,
        options,
        doc.strip(),
        check,
        where,
        facts,
        supersedes,
        validate,
        default,
    )


def load_rules(modules: Iterable[ModuleType] | None = None) -> dict[str, Rule]:
    """All rules, by code; from ``modules`` when given, else from the entry points."""
    if modules is None:
        modules = _entry_point_modules()
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    for module in modules:
        rule = rule_from_module(module)
        if rule.code in rules:
            raise RuleError(
                f"{rule.origin}: code {rule.code} is already used by {rules[rule.code].origin}"
            )
        if rule.name in names:
            raise RuleError(
                f"{rule.origin}: name {rule.name} is already used by {names[rule.name]}"
            )
        rules[rule.code] = rule
        names[rule.name] = rule.origin
    return dict(sorted(rules.items()))


def _entry_point_modules() -> Iterator[ModuleType]:
    import importlib

    for name, value in entry_point_specs():
        try:
            module = importlib.import_module(value.split(":", 1)[0].strip())
            if ":" in value:
                for attr in value.split(":", 1)[1].strip().split("."):
                    module = getattr(module, attr)
        except Exception as exc:  # a broken plugin is a clear error, not a traceback
            raise RuleError(f"cannot load rule plugin {name} ({value}): {exc}") from exc
        if not isinstance(module, ModuleType):
            raise RuleError(f"rule plugin {name} ({value}) must name a module")
        yield module


def entry_point_specs() -> list[tuple[str, str]]:
    """(name, value) of every entry point in the ``minutes_lint.rules`` group.

    Read straight from the ``entry_points.txt`` of each distribution on ``sys.path``
    (the first distribution of a name wins, as with importlib.metadata), which costs a
    few milliseconds where importlib.metadata costs tens: start-up time matters to a
    pre-commit hook.  Distributions that are not plain folders (zipped, custom finders)
    are found through importlib.metadata.
    """
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    unusual = False
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            unusual = unusual or (bool(folder) and os.path.isfile(folder))
            continue
        for entry in sorted(names):
            if not entry.endswith((".dist-info", ".egg-info")):
                continue
            dist = re.sub(r"[-_.]+", "-", entry.rsplit(".", 1)[0].split("-")[0]).lower()
            if dist in seen:
                continue
            seen.add(dist)
            group = _group(os.path.join(folder or ".", entry, "entry_points.txt"))
            for _name, value in group:
                DISTRIBUTIONS[value.split(":", 1)[0].strip()] = entry.rsplit(".", 1)[0]
            found.extend(group)
    if unusual:
        from importlib.metadata import entry_points

        known = {name for name, _ in found}
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            if ep.name not in known:
                found.append((ep.name, ep.value))
                if ep.dist is not None:
                    DISTRIBUTIONS[ep.module] = f"{ep.dist.name}-{ep.dist.version}"
    return found


def _group(path: str) -> list[tuple[str, str]]:
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError:
        return []
    if f"[{ENTRY_POINT_GROUP}]" not in text:
        return []
    out: list[tuple[str, str]] = []
    inside = False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            inside = line == f"[{ENTRY_POINT_GROUP}]"
        elif inside and "=" in line and not line.startswith(("#", ";")):
            name, value = line.split("=", 1)
            out.append((name.strip(), value.split("[", 1)[0].strip()))
    return out
