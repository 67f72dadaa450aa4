"""Tests for writing fixed documents back safely."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from minutes_lint.fixes.atomic_write import (
    WriteError,
    encode_text,
    unchanged_or_write,
    write_atomic,
)

ORIGINAL = b"---\r\ntitle: Minutes\r\n---\r\nAttendees: Alice Moreau (Example CA)\r\n"
FIXED = "---\r\ntitle: Minutes\r\n---\r\nAttendees: Zoë Müller (Example CA)\r\n".encode()


def leftovers(folder: Path) -> list[str]:
    """Temporary files left in a folder."""
    return sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".tmp"))


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    """A minutes file holding ``ORIGINAL``."""
    path = tmp_path / "2024-01-18-minutes.md"
    path.write_bytes(ORIGINAL)
    return path


# --- encode_text -----------------------------------------------------------


def test_encode_without_bom() -> None:
    assert encode_text("Zoë\n", bom=False) == b"Zo\xc3\xab\n"


def test_encode_with_bom() -> None:
    assert encode_text("a\r\nb", bom=True) == b"\xef\xbb\xbfa\r\nb"


def test_encode_keeps_newlines_as_they_are() -> None:
    assert encode_text("a\r\nb\nc\r\n", bom=False) == b"a\r\nb\nc\r\n"


# --- write_atomic ----------------------------------------------------------


def test_write_replaces_the_contents(minutes: Path) -> None:
    write_atomic(minutes, FIXED)
    assert minutes.read_bytes() == FIXED
    assert leftovers(minutes.parent) == []


def test_bom_and_crlf_survive_a_round_trip(minutes: Path) -> None:
    raw = b"\xef\xbb\xbf" + ORIGINAL
    minutes.write_bytes(raw)
    text = raw.decode("utf-8-sig")
    write_atomic(minutes, encode_text(text, bom=True))
    assert minutes.read_bytes() == raw


@pytest.mark.parametrize("mode", [0o640, 0o600, 0o755, 0o664])
def test_permissions_are_kept(minutes: Path, mode: int) -> None:
    os.chmod(minutes, mode)
    write_atomic(minutes, FIXED)
    assert stat.S_IMODE(minutes.stat().st_mode) == mode
    assert minutes.read_bytes() == FIXED


def test_a_read_only_file_is_refused_and_untouched(minutes: Path) -> None:
    os.chmod(minutes, 0o444)
    before = minutes.stat().st_mtime_ns
    with pytest.raises(WriteError) as caught:
        write_atomic(minutes, FIXED)
    assert str(caught.value) == f"cannot write {minutes}: the file is read-only"
    assert minutes.read_bytes() == ORIGINAL
    assert minutes.stat().st_mtime_ns == before
    assert stat.S_IMODE(minutes.stat().st_mode) == 0o444
    assert leftovers(minutes.parent) == []


def test_a_vanished_file_is_not_recreated(tmp_path: Path) -> None:
    path = tmp_path / "gone.md"
    with pytest.raises(WriteError) as caught:
        write_atomic(path, FIXED)
    assert str(caught.value) == f"{path} disappeared before it could be fixed"
    assert list(tmp_path.iterdir()) == []


def test_a_file_removed_during_the_write_is_not_recreated(
    minutes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def fsync_then_remove(descriptor: int) -> None:
        real_fsync(descriptor)
        if minutes.exists():
            minutes.unlink()

    monkeypatch.setattr(os, "fsync", fsync_then_remove)
    with pytest.raises(WriteError, match="disappeared before it could be fixed"):
        write_atomic(minutes, FIXED)
    assert list(minutes.parent.iterdir()) == []


def test_a_failed_replace_leaves_the_original(
    minutes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(source: str, target: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(WriteError) as caught:
        write_atomic(minutes, FIXED)
    assert str(caught.value) == f"cannot write {minutes}: {os.strerror(errno.ENOSPC)}"
    assert minutes.read_bytes() == ORIGINAL
    assert leftovers(minutes.parent) == []


def test_a_failed_flush_leaves_the_original(minutes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(descriptor: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(WriteError, match="cannot write"):
        write_atomic(minutes, FIXED)
    assert minutes.read_bytes() == ORIGINAL
    assert leftovers(minutes.parent) == []


def test_an_interrupt_leaves_the_original(minutes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(mode_path: str, mode: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "chmod", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(minutes, FIXED)
    assert minutes.read_bytes() == ORIGINAL
    assert leftovers(minutes.parent) == []


def test_a_folder_that_cannot_be_written_names_the_cause(
    minutes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(**arguments: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(WriteError) as caught:
        write_atomic(minutes, FIXED)
    message = str(caught.value)
    assert message == f"cannot write {minutes}: Permission denied"
    assert "Traceback" not in message and "\n" not in message
    assert minutes.read_bytes() == ORIGINAL


def test_a_crash_before_the_replace_leaves_the_original(minutes: Path) -> None:
    script = textwrap.dedent(
        """
        import os, sys
        from pathlib import Path
        from minutes_lint.fixes import atomic_write as writing

        def crash(source, target):
            os._exit(17)

        os.replace = crash
        writing.write_atomic(Path(sys.argv[1]), b"half-way")
        """
    )
    root = Path(__file__).resolve().parent.parent
    environment = {**os.environ, "PYTHONPATH": str(root)}
    result = subprocess.run(
        [sys.executable, "-c", script, str(minutes)],
        env=environment,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 17, result.stderr
    assert minutes.read_bytes() == ORIGINAL
    # a hard crash may leave the hidden temporary file, but nothing else
    for name in leftovers(minutes.parent):
        assert name.startswith(f".{minutes.name}.")


def test_a_symbolic_link_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_bytes(ORIGINAL)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, FIXED)
    assert link.is_symlink()
    assert real.read_bytes() == FIXED


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="not a regular file"):
        write_atomic(tmp_path, FIXED)


# --- unchanged_or_write ----------------------------------------------------


def test_unchanged_bytes_keep_the_modification_time(minutes: Path) -> None:
    os.utime(minutes, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    assert unchanged_or_write(minutes, ORIGINAL, ORIGINAL) is False
    assert minutes.stat().st_mtime_ns == 1_600_000_000_000_000_000
    assert minutes.read_bytes() == ORIGINAL


def test_changed_bytes_are_written(minutes: Path) -> None:
    os.chmod(minutes, 0o640)
    assert unchanged_or_write(minutes, ORIGINAL, FIXED) is True
    assert minutes.read_bytes() == FIXED
    assert stat.S_IMODE(minutes.stat().st_mode) == 0o640


def test_a_file_edited_meanwhile_is_not_overwritten(minutes: Path) -> None:
    edited = ORIGINAL + b"Added by hand.\r\n"
    minutes.write_bytes(edited)
    with pytest.raises(WriteError, match="changed on disk"):
        unchanged_or_write(minutes, ORIGINAL, FIXED)
    assert minutes.read_bytes() == edited


def test_a_vanished_file_is_reported_by_unchanged_or_write(tmp_path: Path) -> None:
    path = tmp_path / "gone.md"
    with pytest.raises(WriteError, match="disappeared"):
        unchanged_or_write(path, ORIGINAL, FIXED)
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_file_is_refused_by_unchanged_or_write(minutes: Path) -> None:
    os.chmod(minutes, 0o400)
    with pytest.raises(WriteError, match="read-only"):
        unchanged_or_write(minutes, ORIGINAL, FIXED)
    assert minutes.read_bytes() == ORIGINAL
