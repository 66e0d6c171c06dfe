"""Statements cued by word classes derived from WordNet (data/word_classes.json), on sentences written for these tests (facts invented)."""
from chronicle.statements.cuewords import verb_class, word_classes
from statement_cases import by_cue, run


def test_word_classes_hold_verbs_of_communication_and_not_of_motion():
    assert verb_class("rebuff", "communication") and verb_class("praise", "communication")
    assert not verb_class("deliver", "communication") and not verb_class("walk", "communication")
    assert "poll" in word_classes()["nouns"]["cognition"] | word_classes()["nouns"]["communication"]


def test_verb_of_communication_outside_the_lexicon_reports_its_object(nlp):
    art = run(nlp, "The fisheries minister rebuffed the pressure from the shipping lines.")
    st = by_cue(art, "rebuffed")
    assert st.content.text == "the pressure from the shipping lines"
    assert st.speaker is not None and "minister" in st.speaker.text


def test_verb_of_communication_needs_someone_as_subject(nlp):
    art = run(nlp, "The new rule forbids fishing in the bay.")
    assert not [st for st in art.statements if st.cue.text == "forbids"]


def test_verb_outside_the_class_reports_nothing(nlp):
    art = run(nlp, "The mayor delivered the keys to the new owners.")
    assert not [st for st in art.statements if st.cue.text == "delivered"]


def test_naming_verb_without_the_name_is_a_verb_of_communication(nlp):
    art = run(nlp, "The governor called early elections for the spring.")
    st = by_cue(art, "called")
    assert st.content.text.startswith("early elections")


def test_infinitive_hung_on_the_cue_stays_with_the_content(nlp):
    art = run(nlp, "The envoy praised the efforts of the aid agencies to reopen the border crossing.")
    st = by_cue(art, "praised")
    assert st.content.text == "the efforts of the aid agencies to reopen the border crossing"
