"""Baselines: record today's problems so that only new ones are reported.

A baseline file lists fingerprints of accepted diagnostics.  A fingerprint
depends on the rule code, the file path, the flagged text and a little
surrounding text -- never on line or column numbers -- so it survives edits
elsewhere in the file that shift lines.  Identical flagged text in the same
file is told apart by an occurrence number in position order.

File format (sorted for small diffs)::

    {"version": 1, "tool": "minutes-lint",
     "entries": [{"fingerprint": ..., "code": ..., "path": ..., "message": ...}]}
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from minutes_lint.diagnostics import Diagnostic

BASELINE_VERSION = 1
TOOL_NAME = "minutes-lint"
FINGERPRINT_LENGTH = 32
ENTRY_KEYS = ("fingerprint", "code", "path", "message")

_WHITESPACE = re.compile(r"\s+")
_NEWLINE = re.compile(r"\r\n?")


class BaselineError(ValueError):
    """A baseline file that cannot be read or does not have the expected shape."""


@dataclass(frozen=True)
class BaselineEntry:
    """One accepted diagnostic, as stored in the baseline file."""

    fingerprint: str
    code: str
    path: str
    message: str

    def to_json(self) -> dict[str, str]:
        """Return the entry as a JSON object."""
        return {
            "fingerprint": self.fingerprint,
            "code": self.code,
            "path": self.path,
            "message": self.message,
        }

    @property
    def sort_key(self) -> tuple[str, str, str, str]:
        return (self.path, self.code, self.message, self.fingerprint)


def normalise_path(path: str) -> str:
    """Return ``path`` with forward slashes and without a leading ``./``."""
    posix = path.replace("\\", "/")
    while posix.startswith("./"):
        posix = posix[2:]
    return posix


def _base_key(diag: Diagnostic) -> str:
    """Return what identifies a diagnostic apart from its occurrence number."""
    snippet = _NEWLINE.sub("\n", diag.snippet)
    context = _WHITESPACE.sub(" ", diag.context).strip()
    return "\0".join((diag.code, normalise_path(diag.path), snippet, context))


def _hash(base_key: str, occurrence: int) -> str:
    """Return the fingerprint of a base key and occurrence number."""
    data = f"{base_key}\0{occurrence}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:FINGERPRINT_LENGTH]


def fingerprint(diag: Diagnostic, occurrence: int = 0) -> str:
    """Return the fingerprint of ``diag`` (32 hex digits).

    Built from the code, the normalised path, the flagged text and the
    whitespace-normalised context, plus ``occurrence`` to tell apart identical
    diagnostics in one file.  Line and column numbers are never used.
    """
    return _hash(_base_key(diag), occurrence)


def _position_key(diag: Diagnostic) -> tuple[int, int, int, int]:
    return (diag.start.line, diag.start.column, diag.offset, diag.end_offset)


def fingerprints(diags: Sequence[Diagnostic]) -> list[str]:
    """Return the fingerprint of every diagnostic, in the order given.

    Diagnostics sharing a base fingerprint are numbered 0, 1, 2... in position
    order, so each fingerprint in the result is unique.
    """
    keys = [_base_key(diag) for diag in diags]
    order = sorted(range(len(diags)), key=lambda index: _position_key(diags[index]))
    seen: Counter[str] = Counter()
    result = [""] * len(diags)
    for index in order:
        key = keys[index]
        result[index] = _hash(key, seen[key])
        seen[key] += 1
    return result


class _Rebaser:
    """Expresses paths relative to the baseline file's folder, when possible."""

    def __init__(self, baseline_path: Path) -> None:
        self.base_dir = os.path.abspath(baseline_path.parent)
        self.cache: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        cached = self.cache.get(path)
        if cached is None:
            try:
                relative = os.path.relpath(os.path.abspath(path), self.base_dir)
            except ValueError:  # another drive
                relative = path
            cached = self.cache[path] = normalise_path(relative)
        return cached

    def diagnostics(self, diags: Sequence[Diagnostic]) -> list[Diagnostic]:
        """Return the diagnostics with their paths rebased."""
        return [replace(diag, path=self(diag.path)) for diag in diags]


