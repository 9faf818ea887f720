"""Nothing an article says can run in the page: every view the kit renders is parsed with
``html.parser`` and checked for scripts, event-handler attributes and ``javascript:`` URLs.

Two kinds of hostile input: articles that hold classic injection strings (each string in
its own article, so both paths run: one ``<script>`` pair makes intake treat the text as
HTML and mask it, a lone ``<img ...>`` does not), and an analysis whose explanations, actor
names, cues, warnings and file name have been *poisoned* with those strings, which stands
for any layer that ever quotes the article in what it writes.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest

import rhetoric
from rhetoric import analysis as analysis_module
from rhetoric.intake import SetAside

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "' onmouseover='alert(1)",
    "</div></span></p>",
    '<a href="javascript:alert(1)">click</a>',
    "<svg/onload=alert(1)>",
    "</textarea></title></style><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<!--",
]

TEMPLATE = (
    "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Tuesday.\n\n"
    "\u201cThe plan {p} is not serious,\u201d Scholz told reporters after the meeting. "
    "Macron said {p} Europe would clearly have to spend more on defence.\n\n"
    "Officials in {p} Berlin said the talks had perhaps been difficult, and a spokesman for NATO "
    "declined to comment on {p}."
)

_JS_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`', re.DOTALL)
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "background", "poster"}
_DANGEROUS_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}


class PageScan(HTMLParser):
    """What a browser would execute in an HTML fragment or page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self.text: list[str] = []
        self._script = None

    def _attrs(self, tag: str, attrs) -> None:
        if tag in _DANGEROUS_TAGS:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>: an event handler")
            url = re.sub(r"[\s\x00-\x1f]", "", unescape(value or "")).lower()
            if name in _URL_ATTRS and url.startswith(("javascript:", "vbscript:", "data:text/html")):
                self.problems.append(f"<{tag} {name}={value!r}>: a script URL")
            if name == "style" and ("expression(" in url or "javascript:" in url):
                self.problems.append(f"<{tag} style=...>: script in CSS")
            if tag == "meta" and name == "http-equiv" and url == "refresh":
                self.problems.append("<meta http-equiv=refresh>")

    def handle_starttag(self, tag, attrs):
        self._attrs(tag, attrs)
        if tag == "script":
            self._script = (dict(attrs), [])

    def handle_startendtag(self, tag, attrs):
        self._attrs(tag, attrs)
        if tag == "script":
            self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)
        else:
            self.text.append(data)

    def visible_text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text))


def _plotly_bundle() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def _script_problem(attrs: dict, body: str, allow_plotly: bool) -> str | None:
    if "src" in attrs:
        return f"a script loaded from {attrs['src']!r}"
    if (attrs.get("type") or "").lower() in ("application/json", "application/ld+json"):
        return None  # data, never executed
    if not allow_plotly:
        return "a <script> element"
    if body.strip() == _plotly_bundle().strip():
        return None  # plotly.js itself, embedded so the report works offline
    code = _JS_STRING.sub('""', body)  # what is left once the figure's data strings are gone
    if "Plotly" not in body and "PlotlyConfig" not in body:
        return f"a script that is not plotly's: {body[:80]!r}"
    if "alert" in code:
        return f"article text runs as code in a plotly script: {code[:200]!r}"
    return None


def assert_safe(html: str, *, allow_plotly: bool = False, shows: tuple[str, ...] = ()) -> PageScan:
    """Assert ``html`` runs nothing from the article; and that each of ``shows`` is there
    as visible text (so the article was really rendered, escaped)."""
    scan = PageScan()
    scan.feed(html)
    scan.close()
    problems = list(scan.problems)
    for attrs, body in scan.scripts:
        problem = _script_problem(attrs, body, allow_plotly)
        if problem:
            problems.append(problem)
    assert not problems, "\n".join(problems)
    text = scan.visible_text()
    for visible in shows:
        assert re.sub(r"\s+", " ", visible) in text, f"{visible!r} is not shown as text"
    return scan


