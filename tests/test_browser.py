"""The web page in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright):
load it, see the map and the timeline drawn, filter, brush, open events and articles.

Skipped when no Chromium or Playwright is installed, unless CHRONICLE_REQUIRE_BROWSER=1
(as in .ci/run, which installs Chromium), where that is a failure.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from chronicle.records import Actor, Article, Event, Span
from chronicle.store import open_store
from test_api import hostile_article
from test_store import kidal_article, lagos_article, span

CHROMIUM = os.environ.get("CHRONICLE_CHROMIUM", "/usr/bin/chromium")
# Flags that work on a closed network as root: no sandbox, no GPU, no background fetches.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]

# Written for these tests; the events are invented.
HARBOUR = ("On 12 May 2024, a grenade thrown at a bus stop in Berbera wounded nine commuters, "
           "police said. Two suspects were detained the same evening.")


def berbera_article() -> Article:
    """Return a hand-coded article: a grenade attack in Somalia, a day after the Kidal one's month."""
    from chronicle.records import Count, Date, Place
    t = HARBOUR
    e = Event(id="e1", type="ASSAULT", trigger=span(t, "thrown"), mode="grenade",
              acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Grenade"},
              targets=[span(t, "nine commuters", Actor, kind="civilians")],
              location=span(t, "Berbera", Place, name="Berbera", country="SOM", admin1="Woqooyi Galbeed",
                            lat=10.44, lon=45.01, precision="city"),
              date=span(t, "12 May 2024", Date, value="2024-05-12", precision="day"),
              injured=Count(9, span(t, "nine commuters")), sentence=Span(t[:t.index(" Two")], 0, t.index(" Two")))
    return Article(id="berbera-1", text=t, published="2024-05-13", title="Grenade at a bus stop",
                   url="https://news.example.net/berbera", events=[e])


def second_kidal_report() -> Article:
    """Return another outlet's report of the Kidal attack, with one injured where the first has two."""
    art = kidal_article("kidal-2")
    art.text = art.text.replace("wounding two", "wounding one")
    art.events[0].injured.value = 1
    art.events[0].injured.span.text = "one"
    art.url, art.title = "https://other.example.com/kidal", "Four officers killed in Kidal"
    return art


def _need_browser():
    required = os.environ.get("CHRONICLE_REQUIRE_BROWSER") == "1"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        if required:
            pytest.fail("CHRONICLE_REQUIRE_BROWSER=1 but Playwright is not installed")
        pytest.skip("Playwright is not installed (requirements-dev.txt)")
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if required:
            pytest.fail(f"CHRONICLE_REQUIRE_BROWSER=1 but there is no Chromium at {CHROMIUM}")
        pytest.skip(f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Serve a hand-built store on a free local port for the whole module; yield its base URL."""
    _need_browser()
    import uvicorn
    from chronicle.api.app import create_app
    path = str(tmp_path_factory.mktemp("browser") / "site.db")
    with open_store(path) as s:
        s.add([kidal_article(), lagos_article(), hostile_article(), berbera_article(),
               second_kidal_report()])
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(site):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors, page errors and dialogs (none may appear)."""
    pg = browser.new_page(viewport={"width": 1300, "height": 900})
    pg.problems = []
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(m.text))
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.on("dialog", lambda d: (pg.problems.append("dialog: " + d.message), d.dismiss()))
    yield pg
    pg.close()


def drawn(pg) -> None:
    """Wait until the page's map and timeline say they are drawn."""
    pg.wait_for_selector('[data-view="map"][data-drawn="true"]', timeout=15000)
    pg.wait_for_selector('[data-view="timeline"][data-drawn="true"]', timeout=15000)


def test_the_desk_draws_its_map_and_timeline(site, page):
    page.goto(site + "/")
    drawn(page)
    assert page.locator('[data-view="map"] path.country').count() > 200  # the Natural Earth outlines
    circles = page.locator('[data-view="map"] circle.event')
    assert circles.count() == 4  # Kidal twice, Lagos, Berbera; the arrest and the hostile one have no place
    assert page.locator('[data-view="map"]').get_attribute("data-count") == "4"
    assert page.locator('[data-view="timeline"] rect.bar').count() >= 2
    box = page.locator('[data-view="map"] svg').bounding_box()
    assert box["width"] > 500 and box["height"] > 200
    assert "ASSAULT" in page.locator('[data-view="map"] .legend').inner_text()
    assert page.locator("table.events tbody tr").count() == 6
    assert page.problems == []


