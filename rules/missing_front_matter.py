"""A document without front matter.

## What it does
Reports a document that does not start with a YAML front-matter block (a
``---`` line, keys, and a closing ``---`` line).  The report is one
diagnostic at the top of the file, as information.  Whether front matter
is expected at all is learned from the corpus: with the default
``expected = "auto"`` a document is reported only when at least half of the
documents of the corpus have front matter (an archive of plain Markdown
minutes expects none); ``"always"`` reports every document without it,
``"never"`` none (raise the severity with ``[severity] FM001 = "warning"``
in a repository that requires it).

## Why is this bad?
A static-site generator such as Hugo takes the title, the publication date
and the tags of a page from its front matter.  Minutes without it are
published without a title or date, sorted wrongly in the archive, or not
published at all; and every rule that reads the title or date has nothing
to check.

## Example
```markdown
## Attendees
Alice Moreau (Example CA)
```

## Use instead
```markdown
---
title: 2026-03-04 Minutes of the Example Working Group
date: 2026-03-04
---
## Attendees
Alice Moreau (Example CA)
```

## Fix safety
There is no fix: only the author knows the title and date of the page.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.corpus import Corpus
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import fact
from minutes_lint.registry import RuleContext

CODE = "FM001"
NAME = "missing-front-matter"
SUMMARY = "Document has no front matter"
SEVERITY = Severity.INFO
SCOPE = "corpus"
FIX = "none"
OPTIONS: dict[str, object] = {"expected": "auto"}


@fact("FM001.has-front-matter", version=1)
def has_front_matter(doc: Document) -> bool:
    return doc.front_matter.present


FACTS = (has_front_matter,)


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    if doc.front_matter.present:
        return
    expected = str(ctx.options["expected"])
    if expected == "never":
        return
    usual = _usual(ctx.corpus)
    if expected == "auto" and not usual:
        return  # an archive whose documents mostly have no front matter expects none
    note = " (most documents of the corpus have one)" if usual else ""
    yield Problem(0, 0, f"document has no front matter{note}")


def validate_options(options: dict[str, object]) -> None:
    from minutes_lint.config import ConfigError

    if options.get("expected", "auto") not in ("auto", "always", "never"):
        raise ConfigError(f'{CODE}: expected must be "auto", "always" or "never"')


def _usual(corpus: Corpus | None) -> bool:
    """True when at least half of the corpus documents have front matter."""
    if corpus is None or len(corpus) == 0:
        return False
    present = corpus.facts(has_front_matter).values()
    return corpus.memo(f"{CODE}.usual", lambda: sum(map(bool, present)) / len(corpus) >= 0.5)
