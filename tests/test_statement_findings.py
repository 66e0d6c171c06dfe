"""Statements found by the rules of issue 14 (results in a poll, ...), on sentences written for these tests (facts invented)."""
from statement_cases import by_cue, run


def _in_poll(art) -> list[str]:
    return [st.content.text for st in art.statements if st.cue.text == "in"]


def test_result_in_one_poll_is_the_polls_statement(nlp):
    art = run(nlp, "The mayor held a ten-point lead over her rival among older voters in a local radio poll.")
    st = by_cue(art, "in")
    assert st.content.text == "The mayor held a ten-point lead over her rival among older voters"
    assert st.speaker is not None and "radio poll" in st.speaker.text


def test_standing_in_the_polls_is_no_statement(nlp):
    art = run(nlp, "The senator rose in the polls after the debate. The mayor held a six-point lead in a radio poll.")
    assert _in_poll(art) == ["The mayor held a six-point lead"]


def test_figure_of_a_change_between_polls_is_no_statement(nlp):
    art = run(nlp, "Her approval has declined from 58 percent in the last poll to 55 percent now. "
                   "The mayor held a six-point lead in a radio poll.")
    assert _in_poll(art) == ["The mayor held a six-point lead"]


def test_saying_in_a_poll_is_cued_by_the_verb(nlp):
    art = run(nlp, "Some 30 percent of voters in the harbour survey said the bridge should close. "
                   "The mayor held a six-point lead in a radio poll.")
    assert _in_poll(art) == ["The mayor held a six-point lead"]
    assert by_cue(art, "said").content.text == "the bridge should close"


def test_quoted_paragraphs_after_a_tag_go_on_with_the_quote(nlp):
    text = ("“The harbour is a real worry,” the mayor said.\n\n"
            "“We will rebuild the sea wall before the winter storms.”\n\n"
            "“The ferry will run again in May,” the harbour master added.\n\n"
            "The council meets on Monday.")
    art = run(nlp, text)
    said = by_cue(art, "said")
    assert said.content.text.startswith("“The harbour is a real worry,”")
    assert said.content.text.endswith("before the winter storms.”")
    assert by_cue(art, "added").content.text == "“The ferry will run again in May,”"


def test_listing_is_saying(nlp):
    art = run(nlp, "The mayor listed three reasons for the delay.")
    assert by_cue(art, "listed").content.text == "three reasons for the delay"


def test_according_to_carrying_a_said_is_the_one_report(nlp):
    art = run(nlp, "“We will rebuild the sea wall before the storms,” the mayor said, according to a local radio station.")
    assert [st.cue.text for st in art.statements] == ["according to"]
    st = art.statements[0]
    assert st.content.text == "“We will rebuild the sea wall before the storms,” the mayor said"
    assert st.speaker is not None and "radio station" in st.speaker.text


def test_keeping_a_lead_or_advising_a_client_is_no_saying(nlp):
    art = run(nlp, "The senator maintained a wide lead over her rival. The firm advised the ministry on the sale of the port. "
                   "She maintained that the vote was fair.")
    assert [st.content.text for st in art.statements if st.cue.text in ("maintained", "advised")] == ["the vote was fair"]


def test_a_preposition_before_the_verb_is_no_particle_of_it(nlp):
    art = run(nlp, "On Twitter, the governor called the mayor “reckless.”")
    assert by_cue(art, "called").content.text.startswith("the mayor “reckless")


def test_a_dash_line_after_a_quoted_paragraph_signs_it(nlp):
    art = run(nlp, "The debate went on for hours.\n\n\"We will rebuild the harbour wall before the winter storms come.\"\n\n"
                   "- Jane Hollis.\n\n\"Lower fares.\"\n\n- cheaper tickets for all.")
    st = by_cue(art, "-")
    assert st.content.text == "\"We will rebuild the harbour wall before the winter storms come.\""
    assert st.speaker is not None and st.speaker.text == "Jane Hollis"
    assert [s.cue.text for s in art.statements].count("-") == 1


def test_taking_issue_or_a_swipe_says_what_it_is_at(nlp):
    art = run(nlp, "The senator took issue with the new ferry timetable. The mayor took a swipe at the ferry company.")
    assert [st.content.text for st in art.statements if st.cue.text == "took"] == [
        "the new ferry timetable", "the ferry company"]


def test_making_it_clear_states_the_clause(nlp):
    art = run(nlp, "The senator made it clear that she has serious doubts about the ferry plan. The mayor made the rules clear.")
    assert [st.content.text for st in art.statements if st.cue.text == "made"] == [
        "she has serious doubts about the ferry plan"]


def test_noun_of_saying_under_a_preposition_is_the_verbs_subjects(nlp):
    art = run(nlp, "The mayor stirred anger with an assertion that the ferry was unsafe.")
    st = by_cue(art, "assertion")
    assert st.content.text == "the ferry was unsafe"
    assert st.speaker is not None and st.speaker.text == "The mayor"


def test_a_that_clause_of_a_participle_opening_the_sentence_stops_before_the_main_clause(nlp):
    art = run(nlp, "Noting that the ferry had been late every day, the mayor reminded voters of the harbour plan.")
    assert by_cue(art, "Noting").content.text == "the ferry had been late every day"
