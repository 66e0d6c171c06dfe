"""Take the screenshots in docs/img/: ingest the sample articles into a fresh store, serve
it, and photograph each page in headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright, which downloads no browser).

    .venv/bin/python tools/screenshots.py [--out docs/img]
"""
from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# (file name, path, wait for the drawn views, full page)
PAGES = [
    ("desk.png", "/", True, False),
    ("desk-filtered.png", "/?type=ASSAULT&sort=-casualties", True, True),
    ("event.png", "/event/2%3Ae1", False, False),
    ("incident.png", "/event/1%3Ae1/incident", False, True),
    ("article.png", "/article/1", False, False),
    ("statements.png", "/statements.html", False, False),
    ("api-docs.png", "/docs", False, False),
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "img"))
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    db = str(Path(tempfile.mkdtemp()) / "demo.db")
    # Relative to the repository, so the pages show "samples/articles/...", not this machine's path.
    subprocess.run([sys.executable, "-m", "chronicle.cli", "ingest", "samples/articles", "--db", db],
                   check=True, cwd=ROOT)
    import uvicorn
    from playwright.sync_api import sync_playwright
    from chronicle.api.app import create_app
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        for name, path, views, full in PAGES:
            page.goto(f"http://127.0.0.1:{port}{path}")
            if views:
                page.wait_for_selector('[data-view="map"][data-drawn="true"]')
                page.wait_for_selector('[data-view="timeline"][data-drawn="true"]')
            if path == "/docs":
                page.wait_for_selector(".swagger-ui .opblock")
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / name), full_page=full)
            print(out / name)
        browser.close()
    server.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
