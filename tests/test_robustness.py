"""Bad input never breaks a run: a clear diagnostic on the bad file, the other files still linted.

Every run lints the bad file together with ``other.md``, a document whose
title year disagrees with its body (DT001), and checks that its diagnostic
is still reported, that no rule crashed (ML005) and that nothing printed a
traceback.  Property tests feed arbitrary text to the document model, the
engine with every installed rule and the fixer, and arbitrary bytes to the
decoder.  ``MINUTES_LINT_HYPOTHESIS_EXAMPLES`` sets how many examples each
property tries (300 by default).
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_lint.cli import main
from minutes_lint.config import Settings
from minutes_lint.corpus import Corpus
from minutes_lint.diagnostics import Diagnostic
from minutes_lint.document import Document
from minutes_lint.engine import Engine
from minutes_lint.fixes.edits import fix_until_stable
from minutes_lint.registry import load_rules
from minutes_lint.source import ReadFailure, Source, decode, read_source
from tests.test_cli import BAD, subprocess_run

EXAMPLES = int(os.environ.get("MINUTES_LINT_HYPOTHESIS_EXAMPLES", "300"))
INSTALLED = frozenset(load_rules())
OTHER = "other.md"


def front_matter_codes(*codes: str) -> tuple[str, ...]:
    """The front-matter rule codes among ``codes`` that are installed (reported when present)."""
    return tuple(c for c in codes if c in INSTALLED)


# -- one bad file and one defective file per run -------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    """A YAML alias bomb: each level refers nine times to the one before."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghijklmnopqrstuvwxyz"
    for i in range(1, levels):
        refs = ",".join([f"*{names[i - 1]}"] * 9)
        lines.append(f"{names[i]}: &{names[i]} [{refs}]")
    return "---\n" + "\n".join(lines) + "\ntitle: Minutes\n---\nBody.\n"


@dataclass
class Case:
    """A bad input: the bytes of ``name`` and what must be reported on it."""

    name: str
    data: bytes
    always: tuple[str, ...] = ()  # codes that must be reported on the file
    when_installed: tuple[str, ...] = ()  # rule codes reported when those rules are installed
    model: Callable[[Document], bool] | None = None  # a check on the document model
    line: int | None = None  # where the first expected diagnostic must be


def _fm_error(doc: Document) -> bool:
    return doc.front_matter.present and doc.front_matter.error is not None


