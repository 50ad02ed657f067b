"""Make the pictures in README's "Explore" section from the seed:

- docs/seed-graph.png: the page `kg viz` writes, photographed by Debian's chromium through Playwright (the same
  browser and options as tests/test_browser.py; `playwright install` is never needed);
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
        store, page = Path(tmp) / "store", Path(tmp) / "seed.html"
        kg("build", str(ROOT / "seeds"), "--store", str(store), "-q")
        kg("viz", "--store", str(store), "-o", str(page), "--title", "Who met whom — the seed")
        kg("timeline", "--store", str(store), "-o", str(DOCS / "seed-timeline.png"), "--since", "2023-02-27")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
            tab = browser.new_page(viewport={"width": 1400, "height": 900})
            tab.goto(page.as_uri())
            tab.wait_for_selector("#kg-network[data-ready=true]", state="attached", timeout=60_000)
            tab.evaluate("window.kgNetwork.fit()")
            tab.screenshot(path=str(DOCS / "seed-graph.png"))
            browser.close()
    print(f"wrote {DOCS / 'seed-graph.png'} and {DOCS / 'seed-timeline.png'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
