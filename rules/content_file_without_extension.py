"""Minutes beside the others without the `.md` extension.

## What it does
Looks in the folders of the corpus for files named like the minutes of a group
(the same date form and the same group name as its other files) that have no
extension and start like Markdown minutes (front matter or a heading).  Such a
file is reported on the document of the same group whose name is closest to it,
so that a run over the folder shows it.

## Why is this bad?
A static site generator and minutes-lint read only `*.md` files: minutes saved
without the extension are never published and never checked, and the archive
seems to have a gap where they are.

## Example
```text
2025-03-05-minutes-example-wg.md
2025-03-19-minutes-example-wg        <- not published
```

## Use instead
```text
2025-03-19-minutes-example-wg.md
```

## Fix safety
No fix: minutes-lint does not rename files.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from minutes_lint.calendar import stray_files_near
from minutes_lint.calendar_facts import calendar_fact
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "CL006"
NAME = "content-file-without-extension"
SUMMARY = "Minutes file without the .md extension in the corpus folder"
SEVERITY = Severity.WARNING
SCOPE = "corpus"
FIX = "none"
FACTS = (calendar_fact,)
OPTIONS: dict[str, object] = {}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    for stray in stray_files_near(doc, ctx):
        name = os.path.basename(stray.path)
        yield Problem(
            0,
            0,
            f"“{name}” beside this file holds minutes of “{stray.series}” but has no .md "
            f"extension, so it is neither published nor linted; rename it to “{name}.md”",
        )
