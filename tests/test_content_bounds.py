"""Content boundaries of statements, on sentences written for these tests (facts invented)."""
from chronicle.statements import contents
from chronicle.statements import quotes
from statement_cases import by_cue, run


def test_appositive_inside_the_content_is_kept(nlp):
    art = run(nlp, "The county offers a second kind of support, free tutoring, to families who move here.")
    st = by_cue(art, "offers")
    assert st.content.text == "a second kind of support, free tutoring, to families who move here"


def test_appositive_naming_the_one_accused_is_kept(nlp):
    art = run(nlp, "The minister accused the rebel commander, Ivo Marek, of ordering the raid.")
    st = by_cue(art, "accused")
    assert st.content.text.endswith("of ordering the raid")


def test_appositive_closing_the_content_is_still_cut(nlp):
    art = run(nlp, "The senator praised the new budget, the first balanced one in a decade.")
    st = by_cue(art, "praised")
    assert st.content.text == "the new budget"


def test_noun_conjunct_hung_above_the_object_joins_it(nlp):
    art = run(nlp, "She began by stressing fairness at work, and a plan to raise the pay of nurses.")
    st = by_cue(art, "stressing")
    assert st.content.text == "fairness at work, and a plan to raise the pay of nurses"


def test_noun_conjunct_after_a_topic_joins_it(nlp):
    art = run(nlp, "The report will have more to say on these budgets, and perhaps others.")
    st = by_cue(art, "say")
    assert st.content.text == "these budgets, and perhaps others"


def test_clause_conjunct_with_its_own_subject_stays_out(nlp):
    art = run(nlp, "The mayor praised the new bridge, and the crowd cheered loudly.")
    st = by_cue(art, "praised")
    assert st.content.text == "the new bridge"


def test_bare_verb_conjunct_shares_the_infinitive(nlp):
    art = run(nlp, "The governor has backed the treaty, promising to match and in some years exceed its targets without new taxes.")
    st = by_cue(art, "promising")
    assert st.content.text == "to match and in some years exceed its targets without new taxes"


def test_tensed_verb_conjunct_is_a_second_act(nlp):
    art = run(nlp, "She promised lower taxes and left the hall.")
    st = by_cue(art, "promised")
    assert st.content.text == "lower taxes"


def test_instances_after_including_join_the_content(nlp):
    art = run(nlp, "And he railed against the corrupting influence of big donors, including the one backing his rival that gave more than $50 million.")
    st = by_cue(art, "railed against")
    assert st.content.text == "the corrupting influence of big donors, including the one backing his rival that gave more than $50 million"


def test_mid_sentence_tag_before_a_gerund_subject(nlp):
    art = run(nlp, "Though the first vote went smoothly, she said, holding a second one would be far harder.")
    st = by_cue(art, "said")
    assert st.content.text == "Though the first vote went smoothly, she said, holding a second one would be far harder"


def test_mid_sentence_tag_before_including(nlp):
    art = run(nlp, "The new plan is unclear about who would pay, economists say, including a clause that could exempt large firms.")
    st = by_cue(art, "say")
    assert st.content.text.endswith("including a clause that could exempt large firms")


def test_mid_sentence_tag_before_a_participle_aside(nlp):
    art = run(nlp, "The new plan is unclear about who would pay, economists say, adding that it could change.")
    st = by_cue(art, "say")
    assert st.content.text == "The new plan is unclear about who would pay"


def test_the_one_called_on_is_part_of_the_call(nlp):
    art = run(nlp, "The senator called on fellow Republicans to reject the plan.")
    st = by_cue(art, "called on")
    assert st.content.text == "fellow Republicans to reject the plan"


def test_when_it_comes_to_narrows_the_content(nlp):
    art = run(nlp, "The governor is casting herself as a friend of farmers when it comes to cutting the fuel tax, but few believe her.")
    st = by_cue(art, "casting")
    assert st.content.text == "herself as a friend of farmers when it comes to cutting the fuel tax"


