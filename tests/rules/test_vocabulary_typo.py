from __future__ import annotations

import pytest
from minutes_lint.rules import vocabulary_typo as rule

from minutes_lint.document import Document
from minutes_lint.testing import fix, lint, where
from minutes_lint.words import NearIndex, vocabulary, word_spans


def report(*sentences: str) -> str:
    return (
        "## Attendees\n\n- Oswin Pellegrew (Quillfeather Ltd)\n- Mira Tamsin (Ostrava Labs)\n\n"
        + ("## Discussion\n\n" + "\n\n".join(sentences) + "\n")
    )


# the corpus writes "certificate", "subjectAltName", "extendedKeyUsage" and "Bugzilla" often
OTHERS = {
    f"{i}.md": report(
        "The certificate profile sets subjectAltName and extendedKeyUsage for OpenSXY.",
        "Oswin Pellegrew reviewed the certificate in Bugzilla with Mira Tamsin.",
        "The validation working group discussed the validation of the certificate.",
    )
    for i in range(6)
}

CASES = [
    ("The valdation was done.", [(8, 5)]),  # a letter dropped
    ("Thecertificate was revoked.", []),  # two words run together: not one edit
    ("The validdation was done.", [(8, 5)]),  # a letter doubled
    ("The vaildtaion was done.", []),  # two edits away: needs a word written 20 times as often
    ("The valiadtion was done.", [(8, 5)]),  # two letters swapped
    ("The valibation was done.", [(8, 5)]),  # a letter changed
    ("It sets subjectAltNmae only.", [(8, 9)]),  # a camelCase term
    ("It sets extendedKeyUsgae only.", [(8, 9)]),
    ("The validation was done.", []),
    ("It sets subjectaltname only.", []),  # lower case: not the camelCase term
    ("Oswin Pellegrw agreed.", []),  # next to a name: PN001's business
    ("Pellegrow agreed.", []),  # a variant of a name word
    ("Ostrava Labs agreed.", []),  # an organisation
    ("The validations were done.", []),  # a plural
    ("The revalidation step.", []),  # a prefix
    ("See `valdation` and https://example.org/valdation and a.valdation.", []),
    ("The valdation_2 field and valdation2.", []),  # identifiers
    ("The wishy-washy valdation-like text.", []),  # parts of hyphenated words
    ("The VALDATION was revoked.", []),  # all caps: not a word to correct
    ("The Bugzila entry.", [(8, 5)]),  # a product name
    ("Ask Ardelia Bugzila first.", []),  # next to a capitalised non-word: a name
    ("Bugzila: I agree.", []),  # a speaker's label
    ("| Mira | valdation |", []),  # alone in a table cell: a handle or an id
    ("It sets subjectAltNAme only.", [(8, 9)]),  # a capital for a small letter
    ("The OpenSXF group.", []),
    (
        "SubjectAltName is set.",
        [],
    ),  # a capital opening the sentence  # another letter of an acronym: another name
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_where(sentence: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, report(sentence), others=OTHERS)) == expected


def test_message_says_how_often_the_corpus_writes_the_other_form() -> None:
    (found,) = lint(rule, report("The valdation was revoked."), others=OTHERS)
    assert found.message == (
        "“valdation” appears once in the corpus and is not an English word; "
        "did you mean “validation” (an English word, written 12 times in the corpus)?"
    )


def test_fix_is_unsafe_and_keeps_case() -> None:
    text = report("The valdation revoked; Subjectaltname and subjectAltNmae set.")
    assert fix(rule, text, others=OTHERS) == text
    assert fix(rule, text, others=OTHERS, unsafe=True) == report(
        "The validation revoked; Subjectaltname and subjectAltName set."
    )


def test_a_word_the_corpus_uses_often_is_not_a_typo() -> None:
    others = dict(OTHERS, **{f"x{i}.md": report("The valdation again.") for i in range(3)})
    assert lint(rule, report("The valdation was revoked."), others=others) == []


def test_known_misspelling_is_left_to_tx001() -> None:
    others = dict(OTHERS, **{f"c{i}.md": report("The committee met.") for i in range(6)})
    assert lint(rule, report("The comittee met."), others=others) == []


def test_an_english_word_is_never_reported() -> None:
    others = {f"{i}.md": report("The validation was done.") for i in range(6)}
    assert lint(rule, report("The valuation was done."), others=others) == []  # English


def test_ignore_option() -> None:
    options = {"ignore": ["valdation"]}
    assert lint(rule, report("The valdation."), others=OTHERS, options=options) == []


def test_without_corpus_facts_the_document_counts_itself() -> None:
    text = report(*["The validation."] * 6, "The valdation.")
    assert where(lint(rule, text)) == [(20, 5)]


def test_vocabulary_fact_is_json_data() -> None:
    doc = Document.from_text("# T\n\nThe co-chair’s view of `code`, x_y and <b>bold</b> a.b.\n")
    assert vocabulary(doc) == {
        "T": 1,
        "The": 1,
        "co": 1,
        "chair": 1,
        "view": 1,
        "of": 1,
        "and": 1,
        "bold": 1,
    }
    words = [w for _s, _e, w, _p in word_spans(doc)]
    assert words == ["T", "The", "co", "chair", "view", "of", "and", "bold"]


def test_near_index_finds_one_and_two_edits_without_scanning() -> None:
    index = NearIndex(["certificate", "subject", "review"], long=8)
    assert index.near("reveiw") == {"review": 1}  # a swap counts one
    assert index.near("certifcat", 2) == {"certificate": 2}
    assert index.near("subjetc", 1) == {"subject": 1}
    assert index.near("xyzzy", 2) == {}
