"""Helpers shared by the statement tests: run the statements stage on a sentence, pick by cue."""
from chronicle.statements import attribution
from chronicle.records import Article


def run(nlp, text):
    """Parse `text` and return its Article with `statements` found."""
    art = Article(id="t", text=text)
    art.doc = nlp(text)
    art.statements = attribution.find_statements(art)
    return art


def by_cue(art, cue):
    """Return the first statement of `art` cued by the words `cue`, failing the test if none is."""
    found = [st for st in art.statements if st.cue.text == cue]
    assert found, f"no statement cued by {cue!r}: {[st.cue.text for st in art.statements]}"
    return found[0]
