"""Title or file name written unlike the other minutes of its group.

## What it does
Learns, per series (the group whose meetings a document records), how titles
and file names are written: dates replaced by their form (`YYYY-MM-DD`,
`Month D, YYYY`), other words by `…`, separators kept.  A title or file name
written in a form that few documents of the group use (an unpadded day
`2022-11-2`, another date order `11-16-2022`, a missing space
`2024-09-18Minutes`, no date where every sibling has one), while a form used by
many of them exists, is reported with that form and how often it is used.

## Why is this bad?
Sites sort and link minutes by their names; a file named `2022-11-2-…` sorts
after `2022-11-19-…`, a title without its date cannot be told from its
siblings in a list, and tools that read dates from names miss them.

## Example
```text
2025-03-05-minutes-example-wg.md   (120 files named like this)
2025-3-19-minutes-example-wg.md
```

## Use instead
```text
2025-03-19-minutes-example-wg.md
```

## Fix safety
No fix: renaming a file breaks links to it and a title is for a person to
reword.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator
from pathlib import PurePath

from minutes_lint.calendar import document_key, document_series
from minutes_lint.calendar_facts import calendar_fact, shape, title_of
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "CL005"
NAME = "name-pattern"
SUMMARY = "Title or file name written unlike the other minutes of its group"
SEVERITY = Severity.WARNING
SCOPE = "corpus"
FIX = "none"
FACTS = (calendar_fact,)
OPTIONS: dict[str, object] = {"min-documents": 8, "rare-share": 0.05, "usual-share": 0.25}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    series = document_series(doc, ctx)
    key = document_key(doc, ctx)
    if series is None or len(series.entries) < int(ctx.options["min-documents"]):
        return
    own = next((e for e in series.entries if e.path == key), None)
    if own is not None and own.event:
        return  # a face-to-face meeting is named for its place, not like the calls
    rare = float(ctx.options["rare-share"])
    usual = float(ctx.options["usual-share"])
    title, _line, start = title_of(doc)
    if title is not None:
        found = _departure(shape(title), series.title_shapes, rare, usual)
        if found is not None:
            form, count, total = found
            yield Problem(
                max(start, 0),
                max(start, 0) + len(title),
                f"title written “{shape(title)}”; {count} of the {total} titles of "
                f"“{series.name}” are written “{form}”",
            )
    path = PurePath(doc.path)
    stem = (
        path.name[: -len(path.suffix)] if path.suffix.lower() in (".md", ".markdown") else path.name
    )
    found = _departure(shape(stem), series.file_shapes, rare, usual)
    if found is not None:
        form, count, total = found
        yield Problem(
            0,
            0,
            f"file name written “{shape(stem)}”; {count} of the {total} file names of "
            f"“{series.name}” are written “{form}”",
        )


def _departure(
    mine: str, counts: Counter[str], rare: float, usual: float
) -> tuple[str, int, int] | None:
    """The usual form closest to ``mine`` when ``mine`` is rare, with its count and the total."""
    total = sum(counts.values())
    if not total or counts[mine] > max(2, rare * total):
        return None
    forms = [f for f, n in counts.items() if n >= usual * total and f != mine]
    if not forms:
        return None
    best = max(forms, key=lambda f: (difflib.SequenceMatcher(None, mine, f).ratio(), counts[f]))
    return best, counts[best], total
