"""Text as learners paste it: the analysis of a pasted text equals the analysis of the clean
text, and every offset still indexes the text as pasted (issue 13, "Pasted text")."""

from __future__ import annotations

import textwrap

import pytest
from pasting import VARIANTS, offsets_hold, plain, summary

from rhetoric.intake import OffsetMap, find_boilerplate, normalise, prepare, wrapped_line_breaks

# An article written for these tests (not from any corpus): headline, a dateline, direct and
# indirect quotes with named speakers, a pronoun speaker, long words, dashes and hyphens.
ARTICLE = """Harbour Council Delays Vote on Flood Barrier

MERRIDGE — The Merridge harbour council postponed its vote on a long-debated flood barrier on Tuesday, after engineers warned that the latest cost estimate was almost certainly too low.
“We cannot ask residents to pay for a barrier whose price keeps climbing,” said Councillor Ayesha Okonkwo, who chairs the finance committee. She added that the council would commission an independent review before the end of the year.
The mayor, Tomas Lindqvist, said the delay was “regrettable but responsible.” He told reporters that the town had already spent two years on consultations and that further delay could put federal co-funding at risk.
Environmental groups welcomed the decision. Marta Esposito, a spokeswoman for the Coastal Alliance, argued that a long-term plan should restore the salt marshes rather than build concrete walls.
“Nature did this job for centuries before we paved over it,” Esposito said.
Engineers from the regional water authority said the barrier would probably need to be taller than planned, because sea levels are rising faster than the 2019 models assumed. The authority’s chief engineer, Daniel Mbeki, called the earlier figures “dangerously optimistic.”
Local business owners remain divided. Some fear that years of construction would drive away tourists; others say that without protection the harbour district will flood every winter.
The council is expected to return to the question in March.
"""


@pytest.fixture(scope="module")
def clean_seed(seed_analysis):
    return summary(seed_analysis)


@pytest.fixture(scope="module")
def clean_article(nlp):
    import rhetoric

    return summary(rhetoric.analyze(ARTICLE))


def _diff(got: dict, want: dict) -> dict:
    return {k: (sorted(set(map(str, want[k])) ^ set(map(str, got[k]))) if isinstance(want[k], list) else (want[k], got[k]))
            for k in want if got[k] != want[k]}


# ------------------------------------------------------------------ the seed, pasted


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_seed_pasted_gives_the_same_quotes_speakers_actors_and_signal_counts(variant, seed_text, clean_seed, analyze):
    pasted = VARIANTS[variant](seed_text)
    assert pasted != seed_text
    a = analyze(pasted)
    assert a.text == pasted
    assert offsets_hold(a), "every item's text must be the pasted text at its offsets"
    assert _diff(summary(a), clean_seed) == {}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_an_unseen_article_pasted_gives_the_same_analysis(variant, clean_article, analyze):
    a = analyze(VARIANTS[variant](ARTICLE))
    assert offsets_hold(a)
    assert _diff(summary(a), clean_article) == {}


def test_the_unseen_article_has_quotes_and_speakers_to_compare(clean_article):
    speakers = " ".join(q[2] or "" for q in clean_article["quotes"])
    assert len(clean_article["quotes"]) >= 4 and all(n in speakers for n in ("Okonkwo", "Esposito", "Lindqvist"))


def test_a_soft_hyphen_stays_in_the_item_text_and_offsets_cover_it(analyze):
    text = ARTICLE.replace("independent", "inde\u00adpen\u00addent").replace("Councillor Ayesha", "Councillor\u00a0Aye\u00adsha")
    a = analyze(text)
    assert offsets_hold(a)
    speakers = [q for q in a.quotes if "Okonkwo" in (q.speaker or "")]
    assert speakers and any("\u00ad" in q.text for q in speakers)  # the original slice, soft hyphens and all
    actor = a.actors[speakers[0].speaker]
    assert any("\u00ad" in text[s:e] for s, e in actor.mentions)
    for s, e in actor.mentions:
        assert plain(text[s:e]) in ("Ayesha Okonkwo", "Okonkwo", "Councillor Ayesha Okonkwo")


def test_what_was_normalised_is_said_in_one_line_on_the_analysis(seed_text, analyze):
    wrapped = VARIANTS["hard_wrapped"](seed_text)
    a = analyze(wrapped)
    paragraphs = len([p for p in seed_text.splitlines() if p.strip()])
    multi_line = [p for p in wrapped.split("\n\n") if "\n" in p.strip()]
    assert a.normalisation == a.warnings[-1]
    assert f"joined {sum(p.strip().count(chr(10)) + 1 for p in multi_line)} wrapped lines into {len(multi_line)} paragraphs" in a.normalisation
    assert len(multi_line) <= paragraphs and "\n" not in a.normalisation
    assert a.to_dict()["normalisation"] == a.normalisation
    nbsp = analyze(VARIANTS["nbsp"](seed_text))
    assert f"read {VARIANTS['nbsp'](seed_text).count(chr(0xA0))} non-breaking" in nbsp.normalisation


