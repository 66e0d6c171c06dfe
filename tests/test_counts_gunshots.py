"""Tests for chronicle.normalise.gunshots: one person shot or dead, said with no number."""
import pytest

from chronicle.normalise import counts


def figures(text):
    """Return (killed, injured) values of a text read as one event."""
    k, i = counts.count_text(text)
    return (k.value if k else None, i.value if i else None)


@pytest.mark.parametrize("text,expected", [
    # one person shot, no death told: one injured
    ("A delivery driver was shot on Elm Street late Friday, officers said.", (None, 1)),
    ("Deputies said a 12-year-old was accidentally shot by a cousin at a cabin.", (None, 1)),
    ("An 8-year-old boy shot himself in the foot with a pistol he found in a drawer.", (None, 1)),
    ("The farmer accidentally shot his nephew while the two were hunting ducks.", (None, 1)),
    ("Officers found a man suffering from a gunshot wound outside the bakery.", (None, 1)),
    ("A hunter shot his brother and then shot himself in the hand, the warden said.", (None, 2)),
    ("Her niece was grazed by a stray bullet as she sat on the stoop.", (None, 1)),
    ("The toddler was struck by a bullet that came through the wall.", (None, 1)),
    ("A neighbour is recovering after he was hit in a hallway, officers said.", (None, 1)),
    ("A man was charged with shooting a 15-year-old girl at a bus stop.", (None, 1)),
    # the same person told twice is one
    ("A student was shot near the gym on Friday. Police said a student was shot on the stairs.", (None, 1)),
    # a death told of the one shot: one killed, none injured
    ("A cashier was shot during the robbery. She died later at a trauma centre.", (1, None)),
    ("A 19-year-old was shot and killed outside a gym on Saturday.", (1, None)),
    ("The victim was taken to the clinic, where he was pronounced dead.", (1, None)),
    # of two men shot, "he died": one killed, one injured
    ("Two men were shot on the porch. He died at the scene.", (1, 1)),
])
def test_one_person_shot(text, expected):
    assert figures(text) == expected

