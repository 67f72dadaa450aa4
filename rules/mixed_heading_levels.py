"""Numbered sibling sections written at different heading levels.

## What it does
Follows each sequence of numbered sibling sections (as ST001 does) and
reports a section whose heading level differs from that of its siblings:
in ``## 1.``, ``## 2.``, ``### 3.``, ``## 4.`` item 3 is a sibling by its
number, not a subsection of item 2.  The level most of the sequence uses
is taken as right (the first member's level on a tie).

## Why is this bad?
The heading level decides the document outline: the table of contents,
the anchors and the way the site renders the page.  A sibling one level
too deep shows up as part of the previous item, one level too shallow
swallows the items after it.

## Example
```markdown
## 2. Review agenda
### 3. Approval of minutes
## 4. Discussion
```

## Use instead
```markdown
## 2. Review agenda
## 3. Approval of minutes
## 4. Discussion
```

## Fix safety
The fix rewrites the heading's hashes to its siblings' level.  It is
unsafe: it changes the Markdown outline, and the headings under the
section keep their own level.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext
from minutes_lint.sections import numbered_runs

CODE = "ST002"
NAME = "mixed-heading-levels"
SUMMARY = "Numbered sibling sections at different heading levels"
SEVERITY = Severity.WARNING
FIX = "unsafe"
OPTIONS: dict[str, object] = {}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    for run in numbered_runs(doc.headings):
        levels = Counter(h.level for h in run.members)
        if len(levels) < 2:
            continue
        best = max(levels.values())
        level = next(h.level for h in run.members if levels[h.level] == best)
        right = [h for h in run.members if h.level == level]
        for heading in run.members:
            if heading.level == level:
                continue
            hashes = "#" * level
            before = [h for h in right if h.start < heading.start]
            sibling = before[-1] if before else right[0]
            yield Problem(
                heading.start,
                heading.start + heading.level,
                f"section {heading.number} is a level-{heading.level} heading, but its sibling "
                f"{sibling.number} (line {doc.position(sibling.start).line}) is level {level}",
                Fix.replace(
                    heading.start,
                    heading.start + heading.level,
                    hashes,
                    f"Make it a level-{level} heading ({hashes})",
                    Applicability.UNSAFE,
                ),
            )
