"""Hostile text: every input comes out once, with a clear error when it cannot be read, and
what the parser and the rules are handed is bounded whatever the input."""
from __future__ import annotations

import codecs
import time

import pytest

from chronicle import errors, pipeline
from chronicle.guard import Clock
from chronicle.ingest import RawInput
from chronicle.ingest.clean import clean, utf16_order
from chronicle.parse import make_doc, parse_doc
from chronicle.parse.docs import longest_sentence, parser_text
from chronicle.settings import Settings

S = Settings()
REPORT = ("Police fired tear gas at hundreds of students who marched on the education ministry "
          "in Nairobi on Monday, witnesses said. Two students were taken to hospital.")


def run(raws, settings: Settings = S):
    return list(pipeline.run(raws, settings))


def test_a_lone_surrogate_loses_nothing_else(nlp):
    raws = [RawInput(id="before", text=REPORT),
            RawInput(id="broken", text="Gunmen attacked a bus \ud800 near Garissa, killing three.",
                     title="Bus \udc00 attack"),
            RawInput(id="after", text=REPORT + " More were arrested.")]
    out = run(raws)
    assert [a.id for a in out] == ["before", "broken", "after"]
    assert all(a.error is None for a in out)
    assert "\ufffd" in out[1].text and len(out[1].text) == len(raws[1].text.strip())
    assert out[1].title == "Bus \ufffd attack" and out[1].events


def test_a_batch_that_fails_in_spacy_is_parsed_one_by_one(monkeypatch):
    from chronicle.parse import docs as docs_mod
    real_pipe = type(pipeline.load_pipeline(S.model)).pipe

    def pipe_fails_on_poison(self, texts, **kw):
        texts = list(texts)
        if any("poison" in d.text for d in texts):
            raise ValueError("a text the model cannot take")
        return real_pipe(self, texts, **kw)

    real_parse_doc = docs_mod.parse_doc

    def parse_doc_fails_on_poison(nlp, doc, settings):
        if "poison" in doc.text:
            raise ValueError("a text the model cannot take")
        return real_parse_doc(nlp, doc, settings)

    monkeypatch.setattr(type(pipeline.load_pipeline(S.model)), "pipe", pipe_fails_on_poison)
    monkeypatch.setattr(docs_mod, "parse_doc", parse_doc_fails_on_poison)
    raws = [RawInput(id=f"r{i}", text=REPORT) for i in range(3)]
    raws.insert(1, RawInput(id="bad", text=REPORT + " poison"))
    out = run(raws)
    assert [a.id for a in out] == ["r0", "bad", "r1", "r2"]
    assert out[1].error.code == errors.PIPELINE and "parse" in out[1].error.message
    assert all(a.error is None and a.events for a in out if a.id != "bad")


def test_an_article_over_its_time_budget_is_stopped_and_the_run_goes_on(monkeypatch):
    from chronicle import events

    real = events.find_events

    def endless_on_marker(article):
        while "Garissa" in article.text:  # a rule that never ends on this article
            sum(range(1000))
        return real(article)

    monkeypatch.setattr(events, "find_events", endless_on_marker)
    raws = [RawInput(id="slow", text="Gunmen attacked a bus near Garissa, killing three people."),
            RawInput(id="fine", text=REPORT)]
    out = run(raws, Settings(article_seconds=1))
    assert out[0].error.code == errors.TIMEOUT and "extraction" in out[0].error.message
    assert out[1].error is None and out[1].events


def test_a_parse_batch_that_outruns_a_budget_is_stopped_and_parsed_alone(monkeypatch):
    # The model's pipe stands for a parse that, on a loaded machine, takes longer than the
    # budget: it must be interrupted, not left to finish, and each article tried alone.
    real_pipe = type(pipeline.load_pipeline(S.model)).pipe
    finished = []

    def slow_pipe(self, docs, **kw):
        docs = list(docs)
        if len(docs) > 1:  # the batch: far longer than the budget, unless stopped
            until = time.monotonic() + 30
            while time.monotonic() < until:
                sum(range(1000))
            finished.append("batch")
        return real_pipe(self, docs, **kw)

    monkeypatch.setattr(type(pipeline.load_pipeline(S.model)), "pipe", slow_pipe)
    raws = [RawInput(id="one", text=REPORT), RawInput(id="two", text=REPORT + " Both were let go.")]
    out = run(raws, Settings(article_seconds=4))
    assert [a.id for a in out] == ["one", "two"]
    assert finished == []  # the batch was stopped when the first clock ran out
    # each article was charged its share of the batch (about 2 of its 4 seconds), then
    # parsed alone in what it had left
    assert all(a.error is None and a.events for a in out)


def test_clock_charges_each_step_and_stops_when_spent():
    clock = Clock(10)
    value, why = clock.run(lambda: 42, "a step", "x")
    assert (value, why) == (42, None) and 0 <= clock.spent < 10
    clock.spent = 11
    value, why = clock.run(lambda: 42, "another step", "x")
    assert value is None and why.code == errors.TIMEOUT
    value, why = Clock(10).run(lambda: 1 / 0, "a broken step", "x")
    assert why.code == errors.PIPELINE and "ZeroDivisionError" in why.message


# ------------------------------------------------------------------ reading the bytes
def test_utf16_without_byte_order_mark_is_read():
    for codec in ("utf-16-le", "utf-16-be"):
        data = REPORT.encode(codec)
        assert not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        assert utf16_order(data) == codec
        art = clean(RawInput(id=codec, data=data), S)
        assert art.error is None and art.text == REPORT


def test_nul_bytes_that_are_not_utf16_are_still_binary():
    data = b"\x00\x01\x02\x03" * 200 + REPORT.encode()
    assert clean(RawInput(id="bin", data=data), S).error.code == errors.BINARY


