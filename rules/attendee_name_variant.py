"""An attendee whose name is spelled differently elsewhere in the corpus.

## What it does
Looks up every attendee in the names of all documents of the corpus (the
files of the run, plus every document of a configured project).  It
reports a spelling that differs from the canonical one only in case,
diacritics or word order ("Atsushi INABA" for "Inaba Atsushi", "Inigo" for
"Iñigo"), and a name one edit away from a known person in one word
("Rebecca Kelley" for "Rebecca Kelly").  The canonical spelling comes from
the roster file when it names the person, else from the majority of the
corpus; a tie is reported as a tie.  The message names the other spelling,
where it appears and how often.

## Why is this bad?
Attendance records are data: who attended which meeting, how often, for
which organisation.  Two spellings split one person in two for anyone who
searches or counts, and the minutes misspell a colleague's name in public.

## Example
```markdown
## Attendees
Rebecca Kelley (Example CA), Ben Wilson (Example Browser)
```
while twelve other documents list "Rebecca Kelly (Example CA)".

## Use instead
```markdown
## Attendees
Rebecca Kelly (Example CA), Ben Wilson (Example Browser)
```

## Fix safety
Safe when the roster lists the spelling as an alias of the canonical name;
unsafe when the canonical name is inferred from the majority.  No fix for a
tie.  Different people are never merged: given names that differ (Ben and
Clint Wilson) are not near-misses, people listed together are different,
and ``distinct`` pairs in the roster are respected.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import attendees
from minutes_lint.names import Spelling, clean_spelling
from minutes_lint.registry import RuleContext

CODE = "AT001"
NAME = "attendee-name-variant"
SUMMARY = "Attendee spelled differently from the same person elsewhere"
SEVERITY = Severity.WARNING
SCOPE = "corpus"
FIX = "sometimes"
OPTIONS: dict[str, object] = {}
FACTS = (attendees,)
_PART = {"given": "given name", "surname": "family name", "middle": "middle name"}


def _places(spelling: Spelling, here: str) -> str:
    docs = len(spelling.documents)
    first = next((p for p in spelling.places if p.path != here), spelling.places[0])
    more = f" and {docs - 1} more" if docs > 1 else ""
    times = "once" if spelling.count == 1 else f"{spelling.count} times"
    return f"{times}, in {first.path}:{first.line}{more}"


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    corpus = ctx.corpus
    if corpus is None:
        return
    people, roster = corpus.people, corpus.roster
    seen: set[str] = set()
    for entry in doc.attendees:
        if entry.problem is not None or not entry.name:
            continue
        name = clean_spelling(entry.name)
        if name in seen:
            continue
        seen.add(name)
        canonical = roster.canonical_person(name)
        spellings = people.spellings(name)
        if canonical is not None and canonical != name:
            safe = roster.is_alias(name)
            yield _problem(
                entry.name_start,
                entry.name_end,
                name,
                canonical,
                f"the roster spells it “{canonical}”",
                safe,
            )
            continue
        if canonical is None and len(spellings) > 1:
            mine = next((s for s in spellings if s.text == name), None)
            best = next((s for s in spellings if s.text != name), spellings[0])
            if mine is None or best.count >= mine.count:
                tie = mine is not None and best.count == mine.count
                yield _problem(
                    entry.name_start,
                    entry.name_end,
                    name,
                    None if tie else best.text,
                    f"{'equally often' if tie else 'more often'} written “{best.text}” "
                    f"({_places(best, corpus.key(doc.path))})" + (" (a tie)" if tie else ""),
                    False,
                )
                continue
        if canonical is not None:
            continue
        mine = sum(s.count for s in spellings)
        for miss in people.near_misses(name):
            other = miss.spellings[0]
            if miss.count < mine:
                continue
            tie = miss.count == mine
            yield _problem(
                entry.name_start,
                entry.name_end,
                name,
                None if tie else other.text,
                f"may be a misspelling of “{other.text}” ({_places(other, corpus.key(doc.path))}); "
                f"the {_PART[miss.part]} differs by one letter" + (" (a tie)" if tie else ""),
                False,
            )


def _problem(start: int, end: int, name: str, to: str | None, why: str, safe: bool) -> Problem:
    fix = None
    if to is not None:
        fix = Fix.replace(
            start, end, to, f"Write “{to}”", Applicability.SAFE if safe else Applicability.UNSAFE
        )
    return Problem(start, end, f"attendee “{name}”: {why}", fix)
