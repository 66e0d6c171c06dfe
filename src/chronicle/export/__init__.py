"""Export: a store and a filter in, files out (CSV, JSONL, GeoJSON) for analysts' tools."""
from .formats import export

__all__ = ["export"]
