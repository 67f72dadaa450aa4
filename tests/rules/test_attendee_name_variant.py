from __future__ import annotations

from pathlib import Path

from minutes_lint.rules import attendee_name_variant as rule

from minutes_lint.roster import parse_roster
from minutes_lint.testing import fix, lint, where


def minutes(attendees: str) -> str:
    return f"## Attendees\n\n{attendees}\n\n## Discussion\n\nNothing.\n"


OTHERS = {
    "a.md": minutes("Rebecca Kelly (Example CA), Ben Wilson (Example Browser)"),
    "b.md": minutes("Rebecca Kelly (Example CA), Inaba Atsushi (Example Sign)"),
    "c.md": minutes("Inaba Atsushi (Example Sign), Clint Wilson (Example Browser)"),
}


def test_surname_one_letter_off_the_majority() -> None:
    text = minutes("Rebecca Kelley (Example CA), Ben Wilson (Example Browser)")
    found = lint(rule, text, others=OTHERS)
    assert where(found) == [(3, 1)]
    assert "Rebecca Kelly" in found[0].message and "2 times" in found[0].message


def test_word_order_and_case_variant() -> None:
    found = lint(rule, minutes("Atsushi INABA (Example Sign)"), others=OTHERS)
    assert len(found) == 1 and "written in proper case as “Inaba Atsushi”" in found[0].message


def test_majority_spelling_is_not_reported() -> None:
    assert lint(rule, minutes("Rebecca Kelly (Example CA), Ben Wilson (X)"), others=OTHERS) == []


def test_different_given_names_are_different_people() -> None:
    assert lint(rule, minutes("Clint Wilson (Example Browser)"), others=OTHERS) == []


def test_tie_is_reported_as_a_tie_without_fix() -> None:
    found = lint(
        rule, minutes("Fumiaki Ono (Example)"), others={"a.md": minutes("Ono Fumiaki (Example)")}
    )
    assert len(found) == 1 and "a tie" in found[0].message and found[0].fix is None


def test_fix_unsafe_from_majority_safe_from_roster() -> None:
    text = minutes("Rebecca Kelley (Example CA)")
    assert fix(rule, text, others=OTHERS) == text
    assert "Rebecca Kelly (Example CA)" in fix(rule, text, others=OTHERS, unsafe=True)
    roster = parse_roster(
        Path("minutes-roster.yaml"),
        {"people": [{"name": "Rebecca Kelly", "aliases": ["Rebecca Kelley"]}]},
    )
    assert "Rebecca Kelly (Example CA)" in fix(rule, text, others=OTHERS, roster=roster)


def test_roster_distinct_pair_silences_the_rule() -> None:
    roster = parse_roster(Path("r.yaml"), {"distinct": [["Rebecca Kelly", "Rebecca Kelley"]]})
    assert lint(rule, minutes("Rebecca Kelley (Example CA)"), others=OTHERS, roster=roster) == []


SEEN = {
    "a.md": minutes("Hannelore Wagner (Quillco), Dorit Oberhauser (Vantex)"),
    "b.md": minutes("Hannelore Wagner (Quillco), Dorit Oberhauser (Vantex), Ada Noor (Vantex)"),
    "c.md": minutes("Hannelore Wagner (Quillco), Annemarie Brook (Vantex), Iñigo Sorel (Quillco)"),
    "d.md": minutes("Johanna Pike (Vantex), Annemarie Brook (Vantex), Inigo Sorel (Quillco)"),
    "e.md": minutes("Johanna Pike (Vantex), Inigo Sorel (Quillco)"),
}


def test_transposition_counts_one_edit() -> None:
    found = lint(rule, minutes("Hannelore Wagenr (Quillco)"), others=SEEN)
    assert where(found) == [(3, 1)] and "“Hannelore Wagner”" in found[0].message


def test_two_edits_in_a_long_rare_word_when_the_organisation_agrees() -> None:
    found = lint(rule, minutes("Dorit Obrehuaser (Vantex)"), others=SEEN)
    assert len(found) == 1 and "two letters" in found[0].message
    assert lint(rule, minutes("Dorit Obrehuaser (Other Org)"), others=SEEN) == []


def test_hyphen_and_space_variants_share_a_person() -> None:
    found = lint(rule, minutes("Anne-Marie Brook (Vantex)"), others=SEEN)
    assert len(found) == 1 and "“Annemarie Brook”" in found[0].message


def test_initial_matches_only_with_the_same_organisation() -> None:
    found = lint(rule, minutes("J. Pike (Vantex)"), others=SEEN)
    assert len(found) == 1 and "initial" in found[0].message
    assert lint(rule, minutes("J. Pike (Quillco)"), others=SEEN) == []


