"""ACLED and GTD coding, the figurative-page and salience checks, on sentences written for these tests."""
import pytest

from chronicle.events import coding
from chronicle import events

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def violent(evs):
    return [e for e in evs if e.acled and e.acled["event_type"] in VIOLENT]


def test_code_events_is_reachable_from_both_modules():
    assert events.code_events.__doc__ and coding.code_events.__doc__


def test_match_report_has_no_violence(run):
    text = ("Cup holders advance after late winner. The visiting striker attacked the near post and scored "
            "in the final minute, and the coach praised a team that shot down its critics all season. "
            "The fans exploded with joy at the stadium when the referee blew the final whistle.")
    evs = run(text)
    assert not [e for e in evs if e.type == "ASSAULT"]
    assert not violent(evs)


def test_battle_report_with_sport_words_is_still_violent(run):
    text = ("Militants attacked an army checkpoint near the football stadium on Friday, killing four soldiers, "
            "police said. The gunmen fired rockets and rifles before they fled.")
    evs = run(text)
    assert evs[0].type == "ASSAULT" and violent(evs)


@pytest.mark.parametrize("text", [
    "The city council was hit by a ransomware attack that froze its payment systems for a week.",
    "With fuel prices exploding across the region, the minister promised a new subsidy.",
])
def test_force_word_used_of_something_else(run, text):
    assert "ASSAULT" not in [e.type for e in run(text)]


def test_passing_mention_on_a_long_page_is_not_coded(run):
    filler = ("The committee met on Tuesday to discuss the new budget for schools and libraries. "
              "Members debated the cost of repairs to several roofs and heating systems. ")
    text = filler * 4 + "Years of neglect followed a riot in which a man was beaten to death, one member said. " + filler * 3
    evs = run(text)
    assert len(text) > 600
    beaten = [e for e in evs if e.type == "ASSAULT"]
    assert beaten and not violent(evs)


def test_violence_in_the_lead_of_a_long_page_is_coded(run):
    lead = "Gunmen killed six villagers in an attack on a market in the north on Monday, officials said. "
    filler = ("The committee met on Tuesday to discuss the new budget for schools and libraries. "
              "Members debated the cost of repairs to several roofs and heating systems. ")
    evs = run(lead + filler * 6)
    assert violent(evs) and evs[0].acled["event_type"] == "Violence against civilians"


@pytest.mark.parametrize("text", [
    "Around 8 May, bags that contained human remains were found beside a road outside the town.",
    "A dead man was thrown from a car near the toll booth on Sunday.",
])
def test_remains_found_are_an_attack_on_civilians(run, text):
    evs = run(text)
    assert evs and evs[0].acled == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


def test_remains_of_a_building_are_not_an_attack(run):
    assert "ASSAULT" not in [e.type for e in run("The remains of the old wall were left standing after the storm.")]


def test_claimed_attack_is_a_mention_without_codes(run):
    evs = run("The group claimed responsibility for the bombing in a statement posted online.")
    claimed = [e for e in evs if e.type == "ASSAULT"]
    assert claimed and claimed[0].acled is None and claimed[0].gtd is None


def test_reported_attack_leads_over_its_claim(run):
    evs = run("A car bomb exploded near the port on Monday, killing nine people. "
              "The militants claimed responsibility for the attack.")
    assert evs[0].acled == {"event_type": "Explosions/Remote violence",
                            "sub_event_type": "Remote explosive/landmine/IED"}


@pytest.mark.parametrize("text", [
    "A helicopter dropped barrels of toxic gas suspected to be chlorine on the town, rescuers said.",
    "Banned chlorine munitions were dropped on the city in October, inspectors said on Monday.",
])
def test_gas_makes_a_chemical_attack(run, text):
    evs = run(text)
    assert evs and evs[0].acled == {"event_type": "Explosions/Remote violence", "sub_event_type": "Chemical weapon"}


