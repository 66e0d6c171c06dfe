"""Attack mentions in full articles (mentions.py and its hooks in events.py), on text written for these tests."""
import pytest

from chronicle.events import mentions

# Neutral paragraphs that make a text long enough to be read as a full article, not a short note.
FILLER = ("\nThe town council met on Tuesday to discuss the budget for road repairs and school buses. "
          "Several residents asked for more street lights near the river, and the mayor promised a study.\n"
          "Local shops reported a quiet week, with more visitors expected for the spring fair next month. "
          "The weather service forecast light rain and mild temperatures for the rest of the week.\n"
          "The library will stay open later on Thursdays, and a new reading club for children starts in "
          "May. Volunteers are needed to help with the book sale and to plant trees along the park path.\n")


@pytest.fixture
def run(run):
    """conftest's `run`, dated later, with every event's spans checked against the text."""
    def _run(text, published="2023-06-01"):
        found = run(text, published)
        for e in found:
            assert text[e.trigger.start:e.trigger.end] == e.trigger.text
        return found
    return _run


@pytest.fixture
def parse(nlp):
    return nlp


def attacks(evs):
    return [e for e in evs if e.type == "ASSAULT"]


def triggers(evs):
    return [e.trigger.text for e in attacks(evs)]


# ---------------------------------------------------------------- history in a full article

def test_past_attack_in_full_article_is_an_uncoded_mention(run):
    text = ("Gunmen attacked a police post in the northern hills on Monday, killing two officers."
            + FILLER + "In 2009 the same post was hit by a car bombing that killed eleven people.")
    evs = run(text, published="2023-06-01")
    assert "car bombing" in triggers(evs)
    past = [e for e in evs if e.trigger.text == "car bombing"][0]
    assert past.acled is None and past.gtd is None  # history is named, never coded as the news
    assert evs[0].trigger.text == "attacked" and evs[0].acled is not None


def test_past_attack_in_short_note_is_still_dropped(run):
    text = "Since 2017, when militants bombed the old bridge, the road to the market has stayed closed."
    assert not attacks(run(text, published="2023-05-02"))


# ---------------------------------------------------------------- hypothetical mentions

def test_hypothetical_attack_in_full_article_is_uncoded_with_unknown_status(run):
    text = ("Engineers tested new radar gear at the airfield on Friday." + FILLER
            + "\"If you shoot the drone down over a crowd, the debris could hurt people,\" the engineer said.")
    evs = attacks(run(text))
    assert evs and evs[0].status == "unknown" and evs[0].acled is None


def test_hypothetical_attack_in_short_note_is_dropped(run):
    assert not attacks(run("If the talks fail, the army may attack the northern towns."))


# ---------------------------------------------------------------- headings

def test_heading_attack_yields_to_the_body():
    assert mentions.heading_line("Bomb kills three in port city\nA bomb exploded on Monday.", 0, 4)
    text = "The first paragraph ends here.\nCar bombs\nTwo car bombs exploded near the station."
    start = text.index("Car bombs")
    assert mentions.heading_line(text, start, start + 9)
    body = text.index("car bombs")
    assert not mentions.heading_line(text, body, body + 9)


def test_caption_line_is_not_a_heading():
    text = ("First line.\nimage caption Troops were sent to the valley to stop raids by armed groups "
            "in the late nineteen nineties\nBody.")
    start = text.index("raids")
    assert not mentions.heading_line(text, start, start + 5)


def test_headline_attack_dropped_when_body_reports_it(run):
    text = ("Bomb blast kills three in port city\n"
            "A bomb exploded in a crowded fish market in the port city on Monday, killing three traders."
            + FILLER)
    evs = run(text)
    assert triggers(evs) and all(e.trigger.start > text.index("\n") for e in attacks(evs))


def test_headline_attack_kept_when_it_is_the_only_one(run):
    text = "Bomb blast kills three in port city\n" + FILLER
    assert attacks(run(text))


# ---------------------------------------------------------------- restatements

