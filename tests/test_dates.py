"""Tests for chronicle.dates: absolute and relative forms, weekday checks, missing years."""
import pytest

from chronicle.normalise import dates
from chronicle.records import Article, Event, Span


@pytest.mark.parametrize("text,value", [
    ("The raid took place on 9 May 2020 near the border.", "2020-05-09"),
    ("Police said the blast happened on Nov. 7, 2021.", "2021-11-07"),
    ("Gunmen struck on November 7th, 2021, officials said.", "2021-11-07"),
    ("03/14/2013: A car bomb went off in a market.", "2013-03-14"),
    ("The log entry is dated 2021-11-07.", "2021-11-07"),
    ("On 1st May 2020, workers marched downtown.", "2020-05-01"),
    ("On 29 April, 2020, a crowd gathered outside the prison.", "2020-04-29"),
    ("It happened on the 3rd of June 2019.", "2019-06-03"),
    ("Sept. 11, 2001 changed the city.", "2001-09-11"),
])
def test_absolute_day_forms(text, value):
    assert dates.parse_date(text) == (value, "day")


def test_month_and_year_precision():
    assert dates.parse_date("Fighting flared again in May 2020 in the north.") == ("2020-05", "month")
    assert dates.parse_date("The group was founded in 2004.") == ("2004", "year")


def test_gtd_unknown_day_is_month_precision():
    assert dates.parse_date("07/00/2014: Sometime that month a reporter was seized.") == ("2014-07", "month")


def test_day_first_slash_when_month_impossible():
    assert dates.parse_date("Filed 25/12/2019 by the clerk.") == ("2019-12-25", "day")


@pytest.mark.parametrize("text,value,precision", [
    ("Rebels shelled the town on Sunday.", "2021-11-07", "day"),
    ("Rebels shelled the town on Monday night.", "2021-11-08", "day"),
    ("Rebels shelled the town yesterday.", "2021-11-08", "day"),
    ("Rebels shelled the town last night.", "2021-11-08", "day"),
    ("Rebels shelled the town today.", "2021-11-09", "day"),
    ("Rebels shelled the town last week.", "2021-11-01", "week"),
    ("Rebels shelled the town earlier this month.", "2021-11", "month"),
    ("Rebels shelled the town last month.", "2021-10", "month"),
    ("Rebels shelled the town three days ago.", "2021-11-06", "day"),
])
def test_relative_forms_against_publication(text, value, precision):
    # 9 November 2021 was a Tuesday
    assert dates.parse_date(text, anchor="2021-11-09") == (value, precision)


def test_relative_forms_need_an_anchor():
    assert dates.parse_date("Rebels shelled the town on Sunday.") is None
    assert dates.parse_date("Rebels shelled the town yesterday.") is None


def test_missing_year_taken_from_anchor_or_hint():
    assert dates.parse_date("Troops arrived on March 3.", anchor="2019-03-05") == ("2019-03-03", "day")
    # a late-December date in an early-January report belongs to the previous year
    assert dates.parse_date("Troops arrived on Dec. 30.", anchor="2020-01-02") == ("2019-12-30", "day")
    assert dates.parse_date("Troops arrived on 4 May.", year_hint=2018) == ("2018-05-04", "day")
    assert dates.parse_date("Troops arrived on 4 May.") is None


def test_weekday_must_agree_with_the_date():
    assert dates.parse_date("It began on Sunday, Nov. 7, 2021.") == ("2021-11-07", "day")
    assert dates.parse_date("It began on Monday, Nov. 7, 2021.") is None
    # with no year written, the weekday picks the year next to the hint
    assert dates.parse_date("It began on Sunday, Nov. 7.", year_hint=2022) == ("2021-11-07", "day")


@pytest.mark.parametrize("text", [
    "The convoy may 2 times have been hit.",
    "Five people were hurt when the wall fell.",
    "A 25-year-old man was arrested.",
    "Protesters march every week in the capital.",
])
def test_no_date(text):
    assert dates.parse_date(text, anchor="2021-11-09") is None


def _article(text, published=None, captions=()):
    art = Article(id="t", text=text, published=published, captions=list(captions))
    return art


