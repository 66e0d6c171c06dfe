"""Tests for chronicle.counts: number words, casualty figures, traps and qualifiers."""
import pytest

from chronicle.normalise import counts
from chronicle.records import Article, Event, Span


@pytest.mark.parametrize("text,value", [
    ("seven", 7), ("20", 20), ("1,200", 1200), ("twenty-five", 25), ("twenty five", 25),
    ("a dozen", 12), ("dozens", 12), ("two dozen", 24), ("one hundred and five", 105),
    ("three thousand", 3000), ("several", 3), ("a couple of", 2),
])
def test_parse_number(text, value):
    assert counts.parse_number(text) == value


@pytest.mark.parametrize("text", ["", "many-sided", "seventh heaven", "none of this"])
def test_parse_number_rejects_non_numbers(text):
    assert counts.parse_number(text) is None


def figures(text):
    """Return (killed, injured) values of a text read as one event."""
    k, i = counts.count_text(text)
    return (k.value if k else None, i.value if i else None)


@pytest.mark.parametrize("text,expected", [
    ("Seven villagers were killed when the market was shelled.", (7, None)),
    ("At least 20 people were killed and 31 wounded in the bombing.", (20, 31)),
    ("A dozen farmers were reportedly killed by the raiders.", (12, None)),
    ("Gunmen stormed the bus station, killing 6 civilians, including 2 women.", (6, None)),
    ("One policeman and two passers-by were killed in the crossfire.", (3, None)),
    ("Eight people were killed in the ambush. Two more died later in hospital.", (10, None)),
    ("The strike killed four fighters and wounded nine others.", (4, 9)),
    ("Clashes resulted in the killing of 1 soldier and the injuring of 3 others.", (1, 3)),
    ("A farmer was shot dead near his field.", (1, None)),
    ("The body of a young man was found beside the canal.", (1, None)),
    ("Two bombers blew themselves up at the gate; 9 guards were wounded.", (2, 9)),
    ("In addition to the bomber, at least five people were killed.", (6, None)),
    ("A suicide bomber detonated a vest at a checkpoint, killing three soldiers.", (4, None)),
    ("Both attackers were killed by the guards.", (2, None)),
    ("Five people, including two children, were injured in the blast.", (None, 5)),
    ("A 9-year-old boy remains in critical condition after a stray bullet hit him.", (None, 1)),
    ("One man died at the scene and a woman is in serious condition, police said.", (1, 1)),
    ("The boy was shot in the leg while he sat on a porch, his aunt said.", (None, 1)),
    ("A driver was shot in the chest and died later at the hospital.", (1, None)),
])
def test_casualty_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Troops fired 82mm mortars at the ridge; 2 soldiers were wounded.", (None, 2)),
    ("A 25-year-old man was arrested after the riot.", (None, None)),
    ("About 2500 teachers marched to the ministry. [size=2500]", (None, None)),
    ("On 9 May 2020, gunmen torched 12 houses in the village.", (None, None)),
    ("The militia demanded $50,000 for the release of the hostages.", (None, None)),
    ("The clash began at 10:30 and lasted for 3 hours.", (None, None)),
    ("Rebels kidnapped four aid workers on 3 June 2019.", (None, None)),
])
def test_traps_are_not_counts(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text,value", [
    ("Police shot a suspect during a raid. The victim died. 1 fatality.", 1),
    ("Militants attacked an outpost; 12 soldiers died. Fatalities coded as 10.", 10),
    ("They claimed to have killed a number of fighters; unknown reported fatalities coded as 10.", 10),
    ("Two men were injured and one man died. 1 fatality, 5 injured", 1),
    ("Seven rebels were killed in four raids. Fatalities are split across 4 events (2).", 2),
])
def test_acled_fatality_notes(text, value):
    assert figures(text)[0] == value


def test_shared_totals_are_split():
    text = "Across the two attacks in the town, 15 people were killed and 32 injured."
    assert figures(text) == (8, 16)


