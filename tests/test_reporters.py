"""Tests for the output formats, on small hand-built diagnostics."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from minutes_lint.baseline import fingerprints
from minutes_lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Position, Severity
from minutes_lint.reporters import REPORTERS, get_reporter
from minutes_lint.reporters.base import ReportContext, Reporter, RuleInfo
from minutes_lint.reporters.github import escape_data, escape_property
from minutes_lint.reporters.junit import xml_text
from minutes_lint.reporters.text import use_color

SCHEMA_PATH = Path(__file__).parent / "schemas" / "sarif-2.1.0.json"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

RULES = {
    "ML101": RuleInfo(
        code="ML101",
        name="attendee-affiliation",
        summary="Attendee without an organisation",
        severity="error",
        doc="## What it does\nChecks that every attendee names an organisation.",
        fix="none",
    ),
    "ML202": RuleInfo(
        code="ML202",
        name="trailing-space",
        summary="Trailing whitespace",
        severity="warning",
        doc="## What it does\nFlags spaces at the end of a line.",
        fix="safe",
    ),
    "ML303": RuleInfo(
        code="ML303",
        name="date-format",
        summary="Date not in ISO form",
        severity="info",
        doc="## What it does\nSuggests ISO 8601 dates.",
        fix="unsafe",
    ),
}


def diag(
    path: str,
    line: int,
    column: int,
    code: str = "ML101",
    severity: Severity = Severity.ERROR,
    message: str = "Alice Moreau has no organisation",
    fix: Fix | None = None,
    snippet: str = "Alice Moreau",
    context: str = "- Alice Moreau",
) -> Diagnostic:
    """Build a diagnostic spanning three columns on one line."""
    positions: tuple[tuple[Position, Position], ...] = ()
    if fix is not None:
        positions = tuple(
            (Position(line, column), Position(line, column + e.end - e.start)) for e in fix.edits
        )
    return Diagnostic(
        path=path,
        start=Position(line, column),
        end=Position(line, column + 3),
        code=code,
        severity=severity,
        message=message,
        fix=fix,
        offset=line * 100 + column,
        end_offset=line * 100 + column + 3,
        snippet=snippet,
        context=context,
        edit_positions=positions,
    )


SAFE_FIX = Fix((Edit(10, 12, ""),), "Remove trailing whitespace")
UNSAFE_FIX = Fix((Edit(5, 15, "2024-03-07"),), "Rewrite as ISO date", Applicability.UNSAFE)


def sample() -> list[Diagnostic]:
    """A handful of diagnostics in two files, out of order, covering each severity."""
    return [
        diag("minutes/b.md", 4, 2, "ML202", Severity.WARNING, "Trailing whitespace", SAFE_FIX),
        diag("minutes/a.md", 9, 1),
        diag("minutes/a.md", 3, 5, "ML303", Severity.INFO, "Date 7 March 2024", UNSAFE_FIX),
        diag("minutes/a.md", 3, 1, message="Bob Tanaka has no organisation", snippet="Bob"),
    ]


def context(**changes: object) -> ReportContext:
    ctx = ReportContext(rules=RULES, color=False, unsafe_fixes=False)
    for key, value in changes.items():
        setattr(ctx, key, value)
    return ctx


def render(fmt: str, diagnostics: list[Diagnostic], ctx: ReportContext | None = None) -> str:
    stream = io.StringIO()
    get_reporter(fmt).report(diagnostics, stream, ctx or context())
    return stream.getvalue()


# registry


def test_registry_resolves_every_format() -> None:
    for name in REPORTERS:
        assert isinstance(get_reporter(name), Reporter)


def test_unknown_format_names_the_choices() -> None:
    with pytest.raises(ValueError, match="sarif"):
        get_reporter("yaml")


# text


def test_text_lines_are_sorted_and_marked() -> None:
    lines = render("text", sample()).splitlines()
    assert lines[:4] == [
        "minutes/a.md:3:1: ML101 Bob Tanaka has no organisation",
        "minutes/a.md:3:5: ML303 Date 7 March 2024",
        "minutes/a.md:9:1: ML101 Alice Moreau has no organisation",
        "minutes/b.md:4:2: ML202 [*] Trailing whitespace",
    ]
    assert lines[4] == "Found 4 problems (2 errors, 1 warning, 1 info)."
    assert lines[5] == (
        "Most frequent: ML101 (2), ML202 (1), ML303 (1); "
        "`minutes-lint rule CODE` explains a rule, `--statistics` counts them all."
    )
    assert lines[6] == (
        "[*] 1 fixable with `minutes-lint --fix` "
        "(1 hidden fix can be enabled with the `--unsafe-fixes` option)."
    )
    assert len(lines) == 7


def test_text_unsafe_fixes_count_when_enabled() -> None:
    out = render("text", sample(), context(unsafe_fixes=True))
    assert "minutes/a.md:3:5: ML303 [*] Date 7 March 2024" in out
    assert "[*] 2 fixable with `minutes-lint --fix --unsafe-fixes`." in out
    assert "hidden" not in out


def test_text_only_hidden_fixes() -> None:
    out = render("text", [sample()[2]])
    assert "Found 1 problem (0 errors, 0 warnings, 1 info)." in out
    assert (
        "No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option)." in out
    )


def test_text_all_checks_passed() -> None:
    assert render("text", []) == "All checks passed!\n"


def test_text_colour_on_and_off() -> None:
    plain = render("text", sample())
    coloured = render("text", sample(), context(color=True))
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured
    assert ANSI.sub("", coloured) == plain


def test_text_statistics() -> None:
    lines = render("text", sample(), context(statistics=True)).splitlines()
    assert lines[0] == "2  ML101       Attendee without an organisation"
    assert lines[1] == "1  ML202  [*]  Trailing whitespace"
    assert lines[2] == "1  ML303       Date not in ISO form"
    assert lines[3].startswith("Found 4 problems")


def test_text_show_fixes() -> None:
    fixed = [sample()[0], sample()[0]]
    out = render("text", [], context(fixed=fixed, show_fixes=True))
    assert out.splitlines() == [
        "Fixed 2 problems:",
        "- minutes/b.md:",
        "    2 x ML202 (trailing-space)",
        "All checks passed!",
    ]
    assert render("text", [], context(fixed=fixed)).splitlines()[0] == "Fixed 2 problems."


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("env", "tty", "expected"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": ""}, False, False),
    ],
)
def test_use_color(env: dict[str, str], tty: bool, expected: bool) -> None:
    assert use_color(_Stream(tty), env) is expected


# json


def test_json_keys_are_exact() -> None:
    data = json.loads(render("json", sample()))
    assert [item["line"] for item in data] == [3, 3, 9, 4]
    for item in data:
        assert list(item) == [
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "code",
            "severity",
            "message",
            "fix",
        ]
    assert data[0]["fix"] is None
    fix = data[3]["fix"]
    assert list(fix) == ["applicability", "message", "edits"]
    assert fix["applicability"] == "safe"
    assert fix["edits"] == [{"line": 4, "column": 2, "end_line": 4, "end_column": 4, "content": ""}]
    assert data[1]["fix"]["applicability"] == "unsafe"
    assert data[1]["severity"] == "info"


def test_json_keeps_non_ascii() -> None:
    out = render("json", [diag("a.md", 1, 1, message="Zoë Ångström has no organisation")])
    assert "Zoë Ångström" in out
    assert json.loads(render("json", [])) == []


# github

WORKFLOW = re.compile(
    r"^::(error|warning|notice) file=(?P<file>[^,:]*),line=(\d+),col=(\d+),"
    r"endLine=(\d+),endColumn=(\d+),title=(?P<title>[^,:]+)::(?P<message>[^\r\n]*)$"
)


def test_github_workflow_commands() -> None:
    lines = render("github", sample()).splitlines()
    assert len(lines) == 4
    matches = [WORKFLOW.match(line) for line in lines]
    assert all(matches)
    assert [m.group(1) for m in matches if m] == ["error", "notice", "error", "warning"]
    assert lines[0] == (
        "::error file=minutes/a.md,line=3,col=1,endLine=3,endColumn=4,title=ML101"
        "::Bob Tanaka has no organisation"
    )


def test_github_escaping() -> None:
    odd = diag("dir,x/a:b.md", 1, 1, message="100% sure: yes\nsecond line\r")
    (line,) = render("github", [odd]).splitlines()
    match = WORKFLOW.match(line)
    assert match
    assert match.group("file") == "dir%2Cx/a%3Ab.md"
    assert match.group("message") == "100%25 sure: yes%0Asecond line%0D"
    assert escape_property("a%b:c,d\n") == "a%25b%3Ac%2Cd%0A"
    assert escape_data("a%b:c,d\r\n") == "a%25b:c,d%0D%0A"


# sarif


def _sarif_schema() -> dict[str, object]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def test_sarif_validates_against_schema() -> None:
    log = json.loads(render("sarif", sample()))
    jsonschema.validate(log, _sarif_schema())
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "minutes-lint"
    assert driver["version"]
    assert [rule["id"] for rule in driver["rules"]] == ["ML101", "ML202", "ML303"]
    assert driver["rules"][0]["shortDescription"]["text"] == "Attendee without an organisation"
    assert [r["level"] for r in run["results"]] == ["error", "note", "error", "warning"]
    first = run["results"][0]
    assert first["ruleId"] == "ML101"
    assert driver["rules"][first["ruleIndex"]]["id"] == "ML101"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "minutes/a.md"
    assert location["region"] == {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 4}


def test_sarif_fingerprints_and_fixes() -> None:
    ordered = sorted(sample(), key=lambda d: d.sort_key)
    run = json.loads(render("sarif", sample()))["runs"][0]
    prints = [r["partialFingerprints"]["minutesLint/v1"] for r in run["results"]]
    assert prints == fingerprints(ordered)
    fixed = run["results"][3]
    change = fixed["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "minutes/b.md"
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 4, "startColumn": 2, "endLine": 4, "endColumn": 4},
            "insertedContent": {"text": ""},
        }
    ]


def test_sarif_windows_and_unknown_rules_validate() -> None:
    odd = diag("minutes\\with space\\a.md", 1, 1, code="ML999")
    log = json.loads(render("sarif", [odd], context(rules={})))
    jsonschema.validate(log, _sarif_schema())
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == "minutes/with%20space/a.md"
    assert log["runs"][0]["tool"]["driver"]["rules"] == [{"id": "ML999"}]
    empty = json.loads(render("sarif", []))
    jsonschema.validate(empty, _sarif_schema())
    assert empty["runs"][0]["results"] == []


# junit


def test_junit_parses_and_groups_by_file() -> None:
    root = ET.fromstring(render("junit", sample()).encode("utf-8"))
    assert root.tag == "testsuites"
    assert root.get("tests") == "4"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["minutes/a.md", "minutes/b.md"]
    # ML303 is info: a passing case (issue 16, item 6)
    assert [s.get("failures") for s in suites] == ["2", "1"]
    failures = suites[0].findall("testcase/failure")
    assert [f.get("type") for f in failures] == ["ML101", "ML101"]
    assert failures[0].get("message") == "Bob Tanaka has no organisation"
    assert failures[0].text == "minutes/a.md:3:1: ML101 Bob Tanaka has no organisation"


def test_junit_survives_awkward_text() -> None:
    odd = diag("a&b.md", 1, 1, message='<tag> "quoted" & \x07 bell\nnext')
    root = ET.fromstring(render("junit", [odd]))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == '<tag> "quoted" & \\x07 bell\nnext'
    assert xml_text("ok\tline\n") == "ok\tline\n"


def test_junit_info_findings_pass() -> None:
    only_info = [diag("minutes/a.md", 3, 5, "ML303", Severity.INFO, "Date 7 March 2024")]
    root = ET.fromstring(render("junit", only_info))
    assert (root.get("tests"), root.get("failures")) == ("1", "0")
    (case,) = root.findall("testsuite/testcase")
    assert case.find("failure") is None
    out = case.find("system-out")
    assert out is not None and out.text == "minutes/a.md:3:5: ML303 Date 7 March 2024"


def test_junit_clean_run_has_one_passing_case_per_file() -> None:
    ctx = context(checked_paths=["minutes/b.md", "minutes/a.md"])
    root = ET.fromstring(render("junit", [], ctx))
    assert (root.get("tests"), root.get("failures")) == ("2", "0")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["minutes/a.md", "minutes/b.md"]
    assert [s.get("tests") for s in suites] == ["1", "1"]
    assert all(s.find("testcase/failure") is None for s in suites)
    # a file with findings is not counted twice
    mixed = ET.fromstring(render("junit", [diag("minutes/a.md", 9, 1)], ctx))
    assert (mixed.get("tests"), mixed.get("failures")) == ("2", "1")
    # a run that linted nothing still reports a test, never tests="0"
    assert ET.fromstring(render("junit", [])).get("tests") == "1"


# gitlab


def test_gitlab_code_quality() -> None:
    data = json.loads(render("gitlab", sample()))
    assert len(data) == 4
    for item in data:
        assert set(item) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert set(item["location"]) == {"path", "lines"}
        assert set(item["location"]["lines"]) == {"begin", "end"}
    assert data[0]["description"] == "ML101 Bob Tanaka has no organisation"
    assert [item["severity"] for item in data] == ["major", "info", "major", "minor"]
    assert len({item["fingerprint"] for item in data}) == 4


def test_gitlab_duplicates_get_distinct_fingerprints() -> None:
    same = [diag("a.md", 2, 1), diag("a.md", 8, 1)]
    data = json.loads(render("gitlab", same))
    assert data[0]["fingerprint"] != data[1]["fingerprint"]
    assert data[0]["location"]["path"] == "a.md"
