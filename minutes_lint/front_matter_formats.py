"""TOML (``+++``) and JSON front matter, with the position of every top-level key and value.

Hugo accepts both besides YAML.  The delimiters are python-frontmatter's (its TOML and
JSON handlers); the values are read with the standard library's TOML and JSON parsers,
one top-level entry at a time, so that each key and value keeps its offsets: a
``date = 2024-01-14`` that disagrees with the body is reported on its own line.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from minutes_lint.front_matter import Entry

if TYPE_CHECKING:
    from minutes_lint.front_matter import FrontMatter

# python-frontmatter's TOMLHandler.FM_BOUNDARY (the handler itself exists only when a
# TOML library it knows is installed) and JSONHandler.FM_BOUNDARY, applied line by line
TOML_BOUNDARY = re.compile(r"^\+{3,}\s*$")
_JSON_CLOSE = re.compile(r"^}\s*$")
_BARE_OR_QUOTED = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_TOML_KEY = re.compile(
    rf"^[ \t]*({_BARE_OR_QUOTED}(?:[ \t]*\.[ \t]*{_BARE_OR_QUOTED})*)[ \t]*=[ \t]*"
)
_TOML_TABLE = re.compile(r"^[ \t]*\[\[?[ \t]*([^\]\n]+?)[ \t]*\]\]?[ \t]*(?:#.*)?$")


def boundary(first_line: str) -> tuple[re.Pattern[str], str] | None:
    """The closing delimiter and language of front matter opened by ``first_line``."""
    from frontmatter.default_handlers import JSONHandler

    if TOML_BOUNDARY.match(first_line):
        return TOML_BOUNDARY, "toml"
    json_boundary = JSONHandler.FM_BOUNDARY
    if json_boundary is not None and json_boundary.match(first_line.rstrip("\r")):
        return _JSON_CLOSE, "json"
    return None


def compose(text: str, fm: FrontMatter) -> None:
    """Fill ``fm`` (kind, entries, error) from the TOML or JSON between its delimiters."""
    if fm.language == "toml":
        _toml(text, fm)
    else:
        _json(text, fm)


def _toml(text: str, fm: FrontMatter) -> None:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]

    body = text[fm.content_start : fm.content_end]
    if not body.strip():
        fm.kind = "empty"
        return
    try:
        tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        fm.error = f"invalid TOML: {exc}"
        fm.error_offset = fm.content_start + _toml_error_offset(body, exc)
        return
    fm.kind = "mapping"
    # top-level "key = value" entries, each parsed on its own (a value may span lines);
    # a [table] ends the top level: the table is one entry whose value is a mapping
    lines = body.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    i = 0
    while i < len(lines):
        line = lines[i]
        table = _TOML_TABLE.match(line)
        if table is not None:
            _toml_tables(body, lines, starts, i, fm, tomllib)
            return
        m = _TOML_KEY.match(line)
        if m is None:
            i += 1
            continue
        # the shortest run of lines from here that parses is this entry
        for j in range(i + 1, len(lines) + 1):
            chunk = "".join(lines[i:j])
            try:
                parsed = tomllib.loads(chunk)
            except tomllib.TOMLDecodeError:
                continue
            break
        else:  # cannot happen: the whole body parsed
            return
        key = next(iter(parsed), "")
        value = parsed.get(key)
        value_start = starts[i] + m.end()
        value_end = starts[i] + len(chunk.rstrip("\r\n"))
        value_end = value_start + len(_strip_comment(body[value_start:value_end]))
        base = fm.content_start
        fm.entries.append(
            Entry(
                key=key,
                key_start=base + starts[i] + len(line) - len(line.lstrip(" \t")),
                key_end=base + starts[i] + len(m.group(0).rstrip(" \t=")),
                value_start=base + value_start,
                value_end=base + value_end,
                value=value,
                tag=_tag(value),
            )
        )
        i = j


def _toml_tables(
    body: str, lines: list[str], starts: list[int], first: int, fm: FrontMatter, tomllib: Any
) -> None:
    """``[table]`` sections after the top-level keys: one entry each, value a mapping."""
    whole = tomllib.loads(body)
    seen: set[str] = {e.key for e in fm.entries}
    for i in range(first, len(lines)):
        m = _TOML_TABLE.match(lines[i])
        if m is None:
            continue
        key = m.group(1).split(".")[0].strip().strip("\"'")
        if key in seen:
            continue
        seen.add(key)
        start = fm.content_start + starts[i]
        fm.entries.append(
            Entry(key, start, start + len(lines[i].rstrip()), start, start, whole.get(key), "map")
        )


def _strip_comment(value: str) -> str:
    """A value without a trailing ``# comment`` (outside quotes) and white space."""
    quote = ""
    for pos, char in enumerate(value):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            return value[:pos].rstrip()
    return value.rstrip()


def _toml_error_offset(body: str, exc: Exception) -> int:
    m = re.search(r"line (\d+), column (\d+)", str(exc))
    if m is None:
        return 0
    line, column = int(m.group(1)), int(m.group(2))
    offsets = [0]
    for part in body.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(part))
    return min(offsets[min(line - 1, len(offsets) - 1)] + column - 1, len(body))


def _tag(value: Any) -> str:
    import datetime

    if isinstance(value, bool):
        return "tag:yaml.org,2002:bool"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "tag:yaml.org,2002:timestamp"
    if isinstance(value, int):
        return "tag:yaml.org,2002:int"
    if isinstance(value, float):
        return "tag:yaml.org,2002:float"
    if isinstance(value, list):
        return "tag:yaml.org,2002:seq"
    if isinstance(value, dict):
        return "tag:yaml.org,2002:map"
    return "tag:yaml.org,2002:str"


def _json(text: str, fm: FrontMatter) -> None:
    """The object from the opening ``{`` to the closing ``}`` line, read key by key."""
    start = fm.start
    end = fm.body_start
    source = text[start:end]
    decoder = json.JSONDecoder()
    try:
        whole, _ = decoder.raw_decode(source.strip())
    except ValueError as exc:
        fm.error = f"invalid JSON: {exc}"
        fm.error_offset = start + getattr(exc, "pos", 0)
        return
    if not isinstance(whole, dict):
        fm.kind = "scalar"
        return
    fm.kind = "mapping" if whole else "empty"
    ws = re.compile(r"[ \t\r\n]*")
    pos = source.index("{") + 1
    while True:
        pos = ws.match(source, pos).end()  # type: ignore[union-attr]
        if pos >= len(source) or source[pos] != '"':
            return
        key, key_end = decoder.raw_decode(source, pos)
        colon = ws.match(source, key_end).end()  # type: ignore[union-attr]
        value_start = ws.match(source, colon + 1).end()  # type: ignore[union-attr]
        value, value_end = decoder.raw_decode(source, value_start)
        fm.entries.append(
            Entry(
                key=str(key),
                key_start=start + pos,
                key_end=start + key_end,
                value_start=start + value_start,
                value_end=start + value_end,
                value=_json_value(value),
                tag=_tag(_json_value(value)),
            )
        )
        pos = ws.match(source, value_end).end()  # type: ignore[union-attr]
        if pos < len(source) and source[pos] == ",":
            pos += 1
            continue
        return


def _json_value(value: Any) -> Any:
    """A JSON string that is an ISO date reads as a date, as Hugo reads it."""
    if isinstance(value, str):
        from minutes_lint.front_matter import parse_timestamp

        parsed = parse_timestamp(value)
        return parsed
    return value
