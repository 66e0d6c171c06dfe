"""Speaker resolution and via chains, on sentences written for these tests."""
from chronicle.statements import attribution
from statement_cases import by_cue, run


def test_they_after_a_spokesman_is_his_ministry(nlp):
    text = ("According to the army, a convoy was hit near the border.\n\n"
            "The Ministry of Health spokesman Omar Haddad said that four drivers were hurt. "
            "They also informed that two trucks had burned.")
    st = by_cue(run(nlp, text), "informed")
    assert st.speaker.text == "They"
    assert st.speaker.name == "Ministry of Health"


def test_they_without_a_role_body_keeps_the_last_body(nlp):
    text = ("The Red Cross said that its teams had reached the village. "
            "They added that the road was still closed.")
    st = by_cue(run(nlp, text), "added")
    assert st.speaker.name == "Red Cross"


def test_unquoted_i_is_not_an_earlier_person(nlp):
    text = ("Mayor Lina Park said that the bridge would reopen in May. "
            "I think the council will delay it again.")
    art = run(nlp, text)
    for st in art.statements:
        if st.speaker is not None and st.speaker.text == "I":
            assert st.speaker.name != "Lina Park"


def test_as_reported_tag_is_via_not_content(nlp):
    text = ("According to the police chief Marta Ruiz, three officers were injured in the clash, "
            "as the BBC reported.")
    st = by_cue(run(nlp, text), "According to")
    assert "BBC" not in st.content.text
    assert st.content.text.endswith("clash")
    assert any("BBC" in v.text for v in st.via)


def test_speaker_is_not_a_headline_run_into_the_paragraph(nlp):
    text = ("The Latest on the election campaign (all times EDT):\n\n7 p.m.\n\n"
            "Senator Ruth Vale is once again questioning the count in the northern districts.")
    art = run(nlp, text)
    cued = [s for s in art.statements if s.cue.text.startswith("questioning")]
    assert cued, [s.cue.text for s in art.statements]
    assert "Latest" not in cued[0].speaker.text
    assert "Vale" in cued[0].speaker.text


def test_a_body_that_spoke_through_a_person_keeps_that_voice(nlp):
    text = ("The Nordic Ports Union, a group of twelve harbour authorities, spoke through its chairman "
            "Jonas Berg that the strike could be ended within days.\n\n"
            "The union also called for talks between the dockers and the shipping firms.")
    art = run(nlp, text)
    first = by_cue(art, "spoke")
    assert first.speaker.name == "Jonas Berg"
    later = by_cue(art, "called for")
    assert later.speaker.text == "The union"
    assert later.speaker.name == "Jonas Berg"


def test_role_then_name_in_commas_is_the_named_person(nlp):
    text = "The dockers' union denied the charge. Its spokesman, Pedro Alvarez, said the strike would go on."
    st = by_cue(run(nlp, text), "said")
    assert st.speaker.name == "Pedro Alvarez" and "spokesman" in (st.speaker.role or "")


def test_first_word_of_a_name_hung_on_the_verb_stays_in_the_name(nlp):
    text = "The talks ended late.\n\nKata'ib Hezbollah rejected any part in the raid."
    st = by_cue(run(nlp, text), "rejected")
    assert st.speaker.text == "Kata'ib Hezbollah"


def test_speaking_in_an_interview_names_the_outlet(nlp):
    text = ("Four houses burned, according to fire chief Lena Ortiz, speaking in an interview "
            "with the regional broadcaster Radio Norte.")
    st = by_cue(run(nlp, text), "according to")
    assert [v.name for v in st.via] == ["Radio Norte"] and "speaking" not in st.content.text


def test_unnamed_source_is_kept_as_such_with_its_country(nlp):
    st = by_cue(run(nlp, "A senior Kenyan official said the border would reopen on Friday."), "said")
    assert st.speaker.anonymous and st.speaker.country == "KEN"
    assert st.speaker.to_dict()["anonymous"] is True


def test_named_speaker_is_not_anonymous(nlp):
    st = by_cue(run(nlp, "Police spokesman Ali Hassan said the road was closed."), "said")
    assert not st.speaker.anonymous and "anonymous" not in st.speaker.to_dict()


