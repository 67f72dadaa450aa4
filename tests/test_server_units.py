"""The language server's pure parts: positions, edits, the lint adapter, rule links."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from minutes_lint.diagnostics import Diagnostic, Position, Severity
from minutes_lint.document import Document
from minutes_lint.server.actions import disable_edits, minimal_edit, suppression_works
from minutes_lint.server.linting import Linter
from minutes_lint.server.positions import LineMap
from minutes_lint.server.rule_docs import RuleLinks, explanation


def diag(line: int, code: str = "AT001") -> Diagnostic:
    return Diagnostic("x.md", Position(line, 1), Position(line, 3), code, Severity.WARNING, "m")


# -- positions ---------------------------------------------------------------------------
def test_utf16_columns_count_astral_characters_twice() -> None:
    text = "a😀b Kelley\r\nsecond\rthird\n"
    lines = LineMap(text)
    at = text.index("Kelley")
    assert lines.position(at) == (0, 5)  # a, 2 units for the emoji, b, space
    assert lines.offset(0, 5) == at
    assert LineMap(text, "utf-32").position(at) == (0, 4)
    assert LineMap(text, "utf-8").position(at) == (0, 7)
    assert lines.position(text.index("second")) == (1, 0)
    assert lines.position(text.index("third")) == (2, 0)
    assert lines.position(len(text)) == (3, 0)
    assert lines.from_line_column(1, 5) == (0, 5)
    assert lines.newline_after(0) == "\r\n" and lines.newline_after(1) == "\r"


def test_offsets_are_clamped_to_the_text() -> None:
    lines = LineMap("ab\ncd")
    assert lines.offset(0, 99) == 2
    assert lines.offset(9, 0) == 5
    assert lines.offset(-1, 0) == 0
    assert lines.position(99) == (1, 2)


# -- edits -------------------------------------------------------------------------------
def test_minimal_edit_keeps_common_prefix_and_suffix() -> None:
    old, new = "one intersted two\n", "one interested two\n"
    edit = minimal_edit(old, new)
    assert old[: edit.start] + edit.content + old[edit.end :] == new
    assert edit.end - edit.start <= 2


def test_disable_comment_goes_above_the_line_with_its_indent_and_newline() -> None:
    text = "# Minutes\r\n\r\n  - Odile Marchetty (Example Org)\r\n"
    doc = Document.from_text(text)
    (title, edit), (file_title, _file_edit) = disable_edits(doc, LineMap(text), diag(3))
    assert title == "Disable AT001 on this line"
    assert file_title == "Disable AT001 in this file"
    assert edit.start == edit.end == text.index("  - Odile")
    assert edit.content == "  <!-- minutes-lint: disable-next-line AT001 -->\r\n"


def test_disable_joins_an_existing_comment_and_never_repeats_a_code() -> None:
    text = "<!-- minutes-lint: disable-next-line PN001 -->\nOdile Marchetty spoke.\n"
    doc = Document.from_text(text)
    _title, edit = disable_edits(doc, LineMap(text), diag(2))[0]
    joined = text[: edit.start] + edit.content + text[edit.end :]
    assert joined.startswith("<!-- minutes-lint: disable-next-line PN001,AT001 -->\n")
    titles = [t for t, _e in disable_edits(doc, LineMap(text), diag(2, "PN001"))]
    assert titles == ["Disable PN001 in this file"]


def test_disable_in_front_matter_uses_a_file_comment_after_it() -> None:
    text = "---\ntitle: x\ntags: [nope]\n---\n\nBody.\n"
    doc = Document.from_text(text)
    [(title, edit)] = disable_edits(doc, LineMap(text), diag(3, "FM008"))
    assert title == "Disable FM008 in this file"
    assert edit.start == text.index("\nBody") and edit.start == doc.front_matter.body_start
    assert edit.content == "<!-- minutes-lint: disable-file FM008 -->\n"
    broken = Document.from_text("---\ntitle: [x\n---\n")
    assert disable_edits(broken, LineMap(broken.text), diag(2, "FM003")) == []


def test_a_comment_line_inside_an_attendee_list_leaves_the_list_as_it_was() -> None:
    text = "# Minutes\n\n## Attendees\n\n* Odile Marchetti\n* Tobias Wren \n* Priyanka Das\n"
    doc = Document.from_text(text, "m.md")
    problem = Diagnostic("m.md", Position(6, 12), Position(6, 13), "WS001", Severity.INFO, "t")
    _title, line_edit = disable_edits(doc, LineMap(text), problem)[0]
    edited = Document.from_text(text[: line_edit.start] + line_edit.content + text[line_edit.end :])
    assert [e.name for e in edited.attendees] == ["Odile Marchetti", "Tobias Wren", "Priyanka Das"]
    assert suppression_works(doc, problem, [problem], line_edit, lambda _text: [])


def test_a_comment_that_does_not_silence_the_problem_is_not_offered() -> None:
    text = "# Minutes\n\nSome text \n"
    doc = Document.from_text(text, "m.md")
    problem = Diagnostic("m.md", Position(3, 10), Position(3, 11), "WS001", Severity.INFO, "t")
    moved = Diagnostic("m.md", Position(4, 10), Position(4, 11), "WS001", Severity.INFO, "t")
    (_t, line_edit), _file = disable_edits(doc, LineMap(text), problem)
    assert not suppression_works(doc, problem, [problem], line_edit, lambda _text: [moved])
    other = Diagnostic("m.md", Position(1, 1), Position(1, 2), "ST004", Severity.INFO, "new")
    assert not suppression_works(doc, problem, [problem], line_edit, lambda _text: [other])
    assert suppression_works(doc, problem, [problem], line_edit, lambda _text: [])


# -- the lint adapter ----------------------------------------------------------------------
def _project(root: Path) -> Path:
    (root / ".minutes-lint.toml").write_text('corpus = ["*.md"]\n', encoding="utf-8")
    for day in (2, 3, 4):
        (root / f"m{day}.md").write_text(
            f"# Minutes {day}\n\n## Attendees\n\n- Odile Marchetti (Example Org)\n"
            "- Tobias Wren (Example Org)\n",
            encoding="utf-8",
        )
    return root / "m9.md"


def test_linter_keeps_the_corpus_and_reports_when_it_is_one_edit_behind(tmp_path: Path) -> None:
    path = _project(tmp_path)
    text = path.with_name("m2.md").read_text().replace("Marchetti", "Marchetty")
    linter = Linter(tmp_path)
    first = linter.lint(path, text)
    assert first.exact and [d.code for d in first.diagnostics if d.code == "AT001"]
    # an edit that changes no fact (prose words are a fact of TX004: add a blank line)
    again = linter.lint(path, text + "\n", exact=False)
    assert again.exact and again.corpus is first.corpus  # same facts: same corpus
    renamed = text.replace("Tobias Wren", "Tobias Wrenn")
    quick = linter.lint(path, renamed, exact=False)
    assert not quick.exact and quick.corpus is first.corpus
    exact = linter.lint(path, renamed, exact=True)
    assert exact.exact and exact.corpus is not first.corpus


def test_linter_picks_up_config_roster_and_corpus_changes(tmp_path: Path) -> None:
    path = _project(tmp_path)
    text = path.with_name("m2.md").read_text().replace("Marchetti", "Marchetty")
    linter = Linter(tmp_path)
    assert any(d.code == "AT001" for d in linter.lint(path, text).diagnostics)
    config = tmp_path / ".minutes-lint.toml"
    config.write_text('corpus = ["*.md"]\nignore = ["AT001"]\n', encoding="utf-8")
    future = time.time() + 5
    os.utime(config, (future, future))  # a new mtime even on coarse file systems
    assert not any(d.code == "AT001" for d in linter.lint(path, text).diagnostics)
    config.write_text('corpus = ["*.md"]\n', encoding="utf-8")
    os.utime(config, (future + 5, future + 5))
    # three more documents on disk write "Marchetty": now the majority, after a rescan
    for day in (5, 6, 7, 8):  # distinct minutes: identical copies would count once
        copy = text.replace("# Minutes 2", f"# Minutes {day}")
        (tmp_path / f"m{day}.md").write_text(copy, encoding="utf-8")
    linter.files_changed([tmp_path / "m5.md"])
    found = [d for d in linter.lint(path, text).diagnostics if d.code == "AT001"]
    assert found == []


def test_linter_reports_configuration_errors_instead_of_raising(tmp_path: Path) -> None:
    (tmp_path / ".minutes-lint.toml").write_text("select = [1]\n", encoding="utf-8")
    result = Linter(tmp_path).lint(tmp_path / "a.md", "# A\n")
    assert result.error is not None and "'select' must be a list of strings" in result.error
    assert result.diagnostics == []


# -- rule documentation links ---------------------------------------------------------------
def test_rule_pages_are_written_once_and_linked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from minutes_lint.registry import load_rules

    rules = load_rules()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    link = RuleLinks().link("DT002", rules)
    assert link is not None and link.startswith("file://") and link.endswith("/rules/DT002.md")
    page = next(tmp_path.glob("minutes-lint/*/rules/DT002.md"))
    assert page.read_text(encoding="utf-8").startswith("# DT002 weekday-mismatch")
    assert "## Why is this bad?" in page.read_text(encoding="utf-8")
    hosted = RuleLinks("https://minutes.example.org/rules/{code}#{name}")
    assert hosted.link("DT002", rules) == "https://minutes.example.org/rules/DT002#weekday-mismatch"
    assert "ML002 not-utf8-text" in explanation("ML002", rules)


def test_saving_the_document_itself_keeps_its_corpus(tmp_path: Path) -> None:
    path = _project(tmp_path)
    text = path.with_name("m2.md").read_text().replace("Marchetti", "Marchetty")
    linter = Linter(tmp_path)
    first = linter.lint(path, text)
    path.write_text(text, encoding="utf-8")  # saved: its file on disk is not in its corpus
    linter.files_changed([path])
    assert linter.lint(path, text).corpus is first.corpus
    other = tmp_path / "m3.md"
    other.write_text(other.read_text() + "\nMore.\n", encoding="utf-8")
    linter.files_changed([other])
    assert linter.lint(path, text).corpus is not first.corpus


# -- the command ------------------------------------------------------------------------------
def test_server_command_without_pygls_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from minutes_lint.cli import main

    monkeypatch.setitem(sys.modules, "pygls", None)  # makes ``import pygls`` fail
    assert main(["server"]) == 2
    assert "pip install 'minutes-lint[server]'" in capsys.readouterr().err


def test_the_command_line_does_not_import_the_server() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from minutes_lint.cli import main; main(['rules']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol')"
        " or m.startswith('minutes_lint.server')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"
