"""A projector view for every lesson: `make present LESSON=N` serves notebook N in Voila.

Each lesson notebook must render with no code on screen and no error, and stay legible on a
1280×720 projector at 150 % browser zoom (a CSS viewport of 853×480 at 1.5 device pixels per
pixel): nothing wider than the screen, article text at 16 px or more.
"""

from __future__ import annotations

import time

import pytest

from tests.browser import servers
from tests.browser.fixtures import NOTEBOOKS, chromium, say, screenshot_dir

pytestmark = pytest.mark.browser

RENDER_TIMEOUT = 300.0  # s: Voila runs the whole notebook before the page is complete
PROJECTOR_150 = {"width": 853, "height": 480}  # 1280×720 at 150 % zoom

_JS = """() => {
  const text = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
  const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const outputs = Array.from(document.querySelectorAll('.jp-OutputArea-output, .jupyter-widgets'));
  const wide = Array.from(document.querySelectorAll('.jp-Cell, .jp-OutputArea-output'))
      .filter(e => visible(e) && e.getBoundingClientRect().right > window.innerWidth + 4)
      .map(e => e.className.slice(0, 60));
  const article = Array.from(document.querySelectorAll('.rl-article, .rhetoric-article'))
      .map(e => parseFloat(getComputedStyle(e).fontSize));
  return {
    loading: outputs.filter(e => text(e) === 'Loading widget...').length
             + Array.from(document.querySelectorAll('#loading, .voila-spinner-color1')).filter(visible).length,
    errors: Array.from(document.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"]'))
        .map(e => text(e).slice(0, 300)),
    widgetErrors: outputs.filter(e => /^Error displaying widget/.test(text(e))).length,
    code: document.querySelectorAll('.jp-InputArea-editor, .cm-editor, .CodeMirror, .jp-InputPrompt').length,
    wide: wide,
    article: article,
    blanks: (document.body.innerText.match(/run the cell again/g) || []).length,
  };
}"""

LESSONS = [nb for nb in NOTEBOOKS if nb.name[:2] in ("00", "01", "02", "03")]


@pytest.mark.parametrize("notebook", LESSONS, ids=[nb.stem for nb in LESSONS])
def test_every_lesson_has_a_code_free_projector_view(notebook, request):
    with chromium() as browser, servers.voila(notebook) as server:
        context = browser.new_context(viewport=PROJECTOR_150, device_scale_factor=1.5)
        page = context.new_page()
        started = time.monotonic()
        page.goto(server.url(""), wait_until="domcontentloaded", timeout=RENDER_TIMEOUT * 1000)
        deadline = time.monotonic() + RENDER_TIMEOUT
        state = page.evaluate(_JS)
        # Voila renders cell by cell: until the article is drawn the page may show no spinner yet
        while (state["loading"] or not state["article"]) and time.monotonic() < deadline:
            time.sleep(0.5)
            state = page.evaluate(_JS)
        shot = screenshot_dir() / f"{notebook.stem}-present-150.png"
        page.screenshot(path=str(shot))
        say(request.config, f"\n{notebook.stem} in Voila in {time.monotonic() - started:.1f} s; screenshot {shot}")
        context.close()
    assert not state["loading"], f"still loading after {RENDER_TIMEOUT:.0f} s"
    assert not state["errors"], state["errors"]
    assert not state["widgetErrors"]
    assert state["code"] == 0, f"{state['code']} code inputs visible"
    assert state["blanks"] == 0, "a code-free view must not ask to edit a cell it does not show"
    assert not state["wide"], f"wider than a 1280×720 projector at 150 %: {state['wide'][:5]}"
    assert state["article"] and min(state["article"]) >= 16, state["article"]
