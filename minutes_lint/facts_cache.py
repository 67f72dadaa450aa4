"""The facts cache: what was extracted per file, keyed by content hash.

One JSON file under the project root holds, per path, the size, mtime and
SHA-256 of the content and the facts.  A file whose size and mtime are
unchanged is not even read; one whose content hash is unchanged is not
re-parsed.  The cache is written to a temporary file and renamed into place,
so two processes running at once (as pre-commit does) never see a torn file:
the last writer wins and both results are valid.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minutes_lint.corpus import FACTS_VERSION, Facts

CACHE_FILE = f"facts-v{FACTS_VERSION}.json"


@dataclass(frozen=True)
class Stale:
    """A file whose facts must be extracted: its bytes were read and hashed already."""

    path: Path
    data: bytes
    digest: str
    size: int
    mtime: int


class FactsCache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._entries: dict[str, dict[str, Any]] = {}
        self._dirty = False
        if folder is not None:
            self._entries = _load(folder / CACHE_FILE)

    def lookup(self, paths: list[Path]) -> tuple[dict[Path, tuple[Facts, str]], list[Stale]]:
        """(Facts, content hash) of the fresh paths, and the stale ones with their bytes.

        Unreadable paths are skipped."""
        fresh: dict[Path, tuple[Facts, str]] = {}
        stale: list[Stale] = []
        for path in paths:
            key = str(path)
            try:
                st = path.stat()
            except OSError:
                continue
            cached = self._entries.get(key)
            if cached and cached["size"] == st.st_size and cached["mtime"] == st.st_mtime_ns:
                fresh[path] = (Facts.from_json(cached["facts"]), cached["sha"])
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue
            digest = hashlib.sha256(data).hexdigest()
            if cached and cached["sha"] == digest:
                fresh[path] = (Facts.from_json(cached["facts"]), digest)
                self._remember(path, digest, st.st_size, st.st_mtime_ns, cached["facts"])
            else:
                stale.append(Stale(path, data, digest, st.st_size, st.st_mtime_ns))
        return fresh, stale

    def matching(self, path: Path, digest: str) -> Facts | None:
        """The cached facts of ``path`` when its content hash is ``digest``."""
        cached = self._entries.get(str(path))
        if cached and cached["sha"] == digest:
            return Facts.from_json(cached["facts"])
        return None

    def store(self, stale: Stale, facts: Facts) -> None:
        self._remember(stale.path, stale.digest, stale.size, stale.mtime, facts.to_json())

    def _remember(self, path: Path, digest: str, size: int, mtime: int, facts: Any) -> None:
        if self.folder is None:
            return
        self._entries[str(path)] = {"size": size, "mtime": mtime, "sha": digest, "facts": facts}
        self._dirty = True

    def save(self) -> None:
        if self.folder is None or not self._dirty:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by minutes-lint\n*\n", encoding="utf-8")
            import tempfile  # only when it is needed (start-up time)

            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".facts.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"version": FACTS_VERSION, "entries": self._entries}, fh)
            os.replace(tmp, self.folder / CACHE_FILE)
        except OSError:
            pass  # a cache that cannot be written only costs time


def _load(path: Path) -> dict[str, dict[str, Any]]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != FACTS_VERSION:
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}
