"""An organisation spelled differently from its usual spelling across the corpus.

## What it does
Looks up every organisation of the document's attendee lists among the
organisations of all attendee lists of the corpus.  A spelling that differs
from the canonical one only in case, hyphens, spaces or punctuation
("Example-Trust" for "ExampleTrust") is reported.  The canonical spelling
comes from the roster file when it names the organisation, else it is the
spelling used most often in the corpus; a tie is reported as a tie.  The
message gives how often each spelling is used and one place of the
canonical one.  Straight and curly apostrophes count as the same spelling.
Keys ignore legal suffixes ("Example Inc." and "Example" are one organisation).
A rare organisation one edit away (a transposition counting one) from an
organisation listed in at least three documents, and in three times as many as
the rare one, is reported as a probable misspelling of it.
When the document itself writes the organisation two ways,
``organisation-spelled-two-ways`` reports it and this rule leaves that
organisation alone (until the document agrees with itself).

## Why is this bad?
Attendance per organisation is counted across years of minutes; every
variant spelling splits an organisation in two, and a search for the usual
spelling misses the meetings that used another.

## Example
```markdown
## Attendees
Alice Moreau (Exampletrust), Bob Stone (Example Browser)
```
while forty other documents list "Example-Trust".

## Use instead
```markdown
## Attendees
Alice Moreau (Example-Trust), Bob Stone (Example Browser)
```

## Fix safety
Safe when the roster lists the spelling as an alias of the canonical name;
unsafe when the canonical spelling is inferred from the corpus majority
(the majority can be wrong, or the organisation renamed).  No fix for a tie.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.attendees import AttendeeEntry
from minutes_lint.corpus import Corpus
from minutes_lint.diagnostics import Applicability, Edit, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import attendees
from minutes_lint.names import Spelling, clean_spelling, org_key
from minutes_lint.org_names import org_documents, probable_organisation
from minutes_lint.organisations import occurrences, same_spelling
from minutes_lint.registry import RuleContext

CODE = "AT007"
NAME = "organisation-variant"
SUMMARY = "Organisation spelled differently from its usual spelling in the corpus"
SEVERITY = Severity.INFO
SCOPE = "corpus"
FIX = "sometimes"
OPTIONS: dict[str, object] = {}
FACTS = (attendees,)


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    corpus = ctx.corpus
    if corpus is None:
        return
    by_spelling = _entries_by_spelling(doc)
    if not by_spelling:
        return
    written = occurrences(doc)
    for spelling, entries in by_spelling.items():
        key = org_key(spelling)
        here = corpus.key(doc.path)
        problem = (
            _roster_problem(corpus, spelling, entries)
            or _corpus_problem(corpus, here, spelling, entries)
            or _near_miss_problem(corpus, spelling, entries)
        )
        if problem is not None and problem.fix is not None:
            # the document writes the organisation one way: rewrite it everywhere, the
            # discussion included, so that it stays one way (AT005 would undo a partial fix)
            to = problem.fix.edits[0].content
            spans = {(o.start, o.end) for o in written.get(key, [])}
            spans |= {(e.start, e.end) for e in problem.fix.edits}
            edits = tuple(Edit(a, b, to) for a, b in sorted(spans))
            problem = Problem(
                problem.start,
                problem.end,
                problem.message,
                Fix(edits, problem.fix.message, problem.fix.applicability),
            )
        if problem is not None:
            yield problem


def _entries_by_spelling(doc: Document) -> dict[str, list[AttendeeEntry]]:
    """Spelling of an organisation -> the attendee entries that write it, in order."""
    found: dict[str, list[AttendeeEntry]] = {}
    seen: set[int] = set()
    for entry in doc.attendees:
        if entry.problem is not None or entry.org is None or entry.org_start is None:
            continue
        if entry.org_start in seen or not org_key(entry.org):
            continue
        seen.add(entry.org_start)
        found.setdefault(clean_spelling(entry.org), []).append(entry)
    return found


def _roster_problem(corpus: Corpus, spelling: str, entries: list[AttendeeEntry]) -> Problem | None:
    """A problem when the roster names the organisation with another spelling."""
    roster = corpus.roster
    canonical = roster.canonical_org(spelling)
    if canonical is None or canonical == spelling:
        return None
    safe = roster.organisations.get(spelling) == canonical
    why = "an alias in the roster of" if safe else "spelled in the roster"
    return _problem(
        entries,
        f"organisation “{spelling}”{_also(entries)} is {why} “{canonical}”",
        canonical,
        Applicability.SAFE if safe else Applicability.UNSAFE,
    )


def _corpus_problem(
    corpus: Corpus, path: str, spelling: str, entries: list[AttendeeEntry]
) -> Problem | None:
    """A problem when the corpus mostly spells the organisation another way."""
    if corpus.roster.canonical_org(spelling) is not None:
        return None
    group = corpus.organisations.get(org_key(spelling))
    if group is None:
        return None
    ranked = sorted(group.ranked(), key=lambda s: -len(s.documents))  # distinct documents
    best = ranked[0]
    if len(ranked) < 2 or same_spelling(best.text, spelling):
        return None
    mine = group.spellings.get(spelling)
    mine_count = mine.count if mine is not None else len(entries)
    tie = best.count == mine_count
    how = "as often" if tie else _times(best.count)
    message = (
        f"organisation “{spelling}”{_also(entries)} is written “{best.text}” {how} in the "
        f"corpus ({_place(best, path)}), “{spelling}” {_times(mine_count)}"
    )
    if tie:
        return _problem(entries, message + " (a tie)", None, Applicability.UNSAFE)
    return _problem(entries, message, best.text, Applicability.UNSAFE)


def _near_miss_problem(
    corpus: Corpus, spelling: str, entries: list[AttendeeEntry]
) -> Problem | None:
    """A problem when a rare organisation is one edit from one that many documents list."""
    if corpus.roster.canonical_org(spelling) is not None:
        return None
    best = probable_organisation(corpus, spelling, same_words=False)
    if best is None:
        return None
    mine = org_documents(corpus, org_key(spelling))
    return _problem(
        entries,
        f"organisation “{spelling}”{_also(entries)} may be a misspelling of “{best.text}” "
        f"(listed in {best.documents} documents, “{spelling}” in {mine})",
        best.text,
        Applicability.UNSAFE,
    )


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _place(spelling: Spelling, here: str) -> str:
    """One place of ``spelling``, preferably in another document."""
    place = next((p for p in spelling.places if p.path != here), spelling.places[0])
    return f"e.g. {place.path}:{place.line}"


def _also(entries: list[AttendeeEntry]) -> str:
    more = len(entries) - 1
    return f" (and {more} more time{'s' if more > 1 else ''} here)" if more else ""


def _problem(
    entries: list[AttendeeEntry], message: str, to: str | None, applicability: Applicability
) -> Problem:
    """Report the first entry; the fix rewrites the organisation of every entry."""
    first = entries[0]
    assert first.org_start is not None and first.org_end is not None
    fix = None
    if to is not None:
        edits = tuple(
            Edit(entry.org_start, entry.org_end, to)
            for entry in entries
            if entry.org_start is not None and entry.org_end is not None
        )
        fix = Fix(edits, f"Write “{to}”", applicability)
    return Problem(first.org_start, first.org_end, message, fix)
