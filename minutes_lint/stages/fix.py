"""Fixing documents, then re-linting what the fixes can affect before anything is reported.

A fix in one file can change what a corpus rule says about another (a title
fixed in one file is no longer a duplicate of another's, FM010), so when a file
changed and a corpus rule runs, the corpus is rebuilt from the fixed texts (only the
changed files' facts are extracted again) and, when a fix changed a fact, every document
of the run is linted again against it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from minutes_lint.corpus import Corpus, FactValues
from minutes_lint.diagnostics import Diagnostic
from minutes_lint.document import Document
from minutes_lint.engine import Engine
from minutes_lint.fixes.files import FileFix, fix_document
from minutes_lint.parallel import ordered_map, worker_count
from minutes_lint.source import Source


@dataclass
class Fixed:
    """What fixing a run's documents did, per document, in their order."""

    files: list[FileFix] = field(default_factory=list)
    crashed: bool = False

    @property
    def changed_files(self) -> int:
        return sum(1 for f in self.files if f.changed)


def fix_documents(
    engine: Engine,
    documents: list[Document],
    *,
    unsafe: bool,
    write: bool,
    stdin_path: str | None = None,
) -> Fixed:
    """Fix every document until stable; write the changed files when ``write`` (never the
    document read from stdin, whose text the caller writes out)."""

    def process(index: int) -> tuple[FileFix, bool]:
        doc = documents[index]
        result = fix_document(doc, engine, unsafe=unsafe, write=write, stdin=doc.path == stdin_path)
        return result, engine.crashed

    indices = list(range(len(documents)))
    if engine.corpus is not None and worker_count(len(indices)) > 1:
        engine.corpus.prepare()
    from minutes_lint.progress import progress

    fixed = Fixed()
    with progress(len(indices)) as tick:
        done = ordered_map(process, indices, on_done=tick)
    for result, crashed in done:
        fixed.files.append(result)
        fixed.crashed = fixed.crashed or crashed
    return fixed


def relint_after_fix(
    engine: Engine,
    documents: list[Document],
    fixed: Fixed,
    corpus_for: Callable[[list[Document], Mapping[str, FactValues]], Corpus | None],
) -> None:
    """Re-lint every document against a corpus built from the fixed texts, when a fix
    changed a file and a corpus rule runs; each file's diagnostics are replaced in place.

    Only the changed files' facts are extracted again (``corpus_for`` gets the others'),
    and when those facts are what they were, the corpus is the one every document was
    just linted against: nothing is linted again."""
    old = engine.corpus
    if old is None or not fixed.changed_files:
        return
    from minutes_lint.stages.lint import lint_documents

    now = [
        Document(Source(doc.path, result.text, doc.source.bom, _bytes(doc, result)))
        if result.changed
        else Document(doc.source)
        for doc, result in zip(documents, fixed.files, strict=True)
    ]
    changed = {
        old.key(doc.path)
        for doc, result in zip(documents, fixed.files, strict=True)
        if result.changed
    }
    before = old.documents
    corpus = corpus_for(now, {path: v for path, v in before.items() if path not in changed})
    engine.corpus = corpus
    if corpus is not None and all(corpus.documents.get(p) == before.get(p) for p in changed):
        return  # the fixes changed no fact: every document's diagnostics stand
    linted = lint_documents(engine, now, cache_folder=None)
    for result, found in zip(fixed.files, linted.per_document, strict=True):
        result.diagnostics = sorted([*found, *result.notes], key=lambda d: d.sort_key)
    fixed.crashed = fixed.crashed or linted.crashed


def _bytes(doc: Document, result: FileFix) -> bytes:
    from minutes_lint.fixes.atomic_write import encode_text

    return encode_text(result.text, bom=doc.source.bom)


def report_diagnostics(fixed: Fixed) -> list[Diagnostic]:
    """Every remaining diagnostic of the fixed documents."""
    return [d for result in fixed.files for d in result.diagnostics]