def test_definite_repeat_in_a_paragraph_is_one_mention(run):
    text = ("An explosion tore through a bus depot in the east of the city on Monday, wounding nine drivers. "
            "Witnesses said the explosion shattered windows two streets away." + FILLER)
    assert triggers(run(text)).count("explosion") == 1


def test_predicate_noun_restates_the_subject(run):
    text = ("The bombing at the depot on Monday was an attack on the transport workers, the minister said."
            + FILLER)
    assert triggers(run(text)) == ["bombing"]


def test_plural_subset_is_not_a_repeat(parse):
    doc = parse("Each explosion was loud, and the two worst explosions destroyed the station.")
    head = [t for t in doc if t.text == "explosions"][0]
    assert not mentions.restatement(head, {"explosion"})


def test_repeat_in_a_new_paragraph_is_kept(run):
    text = ("An explosion tore through a bus depot in the east of the city on Monday, wounding nine drivers."
            + FILLER + "Investigators said the explosion was caused by a device left under a bench.")
    assert triggers(run(text)).count("explosion") == 2


# ---------------------------------------------------------------- words that name no attack

def test_weapon_object_is_not_an_attack(parse):
    doc = parse("The cell used fertiliser to make roadside bombs in a rented garage.")
    toks = [t for t in doc if t.lower_ in ("roadside", "bombs")]
    assert mentions.weapon_object(toks, toks[-1])
    doc = parse("A roadside bomb hit the convoy near the bridge.")
    toks = [t for t in doc if t.lower_ in ("roadside", "bomb")]
    assert not mentions.weapon_object(toks, toks[-1])


def test_offence_name_under_legal_wording(parse):
    doc = parse("The former guard is on trial on charges of murder and fraud.")
    assert mentions.offence_name([t for t in doc if t.text == "murder"][0])
    doc = parse("She was charged with the murder of a judge in the capital.")
    assert not mentions.offence_name([t for t in doc if t.text == "murder"][0])


def test_campaign_word_needs_an_outcome(parse):
    doc = parse("Officials said operations in the border area were difficult.")
    assert mentions.bare_campaign([t for t in doc if t.text == "operations"][0], doc)
    doc = parse("The army said its operation in the border area killed six fighters.")
    assert not mentions.bare_campaign([t for t in doc if t.text == "operation"][0], doc)


def test_charge_names_no_attack_in_full_article(run):
    text = ("The former guard went on trial on charges of murder and fraud, the court said on Monday."
            + FILLER)
    assert "murder" not in triggers(run(text))


# ---------------------------------------------------------------- priming by a claimed attack

def test_claimed_attack_primes_later_explosion_words(run):
    text = ("Police are hunting a man thought to be responsible for a blast on Friday."
            + FILLER + "The explosion shattered the windows of a bakery on the main street.")
    assert "explosion" in triggers(run(text))


def test_suicide_bomber_crashing_into_a_patrol(run):
    evs = run("A suicide bomber on a motorcycle crashed into a foot patrol near the air base.")
    assert attacks(evs) and attacks(evs)[0].mode == "suicide"


# ---------------------------------------------------------------- one record per attack in a full article

def test_repeated_stabbing_is_coded_once(run):
    text = ("A man was stabbed to death on a night bus in the city centre on Saturday, police said.\n"
            + FILLER + "\nWitnesses said the stabbing followed an argument over a seat. Officers said a "
            "passenger had been the victim of a stabbing near the back door.\n")
    coded = [e for e in attacks(run(text)) if e.acled]
    assert len(coded) == 1 and coded[0].trigger.text == "stabbed to death"


def test_repeat_points_at_the_event_it_restates(run):
    text = ("A man was stabbed to death on a night bus in the city centre on Saturday, police said.\n"
            + FILLER + "\nWitnesses said the stabbing followed an argument over a seat. No group has "
            "claimed any role in the attack.\n")
    evs = attacks(run(text))
    main = evs[0]
    repeats = [e for e in evs if e is not main]
    assert main.repeats is None and repeats and all(e.repeats == main.id for e in repeats)
    assert all("repeats" not in e.to_dict() for e in [main]) and repeats[0].to_dict()["repeats"] == main.id


