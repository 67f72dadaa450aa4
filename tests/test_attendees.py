"""Tests for minutes_lint.attendees: finding attendee lists and parsing their entries."""

from __future__ import annotations

from minutes_lint.attendees import AttendeeEntry, AttendeeList, find_attendee_lists
from minutes_lint.markdown import code_block_lines, find_headings, split_lines


def lists_of(text: str, body_start: int = 0) -> list[AttendeeList]:
    """Attendee lists of ``text`` as the document model would find them."""
    lines = split_lines(text, body_start)
    headings = find_headings(lines, code_block_lines(lines))
    return find_attendee_lists(text, lines, headings, body_start)


def only_list(text: str) -> AttendeeList:
    """The single attendee list of ``text``."""
    found = lists_of(text)
    assert len(found) == 1, found
    return found[0]


def check_spans(text: str, entry: AttendeeEntry) -> None:
    """Every span of ``entry`` points at the text it describes."""
    assert text[entry.start : entry.end] == entry.raw
    assert " ".join(text[entry.name_start : entry.name_end].split()) == entry.name
    if entry.org is None:
        assert entry.org_start is None and entry.org_end is None
    else:
        assert entry.org_start is not None and entry.org_end is not None
        assert " ".join(text[entry.org_start : entry.org_end].split()) == entry.org


def summary(text: str, attendee_list: AttendeeList) -> list[tuple[str, str | None, str]]:
    """(name, org, form) of each entry, after checking every span."""
    for entry in attendee_list.entries:
        check_spans(text, entry)
    return [(entry.name, entry.org, entry.form) for entry in attendee_list.entries]


def test_paren_entries_on_one_line() -> None:
    text = "## Attendees\n\nAlice Moreau (Example CA), Bruno Keller (Sample Trust)\n"
    found = only_list(text)
    assert summary(text, found) == [
        ("Alice Moreau", "Example CA", "paren"),
        ("Bruno Keller", "Sample Trust", "paren"),
    ]
    first, second = found.entries
    assert first.raw == "Alice Moreau (Example CA)"
    assert text[first.name_start : first.name_end] == "Alice Moreau"
    assert text[first.org_start : first.org_end] == "Example CA"
    assert second.raw == "Bruno Keller (Sample Trust)"
    assert first.group is None and first.problem is None
    assert text[found.label_start : found.label_end] == "## Attendees"
    assert text[found.start : found.end] == (
        "Alice Moreau (Example CA), Bruno Keller (Sample Trust)"
    )


def test_dash_paren_and_dash_forms() -> None:
    text = (
        "## Attendees\n\n"
        "Alice Moreau - (Example CA), Bruno Keller – (Sample Trust), "
        "Chen Wei - Demo Labs, Dana Ortiz – Acme Signing\n"
    )
    found = only_list(text)
    assert summary(text, found) == [
        ("Alice Moreau", "Example CA", "dash-paren"),
        ("Bruno Keller", "Sample Trust", "dash-paren"),
        ("Chen Wei", "Demo Labs", "dash"),
        ("Dana Ortiz", "Acme Signing", "dash"),
    ]
    assert found.entries[0].raw == "Alice Moreau - (Example CA)"


def test_hyphenated_names_are_not_dash_separators() -> None:
    text = "## Attendees\n\nJean-Luc Martin (Example CA), Mei-Ling Chou-Baker (Demo Labs)\n"
    assert [e.name for e in only_list(text).entries] == ["Jean-Luc Martin", "Mei-Ling Chou-Baker"]


def test_nested_parentheses_keep_the_whole_organisation() -> None:
    text = "## Attendees\n\nClara Novak (Northwind Data Systems SA (Certix)), Dev Patel (Acme)\n"
    found = only_list(text)
    assert summary(text, found) == [
        ("Clara Novak", "Northwind Data Systems SA (Certix)", "paren"),
        ("Dev Patel", "Acme", "paren"),
    ]
    entry = found.entries[0]
    assert text[entry.org_start : entry.org_end] == "Northwind Data Systems SA (Certix)"


