"""Cleaning: decoding, HTML extraction, furniture and captions, checks."""
from pathlib import Path

import pytest

from chronicle import errors
from chronicle.ingest.clean import (caption, clean, decode, english_problem, furniture, normalise,
                             strip_furniture)
from chronicle.ingest import RawInput, read_paths
from chronicle.settings import Settings

FIX = Path(__file__).parent / "fixtures" / "ingest"
S = Settings()

STORY = ("Firefighters in the port city worked through the night to put out a blaze that "
         "started in a grain warehouse on Saturday evening, the fire service said. Nobody was "
         "hurt, but the harbour was closed to shipping until Sunday afternoon while the smoke "
         "cleared.")


def from_bytes(data: bytes, **kw) -> "clean":
    return clean(RawInput(id="t", data=data, **kw), S)


# ------------------------------------------------------------------ plain text
def test_text_file_furniture_dropped_caption_kept():
    (raw,) = read_paths([str(FIX / "report.txt")])
    art = clean(raw, S)
    assert art.error is None
    for junk in ("Advertisement", "Read more", "Share this article", "Follow us on",
                 "Sign up to receive", "By submitting this form"):
        assert junk not in art.text
    assert art.captions == ["Protesters run from tear gas near parliament in Nairobi on June 25, "
                            "2024 (Reuters/Screenshot via KTN/YouTube)"]
    assert "Reuters/Screenshot" not in art.text
    assert art.text.endswith("independent inquiry into the injuries.")
    # paragraph breaks kept, runs of blank lines collapsed, trailing spaces gone
    assert "\n\n\n" not in art.text and " \n" not in art.text
    assert "the march had not been authorised and that forty people were arrested.\nDemonstrators" \
        in art.text


def test_jsonl_text_comes_out_unchanged_apart_from_outer_whitespace():
    note = ("On 3 May 2021, unidentified gunmen shot dead a village chief in Kidal town "
            "(Kidal, Mali).\n\n\n1 fatality.  Read more")
    art = clean(RawInput(id="n", text="  " + note + "\n"), S)
    assert art.error is None and art.text == note


@pytest.mark.parametrize("line", [
    "Sign up to receive our latest news!",
    "Subscribe to our newsletter",
    "Get the best stories delivered to your inbox every morning with our newsletter.",
    "Thanks for signing up!",
    "By submitting this form, I agree to the terms.",
    "Read more",
    "Read more: Floods hit the capital",
    "Share this article",
    "Share",
    "Follow us on Twitter and Facebook",
    "Follow her on Instagram @reporter",
    "We use cookies to give you the best experience on our website.",
    "Accept all cookies",
    "Advertisement",
    "Comments",
    "12 comments",
    "Copyright 2024 Example News. All rights reserved.",
    "© 2023 The Daily Example",
    "(Reporting by Jane Roe; Editing by John Doe)",
    "Related: Ten things to know about the election",
    "Click here to subscribe",
    "Write to the reporter at someone@example.org",
    "https://example.org/some/link",
])
def test_furniture_lines(line):
    assert furniture(line)
    text, _ = strip_furniture(STORY + "\n\n" + line + "\n\n" + STORY)
    assert line not in text and text.count("Firefighters") == 2


@pytest.mark.parametrize("line", [
    STORY,
    "The ministry said it would share intelligence with its neighbours.",
    "Police said the suspects had signed up for a shooting course last year.",
    "He told reporters that advertisement boards were torn down during the riot.",
    "Read the full statement from the ministry below, the spokesman added, before leaving.",
    "The Environmental Protection Agency (EPA)",
    "The attack was claimed by the group (via its Telegram channel).",
    "Comments by the minister angered the opposition.",
])
def test_story_lines_are_not_furniture_or_captions(line):
    assert not furniture(line) and not caption(line)


