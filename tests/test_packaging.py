"""The release: sdist and wheel build, pass ``twine check`` and install only what they should.

Marked ``packaging`` (deselect with ``-m 'not packaging'``): the package is
built once per session with ``python -m build`` and installed into fresh
virtual environments, which needs PyPI for the dependencies.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

import pytest

import minutes_lint

CHECKOUT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.packaging


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=900
    )


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    built = run(sys.executable, "-m", "build", "--outdir", out, CHECKOUT)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return out


@pytest.fixture(scope="session")
def wheel(dist: Path) -> Path:
    (found,) = dist.glob("*.whl")
    return found


def wheel_names(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as zf:
        return zf.namelist()


def test_sdist_and_wheel_pass_twine_check(dist: Path) -> None:
    files = sorted(dist.iterdir())
    assert sorted(f.suffix for f in files) == [".gz", ".whl"]
    checked = run(sys.executable, "-m", "twine", "check", "--strict", *files)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 2


def test_the_version_has_one_source(wheel: Path) -> None:
    version = minutes_lint.__version__
    assert wheel.name.startswith(f"minutes_lint-{version}-")
    with zipfile.ZipFile(wheel) as zf:
        metadata = zf.read(f"minutes_lint-{version}.dist-info/METADATA").decode()
    assert f"\nVersion: {version}\n" in metadata
    pyproject = (CHECKOUT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"{version}"' not in pyproject  # no second copy to forget


def test_the_wheel_holds_only_minutes_lint(wheel: Path) -> None:
    names = wheel_names(wheel)
    top = {PurePosixPath(n).parts[0] for n in names}
    assert top == {"minutes_lint", f"minutes_lint-{minutes_lint.__version__}.dist-info"}
    assert "minutes_lint/rules/misspellings.txt" in names  # package data: the word lists
    assert not [n for n in names if "/tests/" in f"/{n}" or "benchmarks" in n]
    # every rule module named by an entry point is in the wheel
    with zipfile.ZipFile(wheel) as zf:
        entry_points = zf.read(
            f"minutes_lint-{minutes_lint.__version__}.dist-info/entry_points.txt"
        ).decode()
    modules = [
        line.split("=", 1)[1].strip()
        for line in entry_points.split("[minutes_lint.rules]", 1)[1].splitlines()
        if "=" in line and not line.startswith("[")
    ]
    assert len(modules) >= 30
    for module in modules:
        assert module.replace(".", "/") + ".py" in names, module


def test_the_sdist_can_rebuild_everything(dist: Path) -> None:
    import tarfile

    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as tf:
        names = {
            PurePosixPath(n).relative_to(PurePosixPath(n).parts[0]).as_posix()
            for n in tf.getnames()
            if "/" in n
        }
    assert {"pyproject.toml", "README.md", "rules/misspellings.txt", "minutes_lint/cli.py"} <= names


@pytest.fixture(scope="session")
def fresh_env(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Path:
    """A virtual environment with the Django ``rules`` package and the built wheel."""
    env = tmp_path_factory.mktemp("env") / "venv"
    made = run(sys.executable, "-m", "venv", env)
    assert made.returncode == 0, made.stderr
    python = env / "bin" / "python"
    if not python.exists():  # Windows
        python = env / "Scripts" / "python.exe"
    installed = run(python, "-m", "pip", "install", "--quiet", "rules", wheel)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return python


DJANGO_RULES = (
    "import rules, rules.predicates; "
    "assert 'minutes_lint' not in rules.__file__, rules.__file__; "
    "assert callable(rules.predicates.predicate); print(rules.__file__)"
)


def test_the_rules_package_of_pypi_survives_install_and_uninstall(
    fresh_env: Path, tmp_path: Path
) -> None:
    python = fresh_env
    # run away from this checkout: ``python -c`` imports from the current folder first
    before = run(python, "-c", DJANGO_RULES, cwd=tmp_path)
    assert before.returncode == 0, before.stderr
    listed = run(python, "-m", "minutes_lint", "rules", cwd=tmp_path)
    assert listed.returncode == 0 and "DT001" in listed.stdout, listed.stderr
    removed = run(python, "-m", "pip", "uninstall", "--yes", "minutes-lint")
    assert removed.returncode == 0, removed.stderr
    after = run(python, "-c", DJANGO_RULES, cwd=tmp_path)
    assert after.returncode == 0, after.stderr
    assert after.stdout == before.stdout


def test_a_folder_with_its_own_rules_does_not_shadow_minutes_lint(
    tmp_path: Path, fresh_env: Path, wheel: Path
) -> None:
    python = fresh_env
    reinstalled = run(python, "-m", "pip", "install", "--quiet", "--no-deps", wheel)
    assert reinstalled.returncode == 0, reinstalled.stderr
    (tmp_path / "rules.py").write_text("raise ImportError('the local rules.py was imported')\n")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "__init__.py").write_text("raise ImportError('local rules/')\n")
    (tmp_path / "notes.md").write_text("The group was intersted.\n", encoding="utf-8")
    version = run(python, "-m", "minutes_lint", "--version", cwd=tmp_path)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"minutes-lint {minutes_lint.__version__}"
    linted = run(python, "-m", "minutes_lint", "--no-cache", "notes.md", cwd=tmp_path)
    assert linted.returncode == 1, linted.stderr
    assert "TX001" in linted.stdout
