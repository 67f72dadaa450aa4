"""Which files a run lints and which documents make up the project's corpus: paths and
file stamps only, nothing parsed (a warm run uses this before importing anything else)."""

from __future__ import annotations

import fnmatch
import glob
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from minutes_lint.config import Settings

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


def corpus_fingerprint(
    run: list[tuple[str, bytes]], others: list[Path], roster_digest: str, settings: Settings
) -> str:
    """A hash of the corpus: the content of the run's documents, the size and modification
    time of the others, the roster and the nicknames."""
    stamps = [f"{os.path.abspath(path)} {hashlib.sha256(data).hexdigest()}" for path, data in run]
    for path in others:
        try:
            st = path.stat()
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            stamps.append(f"{path} {st.st_size} {st.st_mtime_ns}")
    stamps.sort()
    stamps += [roster_digest, repr(settings.nicknames)]
    return hashlib.sha256("\n".join(stamps).encode()).hexdigest()
