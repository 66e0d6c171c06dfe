"""Statements found by the recall rules (feelings with a clause, ...), on sentences written for these tests (facts invented)."""
from statement_cases import by_cue, run


def test_feeling_with_a_clause_is_its_holders_statement(nlp):
    art = run(nlp, "The farmers were frustrated that the ministry had cut the grain subsidy again.")
    st = by_cue(art, "frustrated")
    assert st.content.text == "the ministry had cut the grain subsidy again"
    assert st.speaker is not None and "farmers" in st.speaker.name.lower()


def test_feeling_after_a_linking_verb(nlp):
    art = run(nlp, "Local officials remain convinced that the bridge will open before winter.")
    st = by_cue(art, "convinced")
    assert st.content.text == "the bridge will open before winter"


def test_writers_own_feeling_is_no_report(nlp):
    art = run(nlp, "I am worried that the bridge will not open before winter.")
    assert not [st for st in art.statements if st.cue.text == "worried"]


def test_feeling_without_a_clause_is_no_statement(nlp):
    art = run(nlp, "The farmers were frustrated by the long delay.")
    assert not [st for st in art.statements if st.cue.text == "frustrated"]


def test_opening_phrase_with_someones_plan_frames_the_sentence(nlp):
    art = run(nlp, "Under the mayor's plan, every bus line in the city would run through the night.")
    st = by_cue(art, "Under the mayor's plan")
    assert st.content.text == "every bus line in the city would run through the night"
    assert st.speaker is not None and "mayor" in st.speaker.name.lower()


def test_opening_statement_phrase_gives_the_subject_as_speaker(nlp):
    art = run(nlp, "In a statement, the dockers' union was far more cautious than the port authority.")
    st = by_cue(art, "In a statement")
    assert st.content.text.startswith("the dockers' union was far more cautious")


def test_opening_view_phrase_of_no_one_is_no_statement(nlp):
    art = run(nlp, "Under the plan, every bus line in the city would run through the night.")
    assert not [st for st in art.statements if st.cue.text.startswith("Under")]


def test_opening_statement_phrase_before_a_verb_of_saying_gives_way(nlp):
    art = run(nlp, "In a statement, the union said the strike would go on.")
    assert not [st for st in art.statements if st.cue.text.startswith("In a")]


def test_intent_verb_with_a_subject_clause(nlp):
    art = run(nlp, "The teachers decided the trip should be cancelled.")
    st = by_cue(art, "decided")
    assert st.content.text == "the trip should be cancelled"


def test_intent_verb_with_object_and_infinitive(nlp):
    art = run(nlp, "Many shoppers expect the prices to fall after the holidays.")
    st = by_cue(art, "expect")
    assert st.content.text.startswith("the prices to fall")


def test_writers_own_decision_is_no_report(nlp):
    art = run(nlp, "Last year I decided the trip should be cancelled.")
    assert not [st for st in art.statements if st.cue.text == "decided"]


def test_it_is_clear_that_states_the_clause(nlp):
    art = run(nlp, "By now it is clear that the new stadium will cost far more than promised.")
    st = by_cue(art, "clear")
    assert st.content.text == "that the new stadium will cost far more than promised"
    assert st.speaker is None


def test_it_is_clear_with_an_open_question_is_no_claim(nlp):
    art = run(nlp, "It is not clear what the new stadium will cost.")
    assert not [st for st in art.statements if st.cue.text == "clear"]


def test_plain_description_as_clear_is_no_claim(nlp):
    art = run(nlp, "The rules of the contest have always been clear.")
    assert not [st for st in art.statements if st.cue.text == "clear"]


def test_seeming_reports_the_whole_clause(nlp):
    art = run(nlp, "After the vote the mayor seems to have lost the support of her own party.")
    st = by_cue(art, "seems")
    assert st.content.text == "the mayor seems to have lost the support of her own party"
    assert st.speaker is None


def test_seeming_to_someone_is_their_impression(nlp):
    art = run(nlp, "The new tax may have seemed fair to most farmers at first.")
    st = by_cue(art, "seemed")
    assert st.speaker is not None and "farmers" in st.speaker.name.lower()


