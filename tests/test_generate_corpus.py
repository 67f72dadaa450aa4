"""Tests for the synthetic minutes corpus generator used by the benchmarks."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

yaml = pytest.importorskip("yaml")

GENERATOR = Path(__file__).resolve().parent.parent / "benchmarks" / "generate_corpus.py"
PATH_RE = re.compile(r"content/posts/(\d{4})/(\d{4})-\d{2}-\d{2}-minutes-[a-z0-9-]+\.md")
ATTENDEES_RE = re.compile(r"^## Attendees[ \t]*\n\n(.+)$", re.MULTILINE)
TITLE_RE = re.compile(r"\d{4}-\d{2}-\d{2} Minutes of the \S")


def _load() -> ModuleType:
    """Import benchmarks/generate_corpus.py (the folder is not a package)."""
    name = "minutes_lint_bench_generate_corpus"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, GENERATOR)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


gen = _load()


def _snapshot(root: Path) -> dict[str, bytes]:
    """Relative path -> bytes of every file under ``root``."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _front_matter(text: str) -> dict[str, object]:
    """The YAML front matter of a generated document."""
    assert text.startswith("---\n")
    block, sep, _ = text[4:].partition("\n---\n")
    assert sep, "front matter is not closed"
    data = yaml.safe_load(block)
    assert isinstance(data, dict)
    return data


def test_same_seed_gives_identical_files(tmp_path: Path) -> None:
    gen.generate_corpus(str(tmp_path / "a"), 40, seed=7)
    gen.generate_corpus(str(tmp_path / "b"), 40, seed=7)
    gen.generate_corpus(str(tmp_path / "c"), 40, seed=8)
    first = _snapshot(tmp_path / "a")
    assert first == _snapshot(tmp_path / "b")
    assert first != _snapshot(tmp_path / "c")


def test_writes_n_documents_with_front_matter(tmp_path: Path) -> None:
    stats = gen.generate_corpus(str(tmp_path), 60, seed=3)
    files = _snapshot(tmp_path)
    assert stats.documents == len(files) == 60
    assert stats.bytes_written == sum(len(data) for data in files.values())
    for rel, data in files.items():
        match = PATH_RE.fullmatch(rel)
        assert match and match.group(1) == match.group(2), rel
        text = data.decode("utf-8")
        meta = _front_matter(text)
        assert TITLE_RE.match(str(meta["title"])), meta["title"]
        assert meta["type"] == "post"
        assert "Minutes" in meta["tags"]
        assert str(meta["date"])[:4].isdigit()
        attendees = ATTENDEES_RE.search(text)
        assert attendees, rel
        assert 15 <= attendees.group(1).count("), ") + 1 <= 61


def test_every_defect_kind_can_be_injected(tmp_path: Path) -> None:
    stats = gen.generate_corpus(str(tmp_path), 30, seed=1, defect_rate=1.0)
    assert {kind for _, kind, _ in stats.defects} == set(gen.DEFECT_KINDS)
    assert gen.generate_corpus(str(tmp_path / "clean"), 30, seed=1, defect_rate=0.0).defects == []


def test_misspell_is_one_edit_and_strip_diacritics() -> None:
    rng = gen.random.Random(5)
    for word in ("Moreau", "Okafor", "Lindqvist", "Abe"):
        typo = gen.misspell(word, rng)
        assert typo != word and typo[0] == word[0]
        assert abs(len(typo) - len(word)) <= 1
        if len(typo) == len(word):
            assert sum(a != b for a, b in zip(typo, word, strict=False)) == 1
    assert gen.strip_diacritics("Zoë Østergaard Łukasz Čolić") == "Zoe Ostergaard Lukasz Colic"


def test_people_pool_grows_slower_than_the_corpus() -> None:
    assert 150 <= gen.pool_size(1_000) <= 250
    assert 2_000 <= gen.pool_size(100_000) <= 5_000


def test_command_line_refuses_a_used_folder(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    manifest = tmp_path / "defects.tsv"
    assert gen.main([str(tmp_path), "--documents", "5", "--manifest", str(manifest)]) == 0
    assert "wrote 5 documents" in capsys.readouterr().out
    assert manifest.read_text(encoding="utf-8").startswith("path\tkind\tdetail\n")
    assert gen.main([str(tmp_path), "--documents", "5"]) == 2
    assert gen.main([str(tmp_path), "--documents", "5", "--force"]) == 0
