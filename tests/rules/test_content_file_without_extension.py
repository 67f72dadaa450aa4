from __future__ import annotations

from pathlib import Path

import pytest
from minutes_lint.rules import content_file_without_extension as rule

from minutes_lint.testing import lint, where
from tests.calendar_helpers import series


def test_minutes_saved_without_extension_are_reported_on_a_sibling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    docs = series()
    Path("posts").mkdir()
    for path, text in docs.items():
        Path(path).write_text(text, encoding="utf-8")
    stray = "posts/2025-07-16-minutes-example-wg"
    Path(stray).write_text(next(iter(docs.values())), encoding="utf-8")
    Path("posts/2025-07-30-notes").write_text("not minutes\n", encoding="utf-8")
    Path("posts/2025-08-13-minutes-example-wg.png").write_bytes(b"\x89PNG")
    found = []
    for path in docs:
        others = {p: t for p, t in docs.items() if p != path}
        found += [(path, d) for d in lint(rule, docs[path], path=path, others=others)]
    assert len(found) == 1
    path, diag = found[0]
    assert where([diag]) == [(1, 1)]
    assert diag.message.startswith("“2025-07-16-minutes-example-wg” beside this file holds minutes")


def test_folders_without_strays_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    docs = series()
    Path("posts").mkdir()
    for path, text in docs.items():
        Path(path).write_text(text, encoding="utf-8")
    path = next(iter(docs))
    assert lint(rule, docs[path], path=path, others=docs) == []
