"""What the browser test modules share: skip-or-fail policy, Chromium, screenshot folder, reporting.

Pytest fixtures themselves live in the test modules (a session fixture imported into two modules
would be built twice); these helpers keep them three lines long.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .lab import browser_unavailable, launch_chromium
from .servers import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9]*.ipynb"))
EXPLORER = REPO / "notebooks" / "04_explorer.ipynb"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_browser() -> None:
    """Skip (locally) or fail (with CI set) when Chromium or Playwright is missing."""
    reason = browser_unavailable()
    if reason is None:
        return
    if in_ci():
        pytest.fail(f"CI is set, so the browser tests must run, but {reason}. "
                    f".ci/run installs chromium with apt-get; requirements-dev.txt installs playwright.",
                    pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}")


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A headless Debian Chromium for the duration of the block."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


_SHOTS: Path | None = None


def screenshot_dir() -> Path:
    """Where this run saves its screenshots: $RHETORIC_SCREENSHOTS, else a fresh temp folder."""
    global _SHOTS
    if _SHOTS is None:
        env = os.environ.get("RHETORIC_SCREENSHOTS")
        if env:
            _SHOTS = Path(env).resolve()
            _SHOTS.mkdir(parents=True, exist_ok=True)
        else:
            stamp = time.strftime("%Y%m%d-%H%M%S")
            _SHOTS = Path(tempfile.mkdtemp(prefix=f"rhetoric-lab-screenshots-{stamp}-"))
    return _SHOTS


def say(config, line: str) -> None:
    """Print a line to the terminal even when pytest captures output."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(line)
    else:
        print(line)
