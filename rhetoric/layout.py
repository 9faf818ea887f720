"""The visible layout of an article: its lines, paragraphs and parts.

Several layers need to know where a paragraph starts, which line is the headline, a byline,
a dateline or a subhead (on a Title Case line capital letters do not mark names; a headline
is not a "one-line paragraph used as a dramatic beat"; "LUBLIN, Poland (AP) —" is a place, not
an organisation). They all ask here, and :func:`structure` answers once per text.

A headline is the first line(s) of an article, not any short line: a byline, a sign-off, a
dateline, a results row or a table line is never a headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .english import PHRASE_OPENERS

_CLOSING = ".?!:;,\"”’'…)"
_SENTENCE_END = (".", ",", ";", ":")
#: Words that stay lower case in Title Case headlines.
_SMALL = frozenset(
    "a an and as at but by for from in into nor of on onto or over per so than the to up upon via vs with yet "
    "is are was were be his her their its".split()
)

_BYLINE = re.compile(r"^(?:by|BY|By)\s+[A-Z][\w.’'\-]+(?:\s+[\w.’'\-,&]+){0,10}$")
_CREDIT = re.compile(r"^(?:--\s*|—\s*|–\s*)?(?:\(?(?:Reporting|Writing|Editing|Additional reporting) by\b)", re.I)
#: "-- Chris Aspin , Mexico City newsroom", "— Jane Roe, Reuters": a wire sign-off at the end of a story.
_SIGNOFF = re.compile(r"^(?:--|—|–)\s*[A-Z][\w.’'\-]+(?:\s+[A-Z][\w.’'\-]+){0,3}\s*,.{0,60}$")
#: "LUBLIN, Poland (AP) —", "WASHINGTON —", "AL-AIN , United Arab Emirates 1996-12-06".
_DATELINE_OPEN = re.compile(
    r"^(?P<place>[A-Z][A-Z.’'\- ]{1,40}[A-Z.](?:\s?,\s?[A-Z][A-Za-z.’'\- ]{1,40}?)?)"
    r"(?:\s*\((?:[A-Za-z&.]{1,20})\))?\s*(?:—|–|--|-)\s+"
)
_DATELINE_LINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.’'\- ]{1,40}(?:\s?,\s?[A-Z][A-Za-z.’'\- ]{1,40})?)\s+\d{4}-\d{2}-\d{2}\s*$"
)
_NUMBER = re.compile(r"^[\d.,:/\-–]+$")


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def count_words(text: str) -> int:
    """Words in ``text``: runs of letters and digits, an apostrophe inside a word kept ("didn’t" is
    one word), quotation marks and punctuation ignored. The kit's one definition of a word."""
    return len(_WORD.findall(text))


def lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-empty line, without its line break or surrounding spaces."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            lead = len(body) - len(body.lstrip())
            out.append((pos + lead, pos + len(body.rstrip())))
        pos += len(line)
    return out


def _title_case(line: str, share: float = 0.8) -> bool:
    words = [w.strip("“”\"‘’'.,:;!?()[]-—") for w in line.split()]
    words = [w for w in words if w[:1].isalpha() and w.lower() not in _SMALL]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= share * len(words)


def _all_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _numbers(line: str) -> int:
    return sum(bool(_NUMBER.match(w)) for w in line.split())


