"""Rules as measurable objects: every sense check, block, status and coding rule of the event stage
has an id listed in data/rules.json (with what it does), and fires through `fires`.

`fires(id, condition)` returns the condition, unless the rule is switched off; while tracing
(eval/rules.py, `make rules`) it also records that the rule fired on the current article, so
the report can rerun exactly those articles without it and count what it decides.
Trigger lexicon entries are rules too (`trigger:<lemma>/<TYPE>`).
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

DATA = Path(__file__).resolve().parent / "data"

_off: set[str] = set()
_seen: Optional[set[str]] = None


@lru_cache(maxsize=1)
def registry() -> dict[str, dict]:
    """Return the rule entries of data/rules.json by id (family ids end in '*')."""
    with open(DATA / "rules.json", encoding="utf-8") as f:
        return {r["id"]: r for r in json.load(f)["rules"]}


def describe(rule_id: str) -> Optional[dict]:
    """Return the registry entry of a rule, or of the family it belongs to ('trigger:attack/ASSAULT:with'
    belongs to 'trigger:*:with'); None for an unlisted rule."""
    reg = registry()
    if rule_id in reg:
        return reg[rule_id]
    best = None
    for key, entry in reg.items():
        if "*" not in key:
            continue
        head, tail = key.split("*", 1)
        if rule_id.startswith(head) and rule_id.endswith(tail) and (tail or ":" not in rule_id[len(head):]):
            if best is None or len(key) > len(best[0]):
                best = (key, entry)
    return best[1] if best else None


def fires(rule_id: str, condition=True) -> bool:
    """Return whether rule `rule_id` applies: its condition holds and it is not switched off."""
    if not condition or rule_id in _off:
        return False
    if _seen is not None:
        _seen.add(rule_id)
    return True


def on(rule_id: str) -> bool:
    """Return False when rule `rule_id` is switched off (to skip an expensive check)."""
    return rule_id not in _off


@contextmanager
def tracing() -> Iterator[set[str]]:
    """Collect the ids of the rules that fire inside the block into the yielded set."""
    global _seen
    outer, _seen = _seen, set()
    try:
        yield _seen
    finally:
        if outer is not None:
            outer |= _seen
        _seen = outer


@contextmanager
def disabled(*rule_ids: str) -> Iterator[None]:
    """Switch rules off inside the block (for measuring what they decide)."""
    added = set(rule_ids) - _off
    _off.update(added)
    try:
        yield
    finally:
        _off.difference_update(added)
