"""A template placeholder or a pasted artifact left in the minutes.

## What it does
Looks in the body for

- the placeholders of the minutes template, listed in ``placeholders``: a
  placeholder matches as a whole word; one written in capitals ("XXX", "TODO")
  matches only in capitals, others ("Author name") in any case; "..." inside a
  placeholder stands for any text on the line ("[Insert ...]" matches "[Insert
  the ballot number]");
- template expressions (``{{ .Date }}``) that the site does not render in
  content; Liquid variables and strings (``{{ page.title }}``, ``{{ site.baseurl }}``,
  ``{{ '/logo.png' | relative_url }}``), which Jekyll renders, and Hugo
  shortcodes (``{{< ... >}}``, ``{{% ... %}}``) are
  content, not placeholders;
- the regular expressions of ``patterns``, by default: three question marks or
  more standing for a missing word or name ("???"; two are an operator in
  several programming languages), an identifier with X for its number
  ("SC-XX", "SMC-0XX"), "xx" for a number of days, weeks, votes ...
  ("xx days"), a stray template token (``__ATTENDEES``), an instruction in
  capitals ending in HERE ("ADD REMOTE PARTICIPANTS HERE") or starting with TO
  BE ("TO BE CONFIRMED"), and "(sp?)";
- the regular expressions of ``footers``, the footers mail programs and list
  servers add and that come along when an e-mail is pasted into the minutes
  ("You received this message because you are subscribed to ...", "To
  unsubscribe from this group ...", a list server's line of underscores above
  the list's name);
- a section whose only content is a placeholder or an ellipsis ("...", "…").

Fenced and inline code, URLs and the front matter are not searched (FM009
checks the front matter).  "TBD" is not in the default list: minutes use it for
what the group has yet to decide ("effective date TBD").

## Why is this bad?
A placeholder left in published minutes means a part of the record was
never written: who took the roll call, which minutes were approved, when
the group meets next.  A pasted footer puts a list's boilerplate into the
record.

## Example
```markdown
## Roll Call
The Roll Call was taken by XXX.  ADD REMOTE PARTICIPANTS HERE

## Any other business
...
```

## Use instead
```markdown
## Roll Call
The Roll Call was taken by Alice Moreau.  Remote: Bruno Silva.

## Any other business
None.
```

## Fix safety
No fix: the missing text is not known.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from minutes_lint.config import ConfigError
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.markdown import URL, Heading
from minutes_lint.registry import RuleContext

CODE = "ST005"
NAME = "template-placeholder"
SUMMARY = "Template placeholder or pasted artifact left in the minutes"
SEVERITY = Severity.WARNING
FIX = "none"
OPTIONS: dict[str, object] = {
    "placeholders": [
        "XXX",
        "TODO",
        "FIXME",
        "COPY ATTENDANCE FROM THE MEMBERSHIP TOOLS",
        "Author name",
        "[Insert ...]",
    ],
    "patterns": [
        r"\?\?\?(?<![^\s(\[]\?\?\?)\?*(?=[\s)\].,;:]|$)",
        r"[A-WYZ](?<![\w-][A-WYZ])[A-Z]{1,4}-\d?XX(?:XX?)?\b",
        r"[A-WYZ](?<![\w-][A-WYZ])[A-Z]{1,4}-\d?xx(?:xx?)?\b",
        r"xx(?<![\w-]xx)x?(?=\s+(?:days?|weeks?|months?|years?|hours?|minutes?|votes?"
        r"|members?|people|participants|times|percent)\b)",
        r"XX(?<![\w-]XX)X?(?=\s+(?:days?|weeks?|months?|years?|hours?|minutes?|votes?"
        r"|members?|people|participants|times|percent)\b)",
        r"__(?<![\w`]__)[A-Z][A-Z0-9_]*[A-Z0-9](?!__|\w)",
        r"(?:ADD|INSERT|ENTER|FILL IN|PASTE|PUT|TYPE|WRITE|LIST|UPDATE|COPY)"
        r"(?:[ \t]+[A-Z][A-Z'/&-]*){0,8}?[ \t]+HERE\b",
        r"TO BE (?:CONFIRMED|COMPLETED|ADDED|FILLED IN|DETERMINED|WRITTEN)\b",
        r"\(sp\??\)|\[sp\??\]",
    ],
    "footers": [
        r"You received this message because you are subscribed to\b[^\n]*",
        r"To unsubscribe from this group\b[^\n]*",
        r"____________________(?<![^\n]____________________)_*[ \t]*\r?\n"
        r"[^\n]*\b(?:mailing list|list)\b[^\n]*",
    ],
}

# A Go/Hugo template expression; shortcodes ({{< >}}, {{% %}}) and Liquid variables
# ({{ page.title }}), which Jekyll renders in content, are left alone.
_EXPRESSION = r"\{\{(?![<%])(?![ \t]*(?:[A-Za-z_]\w*\.|['\"]))[^\n{}]{0,200}?\}\}"
_INLINE_CODE = re.compile(r"(`+)[^`\n].*?\1")
_ANY_TEXT = r"[^\n]{0,200}?"


@dataclass(frozen=True)
class _Search:
    """One placeholder: a literal every match contains, for a quick test, and its regex."""

    needle: str  # lower-cased when ``folded``
    folded: bool  # the needle is looked for in the lower-cased text
    pattern: re.Pattern[str]


@lru_cache(maxsize=16)
def _searches(placeholders: tuple[str, ...]) -> tuple[_Search, ...]:
    """The template-expression search and one search per placeholder."""
    found = [_Search("{{", False, re.compile(_EXPRESSION))]
    for placeholder in (p.strip() for p in placeholders):
        if not placeholder.strip(". "):
            continue
        pieces = [piece for piece in placeholder.split("...") if piece]
        needle = max(pieces, key=len)
        body = _ANY_TEXT.join(re.escape(piece) for piece in placeholder.split("..."))
        if placeholder[0].isalnum():
            body = r"(?<![^\W_])" + body
        if placeholder[-1].isalnum():
            body += r"(?![^\W_])"
        if any(ch.isalpha() for ch in placeholder) and placeholder.upper() == placeholder:
            found.append(_Search(needle, False, re.compile(body)))
        else:  # not in capitals: any case
            found.append(_Search(needle.lower(), True, re.compile(body, re.IGNORECASE)))
    return tuple(found)


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    text = doc.text
    found = [
        (start, end, kind)
        for start, end, kind in _matches(doc, ctx)
        if not _in_code(doc, start, end)
    ]
    sections = _sections(doc)
    starts = [a for a, _b, _h in sections]
    only: set[int] = set()  # sections holding nothing but placeholders
    for index, (a, b, _heading) in enumerate(sections):
        inside = [(s, e) for s, e, k in found if a <= s < b and k == "placeholder"]
        ellipses = [m.span() for m in _ELLIPSIS.finditer(text, a, b)]
        if (inside or ellipses) and _nothing_else(text, a, b, inside + ellipses):
            only.add(index)
            if not inside:
                s, e = ellipses[0]
                yield Problem(
                    s,
                    e,
                    f"section “{_title(sections[index][2])}” holds only "
                    f"“{text[s:e]}”: its text was never written",
                )
    for start, end, kind in sorted(set(found)):
        snippet = text[start:end]
        if kind == "footer":
            first = (
                snippet.strip("_ \t\r\n").splitlines()[0] if snippet.strip("_ \t\r\n") else snippet
            )
            yield Problem(start, end, f"mailing-list footer “{_short(first)}” pasted into the text")
            continue
        index = bisect.bisect_right(starts, start) - 1
        if index >= 0 and index in only:
            yield Problem(
                start,
                end,
                f"template placeholder “{_short(snippet)}” is all that "
                f"section “{_title(sections[index][2])}” holds",
            )
        else:
            yield Problem(start, end, f"template placeholder “{_short(snippet)}” left in the text")


def _matches(doc: Document, ctx: RuleContext) -> Iterator[tuple[int, int, str]]:
    """(start, end, "placeholder" or "footer") of every match in the body."""
    text = doc.text
    body = text[doc.body_start :]
    lowered = body.lower()
    for search in _searches(tuple(str(p) for p in ctx.options["placeholders"])):
        if search.needle in (lowered if search.folded else body):
            for m in search.pattern.finditer(text, doc.body_start):
                yield m.start(), m.end(), "placeholder"
    for option, kind in (("patterns", "placeholder"), ("footers", "footer")):
        for pattern, needle in _compiled(option, tuple(str(p) for p in ctx.options[option])):
            if needle and needle not in body:
                continue
            for m in pattern.finditer(text, doc.body_start):
                if m.end() > m.start():
                    yield m.start(), m.end(), kind


@lru_cache(maxsize=16)
def _compiled(option: str, patterns: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each pattern compiled, with a piece of text every match contains (for a quick test
    of the whole document; empty when none can be told)."""
    out = []
    for pattern in patterns:
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise ConfigError(
                f"rules.{CODE}.{option}: {pattern!r} is not a regular expression: {exc}"
            ) from None
        out.append((compiled, _needle(compiled)))
    return tuple(out)


