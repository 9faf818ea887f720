"""Regenerate the README screenshots of the real notebooks: `make screenshots`.

    python -m tests.browser.screenshots [--out docs/screenshots] [--full]

Starts JupyterLab on the repository, runs every notebook in headless Chromium (as the browser tests
do), and saves for each one a 1280x900 view of its first widget or chart (`NN_name.png`); for the
explorer also the Voila dashboard (`04_explorer-voila.png`). With `--full` it saves every notebook
whole as well (`NN_name-full*.png`). It prints what a learner would see go wrong and exits 1 if
anything did.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import servers
from .explorer import ExplorerDriver
from .fixtures import EXPLORER, NOTEBOOKS
from .lab import LabSession, browser_unavailable, launch_chromium

DEFAULT_OUT = servers.REPO / "docs" / "screenshots"
#: Notebooks whose README picture is their opening (title, objectives), not their first widget.
TOP_VIEW = {"00_start_here"}

#: Scroll the notebook so its first widget or chart sits near the top of the view.
_JS_SCROLL_TO_FIRST_VIEW = """
  const scroller = w.content.node.querySelector('.jp-WindowedPanel-outer');
  const target = w.content.node.querySelector('.jp-OutputArea-output .rl-article, .jp-OutputArea-output .js-plotly-plot,'
                                              + ' .jp-OutputArea-output .widget-tab, .jp-OutputArea-output .jupyter-widgets');
  if (!scroller || !target) return 0;
  const cell = target.closest('.jp-Cell');
  const top = cell.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
  scroller.scrollTop = Math.max(0, top - 60);
  return scroller.scrollTop;
"""


def capture(out: Path, full: bool = False) -> int:
    """Save the screenshots into `out`; return the number of notebooks with problems."""
    reason = browser_unavailable()
    if reason:
        print(f"Cannot take screenshots: {reason}", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    started = time.monotonic()
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            with servers.jupyterlab() as server:
                session = LabSession(browser, server)
                for notebook in NOTEBOOKS:
                    page = session.open(notebook.relative_to(servers.REPO).as_posix())
                    try:
                        report = page.run_all()
                        if full:
                            page.screenshot(out / f"{notebook.stem}-full.png")
                        if notebook.stem not in TOP_VIEW:
                            page.evaluate(_JS_SCROLL_TO_FIRST_VIEW)
                        else:
                            page.evaluate("w.content.node.querySelector('.jp-WindowedPanel-outer').scrollTop = 0;")
                        page.page.wait_for_timeout(500)
                        target = out / f"{notebook.stem}.png"
                        page.page.screenshot(path=str(target))
                        report.screenshot = target
                        print(report.summary(), flush=True)
                        failed += bool(report.problems)
                    finally:
                        page.close()
                session.close()
            with servers.voila(EXPLORER) as server:
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(server.url(""), wait_until="domcontentloaded", timeout=240_000)
                driver = ExplorerDriver(page, timeout=240)
                driver.wait_for(lambda s: s["labels"] > 0, "the dashboard shows no highlights", timeout=240)
                driver.root.scroll_into_view_if_needed()
                page.wait_for_timeout(500)
                target = out / f"{EXPLORER.stem}-voila.png"
                page.screenshot(path=str(target))
                print(f"{EXPLORER.name} in Voila: screenshot {target}")
                page.close()
        finally:
            browser.close()
    print(f"Screenshots in {out} ({time.monotonic() - started:.0f} s)")
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the PNGs (default docs/screenshots)")
    parser.add_argument("--full", action="store_true", help="also save every notebook whole")
    args = parser.parse_args(argv)
    return 1 if capture(args.out.resolve(), full=args.full) else 0


if __name__ == "__main__":
    sys.exit(main())
