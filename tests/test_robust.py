"""The library on awkward articles: HTML, character references, texts too long for one
parse, other languages, no quotes or entities, unbalanced quote marks; and streaming."""

from __future__ import annotations

import itertools

import pytest

import rhetoric
from rhetoric import analysis as analysis_module
from rhetoric.intake import InputError, chunk_bounds, prepare

ARTICLE = (
    "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Tuesday.\n\n"
    "\u201cWe will not accept a peace imposed on Ukraine,\u201d Scholz told reporters after the meeting. "
    "Macron said Europe had to spend more on its own defence.\n\n"
    "Officials in Berlin said the talks had been difficult, and a spokesman for NATO declined to comment."
)


def _assert_offsets_index_the_original(a):
    for item in [*a.entities, *a.quotes, *a.signals]:
        assert a.text[item.start:item.end] == item.text
    for frame in a.frames:
        for item in frame.evidence:
            assert a.text[item.start:item.end] == item.text


# ------------------------------------------------------------------ HTML and references


def test_an_html_article_is_analysed_with_offsets_into_the_html_as_given(nlp):
    html = (
        "<!DOCTYPE html><html><head><title>Olaf Scholz</title><script>var x='Vladimir Putin';</script>"
        "</head><body><article>"
        + "".join(f"<p>{p}</p>\n" for p in ARTICLE.split("\n\n"))
        + "</article></body></html>"
    )
    a = rhetoric.analyze(html)
    _assert_offsets_index_the_original(a)
    names = {e.text for e in a.entities}
    assert {"Olaf Scholz", "Emmanuel Macron"} <= names or {"Scholz", "Macron"} <= names
    assert "Vladimir Putin" not in names  # inside <script>: not article text
    assert all("<" not in e.text and ">" not in e.text for e in a.entities)
    assert any("looks like HTML" in w for w in a.warnings)
    plain = rhetoric.analyze(ARTICLE)
    assert sorted(e.text for e in a.entities) == sorted(e.text for e in plain.entities)


REFERENCES = ("Vladimir Putin&rsquo;s spokesman said on Friday that Emmanuel Macron&rsquo;s "
              "plan was &ldquo;not serious.&rdquo; AT&amp;T declined to comment.")


def test_character_references_keep_offsets_into_the_text_as_given(nlp):
    a = rhetoric.analyze(REFERENCES)
    _assert_offsets_index_the_original(a)
    assert any("character reference" in w for w in a.warnings)
    assert any(e.text.startswith("Vladimir Putin") for e in a.entities)


def test_character_references_do_not_hide_names_behind_possessives(nlp):
    a = rhetoric.analyze(REFERENCES)
    texts = {e.text for e in a.entities}
    assert "Vladimir Putin" in texts and "Emmanuel Macron" in texts


# ------------------------------------------------------------------ sensible results, not errors


@pytest.mark.parametrize("text", [
    "the rain fell all afternoon and the river rose slowly over its banks.",
    "He said \u201cthis will never end and nobody listened.",
    'She said "this will never end, and left. He said nothing" more "',
    "\u201d Reversed marks \u201c and a stray \u2019 apostrophe.",
    "1234 5678 !!! ??? ...",
    "a" * 5000,
])
def test_texts_without_quotes_or_entities_or_with_unbalanced_quote_marks_give_a_result(nlp, text):
    a = rhetoric.analyze(text)
    _assert_offsets_index_the_original(a)
    d = a.to_dict()
    assert set(d) >= {"entities", "quotes", "signals", "frames"}


def test_a_text_in_another_language_is_analysed_with_a_warning(nlp):
    text = (
        "Der Präsident hat sich gestern mit den europäischen Regierungschefs getroffen, um über den "
        "Krieg zu sprechen. Nach Angaben mehrerer Diplomaten sind die Verhandlungen schwierig, weil "
        "keine der beiden Seiten in der Frage der besetzten Gebiete nachgeben will."
    )
    a = rhetoric.analyze(text)
    assert any("does not look like English" in w for w in a.warnings)


# ------------------------------------------------------------------ long texts


def _token_view(doc, offset=0):
    return [(t.idx + offset, t.text, t.tag_, t.dep_, t.head.i - t.i, t.is_sent_start, t.ent_iob_, t.ent_type_)
            for t in doc]


