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
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from minutes_lint import __version__
from minutes_lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Position, Severity

CACHE_FILE = "results-v1.json"


def code_fingerprint(module_files: Iterable[str]) -> str:
    """minutes-lint's version and the modification times of the code that checks."""
    engine = Path(__file__).parent
    files = sorted({*module_files, *map(str, engine.glob("*.py"))})
    stamps = []
    for name in files:
        try:
            stamps.append(f"{name}:{os.stat(name).st_mtime_ns}")
        except OSError:
            stamps.append(name)
    return _hash(__version__, *stamps)


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
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._entries: dict[str, list[dict[str, Any]]] = {}
        self._new: dict[str, list[dict[str, Any]]] = {}
        if folder is not None:
            try:
                with open(folder / CACHE_FILE, encoding="utf-8") as fh:
                    data = json.load(fh)
                if isinstance(data, dict) and isinstance(data.get("entries"), dict):
                    self._entries = data["entries"]
            except (OSError, ValueError):
                self._entries = {}

    def get(self, key: str, path: str) -> list[Diagnostic] | None:
        found = self._entries.get(key)
        if found is None:
            return None
        try:
            return [from_json(item, path) for item in found]
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        if self.folder is not None:
            self._new[key] = [to_json(d) for d in diagnostics]

    def save(self, used: set[str]) -> None:
        """Write this run's new entries after the earlier ones, the least recent dropped first.

        The file keeps at most four times the entries of this run (and 2,000 at least), so
        a one-file run keeps what a whole-corpus run stored.
        """
        if self.folder is None or not self._new:
            return
        entries = {k: v for k, v in self._entries.items() if k not in used}
        entries.update({k: v for k, v in self._entries.items() if k in used})
        entries.update(self._new)
        cap = max(4 * len(used), 2_000)
        if len(entries) > cap:
            entries = dict(list(entries.items())[-cap:])
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".results.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps({"version": 1, "entries": entries}, separators=(",", ":")))
            os.replace(tmp, self.folder / CACHE_FILE)
        except OSError:
            pass  # a cache that cannot be written only costs time


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
