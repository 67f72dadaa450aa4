"""What the code actions change, as character-offset edits of the linted text.

- each fix of a diagnostic, as it is (the rule's own edits);
- every safe fix of the file, applied as ``minutes-lint --fix`` applies them (repeated
  until the text is stable), given as one edit of the span that changed;
- a suppression comment ``<!-- minutes-lint: disable-next-line CODE -->`` on its own line
  above the flagged line (with the line's indentation and newline style), or the code added
  to such a comment already there; else ``<!-- minutes-lint: disable-file CODE -->`` as the
  first line of the body (after any front matter).  Each is offered only when it does
  what it says: :func:`suppression_works` lints the text with the comment in place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from minutes_lint.diagnostics import Diagnostic, Edit
from minutes_lint.document import Document
from minutes_lint.fixes.edits import fix_until_stable
from minutes_lint.server.positions import LineMap

_NEXT_LINE = re.compile(r"^([ \t]*)<!--\s*minutes-lint:\s*disable-next-line\b([^>]*?)\s*-->[ \t]*$")


def fix_all_edit(text: str, lint: Callable[[str], Sequence[Diagnostic]]) -> tuple[Edit | None, int]:
    """One edit turning ``text`` into its safely fixed form, and how many fixes it holds."""

    def parses(candidate: str) -> bool:
        return Document.from_text(candidate).parses

    outcome = fix_until_stable(text, lint, unsafe=False, still_parses=parses)
    if outcome.reverted or outcome.text == text:
        return None, 0
    return minimal_edit(text, outcome.text), len(outcome.applied)


def minimal_edit(old: str, new: str) -> Edit:
    """The single edit that turns ``old`` into ``new`` (common prefix and suffix kept)."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return Edit(prefix, len(old) - suffix, new[prefix : len(new) - suffix])


def disable_edits(doc: Document, lines: LineMap, diag: Diagnostic) -> list[tuple[str, Edit]]:
    """(title, edit) of the suppression comments for ``diag``, the narrowest first."""
    found = []
    line_comment = _next_line_edit(doc, lines, diag)
    if line_comment is not None:
        found.append(line_comment)
    file_comment = _file_edit(doc, lines, diag.code)
    if file_comment is not None:
        found.append(file_comment)
    return found


def _next_line_edit(doc: Document, lines: LineMap, diag: Diagnostic) -> tuple[str, Edit] | None:
    code = diag.code
    line = max(0, diag.start.line - 1)
    fm = doc.front_matter
    if fm.present and lines.starts[min(line, len(lines.starts) - 1)] < fm.body_start:
        return None  # no comment inside the front matter
    if line > 0:
        above = _NEXT_LINE.match(lines.line_text(line - 1))
        if above is not None:
            codes = [c for c in re.split(r"[\s,]+", above.group(2).strip()) if c]
            if not codes or code in codes:
                return None  # already suppressed there (for every code, or this one)
            start = lines.starts[line - 1]
            comment = f"{above.group(1)}<!-- minutes-lint: disable-next-line "
            comment += ",".join([*codes, code]) + " -->"
            return f"Disable {code} on this line", Edit(start, lines.ends[line - 1], comment)
    own = lines.line_text(line)
    indent = own[: len(own) - len(own.lstrip(" \t"))]
    newline = lines.newline_after(line) or _newline(lines)
    start = lines.starts[min(line, len(lines.starts) - 1)]
    content = f"{indent}<!-- minutes-lint: disable-next-line {code} -->{newline}"
    return f"Disable {code} on this line", Edit(start, start, content)


def _file_edit(doc: Document, lines: LineMap, code: str) -> tuple[str, Edit] | None:
    fm = doc.front_matter
    if fm.present and not fm.ok:
        return None  # a broken front matter: where the body starts is a guess
    at = fm.body_start if fm.present else 0
    newline = _newline(lines)
    content = f"<!-- minutes-lint: disable-file {code} -->{newline}"
    if at == len(doc.text) and doc.text and not doc.text.endswith(("\n", "\r")):
        content = newline + content
    return f"Disable {code} in this file", Edit(at, at, content)


def suppression_works(
    doc: Document,
    diag: Diagnostic,
    before: Sequence[Diagnostic],
    edit: Edit,
    lint: Callable[[str], Sequence[Diagnostic]],
) -> bool:
    """Whether the comment ``edit`` inserts silences ``diag`` and changes nothing else:
    the attendee lists parse as before and no other diagnostic appears."""
    text = doc.text[: edit.start] + edit.content + doc.text[edit.end :]
    after_doc = Document.from_text(text, doc.path)

    def people(d: Document) -> list[tuple[object, ...]]:
        return [(e.name, e.org, e.form, e.problem) for e in d.attendees]

    if people(after_doc) != people(doc) or len(after_doc.headings) != len(doc.headings):
        return False
    after = lint(text)
    line = diag.start.line + (edit.content.count("\n") if edit.start == edit.end else 0)
    same = (diag.code, diag.message, line)
    if any((d.code, d.message, d.start.line) == same for d in after):
        return False
    counts = Counter(d.code for d in before)
    counts[diag.code] -= 1
    return all(n <= counts[code] for code, n in Counter(d.code for d in after).items())


def _newline(lines: LineMap) -> str:
    for index in range(len(lines.starts) - 1):
        found = lines.newline_after(index)
        if found:
            return found
    return "\n"
