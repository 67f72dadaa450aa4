"""The key under which a run's results are cached, computed without importing a rule.

A document's diagnostics depend on its bytes and path (see
:func:`minutes_lint.results_cache.document_key`) and on this run key: every installed
rule's code stamp and distribution (its module, the data files beside it, minutes-lint's
own code and version), the selection given on the command line, the settings, and the
corpus with the roster.  Everything here is read from files and entry-point metadata, so
a warm run can find its results before importing rules or parsing anything.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from minutes_lint.config import Settings


def rule_stamps() -> dict[str, list[str]]:
    """Every installed rule: entry-point name -> [code stamp of its module, distribution]."""
    from minutes_lint.facts import code_stamp
    from minutes_lint.registry import DISTRIBUTIONS, entry_point_specs

    stamps: dict[str, list[str]] = {}
    for name, value in entry_point_specs():
        module = value.split(":", 1)[0].strip()
        stamps[name] = [value, code_stamp(module), DISTRIBUTIONS.get(module, "")]
    return stamps


def run_key(
    settings: Settings,
    selection: Sequence[Sequence[str] | None],
    corpus_fingerprint: str,
) -> str:
    """The results key of a run: ``selection`` is (select, ignore, extend-select) as given
    on the command line; the configuration's own selection is part of ``settings``."""
    parts = {
        "rules": rule_stamps(),
        "selection": [list(s) if s else [] for s in selection],
        "settings": settings.as_dict(),
        "corpus": corpus_fingerprint,
    }
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def roster_digest(settings: Settings) -> str:
    """A hash of the roster file's text ("" without one), as the loaded roster records it."""
    path = settings.root / settings.roster
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
