"""Reading the Who's On First extract for the index build (index.py): its lines in chunks, each
parsed, its names folded and its admin1 guessed in a pool of forked processes.
"""
from __future__ import annotations

import io
import lzma
import multiprocessing
import os
from collections import deque
from pathlib import Path
from typing import Iterable, Iterator, Optional

import numpy as np

from .spelling import fold, skeleton_of_key

WOF_KIND = {"country": "country", "macroregion": "admin1", "region": "admin1",
            "macrocounty": "admin2", "county": "admin2", "localadmin": "admin2",
            "locality": "city", "borough": "city", "neighbourhood": "city"}
_EARTH_KM = 6371.0
_CHUNK = 20_000  # WOF lines handed to a folding process at a time
# What the folding processes need, set by the builder before they are forked (so they
# inherit it) and read by the same functions when the build runs in one process.
SHARED: dict = {}


def batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def ordered(pool, func, items: Iterable, ahead: int = 4) -> Iterator:
    """Yield func(item) for each item in order: in `pool` with a few items ahead, else here."""
    if pool is None:
        yield from map(func, items)
        return
    waiting: deque = deque()
    for item in items:
        waiting.append(pool.apply_async(func, (item,)))
        if len(waiting) > ahead:
            yield waiting.popleft().get()
    while waiting:
        yield waiting.popleft().get()


def keys_of(batch: list[tuple[list[str], bool, bool]]) -> list[list[tuple[str, str]]]:
    """Return the (key, skeleton) names of each (names, bare, arabic) of a batch (in a pool)."""
    affixes = SHARED["affixes"]
    return [name_keys(names, bare, arabic, affixes) for names, bare, arabic in batch]


def wof_lines(path: Path) -> Iterator[list[str]]:
    """Yield the lines of a WOF extract after its header, in chunks."""
    opener = lzma.open if path.suffix == ".xz" else open
    with opener(path, "rt", encoding="utf-8", newline="\n") as f:
        assert isinstance(f, io.TextIOBase)
        header = f.readline().rstrip("\n").split("\t")
        assert header[:4] == ["wof_id", "gn_id", "placetype", "cc"], header
        while True:
            chunk = f.readlines(_CHUNK * 80)
            if not chunk:
                return
            yield chunk


def parse_lines(lines: list[str]) -> list[tuple]:
    """Return the WOF places of some lines to index, parsed, with their names folded and
    their admin1 (that of the nearest GeoNames town of the country). Run in a pool."""
    only, iso3, arabic, affixes = (SHARED["only"], SHARED["iso3"], SHARED["arabic"],
                                   SHARED["affixes"])
    out = []
    for line in lines:
        r = line.rstrip("\n").split("\t")
        if len(r) < 9 or (only is not None and r[3] not in only) or r[3] not in iso3:
            continue
        kind = WOF_KIND.get(r[2])
        if kind is None:
            continue
        names = [r[7], *r[8].split("|")] if r[8] else [r[7]]
        # a name in another script ("Фрунзе") is shown by its first Latin one
        shown = r[7] if r[7].isascii() or _wanted_script(r[7], False) else next(
            (n for n in names if n.isascii() or _wanted_script(n, False)), r[7])
        out.append((int(r[0]), int(r[1]) if r[1] else None, r[2], kind, r[3], float(r[4]),
                    float(r[5]), int(r[6]) if r[6] else 0, shown, None,
                    name_keys(names, kind != "city", r[3] in arabic, affixes)))
    a1 = _nearest_a1([(x[4], x[5], x[6]) for x in out])
    return [x[:9] + (k,) + x[10:] for x, k in zip(out, a1)]


def _nearest_a1(points: list[tuple[str, float, float]]) -> list[tuple[Optional[str], float]]:
    """Return, for each (cc, lat, lon), the admin1 key of the nearest GeoNames town of cc
    and how far it is (km), or (None, 0.0)."""
    out: list[tuple[Optional[str], float]] = [(None, 0.0)] * len(points)
    by_cc: dict[str, list[int]] = {}
    for i, p in enumerate(points):
        by_cc.setdefault(p[0], []).append(i)
    towns = SHARED["towns"]
    for cc, idx in by_cc.items():
        if cc not in towns:
            continue
        pts, keys = towns[cc]
        q = np.radians(np.array([points[i][1:] for i in idx]))
        for s in range(0, len(idx), 500):
            part = q[s:s + 500]
            dy = part[:, None, 0] - pts[None, :, 0]
            dx = (part[:, None, 1] - pts[None, :, 1]) * np.cos(part[:, None, 0])
            d2 = dx * dx + dy * dy
            best = np.argmin(d2, axis=1)
            km = np.sqrt(d2[np.arange(len(best)), best]) * _EARTH_KM
            for j, (k, d) in enumerate(zip(keys[best], km)):
                out[idx[s + j]] = (k, round(float(d), 1))
    return out


def name_keys(names: Iterable[str], bare: bool, arabic: bool,
              affixes: tuple[tuple[str, ...], tuple[str, ...]]) -> list[tuple[str, str]]:
    """Return the (key, skeleton) pairs to index a place's names under, without repeats.

    `bare`: also without a trailing type word ("Nineveh Governorate" -> "Nineveh");
    names opening with a generic village word are also indexed without it ("Qaryat X").
    Names in Cyrillic and other scripts are left out (reports are read in Latin script);
    names in Arabic script too, unless `arabic` (a country that writes it).
    """
    suffixes, prefixes = affixes
    out, seen = [], set()
    for n in names:
        if not n or not (n.isascii() or _wanted_script(n, arabic)):
            continue
        folded = fold(n)
        forms = [(folded, True)]
        if bare and folded.endswith(suffixes):
            forms.append((folded.rsplit(" ", 1)[0], True))
        if folded.startswith(prefixes) and " " in folded:
            rest = folded.split(" ", 1)[1]
            if len(rest) >= 5:  # not "Qaryat al Bur" as a bare "Bur"
                # spelling variants are sought for the name, not for "Qaryat ..." whole
                forms = [(folded, False), (rest, True)]
        for f, variants in forms:
            k = f.replace(" ", "")
            if k and k not in seen:
                seen.add(k)
                out.append((k, skeleton_of_key(k) if variants else ""))
    return out


def folding_pool():
    """Return a process pool for folding names, or None where one cannot or need not run."""
    cpus = os.cpu_count() or 1
    if cpus < 2 or multiprocessing.parent_process() is not None:
        return None  # inside a worker process: fold in this one
    try:
        # forked: the children need no import of the caller's main module
        return multiprocessing.get_context("fork").Pool(min(cpus, 4))
    except (OSError, ValueError):  # no fork on this platform
        return None


def _wanted_script(name: str, arabic: bool) -> bool:
    """Say whether a non-ASCII name is in Latin script, or in Arabic script when `arabic`."""
    for c in name:
        o = ord(c)
        if o < 0x250 or 0x1E00 <= o < 0x1F00 or 0x2000 <= o < 0x2070:
            continue  # Latin letters and punctuation
        return arabic and (0x600 <= o < 0x700 or 0x750 <= o < 0x780 or 0x8A0 <= o < 0x900
                           or 0x200C <= o <= 0x200F)
    return True
