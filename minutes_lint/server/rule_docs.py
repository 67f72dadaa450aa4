"""Where a diagnostic's rule is documented (``codeDescription``), and its explanation.

The link is the rule's own page, ``CODE.md``, rendered from the installed rule (the same
text as ``minutes-lint rule CODE``, so it always matches the version that reported the
problem, plugins included) into ``$XDG_CACHE_HOME/minutes-lint/VERSION/rules/`` (by
default ``~/.cache/...``) and linked as a ``file://`` URI.  A team that publishes the
rule pages elsewhere sets the initialisation option ``documentationUrl``, a template
with ``{code}`` and ``{name}`` (e.g. ``https://minutes.example.org/rules/{code}``).
"""

from __future__ import annotations

import os
from pathlib import Path

from minutes_lint import __version__
from minutes_lint.registry import Rule
from minutes_lint.selection import ENGINE_CODES, ENGINE_SEVERITY


def describe(code: str, rules: dict[str, Rule]) -> tuple[str, str, str]:
    """(name, heading line, full text) of a rule or engine code."""
    rule = rules.get(code)
    if rule is not None:
        head = (
            f"{rule.code} {rule.name}: {rule.summary} "
            f"(severity {rule.severity.value}, fix {rule.fix})"
        )
        text = f"# {rule.code} {rule.name}\n\n{rule.summary}.\n\n"
        text += f"Severity: {rule.severity.value}. Scope: {rule.scope}. Fix: {rule.fix}.\n\n"
        text += rule.doc + "\n"
        if rule.options:
            text += "\n## Options (defaults)\n"
            text += "".join(f"- `{key}` = {value!r}\n" for key, value in rule.options.items())
        return rule.name, head, text
    name, summary = ENGINE_CODES.get(code, ("unknown", "Not a known rule code"))
    level = ENGINE_SEVERITY.get(code, "error")
    head = f"{code} {name}: {summary} (severity {level})"
    return name, head, f"# {code} {name}\n\n{summary}.\n\nReported by the engine itself.\n"


def explanation(code: str, rules: dict[str, Rule]) -> str:
    """The parts of a rule's documentation a hover shows: what it does and why."""
    _name, head, _text = describe(code, rules)
    rule = rules.get(code)
    if rule is None:
        return f"**{head}**"
    keep: list[str] = []
    taking = False
    for line in rule.doc.splitlines():
        if line.startswith("## "):
            taking = line in ("## What it does", "## Why is this bad?", "## Fix safety")
        if taking:
            keep.append(line.replace("## ", "#### ", 1) if line.startswith("## ") else line)
    return f"**{head}**\n\n" + "\n".join(keep).strip()


def _folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "minutes-lint" / __version__ / "rules"


class RuleLinks:
    """``codeDescription`` targets, one per code, made once per server."""

    def __init__(self, template: str | None = None) -> None:
        self.template = template
        self._links: dict[str, str | None] = {}

    def link(self, code: str, rules: dict[str, Rule]) -> str | None:
        if code not in self._links:
            self._links[code] = self._make(code, rules)
        return self._links[code]

    def _make(self, code: str, rules: dict[str, Rule]) -> str | None:
        name, _head, text = describe(code, rules)
        if self.template:
            return self.template.replace("{code}", code).replace("{name}", name)
        page = _folder() / f"{code}.md"
        try:
            if not page.is_file() or page.read_text(encoding="utf-8") != text:
                page.parent.mkdir(parents=True, exist_ok=True)
                tmp = page.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_text(text, encoding="utf-8")
                os.replace(tmp, page)
        except OSError:
            return None  # no writable cache folder: the hover still explains the rule
        return page.resolve().as_uri()
