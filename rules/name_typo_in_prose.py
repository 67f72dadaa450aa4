"""A name in the discussion that nearly matches a known person or organisation but is nobody.

## What it does
Reads the runs of capitalised words in the prose (outside attendee lists,
code and links; name particles such as "de" or "van der" belong to the run).
A run of two to four words that is nobody's name but is one edit away (a
transposition of two letters counts one), in one word, from a person listed
in this document's attendee list or in any attendee list of the corpus is
reported with the name it probably means.  So is a rare spelling that some
list carries when a more common spelling is one letter away (the listing
itself is reported by AT001), and a known name with a case typo ("Clint
WIlson").  A lone given name before a speech verb ("Stehpen noted") is
compared with the given names of this meeting's attendees, and a run that is
one edit away from an organisation listed in at least three documents of the
corpus ("Exmaple Trust Services") is reported with that organisation.

The suggested name is the best-evidenced spelling (see AT001); it is never a
name listed only once, nor a spelling that is itself reported as a variant.

## Why is this bad?
A spell checker cannot see these typos: "Client Wilson" is made of two
dictionary words.  Yet the minutes then credit a statement or an endorsement
to a person who does not exist, which matters for a public record of who
said and agreed what.

## Example
```markdown
The ballot is endorsed by Client Wilson (Example Browser).
```
with "Clint Wilson (Example Browser)" in an attendee list.

## Use instead
```markdown
The ballot is endorsed by Clint Wilson (Example Browser).
```

## Fix safety
Unsafe: the fix replaces the run with the known name, and a real person
who never attended could share the spelling.  Confirm with the roster's
``distinct`` list or suppress the line when the name is right.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.corpus import Corpus
from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import attendees
from minutes_lint.lazy_re import lazy_compile
from minutes_lint.names import (
    Mention,
    NearMiss,
    PeopleIndex,
    clean_spelling,
    damerau,
    find_speakers,
    fold,
    loses_diacritics,
    name_words,
    org_key,
    ranked,
)
from minutes_lint.org_names import probable_organisation
from minutes_lint.people_facts import minutes_identity
from minutes_lint.registry import RuleContext

CODE = "PN001"
NAME = "name-typo-in-prose"
SUMMARY = "Name in the discussion that is one letter away from a known person or organisation"
SEVERITY = Severity.WARNING
SCOPE = "corpus"
FIX = "unsafe"
OPTIONS: dict[str, object] = {"min-organisation-documents": 3}
FACTS = (attendees, minutes_identity)

_CASE_TYPO = lazy_compile(r"^[A-Z]{2,}[a-z]")  # "WIlson": two capitals, then lower case
_MIN_GIVEN = 5  # a lone given name this long may be compared with the attendees'


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    corpus = ctx.corpus
    if corpus is None:
        return
    people = corpus.people
    listed_here = {corpus.people.key(e.name) for e in doc.attendees if e.name}
    min_documents = int(ctx.options["min-organisation-documents"])
    taken: list[tuple[int, int]] = []
    entries = [(e.name_start, e.name_end) for e in doc.attendees if e.problem is None and e.name]
    for mention in doc.mentions:
        if any(a <= mention.start < b or a < mention.end <= b for a, b in taken[-6:]):
            continue  # overlaps are neighbours
        if any(a <= mention.start < b for a, b in entries):
            continue  # an attendee entry: AT001 reports it
        problem = _person(people, corpus, mention, listed_here) or _organisation(
            corpus, mention, min_documents
        )
        if problem is not None:
            taken.append((mention.start, mention.end))
            yield problem
    yield from _speakers(doc, people, taken)


def _person(
    people: PeopleIndex, corpus: Corpus, mention: Mention, listed_here: set[str]
) -> Problem | None:
    if _is_org(corpus, mention.text):
        return None  # an organisation that some list wrote as a person
    spellings = people.spellings(mention.text)
    if spellings and all(s.text != mention.text for s in spellings):
        return _case_typo(people, mention)
    misses = people.near_misses(mention.text)
    mine = sum(s.count for s in spellings)
    if mine:
        # a listed spelling is a typo too when a more common one is one letter
        # away (AT001 corrects the listing; the discussion must follow)
        misses = [m for m in misses if m.count > mine]
    misses = [t for t in (_trusted(people, corpus, m) for m in misses) if t is not None]
    if not misses:
        return None
    best = max(misses, key=lambda m: (m.copies, m.count))
    known = ranked(best.spellings)[0]
    # one listing elsewhere is too little evidence to rewrite the discussion, and a
    # spelling that ties with a variant of it is itself reported as a variant
    evidence = (best.key in listed_here or best.copies >= 2) and not any(
        m.copies >= best.copies for m in people.near_misses(known.text)
    )
    place = known.places[0]
    return Problem(
        mention.start,
        mention.end,
        f"“{mention.text}” is "
        + (f"a rare spelling (listed {_times(mine)})" if mine else "not a known name")
        + f"; did you mean “{known.text}” "
        f"(listed {_times(best.count)}, "
        f"e.g. {place.path}:{place.line})?",
        _fix(mention, known.text) if evidence else None,
    )


def _is_org(corpus: Corpus, text: str) -> bool:
    """Whether attendee lists carry ``text`` as an organisation more than as a person."""
    group = corpus.organisations.get(org_key(text))
    if group is None:
        return False
    as_org = len({d for s in group.spellings.values() for d in (s.copies or s.documents)})
    return as_org >= corpus.people.copies(text)


def _trusted(people: PeopleIndex, corpus: Corpus, miss: NearMiss) -> NearMiss | None:
    """The near-miss worth pointing to: not an organisation, and, when it is itself a
    variant of a commoner name, that name instead."""
    known = miss.spellings[0].text
    if _is_org(corpus, known):
        return None
    better = [m for m in people.near_misses(known) if m.copies > miss.copies]
    if better:
        return max(better, key=lambda m: m.copies)
    return miss


def _case_typo(people: PeopleIndex, mention: Mention) -> Problem | None:
    """A known name with a word in broken case ("Clint WIlson")."""
    best = people.canonical(mention.text)
    if best is None:
        return None
    right = {fold(w): w for w in best.text.split()}
    for word in mention.text.split():
        good = right.get(fold(word))
        if good is not None and _CASE_TYPO.match(word) and not _CASE_TYPO.match(good):
            return Problem(
                mention.start,
                mention.end,
                f"“{mention.text}” has a case typo; the attendee lists write “{best.text}”",
                _fix(mention, best.text),
            )
    return None


def _organisation(corpus: Corpus, mention: Mention, min_documents: int) -> Problem | None:
    """A run one edit away from an organisation that many lists carry."""
    if corpus.people.knows(mention.text):
        return None
    best = probable_organisation(corpus, mention.text, min_documents)
    if best is None:
        return None
    return Problem(
        mention.start,
        mention.end,
        f"“{mention.text}” may be a misspelling of the organisation “{best.text}” "
        f"(listed in {best.documents} documents)",
        _fix(mention, best.text),
    )


def _speakers(
    doc: Document, people: PeopleIndex, taken: list[tuple[int, int]]
) -> Iterator[Problem]:
    """A lone given name before a speech verb, one edit from an attendee's given name."""
    given: dict[str, str] = {}
    words: set[str] = set()
    for entry in doc.attendees:
        parts = clean_spelling(entry.name).split() if entry.name else []
        if parts:
            given.setdefault(fold(parts[0]), parts[0])
        words.update(name_words(entry.name or ""))
    if not given:
        return
    for mention in find_speakers(doc.text, doc.prose_spans):
        if any(a <= mention.start < b for a, b in taken):
            continue
        word = mention.text
        folded = fold(word)
        if folded in given:
            good = given[folded]
            if word != good and _CASE_TYPO.match(word) and not _CASE_TYPO.match(good):
                yield _speaker_problem(mention, good, "has a case typo")
            continue
        if len(word) < _MIN_GIVEN or folded in words or people.knows_word(folded):
            continue
        close = [
            g
            for f, g in given.items()
            if len(f) >= _MIN_GIVEN
            and damerau(folded, f) == 1
            and not (f.startswith(folded) or folded.startswith(f))
        ]
        if len(close) == 1:
            yield _speaker_problem(mention, close[0], "is not the given name of any attendee")


def _speaker_problem(mention: Mention, good: str, why: str) -> Problem:
    return Problem(
        mention.start,
        mention.end,
        f"“{mention.text}” {why}; did you mean “{good}” (an attendee of this meeting)?",
        _fix(mention, good),
    )


def _fix(mention: Mention, to: str) -> Fix | None:
    if loses_diacritics(mention.text, to):
        return None
    return Fix.replace(mention.start, mention.end, to, f"Write “{to}”", Applicability.UNSAFE)


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"
