"""The ``full`` output format and the summary's hints, on small made-up minutes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from minutes_lint.cli import main
from minutes_lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Position, Severity
from minutes_lint.reporters import get_reporter
from minutes_lint.reporters.base import ReportContext
from minutes_lint.reporters.full import width, window

PEOPLE = [f"Person{i:03d} Example (Org{i % 7})" for i in range(120)]
LONG_LINE = ", ".join([*PEOPLE[:60], "Alice Moreu (Northwind Trust)", *PEOPLE[60:]])


def place(path: Path, text: str, needle: str, code: str = "ZZ001", fix: Fix | None = None):
    start = text.index(needle)
    end = start + len(needle)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Diagnostic(
        path=str(path),
        start=Position(line, column),
        end=Position(line, column + len(needle)),
        code=code,
        severity=Severity.WARNING,
        message=f"found {needle!r}",
        fix=fix,
        offset=start,
        end_offset=end,
        snippet=needle,
    )


def render(diagnostics: list[Diagnostic], fmt: str = "full", **changes: object) -> str:
    ctx = ReportContext(rules={}, color=False, unsafe_fixes=False)
    for key, value in changes.items():
        setattr(ctx, key, value)
    stream = io.StringIO()
    get_reporter(fmt).report(diagnostics, stream, ctx)
    return stream.getvalue()


def test_a_short_line_is_shown_whole_with_the_span_underlined(tmp_path: Path) -> None:
    text = "---\ntitle: Minutes\n---\n\nThe group was intersted in the ballot.\n"
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    start = text.index("intersted")
    fix = Fix.replace(start, start + 9, "interested", "Write “interested”")
    out = render([place(path, text, "intersted", fix=fix)]).splitlines()
    assert out[0] == f"{path}:5:15: ZZ001 [*] found 'intersted'"
    assert out[1:5] == [
        "  |",
        "5 | The group was intersted in the ballot.",
        "  |               ^^^^^^^^^ ZZ001",
        "  = fix (safe): Write “interested”: replace “intersted” with “interested”",
    ]


def test_a_long_line_is_windowed_around_the_span(tmp_path: Path) -> None:
    text = f"## Attendees\n\n{LONG_LINE}\n"
    path = tmp_path / "b.md"
    path.write_text(text, encoding="utf-8")
    out = render([place(path, text, "Alice Moreu")]).splitlines()
    assert len(LONG_LINE) > 2000
    shown = out[2].split(" | ", 1)[1]
    assert shown.startswith("…") and shown.endswith("…")
    assert "Alice Moreu (Northwind Trust)" in shown
    assert 80 <= len(shown) <= 82
    carets = out[3].split(" | ", 1)[1]
    column = shown.index("Alice Moreu")
    assert carets == " " * column + "^" * len("Alice Moreu") + " ZZ001"


def test_unsafe_fix_says_so_and_deletions_are_named(tmp_path: Path) -> None:
    text = "Present: Bruno Silva, Bruno Silva (Example CA)\n"
    path = tmp_path / "c.md"
    path.write_text(text, encoding="utf-8")
    start = text.index(", Bruno Silva (")
    fix = Fix.replace(start, start + 13, "", "Keep one entry", Applicability.UNSAFE)
    out = render([place(path, text, ", Bruno Silva (", fix=fix)])
    assert "= fix (unsafe, needs --unsafe-fixes): Keep one entry: delete “, Bruno Silva”" in out


def test_edits_that_change_nothing_are_not_shown(tmp_path: Path) -> None:
    text = "Alice Moreau - (Northwind Trust)\n"
    path = tmp_path / "f.md"
    path.write_text(text, encoding="utf-8")
    dash = text.index(" - (")
    fix = Fix(
        (Edit(dash, dash + 4, " ("), Edit(len(text) - 2, len(text) - 1, ")")), "Write “Name (Org)”"
    )
    out = render([place(path, text, "Alice Moreau", fix=fix)])
    assert "= fix (safe): Write “Name (Org)”: replace “ - (” with “ (”\n" in out


def test_invisible_characters_are_shown_and_fixes_spell_them_out(tmp_path: Path) -> None:
    text = "Chen\u00a0Wei (Blue Harbor PKI)\n"
    path = tmp_path / "d.md"
    path.write_text(text, encoding="utf-8")
    fix = Fix.replace(4, 5, " ", "Write a plain space")
    out = render([place(path, text, "\u00a0", fix=fix)]).splitlines()
    assert out[2] == "1 | Chen·Wei (Blue Harbor PKI)"
    assert out[3] == "  |     ^ ZZ001"
    assert out[4].endswith("replace “\\u00a0” with “ ”")


def test_a_changed_or_missing_file_gets_only_the_diagnostic_line(tmp_path: Path) -> None:
    text = "The group was intersted.\n"
    path = tmp_path / "e.md"
    path.write_text(text, encoding="utf-8")
    diagnostic = place(path, text, "intersted")
    path.write_text("Something else entirely.\n", encoding="utf-8")
    assert render([diagnostic]).splitlines()[:2] == [
        f"{path}:1:15: ZZ001 found 'intersted'",
        "Found 1 problem (0 errors, 1 warning, 0 info).",
    ]
    path.unlink()
    assert render([diagnostic]).splitlines()[1].startswith("Found 1 problem")


def test_wide_characters_count_two_columns() -> None:
    assert width("名前") == 4 and width("Zoë") == 3 and width("Zoe\u0308") == 3


@pytest.mark.parametrize(
    ("length", "start", "end", "expected"),
    [
        (50, 10, 20, (0, 50)),
        (1000, 500, 510, (465, 545)),
        (1000, 0, 5, (0, 80)),
        (1000, 995, 1000, (920, 1000)),
        (1000, 100, 400, (100, 180)),
    ],
)
def test_window(length: int, start: int, end: int, expected: tuple[int, int]) -> None:
    assert window(length, start, end) == expected


def _many(tmp_path: Path, count: int) -> list[Diagnostic]:
    text = "word\n" * count
    path = tmp_path / "many.md"
    path.write_text(text, encoding="utf-8")
    out = []
    for i in range(count):
        code = ["ZZ001", "ZZ002", "ZZ003", "ZZ004", "ZZ005", "ZZ006"][min(i // 10, 5)]
        diagnostic = place(path, text, "word", code)
        diagnostic.start = Position(i + 1, 1)
        diagnostic.offset, diagnostic.end_offset = 5 * i, 5 * i + 4
        out.append(diagnostic)
    return out


def test_the_summary_names_the_top_codes_and_suggests_a_baseline(tmp_path: Path) -> None:
    out = render(_many(tmp_path, 60), "concise", paths=("content/", "my notes"))
    assert "Most frequent: ZZ001 (10), ZZ002 (10), ZZ003 (10), ZZ004 (10), ZZ005 (10);" in out
    assert "ZZ006" not in out.split("Most frequent")[1]
    assert "  minutes-lint baseline content/ 'my notes' --output minutes-lint-baseline.json" in out
    assert "  minutes-lint --baseline minutes-lint-baseline.json content/ 'my notes'" in out


def test_no_baseline_hint_for_a_few_problems_or_with_a_baseline(tmp_path: Path) -> None:
    assert "minutes-lint baseline" not in render(_many(tmp_path, 12), "concise")
    assert "minutes-lint baseline" not in render(_many(tmp_path, 60), "concise", baseline=True)


def test_full_is_the_default_and_concise_keeps_one_line_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text("---\ntitle: Minutes\n---\nText with trailing space. \n")
    args = ["--no-cache", "--select", "WS001", "a.md"]
    assert main(args) == 0  # info only
    full = capsys.readouterr().out.splitlines()
    assert full[0].startswith("a.md:4:26: WS001 [*] ")
    assert full[2] == "4 | Text with trailing space."
    assert full[3] == "  |                          ^ WS001"
    assert main([*args, "--output-format", "concise"]) == 0
    concise = capsys.readouterr().out.splitlines()
    assert concise[0] == full[0] and concise[1].startswith("Found 1 problem")