def test_aside_inside_the_subject_is_crossed(nlp):
    art = run(nlp, "A chart from the ministry shows what the new tram, built in Poland, in the west of the country, would cost if the tax were raised.")
    st = by_cue(art, "shows")
    assert st.content.text == "what the new tram, built in Poland, in the west of the country, would cost if the tax were raised"


def test_participle_commenting_on_a_that_clause_is_cut(nlp):
    art = run(nlp, "Dashcam footage shows that the driver had stopped at the light, contradicting the earlier police account.")
    st = by_cue(art, "shows")
    assert st.content.text == "the driver had stopped at the light"


def test_concession_after_a_that_clause_is_cut(nlp):
    art = run(nlp, "He claimed that cutting the tax was wise, although he again declined to say how it would be paid for.")
    st = by_cue(art, "claimed")
    assert st.content.text == "cutting the tax was wise"


def test_relative_clause_in_a_that_clause_is_kept(nlp):
    art = run(nlp, "She said that the museum would not cure the city's divisions, which still flare up every summer.")
    st = by_cue(art, "said")
    assert st.content.text == "the museum would not cure the city's divisions, which still flare up every summer"


def test_concession_after_a_mid_sentence_tag_is_cut(nlp):
    art = run(nlp, "The new dam, the ministry said, was the largest yet, although it may take years to fill.")
    st = by_cue(art, "said")
    assert st.content.text == "The new dam, the ministry said, was the largest yet"


def test_while_with_a_participle_stays_in_the_content(nlp):
    art = run(nlp, "He has found a way, he said, for farms to keep growing rice, while cutting their water use.")
    st = by_cue(art, "said")
    assert st.content.text.endswith("while cutting their water use")


def test_inner_quote_in_an_unclosed_excerpt_is_found():
    text = '"The crowd rose as he walked in, chanting “Four more years!” again and again.\n\n"Then the band played.'
    start = text.index("“")
    assert (start, text.index("”") + 1) in quotes.quote_spans(text)


def test_verb_under_as_with_its_own_object_says_that_object(nlp):
    art = run(nlp, "Her guest, a veteran activist, was visibly moved as she called for the repeal of the new tax.")
    st = by_cue(art, "called for")
    assert st.content.text == "the repeal of the new tax"


def test_as_the_station_reported_still_reports_the_sentence(nlp):
    art = run(nlp, "The vote was delayed, as the station reported.")
    st = by_cue(art, "reported")
    assert st.content.text == "The vote was delayed"


def test_subject_the_parser_made_the_object_joins_the_clause(nlp):
    art = run(nlp, "Diaz largely agreed with Moreno and seemed to think the outreach to older voters was somewhat hollow.")
    st = by_cue(art, "think")
    assert st.content.text == "the outreach to older voters was somewhat hollow"


def test_the_one_told_stays_out_of_the_clause(nlp):
    art = run(nlp, "She told the crowd the vote was rigged.")
    st = by_cue(art, "told")
    assert st.content.text == "the vote was rigged"


def test_relative_clause_split_by_its_tag(nlp):
    art = run(nlp, "The square is next to the old market, which, Ortiz said, is usually packed with stalls on Sundays.")
    st = by_cue(art, "said")
    assert st.content.text == "is usually packed with stalls on Sundays"  # never its own tag


