"""Each document's meeting date and title, cached by content hash.

The report places documents and attendances in time.  Finding a meeting date means
parsing the document, so the answer is kept in ``report-meetings-v1.json`` in the cache
folder, keyed by path and SHA-256 of the bytes: a warm report parses nothing.
``meeting_facts`` is a plain function returning JSON data, so it can become a corpus fact
as it stands.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from minutes_lint.document import Document
from minutes_lint.parallel import ordered_map
from minutes_lint.source import Source, decode

CACHE_FILE = "report-meetings-v1.json"


def meeting_facts(doc: Document) -> dict[str, Any]:
    """``{"date": "YYYY-MM-DD" | None, "title": str | None}`` of one document."""
    day = doc.meeting.date()
    title = doc.title
    if not title:
        title = next((h.text for h in doc.headings if h.level == 1), None)
    return {"date": day.isoformat() if day else None, "title": title}


def _from_bytes(item: tuple[str, bytes]) -> dict[str, Any]:
    source = decode(item[0], item[1])
    if not isinstance(source, Source):
        return {"date": None, "title": None}
    return meeting_facts(Document(source))


def meetings_of(
    items: list[tuple[str, bytes]], cache_folder: Path | None
) -> dict[str, dict[str, Any]]:
    """Path -> meeting facts for ``(path, bytes)`` pairs; parses only what the cache lacks."""
    entries: dict[str, Any] = _load(cache_folder / CACHE_FILE) if cache_folder else {}
    found: dict[str, dict[str, Any]] = {}
    stale: list[tuple[str, bytes, str]] = []
    for path, data in items:
        digest = hashlib.sha256(data).hexdigest()
        cached = entries.get(os.path.abspath(path))
        if isinstance(cached, dict) and cached.get("sha") == digest:
            found[path] = cached["facts"]
        else:
            stale.append((path, data, digest))
    results = ordered_map(_from_bytes, [(p, d) for p, d, _ in stale])
    for (path, _data, digest), facts in zip(stale, results, strict=True):
        found[path] = facts
        entries[os.path.abspath(path)] = {"sha": digest, "facts": facts}
    if cache_folder is not None and stale:
        _save(cache_folder, entries)
    return found


def _load(path: Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(folder: Path, entries: dict[str, Any]) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# created by minutes-lint\n*\n", encoding="utf-8")
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".report.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(entries, fh)
        os.replace(tmp, folder / CACHE_FILE)
    except OSError:
        pass  # a cache that cannot be written only costs time
