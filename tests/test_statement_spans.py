"""Statement finders and content boundaries, on sentences written for these tests (facts invented)."""
from chronicle.statements import attribution
from statement_cases import by_cue, run


def test_sentence_break_inside_a_clause_is_crossed(nlp):
    text = "The mayor cited harsh remarks the governor had made about nurses as proof of his contempt."
    doc = nlp.make_doc(text)
    for tok in doc:
        tok.is_sent_start = tok.i == 0 or tok.text == "the"  # a splitter mistake in the middle of the clause
    start = text.index("harsh")
    end = text.index(" the governor")
    assert attribution._run_on(doc, text, (start, end)) == (start, len(text) - 1)


def test_sentence_break_after_full_stop_is_kept(nlp):
    text = "The mayor cited harsh remarks. The governor left."
    doc = nlp.make_doc(text)
    for tok in doc:
        tok.is_sent_start = tok.i == 0 or tok.text == "The"
    span = (text.index("harsh"), text.index("remarks") + len("remarks"))
    assert attribution._run_on(doc, text, span) == span


def test_that_clause_hung_off_a_phrase(nlp):
    art = run(nlp, "Maria Scott can be heard yelling to the officers that her husband was unarmed.")
    st = by_cue(art, "yelling")
    assert st.content.text == "her husband was unarmed"


def test_relative_clause_after_the_cue_is_not_content(nlp):
    art = run(nlp, "The senator praised the plan that the council drew up last spring.")
    st = by_cue(art, "praised")
    assert st.content.text.startswith("the plan")


def test_conjoined_verb_of_saying_starts_a_new_statement(nlp):
    art = run(nlp, "The ministry said it was firmly opposed to the launch and warned the North to refrain from new tests.")
    said = by_cue(art, "said")
    assert said.content.text == "it was firmly opposed to the launch"
    warned = by_cue(art, "warned")
    assert "refrain from new tests" in warned.content.text


def test_participle_naming_a_thing_is_no_cue(nlp):
    art = run(nlp, "The factory released hydrofluorocarbons, known as HFCs, into the river.")
    assert not any(st.cue.text == "known" for st in art.statements)


def test_time_clause_before_a_closing_tag_is_not_content(nlp):
    art = run(nlp, "But when the council cut the grant two years later, the mayor said enough.")
    assert not any(st.cue.text == "said" for st in art.statements)


def test_condition_before_a_tag_that_goes_on_is_kept(nlp):
    art = run(nlp, "If this offer fails, the union argues, there are other ways to press the firm.")
    st = by_cue(art, "argues")
    assert "there are other ways" in st.content.text


def test_blasting_someone_for_something_is_criticism(nlp):
    art = run(nlp, "The senator blasted the national press for being dishonest.")
    st = by_cue(art, "blasted")
    assert st.kind == "condemn"
    assert st.content.text.startswith("the national press for being dishonest")


def test_blasting_a_pronoun_is_criticism(nlp):
    art = run(nlp, "Warren blasted him for skipping the vote.")
    st = by_cue(art, "blasted")
    assert st.content.text == "him for skipping the vote"


def test_including_stays_in_the_content(nlp):
    art = run(nlp, "The lawyer says the campaign broke the law by using his photos, including pictures of nurses at work.")
    st = by_cue(art, "says")
    assert st.content.text.endswith("including pictures of nurses at work")


def test_infinitives_hung_off_the_cue_join_the_content(nlp):
    art = run(nlp, "She wants to triple the size of the youth program, grow the Peace Corps and create a new reserve.")
    st = by_cue(art, "wants")
    assert st.content.text == "to triple the size of the youth program, grow the Peace Corps and create a new reserve"


def test_transcript_paragraph_opening_with_a_quote(nlp):
    text = ('Partial transcript follows:\n\n"SMITH: We will start with the budget. Why did the vote fail?\n\n'
            '"JONES: Well, the vote failed because the votes were not there.')
    art = run(nlp, text)
    speakers = {st.speaker.text: st.content.text for st in art.statements if st.cue.text == ":"}
    assert speakers["SMITH"] == "We will start with the budget. Why did the vote fail?"
    assert speakers["JONES"].startswith("Well, the vote failed")


