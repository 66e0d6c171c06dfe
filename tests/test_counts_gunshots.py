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
    ("Deputies said the injured teenager was carried to an ambulance.", (None, 1)),
    ("Officials said a teenager was hospitalized after the gun went off in a car.", (None, 1)),
    ("Deputies found a rifle in the barn. She is in stable condition, they said.", (None, 1)),
    # the same person told twice is one
    ("A student was shot near the gym on Friday. Police said a student was shot on the stairs.", (None, 1)),
    # a death told of the one shot: one killed, none injured
    ("A cashier was shot during the robbery. She died later at a trauma centre.", (1, None)),
    ("A 19-year-old was shot and killed outside a gym on Saturday.", (1, None)),
    ("The victim was taken to the clinic, where he was pronounced dead.", (1, None)),
    ("Okafor was pronounced dead at a county hospital.", (1, None)),
    ("A 40-year-old woman is dead after gunfire on a ferry dock.", (1, None)),
    ("A cashier was fatally shot behind the counter on Monday.", (1, None)),
    ("Prosecutors charged a man with fatally shooting his stepson.", (1, None)),
    ("The man is held in the shooting death of his 20-year-old cousin.", (1, None)),
    ("Their daughter was wounded by a ricochet.", (None, 1)),
    ("A crash on the range claimed the life of a 16-year-old on Sunday.", (1, None)),
    ("Troopers found the driver dead behind the wheel of a pickup.", (1, None)),
    # the one hurt, then "she died": the same person
    ("A jogger was hit in the neck on the path. She was flown to a trauma centre, where she died.", (1, 0)),
    # of two men shot, "he died": one killed, one injured
    ("Two men were shot on the porch. He died at the scene.", (1, 1)),
])
def test_one_person_shot(text, expected):
    assert figures(text) == expected



def test_named_death_in_a_later_paragraph_restates_the_first():
    # the named death's match starts at the full stop before the break: its paragraph is the second
    text = "A woman was killed on Elm Street on Friday.\n\nMaria Lopez, 31, died at the scene."
    assert figures(text) == (1, None)


@pytest.mark.parametrize("text,expected", [
    # the one who shot and then killed himself is among the dead
    ("A rancher fatally shot his wife before killing himself, deputies said.", (2, None)),
    ("The gunman killed two guards at the depot and then committed suicide.", (3, None)),
])
def test_shooter_who_killed_himself(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the headline and the body tell one boy who shot himself
    ("Boy shoots himself with a rifle - deputies say the boy accidentally shot himself at a cabin", (None, 1)),
    # a death is told but not counted: how many of those shot survived is unknown
    ("Two brothers were shot at the fair, and detectives opened a death investigation.", (None, None)),
])
def test_shot_told_twice_or_with_an_uncounted_death(text, expected):
    assert figures(text) == expected