def test_later_mention_of_an_unnamed_source_stays_unnamed(nlp):
    text = ("A source close to the governor said the convoy left at dawn. "
            "The source added that the road had been cleared the night before.")
    art = run(nlp, text)
    attribution.link_statements(art)
    assert by_cue(art, "said").speaker.anonymous and by_cue(art, "added").speaker.anonymous


def test_they_and_it_stand_for_a_body_that_agrees(nlp):
    text = ("The army said the road was open. The rebels denied it. They said the army had mined the bridge. "
            "The opposition demanded new elections. It accused the ruling party of fraud.")
    art = run(nlp, text)
    names = {st.speaker.text: st.speaker.name for st in art.statements if st.speaker}
    assert names["They"] == "rebels" and names["It"] == "opposition", names


def test_participle_with_its_own_subject_is_said_by_that_subject(nlp):
    # "with X calling for Y": the participle's own subject calls for it, not the sentence's subject
    text = ("The main split in the council is over housing, with the mayor calling for a freeze on rents "
            "and others backing new towers.")
    st = by_cue(run(nlp, text), "calling for")
    assert st.speaker.text == "the mayor"


def test_statement_a_participle_hangs_on_is_said_by_who_issued_it(nlp):
    # "X issued a statement saying Y": X says Y; the statement is only the channel
    text = "The harbour board issued a statement saying the ferry would resume on Monday."
    st = by_cue(run(nlp, text), "saying")
    assert st.speaker.text == "The harbour board"


def test_subject_the_parser_hung_on_an_opening_phrase(nlp):
    # "In a note to X, Y, head of Z, recounted ...": the parser makes Y an apposition of X and leaves the verb no subject
    text = ("In a May 2015 note to the governor, Boateng, head of the Teachers Union, recounted "
            "a meeting she had with the minister.")
    st = by_cue(run(nlp, text), "recounted")
    assert st.speaker is not None and st.speaker.text == "Boateng"


def test_tag_that_opens_with_its_verb_has_its_subject_after_it(nlp):
    # '..., said X': the parser may also hang a subject of the reported words on the verb; the tag's own is after it
    st = by_cue(run(nlp, "The closure of the mill marks the end of an era, said Ama Boateng, head of the workers' union."), "said")
    assert st.speaker.text == "Ama Boateng"
    st = by_cue(run(nlp, '"He opposed every one of them. Every single one," said Mensah, who had written some of the rules.'), "said")
    assert st.speaker.text == "Mensah"


def test_one_asked_is_not_who_asks(nlp):
    # "When asked about Y, X said Z": X answers; the question is put by someone not named
    art = run(nlp, "When asked about the strike, the minister said talks would resume.")
    assert by_cue(art, "asked").speaker is None
    assert by_cue(art, "said").speaker.text == "the minister"
    art = run(nlp, "Asked whether he would run again, the mayor said he had not decided.")
    assert by_cue(art, "Asked").speaker is None


def test_it_of_a_frame_around_an_infinitive_names_no_one(nlp):
    # "it is important to note Y", "it means admitting Y": 'it' stands for no speaker
    st = by_cue(run(nlp, "It is important to note that the vote on the port was close."), "note")
    assert st.speaker is None
    st = by_cue(run(nlp, "For the council, it means admitting that the port plan failed."), "admitting")
    assert st.speaker is None


def test_passive_that_shares_a_subject_names_no_speaker(nlp):
    # "X is moving but is expected to Y": the conjoined passive's subject is not who expects it
    st = by_cue(run(nlp, "She is moving to Accra but is expected to run for the council next year."), "expected")
    assert st.speaker is None


def test_gerund_after_by_is_done_by_the_subject_of_its_clause(nlp):
    # "X, who upset Y by questioning Z": the one questioning is the relative clause's subject, not the sentence's
    art = run(nlp, "The mayor praised the plan, but Mensah, who last week upset the council by questioning its budget, stayed away.")
    assert by_cue(art, "questioning").speaker.text == "who"
