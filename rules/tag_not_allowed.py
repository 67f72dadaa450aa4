"""A front-matter tag outside the project's list of tags.

## What it does
When the ``allowed`` option lists the project's tags, reports each entry
of the front-matter ``tags`` list that is not one of them (exact match).
The message suggests the closest allowed tag, if one is close.

## Why is this bad?
Tags build the site's topic pages.  A misspelled or invented tag
("smime" next to "S/MIME") creates a page with one entry and leaves the
minutes off the page where readers look for them.

## Example
With ``allowed = ["Minutes", "S/MIME", "Server Certificates"]``:
```markdown
---
tags:
- minutes
- Server Certs
---
```

## Use instead
```markdown
---
tags:
- Minutes
- Server Certificates
---
```

## Fix safety
The fix is safe and offered only when the tag differs from an allowed tag
in case and punctuation alone ("minutes", "smime"); it then writes the
allowed spelling.  Other suggestions ("Server Certs") are not applied.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence

from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "FM008"
NAME = "tag-not-allowed"
SUMMARY = "Tag is not in the list of allowed tags"
SEVERITY = Severity.WARNING
FIX = "sometimes"
OPTIONS: dict[str, object] = {"allowed": []}

_SUGGEST_CUTOFF = 70.0
_NOT_WORD = re.compile(r"[\W_]+")
# a tag that needs no quotes in YAML, in a block or a flow sequence
_PLAIN = re.compile(r"^[^\W_](?:[\w /.+()&'-]*[\w/.+)])?$")
# plain scalars YAML reads as something other than a string
_NOT_STRING = re.compile(
    r"^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?[\d._]+(?:e[-+]?\d+)?|\d{4}-\d\d?-\d\d?.*)$",
    re.IGNORECASE,
)


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    allowed = [str(tag) for tag in ctx.options["allowed"]]
    if not allowed:
        return
    entry = doc.front_matter.get("tags")
    if entry is None:
        return
    items = entry.items
    if not items and isinstance(entry.value, str):
        items = ((entry.value, entry.value_start, entry.value_end),)
    known = set(allowed)
    for value, start, end in items:
        tag = str(value)
        if tag in known:
            continue
        yield _problem(doc, tag, start, end, allowed)


def _problem(doc: Document, tag: str, start: int, end: int, allowed: list[str]) -> Problem:
    same = _same_but_spelling(tag, allowed)
    if same is not None:
        new = _yaml_scalar(same, doc.text[start:end])
        fix = Fix.replace(start, end, new, f"Write “{same}”", Applicability.SAFE)
        return Problem(start, end, f"tag “{tag}” is not allowed; write “{same}”", fix)
    from rapidfuzz import process, utils  # only when a tag is not allowed

    best = process.extractOne(
        tag, allowed, processor=utils.default_process, score_cutoff=_SUGGEST_CUTOFF
    )
    hint = f"did you mean “{best[0]}”?" if best is not None else f"allowed: {_list(allowed)}"
    return Problem(start, end, f"tag “{tag}” is not allowed; {hint}")


def _same_but_spelling(tag: str, allowed: Sequence[str]) -> str | None:
    """The one allowed tag that differs from ``tag`` only in case and punctuation."""
    key = _key(tag)
    if not key:
        return None
    matches = [a for a in allowed if _key(a) == key]
    return matches[0] if len(matches) == 1 else None


def _key(text: str) -> str:
    return _NOT_WORD.sub("", text).casefold()


def _yaml_scalar(value: str, old: str) -> str:
    """``value`` written as a YAML scalar, keeping single or double quotes when ``old`` had them."""
    if old.startswith("'"):
        return "'" + value.replace("'", "''") + "'"
    plain = _PLAIN.match(value) and not _NOT_STRING.match(value)
    if old.startswith('"') or not plain or ": " in value or " #" in value:
        return json.dumps(value, ensure_ascii=False)
    return value


def _list(allowed: Sequence[str], limit: int = 5) -> str:
    shown = ", ".join(allowed[:limit])
    return shown + (f" and {len(allowed) - limit} more" if len(allowed) > limit else "")
