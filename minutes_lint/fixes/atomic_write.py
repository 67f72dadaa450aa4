"""Writing fixed documents back to disk without risking the original.

A fixed file is written to a temporary file in the same folder, flushed to
disk and then renamed over the original, so a crash or a full disk leaves
either the old file or the new one, never a mix.  The original's permission
bits are kept.  Files marked read-only are refused, even for a user (such as
root) whom the operating system would let write them.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

UTF8_BOM = b"\xef\xbb\xbf"


class WriteError(Exception):
    """A fixed file could not be written; the message names the file and the cause."""


def encode_text(text: str, *, bom: bool) -> bytes:
    """Encode ``text`` as UTF-8, with a leading byte order mark when ``bom``.

    ``text`` holds its own newlines, which are written exactly as they are.
    """
    data = text.encode("utf-8")
    return UTF8_BOM + data if bom else data


def _cause(error: OSError) -> str:
    """The short, human-readable cause of an OS error."""
    return error.strerror or str(error)


def _vanished(path: Path) -> WriteError:
    """The error for a file that was removed before it could be rewritten."""
    return WriteError(f"{path} disappeared before it could be fixed")


def _target(path: Path) -> Path:
    """The file to replace: the file a symbolic link points to, so the link survives."""
    try:
        linked = path.is_symlink()
    except OSError:
        return path  # the status check that follows reports the cause
    return Path(os.path.realpath(path)) if linked else path


def _existing_status(path: Path, target: Path) -> os.stat_result:
    """The status of the file about to be replaced, refusing what must not be."""
    try:
        status = os.stat(target)
    except FileNotFoundError:
        raise _vanished(path) from None
    except OSError as error:
        raise WriteError(f"cannot write {path}: {_cause(error)}") from error
    if not stat.S_ISREG(status.st_mode):
        raise WriteError(f"cannot write {path}: not a regular file")
    if not status.st_mode & stat.S_IWUSR:
        raise WriteError(f"cannot write {path}: the file is read-only")
    return status


def _keep_owner(temporary: str, status: os.stat_result) -> None:
    """Give the new file the original's owner and group where allowed."""
    if not hasattr(os, "chown"):
        return
    current = os.stat(temporary)
    if (current.st_uid, current.st_gid) == (status.st_uid, status.st_gid):
        return
    with contextlib.suppress(OSError):
        os.chown(temporary, status.st_uid, status.st_gid)


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk so a rename survives a power cut."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _remove_quietly(name: str) -> None:
    """Remove a temporary file, ignoring a file that is already gone."""
    with contextlib.suppress(OSError):
        os.unlink(name)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace the contents of the existing file ``path`` with ``data`` atomically.

    Raises WriteError, naming ``path`` and the cause, when the file is gone,
    read-only, not a regular file, or cannot be written; the original is then
    left as it was and no temporary file remains.
    """
    path = Path(path)
    target = _target(path)
    status = _existing_status(path, target)
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise WriteError(f"cannot write {path}: {_cause(error)}") from error
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        _keep_owner(temporary, status)
        if not os.path.lexists(target):
            raise _vanished(path)
        os.replace(temporary, target)
    except OSError as error:
        _remove_quietly(temporary)
        raise WriteError(f"cannot write {path}: {_cause(error)}") from error
    except BaseException:
        _remove_quietly(temporary)
        raise
    _sync_folder(target.parent)


def unchanged_or_write(path: Path, original: bytes, new: bytes) -> bool:
    """Write ``new`` to ``path`` only if it differs from ``original``; return whether it did.

    A file whose bytes would not change is not touched, so its modification
    time stays.  A file whose bytes on disk are no longer ``original`` (edited
    by someone else since it was read) is refused with WriteError rather than
    overwritten.
    """
    if new == original:
        return False
    path = Path(path)
    try:
        current = path.read_bytes()
    except FileNotFoundError:
        raise _vanished(path) from None
    except OSError as error:
        raise WriteError(f"cannot write {path}: {_cause(error)}") from error
    if current != original:
        raise WriteError(f"cannot write {path}: it changed on disk while it was being fixed")
    write_atomic(path, new)
    return True