@pytest.mark.parametrize("text,qualifier", [
    ("Nine of the guards were claimed wounded, the ministry said.", "claimed"),
    ("Seven soldiers were reportedly killed in the clash.", "reportedly"),
    ("At least 20 people were killed in the bombing.", "at least"),
    ("Five people were killed in the bombing.", None),
])
def test_qualifiers_kept(text, qualifier):
    k, i = counts.count_text(text)
    c = k or i
    assert c.qualifier == qualifier


def test_count_events_spans_and_sentence_scope():
    text = ("Rebels shelled a base, killing three soldiers. "
            + "Filler sentence about the weather and the harvest in the valley. " * 25
            + "Elsewhere, a bomb wounded five traders at a market.")
    art = Article(id="t", text=text)
    first_end = text.index(".") + 1
    second_start = text.index("Elsewhere")
    e1 = Event(id="e1", type="ASSAULT", trigger=Span("shelled", 7, 14), sentence=Span(text[:first_end], 0, first_end))
    w = text.index("wounded")
    e2 = Event(id="e2", type="ASSAULT", trigger=Span("wounded", w, w + 7),
               sentence=Span(text[second_start:], second_start, len(text)))
    counts.count_events(art, [e1, e2])
    assert e1.killed.value == 3 and e1.injured is None
    assert e2.injured.value == 5 and e2.killed is None
    assert text[e1.killed.span.start:e1.killed.span.end] == e1.killed.span.text


def test_main_event_of_short_text_reads_whole_text():
    text = "Gunmen attacked a police post in the town. Two officers were killed and one was hurt."
    art = Article(id="t", text=text)
    end = text.index(".") + 1
    ev = Event(id="e1", type="ASSAULT", trigger=Span("attacked", 7, 15), sentence=Span(text[:end], 0, end))
    counts.count_events(art, [ev])
    assert (ev.killed.value, ev.injured.value) == (2, 1)


@pytest.mark.parametrize("text,expected", [
    ("Three guards were killed and a fourth person wounded at the gate.", (3, 1)),
    ("A soldier and three civilians were injured by the shell.", (None, 4)),
    ("Two officers and another civilian were hurt.", (None, 3)),
    ("Eight recruits and the driver were killed in the ambush.", (9, None)),
    ("Karim Haddad, a district mayor, was killed in the shooting.", (1, None)),
    ("Gunmen shot and killed a shopkeeper and wounded another.", (1, 1)),
    ("Thirteen people were killed and 48 wounded in both blasts.", (7, 24)),
    ("Four people were killed and nine wounded across this and two similar blasts.", (2, 3)),
    ("Five people were killed and 11 wounded across both attacks.", (3, 6)),
    ("Two people, a guard and a cook, were injured in the blast.", (None, 2)),
    ("Seven fighters were killed and wounded during the raid.", (None, None)),
    ("Raiders left a note at the gate.", (None, None)),
])
def test_more_casualty_forms(text, expected):
    assert figures(text) == expected


def test_protest_counts_only_stated_totals():
    text = "Hundreds protested against the killing of two boys by police."
    art = Article(id="t", text=text)
    ev = Event(id="e1", type="PROTEST", trigger=Span("protested", 9, 18), sentence=Span(text, 0, len(text)),
               acled={"event_type": "Protests", "sub_event_type": "Peaceful protest"})
    counts.count_events(art, [ev])
    assert ev.killed is None


@pytest.mark.parametrize("text,expected", [
    ("Rebels killed a ranger and wounded another in retaliation for the killing of 3 fighters last week.", (1, 1)),
    ("Soldiers shot dead a farmer when he ran from the checkpoint.", (1, None)),
    ("A roadside bomb hit a truck, leaving the driver dead.", (1, None)),
    ("Guards shot two smugglers to death at the river.", (2, None)),
    ("Troops killed the militants hiding in the cave.", (None, None)),
])
def test_singular_and_background_forms(text, expected):
    assert figures(text) == expected