def test_clean_text_and_windows_line_ends_need_no_note(seed_analysis, analyze, seed_text):
    assert seed_analysis.normalisation is None
    assert analyze(VARIANTS["crlf"](seed_text)).normalisation is None


def test_the_doc_indexes_the_normalised_view_and_original_span_maps_back(analyze):
    text = "The mayor, Tomas\u00a0Lind\u00adqvist, said the de\u200blay was regrettable. Residents disagreed."
    a = analyze(text)
    assert a.doc.text == a.normalised == "The mayor, Tomas Lindqvist, said the delay was regrettable. Residents disagreed."
    sent = next(iter(a.doc.sents))
    s, e = a.original_span(sent.start_char, sent.end_char)
    assert plain(text[s:e]).startswith("The mayor") and text[s:e].rstrip().endswith("regrettable.")


# ------------------------------------------------------------------ the offset map


def test_offset_map_starts_on_the_character_and_ends_after_it():
    text = "ab\u00adcd \u200bef"
    norm = normalise(text, join_wrapped=False)
    assert norm.text == "abcd ef"
    m = norm.offsets
    assert m.span(0, 4) == (0, 5) and text[0:5] == "ab\u00adcd"  # the soft hyphen inside stays inside
    assert m.span(5, 7) == (7, 9) and text[7:9] == "ef"  # the zero-width space before the word stays outside
    assert m.span(2, 4) == (3, 5)
    for i, c in enumerate(norm.text):
        assert text[m.start(i)] == c


def test_offset_map_memory_is_per_left_out_character_not_per_character():
    m = OffsetMap([5, 6, 100])
    assert m.removed == 3 and m.start(4) == 4 and m.start(5) == 7 and m.start(97) == 99 and m.start(98) == 101 and m.start(1000) == 1003


# ------------------------------------------------------------------ hard wrapping


PARAGRAPH = ("Engineers from the regional water authority said the barrier would probably need to be taller "
             "than planned, because sea levels are rising faster than the models assumed, and that the "
             "council would have to find the extra money before any contract could be signed next year.")


def test_a_headline_is_not_joined_to_its_first_wrapped_paragraph():
    text = "Harbour Council Delays Vote on Flood Barrier Again After Engineers Warn\n" + textwrap.fill(PARAGRAPH * 2, 72)
    norm = normalise(text)
    assert norm.text.startswith("Harbour Council Delays Vote on Flood Barrier Again After Engineers Warn\nEngineers")
    assert norm.text.count("\n") == 1


def test_short_paragraphs_of_dialogue_are_not_joined():
    dialogue = ("“Are you coming to the meeting?” she asked.\n“Not tonight,” he said.\n"
                "“Then who will speak for the harbour?”\n“Ask the mayor.”\n")
    text = textwrap.fill(PARAGRAPH, 72) + "\n\n" + dialogue + "\n" + textwrap.fill(PARAGRAPH, 72)
    norm = normalise(text)
    assert dialogue in norm.text
    assert PARAGRAPH in norm.text


def test_text_that_is_not_hard_wrapped_keeps_its_line_breaks(seed_text):
    assert wrapped_line_breaks(seed_text) == []
    poem = "The tide comes in\nThe tide goes out\nAnd nobody asks\nWhat the harbour thinks about\n" * 3
    assert wrapped_line_breaks(poem) == []


@pytest.mark.parametrize("width", [50, 64, 72, 80, 100])
def test_wrapped_paragraphs_are_joined_at_any_common_width_with_hyphenated_words_kept_whole(width):
    paragraphs = [PARAGRAPH, "A long-term, well-funded plan is the only one-size-fits-all answer " * 3]
    text = "\n\n".join(textwrap.fill(p, width) for p in paragraphs)
    norm = normalise(text)
    assert norm.text == "\n\n".join(p.strip() for p in paragraphs)
    assert norm.counts["wrapped_paragraphs"] == 2


def test_wrapped_paragraphs_without_blank_lines_still_end_where_they_end():
    paragraphs = [PARAGRAPH, "Local business owners remain divided about the plan, and several said so at the meeting. " * 2]
    text = "\n".join(textwrap.fill(p, 72) for p in paragraphs)
    assert normalise(text).text == "\n".join(p.strip() for p in paragraphs)


def test_a_wrapped_list_is_not_joined_into_its_bullets():
    text = textwrap.fill(PARAGRAPH, 72) + "\n- the first item of the list\n- the second item of the list\n"
    norm = normalise(text)
    assert "\n- the first item of the list\n- the second" in norm.text