@pytest.mark.parametrize("line", [
    "Iraqi Prime Minister Mustafa Al-Kadhimi on Nov. 7, 2021 (Reuters/Screenshot via TheBL/YouTube)",
    "Rescuers search the rubble in Antakya on Feb. 7, 2023. (AP Photo/Some Photographer)",
    "Smoke rises over the city after the strike (Getty Images)",
    "Photo: AFP",
    "Photo: John Smith/AFP",
    "Soldiers patrol the market in Gao | Photo: Example Agency",
])
def test_caption_lines(line):
    assert caption(line)
    text, caps = strip_furniture(STORY + "\n\n" + line + "\n\n" + STORY)
    assert caps == [line] and line not in text


def test_link_list_after_related_header_dropped():
    text, _ = strip_furniture(STORY + "\n\nRelated stories\n- Ten recipes for summer\n"
                              "- A wedding in pictures\n\n" + STORY)
    assert "recipes" not in text and "wedding" not in text and text.count("Firefighters") == 2


def test_story_bullets_kept():
    text, _ = strip_furniture("Qualified teams:\n- England\n- Spain\n\n" + STORY)
    assert "- England\n- Spain" in text


def test_normalise():
    assert normalise("a  \r\nb\t\n\n\n\n c\n") == "a\nb\n\n c"


# ------------------------------------------------------------------ HTML
def test_html_page_body_title_date_and_caption():
    art = clean(RawInput(id="p", html=(FIX / "page.html").read_text(encoding="utf-8")), S)
    assert art.error is None
    assert "Guaiba river" in art.text and "temporary bridges" in art.text
    for junk in ("tracker", "font-family", "Home", "We use cookies", "Advertisement",
                 "Share this article", "Sign up", "Subscribe to our newsletter",
                 "By submitting", "Copyright", "Celebrity wedding"):
        assert junk not in art.text, junk
    assert "AP Photo" not in art.text
    assert art.title.startswith("Flooding forces thousands")
    assert art.published == "2024-05-06"
    assert "\n\n" in art.text  # paragraphs separated by a blank line


def test_given_metadata_wins_over_page_metadata():
    raw = RawInput(id="p", html=(FIX / "page.html").read_text(encoding="utf-8"),
                   published="2024-05-09", title="Given title")
    art = clean(raw, S)
    assert art.published == "2024-05-09" and art.title == "Given title"


def test_broken_html_does_not_crash():
    html = ("<html><body><div><p>" + STORY + "<p>" + STORY.replace("port", "river")
            + "<b><i><table><tr><td>unclosed <<<>>> &bogus; </div></span>")
    art = clean(RawInput(id="b", html=html), S)
    assert art.error is None and "Firefighters" in art.text


def test_html_without_article_gets_e006():
    html = "<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav>" \
           "<div>Menu</div><div>Login</div><div>Search this site</div></body></html>"
    art = clean(RawInput(id="n", html=html), S)
    assert art.error.code == errors.NO_ARTICLE


def test_garbage_markup_gets_e006_not_a_crash():
    art = clean(RawInput(id="g", html="<<<<>>>><//\x0b<![CDATA[ %%% ]]><?php ?>" * 30), S)
    assert art.error.code in (errors.NO_ARTICLE, errors.EMPTY)


def test_html_bytes_in_a_txt_file_are_treated_as_html():
    art = from_bytes(b"<!DOCTYPE html><html><body><article><p>" + STORY.encode()
                     + b"</p></article></body></html>")
    assert art.error is None and "<p>" not in art.text and "Firefighters" in art.text


# ------------------------------------------------------------------ bytes and decoding
def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    (raw,) = read_paths([str(p)])
    art = clean(raw, S)
    assert art.error.code == errors.EMPTY


def test_near_empty_text():
    assert clean(RawInput(id="s", text="   Too short.  "), S).error.code == errors.EMPTY


@pytest.mark.parametrize("data,kind", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "GZIP"),
    (b"some text\x00with a NUL byte and more words after it to pass the length test", "NUL"),
])
def test_binary_gets_e002(data, kind):
    art = from_bytes(data)
    assert art.error.code == errors.BINARY and kind in art.error.message


