"""A known person named in the discussion but missing from the attendee list.

## What it does
For a document with an attendee list, reports each person who is named in
the prose (by a name that some attendee list of the corpus carries) but is
not listed in this document's attendees.  Reported once per person, as
information: "maybe present", as W3C's scribe tools say.

Organisations are not people: a run that attendee lists carry as an
organisation at least as often as a person is skipped.  So are names on the
lines of the attendee list itself, and people only mentioned: a sentence
saying that they were invited, nominated, absent ("isn't here", "sent
regrets") or that they wrote to a mailing list.  A mention counts as a person
only where the sentence around it says nothing of the kind.

## Why is this bad?
Someone who spoke, presented or was thanked was often present and left out
of the roll, which makes the attendance record wrong.  But people are also
mentioned in their absence, so this is a prompt to check, not an error.

## Example
```markdown
## Attendees
Alice Moreau (Example CA)

## Discussion
Bruno Silva presented the draft ballot.
```
with "Bruno Silva" listed in other minutes.

## Use instead
```markdown
## Attendees
Alice Moreau (Example CA), Bruno Silva (Example Trust)
```

## Fix safety
No fix: only the minute-taker knows who was there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from minutes_lint.corpus import Corpus
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import attendees
from minutes_lint.lazy_re import lazy_compile
from minutes_lint.names import Mention, org_key
from minutes_lint.people_facts import minutes_identity
from minutes_lint.registry import RuleContext

CODE = "PN002"
NAME = "maybe-present"
SUMMARY = "Person named in the discussion but not listed as an attendee"
SEVERITY = Severity.INFO
SCOPE = "corpus"
FIX = "none"
DEFAULT = False  # a hint, not a defect: mostly people discussed, not missing attendees
OPTIONS = {"min-attendees": 3}
FACTS = (attendees, minutes_identity)

# words of a sentence that names someone without them being there
_ONLY_MENTIONED = lazy_compile(
    r"\b(?:invit\w*|nominat\w*|endors\w*|isn['’]t\s+(?:here|present|on)|"
    r"is\s+not\s+(?:here|present|on)|wasn['’]t\s+(?:here|present)|not\s+present|absent|"
    r"regrets?|apolog\w*|unable\s+to\s+(?:attend|join)|couldn['’]t\s+(?:attend|join|make)|"
    r"mailing[\s-]+list|list\s+(?:post|message|thread)|e-?mailed|e-?mail\s+(?:from|by)|"
    r"wrote|posted|"
    r"on\s+behalf\s+of|in\s+memory|passed\s+away|replac\w*|depart\w*|left\s+the|"
    r"joined\s+\w+\s+as)\b",
    re.IGNORECASE,
)
# "**Guests:** Ann Lee, Bo Tran": a labelled line of names (chair, scribe, guests ...)
_LABELLED = lazy_compile(r"^[ \t>*_+-]*[A-Z][\w ()/]{0,30}:[*_]*[ \t]+(?P<rest>.*)$")
_SENTENCE_END = lazy_compile(r"[.!?](?=\s)|\n")


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    corpus = ctx.corpus
    if corpus is None or len(doc.attendees) < ctx.options["min-attendees"]:
        return
    people = corpus.people
    listed = {people.key(e.name) for e in doc.attendees if e.name}
    list_lines = _list_lines(doc)
    reported: set[str] = set()
    for mention in doc.mentions:
        key = people.key(mention.text)
        if key in listed or key in reported or not people.knows(mention.text):
            continue
        line = doc.line_index(mention.start)
        if _is_org(corpus, mention.text) or line in list_lines or _names_line(doc, line):
            continue
        if _ONLY_MENTIONED.search(_sentence(doc.text, mention)):
            continue
        reported.add(key)
        yield Problem(
            mention.start,
            mention.end,
            f"{mention.text} is named in the discussion but not listed as an attendee "
            "(maybe present)",
        )


def _is_org(corpus: Corpus, text: str) -> bool:
    """Whether attendee lists carry ``text`` as an organisation at least as often as a person."""
    group = corpus.organisations.get(org_key(text))
    if group is None:
        return False
    as_org = len({d for s in group.spellings.values() for d in s.documents})
    return as_org >= corpus.people.copies(text)


def _list_lines(doc: Document) -> set[int]:
    """Line indexes of the attendee lists' entries and labels (read from the entries'
    offsets: the lists' own lines, whatever spans the model gives the prose)."""
    lines: set[int] = set()
    for attendee_list in doc.attendee_lists:
        lines.add(doc.line_index(attendee_list.label_start))
        for entry in attendee_list.entries:
            lines.update(range(doc.line_index(entry.start), doc.line_index(entry.end) + 1))
    return lines


def _names_line(doc: Document, line: int) -> bool:
    """Whether a line is a label followed by a list of names, as attendee lists' role lines
    are ("**Guests:** Ann Lee, Bo Tran")."""
    found = _LABELLED.match(doc.lines[line].text) if line < len(doc.lines) else None
    if found is None:
        return False
    items = [i.strip() for i in re.split(r"[,;]", found.group("rest")) if i.strip()]
    return bool(items) and all(len(i.split()) <= 5 and not i.endswith(".") for i in items)


def _sentence(text: str, mention: Mention) -> str:
    """The sentence around ``mention`` (to the previous and next full stop or line end)."""
    start = mention.start
    for m in _SENTENCE_END.finditer(text, max(0, mention.start - 400), mention.start):
        start = m.end()
    end_match = _SENTENCE_END.search(text, mention.end, mention.end + 400)
    end = end_match.start() if end_match else min(len(text), mention.end + 400)
    return text[start:end]
