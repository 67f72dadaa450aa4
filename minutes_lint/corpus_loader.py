"""Which files a run lints, and which documents make up the project's corpus."""

from __future__ import annotations

import fnmatch
import glob
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from minutes_lint.config import Settings
from minutes_lint.corpus import Corpus, Facts, extract_facts
from minutes_lint.document import Document
from minutes_lint.facts_cache import FactsCache, Stale
from minutes_lint.parallel import THRESHOLD, ordered_map
from minutes_lint.roster import Roster
from minutes_lint.source import Source, decode

_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}


def expand_paths(paths: Iterable[str], settings: Settings) -> list[str]:
    """Files named explicitly are kept whatever their extension; folders expand to Markdown."""
    out: list[str] = []
    seen: set[str] = set()
    for given in paths:
        if given != "-" and os.path.isdir(given):
            found = sorted(_walk(Path(given), settings.include, settings.exclude, settings.root))
        else:
            found = [given]
        for path in found:
            key = path if path == "-" else os.path.abspath(path)
            if key not in seen:
                seen.add(key)
                out.append(path)
    return out


def _walk(folder: Path, include: list[str], exclude: list[str], root: Path) -> Iterator[str]:
    cache_dir = ".minutes-lint-cache"
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(
            d for d in dirnames if d not in _SKIP_DIRS and d != cache_dir and not d.startswith(".")
        )
        for name in filenames:
            if not any(fnmatch.fnmatch(name, pattern) for pattern in include):
                continue
            path = os.path.normpath(os.path.join(dirpath, name))
            if exclude and _excluded(path, exclude, root):
                continue
            yield path


def _excluded(path: str, exclude: list[str], root: Path) -> bool:
    try:
        rel = Path(path).absolute().relative_to(root).as_posix()
    except ValueError:
        rel = Path(path).as_posix()
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(Path(path).name, p) for p in exclude)


def corpus_files(settings: Settings) -> list[Path]:
    """Documents matching the ``corpus`` globs under the project root (configured projects only),
    less the ``exclude`` globs."""
    if not settings.configured:
        return []
    root = settings.root
    found: set[str] = set()
    skip = _SKIP_DIRS | {settings.cache_dir}
    for pattern in settings.corpus:
        for rel in glob.glob(pattern, root_dir=root, recursive=True):
            rel = rel.replace(os.sep, "/")
            if skip.isdisjoint(rel.split("/")[:-1]):
                found.add(rel)
    if settings.exclude:
        found = {
            rel
            for rel in found
            if not any(
                fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(rel.rsplit("/", 1)[-1], p)
                for p in settings.exclude
            )
        }
    return [root / rel for rel in sorted(found)]


def _facts_from_bytes(item: tuple[str, bytes]) -> Facts | None:
    source = decode(item[0], item[1])
    if not isinstance(source, Source):
        return None
    return extract_facts(Document(source))


def display_path(path: Path, cwd: Path) -> str:
    try:
        return os.path.relpath(path, cwd)
    except ValueError:
        return str(path)


def build_corpus(
    settings: Settings,
    documents: list[Document],
    *,
    use_cache: bool,
    roster: Roster | None = None,
) -> Corpus:
    """The run's documents plus, in a configured project, every document of its corpus.

    The corpus fingerprint (content of the run's documents, size and modification
    time of the others, the roster) is computed at once; the facts are gathered only
    when a rule first needs them, which a run answered from the results cache never does.
    """
    run_paths = {Path(os.path.abspath(d.path)) for d in documents}
    others = [p for p in corpus_files(settings) if p not in run_paths]
    stamps = [
        f"{os.path.abspath(d.path)} {hashlib.sha256(d.source.data).hexdigest()}" for d in documents
    ]
    for path in others:
        try:
            st = path.stat()
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            stamps.append(f"{path} {st.st_size} {st.st_mtime_ns}")
    stamps.sort()
    stamps += [roster.digest if roster else "", repr(settings.nicknames)]

    def gather() -> list[Facts]:
        return _gather_facts(settings, documents, others, use_cache)

    corpus = Corpus(gather, roster, settings.nicknames)
    corpus.fingerprint = hashlib.sha256("\n".join(stamps).encode()).hexdigest()
    return corpus


def _gather_facts(
    settings: Settings, documents: list[Document], others: list[Path], use_cache: bool
) -> list[Facts]:
    """Facts of every document: from the cache when the content hash is unchanged.

    A run document's facts always describe the text being linted (for stdin, not the
    file of the same name); the other documents are read in parallel when there are many.
    """
    cwd = Path.cwd()
    cache = FactsCache(settings.root / settings.cache_dir if use_cache else None)
    facts: list[Facts] = []
    pending: list[tuple[int, Document, str]] = []
    for doc in documents:
        path = Path(os.path.abspath(doc.path))
        digest = hashlib.sha256(doc.source.data).hexdigest()
        found = cache.matching(path, digest)
        if found is None:
            pending.append((len(facts), doc, digest))
            found = Facts(doc.path)  # replaced below
        found.path = doc.path
        facts.append(found)
    if len(pending) < THRESHOLD:
        # few documents: parse them here, once, and keep the models for the rules
        extracted = [extract_facts(doc) for _, doc, _ in pending]
    else:
        # many: parse in parallel and keep nothing, so memory does not grow with the run
        items = [(doc.path, doc.source.data) for _, doc, _ in pending]
        results = ordered_map(_facts_from_bytes, items)
        extracted = [f or Facts(i[0]) for f, i in zip(results, items, strict=True)]
    for (index, doc, digest), found in zip(pending, extracted, strict=True):
        found.path = doc.path
        facts[index] = found
        path = Path(os.path.abspath(doc.path))
        try:
            st = path.stat()
            cache.store(Stale(path, doc.source.data, digest, st.st_size, st.st_mtime_ns), found)
        except OSError:
            pass
    fresh, stale = cache.lookup(others)
    for path, (found, _digest) in fresh.items():
        found.path = display_path(path, cwd)
        facts.append(found)
    items = [(str(s.path), s.data) for s in stale]
    for entry, found in zip(stale, ordered_map(_facts_from_bytes, items), strict=True):
        if found is not None:
            cache.store(entry, found)
            found.path = display_path(entry.path, cwd)
            facts.append(found)
    cache.save()
    return facts
