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

from collections.abc import Iterator

from minutes_lint.config import ConfigError
from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext
from minutes_lint.words import word_spans

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


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    allow = ctx.options["allow"]
    if not all(isinstance(w, str) for w in allow):
        raise ConfigError(f"rules.{CODE}.allow must be a list of strings")
    allowed = {w.lower() for w in allow}
    text = doc.text
    headings = {h.start for h in doc.headings}
    names = {w.lower() for e in doc.attendees for w in (e.name or "").split()}
    previous: tuple[int, int, str] | None = None
    for start, end, word, _part in word_spans(doc):
        if previous is not None:
            p_start, p_end, p_word = previous
            if (
                _repeats(p_word, word)
                and word.lower() not in allowed
                and not (p_word[:1].isupper() and p_word.lower() in names)
                and _only_space(text[p_end:start])
                and ("\n" not in text[p_end:start] or _continues(doc, p_start, headings))
            ):
                yield Problem(
                    start,
                    end,
                    f"“{word}” repeats the word before it; write it once",
                    Fix.replace(
                        p_end, end, "", f"Delete the second “{word}”", Applicability.UNSAFE
                    ),
                )
        previous = (start, end, word)  # "the the the": one report for each extra word


def _repeats(first: str, second: str) -> bool:
    """The same word, in the same case or capitalised only as the first word of a sentence."""
    if first == second:
        return True
    return first.lower() == second.lower() and first[1:] == second[1:] and second[:1].islower()


def _continues(doc: Document, offset: int, headings: set[int]) -> bool:
    """True when the line holding ``offset`` is running text that the next line continues:
    not a heading, and not a label alone on its line ("Agenda" above "Agenda reviewed")."""
    line = doc.lines[doc.line_index(offset)]
    if line.start in headings or line.text.lstrip().startswith("#"):
        return False
    return len(line.text.split()) > 1


def _only_space(between: str) -> bool:
    """Spaces and tabs with at most one line break (and a quote marker after it)."""
    if not between or between.count("\n") > 1:
        return False
    return not between.replace("\n", "").replace("\r", "").lstrip(" \t>").strip(" \t")