def test_a_facet_filters_the_list_and_the_map(site, page):
    page.goto(site + "/")
    drawn(page)
    page.locator('[data-facet="type"] a', has_text="PROTEST").click()
    page.wait_for_url("**/?type=PROTEST")
    drawn(page)
    assert page.locator("[data-total]").get_attribute("data-total") == "1"
    assert page.locator('[data-view="map"] circle.event').count() == 1
    assert page.locator("table.events tbody tr").count() == 1
    assert "Lagos" in page.locator("table.events").inner_text()
    page.locator("a.chip").click()  # remove the filter again
    page.wait_for_url(site + "/?")
    assert page.locator("[data-total]").get_attribute("data-total") == "6"
    assert page.problems == []


def test_the_form_filters_by_words_and_casualties(site, page):
    page.goto(site + "/")
    page.fill('input[name="min_casualties"]', "5")
    page.click("form.search button[type=submit]")
    drawn(page)
    ids = page.locator("table.events tbody tr td:first-child > a:first-child").all_inner_texts()
    assert sorted(ids) == ["1:e1", "4:e1", "5:e1"]  # six and five in Kidal, nine in Berbera
    assert page.locator('[data-view="map"] circle.event').count() == 3
    assert page.problems == []


def test_brushing_the_timeline_filters_to_those_dates(site, page):
    page.goto(site + "/")
    drawn(page)
    bars = page.locator('[data-view="timeline"] rect.bar')
    last = bars.nth(bars.count() - 1).bounding_box()
    overlay = page.locator('[data-view="timeline"] .brush .overlay').bounding_box()
    # Drag from just left of the last bar (Berbera, May 2024) to the right end of the axis.
    y = overlay["y"] + overlay["height"] / 2
    page.mouse.move(last["x"] - 3, y)
    page.mouse.down()
    page.mouse.move(overlay["x"] + overlay["width"] - 2, y, steps=8)
    page.mouse.up()
    page.wait_for_url("**since=*")
    q = parse_qs(urlsplit(page.url).query)
    assert q["since"][0] <= "2024-05-12" <= q["until"][0] and q["since"][0] > "2024-03-03"
    drawn(page)
    assert page.locator("table.events tbody tr td:first-child > a:first-child").all_inner_texts() == ["4:e1"]
    assert page.problems == []


def test_opening_an_event_from_the_list_and_from_the_map(site, page):
    page.goto(site + "/")
    drawn(page)
    page.locator("table.events a", has_text="1:e1").click()
    page.wait_for_url("**/event/1%3Ae1")
    assert page.locator("mark.trigger").first.inner_text() == "attacked"
    assert "Violence against civilians / Attack" in page.inner_text("table.fields")
    page.goto(site + "/?type=Grenade")
    drawn(page)
    page.locator('[data-view="map"] circle.event').first.click(force=True)
    page.wait_for_url("**/event/4%3Ae1")
    assert "Berbera" in page.inner_text("table.fields")
    assert page.problems == []


def test_an_incident_shows_both_reports_and_their_disagreement(site, page):
    page.goto(site + "/event/5%3Ae1")
    page.locator("a", has_text="every report of this incident").click()
    page.wait_for_url("**/event/5%3Ae1/incident")
    assert page.locator('[data-view="incident"]').get_attribute("data-reports") == "2"
    differ = page.locator("tr.differ")
    assert differ.count() == 1 and differ.get_attribute("data-field") == "injured"
    cells = differ.locator("td").all_inner_texts()
    assert "1\nfrom “one”" in cells and "2\nfrom “two”" in cells
    assert page.locator("section.report-evidence").count() == 2
    assert page.problems == []


def test_article_page_highlights_its_evidence(site, page):
    page.goto(site + "/article/1")
    text = page.locator('[data-view="article-text"]')
    assert text.locator("mark.trigger").all_inner_texts() == ["attacked"]
    assert text.locator("mark.content").count() >= 2  # what the governor and the army said
    assert text.locator("mark.cue").all_inner_texts() == ["said", "condemned"]
    colour = text.locator("mark.trigger").first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.problems == []


def test_hostile_article_text_never_runs(site, page):
    for path in ("/", "/?text=stormed", "/event/3:e1", "/article/3", "/statements.html"):
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof window.alert") == "function"
    assert page.problems == []  # no dialog opened, no error


def test_api_docs_render_offline(site, page):
    page.goto(site + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert page.locator(".swagger-ui .opblock").count() >= 10
    page.goto(site + "/redoc")
    page.wait_for_selector("text=List Events", timeout=15000)
    # ReDoc's footer logo points at its CDN; the policy blocks it, nothing else may fail.
    assert all("cdn.redoc.ly" in p for p in page.problems), page.problems
