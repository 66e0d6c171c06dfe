"""Several worker processes give the same output as one; the fast parse equals spaCy's own."""
from __future__ import annotations

import json

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG

from chronicle.ingest import clean as clean_mod
from chronicle import settings as settings_mod
from chronicle.ingest import RawInput
from chronicle.parse import load_pipeline
from chronicle.pipeline import run
from chronicle.workers import process_chunk, run_parallel

# Short reports written for these tests (facts loosely after real events, words our own).
ARTICLES = [
    ("w-01", "On 3 March 2021, gunmen opened fire on a minibus near Kidal, Mali, killing four "
             "passengers and wounding two others, the regional governor said."),
    ("w-02", "Thousands of teachers marched through central Colombo on Tuesday to demand higher "
             "pay. Police used water cannon to break up the crowd outside parliament."),
    ("w-03", "A car bomb exploded at a checkpoint in Mogadishu on Saturday. Al-Shabaab claimed "
             "responsibility, according to a statement carried by a radio station it runs."),
    ("w-04", "The foreign minister denied that troops had crossed the border. \"Our soldiers "
             "never left their positions,\" he told reporters in the capital."),
    ("w-05", "The central bank left interest rates unchanged on Thursday and said inflation "
             "would ease over the coming months as energy prices fall."),
    ("w-06", "Security forces arrested twelve people in Lagos after a protest over fuel prices "
             "turned violent; three officers were injured, a police spokesman said."),
    ("w-07", "too short"),
    ("w-08", "Kidnappers seized a doctor on the road from Kabul to Jalalabad on 14 May and "
             "demanded a ransom, his family said. Nobody has claimed the abduction."),
]


def raws() -> list[RawInput]:
    """Return the test articles as RawInputs."""
    return [RawInput(id=i, text=t, published="2021-06-01") for i, t in ARTICLES]


def contract(articles) -> list[str]:
    """Return each article's contract record as canonical JSON."""
    return [json.dumps(a.to_contract(), sort_keys=True) for a in articles]


def test_two_workers_give_the_same_output_as_one():
    one = contract(run(raws(), settings_mod.load(workers=1, batch_size=3)))
    stats: dict = {}
    two = contract(run_parallel(raws(), settings_mod.load(workers=2, batch_size=3), stats))
    assert [json.loads(x)["id"] for x in two] == [i for i, _ in ARTICLES]  # input order kept
    assert two == one
    assert len(stats["peak_rss_mb"]) >= 1 and all(v > 0 for v in stats["peak_rss_mb"].values())


def test_a_chunk_that_breaks_outside_the_stages_is_retried_one_by_one(monkeypatch):
    real = clean_mod.clean

    def clean_or_break(raw, settings):
        if raw.id == "bad":
            raise RuntimeError("broken input")
        return real(raw, settings)

    monkeypatch.setattr(clean_mod, "clean", clean_or_break)
    bad = RawInput(id="bad", text="This input makes the clean stage fail on purpose, for the test.")
    out = process_chunk([raws()[0], bad, raws()[1]], settings_mod.load())
    assert [a.id for a in out] == ["w-01", "bad", "w-02"]
    assert out[1].error is not None and out[1].error.code == "E008"
    assert out[0].error is None and out[2].error is None


@pytest.fixture(scope="module")
def stock():
    return spacy.load(settings_mod.Settings().model)


@pytest.mark.parametrize("text", [t for _, t in ARTICLES])
def test_fast_parse_matches_spacy(stock, text):
    fast = load_pipeline(settings_mod.Settings().model)
    assert type(fast.get_pipe("attribute_ruler")) is not type(stock.get_pipe("attribute_ruler"))
    attrs = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
    a, b = stock(text), fast(text)
    assert (a.to_array(attrs) == b.to_array(attrs)).all()
    assert [(t.lemma_, t.pos_, str(t.morph)) for t in a] == [(t.lemma_, t.pos_, str(t.morph)) for t in b]