def test_participle_the_parser_hung_on_the_verb_joins_the_object(nlp):
    from spacy.tokens import Doc
    words = ["They", "disclosed", "the", "picture", "of", "her", "husband", "making", "millions", "."]
    heads = [1, 1, 3, 1, 3, 6, 4, 1, 7, 1]  # "making" hung on the verb, as the parser sometimes does
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "poss", "pobj", "advcl", "dobj", "punct"]
    tags = ["PRP", "VBD", "DT", "NN", "IN", "PRP$", "NN", "VBG", "NNS", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    obj = [t for t in doc if 2 <= t.i <= 6]
    assert [t.text for t in contents.hung_above(obj)] == ["making", "millions"]


def test_recipient_of_an_offer_is_part_of_it(nlp):
    art = run(nlp, "The state also offers grants to parents, too.")
    st = by_cue(art, "offers")
    assert st.content.text == "grants to parents"


def test_coordinated_clause_with_its_own_verb_of_saying_ends_the_content(nlp):
    art = run(nlp, "There is a wide gap between what the mayor says his budget would do and how analysts say it would work.")
    st = by_cue(art, "says")
    assert st.content.text == "his budget would do"


def test_as_clause_after_a_tag_is_when_it_was_said(nlp):
    art = run(nlp, "The new levy is an insult to every farmer, local leaders said Monday, as they gathered outside the town hall.")
    st = by_cue(art, "said")
    assert st.content.text == "The new levy is an insult to every farmer"


def test_as_long_as_after_a_tag_is_still_content(nlp):
    art = run(nlp, "The new levy is fair, she said, as long as it is temporary.")
    st = by_cue(art, "said")
    assert st.content.text == "The new levy is fair, she said, as long as it is temporary"


def test_question_about_a_claim_takes_the_claim_with_its_clause(nlp):
    art = run(nlp, "Asked about the governor's declaration that the strike was over, the union said nothing.")
    st = by_cue(art, "Asked")
    assert st.content.text == "the governor's declaration that the strike was over"


def test_concession_after_a_comma_ends_the_content(nlp):
    from spacy.tokens import Doc
    words = ["whether", "the", "video", "should", "be", "released", ",", "even", "as", "copies", "spread", "online"]
    heads = [5, 2, 5, 5, 5, 5, 5, 10, 10, 10, 5, 10]  # the concession hung inside the clause
    deps = ["mark", "det", "nsubjpass", "aux", "auxpass", "ROOT", "punct", "advmod", "mark", "nsubj", "advcl", "advmod"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    kept = contents.cut_tail(list(doc), [])
    assert " ".join(t.text for t in kept) == "whether the video should be released"


def test_as_phrase_after_a_phrasal_cue_is_what_it_is_called(nlp):
    art = run(nlp, "The station aired a rival's speech, which the network pointed to as proof of its fairness.")
    st = by_cue(art, "pointed to")
    assert st.content.text == "as proof of its fairness"


def test_the_one_urged_to_act_is_part_of_the_appeal(nlp):
    art = run(nlp, "The senator urged Congress to leave the program intact.")
    st = by_cue(art, "urged")
    assert st.content.text == "Congress to leave the program intact"


def test_the_one_asked_keeps_an_appositive_before_the_infinitive(nlp):
    art = run(nlp, "The campaign has asked the city's police chief, the man in charge of the parade, to review the route.")
    st = by_cue(art, "asked")
    assert st.content.text == "the city's police chief, the man in charge of the parade, to review the route"


def test_the_one_told_a_clause_stays_out(nlp):
    art = run(nlp, "She told reporters that the plan was dead.")
    st = by_cue(art, "told")
    assert st.content.text == "the plan was dead"


def test_where_clause_on_the_place_spoken_of_goes_on(nlp):
    art = run(nlp, "Aid groups called for an inquiry into the shelling of the port town, where rebels have held out for months.")
    st = by_cue(art, "called for")
    assert st.content.text == "an inquiry into the shelling of the port town, where rebels have held out for months"


def test_where_clause_after_a_topic_goes_on(nlp):
    art = run(nlp, "The governor warned of shortages in the northern valleys, where the harvest failed twice.")
    st = by_cue(art, "warned")
    assert st.content.text == "shortages in the northern valleys, where the harvest failed twice"


def test_which_clause_after_the_object_is_still_cut(nlp):
    art = run(nlp, "The mayor praised the new bridge, which opened in May.")
    st = by_cue(art, "praised")
    assert st.content.text == "the new bridge"