def test_commas_inside_parentheses_do_not_split() -> None:
    text = "## Attendees\n\nEve Stone (Office of Examples, Ministry, Nowhere), Finn Hale (Acme)\n"
    assert summary(text, only_list(text)) == [
        ("Eve Stone", "Office of Examples, Ministry, Nowhere", "paren"),
        ("Finn Hale", "Acme", "paren"),
    ]


def test_semicolons_separate_entries() -> None:
    text = "## Attendees\n\nAlice Moreau (Example CA); Bruno Keller (Sample Trust)\n"
    assert [e.name for e in only_list(text).entries] == ["Alice Moreau", "Bruno Keller"]


def test_bullets_one_per_line() -> None:
    text = (
        "## Attendees\n\n"
        "* Alice Moreau (Example CA)\n"
        "* Bruno Keller (Sample Trust)\n"
        "- Chen Wei - Demo Labs\n"
        "\n"
        "## Minutes\n\nAlice opened the meeting.\n"
    )
    found = only_list(text)
    assert summary(text, found) == [
        ("Alice Moreau", "Example CA", "paren"),
        ("Bruno Keller", "Sample Trust", "paren"),
        ("Chen Wei", "Demo Labs", "dash"),
    ]
    assert found.entries[0].raw == "Alice Moreau (Example CA)"  # no bullet
    assert text[found.start : found.end].endswith("Chen Wei - Demo Labs")


def test_loose_bullets_separated_by_blank_lines() -> None:
    text = "**Attendees**\n\n*   Alice Moreau (Example CA)\n\n*   Bruno Keller (Sample Trust)\n"
    assert [e.name for e in only_list(text).entries] == ["Alice Moreau", "Bruno Keller"]


def test_one_entry_per_line_without_bullets() -> None:
    text = "## Attendance\n\nAlice Moreau (Example CA)\nBruno Keller - (Sample Trust)\nChen Wei\n"
    assert summary(text, only_list(text)) == [
        ("Alice Moreau", "Example CA", "paren"),
        ("Bruno Keller", "Sample Trust", "dash-paren"),
        ("Chen Wei", None, "bare"),
    ]


def test_bare_names() -> None:
    text = "## Attendees\n\nAlice Moreau, Bruno Keller, Chen Wei\n"
    assert summary(text, only_list(text)) == [
        ("Alice Moreau", None, "bare"),
        ("Bruno Keller", None, "bare"),
        ("Chen Wei", None, "bare"),
    ]


def test_comma_form_one_per_line() -> None:
    text = "## Participants\n\n- Alice Moreau, Example CA\n- Bruno Keller, Sample Trust\n"
    found = only_list(text)
    assert summary(text, found) == [
        ("Alice Moreau", "Example CA", "comma"),
        ("Bruno Keller", "Sample Trust", "comma"),
    ]
    assert found.entries[1].raw == "Bruno Keller, Sample Trust"


def test_trailing_period_and_final_and() -> None:
    text = "## Attendees\n\nAlice Moreau (Example CA), Bruno Keller (Acme) and Chen Wei (Demo).\n"
    found = only_list(text)
    assert summary(text, found) == [
        ("Alice Moreau", "Example CA", "paren"),
        ("Bruno Keller", "Acme", "paren"),
        ("Chen Wei", "Demo", "paren"),
    ]
    assert found.entries[-1].raw == "Chen Wei (Demo)"
    text = "## Attendees\n\nAlice Moreau (Example CA), and Bruno Keller (Acme)\n"
    assert [e.raw for e in only_list(text).entries] == [
        "Alice Moreau (Example CA)",
        "Bruno Keller (Acme)",
    ]


def test_trailing_period_on_bare_list() -> None:
    text = "Attendees: Alice Moreau, Bruno Keller, Chen Wei.\n"
    assert [e.raw for e in only_list(text).entries] == ["Alice Moreau", "Bruno Keller", "Chen Wei"]


def test_role_note_after_organisation() -> None:
    text = "## Attendees\n\nAlice Moreau (Example CA) (chair), Bruno Keller (Acme) [vice chair]\n"
    found = only_list(text)
    assert summary(text, found) == [
        ("Alice Moreau", "Example CA", "paren"),
        ("Bruno Keller", "Acme", "paren"),
    ]
    assert found.entries[0].raw == "Alice Moreau (Example CA) (chair)"
    assert all(entry.problem is None for entry in found.entries)