def _needle(pattern: re.Pattern[str]) -> str:
    """The longest run of literal characters every match of ``pattern`` holds, when it has
    one of two characters or more and the pattern ignores no case (else "")."""
    if pattern.flags & re.IGNORECASE:
        return ""
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_parse as parser  # type: ignore[no-redef]
    try:
        items = list(parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # no quick test then: the pattern still runs
        return ""
    runs, run = [], ""
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            run += chr(arg)
            continue
        if name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, _high, body = arg
            body = list(body)
            if len(body) == 1 and str(body[0][0]) == "LITERAL" and low >= 1:
                run += chr(body[0][1]) * low
                runs.append(run)
                run = ""
                continue
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue  # zero width: the run goes on ... across a look-around
        runs.append(run)
        run = ""
    runs.append(run)
    best = max(runs, key=len)
    return best if len(best) >= 2 else ""


def _in_code(doc: Document, start: int, end: int) -> bool:
    first_line = doc.line_index(doc.body_start)
    line = doc.line_index(start) - first_line
    return line in doc.code_lines or not doc.is_prose(start) or _in_code_or_url(doc, start, end)


def _sections(doc: Document) -> list[tuple[int, int, Heading]]:
    """(content start, content end, heading) of every section: up to the next heading."""
    headings = doc.headings
    out = []
    for index, heading in enumerate(headings):
        end = headings[index + 1].start if index + 1 < len(headings) else len(doc.text)
        out.append((min(heading.end + 1, end), end, heading))
    return out


def _nothing_else(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``text[start:end]`` holds nothing but ``spans``, list markers and emphasis."""
    pos = start
    rest = []
    for a, b in sorted(spans):
        rest.append(text[pos:a])
        pos = max(pos, b)
    rest.append(text[pos:end])
    return not _DECORATION.sub("", "".join(rest))


def _title(heading: Heading) -> str:
    return heading.text.strip().strip("*_ ")


def _short(snippet: str) -> str:
    snippet = " ".join(snippet.split())
    return snippet if len(snippet) <= 60 else snippet[:57] + "..."


_ELLIPSIS = re.compile(r"(?<![^\s*_>(-])(?:\.{3,}|\u2026)(?![^\s*_)])")
_DECORATION = re.compile(r"[\s*_>()\[\]:-]+|^\s*\d+\.", re.MULTILINE)


def _in_code_or_url(doc: Document, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` overlaps inline code or a URL on its line."""
    line = doc.lines[doc.line_index(start)]
    for pattern in (_INLINE_CODE, URL):
        for m in pattern.finditer(doc.text, line.start, line.end):
            if m.start() < end and start < m.end():
                return True
    return False
