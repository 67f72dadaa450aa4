"""An agenda item that no other document of the corpus has.

## What it does
Counts, across the corpus, the agenda items (``- Agenda: ...`` lines) of every document
and reports an item that only this document has.

## Why is this bad?
Recurring items are written the same way in every meeting; a one-off spelling is
usually a typo.

## Example
```markdown
- Agenda: Reveiw of actions
```

## Use instead
```markdown
- Agenda: Review of actions
```

## Fix safety
No fix.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from minutes_lint.api import Corpus, Document, Problem, RuleContext, Severity, fact

CODE = "XD001"
NAME = "one-off-agenda-item"
SUMMARY = "Agenda item that no other document of the corpus has"
SEVERITY = Severity.WARNING
SCOPE = "corpus"
FIX = "none"
OPTIONS: dict[str, object] = {}
MARKER = "- Agenda: "


@fact("XD001.agenda", version=1)
def agenda(doc: Document) -> list[list[object]]:
    """Every agenda item with its line."""
    return [
        [line.text[len(MARKER) :].strip(), number]
        for number, line in enumerate(doc.lines, 1)
        if line.text.startswith(MARKER)
    ]


FACTS = (agenda,)


def _counts(corpus: Corpus) -> Counter[str]:
    def build() -> Counter[str]:
        return Counter(item for items in corpus.facts(agenda).values() for item, _ in items)

    return corpus.memo(f"{CODE}.counts", build)


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    if ctx.corpus is None or len(ctx.corpus) < 3:
        return
    counts = _counts(ctx.corpus)
    for line in doc.lines:
        if line.text.startswith(MARKER):
            item = line.text[len(MARKER) :].strip()
            if counts[item] <= 1:
                yield Problem(
                    line.start + len(MARKER),
                    line.end,
                    f"agenda item “{item}” appears in no other document ({len(ctx.corpus)} "
                    "in the corpus)",
                )
