"""An acronym one letter away from an acronym the minutes use all the time.

## What it does
Counts the all-caps words of the prose in every document of the corpus.
An all-caps word of four letters or more that appears at most twice in
the corpus is reported when one edit (a changed, added or dropped letter)
turns it into an acronym used at least ten times and at least five times
as often: "EXWC" among dozens of "EXWG".  Acronyms shorter than four
letters are never compared (one letter is too much of them), a word that
only adds a letter at either end of the frequent acronym or makes it
plural is taken for a different term ("EXWGS", "XEXWG"), and a word that
the document also writes in lower case is taken for an ordinary word
written in capitals for emphasis.  List acronyms that are right in
``ignore``.

## Why is this bad?
Working-group and document acronyms are how minutes are searched and
cross-referenced.  A mistyped one hides the passage from anyone searching
for the group or document, and readers wonder whether a new body exists.

## Example
```markdown
The EXWC also intends to define the rules for identity validation.
```
in a corpus where "EXWG" appears forty times and "EXWC" nowhere else.

## Use instead
```markdown
The EXWG also intends to define the rules for identity validation.
```

## Fix safety
Unsafe: a rare acronym can be a real, different name (a new subcommittee,
an outside standard) that happens to be one letter away from a common one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from minutes_lint.corpus import Corpus
from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import fact
from minutes_lint.registry import RuleContext

CODE = "TX002"
NAME = "acronym-near-miss"
SUMMARY = "Rare acronym one letter away from a frequent one"
SEVERITY = Severity.WARNING
SCOPE = "corpus"
FIX = "unsafe"
OPTIONS: dict[str, object] = {"ignore": []}

MIN_LENGTH = 4
MAX_RARE = 2  # uses in the corpus of a word that may be a typo
MIN_FREQUENT = 10  # uses in the corpus of the acronym it may stand for
MIN_RATIO = 5
ACRONYM = re.compile(r"\b[A-Z]{3,8}\b")


@fact("TX002.acronyms", version=1)
def acronyms(doc: Document) -> dict[str, int]:
    """How often each all-caps word is written in the document's prose."""
    found: Counter[str] = Counter()
    for start, end in doc.prose_spans:
        found.update(ACRONYM.findall(doc.text, start, end))
    return dict(found)


FACTS = (acronyms,)


def _counts(corpus: Corpus) -> Counter[str]:
    def build() -> Counter[str]:
        total: Counter[str] = Counter()
        for found in corpus.facts(acronyms).values():
            total.update(found)
        return total

    return corpus.memo(f"{CODE}.counts", build)


@dataclass(frozen=True)
class _Index:
    """Frequent acronyms by their one-deletion variants (and themselves)."""

    variants: dict[str, frozenset[str]]

    def neighbours(self, word: str) -> set[str]:
        """Frequent acronyms one edit away from ``word`` (candidates, then checked)."""
        keys = {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}
        found: set[str] = set()
        for key in keys:
            found |= self.variants.get(key, frozenset())
        return {f for f in found if f != word and _distance(word, f) == 1}


def _index(corpus: Corpus) -> _Index:
    """The index of ``corpus``'s frequent acronyms, built once per corpus."""
    return corpus.memo(f"{__name__}.index", lambda: _build_index(corpus))


def _build_index(corpus: Corpus) -> _Index:
    variants: dict[str, set[str]] = {}
    for word, count in _counts(corpus).items():
        if count < MIN_FREQUENT or len(word) < MIN_LENGTH:
            continue
        variants.setdefault(word, set()).add(word)
        for i in range(len(word)):
            variants.setdefault(word[:i] + word[i + 1 :], set()).add(word)
    return _Index({k: frozenset(v) for k, v in variants.items()})


def _different_term(word: str, frequent: str) -> bool:
    """True when ``word`` extends ``frequent`` at either end: a plural or a longer acronym."""
    return len(word) == len(frequent) + 1 and (word.startswith(frequent) or word.endswith(frequent))


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    corpus = ctx.corpus
    if corpus is None:
        return
    ignore = {str(w) for w in ctx.options["ignore"]}
    text = doc.text
    found: dict[str, list[tuple[int, int]]] = {}
    for start, end in doc.prose_spans:
        for m in ACRONYM.finditer(text, start, end):
            if len(m.group()) >= MIN_LENGTH:
                found.setdefault(m.group(), []).append((m.start(), m.end()))
    if not found:
        return
    counts = _counts(corpus)
    own: Counter[str] = Counter()
    if doc.path not in corpus:  # a document outside the corpus counts itself
        own = Counter({word: len(places) for word, places in found.items()})
    index = _index(corpus)
    for word, places in found.items():
        uses = counts[word] + own[word]
        if uses > MAX_RARE or word in ignore:
            continue
        best = _best(word, uses, index, counts)
        if best is None or _written_in_lower_case(text, word):
            continue
        frequent, ties = best
        for start, end in places:
            yield _problem(start, end, word, uses, frequent, counts[frequent], ties)


def _best(word: str, uses: int, index: _Index, counts: Counter[str]) -> tuple[str, bool] | None:
    """The most frequent qualifying neighbour and whether another one is as frequent."""
    candidates = sorted(
        (
            f
            for f in index.neighbours(word)
            if counts[f] >= MIN_RATIO * uses and not _different_term(word, f)
        ),
        key=lambda f: (-counts[f], f),
    )
    if not candidates:
        return None
    ties = len(candidates) > 1 and counts[candidates[1]] == counts[candidates[0]]
    return candidates[0], ties


def _written_in_lower_case(text: str, word: str) -> bool:
    """True when ``word`` also appears in lower case in the document: an ordinary word."""
    needle = word.lower()
    pos = text.find(needle)
    while pos >= 0:
        end = pos + len(needle)
        if (pos == 0 or not text[pos - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            return True
        pos = text.find(needle, pos + 1)
    return False


def _problem(
    start: int, end: int, word: str, uses: int, frequent: str, count: int, ties: bool
) -> Problem:
    times = "once" if uses == 1 else f"{uses} times"
    fix = None
    if not ties:
        fix = Fix.replace(start, end, frequent, f"Write “{frequent}”", Applicability.UNSAFE)
    return Problem(
        start,
        end,
        f"“{word}” appears {times} in the corpus; did you mean “{frequent}” (used {count} times)?",
        fix,
    )


def _distance(a: str, b: str) -> int:
    from rapidfuzz.distance import Levenshtein  # imported on the first candidate pair

    return int(Levenshtein.distance(a, b, score_cutoff=1))
