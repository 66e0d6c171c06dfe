"""Events: a parsed `Article` in, its `Event`s out: found (trigger lexicon, sense checks), with their
arguments (who did it, to whom, with what), their type, mode and status, and their ACLED and GTD codes."""
from .arguments import fill_arguments
from .detect import find_events
from .salience import code_events

__all__ = ["find_events", "fill_arguments", "code_events"]