def test_poll_shows(nlp):
    art = run(nlp, "A new state poll shows the senator ahead by four points.")
    st = by_cue(art, "shows")
    assert st.content.text == "the senator ahead by four points"
    assert st.speaker.text == "A new state poll"


def test_thing_that_shows_is_no_source(nlp):
    art = run(nlp, "The map shows the river.")
    assert not any(st.cue.text == "shows" for st in art.statements)


def test_phrase_after_the_object_belongs_to_the_content(nlp):
    art = run(nlp, "The audit found 31 cases of fraud out of two million ballots.")
    st = by_cue(art, "found")
    assert st.content.text == "31 cases of fraud out of two million ballots"


def test_time_after_the_object_is_not_content(nlp):
    art = run(nlp, "The union endorsed the mayor on Thursday.")
    st = by_cue(art, "endorsed")
    assert st.content.text == "the mayor"


def test_in_a_poll_is_a_source(nlp):
    art = run(nlp, "In a survey released Monday, the governor led his rival by six points.")
    st = by_cue(art, "In")
    assert st.content.text == "the governor led his rival by six points"
    assert st.speaker.text.startswith("a survey")


def test_in_a_city_is_no_source(nlp):
    art = run(nlp, "In the capital, the governor led a march of six thousand people.")
    assert not any(st.cue.text == "In" for st in art.statements)


def test_as_someone_put_it(nlp):
    art = run(nlp, "As the economist put it, the new tax is a gift to the rich.")
    st = by_cue(art, "put")
    assert st.content.text == "the new tax is a gift to the rich"
    assert st.speaker.text == "the economist"


def test_occasion_after_the_object_is_not_content(nlp):
    art = run(nlp, "The senator denounced the merger in a fiery speech.")
    st = by_cue(art, "denounced")
    assert st.content.text == "the merger"


def test_occasions_closing_an_as_phrase_are_not_content(nlp):
    art = run(nlp, "The governor criticized the new law as a disgrace Wednesday on a radio show.")
    st = by_cue(art, "criticized")
    assert st.content.text == "the new law as a disgrace"
    art = run(nlp, "The mayor criticized the budget as a mess during a campaign stop in Flint.")
    st = by_cue(art, "criticized")
    assert st.content.text == "the budget as a mess"


def test_participle_before_a_closing_tag_is_not_content(nlp):
    art = run(nlp, "Speaking to reporters at the airport on Monday, the minister agreed.")
    assert not any(st.content.text.startswith("Speaking") for st in art.statements)


def test_quotation_closing_the_sentence_after_a_tag(nlp):
    text = "Guests included the actor Will Smith, who joked of the museum, “I have not seen it yet, but I am going to.”"
    st = by_cue(run(nlp, text), "joked")
    assert st.content.text == "“I have not seen it yet, but I am going to.”"


def test_quotation_inside_a_that_clause_stays_in_the_clause(nlp):
    text = "A spokesman said Friday that if she won in November, “she would sign this bill.”"
    st = by_cue(run(nlp, text), "said")
    assert st.content.text.startswith("if she won")


def test_possessed_noun_of_saying_with_its_topic(nlp):
    art = run(nlp, "The minister repeated his infamous comment about half the country living on handouts.")
    st = by_cue(art, "comment about")
    assert st.content.text == "half the country living on handouts"
    assert st.speaker.text == "his"


def test_noun_of_saying_with_a_date_is_no_topic(nlp):
    art = run(nlp, "Reporters discussed her remarks on Saturday.")
    assert not any(st.cue.text.startswith("remarks") for st in art.statements)


def test_hopes_is_an_intention_though_the_lemmatiser_reads_hop(nlp):
    st = by_cue(run(nlp, "The mayor hopes to finish the bridge by May."), "hopes")
    assert st.content.text == "to finish the bridge by May"


