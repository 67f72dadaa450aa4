"""The language server: documents in, diagnostics, code actions and hovers out.

Built on pygls (imported only by ``minutes-lint server``).  Every open document is
linted on open and, debounced, after each change, from the text in the editor.  When a
change altered what the document contributes to the corpus (an attendee, its title, an
identifier), diagnostics are published at once from the corpus built for the earlier
text and published again, exactly, once the editor has been idle for a moment (the
corpus indexes are rebuilt in a worker thread meanwhile).  Configuration, roster and
corpus files are watched (``workspace/didChangeWatchedFiles`` where the client offers it,
and their modification times are checked every few seconds in any case).
"""

from __future__ import annotations

import asyncio
import logging
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from minutes_lint import __version__
from minutes_lint.diagnostics import Applicability, Diagnostic, Edit, Severity
from minutes_lint.server.actions import disable_edits, fix_all_edit, suppression_works
from minutes_lint.server.hover import diagnostics_hover, name_hover
from minutes_lint.server.linting import Linter, LintResult
from minutes_lint.server.positions import LineMap
from minutes_lint.server.rule_docs import RuleLinks

log = logging.getLogger("minutes_lint.server")

SOURCE = "minutes-lint"
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.minutes-lint"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
WATCHED = ("**/*.md", "**/*.markdown", "**/.minutes-lint.toml", "**/pyproject.toml", "**/*.yaml")


@dataclass
class Options:
    """Initialisation options (``initializationOptions`` of the client), in milliseconds."""

    debounce: float = 0.05  # after a change, before linting
    settle: float = 0.4  # idle time before the exact re-lint of a changed corpus contribution
    poll: float = 2.0  # how often configuration and roster files are checked without watchers
    documentation_url: str | None = None

    @classmethod
    def from_client(cls, data: Any) -> Options:
        options = cls()
        if not isinstance(data, dict):
            return options
        for key, attr in (("debounceMs", "debounce"), ("settleMs", "settle"), ("pollMs", "poll")):
            value = data.get(key)
            if isinstance(value, (int, float)) and value >= 0:
                setattr(options, attr, value / 1000)
        url = data.get("documentationUrl")
        if isinstance(url, str) and url:
            options.documentation_url = url
        return options


@dataclass
class OpenDocument:
    uri: str
    result: LintResult | None = None
    published: list[types.Diagnostic] | None = None
    lint_task: asyncio.Task[None] | None = None
    exact_task: asyncio.Task[None] | None = None
    noted: set[str] = field(default_factory=set)  # log messages already sent for it


class MinutesLintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("minutes-lint", __version__)
        self.linter = Linter()
        self.options = Options()
        self.links = RuleLinks()
        self.documents: dict[str, OpenDocument] = {}
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="minutes-lint")
        self.poller: asyncio.Task[None] | None = None

    # -- helpers ---------------------------------------------------------------------
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or "utf-16")

    def path_of(self, uri: str) -> Path:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path is None:  # an unsaved buffer: linted as a file of the server's folder
            return self.linter.cwd / (Path(uri.rsplit("/", 1)[-1]).name or "untitled.md")
        return Path(path)

    def note(self, entry: OpenDocument, message: str, level: types.MessageType) -> None:
        """Log once per document and message (the client's output panel and stderr)."""
        if message in entry.noted:
            return
        entry.noted.add(message)
        log.log(logging.WARNING if level <= types.MessageType.Warning else logging.INFO, message)
        self.window_log_message(types.LogMessageParams(type=level, message=message))

    def lint_now(self, uri: str, *, exact: bool) -> LintResult | None:
        entry = self.documents.get(uri)
        if entry is None:
            return None
        text = self.workspace.get_text_document(uri).source
        result = self.guarded_lint(self.path_of(uri), text, exact=exact)
        self.report(entry, result)
        entry.result = result
        return result

    def guarded_lint(self, path: Path, text: str, *, exact: bool) -> LintResult:
        """Lint, turning any failure into a result that says so (safe in the worker thread)."""
        try:
            return self.linter.lint(path, text, exact=exact)
        except Exception as exc:  # never let one document take the server down
            detail = "".join(traceback.format_exception(exc))
            log.error("linting %s failed:\n%s", path, detail)
            return LintResult(str(path), text, error=f"internal error: {exc}\n{detail}")

    def report(self, entry: OpenDocument, result: LintResult) -> None:
        """Log what the user should know about a result, once per document."""
        path = result.path
        if result.error is not None:
            self.note(entry, f"minutes-lint: {path}: {result.error}", types.MessageType.Error)
        elif not result.configured:
            self.note(
                entry,
                f"minutes-lint: no configuration file above {path}: linted on its own, "
                "without a project corpus",
                types.MessageType.Info,
            )
        for diag in result.diagnostics:
            if diag.code in ("ML002", "ML005"):
                self.note(entry, f"minutes-lint: {path}: {diag.message}", types.MessageType.Warning)

    def to_lsp(self, result: LintResult) -> list[types.Diagnostic]:
        lines = LineMap(result.text, self.encoding())
        if result.error is not None:
            return [
                types.Diagnostic(
                    range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                    message="minutes-lint cannot lint this file: " + result.error.split("\n", 1)[0],
                    severity=types.DiagnosticSeverity.Error,
                    source=SOURCE,
                )
            ]
        out = []
        for diag in result.diagnostics:
            out.append(self.lsp_diagnostic(diag, lines, result))
        return out

    def lsp_diagnostic(
        self, diag: Diagnostic, lines: LineMap, result: LintResult
    ) -> types.Diagnostic:
        start = lines.from_line_column(diag.start.line, diag.start.column)
        end = lines.from_line_column(diag.end.line, diag.end.column)
        href = self.links.link(diag.code, result.rules)
        fix = None
        if diag.fix is not None:
            fix = diag.fix.applicability.value
        return types.Diagnostic(
            range=types.Range(types.Position(*start), types.Position(*end)),
            message=diag.message,
            severity=_SEVERITY[diag.severity],
            code=diag.code,
            code_description=types.CodeDescription(href=href) if href else None,
            source=SOURCE,
            data={"fix": fix},
        )

    def publish(
        self, uri: str, result: LintResult, version: int | None, *, again: bool = True
    ) -> None:
        """Send the diagnostics (``again=False``: only when they differ from the last sent)."""
        entry = self.documents.get(uri)
        if entry is None:
            return
        found = self.to_lsp(result)
        if not again and entry.published == found:
            return
        entry.published = found
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version)
        )

    # -- scheduling ------------------------------------------------------------------
    def schedule(self, uri: str, delay: float, *, again: bool = True) -> None:
        """Lint ``uri`` after ``delay`` seconds (``again=False``: publish only what differs)."""
        entry = self.documents.get(uri)
        if entry is None:
            return
        for task in (entry.lint_task, entry.exact_task):
            if task is not None and not task.done():
                task.cancel()
        entry.lint_task = asyncio.ensure_future(self._lint_after(uri, delay, again))

    async def _lint_after(self, uri: str, delay: float, again: bool = True) -> None:
        if delay:
            await asyncio.sleep(delay)
        entry = self.documents.get(uri)
        if entry is None:
            return
        version = self.workspace.get_text_document(uri).version
        started = time.perf_counter()
        result = self.lint_now(uri, exact=False)
        if result is None:
            return
        log.debug(
            "linted %s version %s in %.1f ms (%s)",
            uri,
            version,
            1000 * (time.perf_counter() - started),
            "exact" if result.exact else "corpus one edit behind",
        )
        self.publish(uri, result, version, again=again)
        if not result.exact:
            entry.exact_task = asyncio.ensure_future(self._exact_after(uri, version))

    async def _exact_after(self, uri: str, version: int | None) -> None:
        await asyncio.sleep(self.options.settle)
        entry = self.documents.get(uri)
        document = self.workspace.get_text_document(uri)
        if entry is None or document.version != version:
            return
        text, path = document.source, self.path_of(uri)
        loop = asyncio.get_running_loop()
        started = time.perf_counter()
        result = await loop.run_in_executor(
            self.executor, lambda: self.guarded_lint(path, text, exact=True)
        )
        log.debug(
            "linted %s version %s exactly in %.1f ms (corpus rebuilt)",
            uri,
            version,
            1000 * (time.perf_counter() - started),
        )
        if self.documents.get(uri) is entry and document.version == version:
            self.report(entry, result)
            entry.result = result
            self.publish(uri, result, version, again=False)

    def relint_all(self, delay: float) -> None:
        for uri in list(self.documents):
            self.schedule(uri, delay)

    async def poll(self) -> None:
        """Pick up configuration, roster and corpus changes a client did not report."""
        while True:
            await asyncio.sleep(self.options.poll)
            if self.documents and self.linter.refresh():
                self.relint_all(0)
                continue
            for uri, entry in list(self.documents.items()):
                if entry.result is not None and entry.result.error is not None:
                    self.schedule(uri, 0, again=False)  # the configuration may have been mended

    def current(self, uri: str) -> LintResult | None:
        """The lint result of the document as it is now (linting it if it changed)."""
        entry = self.documents.get(uri)
        if entry is None:
            return None
        text = self.workspace.get_text_document(uri).source
        if entry.result is not None and entry.result.text == text:
            return entry.result
        return self.lint_now(uri, exact=False)