def test_another_attack_keeps_its_code(run):
    text = ("A man was stabbed to death on a night bus in the city centre on Saturday, police said.\n"
            + FILLER + "\nHours later another man was stabbed to death outside a bar across town.\n")
    coded = [e for e in attacks(run(text)) if e.acled]
    assert len(coded) == 2


# ---------------------------------------------------------------- blocking words far from the trigger

def test_block_word_far_from_trigger_does_not_block(parse):
    doc = parse("Five shoppers were hurt in an attack on the Christmas market in the old town.")
    assert not mentions.block_applies([t for t in doc if t.text == "attack"][0], "figurative")
    doc = parse("A gas cylinder explosion shook the bakery.")
    assert mentions.block_applies([t for t in doc if t.text == "explosion"][0], "disaster")


def test_market_attack_after_reported_violence_in_full_article(run):
    text = ("Gunmen opened fire on a police patrol in the north of the city on Monday, wounding two officers."
            + FILLER + "Last winter three people were hurt in an attack on the Christmas market in the old town.")
    assert "attack" in triggers(run(text))


def test_market_words_still_block_without_violence(run):
    text = "Share prices came under attack on the stock market as investors fled." + FILLER
    assert not attacks(run(text))


# ---------------------------------------------------------------- sentence-initial nouns, aims, preparations

def test_sentence_initial_plural_read_as_noun(parse):
    from chronicle.events.detect import _lexicon
    singles, _ = _lexicon()
    doc = parse("Shootings in the harbour district went on until dawn.")
    tok = doc[0]
    if tok.pos_ == "PROPN":
        assert mentions.reading(tok, tok.lemma_.lower(), singles) == ("shooting", "NOUN")
    doc = parse("Paris is a large city.")
    assert mentions.reading(doc[0], doc[0].lemma_.lower(), singles)[1] == doc[0].pos_


def test_aim_clause_is_not_an_attack(parse):
    doc = parse("The cell planted a device under the bridge to target army trucks.")
    assert mentions.stated_aim([t for t in doc if t.text == "target"][0])
    doc = parse("Snipers targeted the army trucks on the bridge.")
    assert not mentions.stated_aim([t for t in doc if t.text == "targeted"][0])


def test_planting_yields_to_the_explosion(run):
    text = ("A bomb had been planted under a parked van near the station. It exploded at noon, wounding "
            "four commuters, police said." + FILLER)
    got = triggers(run(text))
    assert "exploded" in got and "planted" not in got


def test_planting_kept_without_an_explosion(run):
    text = "Militants planted a bomb under a parked van near the station, police said." + FILLER
    assert "planted" in triggers(run(text))


@pytest.mark.parametrize("text,word", [
    ("Two shooting incidents were reported near the harbour overnight.", "shooting"),
    ("The city still remembers the bombing atrocity of that summer.", "bombing"),
])
def test_attack_noun_modifying_a_happening_names_the_attack(run, text, word):
    assert word in triggers(run(text))


def test_assault_rifle_is_not_an_attack(run):
    assert not attacks(run("The police displayed an assault rifle found in the car."))


def test_same_sentence_word_of_same_kind_restates(run):
    text = ("A bomb went off at a bus depot on Monday, wounding two guards." + FILLER
            + "\"There was an explosion and I ran,\" said a driver who saw the blast from the bus stop.")
    got = triggers(run(text))
    assert "explosion" in got and "blast" not in got


def test_same_sentence_word_of_other_kind_is_kept(parse):
    doc = parse("The brother died after a gunfight with police three days after the bombing.")
    head = [t for t in doc if t.text == "bombing"][0]
    assert not mentions.restatement(head, {"gunfight"}, frozenset({"gunfight"}))
    assert mentions.restatement(head, {"explosion"}, frozenset({"explosion"}))


# ---------------------------------------------------------------- second round (detect2)

def test_mention_naming_its_doer_is_no_restatement(run):
    text = ("A bomb exploded outside the court on Monday, killing four guards. "
            "Police said the attack was carried out by a breakaway cell." + FILLER)
    assert "attack" in triggers(run(text))