def test_a_letter_reads(nlp):
    art = run(nlp, "“The plant will close in May and the workers will be paid,” the letter reads.")
    st = by_cue(art, "reads")
    assert st.content.text == "“The plant will close in May and the workers will be paid,”"
    assert st.speaker.text == "the letter"


def test_headline_in_sentence_case(nlp):
    text = "Governor calls new budget ‘a disaster’ during town hall.\n\nThe governor spoke to voters on Monday."
    st = by_cue(run(nlp, text), "calls")
    # the verb's own content leaves the occasion out, as for any verb of saying
    assert st.content.text in ("new budget ‘a disaster’ during town hall", "new budget ‘a disaster’")
    assert st.speaker.text == "Governor"


def test_gerund_conjunct_hung_off_the_cue_joins_its_object(nlp):
    art = run(nlp, "She has mentioned refinancing car loans and forcing banks to lend more to farmers.")
    assert by_cue(art, "mentioned").content.text == "refinancing car loans and forcing banks to lend more to farmers"


def test_infinitive_conjunct_hung_off_the_cue_joins_its_object(nlp):
    art = run(nlp, "The minister is promising to meet and in some cases exceed the targets without raising taxes.")
    assert "exceed the targets" in by_cue(art, "promising").content.text


def test_second_act_of_the_speaker_is_not_content(nlp):
    art = run(nlp, "She criticised the plan and left the room.")
    assert by_cue(art, "criticised").content.text == "the plan"


def test_the_person_told_is_not_the_content(nlp):
    art = run(nlp, "The difference now, the coach told me on Friday, is that the team trusts its young players.")
    st = by_cue(art, "told")
    assert st.content.text.startswith("The difference now")
    assert st.content.text.endswith("trusts its young players")


def test_the_crowd_told_to_act_is_not_the_content(nlp):
    art = run(nlp, "The senator tells her supporters at a rally in Ohio to vote early.")
    assert by_cue(art, "tells").content.text == "to vote early"


def test_quote_goes_on_past_a_tag_with_a_relative_clause(nlp):
    text = ('"It was a bad day for the club when the owner chose to sell," said chairman John Smith, '
            'summing up talks that went beyond money. "Fans are worried about what comes next."')
    st = by_cue(run(nlp, text), "said")
    assert st.content.text.endswith('what comes next."')


def test_quoted_title_inside_the_tag_is_not_the_rest_of_the_quote(nlp):
    text = ('"He is right. There is a gap between the board and the fans," Jones, a former player, '
            'said Monday on the BBC\'s "Match of the Day." "I mean, there is a lot of anger in the stands."')
    st = by_cue(run(nlp, text), "said")
    assert st.content.text.endswith('anger in the stands."')
    assert st.content.text.startswith('"He is right.')


def test_quote_goes_on_after_a_conjunction(nlp):
    text = '"I like him," she said, but "his record on schools is poor."'
    st = by_cue(run(nlp, text), "said")
    assert st.content.text.endswith('is poor."')


def test_agentless_accusation_is_a_statement_of_the_whole_clause(nlp):
    art = run(nlp, "The mayor was accused of taking bribes from builders.")
    st = by_cue(art, "accused")
    assert st.content.text == "The mayor was accused of taking bribes from builders"
    assert st.speaker is None


def test_agentless_passive_keeps_the_subject_relative_clause(nlp):
    art = run(nlp, "Officer Jane Doe, who shot a driver last week, was charged with manslaughter.")
    assert by_cue(art, "charged").content.text.startswith("Officer Jane Doe, who shot a driver")


def test_negated_passive_accusation_is_no_statement(nlp):
    art = run(nlp, "Mr. Smith has never been charged with any crime.")
    assert not [st for st in art.statements if st.cue.text == "charged"]


