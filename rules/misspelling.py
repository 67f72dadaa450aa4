"""A common English misspelling in the discussion.

## What it does
Looks up every word of the prose (outside code, links, attendee lists and
the front matter) in a dictionary of common misspellings shipped with
minutes-lint (``rules/misspellings.txt``: "recieve", "seperate",
"comittee", "intersted", "teh" ...).  Matching is on whole words and
ignores case.  Entries marked ``[info]`` ("thru") are informal spellings
and are reported with severity info.  Projects add entries with the
``extra`` option (``["wrong -> right", "wrng -> right1, right2"]``) and
silence entries with ``ignore`` (a list of the wrong spellings).

## Why is this bad?
Minutes are a public record.  A misspelled word in them is copied into
replies, searches miss it ("committee" does not find "comittee") and the
document reads as a draft.

## Example
```markdown
The WG confirmed the participation of Alice Moreau as an Intersted Party.
```

## Use instead
```markdown
The WG confirmed the participation of Alice Moreau as an Interested Party.
```

## Fix safety
Safe when the dictionary gives exactly one correction: the word is never
a valid English word, and the fix keeps its case (``Intersted`` becomes
``Interested``, ``INTERSTED`` becomes ``INTERESTED``).  An entry with
several possible corrections has no fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from minutes_lint.config import ConfigError
from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "TX001"
NAME = "misspelling"
SUMMARY = "Common English misspelling"
SEVERITY = Severity.WARNING
FIX = "sometimes"
OPTIONS: dict[str, object] = {"extra": [], "ignore": []}

DATA_FILE = "misspellings.txt"
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_LETTERS = re.compile(r"[a-z]+")
_ENTRY = re.compile(r"^\s*([^\s#][^>]*?)\s*->\s*(.+?)\s*(\[info\])?\s*$")
_INLINE_CODE = re.compile(r"(`+)[^`]+?\1")
_APOSTROPHES = ("'", "\u2019")


@dataclass(frozen=True)
class Entry:
    """One misspelling: its corrections and whether it is only a matter of style."""

    wrong: str
    right: tuple[str, ...]
    info: bool = False


def parse_entry(line: str) -> Entry | None:
    """``wrong -> right1, right2 [info]`` as an :class:`Entry`; None for blanks and comments."""
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return None
    m = _ENTRY.match(stripped)
    if m is None:
        raise ValueError(f"not 'wrong -> right': {stripped!r}")
    right = tuple(r.strip() for r in m.group(2).split(",") if r.strip())
    wrong = m.group(1).lower()
    if not right or not _WORD.fullmatch(wrong):
        raise ValueError(f"not 'wrong -> right': {stripped!r}")
    return Entry(wrong, right, m.group(3) is not None)


def parse_entries(lines: Iterable[str]) -> dict[str, Entry]:
    """Entries by lower-case wrong spelling (a later line wins)."""
    entries: dict[str, Entry] = {}
    for line in lines:
        entry = parse_entry(line)
        if entry is not None:
            entries[entry.wrong] = entry
    return entries


@cache
def builtin_entries() -> dict[str, Entry]:
    """The shipped dictionary, read once per process on first use."""
    from importlib import resources  # once per process, when the list is first needed

    text = (
        resources.files(__package__ or "minutes_lint.rules").joinpath(DATA_FILE).read_text("utf-8")
    )
    return parse_entries(text.splitlines())


@dataclass(frozen=True)
class _Dictionary:
    entries: dict[str, Entry]
    stems: frozenset[str]  # letters before any apostrophe of each wrong spelling: a quick filter


@lru_cache(maxsize=8)
def _dictionary(extra: tuple[str, ...], ignore: tuple[str, ...]) -> _Dictionary:
    entries = builtin_entries()
    if extra:
        entries = dict(entries)
        for item in extra:
            try:
                entry = parse_entry(item)
            except ValueError as exc:
                raise ConfigError(f"rules.{CODE}.extra: {exc}") from None
            if entry is not None:
                entries[entry.wrong] = entry
    if ignore:
        entries = {k: v for k, v in entries.items() if k not in {w.lower() for w in ignore}}
    return _Dictionary(entries, frozenset(k.split("'")[0] for k in entries))


def _strings(ctx: RuleContext, option: str) -> tuple[str, ...]:
    values = ctx.options[option]
    if not all(isinstance(v, str) for v in values):
        raise ConfigError(f"rules.{CODE}.{option} must be a list of strings")
    return tuple(values)


def match_case(original: str, replacement: str) -> str:
    """``replacement`` written with the case pattern of ``original``."""
    if len(original) > 1 and original.isupper():
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _code_free(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Parts of ``text[start:end]`` outside inline code spans."""
    if "`" not in text[start:end]:
        yield start, end
        return
    pos = start
    for m in _INLINE_CODE.finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < end:
        yield pos, end


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    dictionary = _dictionary(_strings(ctx, "extra"), _strings(ctx, "ignore"))
    text = doc.text
    found = dictionary.stems.intersection(_LETTERS.findall(text.lower()))
    if not found:
        return  # the usual case: no word of the file is in the dictionary
    pattern = _pattern(frozenset(found))
    entries = dictionary.entries
    for span_start, span_end in doc.prose_spans:
        for start, end in _code_free(text, span_start, span_end):
            for m in pattern.finditer(text, start, end):
                word = m.group()
                entry = entries.get(word.lower())
                if entry is None and "'" in word:
                    word = word[: word.index("'")]  # the possessive of a misspelling
                    entry = entries.get(word.lower())
                if entry is not None:
                    yield _problem(text, m.start(), m.start() + len(word), word, entry)


@lru_cache(maxsize=64)
def _pattern(stems: frozenset[str]) -> re.Pattern[str]:
    """Whole words starting with one of ``stems`` (and an optional apostrophe part)."""
    words = "|".join(sorted(stems, key=lambda w: (-len(w), w)))
    return re.compile(rf"\b(?:{words})(?:'[a-z]+)?\b", re.IGNORECASE)


def _problem(text: str, start: int, end: int, word: str, entry: Entry) -> Problem:
    rights = [match_case(word, r) for r in entry.right]
    severity = Severity.INFO if entry.info else None
    if len(rights) == 1:
        kind = "an informal spelling" if entry.info else "a misspelling"
        fix = Fix.replace(start, end, rights[0], f"Write “{rights[0]}”", Applicability.SAFE)
        if "'" in rights[0] and text[end : end + 1] in _APOSTROPHES:
            fix = None  # "isnt’": an apostrophe is already there, misplaced
        return Problem(start, end, f"“{word}” is {kind} of “{rights[0]}”", fix, severity)
    options = ", ".join(f"“{r}”" for r in rights[:-1]) + f" or “{rights[-1]}”"
    return Problem(start, end, f"“{word}” is misspelled: {options}?", None, severity)
