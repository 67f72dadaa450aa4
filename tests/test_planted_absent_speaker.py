"""Recall of ``absent-person-speaks`` on speakers planted into real minutes.

Reads the archives under ``MINUTES_LINT_CORPORA`` (skipped when unset).  In real documents
that list someone as absent (and not also as present), a speaker line for that person is
written into the discussion, in the speaker form the document itself uses when it has one
(``**Name:**``, ``> *Name:*``, ``Name:``), else as "Name noted that ...".  At least 9 of
every 10 plants must be reported on the planted line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from minutes_lint.rules import absent_person_speaks as rule

from minutes_lint.document import Document
from minutes_lint.names import person_key
from minutes_lint.testing import lint

ARCHIVES = ["cabforum", "w3c-json-ld-wg", "openjs-cpc", "tc39-notes", "ossf-tac", "hsf-meetings"]
PLANTS = 10
_FORMS = [
    (re.compile(r"(?m)^> \*[^*\n]+:\* "), "> *{name}:* I will take that action.\n"),
    (re.compile(r"(?m)^\*\*[^*\n]+:\*\* "), "**{name}:** I will take that action.\n"),
    (re.compile(r"(?m)^- [A-Z][\w .-]+: "), "- {name}: I will take that action.\n"),
]


def _root() -> Path:
    root = os.environ.get("MINUTES_LINT_CORPORA")
    if not root:
        pytest.skip("MINUTES_LINT_CORPORA is not set")
    return Path(root)


def _plant(text: str, name: str) -> tuple[str, int]:
    """``text`` with a line of ``name`` speaking added at its end, and that line's number."""
    line = next((form for pattern, form in _FORMS if pattern.search(text)), None)
    planted = (line or "{name} noted that the action is taken.\n").format(name=name)
    body = text if text.endswith("\n") else text + "\n"
    body += "\n"
    return body + planted, body.count("\n") + 1


@pytest.mark.parametrize("archive", ARCHIVES)
def test_planted_absent_speakers_are_caught(archive: str) -> None:
    folder = _root() / archive
    if not folder.is_dir():
        pytest.skip(f"{folder} is missing")
    plants = caught = 0
    missed = []
    for path in sorted(folder.rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        doc = Document.from_text(text, str(path))
        present = {person_key(e.name) for e in doc.attendees if e.name}
        absent = [
            e
            for e in doc.absent
            if e.problem is None and len(e.name.split()) >= 2 and person_key(e.name) not in present
        ]
        if not absent:
            continue
        planted, line = _plant(text, absent[0].name)
        found = lint(rule, planted, path=str(path))
        plants += 1
        if any(d.start.line == line for d in found):
            caught += 1
        else:
            missed.append(f"{path}: {absent[0].name}")
        if plants == PLANTS:
            break
    if plants == 0:
        pytest.skip(f"no document of {archive} lists someone as absent")
    assert caught * 10 >= 9 * plants, "\n".join(missed)
