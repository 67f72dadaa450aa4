"""Words of the prose: where they are, the English word list, and near neighbours.

A *word* is a run of letters in the prose of a document (outside code, URLs, e-mail
addresses, HTML tags, link targets and the front matter), with apostrophes inside it
("don't") and hyphens joining its parts ("co-chair" is two words).  A run of letters
touching a digit, an underscore, a slash, an ``@`` or a dot followed by a letter is part
of an identifier, a path, a handle or a domain and is not a word.

The English word list is the frequency dictionary that ships with ``symspellpy``
(82,765 words: SCOWL, MIT-like licence, intersected with Google Books Ngram counts,
CC BY 3.0).  It is read as data, without importing symspellpy, once per process.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minutes_lint.document import Document

# letters, apostrophes inside, hyphen-joined parts; not part of an identifier, path or domain
WORD = re.compile(
    r"(?<![\w.@/\\#$%&=~+'\u2018\u2019\u02bc`\u00b4-])"
    r"[A-Za-z](?:[A-Za-z'\u2019]*[A-Za-z])?(?:-[A-Za-z](?:[A-Za-z'\u2019]*[A-Za-z])?)*"
    r"(?![\w@/\\=+'\u2018\u2019\u02bc`\u00b4-]|[.:][A-Za-z0-9])"
)
# inline code, HTML tags and comments, attribute lists, template expressions, link targets
_NOT_PROSE = re.compile(
    r"(`+)[^`\n].*?\1|<!--.*?-->|</?[A-Za-z][^<>\n]{0,300}>|\{[:{%<][^}\n]*\}+|\]\([^)\n]*\)"
)
_PART = re.compile(r"[A-Za-z](?:[A-Za-z']*[A-Za-z])?")
_POSSESSIVE = re.compile(r"'s?$")
DATA_PACKAGE = "symspellpy"
DATA_FILE = "frequency_dictionary_en_82_765.txt"
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def segments(doc: Document) -> Iterator[tuple[int, int]]:
    """Spans of ``doc.text`` that hold prose words (code, tags and link targets cut out)."""
    text = doc.text
    for start, end in doc.prose_spans:
        if all(text.find(c, start, end) < 0 for c in "`<{]"):
            yield start, end  # the usual line: nothing to cut out
            continue
        pos = start
        for m in _NOT_PROSE.finditer(text, start, end):
            if m.start() > pos:
                yield pos, m.start()
            pos = m.end()
        if pos < end:
            yield pos, end


def normal(token: str) -> list[str]:
    """The words of a matched token: curly apostrophes made straight, possessives dropped,
    hyphenated parts split (``"co-chair’s"`` -> ``["co", "chair"]``)."""
    if "\u2019" in token:
        token = token.replace("\u2019", "'")
    parts = token.split("-") if "-" in token else [token]
    return [_POSSESSIVE.sub("", p) if "'" in p else p for p in parts]


def word_spans(doc: Document) -> Iterator[tuple[int, int, str, bool]]:
    """(start, end, word, part) of every word of the prose, in order (possessive ``'s`` left
    out); ``part`` is true for the parts of a hyphenated word ("wishy-washy")."""
    text = doc.text
    for a, b in segments(doc):
        for m in WORD.finditer(text, a, b):
            token = m.group()
            if "-" not in token and "'" not in token and "\u2019" not in token:
                yield m.start(), m.end(), token, False
                continue
            joined = "-" in token
            for part in _PART.finditer(token.replace("\u2019", "'")):
                word = _POSSESSIVE.sub("", part.group()) if "'" in part.group() else part.group()
                if word:
                    at = m.start() + part.start()
                    yield at, at + len(word), word, joined


_BEFORE = set("._@/\\#$%&=~+'\u2018\u2019\u02bc`\u00b4-")
_AFTER = set("_@/\\=+\u2018\u02bc`\u00b4-")


def find_words(doc: Document, wanted: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of each prose occurrence of the ``wanted`` words, as
    :func:`word_spans` finds them (possessives included, parts of hyphenated words not),
    found by searching for them rather than by reading every word."""
    import bisect

    text = doc.text
    spans = list(segments(doc))
    starts = [a for a, _b in spans]
    for word in wanted:
        pos = text.find(word, doc.body_start)
        while pos >= 0:
            end = pos + len(word)
            i = bisect.bisect_right(starts, pos) - 1
            if i >= 0 and end <= spans[i][1] and _whole(text, pos, end):
                yield pos, end, word
            pos = text.find(word, end)