server = MinutesLintServer()


@server.feature(types.INITIALIZE)
def initialize(ls: MinutesLintServer, params: types.InitializeParams) -> None:
    ls.options = Options.from_client(params.initialization_options)
    ls.links = RuleLinks(ls.options.documentation_url)


@server.feature(types.INITIALIZED)
async def initialized(ls: MinutesLintServer, params: types.InitializedParams) -> None:
    ls.poller = asyncio.ensure_future(ls.poll())
    caps = ls.client_capabilities.workspace
    watch = caps.did_change_watched_files if caps is not None else None
    if watch is not None and watch.dynamic_registration:
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
        )
        registration = types.Registration(
            id="minutes-lint-watch",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        try:
            await ls.client_register_capability_async(
                types.RegistrationParams(registrations=[registration])
            )
        except Exception as exc:  # a client that refuses: the poller still notices changes
            log.info("file watching not registered: %s", exc)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: MinutesLintServer, params: types.DidOpenTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.documents[uri] = OpenDocument(uri)
    ls.schedule(uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: MinutesLintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, ls.options.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: MinutesLintServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.linter.files_changed([ls.path_of(uri)])
    for other in ls.documents:
        if other != uri:  # their corpus holds this file as it is on disk
            ls.schedule(other, ls.options.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: MinutesLintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    entry = ls.documents.pop(uri, None)
    if entry is not None:
        for task in (entry.lint_task, entry.exact_task):
            if task is not None and not task.done():
                task.cancel()
    ls.linter.forget(ls.path_of(uri))
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(
    ls: MinutesLintServer, params: types.DidChangeWatchedFilesParams
) -> None:
    paths = [Path(p) for p in (to_fs_path(c.uri) for c in params.changes) if p]
    ls.linter.files_changed(paths)
    ls.linter.refresh()
    ls.relint_all(ls.options.debounce)


@server.feature(types.SHUTDOWN)
def shutdown(ls: MinutesLintServer, params: None) -> None:
    if ls.poller is not None:
        ls.poller.cancel()
    ls.executor.shutdown(wait=False, cancel_futures=True)


# -- code actions ------------------------------------------------------------------------
def _wanted(kind: str, only: list[str] | None) -> bool:
    return not only or any(kind == o or kind.startswith(f"{o}.") for o in only)


def _text_edit(edit: Edit, lines: LineMap) -> types.TextEdit:
    start, end = lines.position(edit.start), lines.position(edit.end)
    return types.TextEdit(
        range=types.Range(types.Position(*start), types.Position(*end)), new_text=edit.content
    )


def _workspace_edit(uri: str, edits: list[Edit], lines: LineMap) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: [_text_edit(e, lines) for e in edits]})


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]),
)
def code_action(
    ls: MinutesLintServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    result = ls.current(uri)
    if result is None or result.document is None:
        return None
    only = [str(k) for k in params.context.only] if params.context.only else None
    lines = LineMap(result.text, ls.encoding())
    # the whole lines of the range: a cursor anywhere on a flagged line finds its problems
    first = lines.offset(params.range.start.line, 0)
    last = lines.offset(params.range.end.line, 1 << 30)
    actions: list[types.CodeAction] = []
    quick = types.CodeActionKind.QuickFix.value
    path = ls.path_of(uri)

    def lint(text: str) -> list[Diagnostic]:
        return ls.linter.lint(path, text, exact=False).diagnostics

    disabled: set[tuple[int, str]] = set()
    in_range = [
        d
        for d in result.diagnostics
        if d.offset <= last
        and first <= max(d.end_offset, d.offset)
        and not (d.offset == d.end_offset == 0 and d.start.line > 1)
    ]
    for diag in in_range:
        lsp = ls.lsp_diagnostic(diag, lines, result)
        if diag.fix is not None and _wanted(quick, only):
            unsafe = diag.fix.applicability is Applicability.UNSAFE
            label = "unsafe fix" if unsafe else "safe fix"
            actions.append(
                types.CodeAction(
                    title=f"{diag.fix.message} ({diag.code}, {label})",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[lsp],
                    is_preferred=not unsafe,
                    edit=_workspace_edit(uri, list(diag.fix.edits), lines),
                )
            )
        key = (diag.start.line, diag.code)
        if key in disabled or not _wanted(quick, only):
            continue
        disabled.add(key)
        for title, edit in disable_edits(result.document, lines, diag):
            if suppression_works(result.document, diag, result.diagnostics, edit, lint):
                actions.append(
                    types.CodeAction(
                        title=title,
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[lsp],
                        edit=_workspace_edit(uri, [edit], lines),
                    )
                )
                break
    safe_fixes = any(
        d.fix is not None and d.fix.applicability is Applicability.SAFE for d in result.diagnostics
    )
    # in the quick-fix list (VS Code's light bulb shows no source actions) next to the
    # problems under the cursor; as source.fixAll.minutes-lint when asked for by kind
    if only is not None:
        kind = FIX_ALL_KIND if _wanted(FIX_ALL_KIND, only) else quick
        offer = _wanted(FIX_ALL_KIND, only) or (bool(in_range) and _wanted(quick, only))
    else:
        kind, offer = (quick if in_range else FIX_ALL_KIND), True
    if safe_fixes and offer:
        edit, count = fix_all_edit(result.text, lint)
        if edit is not None:
            actions.append(
                types.CodeAction(
                    title=f"Fix all safe problems in this file ({count} fix"
                    + ("es)" if count != 1 else ")"),
                    kind=kind,
                    edit=_workspace_edit(uri, [edit], lines),
                )
            )
    return actions


# -- hover -------------------------------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: MinutesLintServer, params: types.HoverParams) -> types.Hover | None:
    result = ls.current(params.text_document.uri)
    if result is None or result.document is None:
        return None
    lines = LineMap(result.text, ls.encoding())
    at = lines.offset(params.position.line, params.position.character)
    found = [d for d in result.diagnostics if d.offset <= at <= d.end_offset and d.end_offset]
    parts = []
    span: tuple[int, int] | None = None
    if found:
        parts.append(diagnostics_hover(found, result))
        span = (min(d.offset for d in found), max(d.end_offset for d in found))
    for entry in result.document.attendees:
        if entry.problem is None and entry.name and entry.name_start <= at <= entry.name_end:
            parts.append(name_hover(entry.name, result))
            span = span or (entry.name_start, entry.name_end)
            break
    if not parts or span is None:
        return None
    start, end = lines.position(span[0]), lines.position(span[1])
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)
        ),
        range=types.Range(types.Position(*start), types.Position(*end)),
    )
