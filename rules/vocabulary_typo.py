"""A rare word one or two letters away from a word the minutes use all the time.

## What it does
Learns the vocabulary of the corpus: how many times the prose of every document
writes each word.  A word is reported when it is rare in the corpus (written at most
twice), is not in the English word list (the frequency dictionary shipped with
symspellpy: SCOWL words with Google Books counts), and one edit away (a letter
dropped, added, changed, or two adjacent letters swapped), or two edits for words of
eight letters or more, from a word the corpus writes at least five times and five
times as often, or one edit from a common English word.  camelCase and other
mixed-case terms are compared with the mixed-case terms of the corpus, letter case
included, so ``subjectAltNmae`` is caught because the corpus writes
``subjectAltName`` dozens of times.  The message says how often the corpus writes the
other form.

Never words: code, URLs, e-mail addresses, identifiers (letters touching digits,
underscores, slashes, dots), HTML tags and the front matter.  Never corrected: the
words of attendee names and organisations of the corpus; a capitalised word where
names stand (next to another capitalised word that is no English word, "Eleonora
Parisi", or as a speaker's label, "Marcel:"); a word whose suggestion is a name
the corpus writes capitalised (PN001 checks names); all-caps acronyms (TX002 checks
those); a known misspelling (TX001 fixes those); a plural or a derived form of a
known word made the way English makes them ("descriptives", "relinked"); the
American or British spelling of a listed word ("analyze", "labour"); a word alone
in a table cell (a handle, an id); a mixed-case term that differs from another in
a capital letter ("OpenSSH", "OpenSSF").  A capitalised word is only corrected to
a word the corpus writes capitalised too.  List words that are right in ``ignore``.

## Why is this bad?
A typo hides a passage from search ("reveiw" is not found by "review") and, in a
technical term, can change what the record says (``extendedKeyUsgae`` is no
extension at all).

## Example
```markdown
The group will reveiw the draft and the subjectAltNmae extension.
```

## Use instead
```markdown
The group will review the draft and the subjectAltName extension.
```

## Fix safety
Unsafe: a rare word can be right (a new product, a name, a foreign word) even when
it is one letter away from a common one.  Only TX001's known misspellings are fixed
safely.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from minutes_lint.corpus import Corpus
from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import attendees, fact
from minutes_lint.registry import RuleContext
from minutes_lint.words import (
    NearIndex,
    edits1,
    english_words,
    find_words,
    frequency,
    match_case,
    shape,
    vocabulary,
)

CODE = "TX004"
NAME = "vocabulary-typo"
SUMMARY = "Rare word one or two letters away from a common word"
SEVERITY = Severity.WARNING
SCOPE = "corpus"
FIX = "unsafe"
OPTIONS: dict[str, object] = {"ignore": []}

MIN_LENGTH = 5  # shorter words are never compared: one letter is too much of them
MAX_RARE = 2  # corpus uses of a word that may be a typo
MIN_FREQUENT = 5  # corpus uses of the word it may stand for
MIN_RATIO = 5  # ... and at least this many times as often
LONG = 9  # words this long may be two edits away
MIN_RATIO_FAR = 20  # a word two edits away is used at least this many times as often
COMMON_ENGLISH = 2_000_000  # Google Books count of an English word suggested from the list
# endings that make another form of a word, not a typo of it
_SUFFIXES = ("s", "es", "ed", "d", "ing", "er", "ers", "or", "ors", "ly", "al", "ally", "y", "ish")
_PREFIXES = ("un", "re", "pre", "non", "sub", "co", "de", "in", "dis", "over", "under", "multi")


@dataclass(frozen=True)
class _Vocabulary:
    """What the corpus writes: counts by lower-case word and by exact form, and names."""

    folded: Counter[str]  # lower-case word -> uses in the corpus
    forms: Counter[str]  # exact form -> uses in the corpus
    names: frozenset[str]  # lower-case words of attendee names and organisations
    people: frozenset[str]  # lower-case words of attendee names
    rare: frozenset[str]  # forms of words the corpus writes at most MAX_RARE times
    index: NearIndex  # frequent lower-case words
    mixed: NearIndex  # frequent mixed-case forms (camelCase), letter case kept


@fact("TX004.words", version=1)
def words(doc: Document) -> dict[str, int]:
    """How many times the prose of the document writes each word (exact case)."""
    return vocabulary(doc)


FACTS = (words, attendees)


def _vocabularies(corpus: Corpus) -> Mapping[str, Mapping[str, int]]:
    """Corpus path -> the words of every document of the corpus."""
    found: Mapping[str, Mapping[str, int]] = corpus.facts(words)
    return found


def _names(corpus: Corpus) -> tuple[frozenset[str], frozenset[str]]:
    """Lower-case words of the attendee names and organisations, and of the names alone."""
    people: set[str] = set()
    orgs: set[str] = set()
    for entries in corpus.facts(attendees).values():
        for name, org, *_rest in entries:
            people.add(name)
            orgs.add(org or "")
    person_words = {w.lower() for name in people for w in _split_name(name)}
    org_words = {w.lower() for org in orgs for w in _split_name(org)}
    return frozenset(person_words | org_words), frozenset(person_words)


def _split_name(text: str) -> list[str]:
    return _LETTERS.findall(text)


_LETTERS = re.compile(r"[^\W\d_]+")


def _vocabulary(corpus: Corpus) -> _Vocabulary:
    return corpus.memo(f"{__name__}.vocabulary", lambda: _build(corpus))


def _build(corpus: Corpus) -> _Vocabulary:
    forms: Counter[str] = Counter()
    for words in _vocabularies(corpus).values():
        forms.update(words)
    folded: Counter[str] = Counter()
    for form, count in forms.items():
        folded[form.lower()] += count
    english = english_words()
    frequent = [
        w
        for w, n in folded.items()
        if n >= MIN_FREQUENT and len(w) >= MIN_LENGTH - 1 and w.isalpha()
    ]
    mixed = [
        f for f, n in forms.items() if n >= MIN_FREQUENT and len(f) >= 6 and shape(f) == "mixed"
    ]
    names, people = _names(corpus)
    rare = frozenset(
        f
        for f, n in forms.items()
        if len(f) >= MIN_LENGTH
        and (n if shape(f) == "mixed" else folded[f.lower()]) <= MAX_RARE
        and f.lower() not in english
    )
    return _Vocabulary(
        folded,
        forms,
        names,
        people,
        rare,
        NearIndex(frequent, long=LONG, deep=lambda w: folded[w] >= MIN_RATIO_FAR),
        NearIndex(mixed, long=LONG),
    )


@dataclass(frozen=True)
class _Suggestion:
    word: str  # written with the case of the reported word
    count: int  # uses of the suggestion in the corpus
    english: bool  # the suggestion is a common English word


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    corpus = ctx.corpus
    if corpus is None:
        return
    vocab = _vocabulary(corpus)
    own = _vocabularies(corpus).get(corpus.key(doc.path))
    extra: Counter[str] = Counter()
    if own is None:  # a document outside the corpus counts itself
        own = vocabulary(doc)
        for form, n in own.items():
            extra[form.lower()] += n
    names = vocab.names | {w.lower() for e in doc.attendees for w in _split_name(e.name or "")}
    ignore = {str(w).lower() for w in ctx.options["ignore"]}
    suspects: dict[str, tuple[_Suggestion, int]] = {}
    for form in own.keys() & vocab.rare if not extra else own:
        low = form.lower()
        if len(form) < MIN_LENGTH or low in names or low in ignore:
            continue
        if shape(form) == "mixed":  # camelCase terms are counted letter case included
            uses = vocab.forms[form] + (own[form] if extra else 0)
        else:
            uses = vocab.folded[low] + extra[low]
        if uses > MAX_RARE:
            continue
        suggestion = _suggest(form, uses, vocab, names)
        if suggestion is not None:
            suspects[form] = (suggestion, uses)
    if not suspects:
        return
    for start, end, word in sorted(find_words(doc, suspects)):
        if shape(word) == "title" and _looks_like_a_name(doc.text, start, end):
            continue
        if _table_cell(doc.text, start, end):
            continue
        suggestion, uses = suspects[word]
        yield _problem(start, end, word, uses, suggestion)


def _suggest(form: str, uses: int, vocab: _Vocabulary, names: frozenset[str]) -> _Suggestion | None:
    kind = shape(form)
    if kind == "upper":
        return None  # acronyms: TX002
    low = form.lower()
    english = english_words()
    if (
        low in english
        or _known_misspelling(low)
        or _derived(low, english, vocab.folded)
        or _variant_spelling(low, english)
    ):
        return None
    if kind == "mixed":
        near = vocab.mixed.near(form, 2 if len(form) >= LONG else 1)
        best = _best(
            {
                f: d
                for f, d in near.items()
                if vocab.forms[f] >= MIN_RATIO * uses
                and not _other_form(form, f, d)
                and not _capital_changed(form, f)
                and form[1:] != f[1:]  # "CommonName" opening a sentence is "commonName"
            },
            vocab.forms,
        )
        return None if best is None else _Suggestion(best, vocab.forms[best], False)
    near = vocab.index.near(low, 2 if len(low) >= LONG else 1)
    threshold = {1: max(MIN_FREQUENT, MIN_RATIO * uses), 2: max(MIN_FREQUENT, MIN_RATIO_FAR * uses)}
    references = {
        w: d
        for w, d in near.items()
        if vocab.folded[w] >= threshold[d] and not _other_form(low, w, d)
    }
    if not references and kind == "lower":  # a common English word the corpus writes too
        references = {
            w: 1
            for w in edits1(low)
            if vocab.folded[w] and frequency(w) >= COMMON_ENGLISH and not _other_form(low, w, 1)
        }
    best = _best(references, vocab.folded)
    if best is None:
        return None
    name = best in names and (best in vocab.people or best not in english)
    if name and _capitalised(best, vocab.forms):
        return None  # a variant of a name: PN001's business
    if kind == "title" and (
        references[best] > 1 or vocab.forms[match_case(form, best)] < MIN_FREQUENT
    ):
        return None  # a capitalised word is a name more often than not, unless the corpus
        # writes the other form capitalised too
    return _Suggestion(match_case(form, best), vocab.folded[best], best in english)


def _capital_changed(word: str, other: str) -> bool:
    """True when two mixed-case terms differ in a capital of a run of capitals ("OpenSSH",
    "OpenSSF"): another letter of an acronym makes another name, not a typo."""
    if len(word) != len(other):
        return False
    for i, (a, b) in enumerate(zip(word, other, strict=True)):
        if a != b and a.isupper() and b.isupper():
            run = (i > 0 and word[i - 1].isupper()) or (i + 1 < len(word) and word[i + 1].isupper())
            if run:
                return True
    return False


def _capitalised(word: str, forms: Counter[str]) -> bool:
    """True when the corpus writes ``word`` capitalised at least as often as in lower case:
    a name ("Kelly"), not an ordinary word that an attendee list happens to hold."""
    return forms[word[:1].upper() + word[1:]] + forms[word.upper()] >= forms[word]


def _best(near: Mapping[str, int], counts: Counter[str]) -> str | None:
    """The nearest, then most frequent, candidate."""
    if not near:
        return None
    return min(near, key=lambda w: (near[w], -counts[w], w))


def _other_form(word: str, other: str, distance: int) -> bool:
    """True when ``word`` is more likely another word than a typo of ``other``: one is the
    other plus an ending (a plural, a tense: "shalls", "implementor"), ``word`` is ``other``
    with a letter put in front (a prefix of jargon: "iframe", "pthreads"), or, two edits
    away, the two differ only in their ending ("transformative", "transformation")."""
    short, long = sorted((word, other), key=len)
    if long.startswith(short) and long[len(short) :] in _SUFFIXES:
        return True
    if word[1:] == other:
        return True
    prefix = 0
    while prefix < len(short) and word[prefix] == other[prefix]:
        prefix += 1
    return distance > 1 and prefix >= len(short) - 3


def _derived(word: str, english: Mapping[str, str], folded: Counter[str]) -> bool:
    """True when ``word`` is a known word with an ending or a prefix added the way English
    adds them ("shalls", "descriptives", "relinked"; not "mintes" or "genreal")."""

    def known(stem: str) -> bool:
        return len(stem) >= 3 and (stem in english or folded[stem] >= MIN_FREQUENT)

    for suffix in _SUFFIXES:
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        if known(stem) and _adds(stem, suffix):
            return True
        if suffix in _DROPS_E and (
            known(stem + "e") or (len(stem) > 3 and stem[-1] == stem[-2] and known(stem[:-1]))
        ):
            return True
    return any(word.startswith(p) and known(word[len(p) :]) for p in _PREFIXES)


_DROPS_E = ("ed", "ing", "er", "ers", "or", "ors", "y", "ish", "al", "ally")


def _adds(stem: str, suffix: str) -> bool:
    """Whether English writes ``stem`` + ``suffix`` as they are."""
    if suffix == "s":
        return not stem.endswith("s")
    if suffix == "es":
        return stem.endswith(("s", "x", "z", "ch", "sh", "o"))
    if suffix == "d":
        return stem.endswith("e")
    if suffix in _DROPS_E:
        return not stem.endswith("e")  # the e goes: "note" + "ed" is "noted"
    return True


_VARIANTS = (
    ("ize", "ise"),
    ("yze", "yse"),
    ("ization", "isation"),
    ("or", "our"),
    ("er", "re"),
    ("og", "ogue"),
    ("eled", "elled"),
    ("eling", "elling"),
    ("ense", "ence"),
)


def _variant_spelling(word: str, english: Mapping[str, str]) -> bool:
    """True when ``word`` is the American or British spelling of a word of the list: the
    two differ in the ending ("analyze", "labour", "centre", "travelling")."""
    for a, b in _VARIANTS:
        for x, y in ((a, b), (b, a)):
            for ending in _INFLECTIONS if a != "er" else ("", "s", "d"):
                tail = x + ending
                stem = word[: -len(tail)]
                if word.endswith(tail) and len(stem) > 1 and stem + y + ending in english:
                    return True
    return False


_INFLECTIONS = ("", "s", "d", "ed", "es", "ing", "ly", "al")


def _known_misspelling(word: str) -> bool:
    from minutes_lint.rules.misspelling import builtin_entries  # TX001's list

    return word in builtin_entries()


def _looks_like_a_name(text: str, start: int, end: int) -> bool:
    """True when a capitalised word stands where names stand: next to another capitalised
    word that is no English word ("Eleonora Parisi", "Antoin Perou"), or as a speaker's
    label ("Macela: ...")."""
    if text[end : end + 1] == ":":
        return True
    left = text.rfind("\n", 0, start) + 1
    before = _LAST_WORD.search(text, left, start)
    after = _NEXT_WORD.match(text, end)
    for m in (before, after):
        if m is not None:
            other = m.group(1)
            if shape(other) == "title" and other.lower() not in english_words():
                return True
    return False


_LAST_WORD = re.compile(r"(?<![\w'-])([A-Za-z]+)[ \t]+$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)(?![\w'-])")


def _table_cell(text: str, start: int, end: int) -> bool:
    """True when the word is all that a table cell holds (a handle, a code, an id)."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    line = text[left : right if right >= 0 else len(text)]
    if "|" not in line:
        return False
    before = text[left:start].rsplit("|", 1)
    after = text[end : right if right >= 0 else len(text)].split("|", 1)
    return len(before) == 2 and len(after) == 2 and not before[1].strip() and not after[0].strip()


def _problem(start: int, end: int, word: str, uses: int, suggestion: _Suggestion) -> Problem:
    times = "once" if uses == 1 else f"{uses} times"
    written = "once" if suggestion.count == 1 else f"{suggestion.count} times"
    why = f"written {written} in the corpus"
    if suggestion.english:
        why = f"an English word, {why}"
    fix = Fix.replace(
        start, end, suggestion.word, f"Write “{suggestion.word}”", Applicability.UNSAFE
    )
    return Problem(
        start,
        end,
        f"“{word}” appears {times} in the corpus and is not an English word; "
        f"did you mean “{suggestion.word}” ({why})?",
        fix,
    )
