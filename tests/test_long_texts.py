"""Long texts (issue 13, "Long texts"): parsed one piece at a time with the same result, and the
explorer says which part of a long text it shows. Figures (time, peak memory at 1.27 million
characters) are printed by ``python benchmarks/speed.py --long-only``, not asserted here."""

from __future__ import annotations

import pytest

import rhetoric
from rhetoric import analysis as analysis_module
from rhetoric.intake import chunk_bounds


def _shifted(items, by):
    return sorted((i.start + by, i.end + by, i.text) for i in items)


def test_a_long_text_parsed_in_pieces_gives_each_copy_of_the_seed_the_seed_s_items(seed_text, seed_analysis, monkeypatch):
    monkeypatch.setattr(analysis_module, "PARSE_CHUNK_CHARS", 5_000)
    monkeypatch.setattr(analysis_module.parse, "__defaults__", (None, 5_000))
    text = "\n\n".join([seed_text] * 3)
    assert len(chunk_bounds(text, 5_000)) >= 5
    a = rhetoric.analyze(text)
    step = len(seed_text) + 2
    for copy in range(3):
        lo, hi = copy * step, copy * step + len(seed_text)
        for kind in ("quotes", "signals", "entities"):
            got = sorted((i.start, i.end, i.text) for i in getattr(a, kind) if lo <= i.start < hi)
            assert got == _shifted(getattr(seed_analysis, kind), lo), (copy, kind)
        speakers = sorted((q.start, q.speaker) for q in a.quotes if lo <= q.start < hi)
        assert speakers == sorted((q.start + lo, q.speaker) for q in seed_analysis.quotes)


def test_chunks_of_a_long_text_are_parsed_one_at_a_time(seed_text, monkeypatch):
    """``nlp.pipe`` over all pieces would hold every piece's working memory at once."""
    nlp = rhetoric.load_nlp()
    sizes = []

    class Counting:
        def __call__(self, piece):
            sizes.append(len(piece))
            return nlp(piece)

        def pipe(self, texts, **kwargs):  # pragma: no cover - must not be used for one long text
            raise AssertionError("a long text's pieces must not be batched together")

    text = "\n\n".join([seed_text] * 4)
    prepared = analysis_module.prepare(text)
    doc = analysis_module.parse(prepared, Counting(), max_chars=10_000)
    assert doc.text == prepared.analysable
    assert len(sizes) >= 3 and max(sizes) <= 10_000


def test_the_cli_and_analyze_stream_parse_long_texts_in_pieces_too(monkeypatch, seed_text):
    assert analysis_module.analyze_stream.__kwdefaults__["max_chars"] == analysis_module.PARSE_CHUNK_CHARS
    assert analysis_module.PARSE_CHUNK_CHARS <= 20_000


def test_the_explorer_shows_a_long_text_one_part_at_a_time_and_says_so(seed_text, monkeypatch):
    from rhetoric.present import widgets as wd

    monkeypatch.setattr(wd, "EXPLORER_PART_CHARS", 6_000)
    text = "\n\n".join([seed_text] * 2)
    a = rhetoric.analyze(text)
    ex = wd.Explorer(a, name="Long")
    view = ex.current
    assert view.parts and len(view.parts) >= 3
    assert "part 1 of" in ex.status_text and "every count and chart covers the whole text" in ex.status_text
    first = ex.html
    # choose a sentence in the second copy of the seed: its part is shown
    target = next(k for k, (s, _) in enumerate(view.sentences) if s > len(seed_text) + 100)
    ex.sentence.value = target + 1
    assert ex.html != first
    assert f"part {view.part_of(view.sentences[target][0]) + 1} of" in ex.status_text
    assert not ex.errors


def test_a_short_text_is_shown_whole(seed_analysis):
    from rhetoric.present import widgets as wd

    ex = wd.Explorer(seed_analysis, name="Seed")
    assert ex.current.parts is None and "part 1 of" not in ex.status_text


@pytest.mark.parametrize("k", [2, 5])
def test_offsets_hold_on_a_long_pasted_text(seed_text, k):
    from pasting import VARIANTS, offsets_hold

    a = rhetoric.analyze(VARIANTS["wrapped_crlf_nbsp"]("\n".join([seed_text] * k)))
    assert offsets_hold(a)
    assert len(a.quotes) == k * 31
