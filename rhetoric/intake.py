"""Text intake: reading files, setting publisher boilerplate aside, chunking long texts.

The one rule here: offsets always index the original text. Nothing is normalised in
place. Parts that must not be analysed (a feed footer, later HTML tags) are *masked*: the
analysable text is a copy of the original of the same length in which those parts are
blanked to spaces, so every offset the pipeline produces is an offset of the original.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .data import data_path

#: spaCy's default ``nlp.max_length``; longer texts are parsed in chunks.
DEFAULT_CHUNK_CHARS = 1_000_000


class InputError(ValueError):
    """Input the kit cannot analyse. The message is one plain line for the user."""


@dataclass
class SetAside:
    """A part of the text kept but not analysed, and why."""

    start: int
    end: int
    text: str
    reason: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "reason": self.reason}


@dataclass
class Prepared:
    """The original text, its same-length analysable copy, and what was set aside."""

    text: str
    analysable: str
    set_aside: list[SetAside] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> list[tuple[str, re.Pattern, str]]:
    spec = json.loads(data_path("boilerplate.json").read_text(encoding="utf-8"))
    return [(p["name"], re.compile(p["regex"], re.IGNORECASE), p["why"]) for p in spec["patterns"]]


def _mask(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\n\r":
            chars[i] = " "


def find_boilerplate(text: str) -> list[SetAside]:
    """Lines that are publisher boilerplate (feed footers, syndication notes)."""
    found = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            for name, pattern, why in _boilerplate_patterns():
                if pattern.match(stripped):
                    start = pos + lead
                    found.append(SetAside(start, start + len(stripped), stripped, f"{name}: {why}"))
                    break
        pos += len(line)
    return found


def prepare(text: str) -> Prepared:
    """Validate ``text`` and build its analysable copy (boilerplate masked)."""
    if not isinstance(text, str):
        raise InputError(f"expected text (str), got {type(text).__name__}")
    if not text.strip():
        raise InputError("the text is empty" if not text else "the text holds only whitespace")
    set_aside = find_boilerplate(text)
    chars = list(text)
    for part in set_aside:
        _mask(chars, part.start, part.end)
    analysable = "".join(chars)
    prepared = Prepared(text=text, analysable=analysable, set_aside=set_aside)
    if not analysable.strip():
        raise InputError("the text holds nothing but publisher boilerplate")
    return prepared


def chunk_bounds(text: str, max_chars: int = DEFAULT_CHUNK_CHARS) -> list[tuple[int, int]]:
    """Split ``text`` into consecutive ``(start, end)`` pieces of at most ``max_chars``.

    Cuts fall after a paragraph break where possible, else after a line break, else after
    a space, so no sentence a reader would see is cut unless a paragraph is longer than
    ``max_chars``. Each piece ends with the whitespace it was cut at, so joining the parsed
    pieces with ``Doc.from_docs`` gives back the text exactly.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    bounds = []
    start = 0
    n = len(text)
    while n - start > max_chars:
        window_end = start + max_chars
        cut = -1
        for sep in ("\n\n", "\n", " "):
            i = text.rfind(sep, start, window_end)
            if i > start:
                cut = i + len(sep)
                break
        if cut <= start:
            cut = window_end
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


def _looks_binary(raw: bytes) -> bool:
    if b"\x00" in raw[:8192]:
        return True
    sample = raw[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


def decode_bytes(raw: bytes, name: str = "the file") -> tuple[str, list[str]]:
    """Decode file bytes to text, returning ``(text, warnings)``.

    UTF-8 (with or without a byte-order mark, which is dropped) is read as is. Anything
    else is decoded as Windows-1252, the usual encoding of text saved on Windows, with a
    warning; that decoding cannot fail, so text is never lost.
    """
    if _looks_binary(raw):
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    text = raw.decode("cp1252", errors="replace")
    return text, [f"{name}: not UTF-8; decoded as Windows-1252 (cp1252)"]


def read_text_file(path: str | Path) -> tuple[str, list[str]]:
    """Read an article from disk; raise ``InputError`` with a one-line reason if it cannot be."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not a text file")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not raw:
        raise InputError(f"{path}: the file is empty")
    text, warnings = decode_bytes(raw, str(path))
    if not text.strip():
        raise InputError(f"{path}: the file holds only whitespace")
    return text, warnings
