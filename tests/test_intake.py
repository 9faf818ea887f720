"""Intake without the model: masking keeps offsets, HTML and character references, the
language check, decoding, chunking and the one-line refusals."""

from __future__ import annotations

import pytest

from rhetoric.intake import (
    InputError,
    chunk_bounds,
    decode_bytes,
    english_share,
    looks_like_html,
    prepare,
    read_text_file,
)

ENGLISH = (
    "The minister said on Monday that the talks would continue, although neither side was ready "
    "to give up the territory it holds. Diplomats who spoke to reporters after the meeting said "
    "they had little hope of a deal before the summer, and that the pressure on both governments "
    "was growing."
)

# Written for these tests: the same news paragraph in seven other languages.
NON_ENGLISH = {
    "french": (
        "Le président a rencontré hier les dirigeants européens pour discuter de la guerre. "
        "Selon plusieurs diplomates, les négociations restent difficiles, car aucun des deux camps "
        "ne veut céder sur la question des territoires occupés. Le ministre a déclaré que la paix "
        "ne serait possible qu'avec des garanties de sécurité solides pour le pays et ses voisins."
    ),
    "german": (
        "Der Präsident hat sich gestern mit den europäischen Regierungschefs getroffen, um über den "
        "Krieg zu sprechen. Nach Angaben mehrerer Diplomaten sind die Verhandlungen schwierig, weil "
        "keine der beiden Seiten in der Frage der besetzten Gebiete nachgeben will. Der Minister "
        "sagte, ein Frieden sei nur mit festen Sicherheitsgarantien für das Land möglich."
    ),
    "spanish": (
        "El presidente se reunió ayer con los líderes europeos para hablar de la guerra. Según "
        "varios diplomáticos, las negociaciones siguen siendo difíciles, porque ninguno de los dos "
        "bandos quiere ceder en la cuestión de los territorios ocupados. El ministro declaró que la "
        "paz solo sería posible con garantías de seguridad sólidas para el país y sus vecinos."
    ),
    "italian": (
        "Il presidente ha incontrato ieri i leader europei per discutere della guerra. Secondo "
        "diversi diplomatici, i negoziati restano difficili, perché nessuna delle due parti vuole "
        "cedere sulla questione dei territori occupati. Il ministro ha dichiarato che la pace "
        "sarebbe possibile solo con solide garanzie di sicurezza per il paese e per i suoi vicini."
    ),
    "dutch": (
        "De president heeft gisteren de Europese leiders ontmoet om over de oorlog te praten. "
        "Volgens verschillende diplomaten blijven de onderhandelingen moeilijk, omdat geen van beide "
        "partijen wil toegeven in de kwestie van de bezette gebieden. De minister zei dat vrede "
        "alleen mogelijk is met stevige veiligheidsgaranties voor het land en zijn buren."
    ),
    "polish": (
        "Prezydent spotkał się wczoraj z przywódcami europejskimi, aby rozmawiać o wojnie. Według "
        "kilku dyplomatów negocjacje pozostają trudne, ponieważ żadna ze stron nie chce ustąpić w "
        "sprawie okupowanych terytoriów. Minister powiedział, że pokój będzie możliwy tylko z "
        "mocnymi gwarancjami bezpieczeństwa dla kraju i jego sąsiadów. To jest ważne dla nas."
    ),
    "ukrainian": (
        "Президент учора зустрівся з європейськими лідерами, щоб обговорити війну. За словами "
        "кількох дипломатів, переговори залишаються складними, бо жодна зі сторін не хоче "
        "поступатися в питанні окупованих територій. Міністр заявив, що мир можливий лише з "
        "надійними гарантіями безпеки для країни та її сусідів."
    ),
}


# ------------------------------------------------------------------ same-length masking


def test_analysable_copy_has_the_length_of_the_normalised_view_for_every_kind_of_input():
    texts = [
        ENGLISH,
        "<p>" + ENGLISH + "</p><script>var x = '<p>';</script>",
        "Trump&rsquo;s &ldquo;deal&rdquo; with AT&amp;T&nbsp;now &#8212; &#x2019; &bogus; &amp",
        "\ufeff" + ENGLISH,
        ENGLISH + "\nThe post A Title appeared first on The Site.",
    ]
    for text in texts:
        p = prepare(text)
        assert p.text == text
        assert len(p.analysable) == len(p.normalised)
        if p.offsets is None:  # nothing left out: the view indexes the text as given
            assert len(p.analysable) == len(text)
        else:  # a byte-order mark is left out: the map leads back to the original
            assert p.offsets.removed == len(text) - len(p.normalised)


def test_newlines_survive_masking_so_line_and_paragraph_structure_is_kept():
    text = "<div>\nOne line.\n</div>\n\n<p>Next\nparagraph.</p>" + "<p>" + ENGLISH + "</p>"
    p = prepare(text)
    for i, ch in enumerate(text):
        if ch == "\n":
            assert p.analysable[i] == "\n"


# ------------------------------------------------------------------ HTML


