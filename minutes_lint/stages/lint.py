"""Linting documents: every diagnostic per document, from the results cache when it can.

:func:`lint_text` lints one text as if it were the file at a path, against the
project's corpus: what an editor integration calls on every change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from minutes_lint.config import Settings
from minutes_lint.diagnostics import Diagnostic
from minutes_lint.document import Document
from minutes_lint.engine import Engine
from minutes_lint.parallel import THRESHOLD, ordered_map, start_method, worker_count
from minutes_lint.registry import Rule
from minutes_lint.results_cache import ResultsCache, document_key
from minutes_lint.selection import ENGINE_CODES, engine_code_selected
from minutes_lint.source import Source


@dataclass
class Linted:
    """Diagnostics per document (in the documents' order) and whether a rule crashed."""

    per_document: list[list[Diagnostic]] = field(default_factory=list)
    crashed: bool = False


def unfixable_when_unparsed(doc: Document, found: list[Diagnostic]) -> list[Diagnostic]:
    """Drop the fixes of a document whose front matter does not parse: it is never written,
    so offering them (``[*]``, "fixable with --fix") would promise what --fix refuses."""
    if doc.parses or not any(d.fix is not None for d in found):
        return found
    return [replace(d, fix=None, edit_positions=()) if d.fix is not None else d for d in found]


class LintTask:
    """Lint one document of a run, given as ``(index, source)``: the task of the pool.

    It holds the engine (rules, settings, corpus) and the run's documents.  A worker
    receives it once, when it starts: forked, it inherits both as they are; spawned, it
    receives the engine as what builds it again (rule module names, settings, the corpus
    facts) and no documents, so each item carries its document's source.
    """

    def __init__(self, engine: Engine, documents: list[Document], release: bool) -> None:
        self.engine = engine
        self.documents: list[Document] | None = documents
        self.release = release

    def __getstate__(self) -> dict[str, Any]:
        return {"engine": self.engine, "release": self.release}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.engine = state["engine"]
        self.documents = None
        self.release = state["release"]

    def __call__(self, item: tuple[int, Source | None]) -> tuple[list[Diagnostic], bool]:
        index, source = item
        if self.documents is not None:
            doc = self.documents[index]
        else:
            assert source is not None, "a spawned worker needs each document's source"
            doc = Document(source)
        found = unfixable_when_unparsed(doc, self.engine.lint(doc))
        if self.release:
            doc.release()  # memory stays bounded however many documents a run has
        return found, self.engine.crashed


def results_key(
    settings: Settings, selection: Sequence[Sequence[str] | None], documents: list[Document]
) -> str:
    """The key a run's cached results live under: settings, selection, code and rule
    stamps, and a fingerprint of the corpus (the run's texts, the others' file stamps)."""
    import os

    from minutes_lint.discovery import corpus_files, corpus_fingerprint
    from minutes_lint.run_key import roster_digest, run_key

    run_paths = {os.path.abspath(d.path) for d in documents}
    others = [p for p in corpus_files(settings) if str(p) not in run_paths]
    fingerprint = corpus_fingerprint(
        [(d.path, d.source.data) for d in documents], others, roster_digest(settings), settings
    )
    return run_key(settings, selection, fingerprint)


def lint_documents(
    engine: Engine,
    documents: list[Document],
    *,
    cache_folder: Path | None,
    run_key: str = "",
) -> Linted:
    """Lint every document; with ``cache_folder`` and a ``run_key`` (see :func:`results_key`),
    reuse and store results per document.  Large runs spread over processes and release
    each model."""
    results = ResultsCache(cache_folder if run_key else None)
    keys = [document_key(d.source.data, d.path, run_key) for d in documents] if run_key else []
    cached: dict[int, list[Diagnostic]] = {}
    for index, key in enumerate(keys):
        found = results.get(key, documents[index].path)
        if found is not None:
            cached[index] = found
    task = LintTask(engine, documents, release=len(documents) >= THRESHOLD)
    todo = [i for i in range(len(documents)) if i not in cached]
    pooled = worker_count(len(todo)) > 1
    if engine.corpus is not None and pooled:
        engine.corpus.prepare()  # build the shared indexes once, before workers fork
    # forked workers inherit the documents; spawned ones receive each document's source
    ship = pooled and start_method() != "fork"
    items = [(i, documents[i].source if ship else None) for i in todo]
    linted = Linted([[] for _ in documents])
    for index, found in cached.items():
        linted.per_document[index] = found
    from minutes_lint.progress import progress

    with progress(len(todo)) as tick:
        done = ordered_map(task, items, on_done=tick)
    for index, (found, crashed) in zip(todo, done, strict=True):
        linted.per_document[index] = found
        linted.crashed = linted.crashed or crashed
    if keys and not linted.crashed:
        for index in todo:
            results.put(keys[index], linted.per_document[index])
        results.save(set(keys))
    return linted


def lint_text(
    text: str,
    path: str,
    *,
    settings: Settings | None = None,
    rules: Mapping[str, Rule] | None = None,
    use_cache: bool = True,
) -> list[Diagnostic]:
    """The diagnostics of ``text`` as if it were the file at ``path``, against the project's
    corpus (where the file on disk, if any, is replaced by ``text``).

    ``settings`` default to the configuration found for ``path``; ``rules`` to the rules
    those settings select among the installed ones.  Positions are 1-based; a fix's
    edits are character offsets into ``text``.  Raises ConfigError for a bad configuration.
    """
    from minutes_lint.registry import load_rules
    from minutes_lint.stages.corpus import load_corpus
    from minutes_lint.stages.plan import plan_run, settings_for

    if settings is None:
        settings = settings_for(None, [path])
    if rules is None:
        plan = plan_run(settings, load_rules())
        chosen, engine_codes = plan.rules, plan.engine_codes
    else:
        chosen = dict(rules)
        engine_codes = {c for c in ENGINE_CODES if engine_code_selected(c, settings, None, None)}
    doc = Document(Source(path, text, False, text.encode("utf-8", "surrogatepass")))
    engine = Engine(chosen, settings, engine_codes=engine_codes)
    engine.corpus = load_corpus(settings, chosen, [doc], use_cache=use_cache)
    return unfixable_when_unparsed(doc, engine.lint(doc))
