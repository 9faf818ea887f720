"""Presentation mode: the explorer served by Voila (what `make present` shows on a projector).

The dashboard must render its widgets with no code cell on screen and no error, and stay live: a layer
toggle still changes the highlighting.
"""

from __future__ import annotations

import time

import pytest

from tests.browser import servers
from tests.browser.explorer import ExplorerDriver
from tests.browser.fixtures import EXPLORER, chromium, say, screenshot_dir
from tests.browser.lab import VIEWPORT, tall_screenshot

pytestmark = pytest.mark.browser

RENDER_TIMEOUT = 240.0  # s: Voila runs the whole notebook before the page is complete

_JS_PAGE = """() => {
  const text = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
  const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const outputs = Array.from(document.querySelectorAll('.jp-OutputArea-output, .jupyter-widgets'));
  return {
    loading: outputs.filter(e => text(e) === 'Loading widget...').length
             + Array.from(document.querySelectorAll('#loading, .voila-spinner-color1')).filter(visible).length,
    widgetErrors: outputs.filter(e => /^Error displaying widget/.test(text(e))).map(e => text(e).slice(0, 120)),
    errors: Array.from(document.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], .jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]'))
        .map(e => text(e).slice(0, 300)),
    code: document.querySelectorAll('.jp-InputArea-editor, .cm-editor, .CodeMirror, .jp-InputPrompt').length,
    widgets: document.querySelectorAll('.jupyter-widgets').length,
    plots: Array.from(document.querySelectorAll('.js-plotly-plot')).map(e => e.querySelectorAll('svg.main-svg').length),
    body: text(document.body).slice(0, 300),
  };
}"""


@pytest.fixture(scope="module")
def dashboard(request):
    """A Chromium page showing the explorer in Voila, fully executed."""
    with chromium() as browser, servers.voila(EXPLORER) as server:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        started = time.monotonic()
        page.goto(server.url(""),
                  wait_until="domcontentloaded", timeout=RENDER_TIMEOUT * 1000)
        driver = ExplorerDriver(page, timeout=RENDER_TIMEOUT)
        deadline = time.monotonic() + RENDER_TIMEOUT
        state = page.evaluate(_JS_PAGE)
        # Voila renders cell by cell: right after the page loads there may be no spinner yet
        while (state["loading"] or state["widgets"] <= 5) and time.monotonic() < deadline:
            time.sleep(0.5)
            state = page.evaluate(_JS_PAGE)
        say(request.config, f"\nVoila dashboard rendered in {time.monotonic() - started:.1f} s")
        yield page, driver
        context.close()


def test_voila_dashboard_renders_widgets_without_code_or_errors(dashboard, request):
    page, driver = dashboard
    state = page.evaluate(_JS_PAGE)
    shot = screenshot_dir() / "04_explorer-voila.png"
    tall_screenshot(page, shot)
    say(request.config, f"Voila: {state['widgets']} widgets, {len(state['plots'])} plotly figures, screenshot {shot}")
    assert not state["errors"], f"the dashboard shows errors: {state['errors']}"
    assert not state["widgetErrors"], state["widgetErrors"]
    assert not state["loading"], f"still loading after {RENDER_TIMEOUT:.0f} s"
    assert state["code"] == 0, f"{state['code']} code inputs are visible in presentation mode"
    assert state["widgets"] > 5 and driver.state()["labels"] > 0, f"no live dashboard: {state['body']!r}"
    assert all(state["plots"]), "a plotly figure was never drawn"


def test_voila_dashboard_is_live(dashboard):
    """The dashboard's kernel answers: turning a layer off changes the highlighting."""
    _, driver = dashboard
    before = driver.wait_for(lambda s: s["highlights"] > 0, "no highlights on the dashboard")
    label = next(t[0] for t in driver.layer_toggles() if t[1] and t[2] > 0)
    driver.toggle_layer(label)
    driver.wait_for(lambda s: s["highlights"] < before["highlights"], f"turning off {label!r} changed nothing")


def test_voila_dashboard_has_no_serious_accessibility_fault(dashboard, request):
    """axe-core (from tests/browser/node_modules) finds nothing serious or critical on the dashboard."""
    from tests.browser.a11y import axe_violations, blocking, describe

    page, _ = dashboard
    violations = axe_violations(page)
    say(request.config, f"Voila: axe-core violations:\n{describe(violations)}")
    assert not blocking(violations), "serious or critical accessibility faults:\n" + describe(blocking(violations))


def test_voila_explorer_works_with_the_keyboard_alone(dashboard, request):
    """Tab reaches every control of the explorer; Space switches a layer; the arrow keys choose a
    highlight (its explanation shows) and open the Charts tab, whose chart has a text summary."""
    from tests.browser.a11y import controls, focused, press_tab_until, tab_walk

    page, driver = dashboard
    before = driver.wait_for(lambda s: s["highlights"] > 0, "no highlights on the dashboard")
    explorer = ".widget-vbox:has(> .widget-tab)"
    stops = tab_walk(page)
    reached = {s["kb"] for s in stops}
    missing = [c for c in controls(page, explorer) if c["kb"] not in reached]
    say(request.config, f"Voila: Tab reaches {len(stops)} stops; explorer controls missed: {len(missing)}")
    assert not missing, f"explorer controls the keyboard never reaches: {missing}"

    # a layer switch: Tab to it, Space
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    box = press_tab_until(page, lambda f: f["type"] == "checkbox" and f["checked"] and "(0)" not in f["name"],
                          "a ticked layer switch")
    page.keyboard.press("Space")
    driver.wait_for(lambda s: s["highlights"] < before["highlights"], f"Space on {box['name']!r} changed nothing")
    page.keyboard.press("Space")
    driver.wait_for(lambda s: s["highlights"] == before["highlights"], f"Space again on {box['name']!r} did not restore")

    # a highlight: Tab to the list, ArrowDown, and its explanation shows
    press_tab_until(page, lambda f: f["tag"] == "select" and f["name"].startswith("Highlights"), "the Highlights list")
    page.keyboard.press("ArrowDown")
    driver.wait_for(lambda s: len(s["caption"]) > 15, "choosing a highlight with the arrow keys showed no explanation")

    # the tabs: Shift+Tab back to the current tab, ArrowRight to "Charts", Enter or Space to open it
    press_tab_until(page, lambda f: f["role"] == "tab", "the tab bar", key="Shift+Tab")
    press_tab_until(page, lambda f: f["role"] == "tab" and f["name"].startswith("Charts"), "the Charts tab",
                    limit=6, key="ArrowRight")
    page.keyboard.press("Enter")
    summary = page.wait_for_selector(".rl-chart-summary", state="visible", timeout=60_000)
    assert len(summary.inner_text()) > 30, summary.inner_text()
    press_tab_until(page, lambda f: f["role"] == "tab" and f["name"].startswith("Explore"), "the Explore tab",
                    limit=6, key="ArrowLeft")
    page.keyboard.press("Enter")
    driver.wait_for(lambda s: s["highlights"] > 0, "back on the Explore tab, no highlights")
    assert focused(page)["role"] == "tab"