def test_active_doer_keeps_the_mention(run):
    text = ("A bomb exploded outside the court on Monday, killing four guards. "
            "Police said a breakaway cell had committed the attack." + FILLER)
    assert "attack" in triggers(run(text))


def test_repeat_without_a_doer_is_still_a_restatement(run):
    text = ("A bomb exploded outside the court on Monday, killing four guards. "
            "Police said the attack shocked the town." + FILLER)
    assert "attack" not in triggers(run(text))


def test_attributed_needs_a_doer(parse):
    doc = parse("The attack was carried out at night, and the rebels staged the ambush at dawn.")
    attack = [t for t in doc if t.text == "attack"][0]
    ambush = [t for t in doc if t.text == "ambush"][0]
    assert not mentions.attributed(attack)  # no agent: who did it is not said
    assert mentions.attributed(ambush)


def test_claimed_noun_beside_reported_act_is_a_mention(run):
    text = ("A bomb exploded at the central station on Monday, killing six commuters." + FILLER
            + "Police released a photo of the man behind the station bombing, taken on the night he "
              "carried out the attack.")
    got = triggers(run(text))
    # the claimed noun is named, and the act the sentence reports is not taken for its restatement
    assert "bombing" in got and "attack" in got


def test_windows_blown_out_after_a_blast(run):
    text = ("A bomb exploded outside a bakery on Friday, injuring eight people." + FILLER
            + "The windows of the shop next door were blown out, a neighbour said.")
    assert "blown" in triggers(run(text))


@pytest.mark.parametrize("text", [
    "Strong winds blew out the windows of the school during the storm on Friday." + FILLER,
    "The children blew out the candles on the cake at the party." + FILLER,
])
def test_blowing_out_without_violence_is_no_attack(run, text):
    assert not attacks(run(text))


def test_armed_side_hitting_fighters_is_an_attack(run):
    text = ("Gunmen fired on an army post near the border on Sunday." + FILLER
            + "The army said its soldiers hit two of the gunmen before they fled.")
    assert "hit" in triggers(run(text))


@pytest.mark.parametrize("text", [
    "The storm hit the coast on Friday, flooding dozens of homes.",
    "Shares of the carmaker hit a record high as the market rose on Monday.",
    "A delivery van hit a cyclist near the school on Monday morning.",
    "The city hall was hit by a ransomware attack, the head of its security office said.",
])
def test_hit_without_armed_sides_is_no_attack(run, text):
    assert not attacks(run(text))


# A short article written in several lines (a headline over a body) is a full article too.

def test_full_article_by_length_or_lines():
    assert not mentions.full_article("Gunmen killed two farmers near the village on Monday.")
    assert mentions.full_article("Farmers killed in raid\n\nGunmen killed two farmers near the village on Monday.")
    assert mentions.full_article("Gunmen killed two farmers near the village on Monday. " * 15)


def coded(evs, kind):
    return [e.trigger.text for e in evs if e.type == kind and e.acled]


def test_short_article_headline_restating_the_arrest_is_dropped(run):
    evs = run("Teacher arrested in Kano over protest video\n\n"
              "KANO, May 2, 2023 - Police arrested a secondary-school teacher in Kano on Monday over a "
              "video of a protest he had shared online, his lawyer said.")
    assert coded(evs, "COERCE") == ["arrested"]
    assert all(e.trigger.start > 50 for e in evs if e.type == "COERCE")


def test_repeated_arrest_in_a_short_article_is_one_coded_event(run):
    evs = run("KANO, May 2, 2023 - Police arrested a secondary-school teacher in Kano on Monday.\n\n"
              "His lawyer said officers detained the teacher at his school and took his phone.")
    assert len(coded(evs, "COERCE")) == 1


def test_protest_in_another_town_stays_its_own_event(run):
    evs = run("LAHORE, March 3, 2023 - Thousands of farmers protested in Lahore on Friday against new "
              "water charges.\n\nFarmers also protested in Multan, where they blocked a highway for hours.")
    assert len(coded(evs, "PROTEST")) == 2


