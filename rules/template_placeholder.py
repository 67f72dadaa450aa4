"""A template placeholder left in the minutes.

## What it does
Looks in the body for the placeholders of the minutes template, listed in
``placeholders``, and for template expressions (``{{ .Date }}``) that the
site does not render in content.  A placeholder matches as a whole word;
one written in capitals ("XXX", "TODO") matches only in capitals, others
("Author name") in any case; "..." inside a placeholder stands for any text
on the line ("[Insert ...]" matches "[Insert the ballot number]").  Fenced
and inline code, URLs and the front matter are not searched (FM009 checks
the front matter), and Hugo shortcodes (``{{< ... >}}``, ``{{% ... %}}``)
are content, not placeholders.  "TBD" is not in the default list: minutes
use it for what the group has yet to decide ("effective date TBD").

## Why is this bad?
A placeholder left in published minutes means a part of the record was
never written: who took the roll call, which minutes were approved, when
the group meets next.

## Example
```markdown
## Roll Call
The Roll Call was taken by XXX.
```

## Use instead
```markdown
## Roll Call
The Roll Call was taken by Alice Moreau.
```

## Fix safety
No fix: the missing text is not known.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.markdown import URL
from minutes_lint.registry import RuleContext

CODE = "ST005"
NAME = "template-placeholder"
SUMMARY = "Template placeholder left in the minutes"
SEVERITY = Severity.WARNING
FIX = "none"
OPTIONS: dict[str, object] = {
    "placeholders": [
        "XXX",
        "TODO",
        "FIXME",
        "COPY ATTENDANCE FROM THE MEMBERSHIP TOOLS",
        "Author name",
        "[Insert ...]",
    ]
}

# A Go/Hugo template expression; shortcodes ({{< >}}, {{% %}}) are left alone.
_EXPRESSION = r"\{\{(?![<%])[^\n{}]{0,200}?\}\}"
_INLINE_CODE = re.compile(r"(`+)[^`\n].*?\1")
_ANY_TEXT = r"[^\n]{0,200}?"


@dataclass(frozen=True)
class _Search:
    """One placeholder: a literal every match contains, for a quick test, and its regex."""

    needle: str  # lower-cased when ``folded``
    folded: bool  # the needle is looked for in the lower-cased text
    pattern: re.Pattern[str]


@lru_cache(maxsize=16)
def _searches(placeholders: tuple[str, ...]) -> tuple[_Search, ...]:
    """The template-expression search and one search per placeholder."""
    found = [_Search("{{", False, re.compile(_EXPRESSION))]
    for placeholder in (p.strip() for p in placeholders):
        if not placeholder.strip(". "):
            continue
        pieces = [piece for piece in placeholder.split("...") if piece]
        needle = max(pieces, key=len)
        body = _ANY_TEXT.join(re.escape(piece) for piece in placeholder.split("..."))
        if placeholder[0].isalnum():
            body = r"(?<![^\W_])" + body
        if placeholder[-1].isalnum():
            body += r"(?![^\W_])"
        if any(ch.isalpha() for ch in placeholder) and placeholder.upper() == placeholder:
            found.append(_Search(needle, False, re.compile(body)))
        else:  # not in capitals: any case
            found.append(_Search(needle.lower(), True, re.compile(body, re.IGNORECASE)))
    return tuple(found)


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    text = doc.text
    body = text[doc.body_start :]
    lowered = body.lower()
    searches = [
        s
        for s in _searches(tuple(str(p) for p in ctx.options["placeholders"]))
        if s.needle in (lowered if s.folded else body)
    ]
    if not searches:
        return
    for search in searches:
        for m in search.pattern.finditer(text, doc.body_start):
            if not doc.is_prose(m.start()) or _in_code_or_url(doc, m.start(), m.end()):
                continue
            yield Problem(
                m.start(), m.end(), f"template placeholder “{m.group()}” left in the text"
            )


def _in_code_or_url(doc: Document, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` overlaps inline code or a URL on its line."""
    line = doc.lines[doc.line_index(start)]
    for pattern in (_INLINE_CODE, URL):
        for m in pattern.finditer(doc.text, line.start, line.end):
            if m.start() < end and start < m.end():
                return True
    return False
