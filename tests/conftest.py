"""Fixtures shared by the stage tests."""
import pytest

from chronicle import events
from chronicle.parse import load_pipeline
from chronicle.records import Article
from chronicle.settings import Settings


@pytest.fixture(scope="session")
def nlp():
    """The configured spaCy pipeline, loaded once for the whole test run."""
    return load_pipeline(Settings().model)


@pytest.fixture
def run(nlp):
    """Find and code the events of one text written for a test (the event stage alone)."""
    def _run(text, published="2021-03-01"):
        art = Article(id="t", text=text, published=published)
        art.doc = nlp(text)
        found = events.find_events(art)
        events.code_events(art, found)
        return found
    return _run
