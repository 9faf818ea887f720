"""Drive notebooks in JupyterLab through Chromium and report what a learner would see go wrong.

One browser tab loads JupyterLab once (`LabSession`); notebooks are opened in it one after another
(`LabSession.open`), each with its own kernel. `NotebookPage.run_all()` runs every cell the way a
learner does (Run All), waits for the kernel and the widgets, then lists in plain words every error
output, every widget that failed to render and every plotly figure left blank. The checks read both
the screen (the DOM of that notebook's panel) and the notebook model through `window.jupyterapp`
(what the kernel sent), so a failure names the cell.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from .servers import Server

CHROMIUM = os.environ.get("RHETORIC_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
MAX_SCREENSHOT_HEIGHT = 16000  # px; Chromium cannot capture much more in one image

LAB_TIMEOUT = 120.0  # s for JupyterLab to load in the tab (cold, on a busy 2-core runner)
KERNEL_TIMEOUT = 90.0  # s until a notebook's kernel is idle after opening
RUN_TIMEOUT = 240.0  # s for Run All on one notebook
WIDGET_TIMEOUT = 45.0  # s for every widget and figure to render after the last cell ran


def browser_unavailable() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package `playwright` is not installed (pip install -r requirements-dev.txt)"
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    return None


def launch_chromium(playwright):
    """Debian's Chromium, headless (never a browser downloaded by `playwright install`)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


# --- JavaScript run in the page; `PANEL(path)` finds the notebook panel open on that path ----------

_JS_HELPERS = """
const PANEL = (path) => {
  const app = window.jupyterapp;
  if (!app) return null;
  for (const w of app.shell.widgets('main')) {
    if (w.context && w.context.path === path && w.content && w.sessionContext) return w;
  }
  return null;
};
const TEXT = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
const CELL_OF = (panel, el) => {
  const cell = el.closest('.jp-Cell');
  return cell ? panel.content.widgets.findIndex(c => c.node === cell) : null;
};
"""


def _js(body: str) -> str:
    """A page function of one argument (the notebook path) with the helpers in scope."""
    prefix = "async " if "await " in body else ""
    return f"{prefix}(path) => {{ {_JS_HELPERS}\n{body} }}"


JS_KERNEL_IDLE = _js("""
  const w = PANEL(path);
  if (!w || !w.context.isReady || !w.sessionContext.isReady) return false;
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  return !!k && k.status === 'idle' && w.content.widgets.length > 0;
""")

JS_RUN_STATE = _js("""
  const w = PANEL(path);
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  const cells = w.content.widgets.map((c, i) => ({
    index: i,
    type: c.model.type,
    count: c.model.type === 'code' ? c.model.executionCount : null,
    running: c.model.type === 'code' && (c.model.executionState === 'running'
             || (!!c.promptNode && c.promptNode.textContent.includes('*'))),
    source: c.model.sharedModel.getSource().slice(0, 80),
  }));
  return { kernel: kernel ? kernel.status : 'none', cells };
""")

JS_OUTPUT_MODEL = _js("""
  const w = PANEL(path);
  const found = [];
  w.content.widgets.forEach((c, i) => {
    if (c.model.type !== 'code') return;
    const outs = c.model.outputs;
    for (let j = 0; j < outs.length; j++) {
      const o = outs.get(j).toJSON();
      const plain = o.data && o.data['text/plain'];
      found.push({
        cell: i, type: o.output_type, ename: o.ename || null, evalue: o.evalue || null,
        mimes: o.data ? Object.keys(o.data) : [],
        plain: plain ? String(Array.isArray(plain) ? plain.join('') : plain).slice(0, 40) : null,
      });
    }
  });
  return found;
""")

