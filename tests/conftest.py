"""Fixtures shared by the stage tests."""
import pytest

from chronicle.parse import load_pipeline
from chronicle.settings import Settings


@pytest.fixture(scope="session")
def nlp():
    """The configured spaCy pipeline, loaded once for the whole test run."""
    return load_pipeline(Settings().model)
