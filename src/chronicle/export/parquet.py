"""Parquet: the flat event records in a typed Arrow table (needs pyarrow: pip install 'chronicle[parquet]')."""
from __future__ import annotations

from typing import Any, BinaryIO, Iterable

from .rows import FIELDS, FLOAT_FIELDS, INT_FIELDS, LIST_FIELDS, event_record


def schema():
    """Return the Arrow schema of the event records: ints, floats, lists of text, text."""
    import pyarrow as pa

    def kind(name: str):
        if name in INT_FIELDS:
            return pa.int64()
        if name in FLOAT_FIELDS:
            return pa.float64()
        if name in LIST_FIELDS:
            return pa.list_(pa.string())
        return pa.string()
    return pa.schema([(name, kind(name)) for name in FIELDS])


def write_parquet(views: Iterable[dict[str, Any]], out: BinaryIO, batch: int = 5000) -> int:
    """Write the event views as a Parquet file to the binary stream `out`; return how many rows."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise RuntimeError("Parquet export needs pyarrow: pip install 'chronicle[parquet]'") from exc
    sch = schema()
    n = 0
    with pq.ParquetWriter(out, sch) as writer:
        rows: list[dict] = []
        for view in views:
            rows.append(event_record(view))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=sch))
                n, rows = n + len(rows), []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=sch))
            n += len(rows)
    return n
