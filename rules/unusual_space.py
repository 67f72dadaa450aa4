"""A no-break, zero-width or other unusual Unicode space.

## What it does
Finds the no-break space (U+00A0), the narrow no-break space (U+202F), the
typographic spaces U+2000 to U+200A, the zero-width space (U+200B), a byte
order mark (U+FEFF) inside the text and a zero-width joiner or non-joiner
(U+200D, U+200C) outside a word.  Each run of such characters is reported
once.  The fix writes a normal space for each visible space and deletes
the zero-width characters.  Joiners between two non-ASCII characters
(emoji sequences, scripts that need them) are left alone, and so is a
no-break space set on purpose by typography: next to a dash or to French
punctuation ("one — two", "Pourquoi ?") or between digits ("10 000").

## Why is this bad?
These characters come from pasting out of word processors, mail clients
and web pages.  They look like a space or like nothing, yet a search for
"EX-012 ballot" does not find the words when a no-break space joins them,
a name with a zero-width space in it is a different name to every tool,
and they upset line wrapping in the rendered page.

## Example
```markdown
Ballot EX-012 was approved.
```
where the space before "was" is a no-break space (U+00A0).

## Use instead
```markdown
Ballot EX-012 was approved.
```
with an ordinary space.

## Fix safety
Safe: the text reads the same.  Where a no-break space is wanted on
purpose elsewhere, suppress the rule for the file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from minutes_lint.diagnostics import Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "WS003"
NAME = "unusual-space"
SUMMARY = "No-break, zero-width or other unusual Unicode space"
SEVERITY = Severity.WARNING
FIX = "safe"
OPTIONS: dict[str, object] = {}

_NAMES = {
    "\u00a0": "no-break space",
    "\u202f": "narrow no-break space",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\ufeff": "byte order mark",
}
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\ufeff")
_JOINERS = frozenset("\u200c\u200d")
_RUN = re.compile("[\u00a0\u202f\u2000-\u200d\ufeff]+")


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    text = doc.text
    for m in _RUN.finditer(text):
        run = m.group()
        if _joins_a_word(text, m.start(), m.end(), run) or _typographic(
            text, m.start(), m.end(), run
        ):
            continue
        replacement = "".join("" if ch in _ZERO_WIDTH else " " for ch in run)
        action = "Replace with a space" if replacement else "Delete it"
        yield Problem(
            m.start(),
            m.end(),
            _describe(run),
            Fix.replace(m.start(), m.end(), replacement, action),
        )


def _joins_a_word(text: str, start: int, end: int, run: str) -> bool:
    """True for joiners between two non-ASCII, non-space characters (emoji, scripts)."""
    if not all(ch in _JOINERS for ch in run) or start == 0 or end >= len(text):
        return False
    before, after = text[start - 1], text[end]
    return not (before.isascii() or after.isascii() or before.isspace() or after.isspace())


_NO_BREAK = "\u00a0\u202f"
# punctuation that typography keeps on the line of the word before or after it
_KEPT_WITH = "—–:;?!«»‹›%‰"


def _typographic(text: str, start: int, end: int, run: str) -> bool:
    """True for a no-break space set on purpose: before or after a dash or French
    punctuation ("one — two", "Pourquoi ?"), or between digits ("10 000")."""
    if not all(ch in _NO_BREAK for ch in run):
        return False
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before in _KEPT_WITH or after in _KEPT_WITH or (before.isdigit() and after.isdigit())


def _name(ch: str) -> str:
    return _NAMES.get(ch) or unicodedata.name(ch, "space").lower()


def _describe(run: str) -> str:
    kinds: dict[str, int] = {}
    for ch in run:
        kinds[ch] = kinds.get(ch, 0) + 1
    parts = []
    for ch, n in kinds.items():
        plural = "s" if n > 1 else ""
        count = f"{n} " if n > 1 else ""
        parts.append(f"{count}{_name(ch)}{plural} (U+{ord(ch):04X})")
    return "unusual space: " + ", ".join(parts)