def test_relative_clause_before_its_speaker_leaves_out_the_cue(nlp):
    # the content never holds its own speaker and cue: "which" stands for words outside it
    art = run(nlp, "He had nothing in his hands, which his lawyer said were at his side when he was shot.")
    assert by_cue(art, "said").content.text == "were at his side when he was shot"
    art = run(nlp, "The mayor condemned the shelling of a clinic, which local officials said killed three nurses.")
    st = by_cue(art, "said")
    assert st.content.text == "killed three nurses" and st.speaker.text == "local officials"


def test_naming_verb_in_a_relative_clause_gives_what_it_was_named(nlp):
    art = run(nlp, "It was an explosion that the mayor described as an intentional act.")
    assert by_cue(art, "described").content.text == "as an intentional act"


def test_concern_about_something_is_about_that_thing(nlp):
    art = run(nlp, "Farm groups have expressed deep concern about the new water policy.")
    st = by_cue(art, "expressed")
    assert st.content.text == "the new water policy"
    assert st.speaker is not None and st.speaker.text == "Farm groups"


def test_light_verb_with_an_ordinary_object_is_no_statement(nlp):
    art = run(nlp, "He made a cake for his mother.")
    assert not [st for st in art.statements if st.cue.text == "made"]


def test_cue_with_only_a_topic_phrase_takes_that_topic(nlp):
    art = run(nlp, "The minister warned against hackers from abroad.")
    assert by_cue(art, "warned").content.text == "hackers from abroad"


def test_time_phrase_after_a_cue_is_not_its_topic(nlp):
    art = run(nlp, "The minister spoke on Monday.")
    assert not [st for st in art.statements if st.cue.text == "spoke"]


def test_compared_with_is_a_preposition_not_a_cue(nlp):
    art = run(nlp, "Women made up about a quarter of top managers in private firms, compared with a third in government.")
    assert not [st for st in art.statements if st.cue.text == "compared"]


def test_compared_by_someone_is_still_a_cue(nlp):
    art = run(nlp, "The coach compared the referee to a blind man.")
    assert by_cue(art, "compared").content.text == "the referee to a blind man"


def test_in_order_to_is_no_order(nlp):
    art = run(nlp, "The firm cut prices in order to sell more cars.")
    assert not [st for st in art.statements if st.cue.text.lower() == "order"]


def test_an_order_to_act_is_a_statement(nlp):
    art = run(nlp, "The court's order to close the mine came on Friday.")
    assert by_cue(art, "order").content.text == "to close the mine"


def test_a_bidding_is_not_a_report(nlp):
    art = run(nlp, "Tell me this is not a witch hunt.")
    assert not [st for st in art.statements if st.cue.text == "Tell"]


def test_agentless_rating_is_a_statement_of_the_whole_clause(nlp):
    art = run(nlp, "A majority of the mayor's claims were rated as mostly true.")
    assert by_cue(art, "rated").content.text == "A majority of the mayor's claims were rated as mostly true"


def test_passive_in_a_relative_clause_is_not_a_whole_clause(nlp):
    art = run(nlp, "Crime fell in the 1990s, much of which can be credited to new laws.")
    assert not [st for st in art.statements if st.cue.text == "credited"]


def test_subject_left_before_a_mid_sentence_tag_is_part_of_the_content(nlp):
    art = run(nlp, "The new stadium, the mayor told us on Friday, will cost the city millions.")
    assert by_cue(art, "told").content.text == "The new stadium, the mayor told us on Friday, will cost the city millions"


def test_phrasal_cue_with_its_own_object_does_not_take_the_words_before_it(nlp):
    art = run(nlp, "A group of doctors sent a letter to the hospital board, calling for his dismissal.")
    assert by_cue(art, "calling for").content.text == "his dismissal"


def test_day_after_a_particle_is_not_what_was_said(nlp):
    art = run(nlp, "The governor weighed in Friday about whether the video should be released.")
    assert by_cue(art, "weighed in").content.text == "whether the video should be released"