def _event(text, trigger_word, sentence_end=None):
    s = text.index(trigger_word)
    end = sentence_end if sentence_end is not None else len(text)
    return Event(id="e1", type="ASSAULT", trigger=Span(trigger_word, s, s + len(trigger_word)),
                 sentence=Span(text[:end], 0, end))


def test_event_takes_caption_year_and_checks_weekday():
    text = "Officials said that on Sunday, Nov. 7, a drone struck the minister's house."
    art = _article(text, captions=["The minister at his desk on Nov. 7, 2021 (file photo)"])
    ev = _event(text, "struck")
    dates.date_events(art, [ev])
    assert (ev.date.value, ev.date.precision) == ("2021-11-07", "day")
    assert text[ev.date.start:ev.date.end] == ev.date.text


def test_event_falls_back_to_lead_date():
    text = "On 3 May 2020, soldiers raided a village. Two people died in the raid."
    art = _article(text)
    second = text.index("Two")
    ev = Event(id="e1", type="ASSAULT", trigger=Span("died", text.index("died"), text.index("died") + 4),
               sentence=Span(text[second:], second, len(text)))
    dates.date_events(art, [ev])
    assert ev.date.value == "2020-05-03"


def test_event_prefers_its_own_sentence_date():
    text = "On 3 May 2020, soldiers raided a village. On 5 May 2020, rebels shelled the base."
    art = _article(text)
    second = text.index("On 5")
    ev = Event(id="e2", type="ASSAULT", trigger=Span("shelled", text.index("shelled"), text.index("shelled") + 7),
               sentence=Span(text[second:], second, len(text)))
    main = _event(text, "raided", second - 1)
    dates.date_events(art, [main, ev])
    assert main.date.value == "2020-05-03"
    assert ev.date.value == "2020-05-05"


def test_no_date_in_text_leaves_event_undated():
    text = "Soldiers raided a village and detained four men."
    art = _article(text)
    ev = _event(text, "raided")
    dates.date_events(art, [ev])
    assert ev.date is None


def test_month_abbreviation_inside_a_word_is_no_date():
    assert dates.parse_date("Residents of Juliaca and Novi Sad marched in Marmara.") is None
    assert dates.parse_date("Police destroyed 12 marijuana plants.") is None


def test_opening_date_dates_the_main_event():
    text = ("On 2 May 2020, the governor closed the border crossings and set a curfew "
            "from the night of 2 and 3 May 2020.")
    art = _article(text)
    ev = _event(text, "curfew")
    dates.date_events(art, [ev])
    assert ev.date.value == "2020-05-02"


def test_dateline_anchors_relative_dates_instead_of_dating_the_event():
    text = "KIRKUK, Nov. 8, 2021 (Wire) - Gunmen attacked a checkpoint on Sunday, police said."
    art = _article(text)
    ev = _event(text, "attacked")
    dates.date_events(art, [ev])
    assert (ev.date.value, ev.date.text) == ("2021-11-07", "on Sunday")


def test_weekday_span_has_no_leading_space():
    found = [d for d in dates.find_dates("Police said Sunday morning that rebels fled.", anchor="2021-11-09") if d.value]
    assert [("Police said Sunday morning that rebels fled."[d.start:d.end], d.value) for d in found] == [
        ("Sunday morning", "2021-11-07")]


@pytest.mark.parametrize("text,value", [
    ("Posted 2020-05-09T10:00 by the desk.", ("2020-05-09", "day")),
    ("Clashes on May 9-10, 2020 left three dead.", ("2020-05-09", "day")),
    ("Clashes on 9-10 May 2020 left three dead.", ("2020-05-09", "day")),
])
def test_timestamps_and_ranges(text, value):
    assert dates.parse_date(text, anchor="2021-11-09") == value