def test_two_single_victims():
    assert figures("Rebels downed a helicopter. The pilot and the co-pilot were killed in the crash.") == (2, None)


@pytest.mark.parametrize("text,expected", [
    ("Gunmen kidnapped 15 shepherds near the river. Their bodies were found two days later.", (15, None)),
    ("Militants abducted a cleric and two aides from a mosque. The captives were executed that night.", (3, None)),
    ("Militants abducted four teachers from a school. They were released unharmed.", (None, None)),
    ("Gunmen abducted 7 guards from a depot. They later killed them near the road.", (7, None)),
    ("Gunmen shot and killed Omar Said Haddad, a local judge, outside his house.", (1, None)),
    ("The village chief and four of his sons were killed in the raid.", (5, None)),
])
def test_captives_named_and_coordinated(text, expected):
    assert figures(text) == expected


def test_long_text_orphan_sentences_go_to_main_event():
    text = ("A drone struck the governor's house on Sunday. "
            + "Officials met later to discuss the harvest and the roads of the province. " * 22
            + "Five of his guards were reportedly wounded, a spokesman said.")
    art = Article(id="t", text=text)
    end = text.index(".") + 1
    ev = Event(id="e1", type="ASSAULT", trigger=Span("struck", 8, 14), sentence=Span(text[:end], 0, end))
    counts.count_events(art, [ev])
    assert len(text) > counts.SHORT_TEXT_CHARS
    assert (ev.killed, ev.injured.value, ev.injured.qualifier) == (None, 5, "reportedly")
    assert ev.injured.span.text == "Five"


@pytest.mark.parametrize("text,expected", [
    ("Shells hit a house, killing a family of four.", (4, None)),
    ("Gunmen shot a courier near the market, resulting in his death.", (1, None)),
])
def test_family_and_resulting_death(text, expected):
    assert figures(text) == expected


def test_long_report_does_not_sum_recalled_figures():
    text = ("Bombs hit the city centre on Friday. Nine people were dead and some 130 were injured. "
            + "Witnesses described chaos in the streets near the station and the market. " * 18
            + "At the station, four drivers and two soldiers were killed. "
            + "Two more victims died later in hospital. "
            + "Months earlier, troops had killed 13 marchers in another city.")
    art = Article(id="t", text=text)
    end = text.index(".") + 1
    ev = Event(id="e1", type="ASSAULT", trigger=Span("hit", 6, 9), sentence=Span(text[:end], 0, end))
    counts.count_events(art, [ev])
    assert (ev.killed.value, ev.injured.value) == (11, 130)


def test_death_toll_is_a_total():
    assert figures("Three people were killed on Monday; the death toll rose to 9 on Tuesday.") == (9, None)


@pytest.mark.parametrize("text,expected", [
    ("The bomber set off his vest at the gate, killing himself and 12 others.", (13, None)),
    ("The explosion killed two children and their mother.", (3, None)),
    ("Nobody was hurt in the blast.", (None, 0)),
    ("No one was killed when the shell landed.", (0, None)),
])
def test_self_and_companions_and_nobody(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Eleven people, including two guards, one cook, and 8 fighters, were killed in the raid.", (11, None)),
    ("Gunmen killed Major Karim al-Saadi in the market.", (1, None)),
    ("Militants executed Samir Aziz and Omar Haddad, two local officials, in the square.", (2, None)),
    ("Gunmen kidnapped two drivers. The victims were executed the following day.", (2, None)),
    ("At least 12 workers were kidnapped; they were found dead the next morning.", (12, None)),
    ("Two militants travelling in the car were killed when their bomb went off.", (2, None)),
    ("Five people in the market were killed.", (5, None)),
    ("Rebels seized 4 villages near the river and 10 people were killed.", (10, None)),
])
def test_lists_named_pairs_and_captives(text, expected):
    assert figures(text) == expected


