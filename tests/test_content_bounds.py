"""Content boundaries of statements, on sentences written for these tests (facts invented)."""
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
