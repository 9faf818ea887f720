"""Check functions of the code exercises: they inspect the learner's value, not just its text.

Expected answers are computed from the analysis of the seed at check time, so the checks stay
right as the kit's layers improve; the answer keys in ``data/exercises`` hold what cannot be
computed (a reader's judgement). Each check names the likely mistake when it can see it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .. import course
from .answers import AnswerTypeError, as_int, as_list, kind_of, norm, same_actor, text_of, texts
from .gold import gold_signals
from .registry import Exercise, Verdict, checker, right, wrong


def _analysis():
    return course.seed_analysis()


def _compare_lists(got: list[str], want: list[str], what: str) -> Verdict | None:
    """A verdict for two lists of normalised texts that differ, or None if they match."""
    if got == want:
        return None
    g, w = Counter(got), Counter(want)
    missing = list((w - g).elements())
    extra = list((g - w).elements())
    details = []
    if extra:
        details.append(f"not {what}: {', '.join(sorted(set(extra))[:8])}")
    if missing:
        details.append(f"missing: {', '.join(sorted(set(missing))[:8])}")
    if not extra and not missing:
        return wrong("You have the right items but in another order: keep the order of the article.", details=details)
    return wrong(f"Your list has {len(got)} items; the kit's has {len(want)}.", details=details)


# --- 00: start here -------------------------------------------------------------------------

@checker("00.1")
def check_paragraphs(answer: Any, ex: Exercise) -> Verdict:
    n = as_int(answer, "how many paragraphs")
    want = len(course.paragraphs())
    if n == want:
        return right(f"{n} paragraphs.")
    if n == want + 1:
        return wrong(f"{n} is one too many.", hint=f"Did you count the last line, '{ex.key['footer']}'? "
                     "That is the publisher's footer, not part of the article: the kit sets it aside.")
    if n == len(list(_analysis().doc.sents)):
        return wrong(f"{n} is the number of sentences spaCy finds, not paragraphs.")
    return wrong(f"{n} is not it." + (" That is too many." if n > want else " That is too few."))


@checker("00.3")
def check_first_person(answer: Any, ex: Exercise) -> Verdict:
    name = text_of(answer)
    if same_actor(name, ex.key["answer"], ex.key.get("aliases", [])):
        return right(f"“{name}”.")
    trap = ex.key.get("traps", {}).get(norm(name))
    return wrong(f"“{name}” is not the first person the article names.", hint=trap)


# --- 01: entities ---------------------------------------------------------------------------

def _shown_token(text: str) -> str:
    return "⏎ (line break)" if text == "\n" else ("␣" if text.isspace() else text)


@checker("01.1")
def check_tokens(answer: Any, ex: Exercise) -> Verdict:
    """The first sentence's tokens; the line-break token may be kept or left out, and every count
    in the messages is the count of the list being talked about."""
    items = as_list(answer, "token texts")
    first = next(iter(_analysis().doc.sents))
    every = [t.text for t in first]
    words = [t.text for t in first if not t.is_space]
    got = [text_of(x) for x in items]
    spaces = len(every) - len(words)
    if got == every or (spaces and got == words):
        note = (f" (the last, a line break, is a token too: {len(words)} without it)"
                if spaces and got == every else "")
        return right(f"{len(got)} tokens{note}: {' | '.join(_shown_token(t) for t in got)}")
    bare = [g for g in got if g.strip()]
    if bare == first.text.split():
        return wrong("This is the sentence split at the spaces, which keeps 'Today,' and 'sense.' "
                     "with their punctuation.", hint="spaCy splits punctuation off into tokens of its own. "
                     "Use the tokens of the sentence (token.text), not str.split().")
    if all(isinstance(x, str) for x in got) and [x.lower() for x in every] == got and got != every:
        return wrong("Close: these are lower-cased. Keep the text exactly as written (token.text, not token.lower_).")
    if len(got) == len(every):
        return wrong(f"You have the right number of items ({len(got)}), but not the token texts.",
                     details=[f"your first items: {got[:4]}"])
    return wrong(f"Your list has {len(got)} items; the first sentence has {len(every)} tokens "
                 f"({len(words)} without the line break at its end).")


def _entity_texts(items: list) -> list[str]:
    return texts(items)


@checker("01.2")
def check_persons(answer: Any, ex: Exercise) -> Verdict:
    items = as_list(answer, "entity texts")
    a = _analysis()
    got = _entity_texts(items)
    want = [norm(e.text) for e in a.entities if e.label == "PERSON"]
    problem = _compare_lists(got, want, "labelled PERSON by the kit")
    if problem is None:
        people = Counter(e.actor or e.text for e in a.entities if e.label == "PERSON")
        top = ", ".join(f"{n} ({c})" for n, c in people.most_common(3))
        return right(f"{len(got)} mentions of people. Most mentioned: {top}.")
    model_persons = [norm(e.text) for e in a.entities if e.model_label == "PERSON"]
    if got == model_persons and got != want:
        problem.hint = "Your list matches e.model_label, spaCy's raw guess. The task asks for the kit's label, e.label."
    elif sorted(set(got)) == sorted(set(want)) and len(got) < len(want):
        problem.hint = "You have each name once; the task asks for every mention, repeats included."
    return problem


@checker("01.3")
def check_corrections(answer: Any, ex: Exercise) -> Verdict:
    items = as_list(answer, "entity texts")
    a = _analysis()
    got = _entity_texts(items)
    want = [norm(e.text) for e in a.entities if e.model_label != e.label]
    problem = _compare_lists(got, want, "corrected by the kit")
    if problem is None:
        by_rule = Counter(e.rule or "other" for e in a.entities if e.model_label != e.label)
        rules = ", ".join(f"{r} ({c})" for r, c in by_rule.most_common())
        return right(f"{len(got)} corrections" + (f", by rule: {rules}." if rules else "."))
    if len(got) == len(a.entities):
        problem.hint = "You kept every entity: the condition should keep only those whose two labels differ."
    return problem


@checker("01.4")
def check_top_actor(answer: Any, ex: Exercise) -> Verdict:
    a = _analysis()
    if hasattr(answer, "mentions") and hasattr(answer, "name"):
        answer = answer.name  # an Actor object is fine too
    name = text_of(answer)
    ranked = sorted(a.actors.values(), key=lambda act: -len(act.mentions))
    if not ranked:
        return wrong("The kit found no actors in this text.")
    top = ranked[0]
    ties = [act for act in ranked if len(act.mentions) == len(top.mentions)]

    def names(act) -> set[str]:
        return {a.text[s:e] for s, e in act.mentions}

    for act in ties:
        if same_actor(name, act.name, names(act)):
            return right(f"{act.name}, with {len(act.mentions)} mentions.")
    kinds = {str(getattr(act, "type", "")).lower() for act in ties}
    who = "one person" if kinds == {"person"} else "one actor"
    for act in ranked:
        if same_actor(name, act.name, names(act)):
            hint = None
            if str(getattr(act, "type", "")).lower() != "person" and kinds == {"person"}:
                hint = "Countries are actors too, but here a person has the most mentions."
            n = len(act.mentions)
            return wrong(f"{act.name} has {n} mention{'' if n == 1 else 's'}; {who} has more.", hint=hint)
    return wrong(f"The kit has no actor called “{name}”.",
                 hint="Use a name as the chart shows it, or list them: list(analysis.actors)[:5].")


# --- 02: quotes -----------------------------------------------------------------------------

@checker("02.1")
def check_apostrophes(answer: Any, ex: Exercise) -> Verdict:
    n = as_int(answer, "how many apostrophes")
    total = course.seed_text().count("’")
    want = total - ex.key["closing_single_quotes"]
    if n == want:
        return right(f"{n} apostrophes.")
    if n == total:
        return wrong(f"{n} is every ’ in the text.", hint="One of them is not an apostrophe: it closes a quotation.")
    if n == 0:
        straight = course.seed_text().count("'")
        return wrong(f"0 is not it. The article has {straight} straight ' and {total} curly ’: count the curly ones.")
    return wrong(f"{n} is not it.")


@checker("02.2")
def check_direct_speakers(answer: Any, ex: Exercise) -> Verdict:
    items = as_list(answer, "speakers")
    a = _analysis()
    want = [q.speaker for q in a.quotes if q.kind == "direct"]
    got = [None if x is None else text_of(x) for x in items]
    if len(got) == len(want) and all(same_actor(g, w) if g is not None else w is None for g, w in zip(got, want)):
        counts = Counter(w or "(nobody named)" for w in want)
        return right(f"{len(want)} direct quotes: " + ", ".join(f"{n} {c}" for n, c in counts.most_common()) + ".")
    everyone = [q.speaker for q in a.quotes]
    if len(got) == len(everyone) and len(everyone) != len(want):
        return wrong(f"Your list has all {len(got)} quotes, direct and indirect.",
                     hint="Keep only those with q.kind == \"direct\" (in quotation marks).")
    if None in want and None not in got and len(got) == len(want) - want.count(None):
        return wrong("You left out the quote with no named speaker.", hint="Keep speaker None in the list: it is a real quote.")
    return wrong(f"Your list has {len(got)} speakers; the kit found {len(want)} direct quotes.")


@checker("02.4")
def check_relayed(answer: Any, ex: Exercise) -> Verdict:
    if isinstance(answer, dict):
        speaker, relay = answer.get("speaker"), answer.get("relayed_by")
    else:
        pair = as_list(answer, "two names")
        if len(pair) != 2:
            raise AnswerTypeError(f"expected two names, (speaker, relayed by); got {len(pair)}")
        speaker, relay = pair
    speaker, relay = text_of(speaker), text_of(relay)
    s_ok = same_actor(speaker, ex.key["speaker"])
    r_ok = same_actor(relay, ex.key["relayed_by"])
    if s_ok and r_ok:
        return right(f"Said by {ex.key['speaker']}, relayed by {ex.key['relayed_by']}.")
    if same_actor(speaker, ex.key["relayed_by"]) and same_actor(relay, ex.key["speaker"]):
        return wrong("You have the two people, the other way round.", hint="The speaker comes first: whose words are they?")
    if s_ok:
        return wrong(f"Yes, the words are {speaker}'s. But who passed them on?")
    if r_ok:
        return wrong(f"Yes, {relay} passed them on. But whose words are they?")
    if same_actor(speaker, "Trump") or same_actor(relay, "Trump"):
        return wrong("Trump is the one who was told, in a private call: he neither says these words nor relays them.")
    return wrong(f"Neither {speaker} nor {relay} is right.")


# --- 03: framing ----------------------------------------------------------------------------

def verb_stances(ex: Exercise) -> dict[str, str]:
    """The stance of each verb of 03.1, from the gold signals (``KeyError`` if the gold lacks one)."""
    gold = {int(s["start"]): s["subtype"] for s in gold_signals("reporting_verb")}
    return {verb: gold[spec["start"]] for verb, spec in ex.key["verbs"].items()}


@checker("03.1")
def check_stances(answer: Any, ex: Exercise) -> Verdict:
    if not isinstance(answer, dict):
        raise AnswerTypeError(f"expected a dict of verb -> stance (keep the {{...}} of the starter), got {kind_of(answer)}")
    want = verb_stances(ex)
    synonyms = ex.key.get("synonyms", {})
    given = {norm(str(k)): v for k, v in answer.items()}
    wrong_ones, unknown = [], []
    for verb, stance in want.items():
        got = given.get(norm(verb))
        if got is None:
            wrong_ones.append(f"'{verb}' has no answer")
            continue
        g = synonyms.get(norm(text_of(got)), norm(text_of(got)))
        if g not in ex.key["stances"]:
            unknown.append(f"'{verb}': “{got}” is not one of {', '.join(ex.key['stances'])}")
        elif g != stance:
            wrong_ones.append(f"'{verb}' is not {g}")
    if not wrong_ones and not unknown:
        return right("All five stances.")
    n_ok = len(want) - len(wrong_ones) - len(unknown)
    return wrong(f"{n_ok} of {len(want)} right.", details=unknown + wrong_ones)


@checker("03.3")
def check_author_hedges(answer: Any, ex: Exercise) -> Verdict:
    items = as_list(answer, "hedge texts")
    a = _analysis()
    got = texts(items)
    want = [norm(s.text) for s in a.signals if s.category == "hedge" and not s.in_quote]
    problem = _compare_lists(got, want, "the author's hedges")
    if problem is None:
        quoted = [s.text for s in a.signals if s.category == "hedge" and s.in_quote]
        extra = f" Left out, because they are inside quotes: {', '.join(quoted)}." if quoted else ""
        return right(f"{len(got)} hedges by the author.{extra}")
    every = [norm(s.text) for s in a.signals if s.category == "hedge"]
    if got == every and every != want:
        problem.hint = "Your list includes the hedges inside quotes, which are the speakers'. Add: and not s.in_quote."
    return problem