def test_binary_file_on_disk(tmp_path):
    p = tmp_path / "photo.txt"  # a misnamed image
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100)
    (raw,) = read_paths([str(p)])
    assert clean(raw, S).error.code == errors.BINARY


def test_latin1_text_decoded_right():
    text = ("The café near the cathedral in Besançon was closed by police on Friday after a "
            "crowd of about two hundred people gathered outside to protest against the new "
            "curfew, the prefect said.")
    art = from_bytes(text.encode("latin-1"))
    assert art.error is None and art.text == text and "café" in art.text


def test_cp1252_quotes_decoded_right():
    text = "The minister said the plan was \u201cdead on arrival\u201d and left the room \u2013 angry."
    assert decode(text.encode("cp1252"))[0] == text


def test_utf8_bom_and_utf16():
    assert decode(b"\xef\xbb\xbfHello caf\xc3\xa9") == ("Hello café", "utf-8")
    assert decode("Hello café".encode("utf-16"))[0] == "Hello café"


def test_declared_charset_used():
    text = "Владимир сказал: \"нет\"."
    assert decode(text.encode("koi8-r"), "koi8-r")[0] == text


def test_undecodable_gets_e003():
    data = bytes(range(0x80, 0x100)) * 40  # high bytes only: no text encoding reads this as prose
    art = from_bytes(data)
    assert art.error.code == errors.UNDECODABLE


def test_too_large_bytes_given_directly():
    art = clean(RawInput(id="big", data=b"a" * 100), Settings(max_bytes=50))
    assert art.error.code == errors.TOO_LARGE


# ------------------------------------------------------------------ language
def test_non_english_gets_e005():
    spanish = ("El gobierno anunció este lunes que las lluvias de la última semana dejaron al "
               "menos veinte muertos en la provincia, y que los equipos de rescate siguen "
               "buscando a las personas desaparecidas en los pueblos de la montaña, según "
               "informó el ministro del interior durante una rueda de prensa en la capital.")
    art = clean(RawInput(id="es", text=spanish), S)
    assert art.error.code == errors.NOT_ENGLISH and "function words" in art.error.message
    assert art.text == spanish  # kept, so a user can see what was read


def test_non_latin_script_gets_e005():
    arabic = "قال مسؤولون إن الأمطار الغزيرة تسببت في فيضانات واسعة في المدينة يوم الاثنين " * 3
    assert clean(RawInput(id="ar", text=arabic), S).error.code == errors.NOT_ENGLISH


@pytest.mark.parametrize("note", [
    "On 29 April 2020, a Saudi-led coalition air raid was reported on Al Mahashimah area in "
    "northern Yemen's Saada governorate (Shadaa district, Saada). No casualties reported.",
    "On 2 May 2020, presumed JNIM militants ambushed a gendarmerie unit in Gaskinde "
    "(Pobe-Mengao, Soum), killing 4 gendarmes and wounding 2. 4 fatalities.",
    "Saudi Arabia's Khamis Mushait air base in Asir province came under Houthi missile attack. "
    "Khamis Mushait base sustained heavy damage in Yemen's missile attack.",
])
def test_english_notes_full_of_names_not_flagged(note):
    assert english_problem(note) is None
    assert clean(RawInput(id="acled-x", text=note), S).error is None


def test_english_story_passes():
    assert english_problem(STORY * 3) is None


@pytest.mark.parametrize("line", [
    "Published in 2019, the report found that abuse was widespread.",
    "Photos by residents showed burned houses in the village and a damaged school.",
    "Posted outside the court, the notice listed 14 names.",
])
def test_story_lines_with_furniture_words_kept(line):
    assert not furniture(line) and not caption(line)


@pytest.mark.parametrize("line", ["Updated at 1:23 p.m.", "Published: 12 May 2020",
                                  "Pick Six Newsletter", "[button link=x] Send us a tip[/button]"])
def test_more_furniture(line):
    assert furniture(line)