def test_bold_entries_and_notes_after_a_dash() -> None:
    text = (
        "## Attendance\n\n- **Ada Noor (Quillco, TAC)**\n"
        "- **Bo Tran (Vantex, TAC)** - needs to leave 30 minutes early.\n"
        "- Cy Dale (Quillco) - joined late from the airport\n"
        "- Di Fenn (Vantex)\n"
    )
    found = only_list(text)
    assert summary(text, found) == [
        ("Ada Noor", "Quillco, TAC", "paren"),
        ("Bo Tran", "Vantex, TAC", "paren"),
        ("Cy Dale", "Quillco", "paren"),
        ("Di Fenn", "Vantex", "paren"),
    ]
    assert all(entry.problem is None for entry in found.entries)


def test_two_entries_run_together_are_still_a_problem() -> None:
    text = (
        "## Attendees\n\nAda Noor (Quillco Labs) Bo Tran (Vantex), Cy Dale (Quillco), "
        "Di Fenn (Vantex), Ed Moss (Acme)\n"
    )
    assert only_list(text).entries[0].problem == "unexpected text after the organisation"


def test_nickname_inside_name() -> None:
    text = "## Attendees\n\nRobert (Bob) Stone (Example CA), Alice Moreau (Acme)\n"
    found = only_list(text)
    assert found.entries[0].name == "Robert (Bob) Stone"
    assert found.entries[0].org == "Example CA"
    assert found.entries[0].problem is None


def test_bracket_organisation() -> None:
    text = "## Attendees\n\nAlice Moreau [Example CA], Bruno Keller (Acme)\n"
    assert summary(text, only_list(text))[0] == ("Alice Moreau", "Example CA", "bracket")


def test_groups_on_label_lines() -> None:
    text = (
        "## 11. Attendees\n\n"
        "In person: Alice Moreau (Example CA), Bruno Keller (Acme)\n\n"
        "Online: Chen Wei (Demo Labs), Dana Ortiz (Acme).\n"
    )
    found = only_list(text)
    assert [(e.name, e.group) for e in found.entries] == [
        ("Alice Moreau", "In person"),
        ("Bruno Keller", "In person"),
        ("Chen Wei", "Online"),
        ("Dana Ortiz", "Online"),
    ]
    assert text[found.label_start : found.label_end] == "## 11. Attendees"
    assert text[found.start : found.end].startswith("Alice Moreau (Example CA)")
    assert text[found.start : found.end].endswith("Dana Ortiz (Acme)")


def test_group_label_on_its_own_line() -> None:
    text = (
        "## Attendees\n\n"
        "**Members:**\n"
        "- Alice Moreau (Example CA)\n"
        "- Bruno Keller (Acme)\n\n"
        "Guests:\n"
        "- Chen Wei (Demo Labs)\n"
    )
    found = only_list(text)
    assert [(e.name, e.group) for e in found.entries] == [
        ("Alice Moreau", "Members"),
        ("Bruno Keller", "Members"),
        ("Chen Wei", "Guests"),
    ]


def test_groups_as_sub_headings() -> None:
    text = (
        "## Attendees\n\n"
        "### In the room\n\nAlice Moreau (Example CA), Bruno Keller (Acme)\n\n"
        "### Remote\n\nChen Wei (Demo Labs), Dana Ortiz (Acme)\n\n"
        "## Minutes\n\nAlice Moreau (Example CA) opened the meeting.\n"
    )
    found = only_list(text)
    assert [(e.name, e.group) for e in found.entries] == [
        ("Alice Moreau", "In the room"),
        ("Bruno Keller", "In the room"),
        ("Chen Wei", "Remote"),
        ("Dana Ortiz", "Remote"),
    ]


def test_numbered_sub_heading_ends_the_list() -> None:
    text = (
        "## Attendees (in alphabetical order)\n\n"
        "Alice Moreau (Example CA), Bruno Keller (Acme)\n\n"
        "### 1. Roll Call\n\nThe Roll Call was taken.\n"
    )
    found = only_list(text)
    assert len(found.entries) == 2
    assert text[found.label_start : found.label_end] == "## Attendees (in alphabetical order)"


