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