def test_agreement_between_armed_parties_leads_over_talks(run):
    evs = run("The government and the rebels have agreed to resume peace talks to end the insurgency.")
    assert evs[0].type == "AGREE" and evs[0].acled["sub_event_type"] == "Agreement"


def test_clash_with_police_makes_a_violent_demonstration(run):
    evs = run("Police clashed with hundreds of protesters in the capital on Saturday, "
              "during a march against the pension reform.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Violent demonstration"}


def test_deployment_amid_fighting_is_a_change_to_group_activity(run):
    evs = run("On 8 May, government forces deployed to the gates of the port town in the context of "
              "recent fighting between two factions.")
    assert evs[0].type == "MOBILIZE"
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Change to group/activity"}


def test_attack_amid_fighting_keeps_its_own_reading(run):
    evs = run("Amid ongoing fighting, militants attacked an army post, killing four soldiers.")
    assert evs[0].trigger.text == "attacked" and evs[0].acled["event_type"] == "Battles"


def test_mortar_fire_in_both_directions_is_an_armed_clash(run):
    evs = run("On 9 May, rebel forces fired mortars at government positions near the village. "
              "Monitors recorded 75 explosions in both directions of the front line.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_mortar_fire_alone_is_shelling(run):
    evs = run("On 9 May, rebel forces fired mortars at government positions near the village.")
    assert evs[0].acled == {"event_type": "Explosions/Remote violence",
                            "sub_event_type": "Shelling/artillery/missile attack"}


def test_later_definite_mention_restates_the_main_attack(run):
    evs = run("A surgeon was stabbed to death at a clinic in the city on Tuesday. "
              "The stabbing happened during a talk he was giving to colleagues.")
    coded = [e for e in evs if e.type == "ASSAULT" and e.acled]
    assert len(coded) == 1 and coded[0].trigger.text == "stabbed to death"
    assert any(e.type == "ASSAULT" and e.trigger.text == "stabbing" and e.acled is None for e in evs)


def test_fight_over_land_is_mob_violence(run):
    evs = run("On 29 April, a student was killed in an attack by rivals over a land dispute in the area.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Mob violence"}


def test_ethnic_militias_clashing_is_an_armed_clash(run):
    evs = run("On 2 May, two Ethnic Militias clashed over the ownership of land near the river. Four people were killed.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


@pytest.mark.parametrize("text", [
    "Explosions rocked the border area as militants fired dozens of rockets towards the town.",
    "Missiles fired by the army hit the outskirts of the town on Thursday, injuring a child.",
])
def test_rockets_fired_are_shelling_not_gunfire(run, text):
    evs = run(text)
    assert evs[0].mode == "artillery"
    assert evs[0].acled == {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"}


def test_unarmed_people_beating_a_policeman_is_mob_violence(run):
    evs = run("On 28 April, a policeman on duty was beaten up by three men in the market while checking passes.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Mob violence"}


def test_soldiers_beating_a_policeman_stays_an_armed_clash(run):
    evs = run("On 3 May, soldiers beat a policeman at a checkpoint.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_bombing_suspect_is_an_uncoded_mention(run):
    evs = run("Police arrested a bombing suspect in the capital on Tuesday.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Arrests"}
    assert any(e.type == "ASSAULT" and e.acled is None for e in evs)


def test_bombs_going_off_are_explosions(run):
    evs = run("By the time it was over, some twenty bombs had gone off across the city.")
    assert evs[0].acled == {"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED"}


def test_deadly_attacks_against_protesters_are_excessive_force(run):
    evs = run("A civilian was killed and dozens injured as a result of army attacks against peaceful "
              "protesters at the weekly march on Friday.")
    assert evs[0].type == "PROTEST"
    assert evs[0].acled == {"event_type": "Protests", "sub_event_type": "Excessive force against protesters"}


def test_month_may_is_no_modal(run):
    # the parser hangs the verb on the month here: "May" must not read as a modal
    evs = run("On 7 May 2020, near Kyaw Hla village, Hlaing Township, Thaton District, Mon State, "
              "Myanmar military from battalion 12 clashed with KNLA brigade 3.", published="2020-05-08")
    assert evs and evs[0].acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_children_shot_at_a_checkpoint_are_civilians(run):
    evs = run("On 3 May, a militia fighter opened fire on two boys and wounded them at a checkpoint near the clinic.")
    assert evs[0].acled == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


def test_kidnapped_and_killed_is_an_attack(run):
    evs = run("On 2 May, two shepherds were kidnapped and killed by militants near the border.")
    assert evs[0].acled == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


def test_kidnapped_guards_stay_an_abduction(run):
    evs = run("Ten border guards were abducted by gunmen at a frontier post last week.")
    assert evs[0].acled == {"event_type": "Violence against civilians", "sub_event_type": "Abduction/forced disappearance"}


def test_workers_clashing_with_police_without_a_demonstration_is_mob_violence(run):
    evs = run("On 3 May, stranded laborers clashed with police at a bus depot while trying to travel home.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Mob violence"}


def test_prison_riot_is_mob_violence(run):
    evs = run("On 2 May, inmates rioted in the city jail and set mattresses on fire before guards regained control.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Mob violence"}


def test_rioters_at_a_rally_stay_a_violent_demonstration(run):
    evs = run("Rioters threw stones at police during a rally against the new tax in the capital.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Violent demonstration"}


def test_burning_tires_to_denounce_cuts_is_a_violent_demonstration(run):
    evs = run("On 6 May, residents burned tires on the main road to denounce repeated water cuts.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Violent demonstration"}


def test_banging_pots_is_a_peaceful_protest(run):
    evs = run("Hundreds of nurses protested on their balconies by beating pots and pans, demanding better pay.")
    assert evs[0].acled == {"event_type": "Protests", "sub_event_type": "Peaceful protest"}


def test_police_seizing_drugs_is_property_seizure(run):
    evs = run("On 2 May, federal police seized four tons of cocaine hidden in a lorry at a highway checkpoint.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Looting/property destruction"}


def test_drugs_seized_with_no_forces_named_are_not_coded(run):
    evs = run("Customs officials say 40 kilograms of heroin and other drugs have been seized from a smuggling ring.")
    assert not [e for e in evs if e.acled]


def test_gang_handing_out_food_is_a_change_to_group_activity(run):
    evs = run("On 6 May, members of a local drug cartel delivered food packages to poor families in the town.")
    assert evs[0].type == "AID"
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Change to group/activity"}


def test_charity_handing_out_food_is_not_coded(run):
    evs = run("Volunteers from the parish delivered food parcels to elderly residents on Sunday.")
    assert not [e for e in evs if e.acled]


def test_attack_met_with_return_fire_is_an_armed_clash(run):
    evs = run("On 5 May, unknown attackers threw a hand grenade at a shop in the market. "
              "Police officers nearby returned fire and the attackers fled.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_truce_after_fighting_leads_over_the_fighting(run):
    evs = run("The army and the rebel militia agreed to a ceasefire in the town following three weeks of fighting.")
    assert evs[0].type == "AGREE" and evs[0].acled["sub_event_type"] == "Agreement"


def test_march_that_turned_violent_is_a_violent_demonstration(run):
    evs = run("Police fired tear gas at students as a march against fee rises descended into the worst "
              "outbreak of violence the city had seen in years.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Violent demonstration"}


def test_army_with_allied_militias_regains_territory(run):
    evs = run("The national army and allied tribal militias have taken control of the river town after a week of fighting.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Government regains territory"}


def test_army_winning_by_controlling_an_area_regains_territory(run):
    evs = run("Army units scored a major victory today by controlling the whole plateau area south of the capital.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Government regains territory"}


def test_failed_attempt_to_capture_positions_is_an_armed_clash(run):
    evs = run("The insurgents' attack to capture army positions near the airport was fended off by the defenders.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_rebels_taking_over_localities_overtake_territory(run):
    evs = run("A spokesman said that rebels have taken over three localities in the eastern territory.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Non-state actor overtakes territory"}


def test_sexual_violence_noun_is_coded(run):
    evs = run("Sexual violence against displaced women by soldiers has been documented in the camps, the report says.")
    assert evs[0].acled == {"event_type": "Violence against civilians", "sub_event_type": "Sexual violence"}


def test_redeploying_troops_is_a_change_to_group_activity(run):
    evs = run("Government forces are redeploying to observation posts near the northern border.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Change to group/activity"}


def test_artillery_destroyed_by_missiles_is_the_attack(run):
    evs = run("The army fired several missiles at the enemy base and destroyed two artillery batteries.")
    assert evs[0].type == "ASSAULT"
    assert evs[0].acled["event_type"] == "Explosions/Remote violence"


def test_police_controlling_the_situation_is_an_intervention(run):
    evs = run("On 2 May, shop owners staged a protest in the town square against a new levy. "
              "Police reached the spot and controlled the situation.")
    assert evs[0].acled == {"event_type": "Protests", "sub_event_type": "Protest with intervention"}


def test_protest_against_a_ban_is_peaceful(run):
    evs = run("On 4 May, hotel owners protested in the city against the ban on tourism. They demanded that the ban be lifted.")
    assert evs[0].acled == {"event_type": "Protests", "sub_event_type": "Peaceful protest"}


def test_killed_bodyguards_who_were_police_make_an_armed_clash(run):
    evs = run("On 4 May, armed men stopped the judge's car and shot him dead. "
              "His bodyguards, two policemen, were also killed.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_storming_without_a_shot_is_a_change_to_group_activity(run):
    evs = run("On 7 May, soldiers of a rival brigade stormed a police station and disarmed the officers. "
              "No shots were fired.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Change to group/activity"}


def test_clash_between_police_and_shopkeepers_is_mob_violence(run):
    evs = run("On 29 April, a clash broke out between police and shopkeepers in the old town after an officer "
              "slapped a trader for opening his shop.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Mob violence"}


def test_clash_between_soldiers_and_rebels_stays_a_battle(run):
    evs = run("On 29 April, a clash broke out between soldiers and rebel fighters near the old town.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_residents_looting_while_demanding_is_a_violent_demonstration(run):
    evs = run("On 2 May, residents looted two shops and demanded the reopening of the bottle stores.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Violent demonstration"}


def test_unknown_persons_vandalising_is_mob_violence(run):
    evs = run("On 1 May, unknown persons vandalised several graves in the town cemetery.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Mob violence"}


def test_militants_destroying_property_stays_property_destruction(run):
    evs = run("On 1 May, militants destroyed a school in the village.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Looting/property destruction"}


def test_airstrikes_in_retaliation_for_a_gas_attack_are_air_strikes(run):
    evs = run("The air force launched airstrikes on rebel groups it accused of carrying out a chlorine attack the day before.")
    assert evs[0].acled == {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}


def test_shells_carrying_gas_are_a_chemical_attack(run):
    evs = run("Rebels fired shells filled with chlorine into the northern district on Monday.")
    assert evs[0].acled == {"event_type": "Explosions/Remote violence", "sub_event_type": "Chemical weapon"}


def test_mob_vandalising_and_attacking_is_mob_violence(run):
    evs = run("An angry mob vandalised two shrines and attacked shops in the town after a rumour spread online.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Mob violence"}


def test_group_attacking_a_rally_is_mob_violence(run):
    evs = run("Several people were hurt when a group of counter-protesters attacked a peaceful rally in the city centre.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Mob violence"}


def test_planned_capture_met_with_clashes_is_an_armed_clash(run):
    evs = run("The coalition forces intended to take control of the mountain pass, but rebel fighters pushed them back. "
              "Dozens were killed during heavy clashes.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_arrests_in_an_operation_lead(run):
    evs = run("Police detained 40 suspected militants in a series of counterterrorism operations last week.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Arrests"}


def test_protests_behind_an_expulsion_are_not_coded(run):
    evs = run("The government has expelled four foreign diplomats for taking part in unauthorised protests in the capital.")
    assert not [e for e in evs if e.acled]


def test_attack_behind_new_sanctions_is_not_coded(run):
    evs = run("The government announced new sanctions against the regime today in response to its alleged chemical attack.")
    assert not [e for e in evs if e.acled]


def test_protesters_who_clashed_and_were_shot_held_a_violent_demonstration(run):
    evs = run("Protesters clashed with police and set a police post on fire during the march; officers fired live "
              "rounds and one demonstrator was killed.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Violent demonstration"}


def test_peaceful_protesters_shot_dead_are_excessive_force(run):
    evs = run("Soldiers fired live rounds at a non-violent demonstration in the square, killing two protesters.")
    assert evs[0].acled == {"event_type": "Protests", "sub_event_type": "Excessive force against protesters"}


def test_violent_crackdown_is_not_a_violent_crowd(run):
    evs = run("The government stepped up its violent crackdown on peaceful demonstrators, with mass arrests in the capital.")
    assert evs[0].acled["event_type"] == "Protests"


def test_condemned_arrest_is_still_coded(run):
    evs = run("Rights groups have condemned the arrest of the opposition leader by police in the capital.")
    assert any(e.acled and e.acled["sub_event_type"] == "Arrests" for e in evs)


def test_militants_killed_or_captured_is_an_armed_clash(run):
    evs = run("On 7 May, four militants were killed, injured or captured during security operations in the district.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_fighters_captured_by_troops_is_an_armed_clash(run):
    evs = run("On 8 May, border troops captured three rebel operatives trying to cross into the town.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_attack_with_homes_burnt_is_an_attack(run):
    evs = run("On 2 May, a clan militia attacked herders' settlements and burnt down their homes.")
    assert evs[0].acled == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


def test_arson_attack_on_an_empty_building_stays_property_destruction(run):
    evs = run("On 7 May, an anarchist cell carried out an arson attack on a bank branch at night.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Looting/property destruction"}


def test_anti_aircraft_guns_are_not_an_air_strike(run):
    evs = run("On 29 April, rebel forces fired anti-aircraft guns and grenade launchers at army positions near the town.")
    assert evs[0].acled["sub_event_type"] != "Air/drone strike"


def test_families_evacuating_from_fighting_is_other(run):
    evs = run("On 5 May, 300 families evacuated their village following the eruption of hostilities between two clans.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Other"}


def test_refugees_returning_home_is_other(run):
    evs = run("On 8 May, 250 refugees returned to their home country through the northern border crossing.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Other"}


def test_shooting_by_armed_men_near_a_drug_sale_is_still_an_attack(run):
    evs = run("On 4 May, two women were shot inside a car by armed men. Police said it could be linked to the sale of drugs.")
    assert evs[0].acled == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


def test_infantry_fighting_vehicles_are_no_fighting(run):
    evs = run("Occupation forces mounted twelve attacks on army positions, using mortars and the cannons of infantry fighting vehicles.")
    assert evs[0].acled == {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"}


def test_deployment_ahead_of_expected_protests_leads(run):
    evs = run("Police deployed across the capital in anticipation of angry demonstrations after Friday prayers.")
    assert evs[0].type == "MOBILIZE"
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Change to group/activity"}


def test_tear_gas_anywhere_in_the_protest_sentence_is_an_intervention(run):
    evs = run("Thousands of nurses rallied outside the ministry calling on the government to meet their demands "
              "that the minister resign as police fired tear gas to disperse them.")
    assert evs[0].acled == {"event_type": "Protests", "sub_event_type": "Protest with intervention"}


def test_suspect_killed_during_a_police_raid_is_an_attack(run):
    evs = run("On 8 May, a theft suspect was killed during a police raid in the market district.")
    assert evs[0].acled == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


def test_workers_burning_tyres_over_wages_are_a_violent_demonstration(run):
    evs = run("On 9 May, factory workers set fire to tyres outside the plant and demanded their unpaid wages.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Violent demonstration"}


def test_villagers_lynching_a_thief_stay_mob_violence(run):
    evs = run("On 3 May, angry villagers lynched a suspected thief and demanded that police leave the village.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Mob violence"}


def test_violence_in_the_next_sentence_of_a_short_protest_report(run):
    evs = run("Climate protests in the harbour district today. This part of town was the scene of escalating violence.")
    assert evs[0].acled == {"event_type": "Riots", "sub_event_type": "Violent demonstration"}


def test_long_page_protest_takes_violence_only_from_its_own_sentence(run):
    text = ("The finance minister presented the new budget to parliament on Tuesday, promising lower taxes for small "
            "firms and more money for rural schools. Opposition leaders said the plan did too little for pensioners "
            "and called for a new vote on the spending bill before the summer recess. Economists were divided on "
            "whether the growth forecasts behind the plan were realistic. Thousands of students rallied outside "
            "parliament on Sunday against the cuts to university grants. Weeks earlier a small group had thrown "
            "petrol bombs at police during a march in the port city. The minister said he would meet student leaders next week.")
    assert len(text) > 600
    rally = [e for e in run(text) if e.trigger.text == "rallied"]
    assert rally and rally[0].acled and rally[0].acled["event_type"] == "Protests"


def test_grenades_hurled_from_a_helicopter_are_a_grenade_attack(run):
    evs = run("A rogue officer hurled four grenades at the court building from a stolen helicopter.")
    assert evs[0].acled == {"event_type": "Explosions/Remote violence", "sub_event_type": "Grenade"}


def test_lobbing_a_grenade_is_an_attack(run):
    evs = run("A militant lobbed a grenade at a police station in the town on Tuesday.")
    assert evs[0].type == "ASSAULT" and evs[0].mode == "grenade"


def test_entering_a_town_without_resistance_is_a_non_violent_transfer(run):
    evs = run("A commander said the fighters entered the town before dawn and had not encountered any resistance.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Non-violent transfer of territory"}


def test_establishing_control_over_an_area_is_a_territorial_gain(run):
    evs = run("Army units established control over an area of 50 square kilometres in the eastern countryside.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Government regains territory"}


@pytest.mark.parametrize("text,sub", [
    ("Dozens of home-made grenades were thrown at the border guards during the armed clashes on Sunday.", "Grenade"),
    ("The navy launched several missiles at the coastal radar as the border clashes entered their fourth day.",
     "Shelling/artillery/missile attack"),
])
def test_clash_that_frames_a_named_weapon_takes_the_weapon(run, text, sub):
    evs = run(text)
    assert evs[0].acled == {"event_type": "Explosions/Remote violence", "sub_event_type": sub}


def test_clash_reported_for_itself_stays_a_clash(run):
    evs = run("Rebels clashed with soldiers near the dam on Sunday, and one soldier was wounded by a grenade.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_arms_in_a_cache_are_disrupted_weapons_use(run):
    evs = run("Police officers stand beside a stash of projectiles left by the insurgents in the old town.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Disrupted weapons use"}
    assert evs[0].gtd is None


def test_gunmen_who_also_set_off_a_bomb_make_an_armed_attack(run):
    evs = run("Gunmen attacked a crowded market on Friday and set off a bomb, wounding at least 20 shoppers.")
    assert evs[0].mode == "firearms"
    assert evs[0].acled == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


def test_gunmen_with_a_grenade_keep_the_grenade(run):
    evs = run("Unknown gunmen targeted the party office with a grenade on Monday. Nobody was hurt.")
    assert evs[0].acled["sub_event_type"] == "Grenade"


def test_leaving_a_treaty_is_not_a_transfer_of_territory(run):
    evs = run("The government formally withdrew from the arms control treaty on Thursday.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Agreement"}


def test_troops_withdrawing_from_a_town_stay_a_transfer(run):
    evs = run("The soldiers withdrew from the town on Thursday, leaving it to the militia.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Non-violent transfer of territory"}


def test_dead_on_both_sides_make_an_armed_clash(run):
    evs = run("Nine people were killed in an attack by the militia near the market town on Tuesday. "
              "A local official said the fighters attacked an army checkpoint and the dead were on both sides.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_deadly_blast_outranks_devices_found_in_the_same_sentence(run):
    evs = run("Six roadside bombs were found near the bridge this month and two farmers died in an explosion there.")
    assert evs[0].type == "ASSAULT"
    assert evs[0].acled["event_type"] == "Explosions/Remote violence"


def test_device_found_after_an_earlier_blast_stays_the_news(run):
    evs = run("Police defused a bomb near the stadium on Monday, a week after an explosion there killed three people.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Disrupted weapons use"}


def test_device_that_went_off_during_defusal_is_a_bombing(run):
    evs = run("A roadside bomb exploded while army engineers were defusing it near the bridge on Monday. "
              "Two engineers were killed in the blast.")
    assert evs[0].type == "ASSAULT"
    assert evs[0].gtd["attack_type"] == "Bombing/Explosion"


def test_defused_device_stays_disrupted_weapons_use(run):
    evs = run("Army engineers defused a roadside bomb near the bridge on Monday.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Disrupted weapons use"}


def test_raids_by_helicopters_are_air_strikes(run):
    evs = run("The insurgents near the dam suffered heavy losses in raids by the air force's helicopters.")
    assert evs[0].acled == {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}


def test_police_raid_stays_an_arrest(run):
    evs = run("Police raided a house in the old quarter and detained four suspected militants.")
    assert evs[0].acled["sub_event_type"] != "Air/drone strike"


def test_attackers_who_killed_themselves_with_explosives_made_a_suicide_bombing(run):
    evs = run("Two militants detonated explosives near a checkpoint, killing themselves, after police surrounded them.")
    assert evs[0].acled == {"event_type": "Explosions/Remote violence", "sub_event_type": "Suicide bomb"}


def test_detonation_that_killed_others_stays_an_explosive_attack(run):
    evs = run("Militants detonated explosives near a checkpoint, killing three soldiers.")
    assert evs[0].acled["sub_event_type"] == "Remote explosive/landmine/IED"


def test_army_named_in_an_apposition_regains_territory(run):
    evs = run("Damascus, Army units, together with allied forces, established control over a wide area "
              "of the countryside after routing the last militants there.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Government regains territory"}


def test_militants_seizing_oil_fields_overtake_territory(run):
    evs = run("Militants seized two oil fields in the desert on Tuesday.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Non-state actor overtakes territory"}


def test_towns_taken_without_clashes_are_a_non_violent_transfer(run):
    evs = run("Government troops kept advancing in the north, taking control of three towns without any armed clashes.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Non-violent transfer of territory"}


def test_control_regained_when_a_mission_handed_authority_over(run):
    evs = run("The government regained control of the eastern region when the monitoring mission handed authority "
              "over the area to its officials.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Non-violent transfer of territory"}


def test_town_taken_after_the_defenders_withdrew_in_a_short_report(run):
    evs = run("Militants have taken control of a coastal village south of the port. "
              "They moved in following the withdrawal of the regional forces.")
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": "Non-violent transfer of territory"}


def test_town_taken_in_a_fight_is_overtaken(run):
    evs = run("Militants have taken control of a coastal village south of the port after heavy fighting with regional forces.")
    assert evs[0].acled == {"event_type": "Battles", "sub_event_type": "Non-state actor overtakes territory"}


def test_aircraft_destroyed_by_a_missile_are_not_its_means(run):
    evs = run("A second ballistic missile targeted the coalition air base, destroying several transport helicopters.")
    assert evs[0].acled == {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"}


def test_sexual_word_in_a_reason_phrase_is_not_sexual_violence(run):
    evs = run("The armed group said it had killed two young men for engaging in sexual conduct it forbids.")
    assert evs[0].acled == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


def test_gas_named_in_the_next_sentence_of_a_short_report(run):
    evs = run("Dozens of residents were treated for breathing problems after rebels fired shells into the district. "
              "Doctors believe the shells carried chlorine gas.")
    assert evs[0].acled == {"event_type": "Explosions/Remote violence", "sub_event_type": "Chemical weapon"}


def test_grenades_at_troops_sent_to_break_up_a_protest_are_the_news(run):
    evs = run("Two men hurled grenades at soldiers posted outside the ministry to break up the protest, killing three of them.")
    assert evs[0].acled == {"event_type": "Explosions/Remote violence", "sub_event_type": "Grenade"}


def test_protest_met_by_police_still_leads(run):
    evs = run("Police fired tear gas to disperse the protesters who had gathered outside the ministry.")
    assert evs[0].type == "PROTEST"


def test_rape_during_a_dispersal_keeps_its_own_event(run):
    evs = run("Soldiers raped several women as they dispersed the protesters camped outside the headquarters.")
    assert any(e.acled == {"event_type": "Violence against civilians", "sub_event_type": "Sexual violence"} for e in evs)


@pytest.mark.parametrize("text,sub", [
    ("The authorities widened their bloody crackdown on peaceful demonstrators in the capital this week.",
     "Excessive force against protesters"),
    ("Police used tear gas against demonstrators in the capital this week.", "Protest with intervention"),
])
def test_deadly_crackdown_on_demonstrators_is_excessive_force(run, text, sub):
    evs = run(text)
    assert evs[0].acled == {"event_type": "Protests", "sub_event_type": sub}


def test_dispersal_told_before_the_protest_in_a_short_report(run):
    evs = run("Riot police dispersed the crowds in the main square on Sunday. "
              "Thousands had gathered there in a protest against the new pension law.")
    assert evs[0].acled == {"event_type": "Protests", "sub_event_type": "Protest with intervention"}


@pytest.mark.parametrize("text,coded", [
    ("The destruction of several shops and homes in the market district drew wide condemnation.", True),
    ("The destruction of the old stadium is planned for next spring.", False),
])
def test_destruction_of_property_is_property_destruction(run, text, coded):
    evs = run(text)
    got = any(e.acled == {"event_type": "Strategic developments", "sub_event_type": "Looting/property destruction"} for e in evs)
    assert got == coded


def test_police_firing_tear_gas_at_a_crowd_is_a_protest_with_intervention(run):
    evs = run("Police fired tear gas and pepper spray in a busy shopping street on Sunday, declaring the crowds there illegal.")
    assert evs[0].acled == {"event_type": "Protests", "sub_event_type": "Protest with intervention"}


def test_fired_a_mortar_stays_an_attack(run):
    evs = run("Militants fired a mortar at the army base on Sunday.")
    assert evs[0].type == "ASSAULT"


@pytest.mark.parametrize("text,attack", [
    ("Militants attacked the farming village with mortars and machine guns on Monday, killing six residents.", "Armed Assault"),
    ("Militants fired mortars at the farming village on Monday, killing six residents.", "Bombing/Explosion"),
])
def test_mortars_with_gunfire_are_an_armed_assault_for_gtd(run, text, attack):
    evs = run(text)
    assert evs[0].gtd == {"attack_type": attack, "weapon_type": "Explosives"}


def test_shot_and_killed_a_named_officer_is_an_assassination(run):
    evs = run("Gunmen shot and killed Colonel Tarik Hamdan, a police commander, in the market on Monday.")
    assert evs[0].gtd["attack_type"] == "Assassination"


def test_shot_and_killed_villagers_is_an_armed_assault(run):
    evs = run("Gunmen shot and killed four farmers in the market on Monday.")
    assert evs[0].gtd["attack_type"] == "Armed Assault"
