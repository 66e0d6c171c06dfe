"""Bounded fuzzing in the suite: property-based inputs (hypothesis) and seeded mutations of our
own fixtures must each come out once, as valid UTF-8 JSON records with true spans, and no
reader or stage may raise. The longer campaign is `make fuzz` (bench/fuzz.py)."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from chronicle import pipeline
from chronicle.commands import json_line
from chronicle.ingest import RawInput, read_paths
from chronicle.settings import Settings
from mutations import check_article, fixtures, mutant

S = Settings(article_seconds=30)
TEXTS = list(fixtures().values())

lone_surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
noise = st.text(st.one_of(st.characters(), lone_surrogates, st.sampled_from("<>&;=\x00\n\"'")),
                max_size=300)


@st.composite
def hostile_input(draw, i: int = 0) -> RawInput:
    """Return one hostile RawInput: a fixture with noise in it, pure noise, bytes, or HTML."""
    base = draw(st.sampled_from(TEXTS))
    at = draw(st.integers(0, len(base)))
    mixed = base[:at] + draw(noise) * draw(st.integers(1, 20)) + base[at:]
    kind = draw(st.sampled_from(["text", "noise", "bytes", "html", "data"]))
    rid = f"h{i}-" + draw(st.text(max_size=8))
    if kind == "text":
        return RawInput(id=rid, text=mixed)
    if kind == "noise":
        return RawInput(id=rid, text=draw(noise))
    if kind == "bytes":
        return RawInput(id=rid, data=draw(st.binary(max_size=2000)))
    if kind == "html":
        return RawInput(id=rid, html=f"<html><body><p>{mixed}</p></body></html>")
    codec = draw(st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252"]))
    return RawInput(id=rid, data=mixed.encode(codec, errors="replace"))


@hsettings(max_examples=25, deadline=None, derandomize=True, database=None,
           suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.integers(0, 10 ** 6), min_size=1, max_size=4).flatmap(
    lambda keys: st.tuples(*[hostile_input(i) for i in range(len(keys))])))
def test_any_inputs_come_out_once_with_true_spans(raws):
    out = list(pipeline.run(list(raws), S))
    assert [a.id for a in out] == [r.id for r in raws]
    failures: list = []
    for raw, art in zip(raws, out):
        check_article(raw, art, failures)
    assert failures == []


@pytest.mark.parametrize("chunk", range(4))
def test_seeded_mutations_of_our_fixtures(tmp_path, chunk):
    names = []
    for i in range(chunk * 15, chunk * 15 + 15):
        name, data = mutant(i, seed=7)
        (tmp_path / name).write_bytes(data)
        names.append(name)
    raws = list(read_paths([str(tmp_path / n) for n in names]))
    out = list(pipeline.run(raws, S))
    assert [a.id for a in out] == [r.id for r in raws]
    failures: list = []
    for raw, art in zip(raws, out):
        check_article(raw, art, failures)
        json.loads(json_line(art.to_contract()))
    assert failures == []
    stems = [n.rsplit(".", 1)[0] for n in names if n.endswith((".txt", ".html"))]
    assert all(stem in {r.id for r in raws} for stem in stems)