@pytest.mark.parametrize("given, kept", [
    ("2021-05-04", "2021-05-04"), ("2021-05-04T10:00:00Z", "2021-05-04"),
    ("4 May 2021", "2021-05-04"), ("2021-13-45", None), ("2021-02-30", None),
    ("0202-05-04", None), ("9999-12-31", None), ("yesterday", None), ("", None)])
def test_published_is_checked_as_a_date(given, kept):
    art = clean(RawInput(id="d", text=REPORT, published=given), S)
    assert art.error is None and art.published == kept


def test_a_short_real_report_is_kept_and_too_few_words_are_not():
    assert clean(RawInput(id="ok", text="Students protested in Nairobi."), S).error is None
    assert clean(RawInput(id="ok2", text="Police shoot dead 15 bandits"), S).error is None
    for text in ("Too short.", "N/A", "12 34 56 78", "...", "   "):
        assert clean(RawInput(id="x", text=text), S).error.code == errors.EMPTY


def test_a_short_report_is_coded():
    (art,) = run([RawInput(id="short", text="Students protested in Nairobi.")])
    assert art.error is None and [e.type for e in art.events] == ["PROTEST"]


def test_an_html_page_with_too_many_elements_is_refused_before_extraction():
    rows = "".join(f"<tr><td>{i}</td><td>x</td></tr>" for i in range(400))
    html = f"<html><body><p>{REPORT}</p><table>{rows}</table></body></html>"
    art = clean(RawInput(id="big", html=html), Settings(max_html_nodes=1000))
    assert art.error.code == errors.TOO_LARGE and "HTML elements" in art.error.message
    within = clean(RawInput(id="fine", html=html), S)
    assert within.error is None or within.error.code != errors.TOO_LARGE


# ------------------------------------------------------------------ what the parser is handed
def test_parser_text_blanks_long_runs_and_keeps_every_offset():
    text = REPORT + " " + "=" * 5000 + " " + REPORT + " https://example.org/a/b"
    seen = parser_text(text, 200_000, 50_000, 250)
    assert len(seen) == len(text) and "=" not in seen
    assert seen.replace(" ", "") == text.replace(" ", "").replace("=", "")
    assert parser_text(text, 100, 50_000, 250) == text[:100]


def test_parser_text_stops_at_the_token_bound():
    text = "a; " * 10_000
    seen = parser_text(text, 200_000, 1_000, 250)
    assert len(seen) < len(text) and text.startswith(seen)


def test_no_sentence_handed_to_the_rules_is_longer_than_the_bound(nlp):
    settings = Settings(max_sentence_tokens=40)
    run_on = "The minister said that " + "the police said that the army said that " * 30 + "it rained."
    doc = parse_doc(nlp, make_doc(nlp, run_on, settings), settings)
    assert longest_sentence(doc) <= 40 and doc.text == run_on
    abbreviations = "He met U.S. officials. " * 5 + "The U.S. and the U.K. said so " * 30 + "today."
    doc = parse_doc(nlp, make_doc(nlp, abbreviations, settings), settings)
    assert longest_sentence(doc) <= 40


def test_a_long_text_is_parsed_in_pieces_joined_back(nlp):
    settings = Settings(max_tokens_whole=300)
    text = "\n\n".join(f"Paragraph {i}. {REPORT}" for i in range(40))
    doc = parse_doc(nlp, make_doc(nlp, text, settings), settings)
    assert doc.text == text and len(doc) > 300 and doc.has_annotation("DEP")
    assert any(e.text == "Nairobi" for e in doc.ents)


def test_hostile_runs_come_out_once_with_spans_true_to_the_text():
    text = REPORT + "\n\n" + "<" * 3000 + "\n\n" + "&&&&" * 800 + "\n\n" + REPORT
    (art,) = run([RawInput(id="runs", text=text)])
    assert art.error is None and art.text == text.strip() and art.events
    for e in art.events:
        assert art.text[e.trigger.start:e.trigger.end] == e.trigger.text
        if e.sentence:
            assert art.text[e.sentence.start:e.sentence.end] == e.sentence.text


def test_every_input_comes_out_once_in_order():
    raws = [RawInput(id="empty", text=""), RawInput(id="bin", data=b"\x89PNG\r\n\x1a\n" + bytes(300)),
            RawInput(id="bad", problem=errors.BAD_RECORD, detail="not JSON"),
            RawInput(id="ok", text=REPORT), RawInput(id="ok", text=REPORT),
            RawInput(id="surrogate", text="\udfff" * 50)]
    out = run(raws, Settings(batch_size=2))
    assert [a.id for a in out] == [r.id for r in raws]
    assert [a.error.code if a.error else None for a in out] == [
        errors.EMPTY, errors.BINARY, errors.BAD_RECORD, None, None, errors.EMPTY]


def test_every_bound_is_a_checked_setting(monkeypatch):
    from chronicle import settings as settings_mod
    bounds = ("min_words", "max_tokens_parsed", "max_tokens_whole", "max_html_nodes",
              "max_token_chars", "max_sentence_tokens", "article_seconds")
    for name in bounds:
        monkeypatch.setenv(f"CHRONICLE_{name.upper()}", "7")
        assert getattr(settings_mod.load(), name) == 7
        monkeypatch.setenv(f"CHRONICLE_{name.upper()}", "-1")
        with pytest.raises(settings_mod.SettingsError, match=name):
            settings_mod.load()
        monkeypatch.delenv(f"CHRONICLE_{name.upper()}")
    assert settings_mod.load(article_seconds=0).article_seconds == 0  # no time limit
