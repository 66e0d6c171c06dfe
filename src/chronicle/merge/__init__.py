"""Merge: articles' events in, incidents out. Each new article's reports join an incident or start
one (`Merger`); the merged record keeps every report's value, the chosen one and the rule that chose
it (`record`)."""
from .incidents import Decision, MemoryState, Merger, State, incident_id, merge_articles
from .reports import Report, article_key, reports_of

__all__ = ["Decision", "MemoryState", "Merger", "State", "incident_id", "merge_articles",
           "Report", "article_key", "reports_of"]
