"""The report's view of the corpus (meeting dates, people, organisations), cached.

Clustering names and reading every document's facts costs as much as a warm check, so
the result is kept in ``report-view.json`` in the cache folder under a key made of the
corpus fingerprint (every document's content or stamp, the roster, the nicknames) and a
stamp of minutes-lint's code: an unchanged archive is not clustered again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

CACHE_FILE = "report-view.json"


def load_view(folder: Path | None, key: str) -> dict[str, Any] | None:
    if folder is None:
        return None
    try:
        with open(folder / CACHE_FILE, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    view = data.get("view")
    return view if isinstance(view, dict) else None


def save_view(folder: Path | None, key: str, view: dict[str, Any]) -> None:
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# created by minutes-lint\n*\n", encoding="utf-8")
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".report.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"key": key, "view": view}, fh, ensure_ascii=False)
        os.replace(tmp, folder / CACHE_FILE)
    except OSError:
        pass  # a cache that cannot be written only costs time