CASES = [
    Case("empty.md", b"", when_installed=front_matter_codes("FM001")),
    Case(
        "dashes.md",
        b"---",
        when_installed=front_matter_codes("FM002"),
        model=lambda d: not d.front_matter.terminated,
    ),
    Case(
        "unterminated.md",
        b"---\ntitle: 2026-01-14 Minutes\n\nJanuary 14, 2026\n",
        when_installed=front_matter_codes("FM002"),
        model=lambda d: not d.front_matter.terminated,
    ),
    Case(
        "invalid-yaml.md",
        b"---\ntitle: [2026-01-14 Minutes\ndate: 2026-01-14\n---\nBody.\n",
        when_installed=front_matter_codes("FM003"),
        model=_fm_error,
    ),
    Case(
        "yaml-list.md",
        b"---\n- title\n- date\n---\nBody.\n",
        when_installed=front_matter_codes("FM003"),
        model=lambda d: d.front_matter.kind == "list" and not d.front_matter.entries,
    ),
    Case(
        "yaml-scalar.md",
        b"---\njust a sentence\n---\nBody.\n",
        when_installed=front_matter_codes("FM003"),
        model=lambda d: d.front_matter.kind == "scalar",
    ),
    Case(
        "python-tag.md",
        b'---\ntitle: !!python/object/apply:os.system ["touch PWNED"]\n---\nBody.\n',
        model=lambda d: d.front_matter.get("title") is not None,
    ),
    Case("alias-bomb.md", billion_laughs().encode(), model=lambda d: d.front_matter.ok),
    Case(
        "deep-nesting.md",
        ("---\ntitle: " + "[" * 10_000 + "]" * 10_000 + "\n---\nBody.\n").encode(),
        when_installed=front_matter_codes("FM003"),
        model=_fm_error,
    ),
    Case(
        "deep-nesting-body.md",
        ("---\ntitle: Minutes\n---\n" + "[" * 10_000 + "]" * 10_000 + "\n").encode(),
        model=lambda d: d.front_matter.ok,
    ),
    Case(
        "latin1.md",
        "---\ntitle: Réunion\n---\nCafé.\n".encode("latin-1"),
        always=("ML002",),
        line=2,
    ),
    Case("utf16.md", "---\ntitle: Minutes\n---\n".encode("utf-16"), always=("ML002",), line=1),
    Case("utf32.md", "---\ntitle: x\n---\n".encode("utf-32"), always=("ML002",), line=1),
    Case("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", always=("ML002",), line=3),
    Case("nul.md", b"---\ntitle: Minutes\n---\nBody\x00 text.\n", always=("ML002",), line=4),
    Case(
        "crlf.md",
        BAD.replace("\n", "\r\n").encode(),
        always=("DT001",),
        line=2,
        model=lambda d: d.source.newline == "\r\n" and d.front_matter.ok,
    ),
    Case(
        "mixed-newlines.md",
        "".join(
            line + ("\r\n" if i % 2 else "\n") for i, line in enumerate(BAD.splitlines())
        ).encode(),
        always=("DT001",),
        line=2,
        model=lambda d: d.source.newline == "mixed",
    ),
    Case(
        "lone-cr.md",
        BAD.replace("\n", "\r").encode(),
        model=lambda d: d.source.newline == "\r",
    ),
    Case("one-long-line.md", ("Minutes " * 131_072).encode(), model=lambda d: len(d.lines) == 1),
    Case(
        "bom.md",
        b"\xef\xbb\xbf" + BAD.encode(),
        always=("DT001",),
        line=2,
        model=lambda d: d.source.bom,
    ),
    Case("only-newlines.md", b"\n" * 1000 + b"\r\n" * 1000),
    Case("control-chars.md", "---\ntitle: \x1b[31mred\x07\n---\n\x0c\x0b\u2028\u2029\n".encode()),
]


def run_cli(tmp_path: Path, *names: str) -> tuple[int, list[dict[str, object]], str]:
    """Lint ``names`` and ``other.md`` through ``python -m minutes_lint`` in ``tmp_path``."""
    (tmp_path / OTHER).write_text(BAD, encoding="utf-8")
    run = subprocess_run(["--output-format", "json", *names, OTHER], tmp_path)
    assert "Traceback" not in run.err, run.err
    assert run.code in (0, 1), (run.code, run.err)
    data = json.loads(run.out)
    assert not [d for d in data if d["code"] == "ML005"], data
    assert ("other.md", "DT001") in {(d["path"], d["code"]) for d in data}, data
    return run.code, data, run.err


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gives_a_diagnostic_and_the_run_goes_on(tmp_path: Path, case: Case) -> None:
    (tmp_path / case.name).write_bytes(case.data)
    code, data, _err = run_cli(tmp_path, case.name)
    on_file = [d for d in data if d["path"] == case.name]
    reported = {d["code"] for d in on_file}
    for expected in case.always + case.when_installed:
        assert expected in reported, (expected, on_file)
    if case.line is not None and case.always:
        first = next(d for d in on_file if d["code"] == case.always[0])
        assert first["line"] == case.line, first
    if any(c in reported for c in ("ML002", "DT001")):
        assert code == 1
    assert not (tmp_path / "PWNED").exists()
    source = decode(case.name, case.data)
    if case.model is not None:
        assert isinstance(source, Source)
        assert case.model(Document(source))


def test_a_python_tag_is_never_constructed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = '---\ntitle: !!python/object/apply:os.system ["touch PWNED"]\n---\nBody.\n'
    doc = Document.from_text(text)
    entry = doc.front_matter.get("title")
    assert entry is not None and entry.tag == "tag:yaml.org,2002:python/object/apply:os.system"
    assert entry.value == ["touch PWNED"]
    assert not (tmp_path / "PWNED").exists()


