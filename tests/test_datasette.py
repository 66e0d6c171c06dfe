"""Datasette (optional extra): its metadata file labels every table and column of the store,
and Datasette serves a store with those labels."""
from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from chronicle.store import open_store
from test_store import kidal_article

yaml = pytest.importorskip("yaml")
METADATA = Path(__file__).resolve().parents[1] / "datasette.yaml"
HIDDEN = ("articles_fts",)  # the full-text index and its shadow tables


def store_tables(path: str) -> dict[str, set[str]]:
    con = sqlite3.connect(path)
    names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
             if not r[0].startswith(HIDDEN) and not r[0].startswith("sqlite_")]
    return {n: {r[1] for r in con.execute(f"PRAGMA table_info({n})")} for n in names}


def test_metadata_labels_every_table_and_column(tmp_path):
    path = str(tmp_path / "chronicle.db")
    open_store(path).close()
    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    for db in ("chronicle", "demo"):
        tables = meta["databases"][db]["tables"]
        for table, columns in store_tables(path).items():
            assert table in tables, f"{table} has no description"
            described = set(tables[table]["columns"])
            assert columns - {"id"} <= described | {"id"}, (table, columns - described)
            assert described <= columns, (table, described - columns)


def test_datasette_serves_the_store_with_its_labels(tmp_path):
    datasette_app = pytest.importorskip("datasette.app")
    path = str(tmp_path / "chronicle.db")
    with open_store(path) as s:
        s.add([kidal_article()])
    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    ds = datasette_app.Datasette([path], metadata=meta)

    async def ask():
        rows = await ds.client.get("/chronicle/events.json?_shape=array")
        page = await ds.client.get("/chronicle/events")
        return rows.json(), page.text
    rows, page = asyncio.run(ask())
    assert [r["id"] for r in rows] == ["1:e1"] and rows[0]["outlet"] == "example.org"
    assert "One row per event found in an article" in page