def test_html_is_detected_from_two_known_tags_or_a_doctype_but_not_from_prose_with_angle_brackets():
    assert looks_like_html("<p>One.</p>")
    assert looks_like_html("<!DOCTYPE html><title>x</title>")
    assert looks_like_html('Text <a href="https://example.org">link</a> more')
    assert not looks_like_html("If a < b and b > c then a < c; I <3 news.")
    assert not looks_like_html("The <b> tag makes text bold.")
    assert not looks_like_html(ENGLISH)


def test_html_tags_are_masked_and_the_text_between_them_keeps_its_offsets():
    text = '<p class="lead">Olaf Scholz met <a href="/x?a=1&amp;b=2">Emmanuel Macron</a> in Paris.</p>'
    p = prepare(text)
    for word in ("Olaf Scholz", "Emmanuel Macron", "Paris"):
        i = text.index(word)
        assert p.analysable[i:i + len(word)] == word
    assert "<" not in p.analysable and ">" not in p.analysable
    assert "href" not in p.analysable and "class" not in p.analysable
    assert any("looks like HTML" in w for w in p.warnings)


def test_script_style_head_and_comments_are_masked_with_their_contents_and_set_aside():
    text = (
        "<html><head><title>Page</title><style>p { color: red }</style></head><body>"
        "<script>var secret = 'Vladimir Putin';</script><!-- Angela Merkel -->"
        "<p>" + ENGLISH + "</p></body></html>"
    )
    p = prepare(text)
    for hidden in ("secret", "Vladimir Putin", "color", "Angela Merkel", "Page"):
        assert hidden not in p.analysable
    assert ENGLISH in p.analysable
    reasons = [part.reason for part in p.set_aside]
    assert any(r.startswith("html_head") for r in reasons)
    assert any(r.startswith("html_script") for r in reasons)
    for part in p.set_aside:
        assert text[part.start:part.end] == part.text


def test_a_greater_than_sign_inside_a_quoted_attribute_does_not_end_the_tag():
    text = '<p title="a > b">Visible words here.</p><p>More.</p>'
    p = prepare(text)
    assert "b" not in p.analysable[: text.index("Visible")]
    assert p.analysable[text.index("Visible"):].startswith("Visible words here.")


def test_block_tags_become_paragraph_breaks_and_inline_tags_become_spaces():
    text = "<p>First paragraph ends.</p><p>Second <em>starts</em> here.</p>"
    p = prepare(text)
    between = p.analysable[text.index("ends.") + 5:text.index("Second")]
    assert "\n\n" in between
    em = text.index("<em>")
    assert p.analysable[em:em + 4] == "    "


def test_unterminated_script_does_not_swallow_the_article():
    text = "<p>Angela Merkel spoke.</p><script>var a = 1;" + "<p>" + ENGLISH + "</p>"
    p = prepare(text)
    assert "Angela Merkel spoke." in p.analysable
    assert "The minister said" in p.analysable


def test_a_text_that_is_only_markup_is_refused_in_one_line():
    with pytest.raises(InputError, match="nothing but HTML markup"):
        prepare("<html><head><title>x</title></head><body><div></div></body></html>")


def test_boilerplate_is_found_inside_html_and_reported_with_its_original_characters():
    text = "<p>" + ENGLISH + "</p>\n<p>The post A Title appeared first on The Site.</p>"
    p = prepare(text)
    [footer] = [s for s in p.set_aside if s.reason.startswith("rss_footer")]
    assert footer.text == text[footer.start:footer.end]
    assert footer.text.startswith("The post")
    assert "appeared first" not in p.analysable


# ------------------------------------------------------------------ character references


def test_character_references_decode_right_aligned_so_possessives_split_like_spacy_splits_them():
    text = "Trump&rsquo;s plan"
    p = prepare(text)
    assert p.analysable == "Trump      ’s plan"


@pytest.mark.parametrize(
    "ref, char",
    [("&amp;", "&"), ("&ldquo;", "“"), ("&rdquo;", "”"), ("&#8217;", "’"), ("&#x2019;", "’"),
     ("&mdash;", "—"), ("&eacute;", "é"), ("&lt;", "<"), ("&quot;", '"')],
)
def test_each_reference_leaves_its_decoded_character_at_the_end_of_its_span(ref, char):
    text = f"x {ref}y"
    p = prepare(text)
    assert len(p.analysable) == len(text)
    assert p.analysable == "x " + " " * (len(ref) - 1) + char + "y"
    assert any("character reference" in w for w in p.warnings)


def test_whitespace_references_become_plain_spaces():
    p = prepare("one&nbsp;two&#160;three")
    assert p.analysable == "one" + " " * 6 + "two" + " " * 6 + "three"


def test_unknown_or_unterminated_references_are_left_alone_and_do_not_warn():
    text = "AT&T and R&D; &bogus; &amp no semicolon"
    p = prepare(text)
    assert p.analysable == text
    assert not any("reference" in w for w in p.warnings)


