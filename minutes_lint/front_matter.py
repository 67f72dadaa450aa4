"""Front matter with the position of every top-level key and value.

YAML between lines of three or more dashes, as most Hugo and Jekyll sites write it;
TOML between ``+++`` lines and JSON as a leading object, as Hugo also accepts (see
:mod:`minutes_lint.front_matter_formats`).  The delimiters are python-frontmatter's.
For YAML,  ruamel.yaml composes the YAML, with its C parser when it is
installed and the input is small and shallow.  The YAML is *composed*, never
constructed: custom tags such as ``!!python/object`` are never instantiated
and aliases are never expanded, so an alias bomb costs nothing.  Flow
nesting deeper than ``MAX_FLOW_DEPTH`` is refused before parsing.  Only the
top-level values that rules read are turned into Python values, with a budget.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from minutes_lint.markdown import Line

if TYPE_CHECKING:
    from minutes_lint.document import Document

# python-frontmatter's YAMLHandler.FM_BOUNDARY, applied line by line
_BOUNDARY = re.compile(r"^-{3,}\s*$")
_TIMESTAMP = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d*)?)?"
    r"\s*(?:Z|[+-]\d{1,2}(?::?\d{2})?)?)?$"
)
MAX_FRONT_MATTER_CHARS = 1_000_000
# deeper flow nesting ("[[[[...") makes the YAML scanner quadratic, then overflow the stack
MAX_FLOW_DEPTH = 100
_FLOW = re.compile(r"[\[\]{}]")
_VALUE_BUDGET = 10_000  # nodes converted per document at most
# a YAML block scalar header: "key: |", "key: >-", "- |2" (a comment may follow)
_BLOCK_HEADER = re.compile(r"^( *)(?:.*?[:-][ \t]+)?[|>][1-9+-]{0,2}[ \t]*(?:#.*)?$")


@dataclass(frozen=True)
class Entry:
    """One top-level ``key: value`` pair."""

    key: str
    key_start: int
    key_end: int
    value_start: int
    value_end: int
    value: Any  # str, int, float, bool, None, datetime.date/datetime, list of those, or dict
    tag: str  # resolved YAML tag of the value, e.g. "tag:yaml.org,2002:timestamp"
    items: tuple[tuple[Any, int, int], ...] = ()  # for sequences of scalars: (value, start, end)


@dataclass
class FrontMatter:
    present: bool = False
    terminated: bool = True
    start: int = 0  # offset of the opening delimiter
    content_start: int = 0  # first character of the YAML
    content_end: int = 0  # just before the closing delimiter line
    body_start: int = 0  # first character after the closing delimiter line
    kind: str = "none"  # "mapping", "empty", "list", "scalar", "none"
    language: str = "yaml"  # "yaml", "toml" or "json"
    error: str | None = None
    error_offset: int | None = None
    entries: list[Entry] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when absent or parsed cleanly; a file that is not ok is never rewritten."""
        return self.terminated and self.error is None

    def get(self, key: str) -> Entry | None:
        for entry in self.entries:
            if entry.key == key:
                return entry
        return None

    def keys(self) -> list[str]:
        return [e.key for e in self.entries]


def parse_front_matter(text: str, lines: list[Line]) -> FrontMatter:
    """Locate and compose the front matter at the top of ``text``."""
    if not lines:
        return FrontMatter()
    first = lines[0].text
    if _BOUNDARY.match(first):
        closer, language = _BOUNDARY, "yaml"
    elif first.startswith("+++") or first.strip() == "{":
        from minutes_lint.front_matter_formats import boundary

        found = boundary(first)
        if found is None:
            return FrontMatter()
        closer, language = found
    else:
        return FrontMatter()
    fm = FrontMatter(present=True, start=lines[0].start, language=language)
    fm.content_start = lines[1].start if len(lines) > 1 else len(text)
    closing = None
    for i in range(1, len(lines)):
        if closer.match(lines[i].text):
            closing = lines[i]
            break
    delimiter = {"yaml": "---", "toml": "+++", "json": "}"}[language]
    if closing is None:
        fm.terminated = False
        fm.content_end = len(text)
        fm.body_start = fm.content_start
        fm.error = f"front matter is not terminated: no closing '{delimiter}' line"
        fm.error_offset = lines[0].start
        return fm
    fm.content_end = closing.start
    fm.body_start = _after_line(text, closing)
    if language == "yaml":
        _compose(text, fm)
    else:
        from minutes_lint.front_matter_formats import compose

        compose(text, fm)
    return fm


def front_matter_lines(doc: Document) -> range:
    """Indexes into ``doc.lines`` of the YAML between the front-matter delimiters."""
    fm = doc.front_matter
    if not fm.present or not fm.terminated or fm.language != "yaml":
        return range(0)
    return range(1, doc.line_index(fm.content_end))


def block_scalar_lines(doc: Document) -> set[int]:
    """Indexes into ``doc.lines`` of front-matter lines inside a YAML block scalar."""
    inside: set[int] = set()
    fm = front_matter_lines(doc)
    lines = doc.lines
    i = fm.start
    while i < fm.stop:
        text = lines[i].text
        i += 1
        if "|" not in text and ">" not in text:
            continue
        header = _BLOCK_HEADER.match(text)
        if header is None:
            continue
        indent = len(header.group(1))
        while i < fm.stop:
            line = lines[i].text
            body = line.lstrip(" \t")
            if body and len(line) - len(body) <= indent:
                break
            inside.add(i)
            i += 1
    return inside


