"""The corpus: what cross-document rules know about every document of the project.

Each document is reduced to the *facts* the selected rules declared (see
:mod:`minutes_lint.facts`): small JSON data, cached per file.  A rule reads
``corpus.facts(its_fact)``, a mapping from each document's corpus path to the value,
and builds its indexes once with :meth:`Corpus.memo`.  The people and organisation
indexes, which several rules and the roster share, are built here from the
``attendees`` fact on first use.

Corpus paths are relative to the project root (POSIX separators), so what a rule
writes about another document reads the same from any working folder;
:meth:`Corpus.key` turns a document's path into its corpus path.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from minutes_lint.facts import Fact, attendees
from minutes_lint.names import (
    PeopleIndex,
    Place,
    Spelling,
    clean_spelling,
    nickname_map,
    org_key,
)
from minutes_lint.roster import Roster

T = TypeVar("T")
FactValues = dict[str, Any]  # fact key -> value, for one document


class MissingFact(LookupError):
    """A rule read a fact it did not declare in ``FACTS``."""


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
        documents: Mapping[str, FactValues] | Callable[[], Mapping[str, FactValues]],
        roster: Roster | None = None,
        nicknames: Iterable[Iterable[str]] = (),
        root: Path | None = None,
    ) -> None:
        self._source = documents
        self.roster = roster or Roster()
        self.nicknames = nickname_map(nicknames)
        self.root = (root or Path.cwd()).absolute()
        self.fingerprint = ""  # a hash of every document and the roster (set by the loader)
        self._memos: dict[str, Any] = {}
        self._by_fact: dict[str, dict[str, Any]] = {}
        self._keys: dict[str, str] = {}  # path -> corpus path (rules ask for it per finding)

    def __getstate__(self) -> dict[str, Any]:
        """What a worker process started by spawn receives: every document's facts, the
        roster and the root; the indexes and memos are built again there on first use."""
        return {
            "documents": self.documents,
            "roster": self.roster,
            "nicknames": self.nicknames,
            "root": self.root,
            "fingerprint": self.fingerprint,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._source = state["documents"]
        self.roster = state["roster"]
        self.nicknames = state["nicknames"]
        self.root = state["root"]
        self.fingerprint = state["fingerprint"]
        self._memos = {}
        self._by_fact = {}
        self._keys = {}

    @classmethod
    def from_documents(
        cls,
        docs: Iterable[Any],
        facts: Iterable[Fact],
        roster: Roster | None = None,
        nicknames: Iterable[Iterable[str]] = (),
        root: Path | None = None,
    ) -> Corpus:
        """A corpus of parsed documents, their facts extracted now (tests, editors)."""
        wanted = list(dict.fromkeys(facts))
        corpus = cls({}, roster, nicknames, root)
        found = {corpus.key(d.path): {f.key: f.extract(d) for f in wanted} for d in docs}
        corpus._source = found
        return corpus

    @cached_property
    def documents(self) -> dict[str, FactValues]:
        """Corpus path -> the document's fact values (gathered on first use)."""
        source = self._source
        found = source() if callable(source) else source
        return dict(found)

    def key(self, path: str) -> str:
        """The corpus path of a document: relative to the project root, POSIX separators."""
        found = self._keys.get(path)
        if found is None:
            found = self._keys[path] = self._key(path)
        return found

    def _key(self, path: str) -> str:
        absolute = os.path.abspath(path)
        try:
            rel = os.path.relpath(absolute, self.root)
        except ValueError:  # another drive
            return Path(absolute).as_posix()
        if rel.startswith(".."):
            return Path(absolute).as_posix()
        return Path(rel).as_posix()

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and self.key(path) in self.documents

    def __len__(self) -> int:
        return len(self.documents)

    def facts(self, fact: Fact) -> dict[str, Any]:
        """Corpus path -> the value of ``fact`` for every document of the corpus."""
        found = self._by_fact.get(fact.key)
        if found is None:
            found = {}
            for path, values in self.documents.items():
                if fact.key not in values:
                    raise MissingFact(
                        f"fact {fact.name!r} was not gathered: declare it in the rule's FACTS"
                    )
                found[path] = values[fact.key]
            self._by_fact[fact.key] = found
        return found

    def prepare(self) -> None:
        """Build the shared indexes now (before worker processes fork and share them)."""
        if self.documents and all(attendees.key in v for v in self.documents.values()):
            self.people.prepare()
            _ = self.organisations

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """The value stored under ``key`` for this corpus, built by ``build`` on first use.

        Corpus rules keep their indexes over the facts here, built once per run.  ``key``
        names the rule or plugin and what it caches, e.g. ``"TX003.forms"``.
        """
        if key not in self._memos:
            self._memos[key] = build()
        value: T = self._memos[key]
        return value

    @cached_property
    def people(self) -> PeopleIndex:
        """Every attendee spelling of the corpus (needs the ``attendees`` fact)."""
        from minutes_lint.people_facts import minutes_identity

        index = PeopleIndex(self.roster.distinct, self.nicknames)
        try:  # identical copies of one minutes count once, when the rules asked for it
            digests: dict[str, Any] = self.facts(minutes_identity)
        except MissingFact:
            digests = {}
        for path, entries in self.facts(attendees).items():
            copy = digests.get(path)
            for name, org, line, _form in entries:
                index.add_at(name, path, line, path, org, copy)
        return index

    @cached_property
    def organisations(self) -> dict[str, OrgSpellings]:
        """Organisation key -> its spellings in attendee lists, with counts."""
        orgs: dict[str, OrgSpellings] = {}
        for path, entries in self.facts(attendees).items():
            for _name, org, line, _form in entries:
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
                    entry.places.append(Place(path, line))
                entry.documents.add(path)
        return orgs
