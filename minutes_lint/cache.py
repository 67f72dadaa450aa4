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
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from minutes_lint.corpus import FACTS_VERSION, Facts

CACHE_FILE = f"facts-v{FACTS_VERSION}.json"


class FactsCache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._entries: dict[str, dict[str, Any]] = {}
        self._dirty = False
        if folder is not None:
            self._entries = _load(folder / CACHE_FILE)

    def facts_for(
        self, paths: Iterable[Path], extract: Callable[[str, bytes], Facts | None]
    ) -> list[tuple[Path, Facts]]:
        """Facts of every readable path: from the cache when fresh, else from ``extract``."""
        out: list[tuple[Path, Facts]] = []
        for path in paths:
            key = str(path)
            try:
                st = path.stat()
            except OSError:
                continue
            cached = self._entries.get(key)
            if cached and cached["size"] == st.st_size and cached["mtime"] == st.st_mtime_ns:
                out.append((path, Facts.from_json(cached["facts"])))
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue
            digest = hashlib.sha256(data).hexdigest()
            if cached and cached["sha"] == digest:
                facts = Facts.from_json(cached["facts"])
            else:
                found = extract(key, data)
                if found is None:
                    continue
                facts = found
            self._entries[key] = {
                "size": st.st_size,
                "mtime": st.st_mtime_ns,
                "sha": digest,
                "facts": facts.to_json(),
            }
            self._dirty = True
            out.append((path, facts))
        return out

    def save(self) -> None:
        if self.folder is None or not self._dirty:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by minutes-lint\n*\n", encoding="utf-8")
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
