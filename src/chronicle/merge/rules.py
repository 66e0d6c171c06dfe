"""The merge stage's settings: data/merge.json (type families, windows, distances, text and blocking)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def rules() -> dict:
    """Return data/merge.json as a dict."""
    with open(DATA / "merge.json", encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def family_of() -> dict[str, str]:
    """Return the family of each mergeable PLOVER type (types with no family never merge)."""
    return {t: fam for fam, types in rules()["families"].items() if not fam.startswith("_")
            for t in types}


@lru_cache(maxsize=1)
def follow_up_words() -> frozenset[str]:
    """Return the headline words that tell a later development of an incident."""
    return frozenset(rules()["follow_up_words"]["words"])
