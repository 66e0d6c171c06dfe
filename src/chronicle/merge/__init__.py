"""Merge: events from many articles in, `Incident`s out: one per real-world event, with every report's
figures and their disagreements kept."""
from .incidents import merge, same_incident

__all__ = ["merge", "same_incident"]
