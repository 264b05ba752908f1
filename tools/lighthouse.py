"""Lighthouse scores for one page of each kind: ``invoke lighthouse`` (not a CI gate).

Builds the production site (its SITEURL set to a local server) into a temporary folder,
serves it on localhost and runs npm's
Lighthouse (fetched by npx from the npm registry on first use) in Debian's Chromium. Prints
the performance, accessibility, best-practices and SEO scores per page. Lighthouse is noisy
from run to run, which is why this reports figures instead of failing a build.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from briefsite.content.paths import ProjectPaths
from briefsite.site.build import build_site

LIGHTHOUSE = "lighthouse@13.5.0"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "home": "/",
    "bulletin": "/bulletins/shaping-new-engines-and-new-strengths-in-development/",
    "expert": "/experts/wu-zhiqiang/",
    "region": "/regions/yangtze-river-delta/",
    "theme": "/themes/collaborative-innovation/",
    "search": "/search/?q=delta",
    "bulletin list": "/bulletins/",
    "404": "/404.html",
}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main(root: Path) -> int:
    chromium = shutil.which("chromium")
    if not chromium or not shutil.which("npx"):
        print("needs Debian's chromium and npm's npx", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        site.mkdir()
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        # the production build, with its absolute URLs pointing at this local server
        build_site(
            ProjectPaths(root),
            root / "publishconf.py",
            output=str(site),
            SITEURL=base,
            FEED_DOMAIN=base,
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"{'page':<15}" + "".join(f"{c:>16}" for c in CATEGORIES))
        for kind, path in PAGES.items():
            result = subprocess.run(
                [
                    "npx",
                    "--yes",
                    LIGHTHOUSE,
                    base + path,
                    "--output=json",
                    "--quiet",
                    f"--chrome-flags={CHROME_FLAGS}",
                    f"--only-categories={','.join(CATEGORIES)}",
                ],
                capture_output=True,
                text=True,
                check=False,
                env={**os.environ, "CHROME_PATH": chromium},
            )
            if result.returncode:
                print(f"{kind:<15} lighthouse failed: {result.stderr.strip()[-300:]}")
                continue
            report = json.loads(result.stdout)
            scores = [report["categories"][c]["score"] for c in CATEGORIES]
            print(f"{kind:<15}" + "".join(f"{round(s * 100):>16}" for s in scores))
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(__file__).resolve().parents[1]))
