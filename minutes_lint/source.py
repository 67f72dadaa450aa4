"""Reading a file: bytes in, decoded text or a clear reason why not."""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


@dataclass(frozen=True)
class Source:
    """A file decoded as UTF-8: its text without BOM, newlines as in the file."""

    path: str  # as given on the command line (or --stdin-filename)
    text: str
    bom: bool
    data: bytes  # the bytes as read, to tell later whether a write changes anything

    @property
    def newline(self) -> str:
        """The newline style: "\\r\\n", "\\n", "\\r", "mixed" or "" for one line."""
        crlf = self.text.count("\r\n")
        lf = self.text.count("\n") - crlf
        cr = self.text.count("\r") - crlf
        kinds = [k for k, n in (("\r\n", crlf), ("\n", lf), ("\r", cr)) if n]
        if not kinds:
            return ""
        return kinds[0] if len(kinds) == 1 else "mixed"


@dataclass(frozen=True)
class ReadFailure:
    """Why a file could not be read as text; becomes an ML001/ML002 diagnostic."""

    path: str
    code: str  # "ML001" cannot be read, "ML002" not UTF-8 text
    message: str
    line: int = 1
    column: int = 1


def decode(path: str, data: bytes) -> Source | ReadFailure:
    """Decode ``data`` as UTF-8 (a UTF-8 BOM is allowed and remembered)."""
    if data.startswith(_UTF32_BOMS[0]) or data.startswith(_UTF32_BOMS[1]):
        return ReadFailure(path, "ML002", "file is UTF-32 encoded; minutes-lint reads UTF-8")
    if data.startswith(_UTF16_BOMS):
        return ReadFailure(
            path,
            "ML002",
            "file is UTF-16 encoded; minutes-lint reads UTF-8 (convert it with iconv)",
        )
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[3:] if bom else data
    nul = body.find(b"\x00")
    if nul >= 0:
        line, col = _line_col(body, nul)
        return ReadFailure(path, "ML002", "file contains a NUL byte: not a text file", line, col)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(body, exc.start)
        return ReadFailure(
            path,
            "ML002",
            f"file is not valid UTF-8: byte 0x{body[exc.start]:02x} cannot be decoded",
            line,
            col,
        )
    return Source(path, text, bom, data)


def _line_col(data: bytes, index: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, index) + 1
    start = data.rfind(b"\n", 0, index) + 1
    column = len(data[start:index].decode("utf-8", errors="replace")) + 1
    return line, column


def read_source(path: str) -> Source | ReadFailure:
    """Read and decode the file at ``path``; never raises for I/O problems."""
    p = Path(path)
    try:
        if p.is_dir():
            return ReadFailure(path, "ML001", "is a directory, not a file")
        with open(p, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        if os.path.islink(p):
            return ReadFailure(path, "ML001", "is a broken symbolic link")
        return ReadFailure(path, "ML001", "no such file (it may have been removed during the run)")
    except PermissionError:
        return ReadFailure(path, "ML001", "cannot be read: permission denied")
    except OSError as exc:
        return ReadFailure(path, "ML001", f"cannot be read: {exc.strerror or exc}")
    return decode(path, data)
