"""Positions between minutes-lint (character offsets) and the editor (line, code units).

minutes-lint counts columns in characters (code points); an LSP client counts them in
the position encoding agreed at initialisation (UTF-16 code units unless it offers
another).  Lines end at CRLF, CR or LF, as in both.
"""

from __future__ import annotations

import bisect
import re

_NEWLINE = re.compile(r"\r\n|\r|\n")


def _units(text: str, encoding: str) -> int:
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class LineMap:
    """Offsets of a text's lines, to convert offsets to and from LSP positions."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = str(encoding)
        self.starts = [0]
        self.ends: list[int] = []  # end of each line's content, before its newline
        for m in _NEWLINE.finditer(text):
            self.ends.append(m.start())
            self.starts.append(m.end())
        self.ends.append(len(text))

    def line_text(self, line: int) -> str:
        if not 0 <= line < len(self.starts):
            return ""
        return self.text[self.starts[line] : self.ends[line]]

    def newline_after(self, line: int) -> str:
        """The newline ending ``line`` ("" for the last line)."""
        if not 0 <= line < len(self.starts) - 1:
            return ""
        return self.text[self.ends[line] : self.starts[line + 1]]

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character in code units) of a 0-based character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return line, _units(self.text[start : min(offset, self.ends[line])], self.encoding)

    def from_line_column(self, line: int, column: int) -> tuple[int, int]:
        """0-based LSP position of a 1-based (line, column in characters)."""
        index = max(0, min(line - 1, len(self.starts) - 1))
        content = self.line_text(index)
        return index, _units(content[: max(0, column - 1)], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """0-based character offset of an LSP position (clamped to the text)."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.ends[line]
        if self.encoding == "utf-32":
            return min(start + max(0, character), end)
        used = 0
        pos = start
        while pos < end and used < character:
            used += _units(self.text[pos], self.encoding)
            pos += 1
        return pos
