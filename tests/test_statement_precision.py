"""Statements that are not attributions of their own, on sentences written for these tests (facts invented)."""
from statement_cases import by_cue, run


def cues_of(art):
    """Return the cue words of an article's statements."""
    return [st.cue.text for st in art.statements]


def test_saying_inside_a_plain_report_is_part_of_it(nlp):
    art = run(nlp, "The minister said that the agency had announced a delay in the vote.")
    assert by_cue(art, "said").content.text == "the agency had announced a delay in the vote"
    assert "announced" not in cues_of(art)


def test_saying_inside_what_was_told_is_part_of_it(nlp):
    art = run(nlp, "The union told reporters that the owners had admitted the pay was too low.")
    assert by_cue(art, "told").content.text == "the owners had admitted the pay was too low"
    assert "admitted" not in cues_of(art)


def test_gerund_inside_a_report_is_part_of_it(nlp):
    art = run(nlp, "Her lawyer noted that she had been fired for suggesting the budget was wrong.")
    assert by_cue(art, "noted").content.text == "she had been fired for suggesting the budget was wrong"
    assert "suggesting" not in cues_of(art)


def test_quote_split_by_the_same_speakers_tags_keeps_both(nlp):
    art = run(nlp, '"Taxes are far too high," Smith said, adding, "and the state keeps raising them."')
    assert by_cue(art, "said").content.text == '"Taxes are far too high,"'
    assert by_cue(art, "adding")


def test_saying_after_a_report_is_its_own(nlp):
    art = run(nlp, "The fire started in the kitchen, according to the report, "
                   "which said the owner had denied any fault.")
    assert by_cue(art, "said").content.text == "the owner had denied any fault"


def test_saying_inside_a_transcript_line_is_part_of_it(nlp):
    art = run(nlp, "The debate went on.\n\nSMITH: Well, the council announced that the cuts would come next week.\n\n"
                   "JONES: That is not true.")
    assert [st.speaker.text for st in art.statements] == ["SMITH", "JONES"]


def test_act_carrying_a_report_gives_way_to_it(nlp):
    art = run(nlp, "FactWatch published its verdict by announcing that the senator's claim was false.")
    assert by_cue(art, "announcing").content.text == "the senator's claim was false"
    assert "published" not in cues_of(art)


def test_refusal_holding_a_saying_is_kept(nlp):
    art = run(nlp, "The governor declined to criticize the plan or say it was a mistake.")
    assert by_cue(art, "declined").content.text == "to criticize the plan or say it was a mistake"


def test_writer_acting_on_a_thing_reports_nothing(nlp):
    art = run(nlp, "Nonetheless, I write this letter because I care about the town.")
    assert "write" not in cues_of(art)


def test_group_acting_on_a_thing_reports_nothing(nlp):
    art = run(nlp, "They cite the flood of 1998, when the levee failed.")
    assert "cite" not in cues_of(art)


def test_group_taking_a_stand_on_a_thing_is_kept(nlp):
    art = run(nlp, "The dockers' union denied any part in the strike. They also rejected the port's account of the night.")
    st = by_cue(art, "rejected")
    assert st.kind == "deny" and st.content.text.startswith("the port's account")


def test_named_speaker_acting_on_a_thing_is_kept(nlp):
    art = run(nlp, "The mayor cited the flood of 1998, when the levee failed.")
    assert by_cue(art, "cited").content.text == "the flood of 1998"


def test_they_with_a_clause_is_kept(nlp):
    art = run(nlp, "They said the bridge was closed.")
    assert by_cue(art, "said").content.text == "the bridge was closed"


def test_saying_inside_a_quotation_belongs_to_the_quotation(nlp):
    art = run(nlp, 'Her statement was clear. "Our members know that the deal is bad for them."')
    assert "know" not in cues_of(art)


def test_quoted_words_keep_their_own_tag(nlp):
    art = run(nlp, 'The union leader said: "Our members know that the deal is bad for them."')
    assert cues_of(art) == ["said"]
    assert by_cue(art, "said").content.text == '"Our members know that the deal is bad for them."'
