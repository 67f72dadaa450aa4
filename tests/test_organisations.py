"""Tests for minutes_lint.organisations and the per-document memo it relies on."""

from __future__ import annotations

from minutes_lint.document import Document
from minutes_lint.organisations import (
    findings,
    occurrences,
    same_spelling,
)

TEXT = (
    "## Attendees\n\n"
    "Alice Moreau (Example-Trust), Bob Stone (Example-Trust), Carol Diaz (Exampletrust)\n\n"
    "## Discussion\n\nExampletrust will endorse the ballot.\n"
)


def test_occurrences_list_attendee_entries_then_the_discussion() -> None:
    places = occurrences(Document.from_text(TEXT))["exampletrust"]
    assert [(p.text, p.in_prose) for p in places] == [
        ("Example-Trust", False),
        ("Example-Trust", False),
        ("Exampletrust", False),
        ("Exampletrust", True),
    ]
    assert occurrences(Document.from_text(TEXT), prose=False)["exampletrust"][-1].in_prose is False


def test_findings_report_the_minority_spelling() -> None:
    doc = Document.from_text(TEXT)
    (finding,) = findings(doc)
    assert (finding.spelling, finding.majority, finding.count, finding.tie) == (
        "Exampletrust",
        "Example-Trust",
        2,
        True,
    )
    assert len(finding.occurrences) == 2


def test_findings_are_computed_once_per_document_and_setting() -> None:
    doc = Document.from_text(TEXT)
    assert findings(doc) is findings(doc)
    assert findings(doc, prose=False) is not findings(doc)


def test_same_spelling_ignores_the_apostrophe_style() -> None:
    assert same_spelling("Example’s CA", "Example's CA")
    assert not same_spelling("Example CA", "Example-CA")


def test_document_memo_builds_once_per_key() -> None:
    doc = Document.from_text("text\n")
    calls: list[str] = []

    def build() -> str:
        calls.append("built")
        return "value"

    assert doc.memo("tests.example", build) == "value"
    assert doc.memo("tests.example", build) == "value"
    assert doc.memo("tests.other", build) == "value"
    assert calls == ["built", "built"]
    assert Document.from_text("text\n").memo("tests.example", lambda: "fresh") == "fresh"
