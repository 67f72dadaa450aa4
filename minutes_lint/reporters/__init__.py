"""Output formats: each lives in its own module and is imported only when chosen."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minutes_lint.reporters.base import Reporter

# format name -> "module:Class"; modules are imported by ``get_reporter`` on demand
REPORTERS: dict[str, str] = {
    "full": "minutes_lint.reporters.full:FullReporter",
    "concise": "minutes_lint.reporters.text:TextReporter",
    "text": "minutes_lint.reporters.text:TextReporter",  # the former name of "concise"
    "json": "minutes_lint.reporters.json_format:JsonReporter",
    "github": "minutes_lint.reporters.github:GithubReporter",
    "sarif": "minutes_lint.reporters.sarif:SarifReporter",
    "junit": "minutes_lint.reporters.junit:JunitReporter",
    "gitlab": "minutes_lint.reporters.gitlab:GitlabReporter",
    "summary": "minutes_lint.reporters.summary:SummaryReporter",
}


def get_reporter(name: str) -> Reporter:
    """Return a new reporter for the output format ``name``.

    Raises ``ValueError`` naming the known formats when ``name`` is not one of them.
    """
    try:
        target = REPORTERS[name]
    except KeyError:
        known = ", ".join(sorted(REPORTERS))
        raise ValueError(f"unknown output format {name!r} (expected one of: {known})") from None
    module_name, _, class_name = target.partition(":")
    module = importlib.import_module(module_name)
    reporter_class = getattr(module, class_name)
    return reporter_class()
