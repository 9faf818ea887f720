"""HTML that Jupyter shows as written: the one guard every HTML the kit hands to Jupyter carries.

JupyterLab typesets ``$…$`` and ``\\(…\\)`` in HTML outputs as mathematics (MathJax 3), so
"spent $4 million on the bridge and $2 million on the road" would show "4 million on the
bridge and" as italic maths, and a backslash could vanish. Escaping ``$`` as ``&#36;`` does
not help: MathJax reads the page's text *after* the browser has decoded the entity (checked
in JupyterLab 4 with Chromium). What works is a class on an enclosing element:

* ``mathjax_ignore``: MathJax 3's ``ignoreHtmlClass`` (JupyterLab 4, Voila, Notebook 7);
* ``tex2jax_ignore``: the same for MathJax 2 (classic Notebook, older front ends).

MathJax skips everything inside such an element. It does *not* look at the ancestors of the
element it is asked to typeset, so ipywidgets' descriptions and ``Label`` widgets (which
ipywidgets typesets one by one) are never given article text; ``HTML`` widget values are not
typeset by ipywidgets 8, and carry the guard anyway.

``as_written(html)`` wraps any HTML string; ``AS_WRITTEN`` is the class list for templates
that build their own outer element.
"""

from __future__ import annotations

#: The classes that make MathJax 3 and MathJax 2 leave an element's text as written.
AS_WRITTEN = "mathjax_ignore tex2jax_ignore"

_OPEN = f'<div class="rl-as-written {AS_WRITTEN}">'


def as_written(html: str) -> str:
    """``html`` inside a ``<div>`` that MathJax leaves alone.

    Returns an HTML string; ``""`` stays ``""`` (an empty widget stays empty). Wrapping twice
    is harmless (two nested ``<div>``), so callers need not know whether it was done.
    """
    if not html:
        return html
    return f"{_OPEN}{html}</div>"


def shown_as_written(html: str) -> bool:
    """True if every ``$`` and ``\\`` in the text of ``html`` sits inside an element carrying
    both MathJax ignore classes (what the tests check of every display helper)."""
    return not unguarded_text(html)


def unguarded_text(html: str) -> list[str]:
    """The pieces of text of ``html`` holding ``$`` or ``\\`` that MathJax would typeset."""
    from html.parser import HTMLParser

    void = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    needed = set(AS_WRITTEN.split())

    class Finder(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.stack: list[tuple[str, bool]] = []
            self.found: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag in void:
                return
            classes = set((dict(attrs).get("class") or "").split())
            self.stack.append((tag, needed <= classes))

        def handle_endtag(self, tag):
            for i in range(len(self.stack) - 1, -1, -1):
                if self.stack[i][0] == tag:
                    del self.stack[i:]
                    return

        def handle_data(self, data):
            if self.stack and self.stack[-1][0] in ("style", "script"):
                return
            if ("$" in data or "\\" in data) and not any(ok for _, ok in self.stack):
                self.found.append(data)

    finder = Finder()
    finder.feed(html)
    finder.close()
    return finder.found
