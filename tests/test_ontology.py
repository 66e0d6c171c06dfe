"""The ontology data: every PLOVER type and ACLED sub-event type is there and reachable."""
from chronicle.events import ontology
from chronicle.records import PLOVER_TYPES

ACLED_SUBS = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}


def test_all_plover_types_have_modes():
    assert set(ontology.plover_types()) == set(PLOVER_TYPES)
    for t in PLOVER_TYPES:
        assert ontology.modes(t), t


def test_all_25_acled_sub_event_types_listed():
    pairs = set(ontology.acled_types())
    want = {(et, sub) for et, subs in ACLED_SUBS.items() for sub in subs}
    assert pairs == want and len(want) == 25


def test_every_plover_type_has_a_trigger():
    types = {e["type"] for e in ontology.triggers()}
    assert set(PLOVER_TYPES) <= types


def test_trigger_modes_are_declared():
    for e in ontology.triggers():
        if e.get("mode"):
            assert e["mode"] in ontology.modes(e["type"]), e


def test_acled_sub_event_types_reachable_from_mapping_or_coder_rules():
    mapped = {tuple(p) for table in ontology.load()["acled_by_mode"].values() for p in table.values()}
    # these three are chosen by code_events from context (who was hit, what police did)
    by_rule = {("Battles", "Government regains territory"), ("Protests", "Protest with intervention"),
               ("Protests", "Excessive force against protesters")}
    assert set(ontology.acled_types()) <= mapped | by_rule
    assert mapped <= set(ontology.acled_types())


def test_sample_mappings():
    assert ontology.acled_for("ASSAULT", "drone") == ("Explosions/Remote violence", "Air/drone strike")
    assert ontology.acled_for("ASSAULT", "suicide") == ("Explosions/Remote violence", "Suicide bomb")
    assert ontology.acled_for("COERCE", "arrest") == ("Strategic developments", "Arrests")
    assert ontology.acled_for("COERCE", "intercept") == ("Strategic developments", "Disrupted weapons use")
    assert ontology.acled_for("ACCUSE", "condemn") is None
    assert ontology.gtd_attack_for("abduct") == "Hostage Taking (Kidnapping)"
    assert ontology.gtd_attack_for("explosives") == "Bombing/Explosion"
    assert ontology.gtd_weapon_for("drone") == "Explosives"
    assert ontology.gtd_weapon_for("arson") == "Incendiary"
    assert ontology.gtd_attack_for(None) == "Armed Assault"


def test_gtd_values_are_gtd_words():
    gtd = ontology.load()["gtd"]
    assert set(ontology.load()["gtd_by_mode"]["attack"].values()) <= set(gtd["attack_types"])
    assert set(ontology.load()["gtd_by_mode"]["weapon"].values()) <= set(gtd["weapon_types"])


def test_sample_lexicon_entries():
    by = {(e["lemma"], e["type"]) for e in ontology.triggers()}
    for pair in [("air strike", "ASSAULT"), ("suicide bombing", "ASSAULT"), ("assassination attempt", "ASSAULT"),
                 ("shell", "ASSAULT"), ("protest", "PROTEST"), ("arrest", "COERCE"), ("shoot down", "COERCE"),
                 ("condemn", "ACCUSE"), ("deny", "REJECT"), ("threaten", "THREATEN"), ("ceasefire", "AGREE")]:
        assert pair in by, pair


def test_salience_and_figurative_cues_are_data():
    for name in ("sport_or_game", "hard_violence", "not_force_modifier", "figurative_subject",
                 "background_frame", "private_dispute"):
        words = ontology.cue(name)
        assert words and all(w == w.lower() and w.strip() == w for w in words), name
    # a word cannot be both a sign of a sports page and of real violence
    assert not ontology.cue("sport_or_game") & ontology.cue("hard_violence")


def test_trigger_entries_are_well_formed():
    types = set(ontology.plover_types())
    for e in ontology.triggers():
        assert e["type"] in types, e
        assert e.get("mode") is None or e["mode"] in ontology.modes(e["type"]), e
        assert isinstance(e["weight"], (int, float)) and e["weight"] > 0, e