def test_an_alias_bomb_is_not_expanded() -> None:
    started = time.perf_counter()
    doc = Document.from_text(
        billion_laughs(9).replace("title:", "tags: [Minutes, Ballots]\ntitle:")
    )
    assert doc.front_matter.ok
    # the values read after the bomb are intact: it used up no budget of theirs
    assert doc.title == "Minutes"
    tags = doc.front_matter.get("tags")
    assert tags is not None and [value for value, _s, _e in tags.items] == ["Minutes", "Ballots"]
    assert time.perf_counter() - started < 10  # 9**9 strings would never finish


def test_deep_nesting_is_refused_quickly() -> None:
    started = time.perf_counter()
    doc = Document.from_text("---\ntitle: " + "{a: " * 5000 + "}" * 5000 + "\n---\n")
    assert doc.front_matter.error is not None and "nested too deeply" in doc.front_matter.error
    assert doc.front_matter.error_offset is not None
    assert time.perf_counter() - started < 10


def _big_document(megabytes: float) -> tuple[str, int]:
    """Realistic minutes of about ``megabytes`` MB, and how many items they hold."""
    people = ["Alice Moreau", "Bruno Keller", "Chen Wei", "Dana Okafor", "Erik Lund"]
    head = (
        "---\ntitle: 2026-01-14 Minutes of the Example Working Group\n"
        "date: 2026-01-15 00:00:00\n---\nJanuary 14, 2026\n\n## 1. Roll Call\n\nAttendees: "
        + ", ".join(f"{p} (Example CA)" for p in people)
        + "\n\n## 2. Discussion\n\n"
    )
    parts = [head]
    size, i = len(head), 0
    while size < megabytes * 1_000_000:
        i += 1
        part = (
            f"### 2.{i % 999 + 1} Item {i}\n\n"
            f"* {people[i % 5]} presented the draft discussed on January {i % 28 + 1}, 2026; "
            f"see https://example.org/ballots/{i} for details. {people[(i + 1) % 5]} asked "
            "whether the change affects existing certificates; the group agreed to follow up.\n\n"
            f"  * Action: {people[(i + 2) % 5]} to circulate a revised text before the next call.\n"
            "\n"
        )
        parts.append(part)
        size += len(part)
    parts.append("Next meeting: January 28, 2026\n")
    return "".join(parts), i


def _lint_big(tmp_path: Path, megabytes: float) -> float:
    """Seconds to lint a generated document of ``megabytes`` MB with every rule."""
    text, items = _big_document(megabytes)
    folder = tmp_path / f"{megabytes}MB"
    folder.mkdir()
    (folder / "big.md").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    run_cli(folder, "big.md")
    elapsed = time.perf_counter() - started
    print(f"\n{len(text) / 1e6:.1f} MB file ({items} items): linted in {elapsed:.1f} s")
    return elapsed


def test_a_large_file_is_linted_in_linear_time(tmp_path: Path) -> None:
    """Every rule runs over a 2 MB document, and the run takes less than sixteen times what
    one eight times smaller takes (linear: about five, start-up included; quadratic in the
    document's size: over twenty)."""
    small = _lint_big(tmp_path, 0.25)
    large = _lint_big(tmp_path, 2)
    assert large < 16 * small, (small, large)


@pytest.mark.skipif(
    not os.environ.get("MINUTES_LINT_SLOW_TESTS"), reason="set MINUTES_LINT_SLOW_TESTS=1"
)
def test_a_20_mb_file_finishes(tmp_path: Path) -> None:
    """A realistic 20 MB document: every rule runs over it and the run ends."""
    _lint_big(tmp_path, 20)


# -- files that cannot be read -------------------------------------------------------------


@pytest.fixture
def in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run ``main`` in ``tmp_path`` with ``other.md`` there."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    (tmp_path / OTHER).write_text(BAD, encoding="utf-8")
    return tmp_path


def lint_in_process(capsys: pytest.CaptureFixture[str], *names: str) -> list[dict[str, object]]:
    capsys.readouterr()
    code = main(["--output-format", "json", *names, OTHER])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    data = json.loads(out)
    assert ("other.md", "DT001") in {(d["path"], d["code"]) for d in data}
    return data  # type: ignore[no-any-return]


