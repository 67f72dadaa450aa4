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

Distances are Damerau distances (optimal string alignment: a transposition,
"Wagenr" for "Wagner", counts one edit).  Two edits are allowed in a long
word that the corpus holds in one name only when the organisation agrees
too.  An initial ("J. Smith") matches a full given name ("John Smith") only
when the family name and the organisation agree.  Spellings that differ in
dots, hyphens or spaces inside a word ("Anne-Marie", "AnneMarie", "Anne
Marie"; "J.P.", "JP") share a person through their *compact* forms.

The canonical spelling of a person is chosen by evidence (:func:`rank_key`):
diacritics over the same letters without them, proper case over ALL CAPS or
all lower case, then how many distinct documents write it (identical copies
of one document count once), then how often.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from minutes_lint.lazy_re import lazy_compile

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i"})
# German umlauts and sharp s, written without the special letters
_TRANSLITERATE = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
_MIN_WORD = 4  # shorter words (Ben/Jen, Tim/Kim) are never near-misses
_LONG_WORD = 8  # a word this long and rare may carry two edits when all else agrees
_COMMON = 3  # a spelling seen this often is a name in its own right
_LEGAL = frozenset(
    [
        "inc",
        "incorporated",
        "llc",
        "ltd",
        "limited",
        "gmbh",
        "ag",
        "plc",
        "corp",
        "corporation",
        "sa",
        "sas",
        "srl",
        "spa",
        "bv",
        "nv",
        "oy",
        "ab",
        "kk",
        "pty",
        "pte",
        "llp",
        "sarl",
    ]
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-fold and strip diacritics: "Iñigo" -> "inigo", "INABA" -> "inaba"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def transliterated(name: str) -> str:
    """A person key that also equates the German transliterations: "Müller" = "Mueller"."""
    return person_key(name.translate(_TRANSLITERATE))


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
def compact_forms(name: str) -> tuple[str, ...]:
    """The name's folded letters without separators, as written and with the first or last
    word moved round (name order): "Anne-Marie Smith" and "AnneMarie Smith" share
    "annemariesmith", "J.P. Smith" and "JP Smith" share "jpsmith"."""
    words = name_words(name)
    if not words:
        return ()
    forms = ["".join(words)]
    if len(words) > 1:
        forms.append("".join(words[1:] + words[:1]))
        forms.append("".join(words[-1:] + words[:-1]))
    return tuple(dict.fromkeys(forms))


def same_person(a: str, b: str) -> bool:
    """Whether two spellings name one person by key or by compact form."""
    return person_key(a) == person_key(b) or compact_forms(a)[0] in compact_forms(b)


@lru_cache(maxsize=65536)
def org_key(org: str) -> str:
    """A key equal for "D-TRUST", "D-Trust" and "Dtrust", "ACAB’c" and "ACAB'c", or
    "Acme Inc.", "Acme, Inc" and "Acme Incorporated" (legal suffixes are dropped)."""
    words = list(name_words(org))
    while len(words) > 1 and words[-1] in _LEGAL:
        words.pop()
    return "".join(words)


def damerau(a: str, b: str) -> int:
    """Edits between two words, a transposition of neighbours counting one."""
    from rapidfuzz.distance import OSA  # imported when a candidate needs it

    return int(OSA.distance(a, b))


def has_diacritics(text: str) -> bool:
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFKD", text)) or any(
        c in text for c in "łŁøØđĐı"
    )


def loses_diacritics(old: str, new: str) -> bool:
    """Whether writing ``new`` for ``old`` strips accents from letters it keeps."""
    if not has_diacritics(old):
        return False
    kept = {w for w in _WORD.findall(new)}
    for word in _WORD.findall(old):
        if has_diacritics(word) and word not in kept:
            plain = fold(word)
            if any(fold(w) == plain and not has_diacritics(w) for w in kept):
                return True
            if not any(has_diacritics(w) for w in kept):
                return True
    return False


def case_penalty(text: str) -> int:
    """How many words of ``text`` are written ALL CAPS or all lower case (particles aside)."""
    bad = 0
    for word in _WORD.findall(text):
        letters = [c for c in word if c.isalpha()]
        if len(letters) < 3 or fold(word) in PARTICLES:
            continue
        if word.isupper() or word.islower():
            bad += 1
    return bad


def rank_key(spelling: Spelling) -> tuple[int, int, int, int, str]:
    """Sort key of a person's spellings, best first: diacritics, proper case, distinct
    documents (identical copies once), uses."""
    return (
        0 if has_diacritics(spelling.text) else 1,
        case_penalty(spelling.text),
        -len(spelling.copies or spelling.documents),
        -spelling.count,
        spelling.text,
    )


def ranked(spellings: Iterable[Spelling]) -> list[Spelling]:
    """``spellings`` best first (see :func:`rank_key`)."""
    return sorted(spellings, key=rank_key)


def same_rank(a: Spelling, b: Spelling) -> bool:
    """Whether the evidence cannot choose between two spellings (a tie)."""
    return rank_key(a)[:4] == rank_key(b)[:4]


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
    copies: set[str] = field(default_factory=set)  # document contents: identical copies once
    orgs: set[str] = field(default_factory=set)  # organisation keys listed with it


@dataclass(frozen=True)
class NearMiss:
    """A known name one edit away from the name looked up."""

    key: str
    spellings: tuple[Spelling, ...]  # of the known person, most used first
    part: str  # "given", "surname" or "middle": the word that differs
    word: str  # the differing word of the name looked up
    other_word: str  # and of the known name
    edits: int = 1  # Damerau distance between the two words (0 for an initial)

    @property
    def count(self) -> int:
        return sum(s.count for s in self.spellings)

    @property
    def copies(self) -> int:
        """Distinct documents listing the known person (identical copies once)."""
        return len({c for s in self.spellings for c in (s.copies or s.documents)})


class PeopleIndex:
    """Every spelling of every person seen in attendee lists, indexed for look-up."""

    def __init__(
        self, distinct: Iterable[tuple[str, str]] = (), nicknames: Mapping[str, str] | None = None
    ) -> None:
        self._nicknames = dict(nicknames or {})
        self._keys: dict[str, str] = {}
        self._compact: dict[str, str] = {}  # compact form -> key
        self._misses: dict[tuple[str, str], list[NearMiss]] = {}
        self._by_key: dict[str, dict[str, Spelling]] = defaultdict(dict)
        self._lists: dict[str, set[str]] = defaultdict(set)  # key -> list ids naming it
        self._by_word: dict[str, list[str]] | None = None  # word -> keys holding it
        self._words: set[str] | None = None
        self._distinct = {
            frozenset((person_key(a, nicknames), person_key(b, nicknames))) for a, b in distinct
        }

    def key(self, name: str) -> str:
        """The person key of ``name``; a spelling that differs from a known person only in
        dots, hyphens or spaces inside a word gets that person's key."""
        key = self._keys.get(name)
        if key is not None:
            return key
        key = person_key(name, self._nicknames)
        if key in self._by_key or not key:
            return key
        for form in compact_forms(name):
            known = self._compact.get(form)
            if known is not None:
                return known
        return key

    def add(self, name: str, place: Place, list_id: str) -> None:
        self.add_at(name, place.path, place.line, list_id)

    def add_at(
        self,
        name: str,
        path: str,
        line: int,
        list_id: str,
        org: str | None = None,
        copy: str | None = None,
    ) -> None:
        """Count one listing of ``name`` (the hot path of building a corpus)."""
        spelling = clean_spelling(name)
        key = self.key(spelling)
        if not key:
            return
        self._keys[spelling] = key
        spellings = self._by_key[key]
        entry = spellings.get(spelling)
        if entry is None:
            entry = spellings[spelling] = Spelling(spelling)
            self._by_word = self._words = None
            self._misses.clear()
            for form in compact_forms(spelling):
                self._compact.setdefault(form, key)
        entry.count += 1
        if len(entry.places) < 20:
            entry.places.append(Place(path, line))
        entry.documents.add(path)
        entry.copies.add(copy or path)
        if org:
            entry.orgs.add(org_key(org))
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

    def canonical(self, name: str) -> Spelling | None:
        """The best-evidenced spelling of the person ``name`` names (see :func:`rank_key`)."""
        found = self._by_key.get(self.key(name))
        return ranked(found.values())[0] if found else None

    def orgs(self, name: str) -> set[str]:
        """Organisation keys the person ``name`` names is listed with."""
        return {o for s in self._by_key.get(self.key(name), {}).values() for o in s.orgs}

    def copies(self, name: str) -> int:
        """In how many distinct documents (identical copies once) the person is listed."""
        return len({c for s in self._by_key.get(self.key(name), {}).values() for c in s.copies})

    def knows(self, name: str) -> bool:
        return self.key(name) in self._by_key

    def knows_word(self, word: str) -> bool:
        """Whether some listed name holds the (folded) word."""
        if self._words is None:
            self._words = {w for key in self._by_key for w in key.split(" ")}
        return word in self._words

    def listed_together(self, a: str, b: str) -> bool:
        return bool(self._lists.get(self.key(a), set()) & self._lists.get(self.key(b), set()))

    def confirmed_distinct(self, a: str, b: str) -> bool:
        return frozenset((self.key(a), self.key(b))) in self._distinct

    def could_name(self, words: tuple[str, ...]) -> bool:
        """Cheap filter: a near-miss shares all words but one with a known name."""
        if self._words is None:
            self._words = {w for key in self._by_key for w in key.split(" ")}
        return sum(w in self._words for w in words) >= len(words) - 1

    def near_misses(self, name: str, org: str | None = None) -> list[NearMiss]:
        """Known people whose name differs from ``name`` in one word: one edit, two in a long
        rare word, or an initial for a given name; the last two only when ``org`` (the
        organisation ``name`` is listed with) agrees with the known person's."""
        org = org_key(org) if org else ""
        found = self._misses.get((name, org))
        if found is None:
            found = self._misses[(name, org)] = self._near_misses(name, org)
        return found

    def _near_misses(self, name: str, org: str) -> list[NearMiss]:
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
            miss = self._compare(name, words, other, org)
            if miss is not None:
                found.append(miss)
        return found

    def _compare(
        self, name: str, words: tuple[str, ...], other_key: str, org: str
    ) -> NearMiss | None:
        spellings = tuple(ranked(self._by_key[other_key].values()))
        other_words = name_words(spellings[0].text)
        diff = _single_difference(words, other_words)
        if diff is None:
            return None
        index, mine, theirs = diff
        if transliterated(name) == transliterated(spellings[0].text):
            return None  # "Müller" and "Mueller": one name, transliterated, not a typo
        part = "given" if index == 0 else "surname" if index == len(words) - 1 else "middle"
        same_org = bool(org) and any(org in s.orgs for s in spellings)
        edits = self._edits(mine, theirs, part, same_org)
        if edits is None:
            return None
        if self.confirmed_distinct(name, spellings[0].text):
            return None
        if part != "surname" and self.knows(name) and self.listed_together(name, spellings[0].text):
            return None  # listed together: two people who share a family name
        if part == "given" and self.knows(name) and edits:
            mine_count = sum(s.count for s in self.spellings(name))
            if mine_count >= _COMMON and sum(s.count for s in spellings) >= _COMMON:
                return None
        return NearMiss(other_key, spellings, part, mine, theirs, edits)

    def _edits(self, mine: str, theirs: str, part: str, same_org: bool) -> int | None:
        """The edits that make ``mine`` a near-miss of ``theirs``, or None."""
        if part == "given" and same_org and min(len(mine), len(theirs)) == 1:
            short, full = sorted((mine, theirs), key=len)
            return 0 if len(full) > 1 and full.startswith(short) else None
        if min(len(mine), len(theirs)) < _MIN_WORD:
            return None
        edits = damerau(mine, theirs)
        if edits <= 1:
            return edits
        if edits == 2 and same_org and min(len(mine), len(theirs)) >= _LONG_WORD:
            index = self._word_index()
            rare = len(index.get(theirs, ())) <= 2 and len(index.get(mine, ())) <= 1
            return edits if rare else None
        return None

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


PARTICLES = frozenset(
    [
        "de",
        "da",
        "di",
        "do",
        "du",
        "del",
        "della",
        "der",
        "den",
        "des",
        "dos",
        "la",
        "le",
        "van",
        "von",
        "vom",
        "zum",
        "zur",
        "das",
        "dei",
        "degli",
        "het",
        "ter",
        "ten",
        "af",
        "al",
        "el",
        "bin",
        "ibn",
        "zu",
        "y",
    ]
)
# a run of two or more words that do not start with an ASCII lower-case letter, name
# particles ("de", "van der") allowed between them; the first letters are then checked with
# str.isupper (non-ASCII letters of either case match)
_WORD_RE = r"[^\W\d_a-z][^\W_]*(?:['’\-][^\W\d_][^\W_]*)*"
_PARTICLE_RE = "|".join(sorted(PARTICLES, key=len, reverse=True))
_RUN = lazy_compile(rf"(?<![\w'’\-]){_WORD_RE}(?: (?:(?:{_PARTICLE_RE}) )*{_WORD_RE})+")


def find_mentions(text: str, spans: Iterable[tuple[int, int]]) -> list[Mention]:
    """Two- to four-word windows of capitalised words ("Clint Wilson", "Pieter de Vries")
    in ``spans``; particles belong to the word after them and are not counted."""
    out: list[Mention] = []
    for start, end in spans:
        for run in _RUN.finditer(text, start, end):
            words: list[tuple[int, int]] = []
            pos = run.start()
            particle: int | None = None
            for word in run.group().split(" "):
                if word in PARTICLES:
                    particle = pos if particle is None else particle
                elif word[0].isupper():
                    words.append(
                        (pos if particle is None or not words else particle, pos + len(word))
                    )
                    particle = None
                else:
                    _windows(text, words, out)
                    words, particle = [], None
                pos += len(word) + 1
            _windows(text, words, out)
    return out


def _windows(text: str, run: list[tuple[int, int]], out: list[Mention]) -> None:
    for size in (2, 3, 4):
        for i in range(len(run) - size + 1):
            s, e = run[i][0], run[i + size - 1][1]
            if text[e - 2 : e] in _POSSESSIVE:  # "Wendy Brown’s" names Wendy Brown
                e -= 2
            out.append(Mention(s, e, text[s:e]))


_POSSESSIVE = ("'s", "’s")
SPEECH_VERBS = (
    "said|says|noted|notes|asked|asks|added|adds|answered|replied|responded|suggested|"
    "proposed|explained|stated|mentioned|agreed|disagreed|commented|clarified|reported|"
    "presented|raised|wondered|pointed|thought|thinks|questioned|objected|confirmed|"
    "summarized|summarised|volunteered|moved|seconded"
)
_SPEAKER = lazy_compile(
    rf"(?<![\w'’\-.])(?P<name>[A-Z][^\W\d_]{{3,}})(?:’s|'s)?[ \t]+(?:{SPEECH_VERBS})\b"
)


def find_speakers(text: str, spans: Iterable[tuple[int, int]]) -> list[Mention]:
    """Lone capitalised words before a speech verb ("Stephen noted"): given names in prose."""
    out: list[Mention] = []
    for start, end in spans:
        for m in _SPEAKER.finditer(text, start, end):
            out.append(Mention(m.start("name"), m.end("name"), m.group("name")))
    return out
