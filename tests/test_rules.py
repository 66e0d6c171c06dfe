"""Rules as measurable objects: switching, tracing, and every rule id in the code listed."""
import re
from pathlib import Path

from chronicle.events import rules

EVENTS = Path(rules.__file__).resolve().parent


def test_fires_follows_the_condition_and_the_switch():
    assert rules.fires("block:crime", True)
    assert not rules.fires("block:crime", False)
    with rules.disabled("block:crime"):
        assert not rules.fires("block:crime", True)
        assert not rules.on("block:crime")
    assert rules.on("block:crime")


def test_tracing_records_only_rules_that_fired():
    with rules.tracing() as seen:
        rules.fires("block:crime", True)
        rules.fires("block:disaster", False)
        with rules.disabled("block:figurative"):
            rules.fires("block:figurative", True)
    assert seen == {"block:crime"}
    rules.fires("block:disaster", True)  # outside the block: not recorded
    assert seen == {"block:crime"}


def test_nested_tracing_passes_ids_up():
    with rules.tracing() as outer:
        with rules.tracing() as inner:
            rules.fires("block:crime")
        assert inner == {"block:crime"}
    assert outer == {"block:crime"}


def test_family_ids_resolve_to_their_entry():
    assert rules.describe("trigger:attack/ASSAULT")["id"] == "trigger:*"
    assert rules.describe("trigger:attack/ASSAULT:with")["id"] == "trigger:*:with"
    assert rules.describe("ctx:violence")["id"] == "ctx:*"
    assert rules.describe("no.such.rule") is None


def test_every_rule_id_in_the_code_is_listed():
    ids = set()
    for path in EVENTS.glob("*.py"):
        ids |= set(re.findall(r"""fires\(\s*"([^"{}]+)\"""", path.read_text()))
    assert ids, "no rule ids found"
    missing = sorted(i for i in ids if rules.describe(i) is None)
    assert not missing, f"rule ids used in code but not in data/rules.json: {missing}"


def test_every_listed_rule_says_what_it_does():
    for rule_id, entry in rules.registry().items():
        assert entry.get("does"), rule_id
        assert entry.get("kind") in {"trigger", "sense", "block", "status", "code", "order", "mention", "mode"}, rule_id