def failing_open(
    monkeypatch: pytest.MonkeyPatch, name: str, error: OSError
) -> Callable[..., object]:
    """Make ``open`` in minutes_lint.source raise ``error`` for the file ``name``."""
    real_open = open

    def fake_open(file: object, *args: object, **kwargs: object) -> object:
        if Path(str(file)).name == name:
            raise error
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("minutes_lint.source.open", fake_open, raising=False)
    return fake_open


def test_an_unreadable_file(
    in_process: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = in_process / "secret.md"
    path.write_text(BAD, encoding="utf-8")
    if os.geteuid() == 0:  # root reads anything: simulate the permission error
        failing_open(monkeypatch, "secret.md", PermissionError(errno.EACCES, "Permission denied"))
    else:
        path.chmod(0)
    try:
        data = lint_in_process(capsys, "secret.md")
    finally:
        path.chmod(0o644)
    assert [(d["code"], d["message"]) for d in data if d["path"] == "secret.md"] == [
        ("ML001", "cannot be read: permission denied")
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file whatever its mode")
def test_an_unreadable_file_in_a_subprocess(tmp_path: Path) -> None:
    path = tmp_path / "secret.md"
    path.write_text(BAD, encoding="utf-8")
    path.chmod(0)
    try:
        _code, data, _err = run_cli(tmp_path, "secret.md")
    finally:
        path.chmod(0o644)
    assert {(d["path"], d["code"]) for d in data} >= {("secret.md", "ML001")}


def test_an_input_output_error(
    in_process: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_process / "disk.md").write_text(BAD, encoding="utf-8")
    failing_open(monkeypatch, "disk.md", OSError(errno.EIO, "Input/output error"))
    data = lint_in_process(capsys, "disk.md")
    assert [(d["code"], d["message"]) for d in data if d["path"] == "disk.md"] == [
        ("ML001", "cannot be read: Input/output error")
    ]


def test_a_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "link.md").symlink_to(tmp_path / "nowhere.md")
    _code, data, _err = run_cli(tmp_path, "link.md")
    assert [(d["code"], d["message"]) for d in data if d["path"] == "link.md"] == [
        ("ML001", "is a broken symbolic link")
    ]


def test_a_broken_symlink_inside_a_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "minutes").mkdir()
    (tmp_path / "minutes" / "link.md").symlink_to(tmp_path / "nowhere.md")
    _code, data, _err = run_cli(tmp_path, "minutes")
    assert ("ML001", os.path.join("minutes", "link.md")) in {(d["code"], d["path"]) for d in data}


def test_a_missing_file(tmp_path: Path) -> None:
    _code, data, _err = run_cli(tmp_path, "missing.md")
    assert [d["code"] for d in data if d["path"] == "missing.md"] == ["ML001"]


