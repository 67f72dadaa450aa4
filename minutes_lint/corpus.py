"""The corpus: what cross-document rules know about every document of the project.

Each document is reduced to its *facts* (attendees with organisations, slug,
title, identifiers and acronyms, with lines), which are cheap to cache.  The
indexes over them are built on first use, so a run whose rules need only
the people index never builds the others.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from minutes_lint.document import Document
from minutes_lint.names import (
    PeopleIndex,
    Place,
    Spelling,
    clean_spelling,
    nickname_map,
    org_key,
)
from minutes_lint.roster import Roster

FACTS_VERSION = 2
# identifiers such as ballot SC-085, SMC014, NS-008: letters, optional dash, digits
IDENTIFIER = re.compile(r"\b([A-Z]{2,4})(-?)(\d{1,4})(?!\w|\.\w)")
ACRONYM = re.compile(r"\b[A-Z]{3,8}\b")

T = TypeVar("T")


@dataclass
class Facts:
    """The part of a document cross-document rules use."""

    path: str
    title: str | None = None
    slug: str | None = None
    slug_line: int = 0
    title_line: int = 0
    attendees: list[tuple[str, str | None, int]] = field(default_factory=list)  # name, org, line
    identifiers: list[tuple[str, str, str, int]] = field(
        default_factory=list
    )  # prefix, dash, digits, line
    acronyms: dict[str, int] = field(default_factory=dict)
    front_matter: bool = False  # the document has front matter
    published: str | None = None  # the front-matter date, ISO format
    attendee_forms: dict[str, int] = field(default_factory=dict)  # entry form -> count

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "title": self.title,
            "slug": self.slug,
            "slug_line": self.slug_line,
            "title_line": self.title_line,
            "attendees": self.attendees,
            "identifiers": self.identifiers,
            "acronyms": self.acronyms,
            "front_matter": self.front_matter,
            "published": self.published,
            "attendee_forms": self.attendee_forms,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Facts:
        return cls(
            path=data["path"],
            title=data["title"],
            slug=data["slug"],
            slug_line=data["slug_line"],
            title_line=data["title_line"],
            attendees=[tuple(a) for a in data["attendees"]],  # type: ignore[misc]
            identifiers=[tuple(i) for i in data["identifiers"]],  # type: ignore[misc]
            acronyms=dict(data["acronyms"]),
            front_matter=bool(data["front_matter"]),
            published=data["published"],
            attendee_forms=dict(data["attendee_forms"]),
        )


def extract_facts(doc: Document) -> Facts:
    facts = Facts(path=doc.path)
    fm = doc.front_matter
    facts.front_matter = fm.present
    if fm.ok:
        date = fm.get("date")
        if date is not None and hasattr(date.value, "isoformat"):
            facts.published = date.value.isoformat()
        for key in ("title", "slug"):
            entry = fm.get(key)
            if entry is not None and isinstance(entry.value, str):
                setattr(facts, key, entry.value)
                setattr(facts, f"{key}_line", doc.position(entry.value_start).line)
    forms: Counter[str] = Counter()
    for entry in doc.attendees:
        if entry.problem is None and entry.name:
            facts.attendees.append((entry.name, entry.org, doc.position(entry.name_start).line))
            if entry.org:
                forms[entry.form] += 1
    facts.attendee_forms = dict(forms)
    acronyms: Counter[str] = Counter()
    for start, end in doc.prose_spans:
        for m in IDENTIFIER.finditer(doc.text, start, end):
            facts.identifiers.append(
                (m.group(1), m.group(2), m.group(3), doc.position(m.start()).line)
            )
        acronyms.update(ACRONYM.findall(doc.text, start, end))
    facts.acronyms = dict(acronyms)
    return facts


@dataclass
class OrgSpellings:
    key: str
    spellings: dict[str, Spelling]

    def ranked(self) -> list[Spelling]:
        return sorted(self.spellings.values(), key=lambda s: (-s.count, s.text))


class Corpus:
    """Facts of every document of the corpus, with indexes built on demand."""

    def __init__(
        self,
        facts: Iterable[Facts] | Callable[[], Iterable[Facts]],
        roster: Roster | None = None,
        nicknames: Iterable[Iterable[str]] = (),
    ) -> None:
        self._facts_source = facts
        self.roster = roster or Roster()
        self.nicknames = nickname_map(nicknames)
        self.fingerprint = ""  # a hash of every document and the roster (set by the loader)
        self._memos: dict[str, Any] = {}

    @cached_property
    def facts(self) -> dict[str, Facts]:
        """Path -> facts of every document (gathered on first use)."""
        source = self._facts_source
        found = source() if callable(source) else source
        return {f.path: f for f in found}

    def __len__(self) -> int:
        return len(self.facts)

    def prepare(self) -> None:
        """Build the shared indexes now (before worker processes fork and share them)."""
        self.people.prepare()
        for name in ("organisations", "slugs", "titles", "acronyms", "attendee_forms"):
            getattr(self, name)

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """The value stored under ``key`` for this corpus, built by ``build`` on first use.

        Corpus rules keep their indexes over the facts here, built once per run.  ``key``
        names the module and what it caches, e.g. ``"rules.acronym_near_miss.index"``.
        """
        if key not in self._memos:
            self._memos[key] = build()
        value: T = self._memos[key]
        return value

    @cached_property
    def people(self) -> PeopleIndex:
        index = PeopleIndex(self.roster.distinct, self.nicknames)
        for facts in self.facts.values():
            for name, _org, line in facts.attendees:
                index.add_at(name, facts.path, line, facts.path)
        return index

    @cached_property
    def organisations(self) -> dict[str, OrgSpellings]:
        """Organisation key -> its spellings in attendee lists, with counts."""
        orgs: dict[str, OrgSpellings] = {}
        for facts in self.facts.values():
            for _name, org, line in facts.attendees:
                if not org:
                    continue
                spelling = clean_spelling(org)
                key = org_key(spelling)
                if not key:
                    continue
                group = orgs.get(key)
                if group is None:
                    group = orgs[key] = OrgSpellings(key, {})
                entry = group.spellings.get(spelling)
                if entry is None:
                    entry = group.spellings[spelling] = Spelling(spelling)
                entry.count += 1
                if len(entry.places) < 20:
                    entry.places.append(Place(facts.path, line))
                entry.documents.add(facts.path)
        return orgs

    @cached_property
    def identifier_forms(self) -> dict[str, Counter[tuple[str, int]]]:
        """Prefix -> Counter of (dash, digit count) forms in which its identifiers are written."""
        forms: dict[str, Counter[tuple[str, int]]] = defaultdict(Counter)
        for facts in self.facts.values():
            for prefix, dash, digits, _line in facts.identifiers:
                forms[prefix][(dash, len(digits))] += 1
        return dict(forms)

    @cached_property
    def attendee_forms(self) -> Counter[str]:
        """How many attendee entries (with an organisation) are written in each form."""
        total: Counter[str] = Counter()
        for facts in self.facts.values():
            total.update(facts.attendee_forms)
        return total

    @cached_property
    def front_matter_share(self) -> float:
        """The share of documents that have front matter (0.0 for an empty corpus)."""
        if not self.facts:
            return 0.0
        return sum(f.front_matter for f in self.facts.values()) / len(self.facts)

    @cached_property
    def acronyms(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for facts in self.facts.values():
            total.update(facts.acronyms)
        return total

    @cached_property
    def slugs(self) -> dict[str, list[tuple[str, int]]]:
        return self._by_value("slug")

    @cached_property
    def titles(self) -> dict[str, list[tuple[str, int]]]:
        """Title (runs of whitespace collapsed) -> (path, line) of the documents using it."""
        return self._by_value("title")

    def _by_value(self, attr: str) -> dict[str, list[tuple[str, int]]]:
        found: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for facts in self.facts.values():
            value = " ".join((getattr(facts, attr) or "").split())
            if value:
                found[value].append((facts.path, getattr(facts, f"{attr}_line")))
        return dict(found)
