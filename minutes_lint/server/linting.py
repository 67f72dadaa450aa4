"""Lint a text as if it were the file at a path, against that file's project.

The language server's only door into the engine.  It builds what ``minutes-lint PATH``
builds (settings from the same configuration discovery, the selected rules, the roster,
the corpus, the engine) but keeps it between requests: the facts of every corpus
document on disk stay in memory and are re-read only for files whose size or
modification time changed, and a corpus with its indexes is kept per open document.

A keystroke that leaves the document's facts (attendees, title, identifiers ...) as they
were reuses that corpus as it is.  One that changes them can be answered at once from the
corpus built for the previous text (``exact=False``: the other documents are current,
this document's own contribution is one edit behind) and exactly a moment later
(``exact=True``), which rebuilds the indexes; the server does both.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minutes_lint.config import ConfigError, Settings, find_config, load_settings
from minutes_lint.corpus import Corpus
from minutes_lint.corpus_loader import corpus_files, extract_all
from minutes_lint.diagnostics import Diagnostic
from minutes_lint.document import Document
from minutes_lint.engine import Engine
from minutes_lint.facts import Fact, attendees
from minutes_lint.facts_cache import FactsCache
from minutes_lint.registry import Rule, RuleError, load_rules
from minutes_lint.roster import Roster, load_roster, roster_path
from minutes_lint.selection import (
    ENGINE_CODES,
    check_rule_tables,
    engine_code_selected,
    select_rules,
)
from minutes_lint.source import ReadFailure, Source, decode

RESCAN_SECONDS = 30.0  # the corpus folder is walked again at most this often unless told
FactValues = dict[str, Any]  # fact key -> value, for one document


@dataclass
class LintResult:
    """What linting one text found, with what the hover and the fixes need."""

    path: str  # the path diagnostics carry (relative to the server's folder, as the CLI)
    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: Document | None = None  # None when the text is not UTF-8 text
    corpus: Corpus | None = None
    rules: dict[str, Rule] = field(default_factory=dict)  # every installed rule
    settings: Settings | None = None
    exact: bool = True  # False: the corpus holds this document's facts of an earlier text
    error: str | None = None  # a configuration or rule-loading error: nothing was linted
    configured: bool = False  # the document belongs to a configured project


def display_path(path: Path, cwd: Path) -> str:
    """``path`` as the command line shows it when run from ``cwd``: relative when it can."""
    try:
        return os.path.relpath(path, cwd)
    except ValueError:  # another drive
        return str(path)


def _stamp(path: Path | None) -> tuple[int, int] | None:
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


class Project:
    """One configuration (or one unconfigured folder): settings, rules, roster, corpus facts."""

    def __init__(self, config: Path | None, start: Path, all_rules: dict[str, Rule]) -> None:
        self.config = config
        self.start = start
        self.all_rules = all_rules
        self.generation = 0
        # generation -> the corpus files whose change made it (None: everything changed)
        self.history: dict[int, frozenset[Path] | None] = {}
        # path -> (size and mtime, corpus path, fact values) of every corpus document on disk
        self.facts: dict[Path, tuple[tuple[int, int], str, FactValues]] = {}
        self.wanted: list[Fact] = []
        self.scanned_at = 0.0
        self.dirty = True
        self._load()

    def _load(self) -> None:
        """Read the configuration and the roster (raises ConfigError, RuleError)."""
        self.settings = load_settings(self.config, self.start)
        check_rule_tables(self.all_rules, self.settings)
        self.rules = select_rules(self.all_rules, self.settings)
        self.engine_codes = {
            c for c in ENGINE_CODES if engine_code_selected(c, self.settings, None, None)
        }
        self.needs_corpus = any(rule.scope == "corpus" for rule in self.rules.values())
        # the selected rules' facts, and the attendees for the hover on a name
        wanted = list(dict.fromkeys([*Engine(self.rules, self.settings).facts, attendees]))
        if [f.key for f in wanted] != [f.key for f in self.wanted]:
            self.facts = {}  # other facts: every document is read again
        self.wanted = wanted
        self.keys = Corpus({}, root=self.settings.root)  # turns paths into corpus paths
        self.roster: Roster = load_roster(self.settings)
        self.stamps = self._stamps()
        self.generation += 1
        self.history[self.generation] = None
        self.dirty = True  # the corpus globs may have changed

    def _stamps(self) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        return _stamp(self.config), _stamp(roster_path(self.settings))

    def refresh(self, cwd: Path, *, rescan_due: bool) -> bool:
        """Reload what changed on disk; True when anything did."""
        changed = False
        if self._stamps() != self.stamps:
            self._load()
            changed = True
        if self.settings.configured and (self.dirty or rescan_due):
            changed = self._scan(cwd) or changed
        return changed

    def _scan(self, cwd: Path) -> bool:
        """Facts of every corpus document: kept when size and mtime are unchanged."""
        self.dirty = False
        self.scanned_at = time.monotonic()
        files = corpus_files(self.settings)
        kept: dict[Path, tuple[tuple[int, int], str, FactValues]] = {}
        todo: list[Path] = []
        for path in files:
            stamp = _stamp(path)
            if stamp is None:
                continue
            held = self.facts.get(path)
            if held is not None and held[0] == stamp:
                kept[path] = held
            else:
                todo.append(path)
        gone = {p for p in self.facts if p not in kept and p not in todo}
        if todo:
            settings = self.settings
            cache = FactsCache(settings.root / settings.cache_dir)
            fresh, stale = cache.lookup(todo, [f.key for f in self.wanted])
            for path, values in fresh.items():
                stamp = _stamp(path)
                if stamp is not None:
                    kept[path] = (stamp, self.keys.key(str(path)), values)
            for entry in stale:
                source = decode(display_path(entry.path, cwd), entry.data)
                if not isinstance(source, Source):
                    continue
                values = extract_all(Document(source), self.wanted)
                cache.store(entry, values)
                kept[entry.path] = (
                    (entry.size, entry.mtime),
                    self.keys.key(str(entry.path)),
                    values,
                )
            cache.save()
        touched = frozenset(gone | set(todo))
        self.facts = kept
        if touched:
            self.generation += 1
            self.history[self.generation] = touched
        return bool(touched)

    def unchanged_for(self, path: Path, since: int) -> bool:
        """Whether every change after generation ``since`` touched only ``path`` itself
        (a document's own file on disk is not part of the corpus it is linted against)."""
        return all(
            (changed := self.history.get(g)) is not None and changed <= {path}
            for g in range(since + 1, self.generation + 1)
        )

    def others(self, path: Path) -> dict[str, FactValues]:
        """Corpus path -> fact values of every corpus document but ``path``."""
        return {key: values for p, (_stamp, key, values) in self.facts.items() if p != path}


@dataclass
class _Held:
    """The corpus and engine built for one open document."""

    generation: int
    signature: str
    corpus: Corpus | None
    engine: Engine


def _signature(values: FactValues | None) -> str:
    if values is None:
        return ""
    text = json.dumps(values, sort_keys=True, default=repr)
    return hashlib.sha256(text.encode()).hexdigest()


class Linter:
    """Projects by configuration file, and a corpus per open document."""

    def __init__(self, cwd: Path | None = None) -> None:
        self.cwd = (cwd or Path.cwd()).resolve()
        self._projects: dict[str, Project] = {}
        self._held: dict[Path, _Held] = {}
        self._rules: dict[str, Rule] | None = None
        self._lock = threading.RLock()

    # -- projects --------------------------------------------------------------------
    def _all_rules(self) -> dict[str, Rule]:
        if self._rules is None:
            self._rules = load_rules()
        return self._rules

    def project(self, path: Path) -> Project:
        """The project of the file at ``path``, reloaded if its configuration or roster
        changed (raises ConfigError, RuleError, OSError: such a project is not kept)."""
        config = find_config(path)
        key = str(config) if config is not None else f"folder:{path.parent}"
        with self._lock:
            try:
                project = self._projects.get(key)
                if project is None:
                    project = Project(config, path, self._all_rules())
                    self._projects[key] = project
                project.refresh(self.cwd, rescan_due=False)
            except (ConfigError, RuleError, OSError):
                self._projects.pop(key, None)
                raise
            return project

    def files_changed(self, paths: list[Path] | None = None) -> None:
        """Files changed on disk (all of them when ``paths`` is None): rescan on next use."""
        with self._lock:
            for project in self._projects.values():
                if paths is None:
                    project.dirty = True
                    continue
                root = project.settings.root
                for path in paths:
                    if path.resolve().is_relative_to(root):
                        project.dirty = True

    def refresh(self) -> bool:
        """Reload configurations, rosters and corpora that changed; True when any did."""
        changed = False
        now = time.monotonic()
        with self._lock:
            for key, project in list(self._projects.items()):
                try:
                    due = now - project.scanned_at > RESCAN_SECONDS
                    changed = project.refresh(self.cwd, rescan_due=due) or changed
                except (ConfigError, RuleError, OSError):
                    del self._projects[key]  # reported when a document of it is linted
                    changed = True
        return changed

    def forget(self, path: Path) -> None:
        """A document was closed: drop the corpus held for it."""
        with self._lock:
            self._held.pop(path.resolve(), None)

    # -- linting ---------------------------------------------------------------------
    def lint(self, path: Path, text: str, *, exact: bool = True) -> LintResult:
        """Diagnostics of ``text`` as the content of the file at ``path``.

        Raises nothing for bad documents or a bad configuration: those come back as
        diagnostics (ML002) or as ``error``.
        """
        path = path.resolve()
        shown = display_path(path, self.cwd)
        result = LintResult(shown, text)
        try:
            project = self.project(path)
        except (ConfigError, RuleError, OSError) as exc:
            result.error = str(exc)
            return result
        result.rules = project.all_rules
        result.settings = project.settings
        result.configured = project.settings.configured
        source = decode(shown, text.encode("utf-8", "surrogatepass"))
        if isinstance(source, ReadFailure):
            engine = Engine(project.rules, project.settings, engine_codes=project.engine_codes)
            result.diagnostics = engine.failure(source)
            return result
        doc = Document(source)
        result.document = doc
        values = extract_all(doc, project.wanted) if project.needs_corpus else None
        signature = _signature(values)
        held = self._corpus_for(project, path, shown, values, signature, exact=exact)
        result.corpus = held.corpus
        result.exact = held.signature == signature
        result.diagnostics = held.engine.lint(doc)
        return result

    def _corpus_for(
        self,
        project: Project,
        path: Path,
        shown: str,
        values: FactValues | None,
        signature: str,
        *,
        exact: bool,
    ) -> _Held:
        with self._lock:
            held = self._held.get(path)
            generation = project.generation
            if held is not None and project.unchanged_for(path, held.generation):
                held.generation = generation
            if (
                held is not None
                and held.generation == generation
                and (held.signature == signature or not exact)
            ):
                return held
            others = project.others(path)
        corpus = None
        if values is not None:
            settings = project.settings
            others[project.keys.key(shown)] = values
            documents = dict(sorted(others.items()))
            corpus = Corpus(documents, project.roster, settings.nicknames, settings.root)
        engine = Engine(
            project.rules, project.settings, engine_codes=project.engine_codes, corpus=corpus
        )
        fresh = _Held(generation, signature, corpus, engine)
        with self._lock:
            current = self._held.get(path)
            if current is None or current.generation <= generation:
                self._held[path] = fresh
        return fresh
