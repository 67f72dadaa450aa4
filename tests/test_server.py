"""``minutes-lint server`` driven over stdio by a real LSP client, as an editor drives it.

The client (pygls' LanguageClient) spawns ``python -m minutes_lint server`` in a small
project written here (made-up people and organisations), initializes it, opens and
changes documents, waits for ``textDocument/publishDiagnostics``, asks for code actions
and hovers and applies the edits they return.
"""

from __future__ import annotations

import asyncio
import importlib.util
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

types = pytest.importorskip("lsprotocol.types")
pytest.importorskip("pygls")

from pygls.lsp.client import LanguageClient  # noqa: E402

TIMEOUT = 60.0


def apply_text_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits (positions in UTF-16 units; fixtures are BMP text) to ``text``."""
    starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)

    def offset(pos: types.Position) -> int:
        if pos.line >= len(starts):
            return len(text)
        return starts[pos.line] + pos.character

    spans = sorted(
        ((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


class Session:
    """One running server and the messages it sent."""

    def __init__(
        self, root: Path, options: dict[str, Any] | None = None, args: tuple[str, ...] = ()
    ) -> None:
        self.root = root
        self.args = args
        self.options = options or {}
        self.client = LanguageClient("minutes-lint-tests", "1")
        self.published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()
        self.logs: list[str] = []
        self.registrations: list[types.Registration] = []
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published.put_nowait(params)

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def _log(params: types.LogMessageParams) -> None:
            self.logs.append(params.message)

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def _register(params: types.RegistrationParams) -> None:
            self.registrations.extend(params.registrations)

    async def __aenter__(self) -> Session:
        await self.client.start_io(
            sys.executable, "-m", "minutes_lint", "server", *self.args, cwd=str(self.root)
        )
        capabilities = types.ClientCapabilities(
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                    dynamic_registration=True
                )
            )
        )
        result = await asyncio.wait_for(
            self.client.initialize_async(
                types.InitializeParams(
                    capabilities=capabilities,
                    root_uri=self.root.as_uri(),
                    initialization_options=self.options,
                )
            ),
            TIMEOUT,
        )
        self.capabilities = result.capabilities
        self.client.initialized(types.InitializedParams())
        return self

    async def __aexit__(self, *exc: object) -> None:
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
            self.client.exit(None)
        finally:
            await asyncio.wait_for(self.client.stop(), TIMEOUT)

    # -- documents -------------------------------------------------------------------
    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.as_uri()
        text = path.read_text(encoding="utf-8") if text is None else text
        self.versions[uri] = 1
        self.texts[uri] = text
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="markdown", version=1, text=text
                )
            )
        )
        return uri

    def change(self, uri: str, text: str) -> int:
        self.versions[uri] += 1
        self.texts[uri] = text
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=uri, version=self.versions[uri]
                ),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return self.versions[uri]

    async def diagnostics(
        self, uri: str, version: int | None = None, timeout: float = TIMEOUT
    ) -> list[types.Diagnostic]:
        """The next diagnostics published for ``uri`` (for ``version`` when given)."""
        while True:
            params = await asyncio.wait_for(self.published.get(), timeout)
            if params.uri == uri and (version is None or params.version == version):
                return list(params.diagnostics)

    async def code_actions(
        self,
        uri: str,
        rng: types.Range,
        diagnostics: list[types.Diagnostic],
        only: list[str] | None = None,
    ) -> list[types.CodeAction]:
        found = await asyncio.wait_for(
            self.client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    range=rng,
                    context=types.CodeActionContext(diagnostics=diagnostics, only=only),
                )
            ),
            TIMEOUT,
        )
        return [a for a in found or [] if isinstance(a, types.CodeAction)]

    async def hover(self, uri: str, line: int, character: int) -> str | None:
        found = await asyncio.wait_for(
            self.client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    position=types.Position(line=line, character=character),
                )
            ),
            TIMEOUT,
        )
        if found is None:
            return None
        assert isinstance(found.contents, types.MarkupContent)
        return found.contents.value

    def apply(self, uri: str, action: types.CodeAction) -> str:
        """The document's text after ``action``'s edit."""
        assert action.edit is not None and action.edit.changes is not None
        return apply_text_edits(self.texts[uri], list(action.edit.changes[uri]))

    def files_changed(self, *paths: Path) -> None:
        self.client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[
                    types.FileEvent(uri=p.as_uri(), type=types.FileChangeType.Changed)
                    for p in paths
                ]
            )
        )


# -- fixtures ------------------------------------------------------------------------------
CONFIG = 'corpus = ["minutes/*.md"]\n'


def minutes(day: int, people: list[str], extra: str = "") -> str:
    listed = "".join(f"- {name} (Example Org)\n" for name in people)
    return (
        "---\n"
        f'title: "2026-03-{day:02d} Minutes of the Example Working Group"\n'
        f"date: 2026-03-{day:02d}\n"
        "---\n\n"
        "## Attendees\n\n"
        f"{listed}\n"
        "## Discussion\n\n"
        f"The group reviewed the draft charter.{extra}\n"
    )


PEOPLE = ["Odile Marchetti", "Tobias Wren", "Priyanka Das"]
TYPO = ["Odile Marchetty", "Tobias Wren", "Priyanka Das"]


def make_project(root: Path, documents: int = 4) -> Path:
    """A configured project whose corpus writes "Odile Marchetti" in every document."""
    (root / ".minutes-lint.toml").write_text(CONFIG, encoding="utf-8")
    folder = root / "minutes"
    folder.mkdir()
    for day in range(2, 2 + documents):
        (folder / f"2026-03-{day:02d}-minutes.md").write_text(
            minutes(day, PEOPLE), encoding="utf-8"
        )
    return folder


def run(test: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(test())


def only_code(found: list[Any], code: str) -> list[Any]:
    return [d for d in found if d.code == code]


# -- the acceptance path -----------------------------------------------------------
def test_diagnostics_quick_fix_and_clean_after_change(tmp_path: Path) -> None:
    folder = make_project(tmp_path)
    path = folder / "2026-03-20-minutes.md"
    text = minutes(20, TYPO)
    path.write_text(text, encoding="utf-8")

    async def scenario() -> None:
        async with Session(tmp_path) as session:
            assert session.capabilities.hover_provider
            uri = session.open(path)
            found = await session.diagnostics(uri, 1)
            at001 = only_code(found, "AT001")
            assert len(at001) == 1, found
            diag = at001[0]
            assert diag.source == "minutes-lint"
            assert diag.severity == types.DiagnosticSeverity.Warning
            assert "Odile Marchetti" in diag.message
            assert diag.code_description is not None
            assert diag.code_description.href.endswith("AT001.md")
            line = text.splitlines().index("- Odile Marchetty (Example Org)")
            assert diag.range == types.Range(
                types.Position(line=line, character=2),
                types.Position(line=line, character=2 + len("Odile Marchetty")),
            )

            actions = await session.code_actions(uri, diag.range, [diag])
            fixes = [a for a in actions if a.title.startswith("Write “Odile Marchetti”")]
            assert fixes and all(a.kind == types.CodeActionKind.QuickFix for a in fixes)
            assert "unsafe" in fixes[0].title  # the majority spelling is a guess
            fixed = session.apply(uri, fixes[0])
            assert "- Odile Marchetti (Example Org)" in fixed

            version = session.change(uri, fixed)
            assert await session.diagnostics(uri, version) == []

    run(scenario)


def test_unsaved_text_is_linted_not_the_file_on_disk(tmp_path: Path) -> None:
    folder = make_project(tmp_path)
    path = folder / "2026-03-20-minutes.md"
    path.write_text(minutes(20, PEOPLE), encoding="utf-8")  # clean on disk

    async def scenario() -> None:
        async with Session(tmp_path) as session:
            uri = session.open(path, minutes(20, TYPO))
            assert only_code(await session.diagnostics(uri, 1), "AT001")

    run(scenario)


def test_fix_all_safe_matches_the_command_line(tmp_path: Path) -> None:
    folder = make_project(tmp_path)
    path = folder / "2026-03-20-minutes.md"
    text = minutes(20, TYPO, " Everyone was intersted and\u00a0agreed.")
    path.write_text(text, encoding="utf-8")

    async def scenario() -> None:
        async with Session(tmp_path) as session:
            uri = session.open(path)
            found = await session.diagnostics(uri, 1)
            assert {"AT001", "TX001", "WS003"} <= {d.code for d in found}
            whole = types.Range(types.Position(0, 0), types.Position(0, 0))
            actions = await session.code_actions(uri, whole, [], only=["source.fixAll"])
            assert [a.kind for a in actions] == ["source.fixAll.minutes-lint"]
            assert actions[0].title.startswith("Fix all safe problems in this file")
            fixed = session.apply(uri, actions[0])
            # the quick-fix list offers it too, next to the diagnostics' own fixes
            tx001 = only_code(found, "TX001")[0]
            quick = await session.code_actions(uri, tx001.range, [tx001])
            titles = [a.title for a in quick]
            assert any(t.startswith("Fix all safe problems") for t in titles), titles
            assert "Write “interested” (TX001, safe fix)" in titles
            version = session.change(uri, fixed)
            remaining = await session.diagnostics(uri, version)
            assert "AT001" in {d.code for d in remaining}  # its fix is unsafe: kept
            assert not {"TX001", "WS003"} & {d.code for d in remaining}
            assert all(d.data["fix"] != "safe" for d in remaining), remaining
        relative = str(path.relative_to(tmp_path))
        cli = subprocess.run(
            [
                sys.executable,
                "-m",
                "minutes_lint",
                "--fix",
                "--no-cache",
                "-",
                "--stdin-filename",
                relative,
            ],
            input=text.encode(),
            capture_output=True,
            cwd=tmp_path,
            check=False,
        )
        assert cli.stdout.decode() == fixed

    run(scenario)


def test_disable_rule_on_this_line(tmp_path: Path) -> None:
    folder = make_project(tmp_path)
    path = folder / "2026-03-20-minutes.md"
    path.write_text(minutes(20, TYPO), encoding="utf-8")

    async def scenario() -> None:
        async with Session(tmp_path) as session:
            uri = session.open(path)
            diag = only_code(await session.diagnostics(uri, 1), "AT001")[0]
            at_line_start = types.Range(
                types.Position(diag.range.start.line, 0), types.Position(diag.range.start.line, 0)
            )
            actions = await session.code_actions(uri, at_line_start, [])
            disable = [a for a in actions if a.title == "Disable AT001 on this line"]
            assert len(disable) == 1
            text = session.apply(uri, disable[0])
            assert "<!-- minutes-lint: disable-next-line AT001 -->\n- Odile Marchetty" in text
            version = session.change(uri, text)
            left = await session.diagnostics(uri, version)
            assert not only_code(left, "AT001")
            assert not only_code(left, "ML003")  # the suppression is used
            assert not only_code(left, "AT002")  # the list still parses around the comment
            assert not only_code(left, "AT003")
            # a second rule on the same line joins the existing comment
            pn001 = only_code(left, "PN001")
            if pn001:
                more = await session.code_actions(uri, pn001[0].range, pn001)
                join = [a for a in more if a.title == "Disable PN001 on this line"]
                assert "disable-next-line AT001,PN001 -->" in session.apply(uri, join[0])

    run(scenario)


def test_hover_explains_the_rule_and_the_name(tmp_path: Path) -> None:
    folder = make_project(tmp_path)
    (tmp_path / "minutes-roster.yaml").write_text(
        "people:\n  - name: Tobias Wren\n    aliases: [Tobi Wren]\n", encoding="utf-8"
    )
    path = folder / "2026-03-20-minutes.md"
    text = minutes(20, TYPO)
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()

    async def scenario() -> None:
        async with Session(tmp_path) as session:
            uri = session.open(path)
            await session.diagnostics(uri, 1)
            typo = await session.hover(uri, lines.index("- Odile Marchetty (Example Org)"), 4)
            assert typo is not None
            assert "AT001 attendee-name-variant" in typo
            assert "#### What it does" in typo
            assert "“Odile Marchetti”, 4 times in 4 documents" in typo
            assert "not listed in minutes-roster.yaml" in typo
            name = await session.hover(uri, lines.index("- Tobias Wren (Example Org)"), 3)
            assert name is not None
            assert "“Tobias Wren” is the canonical spelling" in name
            assert "“Tobias Wren”: 5 times in 5 documents" in name
            assert await session.hover(uri, lines.index("## Discussion"), 3) is None

    run(scenario)


# -- configuration and roster edits --------------------------------------------------------
def test_configuration_and_roster_edits_are_picked_up(tmp_path: Path) -> None:
    folder = make_project(tmp_path)
    path = folder / "2026-03-20-minutes.md"
    path.write_text(minutes(20, ["Tobi Wren", "Priyanka Das"]), encoding="utf-8")
    config = tmp_path / ".minutes-lint.toml"
    roster = tmp_path / "minutes-roster.yaml"

    async def scenario() -> None:
        async with Session(tmp_path, {"pollMs": 60000}) as session:
            uri = session.open(path)
            assert not only_code(await session.diagnostics(uri, 1), "AT001")
            assert any(r.method == "workspace/didChangeWatchedFiles" for r in session.registrations)
            # the roster confirms "Tobi Wren" as an alias: AT001 fixes it safely
            roster.write_text(
                "people:\n  - name: Tobias Wren\n    aliases: [Tobi Wren]\n", encoding="utf-8"
            )
            session.files_changed(roster)
            at001 = only_code(await session.diagnostics(uri), "AT001")
            assert at001 and "the roster spells it “Tobias Wren”" in at001[0].message
            # the configuration ignores AT001 from now on
            config.write_text(CONFIG + 'ignore = ["AT001"]\n', encoding="utf-8")
            session.files_changed(config)
            assert not only_code(await session.diagnostics(uri), "AT001")

    run(scenario)


def test_a_mended_configuration_is_noticed_without_file_events(tmp_path: Path) -> None:
    folder = make_project(tmp_path)
    path = folder / "2026-03-20-minutes.md"
    path.write_text(minutes(20, TYPO), encoding="utf-8")
    config = tmp_path / ".minutes-lint.toml"
    config.write_text("corpus = [\n", encoding="utf-8")

    async def scenario() -> None:
        async with Session(tmp_path, {"pollMs": 100}) as session:
            uri = session.open(path)
            [error] = await session.diagnostics(uri, 1)
            assert "invalid TOML" in error.message
            config.write_text(CONFIG, encoding="utf-8")
            while True:  # the broken state may be published again before the mend is seen
                found = await session.diagnostics(uri, timeout=10)
                if only_code(found, "AT001"):
                    break

    run(scenario)


def test_changes_are_noticed_without_file_events(tmp_path: Path) -> None:
    folder = make_project(tmp_path)
    path = folder / "2026-03-20-minutes.md"
    path.write_text(minutes(20, TYPO), encoding="utf-8")
    config = tmp_path / ".minutes-lint.toml"

    async def scenario() -> None:
        async with Session(tmp_path, {"pollMs": 100}) as session:
            uri = session.open(path)
            assert only_code(await session.diagnostics(uri, 1), "AT001")
            config.write_text(CONFIG + 'ignore = ["AT001"]\n', encoding="utf-8")
            assert not only_code(await session.diagnostics(uri, timeout=10), "AT001")

    run(scenario)


# -- bad input never crashes the server ----------------------------------------------------
def test_bad_documents_and_configuration_never_crash(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    folder = make_project(project)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    broken_config = tmp_path / "broken"
    broken_config.mkdir()
    (broken_config / ".minutes-lint.toml").write_text("corpus = [\n", encoding="utf-8")

    async def scenario() -> None:
        async with Session(project) as session:
            yaml = session.open(folder / "bad-yaml.md", "---\ntitle: [unclosed\n---\n\nText.\n")
            assert only_code(await session.diagnostics(yaml, 1), "FM003")
            binary = session.open(folder / "binary.md", "PK\x03\x04\x00\x00 binary \x00")
            found = await session.diagnostics(binary, 1)
            assert [d.code for d in found] == ["ML002"]
            stray = session.open(outside / "notes.md", "# Notes\n\nWe were intersted.\n")
            assert only_code(await session.diagnostics(stray, 1), "TX001")
            bad = session.open(broken_config / "minutes.md", "# Minutes\n")
            found = await session.diagnostics(bad, 1)
            assert len(found) == 1 and found[0].severity == types.DiagnosticSeverity.Error
            assert "invalid TOML" in found[0].message
            # a lone surrogate cannot be UTF-8: reported, not raised
            odd = session.open(folder / "odd.md", "text \ud800 here\n")
            assert [d.code for d in await session.diagnostics(odd, 1)] == ["ML002"]
            # still serving
            good = session.open(folder / "2026-03-02-minutes.md")
            assert await session.diagnostics(good, 1) == []
        assert any("no configuration file above" in m for m in session.logs)
        assert any("invalid TOML" in m for m in session.logs)
        assert any("NUL byte" in m for m in session.logs)

    run(scenario)


# -- speed: 300 documents ------------------------------------------------------------------
GENERATOR = Path(__file__).resolve().parent.parent / "benchmarks" / "generate_corpus.py"


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("minutes_lint_server_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_change_in_a_300_document_project_gets_its_diagnostics(tmp_path: Path) -> None:
    # latency is a benchmark figure (docs/editors.md), not asserted here: a timed
    # assertion measures the machine's load as much as the server

    _generator().generate_corpus(str(tmp_path), 300, seed=7)
    (tmp_path / ".minutes-lint.toml").write_text('corpus = ["content/**/*.md"]\n')
    path = sorted(tmp_path.glob("content/posts/*/*.md"))[150]
    text = path.read_text(encoding="utf-8")
    assert len(list(tmp_path.glob("content/posts/*/*.md"))) == 300

    async def scenario() -> list[float]:
        async with Session(tmp_path) as session:
            uri = session.open(path)
            await session.diagnostics(uri, 1)
            took = []
            for i in range(7):
                # typing at the end of the document: its facts stay as they were
                started = time.perf_counter()
                version = session.change(uri, text + "x" * (i + 1))
                await session.diagnostics(uri, version)
                took.append(time.perf_counter() - started)
            return took

    took = asyncio.run(scenario())
    # the debounce (50 ms) is part of the time measured
    print("latency after didChange (s):", [round(t, 3) for t in took])
    assert len(took) == 7
