"""GTD attack and weapon coding by class of report, on sentences written for these tests."""


def test_arson_with_no_one_hurt_is_a_facility_attack(run):
    evs = run("03/02/2021: Assailants set fire to a grain store in a farming town. No casualties were reported.")
    assert evs[0].gtd == {"attack_type": "Facility/Infrastructure Attack", "weapon_type": "Incendiary"}


def test_arson_that_killed_people_is_an_armed_assault(run):
    evs = run("03/02/2021: Assailants set fire to a family home in a farming town. Two residents were killed in the attack.")
    assert evs[0].gtd["attack_type"] == "Armed Assault"


def test_gunfire_and_arson_that_killed_people_is_an_armed_assault_with_firearms(run):
    evs = run("03/02/2021: Assailants opened fire on villagers and set fire to their huts in a farming town. "
              "Six villagers were killed in the attack.")
    assert evs[0].gtd == {"attack_type": "Armed Assault", "weapon_type": "Firearms"}


def test_arson_in_which_only_attackers_died_stays_a_facility_attack(run):
    evs = run("03/02/2021: Assailants set fire to a grain store in a farming town. "
              "Two assailants were killed when guards responded.")
    assert evs[0].gtd["attack_type"] == "Facility/Infrastructure Attack"


def test_people_abducted_later_in_a_summary_make_it_a_kidnapping(run):
    evs = run("03/02/2021: Assailants opened fire on a minibus on the highway near a border town. "
              "Four passengers were killed in the attack. No group claimed responsibility. "
              "In addition, six passengers were abducted.")
    assert evs[0].gtd["attack_type"] == "Hostage Taking (Kidnapping)"


def test_a_summary_without_abductions_stays_an_armed_assault(run):
    evs = run("03/02/2021: Assailants opened fire on a minibus on the highway near a border town. "
              "Four passengers were killed in the attack. No group claimed responsibility.")
    assert evs[0].gtd["attack_type"] == "Armed Assault"
