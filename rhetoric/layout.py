"""The visible layout of an article: its lines, paragraphs and headline-style lines.

Several layers need to know where a paragraph starts or whether a line is a headline
(on a Title Case line capital letters do not mark names, and a headline is not a
"one-line paragraph used as a dramatic beat"). They all ask here.
"""

from __future__ import annotations

_CLOSING = ".?!:;,\"”’'…)"


def lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-empty line, without its line break."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            lead = len(body) - len(body.lstrip())
            out.append((pos + lead, pos + len(body.rstrip())))
        pos += len(line)
    return out


def is_headline(line: str) -> bool:
    """A short line in Title Case with no closing punctuation, like a headline or a subhead."""
    stripped = line.strip()
    if not stripped or len(stripped.split()) > 20 or stripped[-1] in _CLOSING:
        return False
    words = [w for w in stripped.split() if sum(c.isalpha() for c in w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def headline_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every headline-style line of ``text``."""
    return [(s, e) for s, e in lines(text) if is_headline(text[s:e])]