def test_html_line_breaks_are_not_joined():
    text = "<p>" + textwrap.fill(PARAGRAPH, 72) + "</p>\n<p>" + textwrap.fill(PARAGRAPH, 72) + "</p>"
    p = prepare(text)
    assert p.normalised.count("\n") == text.count("\n")


# ------------------------------------------------------------------ web-page furniture

PAGES = {
    "news site": """Skip to content
Home
World
Politics
Business
Climate
Harbour council delays vote on flood barrier
Share this article
Advertisement
{article}
Advertisement
Read more: Why coastal towns are rethinking concrete walls
Sign up for our newsletter
Follow us on Twitter
© 2025 Merridge Evening Post. All rights reserved.
""",
    "blog with cookies": """We use cookies to improve your experience on our site. By continuing to browse, you agree to our privacy policy.
Accept all cookies
Cookie settings
Home | News | Opinion | Sport | Contact
{article}
Share on Facebook
Share on X
Copy link
Related: Flood defences across the north coast
Tags: harbour, flooding, council
""",
    "magazine": """Menu
Search
Log in
Subscribe now
Listen to this article
5 min read
{article}
Story continues below advertisement
Most read
Topics: Climate, Local government
Get our free newsletter delivered to your inbox every morning
""",
    "blank lines between menu items": """Home

News

Local

Weather

{article}

Comments (12)

Print
""",
}

_BODY = "\n".join(ARTICLE.splitlines()[2:])  # the article without its headline


@pytest.mark.parametrize("page", sorted(PAGES))
def test_web_page_furniture_is_set_aside_and_the_article_is_not(page):
    text = PAGES[page].format(article=_BODY)
    found = {p.text for p in find_boilerplate(text)}
    article_lines = {ln.strip() for ln in _BODY.splitlines() if ln.strip()}
    furniture = {ln.strip() for ln in PAGES[page].splitlines() if ln.strip() and "{article}" not in ln}
    furniture.discard("Harbour council delays vote on flood barrier")  # a headline is the article's
    assert not found & article_lines
    assert furniture - found == set()


@pytest.mark.parametrize("page", sorted(PAGES))
def test_a_pasted_web_page_gives_the_article_s_quotes(page, analyze):
    body = summary(analyze(_BODY))
    a = analyze(PAGES[page].format(article=_BODY))
    assert offsets_hold(a)
    assert summary(a)["quotes"] == body["quotes"]


def test_a_list_inside_the_article_is_not_a_menu():
    text = ("Six states have already passed such laws, and legislators in several more are drafting bills:\n"
            "California\nConnecticut\nIndiana\nOregon\nWashington\n"
            "Supporters say the laws have been used hundreds of times since they were passed last year.\n")
    assert find_boilerplate(text) == []


def test_prose_that_mentions_newsletters_or_cookies_is_not_boilerplate():
    text = ("Share prices fell sharply on Tuesday after the company warned of lower profits this year.\n"
            "The bakery sells cookies to schools, and its owner said the newsletter had doubled orders.\n"
            "Get-out-the-vote volunteers said their briefing sessions and email alerts had reached thousands of voters in the county.\n"
            "Related talks between the two unions are expected to resume next week in the capital.\n")
    assert find_boilerplate(text) == []


def test_a_text_of_dialogue_lines_of_similar_length_is_not_read_as_wrapped():
    lines = ["“Are you coming to the council meeting tonight?” she asked him.",
             "“Not tonight, I have to finish the report,” he said quietly.",
             "“Then who will speak for the harbour district?” she asked.",
             "“Ask the mayor, it is his barrier after all,” he said at last.",
             "“The mayor has not answered a letter since the spring,” she said."]
    text = "\n".join(lines * 2)
    assert wrapped_line_breaks(text) == []
    assert normalise(text).text == text


def test_a_wrapped_line_of_names_inside_a_paragraph_is_still_joined():
    para = ("The meeting in Riyadh brought together Secretary of State Marco Rubio, National Security Adviser Mike "
            "Waltz and Special Envoy Steve Witkoff with their Russian counterparts, who arrived late and left early "
            "without answering any questions from the reporters who had waited outside the palace for hours.")
    lines = ["The meeting in Riyadh brought together Secretary of State Marco Rubio,",
             "National Security Adviser Mike Waltz And Special Envoy Steve Witkoff",
             "with their Russian counterparts, who arrived late and left early without",
             "answering any questions from the reporters who had waited outside the",
             "palace for hours."]
    text = "\n".join(lines)
    assert normalise(text).text == " ".join(lines)
    assert normalise(textwrap.fill(para, 72)).text == para