def test_headline_repeating_title_dropped_from_html_text():
    html = ("<html><head><title>Bridge reopens after repairs</title></head><body><article>"
            "<h1>Bridge reopens after repairs</h1><p>" + STORY + "</p></article></body></html>")
    art = clean(RawInput(id="h", html=html), S)
    assert art.title == "Bridge reopens after repairs"
    assert art.text.startswith("Firefighters")


def test_tag_strip_fallback_keeps_prose_lines_only(monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    html = ("<html><body><nav><a>Home</a><a>World</a></nav><script>var x = 1;</script>"
            "<div>" + STORY + "</div><div>Log in</div></body></html>")
    art = clean(RawInput(id="f", html=html), S)
    assert art.error is None and art.text == STORY


def test_figcaption_kept_in_captions_and_out_of_text():
    html = ("<html><body><article><p>" + STORY + "</p><figure><img src='a.jpg'><figcaption>"
            "Smoke over the harbour on <b>Saturday</b>, March 2, 2024</figcaption></figure>"
            "<p>" + STORY.replace("port", "river") + "</p></article></body></html>")
    art = clean(RawInput(id="fc", html=html), S)
    assert art.captions == ["Smoke over the harbour on Saturday, March 2, 2024"]
    assert "March 2, 2024" not in art.text and "river city" in art.text


def test_story_sentence_with_a_parenthesised_warning_is_not_a_caption():
    assert not caption("Police shot the man as he walked towards the car. "
                       "(Warning: the video contains graphic images.)")


def test_line_ending_in_hours_is_not_a_caption():
    assert not caption("The new hotline for families of the missing is open (24/7)")


@pytest.mark.parametrize("given,want", [("2021-05-04", "2021-05-04"),
                                        ("2021-05-04T10:00:00Z", "2021-05-04"),
                                        ("2021/05/04", "2021-05-04"), ("4 May 2021", "2021-05-04"),
                                        ("May 4, 2021", "2021-05-04"), ("03/04/2021", None),
                                        ("soon", None)])
def test_given_published_dates(given, want):
    art = clean(RawInput(id="d", text=STORY, published=given), S)
    assert art.published == want


def test_plain_text_headline_becomes_title_and_stays_in_text():
    art = from_bytes(("Fire closes harbour for a day\n\n" + STORY).encode())
    assert art.title == "Fire closes harbour for a day" and art.text.startswith("Fire closes")
    assert from_bytes(STORY.encode()).title is None
    assert from_bytes(("The fire was put out.\n\n" + STORY).encode()).title is None


@pytest.mark.parametrize("line", [
    "Related to the case, police arrested two men in the capital.",
    "Reporting by The Guardian showed the ministry knew about the leak",
    "Register of deeds officials said the land had been sold twice.",
    "By signing up to the deal, Iran agreed to accept more inspections.",
    "Latest in a string of attacks, the bombing killed five people.",
    "Originally published in 1851, the novel was banned in the region.",
    "Follow these steps on arrival at the airport, the embassy said.",
    "Copyright lawyers argued that the law was too vague.",
    "More from the minister is expected later, an aide said.",
])
def test_story_lines_that_start_like_furniture(line):
    assert not furniture(line) and not caption(line)
    text, _ = strip_furniture(STORY + "\n\n" + line + "\n\n" + STORY)
    assert line in text


@pytest.mark.parametrize("line", [
    "(Reporting by Greg Smith, Ana Lee, with reporting by Tom Brown and Mia Chen, editing by Ann Roe.)",
    "Follow NBC Example on Facebook, Twitter and Instagram.",
    "Copyright ©2019 Example & Company, Inc. All Rights Reserved",
    "copyright Example Magazine 2019 - ISSN: 1234-5678",
    "Register now",
])
def test_furniture_variants(line):
    assert furniture(line)


def test_too_large_text_or_html_given_directly():
    small = Settings(max_bytes=100)
    assert clean(RawInput(id="t", text=STORY), small).error.code == errors.TOO_LARGE
    assert clean(RawInput(id="h", html="<p>" + STORY + "</p>"), small).error.code == errors.TOO_LARGE