def test_diacritics_win_over_frequency() -> None:
    found = lint(rule, minutes("Inigo Sorel (Quillco)"), others=SEEN)
    assert len(found) == 1 and "with accents" in found[0].message
    assert "Iñigo Sorel (Quillco)" in fix(
        rule, minutes("Inigo Sorel (Quillco)"), others=SEEN, unsafe=True
    )
    assert lint(rule, minutes("Iñigo Sorel (Quillco)"), others=SEEN) == []


def test_identical_copies_count_once() -> None:
    copies = {f"copy{i}/a.md": minutes("Karl Lindqvist (Vantex)") for i in range(3)}
    copies["b.md"] = minutes("Karl Lindquist (Vantex), Ada Noor (Vantex)")
    copies["c.md"] = minutes("Karl Lindquist (Vantex), Ada Noor (Quillco)")
    found = lint(rule, minutes("Karl Lindqvist (Vantex)"), others=copies)
    assert len(found) == 1 and "“Karl Lindquist”" in found[0].message


def test_fix_never_makes_two_entries_one_person() -> None:
    others = {f"{i}.md": minutes("Ann Leeson (Acme), Bo Tran (Acme)") for i in range(3)}
    text = minutes("Ann Leeson (Acme), ann Leesen (Beta)")
    assert lint(rule, text, others=others) == []
    fixed = fix(rule, minutes("Ann Leesen (Acme), Ann Leeson (Acme)"), others=others, unsafe=True)
    assert "Ann Leesen (Acme), Ann Leeson (Acme)" in fixed


def test_no_fix_towards_a_spelling_that_is_itself_a_variant() -> None:
    pals = ["Ada Noor", "Bo Tran", "Cy Dale", "Di Fenn"]
    others = {f"{p}.md": minutes(f"Sapna Bhattarcharya (Quillco), {p} (X)") for p in pals}
    others.update(
        {
            f"v{i}.md": minutes(f"Sapna Battarcharya (Quillco), {p} (Y)")
            for i, p in enumerate(pals[:2])
        }
    )
    found = lint(rule, minutes("Sapna Batttarcharya (Quillco)"), others=others)
    assert found
    other_org = lint(rule, minutes("Sapna Batttarcharya (Other)"), others=others)
    assert len(other_org) == 1 and "“Sapna Battarcharya”" in other_org[0].message
    assert other_org[0].fix is None


def test_the_same_people_at_different_meetings_count_for_each_meeting() -> None:
    docs = {f"{i}.md": f"# Meeting {i}\n\n" + minutes("Karl Lindqvist (Vantex)") for i in range(3)}
    docs["b.md"] = minutes("Karl Lindquist (Vantex), Ada Noor (Vantex)")
    found = lint(rule, minutes("Karl Lindquist (Vantex)") + "\nOther.\n", others=docs)
    assert len(found) == 1 and "“Karl Lindqvist”" in found[0].message


def test_a_lone_accented_form_against_a_settled_archive_is_one_note() -> None:
    given = ["Ada", "Bo", "Cyd", "Dana", "Edo"]
    settled = {f"{g}.md": minutes(f"Tomas Hrabal (Vantex), {g} Noor (Vantex)") for g in given}
    settled["rare.md"] = minutes("Tomáš Hrabal (Vantex)")
    # the five documents of the settled form are not each reported
    assert lint(rule, minutes("Tomas Hrabal (Vantex)"), others=settled) == []
    # the one accented document gets a note naming the settled form, without a fix
    others = {k: v for k, v in settled.items() if k != "rare.md"}
    (found,) = lint(rule, minutes("Tomáš Hrabal (Vantex)"), others=others)
    assert found.severity == "info" and found.fix is None
    assert "writes this name without accents as “Tomas Hrabal”" in found.message
    # with the accents in three documents, the accented form is established: warn the others
    for g in given[:3]:
        settled[f"rare{g}.md"] = minutes(f"Tomáš Hrabal (Vantex), {g} Ray (Vantex)")
    (found,) = lint(rule, minutes("Tomas Hrabal (Vantex)"), others=settled)
    assert "with accents" in found.message


def test_a_near_miss_tie_needs_the_same_organisation() -> None:
    once = {"a.md": minutes("Han Vold (Quillco), Bo Tran (Quillco)")}
    # one listing each, different organisations: maybe two people, not reported
    assert lint(rule, minutes("Han Volt (Vantex)"), others=once) == []
    # one listing each, same organisation: a tie worth a look
    (found,) = lint(rule, minutes("Han Volt (Quillco)"), others=once)
    assert "(a tie)" in found.message and found.fix is None