def test_seeming_inside_a_quotation_is_the_speakers_own_words(nlp):
    art = run(nlp, '"The mayor seems to have lost the support of her party," the councillor said.')
    assert not [st for st in art.statements if st.cue.text == "seems"]


def test_seeming_as_a_comparison_is_no_statement(nlp):
    art = run(nlp, "Strange as it may seem, the bridge opened on time.")
    assert not [st for st in art.statements if st.cue.text == "seem"]


def test_verb_of_stance_takes_its_object(nlp):
    art = run(nlp, "The governor openly despises the new harbour tax.")
    st = by_cue(art, "despises")
    assert st.content.text == "the new harbour tax"
    assert st.speaker is not None and "governor" in st.speaker.name.lower()


def test_downplaying_is_a_statement_about_its_object(nlp):
    art = run(nlp, "The league downplayed the danger of head injuries for young players.")
    st = by_cue(art, "downplayed")
    assert st.content.text.startswith("the danger of head injuries")


def test_verb_of_praise_outside_the_old_lexicon(nlp):
    art = run(nlp, "The bishop lauded the volunteers for rebuilding the chapel roof.")
    st = by_cue(art, "lauded")
    assert st.content.text.startswith("the volunteers for rebuilding")


def test_verb_of_disagreement_takes_who_is_disagreed_with(nlp):
    art = run(nlp, "The treasurer sharply disagrees with her predecessor.")
    st = by_cue(art, "disagrees")
    assert "predecessor" in st.content.text


def test_verb_of_liking_takes_its_object(nlp):
    art = run(nlp, "The old fisherman loves the harbour where he grew up.")
    st = by_cue(art, "loves")
    assert st.content.text.startswith("the harbour")


def test_verb_of_inquiry_reports_what_is_examined(nlp):
    art = run(nlp, "A new documentary examines the collapse of the fishing industry on the coast.")
    st = by_cue(art, "examines")
    assert st.content.text.startswith("the collapse of the fishing industry")


def test_grilling_someone_is_criticism_of_them(nlp):
    art = run(nlp, "The senator grilled the bank's chief over the missing deposits.")
    st = by_cue(art, "grilled")
    assert st.content.text.startswith("the bank's chief")


def test_linking_one_thing_to_another_is_a_claim(nlp):
    art = run(nlp, "The inspector linked the fire to a faulty heater in the basement.")
    st = by_cue(art, "linked")
    assert st.content.text == "the fire to a faulty heater in the basement"


def test_decision_of_an_authority_is_its_position(nlp):
    art = run(nlp, "The city council approved a plan to close two branch libraries.")
    st = by_cue(art, "approved")
    assert st.content.text.startswith("a plan to close two branch libraries")


def test_topic_after_the_one_spoken_to(nlp):
    art = run(nlp, "The harbour master talked to fishermen about the new quotas.")
    st = by_cue(art, "talked")
    assert st.content.text == "the new quotas"


def test_topic_after_a_particle_and_a_day(nlp):
    art = run(nlp, "The bishop spoke out Sunday about the closure of the shelter.")
    st = by_cue(art, "spoke")
    assert st.content.text == "the closure of the shelter"


def test_tag_ending_its_paragraph_with_a_colon_introduces_the_next(nlp):
    art = run(nlp, "The harbour master spoke first.\n\nThe mayor added:\n\nThe new ferry will carry twice as many cars as the old one.\n\nThe meeting ended at noon.")
    st = by_cue(art, "added")
    assert st.content.text == "The new ferry will carry twice as many cars as the old one"


def test_clause_before_a_semicolon_is_not_a_later_verbs_content(nlp):
    art = run(nlp, "Farmers block the northern highway; the ministry promises talks.")
    assert not [st for st in art.statements if st.content.text.startswith("Farmers block")]


def test_seeing_something_as_something_is_a_view(nlp):
    art = run(nlp, "Many growers see the new tariff as a threat to their export business.")
    st = by_cue(art, "see")
    assert st.content.text == "the new tariff as a threat to their export business"
    assert st.speaker is not None and "growers" in st.speaker.name.lower()


