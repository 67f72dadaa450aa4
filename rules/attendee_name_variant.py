"""An attendee whose name is spelled differently elsewhere in the corpus.

## What it does
Looks up every attendee in the names of all documents of the corpus (the
files of the run, plus every document of a configured project).  It
reports a spelling that differs from the canonical one only in case,
diacritics or word order ("Atsushi INABA" for "Inaba Atsushi", "Inigo" for
"Iñigo", "AnneMarie" for "Anne-Marie"), and a name one edit away from a
known person in one word ("Rebecca Kelley" for "Rebecca Kelly"; a
transposition counts one edit), two edits in a long rare word or an initial
for the given name when the organisation agrees too.  The canonical spelling
comes from the roster file when it names the person, else from the evidence
of the corpus: accents over the same letters without them, proper case over
ALL CAPS or all lower case, then the number of distinct documents (identical
copies once); a tie is reported as a tie (for a near-miss, only when the
organisation agrees too: two names listed equally often with nothing else
in common may be two people).  When the accented or proper-case
form appears in only one or two documents and the archive has settled on the
other form (five times as many documents), the documents of the settled form
are not reported: the rare form gets one ``info`` note instead, naming the
settled form, since a single document is thin evidence that a hundred others
are wrong.  The message names the other
spelling, where it appears and how often.

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
unsafe when the canonical name is inferred from the corpus.  No fix for a
tie, none that would strip accents, none towards a spelling that is itself a
variant of a commoner one, and none that would make two entries of the list
one person (someone listed with another organisation in the same list is a
different person, and is then not reported at all).  Different people are
never merged: given names that differ (Ben and Clint Wilson) are not
near-misses, people listed together are different, and ``distinct`` pairs
in the roster are respected.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.attendees import AttendeeEntry
from minutes_lint.corpus import Corpus
from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import attendees
from minutes_lint.names import (
    NearMiss,
    Spelling,
    case_penalty,
    clean_spelling,
    has_diacritics,
    loses_diacritics,
    org_key,
    rank_key,
    ranked,
    same_person,
    same_rank,
)
from minutes_lint.people_facts import minutes_identity
from minutes_lint.registry import RuleContext

CODE = "AT001"
NAME = "attendee-name-variant"
SUMMARY = "Attendee spelled differently from the same person elsewhere"
SEVERITY = Severity.WARNING
SCOPE = "corpus"
FIX = "sometimes"
OPTIONS: dict[str, object] = {}
FACTS = (attendees, minutes_identity)
THIN_DOCUMENTS = 2
ESTABLISHED_RATIO = 5
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
    seen: set[str] = set()
    done: set[int] = set()  # entry starts: lists found twice report once
    for attendee_list in doc.attendee_lists:
        entries = [
            e
            for e in attendee_list.entries
            if e.problem is None and e.name and e.name_start not in done
        ]
        done.update(e.name_start for e in entries)
        for entry in entries:
            name = clean_spelling(entry.name)
            if name in seen:
                continue
            seen.add(name)
            others = [e for e in entries if e is not entry]
            problem = _variant(doc, corpus, entry, name, others)
            if problem is not None:
                yield problem


def _variant(
    doc: Document, corpus: Corpus, entry: AttendeeEntry, name: str, others: list[AttendeeEntry]
) -> Problem | None:
    people, roster = corpus.people, corpus.roster
    canonical = roster.canonical_person(name)
    here = corpus.key(doc.path)
    if canonical is not None and canonical != name:
        return _problem(
            entry,
            name,
            _guard(name, canonical, entry, others, corpus, roster_says=True),
            f"the roster spells it “{canonical}”",
            roster.is_alias(name),
        )
    if canonical is not None:
        return None
    spellings = people.spellings(name)
    if len(spellings) > 1:
        order = ranked(spellings)
        mine = next((s for s in spellings if s.text == name), None)
        best = next(s for s in order if s.text != name)
        common = max((s for s in spellings if s.text != name), key=_documents)
        if mine is not None and order[0].text == name and _thin(mine, common):
            return _lonely(entry, name, mine, common, here)
        if mine is not None and _thin(best, mine):
            return None  # the established form: the lone other one is reported instead
        if order[0].text != name or (mine is not None and same_rank(mine, best)):
            tie = mine is not None and same_rank(mine, best)
            return _problem(
                entry,
                name,
                None if tie else _guard(name, best.text, entry, others, corpus),
                f"{'equally often written' if tie else _why(mine, best)} “{best.text}” "
                f"({_places(best, here)})" + (" (a tie)" if tie else ""),
                False,
            )
    mine_count = people.copies(name) or 1
    misses = sorted(people.near_misses(name, entry.org), key=lambda m: -m.copies)
    for miss in misses:
        other = miss.spellings[0]
        if miss.edits == 0:  # an initial: the full given name is the better evidence
            if len(miss.word) != 1:
                continue
        elif miss.copies < mine_count or (miss.edits == 2 and miss.copies == mine_count):
            continue
        clash = _listed_here(other.text, entry, others)
        if clash is not None and not _same_org(clash, entry):
            continue  # different organisations in one list: different people
        tie = miss.copies == mine_count and miss.edits != 0
        if tie and not _org_agrees(entry, miss):
            continue  # one listing each, nothing else in common: maybe two people
        # never rewrite towards a spelling that is itself a variant of a commoner name
        variant = any(m.copies >= miss.copies for m in people.near_misses(other.text))
        return _problem(
            entry,
            name,
            None
            if tie or variant or clash is not None
            else _guard(name, other.text, entry, others, corpus),
            f"may be a misspelling of “{other.text}” ({_places(other, here)}); "
            + _difference(miss)
            + (" (a tie)" if tie else ""),
            False,
        )
    return None


def _org_agrees(entry: AttendeeEntry, miss: NearMiss) -> bool:
    key = org_key(entry.org) if entry.org else ""
    return bool(key) and any(key in s.orgs for s in miss.spellings)


def _documents(spelling: Spelling) -> int:
    return len(spelling.copies or spelling.documents)


def _thin(preferred: Spelling, other: Spelling) -> bool:
    """Whether ``preferred`` outranks ``other`` on accents or case alone, with the evidence
    of one or two documents against a form the archive has settled on (five times as many)."""
    return (
        rank_key(preferred)[:2] < rank_key(other)[:2]
        and _documents(preferred) <= THIN_DOCUMENTS
        and _documents(other) >= ESTABLISHED_RATIO * _documents(preferred)
    )


def _lonely(
    entry: AttendeeEntry, name: str, mine: Spelling, common: Spelling, here: str
) -> Problem:
    """The rare accented or proper-case spelling of a name the archive writes another way:
    one note here rather than a warning in every document of the common form."""
    how = (
        "without accents"
        if has_diacritics(name) and not has_diacritics(common.text)
        else "in another case"
    )
    return Problem(
        entry.name_start,
        entry.name_end,
        f"attendee “{name}”: the archive writes this name {how} as “{common.text}” "
        f"({_places(common, here)}); if this spelling is right, those documents need it too",
        severity=Severity.INFO,
    )


def _difference(miss: NearMiss) -> str:
    part = _PART[miss.part]
    if miss.edits == 0:
        return f"the {part} is written as an initial, with the same family name and organisation"
    if miss.edits == 2:
        return f"the {part} differs by two letters, with the same organisation"
    return f"the {part} differs by one letter"


def _why(mine: Spelling | None, best: Spelling) -> str:
    if mine is None:
        return "more often written"
    if has_diacritics(best.text) and not has_diacritics(mine.text):
        return "written with accents as"
    if case_penalty(best.text) < case_penalty(mine.text):
        return "written in proper case as"
    return "more often written"


def _listed_here(
    target: str, entry: AttendeeEntry, others: list[AttendeeEntry]
) -> AttendeeEntry | None:
    """Another entry of the list that already names the person ``target`` names."""
    return next((e for e in others if same_person(e.name, target)), None)


def _same_org(a: AttendeeEntry, b: AttendeeEntry) -> bool:
    return (a.org is None and b.org is None) or (
        a.org is not None and b.org is not None and org_key(a.org) == org_key(b.org)
    )


def _guard(
    name: str,
    to: str,
    entry: AttendeeEntry,
    others: list[AttendeeEntry],
    corpus: Corpus,
    roster_says: bool = False,
) -> str | None:
    """``to``, unless writing it would make two entries of the list one person or strip
    accents; the roster may merge people of different organisations."""
    if loses_diacritics(name, to):
        return None
    clash = _listed_here(to, entry, others)
    if clash is not None and not (roster_says and corpus.roster.canonical_person(clash.name)):
        return None
    return to


def _problem(entry: AttendeeEntry, name: str, to: str | None, why: str, safe: bool) -> Problem:
    fix = None
    if to is not None:
        fix = Fix.replace(
            entry.name_start,
            entry.name_end,
            to,
            f"Write “{to}”",
            Applicability.SAFE if safe else Applicability.UNSAFE,
        )
    return Problem(entry.name_start, entry.name_end, f"attendee “{name}”: {why}", fix)