def _whole(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    if before.isalnum() or before in _BEFORE:
        return False
    after = text[end : end + 2]
    if not after:
        return True
    if after[0].isalnum() or after[0] in _AFTER:
        return False
    if after[0] in ".:" and after[1:2].isalnum():
        return False
    if after[0] in "'\u2019":  # a possessive is the word; a contraction is another word
        rest = text[end + 1 : end + 3]
        return not rest[:1].isalpha() or (rest[:1] in "sS" and not rest[1:2].isalnum())
    return True


def vocabulary(doc: Document) -> dict[str, int]:
    """How many times the prose of ``doc`` writes each word (exact case): a corpus fact."""
    text = doc.text
    counts: Counter[str] = Counter()
    for a, b in segments(doc):
        counts.update(WORD.findall(text, a, b))
    for token in [t for t in counts if "-" in t or "'" in t or "\u2019" in t]:
        n = counts.pop(token)
        for word in normal(token):
            if word:
                counts[word] += n
    return dict(counts)


@cache
def english_words() -> dict[str, str]:
    """Lower-case English word -> its count in Google Books, as written in the list
    (digits: see :func:`frequency`); empty without the data."""
    from importlib.util import find_spec  # find the data file without importing the package
    from pathlib import Path

    spec = find_spec(DATA_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / DATA_FILE
    try:
        fields = iter(path.read_text("utf-8").split())
    except (OSError, UnicodeDecodeError):
        return {}
    return dict(zip(fields, fields, strict=False))  # "word count" pairs, read at C speed


def frequency(word: str) -> int:
    """How often Google Books writes the lower-case English ``word`` (0 when not a word)."""
    count = english_words().get(word, "0")
    return int(count) if count.isdigit() else 0


def edits1(word: str) -> set[str]:
    """Every string one edit away from ``word``: a letter dropped, added, changed or two
    adjacent letters swapped (lower-case letters only)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in LETTERS)
    out.update(a + c + b for a, b in splits for c in LETTERS)
    out.discard(word)
    return out


def deletes(word: str, depth: int) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` of its letters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def distance(a: str, b: str) -> int:
    """Damerau (optimal string alignment) distance: a swap of adjacent letters counts one."""
    from rapidfuzz.distance import OSA  # imported on the first comparison

    return int(OSA.distance(a, b))


class NearIndex:
    """Words indexed by their deletions, to find those within one or two edits of a word
    without comparing it with every word (symmetric deletion: SymSpell's idea)."""

    def __init__(
        self,
        words: Iterable[str],
        depth: int = 1,
        long: int = 8,
        deep: Callable[[str], bool] | None = None,
    ) -> None:
        self.depth = depth
        self.long = long  # words at least this long are also indexed two deletions deep ...
        self.deep = deep  # ... when this says so (all of them by default)
        self._keys: dict[str, list[str]] = {}
        for word in words:
            depth = self._depth(word)
            if depth > self.depth and deep is not None and not deep(word):
                depth = self.depth
            for key in deletes(word, depth):
                self._keys.setdefault(key, []).append(word)

    def _depth(self, word: str) -> int:
        return self.depth if len(word) < self.long else max(self.depth, 2)

    def near(self, word: str, max_distance: int = 1) -> dict[str, int]:
        """Indexed words within ``max_distance`` edits of ``word`` -> their distance."""
        depth = min(max_distance, self._depth(word))
        found: dict[str, int] = {}
        for key in deletes(word, depth):
            for candidate in self._keys.get(key, ()):
                if candidate != word and candidate not in found:
                    found[candidate] = distance(word, candidate)
        return {w: d for w, d in found.items() if 0 < d <= max_distance}


def match_case(original: str, replacement: str) -> str:
    """``replacement`` written with the case pattern of ``original``."""
    if len(original) > 1 and original.isupper():
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def shape(word: str) -> str:
    """``lower``, ``title`` (Capitalised), ``upper`` (ALL CAPS) or ``mixed`` (camelCase, iOS)."""
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper"
    if word[:1].isupper() and word[1:].islower():
        return "title"
    return "mixed"