def test_a_required_disclosure_is_not_a_statement(nlp):
    art = run(nlp, "No federal rule requires the candidates to disclose their medical records.")
    assert not [st for st in art.statements if st.cue.text == "disclose"]


def test_an_attempt_to_question_is_not_a_statement(nlp):
    art = run(nlp, "The committee has been trying to question several former aides of the governor.")
    assert not [st for st in art.statements if st.cue.text == "question"]


def test_a_done_disclosure_is_still_a_statement(nlp):
    art = run(nlp, "The senator disclosed his tax returns to the ethics panel last week.")
    assert by_cue(art, "disclosed").content.text.startswith("his tax returns")


def test_saying_under_a_required_act_stays(nlp):
    art = run(nlp, "The judge allowed the witness to say that the money had gone missing.")
    assert by_cue(art, "say").content.text == "the money had gone missing"


def test_telling_jokes_is_an_act_not_a_report(nlp):
    art = run(nlp, "The comedian wants to sell herself and tell more jokes on stage.")
    assert not [st for st in art.statements if st.cue.text == "tell"]


def test_continuing_a_campaign_is_not_a_statement(nlp):
    art = run(nlp, "The senator continues her campaign in the northern towns.")
    assert not [st for st in art.statements if st.cue.text == "continues"]


def test_telling_with_a_clause_is_still_a_statement(nlp):
    art = run(nlp, "The mayor told the council that the bridge would reopen in May.")
    assert by_cue(art, "told").content.text == "the bridge would reopen in May"


def test_continued_with_a_quotation_is_still_a_statement(nlp):
    art = run(nlp, "She continued, “We will not give up on this town.”")
    assert "We will not give up" in by_cue(art, "continued").content.text


def test_a_gerund_giving_a_reason_is_not_a_statement(nlp):
    art = run(nlp, "The doctor has been fined by the board for promoting miracle diet pills on television.")
    assert not [st for st in art.statements if st.cue.text == "promoting"]


def test_a_conjunct_after_according_to_is_part_of_the_report(nlp):
    art = run(nlp, "Exports rose 4 percent last year, according to the trade ministry, and imports fell by half.")
    assert by_cue(art, "according to").content.text.endswith("imports fell by half")


def test_a_comment_after_according_to_is_not_part_of_the_report(nlp):
    art = run(nlp, "Exports rose 4 percent last year, according to the trade ministry, more than anyone expected.")
    assert by_cue(art, "according to").content.text == "Exports rose 4 percent last year"


def test_anyone_wanting_to_is_not_a_statement(nlp):
    art = run(nlp, "The county archive is an excellent resource for anyone wanting to learn more about old farms.")
    assert not [st for st in art.statements if st.cue.text == "wanting"]


def test_a_named_person_wanting_to_is_still_a_statement(nlp):
    art = run(nlp, "The mayor says she wants to rebuild the old bridge before winter.")
    assert by_cue(art, "says").content.text.startswith("she wants")


def test_a_plan_no_one_holds_is_not_a_statement(nlp):
    art = run(nlp, "The council won an extension on a court order to clean the old quarry pond.")
    assert not [st for st in art.statements if st.cue.text == "order"]


def test_a_plan_someone_holds_is_still_a_statement(nlp):
    art = run(nlp, "The governor's plan to close the old prison drew protests.")
    assert by_cue(art, "plan").content.text == "to close the old prison"


def test_set_phrases_with_a_verb_of_saying_are_not_statements(nlp):
    art = run(nlp, "Having said that, some economists argue that the levy should be small.")
    assert not [st for st in art.statements if st.cue.text == "said"]
    assert by_cue(art, "argue").content.text == "the levy should be small"
    art = run(nlp, "It goes without saying that the mayor wants the road rebuilt.")
    assert not [st for st in art.statements if st.cue.text == "saying"]


def test_said_that_outside_a_set_phrase_is_still_a_statement(nlp):
    art = run(nlp, "The mayor said that the bridge is safe.")
    assert by_cue(art, "said").content.text == "the bridge is safe"
