"""A printable worksheet of a lesson, and a separate answer key, as one standalone HTML page.

The worksheet shows the article with numbered paragraphs, then each exercise with its passage
(the word asked about underlined), its options as boxes to tick and space to write; the answer
key starts on a new printed page. Everything the article says is escaped.
"""

from __future__ import annotations

from html import escape

from .. import reliability
from .model import Lesson

CSS = """
body{font-family:Georgia,serif;max-width:46em;margin:2em auto;line-height:1.5;color:#111}
h1{font-size:1.6em;margin-bottom:.2em} h2{margin-top:1.6em;border-bottom:1px solid #999}
.meta{color:#444;font-size:.95em} .par{margin:.4em 0} .num{color:#666;font-size:.8em;margin-right:.4em}
.ex{border:1px solid #bbb;padding:.6em .9em;margin:1em 0;page-break-inside:avoid}
.passage{background:#f4f4f4;padding:.4em .6em;margin:.4em 0} u{text-decoration-thickness:2px}
.box{display:inline-block;margin-right:1.2em} .lines{border-bottom:1px dotted #777;height:1.6em}
.unsure{color:#8a4b00} .reliability{font-size:.9em;color:#333}
.key{page-break-before:always} @media print{.noprint{display:none}}
"""


def _passage(lesson: Lesson, ex) -> str:
    if not ex.passage:
        return ""
    p, t = ex.passage, ex.target
    text = lesson.text
    if t and p["start"] <= t["start"] and t["end"] <= p["end"]:
        body = (escape(text[p["start"]:t["start"]]) + "<u>" + escape(text[t["start"]:t["end"]]) + "</u>"
                + escape(text[t["end"]:p["end"]]))
    else:
        body = escape(text[p["start"]:p["end"]])
    return f"<div class='passage'>{body}</div>"


def _answer_space(ex) -> str:
    if ex.answer_type == "choice":
        return "".join(f"<span class='box'>☐ {escape(o)}</span>" for o in ex.options)
    if ex.answer_type == "verb_stance":
        verbs = "".join(f"<span class='box'>☐ {escape(o)}</span>" for o in ex.options["verb"])
        stances = "".join(f"<span class='box'>☐ {escape(o)}</span>" for o in ex.options["stance"])
        return f"<p>The reporting word: {verbs}</p><p>Its stance: {stances}</p>"
    if ex.answer_type == "marks":
        return "<p>Underline the words in the passage above, then write whom or what each one is about:</p>" + \
            "<div class='lines'></div>" * 2
    questions = ex.notes.get("questions", [])
    return "<ol>" + "".join(f"<li>{escape(q['question'])} ☐ yes ☐ no</li>" for q in questions) + "</ol>"


def _reliability(lesson: Lesson) -> str:
    layers = sorted({ex.layer for ex in lesson.exercises})
    said = [s for s in (reliability.sentence(layer) for layer in layers) if s]
    if not said:
        return ""
    return "<div class='reliability'><strong>How often the kit is right</strong><ul>" + "".join(
        f"<li>{escape(s)}</li>" for s in dict.fromkeys(said)) + "</ul></div>"


def render_handout(lesson: Lesson) -> str:
    """The worksheet and its answer key as one standalone, printable HTML page (all text escaped)."""
    meta = lesson.meta
    by = " · ".join(escape(meta[k]) for k in ("outlet", "author", "date") if meta.get(k))
    out = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>",
           f"<title>{escape(lesson.title)} · worksheet</title><style>{CSS}</style></head><body>",
           f"<h1>{escape(lesson.title)}</h1><p class='meta'>{by}</p>",
           f"<p class='meta'>Licence: {escape(meta.get('licence', ''))}</p>",
           "<p>Name: ________________________ Date: ____________</p>",
           "<h2>The article</h2>"]
    from ..layout import lines

    for n, (s, e) in enumerate(lines(lesson.text), 1):
        out.append(f"<p class='par'><span class='num'>¶{n}</span>{escape(lesson.text[s:e])}</p>")
    out.append("<h2>Exercises</h2>")
    for n, ex in enumerate(lesson.exercises, 1):
        out.append(f"<div class='ex'><strong>{n}. {escape(ex.title)}</strong><p>{escape(ex.prompt)}</p>"
                   f"{_passage(lesson, ex)}{_answer_space(ex)}</div>")
    out.append(_reliability(lesson))
    out.append(f"<section class='key'><h1>Answer key · {escape(lesson.title)}</h1>"
               "<p class='meta'>For the teacher: print this page separately.</p><ol>")
    for ex in lesson.exercises:
        extra = ""
        if not ex.corrected and ex.key is not None and ex.explanation:
            extra += f"<br><small>Why: {escape(ex.explanation)}</small>"
        out.append(f"<li><strong>{escape(ex.title)}</strong> — {escape(lesson.solution(ex.id))}{extra}</li>")
    out.append("</ol></section></body></html>")
    return "\n".join(out)

