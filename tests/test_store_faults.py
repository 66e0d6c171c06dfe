"""The store under hostile input: every input id once (repeats recorded as duplicates under
their own id), values no engine can take never reach it, older stores upgraded on open."""
from __future__ import annotations

import pytest

from chronicle import errors
from chronicle.ingest import RawInput
from chronicle.records import Article
from chronicle.settings import Settings
from chronicle.store import EventFilter, StatementFilter, open_store
from chronicle.store.load import load
from test_store import kidal_article, lagos_article


@pytest.fixture
def store(tmp_path):
    with open_store(str(tmp_path / "faults.db")) as s:
        yield s


def fake_run(raws, settings):
    """Stand in for the pipeline: one article per raw input, its text as given."""
    for raw in raws:
        art = Article(id=raw.id, text=(raw.text or "").strip(), source=raw.source)
        if raw.problem:
            art.fail(raw.problem, raw.detail or "")
        yield art


def stored_ids(store) -> list[str]:
    rows = store.execute("SELECT doc_id FROM articles UNION ALL SELECT doc_id FROM duplicates")
    return sorted(r[0] for r in rows.fetchall())


def test_a_text_repeated_in_one_run_is_recorded_under_its_own_id(store, monkeypatch):
    monkeypatch.setattr("chronicle.store.load.run", fake_run)
    text = "Traders shut the central market in protest at a new levy, a union leader said."
    raws = [RawInput(id="first", text=text), RawInput(id="second", text=text),
            RawInput(id="other", text=text + " Police watched."), RawInput(id="third", text=text)]
    saved, skipped = load(raws, store, Settings(batch_size=2))
    assert (saved.articles, saved.duplicates, skipped) == (2, 2, 0)
    assert stored_ids(store) == ["first", "other", "second", "third"]
    dup = store.execute("SELECT d.doc_id, a.doc_id FROM duplicates d JOIN articles a"
                        " ON a.id = d.article_id ORDER BY d.doc_id").fetchall()
    assert dup == [("second", "first"), ("third", "first")]
    again, skipped = load(raws, store, Settings(batch_size=2))  # a re-run adds nothing
    assert (again.articles, again.duplicates, skipped) == (0, 0, 4)
    assert stored_ids(store) == ["first", "other", "second", "third"]


def test_a_repeat_of_an_article_stored_earlier_is_recorded_too(store, monkeypatch):
    monkeypatch.setattr("chronicle.store.load.run", fake_run)
    text = "Traders shut the central market in protest at a new levy, a union leader said."
    load([RawInput(id="first", text=text)], store, Settings())
    saved, skipped = load([RawInput(id="later", text=text)], store, Settings())
    assert (saved.duplicates, skipped) == (1, 0)
    assert stored_ids(store) == ["first", "later"]


def test_same_cleaned_text_from_other_bytes_is_a_duplicate(store):
    saved = store.add([kidal_article("a"), kidal_article("b"), kidal_article("a")])
    assert (saved.articles, saved.duplicates) == (1, 1)
    assert stored_ids(store) == ["a", "b"]


def test_a_read_error_is_tried_again_and_replaced_when_read_whole(store, monkeypatch):
    monkeypatch.setattr("chronicle.store.load.run", fake_run)
    cut = RawInput(id="https://example.org/1", source="crawl.warc#2",
                   problem=errors.UNREADABLE, detail="the record is cut")
    saved, _ = load([cut], store, Settings())
    assert saved.errors == 1
    again, skipped = load([cut], store, Settings())  # not remembered as seen: read again
    assert skipped == 0 and store.counts()["articles"] == 1
    whole = RawInput(id="https://example.org/1", source="crawl.warc#2",
                     text="Engineers reopened the bridge on Friday after two years of repairs.")
    load([whole], store, Settings())
    recs = list(store.contract_records())
    assert [(r["id"], r["error"]) for r in recs] == [("https://example.org/1", None)]


def test_text_with_nul_and_lone_surrogates_is_stored_with_offsets_kept(store):
    art = kidal_article("nul\ud800")
    art.title = "Kidal \x00 attack"
    store.add([art])
    rec = next(store.contract_records())
    assert rec["id"] == "nul\ufffd" and rec["title"] == "Kidal \ufffd attack"


@pytest.mark.parametrize("query", ["\x00", "kill\x00ed", "\ud800", '"', "*", "OR", "NEAR(", "a" * 5000])
def test_any_text_query_is_answered(store, query):
    store.add([kidal_article(), lagos_article()])
    assert isinstance(store.events(EventFilter(text=query)), list)


@pytest.mark.parametrize("big", [2 ** 63, 2 ** 64 + 5, 10 ** 30, -(2 ** 70)])
def test_integers_beyond_64_bits_match_nothing(store, big):
    store.add([kidal_article(), lagos_article()])
    assert store.article(big) is None
    assert store.events(EventFilter(offset=abs(big))) == []
    assert store.events(EventFilter(article_id=big, limit=None)) == []
    assert store.statements(StatementFilter(offset=abs(big))) == []
