"""Pairing quotation marks: which characters open and close a quote, and which are apostrophes.

Rules (all local, so one stray mark costs at most its own paragraph):

* Curly marks carry their direction: “ opens and ” closes; « opens and » closes; ‘ opens and
  ’ closes, except that ’ between two letters (didn’t, Putin’s, he’d) or after a letter with no
  ‘ open is an apostrophe, and ‘ before a digit (‘90s) is an elided year. A curly double mark
  typed the wrong way round is read by its place: ” after a space and before a letter, with no
  quote open, opens (”Fear. …” and Swedish-style ”…”); “ after a word, before a space, closes.
* Straight marks (" and ') are directional by context: a mark with a space or an opening
  bracket/dash before it and a letter after it opens; one after a letter or punctuation closes.
  A straight ' opens a quote only when a mark that can close it follows in the paragraph
  ('The trains are late,' she said); between two letters it is an apostrophe (don't).
* Single quotes are the primary marks of British, Irish and Australian news, so an apostrophe
  inside one must not close it: ’ or ' after a space is an elision (the ’90s, ’em), and after a
  plural -s before a word ("members’ patience") it is a possessive when the quote's real
  closing mark still follows in the paragraph.
* Double and single marks nest: a single quote inside a double one is a quote within a quote.
* Paragraphs are the unit. A quote still open at the end of a paragraph continues into the next
  one only if that paragraph starts with an opening mark of the same kind (the news convention
  for quotes running over several paragraphs); otherwise it ends, unclosed, with its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE = "double"
SINGLE = "single"
GUILLEMET = "guillemet"
TYPEWRITER = "typewriter"

_OPENERS = {"“": DOUBLE, "„": DOUBLE, "«": GUILLEMET, "‘": SINGLE}
_CLOSERS = {"”": DOUBLE, "»": GUILLEMET, "’": SINGLE}
_STRAIGHT = {'"': DOUBLE, "'": SINGLE}
_ALL_MARKS = "“”„«»‘’\"'"
#: the next quotation mark or backtick (the typewriter's ``…''): the pairing reads only these
_NEXT_MARK = re.compile("[" + re.escape(_ALL_MARKS) + "`]")
_OPEN_CONTEXT = set(" \t\n([{—–-/")


@dataclass
class MarkedSpan:
    """A stretch of text between an opening mark and its closing mark (marks included).

    ``closed`` is False when the paragraph ended with the quote still open.
    ``parent`` is the index (in the returned list) of the quote this one sits inside.
    ``paragraphs`` counts the paragraphs the quote runs over.
    """

    start: int
    end: int
    kind: str
    closed: bool = True
    parent: int | None = None
    paragraphs: int = 1
    breaks: list[int] = field(default_factory=list)  # offsets of reopening marks in later paragraphs
    width: int = 1  # characters in each mark: 2 for the typewriter ``…'' and ''…''

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the quoted words without the marks."""
        s = self.start + self.width
        e = self.end - self.width if self.closed else self.end
        return s, max(s, e)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped of surrounding spaces."""
    from ..layout import lines

    return lines(text)


def _closes_single(text: str, j: int, mark: str) -> bool:
    """Can the mark at ``j`` close a single quote: after a non-space, before a non-letter?"""
    if text[j] != mark or j == 0 or text[j - 1].isspace():
        return False
    nxt = text[j + 1] if j + 1 < len(text) else " "
    return not nxt.isalnum()


def _later_single_close(text: str, i: int, end: int, mark: str, opener: str) -> bool:
    """Is there a mark after ``i`` (before ``end`` and before the next single opener) that can
    close a single quote? Then a mark at ``i`` that could be either is an apostrophe."""
    for j in range(i + 1, end):
        ch = text[j]
        if ch == opener and ch != mark and (j == 0 or text[j - 1] in _OPEN_CONTEXT):
            return False
        if ch == mark and _closes_single(text, j, mark):
            if ch == opener and j + 1 < end and not text[j + 1].isspace() and text[j - 1] in _OPEN_CONTEXT:
                return False  # the next quote opens here
            return True
    return False


def _possessive_plural(text: str, i: int, end: int, mark: str, opener: str) -> bool:
    """"members’ patience", "residents' association": an apostrophe after a plural -s, with the
    quote's real closing mark still to come in the paragraph."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1: i + 3]
    return (prev in "sS" and nxt[:1] == " " and nxt[1:2].isalpha()
            and _later_single_close(text, i, end, mark, opener))