def test_a_text_parsed_in_chunks_gives_the_same_results_as_its_parts_parsed_alone(nlp):
    text = "\n\n".join([ARTICLE] * 4)
    prepared = prepare(text)
    bounds = chunk_bounds(text, 400)
    assert len(bounds) > 3
    doc = analysis_module.parse(prepared, nlp, max_chars=400)
    assert doc.text == text
    expected = []
    for start, end in bounds:
        expected.extend(_token_view(nlp(text[start:end]), start))
    assert _token_view(doc) == expected


def test_layers_run_on_a_chunked_parse_with_offsets_into_the_whole_text(nlp):
    text = "\n\n".join([ARTICLE] * 3)
    prepared = prepare(text)
    doc = analysis_module.parse(prepared, nlp, max_chars=300)
    a = analysis_module.run_layers(prepared, doc)
    _assert_offsets_index_the_original(a)
    assert sum(e.text.endswith("Scholz") for e in a.entities) >= 3 * 2


def test_a_text_above_spacys_max_length_is_parsed_in_chunks_with_its_text_intact():
    spacy = pytest.importorskip("spacy")
    blank = spacy.blank("en")  # the tokenizer alone: enough to test the chunking, and fast
    text = "\n\n".join([ARTICLE] * 3300)
    assert len(text) > blank.max_length  # the real 2 MB run, with the model: benchmarks/speed.py --long
    with pytest.raises(ValueError):
        blank(text)
    doc = analysis_module.parse(prepare(text), blank)
    assert doc.text == text
    i = text.index("Macron", 1_000_000)
    assert doc.char_span(i, i + len("Macron")).text == "Macron"


# ------------------------------------------------------------------ streaming


def test_analyze_many_pulls_texts_lazily_one_batch_at_a_time(nlp):
    pulled = []

    def texts():
        for i in itertools.count():
            pulled.append(i)
            yield f"Olaf Scholz spoke in Berlin on day {i}."

    stream = rhetoric.analyze_many(texts(), batch_size=3)
    first = next(stream)
    assert first.entities
    assert len(pulled) <= 3 + 1
    for _ in range(4):
        next(stream)
    assert len(pulled) <= 6 + 1


def test_analyze_many_gives_what_analyze_gives_in_order(nlp):
    texts = [ARTICLE, "Emmanuel Macron spoke in Paris.", "Nothing named here at all."]
    many = [a.to_dict() for a in rhetoric.analyze_many(texts, batch_size=2)]
    one_by_one = [rhetoric.analyze(t).to_dict() for t in texts]
    assert many == one_by_one


def test_analyze_many_raises_at_the_bad_text_after_yielding_the_ones_before(nlp):
    stream = rhetoric.analyze_many(["Olaf Scholz spoke.", "   ", "Macron spoke."], batch_size=8)
    assert next(stream).text == "Olaf Scholz spoke."
    with pytest.raises(InputError):
        next(stream)


def test_a_layer_failing_on_one_text_does_not_stop_the_stream(nlp, monkeypatch):
    real = analysis_module.run_layers

    def fragile(prepared, doc, path=None):
        if "BOOM" in prepared.text:
            raise RuntimeError("layer bug")
        return real(prepared, doc, path)

    monkeypatch.setattr(analysis_module, "run_layers", fragile)
    items = [("a", prepare("Olaf Scholz spoke.")), ("b", prepare("BOOM went the layer.")),
             ("c", InputError("c: no such file")), ("d", prepare("Macron spoke."))]
    results = list(analysis_module.analyze_stream(items, batch_size=2))
    assert [path for path, _ in results] == ["a", "b", "c", "d"]
    assert isinstance(results[1][1], RuntimeError) and isinstance(results[2][1], InputError)
    assert results[0][1].path == "a" and results[3][1].text == "Macron spoke."


def test_a_long_text_in_a_batch_is_chunked_while_the_others_are_piped(nlp):
    long_text = "\n\n".join([ARTICLE] * 3)
    items = [("short", prepare("Olaf Scholz spoke.")), ("long", prepare(long_text)),
             ("short2", prepare("Macron spoke."))]
    results = dict(analysis_module.analyze_stream(items, batch_size=8, max_chars=300))
    assert results["long"].doc.text == long_text
    _assert_offsets_index_the_original(results["long"])
    assert sum(e.text.endswith("Macron") for e in results["long"].entities) >= 3
