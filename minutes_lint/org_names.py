"""Organisations of the corpus that a rare spelling probably means.

The organisations that attendee lists carry in several distinct documents are the
*frequent* ones; a spelling one edit away from such a name (a transposition counting
one edit), written in far fewer documents, is probably a typo of it ("Exmaple Trust"
for "Example Trust").  Keys drop case, punctuation and legal suffixes (see
:func:`minutes_lint.names.org_key`), so "Example Inc." and "Example" are one
organisation, never a near-miss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutes_lint.corpus import Corpus
from minutes_lint.names import damerau, name_words, org_key

MIN_KEY = 8  # shorter names are too easily another word or another organisation
_DIGITS = re.compile(r"\d+")
RATIO = 3  # the frequent spelling must be written in this many times more documents


@dataclass(frozen=True)
class FrequentOrg:
    key: str
    text: str  # its most used spelling
    documents: int  # distinct documents listing it


def org_documents(corpus: Corpus, key: str) -> int:
    """In how many documents attendee lists carry the organisation ``key``."""

    def build() -> dict[str, int]:
        return {
            k: len({d for s in group.spellings.values() for d in s.documents})
            for k, group in corpus.organisations.items()
        }

    return corpus.memo("org_names.documents", build).get(key, 0)


def frequent_organisations(corpus: Corpus, min_documents: int = 3) -> list[FrequentOrg]:
    """Organisations listed in at least ``min_documents`` documents, with long enough keys."""

    def build() -> list[FrequentOrg]:
        found = []
        for key, group in corpus.organisations.items():
            documents = len({d for s in group.spellings.values() for d in s.documents})
            if len(key) >= MIN_KEY and documents >= min_documents:
                found.append(FrequentOrg(key, group.ranked()[0].text, documents))
        return found

    return corpus.memo(f"org_names.frequent.{min_documents}", build)


def _by_length(corpus: Corpus, min_documents: int) -> dict[int, list[tuple[int, FrequentOrg]]]:
    """The frequent organisations, with their rank in :func:`frequent_organisations`, by the
    length of their key (a near-miss is one edit away, so its key is at most one character
    longer or shorter)."""

    def build() -> dict[int, list[tuple[int, FrequentOrg]]]:
        found: dict[int, list[tuple[int, FrequentOrg]]] = {}
        for rank, org in enumerate(frequent_organisations(corpus, min_documents)):
            found.setdefault(len(org.key), []).append((rank, org))
        return found

    return corpus.memo(f"org_names.frequent_by_length.{min_documents}", build)


def probable_organisation(
    corpus: Corpus, text: str, min_documents: int = 3, same_words: bool = True
) -> FrequentOrg | None:
    """The frequent organisation that ``text`` is probably a typo of, or None."""
    answers: dict[tuple[str, int, bool], FrequentOrg | None]
    answers = corpus.memo("org_names.probable", dict)
    wanted = (text, min_documents, same_words)
    if wanted not in answers:
        answers[wanted] = _probable_organisation(corpus, text, min_documents, same_words)
    return answers[wanted]


def _probable_organisation(
    corpus: Corpus, text: str, min_documents: int, same_words: bool
) -> FrequentOrg | None:
    key = org_key(text)
    if len(key) < MIN_KEY:
        return None
    mine = org_documents(corpus, key)
    if mine >= min_documents:
        return None  # a name in its own right
    words = len(name_words(text))
    best: FrequentOrg | None = None
    by_length = _by_length(corpus, min_documents)
    near = sorted(r for n in (len(key) - 1, len(key), len(key) + 1) for r in by_length.get(n, ()))
    for _rank, org in near:
        if org.key == key:
            continue
        if _DIGITS.findall(org.key) != _DIGITS.findall(key):  # "Example 1", "Example 2"
            continue
        if mine and org.documents < RATIO * mine:
            continue
        if same_words and len(name_words(org.text)) != words:
            continue
        if damerau(key, org.key) <= 1 and (best is None or org.documents > best.documents):
            best = org
    return best
