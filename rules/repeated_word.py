"""The same word written twice in a row.

## What it does
Reports a word of the prose that repeats the word just before it ("to to",
"agreed agreed", "The the"), with only spaces or one line break between them, so a
word repeated across the end of a line is caught too.  Words separated by
punctuation ("no, no"), a list marker or a heading on the next line, or a blank
line are not repeats.  Case matters only as sentences do: "The the" is a repeat,
"Will will" is not when an attendee of the document is called Will.

Some doubled words are grammatical: "that that" ("he said that that draft is
final") and "had had" ("the group had had two calls").  Those, and spoken
reduplications that notes taken live keep on purpose ("very very", "no no",
"bye bye"),
are in ``allow`` and not reported; the option replaces the list.

## Why is this bad?
A doubled word is the commonest slip of typing and of editing (a phrase rewritten
and the old word left behind); in a label pasted twice it garbles the record.

## Example
```markdown
The group agreed to to publish the
the draft.
```

## Use instead
```markdown
The group agreed to publish the draft.
```

## Fix safety
Unsafe: the fix deletes the second word and the space before it, which is right
for a slip but wrong for the rare grammatical repeat not in ``allow``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from minutes_lint.config import ConfigError
from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.markdown import Heading
from minutes_lint.registry import RuleContext
from minutes_lint.words import segments

CODE = "TX005"
NAME = "repeated-word"
SUMMARY = "The same word written twice in a row"
SEVERITY = Severity.WARNING
FIX = "unsafe"
OPTIONS: dict[str, object] = {
    "allow": [
        "that",
        "had",
        "very",
        "really",
        "no",
        "yes",
        "yeah",
        "bye",
        "ha",
        "hmm",
        "blah",
        "etc",
    ],
}


# a word, spaces or one line break (with a quote marker), the same word again
_REPEAT = re.compile(
    r"(?<![\w'\u2019-])([A-Za-z]+(?:['\u2019][A-Za-z]+)*)((?:[ \t]+|[ \t]*\r?\n[ \t>]*))(\1)"
    r"(?![\w'\u2019-])",
    re.IGNORECASE,
)


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    allow = ctx.options["allow"]
    if not all(isinstance(w, str) for w in allow):
        raise ConfigError(f"rules.{CODE}.allow must be a list of strings")
    allowed = {w.lower() for w in allow}
    text = doc.text
    if not _may_repeat(text[doc.body_start :]):
        return  # the usual document: no word written twice in a row anywhere
    spans: list[tuple[int, int]] | None = None
    pos = doc.body_start
    while True:
        m = _REPEAT.search(text, pos)
        if m is None:
            return
        pos = m.start(3)  # "the the the": the second word starts the next repeat
        first, second = m.group(1), m.group(3)
        if not _repeats(first, second) or second.lower() in allowed:
            continue
        if spans is None:
            spans = list(segments(doc))
        if not (_in(spans, m.start(1), m.end(1)) and _in(spans, m.start(3), m.end(3))):
            continue  # code, a URL, an attendee list
        if "\n" in m.group(2) and not _continues(doc, m.start(1), doc.headings):
            continue
        if first[:1].isupper() and first.lower() in _names(doc):
            continue
        end = m.end(3)
        times = 2
        while True:  # "the the the": one report for the whole run
            more = _AGAIN.match(text, end)
            if (
                more is None
                or more.group(1) != second
                or not _in(spans, more.start(1), more.end(1))
            ):
                break
            end, times = more.end(1), times + 1
        pos = max(pos, end)
        what = "repeats the word before it" if times == 2 else f"is written {times} times in a row"
        yield Problem(
            m.start(3),
            end,
            f"“{second}” {what}; write it once",
            Fix.replace(m.end(1), end, "", f"Delete the repeated “{second}”", Applicability.UNSAFE),
        )


_AGAIN = re.compile(r"[ \t]+([A-Za-z]+(?:['\u2019][A-Za-z]+)*)(?![\w'\u2019-])")


def _may_repeat(text: str) -> bool:
    """A quick test at C speed: with everything but letters and apostrophes made a space,
    two neighbouring pieces of the text are the same word once apostrophes at their ends
    are set aside (every repeat the pattern finds passes it)."""
    pieces = text.lower().translate(_NOT_LETTERS).split()
    return any(
        a == b or a.strip(_QUOTES) == b.strip(_QUOTES) for a, b in itertools.pairwise(pieces)
    )


_QUOTES = "'\u2019"
_NOT_LETTERS = {c: " " for c in range(128) if not chr(c).isalpha() and chr(c) != "'"}


def _in(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _names(doc: Document) -> set[str]:
    return doc.memo(
        f"{__name__}.names",
        lambda: {w.lower() for e in doc.attendees for w in (e.name or "").split()},
    )


def _repeats(first: str, second: str) -> bool:
    """The same word, in the same case or capitalised only as the first word of a sentence."""
    if first == second:
        return True
    return first.lower() == second.lower() and first[1:] == second[1:] and second[:1].islower()


def _continues(doc: Document, offset: int, headings: list[Heading]) -> bool:
    """True when the line holding ``offset`` is running text that the next line continues:
    not a heading, and not a label alone on its line ("Agenda" above "Agenda reviewed")."""
    line = doc.lines[doc.line_index(offset)]
    if line.text.lstrip().startswith("#") or any(h.start == line.start for h in headings):
        return False
    return len(line.text.split()) > 1
