"""Make the pictures in README's "Explore" section from the seed:

- docs/seed-graph.png: the page `kg viz` writes (who met whom), photographed by Debian's chromium through Playwright
  (the same browser and options as tests/test_browser.py; `playwright install` is never needed);
- docs/seed-events.png: the page of `kg viz --mode events` (actors and events);
- docs/seed-timeline.png: `kg timeline` of the seed's week.

    python docs/make_screenshot.py            # needs chromium (apt-get install chromium) and the test extra
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--no-first-run"]


def kg(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "graph.cli", *args], check=True, cwd=ROOT)


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        kg("build", str(ROOT / "seeds"), "--store", str(store), "-q")
        pages = {"seed-graph.png": Path(tmp) / "people.html", "seed-events.png": Path(tmp) / "events.html"}
        kg("viz", "--store", str(store), "-o", str(pages["seed-graph.png"]), "--title", "Who met whom — the seed")
        kg("viz", "--store", str(store), "-o", str(pages["seed-events.png"]), "--mode", "events",
           "--title", "Actors and events — the seed")
        kg("timeline", "--store", str(store), "-o", str(DOCS / "seed-timeline.png"), "--since", "2023-02-27")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
            for picture, page in pages.items():
                tab = browser.new_page(viewport={"width": 1280, "height": 800})
                tab.goto(page.as_uri())
                tab.wait_for_selector("#kg-network[data-ready=true]", state="attached", timeout=60_000)
                tab.screenshot(path=str(DOCS / picture))
                tab.close()
            browser.close()
    print(f"wrote {', '.join(str(DOCS / p) for p in [*pages, 'seed-timeline.png'])}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