def test_a_folder_with_a_markdown_name_is_walked(tmp_path: Path) -> None:
    (tmp_path / "x.md").mkdir()
    (tmp_path / "x.md" / "inner.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "empty.md").mkdir()
    _code, data, _err = run_cli(tmp_path, "x.md", "empty.md")
    paths = {d["path"] for d in data}
    assert os.path.join("x.md", "inner.md") in paths
    # named like a file, holding nothing to lint: it was meant as a file (issue 16, item 7)
    assert [(d["code"], d["message"]) for d in data if d["path"] == "empty.md"] == [
        ("ML001", "is a directory, not a file")
    ]


def test_reading_a_folder_is_ml001(tmp_path: Path) -> None:
    (tmp_path / "x.md").mkdir()
    failure = read_source(str(tmp_path / "x.md"))
    assert isinstance(failure, ReadFailure)
    assert (failure.code, failure.message) == ("ML001", "is a directory, not a file")


def test_a_file_that_disappears_during_the_run(
    in_process: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_process / "gone.md").write_text(BAD, encoding="utf-8")
    from minutes_lint import discovery

    real_expand = discovery.expand_paths

    def expand_then_delete(paths: list[str], settings: Settings) -> list[str]:
        found = real_expand(paths, settings)
        (in_process / "gone.md").unlink(missing_ok=True)
        return found

    monkeypatch.setattr(discovery, "expand_paths", expand_then_delete)
    data = lint_in_process(capsys, "gone.md")
    assert [(d["code"], d["message"]) for d in data if d["path"] == "gone.md"] == [
        ("ML001", "no such file (it may have been removed during the run)")
    ]


def test_bad_bytes_on_stdin(tmp_path: Path) -> None:
    (tmp_path / OTHER).write_text(BAD, encoding="utf-8")
    run = subprocess_run(["--output-format", "json", "-", OTHER], tmp_path, b"\xff\xfe\x00bad")
    assert "Traceback" not in run.err and run.code == 1
    assert {(d["path"], d["code"]) for d in json.loads(run.out)} == {
        ("-", "ML002"),
        ("other.md", "DT001"),
    }


def test_fixing_never_writes_a_file_that_does_not_parse(
    in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = BAD.replace("date: 2026-01-15 00:00:00", "date: [2026-01-15")
    (in_process / "broken.md").write_text(broken, encoding="utf-8")
    capsys.readouterr()
    main(["--fix", "--unsafe-fixes", "--output-format", "json", "broken.md", OTHER])
    assert (in_process / "broken.md").read_text(encoding="utf-8") == broken
    assert "Traceback" not in capsys.readouterr().err


# -- properties ----------------------------------------------------------------------------

FRAGMENTS = [
    "---\n",
    "---",
    "\n",
    "\r\n",
    "\r",
    "## ",
    "# ",
    "### 2.1 ",
    "1. ",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ": ",
    ",",
    ";",
    " - ",
    "* ",
    "- ",
    "  ",
    "\t",
    "'",
    '"',
    "&a ",
    "*a",
    "!!python/object:x ",
    "|\n",
    "? ",
    "#",
    "```\n",
    "January 14, 2026",
    "Wednesday, January 14, 2026",
    "14 January 2026",
    "Feb 30",
    "March 3",
    "2026-01-14",
    "2024-01-14 00:00:00",
    "2026/01/14",
    "title: ",
    "date: ",
    "tags: [Minutes]",
    "minutes-lint-disable: [DT]",
    "<!-- minutes-lint: disable DT001 -->",
    "<!-- minutes-lint: disable-next-line -->",
    "<!-- minutes-lint: enable -->",
    "Attendees",
    "Attendees: ",
    "Present:",
    "Roll Call",
    "Next meeting: ",
    "Minutes of ",
    "approved",
    " and ",
    "Alice Moreau",
    "Alise Moreau",
    "Bruno Keller",
    "Dr. Chen Wei",
    "O'Neil",
    "(Example CA)",
    "Example Trust Services",
    "SC-085",
    "https://example.org/a)b",
    "alice@example.org",
    "\ufeff",
    "\u00a0",
    "\u200b",
    "é",
    "İ",
    "ß",
    "\U0001f600",
    "\x00",
]
markdownish = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=60).map(
    "".join
)
paths = st.sampled_from(["minutes.md", "minutes/2026-01-14-minutes.md", "2024-13-45.md", "-"])
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ALL_RULES = load_rules()
RUN_SETTINGS = Settings(root=Path(__file__).resolve().parent / "no-such-project")


def touch_model(doc: Document) -> None:
    """Read every property of the model and check that offsets stay inside the text."""
    size = len(doc.text)
    fm = doc.front_matter
    assert 0 <= fm.content_start <= size and 0 <= fm.body_start <= size
    for entry in fm.entries:
        assert 0 <= entry.key_start <= entry.key_end <= size
        assert 0 <= entry.value_start <= entry.value_end <= size
    assert doc.parses == fm.ok
    _ = doc.title, doc.code_lines, doc.text_spans, doc.prose_spans
    for heading in doc.headings:
        assert 0 <= heading.start <= heading.end <= size
    for mention in doc.dates:
        assert 0 <= mention.start < mention.end <= size
        assert doc.text[mention.start : mention.end] == mention.text
    for lst in doc.attendee_lists:
        assert 0 <= lst.start <= lst.end <= size
        for entry in lst.entries:
            assert doc.text[entry.start : entry.end] == entry.raw
    for name in doc.mentions:
        assert doc.text[name.start : name.end] == name.text
    meeting = doc.meeting
    _ = meeting.meeting_date, doc.attendees
    for offset in (0, size // 2, size):
        assert doc.position(offset).line >= 1


def check_diagnostics(doc: Document, diagnostics: list[Diagnostic]) -> None:
    """No rule crashed and every position lies inside the document."""
    crashed = [d.message for d in diagnostics if d.code == "ML005"]
    assert not crashed, crashed
    last_line = max(len(doc.lines), 1) + 1
    for d in diagnostics:
        assert 1 <= d.start.line <= d.end.line <= last_line, d
        assert d.start.column >= 1 and d.end.column >= 1, d
        if d.fix is not None:
            for edit in d.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(doc.text), (d.code, edit)


def lint_all(doc: Document) -> list[Diagnostic]:
    engine = Engine(ALL_RULES, RUN_SETTINGS)
    engine.corpus = Corpus.from_documents([doc], engine.facts)
    return engine.lint(doc)


@PROPERTY
@given(text=markdownish, path=paths)
def test_the_document_model_never_raises(text: str, path: str) -> None:
    touch_model(Document.from_text(text, path))


@PROPERTY
@given(text=markdownish.map(lambda t: "---\n" + t), path=paths)
def test_front_matter_never_raises(text: str, path: str) -> None:
    touch_model(Document.from_text(text, path))


@PROPERTY
@given(text=markdownish, path=paths)
def test_every_rule_runs_on_any_text(text: str, path: str) -> None:
    doc = Document.from_text(text, path)
    check_diagnostics(doc, lint_all(doc))


@PROPERTY
@given(
    text=st.builds(
        lambda title, body, fragments: (
            f"---\ntitle: {title} Minutes\ndate: 2026-01-15\n---\n{body}\n{fragments}"
        ),
        st.sampled_from(["2024-01-14", "2026-01-14", "January 14, 2026", ""]),
        st.sampled_from(["January 14, 2026", "14 January 2025", "2026-01-14", ""]),
        markdownish,
    )
)
def test_fixing_any_minutes_never_raises(text: str) -> None:
    path = "minutes.md"

    def lint(fixed: str) -> list[Diagnostic]:
        doc = Document.from_text(fixed, path)
        diagnostics = lint_all(doc)
        check_diagnostics(doc, diagnostics)
        return diagnostics

    def parses(fixed: str) -> bool:
        return Document.from_text(fixed, path).parses

    outcome = fix_until_stable(text, lint, unsafe=True, still_parses=parses)
    if parses(text):
        assert parses(outcome.text)
    if outcome.converged and not outcome.reverted:
        again = fix_until_stable(outcome.text, lint, unsafe=True, still_parses=parses)
        assert again.text == outcome.text, (outcome.applied, again.applied)


BOMS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"]


@PROPERTY
@given(
    data=st.one_of(
        st.binary(max_size=200),
        st.builds(lambda b, t: b + t.encode("utf-8"), st.sampled_from(BOMS), markdownish),
        st.builds(
            lambda t, enc: t.encode(enc, "replace"),
            markdownish,
            st.sampled_from(["latin-1", "utf-16", "cp1252", "utf-8"]),
        ),
    )
)
def test_decode_never_raises(data: bytes) -> None:
    result = decode("x.md", data)
    if isinstance(result, Source):
        assert result.data == data
        assert result.text.encode("utf-8") == (data[3:] if result.bom else data)
        assert "\x00" not in result.text
        _ = result.newline
    else:
        assert result.code == "ML002" and result.line >= 1 and result.column >= 1


def test_decode_places_the_bad_byte() -> None:
    failure = decode("-", "ok\nçé\x00".encode())
    assert isinstance(failure, ReadFailure) and (failure.line, failure.column) == (2, 3)
    failure = decode("-", "ok\nçé\xff".encode("latin-1"))
    assert isinstance(failure, ReadFailure) and (failure.line, failure.column) == (2, 1)


def test_a_missing_dependency_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Minutes\n\nText.\n", encoding="utf-8")
    driver = (
        "import sys\n"
        "sys.modules['markdown_it'] = None  # as if markdown-it-py were not installed\n"
        "from minutes_lint.cli import main\n"
        "raise SystemExit(main(['--no-cache', 'a.md']))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", driver], cwd=tmp_path, capture_output=True, text=True
    )
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "cannot import 'markdown_it'" in out.stderr