# ------------------------------------------------------------------ the checker itself


@pytest.mark.parametrize("bad", [
    "<p>x<script>alert(1)</script></p>",
    "<img src=x onerror=alert(1)>",
    '<span title="" onmouseover="alert(1)">x</span>',
    "<a href=' javascript:alert(1)'>x</a>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<script>Plotly.newPlot('a', [{\"text\": \"x\"}]);</script><script>alert(1)</script>",
    "<iframe srcdoc='x'></iframe>",
])
def test_the_checker_catches_unescaped_article_text(bad):
    with pytest.raises(AssertionError):
        assert_safe(bad, allow_plotly=True)


def test_the_checker_accepts_escaped_text_and_requires_it_to_be_shown():
    from html import escape

    for payload in PAYLOADS:
        html = f'<div title="{escape(payload)}"><span>{escape(payload)}</span></div>'
        assert_safe(html, shows=(payload,))
    with pytest.raises(AssertionError):
        assert_safe("<p>nothing</p>", shows=(PAYLOADS[0],))


# ------------------------------------------------------------------ analyses


def _poison(a, payload: str):
    """Put ``payload`` into every free-text field a layer might fill from the article."""
    renamed = {name: f"{name} {payload}" for name in a.actors}
    a.actors = {renamed[k]: v for k, v in a.actors.items()}
    for actor in a.actors.values():
        actor.name = renamed.get(actor.name, actor.name)
        actor.role = payload
    for e in [*a.entities, *getattr(a, "rejected_entities", [])]:
        e.actor = renamed.get(e.actor, e.actor)
        e.explanation += " " + payload
    for q in a.quotes:
        q.speaker = renamed.get(q.speaker, q.speaker)
        q.relayed_by = renamed.get(q.relayed_by, q.relayed_by)
        q.explanation += " " + payload
        q.cue = (q.cue or "") + payload
        q.channel = payload
        q.speaker_text = (q.speaker_text or "") + payload
    for s in a.signals:
        s.actor = renamed.get(s.actor, s.actor)
        s.speaker = renamed.get(s.speaker, s.speaker)
        s.explanation += " " + payload
        s.subtype = payload
    for f in a.frames:
        f.explanation += " " + payload
        for item in f.evidence:
            item.explanation += " " + payload
    a.warnings.append(f"a warning quoting {payload}")
    a.set_aside.append(SetAside(0, 5, a.text[:5], payload))
    a.path = f"article {payload}.txt"
    analysis_module._set_span_groups(a)
    return a


#: Two hostile articles. In the first, the tags make intake treat the text as HTML (masked,
#: not analysed, but shown); in the second, with one tag at most, every string is analysed.
ARTICLES = {
    "html": " ".join(PAYLOADS),
    "text": " ".join(['" onmouseover="alert(1)', "' onmouseover='alert(1)", "javascript:alert(1)",
                      "<image src=x onerror=alert(1)>", "<!--", "]]>"]),
}


@pytest.fixture(scope="module", params=sorted(ARTICLES))
def hostile(request, nlp):
    """``(payload, analysis of an article holding it, poisoned analysis)``."""
    payload = ARTICLES[request.param]
    text = TEMPLATE.format(p=payload)
    return payload, rhetoric.analyze(text), _poison(rhetoric.analyze(text), " ".join(PAYLOADS))


def test_the_hostile_articles_are_analysed_and_the_layers_see_their_text(hostile):
    payload, a, poisoned = hostile
    assert a.text.count(payload) == 4
    assert a.entities
    assert poisoned.entities and all(PAYLOADS[0] in e.explanation for e in poisoned.entities)
    html_path = any("looks like HTML" in w for w in a.warnings)
    assert html_path == (payload == ARTICLES["html"])


# ------------------------------------------------------------------ highlighting (displaCy)


