"""An acronym one letter away from an acronym the minutes use all the time.

## What it does
Counts the all-caps words of the prose in every document of the corpus.  An
all-caps word of four letters or more is reported when it is rare (used in one
or two documents and at most twice, or at most once per 500 documents of a large
corpus) and one edit (two adjacent letters swapped, a letter changed, added or
dropped) turns it into an acronym that is frequent (used at least ten times, in
at least three documents or 1% of them, and five times as often): "EXWC" or
"EWXG" among dozens of "EXWG".  Guards keep real acronyms apart:

- acronyms shorter than four letters are never compared (one letter is too much
  of them); near a four-letter acronym only a swap of two adjacent letters or a
  letter changed for its neighbour on the keyboard counts ("EWXG" or "EXWF" for
  "EXWG", not "EXWC"), since any other letter often makes another real acronym;
- an acronym the corpus uses in three documents or more is a term of its own;
- an acronym the document writes out ("Quality Trust Issuance Service (QTIS)":
  capitalised words whose initials spell it) is a term of its own;
- an English word in capitals ("REST", "NEST") or a word the document also
  writes in lower case is emphasis, not an acronym;
- a word that only adds a letter at either end of the frequent acronym or makes
  it plural is a different term ("EXWGS", "XEXWG").

Mixed-case acronyms ("eIDAS", "PKIs") are learned with the other mixed-case
terms by TX004.  List acronyms that are right in ``ignore``.

## Why is this bad?
Working-group and document acronyms are how minutes are searched and
cross-referenced.  A mistyped one hides the passage from anyone searching
for the group or document, and readers wonder whether a new body exists.

## Example
```markdown
The EWXG also intends to define the rules for identity validation.
```
in a corpus where "EXWG" appears forty times and "EWXG" nowhere else.

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
from minutes_lint.words import distance, english_words

CODE = "TX002"
NAME = "acronym-near-miss"
SUMMARY = "Rare acronym one letter away from a frequent one"
SEVERITY = Severity.WARNING
SCOPE = "corpus"
FIX = "unsafe"
OPTIONS: dict[str, object] = {"ignore": []}

MIN_LENGTH = 4
MAX_RARE = 2  # uses in the corpus of a word that may be a typo (more in a large corpus)
RARE_PER_DOCUMENTS = 500  # ... at most one use per this many documents
MAX_RARE_DOCUMENTS = 2  # documents using a word that may be a typo
MIN_FREQUENT = 10  # uses in the corpus of the acronym it may stand for
MIN_FREQUENT_DOCUMENTS = 3  # documents using it (or MIN_FREQUENT_SHARE of them)
MIN_FREQUENT_SHARE = 0.01
MIN_RATIO = 5
SHORT = 4  # acronyms this short only count swaps and neighbouring keys
_KEYBOARD = ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")
_STOP = frozenset({"of", "and", "for", "the", "on", "in", "to", "a", "an", "&"})
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
    """Frequent acronyms by their one-deletion variants (and themselves), and how many
    documents use each acronym."""

    variants: dict[str, frozenset[str]]
    documents: Counter[str]
    max_rare: int

    def neighbours(self, word: str) -> set[str]:
        """Frequent acronyms one edit away from ``word`` (candidates, then checked)."""
        keys = {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}
        found: set[str] = set()
        for key in keys:
            found |= self.variants.get(key, frozenset())
        return {f for f in found if f != word and distance(word, f) == 1}


def _index(corpus: Corpus) -> _Index:
    """The index of ``corpus``'s frequent acronyms, built once per corpus."""
    return corpus.memo(f"{__name__}.index", lambda: _build_index(corpus))


def _build_index(corpus: Corpus) -> _Index:
    documents: Counter[str] = Counter()
    for found in corpus.facts(acronyms).values():
        documents.update(found.keys())
    size = len(corpus)
    min_documents = max(MIN_FREQUENT_DOCUMENTS, round(MIN_FREQUENT_SHARE * size))
    variants: dict[str, set[str]] = {}
    for word, count in _counts(corpus).items():
        if count < MIN_FREQUENT or len(word) < MIN_LENGTH or documents[word] < min_documents:
            continue
        variants.setdefault(word, set()).add(word)
        for i in range(len(word)):
            variants.setdefault(word[:i] + word[i + 1 :], set()).add(word)
    max_rare = max(MAX_RARE, size // RARE_PER_DOCUMENTS)
    return _Index({k: frozenset(v) for k, v in variants.items()}, documents, max_rare)


def _different_term(word: str, frequent: str) -> bool:
    """True when ``word`` extends ``frequent`` at either end: a plural or a longer acronym."""
    return len(word) == len(frequent) + 1 and (word.startswith(frequent) or word.endswith(frequent))


def _typing_slip(word: str, frequent: str) -> bool:
    """For short acronyms: two adjacent letters swapped, or a letter changed for its
    neighbour on the keyboard.  Any other edit of four letters often makes another acronym."""
    if len(frequent) > SHORT:
        return True
    if len(word) != len(frequent):
        return False
    diff = [i for i in range(len(word)) if word[i] != frequent[i]]
    if len(diff) == 2:
        i, j = diff
        return j == i + 1 and word[i] == frequent[j] and word[j] == frequent[i]
    return len(diff) == 1 and _neighbours(word[diff[0]], frequent[diff[0]])


def _neighbours(a: str, b: str) -> bool:
    for row in _KEYBOARD:
        i, j = row.find(a), row.find(b)
        if i >= 0 and j >= 0 and abs(i - j) == 1:
            return True
    return False


def _written_out(text: str, spans: list[tuple[int, int]]) -> str:
    """Initials of the runs of capitalised words of the prose ("Quality Trust Issuance
    Service" gives "QTIS"), runs separated by spaces: an acronym found in it is defined."""
    initials: list[str] = []
    for start, end in spans:
        for word in _CAPITALISED.findall(text, start, end):
            if word.lower() in _STOP:
                continue
            initials.append(word[0] if word[:1].isupper() else " ")
        initials.append(" ")
    return "".join(initials)


_CAPITALISED = re.compile(r"[A-Za-z][a-z]+|&")


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
    defined: str | None = None
    for word, places in found.items():
        uses = counts[word] + own[word]
        if uses > index.max_rare or index.documents[word] > MAX_RARE_DOCUMENTS or word in ignore:
            continue
        best = _best(word, uses, index, counts)
        if best is None or _written_in_lower_case(text, word) or word.lower() in english_words():
            continue
        if defined is None:
            defined = _written_out(text, doc.prose_spans)
        if word in defined:
            continue  # the document spells it out: a term of its own
        frequent, ties = best
        for start, end in places:
            yield _problem(start, end, word, uses, frequent, counts[frequent], ties)


def _best(word: str, uses: int, index: _Index, counts: Counter[str]) -> tuple[str, bool] | None:
    """The most frequent qualifying neighbour and whether another one is as frequent."""
    candidates = sorted(
        (
            f
            for f in index.neighbours(word)
            if counts[f] >= MIN_RATIO * uses
            and not _different_term(word, f)
            and _typing_slip(word, f)
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
