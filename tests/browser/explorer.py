"""Use the explorer dashboard (notebooks/04_explorer.ipynb) the way a learner does, in JupyterLab or Voila.

The controls are found by what the learner reads: the tab titles, the checkbox and list labels
(every control of `rhetoric.present.widgets.Explorer` has a `description`), and the kit's `rl-`
CSS classes for the highlighted article (`rl-article`, `rl-label`, `rl-context`, `rl-caption`,
`rl-status`). Each action waits, bounded, until the page shows its effect.
"""

from __future__ import annotations

import re
import time

#: A short article written for this test (never text from the seed or the development data).
OWN_ARTICLE = """Council votes to shut the Harbour Bridge to cars

The city council voted on Tuesday to close the Harbour Bridge to cars from March. "The bridge is simply not safe \
any more," said Mayor Ana Lopez, who insisted that repairs would cost far too much.

Opponents claimed the decision was rushed. "Nobody asked the shop owners," said Tom Reed, who runs a bakery \
near the bridge. The closure will probably add twenty minutes to many commutes, according to a report by the \
city's transport office.
"""

ACTION_TIMEOUT = 60.0  # s; analysing a pasted article on a busy runner takes a few seconds

# Fingerprint of what the explorer shows: bars in the main pane, options in the Highlights list,
# the explanation on view, the status line, and the article names on offer.
_JS_STATE = """(root) => {
  const text = (el) => el ? (el.textContent || '').replace(/\\s+/g, ' ').trim() : '';
  const main = Array.from(root.querySelectorAll('.rl-article')).filter(a => !a.closest('.rl-context'));
  const lists = Array.from(root.querySelectorAll('.widget-select'));
  const hl = lists.find(e => text(e.querySelector('label')).startsWith('Highlights'));
  const dropdowns = Array.from(root.querySelectorAll('.widget-dropdown'));
  const art = dropdowns.find(e => text(e.querySelector('label')) === 'Article');
  const caption = root.querySelector('.rl-context .rl-caption');
  return {
    labels: main.reduce((n, a) => n + a.querySelectorAll('.rl-label').length, 0),
    mainText: main.map(text).join(' ').slice(0, 20000),
    highlights: hl ? hl.querySelectorAll('option').length : -1,
    caption: text(caption),
    status: text(root.querySelector('.rl-status')),
    articles: art ? Array.from(art.querySelectorAll('option')).map(o => text(o)) : [],
  };
}"""


class ExplorerDriver:
    """The explorer widget on a Playwright page (a JupyterLab tab or a Voila dashboard)."""

    def __init__(self, page, on_action=None, timeout: float = ACTION_TIMEOUT):
        self.page = page
        self.on_action = on_action or (lambda: None)  # e.g. wait for the Lab kernel to go idle
        # The explorer's outer box: its status line, then its tabs (Explore, Your own article, Export).
        self.root = page.locator(".widget-vbox:has(> .widget-tab)").filter(
            has=page.locator(".lm-TabBar-tab", has_text="Your own article")).first
        self.root.wait_for(state="visible", timeout=timeout * 1000)

    def state(self) -> dict:
        return self.root.evaluate(_JS_STATE)

    def wait_for(self, predicate, what: str, timeout: float = ACTION_TIMEOUT) -> dict:
        """Poll the explorer's state until `predicate(state)` holds; fail with `what` if it never does."""
        deadline = time.monotonic() + timeout
        state = self.state()
        while not predicate(state):
            if time.monotonic() > deadline:
                raise AssertionError(f"explorer: {what} (within {timeout:.0f} s); it shows {_brief(state)}")
            time.sleep(0.25)
            state = self.state()
        return state

    # --- the learner's actions -------------------------------------------------------------------

    def tab(self, title: str) -> None:
        self.root.locator(".lm-TabBar-tab", has_text=title).first.click()

    def has_tab(self, title: str) -> bool:
        return self.root.locator(".lm-TabBar-tab", has_text=title).count() > 0

    def plots(self) -> list[dict]:
        """Each plotly figure inside the explorer that is on screen: its svg count and drawn marks."""
        return self.root.evaluate("""(root) => Array.from(root.querySelectorAll('.js-plotly-plot'))
            .filter(e => e.offsetWidth > 0)
            .map(e => ({svg: e.querySelectorAll('svg.main-svg').length,
                        marks: e.querySelectorAll('g.trace, g.hm, g.slice, .scatterlayer path.point').length,
                        note: (e.querySelector('.annotation-text') || {}).textContent || ''}))""")

    def layer_toggles(self) -> list[tuple[str, bool, int]]:
        """(label, checked, count) for each layer checkbox."""
        boxes = self.root.locator(".widget-checkbox")
        out = []
        for i in range(boxes.count()):
            label = boxes.nth(i).inner_text().strip()
            m = re.search(r"\((\d+)\)", label)
            out.append((label, boxes.nth(i).locator("input").is_checked(), int(m.group(1)) if m else 0))
        return out

    def toggle_layer(self, label: str) -> None:
        self.root.locator(".widget-checkbox", has_text=label).first.locator("input").click()
        self.on_action()

    def choose(self, list_label: str, index: int = 0) -> str:
        """Select option `index` of the list (Select or SelectMultiple) labelled `list_label`."""
        widget = self.root.locator(".widget-select, .widget-select-multiple").filter(
            has=self.page.locator("label", has_text=list_label)).first
        select = widget.locator("select")
        option = select.locator("option").nth(index)
        text = option.inner_text().strip()
        select.select_option(index=index)
        self.on_action()
        return text

    def paste_and_analyse(self, text: str) -> None:
        self.tab("Your own article")
        area = self.root.locator(".widget-textarea").filter(
            has=self.page.locator("label", has_text="Your article")).first.locator("textarea")
        area.fill(text)
        self.on_action()
        self.root.locator("button", has_text="Analyse this text").first.click()
        self.on_action()


def _brief(state: dict) -> str:
    return (f"{state['labels']} highlight labels, {state['highlights']} entries in Highlights, "
            f"status {state['status'][:120]!r}, caption {state['caption'][:80]!r}")