def test_one_paragraph_note_keeps_every_coded_mention(run):
    note = ("On 2 May 2023, police arrested a teacher in Kano. Officers also detained two students "
            "in Zaria on the same day.")
    evs = run(note)
    assert len(coded(evs, "COERCE")) == 2


def test_shot_with_rubber_pellets_is_a_protest_met_by_police(run):
    text = ("Riot police moved against a march of nurses outside the health ministry on Monday. "
            "One nurse was shot with rubber pellets as officers pushed the crowd back." + FILLER)
    evs = run(text)
    assert "shot" not in triggers(evs)
    assert any(e.type == "PROTEST" and e.trigger.text == "shot" for e in evs)


def test_plastic_bullets_fired_at_a_crowd_are_no_attack(run):
    text = ("Soldiers fired plastic bullets at stone-throwing youths in the old town late on Friday." + FILLER)
    assert triggers(run(text)) == []


def test_heading_word_of_harm_yields_to_the_protest_below(run):
    text = ("Dockworkers Injured In Harbour Standoff\n"
            "A standoff between striking dockworkers and police at the harbour gate left two workers hurt. "
            "One of them was shot with rubber bullets while officers cleared the road." + FILLER)
    assert triggers(run(text)) == []


def test_heading_word_of_harm_stays_when_the_body_reports_nothing(run):
    text = ("Two Guards Killed Near Border Post\n"
            "Officials gave no further details on Sunday and said a statement would follow." + FILLER)
    assert triggers(run(text)) == ["Killed"]


def test_protesters_clashing_with_police_riot_in_a_full_article(run):
    text = ("Thousands marched through the capital on Saturday against the new fuel tax. "
            "Protesters clashed with riot police near the parliament building in the evening." + FILLER)
    evs = run(text)
    assert "clashed" not in triggers(evs)
    assert any(e.type == "PROTEST" and e.trigger.text == "clashed" for e in evs)


def test_clashes_between_demonstrators_and_troops_are_no_attack(run):
    text = ("Clashes between demonstrators and troops broke out at the main square after the vote." + FILLER)
    assert triggers(run(text)) == []


def test_army_clashing_with_rebels_stays_an_attack_mention(run):
    text = ("Government troops clashed with rebel fighters near the northern border crossing on Monday." + FILLER)
    assert "clashed" in triggers(run(text))


def test_arrest_in_connection_with_the_attack_refers_back(run):
    text = ("A gunman opened fire on shoppers at a market in the port city on Friday, killing four people.\n"
            "On Sunday, police arrested three men in connection with the shooting." + FILLER)
    trig = triggers(run(text))
    assert "opened fire" in trig or "killing" in trig
    assert "shooting" not in trig


def test_files_related_to_the_bombing_refer_back(run):
    text = ("A bomb exploded outside a bank in the city centre on Tuesday, wounding six people.\n"
            "Investigators said the suspect had deleted files related to the bombing from his laptop." + FILLER)
    assert "bombing" not in triggers(run(text))


def test_people_involved_in_the_attack_stay_a_mention(run):
    text = ("A bomb exploded outside a bank in the city centre on Tuesday, wounding six people.\n"
            "Prosecutors said nine people were involved in the attack." + FILLER)
    assert "attack" in triggers(run(text))


def test_a_lone_reference_is_kept_when_no_attack_is_reported(run):
    text = ("Police arrested three men on Sunday in connection with the shooting, a spokesman said." + FILLER)
    assert triggers(run(text)) == ["shooting"]


def test_a_video_showing_the_explosion_pictures_it(run):
    text = ("Gunmen attacked a checkpoint outside the city on Monday, killing two guards.\n"
            "A video showing the explosion was shared widely online the same evening." + FILLER)
    assert triggers(run(text)) == ["attacked"]


def test_images_that_picture_the_attack_picture_it(run):
    text = ("An explosion hit a checkpoint outside the city on Monday, killing two guards.\n"
            "Images that picture the attack were shared widely online the same evening." + FILLER)
    assert triggers(run(text)) == ["explosion"]