def test_label_line_with_list_below() -> None:
    text = (
        "Minutes of the meeting\n\n"
        "10. Adjourn\n\n"
        "Attendees:\n\n"
        "Alice Moreau (Example CA), Bruno Keller (Acme), Chen Wei (Demo Labs)\n\n"
        "Latest releases\n"
        "Server Requirements\n"
    )
    found = only_list(text)
    assert text[found.label_start : found.label_end] == "Attendees:"
    assert [e.name for e in found.entries] == ["Alice Moreau", "Bruno Keller", "Chen Wei"]
    assert text[found.end - len("Chen Wei (Demo Labs)") : found.end] == "Chen Wei (Demo Labs)"


def test_bold_label_with_entries_on_the_same_line() -> None:
    text = (
        "**Attendees:** Alice Moreau (Example CA), Bruno Keller (Acme)\n\n"
        "The antitrust statement was read.\n"
    )
    found = only_list(text)
    assert text[found.label_start : found.label_end] == "**Attendees:**"
    assert text[found.start : found.end] == "Alice Moreau (Example CA), Bruno Keller (Acme)"
    assert [e.group for e in found.entries] == [None, None]


def test_label_line_forms() -> None:
    for label in ("**Present:**", "Attendance:", "**Attendees**:", "*Attendees*", "Participants:"):
        text = f"{label}\nAlice Moreau (Example CA), Bruno Keller (Acme)\n"
        assert [e.name for e in only_list(text).entries] == ["Alice Moreau", "Bruno Keller"], label


def test_label_line_followed_by_prose_is_not_a_list() -> None:
    assert (
        lists_of("Attendees:\n\nThe chair noted that attendance was recorded by the tool.\n") == []
    )
    assert lists_of("Attendance tracking and participation metrics were discussed.\n") == []
    assert lists_of("Participants noted that the ballot should move forward.\n") == []


def test_list_ends_before_a_following_label() -> None:
    text = (
        "## Attendees\n\n"
        "Alice Moreau (Example CA), Bruno Keller (Acme)\n"
        "Minute-taker: Chen Wei\n\n"
        "## Minutes\n"
    )
    found = only_list(text)
    assert [e.name for e in found.entries] == ["Alice Moreau", "Bruno Keller"]


def test_crlf_text() -> None:
    text = (
        "---\r\ntitle: Minutes\r\n---\r\n"
        "## Attendees\r\n\r\n"
        "Alice Moreau (Example CA), Bruno Keller - (Acme)\r\n"
        "\r\n## 1. Roll Call\r\n\r\nThe Roll Call was taken.\r\n"
    )
    body_start = text.index("## Attendees")
    found = lists_of(text, body_start)
    assert len(found) == 1
    assert summary(text, found[0]) == [
        ("Alice Moreau", "Example CA", "paren"),
        ("Bruno Keller", "Acme", "dash-paren"),
    ]
    assert "\r" not in found[0].entries[-1].raw
    assert text[found[0].label_start : found[0].label_end] == "## Attendees"


def test_crlf_one_per_line() -> None:
    text = "Attendees:\r\nAlice Moreau (Example CA)\r\nBruno Keller (Acme)\r\n"
    found = only_list(text)
    assert [e.raw for e in found.entries] == ["Alice Moreau (Example CA)", "Bruno Keller (Acme)"]


def test_unbalanced_parentheses() -> None:
    text = "## Attendees\n\nAlice Moreau (Example CA, Bruno Keller (Acme), Chen Wei (Demo Labs)\n"
    found = only_list(text)
    assert [(e.name, e.problem) for e in found.entries] == [
        ("Alice Moreau", "unbalanced parentheses"),
        ("Bruno Keller", None),
        ("Chen Wei", None),
    ]
    entry = found.entries[0]
    assert entry.raw == "Alice Moreau (Example CA"
    assert entry.org == "Example CA"
    check_spans(text, entry)


def test_unbalanced_closing_parenthesis() -> None:
    text = "## Attendees\n\nAlice Moreau (Example CA)), Bruno Keller (Acme)\n"
    found = only_list(text)
    assert found.entries[0].problem == "unbalanced parentheses"
    assert found.entries[1].problem is None


