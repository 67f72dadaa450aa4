"""The roster file: canonical spellings of people and organisations, confirmed by a person.

``minutes-roster.yaml`` at the project root::

    people:
      - name: Rebecca Kelly            # canonical spelling
        aliases: [Rebecca Kelley]      # confirmed variants: fixing them is safe
        organisations: [SSL.com]
    organisations:
      - name: D-Trust
        aliases: [D-TRUST, Dtrust]
    distinct:                          # confirmed different people: never matched
      - [Ben Wilson, Clint Wilson]
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minutes_lint.config import ConfigError, Settings
from minutes_lint.names import org_key, person_key


@dataclass
class Roster:
    path: Path | None = None
    people: dict[str, str] = field(default_factory=dict)  # spelling -> canonical spelling
    organisations: dict[str, str] = field(default_factory=dict)  # spelling -> canonical
    person_keys: dict[str, str] = field(default_factory=dict)  # person key -> canonical
    org_keys: dict[str, str] = field(default_factory=dict)
    distinct: list[tuple[str, str]] = field(default_factory=list)
    digest: str = ""  # hash of the roster file's text

    def canonical_person(self, name: str) -> str | None:
        return self.people.get(name) or self.person_keys.get(person_key(name))

    def canonical_org(self, org: str) -> str | None:
        return self.organisations.get(org) or self.org_keys.get(org_key(org))

    def is_alias(self, name: str) -> bool:
        return name in self.people and self.people[name] != name


def roster_path(settings: Settings) -> Path:
    return settings.root / settings.roster


def load_roster(settings: Settings) -> Roster:
    path = roster_path(settings)
    if not path.is_file():
        return Roster()
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        text = path.read_text(encoding="utf-8")
        data = YAML(typ="safe").load(text)
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise ConfigError(f"{path}: cannot be read as YAML: {exc}") from exc
    roster = parse_roster(path, data or {})
    roster.digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return roster


def parse_roster(path: Path, data: Any) -> Roster:
    if not isinstance(data, dict):
        raise ConfigError(
            f"{path}: the roster must be a mapping with people/organisations/distinct"
        )
    roster = Roster(path=path)
    for section, names, keys, keyfn in (
        ("people", roster.people, roster.person_keys, person_key),
        ("organisations", roster.organisations, roster.org_keys, org_key),
    ):
        for i, item in enumerate(data.get(section) or []):
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                raise ConfigError(f"{path}: {section}[{i}] needs a 'name'")
            canonical = item["name"]
            aliases = item.get("aliases") or []
            if not isinstance(aliases, list):
                raise ConfigError(f"{path}: {section}[{i}].aliases must be a list")
            for spelling in [canonical, *map(str, aliases)]:
                names[spelling] = canonical
                keys.setdefault(keyfn(spelling), canonical)
    for i, pair in enumerate(data.get("distinct") or []):
        if not (isinstance(pair, list) and len(pair) >= 2):
            raise ConfigError(f"{path}: distinct[{i}] must be a list of two or more names")
        for a in range(len(pair)):
            for b in range(a + 1, len(pair)):
                roster.distinct.append((str(pair[a]), str(pair[b])))
    unknown = set(data) - {"people", "organisations", "distinct"}
    if unknown:
        raise ConfigError(f"{path}: unknown key '{sorted(unknown)[0]}'")
    return roster


def load_distinct_pairs(settings: Settings) -> list[tuple[str, str]]:
    return load_roster(settings).distinct