def _headlined(title, body, trigger):
    """Return an article with `title` above `body` and its main event at `trigger`."""
    text = f"{title}\n\n{body}"
    art = Article(id="t", text=text, title=title)
    at = text.index(trigger)
    end = text.index(".", at) + 1
    return art, Event(id="e1", type="ASSAULT", trigger=Span(trigger, at, at + len(trigger)),
                      sentence=Span(text[len(title) + 2:end], len(title) + 2, end))


def test_headline_figure_repeats_the_body():
    art, ev = _headlined("Roadside bomb kills 8 on highway to Kandahar",
                         "KANDAHAR, May 2, 2019 - A roadside bomb struck a minibus on Thursday, killing "
                         "at least 8 passengers and wounding 11 others, police said. Most of the dead "
                         "were farmers returning from market.", "struck")
    counts.count_events(art, [ev])
    assert (ev.killed.value, ev.injured.value) == (8, 11)


def test_headline_figure_kept_when_body_gives_none():
    art, ev = _headlined("Gunmen kill 4 villagers in Zamfara",
                         "Gunmen on motorbikes raided a village on Friday and set homes on fire, "
                         "residents said.", "raided")
    counts.count_events(art, [ev])
    assert ev.killed.value == 4


def test_headline_keeps_a_role_the_body_lacks():
    art, ev = _headlined("Blast kills 3 at checkpoint",
                         "A bomb went off at an army checkpoint, wounding nine soldiers, the army said.",
                         "went off")
    counts.count_events(art, [ev])
    assert (ev.killed.value, ev.injured.value) == (3, 9)


@pytest.mark.parametrize("text,value", [
    ("The fighting left at least six police officers and 11 gunmen dead.", 17),
    ("The ambush left two soldiers and three militiamen dead, the army said.", 5),
])
def test_groups_left_dead_are_summed(text, value):
    assert figures(text) == (value, None)


def test_lethal_force_on_protesters_counts_its_dead():
    text = "Troops fired live rounds at marchers in the capital, killing two of them and wounding four."
    art = Article(id="t", text=text)
    ev = Event(id="e1", type="PROTEST", trigger=Span("fired", 7, 12), sentence=Span(text, 0, len(text)),
               acled={"event_type": "Protests", "sub_event_type": "Excessive force against protesters"})
    counts.count_events(art, [ev])
    assert (ev.killed.value, ev.injured.value) == (2, 4)


@pytest.mark.parametrize("text,expected", [
    ("Bandits stopped a bus, killing three of them and wounding five, police said.", (3, 5)),
    ("Militants stormed the camp and killed 20 people, including six guards.", (20, None)),
])
def test_subset_cue_ends_at_a_new_casualty_verb(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "Crowds gathered after Daniel Okafor, 37, was killed by police at a roadblock.",
    "Officers said Maria Lopez, 62, was hurt when the wall fell.",
])
def test_age_between_commas_after_a_name_is_no_count(text):
    k, i = counts.count_text(text)
    assert all(c is None or c.value < 10 for c in (k, i))


def test_the_coded_total_wins_over_other_reports():
    k, _ = counts.count_text("On 3 May 2021, 4 guards were killed in an ambush near the post. "
                      "Fatalities coded as 0 (a local outlet reported 4 fatalities).")
    assert k.value == 0
    k, _ = counts.count_text("Militants attacked a camp, killing 12 villagers. Fatalities coded as 12 (a radio station reported 15 fatalities).")
    assert k.value == 12


def test_a_figure_in_brackets_is_another_source():
    k, _ = counts.count_text("At least 25 soldiers (18 according to the rebels) were killed in the raid on the base.")
    assert k.value == 25
    k, _ = counts.count_text("Vigilantes killed at least twenty herders (other accounts gave between 40 and 60 dead) in the village.")
    assert k.value == 20
    # a bracket alone still counts
    k, _ = counts.count_text("The clash left casualties (three soldiers were killed).")
    assert k.value == 3


def test_a_total_across_clashes_is_shared():
    k, _ = counts.count_text("Gunmen attacked a border post. This was one of four related attacks in the area on this date. "
                      "At least 12 soldiers were killed across the ensuing clashes.")
    assert k.value == 3


