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
