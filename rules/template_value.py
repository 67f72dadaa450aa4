"""A front-matter value left over from the page template.

## What it does
Reports front-matter values that are still the placeholders of a page
template: values of the ``values`` option (compared without case after
stripping spaces: "Author name", "TODO", "TBD", ...), values matching one
of the ``patterns`` (by default unrendered template code such as
``{{ .Date }}``), and an empty ``title``.  Items of lists (``tags``) are
checked one by one.

## Why is this bad?
A page created from a template (a Hugo archetype, a copied file) is
published with "Author name" as its author or a literal ``{{ .Date }}``
that breaks the build.  Readers see the placeholder; feeds and archive
pages carry it forever.

## Example
```markdown
---
title: ""
author: Author name
date: 2026-03-04
---
```

## Use instead
```markdown
---
title: 2026-03-04 Minutes of the Example Working Group
author: Alice Moreau
date: 2026-03-04
---
```

## Fix safety
There is no fix: the real value is not known.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping

from minutes_lint.config import ConfigError
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.front_matter import Entry
from minutes_lint.registry import RuleContext

CODE = "FM009"
NAME = "template-value"
SUMMARY = "Front-matter value is a template placeholder"
SEVERITY = Severity.WARNING
FIX = "none"
OPTIONS: dict[str, object] = {
    "values": ["Author name", "{{ .Date }}", "TODO", "TBD", "XXX"],
    "patterns": [r"^\{\{.*\}\}$"],
}


@functools.lru_cache(maxsize=16)
def _compile(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern))
        except re.error as exc:
            raise ConfigError(
                f"rules.{CODE} ({NAME}): option 'patterns' has an invalid regular expression "
                f"{pattern!r}: {exc}"
            ) from exc
    return tuple(compiled)


def validate_options(options: Mapping[str, object]) -> None:
    """Every pattern must compile (checked when the configuration is loaded)."""
    _compile(tuple(str(p) for p in options["patterns"]))  # type: ignore[attr-defined]


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    placeholders = {str(v).strip().casefold() for v in ctx.options["values"]}
    patterns = _compile(tuple(str(p) for p in ctx.options["patterns"]))
    for entry in doc.front_matter.entries:
        if entry.key == "title" and _is_empty(entry.value):
            start, end = _span(entry)
            yield Problem(start, end, "title is empty")
            continue
        for text, start, end in _candidates(doc, entry):
            if text.casefold() in placeholders or any(p.search(text) for p in patterns):
                yield Problem(
                    start, end, f"'{entry.key}' is the template placeholder “{text}”; fill it in"
                )


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _span(entry: Entry) -> tuple[int, int]:
    if entry.value_start == entry.value_end:
        return entry.key_start, entry.key_end
    return entry.value_start, entry.value_end


def _candidates(doc: Document, entry: Entry) -> Iterator[tuple[str, int, int]]:
    """The strings of an entry to compare with the placeholders, with their spans."""
    value = entry.value
    if isinstance(value, str):
        if value.strip():
            yield value.strip(), entry.value_start, entry.value_end
    elif isinstance(value, list):
        for item, start, end in entry.items:
            if isinstance(item, str) and item.strip():
                yield item.strip(), start, end
    elif isinstance(value, dict):
        # unquoted template code such as {{ .Date }} parses as a flow mapping: use its source
        raw = doc.text[entry.value_start : entry.value_end].strip()
        if raw and "\n" not in raw:
            yield raw, entry.value_start, entry.value_end