def is_headline(line: str) -> bool:
    """A short line in Title Case with no closing punctuation and at most one number, like a
    headline or a subhead (not a results row such as "Manchester United 3 Arsenal 1")."""
    stripped = line.strip()
    if not stripped or len(stripped.split()) > 20 or stripped[-1] in _CLOSING:
        return False
    if _numbers(stripped) > 1 or is_byline(stripped) or is_dateline_line(stripped):
        return False
    words = [w for w in stripped.split() if sum(c.isalpha() for c in w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def is_byline(line: str) -> bool:
    """"By Marta Kovalenko and Derek Ashworth", "-- Chris Aspin , Mexico City newsroom",
    "Reporting by Jane Roe; editing by John Doe"."""
    stripped = line.strip()
    if len(stripped.split()) > 14:
        return False
    return bool(_BYLINE.match(stripped) or _CREDIT.match(stripped) or _SIGNOFF.match(stripped))


def is_dateline_line(line: str) -> bool:
    """A line that is only a place and a date, as wire copy has it ("LONDON 1996-08-30")."""
    return bool(_DATELINE_LINE.match(line.strip()))


def _is_top_headline(line: str) -> bool:
    """A first line that reads as a headline: not a sentence, or in Title Case or capitals."""
    stripped = line.strip()
    words = stripped.split()
    if not 2 <= len(words) <= 25 or not any(c.isalpha() for c in stripped):
        return False
    if is_byline(stripped) or is_dateline_line(stripped):
        return False
    if _all_caps(stripped) or _title_case(stripped) or _speaker_headline(stripped):
        return True
    if len(words) > 20 or stripped.endswith("…"):
        return False
    return not stripped.rstrip("\"”’'»)").endswith(_SENTENCE_END)


#: "Sanders: Clinton needs to ‘get away from …’": a name (not in capitals, which would be a
#: transcript's label) and a colon, then a claim with quotation marks.
_SPEAKER_HEADLINE = re.compile(r"(?:[A-Z][\w’'.-]*\s){0,2}[A-Z][a-z][\w’'.-]*:\s\S")


def _speaker_headline(line: str) -> bool:
    """The headline convention for what someone says: 'Name: words', short, with quotation marks."""
    return bool(_SPEAKER_HEADLINE.match(line)) and len(line.split()) <= 16 and any(m in line for m in "‘’“”\"'«")


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 8 and line.rstrip()[-1:] in ".?!\"”’'…)"


@dataclass(frozen=True)
class Part:
    """A part of the article: ``kind`` is "headline", "subhead", "byline" or "dateline";
    ``start``/``end`` are character offsets; ``reason`` says why, in plain words."""

    start: int
    end: int
    kind: str
    reason: str


@dataclass(frozen=True)
class Structure:
    """The article's parts, found once per text by :func:`structure`."""

    parts: tuple[Part, ...] = field(default_factory=tuple)

    def ranges(self, *kinds: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every part of the given kinds, in text order."""
        return [(p.start, p.end) for p in self.parts if p.kind in kinds]

    @property
    def headlines(self) -> list[tuple[int, int]]:
        """The article's headline line(s) at its top."""
        return self.ranges("headline")

    def kind_at(self, offset: int) -> str:
        """The kind of part holding ``offset``, or "body"."""
        for p in self.parts:
            if p.start <= offset < p.end:
                return p.kind
        return "body"


def _top_headlines(text: str, spans: list[tuple[int, int]]) -> list[Part]:
    """Up to two headline lines at the top, when the article goes on after them."""
    out: list[Part] = []
    for s, e in spans[:2]:
        if len(spans) - len(out) < 2 or not _is_top_headline(text[s:e]):
            break
        if out and _is_prose(text[s:e]):
            break
        out.append(Part(s, e, "headline", "the first line of the article, short and not a sentence"))
    return out


def _dateline_part(text: str, s: int, e: int) -> Part | None:
    line = text[s:e]
    if is_dateline_line(line):
        return Part(s, e, "dateline", "a line with only a place and a date")
    m = _DATELINE_OPEN.match(line)
    if m and len(m.group("place").split()) <= 6:
        return Part(s, s + m.end("place"), "dateline", "the place the story was filed from, before the dash")
    return None


@lru_cache(maxsize=16)
def structure(text: str) -> Structure:
    """The article's headline(s), bylines, datelines and subheads, with their reasons.

    Shapes: character offsets into ``text``. Lines are read as :func:`lines` gives them. A
    dateline is looked for at the start of the first three body lines; a subhead is a Title
    Case line between two paragraphs of prose."""
    spans = lines(text)
    parts = _top_headlines(text, spans)
    seen_body = 0
    for k, (s, e) in enumerate(spans):
        if any(p.start == s for p in parts):
            continue
        line = text[s:e]
        if is_byline(line) and not _signs_a_quote(text, spans, k):
            parts.append(Part(s, e, "byline", "a byline or credit line: who wrote or edited the story"))
            continue
        if seen_body < 3:
            date = _dateline_part(text, s, e)
            if date is not None:
                parts.append(date)
        seen_body += 1
        nxt = text[spans[k + 1][0]:spans[k + 1][1]] if k + 1 < len(spans) else ""
        if is_headline(line) and _is_prose(nxt) and k > 0:
            parts.append(Part(s, e, "subhead", "a short Title Case line between paragraphs"))
    parts.sort(key=lambda p: p.start)
    return Structure(tuple(parts))


def _signs_a_quote(text: str, spans, k: int) -> bool:
    """A dash line right under a line that ends a quotation ("“… we listened.”" ¶ "— Tomás
    O’Rourke, CEO, Shannon Freight") signs that quote: its person is the speaker, not the writer."""
    if k == 0 or text[spans[k][0]:spans[k][1]].lstrip()[:1] not in "—–-":
        return False
    if text.count("\n", spans[k - 1][1], spans[k][0]) > 1:
        return False  # after a blank line: a wire sign-off under a story that ends with a quote
    prev = text[spans[k - 1][0]:spans[k - 1][1]].rstrip()
    return prev[-1:] in "”\"’'»"


_RANKED = re.compile(r"^\d{1,3}(?:\.|=|\s+-)\s+[A-Z]")
_FIXTURE = re.compile(r"^[A-Z][\w.’'\- ()]{1,40}?\s+(?:v|vs\.?|AT)\s+[A-Z][\w.’'\- ()]{1,40}$")
_FIGURE = re.compile(r"^[\d.,:/\-–]*\d[\d.,:/\-–]*$")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.’'&\-]*|\(|\)|[A-Z]{1,3})$")


def results_row(line: str) -> str | None:
    """The kind of sports results row a line is, or ``None``.

    - "ranked": a placing, a name and a result ("4. Yekaterina Podkopayeva ( Russia ) 4:09.25",
      "2 - Rodney Eyles ( Australia ) beat Derek Ryan");
    - "score": two sides and their scores ("Lotte 6 Hyundai 2", "Israel 2 , Bulgaria 0");
    - "standing": a side and three or more figures ("Stoke 4 3 1 0 7 4 10", "BOSTON 69 65 .515 5 1/2");
    - "fixture": two sides and "v", "vs" or "AT" ("Birmingham v Barnsley", "BOSTON AT OAKLAND").
    """
    stripped = line.strip()
    words = stripped.split()
    if not words or len(words) > 30:
        return None
    if _RANKED.match(stripped) and _numbers(stripped) >= 1:
        return "ranked"
    if len(words) <= 9 and _FIXTURE.match(stripped) and not _FIGURE.match(words[-1]):
        return "fixture"
    k = 0
    while k < len(words) and k < 6 and _NAME_WORD.match(words[k]):
        k += 1
    if k == 0 or k >= len(words) or not _FIGURE.match(words[k]):
        return None
    figures = 0
    while k + figures < len(words) and (_FIGURE.match(words[k + figures]) or words[k + figures] in {"-", "1/2"}):
        figures += 1
    if figures >= 3:
        return "standing"
    rest = words[k + figures:]
    if rest[:1] == [","]:
        rest = rest[1:]
    j = 0
    while j < len(rest) and j < 6 and _NAME_WORD.match(rest[j]):
        j += 1
    if j and j < len(rest) and _FIGURE.match(rest[j]):
        return "score"
    return None


_TRANSCRIPT_LABEL = re.compile(
    r"^(?P<who>[A-Z][A-ZÀ-ÖØ-Þ.’'\-]*(?:\s+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.’'\-]*){0,4})(?:\s*\([^()\n]{1,40}\)){0,2}"
    r"(?:\s*,\s*[A-Z][A-Z .&’'\-]{1,60})?\s*:\s+\S"
)


def transcript_labels(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the speaker label opening each line of a transcript, in capitals:
    "SEN. ROSALIND ACHTERBERG, FINANCE COMMITTEE: We are..." gives "SEN. ROSALIND ACHTERBERG";
    "HOST: So what happens?" gives "HOST". The affiliation after a comma is left out."""
    out = []
    for s, e in lines(text):
        m = _TRANSCRIPT_LABEL.match(text[s:e])
        if m and sum(c.isalpha() for c in m.group("who")) >= 2:
            out.append((s + m.start("who"), s + m.end("who")))
    return out


def dateline_places(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each place named in the article's datelines, split at commas.

    "LUBLIN, Poland (AP) —" gives "LUBLIN" and "Poland"; "KHASAVYURT , Russia 1996-08-30"
    gives "KHASAVYURT" and "Russia" (the date is left out)."""
    out = []
    for s, e in structure(text).ranges("dateline"):
        line = text[s:e]
        m = _DATELINE_LINE.match(line)
        place_end = s + m.end("place") if m else e
        pos = s
        for piece in text[s:place_end].split(","):
            body = piece.strip()
            if body and any(c.isalpha() for c in body):
                a = pos + piece.index(body)
                out.append((a, a + len(body)))
            pos += len(piece) + 1
    return out


_NAME_LIST_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_CREDIT_LEAD = re.compile(r"^(?:--|—|–)?\s*\(?(?:(?:Reporting|Writing|Editing|Additional reporting)\s+by|by)\s+", re.I)
_NAME = re.compile(r"^[A-Z][\w.’'\-]*(?:\s+(?:[A-Z][\w.’'\-]*|de|van|von|der|da|di|la|le|bin|al))*$")


def _names_a_role(piece: str) -> bool:
    """"Staff Reporter", "Our Political Correspondent": a byline that names a role, not a person
    (``byline_roles`` in ``data/titles.json``)."""
    from .data import load_json

    roles = frozenset(load_json("titles.json")["byline_roles"])
    return any(w.lower().strip(".,") in roles for w in piece.split())


def byline_names(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the people a byline or sign-off names.

    "By MARTA KOVALENKO and DEREK ASHWORTH" gives both names; "-- Chris Aspin , Mexico City
    newsroom" gives "Chris Aspin" (a sign-off names its writer before the comma); "(Reporting
    by Jane Roe; Editing by John Doe)" gives both. A piece counts as a name when it has two to
    four capitalised words."""
    out = []
    for s, e in structure(text).ranges("byline"):
        line = text[s:e]
        lead = _CREDIT_LEAD.match(line)
        if lead:
            pieces = _byline_pieces(line, lead.end())
        else:  # a sign-off: "-- Name , desk"
            start = len(line) - len(line.lstrip("-—– "))
            cut = line.find(",", start)
            pieces = [(start, cut if cut != -1 else len(line))]
        for a, b in pieces:
            body = line[a:b].strip(" ()")
            if not body:
                continue
            a = a + line[a:b].index(body)
            if _NAME.match(body) and 2 <= len(body.split()) <= 4 and not _names_a_role(body):
                out.append((s + a, s + a + len(body)))
    return out


def _byline_pieces(line: str, start: int) -> list[tuple[int, int]]:
    """Character ranges of the names listed after "by" (and after any later "by")."""
    pieces = []
    segments = re.split(r"(?i)\bby\b", line[start:])
    pos = start
    for seg in segments:
        sub = pos
        for part in _NAME_LIST_SPLIT.split(seg):
            k = line.find(part, sub) if part else -1
            if k != -1:
                pieces.append((k, k + len(part)))
                sub = k + len(part)
        pos += len(seg) + 2
    return pieces


def headline_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the headline and every subhead of ``text`` (see :func:`structure`)."""
    return structure(text).ranges("headline", "subhead")


def headline(text: str) -> str | None:
    """The article's headline (its first headline line), or ``None``."""
    heads = structure(text).headlines
    return text[heads[0][0]:heads[0][1]] if heads else None


#: "SEN. ROSALIND ACHTERBERG, FINANCE COMMITTEE: …", "HOST: …", "Health Minister Karl Brenner: …",
#: "KAREN NAIDOO (HOST): …", "REP. LUCÍA FERNÁNDEZ (D-NM): …", "Dame Harriet Osei (Bristol North) (Lab): …".
_LABEL = re.compile(r"^[\"“]?(?P<label>[A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,5}(?: \([^()\n]{1,40}\)){0,2}"
                    r"(?:, [A-Za-z][\w.’'\-]*(?: [\w.’'\-]+){0,4})?):\s+(?=\S)")
#: A parliamentary record names the office, then the person: "The Minister for Housing (Tom Ashcroft): …".
_OFFICE_LABEL = re.compile(r"^(?P<label>The [A-Z][\w’'\-]*(?: (?:for|of|and|the|[A-Z][\w’'\-]*)){0,6} "
                           r"\((?P<name>[A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){1,3})\)):\s+(?=\S)")


@dataclass(frozen=True)
class Turn:
    """One turn of speech in a transcript: the speaker label (``label_start``/``label_end``, without
    its colon; ``name_end`` ends the name before a comma) and what was said (``start``/``end``)."""

    label_start: int
    label_end: int
    name_end: int
    start: int
    end: int
    name_start: int | None = None  # where the name starts when it is not the label's start ("The Minister (Tom Ashcroft)")


@lru_cache(maxsize=1)
def _section_labels() -> frozenset:
    """Section labels ('Interview', 'Letters', 'Update'): ``data/boilerplate.json``."""
    from .data import load_json

    return frozenset(load_json("boilerplate.json")["section_labels"])


def _label_words_ok(label: str) -> bool:
    """A speaker label is a short ALL-CAPS run or a Title Case name; a Title Case phrase that
    opens with an article, possessive or wh-word ("The Gap Goes On:") is a run-in subhead."""
    words = re.sub(r" \([^()]*\)", "", label).split(",")[0].split()
    caps = label.upper() == label
    if not caps and words and words[0].lower() in PHRASE_OPENERS and not any(
            w.isupper() and len(w) > 2 for w in words[1:]):
        return False  # (a parliamentary record writes 'The Hon. PRIYA RAMACHANDRAN', 'The SPEAKER')
    if label.strip().lower() in _section_labels():
        return False  # 'Interview: the new fire chief', 'Letters: …': a section label, no speaker
    return 1 <= len(words) <= 6 and (caps or all(w[:1].isupper() for w in words))


@lru_cache(maxsize=16)
def transcript_turns(text: str) -> tuple[Turn, ...]:
    """Turns of speech when ``text`` is (or holds) a transcript: lines opening with a speaker label
    and a colon. At least two such lines are needed (one "Note: …" line is no transcript), and a
    headline or byline is never a label."""
    out, in_body = [], 0
    heads = structure(text).ranges("headline", "byline", "dateline")
    for s, e in lines(text):
        office = _OFFICE_LABEL.match(text[s:e])
        if office:
            in_body += not any(a <= s < b for a, b in heads)
            out.append(Turn(s, s + office.end("label"), s + office.end("name"), s + office.end(), e,
                            s + office.start("name")))
            continue
        m = _LABEL.match(text[s:e])
        if not m or not _label_words_ok(m.group("label")):
            continue
        label, at = m.group("label"), s + m.start("label")  # (a quoted transcript opens each turn with a mark)
        cut = min((label.index(c) for c in (",", " (") if c in label), default=len(label))
        in_body += not any(a <= s < b for a, b in heads)
        out.append(Turn(at, at + len(label), at + cut, s + m.end(), e))
    # two turns in the body make a transcript (then a first line "Name: words" is its first turn)
    return tuple(out) if in_body >= 2 else ()