def _parsed_counts(nlp, text):
    art = Article(id="v", text=text)
    art.doc = nlp(text)
    return counts.count_segments(text, [(0, len(text))], doc=art.doc)


@pytest.mark.parametrize("text,killed", [
    ("Gunmen opened fire on a minibus. The district mayor and his driver were killed in the attack.", 2),
    ("The ambush left a patrol in ruins: the informer and his three brothers were killed.", 4),
    ("Militants raided the camp, killing 4 volunteer guards and 1 soldier.", 5),
    ("Attackers shot and killed Tomas Ferreira, a local councillor, outside his home.", 1),
    ("Villagers burned to death two suspected thieves near the market.", 2),
    ("At least one policeman and six attackers were killed in the ensuing firefight.", 7),
    ("The council head was not injured, but one guard was killed in the blast.", 1),
    ("A trader who had killed his neighbour was beaten by a crowd.", 0),
    ("The gunmen attempted to assassinate the judge at his home.", 0),
    ("A scholar and teacher was killed by an unknown gunman.", 1),
    ("Five people were killed, including one who was beheaded.", 5),
    ("Raiders killed a herder and 30 cows in the valley.", 1),
])
def test_victim_lists_are_counted_one_by_one(nlp, text, killed):
    k, _ = _parsed_counts(nlp, text)
    assert (k.value if k else 0) == killed, text



def test_a_range_counts_its_lower_figure():
    k, _ = counts.count_text("Gunmen entered the market and killed between 9 and 15 traders.")
    assert k.value == 9
    k, _ = counts.count_text("Militants attacked a checkpoint, killing 6-7 policemen.")
    assert k.value == 6


def test_the_share_coded_to_this_event():
    k, _ = counts.count_text("On 2 May 2021, rival groups clashed in the town. 2 people were killed. At least 30 people died "
                             "in the city that day; 9 remaining fatalities split across 11 events. "
                             "Total 3 fatalities (2 confirmed and 1 split fatality) coded to this event.")
    assert k.value == 3


def test_captives_arrested_then_killed():
    k, _ = counts.count_text("Soldiers arrested three herders near the well and executed them the same night.")
    assert k.value == 3


@pytest.mark.parametrize("text,expected", [
    # people shot with no word on whether they lived: the injured are those shot less the dead
    ("Three cousins were shot on a porch late Friday, one fatally.", (1, 2)),
    ("Six people were shot outside a dance hall; two of them died at the scene.", (2, 4)),
    ("A man opened fire on five neighbours and shot four of them.", (None, 4)),
    ("A gunman shot three customers at the diner, killing one.", (1, 2)),
    # a figure of injured, when given, is kept; "shot dead" is no shooting survived
    ("Five men were shot: two were killed and one was wounded.", (2, 1)),
    ("Two guards were shot dead at the gate.", (2, None)),
    ("In the shooting 2 people died and 3 were injured.", (2, 3)),
    # shots fired are not people shot: "he was shot" is one person hurt, never three
    ("He was shot 3 times in the leg.", (None, 1)),
])
def test_people_shot_less_the_dead_are_the_injured(text, expected):
    assert figures(text) == expected


def test_a_story_of_several_paragraphs_tells_its_toll_again():
    story = ("A teenager faces charges after shooting and killing a 14-year-old friend, deputies said.\n\n"
             "The shooting happened Wednesday at a home.\n\n"
             "Arlo was taken to a hospital where he died.")
    assert figures(story)[0] == 1
    # one paragraph (a note) sums its groups
    assert figures("Two soldiers were killed at the gate. Later, three civilians were killed in the market.")[0] == 5


def test_groups_of_one_paragraph_are_summed_in_a_story_of_several():
    story = ("Fighters and troops clashed near a well, leaving at least four soldiers and 6 rebels dead.\n\n"
             "The ten dead were buried on Monday, an official said.")
    assert figures(story)[0] == 10
