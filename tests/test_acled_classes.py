"""ACLED event and sub-event coding by class of report, on sentences written for these tests."""
import pytest


def test_protesters_who_barricade_roads_hold_a_violent_demonstration(run):
    evs = run("On 3 March 2021, a number of traders demonstrated in the market town. "
              "The demonstrators barricaded the main roads.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Violent demonstration"}


def test_protesters_who_only_march_hold_a_peaceful_protest(run):
    evs = run("On 3 March 2021, a number of traders demonstrated in the market town. "
              "The demonstrators marched to the town hall.")
    assert evs[0].acled == {"event_type": "Protests", "sub_event_type": "Peaceful protest"}


def test_suspected_militants_who_killed_villagers_is_a_reported_attack(run):
    evs = run("On 4 February 2021, suspected JNIM militants killed three herders near the river crossing.",
              published="2021-02-10")
    assert evs[0].acled == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


def test_people_suspected_of_an_attack_are_no_report_of_it(run):
    evs = run("On 4 February 2021, police suspected that militants killed three herders near the river crossing.",
              published="2021-02-10")
    assert not [e for e in evs if e.acled and e.acled["event_type"] == "Violence against civilians"]


def test_league_in_a_party_name_does_not_make_an_assault_figurative(run):
    evs = run("On 5 March 2021, Krishak League members assaulted five students on the college campus.",
              published="2021-03-10")
    assert evs and evs[0].type == "ASSAULT" and evs[0].acled is not None


def test_a_league_match_report_stays_without_violence(run):
    evs = run("The home side attacked the league leaders from the first whistle and the striker scored twice in the match.")
    assert not [e for e in evs if e.acled and e.acled["event_type"] in
                {"Battles", "Violence against civilians", "Riots", "Explosions/Remote violence"}]


def test_arms_seized_after_a_fight_leave_the_fight_the_news(run):
    evs = run("On 6 March 2021, soldiers killed four militants near the border post and seized their rifles and ammunition.",
              published="2021-03-10")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_arms_seized_without_a_fight_are_disrupted_weapons_use(run):
    evs = run("On 6 March 2021, police seized two rifles and ammunition at the port.", published="2021-03-10")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Disrupted weapons use"}


def test_arson_told_with_an_attack_on_the_police_is_a_battle(run):
    evs = run("On 8 March 2021, militants attacked the gendarmerie post in the town, a gendarme was wounded "
              "and the post was set ablaze.", published="2021-03-10")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_clinic_brokers_who_assault_a_reporter_are_a_mob(run):
    evs = run("On 9 March 2021, brokers of a private clinic assaulted and injured a reporter at the district hospital.",
              published="2021-03-10")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Mob violence"}


@pytest.mark.parametrize("doers", ["soldiers", "drug traffickers"])
def test_armed_or_criminal_doers_of_an_assault_attack_civilians(run, doers):
    evs = run(f"On 9 March 2021, {doers} assaulted and injured a trader at the market.", published="2021-03-10")
    assert evs[0].acled == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