def test_unbalanced_at_end_of_list() -> None:
    text = "## Attendees\n\nAlice Moreau (Example CA), Bruno Keller (Acme\n\n## Minutes\n"
    found = only_list(text)
    assert found.entries[-1].problem == "unbalanced parentheses"
    assert found.entries[-1].org == "Acme"


def test_missing_name() -> None:
    text = "## Attendees\n\nAlice Moreau, (Example CA), Bruno Keller (Acme)\n"
    found = only_list(text)
    assert [(e.name, e.org, e.problem) for e in found.entries] == [
        ("Alice Moreau", None, None),
        ("", "Example CA", "missing name"),
        ("Bruno Keller", "Acme", None),
    ]


def test_text_after_organisation() -> None:
    text = (
        "## Attendees\n\n"
        "Alice Moreau (Example CA) Bruno Keller (Acme), Chen Wei (Demo Labs), Dana Ortiz (Acme)\n"
    )
    found = only_list(text)
    assert found.entries[0].raw == "Alice Moreau (Example CA) Bruno Keller (Acme)"
    assert found.entries[0].problem == "unexpected text after the organisation"
    assert [e.problem for e in found.entries[1:]] == [None, None]


def test_no_attendee_section() -> None:
    text = (
        "## Minutes\n\n"
        "Alice Moreau (Example CA) presented the ballot. Bruno Keller (Acme) agreed.\n\n"
        "## 1. Roll Call\n\nThe Chair took attendance.\n"
    )
    assert lists_of(text) == []
    assert lists_of("") == []


def test_prose_under_attendees_heading_is_not_parsed() -> None:
    text = (
        "## Attendees\n\n"
        "The attendance was recorded by the meeting tool and will be added later, "
        "once the chair has reviewed it.\n\n"
        "## Minutes\n"
    )
    found = only_list(text)
    assert found.entries == ()
    assert found.start == found.end == found.label_end


def test_notes_before_the_names_are_skipped() -> None:
    text = (
        "### Attendees\n\n"
        "_(Aggregated from both days of the meeting)_\n\n"
        "Alice Moreau (Example CA), Bruno Keller (Acme)\n\n"
        "### Next meeting\n"
    )
    found = only_list(text)
    assert [e.name for e in found.entries] == ["Alice Moreau", "Bruno Keller"]
    assert text[found.start : found.end] == "Alice Moreau (Example CA), Bruno Keller (Acme)"


def test_placeholder_under_heading_gives_empty_list() -> None:
    found = only_list("## Attendance\n\n...\n\n## Review Agenda\n")
    assert found.entries == ()


def test_roll_call_needs_names_with_organisations() -> None:
    assert lists_of("## 1. Roll Call\n\nDean read the roll.\n\n## 2. Agenda\n") == []
    assert lists_of("- Roll Call\n- Read Antitrust Statement\n- Review Agenda\n") == []
    text = "## 1. Roll Call\n\nAlice Moreau - (Example CA), Bruno Keller - (Acme)\n\n## 2. Agenda\n"
    found = only_list(text)
    assert [e.form for e in found.entries] == ["dash-paren", "dash-paren"]


def test_numbered_roll_call_item_with_indented_names() -> None:
    text = (
        "1. Roll Call\n"
        "   Alice Moreau (Example CA), Bruno Keller (Acme)\n"
        "1. Read Antitrust Statement\n"
        "1. Review Agenda\n"
    )
    found = only_list(text)
    assert [e.name for e in found.entries] == ["Alice Moreau", "Bruno Keller"]
    assert text[found.label_start : found.label_end] == "1. Roll Call"


def test_wrapped_list_with_blank_lines_between_lines() -> None:
    text = (
        "## Attendees\n\n"
        "Alice Moreau (Example CA), Bruno Keller (Acme), Chen\n\n"
        "Wei (Demo Labs), Dana Ortiz (Northwind\n\n"
        "Trust), Eve Stone (Acme)\n\n"
        "## Minutes\n"
    )
    found = only_list(text)
    assert summary(text, found) == [
        ("Alice Moreau", "Example CA", "paren"),
        ("Bruno Keller", "Acme", "paren"),
        ("Chen Wei", "Demo Labs", "paren"),
        ("Dana Ortiz", "Northwind Trust", "paren"),
        ("Eve Stone", "Acme", "paren"),
    ]
    assert found.entries[2].raw == "Chen\n\nWei (Demo Labs)"


