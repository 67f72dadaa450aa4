"""Recall of the people and organisation rules on errors planted into real minutes.

Reads the archives under ``MINUTES_LINT_CORPORA`` (skipped when unset).  Every kind of
error of ``tests/planting.py`` is planted into two documents of each archive, with
made-up people and organisations; at least 19 of every 20 plants must be reported on the
planted line.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.planting import KINDS, measure

ARCHIVES = ["cabforum", "w3c-json-ld-wg", "openjs-cpc", "tc39-notes", "ossf-tac", "hsf-meetings"]


def _root() -> Path:
    root = os.environ.get("MINUTES_LINT_CORPORA")
    if not root:
        pytest.skip("MINUTES_LINT_CORPORA is not set")
    return Path(root)


@pytest.mark.parametrize("archive", ARCHIVES)
def test_planted_name_errors_are_caught(archive: str) -> None:
    folder = _root() / archive
    if not folder.is_dir():
        pytest.skip(f"{folder} is missing")
    result = measure(folder)
    assert result.plants >= 20, f"only {result.plants} plants in {archive}"
    assert result.caught * 20 >= 19 * result.plants, "\n".join(result.missed)
    if archive == "cabforum":  # an archive whose lists give organisations: every kind
        assert set(result.by_kind) == set(KINDS)
