"""The facts cache: what was extracted per file, keyed by content hash and fact key.

One JSON file under the project root holds, per path, the size, mtime and
SHA-256 of the content and the value of each fact under the fact's key (its name,
version and a stamp of the code that extracts it: see :mod:`minutes_lint.facts`),
so a changed extractor, a plugin's new fact or a new minutes-lint never reads a
value that another code computed.  A file whose size and mtime are
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

CACHE_FORMAT = 3
CACHE_FILE = f"facts-v{CACHE_FORMAT}.json"


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

    def lookup(
        self, paths: list[Path], keys: list[str]
    ) -> tuple[dict[Path, dict[str, Any]], list[Stale]]:
        """Fact values of the fresh paths (every key cached), and the stale ones with their
        bytes.  Unreadable paths are skipped."""
        fresh: dict[Path, dict[str, Any]] = {}
        stale: list[Stale] = []
        for path in paths:
            try:
                st = path.stat()
            except OSError:
                continue
            cached = self._entries.get(str(path))
            if (
                cached
                and cached["size"] == st.st_size
                and cached["mtime"] == st.st_mtime_ns
                and _has(cached, keys)
            ):
                fresh[path] = {k: cached["facts"][k] for k in keys}
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue
            digest = hashlib.sha256(data).hexdigest()
            if cached and cached["sha"] == digest and _has(cached, keys):
                fresh[path] = {k: cached["facts"][k] for k in keys}
                self._remember(path, digest, st.st_size, st.st_mtime_ns, cached["facts"])
            else:
                stale.append(Stale(path, data, digest, st.st_size, st.st_mtime_ns))
        return fresh, stale

    def matching(self, path: Path, digest: str, keys: list[str]) -> dict[str, Any] | None:
        """The cached values of ``keys`` for ``path`` when its content hash is ``digest``."""
        cached = self._entries.get(str(path))
        if cached and cached["sha"] == digest and _has(cached, keys):
            return {k: cached["facts"][k] for k in keys}
        return None

    def store(self, stale: Stale, values: dict[str, Any]) -> None:
        """Remember ``values``; values of other facts for the same bytes are kept."""
        cached = self._entries.get(str(stale.path))
        merged = dict(values)
        if cached and cached["sha"] == stale.digest:
            names = {k.split("@", 1)[0] for k in values}  # an older extractor's value goes
            kept = {k: v for k, v in cached["facts"].items() if k.split("@", 1)[0] not in names}
            merged = {**kept, **values}
        self._remember(stale.path, stale.digest, stale.size, stale.mtime, merged)

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
                json.dump({"version": CACHE_FORMAT, "entries": self._entries}, fh)
            os.replace(tmp, self.folder / CACHE_FILE)
        except OSError:
            pass  # a cache that cannot be written only costs time


def _load(path: Path) -> dict[str, dict[str, Any]]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != CACHE_FORMAT:
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def _has(entry: dict[str, Any], keys: list[str]) -> bool:
    facts = entry.get("facts")
    return isinstance(facts, dict) and all(k in facts for k in keys)
