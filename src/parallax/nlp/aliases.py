"""User rules for cross-article entity identity: force or forbid merges.

A TOML file:

    [[merge]]          # every name here is one entity (the first is its canonical name)
    names = ["Muammar Gaddafi", "Colonel Gaddafi", "Brother Leader"]
    type = "PERSON"    # optional, PERSON by default

    [[forbid]]         # these names never merge, whatever their keys say
    names = ["George Bush", "George W. Bush"]
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from parallax.errors import ConfigError
from parallax.nlp.entities import entity_key

__all__ = ["AliasRules", "load_aliases"]


@dataclass
class AliasRules:
    """Maps computed identity keys to the keys the user wants."""

    merged: dict[str, str] = field(default_factory=dict)
    forbidden: dict[str, str] = field(default_factory=dict)

    def key_for(self, name: str, type_: str, key: str) -> str:
        """The key an entity named `name` is stored under.

        >>> leader, name = entity_key("Brother Leader", "PERSON"), entity_key("Muammar Gaddafi", "PERSON")
        >>> AliasRules({leader: name}).key_for("Brother Leader", "PERSON", leader) == name
        True
        """
        exact = f"{type_}={name.casefold()}"
        if exact in self.forbidden:
            return self.forbidden[exact]
        return self.merged.get(key, key)


def load_aliases(path: Path | None) -> AliasRules:
    """Read an alias file (see the module doc); no file gives no rules."""
    rules = AliasRules()
    if path is None:
        return rules
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the alias file: {exc}") from exc
    for group in data.get("merge", []):
        names, type_ = group.get("names") or [], group.get("type", "PERSON")
        if len(names) < 2:
            raise ConfigError(f"{path}: a [[merge]] needs at least two names")
        target = entity_key(names[0], type_)
        for name in names[1:]:
            rules.merged[entity_key(name, type_)] = target
    for group in data.get("forbid", []):
        names, type_ = group.get("names") or [], group.get("type", "PERSON")
        for name in names[1:]:  # the first keeps the shared key; the others get their own
            exact = f"{type_}={name.casefold()}"
            rules.forbidden[exact] = exact
    return rules
