"""A warm run answered from the results cache before any rule is imported or any document
parsed: the pre-commit case, where one changed file is checked against an unchanged archive.

Every input of the run key is read from files (see :mod:`minutes_lint.run_key`); when
every document's results are cached under it, the run's diagnostics are known.  Results
exist only for runs that passed configuration checks with the same settings and code, so
the answer is what the full run would print.  Anything unusual (a file that cannot be
read, a document without cached results) returns None and the full run takes over.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minutes_lint.config import Settings
from minutes_lint.diagnostics import Diagnostic


@dataclass
class WarmRun:
    diagnostics: list[Diagnostic]
    paths: list[str]


def cached_run(
    settings: Settings, paths: list[str], selection: Sequence[Sequence[str] | None]
) -> WarmRun | None:
    from minutes_lint.discovery import corpus_files, corpus_fingerprint, expand_paths
    from minutes_lint.results_cache import ResultsCache, document_key
    from minutes_lint.run_key import roster_digest, run_key

    files = expand_paths(paths, settings)
    run: list[tuple[str, bytes]] = []
    for path in files:
        try:
            with open(path, "rb") as fh:
                run.append((path, fh.read()))
        except OSError:
            return None
    results = ResultsCache(settings.root / settings.cache_dir)
    if results.folder is None or not results.folder.is_dir():
        return None
    run_paths = {Path(os.path.abspath(p)) for p, _ in run}
    others = [p for p in corpus_files(settings) if p not in run_paths]
    fingerprint = corpus_fingerprint(run, others, roster_digest(settings), settings)
    key = run_key(settings, selection, fingerprint)
    found: list[Diagnostic] = []
    for path, data in run:
        cached = results.get(document_key(data, path, key), path)
        if cached is None:
            return None
        found.extend(cached)
    return WarmRun(found, [p for p, _ in run])


class LazyRules(Mapping[str, Any]):
    """The installed rules, loaded only if a reporter asks about one (statistics, SARIF)."""

    def __init__(self) -> None:
        self._rules: dict[str, Any] | None = None

    def _load(self) -> dict[str, Any]:
        if self._rules is None:
            from minutes_lint.registry import load_rules

            self._rules = load_rules()
        return self._rules

    def __getitem__(self, code: str) -> Any:
        return self._load()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())
