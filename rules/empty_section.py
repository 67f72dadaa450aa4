"""A section heading with nothing under it.

## What it does
Reports a heading followed by no content before the next heading of the
same or a higher level (or the end of the document).  A heading directly
followed by its subsections is not empty.  Left alone:

* headings matching ``allow`` (case-insensitive shell patterns on the
  heading text without its number): agenda items that often have nothing
  to record, such as the roll call, the agenda review or the adjournment;
* headings that carry their content ("Next call: March 4, 2026",
  "Presenter: Alice Moreau", "Minutes approved.": a colon with text after
  it, a date or a final full stop);
* title lines: headings before the first line of text of the body, and a
  heading right below its parent heading with nothing in between;
* sections the archive habitually leaves empty: a title that is empty in at
  least a quarter of the documents of the corpus that have it (and in at
  least three), such as a standing "Q&A, Other" item of an agenda template.
  Learned from the corpus, so no list of such titles is needed.

## Why is this bad?
An empty section is usually a placeholder the minute-taker meant to fill:
the discussion of an agenda item or the attendee list is missing from the
record.

## Example
```markdown
## 5. Discussion

## 6. Any other business
None.
```

## Use instead
```markdown
## 5. Discussion
The group reviewed the draft ballot.

## 6. Any other business
None.
```

## Fix safety
No fix: only the minute-taker knows what was said.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator

from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import fact
from minutes_lint.markdown import Heading
from minutes_lint.registry import RuleContext

CODE = "ST004"
NAME = "empty-section"
SUMMARY = "Section heading with nothing under it"
SEVERITY = Severity.INFO
SCOPE = "corpus"
FIX = "none"
HABIT_SHARE = 0.25  # empty in a quarter of the documents that have the section
HABIT_DOCUMENTS = 3
OPTIONS: dict[str, object] = {
    "allow": [
        "*roll call*",
        "*agenda*",
        "*adjourn*",
        "*any other business*",
        "*antitrust*",
        "*note well*",
        "*note-well*",
        "*recording*",
    ]
}

_DECORATION = " \t*_`"
# "Next call: March 4" / "Presenter: Alice": a label and its value.
_LABEL_VALUE = re.compile(r":\s*\S")
# A line that is no content: blank, a thematic break or an HTML comment.
_NOTHING = re.compile(r"^\s*(?:(?:[-*_]\s*){3,}|<!--.*?-->)?\s*$")


def _leaves(doc: Document) -> Iterator[tuple[int, Heading, bool]]:
    """Headings without subsections right below them, with whether each is empty."""
    headings = doc.headings
    for index, heading in enumerate(headings):
        following = headings[index + 1] if index + 1 < len(headings) else None
        if following is not None and following.level > heading.level:
            continue  # subsections follow
        end = following.start if following is not None else len(doc.text)
        yield index, heading, _is_empty(doc, heading.end, end)


@fact("ST004.sections", version=1)
def sections(doc: Document) -> list[list[object]]:
    """``[title, empty]`` for each section without subsections, titles lower-cased."""
    return [[_title(heading), empty] for _index, heading, empty in _leaves(doc)]


FACTS = (sections,)


def _habitually_empty(ctx: RuleContext) -> set[str]:
    """Titles the corpus leaves empty in at least a quarter of the documents having them."""
    corpus = ctx.corpus
    if corpus is None:
        return set()

    def build() -> set[str]:
        having: dict[str, int] = {}
        empty: dict[str, int] = {}
        for found in corpus.facts(sections).values():
            titles = {str(title) for title, _ in found}
            empties = {str(title) for title, is_empty in found if is_empty}
            for title in titles:
                having[title] = having.get(title, 0) + 1
            for title in empties:
                empty[title] = empty.get(title, 0) + 1
        return {
            title
            for title, n in empty.items()
            if n >= HABIT_DOCUMENTS and n >= HABIT_SHARE * having[title]
        }

    return corpus.memo(f"{CODE}.habitually_empty", build)


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    headings = doc.headings
    if not headings:
        return
    allow = _allow_pattern([str(p) for p in ctx.options["allow"]])
    first_text: int | None = None
    habit: set[str] | None = None
    for index, heading, empty in _leaves(doc):
        if not empty:
            continue
        title = _title(heading)
        if _carries_content(doc, heading, title) or (allow and allow.match(title)):
            continue
        if first_text is None:
            first_text = _first_text_offset(doc)
        if heading.start < first_text or _right_below_parent(doc, headings, index):
            continue
        if habit is None:
            habit = _habitually_empty(ctx)
        if title in habit:
            continue
        yield Problem(
            heading.start,
            heading.end,
            f"section “{heading.text.strip()}” is empty",
        )


def _allow_pattern(patterns: list[str]) -> re.Pattern[str] | None:
    parts = [fnmatch.translate(p.strip().lower()) for p in patterns if p.strip()]
    return re.compile("|".join(f"(?:{p})" for p in parts)) if parts else None


def _title(heading: Heading) -> str:
    """The heading text without its section number and emphasis, lower-cased."""
    text = heading.text
    if heading.number_end is not None:
        text = text[heading.number_end - heading.text_start :]
    return text.strip(_DECORATION).lower()


def _is_empty(doc: Document, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds only blank lines, breaks and comments."""
    return all(_NOTHING.match(line) for line in doc.text[start:end].splitlines())


def _carries_content(doc: Document, heading: Heading, title: str) -> bool:
    """Whether the heading says something itself: "Next call: May 8", "Minutes approved."."""
    if _LABEL_VALUE.search(title) or (title.endswith(".") and " " in title):
        return True
    return any(heading.text_start <= d.start < heading.end for d in doc.dates)


def _first_text_offset(doc: Document) -> int:
    """Offset of the first body line that is neither blank nor a heading."""
    heading_starts = {doc.lines[doc.line_index(h.start)].start for h in doc.headings}
    for line in doc.body_lines:
        if line.start not in heading_starts and not _NOTHING.match(line.text):
            return line.start
    return len(doc.text)


def _right_below_parent(doc: Document, headings: list[Heading], index: int) -> bool:
    """Whether the previous heading is the parent and nothing stands between the two."""
    if index == 0:
        return False
    parent = headings[index - 1]
    heading = headings[index]
    return parent.level < heading.level and _is_empty(doc, parent.end, heading.start)
