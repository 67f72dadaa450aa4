"""``--fix`` on the bundled examples, varied by hypothesis: never raises, converges, keeps bytes.

Each example is written with LF or CRLF newlines, with or without a BOM, with trailing
spaces added to some lines and a non-ASCII name in the discussion, then fixed twice with
every rule (unsafe fixes included) through the command line.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_lint.cli import main
from minutes_lint.document import Document

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.md"))
RUNS = int(os.environ.get("MINUTES_LINT_FIX_EXAMPLES", "15"))


def variant(text: str, crlf: bool, spaces: list[int], name: str) -> str:
    lines = text.split("\n")
    for i in spaces:
        if lines and lines[i % len(lines)]:
            lines[i % len(lines)] += "  \t"
    out = "\n".join(lines) + f"\n{name} joined the call.\n"
    return out.replace("\n", "\r\n") if crlf else out


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
@settings(
    max_examples=RUNS, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    crlf=st.booleans(),
    bom=st.booleans(),
    spaces=st.lists(st.integers(0, 60), max_size=6),
    name=st.sampled_from(["Zoë Ångström", "Łukasz Wróbel", "Nguyễn Văn An", "Ōta Kenji"]),
)
def test_fixing_an_example_twice_changes_nothing_more(
    example: Path,
    tmp_path_factory: pytest.TempPathFactory,
    crlf: bool,
    bom: bool,
    spaces: list[int],
    name: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path_factory.mktemp("fix")
    for other in EXAMPLES:  # the corpus the cross-document rules see
        (folder / other.name).write_text(other.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / ".minutes-lint.toml").write_text('corpus = ["*.md"]\n', encoding="utf-8")
    target = folder / example.name
    text = variant(example.read_text(encoding="utf-8"), crlf, spaces, name)
    target.write_bytes((codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))

    args = ["--fix", "--unsafe-fixes", "--extend-select", "WS", "--no-cache", "--exit-zero"]
    args.append(str(target))
    assert main(args) == 0
    once = target.read_bytes()
    assert main(args) == 0
    capsys.readouterr()
    assert target.read_bytes() == once, "fixing twice must equal fixing once"
    assert once.startswith(codecs.BOM_UTF8) == bom
    fixed = once.decode("utf-8-sig")
    assert name in fixed
    if crlf:
        assert "\n" not in fixed.replace("\r\n", "")
    else:
        assert "\r" not in fixed
    assert Document.from_text(fixed).parses
    assert "  \t\r\n" not in fixed and "  \t\n" not in fixed  # trailing whitespace fixed
