"""Accessibility checks in the page: axe-core (from the npm registry) and keyboard-only use.

axe-core is installed from ``tests/browser/package.json`` and its lock file with ``npm ci`` (``make test``
and ``.ci/run`` do it) and injected into the page from ``node_modules``: nothing is downloaded while a
test runs. Tests fail on every violation axe rates ``serious`` or ``critical``; lesser ones are reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .fixtures import in_ci

AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"

#: Impacts a test fails on.
BLOCKING = ("serious", "critical")


def require_axe() -> None:
    """Skip (locally) or fail (with CI set) when axe-core has not been installed with ``npm ci``."""
    if AXE_JS.exists():
        return
    reason = f"axe-core is not installed ({AXE_JS} is missing; run `npm ci --prefix tests/browser`)"
    if in_ci():
        pytest.fail(f"CI is set, so the accessibility tests must run, but {reason}.", pytrace=False)
    pytest.skip(reason)


def axe_violations(page, include: str | None = None, exclude: list[str] | None = None) -> list[dict]:
    """Run axe-core (WCAG 2.x A and AA rules, and best practices) on the page, or on the part
    ``include`` (a CSS selector) minus ``exclude``; return its violations as plain dicts:
    ``id``, ``impact``, ``help``, ``nodes`` (count) and ``targets`` (the first five selectors)."""
    require_axe()
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    context = None
    if include or exclude:
        context = {"include": [[include]] if include else [["html"]], "exclude": [[s] for s in exclude or []]}
    return page.evaluate(
        """async (context) => {
          const result = await window.axe.run(context || document, {resultTypes: ['violations']});
          return result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
            targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
          }));
        }""",
        context,
    )


def blocking(violations: list[dict]) -> list[dict]:
    """The violations a test fails on (serious or critical)."""
    return [v for v in violations if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    """One line per violation, for an assertion message or the terminal."""
    return "\n".join(f"  {v['impact']}: {v['id']} ({v['nodes']} nodes): {v['help']}; e.g. {v['targets'][:2]}"
                     for v in violations) or "  none"


# --- the keyboard alone ---------------------------------------------------------------------------

#: What has keyboard focus: tag, type, role, accessible-ish name, checked state, and a stable id
#: (``data-kb``, set on first sight) so a walk can tell every stop apart.
_JS_FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  if (!e.dataset.kb) { window.__kb = (window.__kb || 0) + 1; e.dataset.kb = String(window.__kb); }
  const label = (e.labels && e.labels.length) ? e.labels[0].textContent
              : (e.getAttribute('aria-label') || e.getAttribute('title') || e.textContent || e.value || '');
  return {kb: e.dataset.kb, tag: e.tagName.toLowerCase(), type: e.type || '', role: e.getAttribute('role') || '',
          name: label.replace(/\\s+/g, ' ').trim().slice(0, 80), checked: !!e.checked};
}"""

#: Every control on screen inside ``root`` that a mouse user can operate, with its ``data-kb`` id.
_JS_CONTROLS = """(selector) => {
  const root = selector ? document.querySelector(selector) : document.body;
  if (!root) return [];
  const seen = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length)
                      && getComputedStyle(e).visibility !== 'hidden';
  return Array.from(root.querySelectorAll('input, select, textarea, button, a[href], [tabindex="0"]'))
    .filter(e => seen(e) && !e.disabled && e.type !== 'hidden' && !e.closest('.modebar, .rl-toggle-skip'))
    .map(e => {
      if (!e.dataset.kb) { window.__kb = (window.__kb || 0) + 1; e.dataset.kb = String(window.__kb); }
      const label = (e.labels && e.labels.length) ? e.labels[0].textContent
                  : (e.getAttribute('aria-label') || e.getAttribute('title') || e.textContent || e.value || '');
      return {kb: e.dataset.kb, tag: e.tagName.toLowerCase(), type: e.type || '',
              name: label.replace(/\\s+/g, ' ').trim().slice(0, 80)};
    });
}"""


def focused(page) -> dict | None:
    """The element that has keyboard focus (``None`` for the page itself)."""
    return page.evaluate(_JS_FOCUSED)


def controls(page, selector: str | None = None) -> list[dict]:
    """The operable controls on screen (inside ``selector``), as ``focused`` describes them."""
    return page.evaluate(_JS_CONTROLS, selector)


def press_tab_until(page, wanted, what: str, limit: int = 400, key: str = "Tab") -> dict:
    """Press ``key`` (Tab, or Shift+Tab) until ``wanted(focused)`` holds; fail naming ``what``."""
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        now = focused(page)
        if now and wanted(now):
            return now
        stops.append(now["name"][:30] if now else "(page)")
    raise AssertionError(f"{what}: not reached with {limit} presses of {key}; focus went through {stops[:40]}")


def tab_walk(page, limit: int = 800) -> list[dict]:
    """Every stop Tab reaches from the top of the page, once round (until focus comes back)."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    stops: list[dict] = []
    seen: set[str] = set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if now is None:
            continue
        if now["kb"] in seen:
            break
        seen.add(now["kb"])
        stops.append(now)
    return stops
