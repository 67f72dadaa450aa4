from __future__ import annotations

from collections import Counter

import pytest
from minutes_lint.rules import identifier_format as rule

from minutes_lint.config import ConfigError
from minutes_lint.testing import fix, lint, where


def notes(*sentences: str) -> str:
    return "## Discussion\n\n" + "\n\n".join(sentences) + "\n"


# EXC: no dash, 3 digits (EXC011 ... EXC014); EX: dash, 3 digits
OTHERS = {
    "a.md": notes("Ballots EXC011, EXC012 and EXC013 passed.", "Ballots EX-081 and EX-082 too."),
    "b.md": notes("Ballot EXC014 is in IPR review; EXC014 passed.", "EX-083 and EX-084 too."),
    "c.md": notes(
        "Ballots EX-085, EX-086 and EX-101 too.", "Hashes SHA-256, SHA-1 and SHA-384 too."
    ),
    "d.md": notes("Use SHA-256 and SHA-512, not SHA1 today.", "RFC 8555 and RFC 5280."),
}

CASES = [
    ("Ballot EXC06 is in discussion.", [(3, 8)]),
    ("Ballot EXC006 is in discussion.", []),
    ("Ballot EX94 and EX-094.", [(3, 8)]),
    ("We discussed EX94.", [(3, 14)]),  # at the end of a sentence
    ("Ballot EX-1234 is far away.", []),  # significant digits are never dropped
    ("Ballots EXC-015 and EXC015.", [(3, 9)]),
    ("Hash SHA256 and SHA1.", []),  # not a series
    ("Versions EX1.2 and offset UTC-05:00.", []),
    ("Ballot EX-087v2 passed.", []),
    ("See https://example.org/EX94 for details.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_where(sentence: str, expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, notes(sentence), others=OTHERS)) == expected


def test_message_names_the_majority_and_an_example() -> None:
    (found,) = lint(rule, notes("Ballot EXC06 is in discussion."), others=OTHERS)
    assert found.message.startswith(
        "“EXC06”: the EXC series is written zero-padded to 3 digits (5 of 6 uses in the corpus), "
        "e.g. “EXC011” in a.md:3"
    )
    assert found.message.endswith("; write “EXC006”")


def test_inferred_fix_is_unsafe() -> None:
    text = notes("Ballots EX94 and EXC-06.")
    assert fix(rule, text, others=OTHERS) == text
    assert fix(rule, text, others=OTHERS, unsafe=True) == notes("Ballots EX-094 and EXC006.")


def test_configured_format_is_safe() -> None:
    options = {"formats": {"EXC": "EXC-##"}}
    text = notes("Ballots EXC011 and EXC-6 and EXC-12.")
    found = lint(rule, text, others=OTHERS, options=options)
    assert where(found) == [(3, 9), (3, 20)]
    assert "configured format EXC-##" in found[0].message
    assert fix(rule, text, others=OTHERS, options=options) == notes(
        "Ballots EXC-11 and EXC-06 and EXC-12."
    )


def test_bad_format_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="formats"):
        lint(rule, notes("EX-1."), others=OTHERS, options={"formats": {"EX": "EX-nnn"}})


def test_prefixes_allow_list_replaces_the_series_guess() -> None:
    options = {"prefixes": ["SHA"]}
    others = {**OTHERS, "e.md": notes("Hashes SHA-1, SHA-224 and SHA-256.")}
    found = lint(rule, notes("Hash SHA1 and ballot EXC06."), others=others, options=options)
    assert [d.snippet for d in found] == ["SHA1"]


def test_few_uses_or_no_clear_majority_is_quiet() -> None:
    few = {"a.md": notes("EXC011, EXC012 and EXC013.")}
    assert lint(rule, notes("Ballot EXC06."), others=few) == []
    split = {"a.md": notes("EXC01, EXC02, EXC03, EXC004, EXC005 and EXC006 passed.")}
    assert lint(rule, notes("Ballot EXC07 and EXC008 passed."), others=split) == []


def test_an_even_corpus_split_is_no_convention() -> None:
    split = {
        "a.md": notes("Ballots EX-081, EX-082 and EX-083 passed."),
        "b.md": notes("Ballots EX084 and EX085 passed."),
    }
    assert lint(rule, notes("Ballot EX086 passed."), others=split) == []


def test_a_series_written_two_ways_in_one_document() -> None:
    split = {
        "a.md": notes("Ballots EX-081, EX-082 and EX-083 passed."),
        "b.md": notes("Ballots EX084 and EX085 passed."),
    }
    text = notes("Ballots EX-086 and EX-087 passed; EX088 failed.")
    (found,) = lint(rule, text, others=split)
    assert found.snippet == "EX088"
    assert found.message.startswith(
        "“EX088”: this document writes the EX series with a dash (2 of 3 uses in this document)"
    )
    assert fix(rule, text, others=split, unsafe=True) == notes(
        "Ballots EX-086 and EX-087 passed; EX-088 failed."
    )
    # one of each: no habit to follow
    assert lint(rule, notes("Ballots EX-086 and EX087."), others=split) == []


def test_infer_width() -> None:
    assert rule.infer_width(Counter({"011": 4, "06": 1})) == (3, 4, 5)
    assert rule.infer_width(Counter({"011": 3, "06": 1, "12": 1}))[0] is None  # 60%: no rule
    assert rule.infer_width(Counter({"6": 5, "11": 4, "028": 1})) == (0, 9, 10)
    assert rule.infer_width(Counter({"6": 5, "11": 4}))[0] is None


def test_rewrite() -> None:
    form = rule.Form("-", 3)
    assert rule.rewrite("94", "", form) == ("-", "094")
    assert rule.rewrite("0085", "-", form) == ("-", "085")
    assert rule.rewrite("1234", "", form) == ("-", "1234")
    assert rule.rewrite("085", "-", rule.Form("", 0)) == ("", "85")
    assert rule.rewrite("085", "-", rule.Form(None, None)) == ("-", "085")


def test_a_document_that_names_one_identifier_thousands_of_times_is_checked_quickly() -> None:
    import time

    text = notes(*["Ballot EXC011 passed."] * 3000, "Ballot EXC06 failed.")
    started = time.perf_counter()
    found = lint(rule, text, others=OTHERS)
    assert time.perf_counter() - started < 5  # was quadratic in the uses: over 10 s
    assert [d.snippet for d in found] == ["EXC06"]  # the form is still checked on every use