# What is on screen in the panel (widgets can put output areas inside other output areas).
JS_SCREEN = _js("""
  const w = PANEL(path);
  const root = w.content.node;
  const outputs = Array.from(root.querySelectorAll('.jp-OutputArea-output, .jupyter-widgets'));
  const widgetErrors = outputs.filter(e => /^Error displaying widget/.test(TEXT(e)))
                              .map(e => ({cell: CELL_OF(w, e), text: TEXT(e).slice(0, 120)}));
  const loading = outputs.filter(e => TEXT(e) === 'Loading widget...').map(e => ({cell: CELL_OF(w, e)}));
  const stderr = Array.from(root.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'))
      .map(e => ({cell: CELL_OF(w, e), text: TEXT(e).slice(0, 600)}));
  const plots = Array.from(root.querySelectorAll('.js-plotly-plot')).map(e => {
      const r = e.getBoundingClientRect();
      return {
        cell: CELL_OF(w, e),
        svg: e.querySelectorAll('svg.main-svg').length,
        // drawn marks: cartesian traces, heatmaps, pie slices, table cells, polar/ternary traces
        marks: e.querySelectorAll('g.trace, g.hm, g.slice, g.table-cell, .scatterlayer path.point, .choroplethlocation').length,
        width: r.width, height: r.height,
        // in a tab not on view (display: none above it): drawn when the learner opens that tab
        hidden: e.checkVisibility ? !e.checkVisibility() : false,
        note: Array.from(e.querySelectorAll('.annotation-text')).map(TEXT).join(' ').slice(0, 160),
      };
  });
  return {widgetErrors, loading, stderr, plots};
""")


@dataclass
class Report:
    """What one notebook run showed: `problems` fail the test, `notes` are printed."""

    notebook: str
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    screenshot: Path | None = None
    plots: int = 0
    widgets: int = 0

    def summary(self) -> str:
        head = (f"{self.notebook}: {self.seconds:.1f} s, {self.widgets} widget outputs, "
                f"{self.plots} plotly figures, screenshot {self.screenshot}")
        return "\n".join([head] + [f"  PROBLEM {p}" for p in self.problems] + [f"  note {n}" for n in self.notes])


class LabSession:
    """One Chromium tab with JupyterLab loaded; notebooks open in it one at a time."""

    def __init__(self, browser, server: Server):
        self.server = server
        self.context = browser.new_context(viewport=VIEWPORT)
        self.page = self.context.new_page()
        self.console_errors: list[str] = []
        self.page.on("pageerror", lambda exc: self.console_errors.append(f"page error: {exc}"))
        self.page.on("console", self._on_console)
        started = time.monotonic()
        self.page.goto(server.url("lab?reset"), wait_until="domcontentloaded", timeout=LAB_TIMEOUT * 1000)
        self.page.wait_for_function(
            "() => !!(window.jupyterapp && window.jupyterapp.shell && window.jupyterapp.serviceManager"
            " && document.querySelector('#jp-main-dock-panel'))",
            timeout=LAB_TIMEOUT * 1000, polling=250)
        self.page.evaluate("async () => { await window.jupyterapp.restored; window.jupyterapp.shell.collapseLeft();"
                           " window.jupyterapp.shell.collapseRight();"
                           " window.jupyterapp.shell.mode = 'single-document'; }")
        self.load_seconds = time.monotonic() - started

    def _on_console(self, msg) -> None:
        if msg.type == "error":
            self.console_errors.append(f"console error: {msg.text[:300]}")

    def open(self, rel_path: str) -> NotebookPage:
        """Open a notebook (path relative to the server's root) and wait for its kernel."""
        return NotebookPage(self, rel_path)

    def close(self) -> None:
        self.context.close()


