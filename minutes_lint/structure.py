"""The block structure of a document's body, read by a CommonMark parser (markdown-it-py).

Every block carries its line range (0-based indexes into ``Document.lines``, end exclusive):
headings (ATX and setext), fenced and indented code, HTML blocks and comments, block quotes,
lists and list items, tables, paragraphs and thematic breaks.  Only the block pass of the
parser runs; what lives inside a block (dates, names, entries) is found by minutes-lint's
own finders.

:class:`Structure` answers one question for every rule: what is at this offset?  Prose, a
list item, a table cell, code, an HTML comment, a heading, front matter.  Code and HTML
comments are never minutes: nothing inside them is read as a date, a name or a section.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from minutes_lint.markdown import Line

__all__ = [
    "CODE",
    "COMMENT",
    "FRONT_MATTER",
    "HEADING",
    "HTML",
    "ITEM",
    "PARAGRAPH",
    "QUOTE",
    "TABLE",
    "Block",
    "Structure",
    "parse_blocks",
]

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# what a line holds, as bits (a line in a list item's paragraph is ITEM | PARAGRAPH)
FRONT_MATTER = 1
CODE = 2  # fenced or indented code, fences included
HTML = 4  # an HTML block
COMMENT = 8  # an HTML block that is a comment
HEADING = 16
PARAGRAPH = 32
ITEM = 64
QUOTE = 128
TABLE = 256
HR = 512

_COMMENT_SPAN = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_BACKTICKS = re.compile(r"`+")
_PROSE_LINE = re.compile(r"^[ \t]*[*_(\[“\"'•+-]*[ \t]*[^\W_]")
_CODE_LIKE = re.compile(r"[{};][ \t]*$|=>|==|::|</|^[ \t]*[<{}\[\]$>#]|^[ \t]*(?:\$|>>>|//)")


class Block(NamedTuple):
    """One block of the body: ``kind`` over lines ``first`` (inclusive) to ``last`` (exclusive)."""

    kind: str  # heading, paragraph, fence, code, indented, html, comment, blockquote,
    # bullet_list, ordered_list, item, table, hr
    first: int
    last: int
    depth: int  # nesting depth: 0 for a top-level block
    markup: str  # "##" or "=" / "-" (setext) for headings, the fence, the bullet character
    info: str  # a fence's info string


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    md.core.ruler.disable(["inline", "text_join"])  # the block pass only
    return md


def parse_blocks(body: str, first_line: int) -> list[Block]:
    """Blocks of ``body`` (the text after the front matter, starting on ``first_line``)."""
    blocks: list[Block] = []
    if not body.strip():
        return blocks
    tokens: list[Any] = _parser().parse(body)
    kinds = _KINDS
    for token in tokens:
        kind = kinds.get(token.type)
        if kind is None:
            continue  # closing tokens, inline content, table rows and sections
        begin, end = token.map
        if kind == "html" and token.content.lstrip().startswith("<!--"):
            kind = "comment"
        info = token.info.strip() if kind == "fence" else ""
        blocks.append(
            Block(kind, first_line + begin, first_line + end, token.level, token.markup, info)
        )
    return blocks


_KINDS = {
    "heading_open": "heading",
    "paragraph_open": "paragraph",
    "fence": "fence",
    "code_block": "code",
    "html_block": "html",
    "blockquote_open": "blockquote",
    "bullet_list_open": "bullet_list",
    "ordered_list_open": "ordered_list",
    "list_item_open": "item",
    "table_open": "table",
    "hr": "hr",
}


class Structure:
    """What each line and offset of a document is; built once per document."""

    def __init__(self, text: str, lines: list[Line], body_line: int, blocks: list[Block]) -> None:
        self.text = text
        self.lines = lines
        self.blocks = blocks
        self._starts = [line.start for line in lines] or [0]
        flags = [0] * len(lines)
        for index in range(min(body_line, len(lines))):
            flags[index] = FRONT_MATTER
        item_starts = {block.first for block in blocks if block.kind == "item"}
        blocks = [_stray(block, lines, item_starts) for block in blocks]
        self.blocks = blocks
        for block in blocks:
            bit = _flag(block.kind)
            if bit:
                for index in range(block.first, min(block.last, len(lines))):
                    flags[index] |= bit
        self.line_flags = flags
        self.comments = self._comment_spans(body_line)
        self._comment_starts = [a for a, _ in self.comments]

    # -- lines ---------------------------------------------------------------------------
    def flags(self, offset: int) -> int:
        """The bits of the line holding ``offset``."""
        index = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        return self.line_flags[index] if self.line_flags else 0

    def is_code_line(self, index: int) -> bool:
        """Whether line ``index`` (into ``Document.lines``) is code or an HTML comment block."""
        return bool(self.line_flags[index] & (CODE | COMMENT))

    # -- offsets -------------------------------------------------------------------------
    def in_code(self, offset: int) -> bool:
        """Inside a fenced or indented code block, or an inline code span."""
        if self.flags(offset) & CODE:
            return True
        return self._in_code_span(offset)

    def in_comment(self, offset: int) -> bool:
        """Inside an HTML comment (block or inline) outside code."""
        i = bisect.bisect_right(self._comment_starts, offset) - 1
        return i >= 0 and offset < self.comments[i][1]

    def in_list_item(self, offset: int) -> bool:
        return bool(self.flags(offset) & ITEM)

    def in_table_cell(self, offset: int) -> bool:
        """Inside a table row (a pipe-table cell, header included) or an HTML table block."""
        flags = self.flags(offset)
        if flags & TABLE:
            return True
        return bool(flags & HTML) and "<t" in self.lines[self._line(offset)].text.lower()

    def in_heading(self, offset: int) -> bool:
        return bool(self.flags(offset) & HEADING)

    def in_front_matter(self, offset: int) -> bool:
        return bool(self.flags(offset) & FRONT_MATTER)

    def is_prose(self, offset: int) -> bool:
        """Body text a person wrote as minutes: not front matter, code, HTML or a comment."""
        flags = self.flags(offset)
        if flags & (FRONT_MATTER | CODE | COMMENT) or (flags & HTML and not flags & TABLE):
            return False
        return not self.in_comment(offset) and not self._in_code_span(offset)

    def kind_at(self, offset: int) -> str:
        """The innermost kind of text at ``offset``: "front-matter", "code", "comment",
        "html", "heading", "table", "item", "quote", "paragraph" or "blank"."""
        flags = self.flags(offset)
        if flags & FRONT_MATTER:
            return "front-matter"
        if flags & CODE or self._in_code_span(offset):
            return "code"
        if flags & COMMENT or self.in_comment(offset):
            return "comment"
        for bit, name in ((HTML, "html"), (HEADING, "heading"), (TABLE, "table")):
            if flags & bit:
                return name
        if flags & ITEM:
            return "item"
        if flags & QUOTE:
            return "quote"
        return "paragraph" if flags & PARAGRAPH else "blank"

    def text_runs(self, start: int, end: int) -> list[tuple[int, int]]:
        """``text[start:end]`` (within one line) without HTML comments and inline code."""
        runs: list[tuple[int, int]] = []
        pos = start
        for a, b in self._holes(start, end):
            if a > pos:
                runs.append((pos, a))
            pos = max(pos, b)
        if pos < end:
            runs.append((pos, end))
        return runs

    # -- helpers -------------------------------------------------------------------------
    def _line(self, offset: int) -> int:
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    def _holes(self, start: int, end: int) -> list[tuple[int, int]]:
        holes: list[tuple[int, int]] = []
        i = max(bisect.bisect_right(self._comment_starts, start) - 1, 0)
        while i < len(self.comments) and self.comments[i][0] < end:
            a, b = self.comments[i]
            if b > start:
                holes.append((max(a, start), min(b, end)))
            i += 1
        if "`" in self.text[start:end]:
            holes.extend(_code_spans(self.text, start, end))
            holes.sort()
        return holes

    def _in_code_span(self, offset: int) -> bool:
        line = self.lines[self._line(offset)] if self.lines else None
        if line is None or "`" not in line.text:
            return False
        return any(a <= offset < b for a, b in _code_spans(self.text, line.start, line.end))

    def _comment_spans(self, body_line: int) -> list[tuple[int, int]]:
        """HTML comments outside code (a ``<!--`` in a code span or block is not one)."""
        if body_line >= len(self.lines):
            return []
        body = self.lines[body_line].start
        if "<!--" not in self.text[body:]:
            return []
        spans: list[tuple[int, int]] = []
        for m in _COMMENT_SPAN.finditer(self.text, body):
            index = self._line(m.start())
            if self.line_flags[index] & CODE:
                continue
            line = self.lines[index]
            if "`" in line.text and any(
                a <= m.start() < b for a, b in _code_spans(self.text, line.start, line.end)
            ):
                continue
            spans.append(m.span())
        return spans


def _stray(block: Block, lines: list[Line], item_starts: set[int]) -> Block:
    """An indented code block that is a stray indent of minutes text (kind "indented").

    Minutes are written by people indenting sentences and bullets by four spaces, or a
    title on a list item's marker line ("6.        Discussion"): CommonMark makes code of
    them, a reader of the minutes does not.  A block is code when one of its lines looks
    like code (braces, semicolons at the end, operators, a prompt, a tag) or does not start
    with words.
    """
    if block.kind != "code":
        return block
    texts = [lines[i].text for i in range(block.first, min(block.last, len(lines)))]
    texts = [t for t in texts if t.strip()]
    if not texts:
        return block
    on_marker = len(texts) == 1 and block.first in item_starts
    prose = all(_PROSE_LINE.match(t) and not _CODE_LIKE.search(t) for t in texts)
    if not prose and not on_marker:
        return block
    return Block("indented", block.first, block.last, block.depth, block.markup, block.info)


def _flag(kind: str) -> int:
    if kind in ("fence", "code"):
        return CODE
    if kind == "comment":
        return COMMENT | HTML
    if kind == "html":
        return HTML
    if kind == "heading":
        return HEADING
    if kind in ("paragraph", "indented"):
        return PARAGRAPH
    if kind == "item":
        return ITEM
    if kind == "blockquote":
        return QUOTE
    if kind == "table":
        return TABLE
    if kind == "hr":
        return HR
    return 0


def _code_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Inline code spans on one line: a run of backticks up to the next run of equal length."""
    spans: list[tuple[int, int]] = []
    runs = list(_BACKTICKS.finditer(text, start, end))
    i = 0
    while i < len(runs):
        opener = runs[i]
        width = opener.end() - opener.start()
        for j in range(i + 1, len(runs)):
            if runs[j].end() - runs[j].start() == width:
                spans.append((opener.start(), runs[j].end()))
                i = j
                break
        i += 1
    return spans
