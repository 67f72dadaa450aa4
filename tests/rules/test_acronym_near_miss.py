from __future__ import annotations

import pytest
from minutes_lint.rules import acronym_near_miss as rule

from minutes_lint.testing import fix, lint, where


def report(*sentences: str) -> str:
    return "## Discussion\n\n" + "\n\n".join(sentences) + "\n"


# the EXWG is named 12 times, the EXSWG 12 times, the ABC 20 times, the CNAME 12 times
OTHERS = {
    "a.md": report(*["The EXWG met and the EXSWG met."] * 4),
    "b.md": report(*["The EXWG agreed and the EXSWG agreed."] * 4),
    "c.md": report(*["The EXWG voted and the EXSWG voted."] * 4),
    "d.md": report(*["ABC and ABC."] * 10, *["A CNAME record."] * 12),
}

CASES = [
    ("The EWXG also intends to define the rules.", [(3, 5)]),  # a swap
    ("The EXWF also intends to define the rules.", [(3, 5)]),  # a neighbouring key
    ("The EXWC also intends to define the rules.", []),  # four letters: another acronym
    ("The EXSWC also intends to define the rules.", [(3, 5)]),  # five letters: any letter
    ("The REST API.", []),  # an English word in capitals
    ("The EXWG also intends to define the rules.", []),
    ("The EXSWG and the EXWG met.", []),  # both frequent: distinct groups
    ("The ABD met.", []),  # three letters: never compared
    ("Two EXWGS met.", []),  # a plural
    ("The EXWGX met.", []),  # a longer acronym, not a typo
    ("The NAME field holds a name.", []),  # written in lower case too: a word
    ("The EXW met.", []),  # three letters
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_where(sentence: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, report(sentence), others=OTHERS)) == expected


def test_message_and_unsafe_fix() -> None:
    text = report("The EWXG met.")
    (found,) = lint(rule, text, others=OTHERS)
    assert (
        found.message == "“EWXG” appears once in the corpus; did you mean “EXWG” (used 12 times)?"
    )
    assert fix(rule, text, others=OTHERS) == text
    assert fix(rule, text, others=OTHERS, unsafe=True) == report("The EXWG met.")


def test_acronym_of_several_documents_is_a_term_of_its_own() -> None:
    others = dict(OTHERS, **{f"q{i}.md": report("The EWXG met.") for i in range(3)})
    assert lint(rule, report("The EWXG met."), others=others) == []


def test_acronym_written_out_in_the_document_is_a_term_of_its_own() -> None:
    text = report("The Ember Working Xenon Group (EWXG) met.", "The EWXG agreed.")
    assert lint(rule, text, others=OTHERS) == []


def test_rarity_grows_with_the_corpus() -> None:
    big = {f"n{i}.md": report("The EXWG met." if i < 20 else "Nothing here.") for i in range(1500)}
    others = dict(OTHERS, **big)
    others.update({f"r{i}.md": report("The EWXG met.") for i in range(2)})
    # three uses in three documents: more than the two documents a typo is allowed
    assert lint(rule, report("The EWXG met."), others=others) == []
    others.pop("r1.md")
    # three uses in two documents of a corpus of 1,500: still rare
    assert len(lint(rule, report("The EWXG met. The EWXG."), others=others)) == 2


def test_truncated_acronym_is_reported() -> None:
    assert where(lint(rule, report("The EXSW met."), others=OTHERS)) == [(3, 5)]


def test_frequent_must_be_five_times_as_common() -> None:
    others = {f"{i}.md": report(*["The EXWG met."] * 4) for i in range(3)}
    assert len(lint(rule, report("EWXG and EWXG."), others=others)) == 2  # 12 >= 5 * 2
    assert lint(rule, report("EWXG, EWXG, EWXG."), others=others) == []  # used 3 times


def test_rare_frequent_acronym_is_no_reference() -> None:
    others = {f"{i}.md": report(*["The EXWG met."] * 3) for i in range(3)}
    assert lint(rule, report("The EWXG met."), others=others) == []


def test_ignore_option() -> None:
    options = {"ignore": ["EWXG"]}
    assert lint(rule, report("The EWXG met."), others=OTHERS, options=options) == []


def test_acronyms_in_links_and_code_are_not_read() -> None:
    text = report("See https://example.org/EWXG/ and the list.", "```\nEWXG\n```")
    assert lint(rule, text, others=OTHERS) == []


def test_index_is_built_once_per_corpus() -> None:
    from minutes_lint.corpus import Corpus
    from minutes_lint.document import Document

    docs = [Document.from_text(t, p) for p, t in OTHERS.items()]
    corpus = Corpus.from_documents(docs, rule.FACTS)
    index = rule._index(corpus)
    assert rule._index(corpus) is index
    assert corpus.memo(f"{rule.__name__}.index", lambda: None) is index
    assert "EXWG" in index.neighbours("EWXG")


# "QTIS" (a term of the field's standards) was "fixed" to the frequent
# "QIIS".  Made-up equivalents: "EXTS" is rare but real, "EXIS" is the frequent neighbour.
STANDARDS = {
    "a.md": report(*["The EXIS met."] * 12),
    "b.md": report("The auditors checked the EXTS timestamps."),
}


def test_an_acronym_used_in_several_documents_is_no_near_miss() -> None:
    text = report("EXTS timestamps are required.")
    assert lint(rule, text, others=STANDARDS) == []


def test_an_acronym_written_out_in_the_document_is_no_near_miss() -> None:
    text = report("The Example Time Service (EXTS) was discussed.")
    assert lint(rule, text, others={"a.md": STANDARDS["a.md"]}) == []