def test_wrapped_line_with_organisation_on_the_next_line() -> None:
    text = "## Attendees\n\nAlice Moreau (Example CA), Bruno Keller\n(Acme), Chen Wei (Demo Labs)\n"
    found = only_list(text)
    assert [(e.name, e.org) for e in found.entries] == [
        ("Alice Moreau", "Example CA"),
        ("Bruno Keller", "Acme"),
        ("Chen Wei", "Demo Labs"),
    ]


def test_front_matter_and_code_blocks_are_ignored() -> None:
    text = (
        "---\nattendees: Alice Moreau (Example CA), Bruno Keller (Acme)\n---\n"
        "```\nAttendees: Chen Wei (Demo Labs), Dana Ortiz (Acme)\n```\n"
        "Nothing else.\n"
    )
    assert lists_of(text, text.index("```")) == []


def test_two_lists_in_one_document() -> None:
    text = (
        "## Attendees\n\nAlice Moreau (Example CA), Bruno Keller (Acme)\n\n"
        "## Minutes\n\nSome discussion.\n\n"
        "**Attendees:** Chen Wei (Demo Labs), Dana Ortiz (Acme)\n"
    )
    found = lists_of(text)
    assert [[e.name for e in item.entries] for item in found] == [
        ["Alice Moreau", "Bruno Keller"],
        ["Chen Wei", "Dana Ortiz"],
    ]


def test_present_label_inside_attendees_heading_is_a_group() -> None:
    text = "## Attendees\n\nPresent:\nAlice Moreau (Example CA)\nBruno Keller (Acme)\n"
    found = only_list(text)
    assert [(e.name, e.group) for e in found.entries] == [
        ("Alice Moreau", "Present"),
        ("Bruno Keller", "Present"),
    ]


def test_heading_that_only_mentions_attendance_is_ignored() -> None:
    text = "### Attendance by Members of Other Groups\n\n- Alice Moreau asked a question.\n"
    assert lists_of(text) == []


def test_label_with_a_word_before_the_keyword() -> None:
    text = "Plenary Attendance: Alice Moreau (Example CA), Bruno Keller (Acme)\n"
    assert [e.name for e in only_list(text).entries] == ["Alice Moreau", "Bruno Keller"]
    text = "Members present:\n\n- Alice Moreau (Example CA)\n- Bruno Keller (Acme)\n"
    assert [e.name for e in only_list(text).entries] == ["Alice Moreau", "Bruno Keller"]
    assert lists_of("Remote attendance: 37 registered.\n") == []


# -- roles and the forms of other organisations ------------------------------------------


def people(text: str) -> list[tuple[str, str | None, str]]:
    """(name, organisation, role) of everyone the document model lists."""
    from minutes_lint.document import Document

    doc = Document.from_text(text)
    for entry in doc.people:
        check_spans(text, entry)
    return [(entry.name, entry.org, entry.role) for entry in doc.people]


def test_scribe_minutes_with_roles_and_an_attribute_line() -> None:
    text = (
        "## Attendees\n{: .no_toc}\n**Present:** Alice Moreau, Bruno Keller, cdiaz\n\n"
        "**Regrets:** Dana Ortiz\n\n**Guests:** \n\n**Chair:** Alice Moreau\n\n"
        "**Scribe(s):** Bruno Keller\n\n## Content\n"
    )
    assert people(text) == [
        ("Alice Moreau", None, "present"),
        ("Bruno Keller", None, "present"),
        ("cdiaz", None, "present"),
        ("Dana Ortiz", None, "absent"),
        ("Alice Moreau", None, "chair"),
        ("Bruno Keller", None, "scribe"),
    ]