class NotebookPage:
    """One notebook open in the session's tab."""

    def __init__(self, session: LabSession, rel_path: str):
        self.session = session
        self.page = session.page
        self.path = rel_path
        self.report = Report(rel_path)
        self._errors_before = len(session.console_errors)
        self._original = self._file_bytes()
        started = time.monotonic()
        self.page.evaluate("(path) => { window.jupyterapp.commands.execute('docmanager:open',"
                           " {path, factory: 'Notebook'}); }", rel_path)
        self.page.wait_for_function(JS_KERNEL_IDLE, arg=rel_path, timeout=KERNEL_TIMEOUT * 1000, polling=250)
        self.report.seconds = time.monotonic() - started

    def _file_bytes(self) -> bytes | None:
        try:
            return (self.session.server.root_dir / self.path).read_bytes()
        except OSError:
            return None

    def evaluate(self, body: str):
        """Run a page function body with `w` bound to this notebook's panel."""
        return self.page.evaluate(_js("const w = PANEL(path);\n" + body), self.path)

    def state(self) -> dict:
        return self.page.evaluate(JS_RUN_STATE, self.path)

    def screen(self) -> dict:
        return self.page.evaluate(JS_SCREEN, self.path)

    # --- running -----------------------------------------------------------------------------------

    def run_all(self, timeout: float = RUN_TIMEOUT) -> Report:
        """Run All, wait until every cell ran (or one failed) and every widget rendered; then inspect."""
        started = time.monotonic()
        # Activate the panel so the command targets it; not awaited in the page (Playwright's
        # evaluate has no timeout), the wait below is ours and bounded.
        self.evaluate("window.jupyterapp.shell.activateById(w.id);"
                      " window.jupyterapp.commands.execute('notebook:run-all-cells');")
        self._wait_cells(timeout)
        self.wait_rendered()
        self.report.seconds += time.monotonic() - started
        self.inspect()
        return self.report

    def _wait_cells(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        idle_since = None
        while True:
            state = self.state()
            code = [c for c in state["cells"] if c["type"] == "code"]
            running = [c for c in code if c["running"]]
            if state["kernel"] == "idle" and not running:
                if all(c["count"] is not None for c in code):
                    return
                # Idle, nothing queued, some cells without a count: Run All stopped at a failing cell
                # (confirmed once the state holds for a few seconds).
                idle_since = idle_since or time.monotonic()
                if time.monotonic() - idle_since > 3.0 and any(c["count"] is not None for c in code):
                    return
            else:
                idle_since = None
            if time.monotonic() > deadline:
                where = running[0]["index"] if running else "?"
                self.report.problems.append(
                    f"Run All did not finish within {timeout:.0f} s (kernel {state['kernel']}, cell {where} running)")
                return
            time.sleep(0.25)

    def wait_rendered(self, timeout: float = WIDGET_TIMEOUT) -> None:
        """Wait until no widget is still loading and every plotly figure has its svg."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if not screen["loading"] and all(p["svg"] and (p["marks"] or p["note"]) for p in screen["plots"]):
                return
            time.sleep(0.25)

    def wait_idle(self, timeout: float = 60.0) -> None:
        """Wait for the kernel to finish what a widget interaction asked of it."""
        deadline = time.monotonic() + timeout
        quiet = 0
        while time.monotonic() < deadline:
            quiet = quiet + 1 if self.state()["kernel"] == "idle" else 0
            if quiet >= 3:  # idle on three polls in a row: the callback and its redraw are done
                return
            time.sleep(0.2)
        raise TimeoutError(f"{self.path}: kernel still busy after {timeout:.0f} s")

    # --- checking ----------------------------------------------------------------------------------

    def inspect(self) -> Report:
        """Fill the report's problems from the notebook model and the screen."""
        rep = self.report
        state, outputs, screen = self.state(), self.page.evaluate(JS_OUTPUT_MODEL, self.path), self.screen()
        problems: list[str] = []
        for out in outputs:
            if out["type"] == "error":
                problems.append(f"cell {out['cell']} raised {out['ename']}: {out['evalue']}")
        for c in state["cells"]:
            if c["type"] == "code" and c["count"] is None and c["source"].strip():
                problems.append(f"cell {c['index']} never ran ({c['source'][:50]!r})")
        for err in screen["stderr"]:
            if "Traceback" in err["text"] or "Error" in err["text"]:
                problems.append(f"cell {err['cell']} shows an error: {err['text'][:300]}")
            else:  # warnings: shown to the learner in a pink box, reported, not failed
                rep.notes.append(f"cell {err['cell']} shows stderr text: {err['text'][:200]}")
        for err in screen["widgetErrors"]:
            problems.append(f"cell {err['cell']}: {err['text']}")
        for item in screen["loading"]:
            problems.append(f"cell {item['cell']}: a widget still says 'Loading widget...' after {WIDGET_TIMEOUT:.0f} s")
        expected = sum(1 for o in outputs if "application/vnd.plotly.v1+json" in o["mimes"]
                       or (o["plain"] or "").startswith("FigureWidget("))
        for plot in screen["plots"]:
            if not plot["svg"]:
                problems.append(f"cell {plot['cell']}: a plotly figure was never drawn (no svg.main-svg)")
            elif not plot["marks"] and plot["note"]:  # a deliberate empty state that says why
                rep.notes.append(f"cell {plot['cell']}: a plotly figure shows no data, only: {plot['note']!r}")
            elif not plot["marks"]:
                problems.append(f"cell {plot['cell']}: a plotly figure is drawn empty (axes, no data)")
            elif not plot["hidden"] and (plot["width"] < 50 or plot["height"] < 50):
                problems.append(f"cell {plot['cell']}: a plotly figure is only {plot['width']:.0f}x{plot['height']:.0f} px")
        if len(screen["plots"]) < expected:
            problems.append(f"{expected} plotly figures were output but {len(screen['plots'])} are on the page")
        rep.plots = len(screen["plots"])
        rep.widgets = sum(1 for o in outputs if "application/vnd.jupyter.widget-view+json" in o["mimes"])
        for msg in self.session.console_errors[self._errors_before:]:
            if msg not in rep.notes:
                rep.notes.append(msg)
        rep.problems.extend(p for p in problems if p not in rep.problems)
        return rep

    # --- capture and teardown ------------------------------------------------------------------------

    def screenshot(self, path: Path) -> list[Path]:
        """Save the whole notebook, every cell, as PNGs: `path`, then `path-2.png`... for long notebooks.

        JupyterLab scrolls inside the notebook panel, so a "full page" screenshot would show one screen:
        the tab is made as tall as the notebook (up to MAX_SCREENSHOT_HEIGHT, then the panel is scrolled
        and the next part taken).
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        geometry = self.evaluate("""
            window.jupyterapp.shell.activateById(w.id);
            const scroller = w.content.node.querySelector('.jp-WindowedPanel-outer') || w.content.node;
            const cells = w.content.widgets;
            const last = cells.length ? cells[cells.length - 1].node : null;
            const content = last ? last.getBoundingClientRect().bottom - scroller.getBoundingClientRect().top
                                   + scroller.scrollTop + 40 : scroller.scrollHeight;
            return {content, chrome: window.innerHeight - scroller.clientHeight};
        """)
        content, chrome = int(geometry["content"]), int(geometry["chrome"])
        window = max(VIEWPORT["height"] - chrome, min(content, MAX_SCREENSHOT_HEIGHT - chrome))
        paths = []
        try:
            self.page.set_viewport_size({"width": VIEWPORT["width"], "height": window + chrome})
            self.page.wait_for_timeout(1000)  # let plotly and the layout settle to the new size
            for part, top in enumerate(range(0, max(content, 1), window), start=1):
                if part > 1 and content - top < window:  # the last part: only as tall as what is left
                    rest = max(VIEWPORT["height"], content - top + chrome)
                    self.page.set_viewport_size({"width": VIEWPORT["width"], "height": rest})
                    self.page.wait_for_timeout(500)
                self.evaluate(f"w.content.node.querySelector('.jp-WindowedPanel-outer').scrollTop = {top};")
                self.page.wait_for_timeout(300)
                target = path if part == 1 else path.with_name(f"{path.stem}-{part}{path.suffix}")
                self.page.screenshot(path=str(target))
                paths.append(target)
        finally:
            self.page.set_viewport_size(VIEWPORT)
        self.report.screenshot = path
        return paths

    def unchanged_on_disk(self) -> bool:
        """True when the notebook file is byte for byte what it was before the test opened it."""
        return self._original is None or self._file_bytes() == self._original

    def close(self) -> None:
        """Shut the kernel down and close the notebook without saving."""
        try:
            self.evaluate("""
                if (!w) return;
                await w.sessionContext.shutdown();
                w.context.model.dirty = false;
                w.dispose();
            """)
        except Exception:  # the server's teardown stops any kernel left
            pass


def dump_reports(reports: list[Report], path: Path) -> None:
    """Write the reports as JSON next to the screenshots (for CI artefacts)."""
    data = [dict(r.__dict__, screenshot=str(r.screenshot) if r.screenshot else None) for r in reports]
    Path(path).write_text(json.dumps(data, indent=2), encoding="utf-8")


def tall_screenshot(page, path: Path) -> Path:
    """Screenshot a page whose content scrolls inside a container (Voila 0.5 does): the viewport is
    made as tall as the tallest scrolling content, up to MAX_SCREENSHOT_HEIGHT."""
    height = page.evaluate("""() => {
        let best = document.documentElement.scrollHeight;
        for (const el of document.querySelectorAll('*')) {
            const style = getComputedStyle(el);
            if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight)
                best = Math.max(best, el.scrollHeight + (window.innerHeight - el.clientHeight));
        }
        return best;
    }""")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        page.set_viewport_size({"width": VIEWPORT["width"], "height": int(min(max(height, VIEWPORT["height"]),
                                                                               MAX_SCREENSHOT_HEIGHT))})
        page.wait_for_timeout(800)
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(VIEWPORT)
    return path