def test_highlighting_escapes_the_article_and_every_explanation(hostile):
    from rhetoric.present import highlight_html, legend_html, span_records

    payload, a, poisoned = hostile
    for analysis in (a, poisoned):
        assert_safe(highlight_html(analysis), shows=(payload,))
        assert_safe(highlight_html(analysis, layers=["entities"]), shows=(payload,))
        assert_safe(legend_html(span_records(analysis)))


def test_items_in_context_are_escaped(hostile):
    from rhetoric.present import context_html, item_in_context

    payload, a, poisoned = hostile
    for analysis in (a, poisoned):
        for item in [*analysis.entities, *analysis.quotes, *analysis.signals]:
            assert_safe(item_in_context(analysis, item))
        assert_safe(context_html(analysis, 0, 20, payload, payload))


def test_displacy_underneath_gets_escaped_labels_and_tooltips(hostile):
    from rhetoric.present import filter_spans, render_spans, span_records

    payload, _, poisoned = hostile
    records = span_records(poisoned)
    for r in records:
        r["label"] = PAYLOADS[0]  # what the renderer must escape even in a label
    assert_safe(render_spans(poisoned.text, filter_spans(records)), shows=(payload,))


# ------------------------------------------------------------------ widgets


def _html_values(widget) -> list[str]:
    """The HTML each widget in a tree puts on the page: ``HTML`` values, and descriptions
    or option labels only where a widget renders them as HTML."""
    import ipywidgets as W

    found, todo = [], [widget]
    while todo:
        w = todo.pop()
        if isinstance(w, (W.HTML, W.HTMLMath)):
            found.append(w.value)
        if getattr(w, "description_allow_html", False):
            found.append(w.description)
        todo.extend(getattr(w, "children", ()) or ())
    return found


def test_widget_html_values_are_escaped(hostile):
    from rhetoric.present import widgets

    payload, a, poisoned = hostile
    for analysis in (a, poisoned):
        builders = [widgets.EntityHighlighter(analysis), widgets.QuoteExplorer(analysis),
                    widgets.SignalToggles(analysis), widgets.RewriteFrame(analysis)]
        quotes = builders[1]
        for value in [v for v in quotes.quote.options]:
            quotes.quote.value = value[1] if isinstance(value, tuple) else value
            assert_safe(quotes.html)
        builders[3].rewrite(f"Olaf Scholz said {payload} the plan is clearly a disaster.")
        for b in builders:
            for html in _html_values(b.widget):
                assert_safe(html)
            assert_safe(b.html)
            assert payload not in b.status_text or "error" not in b.status_text.lower()


def test_the_explorer_escapes_articles_names_pasted_text_and_uploads(hostile):
    from rhetoric.present import widgets

    payload, a, poisoned = hostile
    ex = widgets.Explorer(poisoned, name=f"mine {payload}", others={f"other {payload}": a})
    ex.compare.value = ex.compare.options[-1][1]
    for i in range(min(len(ex.highlight.options), 5)):
        ex.highlight.index = i
        assert_safe(ex.detail_html)
    ex.add_text(TEMPLATE.format(p=payload), name=f"pasted {payload}")
    ex.add_file(f"upload {payload}.txt", TEMPLATE.format(p=payload).encode("utf-8"))
    ex.add_text("   ")  # refused: a one-line message in the status line
    for html in _html_values(ex.widget):
        assert_safe(html)
    assert_safe(ex.html, shows=(payload,))
    assert_safe(ex.compare_html)
    assert_safe(ex.detail_html)


# ------------------------------------------------------------------ the HTML report


def test_the_report_runs_nothing_but_plotly(hostile):
    from rhetoric.report import render_report

    payload, a, poisoned = hostile
    for analysis in (a, poisoned):
        scan = assert_safe(render_report(analysis), allow_plotly=True, shows=(payload,))
        assert scan.scripts, "the report's charts are plotly figures"
