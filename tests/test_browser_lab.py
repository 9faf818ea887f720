"""Every notebook, run by a learner's browser: JupyterLab in headless Chromium.

For each notebook: open it, Run All, wait for the kernel, then no error output, every widget rendered,
every plotly figure drawn, and a full-length screenshot saved (the folder is printed). The explorer is
then used as a learner would: a layer toggle, a filter, a highlight, an article of our own.
A first test runs the same harness on a small notebook of its own with a deliberate error, to prove
the checks can fail.
"""

from __future__ import annotations

import time

import pytest

from tests.browser import servers
from tests.browser.explorer import OWN_ARTICLE, ExplorerDriver
from tests.browser.fixtures import EXPLORER, NOTEBOOKS, chromium, say, screenshot_dir
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
    try:
        report = page.run_all()
        page.screenshot(screenshot_dir() / f"{notebook.stem}.png")
        say(request.config, report.summary())
    finally:
        if notebook == EXPLORER:
            runs[rel] = page  # the interaction tests go on with this kernel
        else:
            page.close()
    assert not report.problems, f"{rel}: what a learner would see go wrong:\n  " + "\n  ".join(report.problems)
    assert page.unchanged_on_disk(), f"{rel} changed on disk during the run (saved by the test, or edited meanwhile)"


@pytest.fixture(scope="module")
def explorer(lab, runs):
    """The explorer notebook, run (reusing the run-all test's kernel when it ran first)."""
    rel = EXPLORER.relative_to(servers.REPO).as_posix()
    if rel not in runs:
        page = lab.open(rel)
        runs[rel] = page
        report = page.run_all()
        assert not report.problems, report.summary()
    page = runs[rel]
    page.evaluate("window.jupyterapp.shell.activateById(w.id);")
    return ExplorerDriver(page.page, on_action=page.wait_idle), page


def test_explorer_layer_toggle_and_filter_change_the_highlighting(explorer):
    driver, _ = explorer
    before = driver.wait_for(lambda s: s["labels"] > 0 and s["highlights"] > 0, "no highlighted article on view")
    label, _, count = next(t for t in driver.layer_toggles() if t[1] and t[2] > 0)
    driver.toggle_layer(label)
    after = driver.wait_for(lambda s: s["highlights"] != before["highlights"],
                            f"turning off the layer {label!r} did not change the highlights")
    assert after["highlights"] < before["highlights"] and after["labels"] < before["labels"]
    assert after["mainText"] != before["mainText"]
    driver.toggle_layer(label)  # and back on: the same view returns
    driver.wait_for(lambda s: s["highlights"] == before["highlights"], f"turning {label!r} back on did not restore it")

    actor = driver.choose("Actors", 0)
    filtered = driver.wait_for(lambda s: s["highlights"] != before["highlights"],
                               f"filtering on the actor {actor!r} did not change the highlights")
    assert 0 < filtered["highlights"] < before["highlights"], f"actor filter {actor!r}: {filtered}"


def test_explorer_selecting_a_highlight_shows_its_explanation(explorer):
    driver, _ = explorer
    driver.wait_for(lambda s: s["highlights"] > 0, "the Highlights list is empty")
    chosen = driver.choose("Highlights", 0)
    state = driver.wait_for(lambda s: len(s["caption"]) > 15, f"choosing {chosen!r} showed no explanation")
    label = chosen.split("—")[0].strip()
    assert state["caption"].lower().startswith(label.lower()[:6]), (chosen, state["caption"])


def test_explorer_charts_tab_draws_its_figures(explorer):
    driver, _ = explorer
    if not driver.has_tab("Charts"):
        pytest.skip("this explorer has no Charts tab")
    driver.tab("Charts")
    deadline = time.monotonic() + 60
    plots = driver.plots()
    while not (plots and all(p["svg"] and (p["marks"] or p["note"]) for p in plots)) and time.monotonic() < deadline:
        time.sleep(0.25)
        plots = driver.plots()
    driver.tab("Explore")
    assert plots, "the Charts tab shows no plotly figure"
    assert all(p["svg"] for p in plots), f"a chart was never drawn: {plots}"
    assert all(p["marks"] or p["note"] for p in plots), f"a chart is drawn empty: {plots}"


def test_explorer_analyses_a_pasted_article(explorer, request):
    driver, page = explorer
    driver.paste_and_analyse(OWN_ARTICLE)
    state = driver.wait_for(lambda s: "Analysed" in s["status"], "pasting an article and pressing Analyse did nothing")
    assert "Harbour Bridge" in state["mainText"], "the dashboard does not show the pasted article"
    assert state["labels"] > 0, "the pasted article is shown without a single highlight"
    assert len(state["articles"]) >= 2, state["articles"]
    page.screenshot(screenshot_dir() / "04_explorer-own-article.png")
    report = page.inspect()
    assert not report.problems, report.summary()
    say(request.config, f"explorer, own article: {state['status']}")
