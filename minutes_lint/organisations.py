"""Where a document writes each organisation, and the organisations it writes two ways.

The organisations of the attendee lists are the reference; single
capitalised words of the discussion that name one of them count too.
Spellings that differ only in case, hyphens, spaces or punctuation
("Example-Trust", "Example Trust", "ExampleTrust") are one organisation
written two ways.  Straight and curly apostrophes count as the same
spelling, and a word in capitals in the discussion is emphasis, not a
spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutes_lint.document import Document
from minutes_lint.markdown import SpanSet
from minutes_lint.names import org_key

__all__ = [
    "Finding",
    "Occurrence",
    "findings",
    "occurrences",
    "same_spelling",
]

# A word of the discussion that may name an organisation: it starts with a capital or a
# digit and may join parts with hyphens, dots or apostrophes ("Example-Trust", "Example.com").
_CAPITALISED = re.compile(r"[^\W_a-zß-öø-ÿ][^\W_]*(?:[-.'’][^\W_]+)*")
_JOINERS = str.maketrans("", "", "-.'’")
_NOT_BEFORE = "@/.-'’`"  # an e-mail address, path, domain or inline code goes on
_NOT_AFTER = "@/-'’`"
_POSSESSIVE = ("'s", "’s")
_MIN_PROSE_KEY = 3  # shorter keys ("BT") match too many words
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@dataclass(frozen=True)
class Occurrence:
    """One place where an organisation is written."""

    start: int
    end: int
    text: str  # as written, whitespace collapsed
    in_prose: bool

    @property
    def spelling(self) -> str:
        """The spelling compared with others: apostrophes made straight."""
        return self.text.translate(_APOSTROPHES)


@dataclass(frozen=True)
class Finding:
    """A minority spelling of an organisation in one document."""

    spelling: str
    occurrences: tuple[Occurrence, ...]
    majority: str  # the spelling used most often (the first seen, for a tie)
    majority_place: Occurrence
    count: int  # occurrences of ``majority``
    tie: bool


def occurrences(doc: Document, prose: bool = True) -> dict[str, list[Occurrence]]:
    """Organisation key -> where the organisation is written, attendee lists first.

    Computed once per document and ``prose`` setting (several rules ask); do not modify it.
    """
    return doc.memo(f"{__name__}.occurrences[prose={prose}]", lambda: _occurrences(doc, prose))


def _occurrences(doc: Document, prose: bool) -> dict[str, list[Occurrence]]:
    found: dict[str, list[Occurrence]] = {}
    seen: set[int] = set()
    for entry in doc.attendees:
        if entry.problem is not None or entry.org is None or entry.org_start is None:
            continue
        if entry.org_start in seen or entry.org_end is None:
            continue
        seen.add(entry.org_start)
        key = org_key(entry.org)
        if key:
            occurrence = Occurrence(entry.org_start, entry.org_end, entry.org, False)
            found.setdefault(key, []).append(occurrence)
    if prose and found:
        text = doc.text
        lists = SpanSet((lst.start, lst.end) for lst in doc.attendee_lists)
        keys = {key for key in found if len(key) >= _MIN_PROSE_KEY}
        for start, end in doc.prose_spans if keys else ():
            for match in _CAPITALISED.finditer(text, start, end):
                word = match.group()
                if word.islower() or not _isolated(text, match.start(), match.end()):
                    continue
                if word[-2:] in _POSSESSIVE:
                    word = word[:-2]  # "Example's proposal"
                key = word.lower().translate(_JOINERS) if word.isascii() else org_key(word)
                places = found.get(key) if key in keys else None
                if places is None:
                    continue
                if word.isupper() and _new_spelling(word, places):
                    continue  # capitals in the discussion are emphasis, not a spelling
                if match.start() in lists:
                    continue  # the rest of a label line such as "Present: ..."
                places.append(Occurrence(match.start(), match.start() + len(word), word, True))
    return found


def _isolated(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a word of its own, not part of an address or a path."""
    if start > 0:
        before = text[start - 1]
        if before in _NOT_BEFORE or before.isalnum() or before == "_":
            return False
    if end < len(text):
        after = text[end]
        if after in _NOT_AFTER or after.isalnum() or after == "_":
            return False
        if after == "." and end + 1 < len(text) and text[end + 1].isalnum():
            return False
    return True


def same_spelling(a: str, b: str) -> bool:
    """Whether two spellings are equal once apostrophes are made straight."""
    return a.translate(_APOSTROPHES) == b.translate(_APOSTROPHES)


def _new_spelling(word: str, places: list[Occurrence]) -> bool:
    return all(place.text != word for place in places)


def findings(doc: Document, prose: bool = True) -> list[Finding]:
    """Every minority spelling of an organisation in ``doc``, in document order.

    Computed once per document and ``prose`` setting: several rules ask.
    """
    return doc.memo(f"{__name__}.findings[prose={prose}]", lambda: _find(doc, prose))


def _rank(item: tuple[str, list[Occurrence]]) -> tuple[bool, bool, int]:
    """Sort key of one spelling, best first: no stray punctuation at either end ("IBM,"),
    not all lower case ("red hat"), then the most uses."""
    text = item[1][0].text
    stray = text[:1] in STRAY or text[-1:] in STRAY
    lower = text == text.lower() and any(c.isalpha() for c in text)
    return stray, lower, -len(item[1])


STRAY = ",;:/-–—"


def _find(doc: Document, prose: bool) -> list[Finding]:
    out: list[Finding] = []
    for places in occurrences(doc, prose).values():
        by_spelling: dict[str, list[Occurrence]] = {}
        for place in sorted(places, key=lambda p: p.start):
            by_spelling.setdefault(place.spelling, []).append(place)
        if len(by_spelling) < 2:
            continue
        ranked = sorted(by_spelling.items(), key=lambda item: (_rank(item), item[1][0].start))
        majority_places = ranked[0][1]
        majority = majority_places[0].text
        for spelling, places_of in ranked[1:]:
            tie = _rank((spelling, places_of)) == _rank(ranked[0])
            out.append(
                Finding(
                    spelling,
                    tuple(places_of),
                    majority,
                    majority_places[0],
                    len(majority_places),
                    tie,
                )
            )
    out.sort(key=lambda f: f.occurrences[0].start)
    return out
