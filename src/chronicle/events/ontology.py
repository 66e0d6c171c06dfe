"""Ontology: PLOVER types and modes, their ACLED and GTD codes, and the cue word lists.

Everything here is read from `data/ontology.json` and `data/triggers.jsonl` once per
process; `docs/ontology.md` explains the mapping rules.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Optional

DATA = Path(__file__).resolve().parent / "data"
# acts rather than words: they lead over statements, and ACLED codes them
PHYSICAL = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "AGREE", "RETREAT"})


@lru_cache(maxsize=1)
def load() -> dict:
    """Return the parsed ontology.json as a dict."""
    with open(DATA / "ontology.json", encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def triggers() -> tuple[dict, ...]:
    """Return the trigger lexicon (triggers.jsonl) as a tuple of entry dicts."""
    with open(DATA / "triggers.jsonl", encoding="utf-8") as f:
        entries = [json.loads(line) for line in f if line.strip()]
    seen: dict[str, int] = {}
    for e in entries:  # each entry is a rule of its own, with an id the rules report counts by
        base = f"trigger:{e['lemma']}/{e['type']}"
        seen[base] = seen.get(base, 0) + 1
        e.setdefault("id", base if seen[base] == 1 else f"{base}#{seen[base]}")
    return tuple(entries)


def plover_types() -> list[str]:
    """Return the PLOVER event type names."""
    return list(load()["plover"])


def modes(event_type: str) -> list[str]:
    """Return the modes allowed for PLOVER `event_type`."""
    return list(load()["plover"][event_type]["modes"])


def acled_types() -> list[tuple[str, str]]:
    """Return every (ACLED event type, sub-event type) pair."""
    return [(et, sub) for et, subs in load()["acled"].items() for sub in subs]


@lru_cache(maxsize=None)
def cue(name: str) -> frozenset[str]:
    """Return cue list `name` as a frozenset of lower-case words or phrases."""
    return frozenset(load()["cues"][name])


@lru_cache(maxsize=1)
def mode_cues() -> tuple[tuple[str, frozenset[str]], ...]:
    """Return (mode, cue words) pairs, most specific mode first."""
    return tuple((m, frozenset(words)) for m, words in load()["mode_cues"])


@lru_cache(maxsize=None)
def mode_rank(mode: Optional[str]) -> int:
    """Return the specificity rank of `mode` (0 is most specific; unknown modes last)."""
    order = [m for m, _ in mode_cues()]
    return order.index(mode) if mode in order else len(order)


def acled_for(event_type: str, mode: Optional[str]) -> Optional[tuple[str, str]]:
    """Return the default (ACLED event type, sub-event type) for a PLOVER type and mode, or None."""
    table = load()["acled_by_mode"].get(event_type)
    if not table:
        return None
    pair = table.get(mode or "*", table.get("*"))
    return tuple(pair) if pair else None


def gtd_attack_for(mode: Optional[str]) -> str:
    """Return the GTD attack type for an ASSAULT of `mode`."""
    table = load()["gtd_by_mode"]["attack"]
    return table.get(mode or "*", table["*"])


def gtd_weapon_for(mode: Optional[str]) -> str:
    """Return the GTD weapon type for an ASSAULT of `mode`."""
    table = load()["gtd_by_mode"]["weapon"]
    return table.get(mode or "*", table["*"])


def armed_kinds() -> frozenset[str]:
    """Return the Actor.kind values that count as armed."""
    return frozenset(load()["armed_kinds"])


def unarmed_kinds() -> frozenset[str]:
    """Return the Actor.kind values that count as unarmed."""
    return frozenset(load()["unarmed_kinds"])
