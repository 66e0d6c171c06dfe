"""Shared by the place tests: run the places stage on one event of a sentence of our own."""
from chronicle.places import locate as places
from chronicle.records import Article, Event, Span


def locate(nlp, text: str, trigger: str):
    """Return the event after locate_events, its trigger the first `trigger` in `text`."""
    article = Article("t", text)
    article.doc = nlp(text)
    i = text.index(trigger)
    sent = next(s for s in article.doc.sents if s.start_char <= i < s.end_char)
    event = Event("e1", "ASSAULT", Span(trigger, i, i + len(trigger)),
                  sentence=Span(sent.text, sent.start_char, sent.end_char))
    places.locate_events(article, [event])
    return event


def near(place, lat, lon, km=25.0):
    """Return whether `place` lies within `km` of (lat, lon)."""
    return place is not None and places.haversine_km(place.lat, place.lon, lat, lon) <= km