def _elided_and(text: str, i: int) -> bool:
    """The second mark of "rock ’n’ roll", "fish 'n' chips": an elided 'and', not a closing quote."""
    return (i >= 3 and text[i - 1] in "nN" and text[i - 2] in "’'‘" and text[i - 3].isspace()
            and (i + 1 >= len(text) or text[i + 1].isspace()))


def _opens_elided_and(text: str, i: int) -> bool:
    """The first mark of "rock 'n' roll"."""
    return i + 3 < len(text) and text[i + 2] in "’'" and _elided_and(text, i + 2) and (i == 0 or text[i - 1].isspace())


def _classify(text: str, i: int, open_kinds: list[str], end: int) -> tuple[str, str] | None:
    """('open'|'close', kind) for the mark at ``i``, or None if it is not a quote mark here.
    ``end`` is the end of the paragraph (single marks look ahead to tell apostrophes apart)."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in _OPENERS:
        kind = _OPENERS[ch]
        if ch == "‘" and (nxt.isdigit() or (prev.isalpha() and nxt.isalpha()) or _opens_elided_and(text, i)):
            return None  # ‘90s, a mis-typed apostrophe inside a word, rock ‘n’ roll
        if ch == "“" and kind in open_kinds and not prev.isspace() and not nxt.isalnum():
            return "close", kind  # '… is 51 percent.“': an opening mark typed where the quote closes
        return "open", kind
    if ch in _CLOSERS:
        kind = _CLOSERS[ch]
        if ch == "”" and kind not in open_kinds and (prev in _OPEN_CONTEXT or i == 0) and nxt.isalnum():
            return "open", kind  # '”Fear. I am afraid …”': a closing mark typed where the quote opens
        if ch == "’":
            if SINGLE not in open_kinds:
                return None  # apostrophe: no single quote is open
            if prev.isalpha() and nxt.isalpha() or prev.isspace() or _elided_and(text, i):
                return None  # didn’t, Putin’s, he’d; the ’90s, ’em; rock ’n’ roll
            if _possessive_plural(text, i, end, "’", "‘"):
                return None
        return "close", kind
    if ch in _STRAIGHT:
        kind = _STRAIGHT[ch]
        if kind == SINGLE:
            if prev.isalnum() and nxt.isalnum():
                return None  # don't, council's
            if SINGLE in open_kinds:
                if prev.isspace() or _possessive_plural(text, i, end, "'", "'") or _elided_and(text, i):
                    return None
                return "close", kind
            # a straight single quote opens only where a closing one follows in the paragraph
            if not (prev in _OPEN_CONTEXT or prev in _ALL_MARKS) or not (nxt.isalpha() or nxt in "“\"‘"):
                return None
            if _opens_elided_and(text, i):
                return None  # rock 'n' roll
            return ("open", kind) if _later_single_close(text, i, end, "'", "'") else None
        looks_open = (prev in _OPEN_CONTEXT or prev in _ALL_MARKS) and not nxt.isspace()
        looks_close = not prev.isspace()
        if kind in open_kinds and looks_close:
            return "close", kind
        if looks_open:
            return "open", kind
        if kind in open_kinds:
            return "close", kind
        return None
    return None


def _typewriter(text: str, i: int, open_kinds: list[str]) -> tuple[str, str] | None:
    """``…'' and ''…'': two marks typed for one double mark (plain-text and wire copy)."""
    if text[i] == "`":
        return "open", TYPEWRITER
    prev = text[i - 1] if i > 0 else " "
    if TYPEWRITER in open_kinds and not prev.isspace():
        return "close", TYPEWRITER
    nxt = text[i + 2] if i + 2 < len(text) else " "
    if (prev in _OPEN_CONTEXT or prev in _ALL_MARKS) and not nxt.isspace():
        return "open", TYPEWRITER
    return None


def _contraction(text: str, span: MarkedSpan) -> bool:
    """"rock 'n' roll": one or two letters between single marks are a contraction, not a quote."""
    inner = text[span.inner[0]:span.inner[1]]
    return span.kind == SINGLE and len(inner) <= 2 and inner.isalpha()


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Every quoted stretch in ``text``, outermost first within each position order."""
    spans: list[MarkedSpan] = []
    paragraphs = _paragraphs(text)
    carry: tuple[int, int] | None = None  # (index of an unclosed double/guillemet span, kind)
    for p_start, p_end in paragraphs:
        stack: list[tuple[int, str, int | None]] = []  # (start offset, kind, parent idx)
        open_idx: list[int] = []
        first = p_start
        if carry is not None:
            idx, kind = carry
            head = text[p_start]
            if (kind == DOUBLE and head in "“\"„") or (kind == GUILLEMET and head == "«"):
                sp = spans[idx]
                sp.paragraphs += 1
                sp.breaks.append(p_start)
                stack.append((sp.start, kind, sp.parent))
                open_idx.append(idx)
                first = p_start + 1
            carry = None
        i = first - 1
        while i + 1 < p_end:
            nxt = _NEXT_MARK.search(text, i + 1, p_end)
            if nxt is None:
                break
            i = nxt.start()
            width = 2 if text[i:i + 2] in ("''", "``") else 1
            if width == 2:  # the typewriter double mark: ``…'' or ''…''
                res = _typewriter(text, i, [k for _, k, _ in stack])
            else:
                res = _classify(text, i, [k for _, k, _ in stack], p_end)
            if res is None:
                continue
            role, kind = res
            if role == "open":
                parent = open_idx[-1] if open_idx else None
                spans.append(MarkedSpan(i, i + width, kind, closed=False, parent=parent, width=width))
                i += width - 1
                stack.append((i, kind, parent))
                open_idx.append(len(spans) - 1)
            else:
                # close the innermost open quote of this kind; inner unclosed ones end here too
                pos = next((j for j in range(len(stack) - 1, -1, -1) if stack[j][1] == kind), None)
                if pos is None:
                    continue  # a stray closing mark: ignore it
                for j in range(len(stack) - 1, pos, -1):
                    sp = spans[open_idx[j]]
                    sp.end, sp.closed = i, False
                sp = spans[open_idx[pos]]
                sp.end, sp.closed = i + width, True
                i += width - 1
                del stack[pos:]
                del open_idx[pos:]
        # whatever is still open ends with the paragraph; an outer double quote may carry on
        for j in range(len(stack) - 1, -1, -1):
            sp = spans[open_idx[j]]
            sp.end, sp.closed = p_end, False
        if stack and stack[0][1] in (DOUBLE, GUILLEMET):
            carry = (open_idx[0], stack[0][1])
    # drop empty or mark-only spans
    keep = [s for s in spans if s.inner[1] - s.inner[0] > 0 and text[s.inner[0]:s.inner[1]].strip()
            and not _contraction(text, s)]
    if len(keep) != len(spans):
        remap = {id(s): n for n, s in enumerate(keep)}
        old = spans
        for s in keep:
            if s.parent is not None:
                p = old[s.parent]
                s.parent = remap.get(id(p))
        spans = keep
    return spans


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every outermost quoted stretch (marks included), in text order."""
    return [(s.start, s.end) for s in find_marked_spans(text) if s.parent is None]


def unbalanced(segment: str) -> bool:
    """True if ``segment`` opens a quotation mark it does not close, or closes one it did not
    open (apostrophes are not marks: "Kyiv’s", "don't")."""
    spans = find_marked_spans(segment)
    if any(not s.closed for s in spans):
        return True
    used = {s.start for s in spans} | {s.end - 1 for s in spans}
    for i, ch in enumerate(segment):
        if i in used or ch not in _ALL_MARKS:
            continue
        if ch in "“”„«»\"‘":
            return True
        prev = segment[i - 1] if i else " "
        nxt = segment[i + 1] if i + 1 < len(segment) else " "
        if ch in "’'" and not prev.isalnum() and not prev.isspace() and not nxt.isalnum():
            return True  # ".’" or ",'": a closing single mark with no opening one
    return False