def test_a_headline_wrapped_over_two_lines_of_its_own_is_joined():
    head = "Harbour Council Delays Vote on the Flood Barrier After Engineers Warn: ‘The Cost Will Rise.’"
    text = textwrap.fill(head, 72) + "\n\n" + textwrap.fill(PARAGRAPH, 72) + "\n\n" + textwrap.fill(PARAGRAPH, 72)
    assert normalise(text).text == head + "\n\n" + PARAGRAPH + "\n\n" + PARAGRAPH


def test_a_wrapped_line_that_starts_with_a_spaced_dash_is_joined_but_a_dashed_list_is_not():
    para = ("The council wanted any other option they could find before the vote, they said — and they would not "
            "give up the marshes — whatever the engineers from the regional water authority told them this week.")
    wrapped = textwrap.fill(para, 60)
    assert any(line.startswith("— ") for line in wrapped.splitlines())
    assert normalise(wrapped).text == para
    listing = textwrap.fill(PARAGRAPH, 72) + "\n- the first item of the list\n- the second item of the list\n"
    assert "\n- the first item of the list\n- the second" in normalise(listing).text


def test_rare_variants_of_marks_are_read_as_the_usual_ones_and_said():
    text = "The mayor said it was \u201fregrettable\u201d and that he didn\u00b4t agree with the non\u2011binding motion.\u2028Residents disagreed."
    norm = normalise(text)
    assert norm.text == "The mayor said it was “regrettable” and that he didn’t agree with the non-binding motion.\nResidents disagreed."
    assert norm.offsets is None  # same length: positions are shared
    assert "4 variant quote mark(s), hyphen(s) or apostrophe(s)" in norm.note
    assert normalise("a `quoted´ word and 1´ 30").text == "a `quoted´ word and 1´ 30"  # not between two letters


@pytest.mark.parametrize("tail", [
    "BOSTON AT OAKLAND\nCHICAGO AT TORONTO\nMINNESOTA AT MILWAUKEE\nCLEVELAND AT TEXAS\n",
    "Leeds\nBradford\nHalifax\nHuddersfield\nWakefield\n",
    "Key dates\nMarch 2019\nJune 2021\nApril 2024\n",
])
def test_a_list_or_table_at_the_end_of_an_article_is_not_a_menu(tail):
    from rhetoric.intake import find_boilerplate

    text = ("The league confirmed its fixtures for the weekend on Friday after a long dispute over the dates.\n"
            + tail)
    assert find_boilerplate(text) == []


def test_a_menu_that_names_site_sections_is_set_aside():
    from rhetoric.intake import find_boilerplate

    text = ("Home\nNews\nSport\nOpinion\nCulture\n"
            "The league confirmed its fixtures for the weekend on Friday after a long dispute over the dates.\n")
    assert [s.text for s in find_boilerplate(text)] == ["Home", "News", "Sport", "Opinion", "Culture"]


@pytest.mark.parametrize("text", [
    # one sentence per line, as wire copy and tokenised corpora have it: nothing to join
    "Leicestershire took over at the top of the county championship on Friday after an innings win .\n"
    "Phil Simmons took four for 38 as Somerset were bowled out for 83 in their second innings today .\n"
    "Leicestershire had begun the day needing five wickets to win the match inside two full days .\n"
    "Their captain James Whitaker said the side had played its best cricket of the whole season .\n",
    # a results table whose rows come near one width
    "Leading scores after the third round of the Greater Milwaukee Open on Saturday at Brown Deer\n"
    "Loren Roberts 67 69 68 204 Jeff Sluman 68 70 67 205 Steve Stricker 69 69 68 206 Tim Herron\n"
    "Mark Calcavecchia 70 68 69 207 Nolan Henke 69 70 68 207 Bob Tway 71 66 70 207 Scott Hoch 70\n"
    "Billy Andrade 69 71 68 208 Jay Haas 70 69 69 208 Duffy Waldorf 68 72 68 208 Kirk Triplett 71\n",
])
def test_lines_that_each_start_a_sentence_or_a_row_are_not_joined(text):
    from rhetoric.intake import wrapped_line_breaks

    assert wrapped_line_breaks(text) == []


@pytest.mark.parametrize("text, word, category", [
    ("The plan appears  to have failed, officials said.", "appears", "hedge"),
    ("The minister  claimed  the figures were wrong.  Critics disagreed.", "claimed", "reporting_verb"),
    ("It is  not clear  whether the  deal will hold.", "whether", "hedge"),
])
def test_runs_of_spaces_read_as_one_space(analyze, text, word, category):
    a = analyze(text)
    assert "run(s) of spaces" in (a.normalisation or "")
    hits = [s for s in a.signals if s.category == category and word in s.text]
    assert hits, [(s.category, s.text) for s in a.signals]
    for item in [*a.signals, *a.entities, *a.quotes]:
        assert text[item.start:item.end] == item.text
