"""Configuration: discovery, validation and the effective settings of a run.

``[tool.minutes-lint]`` in ``pyproject.toml`` or the same keys at the top of
``.minutes-lint.toml``; the nearest file upward from the linted path wins and
``--config PATH`` overrides.  The project root is the folder of that file,
else the git top level, else the current folder.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minutes_lint.diagnostics import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = (".minutes-lint.toml", "pyproject.toml")
DEFAULT_CORPUS = ["**/*.md"]
# templates, not minutes: a static site's archetypes (Hugo) and files named as templates
DEFAULT_EXCLUDE = (
    "archetypes/*",
    "*/archetypes/*",
    "*template*.md",
    "*Template*.md",
    "*TEMPLATE*.md",
)


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@dataclass
class Settings:
    root: Path
    config_path: Path | None = None
    corpus: list[str] = field(default_factory=lambda: list(DEFAULT_CORPUS))
    select: list[str] | None = None  # None: the rules on by default (each rule's DEFAULT)
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)  # code or name -> options
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    include: list[str] = field(default_factory=lambda: ["*.md", "*.markdown"])
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    roster: str = "minutes-roster.yaml"
    cache_dir: str = ".minutes-lint-cache"
    nicknames: list[list[str]] = field(default_factory=list)
    series: dict[str, list[str]] = field(default_factory=dict)  # name -> regexes (path, title)
    report_url: str = ""  # `minutes-lint report`: link template with {path}, {line}, {column}

    @property
    def configured(self) -> bool:
        """True when a configuration file defines the project (and so its corpus)."""
        return self.config_path is not None

    def as_dict(self) -> dict[str, Any]:
        return {
            "config": str(self.config_path) if self.config_path else None,
            "root": str(self.root),
            "corpus": self.corpus,
            "select": self.select,
            "extend-select": self.extend_select,
            "ignore": self.ignore,
            "severity": {k: v.value for k, v in self.severity.items()},
            "rules": self.rules,
            "per-file-ignores": self.per_file_ignores,
            "include": self.include,
            "exclude": self.exclude,
            "roster": self.roster,
            "cache-dir": self.cache_dir,
            "nicknames": self.nicknames,
            "series": self.series,
            "report-url": self.report_url,
        }


_LIST_KEYS = {
    "corpus": "corpus",
    "select": "select",
    "extend-select": "extend_select",
    "ignore": "ignore",
    "include": "include",
    "exclude": "exclude",
}
_STR_KEYS = {"roster": "roster", "cache-dir": "cache_dir", "report-url": "report_url"}
_KNOWN = (
    set(_LIST_KEYS)
    | set(_STR_KEYS)
    | {
        "severity",
        "rules",
        "per-file-ignores",
        "nicknames",
        "series",
    }
)


def find_config(start: Path) -> Path | None:
    """The nearest configuration file upward from ``start`` (a file or folder)."""
    folder = start if start.is_dir() else start.parent
    for candidate in [folder, *folder.parents]:
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        tool = _read_toml(path).get("tool")
    except ConfigError:
        # a broken pyproject.toml that mentions minutes-lint is ours to report, not to skip
        try:
            return b"minutes-lint" in path.read_bytes()
        except OSError:
            return False
    return isinstance(tool, dict) and "minutes-lint" in tool


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 (byte {exc.start})") from exc


def git_toplevel(folder: Path) -> Path | None:
    import subprocess  # only runs without a configuration file ask git

    try:
        out = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=5,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip() else None


def load_settings(config: Path | None, start: Path, cwd: Path | None = None) -> Settings:
    """Settings from ``config`` (or the nearest file upward from ``start``)."""
    cwd = cwd or Path.cwd()
    path = config if config is not None else find_config(start.resolve())
    if path is None:
        folder = start.resolve() if start.is_dir() else start.resolve().parent
        root = git_toplevel(folder) if folder.exists() else None
        return Settings(root=root or cwd.resolve())
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("minutes-lint", {}) if isinstance(tool, dict) else {}
        where = f"{path} [tool.minutes-lint]"
        if not isinstance(data, dict):
            raise ConfigError(f"{where}: must be a table")
    else:
        where = str(path)
    settings = Settings(root=path.resolve().parent, config_path=path.resolve())
    apply_table(settings, data, where)
    return settings


def apply_table(settings: Settings, data: dict[str, Any], where: str) -> None:
    """Validate a configuration table and store it in ``settings``."""
    for key, value in data.items():
        if key not in _KNOWN:
            raise ConfigError(f"{where}: unknown key '{key}'")
        if key in _LIST_KEYS:
            setattr(settings, _LIST_KEYS[key], _str_list(value, key, where))
        elif key in _STR_KEYS:
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{where}: '{key}' must be a non-empty string")
            setattr(settings, _STR_KEYS[key], value)
        elif key == "severity":
            settings.severity = _severity_table(value, where)
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"{where}: 'rules' must be a table of tables: [rules.CODE]")
            settings.rules = {k: dict(v) for k, v in value.items()}
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [codes]")
            settings.per_file_ignores = {
                g: _str_list(c, f"per-file-ignores.{g}", where) for g, c in value.items()
            }
        elif key == "nicknames":
            if not isinstance(value, list) or not all(
                isinstance(g, list) and all(isinstance(n, str) for n in g) for g in value
            ):
                raise ConfigError(f"{where}: 'nicknames' must be a list of lists of names")
            settings.nicknames = value
        elif key == "series":
            settings.series = _series_table(value, where)


def _str_list(value: Any, key: str, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return list(value)


def _series_table(value: Any, where: str) -> dict[str, list[str]]:
    """``series``: name = "regex" or ["regex", ...], matched against the path and the title."""
    import re

    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'series' must be a table of name = [\"regex\", ...]")
    out = {}
    for name, patterns in value.items():
        out[name] = _str_list(patterns, f"series.{name}", where)
        for pattern in out[name]:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ConfigError(f"{where}: series.{name}: bad regex {pattern!r}: {exc}") from None
    return out


def _severity_table(value: Any, where: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'severity' must be a table of CODE = \"error|warning|info\"")
    out = {}
    for code, level in value.items():
        try:
            out[code] = Severity(level)
        except ValueError:
            raise ConfigError(
                f'{where}: severity.{code} must be "error", "warning" or "info", not {level!r}'
            ) from None
    return out