def test_seeing_a_thing_without_as_is_no_view(nlp):
    art = run(nlp, "Many growers see the new tariff in the morning papers.")
    assert not [st for st in art.statements if st.cue.text == "see"]


def test_rating_something_as_an_adjective_is_a_view(nlp):
    art = run(nlp, "The fact checkers rated 40% of his claims as “false” or “mostly false,” compared with 12% for his rival.")
    st = by_cue(art, "rated")
    assert st.content.text.startswith("40% of his claims as “false”")


def test_going_after_someone_is_criticism(nlp):
    art = run(nlp, "The senator has gone after the governor as a \"careless spender\" in every debate.")
    st = by_cue(art, "gone after")
    assert st.content.text.startswith("the governor as a \"careless spender\"")


def test_as_tag_on_a_clause_no_other_statement_holds(nlp):
    art = run(nlp, "Several mayors share his doubts, because while most towns can borrow cheaply, the main condition for the grant is a \"balanced budget,\" as a treasury note put it.")
    st = by_cue(art, "put")
    assert st.content.text.startswith("the main condition for the grant is a \"balanced budget,")


def test_as_tag_opening_a_conditional_leaves_out_the_if(nlp):
    art = run(nlp, "If, as I have argued, the new port draws more trade, the town will need a second bridge.")
    st = by_cue(art, "argued")
    assert st.content.text.startswith("the new port draws more trade")


def test_quote_before_a_tag_whose_subject_has_a_determiner(nlp):
    art = run(nlp, "The advert ends on a question. “You paid your rent. You paid your bills. So why didn’t the landlord pay his?” a voice in the advert asks. The spot runs all week.")
    st = by_cue(art, "asks")
    assert st.content.text.startswith("“You paid your rent.")


def test_quote_ending_the_previous_paragraph_is_not_a_new_tags_content(nlp):
    art = run(nlp, "The mayor spoke last. “We will rebuild the pier by spring.”\n\nThe harbour board chairman responded.")
    assert not [st for st in art.statements if st.cue.text.startswith("responded")]


def test_as_tag_beside_a_statement_with_no_speaker(nlp):
    # an agentless passive ("were accused of") has no speaker: the 'as' tag must not need one
    text = ("In 2009, officials there were accused of hiding the size of the outbreak, and the ministry "
            "later admitted that the town had seen five times as many cases as it had first reported.")
    art = run(nlp, text)
    assert by_cue(art, "admitted").content.text.startswith("the town had seen")


def test_feeling_about_a_thing_is_a_statement_of_that_thing(nlp):
    # "was critical of Y", "are angry about Y": what the feeling is about is what they hold
    art = run(nlp, "The farmers' union was critical of the new land tax.")
    st = by_cue(art, "critical")
    assert st.content.text == "the new land tax" and st.speaker.text == "The farmers' union"
    art = run(nlp, "Residents are angry about the closure of the clinic.")
    assert by_cue(art, "angry").content.text == "the closure of the clinic"
    # a stranded preposition: what the feeling is about stands before it, as a relative word
    art = run(nlp, "The tax is the one thing that the farmers are angry about.")
    assert not [st for st in art.statements if st.content.text == "that"]


def test_any_verb_in_a_tag_after_a_quotation_says_it(nlp):
    # a tag right after a quotation that ends in '!', '?' or a comma: its verb says the quotation, in the lexicon or not
    st = by_cue(run(nlp, "“We will never sell the farm!” Mensah laughed."), "laughed")
    assert st.content.text == "“We will never sell the farm!”" and st.speaker.text == "Mensah"
    # "reacted the mayor": the parser takes the inverted subject for an object
    st = by_cue(run(nlp, "“Is that a promise or a threat?” reacted the mayor."), "reacted")
    assert st.content.text == "“Is that a promise or a threat?”" and st.speaker.text == "the mayor"


def test_quotation_before_a_tag_that_tells_someone(nlp):
    # '“...!” he told the crowd': the one told closes the tag; the quotation is what was told
    st = by_cue(run(nlp, "“Get your boots on because we have a river to cross!” he told the cheering crowd."), "told")
    assert st.content.text == "“Get your boots on because we have a river to cross!”" and st.speaker.text == "he"
