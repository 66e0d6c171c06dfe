"""The wire dateline that opens a report: "BAGHDAD, Nov. 8, 2021 (AP) - ", "Kabul (Reuters) -":
where it was filed, and where the dateline ends and the report's first sentence starts."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from .gazetteer import aliases_data
from .mentions import NAME_WORD


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern:
    return _compile(aliases_data()["months"])


def _compile(months: list[str]) -> regex.Pattern:
    """Compile the wire dateline at a line start: "TRIPOLI, Aug. 15, 2023 -", "Kabul (AP) -"."""
    month = "|".join(sorted(months, key=len, reverse=True))
    date = rf"(?:,?\s*(?:{month})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?)"
    agency = r"(?:\s*\([\p{L}\p{Lu} .&-]{1,30}\))"
    dash = r"\s*(?:--|[-–—―])\s"
    caps = r"\p{Lu}[\p{Lu}\p{M}'’.-]+(?:[ ]\p{Lu}[\p{Lu}\p{M}'’.-]+){0,3}"
    mixed = rf"{NAME_WORD}(?:[ ]{NAME_WORD}){{0,3}}"
    region = rf"(?:,\s*(?P<region>(?:\p{{Lu}}\.){{2,3}}|{NAME_WORD}(?:[ ]{NAME_WORD}){{0,2}}))"  # "N.M.", "Iraq"
    return regex.compile(
        rf"^[ \t]*(?:(?P<city>{caps}){region}?{date}?{agency}?{dash}"
        rf"|(?P<city2>{mixed}){region}?(?:{date}{agency}?|{agency}){dash})", regex.M)


def dateline_match(text: str):
    """Return the wire dateline's match at the article's start and the group of its place name."""
    m = _pattern().search(text, 0, 1000)
    return (m, "city" if m.group("city") else "city2") if m is not None else (None, "")



def dateline_end(text: str, start: int, end: int) -> Optional[int]:
    """Return where a wire dateline opening the line at `start` ends ("BAGHDAD, Nov. 8, 2021 - "), or None."""
    m = _pattern().match(text, start, end)
    return m.end() if m is not None else None



def dateline_city(text: str) -> Optional[tuple[int, int]]:
    """Return the span of the wire dateline's place name at the article's start, or None."""
    m, key = dateline_match(text)
    return (m.start(key), m.end(key)) if m is not None else None
