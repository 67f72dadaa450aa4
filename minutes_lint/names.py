"""Who is who: name keys, spelling variants and near-misses of people.

A *person key* survives case, diacritics and word order, so "Atsushi INABA"
and "Inaba Atsushi", or "Inigo" and "Iñigo", share one key.  A *near-miss*
is a name one edit away from a known name in exactly one word ("Rebecca
Kelley" for "Rebecca Kelly", "Client Wilson" for "Clint Wilson").

Near-misses are found through a word index: a name one edit away in one word
shares all its other words, so only the names that share a word are compared
(with rapidfuzz's OSA distance), never all pairs, and a look-up costs the
same however often each name occurs.
Guards keep different people apart: both words must be at least four letters
long, people listed together in one attendee list under given names one edit
apart are different people (Maria and Mario Garcia), two
given names that are each common in the corpus belong to different people,
and pairs confirmed ``distinct`` in the roster are never matched.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i"})
_MIN_WORD = 4  # shorter words (Ben/Jen, Tim/Kim) are never near-misses
_COMMON = 3  # a spelling seen this often is a name in its own right


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-fold and strip diacritics: "Iñigo" -> "inigo", "INABA" -> "inaba"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a name, apostrophes dropped: "O’Neil-Ray" -> ("oneil", "ray")."""
    return tuple(w.replace("'", "").replace("’", "") for w in _WORD.findall(fold(name)))


def person_key(name: str, nicknames: Mapping[str, str] | None = None) -> str:
    """A key equal for spellings that differ only in case, diacritics or word order.

    With ``nicknames`` (folded nickname -> folded full name, from the configuration),
    "Ben Wilson" and "Benjamin Wilson" share a key too.
    """
    words = name_words(name)
    if nicknames:
        words = tuple(nicknames.get(w, w) for w in words)
    return " ".join(sorted(words))


def nickname_map(groups: Iterable[Iterable[str]]) -> dict[str, str]:
    """``[["Ben", "Benjamin"]]`` -> {"ben": "benjamin"}: every name maps to the group's last."""
    table: dict[str, str] = {}
    for group in groups:
        folded = [fold(n).strip() for n in group if n.strip()]
        for name in folded[:-1]:
            table[name] = folded[-1]
    return table


@lru_cache(maxsize=65536)
def org_key(org: str) -> str:
    """A key equal for "D-TRUST", "D-Trust" and "Dtrust", or "ACAB’c" and "ACAB'c"."""
    return "".join(name_words(org))


@lru_cache(maxsize=65536)
def clean_spelling(name: str) -> str:
    return " ".join(name.split())


@dataclass(frozen=True)
class Place:
    """Where a spelling was seen."""

    path: str
    line: int


@dataclass
class Spelling:
    text: str
    count: int = 0
    places: list[Place] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class NearMiss:
    """A known name one edit away from the name looked up."""

    key: str
    spellings: tuple[Spelling, ...]  # of the known person, most used first
    part: str  # "given", "surname" or "middle": the word that differs
    word: str  # the differing word of the name looked up
    other_word: str  # and of the known name

    @property
    def count(self) -> int:
        return sum(s.count for s in self.spellings)