def test_absent_people_are_not_attendees() -> None:
    from minutes_lint.document import Document

    doc = Document.from_text(
        "# Minutes\n\nPresent: Alice Moreau, Bruno Keller\n\nApologies: Carla Diaz (travelling)\n"
    )
    assert [e.name for e in doc.attendees] == ["Alice Moreau", "Bruno Keller"]
    assert [e.name for e in doc.absent] == ["Carla Diaz"]


def test_bullets_with_handles_and_roles() -> None:
    text = (
        "## Present\n\n* Alice Moreau (@amoreau)\n* Bruno Keller @bkeller (chair)\n"
        "* Carla Diaz (@cdiaz) - voting\n* Dr. Dana Ortiz\n\n## Agenda\n"
    )
    assert people(text) == [
        ("Alice Moreau", None, "present"),
        ("Bruno Keller", None, "chair"),
        ("Carla Diaz", None, "present"),
        ("Dana Ortiz", None, "present"),
    ]
    from minutes_lint.document import Document

    handles = [e.handle for e in Document.from_text(text).people]
    assert handles == ["@amoreau", "@bkeller", "@cdiaz", None]


def test_name_comma_org_bullets_and_bold_notes() -> None:
    text = (
        "## Attendance (please add yourself):\n\n* Alice Moreau, Example Labs\n"
        "* Bruno Keller (Sample Corp, **Board**)\n* Carla Diaz, Demo Inc\n"
    )
    assert [(n, o) for n, o, _ in people(text)] == [
        ("Alice Moreau", "Example Labs"),
        ("Bruno Keller", "Sample Corp"),
        ("Carla Diaz", "Demo Inc"),
    ]


def test_unlabelled_paragraph_of_short_names_and_a_table() -> None:
    text = (
        "# March 3, 2026 Meeting Notes\n-----\n"
        "Alice Moreau (AMU), Bruno Keller (BK), Carla Diaz (CDZ), Dana Ortiz (DO)\n\n"
        "**Remote attendees:**\n"
        "| Name | Abbreviation | Organization |\n| --- | --- | --- |\n"
        "| Erin Park | EPK | Example Labs |\n| Farid Haddad | FHD | Sample Corp |\n"
    )
    found = people(text)
    assert found[:2] == [("Alice Moreau", None, "present"), ("Bruno Keller", None, "present")]
    assert ("Erin Park", "Example Labs", "present") in found
    assert ("Farid Haddad", "Sample Corp", "present") in found
    assert len(found) == 6


def test_html_table_with_a_presence_mark() -> None:
    text = (
        "## Attendance (mark an X if you are here)\n\n<table>\n  <tr>\n   <td>\n   </td>\n"
        "   <td><strong>Name/Affiliation</strong>\n   </td>\n  </tr>\n"
        "  <tr>\n   <td>x\n   </td>\n   <td>Alice Moreau (Example Labs, <strong>Board</strong>)\n"
        "   </td>\n  </tr>\n  <tr>\n   <td>\n   </td>\n   <td>Bruno Keller (Sample Corp)\n"
        "   </td>\n  </tr>\n</table>\n"
    )
    assert people(text) == [("Alice Moreau", "Example Labs", "present")]


def test_present_line_with_apologies_and_nothing_in_code() -> None:
    text = (
        "# Weekly meeting\n\n```\nPresent: Zed Quinn, Yara Voss\n```\n\n"
        "<!-- Present: Xavier Lum, Will Ng -->\n\n"
        "Present/Contributing: Alice Moreau, Bruno Keller, and our guest Carla\n\n"
        "Apologies/Contributing: Dana Ortiz\n"
    )
    assert people(text) == [
        ("Alice Moreau", None, "present"),
        ("Bruno Keller", None, "present"),
        ("Dana Ortiz", None, "absent"),
    ]


def test_an_upper_case_instruction_is_not_an_attendee() -> None:
    text = (
        "## Attendees\n\nAda Noor (Quillco), Bo Tran (Vantex), Cy Dale (Quillco), "
        "ADD REMOTE PARTICIPANTS HERE, Di Fenn (Vantex)\n"
    )
    names = [entry.name for entry in only_list(text).entries]
    assert "ADD REMOTE PARTICIPANTS HERE" not in names
    assert "Di Fenn" in names