@pytest.mark.parametrize("text,title,value", [
    # 12 Mar 2024 was a Tuesday: "on Monday" is the day before the dateline
    ("Gunmen storm a police post in northern Kano and free dozens of detainees\n\nKANO, March 12, 2024 - "
     "Gunmen stormed a police post on Monday and freed several detainees, a spokesman said.",
     "Gunmen storm a police post in northern Kano and free dozens of detainees", "2024-03-11"),
    # 3 Jun 2019 was a Monday: "on Saturday" is two days before
    ("Protest by unpaid dock workers at the port of Mombasa turns violent\n\nMOMBASA, June 3, 2019 - "
     "Dock workers clashed with police on Saturday over unpaid wages.",
     "Protest by unpaid dock workers at the port of Mombasa turns violent", "2019-06-01"),
])
def test_dateline_below_a_headline_anchors_the_weekday(text, title, value):
    art = Article(id="t", text=text, title=title)
    ev = _event(text, "stormed" if "stormed" in text else "clashed")
    dates.date_events(art, [ev])
    assert ev.date.value == value and ev.date.text.startswith("on ")


def test_date_far_into_a_long_first_line_is_no_opening():
    # no headline: a date 60+ characters into the sentence is not an opening dateline
    text = ("Officials in the northern district said gunmen who fled into the hills had returned "
            "on May 3, 2022 - and attacked a school on Monday.")
    art = Article(id="t", text=text)
    ev = _event(text, "attacked")
    dates.date_events(art, [ev])
    assert ev.date.value == "2022-05-03"


@pytest.mark.parametrize("stamp", ["Posted: Thursday, March 4, 2021 9:10 AM EST", "Updated on March 4, 2021",
                                   "Last updated: 4 March 2021"])
def test_a_page_stamp_does_not_date_the_event(stamp):
    text = (f"Clerk wounded at corner store {stamp}\n\nA clerk was wounded when a man fired "
            "into the store. The shooting happened Tuesday night, deputies said.")
    art = _article(text, published="2021-03-04")
    ev = _event(text, "fired", text.index(" The shooting"))
    dates.date_events(art, [ev])
    assert (ev.date.value, ev.date.text) == ("2021-03-02", "Tuesday night")


def test_a_date_after_other_words_still_dates_the_event():
    text = "Clerk wounded at corner store\n\nA clerk was wounded on March 2, 2021, when a man fired into the store."
    art = _article(text, published="2021-03-04")
    ev = _event(text, "fired")
    dates.date_events(art, [ev])
    assert ev.date.value == "2021-03-02"


def _parsed(nlp, text, published, trigger_word):
    art = Article(id="t", text=text, published=published)
    art.doc = nlp(text)
    s = text.index(trigger_word)
    sent = next(x for x in art.doc.sents if x.start_char <= s < x.end_char)
    ev = Event(id="e1", type="ASSAULT", trigger=Span(trigger_word, s, s + len(trigger_word)),
               sentence=Span(sent.text, sent.start_char, sent.end_char))
    dates.date_events(art, [ev])
    return ev


def test_opening_date_of_a_denial_does_not_date_the_attack_it_denies(nlp):
    # 5 May 2021 was a Wednesday; the attack was on the Monday before
    ev = _parsed(nlp, "The rebels on Wednesday denied carrying out Monday's attack on a village "
                      "school in the hills.", "2021-05-07", "attack")
    assert (ev.date.value, ev.date.text) == ("2021-05-03", "Monday")


def test_opening_date_still_dates_an_event_of_its_own_clause(nlp):
    ev = _parsed(nlp, "The rebels on Wednesday attacked a village school in the hills, "
                      "a week after Monday's raid.", "2021-05-07", "attacked")
    assert ev.date.value == "2021-05-05"


def test_possessive_date_dates_only_the_noun_it_qualifies(nlp):
    ev = _parsed(nlp, "The party filed an appeal against last month's election with the "
                      "constitutional court.", "2021-05-07", "appeal")
    assert ev.date is None
    ev = _parsed(nlp, "The party appealed to the court on Thursday to annul last month's vote.",
                 "2021-05-07", "appealed")
    assert ev.date.value == "2021-05-06"


def test_possessive_date_dates_its_own_noun(nlp):
    ev = _parsed(nlp, "Sunday's bombing killed five traders at a cattle market, officials said "
                      "on Tuesday.", "2021-05-07", "bombing")
    assert ev.date.value == "2021-05-02"