def _after_line(text: str, line: Line) -> int:
    pos = line.end
    if text.startswith("\r\n", pos):
        return pos + 2
    if pos < len(text):
        return pos + 1
    return pos


def _compose(text: str, fm: FrontMatter) -> None:
    yaml_text = text[fm.content_start : fm.content_end]
    if not yaml_text.strip():
        fm.kind = "empty"
        return
    if len(yaml_text) > MAX_FRONT_MATTER_CHARS:
        fm.error = f"front matter is too large ({len(yaml_text)} characters); not parsed"
        fm.error_offset = fm.content_start
        return
    too_deep = _too_deep(yaml_text)
    if too_deep is not None:
        fm.error = f"front matter is nested too deeply to parse (over {MAX_FLOW_DEPTH} levels)"
        fm.error_offset = fm.content_start + too_deep
        return
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        node = _yaml(pure=not _fast_parser_is_safe(yaml_text)).compose(yaml_text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        fm.error = _yaml_message(exc)
        fm.error_offset = fm.content_start + (mark.index if mark is not None else 0)
        return
    except (YAMLError, RecursionError, ValueError, TypeError) as exc:
        fm.error = (
            "front matter is nested too deeply to parse"
            if isinstance(exc, RecursionError)
            else f"invalid YAML: {exc}"
        )
        fm.error_offset = fm.content_start
        return
    if node is None:
        fm.kind = "empty"
        return
    kind = type(node).__name__
    if kind != "MappingNode":
        fm.kind = "list" if kind == "SequenceNode" else "scalar"
        return
    fm.kind = "mapping"
    budget = [_VALUE_BUDGET]
    base = fm.content_start
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node.value, str) else str(key_node.value)
        items: tuple[tuple[Any, int, int], ...] = ()
        if type(value_node).__name__ == "SequenceNode":
            items = tuple(
                (_scalar_value(v), base + v.start_mark.index, base + v.end_mark.index)
                for v in value_node.value
                if type(v).__name__ == "ScalarNode"
            )
        fm.entries.append(
            Entry(
                key=key,
                key_start=base + key_node.start_mark.index,
                key_end=base + key_node.end_mark.index,
                value_start=base + value_node.start_mark.index,
                value_end=base + value_node.end_mark.index,
                value=(
                    _scalar_value(value_node)
                    if type(value_node).__name__ == "ScalarNode"
                    else _convert(value_node, budget)
                ),
                tag=str(value_node.tag),
                items=items,
            )
        )


@lru_cache(maxsize=2)
def _yaml(pure: bool) -> Any:
    """One safe composer per parser, reused for every document: setting one up costs
    three times what composing a typical front matter does."""
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=pure)


def _fast_parser_is_safe(yaml_text: str) -> bool:
    """The C parser (ruamel.yaml.clib) is five times faster but recurses without limit:
    deeply nested input goes to the pure-Python parser, whose depth is bounded."""
    if len(yaml_text) > 65_536:
        return False
    return yaml_text.count("[") + yaml_text.count("{") + yaml_text.count("- ") < 500


def _too_deep(yaml_text: str) -> int | None:
    """Offset of the first ``[`` or ``{`` nested deeper than allowed, if any.

    Quotes are not tracked, so brackets inside strings count too: the depth is an
    upper bound, and only absurd nesting reaches the limit.
    """
    if yaml_text.count("[") + yaml_text.count("{") <= MAX_FLOW_DEPTH:
        return None
    depth = 0
    for m in _FLOW.finditer(yaml_text):
        if m.group() in "[{":
            depth += 1
            if depth > MAX_FLOW_DEPTH:
                return m.start()
        elif depth:
            depth -= 1
    return None


def _yaml_message(exc: Any) -> str:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    return f"invalid YAML: {context + ', ' if context else ''}{problem}"


def _scalar_value(node: Any) -> Any:
    """A top-level scalar costs no budget: an alias bomb elsewhere must not blank the title."""
    return _scalar(str(node.tag), node.value, node.style)


def _convert(node: Any, budget: list[int], depth: int = 0) -> Any:
    """A plain Python value for a composed node, bounded in size and depth."""
    budget[0] -= 1
    if budget[0] < 0 or depth > 20:
        return None
    kind = type(node).__name__
    if kind == "ScalarNode":
        return _scalar(str(node.tag), node.value, node.style)
    if kind == "SequenceNode":
        return [_convert(v, budget, depth + 1) for v in node.value]
    if kind == "MappingNode":
        return {
            str(_convert(k, budget, depth + 1)): _convert(v, budget, depth + 1)
            for k, v in node.value
        }
    return None


def _scalar(tag: str, value: str, style: str | None) -> Any:
    if style:  # quoted or block scalars are strings whatever they look like
        return value
    name = tag.rsplit(":", 1)[-1]
    if name == "timestamp":
        return parse_timestamp(value)
    if name == "int":
        try:
            return int(value.replace("_", ""), 0)
        except ValueError:
            return value
    if name == "float":
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    if name == "bool":
        return value.lower() in ("true", "yes", "on", "y")
    if name == "null":
        return None
    return value


def parse_timestamp(value: str) -> datetime.date | datetime.datetime | str:
    """A YAML timestamp as a date or datetime; the original string when impossible."""
    m = _TIMESTAMP.match(value.strip())
    if not m:
        return value
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        if m.group(4) is None:
            return datetime.date(year, month, day)
        return datetime.datetime(
            year, month, day, int(m.group(4)), int(m.group(5)), int(m.group(6) or 0)
        )
    except ValueError:
        return value
