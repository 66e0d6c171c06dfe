"""The statements table of the mission's example, on an article written for this test in our
own words (the facts are those of the November 2021 drone attack in Baghdad): every row
with its speaker, kind and via chain, through the whole pipeline."""
import pytest

from chronicle import pipeline, settings
from chronicle.ingest import RawInput

ARTICLE = """Iraqi leader unhurt after drone attack on his Baghdad home

Iraqi Prime Minister Mustafa Al-Kadhimi escaped an attempt on his life by an armed drone early on Sunday, Nov. 7, according to the Iraqi military.

In a tweet, Al-Kadhimi told citizens he was safe and asked everyone for calm and restraint. The prime minister described the attack as a cowardly act against the country's future.

Seven of the prime minister's guards were wounded, according to Interior Ministry spokesman Saad Maan, speaking in an interview with the state broadcaster Al-Iraqiya, as CNN reported. Maan added that two drones had been launched from a site northeast of the capital and that one was shot down.

A source close to the prime minister said he had been overseeing security forces facing protesters shortly before the attack.

State Department spokesman Ned Price condemned the strike as an apparent act of terrorism. He said Washington had offered its support to the investigation.

The Arab League urged all parties to respect the results of last month's election.

Kata'ib Hezbollah rejected any role in the attack. Its spokesman, Abu Ali al-Askari, said the prime minister had played the victim.
"""


@pytest.fixture(scope="module")
def art():
    (out,) = pipeline.run([RawInput(id="example", text=ARTICLE)], settings.load())
    assert out.error is None
    return out


def row(art, cue):
    """Return (speaker name, kind, via names, content) of the statement cued by `cue`."""
    found = [st for st in art.statements if st.cue.text == cue]
    assert found, f"no statement cued by {cue!r}: {[st.cue.text for st in art.statements]}"
    st = found[0]
    return st.speaker.name if st.speaker else None, st.kind, [v.name for v in st.via], st.content.text


def test_military_claims_the_survival(art):
    name, kind, via, content = row(art, "according to")
    assert name == "Iraqi military" and kind == "claim" and "escaped an attempt on his life" in content


def test_prime_minister_speaks_through_his_tweet(art):
    name, kind, via, content = row(art, "told")
    assert name == "Mustafa Al-Kadhimi" and kind == "claim" and content.startswith("he was safe")
    assert via and "tweet" in via[0].lower()


def test_prime_minister_condemns(art):
    name, kind, _, content = row(art, "described")
    assert name == "Mustafa Al-Kadhimi" and kind == "condemn" and "cowardly" in content


def test_spokesman_reaches_the_reader_through_tv_then_cnn(art):
    st = next(st for st in art.statements if "Seven" in st.content.text)
    assert st.speaker.name == "Saad Maan" and st.kind == "claim"
    assert [v.name for v in st.via] == ["Al-Iraqiya", "CNN"]
    assert "speaking" not in st.content.text


def test_spokesman_goes_on(art):
    name, kind, _, content = row(art, "added")
    assert name == "Saad Maan" and content.startswith("two drones had been launched")


def test_anonymous_source_stays_anonymous(art):
    st = next(st for st in art.statements if "overseeing" in st.content.text)
    assert st.speaker.name == "source close to the prime minister" and st.speaker.anonymous
    assert not any(x.speaker.anonymous for x in art.statements if x.speaker and x is not st)


def test_state_department_condemns_and_offers_support(art):
    assert row(art, "condemned")[:2] == ("Ned Price", "condemn")
    st = next(st for st in art.statements if "offered its support" in st.content.text)
    assert st.speaker.name == "Ned Price" and st.kind == "support"


def test_arab_league_appeals(art):
    name, kind, _, content = row(art, "urged")
    assert name == "Arab League" and kind == "appeal" and "respect the results" in content


def test_militia_denies_and_its_named_spokesman_accuses(art):
    assert row(art, "rejected")[:2] == ("Kata'ib Hezbollah", "deny")
    st = next(st for st in art.statements if "played the victim" in st.content.text)
    assert st.speaker.name == "Abu Ali al-Askari"


def test_reactions_are_linked_to_the_attack(art):
    attack = art.events[0]
    linked = {st.cue.text for st in art.statements if st.event_id == attack.id}
    assert {"condemned", "rejected"} <= linked
