"""The results cache: a document's diagnostics, reused while nothing they depend on changed.

A document's diagnostics depend on its bytes, on the rules and options of the run (and
minutes-lint's own code), and, for cross-document rules, on every document of the
corpus and the roster.  The key hashes all of these, so a warm run over an unchanged
archive parses nothing; changing one document re-checks that document, and (through the
corpus fingerprint) the cross-document results of the others.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from minutes_lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Position, Severity

RESULTS_DIR = "results-v1"


def _hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def document_key(data: bytes, path: str, run: str) -> str:
    """The key of one document's results: its bytes, its path (for per-file settings), the run."""
    return _hash(hashlib.sha256(data).hexdigest(), os.path.abspath(path), run)


class ResultsCache:
    """One small JSON file per document key, so a one-file run reads one file.

    Files are written atomically (a temporary file renamed into place), so processes
    running at once never read a torn entry; the least recently written entries are
    removed when there are more than four times the documents of the run (and 5,000).
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder / RESULTS_DIR if folder is not None else None
        self._written = 0

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, path: str) -> list[Diagnostic] | None:
        if self.folder is None:
            return None
        try:
            with open(self._path(key), encoding="utf-8") as fh:
                items = json.load(fh)
            return [from_json(item, path) for item in items]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        if self.folder is None:
            return
        target = self._path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            import tempfile  # only when it is needed (start-up time)

            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps([to_json(d) for d in diagnostics], separators=(",", ":")))
            os.replace(tmp, target)
            self._written += 1
        except OSError:
            pass  # a cache that cannot be written only costs time

    def save(self, used: set[str]) -> None:
        """Drop the oldest entries when the cache holds far more than this run needs."""
        if self.folder is None or not self._written:
            return
        cap = max(4 * len(used), 5_000)
        try:
            entries = [e for d in os.scandir(self.folder) if d.is_dir() for e in os.scandir(d)]
            if len(entries) <= cap:
                return
            entries.sort(key=lambda e: e.stat().st_mtime_ns)
            for entry in entries[: len(entries) - cap]:
                if entry.name[:-5] not in used:
                    os.unlink(entry.path)
        except OSError:
            pass


def _pos(p: Position) -> list[int]:
    return [p.line, p.column]


def to_json(d: Diagnostic) -> dict[str, Any]:
    out: dict[str, Any] = {
        "s": _pos(d.start),
        "e": _pos(d.end),
        "c": d.code,
        "v": d.severity.value,
        "m": d.message,
        "o": [d.offset, d.end_offset],
        "n": d.snippet,
        "x": d.context,
    }
    if d.fix is not None:
        out["f"] = {
            "a": d.fix.applicability.value,
            "m": d.fix.message,
            "e": [[e.start, e.end, e.content] for e in d.fix.edits],
            "p": [[_pos(a), _pos(b)] for a, b in d.edit_positions],
        }
    return out


def from_json(item: dict[str, Any], path: str) -> Diagnostic:
    fix = None
    positions: tuple[tuple[Position, Position], ...] = ()
    if "f" in item:
        f = item["f"]
        fix = Fix(tuple(Edit(a, b, c) for a, b, c in f["e"]), f["m"], Applicability(f["a"]))
        positions = tuple((Position(*a), Position(*b)) for a, b in f["p"])
    return Diagnostic(
        path=path,
        start=Position(*item["s"]),
        end=Position(*item["e"]),
        code=item["c"],
        severity=Severity(item["v"]),
        message=item["m"],
        fix=fix,
        offset=item["o"][0],
        end_offset=item["o"][1],
        snippet=item["n"],
        context=item["x"],
        edit_positions=positions,
    )
