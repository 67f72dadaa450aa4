"""A front matter without a key (nearly) every document of the corpus has.

## What it does
Reports each required key that a parsed front matter lacks.  The required
keys are learned from the corpus: a key is required when at least 95% of
the corpus documents with front matter have it (and at least three do).
The ``required`` option lists the keys explicitly instead (e.g. ``["title",
"date"]`` for a Hugo site); ``required = []`` learns them.  The diagnostic
sits on the opening ``---`` line and says how many documents have the key.
A document without front matter, or with front matter that does not parse,
is left to FM001, FM002 and FM003.

## Why is this bad?
A static-site generator takes the page title, its date and its layout from
these keys.  A page without the title is listed as an empty link; a page
without the date every other page has is sorted to the end of the archive.

## Example
```markdown
---
title: 2026-03-04 Minutes of the Example Working Group
---
```
(while every other document of the corpus has a ``date`` key)

## Use instead
```markdown
---
title: 2026-03-04 Minutes of the Example Working Group
date: 2026-03-04
---
```

## Fix safety
There is no fix: the value of the missing key is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.corpus import Corpus
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import fact
from minutes_lint.registry import RuleContext

CODE = "FM005"
NAME = "missing-required-key"
SUMMARY = "Front matter lacks a key (nearly) every document of the corpus has"
SEVERITY = Severity.ERROR
SCOPE = "corpus"
FIX = "none"
OPTIONS: dict[str, object] = {"required": []}

_SHARE = 0.95  # a key is required when this share of the front matters has it
_MIN_DOCUMENTS = 3


@fact("FM005.keys", version=1)
def front_matter_keys(doc: Document) -> list[str] | None:
    """The top-level keys of a parsed mapping front matter; None without one."""
    fm = doc.front_matter
    if not fm.present or not fm.ok or fm.kind not in ("mapping", "empty"):
        return None
    return sorted({str(key) for key in fm.keys()})  # noqa: SIM118 (keys in document order)


FACTS = (front_matter_keys,)


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    fm = doc.front_matter
    if not fm.present or not fm.ok or fm.kind not in ("mapping", "empty"):
        return
    keys = set(fm.keys())
    opening = doc.lines[doc.line_index(fm.start)]
    configured = [str(key) for key in ctx.options["required"]]  # type: ignore[attr-defined]
    if configured:
        for key in configured:
            if key not in keys:
                yield Problem(
                    opening.start, opening.end, f"front matter has no '{key}' key (required)"
                )
        return
    learned, total = _learned(ctx.corpus)
    for key, count in learned.items():
        if key not in keys:
            yield Problem(
                opening.start,
                opening.end,
                f"front matter has no '{key}' key ({count} of the {total} front matters of "
                "the corpus have one)",
            )


def _learned(corpus: Corpus | None) -> tuple[dict[str, int], int]:
    """Keys nearly every front matter of the corpus has, with their counts; and the count
    of front matters."""
    if corpus is None or len(corpus) == 0:
        return {}, 0

    def build() -> tuple[dict[str, int], int]:
        counts: dict[str, int] = {}
        total = 0
        for keys in corpus.facts(front_matter_keys).values():
            if keys is None:
                continue
            total += 1
            for key in keys:
                counts[key] = counts.get(key, 0) + 1
        if total < _MIN_DOCUMENTS:
            return {}, total
        return {k: n for k, n in sorted(counts.items()) if n >= _SHARE * total}, total

    return corpus.memo(f"{CODE}.required", build)