class PeopleIndex:
    """Every spelling of every person seen in attendee lists, indexed for look-up."""

    def __init__(
        self, distinct: Iterable[tuple[str, str]] = (), nicknames: Mapping[str, str] | None = None
    ) -> None:
        self._nicknames = dict(nicknames or {})
        self._keys: dict[str, str] = {}
        self._misses: dict[str, list[NearMiss]] = {}
        self._by_key: dict[str, dict[str, Spelling]] = defaultdict(dict)
        self._lists: dict[str, set[str]] = defaultdict(set)  # key -> list ids naming it
        self._by_word: dict[str, list[str]] | None = None  # word -> keys holding it
        self._words: set[str] | None = None
        self._distinct = {frozenset((self.key(a), self.key(b))) for a, b in distinct}

    def key(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = person_key(name, self._nicknames)
        return key

    def add(self, name: str, place: Place, list_id: str) -> None:
        self.add_at(name, place.path, place.line, list_id)

    def add_at(self, name: str, path: str, line: int, list_id: str) -> None:
        """Count one listing of ``name`` (the hot path of building a corpus)."""
        spelling = clean_spelling(name)
        key = self.key(spelling)
        if not key:
            return
        spellings = self._by_key[key]
        entry = spellings.get(spelling)
        if entry is None:
            entry = spellings[spelling] = Spelling(spelling)
            self._by_word = self._words = None
            self._misses.clear()
        entry.count += 1
        if len(entry.places) < 20:
            entry.places.append(Place(path, line))
        entry.documents.add(path)
        self._lists[key].add(list_id)

    def __len__(self) -> int:
        return len(self._by_key)

    def prepare(self) -> None:
        """Build the look-up indexes now rather than on first use."""
        self._word_index()
        self.could_name(())

    def keys(self) -> Iterable[str]:
        return self._by_key.keys()

    def spellings_of_key(self, key: str) -> list[Spelling]:
        return sorted(self._by_key.get(key, {}).values(), key=lambda s: (-s.count, s.text))

    def spellings(self, name: str) -> list[Spelling]:
        """All spellings of the person ``name`` names, most used first."""
        found = self._by_key.get(self.key(name), {})
        return sorted(found.values(), key=lambda s: (-s.count, s.text))

    def knows(self, name: str) -> bool:
        return self.key(name) in self._by_key

    def listed_together(self, a: str, b: str) -> bool:
        return bool(self._lists.get(self.key(a), set()) & self._lists.get(self.key(b), set()))

    def confirmed_distinct(self, a: str, b: str) -> bool:
        return frozenset((self.key(a), self.key(b))) in self._distinct

    def could_name(self, words: tuple[str, ...]) -> bool:
        """Cheap filter: a near-miss shares all words but one with a known name."""
        if self._words is None:
            self._words = {w for key in self._by_key for w in key.split(" ")}
        return sum(w in self._words for w in words) >= len(words) - 1

    def near_misses(self, name: str) -> list[NearMiss]:
        """Known people whose name differs from ``name`` by one edit in one word."""
        found = self._misses.get(name)
        if found is None:
            found = self._misses[name] = self._near_misses(name)
        return found

    def _near_misses(self, name: str) -> list[NearMiss]:
        words = name_words(name)
        if len(words) < 2 or not self.could_name(words):
            return []
        key = self.key(name)
        # a near-miss differs in exactly one word, so it shares every other word exactly
        index = self._word_index()
        candidates: set[str] = set()
        for word in set(key.split(" ")):
            candidates.update(index.get(word, ()))
        candidates.discard(key)
        found = []
        for other in sorted(candidates):
            miss = self._compare(name, words, other)
            if miss is not None:
                found.append(miss)
        return found

    def _compare(self, name: str, words: tuple[str, ...], other_key: str) -> NearMiss | None:
        spellings = tuple(
            sorted(self._by_key[other_key].values(), key=lambda s: (-s.count, s.text))
        )
        other_words = name_words(spellings[0].text)
        diff = _single_difference(words, other_words)
        if diff is None:
            return None
        index, mine, theirs = diff
        from rapidfuzz.distance import OSA  # imported when a candidate needs it

        if min(len(mine), len(theirs)) < _MIN_WORD or OSA.distance(mine, theirs) > 1:
            return None
        if self.confirmed_distinct(name, spellings[0].text):
            return None
        part = "given" if index == 0 else "surname" if index == len(words) - 1 else "middle"
        if part != "surname" and self.knows(name) and self.listed_together(name, spellings[0].text):
            return None  # listed together: two people who share a family name
        if part == "given" and self.knows(name):
            mine_count = sum(s.count for s in self.spellings(name))
            if mine_count >= _COMMON and sum(s.count for s in spellings) >= _COMMON:
                return None
        return NearMiss(other_key, spellings, part, mine, theirs)

    def _word_index(self) -> dict[str, list[str]]:
        if self._by_word is None:
            index: dict[str, list[str]] = defaultdict(list)
            for key in self._by_key:
                for word in set(key.split(" ")):
                    index[word].append(key)
            self._by_word = index
        return self._by_word


def _single_difference(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, str, str] | None:
    """The one word in which ``a`` and ``b`` differ (as written, or with two words swapped)."""
    if len(a) != len(b):
        return None
    for candidate in (b, tuple(reversed(b))) if len(b) == 2 else (b,):
        diffs = [i for i, (x, y) in enumerate(zip(a, candidate, strict=False)) if x != y]
        if len(diffs) == 1:
            i = diffs[0]
            return i, a[i], candidate[i]
    return None


class Mention(NamedTuple):
    """A run of capitalised words in prose that may be a person's name."""

    start: int
    end: int
    text: str


# a run of two or more words that do not start with an ASCII lower-case letter; the
# first letters are then checked with str.isupper (non-ASCII letters of either case match)
_WORD_RE = r"[^\W\d_a-z][^\W_]*(?:['’\-][^\W\d_][^\W_]*)*"
_RUN = re.compile(rf"(?<![\w'’\-]){_WORD_RE}(?: {_WORD_RE})+")


def find_mentions(text: str, spans: Iterable[tuple[int, int]]) -> list[Mention]:
    """Two- and three-word windows of capitalised words ("Clint Wilson") in ``spans``."""
    out: list[Mention] = []
    for start, end in spans:
        for run in _RUN.finditer(text, start, end):
            words: list[tuple[int, int]] = []
            pos = run.start()
            for word in run.group().split(" "):
                if word[0].isupper():
                    words.append((pos, pos + len(word)))
                else:
                    _windows(text, words, out)
                    words = []
                pos += len(word) + 1
            _windows(text, words, out)
    return out


def _windows(text: str, run: list[tuple[int, int]], out: list[Mention]) -> None:
    for size in (2, 3):
        for i in range(len(run) - size + 1):
            s, e = run[i][0], run[i + size - 1][1]
            if text[e - 2 : e] in _POSSESSIVE:  # "Wendy Brown’s" names Wendy Brown
                e -= 2
            out.append(Mention(s, e, text[s:e]))


_POSSESSIVE = ("'s", "’s")