@dataclass
class Baseline:
    """The entries of a baseline file and the file they came from."""

    path: Path
    entries: list[BaselineEntry]

    def filter(
        self, diags: Sequence[Diagnostic], checked_paths: Iterable[str] | None = None
    ) -> tuple[list[Diagnostic], int, list[BaselineEntry]]:
        """Split ``diags`` into new ones and ones the baseline accepts.

        Returns ``(new_diagnostics, matched_count, stale_entries)``.  An entry is
        stale when no diagnostic matches it; when ``checked_paths`` is given, only
        entries for those files can be stale (a partial run says nothing about
        the other files).
        """
        rebase = _Rebaser(self.path)
        keys = fingerprints(rebase.diagnostics(diags))
        remaining = Counter(entry.fingerprint for entry in self.entries)
        new: list[Diagnostic] = []
        matched = 0
        for diag, key in zip(diags, keys, strict=True):
            if remaining[key] > 0:
                remaining[key] -= 1
                matched += 1
            else:
                new.append(diag)
        checked = None if checked_paths is None else {rebase(path) for path in checked_paths}
        stale: list[BaselineEntry] = []
        for entry in self.entries:
            if remaining[entry.fingerprint] > 0:
                remaining[entry.fingerprint] -= 1
                if checked is None or entry.path in checked:
                    stale.append(entry)
        return new, matched, stale


def baseline_entries(path: Path, diags: Sequence[Diagnostic]) -> list[BaselineEntry]:
    """Return the sorted entries a baseline at ``path`` would hold for ``diags``."""
    rebased = _Rebaser(path).diagnostics(diags)
    entries = [
        BaselineEntry(key, diag.code, diag.path, diag.message)
        for diag, key in zip(rebased, fingerprints(rebased), strict=True)
    ]
    entries.sort(key=lambda entry: entry.sort_key)
    return entries


def _write_entries(path: Path, entries: Sequence[BaselineEntry]) -> None:
    """Write the baseline file, replacing any previous one in a single step."""
    data = {
        "version": BASELINE_VERSION,
        "tool": TOOL_NAME,
        "entries": [entry.to_json() for entry in sorted(entries, key=lambda e: e.sort_key)],
    }
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def write_baseline(path: Path, diags: Sequence[Diagnostic]) -> int:
    """Write a baseline accepting all of ``diags``; return the number of entries."""
    entries = baseline_entries(path, diags)
    _write_entries(path, entries)
    return len(entries)


def _entry(path: Path, index: int, item: object) -> BaselineEntry:
    """Check and convert one raw entry of the baseline file."""
    if not isinstance(item, dict):
        raise BaselineError(f"{path}: entry {index} is not an object")
    values = []
    for key in ENTRY_KEYS:
        value = item.get(key)
        if not isinstance(value, str):
            raise BaselineError(f"{path}: entry {index} needs a string {key!r}")
        values.append(value)
    return BaselineEntry(*values)


def _parse(path: Path, data: object) -> Baseline:
    """Check the shape of a decoded baseline file and build the ``Baseline``."""
    if not isinstance(data, dict):
        raise BaselineError(f"{path}: a baseline must be a JSON object")
    version = data.get("version")
    if version != BASELINE_VERSION or isinstance(version, bool):
        raise BaselineError(
            f"{path}: unsupported baseline version {version!r} (expected {BASELINE_VERSION})"
        )
    tool = data.get("tool", TOOL_NAME)
    if tool != TOOL_NAME:
        raise BaselineError(f"{path}: baseline was written by {tool!r}, not {TOOL_NAME!r}")
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list):
        raise BaselineError(f"{path}: 'entries' must be a list")
    return Baseline(path, [_entry(path, index, item) for index, item in enumerate(raw_entries)])


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; raise ``BaselineError`` naming the file when it is unusable."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BaselineError(f"{path}: baseline is not UTF-8 text") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(
            f"{path}:{exc.lineno}:{exc.colno}: baseline is not valid JSON: {exc.msg}"
        ) from None
    return _parse(path, data)


def prune(
    path: Path, diags: Sequence[Diagnostic], checked_paths: Iterable[str] | None = None
) -> int:
    """Remove stale entries from the baseline at ``path``; return how many were removed.

    The file is rewritten only when something was removed.
    """
    baseline = load_baseline(path)
    _, _, stale = baseline.filter(diags, checked_paths)
    if not stale:
        return 0
    drop = Counter(stale)
    kept = []
    for entry in baseline.entries:
        if drop[entry] > 0:
            drop[entry] -= 1
        else:
            kept.append(entry)
    _write_entries(path, kept)
    return len(stale)