def test_plain_text_without_markup_or_references_is_untouched_and_gets_no_warning():
    p = prepare(ENGLISH)
    assert p.analysable == ENGLISH
    assert p.warnings == []


# ------------------------------------------------------------------ language


def test_english_news_scores_well_above_the_threshold():
    share, words = english_share(ENGLISH)
    assert words > 30 and share > 0.3
    assert prepare(ENGLISH).warnings == []


@pytest.mark.parametrize("language", sorted(NON_ENGLISH))
def test_a_text_in_another_language_gets_a_warning_that_the_model_is_english(language):
    p = prepare(NON_ENGLISH[language])
    assert english_share(NON_ENGLISH[language])[0] < 0.05
    [warning] = [w for w in p.warnings if "English" in w]
    assert "does not look like English" in warning


def test_short_texts_are_not_judged():
    assert prepare("Der Präsident sprach.").warnings == []


def test_the_check_samples_long_texts_across_their_whole_length():
    long_text = NON_ENGLISH["german"] * 1500 + (" " + ENGLISH) * 2500
    share, words = english_share(long_text)
    assert 0.05 < share < 0.3  # both halves were read
    assert words <= 20_000


# ------------------------------------------------------------------ refusals and decoding


@pytest.mark.parametrize("text, message", [
    ("", "empty"), ("   \n\t ", "only whitespace"), ("\x00\x01\x02\x03 binary", "binary"),
    ("The post A Title appeared first on The Site.", "boilerplate"),
])
def test_texts_with_nothing_to_analyse_are_refused_with_one_plain_line(text, message):
    with pytest.raises(InputError, match=message) as info:
        prepare(text)
    assert "\n" not in str(info.value)


def test_non_text_is_refused():
    with pytest.raises(InputError, match="expected text"):
        prepare(b"bytes")  # type: ignore[arg-type]


def test_cp1252_bytes_decode_with_a_warning_and_keep_their_characters():
    raw = "Café owner José said “we are ready” — 5 €.".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text, warnings = decode_bytes(raw, "x.txt")
    assert text == "Café owner José said “we are ready” — 5 €."
    assert warnings == ["x.txt: not UTF-8; decoded as Windows-1252 (cp1252)"]


def test_utf8_with_a_byte_order_mark_and_utf16_decode_silently():
    text = "Olaf Scholz said “yes”."
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, [])
    assert decode_bytes(text.encode("utf-16")) == (text, [])


def test_files_that_cannot_be_analysed_get_one_line_naming_them(tmp_path):
    cases = {
        "missing.txt": (None, "no such file"),
        "empty.txt": (b"", "the file is empty"),
        "blank.txt": (b"  \n\n\t", "only whitespace"),
        "image.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    }
    for name, (content, message) in cases.items():
        path = tmp_path / name
        if content is not None:
            path.write_bytes(content)
        with pytest.raises(InputError) as info:
            read_text_file(path)
        assert str(info.value).startswith(str(path)) and message in str(info.value)
        assert "\n" not in str(info.value)
    with pytest.raises(InputError, match="is a directory"):
        read_text_file(tmp_path)


def test_a_file_above_the_size_limit_is_refused(tmp_path, monkeypatch):
    import rhetoric.intake as intake

    monkeypatch.setattr(intake, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text(ENGLISH)
    with pytest.raises(InputError, match="too large"):
        read_text_file(path)


# ------------------------------------------------------------------ chunking


def test_chunks_cover_the_text_exactly_and_cut_after_paragraph_breaks():
    paragraphs = [f"Paragraph {i} says something about the war." for i in range(50)]
    text = "\n\n".join(paragraphs)
    bounds = chunk_bounds(text, 200)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert all(e - s <= 200 for s, e in bounds)
    assert all(text[s:e].endswith("\n\n") for s, e in bounds[:-1])


def test_chunks_fall_back_to_line_breaks_then_spaces_then_a_hard_cut():
    assert all(piece.endswith("\n") for piece in _pieces("line one\n" * 40, 50)[:-1])
    assert all(piece.endswith(" ") for piece in _pieces("word " * 100, 42)[:-1])
    assert [len(p) for p in _pieces("x" * 100, 30)] == [30, 30, 30, 10]


def _pieces(text, n):
    return [text[s:e] for s, e in chunk_bounds(text, n)]


def test_the_function_word_list_is_ours_documented_and_clean():
    from rhetoric.data import load_json

    spec = load_json("english_function_words.json")
    assert spec["source"] and spec["licence"].startswith("CC BY")
    words = spec["words"]
    assert len(words) == len(set(words)) and all(w == w.lower().strip() for w in words)
    assert not {"a", "an", "in", "on", "so", "no", "me", "i", "de", "die", "la"} & set(words)


def test_a_byte_order_mark_read_as_a_character_is_left_out_and_offsets_still_map():
    p = prepare("\ufeff" + ENGLISH)
    assert p.analysable == ENGLISH
    assert p.offsets.span(0, 3) == (1, 4)
    assert p.note is None  # a leading byte-order mark is not worth a note
