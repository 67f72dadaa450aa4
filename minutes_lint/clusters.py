"""Clusters of spellings that probably name one person or one organisation.

A cluster joins spellings that share a key (case, diacritics, word order,
dots, hyphens and spaces inside a word) and names one edit apart (through
the people index's near-miss look-up, with its guards; a transposition
counts one edit).  Finding them costs one look-up per distinct name.  The
canonical spelling of a cluster of people is the best-evidenced one
(:func:`minutes_lint.names.rank_key`: diacritics, proper case, distinct
documents, uses).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from minutes_lint.corpus import Corpus, OrgSpellings
from minutes_lint.names import Spelling, damerau, fold, ranked


@dataclass
class Cluster:
    spellings: list[Spelling]  # most used first: the first is the majority spelling

    @property
    def canonical(self) -> Spelling:
        return self.spellings[0]

    @property
    def tie(self) -> bool:
        return len(self.spellings) > 1 and self.spellings[0].count == self.spellings[1].count

    @property
    def uses(self) -> int:
        return sum(s.count for s in self.spellings)


def _ranked(spellings: list[Spelling]) -> list[Spelling]:
    return sorted(spellings, key=lambda s: (-s.count, s.text))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def people_clusters(corpus: Corpus) -> list[Cluster]:
    people = corpus.people
    groups = _UnionFind()
    for key in list(people.keys()):
        groups.find(key)
        top = people.spellings_of_key(key)[0]
        for miss in people.near_misses(top.text):
            groups.union(key, miss.key)
    members: dict[str, list[Spelling]] = {}
    for key in people.keys():  # noqa: SIM118 (PeopleIndex is not a dict)
        members.setdefault(groups.find(key), []).extend(people.spellings_of_key(key))
    found = [Cluster(ranked(s)) for s in members.values() if len(s) > 1]
    return sorted(found, key=lambda c: (-c.uses, c.canonical.text))


def organisation_clusters(corpus: Corpus, min_ratio: float = 92.0) -> list[Cluster]:
    """Organisations written several ways: same key, or near-misses of similar length."""
    orgs = corpus.organisations
    groups = _UnionFind()
    by_initial: dict[str, list[OrgSpellings]] = {}
    for key, group in orgs.items():
        groups.find(key)
        by_initial.setdefault(key[:2], []).append(group)
    for bucket in by_initial.values():  # compare only names that start alike
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 :]:
                if min(len(a.key), len(b.key)) < 8 or abs(len(a.key) - len(b.key)) > 2:
                    continue
                if fuzz.ratio(a.key, b.key) >= min_ratio or damerau(a.key, b.key) == 1:
                    groups.union(a.key, b.key)
    members: dict[str, list[Spelling]] = {}
    for key, group in orgs.items():
        members.setdefault(groups.find(key), []).extend(group.spellings.values())
    found = [Cluster(_ranked(s)) for s in members.values() if len(s) > 1]
    return sorted(found, key=lambda c: (-c.uses, fold(c.canonical.text)))
