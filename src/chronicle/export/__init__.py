"""Export: a store and a filter in, files out (ACLED-layout CSV, JSON, JSONL, PLOVER, GeoJSON,
Parquet, contract records; statements as CSV) for analysts' tools."""
from .formats import BINARY, FORMATS, MEDIA, export
from .statements import write_statements_csv

__all__ = ["BINARY", "FORMATS", "MEDIA", "export", "write_statements_csv"]
