"""Planted word errors in real minutes: the word rules catch at least 9 of 10 on each archive.

Reads every organisation's folder under ``MINUTES_LINT_CORPORA`` (skipped when unset).
For each archive, ten errors are planted, each in another document: a letter dropped,
doubled, swapped and changed in a common word of that archive, two adjacent letters
swapped in a camelCase term and in an acronym it uses often, a word repeated in a
sentence and across a line break, and two placeholders.  The words are picked from the
archive by rule (a frequent word, a frequent term), never written here.  An error is
caught when TX001, TX002, TX004, TX005 or ST005 reports it on the planted line.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from minutes_lint.rules import (
    acronym_near_miss,
    misspelling,
    repeated_word,
    template_placeholder,
    vocabulary_typo,
)

from minutes_lint.config import Settings
from minutes_lint.corpus import Corpus
from minutes_lint.document import Document
from minutes_lint.engine import Engine
from minutes_lint.markdown import Line
from minutes_lint.registry import load_rules
from minutes_lint.source import Source, read_source
from minutes_lint.words import english_words, shape, vocabulary, word_spans

MODULES = [misspelling, acronym_near_miss, vocabulary_typo, repeated_word, template_placeholder]
ROOT = os.environ.get("MINUTES_LINT_CORPORA")
ORGS = sorted(p.name for p in Path(ROOT).iterdir() if p.is_dir()) if ROOT else []
_KEYS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _load(folder: Path) -> list[Document]:
    docs = []
    for path in sorted(folder.rglob("*.md")):
        src = read_source(str(path))
        if isinstance(src, Source):
            docs.append(Document(src))
    return docs


def _neighbour(letter: str) -> str:
    for row in _KEYS:
        i = row.find(letter)
        if i >= 0:
            return row[i + 1] if i + 1 < len(row) else row[i - 1]
    return "x"


def _drop(w: str) -> str:
    i = len(w) // 2
    return w[:i] + w[i + 1 :]


def _double(w: str) -> str:
    i = len(w) // 2
    return w[:i] + w[i] + w[i:]


def _swap(w: str) -> str:
    i = len(w) // 2
    while i + 1 < len(w) and w[i] == w[i + 1]:
        i += 1
    return w[:i] + w[i + 1] + w[i] + w[i + 2 :]


def _change(w: str) -> str:
    i = len(w) // 2
    return w[:i] + _neighbour(w[i]) + w[i + 1 :]


def _camel_swap(w: str) -> str:
    # swap two adjacent lower-case letters of the last part of the term
    last = max((i for i, c in enumerate(w) if c.isupper()), default=0)
    i = last + 1 if last + 2 < len(w) else 1
    return w[:i] + w[i + 1] + w[i] + w[i + 2 :]


class Archive:
    """The documents of one organisation and the words planted errors are made of."""

    def __init__(self, folder: Path) -> None:
        self.docs = _load(folder)
        counts: Counter[str] = Counter()
        documents: Counter[str] = Counter()
        for doc in self.docs:
            found = vocabulary(doc)
            counts.update(found)
            documents.update(found.keys())
        english = english_words()
        self.names = {
            w.lower()
            for doc in self.docs
            for e in doc.attendees
            for w in re.findall(r"[A-Za-z]+", f"{e.name or ''} {e.org or ''}")
        }
        self.common = [
            w
            for w, n in counts.most_common()
            if n >= 30 and 7 <= len(w) <= 12 and w.islower() and w in english
        ]
        self.camel = [
            w
            for w, n in counts.most_common()
            if n >= 10
            and len(w) >= 8
            and shape(w) == "mixed"
            and re.search("[a-z][A-Z]", w)
            and w.lower() not in self.names
        ]
        self.acronyms = [
            w
            for w, n in counts.most_common()
            if n >= 20 and documents[w] >= 5 and len(w) >= 4 and w.isalpha() and w.isupper()
        ]


Plant = Callable[[Document, Archive], "tuple[str, int] | None"]


def _in_attendees(doc: Document, offset: int) -> bool:
    """Whether ``offset`` is on a line of an attendee list (names are never corrected)."""
    line = doc.lines[doc.line_index(offset)]
    return any(a.start <= line.end and line.start <= a.end for a in doc.attendee_lists)


def _replace_word(pick: Callable[[Archive], list[str]], edit: Callable[[str], str]) -> Plant:
    """Replace the first prose occurrence of one of the picked words by its edited form."""

    def plant(doc: Document, archive: Archive) -> tuple[str, int] | None:
        words = pick(archive)[:15]
        for start, end, word, part in word_spans(doc):
            if word in words and not part and not _in_attendees(doc, start):
                wrong = edit(word)
                if wrong == word or wrong.lower() in english_words():
                    continue
                text = doc.text[:start] + wrong + doc.text[end:]
                return text, doc.position(start).line
        return None

    return plant


def _lines(doc: Document) -> list[tuple[Line, list[tuple[int, int, str, bool]]]]:
    """Each body line with the words of the prose on it."""
    by_line: dict[int, list[tuple[int, int, str, bool]]] = {}
    for span in word_spans(doc):
        by_line.setdefault(doc.line_index(span[0]), []).append(span)
    return [(doc.lines[i], spans) for i, spans in sorted(by_line.items())]


def _repeat(across_lines: bool) -> Plant:
    """Write a word of a long prose line twice (at a line break made there)."""

    def plant(doc: Document, archive: Archive) -> tuple[str, int] | None:
        for line, spans in _lines(doc):
            if len(spans) < 10 or line.text.lstrip()[:1] in "#|" or _in_attendees(doc, line.start):
                continue
            start, end, word, _part = spans[len(spans) // 2]
            allowed: list[str] = repeated_word.OPTIONS["allow"]  # type: ignore[assignment]
            if len(word) < 3 or word.lower() in allowed or word.lower() in archive.names:
                continue
            glue = "\n" if across_lines else " "
            text = doc.text[:end] + glue + word + doc.text[end:]
            return text, doc.position(start).line + (1 if across_lines else 0)
        return None

    return plant


def _append(placeholder: str) -> Plant:
    """Add a placeholder to the end of a sentence of the prose."""

    def plant(doc: Document, archive: Archive) -> tuple[str, int] | None:
        for line, spans in _lines(doc):
            if (
                len(spans) >= 8
                and line.text.rstrip().endswith(".")
                and not _in_attendees(doc, line.start)
            ):
                end = line.start + len(line.text.rstrip())
                return doc.text[:end] + " " + placeholder + doc.text[end:], doc.position(end).line
        return None

    return plant


PLANTS: list[tuple[str, Plant]] = [
    ("letter dropped", _replace_word(lambda a: a.common, _drop)),
    ("letter doubled", _replace_word(lambda a: a.common[5:], _double)),
    ("letters swapped", _replace_word(lambda a: a.common[10:], _swap)),
    ("letter changed", _replace_word(lambda a: a.common[15:], _change)),
    ("camelCase term", _replace_word(lambda a: a.camel or a.common[20:], _camel_swap)),
    ("acronym", _replace_word(lambda a: a.acronyms or a.common[25:], _swap)),
    ("repeated word", _repeat(across_lines=False)),
    ("repeated across lines", _repeat(across_lines=True)),
    ("placeholder in capitals", _append("INSERT THE ACTION ITEMS HERE")),
    ("missing word", _append("Votes: ??? in favour.")),
]


def plant_all(archive: Archive) -> list[tuple[str, Document, int]]:
    """(kind, planted document, planted line) for each plant, each in another document."""
    planted = []
    used: set[int] = set()
    step = max(1, len(archive.docs) // (len(PLANTS) + 1))
    for k, (kind, plant) in enumerate(PLANTS):
        order = list(range(len(archive.docs)))
        start = (k + 1) * step % len(order)
        for i in order[start:] + order[:start]:
            if i in used:
                continue
            result = plant(archive.docs[i], archive)
            if result is not None:
                used.add(i)
                text, line = result
                planted.append((kind, Document.from_text(text, archive.docs[i].path), line))
                break
    return planted


def caught(archive: Archive, planted: list[tuple[str, Document, int]]) -> dict[str, bool]:
    replaced = {doc.path: doc for _kind, doc, _line in planted}
    docs = [replaced.get(d.path, d) for d in archive.docs]
    engine = Engine(load_rules(MODULES), Settings(root=Path.cwd()), engine_codes=set())
    engine.corpus = Corpus.from_documents(docs, engine.facts, root=Path.cwd())
    out = {}
    for kind, doc, line in planted:
        out[kind] = any(d.start.line == line for d in engine.lint(doc))
    return out


@pytest.mark.skipif(not ROOT, reason="MINUTES_LINT_CORPORA is not set")
@pytest.mark.parametrize("org", ORGS)
def test_planted_word_errors_are_caught(org: str) -> None:
    archive = Archive(Path(ROOT or ".") / org)
    planted = plant_all(archive)
    assert len(planted) == len(PLANTS), [k for k, _d, _l in planted]
    found = caught(archive, planted)
    missed = [kind for kind, ok in found.items() if not ok]
    assert sum(found.values()) >= 9, f"{org}: missed {missed}"
